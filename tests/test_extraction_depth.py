"""Extraction depth (issue 15): traditional script with offsets kept, money in any currency,
parties beyond two, persons, amendments that change only what they amend, conditional
sublicensing, analyst exports with a preamble, two header rows and several sheets, and the
entities of patent text the gazetteer cannot list. Texts here are written for the tests."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from config.settings import Settings
from graph.model import Direction, EdgeType, NodeLabel
from ingest.contracts.documents import ContractDocument
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction
from ingest.contracts.money import amounts
from ingest.contracts.script import fold
from ingest.nlp.pipeline import extract_entities, load_pipeline
from ingest.pipeline import ingest_paths
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.readers.export_layout import licenses, pledges
from ingest.records import PatentRecord
from ingest.transform import validate
from stores.backends import open_stores


def _contract(text: str, name: str = "c.txt") -> ContractExtraction:
    document = ContractDocument(
        path=name,
        format="txt",
        encoding="utf-8",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    return extract_contract(document)


# ---- script and money ---------------------------------------------------------------------


def test_folding_keeps_every_offset_and_the_original_script() -> None:
    text = "專利獨佔許可協議\n協議編號：ＡＢ－２０２４－００１\n許可人：臺灣精密工業股份有限公司"
    folded = fold(text)
    assert folded.script == "traditional"
    assert len(folded.text) == len(text)
    assert "专利独占许可协议" in folded.text and "AB-2024-001" in folded.text
    assert folded.original_value("台湾精密工业股份有限公司") == "臺灣精密工業股份有限公司"
    assert fold("专利实施许可合同\n许可方：某某大学").script == "simplified"


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("许可费港币壹佰贰拾万元（HK$1,200,000）", 1_200_000, "HKD"),
        ("入门费50万美元", 500_000, "USD"),
        ("违约金新台币参佰万元", 3_000_000, "TWD"),
        ("EUR 800,000", 800_000, "EUR"),
        ("人民币85.6万元", 856_000, "CNY"),
        ("澳门元20万元", 200_000, "MOP"),
    ],
)
def test_amounts_in_any_currency(text: str, amount: float, currency: str) -> None:
    found = next(amounts(text))
    assert (found.money.amount, found.money.currency) == (amount, currency)


def test_percentages_counts_and_dates_are_not_money() -> None:
    assert list(amounts("占比30%，共3000吨，2024年5月1日")) == []


# ---- contracts ----------------------------------------------------------------------------

FOUR_PARTIES = """联合研发合同
合同编号：TEST-LY-2025-001
甲方：北方新材料股份有限公司
乙方：东部理工大学
丙方：南方装备集团有限公司
丁方：西部检测研究院
第一条 各方投入：甲方出资人民币600万元；丙方出资人民币400万元；乙方、丁方以人员和试验条件投入。
第二条 成果归属：本合同产生的专利权由四方按4:3:2:1的比例共有。
第三条 期限：自2025年1月1日起至2027年12月31日止。
第四条 争议解决：提交上海国际仲裁中心仲裁。
甲方（盖章）：北方新材料股份有限公司
乙方（盖章）：东部理工大学
丙方（盖章）：南方装备集团有限公司
丁方（盖章）：西部检测研究院
签订日期：2024年12月20日
"""


def test_four_parties_with_shares_and_contributions() -> None:
    contract = _contract(FOUR_PARTIES)
    names = [p.name for p in contract.parties]
    assert names == [
        "北方新材料股份有限公司",
        "东部理工大学",
        "南方装备集团有限公司",
        "西部检测研究院",
    ]
    assert {p.role.value for p in contract.parties} == {"partner"}
    assert [(s.name, s.value) for s in contract.shares] == [
        ("北方新材料股份有限公司", 0.4),
        ("东部理工大学", 0.3),
        ("南方装备集团有限公司", 0.2),
        ("西部检测研究院", 0.1),
    ]
    assert {c.name: c.value for c in contract.contributions} == {
        "北方新材料股份有限公司": 6_000_000,
        "东部理工大学": None,
        "南方装备集团有限公司": 4_000_000,
        "西部检测研究院": None,
    }
    assert contract.currency == "CNY" and contract.sign_date is not None
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "上海国际仲裁中心"


NON_COMPETE_TW = """保密及競業禁止協議書
協議編號：TW-NC-2023-007
甲方：臺北精密電子股份有限公司
乙方：陳雅婷，身分證字號：A2********
一、乙方於離職後二年內，不得受僱於與甲方經營相同業務之公司。
二、甲方於競業禁止期間，每月給付乙方補償金新臺幣肆萬元。
三、乙方違反第一條者，應給付甲方違約金新臺幣貳佰萬元。
四、本協議以中華民國法律為準據法，以臺灣臺北地方法院為第一審管轄法院。
甲方：臺北精密電子股份有限公司
乙方：陳雅婷（簽名）
中華民國112年5月2日
"""


def test_traditional_non_compete_with_a_person() -> None:
    contract = _contract(NON_COMPETE_TW)
    assert contract.script == "traditional"
    assert contract.kind is not None and contract.kind.value == "non_compete"
    assert [(p.role.value, p.name, p.is_person) for p in contract.parties] == [
        ("employer", "臺北精密電子股份有限公司", False),
        ("employee", "陳雅婷", True),
    ]
    assert contract.non_compete_months is not None and contract.non_compete_months.value == 24
    assert contract.monthly_compensation is not None
    assert contract.monthly_compensation.value.amount == 40_000
    assert contract.liquidated_damages is not None
    assert contract.liquidated_damages.value.amount == 2_000_000
    assert contract.currency == "TWD"
    assert contract.sign_date is not None and contract.sign_date.value == "2023-05-02"
    assert contract.governing_law is not None and contract.governing_law.value == "中華民國法律"
    # evidence offsets point into the original text
    party = contract.parties[1]
    assert NON_COMPETE_TW[party.evidence.start : party.evidence.end] == "陳雅婷"


AMENDMENT = """《专利权转让合同》补充协议
补充协议编号：TEST-ZR-2024-009-BC1
原合同编号：TEST-ZR-2024-009
甲方：东部理工大学
乙方：北方新材料股份有限公司
一、原合同第二条“转让价款共计人民币100万元”变更为“转让价款共计人民币130万元”。
二、原合同第五条“本合同有效期至2025年6月30日止。”修改为“本合同有效期至2026年6月30日止。”
三、本补充协议自双方签字盖章之日起生效。
甲方（盖章）：东部理工大学
乙方（盖章）：北方新材料股份有限公司
签订日期：2025年3月3日
"""


def test_an_amendment_changes_only_what_it_amends() -> None:
    contract = _contract(AMENDMENT)
    assert contract.amends is not None and contract.amends.value == "TEST-ZR-2024-009"
    assert contract.id == "TEST-ZR-2024-009-BC1"
    assert contract.amount is not None and contract.amount.value.amount == 1_300_000
    assert contract.end_date is not None and contract.end_date.value == "2026-06-30"
    assert [p.role.value for p in contract.parties] == ["transferor", "transferee"]


@pytest.mark.parametrize(
    ("clause", "allowed", "scope"),
    [
        ("被许可方仅可将本专利再许可给其关联公司。", True, "affiliates"),
        ("被许可方经许可方书面同意后，方可许可第三方实施。", True, "with_consent"),
        ("被许可方不得再许可任何第三方实施。", False, None),
        ("被许可方有权再许可第三方实施。", True, "any"),
        # forbidden only without consent: allowed with it
        ("未经许可方书面同意，被许可方不得转许可任何第三方实施。", True, "with_consent"),
        ("被许可方经许可方书面同意，可以将本专利转许可第三方实施。", True, "with_consent"),
        ("被许可方可以许可其关联公司实施本专利，但不得许可其他第三方实施。", True, "affiliates"),
        ("被许可方可向其控股子公司分许可本专利。", True, "affiliates"),
        ("被许可方不得转许可，亦不得以任何形式允许第三方实施该专利。", False, None),
        ("被许可方不得再许可第三方实施，但向其关联公司再许可的除外。", True, "affiliates"),
        ("被许可方不得分许可第三方实施，除非事先取得许可方书面同意。", True, "with_consent"),
        ("被许可方有权将本专利分许可给第三方，但应提前三十日书面通知许可方。", True, "any"),
        ("被许可方享有再许可权。", True, "any"),
        ("被许可方不享有再许可权。", False, None),
        ("被许可方对本专利无再许可权。", False, None),
        ("被许可方不得将本合同项下的权利转让或者再许可给第三方。", False, None),
        ("被许可方可以再许可，无需征得许可方同意。", True, "any"),
        ("被许可方可以分许可，但需经许可方书面同意。", True, "with_consent"),
    ],
)
def test_conditional_sublicensing(clause: str, allowed: bool, scope: str | None) -> None:
    text = (
        "专利实施许可合同\n合同编号：T-1\n许可方：东部理工大学\n被许可方：北方新材料股份有限公司\n"
        f"第一条 许可方以普通许可方式许可被许可方实施。\n第二条 {clause}\n签订日期：2025年1月2日\n"
    )
    contract = _contract(text)
    assert contract.sublicense_allowed is not None
    assert contract.sublicense_allowed.value is allowed
    assert (contract.sublicense_scope.value if contract.sublicense_scope else None) == scope


# ---- exports ------------------------------------------------------------------------------


def _csv_with_preamble() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["检索式：TI=(电池) AND PD>=2020"])
    writer.writerow(["导出时间：2025-01-01 10:00"])
    writer.writerow([])
    writer.writerow(
        [
            "序号",
            "公开（公告）号",
            "申请号",
            "标题",
            "申请（专利权）人",
            "优先权号",
            "优先权日",
            "引证专利",
            "被引证次数",
            "转让人",
            "受让人",
            "质押",
            "许可",
        ]
    )
    writer.writerow(
        [
            "1",
            "ＣＮ１１５０００００１Ａ",
            "01123456.7",
            "一种电池",
            "甲公司",
            "US63/042,117",
            "2020.06.19",
            "CN110000001A; CN110000002A",
            "５",
            "甲公司",
            "乙公司",
            "出质人：乙公司；质权人：丙银行",
            "独占许可；许可人：乙公司；被许可人：丁公司",
        ]
    )
    return "\ufeff" + out.getvalue()


def test_csv_export_with_a_preamble_and_event_columns(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(_csv_with_preamble(), encoding="utf-8")
    source = read_source(path)
    assert len(source.records) == 1
    record = validate(source.records[0], str(path), ColumnMap.load())
    assert isinstance(record, PatentRecord)
    assert record.priority_claims() == [("US63042117", "2020-06-19")]
    assert record.cited_by_count == 5
    assert [t.model_dump(by_alias=True) for t in record.transfers] == [
        {"from": ["甲公司"], "to": ["乙公司"]}
    ]
    assert [p.model_dump() for p in record.pledges] == [
        {"pledgors": ["乙公司"], "pledgees": ["丙银行"]}
    ]
    assert [lic.model_dump() for lic in record.licenses] == [
        {"licensors": ["乙公司"], "licensees": ["丁公司"], "type": "独占许可"}
    ]


def test_xlsx_export_on_its_second_sheet_with_a_merged_group_row(tmp_path: Path) -> None:
    workbook = Workbook()
    info = workbook.active
    assert info is not None
    info.title = "检索信息"
    info.append(["检索式", "TI=(电池)"])
    data = workbook.create_sheet("专利列表")
    data.append(["序号", "基本信息", None, None, "法律状态", "运营信息", None])
    data.append([None, "公开号", "申请号", "标题", None, "被引用专利", "被引用专利数量"])
    data.merge_cells("A1:A2")
    data.merge_cells("B1:D1")
    data.merge_cells("E1:E2")
    data.merge_cells("F1:G1")
    data.append([1, "CN115000001A", "CN202210000001.5", "一种电池", "有效", "CN116000001A", 3])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    source = read_source(path)
    assert [r.record for r in source.records] == [3]
    record = validate(source.records[0], str(path), ColumnMap.load())
    assert isinstance(record, PatentRecord)
    assert record.legal_status == "有效" and record.cited_by == ["CN116000001A"]
    assert record.cited_by_count == 3


def test_event_cells() -> None:
    assert pledges("出质人：甲公司、乙公司；质权人：丙银行") == [
        {"pledgors": ["甲公司", "乙公司"], "pledgees": ["丙银行"]}
    ]
    cell = "普通许可；许可人：甲公司；被许可人：乙公司 | 独占许可；许可人：甲公司；被许可人：丙公司"
    assert licenses(cell) == [
        {"licensors": ["甲公司"], "licensees": ["乙公司"], "type": "普通许可"},
        {"licensors": ["甲公司"], "licensees": ["丙公司"], "type": "独占许可"},
    ]


def test_export_events_reach_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(_csv_with_preamble(), encoding="utf-8")
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = ingest_paths([path], stores.graph, stores.index, tmp_path / "dead")
        assert report.records_loaded == 1
        patent = stores.graph.get_node(NodeLabel.PATENT, "CN115000001A")
        assert patent is not None
        assert patent.props["cited_by_count"] == 5
        assert patent.props["priority_numbers"] == ["US63042117"]
        assert patent.props["priority_dates"] == ["2020-06-19"]
        assert [json.loads(t) for t in patent.props["transfers"]] == [  # type: ignore[union-attr]
            {"from": ["甲公司"], "to": ["乙公司"]}
        ]
        cited = stores.graph.neighbours(EdgeType.CITES, "CN115000001A", Direction.OUT)
        assert sorted(n.id for n in cited) == ["CN110000001A", "CN110000002A"]
    finally:
        stores.close()


# ---- patent-text entities -----------------------------------------------------------------


def test_entities_beyond_the_gazetteer() -> None:
    text = (
        "该装置由发明人周建国、林晓梅在东海海洋装备研究院完成，委托Acme Robotics GmbH检测，"
        "费用为12万美元，主分类号为B63B 35/00；其中元素钴含量为5%。"
    )
    found = {
        (e.label, e.text)
        for e in extract_entities(load_pipeline(), {"text": text})
        if e.label in ("ORGANIZATION", "PERSON", "MONEY", "IPC")
    }
    assert found == {
        ("PERSON", "周建国"),
        ("PERSON", "林晓梅"),
        ("ORGANIZATION", "东海海洋装备研究院"),
        ("ORGANIZATION", "Acme Robotics GmbH"),
        ("MONEY", "12万美元"),
        ("IPC", "B63B 35/00"),
    }


def test_headers_naming_alternatives_and_lists_joined_by_bars() -> None:
    columns = ColumnMap.load()
    record, unmapped = columns.to_record(
        {
            "申请人/专利权人": "甲公司 | 乙大学",
            "发明人": "张三 | 李四",
            "法律状态/事件": "授权",
            "IPC分类": "C21D-001/18 | C22C-038/04",
        }
    )
    assert unmapped == []
    assert record["applicants"] == ["甲公司", "乙大学"]
    assert record["inventors"] == ["张三", "李四"]
    assert record["legal_status"] == "授权"
    assert record["ipc"] == ["C21D-001/18", "C22C-038/04"]


@pytest.mark.parametrize(
    ("clause", "allowed", "scope"),
    [
        ("除其关联公司外，被许可方不得再许可任何第三方。", True, "affiliates"),
        ("被许可方取得许可方书面同意后可以再许可第三方。", True, "with_consent"),
        ("被许可方无权将本合同项下的权利再许可给第三方。", False, None),
    ],
)
def test_more_ways_to_write_sublicensing(clause: str, allowed: bool, scope: str | None) -> None:
    test_conditional_sublicensing(clause, allowed, scope)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("技术转让（专利权）合同", "patent_transfer"),
        ("技术转让（专利申请权）合同", "application_transfer"),
        ("知识产权出资协议", "equity_contribution"),
        ("以专利权增资的协议", "equity_contribution"),
        ("专利授权契约", "patent_license"),
        ("專利權讓與契約書", "patent_transfer"),
    ],
)
def test_titles_of_the_model_contracts(title: str, kind: str) -> None:
    parties = "甲方：东部理工大学\n乙方：北方新材料股份有限公司\n"
    text = f"{title}\n合同编号：K-1\n{parties}第一条 略。\n"
    contract = _contract(text)
    assert contract.kind is not None and contract.kind.value == kind


def test_labelled_periods_numeric_dates_and_courts() -> None:
    text = (
        "专利实施许可合同\n合同编号：K-2\n许可方：东部理工大学\n被许可方：北方新材料股份有限公司\n"
        "第一条 许可期限：2024-01-01至2026-12-31。\n"
        "第二条 双方发生争议的，任何一方可诉至许可方所在地人民法院。\n"
        "签订日期：2023.12.20\n"
    )
    contract = _contract(text)
    assert contract.start_date is not None and contract.start_date.value == "2024-01-01"
    assert contract.end_date is not None and contract.end_date.value == "2026-12-31"
    assert contract.sign_date is not None and contract.sign_date.value == "2023-12-20"
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "许可方所在地人民法院"


def test_an_amendment_naming_its_original_after_the_title() -> None:
    text = (
        "补充协议\n协议编号：K-3-A\n出质人：北方新材料股份有限公司\n质权人：某某银行股份有限公司\n"
        "双方于2023年5月1日签订的《专利权质押合同》（合同编号：K-3），现补充如下：\n"
        "一、质押期限延长至2027年5月1日。\n签订日期：2024年5月1日\n"
    )
    contract = _contract(text)
    assert contract.amends is not None and contract.amends.value == "K-3"
    assert contract.end_date is not None and contract.end_date.value == "2027-05-01"
    assert [p.role.value for p in contract.parties] == ["pledgor", "pledgee"]


def test_an_amendment_moving_a_fee_from_an_old_to_a_new_value() -> None:
    text = (
        "《专利实施许可合同》补充协议\n协议编号：K-4-A\n原合同编号：K-4\n"
        "甲方：东部理工大学\n乙方：北方新材料股份有限公司\n"
        "一、许可使用费由人民币50万元调整为人民币80万元。\n签订日期：2024年6月1日\n"
    )
    contract = _contract(text)
    assert contract.amount is not None and contract.amount.value.amount == 800_000
    assert [p.role.value for p in contract.parties] == ["licensor", "licensee"]


def test_party_lines_in_a_table_and_a_person_with_details() -> None:
    text = (
        "专利申请权转让合同\n合同编号：K-5\n转让方\t王小明（男，身份证号：1101**********1234）\n"
        "受让方\t北方新材料股份有限公司\n第一条 转让申请号为202310000001.6的专利申请。\n"
    )
    contract = _contract(text)
    assert [(p.role.value, p.name, p.is_person) for p in contract.parties] == [
        ("transferor", "王小明", True),
        ("transferee", "北方新材料股份有限公司", False),
    ]


def test_priority_claims_of_a_front_page_keep_their_dates(tmp_path: Path) -> None:
    page = (
        Path(__file__).resolve().parents[1] / "ingest/samples/CN115000004A.sample.txt"
    ).read_text(encoding="utf-8")
    page = page.replace(
        "(22)申请日 2022.01.07\n",
        "(22)申请日 2022.01.07\n(30)优先权数据\n     US63/123,456 2021.02.03 US\n",
    )
    path = tmp_path / "CN115000004A.txt"
    path.write_text(page, encoding="utf-8")
    source = read_source(path, "txt")
    record = validate(source.records[0], str(path), ColumnMap.load())
    assert isinstance(record, PatentRecord)
    assert record.priority_claims() == [("US63123456", "2021-02-03")]


def test_instalments_stated_as_shares_of_the_price() -> None:
    text = (
        "专利权转让合同\n合同编号：K-6\n转让方：东部理工大学\n受让方：北方新材料股份有限公司\n"
        "第一条 转让价款为人民币200万元，分两期支付：\n"
        "（一）合同签订后十日内支付转让价款的40%；\n"
        "（二）专利权转移登记完成后三十日内支付转让价款的60%。\n"
    )
    contract = _contract(text)
    assert [(i.amount, i.due) for i in contract.instalments] == [
        (800_000, "合同签订后十日内"),
        (1_200_000, "专利权转移登记完成后三十日内"),
    ]


def test_chinese_document_numbers() -> None:
    text = (
        "专利权质押合同\n合同编号：建株质字（2023）第００８６号\n出质人：北方新材料股份有限公司\n"
        "质权人：某某银行股份有限公司\n第一条 略。\n"
    )
    assert _contract(text).id == "建株质字(2023)第0086号"


def test_names_below_their_label_and_clauses_written_loosely() -> None:
    text = (
        "技术秘密许可合同\n合同编号：K-7\n甲方（许可方）：\n名称：东部理工大学\n地址：某市某路1号\n"
        "乙方（被许可方）：\n名称：北方新材料股份有限公司\n"
        "第一条 有效期三年（2024年1月1日—2026年12月31日）。\n"
        "第二条 争议提交某市仲裁委员会，按照该会仲裁规则进行仲裁。\n"
        "签署日：2023年12月1日\n"
    )
    contract = _contract(text)
    assert [(p.role.value, p.name) for p in contract.parties] == [
        ("licensor", "东部理工大学"),
        ("licensee", "北方新材料股份有限公司"),
    ]
    assert contract.start_date is not None and contract.start_date.value == "2024-01-01"
    assert contract.end_date is not None and contract.end_date.value == "2026-12-31"
    assert contract.duration_months is not None and contract.duration_months.value == 36
    assert contract.dispute_forum is not None and contract.dispute_forum.value == "某市仲裁委员会"
    assert contract.sign_date is not None and contract.sign_date.value == "2023-12-01"


@pytest.mark.parametrize(
    ("clause", "allowed", "scope"),
    [("被许可方有权在征得许可方书面同意的前提下再许可第三方实施。", True, "with_consent")],
)
def test_consent_written_as_a_precondition(clause: str, allowed: bool, scope: str | None) -> None:
    test_conditional_sublicensing(clause, allowed, scope)


def test_equity_contribution_to_the_first_party() -> None:
    text = (
        "专利权出资协议\n协议编号：K-8\n甲方：南方装备集团有限公司\n乙方：东部理工大学\n"
        "第一条 乙方以其拥有的专利权向甲方出资，双方确认该专利权作价人民币500万元。\n"
        "第二条 出资完成后，乙方持有甲方10%的股权。\n"
    )
    contract = _contract(text)
    assert [(p.role.value, p.name) for p in contract.parties] == [
        ("investee", "南方装备集团有限公司"),
        ("contributor", "东部理工大学"),
    ]
    assert contract.receiving_company is not None
    assert contract.receiving_company.value == "南方装备集团有限公司"
    assert contract.equity_share is not None and contract.equity_share.value == 0.1
    assert contract.valuation is not None and contract.valuation.value.amount == 5_000_000


def test_letter_labels_spaced_out() -> None:
    text = (
        "合作开发合同\n合同编号：K-9\n甲　方：东部理工大学\n"
        "乙　方：北方新材料股份有限公司\n第一条 略。\n"
    )
    assert [(p.label, p.name) for p in _contract(text).parties] == [
        ("甲方", "东部理工大学"),
        ("乙方", "北方新材料股份有限公司"),
    ]


def _licence(clauses: str) -> ContractExtraction:
    return _contract(
        "专利实施许可合同\n合同编号：T-2\n许可方：东部理工大学\n被许可方：北方新材料股份有限公司\n"
        f"{clauses}签订日期：2025年1月2日\n"
    )


@pytest.mark.parametrize(
    ("clause", "territory"),
    [
        ("第一条 许可实施的地域范围限于中华人民共和国境内。\n", "中华人民共和国境内"),
        ("第一条 许可实施范围为亚太地区。\n", "亚太地区"),
        ("第一条 许可地域\t香港特别行政区\n", "香港特别行政区"),
        ("第一条 许可实施的地域范围：全球。\n", "全球"),
    ],
)
def test_territory_wordings(clause: str, territory: str) -> None:
    contract = _licence(clause)
    assert contract.territory is not None and contract.territory.value == territory


def test_a_field_of_use_is_not_a_territory() -> None:
    assert _licence("第一条 许可实施范围为制造、使用、销售。\n").territory is None


@pytest.mark.parametrize(
    ("clause", "start", "end", "months", "derived"),
    [
        ("第一条 许可期限为5年，自2023年9月1日起算。\n", "2023-09-01", "2028-08-31", 60, True),
        ("第一条 许可期限十年，自2025年1月1日起计算。\n", "2025-01-01", "2034-12-31", 120, True),
        (
            "第一条 本合同有效期从2024年9月1日开始，到2027年8月31日结束。\n",
            "2024-09-01",
            "2027-08-31",
            None,
            False,
        ),
        (
            "第一条 许可期限：2024年6月1日—2029年5月31日。\n",
            "2024-06-01",
            "2029-05-31",
            None,
            False,
        ),
        (
            "第一条 许可期限\t2024年10月1日至2027年9月30日\n",
            "2024-10-01",
            "2027-09-30",
            None,
            False,
        ),
        (
            "第一条 起始日期：2024年1月1日\n第二条 终止日期：2026年12月31日\n",
            "2024-01-01",
            "2026-12-31",
            None,
            False,
        ),
    ],
)
def test_term_wordings(
    clause: str, start: str, end: str, months: int | None, derived: bool
) -> None:
    contract = _licence(clause)
    assert contract.start_date is not None and contract.start_date.value == start
    assert contract.end_date is not None and contract.end_date.value == end
    assert contract.end_date.evidence.derived is derived
    assert (contract.duration_months.value if contract.duration_months else None) == months


@pytest.mark.parametrize(
    ("clause", "amount"),
    [
        ("第一条 任何一方违约的，应向守约方支付违约金人民币五十万元。\n", 500_000),
        ("第一条 违约金为转让价款总额的百分之十，即人民币叁拾万元。\n", 300_000),
        ("第一条 违约方应向守约方支付人民币一百万元作为违约金。\n", 1_000_000),
        ("第一条 违约金为乙方离职前十二个月工资总额的三倍。\n", None),
        ("第一条 每逾期一日按应付金额的万分之五支付违约金。\n", None),
    ],
)
def test_liquidated_damages_wordings(clause: str, amount: float | None) -> None:
    found = _licence(clause).liquidated_damages
    assert (found.value.amount if found else None) == amount


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (
            "许可使用费共计人民币六十万元，分两期支付：合同签订后七日内支付三十万元；"
            "余款三十万元于2024年12月31日前付清。",
            [(300_000, "合同签订后七日内"), (300_000, "2024年12月31日前")],
        ),
        (
            "许可使用费为人民币二百四十万元，分三期支付，每期人民币捌拾万元，分别于本合同生效后"
            "15日内、2025年10月15日前、2026年10月15日前支付。",
            [
                (800_000, "本合同生效后15日内"),
                (800_000, "2025年10月15日前"),
                (800_000, "2026年10月15日前"),
            ],
        ),
        (
            "许可使用费为人民币1500万元，分三期支付，见下表：\n期次\t付款条件\t金额（万元）\n"
            "第一期\t合同生效后20日内\t450\n第二期\t技术资料交付后15日内\t600\n"
            "第三期\t性能考核合格后30日内\t450",
            [
                (4_500_000, "合同生效后20日内"),
                (6_000_000, "技术资料交付后15日内"),
                (4_500_000, "性能考核合格后30日内"),
            ],
        ),
    ],
)
def test_instalment_wordings(schedule: str, expected: list[tuple[float, str]]) -> None:
    contract = _licence(f"第一条 {schedule}\n第二条 其他事项另行约定。\n")
    assert [(i.amount, i.due) for i in contract.instalments] == expected


@pytest.mark.parametrize(
    ("party_line", "name", "short"),
    [
        ("许可方：东部理工大学（下称「东理」）", "东部理工大学", "东理"),
        ("许可方：东部理工大学（以下简称“东理”）", "东部理工大学", "东理"),
        ("许可方：东部理工大学（简称：东理）", "东部理工大学", "东理"),
        ("许可方：东部理工大学（“东理”）", "东部理工大学", "东理"),
    ],
)
def test_short_names_are_not_part_of_the_name(party_line: str, name: str, short: str) -> None:
    contract = _contract(
        f"专利实施许可合同\n合同编号：T-3\n{party_line}\n被许可方：北方新材料股份有限公司\n"
        "第一条 许可方以普通许可方式许可被许可方实施。\n签订日期：2025年1月2日\n"
    )
    assert (contract.parties[0].name, contract.parties[0].short_name) == (name, short)


@pytest.mark.parametrize(
    ("clause", "start", "months"),
    [
        ("第一条 许可期限为三十六个月。\n", None, 36),
        ("第一条 本合同期限为叁年。\n", None, 36),
        ("第一条 质保期限为一年。\n", None, None),
        ("第一条 许可期限：自2024年1月1日至专利权期限届满之日止。\n", "2024-01-01", None),
    ],
)
def test_lengths_and_open_ended_terms(clause: str, start: str | None, months: int | None) -> None:
    contract = _licence(clause)
    assert (contract.start_date.value if contract.start_date else None) == start
    assert contract.end_date is None
    assert (contract.duration_months.value if contract.duration_months else None) == months


def test_a_territory_after_can_in() -> None:
    territory = _licence("第一条 被许可方可在中国境内实施本专利。\n").territory
    assert territory is not None and territory.value == "中国境内"


def test_numbered_party_labels_and_a_short_name_with_alternatives() -> None:
    contract = _contract(
        "知识产权作价出资协议\n协议编号：T-6\n出资方一：东部理工大学\n出资方二：北方投资有限公司\n"
        "目标公司：深圳先芯材料有限公司（以下简称“目标公司”或“公司”）\n"
        "第一条 出资方一以其专利作价人民币500万元向目标公司出资。\n签订日期：2025年1月2日\n"
    )
    assert [(p.role.value, p.name) for p in contract.parties] == [
        ("contributor", "东部理工大学"),
        ("contributor", "北方投资有限公司"),
        ("investee", "深圳先芯材料有限公司"),
    ]
    assert contract.receiving_company is not None
    assert contract.receiving_company.value == "深圳先芯材料有限公司"
