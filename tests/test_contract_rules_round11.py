"""Contract rules of the round tuned on the contracts_depth13 and depth14 sets (issue 15): a
restraint's length written beside its dated period, a post held before a person's name. Each
test is a contract written for it."""

from __future__ import annotations

from tests.contract_texts import extract_text, roles

_SIGNED = "签订日期：2025年3月3日\n"


def test_a_restraints_length_beside_its_dated_period_is_its_months() -> None:
    contract = extract_text(
        "离职竞业禁止协议\n编号：NC-77\n"
        "本协议由南京岭川电子有限公司（下称“公司”）与其测试经理韦晓澄（身份证号320102199001011234，"
        "下称“员工”）签订。\n"
        "一、员工自2026年1月1日起至2027年3月31日止（共十五个月），不得到从事功率器件研发的企业任职。\n"
        "二、公司每月向员工支付补偿金人民币9,000元。\n" + _SIGNED
    )
    assert contract.non_compete_months is not None
    assert contract.non_compete_months.value == 15
    # the post (测试经理) before the employee's name is not part of the name
    assert ("employee", "韦晓澄") in roles(contract)


def test_the_court_a_generic_court_is_said_to_be() -> None:
    court = extract_text(
        "专利实施许可合同\n合同编号：LC-31\n许可方：甲公司有限公司\n被许可方：乙科技有限公司\n"
        "第一条 许可专利ZL202110587921.2。\n"
        "第九条 争议提交许可方住所地人民法院即常州市武进区人民法院诉讼解决。\n" + _SIGNED
    )
    assert court.dispute_forum is not None
    assert court.dispute_forum.value == "常州市武进区人民法院"


def test_an_instalment_restated_in_brackets_keeps_its_due_condition() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：LC-33\n许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "第一条 许可专利ZL202110587921.2。\n"
        "第二条 许可费为欧元伍拾万元（EUR 500,000），分两期支付：首期欧元叁拾万元（EUR 300,000）"
        "于本合同生效后20日内支付；第二期欧元贰拾万元（EUR 200,000）于2027年6月30日之前支付。\n"
        + _SIGNED
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (300000.0, "本合同生效后20日内"),
        (200000.0, "2027年6月30日之前"),
    ]


def test_an_article_titled_by_the_payment_lists_the_instalments_below_it() -> None:
    contract = extract_text(
        "技术开发合同\n合同编号：KF-34\n委托方：甲科技有限公司\n受托方：乙研究院\n"
        "第一条 乙方为甲方开发数据平台。\n"
        "第二条 开发经费的支付\n1. 合同签订后15日内支付人民币200,000元；\n"
        "2. 平台通过验收后15日内支付人民币300,000元。\n第三条 争议提交北京仲裁委员会仲裁。\n"
        + _SIGNED
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (200000.0, "合同签订后15日内"),
        (300000.0, "平台通过验收后15日内"),
    ]


def test_an_article_on_a_fee_and_a_royalty_is_no_schedule() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：LC-35\n许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "第一条 许可专利ZL202110587921.2。\n"
        "第二条 费用及支付\n2.1 乙方应支付入门费人民币伍拾万元，于本合同生效后十日内一次付清。\n"
        "2.2 自产品上市之日起，乙方按净销售额的百分之三向甲方支付提成。\n" + _SIGNED
    )
    assert contract.instalments == []


def test_a_secrets_file_number_and_its_number_in_the_holders_list() -> None:
    filed = extract_text(
        "技术秘密许可合同\n合同编号：TS-36\n许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "第一条 甲方许可乙方使用其技术秘密“耐候涂料固化工艺”（技术秘密档案号：JK-TS-2020-041）。\n"
        + _SIGNED
    )
    assert [n.value for n in filed.trade_secret_numbers] == ["JK-TS-2020-041"]
    listed = extract_text(
        "技术秘密许可合同\n合同编号：TS-37\n许可人：甲科技有限公司\n被许可人：乙科技有限公司\n"
        "1.1 许可人许可被许可人使用其保密技术“电解液提纯工艺”，该技术在许可人内部保密清单中的"
        "编号为QD-KH-208。\n" + _SIGNED
    )
    assert [s.value for s in listed.trade_secrets] == ["电解液提纯工艺"]
    assert [n.value for n in listed.trade_secret_numbers] == ["QD-KH-208"]


def test_sublicensing_to_a_qualified_subsidiary_in_a_place_is_to_affiliates() -> None:
    contract = extract_text(
        "技术秘密许可协议\n协议编号：TS-38\n许可人：甲科技有限公司\n被许可人：乙株式会社\n"
        "1. 许可人许可被许可人使用其技术秘密“正极烧结工艺”。\n"
        "2. 被许可人可将该技术再许可给其全资的日本子公司，但应书面通知许可人；"
        "除此之外不得再许可。\n"
        + _SIGNED
    )
    assert contract.sublicense_scope is not None
    assert contract.sublicense_scope.value == "affiliates"


def test_a_partys_place_in_the_consortium_is_not_its_name() -> None:
    contract = extract_text(
        "联合研发合同\n合同编号：KF-39\n甲方：华东隧道工程集团有限公司（牵头单位）\n"
        "乙方：江南理工大学（参与单位）\n第一条 双方共同开发盾构刀盘监测系统。\n" + _SIGNED
    )
    assert [name for _, name in roles(contract)] == ["华东隧道工程集团有限公司", "江南理工大学"]
