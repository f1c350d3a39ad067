"""Write the depth evaluation set (tests/gold/contracts_depth and tests/gold/exports_depth) from its
UTF-8 sources, so the committed DOCX, PDF, GB18030, XLSX and CSV files can be reproduced.

    python3 scripts/make_gold_depth.py

Contracts: tests/gold/contracts_depth/source/<name>.txt is the text; FORMATS says what each becomes.
A line with tabs is a table row (DOCX: a real table; PDF: columns). PDFs use the Adobe-GB1 CID font
STSong-Light for both scripts (GBK holds the traditional glyphs too); MSung-Light (Adobe-CNS1) was
tried for traditional text but pdfminer reads its text layer back as the wrong characters.
Exports: tests/gold/exports_depth/source/<name>.json holds the sheets (preamble lines, header rows,
merged ranges, rows); EXPORTS says what each becomes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth"
EXPORTS = ROOT / "tests" / "gold" / "exports_depth"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_excl_01": ("txt", "simplified"),
    "lic_sole_02": ("docx", "simplified"),
    "lic_ord_03": ("txt-gb18030", "simplified"),
    "lic_excl_hk_04": ("pdf", "traditional"),
    "lic_ord_tw_05": ("docx", "traditional"),
    "tr_patent_06": ("txt", "simplified"),
    "tr_patent_07": ("pdf", "simplified"),
    "tr_patent_tw_08": ("docx", "traditional"),
    "tr_app_09": ("txt-gb18030", "simplified"),
    "tr_app_10": ("docx", "simplified"),
    "tr_app_11": ("txt", "simplified"),
    "pledge_12": ("pdf", "simplified"),
    "pledge_13": ("docx", "simplified"),
    "pledge_14": ("txt", "simplified"),
    "ts_lic_15": ("txt", "simplified"),
    "ts_lic_16": ("docx", "simplified"),
    "ts_lic_17": ("pdf", "traditional"),
    "nc_18": ("txt", "simplified"),
    "nc_19": ("txt-gb18030", "simplified"),
    "nda_20": ("docx", "simplified"),
    "nc_tw_21": ("pdf", "traditional"),
    "coop_22": ("txt", "simplified"),
    "coop_23": ("docx", "simplified"),
    "coop_24": ("txt-gb18030", "simplified"),
    "coop_tw_25": ("txt", "traditional"),
    "eq_26": ("txt", "simplified"),
    "eq_27": ("docx", "simplified"),
    "eq_tw_28": ("pdf", "traditional"),
    "amd_29": ("txt", "simplified"),
    "amd_30": ("docx", "simplified"),
    "amd_31": ("txt-gb18030", "simplified"),
    "amd_tw_32": ("pdf", "traditional"),
}
EXTENSIONS = {"txt": ".txt", "txt-gb18030": ".txt", "docx": ".docx", "pdf": ".pdf"}
# source name -> output file (xlsx or csv-utf8-bom or csv-gb18030)
EXPORT_FILES: dict[str, str] = {
    "incopat_like": "incopat_like.xlsx",
    "patsnap_like": "patsnap_like.xlsx",
    "himmpat_like": "himmpat_like.csv",
    "cnipa_pss": "cnipa_pss.xlsx",
    "derwent_like": "derwent_like.csv",
}
EXPORT_CSV_ENCODINGS = {"himmpat_like": "utf-8-sig", "derwent_like": "gb18030"}
FONTS = {"simplified": "STSong-Light", "traditional": "STSong-Light"}
PAGE_MARGIN = 56.0
FONT_SIZE = 11.0
LINE_HEIGHT = 17.0
_FIXED_TIME = datetime(2025, 3, 1, 9, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_FIXED_STAMP = rb"\g<1>2025-03-01T09:00:00Z\g<2>"
_TOKEN = re.compile(r"[A-Za-z0-9$][A-Za-z0-9./,$-]*|.")


def output_name(name: str) -> str:
    return file_name(name, FORMATS[name][0])


def file_name(name: str, form: str) -> str:
    """The generated file of source `name` written as `form` (txt, txt-gb18030, docx, pdf)."""
    return name + EXTENSIONS[form]


def write_txt(text: str, target: Path, encoding: str) -> None:
    # Windows tools on a shared drive save CRLF; the GB18030 files keep it to stay realistic.
    newline = "\r\n" if encoding == "gb18030" else "\n"
    target.write_bytes(text.replace("\n", newline).encode(encoding))


def write_docx(text: str, target: Path) -> None:
    document = Document()
    lines = text.splitlines()
    document.add_heading(lines[0], level=1)
    rows: list[list[str]] = []
    for line in [*lines[1:], ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            _add_table(document, rows)
            rows = []
        if line:
            document.add_paragraph(line)
    document.core_properties.title = lines[0]
    document.core_properties.author = "知识产权部"
    document.core_properties.created = document.core_properties.modified = _FIXED_TIME
    document.save(str(target))
    _fix_zip_times(target)


def _add_table(document: Any, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=False):
            cell.text = value


def write_pdf(text: str, target: Path, script: str) -> None:
    font = FONTS[script]
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    page = canvas.Canvas(str(target), pagesize=A4, invariant=True)
    page.setTitle(text.splitlines()[0])
    width = A4[0] - 2 * PAGE_MARGIN
    y = A4[1] - PAGE_MARGIN
    for line in text.splitlines():
        cells = line.split("\t")
        pieces = [line] if len(cells) > 1 else _wrap(line, font, width) or [""]
        for piece in pieces:
            if y < PAGE_MARGIN:
                page.showPage()
                y = A4[1] - PAGE_MARGIN
            page.setFont(font, FONT_SIZE)
            if len(cells) > 1:
                _draw_row(page, cells, y, font, width)
            else:
                page.drawString(PAGE_MARGIN, y, piece)
            y -= LINE_HEIGHT
    page.save()


def _draw_row(page: Any, cells: list[str], y: float, font: str, width: float) -> None:
    """A table row as columns: widths follow the cells' lengths, as a layout engine would."""
    weights = [max(2.0, pdfmetrics.stringWidth(c, font, FONT_SIZE)) for c in cells]
    x = PAGE_MARGIN
    for cell, weight in zip(cells, weights, strict=True):
        page.drawString(x, y, cell)
        x += width * weight / sum(weights) + 6


def _wrap(line: str, font: str, width: float) -> list[str]:
    """Break at the page width, never inside a run of ASCII letters and digits (a number)."""
    pieces: list[str] = []
    current = ""
    for token in _tokens(line):
        if current and pdfmetrics.stringWidth(current + token, font, FONT_SIZE) > width:
            pieces.append(current)
            current = ""
        current += token
    if current:
        pieces.append(current)
    return pieces


def _tokens(line: str) -> list[str]:
    return _TOKEN.findall(line)


def make_contracts() -> None:
    write_contracts(CONTRACTS, FORMATS)


def write_contracts(contracts: Path, formats: dict[str, tuple[str, str]]) -> None:
    """Each `contracts/source/<name>.txt` written as its (format, script) says; every gold set
    of contracts is generated by this one loop."""
    for name, (form, script) in formats.items():
        text = (contracts / "source" / f"{name}.txt").read_text("utf-8")
        target = contracts / file_name(name, form)
        if form == "txt":
            write_txt(text, target, "utf-8")
        elif form == "txt-gb18030":
            write_txt(text, target, "gb18030")
        elif form == "docx":
            write_docx(text, target)
        else:
            write_pdf(text, target, script)


def make_exports() -> None:
    for name, file in EXPORT_FILES.items():
        spec = json.loads((EXPORTS / "source" / f"{name}.json").read_text("utf-8"))
        target = EXPORTS / file
        if file.endswith(".xlsx"):
            write_xlsx(spec["sheets"], target)
        else:
            write_csv(spec["sheets"][0], target, EXPORT_CSV_ENCODINGS[name])


def _sheet_lines(sheet: dict[str, Any]) -> list[list[Any]]:
    return [[p] for p in sheet.get("preamble", [])] + sheet["header"] + sheet["rows"]


def write_xlsx(sheets: list[dict[str, Any]], target: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec["name"])
        for row in _sheet_lines(spec):
            sheet.append(row)
        for cell_range in spec.get("merged", []):
            sheet.merge_cells(cell_range)
    book.properties.creator = spec.get("creator", "export")
    # fixed timestamps keep the file identical from run to run
    book.properties.created = book.properties.modified = _FIXED_TIME
    book.save(str(target))
    _fix_zip_times(target)


def _fix_zip_times(target: Path) -> None:
    """Rewrite the OOXML zip with fixed member times: a rerun then changes no committed byte."""
    with zipfile.ZipFile(target) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    # openpyxl stamps the save time into the core properties whatever the workbook says
    members = [
        (name, _MODIFIED.sub(_FIXED_STAMP, data) if name == "docProps/core.xml" else data)
        for name, data in members
    ]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for filename, data in members:
            rewritten.writestr(
                zipfile.ZipInfo(filename, _FIXED_TIME.timetuple()[:6]), data, zipfile.ZIP_DEFLATED
            )


def write_csv(sheet: dict[str, Any], target: Path, encoding: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in _sheet_lines(sheet):
        writer.writerow(row)
    target.write_bytes(buffer.getvalue().encode(encoding))


def main() -> None:
    make_contracts()
    if (EXPORTS / "source").is_dir():
        make_exports()


if __name__ == "__main__":
    main()
