"""Contract rules of the round measured on the blind contracts_depth10 set (issue 15): numbers
under any instrument's label, parties behind English names, listed below their label, pointed
to by 下列…专家, named by role only until the signature block, more particulars; know-how
defined after its name; an amendment's background. Each test is a contract written for it."""

from __future__ import annotations

import pytest

from tests.contract_texts import extract_text, roles

_SIGNED = "签订日期：2025年3月3日\n"


@pytest.mark.parametrize("label", ["管理编号", "合同登记编号", "补充条款编号", "承诺函编号"])
def test_a_number_under_any_instruments_label(label: str) -> None:
    contract = extract_text(
        f"专利实施许可合同\n{label}：DL-2025-004\n许可方：东岭材料有限公司\n"
        "被许可方：南港检测有限公司\n第一条 许可方式为普通许可。\n" + _SIGNED
    )
    assert contract.id == "DL-2025-004"
    assert contract.trade_secret_numbers == []


def test_an_originals_number_is_not_the_contracts_own() -> None:
    contract = extract_text(
        "补充协议\n原合同编号：DL-2024-001\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 许可期限延长至2027年12月31日。\n" + _SIGNED
    )
    assert contract.contract_number is None
    assert contract.amends is not None and contract.amends.value == "DL-2024-001"


def test_a_number_in_tortoise_shell_brackets_keeps_them() -> None:
    contract = extract_text(
        "专利权质押合同\n协议编号：湘知基质字〔2025〕第009号\n出质人：东岭材料有限公司\n"
        "质权人：湖南知识产权基金有限公司\n第一条 出质人以专利权出质。\n" + _SIGNED
    )
    assert contract.id == "湘知基质字〔2025〕第009号"


def test_party_lines_with_english_names_in_brackets() -> None:
    contract = extract_text(
        "專有技術獨家使用許可協議\n協議編號：HBL/7\n本協議由以下雙方訂立：\n"
        "(1) 港灣生物科技有限公司（Harbour Bioscience Limited），一家於香港註冊成立的有限公司"
        "（「許可方」）；及\n"
        "(2) 蘇州泓濟生物製藥有限公司（Suzhou Hongji Biopharma Co., Ltd.），"
        "一家公司（「被許可方」）。\n背景\n"
        "(A) 許可方擁有「抗體細胞株構建工藝」（內部機密檔案編號：HBCS-0042）（「專有技術」）。\n"
        "1. 許可方許可被許可方使用專有技術。\n"
    )
    assert roles(contract) == [
        ("licensor", "港灣生物科技有限公司"),
        ("licensee", "蘇州泓濟生物製藥有限公司"),
    ]
    assert [s.value for s in contract.trade_secrets] == ["抗體細胞株構建工藝"]
    assert [n.value for n in contract.trade_secret_numbers] == ["HBCS-0042"]


def test_persons_listed_below_their_label() -> None:
    contract = extract_text(
        "核心技术人员竞业禁止协议书\n协议号：NC-3\n甲方：中建江汉科技工程有限公司\n"
        "住所：武汉市中北路126号\n\n乙方（核心技术人员）：\n"
        "1. 卓文杰，身份证号420106198204******，职务：副总工程师；\n"
        "2. 韦思琪，身份证号420111199003******，职务：研发室主任。\n"
        "甲方是工程公司。\n第一条 竞业禁止期限为二年。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("employer", "中建江汉科技工程有限公司"),
        ("employee", "卓文杰"),
        ("employee", "韦思琪"),
    ]


def test_a_table_of_persons_a_party_line_points_to() -> None:
    contract = extract_text(
        "保守商业秘密协议\n编号：BM-32\n甲方：中核同辉核燃料技术研究院有限公司\n"
        "乙方：下列外聘专家（以下合称“乙方”）\n姓名\t工作单位及职务\t身份证号码\n"
        "龚永平\t西南核工程学院 教授\t510107196803******\n罗佳音\t自由职业\t110108198511******\n"
        "第一条 乙方对甲方的商业秘密负有保密义务。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("discloser", "中核同辉核燃料技术研究院有限公司"),
        ("recipient", "龚永平"),
        ("recipient", "罗佳音"),
    ]


def test_parties_named_by_role_in_the_recital_are_read_from_the_signature() -> None:
    contract = extract_text(
        "以知识产权增资协议\n协议编号：ZZ-15\n本协议由文末签署的增资方（以下简称“甲方”）与目标公司"
        "（以下简称“乙方”）于2025年10月9日在上海签订。\n第一条 甲方以专利权作价增资。\n"
        "第二条 争议由上海市徐汇区人民法院管辖。\n"
        "甲方（增资方）：中建华东建筑设计研究总院有限公司（盖章）\n"
        "乙方（目标公司）：上海筑联装配式建筑科技有限公司（盖章）\n"
    )
    assert roles(contract) == [
        ("contributor", "中建华东建筑设计研究总院有限公司"),
        ("investee", "上海筑联装配式建筑科技有限公司"),
    ]


@pytest.mark.parametrize(
    "particulars",
    [
        "经办部门：技术转移中心\n项目负责人：石文博（教授）\n",
        "代表：研究服务办公室主任 梁颖芝\n",
        "注册地：新加坡共和国\n注册编号：201809876K\n授权签字人：林国栋（董事）\n",
        "（转让方一、转让方二合称“转让方”）\n",
    ],
)
def test_the_parties_block_goes_on_past_more_particulars(particulars: str) -> None:
    contract = extract_text(
        "专利权转让合同\n合同号：ZR-21\n转让方：东岭大学\n" + particulars + "\n"
        "受让方：南港机械制造有限公司\n住所：成都市新华大道368号\n"
        "第一条 转让标的为专利。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("transferor", "东岭大学"),
        ("transferee", "南港机械制造有限公司"),
    ]


def test_a_subscription_of_shares_names_subscriber_and_issuer() -> None:
    contract = extract_text(
        "知識產權認購股份協議\n協議編號：SUB-2\n訂約方\n"
        "認購方：維港科研成果轉化有限公司（Victoria Harbour Research Translation Limited）\n"
        "公司註冊編號：3187642\n\n發行方：新界智感醫療科技有限公司\n"
        "1. 認購方以專利作價港幣壹仟萬元認購發行方新股。\n"
    )
    assert roles(contract) == [
        ("contributor", "維港科研成果轉化有限公司"),
        ("investee", "新界智感醫療科技有限公司"),
    ]


def test_an_amendments_background_patent_is_not_covered() -> None:
    contract = extract_text(
        "技术成果转让协议之变更协议\n编号：BG-19\n原协议编号：ZR-2024-1\n甲方：东岭大学\n"
        "乙方：南港封装有限公司\n"
        "背景：国家知识产权局宣告ZL202020219889.3号实用新型专利的权利要求3至5无效。\n"
        "第一条 双方同意将ZL202110587921.2号专利增列为转让标的。\n" + _SIGNED
    )
    assert [p.number for p in contract.patents] == ["CN202110587921.2"]
