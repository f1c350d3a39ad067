"""Contract rules of the round after the third blind set (issue 15): party blocks with other
detail labels and tables of persons, branch names, traditional-script schedules, amendment
tables, shares and contributions in tables. Every text here is written for the tests (no
sentence of a gold contract)."""

from __future__ import annotations

import hashlib

from ingest.contracts.documents import ContractDocument
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction


def _contract(text: str, fmt: str = "txt") -> ContractExtraction:
    document = ContractDocument(
        path=f"t.{fmt}",
        format=fmt,
        encoding="utf-8" if fmt == "txt" else None,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    return extract_contract(document)


def _roles(contract: ContractExtraction) -> list[tuple[str, str]]:
    return [(p.role.value, p.name) for p in contract.parties]


# ---- parties ---------------------------------------------------------------------------------


def test_persons_listed_in_a_table_under_their_label() -> None:
    contract = _contract(
        "竞业限制协议\n编号：NC-7\n甲方（用人单位）：北辰星图信息技术有限公司\n法定代表人：钟立\n"
        "乙方（员工，共两人）：\n序号\t姓名\t部门\t身份证号\n1\t宁晓川\t研发部\t110101199001****11\n"
        "2\t柏文静\t测试部\t110101199202****22\n"
        "一、乙方离职后两年内不得到竞争企业任职。\n甲方（盖章）：北辰星图信息技术有限公司\n"
        "签订日期：2025年5月6日\n"
    )
    assert _roles(contract) == [
        ("employer", "北辰星图信息技术有限公司"),
        ("employee", "宁晓川"),
        ("employee", "柏文静"),
    ]
    assert all(p.is_person for p in contract.parties[1:])
    row = contract.parties[2].evidence
    assert contract.parties[2].name == "柏文静" and row.end - row.start == 3


def test_party_block_goes_on_past_a_representative_or_register_number_line() -> None:
    contract = _contract(
        "專利授權契約書\n契約編號：TW-9\n授權人：北嶺光學股份有限公司\n統一編號：12345678\n"
        "代表人：林一\n被授權人：南湖精密股份有限公司\n統一編號：87654321\n代表人：陳二\n"
        "第一條 授權人同意授權被授權人實施專利。\n簽署日期：2025年1月2日\n"
    )
    assert _roles(contract) == [
        ("licensor", "北嶺光學股份有限公司"),
        ("licensee", "南湖精密股份有限公司"),
    ]


def test_a_second_recipient_after_a_representative_line() -> None:
    contract = _contract(
        "保密協議\n協議編號：NDA-5\n披露方：海灣生物科技有限公司\n代表人：梁三\n"
        "接收方一：杜文軒（研究員，身份證編號：A****）\n接收方二：司徒嘉儀（工程師，身份證編號：B****）\n"
        "第一條 接收方對資料負保密責任。\n簽署日期：2025年2月3日\n"
    )
    assert _roles(contract) == [
        ("discloser", "海灣生物科技有限公司"),
        ("recipient", "杜文軒"),
        ("recipient", "司徒嘉儀"),
    ]
    assert [p.is_person for p in contract.parties] == [False, True, True]


def test_a_bank_branch_after_the_company_is_part_of_the_name() -> None:
    contract = _contract(
        "专利权质押合同\n合同编号：ZY-1\n出质人：东川动力科技有限公司\n"
        "质权人：交通银行股份有限公司宜昌西陵支行营业场所：宜昌市某路1号负责人：王五\n"
        "第一条 出质人以专利权出质。\n签订日期：2025年7月1日\n"
    )
    assert _roles(contract)[1] == ("pledgee", "交通银行股份有限公司宜昌西陵支行")


def test_a_branch_office_name_runs_on_into_a_sentence() -> None:
    contract = _contract(
        "专利实施许可合同\n合同编号：XK-3\n许可方：东川动力科技有限公司\n"
        "被许可方：华南重工有限公司长沙分公司双方经协商一致签订本合同\n"
        "第一条 许可方许可被许可方实施专利。\n签订日期：2025年7月1日\n"
    )
    assert _roles(contract)[1] == ("licensee", "华南重工有限公司长沙分公司")
