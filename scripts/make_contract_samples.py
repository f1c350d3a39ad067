"""Regenerate the DOCX and PDF sample contracts from their text in source/ (dev only: needs
reportlab). python3 scripts/make_contract_samples.py"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parents[1] / "ingest" / "samples" / "contracts"
DOCX = ("license_ordinary", "secret_license", "noncompete")
PDF = ("patent_transfer", "pledge")
FONT = "STSong-Light"  # an Adobe CID font every PDF reader has: the text stays extractable
LINE_CHARS = 36


def write_docx(text: str, target: Path) -> None:
    document = Document()
    rows: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for cells, row in zip(table.rows, rows, strict=True):
                for cell, value in zip(cells.cells, row, strict=False):
                    cell.text = value
            rows = []
        if line:
            document.add_paragraph(line)
    document.core_properties.title = "样例数据 / sample data"
    document.save(str(target))


def write_pdf(text: str, target: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page = canvas.Canvas(str(target), pagesize=A4)
    page.setTitle("样例数据 / sample data")
    y = A4[1] - 60
    for line in text.splitlines():
        cells = line.split("\t")
        pieces = [line] if len(cells) > 1 else _wrap(line) or [""]
        for piece in pieces:
            if y < 60:
                page.showPage()
                y = A4[1] - 60
            page.setFont(FONT, 11)
            if len(cells) > 1:
                for x, cell in zip((50, 90, 200), cells, strict=False):
                    page.drawString(x, y, cell)
            else:
                page.drawString(50, y, piece)
            y -= 18
    page.save()


def _wrap(line: str) -> list[str]:
    return [line[i : i + LINE_CHARS] for i in range(0, len(line), LINE_CHARS)]


def main() -> None:
    for name in DOCX:
        write_docx(
            (HERE / "source" / f"{name}.txt").read_text("utf-8"), HERE / f"{name}.sample.docx"
        )
    for name in PDF:
        write_pdf((HERE / "source" / f"{name}.txt").read_text("utf-8"), HERE / f"{name}.sample.pdf")


if __name__ == "__main__":
    main()
