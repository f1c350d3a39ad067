"""Money, term, permission, forum and signing rules of the round measured on the blind
contracts_depth11 set (issue 15): a bare 付 after a due condition, amendment titles in every
instrument word, a paid instalment on a Republic-of-China date, sublicensing to affiliates named
at length, durations from 本协议日期, a cooperation's work period and funding label, a signature
table the layout does not take for a signature block, a court's place before its name, and the
value of pledged or contributed patents from a table's 合计. Each test is a contract written for
it, not one of the gold's."""

from __future__ import annotations

from bench.contracts import normal_due
from ingest.contracts.model import ContractExtraction
from tests.contract_texts import extract_text

_SIGNED = "签订日期：2025年3月3日\n"


def _schedule(contract: ContractExtraction) -> list[tuple[float, str]]:
    return [(i.amount, i.due) for i in contract.instalments]


def _value(field: object) -> object:
    return getattr(field, "value", None)


# ---- a bare 付 ------------------------------------------------------------------------------


def test_a_bare_fu_after_the_condition_is_left_out_of_the_due() -> None:
    contract = extract_text(
        "专利权转让合同\n合同编号：ZR-5\n转让方：青川光学研究院有限公司\n受让方：临江镜片制造有限公司\n"
        "第三条 转让价款共计人民币一百万元，分两次支付：合同生效后五日内付三十万元；"
        "专利权人变更登记后二十日内付七十万元。\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (300_000.0, "合同生效后五日内"),
        (700_000.0, "专利权人变更登记后二十日内"),
    ]


def test_payments_with_a_bare_fu_adding_up_to_the_price_are_a_schedule() -> None:
    contract = extract_text(
        "专利权转让合同\n合同编号：ZR-6\n转让方：青川光学研究院有限公司\n受让方：临江镜片制造有限公司\n"
        "第三条 转让价款共计人民币一百万元。受让方于签约后十日内付四十万元，"
        "于验收合格后十日内付六十万元。\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (400_000.0, "签约后十日内"),
        (600_000.0, "验收合格后十日内"),
    ]


def test_the_bench_compares_dues_without_a_bare_fu_but_keeps_other_words_ending_in_it() -> None:
    assert normal_due("合同签订后七日内付") == "合同签订后七日内"
    assert normal_due("于2026年1月31日前付") == "2026年1月31日前"
    assert normal_due("设备交付") == "设备交付"  # 交付 is a delivery, not a payment verb


# ---- amendments -------------------------------------------------------------------------------


def test_an_amendment_titled_with_qi_yue_links_its_original_and_reads_the_new_wording() -> None:
    contract = extract_text(
        "技術授權契約第二次修正合約\n\n"
        "修正合約編號：TW-LIC-113-9-B\n"
        "原契約：技術授權契約書（契約編號：TW-LIC-113-9）\n\n"
        "授權人：新竹晶研材料股份有限公司\n被授權人：蘇州晶拓半導體有限公司\n\n"
        "第一條 授權區域之變更\n"
        "原契約第三條「授權區域為廣東省。」變更為「授權區域為廣東省及福建省。」\n"
        "第二條 授權金\n原契約第五條全文修正為：\n"
        "「授權金總額為新臺幣伍佰萬元整，乙方應依下列方式給付：\n"
        "（一）第一期新臺幣貳佰萬元，已於民國113年5月2日給付；\n"
        "（二）第二期新臺幣參佰萬元，於民國114年3月31日前給付。」\n"
        "立契約書人\n甲方：新竹晶研材料股份有限公司\n乙方：蘇州晶拓半導體有限公司\n"
        "中華民國114年1月6日\n"
    )
    assert _value(contract.kind) == "amendment"
    assert _value(contract.amends) == "TW-LIC-113-9"
    assert _value(contract.territory) == "廣東省及福建省"
    assert _schedule(contract) == [
        (2_000_000.0, "民國113年5月2日"),
        (3_000_000.0, "民國114年3月31日前"),
    ]


def test_a_paid_instalment_on_a_date_in_chinese_numerals_is_part_of_the_schedule() -> None:
    contract = extract_text(
        "专利实施许可合同补充协议\n补充协议编号：BC-2\n原合同编号：XK-2024-2\n"
        "甲方：北岭软件研究院有限公司\n乙方：南湾数据服务有限公司\n"
        "第一条 许可费调整为人民币九十万元，分两期支付：\n"
        "（一）第一期人民币四十万元，已于二〇二四年五月二日支付；\n"
        "（二）第二期人民币五十万元，于2025年6月30日前支付。\n" + _SIGNED
    )
    assert _schedule(contract) == [
        (400_000.0, "二〇二四年五月二日"),
        (500_000.0, "2025年6月30日前"),
    ]


# ---- sublicensing -----------------------------------------------------------------------------

_LICENCE = (
    "专利实施许可合同\n合同编号：XK-88\n许可方：东岳材料研究院有限公司\n"
    "被许可方：西湖新能源有限公司\n第四条 再许可\n"
)


def _sublicence(clause: str) -> tuple[object, object]:
    contract = extract_text(_LICENCE + clause + "\n" + _SIGNED)
    return _value(contract.sublicense_allowed), _value(contract.sublicense_scope)


def test_subsidiaries_named_with_a_place_and_a_threshold_are_affiliates() -> None:
    assert _sublicence(
        "被许可方可向其在香港特别行政区持股超过百分之六十的附属公司再许可，但应提前十五日书面通知"
        "许可方，且不得向其他任何第三方再许可。"
    ) == (True, "affiliates")


def test_companies_its_owners_control_are_affiliates_and_no_consent_is_read_from_wu_xu() -> None:
    assert _sublicence(
        "被许可方可将本专利再许可给其外方股东控制的境内企业，无须另行取得许可方同意，"
        "但不得再许可给其他单位。"
    ) == (True, "affiliates")


def test_a_long_qualifier_in_traditional_script_with_zhi_is_read_alike() -> None:
    assert _sublicence(
        "被授權人得將本專利再授權予其於臺灣地區持股逾百分之五十之子公司，但不得再授權其他第三人。"
    ) == (True, "affiliates")


def test_a_refusal_that_names_affiliates_in_brackets_stays_a_refusal() -> None:
    assert _sublicence("被许可方无权许可任何第三方（包括其股东的关联企业）实施本专利。") == (
        False,
        None,
    )
    assert _sublicence("被许可方不得将本专利再许可给其持股百分之五十以上的子公司。") == (
        False,
        None,
    )


# ---- durations and a cooperation's work period and funding ------------------------------------


def test_a_period_counted_from_the_date_of_the_agreement_is_the_ndas_duration() -> None:
    contract = extract_text(
        "保密協議\n協議編號：HK-NDA-7\n披露方：港灣生物科技有限公司\n接收方：維港創投基金有限公司\n"
        "第四條 期限\n保密期為自本協議日期起計兩年。\n" + _SIGNED
    )
    assert _value(contract.duration_months) == 24


def test_a_work_period_from_a_date_is_a_cooperations_term_and_its_funding_the_amount() -> None:
    contract = extract_text(
        "轴承钢联合攻关协议\n协议编号：GG-3\n甲方：北岳特钢有限公司\n乙方：东海冶金研究院有限公司\n"
        "二、攻关周期\n开发周期十八个月，自2025年7月1日起。\n"
        "三、经费\n攻关经费人民币三百万元，全部由甲方承担。乙方不出资，提供研究人员。\n" + _SIGNED
    )
    assert _value(contract.kind) == "cooperation"
    assert _value(contract.start_date) == "2025-07-01"
    assert _value(contract.duration_months) == 18
    assert contract.amount is not None and contract.amount.value.amount == 3_000_000.0


def test_a_work_period_without_a_date_is_the_duration() -> None:
    contract = extract_text(
        "合作开发合同\n合同编号：HZ-5\n甲方：青川光学研究院有限公司\n乙方：临江镜片制造有限公司\n"
        "第三条 研发周期为二十四个月。\n第四条 项目经费：人民币200万元，由乙方承担。\n" + _SIGNED
    )
    assert _value(contract.duration_months) == 24
    assert contract.amount is not None and contract.amount.value.amount == 2_000_000.0


def test_one_partys_funding_in_a_contributions_table_is_not_the_total() -> None:
    contract = extract_text(
        "合作开发合同\n合同编号：HZ-12\n甲方：北辰轨道研究院有限公司\n乙方：南岭复材有限公司\n"
        "第三条 各方投入\n合作方\t投入\t成果份额\n"
        "甲方\t研发经费人民币500万元\t60%\n"
        "乙方\t研发经费人民币300万元、中试生产线\t40%\n" + _SIGNED,
        "docx",
    )
    assert contract.amount is None or contract.amount.value.amount != 5_000_000.0


# ---- non-compete scope, signature table, court -----------------------------------------------


def test_a_signature_table_after_the_last_article_gives_the_later_sign_date() -> None:
    contract = extract_text(
        "離職後競業禁止約定書\n約定書編號：NC-113-4\n"
        "身分\t姓名或名稱\t統一編號\n甲方（雇主）\t台中精密刀具股份有限公司\t53108821\n"
        "乙方（受僱人）\t林志遠\tB12345****\n"
        "第一條 乙方自離職之日起二年內，不得投資或受聘於與甲方存在競爭關係之精密刀具製造業者。\n"
        "第二條 甲方於競業禁止期間每月給付乙方補償金新臺幣參萬元。\n"
        "立約定書人\n甲方\t台中精密刀具股份有限公司\t代表人：陳立德\t民國113年10月8日\n"
        "乙方\t林志遠\t（簽章）\t民國113年10月9日",
        "docx",
    )
    assert _value(contract.sign_date) == "2024-10-09"
    assert _value(contract.non_compete_scope) == "與甲方存在競爭關係之精密刀具製造業者"
    assert _value(contract.non_compete_months) == 24


def _forum(clause: str) -> object:
    contract = extract_text(
        "专利权质押合同\n合同编号：ZY-6\n出质人：江南材料有限公司\n质权人：江南银行股份有限公司\n"
        "第九条 争议解决\n" + clause + "\n" + _SIGNED
    )
    return _value(contract.dispute_forum)


def test_the_place_told_before_a_named_court_is_not_part_of_the_forum() -> None:
    assert _forum("因本合同引起的争议，由质权人住所地的上海市浦东新区人民法院管辖。") == (
        "上海市浦东新区人民法院"
    )
    assert _forum("争议由出质人住所地即杭州市西湖区人民法院管辖。") == "杭州市西湖区人民法院"


def test_a_court_named_only_by_its_place_is_kept_whole() -> None:
    assert _forum("因本合同引起的争议，由质权人所在地有管辖权的人民法院管辖。") == (
        "质权人所在地有管辖权的人民法院"
    )
    assert _forum("因本合同引起的争议，由出质人所在地的人民法院管辖。") == "出质人所在地的人民法院"


# ---- the value of patents in a table ----------------------------------------------------------


def _valuation(table: str, kind_title: str = "专利权质押合同") -> float | None:
    contract = extract_text(
        f"{kind_title}\n合同编号：ZY-7\n出质人：江北智能装备有限公司\n质权人：江北农村商业银行股份有限公司\n"
        "第二条 质押专利\n" + table + "第三条 质押期限自质押登记之日起至2027年6月30日止。\n"
        + _SIGNED,
        "docx",
    )
    return contract.valuation.value.amount if contract.valuation else None


def test_a_pledges_appraised_value_is_the_total_row_of_its_value_column() -> None:
    assert _valuation(
        "序号\t专利号\t评估价值（万元）\n1\tZL202110000001.1\t400\n2\tZL202110000002.X\t250\n"
        "合计\t\t650\n"
    ) == 6_500_000.0


def test_without_a_total_row_the_whole_rows_of_the_value_column_add_up() -> None:
    assert _valuation(
        "序号\t专利号\t评估值（元）\n1\tZL202110000001.1\t1,200,000\n2\tZL202110000002.X\t800,000\n"
    ) == 2_000_000.0


def test_rows_broken_across_lines_give_no_sum() -> None:
    assert (
        _valuation(
            "序号\t专利号\t评估值（万元）\n1\tZL202110000001.\n1\t400\n2\tZL202110000002.X\t25\n0\n"
        )
        is None
    )


def test_a_contributions_price_is_the_total_of_its_zuojia_column() -> None:
    contract = extract_text(
        "专利作价出资协议\n协议编号：ZJ-4\n出资方：西岭光电研究院有限公司\n接受出资方：东岭传感科技有限公司\n"
        "第一条 出资专利\n序号\t专利号\t作价（万元）\n1\tZL202210000003.4\t300\n"
        "2\tZL202210000004.2\t180\n合计\t\t480\n" + _SIGNED,
        "docx",
    )
    assert contract.valuation is not None and contract.valuation.value.amount == 4_800_000.0
