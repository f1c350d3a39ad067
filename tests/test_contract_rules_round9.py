"""Contract rules of the round measured on the blind contracts_depth11 set (issue 15): persons
listed with 姓名 labels, confidential items listed with their numbers, a PDF table row followed
by a sentence, commissioned development, a Hong Kong company over its 名称 line, equal shares,
a note before a short name. Each test is a contract written for it."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from tests.contract_texts import extract_text, roles

_SIGNED = "签订日期：2025年3月3日\n"


def test_persons_listed_with_name_labels_and_their_listed_secrets() -> None:
    contract = extract_text(
        "外包开发人员保密承诺协议\n编号：BM-34\n甲方：东岭数字出版技术有限公司\n\n"
        "乙方（承诺人）：\n1. 姓名：宁佳音　身份证号：11010819930215****\n"
        "2. 姓名：骆文韬　身份证号：13010219900708****\n"
        "乙方将接触甲方的保密信息。\n第一条 保密信息\n保密信息包括但不限于：\n"
        "（一）“智能排版引擎核心算法”（内部编号：DL-MM-021）；\n"
        "（二）“古籍识别训练语料库”（内部编号：DL-MM-022）；\n"
        "（三）甲方的客户名单及平台源代码。\n第二条 保密期限至2030年12月31日止。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("discloser", "东岭数字出版技术有限公司"),
        ("recipient", "宁佳音"),
        ("recipient", "骆文韬"),
    ]
    # the unquoted item (客户名单 …) is confidential information, not a named trade secret
    secrets = [s.value for s in contract.trade_secrets]
    assert secrets == ["智能排版引擎核心算法", "古籍识别训练语料库"]
    assert [n.value for n in contract.trade_secret_numbers] == ["DL-MM-021", "DL-MM-022"]


def test_a_pdf_table_row_does_not_run_into_the_sentence_after_it(tmp_path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "nc.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 10)
    lines = [
        "离职后竞业限制协议",
        "编号：NC-2025-02",
        "用人单位：沪东航运数字科技有限公司",
        "劳动者（以下合称“员工”）：",
        "姓名 岗位 身份证号码",
        "佟雪莹 产品线技术经理 31011519890622****",
        "麦浩然 算法工程师 44010619920118****",
        "员工在公司任职期间接触公司技术秘密，双方约定如下：",
        "1. 员工离职后十八个月内不得到竞争企业任职。",
    ]
    for index, line in enumerate(lines):
        page.drawString(40, 800 - 16 * index, line)
    page.save()
    contract = extract_contract(read_contract(path))
    assert [name for role, name in roles(contract) if role == "employee"] == ["佟雪莹", "麦浩然"]


def test_the_two_sides_of_a_commissioned_development_and_equal_shares() -> None:
    contract = extract_text(
        "耐磨衬板联合研制协议\n协议编号：HZ-4\n"
        "委托研制方：沈阳东岭耐磨材料有限公司（中外合资，以下称“合资公司”）\n"
        "承研方：南港矿冶（沈阳）研究院有限公司（以下称“研究院”）\n"
        "一、双方共同研制高铬合金耐磨衬板。\n"
        "二、研制经费人民币六百万元，全部由合资公司承担。研究院不出资。\n"
        "三、研制成果由双方共有，双方各占百分之五十。\n" + _SIGNED
    )
    assert [name for _, name in roles(contract)] == [
        "沈阳东岭耐磨材料有限公司",
        "南港矿冶（沈阳）研究院有限公司",
    ]
    assert {s.name: s.value for s in contract.shares} == {
        "沈阳东岭耐磨材料有限公司": 0.5,
        "南港矿冶（沈阳）研究院有限公司": 0.5,
    }
    assert [(c.name, c.value) for c in contract.contributions] == [
        ("沈阳东岭耐磨材料有限公司", 6_000_000),
        ("南港矿冶（沈阳）研究院有限公司", None),
    ]


def test_each_of_three_holding_thirty_percent_names_no_shares() -> None:
    contract = extract_text(
        "合作开发协议\n编号：HZ-5\n甲方：东岭大学\n乙方：南港研究院\n丙方：北岸科技有限公司\n"
        "一、三方共同开发新材料。\n二、研发成果由三方共有，三方各占百分之三十。\n" + _SIGNED
    )
    assert contract.shares == []


def test_a_hong_kong_company_named_below_its_heading() -> None:
    contract = extract_text(
        "專利注資認購股份協議\n協議編號：EQ-7\n本協議由下列雙方訂立：\n注資方\n"
        "名稱：港科創源技術轉移有限公司\n公司編號：2741859\n\n公司\n"
        "名稱：深港智瞳視覺科技（香港）有限公司\n公司編號：3012664\n"
        "背景\n(A) 注資方以專利作價港幣壹仟萬元認購公司新股。\n"
    )
    assert roles(contract) == [
        ("contributor", "港科創源技術轉移有限公司"),
        ("investee", "深港智瞳視覺科技（香港）有限公司"),
    ]


def test_a_confidential_item_numbered_in_a_bracket() -> None:
    contract = extract_text(
        "保密協議\n協議編號：NDA-19\n披露方：東嶺醫療器械有限公司\n接收方：南港創投基金有限公司\n"
        "1. 披露方將提供「心臟瓣膜夾合器臨床前數據包」（資料室編號：DR-2025-03）。\n"
        "2. 接收方對上述資料負保密義務，期限三年。\n" + _SIGNED
    )
    assert [s.value for s in contract.trade_secrets] == ["心臟瓣膜夾合器臨床前數據包"]
    assert [n.value for n in contract.trade_secret_numbers] == ["DR-2025-03"]


def test_a_quoted_contract_title_with_its_number_is_no_secret() -> None:
    contract = extract_text(
        "补充协议\n编号：BC-1\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 双方于2024年签订“专利实施许可合同”（合同编号：DL-2024-001），现补充如下。\n"
        + _SIGNED
    )
    assert contract.trade_secrets == []
