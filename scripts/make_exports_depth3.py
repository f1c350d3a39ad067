"""Write the third blind export set (tests/gold/exports_depth3) from its UTF-8 sources, so the
committed XLSX, CSV and TSV files can be reproduced byte for byte.

    python3 scripts/make_exports_depth3.py

tests/gold/exports_depth3/source/<name>.json holds the file name, how it is written (`output`:
xlsx, or delimited text with its encoding, BOM and delimiter) and its sheets (preamble lines or
preamble rows, header rows, merged ranges, hidden columns, rows). A cell `{"date": ISO,
"number_format": ...}` is an Excel date cell; an empty row list is an empty row. After writing,
every gold record's row is read back and must hold that record's title (and, for delimited
files, the row before it must not): the hand-placed rows of tests/gold/exports_depth3.json are
checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "gold" / "exports_depth3"
GOLD = ROOT / "tests" / "gold" / "exports_depth3.json"
FIXED_TIME = datetime(2026, 11, 21, 9, 30, 0)


def lines_of(sheet: dict[str, Any]) -> list[list[Any]]:
    """The sheet's rows top to bottom: preamble, header rows, data (and what follows it)."""
    preamble: list[list[Any]] = [[p] for p in sheet.get("preamble", [])]
    preamble += sheet.get("preamble_rows", [])
    header: list[list[Any]] = sheet["header"]
    rows: list[list[Any]] = sheet["rows"]
    return preamble + header + rows


def cell_value(cell: Any) -> Any:
    if isinstance(cell, dict):
        return date.fromisoformat(cell["date"])
    return cell


def fix_zip_times(target: Path) -> None:
    """Rewrite the zip with one fixed timestamp per member, so reruns are byte-identical.

    openpyxl stamps dcterms:modified with the clock at save time; it is set back to FIXED_TIME.
    """
    with zipfile.ZipFile(target) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    modified = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(<)")
    members = [
        (name, modified.sub(rb"\g<1>" + stamp + rb"\g<2>", payload))
        if name == "docProps/core.xml" else (name, payload)
        for name, payload in members
    ]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, payload in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            out.writestr(info, payload)


def write_xlsx(sheets: list[dict[str, Any]], target: Path) -> None:
    book = Workbook()
    book.remove(book.worksheets[0])
    for spec in sheets:
        sheet = book.create_sheet(spec["name"])
        for row_index, row in enumerate(lines_of(spec), 1):
            for col_index, cell in enumerate(row, 1):
                if cell == "" or cell is None:
                    continue  # an empty cell stays empty, as an exporter leaves it
                written = sheet.cell(row=row_index, column=col_index, value=cell_value(cell))
                if isinstance(cell, dict):
                    written.number_format = cell["number_format"]
        for cell_range in spec.get("merged", []):
            sheet.merge_cells(cell_range)
        for column in spec.get("hidden_columns", []):
            sheet.column_dimensions[column].hidden = True
    book.properties.creator = "export"
    book.properties.created = book.properties.modified = FIXED_TIME
    book.save(str(target))
    fix_zip_times(target)


def write_delimited(sheet: dict[str, Any], target: Path, output: dict[str, Any]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=output["delimiter"], lineterminator="\r\n")
    for row in lines_of(sheet):
        if not any(cell != "" for cell in row):
            buffer.write("\r\n")  # a blank line is empty, not a quoted empty cell
            continue
        writer.writerow(row)
    data = buffer.getvalue().encode(output["encoding"])
    target.write_bytes((b"\xef\xbb\xbf" if output["bom"] else b"") + data)


def make() -> None:
    for source in sorted((SET / "source").glob("*.json")):
        spec = json.loads(source.read_text("utf-8"))
        target = SET / spec["file"]
        if spec["output"]["type"] == "xlsx":
            write_xlsx(spec["sheets"], target)
        else:
            write_delimited(spec["sheets"][0], target, spec["output"])


def row_texts(file: str, sheet: str, output: dict[str, Any]) -> dict[int, str]:
    """Row number -> the row's text: sheet rows for XLSX, physical lines for delimited files."""
    path = SET / file
    if output["type"] == "xlsx":
        book = load_workbook(path)
        return {
            i: " ".join(str(c) for c in row if c is not None)
            for i, row in enumerate(book[sheet].iter_rows(values_only=True), 1)
        }
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode(output["encoding"])
    return dict(enumerate(raw.split("\n"), 1))


def check() -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    outputs = {
        spec["file"]: spec["output"]
        for spec in (json.loads(p.read_text("utf-8")) for p in (SET / "source").glob("*.json"))
    }
    for file, entry in gold.items():
        if file.startswith("_"):
            continue
        rows = row_texts(file, entry["sheet"], outputs[file])
        for record in entry["records"]:
            assert record["title"] in rows[record["row"]], (file, record["row"], record["title"])


if __name__ == "__main__":
    make()
    check()
