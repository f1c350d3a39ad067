"""Exports saved as .xls, in every form the Chinese patent databases write: a binary Excel
97-2003 workbook, an HTML table, an Excel 2003 XML workbook, and tab-separated text named .xls.
Each reads like the same export as .xlsx: preamble lines skipped, the data sheet found, date
cells as dates, bad files refused with a coded error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlwt

from ingest.errors import IngestError
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.records import PatentRecord
from ingest.transform import validate

_HEADER = ["公开（公告）号", "申请号", "标题", "申请人", "申请日", "被引证次数"]
_ROWS = [
    ["CN113512379A", "CN202110587921.2", "一种防切割聚乙烯纤维的制备方法", "东岭新材料有限公司"],
    ["CN112345678B", "CN202010123456.7", "一种电池热管理系统", "南港能源科技有限公司；北方大学"],
]
_FILED = [dt.date(2021, 5, 26), dt.date(2020, 2, 18)]


def _records(path: Path) -> list[PatentRecord]:
    source = read_source(path)
    columns = ColumnMap.load()
    found = [validate(raw, source.path, columns) for raw in source.records]
    assert all(isinstance(r, PatentRecord) for r in found), found
    return [r for r in found if isinstance(r, PatentRecord)]


def _assert_the_two_patents(records: list[PatentRecord]) -> None:
    assert [r.publication_number for r in records] == ["CN113512379A", "CN112345678B"]
    assert [r.filing_date for r in records] == _FILED
    assert records[1].applicants == ["南港能源科技有限公司", "北方大学"]
    assert [r.cited_by_count for r in records] == [3, 0]


def test_a_binary_workbook_with_a_search_sheet_first(tmp_path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    about = book.add_sheet("检索信息")
    about.write(0, 0, "检索式：TI=(电池)")
    data = book.add_sheet("检索结果")
    data.write(0, 0, "数据库：中国专利")  # a preamble line above the header
    dates = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for column, name in enumerate(_HEADER):
        data.write(2, column, name)
    for row, (values, filed, cited) in enumerate(zip(_ROWS, _FILED, (3, 0), strict=True), start=3):
        for column, value in enumerate(values):
            data.write(row, column, value)
        data.write(row, 4, filed, dates)
        data.write(row, 5, cited)
    path = tmp_path / "incopat.xls"
    book.save(str(path))
    _assert_the_two_patents(_records(path))


def _html(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<html><head><meta charset='utf-8'></head><body><table>{body}</table></body></html>"


def test_an_html_table_named_xls(tmp_path: Path) -> None:
    rows = [_HEADER] + [
        [*values, filed.strftime("%Y.%m.%d"), str(cited)]
        for values, filed, cited in zip(_ROWS, _FILED, (3, 0), strict=True)
    ]
    path = tmp_path / "soopat.xls"
    path.write_text(_html(rows), encoding="utf-8")
    _assert_the_two_patents(_records(path))


def test_an_excel_2003_xml_workbook(tmp_path: Path) -> None:
    def cell(value: str, kind: str = "String") -> str:
        return f'<Cell><Data ss:Type="{kind}">{value}</Data></Cell>'

    rows = ["<Row>" + "".join(cell(h) for h in _HEADER) + "</Row>"]
    for values, filed, cited in zip(_ROWS, _FILED, (3, 0), strict=True):
        cells = "".join(cell(v) for v in values)
        cells += cell(f"{filed.isoformat()}T00:00:00.000", "DateTime") + cell(str(cited), "Number")
        rows.append(f"<Row>{cells}</Row>")
    path = tmp_path / "cnipr.xls"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        f'<Worksheet ss:Name="专利"><Table>{"".join(rows)}</Table></Worksheet></Workbook>',
        encoding="utf-8",
    )
    _assert_the_two_patents(_records(path))


def test_tab_separated_text_named_xls_in_gb18030(tmp_path: Path) -> None:
    lines = ["\t".join(_HEADER)] + [
        "\t".join([*values, filed.isoformat(), str(cited)])
        for values, filed, cited in zip(_ROWS, _FILED, (3, 0), strict=True)
    ]
    path = tmp_path / "export.xls"
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    _assert_the_two_patents(_records(path))


def test_another_ole_document_named_xls_is_refused_with_a_code(tmp_path: Path) -> None:
    path = tmp_path / "not_a_workbook.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    with pytest.raises(IngestError, match="INGEST_SPREADSHEET_UNREADABLE") as caught:
        read_source(path)
    assert str(path) in str(caught.value)
