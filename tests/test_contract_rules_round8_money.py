"""Money, term and permission rules of the round measured on the blind contracts_depth10 set
(issue 15): stage headings (二期：, 里程碑一：), instalment-name cells, a table's unit said above
it, recitals of the original's price, and the fields after them. Each test is a contract written
for it, not one of the gold's."""

from __future__ import annotations

from ingest.contracts.model import ContractExtraction
from tests.contract_texts import extract_text

_SIGNED = "签订日期：2025年3月3日\n"


def _schedule(contract: ContractExtraction) -> list[tuple[float, str]]:
    return [(i.amount, i.due) for i in contract.instalments]


def test_stage_headings_without_the_word_kuan_head_their_instalments() -> None:
    contract = extract_text(
        "专利权转让合同\n合同编号：ZR-77\n转让方：东川新材料研究院有限公司\n受让方：西岭化工有限公司\n"
        "第二条 转让价款为人民币伍佰万元，受让方按以下节点付款：\n"
        "首期：合同生效之日起十个工作日内，支付人民币壹佰万元；\n"
        "二期：专利权人变更登记公告后十五个工作日内，支付人民币贰佰万元；\n"
        "三期：受让方完成中试并书面确认后二十日内，支付人民币贰佰万元。\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (1_000_000.0, "合同生效之日起十个工作日内"),
        (2_000_000.0, "专利权人变更登记公告后十五个工作日内"),
        (2_000_000.0, "受让方完成中试并书面确认后二十日内"),
    ]
    assert contract.payment is not None and contract.payment.value == "installments"


def test_milestones_in_traditional_script_are_a_schedule() -> None:
    contract = extract_text(
        "技術許可協議\n協議編號：ML-9\n許可方：港島醫學科技有限公司\n被許可方：廣州康寧藥業有限公司\n"
        "3.1 許可費總額為港幣壹仟萬元，按下列里程碑支付：\n"
        "里程碑一：本協議簽署後二十日內，支付港幣肆佰萬元；\n"
        "里程碑二：被許可方完成首批產品驗證後三十日內，支付港幣陸佰萬元。\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (4_000_000.0, "本協議簽署後二十日內"),
        (6_000_000.0, "被許可方完成首批產品驗證後三十日內"),
    ]


def test_a_cell_naming_the_instalment_is_not_its_due_condition() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：XK-31\n许可方：北辰电子有限公司\n被许可方：南屏车载系统有限公司\n"
        "第三条 许可费总额为人民币60万元，按下表支付：\n"
        "款项\t支付时点\t金额（元）\n"
        "预付款\t本合同签订后15日内\t200,000\n"
        "验收款\t合同产品通过客户验收后30日内\t400,000\n" + _SIGNED,
        "docx",
    )
    assert _schedule(contract) == [
        (200_000.0, "本合同签订后15日内"),
        (400_000.0, "合同产品通过客户验收后30日内"),
    ]


def test_an_amendment_table_in_a_unit_stated_above_it_gives_the_new_column() -> None:
    contract = extract_text(
        "关于《专利权转让合同》的变更协议\n变更协议编号：ZR-77-B1\n"
        "所变更协议：《专利权转让合同》（合同编号：ZR-77）\n"
        "转让方：东川新材料研究院有限公司\n受让方：西岭化工有限公司\n"
        "双方于2024年5月6日签署《专利权转让合同》（以下简称“原合同”），约定转让价款人民币伍佰万元。\n"
        "一、原合同第二条约定的转让价款“人民币伍佰万元”变更为人民币肆佰万元。\n"
        "二、付款节点调整如下表（单位：万元）：\n"
        "款项\t付款条件\t原约定金额\t变更后金额\n"
        "首期\t已于2024年5月20日支付\t100\t100\n"
        "二期\t专利权人变更登记公告后十五个工作日内\t200\t180\n"
        "尾款\t受让方完成中试并书面确认后二十日内\t200\t120\n" + _SIGNED,
        "docx",
    )
    assert contract.amount is not None and contract.amount.value.amount == 4_000_000.0
    assert _schedule(contract) == [
        (1_000_000.0, "已于2024年5月20日支付"),
        (1_800_000.0, "专利权人变更登记公告后十五个工作日内"),
        (1_200_000.0, "受让方完成中试并书面确认后二十日内"),
    ]
    assert contract.payment is not None and contract.payment.value == "installments"


def test_the_price_before_zuojia_wins_over_the_part_of_it_after_a_comma() -> None:
    contract = extract_text(
        "技术入股协议\n协议编号：RG-12\n甲方：东岳材料科学研究院有限公司\n乙方：泰山新型建材有限公司\n"
        "第一条 甲方以其专利ZL202110587921.2向乙方增资。\n"
        "第二条 经评估，该专利的评估值为人民币900万元。双方确定该专利按人民币捌佰万元作价出资，"
        "其中人民币200万元计入乙方注册资本，其余人民币600万元计入资本公积。\n" + _SIGNED
    )
    assert contract.valuation is not None and contract.valuation.value.amount == 8_000_000.0
    assert contract.amount is not None and contract.amount.value.amount == 8_000_000.0


def test_a_share_of_income_rewarding_the_inventors_is_no_royalty() -> None:
    contract = extract_text(
        "专利申请权转让合同\n合同编号：SQ-5\n甲方（出让方）：西湖理工大学\n乙方（受让方）：钱塘精密仪器有限公司\n"
        "第一条 甲方将申请号为202310587921.2的专利申请的申请权转让给乙方。\n"
        "第二条 转让价款为人民币捌拾万元，乙方应于本合同生效之日起30日内一次性支付。\n"
        "第三条 甲方将转让净收入的百分之六十奖励发明人，与乙方无关。\n" + _SIGNED
    )
    assert contract.royalty_rate is None
    assert contract.entry_fee is None
    assert contract.payment is not None and contract.payment.value == "lump_sum"


def test_letting_its_subsidiaries_use_the_know_how_is_sublicensing_to_affiliates() -> None:
    contract = extract_text(
        "技术秘密许可协议\n协议编号：JM-8\n许可方：岭南种业科技有限公司\n被许可方：桂北农业发展有限公司\n"
        "第一条 许可方以普通许可方式许可被许可方使用“水稻制种隔离技术”。\n"
        "第二条 被许可方可允许其全资子公司在许可区域内使用该技术，但不得向其他任何单位再许可。\n"
        + _SIGNED
    )
    assert contract.sublicense_allowed is not None and contract.sublicense_allowed.value is True
    assert contract.sublicense_scope is not None
    assert contract.sublicense_scope.value == "affiliates"


def test_a_licensee_that_may_not_let_its_subsidiaries_use_it_may_not_sublicense() -> None:
    contract = extract_text(
        "技术秘密许可协议\n协议编号：JM-9\n许可方：岭南种业科技有限公司\n被许可方：桂北农业发展有限公司\n"
        "第一条 许可方以普通许可方式许可被许可方使用“水稻制种隔离技术”。\n"
        "第二条 被许可方不得允许其子公司使用该技术，亦不得再许可任何第三方。\n" + _SIGNED
    )
    assert contract.sublicense_allowed is not None and contract.sublicense_allowed.value is False


def test_a_sub_commission_named_after_the_commission_is_the_forum() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：XK-40\n许可方：北辰电子有限公司\n被许可方：南屏车载系统有限公司\n"
        "第九条 争议提交中国国际经济贸易仲裁委员会西南分会（重庆仲裁中心）仲裁。\n" + _SIGNED
    )
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "中国国际经济贸易仲裁委员会西南分会（重庆仲裁中心）"
    contract = extract_text(
        "专利实施许可合同\n合同编号：XK-41\n许可方：北辰电子有限公司\n被许可方：南屏车载系统有限公司\n"
        "第九条 争议提交中国国际经济贸易仲裁委员会粤港澳大湾区国际仲裁中心仲裁。\n" + _SIGNED
    )
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "中国国际经济贸易仲裁委员会粤港澳大湾区国际仲裁中心"


def test_the_commission_alone_when_its_rules_follow_its_name() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：XK-42\n许可方：北辰电子有限公司\n被许可方：南屏车载系统有限公司\n"
        "第九条 争议提交中国国际经济贸易仲裁委员会按照其现行有效的仲裁规则"
        "在北京仲裁中心开庭仲裁。\n"
        + _SIGNED
    )
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "中国国际经济贸易仲裁委员会"


def test_a_definition_of_the_competitors_is_the_non_compete_scope() -> None:
    contract = extract_text(
        "竞业限制协议\n协议编号：JY-3\n甲方：江夏光电科技有限公司\n乙方：邓明远\n"
        "第一条 乙方在与甲方的劳动关系解除或终止后一年半内，不得到与甲方有竞争关系的单位任职。"
        "前款所称有竞争关系的单位，是指从事光纤激光器研发、生产或销售的企业。\n"
        "第二条 竞业限制期间，甲方按月向乙方支付补偿金人民币六千元。\n" + _SIGNED
    )
    assert contract.non_compete_scope is not None
    assert contract.non_compete_scope.value == "从事光纤激光器研发、生产或销售的企业"
    assert contract.non_compete_months is not None and contract.non_compete_months.value == 18


def test_without_a_definition_the_barred_employers_are_the_scope() -> None:
    contract = extract_text(
        "竞业限制协议\n协议编号：JY-4\n甲方：江夏光电科技有限公司\n乙方：邓明远\n"
        "第一条 乙方离职后二年内，不得到与甲方有竞争关系的单位任职。\n" + _SIGNED
    )
    assert contract.non_compete_scope is not None
    assert contract.non_compete_scope.value == "与甲方有竞争关系的单位"
    assert contract.non_compete_months is not None and contract.non_compete_months.value == 24


def test_a_target_company_named_only_on_its_signature_line_receives_the_contribution() -> None:
    contract = extract_text(
        "以专利增资协议\n协议编号：ZZ-15\n"
        "本协议由文末签署的增资方（以下简称“甲方”）与目标公司（以下简称“乙方”）于2025年6月9日签订。\n"
        "第一条 甲方以专利ZL202110587921.2向乙方增资，作价人民币300万元。\n"
        "第二条 增资完成后，甲方持有乙方注册资本的百分之十五。\n"
        "甲方（增资方）：南湖设计研究院有限公司（盖章）\n"
        "乙方（目标公司）：北湖智能建造科技有限公司（盖章）\n"
    )
    assert contract.receiving_company is not None
    assert contract.receiving_company.value == "北湖智能建造科技有限公司"


def test_an_issuer_line_names_the_receiving_company_and_the_post_deal_share() -> None:
    contract = extract_text(
        "知識產權認購股份協議\n協議編號：SUB-9\n"
        "認購人：東灣科研轉化有限公司\n地址：香港數碼港道100號\n\n"
        "發行方：西貢感測科技有限公司\n地址：香港西貢大網仔路1號\n\n"
        "1. 認購人同意以其專利ZL202110587921.2作價港幣伍佰萬元認購發行方新發行之普通股。\n"
        "2. 發行方須於完成日配發5,000,000股普通股，佔認購完成後發行方全部已發行股份的12%。\n"
        "簽署日期：2025年7月8日\n",
        "docx",
    )
    assert contract.receiving_company is not None
    assert contract.receiving_company.value == "西貢感測科技有限公司"
    assert contract.equity_share is not None and contract.equity_share.value == 0.12


def test_a_unit_note_on_its_own_line_and_a_numbered_table() -> None:
    contract = extract_text(
        "专利权转让合同\n合同编号：ZR-80\n转让方：东川新材料研究院有限公司\n受让方：西岭化工有限公司\n"
        "第二条 转让价款为人民币叁佰万元，按下表支付：\n"
        "金额单位：人民币万元\n"
        "序号\t付款条件\t金额\n"
        "1\t合同生效后十日内\t120\n"
        "2\t专利权转移登记公告后三十日内\t180\n" + _SIGNED,
        "docx",
    )
    assert _schedule(contract) == [
        (1_200_000.0, "合同生效后十日内"),
        (1_800_000.0, "专利权转移登记公告后三十日内"),
    ]


def test_a_due_cell_ending_with_the_instalment_name_is_still_a_due() -> None:
    contract = extract_text(
        "专利实施许可合同\n合同编号：XK-32\n许可方：北辰电子有限公司\n被许可方：南屏车载系统有限公司\n"
        "第三条 许可费总额为人民币50万元，按下表支付：\n"
        "节点\t金额（元）\n"
        "合同签订后10日内支付首付款\t200,000\n"
        "产品验收合格后支付尾款\t300,000\n" + _SIGNED,
        "docx",
    )
    assert _schedule(contract) == [
        (200_000.0, "合同签订后10日内支付首付款"),
        (300_000.0, "产品验收合格后支付尾款"),
    ]


def test_a_price_computed_after_zuojia_wins_over_the_appraisal_before_it() -> None:
    contract = extract_text(
        "技术入股协议\n协议编号：RG-13\n甲方：东岳材料科学研究院有限公司\n乙方：泰山新型建材有限公司\n"
        "第一条 甲方以其专利ZL202110587921.2向乙方增资。\n"
        "第二条 该专利按评估值人民币600万元的九折作价，即人民币540万元。\n" + _SIGNED
    )
    assert contract.valuation is not None and contract.valuation.value.amount == 5_400_000.0


def test_numbered_stages_under_an_enumeration_head_their_clauses() -> None:
    head = (
        "专利权转让合同\n合同编号：ZR-81\n"
        "转让方：东川新材料研究院有限公司\n受让方：西岭化工有限公司\n"
    )
    expected = [(300_000.0, "合同签订后7日内"), (700_000.0, "专利权变更登记完成后15日内")]
    by_phase = extract_text(
        head + "第二条 转让价款为人民币一百万元，按以下阶段支付：\n"
        "第一阶段：合同签订后7日内，支付人民币30万元；\n"
        "第二阶段：专利权变更登记完成后15日内，支付人民币70万元。\n" + _SIGNED
    )
    numbered = extract_text(
        head + "第二条 转让价款为人民币一百万元，分两期支付：\n"
        "（1）第一期：合同签订后7日内，支付人民币30万元；\n"
        "（2）第二期：专利权变更登记完成后15日内，支付人民币70万元。\n" + _SIGNED
    )
    assert _schedule(by_phase) == expected
    assert _schedule(numbered) == expected


def test_an_allowance_to_subsidiaries_alone_is_sublicensing_to_affiliates() -> None:
    contract = extract_text(
        "技术秘密许可协议\n协议编号：JM-10\n许可方：岭南种业科技有限公司\n被许可方：桂北农业发展有限公司\n"
        "第一条 许可方以普通许可方式许可被许可方使用“水稻制种隔离技术”。\n"
        "第二条 被许可方可允许其全资子公司在许可区域内使用该技术。\n" + _SIGNED
    )
    assert contract.sublicense_allowed is not None and contract.sublicense_allowed.value is True
    assert contract.sublicense_scope is not None
    assert contract.sublicense_scope.value == "affiliates"


def test_an_amendment_reciting_the_original_price_in_other_words_gives_the_new_one() -> None:
    head = (
        "专利权转让合同补充协议\n补充协议编号：ZR-78-S1\n原合同编号：ZR-78\n"
        "转让方：东川新材料研究院有限公司\n受让方：西岭化工有限公司\n"
    )
    numbered = extract_text(
        head + "鉴于双方于2024年5月6日签订的原合同（合同编号：ZR-78）"
        "约定转让价款为人民币伍佰万元。\n一、转让价款调整为人民币肆佰万元。\n" + _SIGNED
    )
    with_comma = extract_text(
        head + "原合同第二条规定，转让价款为人民币伍佰万元。"
        "现将转让价款变更为人民币肆佰万元。\n" + _SIGNED
    )
    for contract in (numbered, with_comma):
        assert contract.amount is not None and contract.amount.value.amount == 4_000_000.0
