"""Write the fifth blind export set (tests/gold/exports_depth5) from its UTF-8 sources, so the
committed XLSX, XLS (a real Excel 97-2003 workbook, and an HTML table saved as .xls), CSV and TSV
files can be reproduced byte for byte.

    python3 scripts/make_exports_depth5.py

tests/gold/exports_depth5/source/<name>.json holds the file name, how it is written (`output`:
xlsx, xls, html_xls, or delimited text with its encoding (UTF-8, GB18030, UTF-16LE), BOM and
delimiter) and its sheets
(preamble lines or preamble rows, header rows, merged ranges, hidden columns, rows). A cell
`{"date": ISO, "number_format": ...}` is an Excel date cell; an empty row list is an empty row.
After writing, every gold record's row is read back and must hold that record's title (and the
row before it must not): the row of an .xls is its sheet row, of the HTML .xls its <tr> index. The
hand-placed rows of tests/gold/exports_depth5.json are checked.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlrd
import xlwt
from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "gold" / "exports_depth5"
GOLD = ROOT / "tests" / "gold" / "exports_depth5.json"
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


def write_xls(sheets: list[dict[str, Any]], target: Path) -> None:
    """A real Excel 97-2003 workbook (BIFF8), date cells as serial numbers with a number format."""
    book = xlwt.Workbook(encoding="utf-8")
    for spec in sheets:
        sheet = book.add_sheet(spec["name"])
        for row_index, row in enumerate(lines_of(spec)):
            for col_index, cell in enumerate(row):
                if cell == "" or cell is None:
                    continue
                if isinstance(cell, dict):
                    style = xlwt.easyxf(num_format_str=cell["number_format"])
                    sheet.write(row_index, col_index, cell_value(cell), style)
                else:
                    sheet.write(row_index, col_index, cell)
    book.save(str(target))


TEXT_TD = '<td style="mso-number-format:\'\\@\'">'  # Excel keeps the cell as text


def write_html_xls(sheet: dict[str, Any], target: Path, output: dict[str, Any]) -> None:
    """An HTML table saved as .xls, as Chinese patent databases write their 'Excel' exports:
    one <tr> per line, preamble rows as one cell spanning the table."""
    width = len(sheet["header"][0])
    lines = [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel">',
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>',
        '<body><table border="1">',
    ]
    for row in lines_of(sheet):
        cells = [c for c in row]
        if len(cells) == 1 and width > 1:
            lines.append(f'<tr><td colspan="{width}">{html.escape(str(cells[0]))}</td></tr>')
        elif not cells:
            lines.append("<tr></tr>")
        else:
            tds = "".join(f"{TEXT_TD}{html.escape(str(c))}</td>" for c in cells)
            lines.append(f"<tr>{tds}</tr>")
    lines.append("</table></body></html>")
    target.write_bytes(("\r\n".join(lines) + "\r\n").encode(output["encoding"]))


# The byte-order mark each encoding writes: Excel's "Unicode text" is UTF-16LE with FF FE.
BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "gb18030": b""}


def write_delimited(sheet: dict[str, Any], target: Path, output: dict[str, Any]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=output["delimiter"], lineterminator="\r\n")
    for row in lines_of(sheet):
        if not any(cell != "" for cell in row):
            buffer.write("\r\n")  # a blank line is empty, not a quoted empty cell
            continue
        writer.writerow(row)
    data = buffer.getvalue().encode(output["encoding"])
    target.write_bytes((BOMS[output["encoding"]] if output["bom"] else b"") + data)


def make() -> None:
    for source in sorted((SET / "source").glob("*.json")):
        spec = json.loads(source.read_text("utf-8"))
        target = SET / spec["file"]
        if spec["output"]["type"] == "xlsx":
            write_xlsx(spec["sheets"], target)
        elif spec["output"]["type"] == "xls":
            write_xls(spec["sheets"], target)
        elif spec["output"]["type"] == "html_xls":
            write_html_xls(spec["sheets"][0], target, spec["output"])
        else:
            write_delimited(spec["sheets"][0], target, spec["output"])


def row_texts(file: str, sheet: str, output: dict[str, Any]) -> dict[int, str]:
    """Row number -> the row's text: sheet rows for XLSX/XLS, <tr>s for the HTML .xls, physical
    lines for delimited files."""
    path = SET / file
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
    raw = path.read_bytes().removeprefix(BOMS[output["encoding"]]).decode(output["encoding"])
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
            before = rows.get(record["row"] - 1, "")
            assert record["title"] not in before, (file, record["row"], "starts earlier")


if __name__ == "__main__":
    make()
    check()
