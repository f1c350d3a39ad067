"""Bulk export of search hits as NDJSON, CSV or XLSX, written row by row so that memory stays
constant whatever the number of hits (XLSX through openpyxl's write-only mode, spooled to a
temporary file, then streamed)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Generator, Iterable

from openpyxl import Workbook

from search.index.protocol import SearchHit

DEFAULT_EXPORT_FIELDS: tuple[str, ...] = (
    "title",
    "publication_number",
    "application_number",
    "applicants",
    "owners",
    "ipc",
    "kind",
    "legal_status",
    "country",
    "filing_date",
    "publication_date",
    "grant_date",
)
MEDIA_TYPES = {
    "ndjson": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_CHUNK = 64 * 1024
_ROWS_PER_CHUNK = 200


def _row(hit: SearchHit, fields: tuple[str, ...]) -> dict[str, object]:
    stored = hit.document.stored()
    return {"id": hit.id, **{name: stored.get(name) for name in fields}}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def ndjson(hits: Iterable[SearchHit], fields: tuple[str, ...]) -> Generator[bytes, None, None]:
    lines: list[str] = []
    for hit in hits:
        lines.append(json.dumps(_row(hit, fields), ensure_ascii=False))
        if len(lines) >= _ROWS_PER_CHUNK:
            yield ("\n".join(lines) + "\n").encode()
            lines = []
    if lines:
        yield ("\n".join(lines) + "\n").encode()


def csv_rows(hits: Iterable[SearchHit], fields: tuple[str, ...]) -> Generator[bytes, None, None]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # A byte-order mark, so that spreadsheet programs read the Chinese text as UTF-8.
    buffer.write("\ufeff")
    writer.writerow(["id", *fields])
    for count, hit in enumerate(hits, start=1):
        row = _row(hit, fields)
        writer.writerow([_cell(row[name]) for name in ("id", *fields)])
        if count % _ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def xlsx(hits: Iterable[SearchHit], fields: tuple[str, ...]) -> Generator[bytes, None, None]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("hits")
    sheet.append(["id", *fields])
    for hit in hits:
        row = _row(hit, fields)
        sheet.append([_cell(row[name]) for name in ("id", *fields)])
    with tempfile.TemporaryFile() as spool:
        workbook.save(spool)
        spool.seek(0)
        while chunk := spool.read(_CHUNK):
            yield chunk


WRITERS = {"ndjson": ndjson, "csv": csv_rows, "xlsx": xlsx}
