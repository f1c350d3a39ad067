"""Analyst exports in the layouts of the vendors' real exports (Lens, Google Patents, Orbit,
CNIPR-style workbooks, company IP ledgers, European CSV): each table here is written for the
test, small, with the traps those exports have (preambles, kind codes in their own column,
two header rows, footers, multi-line cells, numbers and dates in every usual form)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from domain.numbers import parse_application_number, parse_publication_number
from ingest.errors import ErrorCode, Problem
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.records import PatentRecord
from ingest.transform import validate

COLUMNS = ColumnMap.load()


def _records(path: Path) -> tuple[list[PatentRecord], list[tuple[int, Problem]]]:
    source = read_source(path)
    records: list[PatentRecord] = []
    problems: list[tuple[int, Problem]] = []
    for raw in source.records:
        record = validate(raw, str(path), COLUMNS)
        if isinstance(record, PatentRecord):
            records.append(record)
        else:
            problems.append((raw.record, record))
    return records, problems


def canonical(number: str | None) -> str:
    return parse_publication_number(number or "").canonical


def application(number: str | None) -> str:
    return parse_application_number(number or "").canonical


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _claims(record: PatentRecord) -> list[tuple[str, str | None]]:
    return record.priority_claims()


# ---- Lens.org --------------------------------------------------------------------------------

LENS_HEADER = [
    "#",
    "Jurisdiction",
    "Kind",
    "Display Key",
    "Lens ID",
    "Publication Date",
    "Publication Year",
    "Application Number",
    "Application Date",
    "Priority Numbers",
    "Earliest Priority Date",
    "Title",
    "Applicants",
    "Inventors",
    "Owners",
    "Cites Patent Count",
    "Cited by Patent Count",
    "Simple Family Members",
    "IPCR Classifications",
    "CPC Classifications",
    "Legal Status",
    "Abstract",
]


def test_lens_csv(tmp_path: Path) -> None:
    rows = [
        LENS_HEADER,
        [
            "1",
            "CN",
            "A",
            "CN 114000001 A",
            "000-111-222-333-444",
            "2022-03-01",
            "2022",
            "CN 202110000001 A",
            "2021-09-15",
            "FI 20205678 A",
            "2020-09-16",
            "纤维浆料的处理方法",
            "NORDIC PULP OY;;ACME, INC.",
            "VIRTANEN MATTI;;KORHONEN ANNA",
            "",
            "7",
            "2",
            "US 2022/0112233 A1;;EP 3970001 A1",
            "D21C9/00;;D21C3/02",
            "D21C9/002;;Y02P70/10",
            "ACTIVE",
            "一种处理纤维浆料的方法。",
        ],
    ]
    path = tmp_path / "lens.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    (record,), problems = _records(path)
    assert problems == []
    assert canonical(record.publication_number) == "CN114000001A"
    assert application(record.application_number) == "CN202110000001.6"
    assert _claims(record) == [("FI20205678", "2020-09-16")]
    assert record.applicants == ["NORDIC PULP OY", "ACME, INC."]
    assert record.inventors == ["VIRTANEN MATTI", "KORHONEN ANNA"]
    assert record.current_owners == []
    assert record.cited_by_count == 2  # not the 7 patents it cites
    assert record.family == ["US 2022/0112233 A1", "EP 3970001 A1"]
    assert record.ipc == ["D21C9/00", "D21C3/02"]  # CPC only stands in when there is no IPC


def test_lens_number_split_into_jurisdiction_number_and_kind(tmp_path: Path) -> None:
    rows = [
        ["Jurisdiction", "Publication Number", "Kind", "Title", "Owners", "CPC Classifications"],
        ["CN", "114000002", "B", "一种阀门", "VALVE AB", "F16K1/22;;F16K27/02"],
    ]
    path = tmp_path / "lens.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    (record,), _ = _records(path)
    assert record.publication_number == "CN114000002B"
    assert record.current_owners == ["VALVE AB"]
    assert record.ipc == ["F16K1/22", "F16K27/02"]


# ---- Google Patents -------------------------------------------------------------------------


def test_google_patents_csv(tmp_path: Path) -> None:
    header = (
        "id,title,assignee,inventor/author,priority date,filing/creation date,"
        "publication date,grant date,result link,representative figure link"
    )
    lines = [
        "search URL:,https://patents.google.com/?assignee=Example&country=CN",
        header,
        'CN-114000003-B,一种显示面板,"Example Display Co., Ltd., Example GmbH",'
        '"Jürgen Weiß, Li Ming",2020-01-07,2021-01-06,2021-04-30,2022-06-10,'
        "https://patents.google.com/patent/CN114000003B/zh,",
        "CN-114000004-A,一种背光模组,Example Display Co. Ltd.,Li Ming,,2021-02-03,2021-05-07,,,",
    ]
    path = tmp_path / "gp.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (granted, pending), problems = _records(path)
    assert problems == []
    assert granted.publication_number == "CN-114000003-B"
    assert granted.applicants == ["Example Display Co., Ltd.", "Example GmbH"]
    assert granted.inventors == ["Jürgen Weiß", "Li Ming"]
    assert granted.filing_date == dt.date(2021, 1, 6)
    assert granted.publication_date == dt.date(2021, 4, 30)  # the date of the document in id
    assert _claims(granted) == []  # a priority date without its number is no claim
    assert pending.applicants == ["Example Display Co. Ltd."]


def test_a_row_counter_called_id_is_no_publication_number(tmp_path: Path) -> None:
    rows = [["id", "公开号", "标题"], ["1", "CN114000005A", "一种电池"]]
    path = tmp_path / "ids.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    (record,), _ = _records(path)
    assert record.publication_number == "CN114000005A"


# ---- Orbit ----------------------------------------------------------------------------------


def test_orbit_tsv_with_one_item_per_line_in_a_cell(tmp_path: Path) -> None:
    rows = [
        [
            "Publication number",
            "Title",
            "Application number",
            "Application date",
            "Priority numbers",
            "Priority dates",
            "Original assignee",
            "Current assignees",
            "Inventors",
            "IPC - International classification",
            "Cited by count",
        ],
        [
            "CN114000006 B",
            "一种传感器",
            "CN202110000006",
            "2021-01-04",
            "EP20150001\nUS16900002",
            "2020-01-06\n2020-06-15",
            "SENSE GMBH\nSENSE INC",
            "SENSE GMBH",
            "MEIER PAUL\nSMITH ANN",
            "G01D5/14\nG01D11/24",
            "4",
        ],
        [
            "CN114000007 A",
            "一种探头",
            "CN202110000007",
            "2021-01-05",
            "",
            "",
            "PROBE SA",
            "",
            "",
            "",
            "",
        ],
    ]
    path = tmp_path / "orbit.tsv"
    path.write_text("\ufeff" + _csv(rows, "\t"), encoding="utf-8")
    source = read_source(path)
    # a record's line is the one it starts on
    assert [raw.record for raw in source.records] == [2, 8]
    (first, second), _ = _records(path)
    assert _claims(first) == [("EP20150001", "2020-01-06"), ("US16900002", "2020-06-15")]
    assert first.applicants == ["SENSE GMBH", "SENSE INC"]
    assert first.current_owners == ["SENSE GMBH"]
    assert first.ipc == ["G01D5/14", "G01D11/24"]
    assert first.cited_by_count == 4
    assert second.applicants == ["PROBE SA"]


# ---- CNIPR-style workbook -------------------------------------------------------------------


def _cnipr_like(path: Path) -> None:
    workbook = Workbook()
    info = workbook.active
    assert info is not None
    info.title = "说明"
    info.append(["本文件由专利检索系统导出"])
    data = workbook.create_sheet("检索结果")
    data.append(["专利检索结果"])
    data.append(["检索表达式：申请人=(示例电网有限公司)"])
    data.append(["导出时间：2025-02-01 09:30"])
    data.append([])
    data.append(
        [
            "序号",
            "著录项目",
            None,
            None,
            None,
            None,
            None,
            "优先权信息",
            "法律信息",
            None,
            "运营信息",
        ]
    )
    data.append(
        [
            None,
            "申请号",
            "申请日",
            "公开（公告）号",
            "文献类型",
            "公开（公告）日",
            "名称",
            None,
            "法律状态",
            "法律事件",
            "权利转移",
        ]
    )
    data.merge_cells("A5:A6")
    data.merge_cells("B5:G5")
    data.merge_cells("H5:H6")
    data.merge_cells("I5:J5")
    data.append(
        [
            1,
            "2020111234569",
            dt.datetime(2020, 11, 2),
            "CN112000008",
            "B",
            dt.datetime(2021, 2, 5),
            "一种储能变流器",
            "CN201910000001.9 2019-11-05",
            "有权",
            "实质审查的生效；授权",
            "转让人：示例电网有限公司；受让人：示例储能有限公司；变更生效日：2022-03-01",
        ]
    )
    data.append(
        [
            2,
            "CN202010000002.6",
            "2020.01.02",
            "CN111000009",
            "发明公开",
            "20200620",
            "一种电网调度方法",
            None,
            "审中",
            None,
            None,
        ]
    )
    data.append([])
    data.append(["合计", "2条"])
    for row in data.iter_rows(min_row=5, max_row=8):
        row[1].number_format = "@"
    data["C7"].number_format = "yyyy-mm-dd"
    workbook.save(path)


def test_cnipr_like_workbook(tmp_path: Path) -> None:
    path = tmp_path / "cnipr.xlsx"
    _cnipr_like(path)
    source = read_source(path)
    assert [raw.record for raw in source.records] == [7, 8]  # no 合计, no empty row
    (first, second), problems = _records(path)
    assert problems == []
    assert first.application_number == "2020111234569"
    assert first.publication_number == "CN112000008B"
    assert first.filing_date == dt.date(2020, 11, 2)
    assert _claims(first) == [("CN201910000001.9", "2019-11-05")]
    assert first.legal_events == ["实质审查的生效", "授权"]
    assert [t.model_dump(by_alias=True) for t in first.transfers] == [
        {"from": ["示例电网有限公司"], "to": ["示例储能有限公司"]}
    ]
    assert second.publication_number == "CN111000009A"  # 文献类型 in words
    assert second.publication_date == dt.date(2020, 6, 20)


# ---- a company's IP ledger ------------------------------------------------------------------


def _ledger(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "专利台账"
    sheet.append(["某集团专利管理系统 专利台账"])
    sheet.append(["导出人：张三", None, "导出时间：2025-01-10"])
    sheet.append([])
    sheet.append(
        [
            "序号",
            "专利名称",
            "专利号",
            "申请日",
            "公告号",
            "授权公告日",
            "申请人",
            "专利权人",
            "发明人1",
            "发明人2",
            "专利类型",
            "年费金额（元）",
        ]
    )
    sheet.append(
        [
            1,
            "一种接地装置",
            "ZL 2019 2 0000003.3",
            "2019年4月26日",
            "CN２１００００００１U",
            44000,
            "甲电力公司；乙研究院",
            "甲电力公司",
            "李雷",
            "韩梅梅",
            "实用新型",
            900,
        ]
    )
    sheet.append(
        [
            2,
            "一种绝缘子",
            "ZL00123456.0",
            dt.datetime(2000, 3, 24),
            "CN1167432",
            "2004/12/31",
            "甲电力公司",
            None,
            "王五",
            None,
            "发明",
            1200,
        ]
    )
    sheet.append([])
    sheet.append([3, "一种巡检机器人", "202110000004", "2021.12.31", None, None, "甲电力公司"])
    sheet.append([4, "一种未编号的方法", None, "2022.01.05", None, None, "甲电力公司"])
    sheet.append(["合计", None, None, None, None, None, None, None, None, None, None, 2100])
    sheet.append(["注：本台账仅供内部使用"])
    workbook.save(path)


def test_company_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    _ledger(path)
    records, problems = _records(path)
    # the record without any number is the only problem: footers and totals are no records
    assert [(row, p.code) for row, p in problems] == [(9, ErrorCode.RECORD_MISSING_NUMBER)]
    first, second, third = records
    assert first.application_number == "ZL 2019 2 0000003.3"
    assert first.publication_number == "CN２１００００００１U"
    assert first.filing_date == dt.date(2019, 4, 26)
    assert first.publication_date == dt.date(2020, 6, 18)  # an Excel day count: 44000
    assert first.applicants == ["甲电力公司", "乙研究院"]
    assert first.current_owners == ["甲电力公司"]  # 专利权人 beside 申请人 is the owner
    assert first.inventors == ["李雷", "韩梅梅"]
    assert second.publication_number == "CN1167432"
    assert second.publication_date == dt.date(2004, 12, 31)  # the grant's date
    assert second.filing_date == dt.date(2000, 3, 24)
    assert third.application_number == "202110000004"
    assert third.publication_number is None and third.publication_date is None


def test_patentee_alone_is_the_applicant() -> None:
    record, _ = COLUMNS.to_record({"公开号": "CN114000010A", "专利权人": "甲公司；乙公司"})
    assert record["applicants"] == ["甲公司", "乙公司"] and "current_owners" not in record


# ---- European CSV, other encodings ----------------------------------------------------------


def test_semicolon_csv_in_utf16_with_day_first_dates(tmp_path: Path) -> None:
    rows = [
        ["Publication Number", "Title", "Applicants", "Application Date", "Publication Date"],
        ["CN114000011A", "Ein Verfahren", "Beispiel AG, Muster GmbH", "12.05.2021", "May 3, 2022"],
    ]
    path = tmp_path / "eu.csv"
    path.write_bytes(_csv(rows, ";").encode("utf-16"))
    (record,), _ = _records(path)
    assert record.applicants == ["Beispiel AG", "Muster GmbH"]
    assert record.filing_date == dt.date(2021, 5, 12)
    assert record.publication_date == dt.date(2022, 5, 3)


def test_gbk_export_with_preamble_combined_priorities_and_a_footer(tmp_path: Path) -> None:
    lines = [
        "专利检索结果导出",
        "检索表达式：名称=(洗衣机)",
        "共2条",
        "",
        "序号,名称,申请号,申请日,公开（公告）号,公开（公告）日,申请（专利权）人,发明（设计）人,优先权",
        "1,一种洗衣机,202010000012.X,20200105,CN111000013A,20200512,甲电器有限公司,张三；李四,"
        "JP2019-012345 2019.02.01 CN201910000002.3 2019.03.04",
        "2,一种干衣机,,,,,乙电器有限公司,王五,",
        "本数据由某专利数据库提供，导出完成，共2条记录。",
    ]
    path = tmp_path / "export.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    records, problems = _records(path)
    assert len(records) == 1
    assert _claims(records[0]) == [
        ("JP2019012345", "2019-02-01"),
        ("CN201910000002.3", "2019-03-04"),
    ]
    # the row that is a record without numbers keeps its coded problem; the footer is no record
    assert [(row, p.code) for row, p in problems] == [(7, ErrorCode.RECORD_MISSING_NUMBER)]


# ---- headers --------------------------------------------------------------------------------


def test_a_header_split_into_parts_on_the_row_below(tmp_path: Path) -> None:
    rows = [
        ["公开号", "申请号", "名称", "优先权", "", "申请人", ""],
        ["", "", "", "号", "日", "名称", "地址"],
        [
            "CN114000014A",
            "202110000014.3",
            "一种泵",
            "US16/123,456",
            "2020-02-02",
            "甲公司",
            "北京市，海淀区",
        ],
    ]
    path = tmp_path / "split.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    (record,), _ = _records(path)
    assert _claims(record) == [("US16123456", "2020-02-02")]
    assert record.applicants == ["甲公司"]
    assert record.applicant_addresses == ["北京市，海淀区"]  # an address is no list of names


def test_a_header_repeated_on_every_page_and_a_second_language_row(tmp_path: Path) -> None:
    header = ["公开号", "标题", "申请人"]
    rows = [
        header,
        ["Publication No.", "Title", "Applicant"],
        ["CN114000015A", "一种阀", "甲公司"],
        header,
        ["CN114000016A", "一种泵", "乙公司"],
    ]
    path = tmp_path / "pages.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    records, problems = _records(path)
    assert [r.publication_number for r in records] == ["CN114000015A", "CN114000016A"]
    assert problems == []


def test_headers_of_the_vendors() -> None:
    expected: dict[str, Any] = {
        "公开(公告)号": "publication_number",
        "文献号": "publication_number",
        "Display Key": "publication_number",
        "显示号": "publication_number",
        "专利号": "application_number",
        "申請號": "application_number",
        "*申请号": "application_number",
        "文献类型": "kind_code",
        "Kind": "kind_code",
        "Jurisdiction": "country_code",
        "当前权利人": "current_owners",
        "专利权人（当前）": "current_owners",
        "Current Assignees": "current_owners",
        "Owners": "current_owners",
        "Original Assignee": "applicants",
        "Assignee/Applicant": "applicants",
        "inventor/author": "inventors",
        "发明人/设计人": "inventors",
        "IPCR分类号": "ipc",
        "IPC - International classification": "ipc",
        "filing/creation date": "filing_date",
        "priority date": "priority_dates",
        "Earliest Priority Date": "priority_dates",
        "Priority Numbers": "priority",
        "优先权信息": "priority",
        "被引次数": "cited_by_count",
        "被引专利数": "cited_by_count",
        "Cited by Patent Count": "cited_by_count",
        "Cites Patent Count": None,
        "引用专利数": None,
        "权利转移": "transfers",
        "公开(公告)号\nPublication No.": "publication_number",
        "序号": None,
    }
    assert {header: COLUMNS.field_of(header) for header in expected} == expected


def test_weak_columns_yield_to_strong_ones() -> None:
    record, _ = COLUMNS.to_record(
        {"CPC": "G06F16/3344", "IPC": "G06F16/33", "公开号": "CN114000017A"}
    )
    assert record["ipc"] == ["G06F16/33"]
    record, _ = COLUMNS.to_record({"CPC": "G06F16/3344", "公开号": "CN114000017A"})
    assert record["ipc"] == ["G06F16/3344"]


def test_placeholders_in_number_columns_are_no_numbers() -> None:
    record, _ = COLUMNS.to_record({"公告号": "暂无", "申请号": "202110000018.1", "标题": "x"})
    assert "publication_number" not in record
    assert record["application_number"] == "202110000018.1"


def test_excel_float_numbers_and_counts() -> None:
    record, _ = COLUMNS.to_record(
        {"申请号": 2020111234569.0, "被引用次数": 5.0, "申请日": 44328, "标题": "x"}
    )
    assert record["application_number"] == "2020111234569"
    assert record["cited_by_count"] == 5
    assert record["filing_date"] == "2021-05-12"


def test_a_whole_description_in_a_cell(tmp_path: Path) -> None:
    rows = [["公开号", "标题", "说明书"], ["CN114000019A", "一种阀", "很长" * 100_000]]
    rows.append(["CN114000020A", "一种泵", "短"])
    path = tmp_path / "full_text.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    records, problems = _records(path)
    assert [len(r.description) for r in records] == [200_000, 1] and problems == []


def test_a_row_the_csv_module_cannot_read_is_a_coded_problem(tmp_path: Path) -> None:
    rows = [["公开号", "标题", "说明书"], ["CN114000021A", "一种阀", "x" * 5000]]
    rows.append(["CN114000022A", "一种泵", "短"])
    path = tmp_path / "limit.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    before = csv.field_size_limit(1000)  # a cell past the limit, as past FIELD_CHARACTERS
    try:
        source = read_source(path)
        assert [raw.record for raw in source.records] == [3]
        assert [(p.code, p.record) for p, _ in source.problems] == [(ErrorCode.RECORD_INVALID, 2)]
    finally:
        csv.field_size_limit(before)


def test_a_workbook_stating_a_wrong_size(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["公开号", "标题", "申请人"])
    sheet.append(["CN114000023A", "一种阀", "甲公司"])
    written = io.BytesIO()
    workbook.save(written)
    # as some export tools write it: the sheet says it is one cell large
    out = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            target.writestr(item, data)
    path = tmp_path / "sized.xlsx"
    path.write_bytes(out.getvalue())
    (record,), _ = _records(path)
    assert record.applicants == ["甲公司"]


def test_a_header_printed_twice_keeps_the_first_value(tmp_path: Path) -> None:
    rows = [["公开号", "标题", "申请人", "申请人"], ["CN114000024A", "一种阀", "甲公司", "ACME"]]
    rows.append(["CN114000025A", "一种泵", "", "乙公司"])
    path = tmp_path / "twice.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    records, _ = _records(path)
    assert [r.applicants for r in records] == [["甲公司"], ["乙公司"]]


# ---- Espacenet result list, CNKI, a law firm's docket, a transfer office's list ---------------


def _espacenet_csv(dates: tuple[str, str]) -> str:
    """Espacenet's result list: BOM, `;`, a preamble with doubled quotes, one name per line
    inside quoted cells, the residence country after each name, dates with the year last."""
    lines = [
        "Espacenet - Result list",
        '"Query: pa = ""EXAMPLE"""',
        "Date: 01/12/2026",
        "",
        "No;Title;Inventors;Applicants;Publication number;Earliest priority;IPC;Publication date",
        '1;Ein Ventil;"MEIER ANNA [DE]\nSCHULZ JAN [DE]";EXAMPLE GMBH [DE];CN114000101A;'
        f'{dates[0]};"F16K1/22\nF16K31/06";{dates[1]}',
        '2;Eine Pumpe;"SMITH JOHN [US]";"EXAMPLE GMBH [DE]\nACME, INC. [US]";CN114000102B;;'
        "F04B1/00;05/07/2022",
    ]
    return "\ufeff" + "\n".join(lines) + "\n"


def test_espacenet_result_list_is_day_first_when_a_day_tells(tmp_path: Path) -> None:
    path = tmp_path / "espacenet.csv"
    path.write_text(_espacenet_csv(("31/08/2018", "30/03/2021")), encoding="utf-8")
    (first, second), problems = _records(path)
    assert problems == []
    assert first.inventors == ["MEIER ANNA", "SCHULZ JAN"]
    assert first.applicants == ["EXAMPLE GMBH"]
    assert first.ipc == ["F16K1/22", "F16K31/06"]
    assert first.publication_date == dt.date(2021, 3, 30)
    assert second.applicants == ["EXAMPLE GMBH", "ACME, INC."]
    assert second.publication_date == dt.date(2022, 7, 5)  # day first like the file


def test_year_last_dates_stay_month_first_when_the_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "us.csv"
    path.write_text(_espacenet_csv(("08/31/2018", "03/30/2021")), encoding="utf-8")
    (_first, second), _ = _records(path)
    assert second.publication_date == dt.date(2022, 5, 7)


def test_cnki_bilingual_headers_in_gb18030_tsv(tmp_path: Path) -> None:
    rows = [
        ["SrcDatabase-来源库", "Title-题名", "Applicant-申请人", "Inventor-发明人",
         "ApplyDate-申请日", "ApplyNum-申请号", "PubNo-公开号", "PubTime-公开日",
         "MainClass-主分类号", "Class-分类号", "Summary-摘要", "CountryCode-国省代码"],
        ["专利", "一种清洗剂", "甲化工有限公司;", "张三;李四;", "2020-07-27", "CN202110523467",
         "CN114000103A", "2020-10-27", "C11D1/83", "C11D1/72;C11D1/83", "", "33"],
    ]  # fmt: skip
    path = tmp_path / "cnki.tsv"
    path.write_bytes(_csv(rows, "\t").encode("gb18030"))
    (record,), problems = _records(path)
    assert problems == []
    assert record.title == "一种清洗剂"
    assert record.applicants == ["甲化工有限公司"]  # the closing `;` opens no empty item
    assert record.inventors == ["张三", "李四"]
    assert application(record.application_number) == "CN202110523467.4"
    assert record.ipc == ["C11D1/83", "C11D1/72"]
    assert not record.abstract
    assert record.publication_date == dt.date(2020, 10, 27)


def test_law_firm_docket_with_hidden_counter_and_official_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "案卷台账"
    sheet.append([None, "某知识产权代理有限公司 案卷台账"])
    sheet.append([None, "客户：示例集团"])
    sheet.append([])
    sheet.append(["序号", "案卷信息", None, "官方信息", None, None, "著录信息", None, "案件状态"])
    sheet.append([None, "案卷号", "客户案号", "官方文号", "申请日", "公开（公告）号", "发明名称",
                  "申请人", None])  # fmt: skip
    for merged in ("A4:A5", "B4:C4", "D4:F4", "G4:H4", "I4:I5"):
        sheet.merge_cells(merged)
    sheet.column_dimensions["A"].hidden = True
    sheet.append([1, "XY21-0001", "C-2021-7", "2021 1 0234681.8", dt.datetime(2021, 3, 5),
                  "ＣＮ１１４０００１０４Ａ", "一种加热器", "甲电器有限公司、乙集团股份有限公司",
                  "实审中"])  # fmt: skip
    sheet.append([])
    sheet.append([2, "XY20-0002", "C-2020-9", "2020101098248", "2020年2月21日",
                  "CN 114000105 B", "一种控制器", "丙电器有限公司", "已授权"])  # fmt: skip
    sheet.append(["合计", "2件"])
    sheet.append(["注：官方文号即国家知识产权局申请号"])
    path = tmp_path / "docket.xlsx"
    workbook.save(path)
    (first, second), problems = _records(path)
    assert problems == []
    assert application(first.application_number) == "CN202110234681.8"
    assert canonical(first.publication_number) == "CN114000104A"
    assert first.applicants == ["甲电器有限公司", "乙集团股份有限公司"]
    assert first.legal_status == "实审中"
    assert application(second.application_number) == "CN202010109824.8"
    assert second.filing_date == dt.date(2020, 2, 21)


def test_transfer_list_whose_operation_decides_transfer_or_licence(tmp_path: Path) -> None:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["转化方式填写：转让、独占许可、排他许可、普通许可、作价入股"])
    data = workbook.create_sheet("转化清单")
    data.append(["某大学专利转化清单"])
    data.append(["填报单位：技术转移中心"])
    data.append([])
    data.append(["序号", "专利名称", "专利号", "授权公告号", "转化方式", "转让人/许可人",
                 "受让人/被许可人", "合同金额（万元）"])  # fmt: skip
    data.append([1, "一种分子筛", "ZL201810276413.0", "CN114000106B", "排他许可", "甲大学",
                 "乙公司", 30])  # fmt: skip
    data.append([2, "一种碳材料", "ＺＬ２０２０１０５５７８９１．６", "CN114000107B", "作价入股",
                 "甲大学；丙医院", "丁公司、戊公司", 500])  # fmt: skip
    data.append(["合计", None, None, None, None, None, None, 530])
    path = tmp_path / "transfer.xlsx"
    workbook.save(path)
    (licensed, contributed), problems = _records(path)
    assert problems == []
    assert licensed.transfers == []
    assert [lic.model_dump() for lic in licensed.licenses] == [
        {"licensors": ["甲大学"], "licensees": ["乙公司"], "type": "排他许可"}
    ]
    assert contributed.licenses == []
    assert [t.model_dump(by_alias=True) for t in contributed.transfers] == [
        {"from": ["甲大学", "丙医院"], "to": ["丁公司", "戊公司"]}
    ]
    assert application(contributed.application_number) == "CN202010557891.6"


# ---- WIPO-style result lists, grant lists, ledgers with prose operation cells ---------------


def test_wipo_style_list_day_first_priorities_and_surname_first_names(tmp_path: Path) -> None:
    rows = [
        ["Application Id", "Country", "Application Number", "Application Date",
         "Publication Number", "Kind", "Publication Date", "Title", "Applicants", "Inventors",
         "Priorities Data"],
        ["CN900000001", "CN", "202180012345", "03.02.2021", "114000021", "A", "09.07.2021",
         "一种过滤膜", "ACME HOLDINGS CAYMAN, L.P.\nBETA CO., LTD.",
         "DE LA CRUZ, Maria; O'NEIL, Sean-Paul; WANG WEI, LI NA",
         "63/123,456 05.02.2020 US; 2020-054321 24.03.2020 JP"],
    ]  # fmt: skip
    path = tmp_path / "wipo.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    (record,), problems = _records(path)
    assert problems == []
    # the internal id is read only when no real application number is exported
    assert application(record.application_number) == application("202180012345")
    assert record.applicants == ["ACME HOLDINGS CAYMAN, L.P.", "BETA CO., LTD."]
    assert record.inventors == ["DE LA CRUZ, Maria", "O'NEIL, Sean-Paul", "WANG WEI", "LI NA"]
    assert _claims(record) == [("US63123456", "2020-02-05"), ("JP2020054321", "2020-03-24")]


def test_an_id_column_is_the_application_number_only_when_alone() -> None:
    record, _ = COLUMNS.to_record({"Application Id": "202110000123", "Title": "x"})
    assert record["application_number"] == "202110000123"


def test_bare_patentee_of_a_grant_list_is_the_current_owner() -> None:
    granted, _ = COLUMNS.to_record({"授权公告号": "CN 114000030 B", "专利权人": "甲公司；乙大学"})
    assert granted["current_owners"] == ["甲公司", "乙大学"] and "applicants" not in granted
    # a list of publications (公开号), even of a utility model, names its applicants so
    listed, _ = COLUMNS.to_record({"公开号": "CN216000031U", "专利权人": "丙公司"})
    assert listed["applicants"] == ["丙公司"] and "current_owners" not in listed
    # with a 申请人 column the patentee is the current owner whatever the list
    both, _ = COLUMNS.to_record({"授权公告号": "CN114000032B", "申请人": "丁", "专利权人": "戊"})
    assert (both["applicants"], both["current_owners"]) == (["丁"], ["戊"])
    # 申请/专利权人 names both roles: the applicant
    joint, _ = COLUMNS.to_record({"授权公告号": "CN114000033B", "申请/专利权人": "己"})
    assert joint["applicants"] == ["己"]


def test_english_event_cells_and_assignee_beside_assignor() -> None:
    record, _ = COLUMNS.to_record(
        {
            "Publication No.": "CN114000040B",
            "Applicant": "甲公司",
            "Assignor": "甲公司 | 乙公司",
            "Assignee": "丙公司",
            "Pledge": "Pledgor: 丙公司; Pledgee: 丁银行股份有限公司某支行; "
            "Registration Date: 2023-01-05",
            "License": "Licensor: 丙公司; Licensee: 戊公司; Type: Exclusive License; "
            "Record Date: 2023-02-01",
        }
    )
    assert record["applicants"] == ["甲公司"]
    assert record["transfers"] == [{"from": ["甲公司", "乙公司"], "to": ["丙公司"]}]
    assert record["pledges"] == [{"pledgors": ["丙公司"], "pledgees": ["丁银行股份有限公司某支行"]}]
    assert record["licenses"] == [
        {"licensors": ["丙公司"], "licensees": ["戊公司"], "type": "Exclusive License"}
    ]
    # without an Assignor column, an Assignee column is the applicant (US usage, Google)
    alone, _ = COLUMNS.to_record({"Publication No.": "CN114000041A", "Assignee": "己公司"})
    assert alone["applicants"] == ["己公司"] and "transfers" not in alone


def test_a_register_lists_its_parties_one_per_line(tmp_path: Path) -> None:
    rows = [
        ["专利号", "专利名称", "许可方（卖方）", "被许可方（买方）", "许可方式"],
        ["ZL202010000050.1", "一种阀门", "甲大学\n乙大学", "丙公司", "独占实施许可"],
        ["ZL202010000051.X", "一种泵", "丁公司", "戊公司\n己公司", "普通实施许可"],
    ]
    path = tmp_path / "licences.tsv"
    path.write_bytes(_csv(rows, delimiter="\t").encode("gb18030"))
    (first, second), problems = _records(path)
    assert problems == []
    assert [(lic.licensors, lic.licensees, lic.type) for lic in first.licenses] == [
        (["甲大学", "乙大学"], ["丙公司"], "独占实施许可")
    ]
    assert second.licenses[0].licensees == ["戊公司", "己公司"]


def test_a_ledger_prose_operation_cell() -> None:
    def events(cell: str) -> dict[str, Any]:
        record, _ = COLUMNS.to_record({"授权公告号": "CN114000060B", "运营情况": cell})
        return {k: record.get(k) for k in ("transfers", "pledges", "licenses")}

    moved = events("转让：转让人甲研究院→受让人乙有限公司（2021-06-18）")
    assert moved == {
        "transfers": [{"from": ["甲研究院"], "to": ["乙有限公司"]}],
        "pledges": None,
        "licenses": None,
    }
    assert events("质押：出质人丙公司，质权人丁银行")["pledges"] == [
        {"pledgors": ["丙公司"], "pledgees": ["丁银行"]}
    ]
    assert events("许可（普通许可）：许可人戊公司，被许可人己公司、庚公司")["licenses"] == [
        {"licensors": ["戊公司"], "licensees": ["己公司", "庚公司"], "type": "普通许可"}
    ]
    both = events("转让：甲公司→乙公司；质押：出质人乙公司，质权人丙银行")
    assert both["transfers"] == [{"from": ["甲公司"], "to": ["乙公司"]}]
    assert both["pledges"] == [{"pledgors": ["乙公司"], "pledgees": ["丙银行"]}]
    assert events("无") == {"transfers": None, "pledges": None, "licenses": None}
