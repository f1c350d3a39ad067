"""Central-SOE group resolution out of the box: the shipped data, the English assignee forms of
DOCDB / Google Patents, name-pattern inference with its evidence, and credit codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from domain.central_soes import (
    CentralSoeDirectory,
    credit_code_check_character,
    default_central_soe_dir,
    english_key,
    is_valid_credit_code,
    load_central_soe_directory,
    normalize_credit_code,
)

# ../shared/data beside the repository (a checkout in /work/main or a worktree in /work/wt/<name>)
SASAC_LIST = next(
    (
        root / "shared" / "data" / "soe-sasac-list"
        for root in Path(__file__).resolve().parents[2:4]
        if (root / "shared" / "data" / "soe-sasac-list").exists()
    ),
    Path(__file__).resolve().parents[2] / "shared" / "data" / "soe-sasac-list",
)

# Assignee names as they appear on CN records and in DOCDB / Google Patents, none copied from a
# data row: branches, abbreviations, other legal forms, stray characters, appended acronyms.
EVALUATION: list[tuple[str, str]] = [
    ("国网浙江省电力有限公司宁波供电公司", "SGCC"),
    ("国网江苏省电力有限公司电力科学研究院", "SGCC"),
    ("国网湖北省电力公司检修公司", "SGCC"),
    ("国网冀北电力有限公司唐山供电公司", "SGCC"),
    ("国网山东省电力公司济南供电公司", "SGCC"),
    ("国 网 上 海 市 电 力 公 司", "SGCC"),
    ("广东电网有限责任公司电力科学研究院", "CSG"),
    ("云南电网有限责任公司昆明供电局", "CSG"),
    ("中国石油化工股份有限公司镇海炼化分公司", "SINOPEC"),
    ("中国石化扬子石油化工有限公司南京研究院", "SINOPEC"),
    ("中国石油天然气股份有限公司长庆油田分公司第三采油厂", "CNPC"),
    ("中海石油(中国)有限公司天津分公司", "CNOOC"),
    ("中国移动通信集团浙江有限公司", "CHINAMOBILE"),
    ("中国电信股份有限公司广东分公司", "CHINATELECOM"),
    ("中国联合网络通信有限公司北京市分公司", "CHINAUNICOM"),
    ("中国航天科技集团有限公司第五研究院第五一三研究所", "CASC"),
    ("中铁二局第一工程有限公司", "CREC"),
    ("中铁十八局集团第二工程有限公司", "CRCC"),
    ("中建八局第三建设有限公司", "CSCEC"),
    ("中交第二航务工程局有限公司第六工程分公司", "CCCC"),
    ("中国水利水电第十四工程局有限公司", "POWERCHINA"),
    ("中车株洲电力机车研究所有限公司", "CRRC"),
    ("宝山钢铁股份有限公司", "BAOWU"),
    ("中国电子科技集团公司第三十八研究所", "CETC"),
    ("大唐移动通信设备有限公司", "CICT"),
    ("华能国际电力股份有限公司上海石洞口第二电厂", "HUANENG"),
    ("国家电投集团科学技术研究院有限公司", "SPIC"),
    ("中国核动力研究设计院", "CNNC"),
    ("State Grid Zhejiang Electric Power Co Ltd", "SGCC"),
    ("Yunnan Power Grid Co Ltd", "CSG"),
    ("Sinopec Shanghai Petrochemical Co Ltd", "SINOPEC"),
    ("CNOOC China Ltd", "CNOOC"),
    ("STATE GRID CORPORATION OF CHINA (SGCC)", "SGCC"),
    ("STATE GRID JIANGSU ELECTRIC POWER CO LTD RES INST", "SGCC"),
    ("State Grid Sichuan Electric Power Company Tianfu New Area Power Supply Company", "SGCC"),
    ("ELECTRIC POWER RES INST OF GUANGDONG POWER GRID CO LTD", "CSG"),
    ("CHINA PETROLEUM & CHEMICAL CORP", "SINOPEC"),
    ("SINOPEC RES INST PETROLEUM PROC", "SINOPEC"),
    ("PETROCHINA CO. LTD.", "CNPC"),
    ("China Mobile Group Zhejiang Co., Ltd.", "CHINAMOBILE"),
    ("CHINA UNITED NETWORK COMM GROUP CO LTD", "CHINAUNICOM"),
    ("CRRC QINGDAO SIFANG CO., LTD.", "CRRC"),
    ("BAOSHAN IRON & STEEL CO., LTD.", "BAOWU"),
    ("China Electric Power Research Institute Co., Ltd.", "SGCC"),
    ("NARI TECH CO LTD", "SGCC"),
    ("Guangzhou Power Supply Bureau Co., Ltd", "CSG"),
    ("CHINA RAILWAY CONSTRUCTION HEAVY IND CORP LTD", "CRCC"),
    ("CHINA RAILWAY 18TH BUREAU GROUP CO LTD", "CRCC"),
    ("CHINA CONSTRUCTION EIGHTH ENG DIVISION CORP LTD", "CSCEC"),
    ("CCCC SECOND HARBOR ENG CO LTD", "CCCC"),
    ("HUANENG CLEAN ENERGY RES INST", "HUANENG"),
    ("SHANGHAI NUCLEAR ENG RES & DESIGN INST CO LTD", "SPIC"),
    ("FIBERHOME TELECOMMUNICATION TECH CO LTD", "CICT"),
    ("AVIC CHENGDU AIRCRAFT DESIGN & RES INST", "AVIC"),
    ("COMMERCIAL AIRCRAFT CORP OF CHINA LTD", "COMAC"),
    ("CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION NO 38 RESEARCH INSTITUTE", "CETC"),
    ("Zhuzhou CRRC Times Electric Co., Ltd.*", "CRRC"),
    ("CHINA SHENHUA ENERGY CO LTD", "CHNENERGY"),
]

# A second set, written after the data as a check on it: the forms of Google Patents / DOCDB
# assignees (full English words, "CORPORATION", "COMPANY LIMITED", "OF STATE GRID ...") and
# second- and third-tier Chinese units.
SECOND_EVALUATION: list[tuple[str, str]] = [
    ("STATE GRID ZHEJIANG ELECTRIC POWER", "SGCC"),
    ("STATE GRID JIBEI ELECTRIC POWER COMPANY LIMITED RESEARCH INSTITUTE", "SGCC"),
    ("ELECTRIC POWER RESEARCH INSTITUTE OF STATE GRID SHANDONG ELECTRIC POWER COMPANY", "SGCC"),
    ("CHINA ELECTRIC POWER RESEARCH INSTITUTE", "SGCC"),
    ("ELECTRIC POWER SCIENCE RESEARCH INSTITUTE OF GUANGDONG POWER GRID", "CSG"),
    ("CSG ELECTRIC POWER RESEARCH INSTITUTE", "CSG"),
    ("SHENZHEN POWER SUPPLY BUREAU CO., LTD.", "CSG"),
    ("GUIZHOU POWER GRID CO LTD ELECTRIC POWER RESEARCH INSTITUTE", "CSG"),
    ("CHINA PETROLEUM & CHEMICAL CORPORATION", "SINOPEC"),
    ("SINOPEC BEIJING RESEARCH INSTITUTE OF CHEMICAL INDUSTRY", "SINOPEC"),
    ("SINOPEC SHANGHAI RESEARCH INSTITUTE OF PETROCHEMICAL TECHNOLOGY", "SINOPEC"),
    (
        "CHINA PETROLEUM & CHEMICAL CORP FUSHUN RESEARCH INSTITUTE OF PETROLEUM & PETROCHEMICALS",
        "SINOPEC",
    ),
    ("PETROCHINA COMPANY LIMITED", "CNPC"),
    ("CNPC BOHAI DRILLING ENGINEERING COMPANY LIMITED", "CNPC"),
    ("CHINA NATIONAL OFFSHORE OIL CORPORATION", "CNOOC"),
    ("CNOOC RESEARCH INSTITUTE CO., LTD.", "CNOOC"),
    ("CHINA OILFIELD SERVICES LIMITED", "CNOOC"),
    ("OFFSHORE OIL ENGINEERING CO., LTD.", "CNOOC"),
    ("CHINA MOBILE COMMUNICATIONS GROUP CO.,LTD", "CHINAMOBILE"),
    ("CHINA MOBILE COMMUNICATIONS CORPORATION", "CHINAMOBILE"),
    ("CHINA TELECOM CORPORATION LIMITED", "CHINATELECOM"),
    ("CHINA UNITED NETWORK COMMUNICATIONS GROUP COMPANY LIMITED", "CHINAUNICOM"),
    ("BEIJING INSTITUTE OF CONTROL ENGINEERING", "CASC"),
    ("CHINA ACADEMY OF SPACE TECHNOLOGY", "CASC"),
    ("BEIJING INSTITUTE OF SPACECRAFT SYSTEM ENGINEERING", "CASC"),
    ("AECC COMMERCIAL AIRCRAFT ENGINE CO LTD", "AECC"),
    ("CRRC QINGDAO SIFANG ROLLING STOCK RESEARCH INSTITUTE CO LTD", "CRRC"),
    ("ZHUZHOU CRRC TIMES ELECTRIC CO LTD", "CRRC"),
    ("WUHAN IRON AND STEEL CO., LTD.", "BAOWU"),
    ("ANGANG STEEL COMPANY LIMITED", "ANSTEEL"),
    ("PANGANG GROUP PANZHIHUA STEEL & VANADIUM CO LTD", "ANSTEEL"),
    ("HUANENG POWER INTERNATIONAL INC", "HUANENG"),
    ("XI'AN THERMAL POWER RESEARCH INSTITUTE CO., LTD.", "HUANENG"),
    ("CHINA THREE GORGES CORPORATION", "CTG"),
    ("CHINA YANGTZE POWER CO LTD", "CTG"),
    ("CHINA NUCLEAR POWER ENGINEERING CO LTD", "CNNC"),
    ("CHINA GENERAL NUCLEAR POWER CORPORATION", "CGN"),
    ("CGN POWER CO., LTD.", "CGN"),
    ("STATE POWER INVESTMENT CORPORATION RESEARCH INSTITUTE", "SPIC"),
    ("NATIONAL INSTITUTE OF CLEAN-AND-LOW-CARBON ENERGY", "CHNENERGY"),
    ("CHINA RAILWAY ENGINEERING EQUIPMENT GROUP CO LTD", "CREC"),
    ("CHINA RAILWAY SIYUAN SURVEY AND DESIGN GROUP CO., LTD.", "CRCC"),
    ("CHINA CONSTRUCTION THIRD ENGINEERING BUREAU CO LTD", "CSCEC"),
    ("CCCC FIRST HIGHWAY CONSULTANTS CO LTD", "CCCC"),
    ("POWERCHINA HUADONG ENGINEERING CORPORATION LIMITED", "POWERCHINA"),
    (
        "CHINA ENERGY ENGINEERING GROUP GUANGDONG ELECTRIC POWER DESIGN INSTITUTE CO LTD",
        "ENERGYCHINA",
    ),
    ("WUHAN RESEARCH INSTITUTE OF POSTS AND TELECOMMUNICATIONS", "CICT"),
    ("DATANG MOBILE COMMUNICATIONS EQUIPMENT CO., LTD.", "CICT"),
    ("CHINA ACADEMY OF TELECOMMUNICATIONS TECHNOLOGY", "CICT"),
    ("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "CETC"),
    ("NARI GROUP CORPORATION", "SGCC"),
    ("CHINA COAL RESEARCH INSTITUTE", "CCTEG"),
    ("TIANDI SCIENCE & TECHNOLOGY CO LTD", "CCTEG"),
    ("CENTRAL IRON & STEEL RESEARCH INSTITUTE", "CISRI"),
    ("GENERAL RESEARCH INSTITUTE FOR NONFERROUS METALS", "GRINM"),
    ("BEIJING GENERAL RESEARCH INSTITUTE OF MINING & METALLURGY", "BGRIMM"),
    ("CHINA JUSHI CO., LTD.", "CNBM"),
    ("METALLURGICAL CORPORATION OF CHINA LTD", "MINMETALS"),
    ("CISDI ENGINEERING CO LTD", "MINMETALS"),
    ("SHENYANG RESEARCH INSTITUTE OF CHEMICAL INDUSTRY CO LTD", "SINOCHEM"),
    ("SINOCHEM INTERNATIONAL CORPORATION", "SINOCHEM"),
    ("COMAC SHANGHAI AIRCRAFT DESIGN AND RESEARCH INSTITUTE", "COMAC"),
    ("SHANGHAI AIRCRAFT MANUFACTURING CO LTD", "COMAC"),
    ("XJ ELECTRIC CO., LTD.", "CEE"),
    ("CHINA XD ELECTRIC CO LTD", "CEE"),
    ("AIR CHINA LIMITED", "CNAH"),
    ("国网福建省电力有限公司经济技术研究院", "SGCC"),
    ("国网辽宁省电力有限公司电力科学研究院", "SGCC"),
    ("国网安徽省电力有限公司超高压分公司", "SGCC"),
    ("国家电网公司华东分部", "SGCC"),
    ("国网山西省电力公司晋城供电公司", "SGCC"),
    ("国网智能电网研究院", "SGCC"),
    ("国网电力科学研究院武汉南瑞有限责任公司", "SGCC"),
    ("南京南瑞继保电气有限公司", "SGCC"),
    ("国网湖南省电力有限公司防灾减灾中心", "SGCC"),
    ("贵州电网有限责任公司电力科学研究院", "CSG"),
    ("海南电网有限责任公司电力科学研究院", "CSG"),
    ("中国南方电网有限责任公司超高压输电公司检修试验中心", "CSG"),
    ("中国石油化工股份有限公司胜利油田分公司石油工程技术研究院", "SINOPEC"),
    ("中国石化工程建设有限公司", "SINOPEC"),
    ("中石化南京化工研究院有限公司", "SINOPEC"),
    ("中国石油天然气股份有限公司西南油气田分公司天然气研究院", "CNPC"),
    ("中国石油集团川庆钻探工程有限公司长庆井下技术作业公司", "CNPC"),
    ("中国石油集团海洋工程有限公司", "CNPC"),
    ("中海石油(中国)有限公司北京研究中心", "CNOOC"),
    ("中海油能源发展股份有限公司工程技术分公司", "CNOOC"),
    ("中国移动通信集团广东有限公司", "CHINAMOBILE"),
    ("中移(成都)信息通信科技有限公司", "CHINAMOBILE"),
    ("北京宇航系统工程研究所", "CASC"),
    ("上海航天控制技术研究所", "CASC"),
    ("北京航天自动控制研究所", "CASC"),
    ("中国船舶重工集团公司第七一九研究所", "CSSC"),
    ("中船黄埔文冲船舶有限公司", "CSSC"),
    ("中电科航空电子有限公司", "CETC"),
    ("中铁大桥局集团第一工程有限公司", "CREC"),
    ("中铁十一局集团第五工程有限公司", "CRCC"),
    ("中国建筑第二工程局有限公司华南分公司", "CSCEC"),
    ("中建三局第一建设工程有限责任公司", "CSCEC"),
    ("中国水利水电第七工程局成都水电建设工程有限公司", "POWERCHINA"),
    ("中国葛洲坝集团第一工程有限公司", "ENERGYCHINA"),
    ("中国能源建设集团浙江省电力设计院有限公司", "ENERGYCHINA"),
    ("攀钢集团攀枝花钢铁研究院有限公司", "ANSTEEL"),
    ("宝钢湛江钢铁有限公司", "BAOWU"),
    ("中冶南方工程技术有限公司", "MINMETALS"),
    ("中车青岛四方车辆研究所有限公司", "CRRC"),
    ("中车株洲电机有限公司", "CRRC"),
    ("中国大唐集团新能源科学技术研究院有限公司", "DATANG"),
    ("中国原子能科学研究院", "CNNC"),
    ("岭澳核电有限公司", "CGN"),
    ("武汉光迅科技股份有限公司", "CICT"),
    ("中材科技风电叶片股份有限公司", "CNBM"),
]

NOT_CENTRAL_SOES = [
    "华为技术有限公司",
    "HUAWEI TECH CO LTD",
    "宁德时代新能源科技股份有限公司",
    "Contemporary Amperex Technology Co Ltd",
    "清华大学",
    "ZHEJIANG UNIVERSITY",
    "SIEMENS AG",
    "LG CHEM LTD",
    "比亚迪股份有限公司",
    "中国科学院大连化学物理研究所",
    "中国铁路设计集团有限公司",
    "China Railway Design Corporation",
    # universities and academies whose names start like an SOE brand
    "中国石油大学(华东)",
    "China University of Petroleum Beijing",
    "三峡大学",
    "华北电力大学",
    "INST OF CHEMISTRY CHINESE ACAD OF SCIENCES",
    "保利协鑫能源控股有限公司",
    # other groups' names that start like an SOE brand
    "OPPO广东移动通信有限公司",
    "内蒙古电力(集团)有限责任公司",
    "招商银行股份有限公司",
    "中信科技发展有限公司",
    "中建投信托股份有限公司",
    "陕西延长石油(集团)有限责任公司",
    "中国铁道科学研究院集团有限公司",
    "SHANGHAI ELECTRIC GROUP CO LTD",
    "CHINA MERCHANTS BANK CO LTD",
    "BOE TECHNOLOGY GROUP CO LTD",
]


@pytest.fixture(scope="module")
def directory() -> CentralSoeDirectory:
    return load_central_soe_directory()


def test_evaluation_set_resolves_at_least_ninety_percent(directory: CentralSoeDirectory) -> None:
    wrong = []
    for name, expected in EVALUATION:
        resolution = directory.resolve(name)
        if resolution is None or resolution.group_id != expected:
            wrong.append((name, expected, resolution))
    share = 1 - len(wrong) / len(EVALUATION)
    print(f"central-SOE evaluation: {len(EVALUATION) - len(wrong)}/{len(EVALUATION)} = {share:.1%}")
    assert len(EVALUATION) >= 40
    assert share >= 0.9, wrong


def test_second_evaluation_set_resolves_at_least_ninety_percent(
    directory: CentralSoeDirectory,
) -> None:
    wrong = [
        (name, expected, directory.resolve(name))
        for name, expected in SECOND_EVALUATION
        if directory.group_of(name) != expected
    ]
    right = len(SECOND_EVALUATION) - len(wrong)
    print(f"second evaluation: {right}/{len(SECOND_EVALUATION)}")
    assert right / len(SECOND_EVALUATION) >= 0.9, wrong


def test_non_soe_names_do_not_resolve(directory: CentralSoeDirectory) -> None:
    resolved = {name: directory.resolve(name) for name in NOT_CENTRAL_SOES}
    assert {name: r for name, r in resolved.items() if r is not None} == {}


@pytest.mark.parametrize(
    ("name", "organization"),
    [
        ("State Grid Zhejiang Electric Power Co Ltd", "国网浙江省电力有限公司"),
        ("Yunnan Power Grid Co Ltd", "云南电网有限责任公司"),
        ("Sinopec Shanghai Petrochemical Co Ltd", "中国石化上海石油化工股份有限公司"),
        ("CNOOC China Ltd", "中海石油（中国）有限公司"),
    ],
)
def test_issue_names_resolve_to_the_chinese_company(
    directory: CentralSoeDirectory, name: str, organization: str
) -> None:
    resolution = directory.resolve(name)
    assert resolution is not None
    assert resolution.organization == organization
    assert resolution.confidence == 1.0 and resolution.rule == "exact"


@pytest.mark.parametrize(
    "name",
    [
        "STATE GRID CORP CHINA SGCC",
        "STATE GRID CORP OF CHINA",
        "State Grid Corporation of China",
        "State Grid Corp. of China",
        "  state grid corporation of china (sgcc) ",
        "STATE GRID CORP CHINA [CN]",
        "国家电网公司",
        "国家电网",
    ],
)
def test_group_spellings_resolve_to_the_group_itself(
    directory: CentralSoeDirectory, name: str
) -> None:
    resolution = directory.resolve(name)
    assert resolution is not None
    assert (resolution.group_id, resolution.organization) == ("SGCC", "国家电网有限公司")
    assert resolution.confidence >= 0.95


def test_english_key_folds_docdb_forms() -> None:
    assert english_key("STATE GRID CORP CHINA SGCC") == english_key(
        "State Grid Corporation of China"
    )
    assert english_key("ELECTRIC PWR RES INST") == "electric power research institute"
    assert english_key("CHINA PETROLEUM & CHEMICAL CORP") == english_key(
        "China Petroleum and Chemical Corporation"
    )
    assert english_key("Xi'an Thermal Power Research Institute Co., Ltd.") == english_key(
        "XIAN THERMAL POWER RES INST CO LTD"
    )
    # a last word that does not spell the initials is part of the name
    assert english_key("CNOOC CHINA LTD").endswith("china")


def test_pattern_inference_names_its_rule_and_lowers_confidence(
    directory: CentralSoeDirectory,
) -> None:
    resolution = directory.resolve("国网阿里供电公司")  # not a listed company
    assert resolution is not None and resolution.group_id == "SGCC"
    assert resolution.organization is None
    assert resolution.rule.startswith("pattern:") and resolution.evidence
    assert resolution.confidence < 1.0


def test_branch_of_a_listed_company_names_the_parent(directory: CentralSoeDirectory) -> None:
    resolution = directory.resolve("中国石油化工股份有限公司某某新分公司")
    assert resolution is not None
    assert (resolution.group_id, resolution.rule) == ("SINOPEC", "branch_of_known")
    assert resolution.evidence == resolution.parent == "中国石油化工股份有限公司"
    english = directory.resolve("State Grid Zhejiang Electric Power Research Institute")
    assert english is not None and english.parent == "国网浙江省电力有限公司"


def test_weak_patterns_ask_for_review(directory: CentralSoeDirectory) -> None:
    resolution = directory.resolve("中铁某某物资有限公司")
    assert resolution is not None and resolution.needs_review
    assert directory.group_of("中铁某某物资有限公司", min_confidence=0.8) is None


@pytest.mark.parametrize(
    "name", ["国能新能源汽车有限责任公司", "中油优艺环保服务有限公司", "三峡某某科技有限公司"]
)
def test_brand_prefixes_shared_with_other_companies_need_review(
    directory: CentralSoeDirectory, name: str
) -> None:
    resolution = directory.resolve(name)
    assert resolution is not None and resolution.needs_review


def test_the_longest_pattern_wins_between_groups(directory: CentralSoeDirectory) -> None:
    telecom = directory.resolve("大唐电信集团某某研究所")
    power = directory.resolve("大唐某某发电有限公司")
    assert telecom is not None and telecom.group_id == "CICT"
    assert power is not None and power.group_id == "DATANG"
    construction = directory.resolve("中化二建集团有限公司")
    assert construction is not None and construction.group_id == "CNCEC"


def test_legal_form_variants_resolve(directory: CentralSoeDirectory) -> None:
    resolution = directory.resolve("国网江苏省电力公司")  # the pre-2017 form is a former name
    assert resolution is not None and resolution.organization == "国网江苏省电力有限公司"
    variant = directory.resolve("宝山钢铁有限公司")
    assert variant is not None and variant.rule == "legal_form_variant"
    assert variant.organization == "宝山钢铁股份有限公司"


def test_blank_and_unknown_names_return_none(directory: CentralSoeDirectory) -> None:
    assert directory.resolve("") is None
    assert directory.resolve("   ") is None
    assert directory.resolve("某某科技有限公司") is None


def test_an_alias_of_two_groups_is_never_used(tmp_path: Path) -> None:
    (tmp_path / "central_soes.tsv").write_text(
        "group_id\tname\tshort_names\tformer_names\tenglish_names\tsasac_seq\twebsite\tsource\n"
        "A\t甲集团有限公司\t甲\t\tAlpha Group|AG\t1\t\tt\n"
        "B\t乙集团有限公司\t乙\t\tBeta Group|AG\t2\t\tt\n",
        encoding="utf-8",
    )
    (tmp_path / "central_soe_subsidiaries.tsv").write_text(
        "name\tgroup_id\tkind\tshort_names\tformer_names\tenglish_names\tsource\n", encoding="utf-8"
    )
    (tmp_path / "central_soe_name_patterns.tsv").write_text(
        "rule_id\tgroup_id\tscript\tconfidence\tpattern\tnote\n", encoding="utf-8"
    )
    directory = CentralSoeDirectory.load(tmp_path)
    assert directory.resolve("AG") is None
    resolved = directory.resolve("ALPHA GROUP")
    assert resolved is not None and resolved.group_id == "A"


def test_every_subsidiary_and_pattern_names_a_listed_group() -> None:
    folder = default_central_soe_dir()
    groups = {row["group_id"] for row in _tsv(folder / "central_soes.tsv")}
    for row in _tsv(folder / "central_soe_subsidiaries.tsv"):
        assert row["group_id"] in groups, row
        assert row["source"], row
    for row in _tsv(folder / "central_soe_name_patterns.tsv"):
        assert row["group_id"] in groups, row
        assert 0 < float(row["confidence"]) < 1, row


@pytest.mark.skipif(not SASAC_LIST.exists(), reason="../shared/data/soe-sasac-list is absent")
def test_every_sasac_supervised_group_is_shipped_and_resolves(
    directory: CentralSoeDirectory,
) -> None:
    with (SASAC_LIST / "central_soes_parsed.csv").open(encoding="utf-8") as handle:
        official = [
            row["name"].split("[")[0]
            for row in csv.DictReader(handle)
            if row["category"] == "国务院国资委履行出资人职责的企业名单"
        ]
    assert len(official) == 100
    unresolved = [name for name in official if directory.group_of(name) is None]
    assert unresolved == []
    assert len(directory.groups) == len(official)


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("code", ["91350100M000100Y43", "914403001922038216", "91110000710935732K"])
def test_valid_credit_codes(code: str) -> None:
    assert is_valid_credit_code(code)
    assert credit_code_check_character(code[:17]) == code[17]


def test_credit_code_normalisation() -> None:
    assert normalize_credit_code(" ９１３５０１００ｍ０００１００ｙ４３ ") == "91350100M000100Y43"
    assert normalize_credit_code("9135-0100-M000-100Y43") == "91350100M000100Y43"
    assert normalize_credit_code("91350100M000100Y44") is None  # wrong check character
    assert normalize_credit_code("91350100M000100Y4") is None  # 17 characters
    assert normalize_credit_code("91350100I000100Y43") is None  # I is not in the charset
    assert normalize_credit_code(None) is None
    with pytest.raises(ValueError):
        credit_code_check_character("123")
