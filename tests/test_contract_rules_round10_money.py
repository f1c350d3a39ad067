"""Money, kind, permission, forum and restraint rules of the round measured on the blind
contracts_depth12 set (issue 15): payment tables whose amount column is in any currency the
amounts know (英镑, 日元), schedules announced as 按里程碑/按进度支付如下, 让渡 as a transfer,
an original's number after a comma, an original's signing date that is not the amendment's, a
grant 独占授予, affiliates named among those a refusal covers, the places a restraint applies to,
a court's 法庭 and the court named after 即, restraints titled without 竞业, helping a competitor
in any capacity, a pledge's loan amount, an extension fee and the company receiving a
contribution named in the title. Each test is a contract written for it, not one of the
gold's."""

from __future__ import annotations

from ingest.contracts.model import ContractExtraction
from ingest.contracts.rules import LABELLED
from tests.contract_texts import extract_text

_SIGNED = "签订日期：2025年4月2日\n"


def _schedule(contract: ContractExtraction) -> list[tuple[float, str]]:
    return [(i.amount, i.due) for i in contract.instalments]


def _value(field: object) -> object:
    return getattr(field, "value", None)


# ---- payment tables ---------------------------------------------------------------------------


def test_a_payment_table_in_pounds_with_bare_amounts_is_a_schedule() -> None:
    contract = extract_text(
        "专利权转让协议\n协议号：LX-7\n卖方：北岭光电材料有限公司\n买方：南湖新能源科技有限公司\n"
        "第二条 价款\n转让价款为英镑贰拾万镑（GBP 200,000）。付款安排如下：\n"
        "期次\t付款条件\t金额（英镑）\n"
        "第一期\t本协议签署后15日内\t80,000\n"
        "第二期\t专利权人变更登记完成后15日内\t120,000\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (80_000.0, "本协议签署后15日内"),
        (120_000.0, "专利权人变更登记完成后15日内"),
    ]
    assert _value(contract.payment) == "installments"


def test_a_schedule_announced_as_paid_by_milestones_is_read_from_its_table() -> None:
    contract = extract_text(
        "技术秘密许可合同\n合同编号：MS-3\n许可方：东川数据科技有限公司\n被许可方：西岭物流有限公司\n"
        "第二条 许可费总额人民币二百万元，按进度付款如下：\n"
        "节点\t付款条件\t金额（万元）\n"
        "N1\t合同签订后七个工作日内\t50\n"
        "N2\t系统验收合格后七个工作日内\t150\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (500_000.0, "合同签订后七个工作日内"),
        (1_500_000.0, "系统验收合格后七个工作日内"),
    ]


# ---- kind, amendments, signing ------------------------------------------------------------------


def test_rang_du_of_an_application_right_is_an_application_transfer() -> None:
    contract = extract_text(
        "发明专利申请权让渡协议\n协议编号：RD-1\n让渡方：青岩材料研究所有限公司\n"
        "受让方：白沙化工有限公司\n第一条 申请号：202310000001.5\n" + _SIGNED
    )
    assert _value(contract.kind) == "application_transfer"
    assert contract.kind is not None and contract.kind.evidence is not None
    assert contract.kind.evidence.confidence == LABELLED  # read from the title, not guessed


def test_an_amendment_links_the_original_numbered_after_a_comma_not_its_signing_date() -> None:
    contract = extract_text(
        "专利许可合同修改协议\n修改协议编号：QX-2024-5-M1\n"
        "相关合同：《电池隔膜专利许可合同》，合同编号QX-2024-5\n"
        "原合同签订日期：2024年5月6日\n"
        "许可方：东郊新材料有限公司\n被许可方：北塘电池有限公司\n"
        "一、许可期限延长至2029年12月31日。\n"
        "许可方（盖章）：东郊新材料有限公司\n被许可方（盖章）：北塘电池有限公司\n"
        "2025年8月19日\n"
    )
    assert _value(contract.amends) == "QX-2024-5"
    assert _value(contract.sign_date) == "2025-08-19"


# ---- permissions and territory -------------------------------------------------------------


def test_a_right_to_work_granted_exclusively_is_an_exclusive_licence() -> None:
    contract = extract_text(
        "实施权授予合同\n合同编号：SQ-8\n许可方：南屏装备有限公司\n被许可方：北固机械有限公司\n"
        "第一条 许可方将专利ZL202310000002.1的实施权独占授予被许可方。\n" + _SIGNED
    )
    assert _value(contract.exclusivity) == "exclusive"


def test_affiliates_named_among_those_refused_forbid_sublicensing() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：FX-2\n许可方：南屏装备有限公司\n被许可方：北固机械有限公司\n"
        "主要条款\n项目\t内容\n"
        "再许可\t被许可方不得将本合同项下权利再许可给任何第三方，包括其控股子公司\n" + _SIGNED
    )
    assert _value(contract.sublicense_allowed) is False
    assert contract.sublicense_scope is None


def test_the_places_a_restraint_applies_to_under_its_heading_are_the_territory() -> None:
    contract = extract_text(
        "竞业限制协议\n协议编号：JY-4\n甲方：东湖智能科技有限公司\n乙方：王若溪\n"
        "一、竞业限制期限\n乙方离职后十八个月内不得受雇于任何从事智能门锁研发的企业。\n"
        "二、竞业限制地域\n前条之限制适用于湖北省、湖南省及江西省。\n" + _SIGNED
    )
    assert _value(contract.territory) == "湖北省、湖南省及江西省"


# ---- forums ------------------------------------------------------------------------------------


def test_a_division_of_a_court_is_the_forum() -> None:
    contract = extract_text(
        "保密协议\n协议编号：BM-6\n甲方：港湾物业科技有限公司\n乙方：李嘉慧\n"
        "第五条 双方同意接受香港特别行政区高等法院原讼法庭的专属管辖。\n" + _SIGNED
    )
    assert _value(contract.dispute_method) == "court"
    assert _value(contract.dispute_forum) == "香港特别行政区高等法院原讼法庭"


def test_the_court_named_after_ji_is_the_forum() -> None:
    contract = extract_text(
        "专利权质押合同\n合同编号：ZY-9\n出质人：江北机电有限公司\n质权人：某某银行股份有限公司江北支行\n"
        "第六条 争议由出质人住所地有管辖权的人民法院管辖，即宁波市江北区人民法院。\n" + _SIGNED
    )
    assert _value(contract.dispute_forum) == "宁波市江北区人民法院"


# ---- restraints ------------------------------------------------------------------------------


def test_a_restraint_titled_without_jingye_has_its_months_and_scope() -> None:
    contract = extract_text(
        "雇员离职后限制协议\n协议编号：XZ-3\n雇主：维港数码集团有限公司\n雇员：陈嘉朗\n"
        "1. 雇员于雇佣关系终止后九个月内，不得直接或间接受雇于、投资于或以任何身份协助任何"
        "从事智能停车系统开发之公司。\n"
        "2. 雇主须于限制期内每月向雇员支付补偿港币三万元。\n" + _SIGNED
    )
    assert _value(contract.non_compete_months) == 9
    assert _value(contract.non_compete_scope) == "从事智能停车系统开发之公司"


# ---- money -----------------------------------------------------------------------------------


def test_the_loan_a_pledge_secures_is_its_amount() -> None:
    contract = extract_text(
        "知识产权质押合同\n合同编号：ZY-10\n出质人：江北机电有限公司\n"
        "质权人：某某银行股份有限公司江北支行\n"
        "第一条 质权人向出质人发放经营贷款人民币捌佰万元，出质人以下列专利权提供质押担保。\n"
        + _SIGNED
    )
    assert contract.amount is not None
    assert contract.amount.value.amount == 8_000_000.0


def test_an_amendments_extension_fee_is_its_amount() -> None:
    contract = extract_text(
        "《专利实施许可合同》补充协议\n补充协议编号：BC-11-1\n原合同编号：BC-11\n"
        "许可方：东郊新材料有限公司\n被许可方：北塘电池有限公司\n"
        "一、许可期限延长至2030年6月30日。\n"
        "二、被许可方应一次性支付续期费人民币八十万元。\n" + _SIGNED
    )
    assert contract.amount is not None
    assert contract.amount.value.amount == 800_000.0


def test_the_company_a_contribution_goes_to_named_in_the_title_receives_it() -> None:
    contract = extract_text(
        "关于以专利权对清河微电子科技有限公司增资的协议\n协议编号：ZZ-12\n"
        "增资方：北原大学资产经营有限公司\n"
        "第一条 增资方以其持有的专利ZL202310000003.8作价人民币五百万元对公司增资。\n" + _SIGNED
    )
    assert _value(contract.receiving_company) == "清河微电子科技有限公司"


def test_money_the_original_already_settled_is_no_new_amount() -> None:
    contract = extract_text(
        "《专利实施许可合同》补充协议\n补充协议编号：BC-12-1\n原合同编号：BC-12\n"
        "许可方：东郊新材料有限公司\n被许可方：北塘电池有限公司\n"
        "一、原合同已支付的入门费人民币三百万元不予调整。\n"
        "二、许可期限延长至2031年6月30日，被许可方应一次性支付延期许可费人民币九十万元。\n"
        + _SIGNED
    )
    assert contract.amount is not None
    assert contract.amount.value.amount == 900_000.0
