"""CSV/TSV, XLSX and XLS exports from patent databases: a header row, then one patent per row."""

from __future__ import annotations

import csv
import io
import itertools
import json
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers import export_layout
from ingest.readers.archive_guard import check_archive
from ingest.readers.legacy_excel import legacy_tables
from ingest.readers.source import Item, RawRecord
from ingest.readers.text_stream import DecodedLines

_DELIMITERS = ",\t;|"
# How much of the file's beginning is searched for the delimiter and the header: the first
# rows of any export, however long their cells, and a bound on what is held.
HEAD_CHARACTERS = 256 * 1024
_SNIFF_CHARACTERS = 8192
# A cell may hold a patent's whole description (说明书, 全文 columns): far beyond the csv
# module's default 128 K characters. The limit is process-wide; it is only ever raised.
FIELD_CHARACTERS = 64 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), FIELD_CHARACTERS))


def csv_rows(lines: DecodedLines, file: str) -> Iterator[Item]:
    """The rows of a CSV/TSV export as records, read line by line. The delimiter and the header
    (below any lines describing the search, see export_layout) are found in the first lines
    (`HEAD_CHARACTERS` at most), which are then read again as part of the file."""
    stream = iter(lines)
    head = _head_lines(stream)
    delimiter, layout = _csv_layout(head)
    reader = csv.reader(itertools.chain(head, stream), delimiter=delimiter)
    # An export may open with lines describing the search (export_layout): the header is the
    # row naming known columns, else the first row.
    skip = layout.index - layout.rows + 1 if layout else 0
    for _ in range(skip):
        _next_row(reader)
    header_rows = [_next_row(reader) for _ in range(layout.rows if layout else 1)]
    header = _header(layout.names if layout else header_rows[0], file)
    days_first = _csv_day_first(head, delimiter, skip + len(header_rows))
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a NUL byte, a cell past FIELD_CHARACTERS: this row only
            yield (
                Problem(ErrorCode.RECORD_INVALID, file, f"unreadable row: {exc}", record=start),
                "",
            )
            start = reader.line_num + 1
            continue
        while lines.problems:
            yield lines.problems.popleft()
        # a record's line is the one it starts on (a quoted cell may hold several lines)
        first_line, start = start, reader.line_num + 1
        if export_layout.is_data_row(header, row):
            yield _record(header, row, first_line, days_first)
    while lines.problems:
        yield lines.problems.popleft()


def _csv_day_first(head: list[str], delimiter: str, header_end: int) -> bool | None:
    """The date order of the data rows among the file's first lines."""
    reader = csv.reader(head, delimiter=delimiter)
    rows = [_next_row(reader) for _ in range(header_end + export_layout.DATE_ORDER_ROWS)]
    return export_layout.day_first(rows[header_end:])


def check_csv_header(lines: DecodedLines, file: str) -> None:
    """Raise the header's `IngestError` now, before any record is read."""
    head = _head_lines(iter(lines))
    delimiter, layout = _csv_layout(head)
    if layout is None:
        first = _next_row(csv.reader(head, delimiter=delimiter))
        _header(first, file)


def _next_row(reader: Iterator[list[str]]) -> list[str]:
    """The next row; an empty one past the end or for a row the csv module cannot read (that
    row is reported when the records are read)."""
    try:
        return next(reader, [])
    except csv.Error:
        return []


def _head_lines(lines: Iterator[str]) -> list[str]:
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= HEAD_CHARACTERS:
            break
    return head


def _sample_lines(head: list[str]) -> int:
    """How many of the first lines the delimiter sniffer's sample needs."""
    size = 0
    for count, line in enumerate(head, start=1):
        size += len(line)
        if size >= _SNIFF_CHARACTERS:
            return count
    return len(head)


def _csv_layout(head: list[str]) -> tuple[str, export_layout.HeaderLayout | None]:
    sample = "".join(itertools.islice(head, _sample_lines(head)))[:_SNIFF_CHARACTERS]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = "\t" if sample.count("\t") > sample.count(",") else ","
    best: tuple[str, export_layout.HeaderLayout | None] = (sniffed, None)
    for delimiter in dict.fromkeys((sniffed, *_DELIMITERS)):
        reader = csv.reader(head, delimiter=delimiter)
        rows = [_next_row(reader) for _ in range(export_layout.HEADER_SEARCH_ROWS)]
        layout = export_layout.find_header(rows)
        if layout is not None and (best[1] is None or layout.known > best[1].known):
            best = (delimiter, layout)
    # the delimiter under which a row names the most known columns, even in the first row: the
    # sniffer may be misled by cells full of commas or semicolons
    return best


def xlsx_rows(data: bytes, file: str) -> Iterator[RawRecord]:
    check_archive(data, file)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise IngestError(
            Problem(
                ErrorCode.SPREADSHEET_UNREADABLE,
                file,
                "not a readable .xlsx workbook (damaged, password-protected or another format)",
            )
        ) from exc
    try:
        sheets = [_sheet_rows(sheet) for sheet in workbook.worksheets]
        yield from _tables_records(sheets, file)
    finally:
        workbook.close()


def xls_rows(data: bytes, file: str) -> Iterator[RawRecord]:
    """A .xls export: an Excel 97-2003 workbook, or what vendors save under that name (an HTML
    table, tab-separated text), read like a workbook of its tables."""
    yield from _tables_records(legacy_tables(data, file), file)


Rows = Callable[[], Iterator[Sequence[Any]]]


def _sheet_rows(sheet: Any) -> Rows:
    # Workbooks written by other tools than Excel may state a wrong size (<dimension ref="A1">),
    # which a read-only sheet would trust and cut every row to: read what the sheet holds.
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    return lambda: sheet.iter_rows(values_only=True)


def _tables_records(tables: Sequence[Rows], file: str) -> Iterator[RawRecord]:
    for rows, layout in _data_sheets(tables):
        first_data = layout.index + 1 if layout else 1
        sample = itertools.islice(rows(), first_data, first_data + export_layout.DATE_ORDER_ROWS)
        days_first = export_layout.day_first(list(sample))
        yield from _sheet_records(rows(), layout, file, days_first)


def _sheet_records(
    rows: Iterator[Sequence[Any]],
    layout: export_layout.HeaderLayout | None,
    file: str,
    days_first: bool | None = None,
) -> Iterator[RawRecord]:
    header: list[str] | None = None
    for number, values in enumerate(rows, start=1):
        cells = ["" if v is None else v for v in values]
        if layout is not None and number <= layout.index + 1:
            if number == layout.index + 1:
                header = _header(layout.names, file)
            continue
        if not any(str(c).strip() for c in cells):
            continue
        if header is None:
            header = _header([str(c) for c in cells], file)
            continue
        if export_layout.is_data_row(header, cells):
            yield _record(header, cells, number, days_first)


def _data_sheets(tables: Sequence[Rows]) -> list[tuple[Rows, export_layout.HeaderLayout | None]]:
    """The sheet whose header names the most known columns (a workbook may hold a sheet
    describing the search or counting applicants beside the one with the patents), with the
    sheets whose header names the same columns (one table split by year or patent type, as
    ledgers are), in workbook order; the first sheet when no header is known."""
    found: list[tuple[Rows, export_layout.HeaderLayout]] = []
    for rows in tables:
        head = list(itertools.islice(rows(), export_layout.HEADER_SEARCH_ROWS))
        layout = export_layout.find_header(head)
        if layout is not None:
            found.append((rows, layout))
    if not found:
        return [(tables[0], None)] if tables else []
    best = max(found, key=lambda item: item[1].known)  # the first of equals
    columns = export_layout.known_columns(best[1].names)
    return [
        (rows, layout)
        for rows, layout in found
        if rows is best[0] or export_layout.known_columns(layout.names) == columns
    ]


def _header(cells: list[str], file: str) -> list[str]:
    header = [c.strip().lstrip("\ufeff") for c in cells]
    if not any(header):
        raise IngestError(
            Problem(ErrorCode.RECORD_INVALID, file, "the header row is empty", record=1)
        )
    return header


def _record(
    header: list[str], cells: list[Any], number: int, days_first: bool | None = None
) -> RawRecord:
    """One row under its header; year-last dates (05/07/2022) in ISO form by the file's date
    order (export_layout.day_first), which one row alone cannot tell; the raw text keeps
    the cells as written."""
    written: dict[str, Any] = {}
    for i, name in enumerate(header):
        value = cells[i] if i < len(cells) else None
        # a header printed twice (IPC beside IPC, a group name over its own column): the
        # first column with a value, as for columns that map to one field
        if name and (name not in written or written[name] in (None, "")):
            written[name] = value
    raw = json.dumps(written, ensure_ascii=False, default=str)
    data = {name: export_layout.with_date_order(v, days_first) for name, v in written.items()}
    return RawRecord(number, data, raw)
