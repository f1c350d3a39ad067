"""CSV/TSV and XLSX exports from patent databases: a header row, then one patent per row."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.archive_guard import check_archive
from ingest.readers.source import RawRecord

_DELIMITERS = ",\t;|"


def csv_rows(text: str, file: str) -> Iterator[RawRecord]:
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _header(next(reader, []), file)
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        yield _record(header, row, reader.line_num)


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
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header: list[str] | None = None
        for number, values in enumerate(rows, start=1):
            cells = ["" if v is None else v for v in values]
            if not any(str(c).strip() for c in cells):
                continue
            if header is None:
                header = _header([str(c) for c in cells], file)
                continue
            yield _record(header, cells, number)
    finally:
        workbook.close()


def _header(cells: list[str], file: str) -> list[str]:
    header = [c.strip().lstrip("\ufeff") for c in cells]
    if not any(header):
        raise IngestError(
            Problem(ErrorCode.RECORD_INVALID, file, "the header row is empty", record=1)
        )
    return header


def _record(header: list[str], cells: list[Any], number: int) -> RawRecord:
    data = {name: cells[i] if i < len(cells) else None for i, name in enumerate(header) if name}
    raw = json.dumps(data, ensure_ascii=False, default=str)
    return RawRecord(number, data, raw)
