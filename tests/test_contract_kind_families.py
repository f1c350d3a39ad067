"""The contract kind from titles in unusual words (families of title words) and, where neither
title nor preamble names a kind, from the parties' roles and the clauses (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction
from ingest.errors import IngestError
from tests.contract_texts import extract_text as _contract


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("实用新型实施权授予协议", "patent_license"),
        ("專利普通實施權授與契約", "patent_license"),
        ("发明创造申请权让与协议书", "application_transfer"),
        ("生产工艺诀窍许可使用合同", "trade_secret_license"),
        ("Know-how使用许可协议", "trade_secret_license"),
        ("非专利技术使用合同", "trade_secret_license"),
        ("员工同业竞争回避承诺书", "non_compete"),
        ("高管竞业避止契约", "non_compete"),
        ("商务信息守密约定书", "nda"),
        ("专利权出质合同", "patent_pledge"),
        ("专利许可合同变更约定", "amendment"),
    ],
)
def test_titles_in_unusual_words(title: str, kind: str) -> None:
    contract = _contract(
        f"{title}\n编号：F-1\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 双方约定如下。\n签订日期：2025年3月3日\n"
    )
    assert contract.kind is not None
    assert (contract.kind.value, contract.kind.evidence.confidence) == (kind, 0.95)


_PLEDGE = (
    "青松项目协议书\n编号：F-2\n甲方（出质人）：东岭材料有限公司\n乙方（质权人）：北江商业银行股份有限公司\n"
    "第一条 出质人以其下列权利为主债权提供担保。\n"
    "第二条 双方于本协议签订后十日内办理质押登记。\n签订日期：2025年3月3日\n"
)
_KNOW_HOW_LICENCE = (
    "青松项目协议书\n编号：F-3\n甲方（许可方）：东岭材料有限公司\n乙方（被许可方）：南港电池有限公司\n"
    "第一条 许可方将其技术秘密“隔膜涂布配方”提供给被许可方，用于隔膜生产。\n"
    "第二条 被许可方每年支付使用费人民币50万元；本技术秘密不得再许可。\n签订日期：2025年3月3日\n"
)
_NON_COMPETE = (
    "青松项目协议书\n编号：F-4\n用人单位：东岭材料有限公司\n劳动者：周立群\n"
    "第一条 劳动者离职后两年内不得到经营同类业务的单位任职。\n"
    "第二条 用人单位按月向劳动者支付经济补偿人民币8000元。\n签订日期：2025年3月3日\n"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (_PLEDGE, "patent_pledge"),
        (_KNOW_HOW_LICENCE, "trade_secret_license"),
        (_NON_COMPETE, "non_compete"),
    ],
)
def test_the_kind_read_from_roles_and_clauses(text: str, kind: str) -> None:
    contract = _contract(text)
    assert contract.kind is not None
    assert (contract.kind.value, contract.kind.evidence.confidence) == (kind, 0.6)


def test_a_licence_of_patents_read_from_its_content_stays_a_patent_licence() -> None:
    text = _KNOW_HOW_LICENCE.replace("技术秘密“隔膜涂布配方”", "专利ZL202310012345.6").replace(
        "本技术秘密", "本专利"
    )
    contract = _contract(text)
    assert contract.kind is not None and contract.kind.value == "patent_license"


def test_thin_or_mixed_evidence_is_still_not_recognised() -> None:
    # one transfer role and one licence role: neither family is clearly ahead
    with pytest.raises(IngestError, match="CONTRACT_NOT_RECOGNISED"):
        _contract(
            "青松项目协议书\n编号：F-5\n甲方（转让方）：东岭材料有限公司\n乙方（被许可方）：南港检测有限公司\n"
            "第一条 甲方向乙方提供场地。\n签订日期：2025年3月3日\n"
        )


_ARABIC_ARTICLES = (
    "專利普通許可協議\n協議編號：HK-T-9\n本協議由以下雙方簽訂：\n"
    "(1) 維新材料（亞洲）有限公司，一家在香港註冊成立的公司（「許可方」）；及\n"
    "(2) 南灣精工有限公司，一家在澳門註冊成立的公司（「被許可方」）。\n"
    "1. 許可標的\n許可方許可被許可方實施專利ZL202310012345.6。\n"
    "2. 許可期間\n2.1 許可期間：由2025年3月1日起至2027年2月28日止。\n"
    "3. 爭議解決\n本協議受香港特別行政區法律管轄。\n"
    "許可方：維新材料（亞洲）有限公司　授權簽署人：何家明\n"
    "被許可方：南灣精工有限公司　授權簽署人：林嘉慧\n"
)


def test_articles_numbered_in_arabic_digits_and_a_place_within_a_party_name() -> None:
    contract = _contract(_ARABIC_ARTICLES)
    assert sorted((p.role.value, p.name) for p in contract.parties) == [
        ("licensee", "南灣精工有限公司"),
        ("licensor", "維新材料（亞洲）有限公司"),
    ]
    assert contract.start_date is not None and contract.start_date.evidence.article == "2."
    assert contract.end_date is not None and contract.end_date.value == "2027-02-28"


# ---- party blocks ----------------------------------------------------------------------------


def _pdf(target: Path, lines: list[str]) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(target))
    page.setFont("STSong-Light", 10)
    for index, line in enumerate(lines):
        page.drawString(40, 800 - 18 * index, line)
    page.save()
    return target


def _roles(contract: ContractExtraction) -> list[tuple[str, str]]:
    return sorted((p.role.value, p.name) for p in contract.parties)


def test_numbered_party_lines_of_a_pdf_are_not_run_together(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "t.pdf",
        [
            "专利申请权转让合同",
            "合同编号：QT-SQ-2025-0088",
            "转让方一：东岭材料研究所",
            "转让方二：周立群（自然人）",
            "受让方（乙方）：南港储能有限公司",
            "一、转让费为人民币五十万元。",
            "二、本合同争议由东岭市人民法院管辖。",
        ],
    )
    contract = extract_contract(read_contract(path))
    assert _roles(contract) == [
        ("transferee", "南港储能有限公司"),
        ("transferor", "东岭材料研究所"),
        ("transferor", "周立群"),
    ]


def test_rows_of_a_pdf_table_of_persons_stay_rows(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "t.pdf",
        [
            "竞业限制协议",
            "编号：QT-JY-2025-0012",
            "甲方：东岭材料有限公司",
            "乙方（核心研发人员，共两人）：",
            "姓名 身份证号 部门 岗位",
            "周立群 310101199001011234 材料研究所 工程师",
            "何嘉明 310101199202021234 工艺部 技术主管",
            "一、乙方离职后两年内不得到同类企业任职。",
        ],
    )
    contract = extract_contract(read_contract(path))
    assert _roles(contract) == [
        ("employee", "何嘉明"),
        ("employee", "周立群"),
        ("employer", "东岭材料有限公司"),
    ]


@pytest.mark.parametrize(
    ("line", "role", "name"),
    [
        (
            "信息接收方（乙方，共两人）：\n序号\t姓名\t岗位\n1\t周立群\t顾问\n",
            "recipient",
            "周立群",
        ),
        ("增资方：周立群\n身份证号码：310101199001011234\n", "contributor", "周立群"),
    ],
)
def test_more_ways_to_label_a_party(line: str, role: str, name: str) -> None:
    title = "保密协议" if "接收" in line else "专利作价增资协议"
    other = "信息披露方（甲方）：" if "接收" in line else "目标公司："
    other += "东岭材料有限公司\n"
    contract = _contract(
        f"{title}\n编号：F-6\n{other}{line}第一条 双方约定如下。\n签订日期：2025年3月3日\n"
    )
    assert (role, name) in _roles(contract)


# ---- non-compete period ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "months"),
    [
        ("一、同业禁止期限：自乙方离职之日起十八个月。", 18),
        ("一、竞业回避期间为乙方离职后两年。", 24),
        ("一、乙方离职后一年六个月内不得到同类企业任职。", 18),
        ("一、乙方离职后2年3个月内不得到同类企业任职。", 27),
        ("一、竞业限制期间甲方按乙方离职前十二个月平均工资的三成支付补偿。", None),
    ],
)
def test_non_compete_periods_in_other_words(clause: str, months: int | None) -> None:
    contract = _contract(
        "竞业限制协议\n编号：F-7\n甲方：东岭材料有限公司\n乙方：周立群\n"
        f"{clause}\n签订日期：2025年3月3日\n"
    )
    found = contract.non_compete_months
    assert (found.value if found else None) == months


# ---- instalments -----------------------------------------------------------------------------


def test_a_schedule_announced_by_its_count_without_fen() -> None:
    contract = _contract(
        "专利实施许可合同\n编号：F-8\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 许可费总额为人民币叁佰万元。乙方按下列两期付款：\n"
        "第一期：人民币壹佰万元，于本合同生效后十日内支付；\n"
        "第二期：人民币贰佰万元，于2026年3月31日前支付。\n"
        "第二条 其他\n签订日期：2025年3月3日\n"
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (1000000.0, "本合同生效后十日内"),
        (2000000.0, "2026年3月31日前"),
    ]


def test_a_quoted_secret_name_before_a_label_naming_its_kind() -> None:
    contract = _contract(
        "技术秘密许可合同\n编号：F-9\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 甲方许可乙方使用：“低温焊膏配比表”，商业秘密登记号：DL-TS-07。\n"
        "签订日期：2025年3月3日\n"
    )
    assert [s.value for s in contract.trade_secrets] == ["低温焊膏配比表"]
    assert [n.value for n in contract.trade_secret_numbers] == ["DL-TS-07"]


@pytest.mark.parametrize(
    ("clause", "exclusivity"),
    [
        ("第一条 甲方授与乙方者为非专属之通常实施权。", "ordinary"),
        ("第一条 甲方授与乙方专属实施权，甲方自己亦不得实施。", "exclusive"),
    ],
)
def test_taiwanese_names_of_the_right_granted(clause: str, exclusivity: str) -> None:
    contract = _contract(
        "专利授权契约书\n编号：F-10\n甲方：东岭材料股份有限公司\n乙方：南港精工股份有限公司\n"
        f"{clause}\n签订日期：2025年3月3日\n"
    )
    assert contract.exclusivity is not None and contract.exclusivity.value == exclusivity


def test_a_company_receiving_a_contribution_with_zhi_below_an_address_label() -> None:
    contract = _contract(
        "專利權作價入股協議\n協議編號：F-11\n出資人：東嶺材料有限公司\n"
        "　　營業地址：澳門新馬路1號\n"
        "接受出資之公司：南港精工有限公司\n　　地址：珠海市香洲區1號\n"
        "第一條 出資人以其專利作價入股公司。\n簽訂日期：2025年3月3日\n"
    )
    assert ("investee", "南港精工有限公司") in _roles(contract)


def test_a_schedule_whose_announcement_names_the_account() -> None:
    contract = _contract(
        "合作开发合同\n编号：F-12\n甲方：东岭材料有限公司\n乙方：西江工学院\n"
        "第一条 甲方出资人民币300万元，按以下进度拨付至乙方科研账户："
        "本合同签订后十日内拨付一百万元；样机验收后十五日内拨付二百万元。\n"
        "签订日期：2025年3月3日\n"
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (1000000.0, "本合同签订后十日内"),
        (2000000.0, "样机验收后十五日内"),
    ]


def test_an_amended_territory_in_quotes_ends_at_the_closing_quote() -> None:
    contract = _contract(
        "专利实施许可合同补充协议\n编号：F-13\n原合同编号：K-9\n甲方：东岭材料有限公司\n"
        "乙方：南港检测有限公司\n"
        "一、原合同第三条“许可地域：广东省”变更为：“许可地域：广东省及海南省”。\n"
        "签订日期：2025年3月3日\n"
    )
    assert contract.territory is not None and contract.territory.value == "广东省及海南省"


def test_each_party_bearing_its_share_of_the_funding() -> None:
    contract = _contract(
        "共同研究開發契約書\n契約編號：F-14\n甲方：東嶺材料股份有限公司\n乙方：南港科技大學\n"
        "第一條 研究經費總額為新臺幣伍佰萬元。甲方負擔新臺幣參佰萬元，乙方負擔新臺幣貳佰萬元。\n"
        "中華民國114年3月3日\n"
    )
    assert [(c.name, c.value) for c in contract.contributions] == [
        ("東嶺材料股份有限公司", 3000000.0),
        ("南港科技大學", 2000000.0),
    ]


def test_payments_after_a_colon_that_announces_their_sum() -> None:
    contract = _contract(
        "专利实施许可合同\n编号：F-15\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 乙方支付使用费人民币叁佰万元：于2025年6月30日前支付人民币壹佰万元；"
        "于2026年6月30日前支付人民币贰佰万元。\n签订日期：2025年3月3日\n"
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (1000000.0, "2025年6月30日前"),
        (2000000.0, "2026年6月30日前"),
    ]


def test_an_amendment_reads_the_new_area_not_the_one_its_recital_recalls() -> None:
    contract = _contract(
        "竞业限制协议补充协议\n编号：F-16\n原协议编号：K-8\n甲方：东岭材料有限公司\n乙方：周立群\n"
        "鉴于原协议约定的竞业限制期限为两年、地域为长三角地区，双方变更如下：\n"
        "1. 原协议第三条变更为：“竞业限制的地域范围：上海市、江苏省。”\n"
        "签订日期：2025年3月3日\n"
    )
    assert contract.territory is not None and contract.territory.value == "上海市、江苏省"
