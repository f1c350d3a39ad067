"""Contract rules of the round measured on the blind contracts_depth12 set (issue 15): sellers
and buyers, role words after what they are about (信息披露方), persons listed with （一）, a
relation before a person's name, a table of parties pointed to by 下表所列, a company's own
secret-grade number, secrets numbered with 编码, an original named after a comma. Each test is a
contract written for it."""

from __future__ import annotations

from tests.contract_texts import extract_text, roles

_SIGNED = "签订日期：2025年3月3日\n"


def test_a_purchase_of_patents_names_seller_and_buyer() -> None:
    contract = extract_text(
        "中国专利权购买协议\n协议号：IP-UK03\n"
        "卖方：剑桥东岭材料有限公司（Cambridge Dongling Materials Ltd），一家英国公司\n"
        "卖方授权代表：Oliver Hartley（首席执行官）\n\n买方：宁波南港新材料科技有限公司\n"
        "住所：宁波市北仑区明州路306号\n第一条 卖方将专利ZL202110587921.2转让给买方。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("transferor", "剑桥东岭材料有限公司"),
        ("transferee", "宁波南港新材料科技有限公司"),
    ]


def test_role_words_after_what_they_are_about_and_persons_listed_with_chinese_numerals() -> None:
    contract = extract_text(
        "面料工艺保密约定\n约定编号：BM-26\n信息披露方：浙江东岭纺织印染集团有限公司（以下简称“公司”）\n"
        "地址：绍兴市柯桥区鉴湖路1号\n\n信息接收人（以下合称“接收人”）：\n"
        "（一）戚雨桐，女，身份证号码：330621199203******；\n"
        "（二）岑博文，男，身份证号码：330106198807******。\n"
        "第一条 保密信息\n1. 技术秘密“色彩管理曲线库”，公司密级编号：DL-MM-A-0312。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("discloser", "浙江东岭纺织印染集团有限公司"),
        ("recipient", "戚雨桐"),
        ("recipient", "岑博文"),
    ]
    # the company's own grade number of its secret, not a company's registration
    assert [n.value for n in contract.trade_secret_numbers] == ["DL-MM-A-0312"]


def test_a_relation_before_a_persons_name_in_the_recital() -> None:
    contract = extract_text(
        "竞业限制协议\n编号：NC-18\n本协议由合肥东岭微显示科技有限公司（住所：合肥市望江西路920号，"
        "以下简称“公司”）与其员工殷楚涵（身份证号码：340104199411******，以下简称“员工”）"
        "于2025年8月5日签订。\n第一条 员工离职后一年内不得到竞争单位任职。\n"
    )
    assert roles(contract) == [
        ("employer", "合肥东岭微显示科技有限公司"),
        ("employee", "殷楚涵"),
    ]


def test_a_table_of_parties_pointed_to_keys_the_shares_by_its_first_column() -> None:
    contract = extract_text(
        "再生纤维共同开发协议\n协议编号：JP-GK-01\n下表所列双方就再生纤维共同开发事宜签订本协议。\n"
        "合作方\t名称\t住所\n中方\t江苏东岭新材料集团有限公司\t苏州市吴江区1号\n"
        "日方\t大阪南港纤维株式会社（Osaka Nanko Fiber Co., Ltd.）\t大阪市北区2号\n"
        "第一条 双方共同开发超细纤维。\n第二条 成果权益比例如下表：\n"
        "合作方\t成果权益比例\n中方\t55%\n日方\t45%\n" + _SIGNED
    )
    assert [name for _, name in roles(contract)] == [
        "江苏东岭新材料集团有限公司",
        "大阪南港纤维株式会社",
    ]
    assert {s.name: s.value for s in contract.shares} == {
        "江苏东岭新材料集团有限公司": 0.55,
        "大阪南港纤维株式会社": 0.45,
    }


def test_a_secret_numbered_with_a_code_and_an_original_named_after_a_comma() -> None:
    contract = extract_text(
        "技术秘密许可合同\n编号：TS-11\n许可方：杭州东岭物流科技有限公司\n被许可方：成都南港供应链有限公司\n"
        "鉴于甲方以技术秘密方式保护“波次拣货调度算法（V3.2）”（商业秘密编码：DL-TS-2023-0087）。\n"
        "第一条 许可方许可被许可方使用上述技术秘密。\n" + _SIGNED
    )
    assert [s.value for s in contract.trade_secrets] == ["波次拣货调度算法（V3.2）"]
    assert [n.value for n in contract.trade_secret_numbers] == ["DL-TS-2023-0087"]
    amendment = extract_text(
        "变更协议\n变更协议编号：ZR-08-G01\n关联合同：《专利权转让合同》，编号ZR-2025-08\n"
        "转让方：东岭水泥技术研究院有限公司\n受让方：南港绿源建材股份有限公司\n"
        "第一条 转让价款变更为人民币叁佰万元。\n" + _SIGNED
    )
    assert amendment.amends is not None and amendment.amends.value == "ZR-2025-08"


def test_a_title_before_a_persons_name_on_a_party_line() -> None:
    contract = extract_text(
        "保密承诺函\n承诺函编号：NDA-9\n信息披露方：无锡东岭半导体有限公司\n"
        "信息接收方一：项目负责人 孙嘉树，身份证号码320102198306******\n"
        "第一条 接收方对保密信息负有保密义务。\n" + _SIGNED
    )
    assert roles(contract) == [
        ("discloser", "无锡东岭半导体有限公司"),
        ("recipient", "孙嘉树"),
    ]
