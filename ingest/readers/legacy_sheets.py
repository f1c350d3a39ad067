"""Spreadsheets saved as `.xls`, in the forms Chinese patent databases really write them: a
binary Excel 97-2003 workbook (BIFF8), an HTML table or an Excel 2003 XML (SpreadsheetML)
workbook with the .xls suffix, or plain delimited text named .xls. Each is turned into an .xlsx
workbook in memory, so that every export goes through one reader (header search, data sheet,
preamble lines, merged header rows: ingest/readers/tabular.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import struct
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

import xlrd
import xlrd.compdoc
from defusedxml import ElementTree
from openpyxl import Workbook

from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem

Sheet = tuple[str, list[list[Any]]]
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
# the characters openpyxl refuses in a cell (control characters a text export may carry)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xls_as_xlsx(data: bytes, file: str) -> bytes:
    """The workbook `data` holds, whatever its real form, as the bytes of an .xlsx file."""
    return _xlsx_bytes(_sheets(data, file))


def _sheets(data: bytes, file: str) -> list[Sheet]:
    if data.startswith(_OLE_MAGIC):
        return _binary_sheets(data, file)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") and _SPREADSHEET_ML.encode() in data[:4096]:
        return _spreadsheet_ml(data, file)
    if head.startswith((b"<", b"<!doctype")) and b"<table" in data.lower():
        return _html_tables(decode(data, file)[0])
    return [("Sheet1", _delimited(decode(data, file)[0]))]


def _unreadable(file: str, why: str) -> IngestError:
    return IngestError(Problem(ErrorCode.SPREADSHEET_UNREADABLE, file, why))


# ---- binary Excel 97-2003 ----------------------------------------------------------------------


# what xlrd raises on a damaged or foreign OLE file (it parses untrusted bytes by hand)
_BROKEN_BINARY = (
    xlrd.XLRDError,
    xlrd.compdoc.CompDocError,
    ValueError,
    IndexError,
    AssertionError,
    struct.error,
    UnicodeDecodeError,
)


def _binary_sheets(data: bytes, file: str) -> list[Sheet]:
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except _BROKEN_BINARY as exc:
        # xlrd reads BIFF only: an encrypted workbook or another OLE document (a .doc) lands here
        raise _unreadable(file, f"not a readable .xls workbook ({exc})") from exc
    try:
        return [
            (sheet.name, [_binary_row(book, sheet.row(r)) for r in range(sheet.nrows)])
            for sheet in (book.sheet_by_index(i) for i in range(book.nsheets))
        ]
    finally:
        book.release_resources()


def _binary_row(book: Any, cells: Iterable[Any]) -> list[Any]:
    row: list[Any] = []
    for cell in cells:
        if cell.ctype == xlrd.XL_CELL_DATE:
            # a date cell is a day count in the workbook's date system
            row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
        elif cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
            row.append(int(cell.value))  # 被引次数 3, not 3.0
        elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            row.append(None)
        else:
            row.append(cell.value)
    return row


# ---- HTML table named .xls ---------------------------------------------------------------------


class _TableParser(HTMLParser):
    """The rows of every <table>: cell text, <br> as a line break, colspan repeated empty."""

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
            self._cell, span = [], dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._row += [""] * (self._span - 1)
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _html_tables(text: str) -> list[Sheet]:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    return [(f"Sheet{i}", rows) for i, rows in enumerate(parser.tables, start=1) if rows]


# ---- Excel 2003 XML ------------------------------------------------------------------------------


def _spreadsheet_ml(data: bytes, file: str) -> list[Sheet]:
    namespace = {"ss": _SPREADSHEET_ML}
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise _unreadable(file, f"not a readable Excel 2003 XML workbook ({exc})") from exc
    sheets: list[Sheet] = []
    for sheet in root.iterfind("ss:Worksheet", namespace):
        rows = [_xml_row(row, namespace) for row in sheet.iterfind("ss:Table/ss:Row", namespace)]
        sheets.append((sheet.get(f"{{{_SPREADSHEET_ML}}}Name") or "Sheet", rows))
    return sheets


def _xml_row(row: Any, namespace: dict[str, str]) -> list[Any]:
    values: list[Any] = []
    for cell in row.iterfind("ss:Cell", namespace):
        index = cell.get(f"{{{_SPREADSHEET_ML}}}Index")  # a cell may skip empty columns
        if index and index.isdigit():
            values += [None] * (int(index) - 1 - len(values))
        item = cell.find("ss:Data", namespace)
        text = "".join(item.itertext()) if item is not None else None
        kind = item.get(f"{{{_SPREADSHEET_ML}}}Type") if item is not None else None
        values.append(_typed(text, kind))
    return values


def _typed(text: str | None, kind: str | None) -> Any:
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


# ---- delimited text named .xls -----------------------------------------------------------------


def _delimited(text: str) -> list[list[Any]]:
    lines = text.splitlines()
    sample = "\n".join(lines[:50])
    delimiter = max("\t,;|", key=sample.count)
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


# ---- the .xlsx the rest reads ------------------------------------------------------------------


def _xlsx_bytes(sheets: list[Sheet]) -> bytes:
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for index, (name, rows) in enumerate(sheets):
        # sheet titles: at most 31 characters, none of []:*?/\ and unique
        title = re.sub(r"[\[\]:*?/\\]", "_", name)[:28] or "Sheet"
        title = f"{title}{index}" if title in used else title
        used.add(title)
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([_ILLEGAL.sub("", v) if isinstance(v, str) else v for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
