"""Contract rules of the round tuned on the contracts_depth15 and depth16 sets (issue 15): a
table of secrets (a number column and a name column). Each test is a contract written for it."""

from __future__ import annotations

from tests.contract_texts import extract_text

_SIGNED = "签订日期：2025年3月3日\n"


def test_a_table_of_secrets_gives_each_rows_name_and_number() -> None:
    text = (
        "员工保密协议\n编号：BM-88\n"
        "甲方：青岚精密机械有限公司\n乙方：裴子墨（身份证号：370102199002021234）\n"
        "乙方将接触甲方的下列技术秘密：\n"
        "序号\t技术秘密名称\t内部编号\n"
        "1\t五轴磨床主轴热补偿算法\tQL-JM-201\n"
        "2\t硬质合金刀具涂层配方\tQL-JM-215\n"
        "第一条 乙方应保守上述技术秘密，保密期限为五年。\n" + _SIGNED
    )
    contract = extract_text(text)
    assert [s.value for s in contract.trade_secrets] == [
        "五轴磨床主轴热补偿算法",
        "硬质合金刀具涂层配方",
    ]
    assert [n.value for n in contract.trade_secret_numbers] == ["QL-JM-201", "QL-JM-215"]
    first = contract.trade_secrets[0].evidence
    assert text[first.start : first.end] == "五轴磨床主轴热补偿算法"


def test_a_table_that_is_not_of_secrets_gives_none() -> None:
    # a schedule of payments has a number column too, but says nothing of secrets
    contract = extract_text(
        "专利实施许可合同\n合同编号：LC-90\n许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "第一条 许可专利ZL202110587921.2。\n"
        "付款编号\t付款事项\n"
        "FK-01\t首期许可费\n"
        "FK-02\t尾期许可费\n" + _SIGNED
    )
    assert contract.trade_secrets == []
    assert contract.trade_secret_numbers == []


def test_entries_of_a_register_of_secrets_give_their_names_and_numbers() -> None:
    # traditional script (the values keep it), each entry's number before its name
    contract = extract_text(
        "專有技術使用授權合約\n合約編號：HK-TS-9\n"
        "甲方（授權方）：香港嘉泓材料有限公司\n乙方（被授權方）：東莞嘉泓新材料有限公司\n"
        "第一條 甲方將下列載於其保密登記簿之專有技術授權乙方使用：\n"
        "保密登記簿第BM-0031號：《高導熱陶瓷基板燒結曲線》；\n"
        "保密登記簿第BM-0045號：「氮化鋁粉體表面改性配方」。\n"
        "第二條 授權期間為三年。\n" + _SIGNED
    )
    assert [s.value for s in contract.trade_secrets] == [
        "高導熱陶瓷基板燒結曲線",
        "氮化鋁粉體表面改性配方",
    ]
    assert [n.value for n in contract.trade_secret_numbers] == ["BM-0031", "BM-0045"]


def test_instalments_numbered_in_chinese_numerals_are_read() -> None:
    contract = extract_text(
        "技术秘密许可合同\n合同编号：T-12\n许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "第一条 许可技术秘密“某工艺”。\n"
        "第三条 许可费总额为人民币贰佰万元，分三期支付：\n"
        "一、签约后十日内支付百分之三十，即人民币陆拾万元；\n"
        "二、乙方书面确认培训完成后十日内支付百分之五十，即人民币壹佰万元；\n"
        "三、2027年4月30日前支付余下百分之二十，即人民币肆拾万元。\n"
        "第四条 其他事项另行约定。\n" + _SIGNED
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (600000.0, "签约后十日内"),
        (1000000.0, "乙方书面确认培训完成后十日内"),
        (400000.0, "2027年4月30日前"),
    ]


def test_an_instalments_name_before_its_amount_is_not_its_due() -> None:
    contract = extract_text(
        "技术秘密许可合同\n合同编号：T-13\n许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "第一条 许可技术秘密“某工艺”。\n"
        "第二条 使用费共计人民币叁佰万元，分两期支付：签约款人民币100万元，于本合同生效后十日内"
        "支付；验收款人民币200万元，于乙方样机验收合格后三十日内支付。\n" + _SIGNED
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (1000000.0, "本合同生效后十日内"),
        (2000000.0, "乙方样机验收合格后三十日内"),
    ]


def test_an_article_titled_by_its_payment_plan_heads_a_table_of_instalments() -> None:
    contract = extract_text(
        "合作开发协议\n协议编号：HZ-5\n甲方：甲科技有限公司\n乙方：乙大学\n"
        "第一条 双方合作开发高效光伏组件。\n"
        "第二条 甲方研发经费支付计划\n"
        "序号\t支付条件\t金额（万元）\n"
        "一\t本协议签订后十五日内\t300\n"
        "二\t样机通过第三方检测后\t200\n"
        "第三条 成果归甲方所有。\n" + _SIGNED
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (3000000.0, "本协议签订后十五日内"),
        (2000000.0, "样机通过第三方检测后"),
    ]


def test_an_agreement_on_adjusting_a_contracts_terms_is_an_amendment() -> None:
    # the title says 关于调整…的协议, not 补充协议; the article's old wording is quoted first
    contract = extract_text(
        "关于延长专利许可期限的协议\n协议编号：XK-9-BC\n"
        "许可方：甲科技有限公司\n被许可方：乙科技有限公司\n"
        "双方于2024年3月1日签订的《专利实施许可合同》（合同编号：XK-9）第三条原约定：“许可期限"
        "自2024年3月1日起至2026年2月28日止，许可使用费为人民币伍拾万元。”\n"
        "现将该条修改为：许可期限自2024年3月1日起至2028年2月29日止，许可使用费为人民币捌拾万元。\n"
        "原合同其余条款继续有效。\n" + _SIGNED
    )
    assert contract.kind.value == "amendment"
    assert contract.amends is not None
    assert contract.amends.value == "XK-9"
    assert contract.amount is not None
    assert contract.amount.value.amount == 800000
    assert contract.end_date is not None
    assert contract.end_date.value == "2028-02-29"
