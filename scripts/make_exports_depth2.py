"""Write the second blind export set (tests/gold/exports_depth2) from its UTF-8 sources, so the
committed XLSX, CSV and TSV files can be reproduced byte for byte.

    python3 scripts/make_exports_depth2.py

tests/gold/exports_depth2/source/<name>.json holds the file name, how it is written (`output`:
xlsx, or delimited text with its encoding, BOM and delimiter) and its sheets (preamble lines,
header rows, merged ranges, rows). A cell `{"date": ISO, "number_format": ...}` is an Excel date
cell; an empty row list is an empty row. After writing, every gold record's row is read back and
must hold that record's title: the hand-placed rows of tests/gold/exports_depth2.json are checked.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import _FIXED_TIME, _fix_zip_times

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "gold" / "exports_depth2"
GOLD = ROOT / "tests" / "gold" / "exports_depth2.json"


def lines_of(sheet: dict[str, Any]) -> list[list[Any]]:
    """The sheet's rows top to bottom: preamble, header rows, data (and what follows it)."""
    preamble = [[p] for p in sheet.get("preamble", [])] + sheet.get("preamble_rows", [])
    return preamble + sheet["header"] + sheet["rows"]


def cell_value(cell: Any) -> Any:
    if isinstance(cell, dict):
        return date.fromisoformat(cell["date"])
    return cell


def write_xlsx(sheets: list[dict[str, Any]], target: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec["name"])
        for row_index, row in enumerate(lines_of(spec), 1):
            for col_index, cell in enumerate(row, 1):
                if cell == "" or cell is None:
                    continue  # an empty cell stays empty, as a vendor's writer leaves it
                written = sheet.cell(row=row_index, column=col_index, value=cell_value(cell))
                if isinstance(cell, dict):
                    written.number_format = cell["number_format"]
        for cell_range in spec.get("merged", []):
            sheet.merge_cells(cell_range)
    book.properties.creator = "export"
    book.properties.created = book.properties.modified = _FIXED_TIME
    book.save(str(target))
    _fix_zip_times(target)


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
