"""Entities of Chinese patent text, third round (issue 15, last bullet): role labels written
right before a name in registration lines, units after a named parent (a hospital's department,
a court's tribunal, a fee office, a university's committee), hyphenated Chinese names, Latin
KG, a company named after a prefix form and followed by what it does, relations before 公司,
traditional-script text read through the fold, 民國 dates, compound surnames, the members of a
panel, Latin-script inventor lists in every register form, ISO currency codes, European
publication numbers spaced in threes, KR kind codes and numbers joined to a cued one. Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ingest.nlp.pipeline import extract_entities, load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _texts(nlp: Language, text: str, label: str) -> list[str]:
    return [e.text for e in extract_entities(nlp, {"text": text}) if e.label == label]


def _entities(nlp: Language, text: str, label: str) -> list[tuple[str, str]]:
    return [
        (e.text, e.normalized) for e in extract_entities(nlp, {"text": text}) if e.label == label
    ]


# ---- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "著录项目变更：转让人南京航空航天大学；受让人江苏天航智能装备有限公司。",
            ["南京航空航天大学", "江苏天航智能装备有限公司"],
        ),
        (
            "质押登记：出质人浙江华腾电气股份有限公司，质权人中国工商银行股份有限公司杭州分行。",
            ["浙江华腾电气股份有限公司", "中国工商银行股份有限公司杭州分行"],
        ),
        (
            "许可备案：许可人中国科学院大连化学物理研究所，被许可人大连融科储能技术发展有限公司。",
            ["中国科学院大连化学物理研究所", "大连融科储能技术发展有限公司"],
        ),
        (
            "收款单位深圳市龙岗区财政局代收点，付款人广州立信电子有限公司。",
            ["广州立信电子有限公司"],
        ),
    ],
)
def test_a_role_label_before_a_name_stays_out_of_it(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("研究在北京大学第三医院骨科完成。", ["北京大学第三医院骨科"]),
        ("上诉由最高人民法院知识产权法庭审理。", ["最高人民法院知识产权法庭"]),
        ("费用缴至国家知识产权局专利局成都代办处。", ["国家知识产权局专利局成都代办处"]),
        ("方案经浙江大学医学伦理委员会批准。", ["浙江大学医学伦理委员会"]),
        ("该成果在深圳技术交易所挂牌。", ["深圳技术交易所"]),
        ("样品由中国电建集团华东勘测设计院检测。", ["中国电建集团华东勘测设计院"]),
    ],
)
def test_units_after_a_named_parent_join_it(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


def test_a_department_word_joins_only_a_hospital(nlp: Language) -> None:
    # 科研 after a university is research, not a department of it
    assert _texts(nlp, "清华大学科研人员完成了测试。", "ORGANIZATION") == ["清华大学"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("粘度计为博勒飞-阿美特克（上海）有限公司的产品。", ["博勒飞-阿美特克（上海）有限公司"]),
        ("粘结剂购自Wacker Chemie KG。", ["Wacker Chemie KG"]),
        ("模具由有限会社山本精工加工。", ["有限会社山本精工"]),
        ("专利转让给德国母公司，不涉及香港子公司。", []),
        ("无效宣告请求由专利复审委员会审查。", ["专利复审委员会"]),
        ("国知局于2022年作出决定。", ["国知局"]),
    ],
)
def test_names_with_hyphens_kg_prefix_forms_and_relations(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


# ---- traditional script ------------------------------------------------------------------------


def test_traditional_text_is_read_through_the_fold(nlp: Language) -> None:
    text = "申請人：鴻海精密工業股份有限公司；發明人：歐陽志強、陳美華；公告日：民國112年3月15日。"
    assert _texts(nlp, text, "ORGANIZATION") == ["鴻海精密工業股份有限公司"]
    assert _texts(nlp, text, "PERSON") == ["歐陽志強", "陳美華"]
    assert _entities(nlp, text, "DATE") == [("民國112年3月15日", "2023-03-15")]


@pytest.mark.parametrize(
    ("text", "expected", "key"),
    [
        # a stop word in traditional script ends the name as its simplified form does
        ("專利權人為廣達電腦股份有限公司。", "廣達電腦股份有限公司", "广达电脑股份有限公司"),
        ("本發明與國立清華大學合作完成。", "國立清華大學", "国立清华大学"),
        # a simplified sentence quoting a traditional name
        ("该专利许可给聯華電子股份有限公司使用。", "聯華電子股份有限公司", "联华电子股份有限公司"),
    ],
)
def test_traditional_names_keep_their_text_and_get_a_simplified_key(
    nlp: Language, text: str, expected: str, key: str
) -> None:
    assert _entities(nlp, text, "ORGANIZATION") == [(expected, key)]


def test_a_preposition_jieba_glues_to_a_name_is_cut_off(nlp: Language) -> None:
    assert _texts(nlp, "专利权人为鸿泰精密机械有限公司。", "ORGANIZATION") == [
        "鸿泰精密机械有限公司"
    ]


def test_a_minguo_date_that_does_not_exist_is_no_date(nlp: Language) -> None:
    assert _texts(nlp, "公告日：民國112年2月30日", "DATE") == []


# ---- persons ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(72)发明人 闾丘明远 张廖佳欣 赫连勇", ["闾丘明远", "张廖佳欣", "赫连勇"]),
        ("合议组组长王晓东，主审员拓跋云，参审员刘静。", ["王晓东", "拓跋云", "刘静"]),
        ("审判长赵刚，审判员孙丽，书记员周洋。", ["赵刚", "孙丽", "周洋"]),
        (
            "发明人：LI Wei；Karl-Heinz SCHÄFER；O'BRIEN, Sean M.；María José GARCÍA-RUIZ",
            ["LI Wei", "Karl-Heinz SCHÄFER", "O'BRIEN, Sean M.", "María José GARCÍA-RUIZ"],
        ),
        (
            "发明人 Marie-Claire Dubois Ö. Svensson Jan de Vries R. Subramanian",
            ["Marie-Claire Dubois", "Ö. Svensson", "Jan de Vries", "R. Subramanian"],
        ),
        ("(72)发明人 K·瓦格纳 J-L·杜邦 Anna Schmidt", ["K·瓦格纳", "J-L·杜邦", "Anna Schmidt"]),
    ],
)
def test_persons_in_lists_and_panels(nlp: Language, text: str, expected: list[str]) -> None:
    assert _texts(nlp, text, "PERSON") == expected


def test_two_given_names_only_before_a_hard_separator(nlp: Language) -> None:
    # in a list joined by spaces each name ends at its first surname
    assert _texts(nlp, "发明人 Anna Schmidt Thomas Weber", "PERSON") == [
        "Anna Schmidt",
        "Thomas Weber",
    ]


# ---- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在韩国的许可费为KRW 30,000,000。", ["KRW 30,000,000"]),
        ("瑞士的入门费为CHF 52,000。", ["CHF 52,000"]),
        ("台湾地区的许可费为新台币85万元。", ["新台币85万元"]),
    ],
)
def test_currency_codes_and_words_before_the_amount(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text, "MONEY") == expected


# ---- patent numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "对比文件 KR 10-2020-0045678 A,2020.04.29",
            [("KR 10-2020-0045678 A", "KR1020200045678A")],
        ),
        ("法国专利FR 2 987 654 B1公开了", [("FR 2 987 654 B1", "FR2987654B1")]),
        ("英国专利GB 2 601 234 A公开了", [("GB 2 601 234 A", "GB2601234A")]),
        ("瑞士专利CH 698 765 A5记载", [("CH 698 765 A5", "CH698765A5")]),
    ],
)
def test_spaced_publication_numbers_with_kind_codes(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _entities(nlp, text, "PATENT_NUMBER") == expected


def test_a_chinese_standard_stays_a_standard(nlp: Language) -> None:
    assert _texts(nlp, "符合GB 2 567标准的试验", "PATENT_NUMBER") == []
    assert _texts(nlp, "产品符合GB 4943.1-2022的要求。", "STANDARD") == ["GB 4943.1-2022"]


def test_numbers_joined_to_a_cued_one(nlp: Language) -> None:
    text = "共同待审的美国专利申请第16/123,456号和第16/123,789号。"
    assert _texts(nlp, text, "PATENT_NUMBER") == ["16/123,456", "16/123,789"]
