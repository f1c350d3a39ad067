"""Entities of Chinese patent text, second round (issue 15, last bullet): where an
organisation's name starts after a verb (选用, 购买, 送至), Latin-script legal forms (SE & Co. KG,
Co. LLC, a GmbH written without its space, a bracketed country), courts and patent offices,
associations, the party fields of a front page, campuses and branches, Japanese prefix forms,
transliterated names with initials, accented and capitalised Latin names, citation authors,
Japanese 特願/特開 numbers, a priority line's country codes, British application numbers and CAS
numbers that look like dates. Every sentence here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from config.settings import CONFIG_DIR
from ingest.nlp.components import SPAN_KEY
from ingest.nlp.pipeline import PIPELINE_CONFIG, extract_entities, load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _texts(nlp: Language, text: str, label: str) -> list[str]:
    return [e.text for e in extract_entities(nlp, {"text": text}) if e.label == label]


# ---- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电机选用西门子股份公司的产品。", ["西门子股份公司"]),
        ("阀门选购自上海自动化仪表有限公司。", ["上海自动化仪表有限公司"]),
        ("传感器选用日本基恩士株式会社的型号。", ["日本基恩士株式会社"]),
        ("样品送至江苏省高级人民法院指定的鉴定机构。", ["江苏省高级人民法院"]),
        ("本申请于2021年5月6日向欧洲专利局提交。", ["欧洲专利局"]),
    ],
)
def test_a_verb_or_a_date_before_the_name_is_not_part_of_it(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("仪器来自Anton PaarGmbH的实验室。", ["Anton PaarGmbH"]),
        ("夹具由Schunk SE & Co. KG提供。", ["Schunk SE & Co. KG"]),
        ("模具来自Hasco GmbH & Co. KG。", ["Hasco GmbH & Co. KG"]),
        ("溶剂购自Fisher Chemical Co. LLC。", ["Fisher Chemical Co. LLC"]),
        (
            "填料购自Nanjing XFNano (China) Materials Co., Ltd.。",
            ["Nanjing XFNano (China) Materials Co., Ltd."],
        ),
        ("设备购自Acme Inc. and Bruker AXS GmbH。", ["Acme Inc.", "Bruker AXS GmbH"]),
    ],
)
def test_latin_script_companies_by_their_legal_form(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


def test_courts_are_organisations_named_by_their_scope(nlp: Language) -> None:
    text = "最高人民法院维持原判，北京知识产权法院此前已受理；一审法院认为该方案不落入保护范围。"
    assert _texts(nlp, text, "ORGANIZATION") == ["最高人民法院", "北京知识产权法院"]


def test_a_party_field_names_an_organisation_whatever_its_stem(nlp: Language) -> None:
    text = "(71)申请人 通用电气公司 地址 美国纽约州 (73)专利权人：国际商业机器公司"
    assert _texts(nlp, text, "ORGANIZATION") == ["通用电气公司", "国际商业机器公司"]
    # without the field, a generic stem before 公司 is still no name
    assert _texts(nlp, "该方案由材料公司负责。", "ORGANIZATION") == []


def test_associations_need_a_proper_name_and_learning_is_no_society(nlp: Language) -> None:
    text = "中国汽车工程学会发布了该规范，操作人员很快学会了使用，王明学会了编程。"
    assert _texts(nlp, text, "ORGANIZATION") == ["中国汽车工程学会"]


def test_an_institutions_own_committee_is_not_an_organisation(nlp: Language) -> None:
    text = "该医院的伦理委员会批准了研究，学术委员会审议通过。"
    assert _texts(nlp, text, "ORGANIZATION") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(71)申请人 中国石油大学（华东） 地址 山东省青岛市", ["中国石油大学（华东）"]),
        ("由北京理工大学（珠海校区）完成。", ["北京理工大学（珠海校区）"]),
        ("由浙江大学（以下简称浙大）完成。", ["浙江大学", "浙大"]),
    ],
)
def test_a_campus_in_brackets_belongs_to_the_university(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("质权人 交通银行股份有限公司无锡分行", ["交通银行股份有限公司无锡分行"]),
        ("由华为技术有限公司杭州分公司实施。", ["华为技术有限公司杭州分公司"]),
        ("实验在四川大学华西医院动物实验中心完成。", ["四川大学华西医院动物实验中心"]),
        (
            "国家知识产权局专利局复审和无效审理部作出决定。",
            ["国家知识产权局专利局复审和无效审理部"],
        ),
    ],
)
def test_a_branch_or_unit_after_its_parent_is_one_organisation(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


def test_japanese_prefix_forms_take_the_name_after_them(nlp: Language) -> None:
    text = "离型纸由有限会社大和制作所提供，胶粘剂来自株式会社电装的工厂。"
    assert _texts(nlp, text, "ORGANIZATION") == ["有限会社大和制作所", "株式会社电装"]


def test_well_known_short_name_from_config(nlp: Language) -> None:
    assert _texts(nlp, "该工艺已在华科中试。", "ORGANIZATION") == ["华科"]
    assert _texts(nlp, "中华科学技术出版社", "ORGANIZATION") != ["华科"]


# ---- persons -------------------------------------------------------------------------------


def test_transliterated_names_with_initials_in_an_inventor_list(nlp: Language) -> None:
    text = "(72)发明人 P·舒尔茨 J·M·费尔南德斯；李想"
    assert _texts(nlp, text, "PERSON") == ["P·舒尔茨", "J·M·费尔南德斯", "李想"]


def test_accented_and_capitalised_latin_names_in_a_list(nlp: Language) -> None:
    text = "发明人：Zoë Müller, Hiroshi TANAKA, Ólafur Jónsson；代理人：何丽/孙强"
    assert _texts(nlp, text, "PERSON") == [
        "Zoë Müller",
        "Hiroshi TANAKA",
        "Ólafur Jónsson",
        "何丽",
        "孙强",
    ]


def test_a_transliterated_name_before_a_research_cue(nlp: Language) -> None:
    text = "由弗朗索瓦-玛丽·杜邦等报道了该方法，采用卡尔·费休等方法测水分，洛伦兹-米模型较早。"
    assert _texts(nlp, text, "PERSON") == ["弗朗索瓦-玛丽·杜邦"]


def test_the_author_of_a_non_patent_citation(nlp: Language) -> None:
    text = "非专利文献：钱晓峰等.一种图神经网络综述.《软件学报》.2021,第32卷"
    assert _texts(nlp, text, "PERSON") == ["钱晓峰"]


# ---- numbers and dates -----------------------------------------------------------------------


def test_japanese_words_before_a_number_are_not_its_prefix(nlp: Language) -> None:
    text = "基于特願2020-123456号的优先权，参见特開2015-012345号与特开平10-234567号公报。"
    assert _texts(nlp, text, "PATENT_NUMBER") == ["2020-123456", "2015-012345", "10-234567"]


def test_a_priority_lines_country_is_not_the_next_numbers_prefix(nlp: Language) -> None:
    text = "(30)优先权数据 2020-045678 2020.03.16 JP 2020-198765 2020.11.30 JP"
    assert _texts(nlp, text, "PATENT_NUMBER") == ["2020-045678", "2020-198765"]
    cited = "(56)对比文件 CN 106981234 A,2017.06.13 KR 10-1234567 B1,2018.01.02"
    assert "KR 10-1234567 B1" in _texts(nlp, cited, "PATENT_NUMBER")


def test_a_british_application_number_is_not_a_standard(nlp: Language) -> None:
    text = "优先权号：GB2104567.3，按GB 50016-2014设计。"
    assert _texts(nlp, text, "PATENT_NUMBER") == ["GB2104567.3"]
    assert _texts(nlp, text, "STANDARD") == ["GB 50016-2014"]


def test_cas_numbers_are_not_dates(nlp: Language) -> None:
    text = "钯粉CAS号7440-05-3，氢氧化钠1310-73-2，于2019-11-27制备。"
    assert _texts(nlp, text, "DATE") == ["2019-11-27"]


# ---- the suffix and unit lists come from config ----------------------------------------------


def test_the_suffix_table_drives_what_a_name_needs(tmp_path: Path) -> None:
    table = tmp_path / "suffixes.tsv"
    table.write_text("# test table\n公司\tweak\n研究会\tform\n", encoding="utf-8")
    units = tmp_path / "units.txt"
    units.write_text("分会\n", encoding="utf-8")
    nlp = spacy.blank("zh")
    nlp.add_pipe("ipgraph_organizations", config={"suffixes": str(table), "units": str(units)})
    doc = nlp("由材料研究会北京分会和材料公司共同完成。")
    found = [doc.text[s._.start : s._.end] for s in doc.spans[SPAN_KEY]]
    # 研究会 is a form here (any stem), 公司 weak (材料 is no proper name), 分会 a unit
    assert found == ["材料研究会北京分会"]


def test_an_unknown_kind_in_the_suffix_table_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "suffixes.tsv"
    table.write_text("公司\tstrong\n", encoding="utf-8")
    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="unknown kind"):
        nlp.add_pipe("ipgraph_organizations", config={"suffixes": str(table), "units": ""})


def test_the_shipped_tables_are_configured() -> None:
    config = spacy.util.load_config(PIPELINE_CONFIG)["components"]["ipgraph_organizations"]
    assert (CONFIG_DIR / config["suffixes"]).is_file()
    assert (CONFIG_DIR / config["units"]).is_file()


def test_a_branch_needs_its_own_name(nlp: Language) -> None:
    text = "与中国工商银行支行签约，由交通银行股份有限公司苏州分行放款。"
    assert _texts(nlp, text, "ORGANIZATION") == ["中国工商银行", "交通银行股份有限公司苏州分行"]


def test_latin_names_in_capitals_and_an_initial_after_a_function_word(nlp: Language) -> None:
    text = "发明人：PETER BROWN, Anna Lisa KOCH"
    assert _texts(nlp, text, "PERSON") == ["PETER BROWN", "Anna Lisa KOCH"]
    assert _texts(nlp, "该效应由H·洛伦兹提出。", "PERSON") == ["H·洛伦兹"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb with its preposition, not in any stop list, ends the name before it
        ("菌株获自日本理化学研究所和美国杜邦公司。", ["日本理化学研究所", "美国杜邦公司"]),
        ("数据取自中国气象科学研究院。", ["中国气象科学研究院"]),
        ("设备交付给上海电气集团股份有限公司使用。", ["上海电气集团股份有限公司"]),
        ("专利权转让至深圳市腾讯计算机系统有限公司。", ["深圳市腾讯计算机系统有限公司"]),
        ("该技术转让给了华为技术有限公司。", ["华为技术有限公司"]),
        ("本实施例按照德国博世有限公司的规范进行。", ["德国博世有限公司"]),
        # jieba glues the preposition to the name (自费): it is cut off again
        ("气缸购自费斯托股份两合公司。", ["费斯托股份两合公司"]),
        # a prefix form after such a verb still takes the name after it
        ("电容取自株式会社村田制作所。", ["株式会社村田制作所"]),
    ],
)
def test_a_verb_before_a_proper_name_ends_the_organisation(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    "name",
    ["深圳市投资控股有限公司", "教育科学出版社有限公司", "华测检测认证集团股份有限公司"],
)
def test_verbs_inside_a_name_stay_in_it(nlp: Language, name: str) -> None:
    assert _texts(nlp, f"由{name}提供。", "ORGANIZATION") == [name]
