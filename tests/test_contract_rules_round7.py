"""Contract rules of the round measured on the blind contracts_depth9 set (issue 15): party
blocks in more layouts, undertakings, subtitles, listed and defined trade secrets, document
numbers, Taiwanese amendments, payments already made, restraint periods, forums. Each test is
a contract written for it, not one of the gold's."""

from __future__ import annotations

from ingest.contracts.model import ContractExtraction
from tests.contract_texts import extract_text, roles

_SIGNED = "签订日期：2025年3月3日\n"


def _kind(contract: ContractExtraction) -> str:
    assert contract.kind is not None
    return contract.kind.value.value


def test_numbered_party_lines_with_a_bracketed_short_name() -> None:
    contract = extract_text(
        "专利技术授权使用协议\n协议编号：XT-2025-01\n本协议由下列双方签订：\n"
        "1. 授权方（以下简称甲方）：东岭电力科学研究院有限公司\n   住所：武汉市洪山区珞喻路1号\n"
        "2. 被授权方（以下简称乙方）：南港输变电设备有限公司\n   住所：孝感市长兴三路18号\n"
        "第一条 甲方许可乙方实施专利ZL202110587921.2。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("licensor", "东岭电力科学研究院有限公司"),
        ("licensee", "南港输变电设备有限公司"),
    ]


def test_a_first_article_that_is_the_parties_table() -> None:
    contract = extract_text(
        "知识产权排他性使用许可协议\n编号：NJ-IPL-7\n一、协议当事人\n当事人\t名称\t住所\n"
        "许可方\t中移信通（南京）技术研究院有限公司\t南京市建邺区1号\n"
        "被许可方\t江苏讯联光网科技有限公司\t苏州市吴江区2号\n二、许可要素\n"
        "许可性质为排他许可。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("licensor", "中移信通（南京）技术研究院有限公司"),
        ("licensee", "江苏讯联光网科技有限公司"),
    ]


def test_a_recital_naming_roles_in_its_notes_and_a_bracketed_place_in_a_name() -> None:
    contract = extract_text(
        "技术使用许可合同\n合同号：TK-88\n本合同由铁科（北京）轨道装备技术有限公司（注册地址：北京市海淀区"
        "大柳树路2号，下称“许可人”）与长春中德轨道交通装备有限公司（注册地址：长春市锦程大街99号，"
        "下称“被许可人”）于2024年12月9日在北京签订。\n第1条 许可人授予被许可人普通实施许可。\n"
    )
    assert roles(contract) == [
        ("licensor", "铁科（北京）轨道装备技术有限公司"),
        ("licensee", "长春中德轨道交通装备有限公司"),
    ]


def test_hong_kong_party_lines_whose_description_holds_brackets() -> None:
    contract = extract_text(
        "專利權讓與契約\n契約編號：HKL/2025/4\n本契約由以下雙方訂立：\n"
        "(1) 港聯智能控股有限公司，一家於開曼群島註冊成立之有限公司，其股份於香港聯合交易所上市"
        "（股份代號：1867），主要營業地點位於香港九龍觀塘道368號（「讓與人」）；及\n"
        "(2) 東莞松湖精密機電有限公司，註冊地址為東莞市工業東路26號（「受讓人」）。\n"
        "1. 讓與標的\n1.1 讓與人同意將專利權讓與受讓人。\n"
    )
    assert roles(contract) == [
        ("transferor", "港聯智能控股有限公司"),
        ("transferee", "東莞松湖精密機電有限公司"),
    ]


def test_parties_named_only_in_the_signature_block() -> None:
    contract = extract_text(
        "知识产权转让合同书\n（发明专利申请权）\n合同编号：ZR-12\n"
        "甲方（转让方）、乙方（受让方）就下列专利申请的申请权转让事宜订立本合同。\n"
        "第一条 转让标的为申请号202417531849.X的发明专利申请。\n第二条 转让费用为人民币壹佰万元。\n"
        "甲方（转让方）：中船（舟山）海洋装备设计研究院有限公司（盖章）\n"
        "乙方（受让方）：浙江岱山远洋船舶制造有限公司（盖章）\n签订日期：二〇二四年十一月六日\n"
    )
    # the bracketed subtitle narrows 知识产权转让 to the right to apply
    assert _kind(contract) == "application_transfer"
    assert roles(contract) == [
        ("transferor", "中船（舟山）海洋装备设计研究院有限公司"),
        ("transferee", "浙江岱山远洋船舶制造有限公司"),
    ]


def test_an_undertaking_addressed_to_a_company_by_listed_persons() -> None:
    contract = extract_text(
        "技术保密承诺书\n文件编号：JY-BM-2025-001\n致：深圳极域智能科技有限公司（以下简称“公司”）\n"
        "承诺人：\n（1）贺子轩，身份证号码：44030519920317****，岗位：算法工程师\n"
        "（2）梁诗琪，身份证号码：36010219950822****，岗位：数据平台负责人\n"
        "承诺人因参与研发，将接触公司的下列技术秘密：\n"
        "A. “端侧模型量化工具链”，公司内部密级编号SZJY-MM-2024-05；\n"
        "B. 视觉数据标注规范，公司内部密级编号SZJY-MM-2024-06。\n"
        "一、承诺人不向第三方披露上述技术秘密，保密期限为五年。\n"
        "承诺人签字：贺子轩　梁诗琪\n签署日期：2025年1月6日\n"
    )
    assert contract.id == "JY-BM-2025-001"
    assert _kind(contract) == "nda"
    assert roles(contract) == [
        ("discloser", "深圳极域智能科技有限公司"),
        ("recipient", "贺子轩"),
        ("recipient", "梁诗琪"),
    ]
    assert [s.value for s in contract.trade_secrets] == ["端侧模型量化工具链", "视觉数据标注规范"]
    assert [n.value for n in contract.trade_secret_numbers] == [
        "SZJY-MM-2024-05",
        "SZJY-MM-2024-06",
    ]


def test_a_headed_table_of_parties_whose_short_names_key_the_shares() -> None:
    contract = extract_text(
        "共同研发协议\n协议号：JDA-2025-02\n签约方\n序号\t名称\t性质\n"
        "1\t沈阳宝德工业燃气轮机有限公司\t合资企业\n2\t沈阳燃机技术研究院有限公司\t国有控股企业\n"
        "（以下分别称“合资公司”和“研究院”，合称“双方”）\n"
        "第1条 合作内容\n双方共同开发低排放燃烧室。\n"
        "第2条 投入\n合作方\t出资（欧元）\t成果权益比例\n合资公司\t1,800,000\t60%\n"
        "研究院\t不出资\t40%\n签署\n沈阳宝德工业燃气轮机有限公司\t授权代表：聂卫东\t2025/05/20\n"
        "沈阳燃机技术研究院有限公司\t授权代表：邰国庆\t2025/05/20\n"
    )
    assert [name for _, name in roles(contract)] == [
        "沈阳宝德工业燃气轮机有限公司",
        "沈阳燃机技术研究院有限公司",
    ]
    assert {s.name: s.value for s in contract.shares} == {
        "沈阳宝德工业燃气轮机有限公司": 0.6,
        "沈阳燃机技术研究院有限公司": 0.4,
    }
    assert [(c.name, c.value) for c in contract.contributions] == [
        ("沈阳宝德工业燃气轮机有限公司", 1_800_000),
        ("沈阳燃机技术研究院有限公司", None),
    ]
    assert contract.sign_date is not None and contract.sign_date.value == "2025-05-20"


def test_a_defined_know_how_named_in_title_marks() -> None:
    contract = extract_text(
        "专有技术许可协议\n编号：ZY-7\n许可方：东岭化工研究院有限公司\n被许可方：南港尼龙有限公司\n"
        "第一条 定义\n1.1 “专有技术”指许可方开发并采取保密措施的《己内酰胺连续生产工艺包》，"
        "专有技术备案号：SCRI-ZY-2022-031。\n第二条 许可方许可被许可方使用专有技术。\n" + _SIGNED
    )
    assert [s.value for s in contract.trade_secrets] == ["己内酰胺连续生产工艺包"]
    assert [n.value for n in contract.trade_secret_numbers] == ["SCRI-ZY-2022-031"]


def test_a_companys_registration_number_is_no_trade_secret_number() -> None:
    contract = extract_text(
        "技術作價入股協議\n協議編號：MO-EQ-18\n甲方：澳門東嶺科技有限公司\n商業登記編號：SO 41277\n"
        "乙方：澳門南港投資有限公司\n商業登記編號：SO 58920\n"
        "第一條 甲方以其專利作價澳門元伍佰萬元入股乙方。\n" + _SIGNED
    )
    assert contract.trade_secret_numbers == []


def test_a_number_of_year_place_and_business_kind() -> None:
    contract = extract_text(
        "专利权质押合同\n编号：2025年鄂州（质）字0036号\n出质人：鄂州东岭新材料有限公司\n"
        "质权人：湖北银行股份有限公司鄂州分行\n第一条 出质人以专利权出质。\n" + _SIGNED
    )
    assert contract.id == "2025年鄂州(质)字0036号"


def test_a_taiwanese_amendment_of_term_and_fee() -> None:
    contract = extract_text(
        "契約變更協議書\n本變更協議書編號：TJS-LA-115-A1\n"
        "所變更之原契約：專利授權實施契約書（契約編號：TJS-LA-115）\n"
        "甲方：東嶺半導體股份有限公司\n乙方：南港光電股份有限公司\n"
        "查雙方前於中華民國一一四年三月二十日簽訂原契約，約定授權期間至民國117年3月31日止。\n"
        "一、原契約第三條第二項「授權期間：自中華民國114年4月1日起至117年3月31日止。」修正為"
        "「授權期間：自中華民國114年4月1日起至118年3月31日止。」\n"
        "二、原契約第五條授權金總額新臺幣壹仟貳佰萬元，修正為新臺幣壹仟伍佰萬元。\n"
        "中華民國114年9月1日\n"
    )
    assert contract.amends is not None and contract.amends.value == "TJS-LA-115"
    assert contract.start_date is not None and contract.start_date.value == "2025-04-01"
    assert contract.end_date is not None and contract.end_date.value == "2029-03-31"
    assert contract.amount is not None and contract.amount.value.amount == 15_000_000


def test_an_instalment_already_paid_on_a_day() -> None:
    contract = extract_text(
        "专利实施许可合同\n编号：LIC-19\n许可方：东岭电力研究院有限公司\n被许可方：南港换流阀有限公司\n"
        "第一条 许可使用费总计人民币捌佰万元，分两期支付：\n"
        "首期款：人民币贰佰万元，已于2025年7月10日支付；\n"
        "二期款：人民币陆佰万元，于2027年3月31日前支付。\n" + _SIGNED
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (2_000_000, "2025年7月10日"),
        (6_000_000, "2027年3月31日前"),
    ]


def test_a_territory_listing_several_provinces() -> None:
    contract = extract_text(
        "技术秘密许可合同\n编号：TS-9\n许可方：东岭航材研究院有限公司\n被许可方：南港锻造有限公司\n"
        "第二条 许可性质和范围\n1. 本许可为普通许可。\n2. 许可范围：陕西省、四川省。\n" + _SIGNED
    )
    assert contract.territory is not None and contract.territory.value == "陕西省、四川省"


def test_a_hong_kong_restraint_after_employment_ends() -> None:
    contract = extract_text(
        "限制性契諾協議（僱員）\n協議編號：HR-RC-9\n僱主：恒昇電訊集團有限公司\n"
        "註冊辦事處：香港灣仔港灣道26號\n\n僱員：麥浩賢\n香港身份證號碼：Y123***(4)\n職位：高級經理\n"
        "1. 不競爭承諾\n1.1 僱員承諾於僱傭關係終止後六個月內，"
        "不會直接或間接受僱於或投資於在香港經營流動通訊網絡營運之公司。\n"
        "2. 本協議受香港特別行政區法律管轄，雙方同意接受香港特別行政區高等法院之管轄。\n"
    )
    assert roles(contract) == [("employer", "恒昇電訊集團有限公司"), ("employee", "麥浩賢")]
    assert contract.non_compete_months is not None and contract.non_compete_months.value == 6
    assert contract.non_compete_scope is not None
    assert contract.non_compete_scope.value == "在香港經營流動通訊網絡營運之公司"
    assert contract.dispute_method is not None and contract.dispute_method.value == "court"
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "香港特別行政區高等法院"


def test_a_restraint_period_in_capital_numerals_with_its_dates() -> None:
    contract = extract_text(
        "竞业限制协议\n编号：NC-12\n甲方：鞍山钢研冶金技术有限公司\n乙方：栾志勇\n"
        "一、竞业限制期限为壹年，自2025年3月1日起至2026年2月28日止。\n"
        "二、争议提交鞍山市劳动人事争议仲裁委员会仲裁。\n" + _SIGNED
    )
    assert contract.non_compete_months is not None and contract.non_compete_months.value == 12
    assert contract.start_date is not None and contract.start_date.value == "2025-03-01"
    assert contract.end_date is not None and contract.end_date.value == "2026-02-28"
    assert contract.duration_months is None


def test_a_taiwanese_arbitration_submitted_with_ti_fu() -> None:
    contract = extract_text(
        "技術作價投資協議書\n協議編號：UJ-11\n甲方：東嶺大學\n乙方：南港精密股份有限公司\n"
        "第一條 甲方以專利作價新臺幣貳仟萬元投資乙方。\n"
        "第二條 因本協議書所生爭議，提付中華民國仲裁協會依其仲裁規則仲裁。\n" + _SIGNED
    )
    assert contract.dispute_method is not None and contract.dispute_method.value == "arbitration"
    assert contract.dispute_forum is not None and contract.dispute_forum.value == "中華民國仲裁協會"


def test_a_projects_period_is_a_cooperations_term() -> None:
    contract = extract_text(
        "联合攻关协议\n编号：GG-14\n甲方：东岭钢铁研究院有限公司\n乙方：南港大学\n"
        "第一条 双方联合开展高强钢研发。\n第二条 项目实施期\n"
        "项目实施期：2025年1月1日—2027年12月31日，共计三年。\n" + _SIGNED
    )
    assert contract.start_date is not None and contract.start_date.value == "2025-01-01"
    assert contract.end_date is not None and contract.end_date.value == "2027-12-31"
    assert contract.duration_months is not None and contract.duration_months.value == 36
