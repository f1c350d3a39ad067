"""Contract rules of the round after the third blind set (issue 15): party blocks with other
detail labels and tables of persons, branch names, traditional-script schedules, amendment
tables, shares and contributions in tables. Every text here is written for the tests (no
sentence of a gold contract)."""

from __future__ import annotations

from ingest.contracts.model import ContractExtraction, PartyValue
from tests.contract_texts import extract_text as _contract
from tests.contract_texts import roles as _roles

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


# ---- instalments ---------------------------------------------------------------------------


def _schedule(contract: ContractExtraction) -> list[tuple[float, str]]:
    return [(i.amount, i.due) for i in contract.instalments]


def test_lettered_instalments_in_traditional_script() -> None:
    contract = _contract(
        "專利許可協議\n協議編號：HK-8\n許可方：維港材料有限公司\n被許可方：灣區電池有限公司\n"
        "第3條 許可費總額為港幣壹佰萬元，按以下方式支付：\n"
        "（a）港幣叁拾萬元，於本協議生效後七日內支付；\n"
        "（b）港幣叁拾萬元，於樣機驗收合格後十日內支付；\n"
        "（c）餘款港幣肆拾萬元，於2026年6月30日或之前支付。\n"
        "第4條 本協議受香港法律管轄。\n簽署日期：2025年3月1日\n"
    )
    assert _schedule(contract) == [
        (300000.0, "本協議生效後七日內"),
        (300000.0, "樣機驗收合格後十日內"),
        (400000.0, "2026年6月30日或之前"),
    ]
    assert contract.payment is not None and contract.payment.value == "installments"


def test_where_the_money_goes_is_no_part_of_the_first_due() -> None:
    contract = _contract(
        "合作开发协议\n编号：HZ-2\n甲方：东湖光电有限公司\n乙方：江城大学\n"
        "第一条 甲方出资三百万元，分两期汇入乙方科研专用账户：协议签订后十日内支付一百万元；"
        "中期检查通过后十五日内支付二百万元。\n签订日期：2025年4月1日\n"
    )
    assert _schedule(contract) == [
        (1000000.0, "协议签订后十日内"),
        (2000000.0, "中期检查通过后十五日内"),
    ]


def test_an_amendment_table_gives_the_new_column_in_its_header_unit() -> None:
    contract = _contract(
        "专利权转让合同补充协议\n编号：BC-1\n原合同编号：ZR-1\n转让方（甲方）：东川动力科技有限公司\n"
        "受让方（乙方）：华南重工有限公司\n"
        "1. 转让价款调整为人民币贰佰万元，付款节点金额调整如下：\n"
        "付款节点\t原金额（万元）\t调整后金额（万元）\n"
        "合同生效后七日内\t100\t80\n"
        "专利权转移登记完成后十日内\t150\t120\n"
        "2. 其余条款不变。\n甲方（盖章）：东川动力科技有限公司\n日期：2025年8月1日\n",
        fmt="docx",
    )
    assert _schedule(contract) == [
        (800000.0, "合同生效后七日内"),
        (1200000.0, "专利权转移登记完成后十日内"),
    ]
    assert contract.payment is not None and contract.payment.value == "installments"


# ---- shares and contributions --------------------------------------------------------------


def _values(found: list[PartyValue]) -> dict[str, float | None]:
    return {v.name: v.value for v in found}


def test_contribution_column_headed_with_money_in_ten_thousands() -> None:
    contract = _contract(
        "合作开发合同\n编号：HZ-5\n甲方：东岭材料有限公司\n乙方：西江工学院\n丙方：北港装备有限公司\n"
        "一、各方投入如下表：\n"
        "合作方\t投入方式\t投入资金（人民币万元）\t权益比例\n"
        "东岭材料有限公司\t资金\t2,000\t60%\n"
        "西江工学院\t研究人员\t不出资\t25%\n"
        "北港装备有限公司\t资金、场地\t400\t15%\n"
        "二、争议提交仲裁。\n签订日期：2025年6月1日\n",
        fmt="docx",
    )
    assert _values(contract.contributions) == {
        "东岭材料有限公司": 20000000.0,
        "西江工学院": None,
        "北港装备有限公司": 4000000.0,
    }
    assert _values(contract.shares) == {
        "东岭材料有限公司": 0.6,
        "西江工学院": 0.25,
        "北港装备有限公司": 0.15,
    }


def test_a_share_table_a_pdf_printed_with_spaces() -> None:
    contract = _contract(
        "联合研发协议\n编号：LH-3\n第一方：东岭材料有限公司\n第二方：西江工学院\n第三方：北港装备有限公司\n"
        "第1条 研发成果由三方按下列比例共有：\n"
        "合作方 份额\n第一方 50%\n第二方 30%\n第三方 20%\n"
        "第2条 争议提交仲裁。\n签署日期：2025年6月1日\n",
        fmt="pdf",
    )
    assert _values(contract.shares) == {
        "东岭材料有限公司": 0.5,
        "西江工学院": 0.3,
        "北港装备有限公司": 0.2,
    }


# ---- trade secrets and non-competes --------------------------------------------------------


def test_a_quoted_name_with_its_register_number_is_a_trade_secret() -> None:
    contract = _contract(
        "保密協議\n協議編號：BM-4\n披露方：海灣生物科技有限公司\n接收方：林志豪\n"
        "鑒於接收方將接觸披露方資料，包括「低溫發酵菌種配比」（內部登記編號：WB-7）"
        "及「凍乾粉末包裝流程」（登記編號：WB-9），雙方協議如下：\n"
        "第一條 接收方負保密責任。\n簽署日期：2025年2月3日\n"
    )
    names = [s.value for s in contract.trade_secrets]
    assert names == ["低溫發酵菌種配比", "凍乾粉末包裝流程"]
    assert [n.value for n in contract.trade_secret_numbers] == ["WB-7", "WB-9"]


def test_a_quoted_contract_name_with_a_number_is_no_trade_secret() -> None:
    contract = _contract(
        "保密协议\n编号：BM-5\n甲方：东岭材料有限公司\n乙方：西江工学院\n"
        "鉴于双方签订的“联合研发合同”（合同编号：LH-1）正在履行，双方约定如下：\n"
        "第一条 乙方负保密责任。\n签订日期：2025年2月3日\n"
    )
    assert contract.trade_secrets == []


def test_non_compete_period_after_the_labour_contract_ends_and_an_area_under_a_heading() -> None:
    contract = _contract(
        "竞业限制协议\n编号：JY-9\n用人单位（甲方）：北辰星图信息技术有限公司\n劳动者（乙方）：宁晓川\n"
        "第一条 竞业限制义务\n乙方在劳动合同解除或者终止之日起十八个月内，不得到竞争企业任职。\n"
        "第二条 竞业限制区域\n长江三角洲地区。\n"
        "第三条 争议提交劳动争议仲裁委员会仲裁。\n签订日期：2025年4月1日\n"
    )
    assert contract.non_compete_months is not None and contract.non_compete_months.value == 18
    assert contract.territory is not None and contract.territory.value == "长江三角洲地区"


# ---- amendments ----------------------------------------------------------------------------


def test_amendment_naming_its_original_above_the_parties_with_a_new_fee() -> None:
    contract = _contract(
        "专利实施许可合同补充协议\n协议编号：XK-7-B1\n关联合同：《专利实施许可合同》（合同编号：XK-7）\n"
        "甲方：东岭材料有限公司\n乙方：西江电池有限公司\n"
        "第一条 原合同约定的普通许可变更为独占许可。\n"
        "第二条 乙方应向甲方支付独占许可补偿费人民币六十万元，于本协议签订后十日内支付。\n"
        "第三条 原合同其他条款不变。\n"
        "甲方（章）：东岭材料有限公司\n乙方（章）：西江电池有限公司2025年9月9日\n"
    )
    assert contract.amends is not None and contract.amends.value == "XK-7"
    assert contract.amount is not None and contract.amount.value.amount == 600000.0
    assert contract.sign_date is not None and contract.sign_date.value == "2025-09-09"


def test_a_non_compete_compensation_fee_is_no_contract_amount() -> None:
    contract = _contract(
        "竞业限制协议\n编号：JY-3\n甲方：北辰星图信息技术有限公司\n乙方：宁晓川\n"
        "第一条 乙方离职后一年内不得到竞争企业任职。\n"
        "第二条 甲方按月支付竞业限制补偿费人民币八千元。\n签订日期：2025年4月1日\n"
    )
    assert contract.amount is None


# ---- sublicensing and forum ----------------------------------------------------------------


def _licence(clause: str) -> ContractExtraction:
    return _contract(
        "专利实施许可合同\n合同编号：XK-11\n许可方（甲方）：东岭材料有限公司\n被许可方（乙方）：西江电池有限公司\n"
        f"第一条 {clause}\n签订日期：2025年1月1日\n"
    )


def test_a_transfer_of_the_licence_to_subsidiaries_excepted_allows_affiliates() -> None:
    contract = _licence("乙方不得将本合同项下的许可转授予他人，但乙方全资控股的子公司除外。")
    assert contract.sublicense_allowed is not None and contract.sublicense_allowed.value is True
    assert contract.sublicense_scope is not None and contract.sublicense_scope.value == "affiliates"


def test_sublicensing_to_subsidiaries_without_further_consent_is_affiliates() -> None:
    contract = _licence(
        "被许可方得再授权予其持股过半之子公司，无须另经许可方同意；此外不得再授权。"
    )
    assert contract.sublicense_scope is not None and contract.sublicense_scope.value == "affiliates"


def test_an_arbitration_institution_with_its_other_name_in_brackets() -> None:
    contract = _licence("争议提交华南国际经济贸易仲裁委员会（深圳国际仲裁院）仲裁。")
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "华南国际经济贸易仲裁委员会（深圳国际仲裁院）"


def test_a_secured_principal_followed_by_the_penalties_it_covers_is_the_amount() -> None:
    contract = _contract(
        "专利权质押合同\n合同编号：ZY-8\n出质人：东川动力科技有限公司\n质权人：北湖银行股份有限公司\n"
        "第一条 本合同担保的主债权为借款本金人民币贰仟万元整，以及利息、违约金和实现债权的费用。\n"
        "第二条 出质人违约的，应支付违约金人民币伍拾万元。\n签订日期：2025年7月1日\n"
    )
    assert contract.amount is not None and contract.amount.value.amount == 20000000.0


# ---- equity contributions ------------------------------------------------------------------


def test_equity_share_in_a_shareholding_table_naming_the_company_with_full_width_brackets() -> None:
    contract = _contract(
        "增资协议\n（专利作价出资）\n协议编号：ZZ-4\n投资方（甲方）：华信（南京）光电研究院有限公司\n"
        "标的公司（乙方）：江宁微显科技有限公司\n"
        "一、甲方以其拥有的两项专利作价向乙方增资，作价合计人民币伍佰万元。\n"
        "二、增资后股权结构如下：\n股东名称\t出资额（万元）\t持股比例\n"
        "江宁投资有限公司\t1,500\t75%\n华信（南京）光电研究院有限公司\t500\t25%\n"
        "三、争议由南京市中级人民法院管辖。\n甲方（盖章）：华信（南京）光电研究院有限公司\n"
        "签订日期：2025年3月3日\n",
        fmt="docx",
    )
    assert contract.equity_share is not None and contract.equity_share.value == 0.25


def test_recipients_table_with_a_long_note_and_a_prefixed_name_column() -> None:
    contract = _contract(
        "保密协议\n编号：BM-8\n披露方：东岭材料有限公司\n法定代表人：周一\n"
        "接收方（项目组成员，以下合称“接收方”）：\n"
        "接收人姓名\t职务\t身份证号码\n凌雪松\t项目经理\t3201**********11\n"
        "第一条 接收方负保密责任。\n披露方（签字/盖章）：东岭材料有限公司\n"
        "签署日期：2025年5月5日\n",
        fmt="docx",
    )
    assert _roles(contract) == [("discloser", "东岭材料有限公司"), ("recipient", "凌雪松")]
    assert contract.sign_date is not None and contract.sign_date.value == "2025-05-05"


def test_an_amendment_table_whose_header_row_names_the_payment_nodes() -> None:
    contract = _contract(
        "专利权转让合同补充协议\n编号：BC-2\n原合同编号：ZR-9\n转让方（甲方）：东川动力科技有限公司\n"
        "受让方（乙方）：华南重工有限公司\n一、转让价款调整如下：\n"
        "付款节点\t调整前金额（元）\t调整后金额（元）\n"
        "合同生效后七日内\t500,000\t400,000\n专利登记完成后十日内\t500,000\t300,000\n"
        "二、其余条款不变。\n甲方（盖章）：东川动力科技有限公司\n日期：2025年8月1日\n",
        fmt="docx",
    )
    assert _schedule(contract) == [
        (400000.0, "合同生效后七日内"),
        (300000.0, "专利登记完成后十日内"),
    ]


def test_contributions_in_a_table_a_pdf_printed_with_spaces() -> None:
    contract = _contract(
        "合作开发协议\n编号：H-9\n甲方：东岭材料有限公司\n乙方：西江工学院\n丙方：北港装备有限公司\n"
        "第一条 各方投入及成果份额如下：\n合作方 投入资金（万元） 成果份额\n"
        "甲方 600 50%\n乙方 不出资 30%\n丙方 200 20%\n"
        "第二条 争议提交仲裁。\n签订日期：2025年6月1日\n",
        fmt="pdf",
    )
    assert _values(contract.contributions) == {
        "东岭材料有限公司": 6000000.0,
        "西江工学院": None,
        "北港装备有限公司": 2000000.0,
    }


def test_a_detail_label_run_into_a_name_without_a_legal_form() -> None:
    contract = _contract(
        "专利权质押合同\n合同编号：ZY-2\n出质人：东川动力科技有限公司\n"
        "质权人：南湖农村商业银行城东支行营业场所：某路1号负责人：王五\n"
        "第一条 出质人以专利权出质。\n签订日期：2025年7月1日\n"
    )
    assert _roles(contract)[1] == ("pledgee", "南湖农村商业银行城东支行")


def test_listed_secrets_each_with_its_own_numbered_note() -> None:
    contract = _contract(
        "竞业限制协议\n编号：J-2\n甲方：北辰星图信息技术有限公司\n乙方：宁晓川\n身份证号码：1101\n"
        "鉴于乙方掌握甲方技术秘密，包括“冷热分层调度算法”（甲方技术秘密编号：BC-22）"
        "及“多租户计费模型”（编号：BC-23），双方约定如下：\n"
        "第一条 乙方离职后六个月内不得到竞争企业任职。\n签订日期：2025年5月6日\n"
    )
    assert [s.value for s in contract.trade_secrets] == ["冷热分层调度算法", "多租户计费模型"]
    assert [n.value for n in contract.trade_secret_numbers] == ["BC-22", "BC-23"]


def test_a_schedule_table_announced_by_yi_xia_biao_in_traditional_script() -> None:
    contract = _contract(
        "專利讓與契約\n契約編號：TW-T-1\n讓與人（甲方）：北嶺光學股份有限公司\n"
        "受讓人（乙方）：南湖精密股份有限公司\n第一條 讓與價金新臺幣伍佰萬元，依下表給付：\n"
        "期別\t給付條件\t金額（新臺幣元）\n第一期\t本契約簽訂後十日內\t2,000,000\n"
        "第二期\t專利讓與登記完成後十五日內\t3,000,000\n第二條 準據法為中華民國法律。\n"
        "簽署日期：中華民國114年1月2日\n",
        fmt="docx",
    )
    assert _schedule(contract) == [
        (2000000.0, "本契約簽訂後十日內"),
        (3000000.0, "專利讓與登記完成後十五日內"),
    ]


def test_numbered_party_lines_of_a_hong_kong_agreement() -> None:
    contract = _contract(
        "專利許可協議\n協議編號：HK-5\n本協議由以下雙方於2025年1月1日訂立：\n"
        "(1) 維港材料有限公司，一家於香港註冊成立的公司（「許可方」）；及\n"
        "(2) 灣區電池有限公司，一家於香港註冊成立的公司（「被許可方」）。\n"
        "第1條 許可方授予被許可方獨佔許可。\n簽署日期：2025年1月1日\n"
    )
    assert _roles(contract) == [("licensor", "維港材料有限公司"), ("licensee", "灣區電池有限公司")]


def test_persons_in_a_table_a_pdf_printed_with_spaces() -> None:
    contract = _contract(
        "竞业限制协议\n编号：NC-8\n甲方（用人单位）：北辰星图信息技术有限公司\n法定代表人：钟立\n"
        "乙方（员工，共两人）：\n序号 姓名 部门 身份证号\n1 宁晓川 研发部 110101199001****11\n"
        "2 柏文静 测试部 110101199202****22\n一、乙方离职后两年内不得到竞争企业任职。\n"
        "甲方（盖章）：北辰星图信息技术有限公司\n签订日期：2025年5月6日\n",
        fmt="pdf",
    )
    assert _roles(contract)[1:] == [("employee", "宁晓川"), ("employee", "柏文静")]
    evidence = contract.parties[2].evidence
    assert evidence.end - evidence.start == 3


def test_a_payment_table_a_pdf_printed_with_spaces() -> None:
    contract = _contract(
        "专利权转让合同\n合同编号：ZR-5\n转让方：东川动力科技有限公司\n受让方：华南重工有限公司\n"
        "第一条 转让价款人民币三百万元，付款节点如下：\n付款节点 付款金额（万元）\n"
        "合同生效后10日内 100\n专利权转移登记完成后15日内 200\n"
        "第二条 争议由长沙市中级人民法院管辖。\n签订日期：2025年1月1日\n",
        fmt="pdf",
    )
    assert _schedule(contract) == [
        (1000000.0, "合同生效后10日内"),
        (2000000.0, "专利权转移登记完成后15日内"),
    ]


def test_an_amendment_old_new_table_a_pdf_printed_with_spaces() -> None:
    contract = _contract(
        "专利实施许可合同补充协议\n编号：B-5\n原合同编号：XK-5\n许可方（甲方）：东岭材料有限公司\n"
        "被许可方（乙方）：西江电池有限公司\n一、许可使用费付款安排变更如下：\n"
        "付款阶段 原约定金额（万元） 变更后金额（万元）\n"
        "合同生效后十日内 30 20\n产品量产后三十日内 30 40\n"
        "二、其余条款不变。\n甲方（盖章）：东岭材料有限公司\n日期：2025年8月1日\n",
        fmt="pdf",
    )
    assert _schedule(contract) == [
        (200000.0, "合同生效后十日内"),
        (400000.0, "产品量产后三十日内"),
    ]


def test_equity_share_in_a_shareholding_table_a_pdf_printed_with_spaces() -> None:
    contract = _contract(
        "专利作价入股协议\n编号：ZG-1\n甲方：华信（南京）光电研究院有限公司\n"
        "乙方（目标公司）：江宁微显科技有限公司\n"
        "一、甲方以其专利作价人民币伍佰万元向乙方出资。\n二、增资后股权结构：\n"
        "股东名称 出资额（万元） 持股比例\n江宁投资有限公司 1,500 75%\n"
        "华信（南京）光电研究院有限公司 500 25%\n"
        "签订日期：2025年3月3日\n",
        fmt="pdf",
    )
    assert contract.equity_share is not None and contract.equity_share.value == 0.25
