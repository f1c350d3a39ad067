"""Write the files of blind analyst-export gold sets from their UTF-8 sources, as each source says,
so the committed XLSX, XLS, CSV and TSV files reproduce byte for byte.

    python3 scripts/make_export_set.py exports_depth2 exports_depth3 exports_depth4

Each name is a folder of tests/gold with source/<name>.json files and a gold tests/gold/<name>.json.
A source holds `file` (the name written next to source/), `output` (how it is written) and `sheets`
(each with `name`, optional `preamble` lines or `preamble_rows`, `header` rows, `rows`, and for
workbooks optional `merged` ranges and `hidden_columns`). `output.type` is one of:

- `xlsx`: an OOXML workbook; optional `fixed_time` (ISO, default 2026-11-21T09:30:00) stamped on
  the properties and every zip member, `zip_member_mode` (octal string, default "600"; null leaves
  the zip's mode bits empty) and `creator` (default "export");
- `xls`: a real Excel 97-2003 workbook (BIFF8) written by xlwt;
- `html_xls`: an HTML table saved as .xls in `encoding`, as Chinese patent databases export;
- `csv`: delimited text of the first sheet with `encoding`, `bom` (the encoding's byte-order
  mark: UTF-8 or UTF-16LE) and `delimiter`.

`data_sheet` names the sheet holding the records (the authoring scripts use it). A cell
`{"date": ISO, "number_format": ...}` is an Excel date cell; an empty row list is an empty row.
After writing, every gold record's row is read back and must hold that record's title, and the
row before it must not: the row of a workbook is its sheet row, of the HTML .xls its <tr> index,
of a delimited file its physical line.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlrd
import xlwt
from openpyxl import Workbook, load_workbook

GOLDS = Path(__file__).resolve().parents[1] / "tests" / "gold"
# The sets generated from sources by this script (exports_depth has its own generator).
SETS = ("exports_depth2", "exports_depth3", "exports_depth4", "exports_depth5", "exports_depth6")
DEFAULT_FIXED_TIME = "2026-11-21T09:30:00"
DEFAULT_ZIP_MEMBER_MODE = "600"
# the byte-order mark each encoding writes when a source asks for one
BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-8-sig": b"", "utf-16-le": b"\xff\xfe", "gb18030": b""}
TEXT_TD = '<td style="mso-number-format:\'\\@\'">'  # Excel keeps the cell as text
CORE_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(<)")

Sheet = dict[str, Any]
Output = dict[str, Any]


def lines_of(sheet: Sheet) -> list[list[Any]]:
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


def is_empty(cell: Any) -> bool:
    return cell == "" or cell is None


def fix_zip_times(target: Path, fixed_time: datetime, member_mode: int | None) -> None:
    """Rewrite the zip with one fixed timestamp per member, so reruns are byte-identical.

    openpyxl stamps dcterms:modified with the clock at save time; it is set back to fixed_time.
    """
    with zipfile.ZipFile(target) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    stamp = fixed_time.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members = [
        (name, CORE_MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", payload))
        if name == "docProps/core.xml" else (name, payload)
        for name, payload in members
    ]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, payload in members:
            info = zipfile.ZipInfo(name, date_time=fixed_time.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            if member_mode is not None:
                info.external_attr = member_mode << 16
            out.writestr(info, payload)


def write_xlsx(sheets: list[Sheet], target: Path, output: Output) -> None:
    book = Workbook()
    book.remove(book.worksheets[0])
    for spec in sheets:
        sheet = book.create_sheet(spec["name"])
        for row_index, row in enumerate(lines_of(spec), 1):
            for col_index, cell in enumerate(row, 1):
                if is_empty(cell):
                    continue  # an empty cell stays empty, as an exporter leaves it
                written = sheet.cell(row=row_index, column=col_index, value=cell_value(cell))
                if isinstance(cell, dict):
                    written.number_format = cell["number_format"]
        for cell_range in spec.get("merged", []):
            sheet.merge_cells(cell_range)
        for column in spec.get("hidden_columns", []):
            sheet.column_dimensions[column].hidden = True
    fixed_time = datetime.fromisoformat(output.get("fixed_time", DEFAULT_FIXED_TIME))
    mode = output.get("zip_member_mode", DEFAULT_ZIP_MEMBER_MODE)
    book.properties.creator = output.get("creator", "export")
    book.properties.created = book.properties.modified = fixed_time
    book.save(str(target))
    fix_zip_times(target, fixed_time, None if mode is None else int(mode, 8))


def write_xls(sheets: list[Sheet], target: Path, output: Output) -> None:
    """A real Excel 97-2003 workbook (BIFF8), date cells as serial numbers with a number format."""
    book = xlwt.Workbook(encoding="utf-8")
    for spec in sheets:
        sheet = book.add_sheet(spec["name"])
        for row_index, row in enumerate(lines_of(spec)):
            for col_index, cell in enumerate(row):
                if is_empty(cell):
                    continue
                if isinstance(cell, dict):
                    style = xlwt.easyxf(num_format_str=cell["number_format"])
                    sheet.write(row_index, col_index, cell_value(cell), style)
                else:
                    sheet.write(row_index, col_index, cell)
    book.save(str(target))


def write_html_xls(sheets: list[Sheet], target: Path, output: Output) -> None:
    """An HTML table saved as .xls, as Chinese patent databases write their 'Excel' exports:
    one <tr> per line, preamble rows as one cell spanning the table."""
    sheet = sheets[0]
    width = len(sheet["header"][0])
    lines = [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel">',
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>',
        '<body><table border="1">',
    ]
    for cells in lines_of(sheet):
        if len(cells) == 1 and width > 1:
            lines.append(f'<tr><td colspan="{width}">{html.escape(str(cells[0]))}</td></tr>')
        elif not cells:
            lines.append("<tr></tr>")
        else:
            tds = "".join(f"{TEXT_TD}{html.escape(str(c))}</td>" for c in cells)
            lines.append(f"<tr>{tds}</tr>")
    lines.append("</table></body></html>")
    target.write_bytes(("\r\n".join(lines) + "\r\n").encode(output["encoding"]))


def write_delimited(sheets: list[Sheet], target: Path, output: Output) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=output["delimiter"], lineterminator="\r\n")
    for row in lines_of(sheets[0]):
        if not any(cell != "" for cell in row):
            buffer.write("\r\n")  # a blank line is empty, not a quoted empty cell
            continue
        writer.writerow(row)
    data = buffer.getvalue().encode(output["encoding"])
    target.write_bytes((BOMS.get(output["encoding"], b"") if output["bom"] else b"") + data)


WRITERS: dict[str, Callable[[list[Sheet], Path, Output], None]] = {
    "xlsx": write_xlsx,
    "xls": write_xls,
    "html_xls": write_html_xls,
    "csv": write_delimited,
}


def sources(folder: Path) -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text("utf-8")) for path in sorted((folder / "source").glob("*.json"))
    ]


def make(folder: Path) -> None:
    for spec in sources(folder):
        WRITERS[spec["output"]["type"]](spec["sheets"], folder / spec["file"], spec["output"])


def row_texts(path: Path, sheet: str, output: Output) -> dict[int, str]:
    """Row number -> the row's text: sheet rows for XLSX/XLS, <tr>s for the HTML .xls, physical
    lines for delimited files."""
    if output["type"] == "xls":
        data = xlrd.open_workbook(str(path)).sheet_by_name(sheet)
        return {
            i + 1: " ".join(str(c) for c in data.row_values(i) if c != "")
            for i in range(data.nrows)
        }
    if output["type"] == "html_xls":
        markup = path.read_bytes().decode(output["encoding"])
        rows = re.findall(r"<tr>(.*?)</tr>", markup)
        return {i: html.unescape(re.sub(r"<[^>]+>", " ", row)) for i, row in enumerate(rows, 1)}
    if output["type"] == "xlsx":
        book = load_workbook(path)
        return {
            i: " ".join(str(c) for c in row if c is not None)
            for i, row in enumerate(book[sheet].iter_rows(values_only=True), 1)
        }
    mark = BOMS.get(output["encoding"], b"")
    raw = path.read_bytes().removeprefix(mark or b"\xef\xbb\xbf").decode(output["encoding"])
    return dict(enumerate(raw.split("\n"), 1))


def check(folder: Path, gold_path: Path) -> None:
    """Every hand-placed record of the gold is on its row, and does not start a row earlier."""
    gold = json.loads(gold_path.read_text("utf-8"))
    outputs = {spec["file"]: spec["output"] for spec in sources(folder)}
    for file, entry in gold.items():
        if file.startswith("_"):
            continue
        rows = row_texts(folder / file, entry["sheet"], outputs[file])
        for record in entry["records"]:
            assert record["title"] in rows[record["row"]], (file, record["row"], record["title"])
            before = rows.get(record["row"] - 1, "")
            assert record["title"] not in before, (file, record["row"], "starts earlier")


def make_set(name: str) -> None:
    make(GOLDS / name)
    check(GOLDS / name, GOLDS / f"{name}.json")


if __name__ == "__main__":
    for set_name in sys.argv[1:] or SETS:
        make_set(set_name)
