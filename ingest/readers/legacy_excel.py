"""Exports saved as .xls: Excel 97-2003 workbooks (CNIPR, SooPAT, 专利之星 and many company
systems still write them), and what some databases save under that name, an HTML table, an
Excel 2003 XML workbook (SpreadsheetML) or tab-separated text. Each becomes a list of tables
(the workbook's sheets), each a list of rows, for the export reader (tabular.py) to find the
header and records in."""

from __future__ import annotations

import csv
import datetime as dt
import re
import struct
from collections.abc import Callable, Iterator, Sequence
from html.parser import HTMLParser
from typing import Any

import xlrd
import xlrd.compdoc
from defusedxml import ElementTree

from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?<(?:html|table|meta|head)\b", re.I
)
# Merged cells are spread over at most this many columns (a bound on a hostile colspan).
_MAX_SPAN = 200

Table = Callable[[], Iterator[Sequence[Any]]]


def legacy_tables(data: bytes, file: str) -> list[Table]:
    if data.startswith(_OLE2):
        return [_rows(rows) for rows in _workbook(data, file)]
    if _SPREADSHEET_ML.encode() in data[:4096]:
        return [_rows(rows) for rows in _spreadsheet_ml(data, file)]
    text, _encoding = decode(data, file)
    if _HTML.match(text[:4096]):
        return [_rows(rows) for rows in html_tables(text)]
    first = text.split("\n", 1)[0]
    delimiter = max("\t,;", key=first.count)
    return [_rows(list(csv.reader(text.splitlines(), delimiter=delimiter)))]


def _rows(rows: list[list[Any]]) -> Table:
    return lambda: iter(rows)


def _workbook(data: bytes, file: str) -> list[list[list[Any]]]:
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=False)
    except (
        xlrd.XLRDError,
        xlrd.compdoc.CompDocError,
        struct.error,
        ValueError,
        AssertionError,
        IndexError,
        KeyError,
    ) as exc:
        raise IngestError(
            Problem(
                ErrorCode.SPREADSHEET_UNREADABLE,
                file,
                "not a readable .xls workbook (damaged, password-protected or another format)",
            )
        ) from exc
    return [
        [
            [_cell(sheet.cell(r, c), book.datemode) for c in range(sheet.ncols)]
            for r in range(sheet.nrows)
        ]
        for sheet in book.sheets()
    ]


def _cell(cell: Any, datemode: int) -> Any:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell.value


class _TableParser(HTMLParser):
    """Every <table> as rows of cell texts; a cell spanning columns (colspan) leaves empty
    cells after it, as a merged Excel cell does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = min(int(span), _MAX_SPAN) if span.isdigit() and int(span) > 0 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row += ["".join(self._cell).strip(), *[""] * (self._span - 1)]
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(re.sub(r"\s+", " ", data))  # a line break is a <br>


def html_tables(text: str) -> list[list[list[str]]]:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    return [table for table in parser.tables if table]


# ---- Excel 2003 XML ----------------------------------------------------------------------------

_SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = {"ss": _SPREADSHEET_ML}


def _spreadsheet_ml(data: bytes, file: str) -> list[list[list[Any]]]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise IngestError(
            Problem(
                ErrorCode.SPREADSHEET_UNREADABLE,
                file,
                f"not a readable Excel 2003 XML workbook ({exc})",
            )
        ) from exc
    return [
        [_xml_row(row) for row in sheet.iterfind("ss:Table/ss:Row", _SS)]
        for sheet in root.iterfind("ss:Worksheet", _SS)
    ]


def _xml_row(row: Any) -> list[Any]:
    values: list[Any] = []
    for cell in row.iterfind("ss:Cell", _SS):
        index = cell.get(f"{{{_SPREADSHEET_ML}}}Index")  # a cell may skip empty columns
        if index and index.isdigit():
            values += [None] * min(int(index) - 1 - len(values), _MAX_SPAN)
        item = cell.find("ss:Data", _SS)
        text = "".join(item.itertext()) if item is not None else None
        values.append(_xml_value(text, item.get(f"{{{_SPREADSHEET_ML}}}Type") if item else None))
    return values


def _xml_value(text: str | None, kind: str | None) -> Any:
    if text is None:
        return None
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.rstrip("Z"))
        except ValueError:
            return text
    if kind == "Number" and re.fullmatch(r"-?\d+", text):
        return int(text)
    return text
