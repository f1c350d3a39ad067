"""Contract rules of the round after the second blind set (issue 15): kinds from loosely worded
titles and from the preamble, party lines that carry more than a name, trade-secret register
numbers, per-party contributions and instalment tables. Every text here is written for the
tests (no sentence of a gold contract)."""

from __future__ import annotations

import pytest

from ingest.contracts.model import ContractExtraction
from ingest.errors import IngestError
from tests.contract_texts import extract_text as _contract
from tests.contract_texts import roles as _roles

# ---- contract kind ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["联合技术开发合同", "合作研究开发协议", "共同技术攻关协议书", "协同创新研发合同"]
)
def test_cooperation_titles_with_words_between_the_halves(title: str) -> None:
    contract = _contract(
        f"{title}\n编号：K-1\n甲方：东岭材料有限公司\n乙方：西江工学院\n"
        "第一条 双方共同完成样机研制。\n签订日期：2025年3月3日\n"
    )
    assert contract.kind is not None and contract.kind.value == "cooperation"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("技术开发（委托）合同", "cooperation"),
        ("知识产权转让协议", "patent_transfer"),
        ("保密及不披露协议", "nda"),
        ("保密契约书", "nda"),
        ("不竞争协议", "non_compete"),
        ("补充合同", "amendment"),
        ("专利权转让协议之补充条款", "amendment"),
        ("技术秘密转让合同", "technology_transfer"),
    ],
)
def test_more_titles(title: str, kind: str) -> None:
    contract = _contract(
        f"{title}\n编号：K-0\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 双方约定如下。\n签订日期：2025年3月3日\n"
    )
    assert contract.kind is not None and contract.kind.value == kind


def test_a_title_naming_no_kind_falls_back_to_the_preamble() -> None:
    contract = _contract(
        "青松项目协议书\n编号：K-2\n甲方：东岭材料有限公司\n乙方：西江工学院\n"
        "双方就“低温电池隔膜”联合攻关项目订立本协议。\n"
        "第一条 甲方出资人民币300万元。\n签订日期：2025年3月3日\n"
    )
    assert contract.kind is not None
    assert (contract.kind.value, contract.kind.evidence.confidence) == ("cooperation", 0.75)


def test_a_party_name_does_not_make_the_kind() -> None:
    with pytest.raises(IngestError, match="CONTRACT_NOT_RECOGNISED"):
        _contract(
            "青松项目协议书\n编号：K-3\n甲方：北方协同创新研究院\n乙方：西江工学院\n"
            "第一条 甲方向乙方提供场地。\n签订日期：2025年3月3日\n"
        )


# ---- party lines -----------------------------------------------------------------------------


def test_parties_listed_under_a_recital_that_introduces_them() -> None:
    contract = _contract(
        "联合研发合同\n合同编号：K-4\n本合同由下列三方签订：\n甲方：东岭材料有限公司\n"
        "乙方：西江工学院\n丙方：南港检测有限公司\n"
        "第一条 三方共同研发。争议由南港区人民法院审理。\n签订日期：2025年3月3日\n"
    )
    assert [name for _, name in _roles(contract)] == [
        "东岭材料有限公司",
        "西江工学院",
        "南港检测有限公司",
    ]
    assert contract.dispute_forum is not None and contract.dispute_method is not None
    assert contract.dispute_method.value == "court"
    assert contract.dispute_forum.value == "南港区人民法院"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("甲方：东岭材料有限公司（许可方）", "东岭材料有限公司"),
        ("甲方：东岭材料有限公司（在开曼群岛注册的公司，办公地位于香港湾仔）", "东岭材料有限公司"),
        ("甲方：东岭材料有限公司（开曼注册，地址见下", "东岭材料有限公司"),
        ("甲方：东岭材料有限公司双方曾于2021年签订合作框架协议，现约定如下：", "东岭材料有限公司"),
        ("甲方：西江工学院（深圳）", "西江工学院（深圳）"),
        ("甲方：东岭材料有限公司北岸分公司", "东岭材料有限公司北岸分公司"),
        ("甲方：东岭材料有限公司于都分公司", "东岭材料有限公司于都分公司"),
        ("甲方：东岭材料有限公司于2021年与乙方签订框架协议", "东岭材料有限公司"),
        ("甲方：东岭材料有限公司（注册地：香港）", "东岭材料有限公司"),
    ],
)
def test_a_party_line_carrying_more_than_the_name(line: str, name: str) -> None:
    contract = _contract(
        f"专利实施许可合同\n编号：K-5\n{line}\n乙方：南港检测有限公司\n"
        "第一条 甲方以普通许可方式许可乙方实施。\n签订日期：2025年3月3日\n"
    )
    assert _roles(contract) == [("licensor", name), ("licensee", "南港检测有限公司")]


def test_several_persons_on_one_party_line() -> None:
    text = (
        "保密协议\n编号：K-6\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "丙方（项目成员）：周一鸣、钱小雨（身份证号：110101199001******）、孙卫东\n"
        "第一条 乙方、丙方对甲方资料负有保密义务。\n签订日期：2025年3月3日\n"
    )
    contract = _contract(text)
    assert _roles(contract)[2:] == [
        ("recipient", "周一鸣"),
        ("recipient", "钱小雨"),
        ("recipient", "孙卫东"),
    ]
    assert all(p.is_person for p in contract.parties[2:])
    # each person's evidence points at its own name
    assert [text[p.evidence.start : p.evidence.end] for p in contract.parties[2:]] == [
        "周一鸣",
        "钱小雨",
        "孙卫东",
    ]


def test_a_role_heading_over_numbered_co_owners() -> None:
    contract = _contract(
        "专利权转让合同\n编号：K-7\n转让方（甲方）：\n甲方一：周一鸣，身份证号：1101********\n"
        "甲方二：钱小雨，身份证号：1101********\n受让方（乙方）：南港检测有限公司\n"
        "第一条 甲方一、甲方二将其共有的专利权转让给乙方。\n签订日期：2025年3月3日\n"
    )
    assert _roles(contract) == [
        ("transferor", "周一鸣"),
        ("transferor", "钱小雨"),
        ("transferee", "南港检测有限公司"),
    ]


def test_a_company_receiving_a_contribution_named_by_its_role() -> None:
    contract = _contract(
        "专利作价出资协议\n编号：K-8\n出资方：西江工学院\n被出资公司：南港检测有限公司\n"
        "第一条 出资方以其专利作价人民币200万元向被出资公司出资。\n签订日期：2025年3月3日\n"
    )
    assert _roles(contract) == [("contributor", "西江工学院"), ("investee", "南港检测有限公司")]
    assert contract.receiving_company is not None
    assert contract.receiving_company.value == "南港检测有限公司"


# ---- trade secrets ---------------------------------------------------------------------------


def _nda(clause: str) -> ContractExtraction:
    return _contract(
        "保密协议\n编号：K-9\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        f"第一条 {clause}\n签订日期：2025年3月3日\n"
    )


@pytest.mark.parametrize(
    ("clause", "name", "number"),
    [
        (
            "本协议所称技术秘密为“高镍正极烧结制度”（甲方内部编号DL-KM-2019-004），包括工艺卡片。",
            "高镍正极烧结制度",
            "DL-KM-2019-004",
        ),
        (
            "乙方可能接触甲方的商业秘密，包括但不限于“华南渠道返利政策”（密级：机密，编号SC-07）。",
            "华南渠道返利政策",
            "SC-07",
        ),
        (
            "甲方营业秘密「蓝光封装胶配比」（登录编号TW-88-1）应予保密。",
            "蓝光封装胶配比",
            "TW-88-1",
        ),
        (
            "甲方的技术秘密“薄膜拉伸窗口”，备案号：BA2020-15，乙方不得披露。",
            "薄膜拉伸窗口",
            "BA2020-15",
        ),
    ],
)
def test_trade_secret_names_and_their_numbers(clause: str, name: str, number: str) -> None:
    contract = _nda(clause)
    assert [t.value for t in contract.trade_secrets] == [name]
    assert [n.value for n in contract.trade_secret_numbers] == [number]


@pytest.mark.parametrize(
    ("clause", "names", "numbers"),
    [
        (
            "甲方技术秘密“抗蠕变合金热处理制度”已备案，备案号：浙技秘备〔2023〕第021号。",
            ["抗蠕变合金热处理制度"],
            ["浙技秘备〔2023〕第021号"],
        ),
        ("本协议所指技术秘密：《电解液配比表》（编号：EL-3）。", ["电解液配比表"], ["EL-3"]),
        ("甲方拥有名为“电解液配比表”的技术秘密（登记编号EL-3）。", ["电解液配比表"], ["EL-3"]),
        (
            "保密信息包括技术秘密“电解液配比表”和“极片辊压参数”（编号分别为EL-3、EL-4）。",
            ["电解液配比表", "极片辊压参数"],
            ["EL-3", "EL-4"],
        ),
        ("技术秘密名称：电解液配比表；技术秘密编号：EL-3。", ["电解液配比表"], ["EL-3"]),
    ],
)
def test_more_ways_to_name_and_number_trade_secrets(
    clause: str, names: list[str], numbers: list[str]
) -> None:
    contract = _nda(clause)
    assert [t.value for t in contract.trade_secrets] == names
    assert [n.value for n in contract.trade_secret_numbers] == numbers


def test_a_bracket_without_a_number_after_a_secret_adds_none() -> None:
    contract = _nda("甲方的技术秘密“薄膜拉伸窗口”（详见附件一）不得披露。")
    assert [n.value for n in contract.trade_secret_numbers] == []


# ---- cooperation money and payment tables ----------------------------------------------------


def test_each_party_named_with_its_money_wins_over_one_bearer() -> None:
    contract = _contract(
        "合作开发合同\n编号：K-10\n甲方：东岭材料有限公司\n乙方：西江工学院\n丙方：南港检测有限公司\n"
        "第一条 研发经费共计人民币500万元，由甲方出资人民币350万元，丙方出资人民币150万元，"
        "乙方以人员和设备投入。\n签订日期：2025年3月3日\n"
    )
    assert {c.name: c.value for c in contract.contributions} == {
        "东岭材料有限公司": 3_500_000,
        "西江工学院": None,
        "南港检测有限公司": 1_500_000,
    }


def test_a_payment_table_whose_amount_column_names_only_the_currency() -> None:
    contract = _contract(
        "专利权转让合同\n编号：K-11\n转让方：东岭材料有限公司\n受让方：南港检测有限公司\n"
        "第一条 转让价款为港币300万元，受让方按下列方式给付：\n"
        "期次\t金额（港币）\t条件\n第一期\t1,000,000\t合同签订后十日内\n"
        "第二期\t2,000,000\t专利权转让登记公告后二十日内\n"
        "第二条 其他事项另行约定。\n签订日期：2025年3月3日\n"
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (1_000_000, "合同签订后十日内"),
        (2_000_000, "专利权转让登记公告后二十日内"),
    ]
    assert contract.payment is not None and contract.payment.value == "installments"
    assert contract.currency == "HKD"


# ---- equity contributions and terms ----------------------------------------------------------

_EQUITY = (
    "专利作价入股协议\n编号：K-12\n出资方一：西江工学院\n出资方二：北岸装备研究院有限公司\n"
    "目标公司：南港检测有限公司\n"
    "第一条 出资方一、出资方二以其各自专利合计作价人民币900万元入股。\n"
    "第二条 增资完成后，出资方一持有目标公司12%的股权，出资方二持有目标公司6%的股权，"
    "合计持有18%。\n签订日期：2025年3月3日\n"
)


def test_several_ip_contributors_hold_their_stated_joint_share() -> None:
    contract = _contract(_EQUITY)
    assert contract.equity_share is not None and contract.equity_share.value == 0.18


def test_a_percentage_written_twice_is_one_share() -> None:
    contract = _contract(
        "专利作价入股协议\n编号：K-13\n甲方：西江工学院\n乙方：南港检测有限公司\n"
        "第一条 甲方以其专利作价人民币200万元向乙方出资，"
        "占乙方增资后注册资本的百分之十五（15%）。\n"
        "签订日期：2025年3月3日\n"
    )
    assert contract.equity_share is not None and contract.equity_share.value == 0.15


def test_a_duty_within_years_of_signing_is_not_the_term() -> None:
    contract = _contract(
        "专利作价入股协议\n编号：K-14\n甲方：西江工学院\n乙方：南港检测有限公司\n"
        "第一条 甲方以其专利作价人民币200万元向乙方出资。\n"
        "第二条 甲方应促使发明人自本协议签署之日起两年内在乙方任职。\n"
        "第三条 争议双方同意受南港市中级人民法院的专属司法管辖。\n签订日期：2025年3月3日\n"
    )
    assert contract.duration_months is None
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "南港市中级人民法院"


# ---- licences, amendments, pledges -----------------------------------------------------------


def _licence(clause: str) -> ContractExtraction:
    return _contract(
        "专利实施许可合同\n编号：K-15\n许可方：东岭材料有限公司\n被许可方：南港检测有限公司\n"
        f"第一条 {clause}\n签订日期：2025年3月3日\n"
    )


def test_a_refusal_then_but_allows_affiliates() -> None:
    contract = _licence("被许可方不得向任何第三方再许可，但可以将实施权再许可给其控股子公司。")
    assert contract.sublicense_allowed is not None and contract.sublicense_allowed.value
    assert contract.sublicense_scope is not None
    assert contract.sublicense_scope.value == "affiliates"


def test_a_number_the_clause_then_excludes_is_not_covered() -> None:
    contract = _licence(
        "许可专利为ZL202310123456.1。另一件申请（申请号：202310654321.6）不属于本合同许可范围。"
    )
    assert [p.number for p in contract.patents] == ["CN202310123456.1"]


def test_the_area_of_a_non_compete_is_its_territory() -> None:
    contract = _contract(
        "竞业限制协议\n编号：K-16\n甲方：东岭材料有限公司\n乙方：周一鸣\n"
        "第一条 竞业限制期限为乙方离职后一年。\n第二条 限制区域为长三角地区。\n"
        "第三条 乙方在上海市居住。\n签订日期：2025年3月3日\n"
    )
    assert contract.territory is not None and contract.territory.value == "长三角地区"


def test_an_amendment_changing_the_kind_and_widening_the_territory() -> None:
    contract = _contract(
        "专利实施许可合同补充协议\n编号：K-17\n原合同编号：K-15\n"
        "许可方：东岭材料有限公司\n被许可方：南港检测有限公司\n"
        "一、原合同约定的普通许可自本协议生效之日起变更为独占许可。\n"
        "二、原合同许可区域由“江苏省”扩大为：长江经济带沿线省市。\n签订日期：2025年3月3日\n"
    )
    assert contract.exclusivity is not None and contract.exclusivity.value == "exclusive"
    assert contract.territory is not None and contract.territory.value == "长江经济带沿线省市"


def _pledge(clause: str) -> ContractExtraction:
    return _contract(
        "专利权质押合同\n编号：K-18\n出质人：东岭材料有限公司\n质权人：南港银行股份有限公司\n"
        f"第一条 {clause}\n签订日期：2025年3月3日\n"
    )


def test_a_pledge_without_a_period_of_its_own_lasts_for_the_secured_debt() -> None:
    contract = _pledge(
        "被担保的主债权为人民币500万元，债务履行期限自2025年3月10日起至2027年3月9日止。"
    )
    assert contract.start_date is not None and contract.end_date is not None
    assert (contract.start_date.value, contract.end_date.value) == ("2025-03-10", "2027-03-09")


def test_a_pledge_period_with_a_latest_end() -> None:
    contract = _pledge(
        "质押期间自质押登记之日起至主债务清偿之日止，最迟不晚于2027年6月30日。"
        "借款期限自2025年3月10日起至2027年3月9日止。"
    )
    assert contract.start_date is None
    assert contract.end_date is not None and contract.end_date.value == "2027-06-30"


def test_a_republic_year_with_the_western_year_in_brackets() -> None:
    contract = _licence("授权期间自民国114年（2025年）7月1日起至2028年6月30日止。")
    assert contract.start_date is not None and contract.start_date.value == "2025-07-01"


# ---- money -----------------------------------------------------------------------------------


def test_a_royalty_in_thousandths_beside_an_entry_fee() -> None:
    contract = _licence(
        "被许可方于本合同生效后七日内支付入门费人民币三十万元。"
        "被许可方另按许可产品销售额的千分之六向许可方支付提成费。"
    )
    assert contract.royalty_rate is not None and contract.royalty_rate.value == 0.006
    assert contract.entry_fee is not None and contract.entry_fee.value.amount == 300_000
    assert contract.payment is not None and contract.payment.value == "lump_sum+royalty"


def test_a_cooperation_one_party_funds_states_its_funding() -> None:
    contract = _contract(
        "合作开发合同\n编号：K-19\n甲方：西江工学院\n乙方：东岭材料有限公司\n丙方：北岸研究所\n"
        "第一条 乙方提供研发经费人民币八百万元；甲方及丙方投入研究人员和实验设备。\n"
        "签订日期：2025年3月3日\n"
    )
    assert contract.amount is not None and contract.amount.value.amount == 8_000_000
    assert contract.currency == "CNY"


def test_the_total_under_a_contributions_table() -> None:
    contract = _contract(
        "合作开发合同\n编号：K-20\n甲方：西江工学院\n乙方：东岭材料有限公司\n"
        "第一条 各方投入如下：\n参与方\t资金投入（万元）\t成果分享比例\n西江工学院\t—\t40%\n"
        "东岭材料有限公司\t900\t60%\n第二条 资金投入合计人民币900万元。\n签订日期：2025年3月3日\n"
    )
    assert contract.amount is not None and contract.amount.value.amount == 9_000_000


_AMENDMENT = (
    "专利权转让合同补充协议\n编号：K-21\n原合同编号：K-11\n"
    "转让方：东岭材料有限公司\n受让方：南港检测有限公司\n"
    "一、原合同第三条约定的转让价款人民币二百万元，受让方已付清一百万元。\n"
    "二、剩余价款的付款安排变更为：\n（一）人民币六十万元，于2025年9月30日前支付；\n"
    "（二）人民币四十万元，于2026年3月31日前支付。\n"
    "三、原合同中的违约金由人民币五十万元调整为人民币三十万元。\n签订日期：2025年3月3日\n"
)


def test_an_amendment_setting_a_new_schedule_pays_in_instalments() -> None:
    contract = _contract(_AMENDMENT)
    assert [i.amount for i in contract.instalments] == [600_000, 400_000]
    assert contract.payment is not None and contract.payment.value == "installments"
    # the damages as amended, not the old ones
    assert contract.liquidated_damages is not None
    assert contract.liquidated_damages.value.amount == 300_000


def test_an_amendment_telling_the_old_fee_as_background_states_the_new_one() -> None:
    contract = _contract(
        "专利实施许可合同补充协议\n编号：K-22\n原合同编号：K-15\n"
        "许可方：东岭材料有限公司\n被许可方：南港检测有限公司\n"
        "一、原合同第五条约定的许可使用费人民币六十万元已由被许可方付清。\n"
        "二、被许可方另行支付续期许可费人民币二十万元。\n签订日期：2025年3月3日\n"
    )
    assert contract.amount is not None and contract.amount.value.amount == 200_000


def test_disposable_in_a_patent_title_is_no_lump_sum() -> None:
    contract = _contract(
        "专利作价入股协议\n编号：K-23\n甲方：西江工学院\n乙方：南港检测有限公司\n"
        "第一条 甲方以下列专利作价人民币300万元向乙方出资：\n序号\t专利号\t名称\n"
        "1\tZL202310123456.1\t一种一次性采样拭子的包装结构\n签订日期：2025年3月3日\n"
    )
    assert contract.payment is None


def test_damages_named_twice_in_one_sentence() -> None:
    contract = _licence("违约金：被许可方违反保密义务的，应向许可方支付违约金人民币１２０万元。")
    assert contract.liquidated_damages is not None
    assert contract.liquidated_damages.value.amount == 1_200_000


def test_an_appraised_value_told_after_the_appraiser() -> None:
    contract = _pledge(
        "经南港资产评估有限公司评估，上述质押专利权价值为人民币九百万元。"
        "被担保的主债权为人民币五百万元。"
    )
    assert contract.valuation is not None and contract.valuation.value.amount == 9_000_000


# ---- more cooperation wordings, instalment labels, persons -----------------------------------


def _three_partners(clause: str) -> ContractExtraction:
    return _contract(
        "合作开发合同\n编号：K-24\n甲方：东岭材料有限公司\n乙方：西江工学院\n丙方：南港检测有限公司\n"
        f"{clause}\n签订日期：2025年3月3日\n"
    )


@pytest.mark.parametrize(
    "clause",
    [
        "第一条 各方出资如下：\n（1）甲方：人民币420万元；\n（2）乙方：不出资，以科研团队投入；\n"
        "（3）丙方：人民币180万元。",
        "第一条 甲方以货币方式出资人民币420万元，丙方以货币方式出资人民币180万元，乙方不出资。",
        "第一条 甲方负责筹措研发经费人民币420万元；丙方负责提供研发经费人民币180万元；"
        "乙方提供实验条件。",
    ],
)
def test_contributions_in_lists_and_with_a_manner(clause: str) -> None:
    contract = _three_partners(clause)
    assert {c.name: c.value for c in contract.contributions} == {
        "东岭材料有限公司": 4_200_000,
        "西江工学院": None,
        "南港检测有限公司": 1_800_000,
    }


def test_shares_given_respectively() -> None:
    contract = _three_partners("第一条 成果由三方共有，甲方、乙方、丙方的份额分别为45%、35%、20%。")
    assert [(s.name, s.value) for s in contract.shares] == [
        ("东岭材料有限公司", 0.45),
        ("西江工学院", 0.35),
        ("南港检测有限公司", 0.2),
    ]


def test_an_instalment_label_ending_in_a_colon() -> None:
    contract = _licence(
        "许可使用费为人民币90万元，分期支付：\n（一）签约后七日内：人民币30万元；\n"
        "（二）样机验收合格后十日内：人民币60万元。\n第二条 其他事项另行约定。"
    )
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (300_000, "签约后七日内"),
        (600_000, "样机验收合格后十日内"),
    ]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("乙方：周一鸣、钱小雨（以下合称“乙方”）", ["周一鸣", "钱小雨"]),
        ("乙方：钱小雨 女士", ["钱小雨"]),
        ("乙方：阿依古丽·买买提（身份证号：6501********）", ["阿依古丽·买买提"]),
        ("乙方：周一鸣，研究员", ["周一鸣"]),
    ],
)
def test_person_party_lines(line: str, names: list[str]) -> None:
    contract = _contract(
        f"保密协议\n编号：K-25\n甲方：东岭材料有限公司\n{line}\n"
        "第一条 乙方对甲方资料负有保密义务。\n签订日期：2025年3月3日\n"
    )
    assert [(p.role.value, p.name, p.is_person) for p in contract.parties[1:]] == [
        ("recipient", name, True) for name in names
    ]


def test_an_employee_of_an_nda_is_its_recipient() -> None:
    contract = _contract(
        "保密协议\n编号：K-26\n用人单位：东岭材料有限公司\n员工：周一鸣\n"
        "第一条 员工对单位资料负有保密义务。\n签订日期：2025年3月3日\n"
    )
    assert _roles(contract) == [("discloser", "东岭材料有限公司"), ("recipient", "周一鸣")]


# ---- layout ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("合同编号：K-27\n专利实施许可合同", "patent_license"),
        ("密级：内部\n专利权转让合同\n合同编号：K-27", "patent_transfer"),
        ("PATENT LICENSE AGREEMENT\n专利实施许可协议\n协议编号：K-27", "patent_license"),
    ],
)
def test_the_title_below_a_number_or_classification_line(head: str, kind: str) -> None:
    contract = _contract(
        f"{head}\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
        "第一条 双方约定如下。\n签订日期：2025年3月3日\n"
    )
    assert contract.kind is not None and contract.kind.value == kind
    assert contract.id == "K-27"


def test_a_table_of_parties_with_a_header_row() -> None:
    contract = _contract(
        "合作研发协议\n协议编号：K-28\n合作方\t名称\t住所\n甲方\t东岭材料有限公司\t上海\n"
        "乙方\t西江工学院\t杭州\n第一条 双方共同研发。\n签订日期：2025年3月3日\n"
    )
    assert [p.name for p in contract.parties] == ["东岭材料有限公司", "西江工学院"]


@pytest.mark.parametrize(
    ("clause", "allowed", "scope"),
    [
        ("被许可方仅可在其关联企业范围内再许可。", True, "affiliates"),
        ("再许可：不允许。", False, None),
        ("被许可方可以自由再许可。", True, "any"),
    ],
)
def test_sublicensing_wordings_of_this_round(clause: str, allowed: bool, scope: str | None) -> None:
    contract = _licence(clause)
    assert contract.sublicense_allowed is not None
    assert contract.sublicense_allowed.value is allowed
    assert (contract.sublicense_scope.value if contract.sublicense_scope else None) == scope


def test_a_territory_where_the_licensee_may_make() -> None:
    territory = _licence("被许可方有权在中国大陆地区制造、销售许可产品。").territory
    assert territory is not None and territory.value == "中国大陆地区"


@pytest.mark.parametrize(
    "lines",
    [
        "许可方：东岭材料有限公司被许可方：南港检测有限公司",
        "许可方：东岭材料有限公司 被许可方（乙方）：南港检测有限公司",
    ],
)
def test_two_party_lines_a_pdf_joined(lines: str) -> None:
    text = (
        f"专利实施许可合同\n编号：K-29\n{lines}\n"
        "第一条 许可方以普通许可方式许可被许可方实施。\n签订日期：2025年3月3日\n"
    )
    contract = _contract(text)
    assert _roles(contract) == [("licensor", "东岭材料有限公司"), ("licensee", "南港检测有限公司")]
    assert [text[p.evidence.start : p.evidence.end] for p in contract.parties] == [
        "东岭材料有限公司",
        "南港检测有限公司",
    ]


def test_a_fee_paid_in_full_by_a_deadline_is_a_lump_sum() -> None:
    contract = _licence("被许可方应向许可方支付许可费人民币四十万元，于本合同生效后二十日内付清。")
    assert contract.payment is not None and contract.payment.value == "lump_sum"


def test_a_balance_paid_in_full_is_no_lump_sum() -> None:
    contract = _licence("许可费人民币四十万元，余款于验收合格后十日内付清。")
    assert contract.payment is None


def _amending(clause: str) -> ContractExtraction:
    return _contract(
        "专利权质押合同补充协议\n编号：K-30\n原合同编号：K-18\n"
        "出质人：东岭材料有限公司\n质权人：南港银行股份有限公司\n"
        f"第一条 {clause}\n签订日期：2025年3月3日\n"
    )


def test_an_amendment_replacing_a_quoted_clause_by_a_later_date() -> None:
    contract = _amending(
        "原质押合同第四条中“最迟不晚于2026年3月31日”变更为“最迟不晚于2027年3月31日”。"
    )
    assert contract.end_date is not None and contract.end_date.value == "2027-03-31"


def test_an_amendment_replacing_a_payment_date_sets_no_end() -> None:
    contract = _amending("原合同中“于2026年3月31日前支付”变更为“于2026年9月30日前支付”。")
    assert contract.end_date is None


@pytest.mark.parametrize(
    "table",
    [
        "参与方\t成果分享比例\t资金投入（万元）\n甲方\t45%\t420\n乙方\t35%\t—\n丙方\t20%\t180",
        "参与方\t权益比例\t出资金额\n东岭材料有限公司\t45%\t人民币420万元\n西江工学院\t35%\t无\n"
        "南港检测有限公司\t20%\t人民币180万元",
        "名称\t出资额（人民币万元）\t比例\n东岭材料有限公司\t420\t45%\n西江工学院\t0\t35%\n"
        "南港检测有限公司\t180\t20%",
    ],
)
def test_a_contributions_table_in_any_column_order(table: str) -> None:
    contract = _three_partners(f"第一条 各方投入及权益：\n{table}\n第二条 其他事项另行约定。")
    assert {c.name: c.value for c in contract.contributions} == {
        "东岭材料有限公司": 4_200_000,
        "西江工学院": None,
        "南港检测有限公司": 1_800_000,
    }
    assert [s.value for s in contract.shares] == [0.45, 0.35, 0.2]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("编号：第DL2025009号", "第DL2025009号"),
        ("No.: DL-2025-009", "DL-2025-009"),
        # NFKC keeps the tortoise-shell brackets of a document number (tests/gold/README.md)
        ("协议编号：〔2025〕东岭许字第9号", "〔2025〕东岭许字第9号"),
        ("合同编号 DL-2025-009", "DL-2025-009"),
    ],
)
def test_contract_number_wordings(line: str, number: str) -> None:
    contract = _contract(
        f"专利实施许可合同\n{line}\n许可方：东岭材料有限公司\n被许可方：南港检测有限公司\n"
        "第一条 许可方以普通许可方式许可被许可方实施。\n签订日期：2025年3月3日\n"
    )
    assert contract.id == number


def test_a_shareholding_table_with_the_share_before_the_money() -> None:
    text = (
        "增资协议\n编号：K-31\n甲方：西江工学院\n乙方：北岸投资有限公司\n丙方：南港检测有限公司\n"
        "第一条 甲方以其专利作价人民币300万元向丙方增资。\n第二条 增资后丙方股权结构如下：\n"
        "股东\t持股比例\t出资额（万元）\n甲方\t15%\t300\n乙方\t85%\t1700\n签订日期：2025年3月3日\n"
    )
    contract = _contract(text)
    assert contract.equity_share is not None and contract.equity_share.value == 0.15
    evidence = contract.equity_share.evidence
    assert text[evidence.start : evidence.end] == "15%"
