"""Entities of Chinese patent text, fourth round (issue 15, last bullet): the compound surnames
of the registers, English inventor labels, a name's original script in brackets, Korean given
names, initials joined by a hyphen before a transliterated name, court assistants, a name a cue
marked named again, reference authors in Vancouver style, a currency word before the amount,
full-width IPC codes, Republic of China dates in every form, Taiwanese, Austrian, Swiss and US
serial numbers, and a priority line's country that is not the next number's prefix. Every
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


# ---- persons ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compound surnames continue a list joined by spaces
        ("(72)发明人 孙立新 羊舌文博 壤驷青 (74)专利代理机构", ["孙立新", "羊舌文博", "壤驷青"]),
        ("发明人：宗政思远、公良婉清", ["宗政思远", "公良婉清"]),
        # traditional compound surnames
        ("發明人：歐陽子瑜；司馬明德", ["歐陽子瑜", "司馬明德"]),
        # English inventor label with every register form
        (
            "Inventors: LI, Wenhao; Karl-Heinz MEYER; R. Suzuki; Aoife O'Brien-Walsh",
            ["LI, Wenhao", "Karl-Heinz MEYER", "R. Suzuki", "Aoife O'Brien-Walsh"],
        ),
        # a Korean given name with a lower-case second syllable keeps the list going
        ("发明人 Min-jun KIM；Pierre-Yves Martin", ["Min-jun KIM", "Pierre-Yves Martin"]),
        # initials joined by a hyphen before a transliterated name
        ("发明人：J.-F.·杜兰德、L·施密特", ["J.-F.·杜兰德", "L·施密特"]),
        # a court assistant and a judge's name before 于 and a date
        ("审判员许文静，法官助理韩东升。", ["许文静", "韩东升"]),
        ("审查员上官明哲于2024年3月5日发出通知书。", ["上官明哲"]),
    ],
)
def test_persons_in_lists_and_by_cue(nlp: Language, text: str, expected: list[str]) -> None:
    assert _texts(nlp, text, "PERSON") == expected


def test_bracketed_original_name_is_a_person(nlp: Language) -> None:
    text = "發明人：林志明（LIN, CHIH-MING）；黃雅婷（HUANG, YA-TING）"
    assert _texts(nlp, text, "PERSON") == [
        "林志明",
        "LIN, CHIH-MING",
        "黃雅婷",
        "HUANG, YA-TING",
    ]


def test_country_code_in_brackets_is_no_person(nlp: Language) -> None:
    assert _texts(nlp, "发明人：王海涛（CN）；刘晓燕（CN）", "PERSON") == ["王海涛", "刘晓燕"]


def test_a_marked_name_is_a_person_where_it_recurs(nlp: Language) -> None:
    text = "发明人：周立群/许晓辉，其中许晓辉负责测试。"
    assert _texts(nlp, text, "PERSON") == ["周立群", "许晓辉", "许晓辉"]


def test_reference_authors(nlp: Language) -> None:
    text = "参考文献：Zhang Y, Fischer M, Rossi GA. Solid electrolytes[J]. Nature, 2020."
    assert _texts(nlp, text, "PERSON") == ["Zhang Y", "Fischer M", "Rossi GA"]
    marked = "如Brown K, Lee J. Battery aging[J]. Science, 2019所述。"
    assert _texts(nlp, marked, "PERSON") == ["Brown K", "Lee J"]


def test_surname_and_capitals_without_reference_are_no_person(nlp: Language) -> None:
    assert _texts(nlp, "采用Type C接口和Model S底盘。", "PERSON") == []


# ---- money, IPC, dates, numbers -----------------------------------------------------------------


def test_currency_word_before_the_amount(nlp: Language) -> None:
    text = "余款以美元35万元及英镑12万元支付。"
    assert _texts(nlp, text, "MONEY") == ["美元35万元", "英镑12万元"]


def test_full_width_ipc(nlp: Language) -> None:
    ents = [
        (e.text, e.normalized)
        for e in extract_entities(nlp, {"text": "分类号为Ｈ０１Ｍ　１０／０５２５。"})
        if e.label == "IPC"
    ]
    assert ents == [("Ｈ０１Ｍ　１０／０５２５", "H01M10/0525")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公告日：中華民國113（2024）年01月12日", "中華民國113（2024）年01月12日"),
        ("登記日113年02月29日", "113年02月29日"),
    ],
)
def test_roc_dates(nlp: Language, text: str, expected: str) -> None:
    assert _texts(nlp, text, "DATE") == [expected]


def test_three_digit_count_of_years_is_no_date(nlp: Language) -> None:
    assert _texts(nlp, "该设备已运行120年3月份的数据无效", "DATE") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【11】證書號數：I798765 【21】申請案號：112104321", ["I798765", "112104321"]),
        ("申请号为A 61234/2020的奥地利申请", ["A 61234/2020"]),
        ("瑞士 CH 01234/22（2022-03-01）", ["CH 01234/22"]),
        ("優先權：2022/05/06 美國 62/345,678", ["62/345,678"]),
    ],
)
def test_foreign_application_numbers(nlp: Language, text: str, expected: list[str]) -> None:
    assert _texts(nlp, text, "PATENT_NUMBER") == expected


def test_priority_line_country_is_not_a_prefix(nlp: Language) -> None:
    text = "(30)优先权数据 10-2022-0012345 2022.01.10 KR 10-2022-0054321 2022.05.02 KR"
    assert _texts(nlp, text, "PATENT_NUMBER") == ["10-2022-0012345", "10-2022-0054321"]


# ---- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institute numbered with 〇 joins its parent group
        (
            "(71)申请人 中国航天科工集团有限公司第三〇六研究所 地址 北京市",
            ["中国航天科工集团有限公司第三〇六研究所"],
        ),
        # a unit inside a unit: a college's committee
        (
            "实验经浙江大学医学院动物实验伦理委员会批准。",
            ["浙江大学医学院动物实验伦理委员会"],
        ),
        # a hospital's centre is a department of it
        ("样本来自中山大学附属第一医院影像中心。", ["中山大学附属第一医院影像中心"]),
        # a Latin company name printed in capitals
        (
            "申請人：聯發科技股份有限公司（MEDIATEK INC.）",
            ["聯發科技股份有限公司", "MEDIATEK INC."],
        ),
    ],
)
def test_organisation_units_and_forms(nlp: Language, text: str, expected: list[str]) -> None:
    assert _texts(nlp, text, "ORGANIZATION") == expected


def test_centre_without_a_hospital_is_no_unit(nlp: Language) -> None:
    text = "数据存放在华为技术有限公司数据中心。"
    assert _texts(nlp, text, "ORGANIZATION") == ["华为技术有限公司"]


def test_chinese_company_name_before_its_latin_name(nlp: Language) -> None:
    text = "测试采用住友精密化学公司（Sumitomo Precision Chemical Co., Ltd.）的薄膜。"
    assert _texts(nlp, text, "ORGANIZATION") == [
        "住友精密化学公司",
        "Sumitomo Precision Chemical Co., Ltd.",
    ]
    assert _texts(nlp, "测试采用住友精密化学公司的薄膜。", "ORGANIZATION") == []
