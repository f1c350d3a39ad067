"""Entities of Chinese patent text in the forms front pages, citations, priority claims and
background sections write them (issue 15, last bullet): inventor, agent and examiner lists,
foreign and Latin-script persons, institution short names from config, government bodies,
foreign companies, units inside a parent, patent numbers of every office, dates and money in
other forms, and the look-alikes that must stay out. Every sentence here was written for these
tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from config.settings import CONFIG_DIR, Settings
from graph.model import Direction, EdgeType
from ingest.nlp.pipeline import Entity, extract_entities, load_pipeline
from ingest.pipeline import ingest_paths
from stores.backends import open_stores
from tests.conftest import SAMPLE_PATENTS

SAMPLES = SAMPLE_PATENTS.parent


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _entities(nlp: Language, text: str, label: str) -> list[Entity]:
    return [e for e in extract_entities(nlp, {"text": text}) if e.label == label]


def _texts(nlp: Language, text: str, label: str) -> list[str]:
    return [e.text for e in _entities(nlp, text, label)]


# ---- persons -------------------------------------------------------------------------------


def test_inventor_agent_and_examiner_lists_with_every_separator(nlp: Language) -> None:
    front_page = (
        "(72)发明人 周文涛 司马云飞 林静 (74)专利代理机构 上海恒锐佳知识产权代理有限公司 31286 "
        "代理人 郑晓明 诸葛蓉"
    )
    assert _texts(nlp, front_page, "PERSON") == ["周文涛", "司马云飞", "林静", "郑晓明", "诸葛蓉"]
    record = "发明人：高翔;宋佳怡;欧阳志强；申请号：CN202011223344.0；审查员 黄立"
    assert _texts(nlp, record, "PERSON") == ["高翔", "宋佳怡", "欧阳志强", "黄立"]


def test_padded_two_character_names_on_front_pages(nlp: Language) -> None:
    text = "(72)发明人 李 娜 皇甫明 王 刚 (74)专利代理机构 大连理工大学专利中心 21200"
    found = [(e.text, e.normalized) for e in _entities(nlp, text, "PERSON")]
    assert found == [("李 娜", "李娜"), ("皇甫明", "皇甫明"), ("王 刚", "王刚")]
    assert _texts(nlp, text, "ORGANIZATION") == ["大连理工大学专利中心"]


def test_foreign_names_in_inventor_lists(nlp: Language) -> None:
    text = (
        "发明人：汉斯-彼得·施密特、大卫·J·米勒（David J. Miller）；山本健太；朴智勋，"
        "申请人：拜耳股份公司"
    )
    assert _texts(nlp, text, "PERSON") == [
        "汉斯-彼得·施密特",
        "大卫·J·米勒",
        # the original script in brackets is the same person written again (fifth gold's rule)
        "David J. Miller",
        "山本健太",
        "朴智勋",
    ]


def test_latin_script_persons_only_where_context_says_so(nlp: Language) -> None:
    text = (
        "浙江大学的XiaomingChen等人报道了该涂层，Anna Berg和KenjiSato等制备了类似薄膜，"
        "Müller等发现其稳定性较差；Fourier变换与Kalman Filter等方法被广泛采用，"
        "General Electric等公司也有产品。"
    )
    assert _texts(nlp, text, "PERSON") == [
        "XiaomingChen",
        "Anna Berg",
        "KenjiSato",
        "Müller",
    ]


def test_a_list_of_names_before_its_cue_and_a_person_as_applicant(nlp: Language) -> None:
    text = "孙浩、钱晓雯和冯磊等人比较了两种涂层。(71)申请人 卫东 地址 230000 安徽省合肥市"
    assert _texts(nlp, text, "PERSON") == ["孙浩", "钱晓雯", "冯磊", "卫东"]
    company = "(71)申请人 安徽恒光新材料科技有限公司 地址 230000 安徽省合肥市"
    assert _texts(nlp, company, "PERSON") == []
    assert _texts(nlp, company, "ORGANIZATION") == ["安徽恒光新材料科技有限公司"]


def test_titles_and_eponyms_are_not_persons(nlp: Language) -> None:
    text = "发明人王教授提出了方案，由赵敏研究员测试杨氏模量，并用傅里叶变换和王水处理。"
    assert _texts(nlp, text, "PERSON") == ["赵敏"]


# ---- organisations -------------------------------------------------------------------------


def test_institution_short_names_come_from_config(nlp: Language) -> None:
    listed = (CONFIG_DIR / "dictionaries" / "institution_abbreviations.tsv").read_text("utf-8")
    assert "哈尔滨工业大学\t哈工大" in listed
    text = (
        "样品由哈工大提供，中国科大和上海交大参与测试，北航负责建模；"
        "北大西洋的海况数据另行获取，样机存放于清华园。"
    )
    found = [(e.text, e.normalized) for e in _entities(nlp, text, "ORGANIZATION")]
    assert found == [
        ("哈工大", "哈尔滨工业大学"),
        ("中国科大", "中国科学技术大学"),
        ("上海交大", "上海交通大学"),
        ("北航", "北京航空航天大学"),
    ]


def test_government_bodies_and_centres_named_by_scope(nlp: Language) -> None:
    text = (
        "该申请已向国家知识产权局提交，原案于2015年提交中国专利局，项目获国家自然科学基金委员会"
        "资助，北京市疾病预防控制中心提供样本，数据上传至控制中心和数据中心。"
    )
    assert _texts(nlp, text, "ORGANIZATION") == [
        "国家知识产权局",
        "中国专利局",
        "国家自然科学基金委员会",
        "北京市疾病预防控制中心",
    ]


def test_foreign_companies_by_their_legal_forms(nlp: Language) -> None:
    text = (
        "专利权人包括株式会社电装、富士胶片株式会社、Valeo Systemes Thermiques SAS、"
        "Robert Bosch GmbH、Tetra Laval Holdings & Finance S.A.和Sony Group Corp.，"
        "以及3M创新有限公司。"
    )
    assert _texts(nlp, text, "ORGANIZATION") == [
        "株式会社电装",
        "富士胶片株式会社",
        "Valeo Systemes Thermiques SAS",
        "Robert Bosch GmbH",
        "Tetra Laval Holdings & Finance S.A.",
        "Sony Group Corp.",
        "3M创新有限公司",
    ]


def test_universities_and_institutes_named_in_english(nlp: Language) -> None:
    text = (
        "该算法由Stanford University和University of Tokyo提出，"
        "Fraunhofer Institute for Solar Energy Systems做了验证。"
    )
    assert _texts(nlp, text, "ORGANIZATION") == [
        "Stanford University",
        "University of Tokyo",
        "Fraunhofer Institute for Solar Energy Systems",
    ]


def test_partnership_brackets_and_units_inside_a_parent(nlp: Language) -> None:
    text = (
        "代理机构为广州华进联合专利商标代理事务所（特殊普通合伙），测试由清华大学化学系、"
        "中科院化学所和复旦大学分析测试中心完成，模具由上海交通大学塑性成形技术与装备国家重点实验室"
        "设计，汽车安全与节能国家重点实验室复核；浙江大学医学院附属第一医院和北京协和医院参与。"
    )
    assert _texts(nlp, text, "ORGANIZATION") == [
        "广州华进联合专利商标代理事务所（特殊普通合伙）",
        "清华大学化学系",
        "中科院化学所",
        "复旦大学分析测试中心",
        "上海交通大学塑性成形技术与装备国家重点实验室",
        "汽车安全与节能国家重点实验室",
        "浙江大学医学院附属第一医院",
        "北京协和医院",
    ]


def test_schools_and_institutes_whose_names_join_two_fields(nlp: Language) -> None:
    text = (
        "由南京大学化学与化工学院和中科院宁波材料技术与工程研究所完成，"
        "中国石油化工股份有限公司北京化工研究院提供原料。"
    )
    assert _texts(nlp, text, "ORGANIZATION") == [
        "南京大学化学与化工学院",
        "中科院宁波材料技术与工程研究所",
        "中国石油化工股份有限公司北京化工研究院",
    ]


def test_a_unit_is_not_read_into_a_following_word(nlp: Language) -> None:
    text = "清华大学所述的方法由清华大学开发系统实现。"
    assert _texts(nlp, text, "ORGANIZATION") == ["清华大学", "清华大学"]


def test_generic_phrases_are_not_organisations(nlp: Language) -> None:
    text = (
        "所述公司的员工，本公司及其关联公司、合资公司和某大学实验室的数据，"
        "以及共享单车公司的服务器。"
    )
    assert _texts(nlp, text, "ORGANIZATION") == []


# ---- patent numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "normalized"),
    [
        ("原申请号为2019103456786的发明专利", "2019103456786", "CN201910345678.6"),
        ("专利号ZL 2017 1 0358246.X的权利", "ZL 2017 1 0358246.X", "CN201710358246.X"),
        ("早期申请99112233.X已失效", "99112233.X", "CN99112233.X"),
        ("(62)分案原申请数据 03134567.0 2003.05.06", "03134567.0", "CN03134567.0"),
        ("国际申请PCT/CN2021/087654进入国家阶段", "PCT/CN2021/087654", "PCT/CN2021/087654"),
        ("参见WO2018/204567，其中公开了", "WO2018/204567", "WO2018204567"),
        ("US10123456公开了一种泵", "US10123456", "US10123456"),
        ("要求美国临时申请62/731,245的优先权", "62/731,245", "US62731245"),
        ("和美国申请第17/045,678号的权益", "17/045,678", "US17045678"),
        ("日本专利申请2018-123456的优先权", "2018-123456", "JP2018123456"),
        ("对比文件JP2020-054321A公开了", "JP2020-054321A", "JP2020054321A"),
        ("德国申请DE 10 2020 117 345.2的优先权", "DE 10 2020 117 345.2", "DE102020117345.2"),
        ("欧洲专利EP 3 456 789 B1已授权", "EP 3 456 789 B1", "EP3456789B1"),
        ("韩国专利KR 10-2034567 B1公开了", "KR 10-2034567 B1", "KR102034567B1"),
        ("法国申请FR2003456的优先权", "FR2003456", "FR2003456"),
        ("美国专利第10,234,567号描述了", "10,234,567", "US10234567"),
        ("中国专利CN108765432公开了", "CN108765432", "CN108765432"),
        ("于2019年5月6日提交的欧洲申请号19172345.6的优先权", "19172345.6", "EP19172345.6"),
    ],
)
def test_patent_numbers_in_every_citation_and_priority_form(
    nlp: Language, text: str, number: str, normalized: str
) -> None:
    found = [(e.text, e.normalized) for e in _entities(nlp, text, "PATENT_NUMBER")]
    assert found == [(number, normalized)]


def test_priority_lines_give_number_date_and_country(nlp: Language) -> None:
    text = "(30)优先权数据 63/012,345 2020.04.20 US 2020-071234 2020.04.10 JP"
    assert _texts(nlp, text, "PATENT_NUMBER") == ["63/012,345", "2020-071234"]
    assert _texts(nlp, text, "DATE") == ["2020.04.20", "2020.04.10"]


def test_digit_strings_without_context_are_not_patent_numbers(nlp: Language) -> None:
    text = (
        "批号2019031200123，CAS号为7440-50-8，电话13812345678，比例为10/500,000，"
        "样品编号12345678.9，型号HX-200，代码CN-2021-003。"
    )
    assert _texts(nlp, text, "PATENT_NUMBER") == []


# ---- dates and money -----------------------------------------------------------------------


def test_dates_day_first_compact_and_in_chinese_numerals(nlp: Language) -> None:
    text = (
        "于05.11.2019提交的德国申请，申请日：20210315，公告日 2022-1-7，"
        "签署日期二〇二一年三月十五日；批号20190312，2020年底投产，31.02.2019不是日期。"
    )
    found = [(e.text, e.normalized) for e in _entities(nlp, text, "DATE")]
    assert found == [
        ("05.11.2019", "2019-11-05"),
        ("20210315", "2021-03-15"),
        ("2022-1-7", "2022-1-7"),
        ("二〇二一年三月十五日", "二〇二一年三月十五日"),
    ]
    record = "公开（公告）日：20230418；有效期届满日：20421202；样品编号：20190312"
    assert _texts(nlp, record, "DATE") == ["20230418", "20421202"]


def test_money_led_by_currency_symbols_and_in_capital_numerals(nlp: Language) -> None:
    text = (
        "入门费¥300,000，港方支付HK$35,000，另付US$5 million，总额为人民币壹佰贰拾万元整，"
        "其中5000万元人民币为设备款。"
    )
    assert _texts(nlp, text, "MONEY") == [
        "¥300,000",
        "HK$35,000",
        "US$5 million",
        "人民币壹佰贰拾万元",
        "5000万元人民币",
    ]


def test_money_in_lower_case_numerals_and_dates_spaced_by_pdf(nlp: Language) -> None:
    text = (
        "合同于2019 年 3 月 12 日签订，首期人民币二十万元，尾款三万元；二元醇与一元二次方程无关。"
    )
    assert _texts(nlp, text, "MONEY") == ["人民币二十万元", "三万元"]
    found = [(e.text, e.normalized) for e in _entities(nlp, text, "DATE")]
    assert found == [("2019 年 3 月 12 日", "2019-03-12")]


def test_counts_with_yuan_and_placeholders_are_not_money(nlp: Language) -> None:
    text = "采用128元相控阵和64元阵列，$1本发明公开了一种五元环化合物，单价为2600元的探头。"
    assert _texts(nlp, text, "MONEY") == ["2600元"]


# ---- ingest ----------------------------------------------------------------------------------


def test_ingest_cites_foreign_prior_art_and_links_short_names(tmp_path: Path) -> None:
    sample = (SAMPLES / "CN115000004A.sample.txt").read_text(encoding="utf-8")
    document = sample.replace(
        "现有技术如CN110000001A公开了一种波束训练方法，但波束切换时延较大。",
        "US9045625公开了一种波束训练方法，WO2013/178746改进了码本，中科院也做了类似研究。",
    )
    path = tmp_path / "CN115000004A.txt"
    path.write_text(document, encoding="utf-8")
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = ingest_paths([path], stores.graph, stores.index, tmp_path / "dead")
        assert report.errors == []
        cited = stores.graph.neighbours(EdgeType.CITES, "CN115000004A", Direction.OUT)
        assert sorted(c.id for c in cited) == ["US9045625", "WO2013178746"]
        named = stores.graph.neighbours(
            EdgeType.MENTIONS_ORGANIZATION, "CN115000004A", Direction.OUT
        )
        assert "中国科学院" in {n.id for n in named}
    finally:
        stores.close()
