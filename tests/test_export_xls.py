"""Exports saved as .xls: an Excel 97-2003 workbook (written here with xlwt), an HTML table
and tab-separated text under that name, and a damaged file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlwt

from ingest.errors import ErrorCode, IngestError
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.records import PatentRecord
from ingest.transform import validate


def _records(path: Path) -> list[PatentRecord]:
    source = read_source(path)
    records = [validate(raw, str(path), ColumnMap.load()) for raw in source.records]
    assert all(isinstance(r, PatentRecord) for r in records)
    return [r for r in records if isinstance(r, PatentRecord)]


def test_excel_97_workbook_with_a_search_sheet_first(tmp_path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    search = book.add_sheet("检索条件")
    search.write(0, 0, "检索式")
    search.write(0, 1, "申请人=(甲公司)")
    data = book.add_sheet("专利列表")
    data.write(0, 0, "专利检索结果（共1条）")
    header = ["序号", "名称", "申请号", "申请日", "公开（公告）号", "申请（专利权）人"]
    for column, name in enumerate(header):
        data.write(2, column, name)
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    data.write(3, 0, 1)
    data.write(3, 1, "一种阀门")
    data.write(3, 2, "202110000001.6")
    data.write(3, 3, dt.datetime(2021, 1, 4), dates)
    data.write(3, 4, "CN114000001A")
    data.write(3, 5, "甲公司；乙公司")
    data.write(5, 0, "合计：1条")
    path = tmp_path / "export.xls"
    book.save(str(path))
    source = read_source(path)
    assert [raw.record for raw in source.records] == [4]
    (record,) = _records(path)
    assert record.filing_date == dt.date(2021, 1, 4)
    assert record.applicants == ["甲公司", "乙公司"]


def test_an_html_table_saved_as_xls(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><td colspan='3'>专利检索结果</td></tr>"
        "<tr><th>公开号</th><th>标题</th><th>发明人</th></tr>"
        "<tr><td>CN114000002A</td><td>一种\n  泵</td><td>张三<br>李四</td></tr>"
        "</table></body></html>"
    )
    path = tmp_path / "export.xls"
    path.write_text(html, encoding="utf-8")
    (record,) = _records(path)
    assert record.title == "一种 泵"
    assert record.inventors == ["张三", "李四"]


def test_tab_separated_text_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes("公开号\t标题\t申请人\nCN114000003A\t一种阀\t甲公司\n".encode("gb18030"))
    (record,) = _records(path)
    assert record.applicants == ["甲公司"]


def test_a_damaged_xls_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(IngestError) as caught:
        read_source(path)
    assert caught.value.problem.code == ErrorCode.SPREADSHEET_UNREADABLE


def test_an_excel_2003_xml_workbook_saved_as_xls(tmp_path: Path) -> None:
    def cell(value: str, kind: str = "String") -> str:
        return f'<Cell><Data ss:Type="{kind}">{value}</Data></Cell>'

    header = "".join(cell(h) for h in ("公开（公告）号", "标题", "申请人", "申请日", "被引证次数"))
    row = (
        cell("CN114000004A") + cell("一种阀座") + cell("甲公司")
        + cell("2021-01-04T00:00:00.000", "DateTime") + cell("3", "Number")
    )
    path = tmp_path / "export.xls"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        f'<Worksheet ss:Name="专利"><Table><Row>{header}</Row><Row>{row}</Row></Table>'
        "</Worksheet></Workbook>",
        encoding="utf-8",
    )
    (record,) = _records(path)
    assert record.publication_number == "CN114000004A"
    assert record.filing_date == dt.date(2021, 1, 4)
    assert record.cited_by_count == 3
