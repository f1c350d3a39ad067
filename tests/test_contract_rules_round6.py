"""Contract rules of the round after the fourth blind set (issue 15): Hong Kong capital
contributions (注資), names with two legal-form words, numbered party lines a PDF ran together,
and the other wording families that set revealed. Every text here is written for the tests (no
sentence of a gold contract)."""

from __future__ import annotations

from ingest.contracts.model import PartyValue
from tests.contract_texts import extract_text as _contract
from tests.contract_texts import roles as _roles

# ---- kinds and party blocks --------------------------------------------------------------------


def test_a_hong_kong_capital_contribution_with_numbered_party_lines() -> None:
    contract = _contract(
        "技術注資協議\n協議編號：HK-ZZ-77\n本協議於2024年9月3日由以下雙方訂立：\n"
        "（1）注資方：海灣智聯材料有限公司，一家於香港註冊成立之公司（「注資方」）；\n"
        "（2）接受注資方：北角儲能科技有限公司，註冊地址位於香港灣仔（「公司」）。\n"
        "背景：注資方擬以其專利作價注資。\n"
        "1. 雙方同意專利之作價為港幣伍佰萬元。\n"
        "注資方：海灣智聯材料有限公司\n接受注資方：北角儲能科技有限公司\n"
    )
    assert contract.kind is not None and contract.kind.value.value == "equity_contribution"
    assert _roles(contract) == [
        ("contributor", "海灣智聯材料有限公司"),
        ("investee", "北角儲能科技有限公司"),
    ]
    assert contract.sign_date is not None and contract.sign_date.value == "2024-09-03"


def test_an_institute_that_is_a_limited_company_keeps_its_legal_form() -> None:
    contract = _contract(
        "竞业限制协议\n编号：JY-3\n甲方：江东智能装备研究院有限公司统一社会信用代码：91320000X\n"
        "乙方：龚晓峰\n身份证号：320102199001011234\n一、乙方离职后二年内不得入职竞争企业。\n"
        "甲方（盖章）：江东智能装备研究院有限公司\n签订日期：2025年3月1日\n"
    )
    assert _roles(contract)[0] == ("employer", "江东智能装备研究院有限公司")


def test_numbered_person_lines_a_pdf_ran_together() -> None:
    contract = _contract(
        "竞业限制协议\n编号：JY-4\n甲方：西岭电子有限公司\n"
        "乙方一：温子墨　　身份证号：320102199001011234　　岗位：硬件主管"
        "乙方二：陆青禾　　身份证号：320102199202021234　　岗位：测试工程师\n"
        "一、乙方离职后二年内不得入职竞争企业。\n甲方（盖章）：西岭电子有限公司\n"
        "签订日期：2025年3月1日\n"
    )
    assert _roles(contract) == [
        ("employer", "西岭电子有限公司"),
        ("employee", "温子墨"),
        ("employee", "陆青禾"),
    ]


def test_persons_in_a_table_a_party_line_points_to() -> None:
    contract = _contract(
        "竞业限制协议\n协议编号：JY-5\n甲方（用人单位）：南屏光电有限公司\n"
        "乙方（劳动者）：详见下表所列人员，每人分别签署本协议。\n"
        "序号\t姓名\t职务\t身份证号码\n1\t方知远\t工艺主管\t110101199001011234\n"
        "2\t岑雨桐\t质量经理\t110101199102021234\n"
        "第一条　乙方离职后一年内不得入职竞争企业。\n甲方（盖章）：南屏光电有限公司\n"
        "日期：2025年2月3日\n"
    )
    assert _roles(contract) == [
        ("employer", "南屏光电有限公司"),
        ("employee", "方知远"),
        ("employee", "岑雨桐"),
    ]
    assert [p.name for p in contract.parties if p.is_person] == ["方知远", "岑雨桐"]


def test_the_contract_number_as_a_row_of_a_key_term_table() -> None:
    contract = _contract(
        "专利实施许可合同\n甲方（许可方）：东篱机电有限公司\n乙方（被许可方）：西岸泵业有限公司\n"
        "主要条款如下表：\n条款\t内容\n合同编号\tDL-XK-2025-18\n许可方式\t普通许可\n"
        "一、许可费为人民币十万元。\n签订日期：2025年4月1日\n"
    )
    assert contract.contract_number is not None
    assert contract.contract_number.value == "DL-XK-2025-18"


def test_a_role_heading_over_two_co_owners_gives_both_its_role() -> None:
    contract = _contract(
        "专利申请权转让合同\n合同编号：ZR-8\n转让方：\n甲方一：北麓新材料有限公司\n"
        "法定代表人：石原\n甲方二：庞书远\n身份证号码：110101198001011234\n"
        "受让方（乙方）：南溪精工有限公司\n一、甲方一与甲方二将申请权转让给乙方。\n"
        "签订日期：2025年6月1日\n"
    )
    assert _roles(contract) == [
        ("transferor", "北麓新材料有限公司"),
        ("transferor", "庞书远"),
        ("transferee", "南溪精工有限公司"),
    ]


# ---- trade secrets ---------------------------------------------------------------------------


def test_listed_secrets_each_with_its_register_number_after_a_comma() -> None:
    contract = _contract(
        "保密协议\n编号：BM-3\n甲方：东澜微电子有限公司\n乙方：卓一鸣\n"
        "一、保密信息包括：\n（1）“滤波器晶圆刻蚀工艺窗口”，登记号DL-TS-09；\n"
        "（2）“封装应力仿真模型”，登记号DL-TS-10；\n签订日期：2025年1月1日\n"
    )
    names = [s.value for s in contract.trade_secrets]
    assert names == ["滤波器晶圆刻蚀工艺窗口", "封装应力仿真模型"]
    assert [n.value for n in contract.trade_secret_numbers] == ["DL-TS-09", "DL-TS-10"]


def test_a_secret_point_number_in_the_bracket_after_the_name() -> None:
    contract = _contract(
        "竞业限制协议\n编号：JY-9\n甲方：北溟化工有限公司\n乙方：韦子衿\n身份证号：110101199001011234\n"
        "乙方知悉甲方“低温催化剂再生配比”（密点编号：BM-MD-77）等信息，订立本协议。\n"
        "一、乙方离职后两年内不得入职竞争企业。\n签订日期：2025年1月1日\n"
    )
    assert [s.value for s in contract.trade_secrets] == ["低温催化剂再生配比"]
    assert [n.value for n in contract.trade_secret_numbers] == ["BM-MD-77"]


# ---- payment schedules -------------------------------------------------------------------------


def test_a_payment_heading_closing_its_line_over_enumerated_clauses() -> None:
    contract = _contract(
        "专利实施许可合同\n合同编号：XK-31\n甲方：东港光电有限公司\n乙方：西津机电有限公司\n"
        "第三条　许可使用费\n3.1 许可使用费总额为人民币壹佰万元。\n3.2 付款安排：\n"
        "（一）合同签订后十日内，乙方支付总额的40%，即人民币肆拾万元；\n"
        "（二）技术验收合格后三十日内，乙方支付总额的60%，即人民币陆拾万元。\n"
        "第四条　争议提交上海仲裁委员会仲裁。\n签订日期：2025年5月5日\n"
    )
    schedule = [(i.amount, i.due) for i in contract.instalments]
    assert schedule == [(400000.0, "合同签订后十日内"), (600000.0, "技术验收合格后三十日内")]
    assert contract.payment is not None and contract.payment.value == "installments"


# ---- cooperations ------------------------------------------------------------------------------


def _values(items: list[PartyValue]) -> list[tuple[str, float | None]]:
    return [(v.name, v.value) for v in items]


def test_a_contribution_column_whose_name_header_is_the_shared_role_word() -> None:
    contract = _contract(
        "联合研发合作合同\n合同编号：HZ-41\n合作方一：东澄储能有限公司\n合作方二：南屿理工大学\n"
        "合作方三：西垣电控有限公司\n一、各方出资与成果共有比例见下表：\n"
        "合作方\t分工\t出资（万元）\t成果共有比例\n东澄储能有限公司\t系统集成\t2,000\t50%\n"
        "南屿理工大学\t仿真\t不出资\t20%\n西垣电控有限公司\t控制器\t600\t30%\n"
        "二、争议提交南京仲裁委员会仲裁。\n签订日期：2025年1月1日\n"
    )
    assert _values(contract.contributions) == [
        ("东澄储能有限公司", 20_000_000.0),
        ("南屿理工大学", None),
        ("西垣电控有限公司", 6_000_000.0),
    ]


def test_shares_listed_after_the_parties_with_an_according_to_ratio() -> None:
    contract = _contract(
        "产学研合作协议\n协议编号：CXY-2\n第一方：北塬航空部件有限公司\n第二方：东林工业大学\n"
        "第三方：南汀复材有限公司\n1 成果归属\n"
        "成果由第一方、第二方、第三方依照45%、25%、30%的比例共有。\n"
        "签署日期：2025年2月2日\n"
    )
    assert _values(contract.shares) == [
        ("北塬航空部件有限公司", 0.45),
        ("东林工业大学", 0.25),
        ("南汀复材有限公司", 0.3),
    ]


# ---- amendments ------------------------------------------------------------------------------


def test_an_amended_non_compete_period_not_the_one_the_recital_recalls() -> None:
    contract = _contract(
        "竞业限制协议补充协议\n协议编号：JY-7-BC\n原协议编号：JY-7\n甲方：北岳动力有限公司\n"
        "乙方：鲁一帆（身份证号：110101199001011234）\n"
        "双方签订的《竞业限制协议》（以下简称原协议）约定乙方离职后两年内不得入职竞争企业。"
        "现双方协商一致，变更如下：\n"
        "一、原协议第二条修改为：“乙方离职后三十个月内不得入职竞争企业。”\n"
        "签订日期：2025年8月8日\n"
    )
    assert contract.non_compete_months is not None
    assert contract.non_compete_months.value == 30


def test_an_amended_territory_stated_without_the_old_one() -> None:
    contract = _contract(
        "专利实施许可合同补充协议\n编号：XK-9-BC\n原合同编号：XK-9\n甲方：东岚科技有限公司\n"
        "乙方：西溪材料有限公司\n双方协商一致，变更如下：\n"
        "1. 许可地域变更为浙江省杭州市、湖州市。\n"
        "日期：2025年9月9日\n"
    )
    assert contract.territory is not None
    assert contract.territory.value == "浙江省杭州市、湖州市"


def test_sublicensing_to_wholly_owned_subsidiaries_in_hong_kong_wording() -> None:
    contract = _contract(
        "專利許可協議\n協議編號：HK-PL-3\n許可方：維港光學有限公司\n被許可方：灣區精密有限公司\n"
        "第一條　被許可方得向其全資附屬公司再許可本專利，無須徵得許可方同意，"
        "惟不得向其他人士再許可。\n簽署日期：2025年1月1日\n"
    )
    assert contract.sublicense_scope is not None
    assert contract.sublicense_scope.value == "affiliates"


def test_a_contribution_titled_only_as_an_injection_of_capital() -> None:
    contract = _contract(
        "注資協議\n協議編號：HK-ZZ-8\n甲方：灣仔新材料有限公司\n乙方：觀塘電池科技有限公司\n"
        "背景：甲方擬以其專利作價注資乙方。\n1. 專利之作價為港幣叁佰萬元。\n"
        "簽署日期：2025年1月1日\n"
    )
    assert contract.kind is not None and contract.kind.value.value == "equity_contribution"


def test_a_role_heading_with_a_note_over_the_co_owners() -> None:
    contract = _contract(
        "专利申请权转让合同\n合同编号：ZR-9\n转让方（共同申请人）：\n甲方一：南郊电机有限公司\n"
        "甲方二：闻一舟\n身份证号码：110101198001011234\n乙方：北郭电气有限公司\n"
        "一、甲方将申请权转让给乙方。\n签订日期：2025年6月1日\n"
    )
    assert [role for role, _ in _roles(contract)] == ["transferor", "transferor", "transferee"]


def test_sublicensing_to_affiliated_companies_in_hong_kong_wording() -> None:
    contract = _contract(
        "專利許可協議\n協議編號：HK-PL-4\n許可方：維港光學有限公司\n被許可方：灣區精密有限公司\n"
        "第一條　被許可方僅可向其聯屬公司再許可本專利。\n簽署日期：2025年1月1日\n"
    )
    assert contract.sublicense_scope is not None
    assert contract.sublicense_scope.value == "affiliates"


def test_a_sign_date_after_signed_on_in_the_opening_sentence() -> None:
    contract = _contract(
        "保密协议\n编号：BM-12\n本协议由以下双方签订于2025年4月18日：\n甲方：东湖微纳有限公司\n"
        "乙方：柯一然\n一、乙方对甲方的保密信息负保密义务。\n"
    )
    assert contract.sign_date is not None and contract.sign_date.value == "2025-04-18"


def test_two_secrets_whose_numbers_one_label_gives_in_order() -> None:
    contract = _contract(
        "保密协议\n编号：BM-15\n甲方：南塘传感有限公司\n乙方：邵明川\n"
        "一、保密信息为甲方的“压阻芯片掺杂配方”、“温漂补偿系数表”，登记号分别为NT-11、NT-12。\n"
        "签订日期：2025年4月18日\n"
    )
    assert [s.value for s in contract.trade_secrets] == ["压阻芯片掺杂配方", "温漂补偿系数表"]
    assert [n.value for n in contract.trade_secret_numbers] == ["NT-11", "NT-12"]


def test_numbered_participants_and_their_shares_by_number() -> None:
    contract = _contract(
        "联合研发合作协议\n协议编号：HZ-60\n参与方一：北泽能源有限公司\n参与方二：东篱工业大学\n"
        "参与方三：南港电控有限公司\n"
        "一、成果由参与方一、参与方二、参与方三按照50%、30%、20%的比例共有。\n"
        "签订日期：2025年1月1日\n"
    )
    assert [name for _, name in _roles(contract)] == [
        "北泽能源有限公司",
        "东篱工业大学",
        "南港电控有限公司",
    ]
    assert _values(contract.shares) == [
        ("北泽能源有限公司", 0.5),
        ("东篱工业大学", 0.3),
        ("南港电控有限公司", 0.2),
    ]


def test_shares_in_the_order_of_the_parties_block() -> None:
    contract = _contract(
        "合作研发协议\n协议编号：HZ-61\n甲方：北泽能源有限公司\n乙方：东篱工业大学\n"
        "丙方：南港电控有限公司\n一、合作成果由三方按45%、35%、20%的比例共有。\n"
        "签订日期：2025年1月1日\n"
    )
    assert _values(contract.shares) == [
        ("北泽能源有限公司", 0.45),
        ("东篱工业大学", 0.35),
        ("南港电控有限公司", 0.2),
    ]


def test_the_sign_date_as_a_row_of_a_key_term_table() -> None:
    contract = _contract(
        "专利实施许可合同\n甲方：东篱机电有限公司\n乙方：西岸泵业有限公司\n主要条款：\n条款\t内容\n"
        "合同编号\tDL-XK-2025-20\n签订日期\t2025年4月2日\n一、许可费为人民币十万元。\n"
        "甲方（盖章）：\n乙方（盖章）：\n"
    )
    assert contract.sign_date is not None and contract.sign_date.value == "2025-04-02"
