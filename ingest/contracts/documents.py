"""Contract files to text: .txt (UTF-8 / GB18030), .docx (paragraphs and tables in body order)
and text PDFs. What cannot be read gets a coded error naming the file, never empty text."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import msoffcrypto
from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from pdfminer.high_level import extract_text
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from ingest.contracts.script import to_simplified
from ingest.contracts.structure import PARTY_PREFIX, PARTY_WORDS
from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.archive_guard import check_archive

# Party, number and recital lines of contracts that the PDF reflow must not run together.
_MORE_BLOCK_STARTS = (
    # every party word of structure.PARTY_WORDS, numbered or not (转让方一：…)
    rf"{PARTY_PREFIX}(?:{PARTY_WORDS})(?:[一二三四五六七八九十]|\d{{1,2}})?\s*[：:（(]|"
    r"[^，。：:\s]{1,8}[（(][甲乙丙丁戊]方[）)，,]|"
    r"(?:补充)?(?:合同|协议|契约)编号|原(?:合同|协议)编号|编号[：:]|本(?:合同|协议)由|双方于|"
    # 1. / 2、/ 1.1 / a table row's 序号: a numbered line; 2026年10月31日 wrapped is not one
    r"\d{1,2}(?:\.\d{1,2})*(?:[.、．)）]|\s)\s*\S|日期[：:]"
)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class ContractDocument:
    path: str
    format: str  # txt, docx, pdf
    encoding: str | None
    sha256: str
    text: str


def read_contract(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ContractDocument:
    file = str(path)
    size = _size(path)
    if size > max_bytes:
        raise _error(
            ErrorCode.CONTRACT_TOO_LARGE, file, f"{size} bytes, more than the limit of {max_bytes}"
        )
    data = path.read_bytes()
    suffix = path.suffix.lower()
    encoding: str | None = None
    if suffix == ".docx":
        text = _docx_text(data, file)
    elif suffix == ".pdf":
        text = _pdf_text(data, file)
    else:
        text, encoding = decode(data, file)
        text = plain_text(text)
    text = _tidy(text)
    if not text.strip():
        raise _error(ErrorCode.CONTRACT_EMPTY, file, "the file holds no text")
    return ContractDocument(
        path=file,
        format=suffix.lstrip(".") or "txt",
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise _error(ErrorCode.FILE_NOT_FOUND, str(path), exc.strerror or "cannot be read") from exc


def _docx_text(data: bytes, file: str) -> str:
    if data.startswith(_OLE_MAGIC):
        # A password-protected .docx is an OLE container holding the encrypted package.
        if _is_encrypted_office(data):
            raise _error(ErrorCode.CONTRACT_ENCRYPTED, file, "the DOCX is password-protected")
        raise _error(ErrorCode.CONTRACT_UNREADABLE, file, "an old binary .doc, not a DOCX")
    check_archive(data, file)
    try:
        document = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _error(ErrorCode.CONTRACT_UNREADABLE, file, f"not a DOCX file ({exc})") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    return "\n".join(lines)


def _table_lines(table: Table) -> list[str]:
    """Each row as its cells joined by tabs. python-docx repeats a merged cell once per grid
    column it spans, so a repeat of the same cell is dropped; two cells that merely hold the
    same text (人民币90万元 before and after an amendment) both stay."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell.text.strip())
        lines.append("\t".join(cells))
    return lines


def _is_encrypted_office(data: bytes) -> bool:
    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:
        return False


def _pdf_text(data: bytes, file: str) -> str:
    if not data.startswith(b"%PDF"):
        raise _error(ErrorCode.CONTRACT_UNREADABLE, file, "not a PDF file (no %PDF header)")
    try:
        # A wide char margin keeps a table row's cells on one line instead of column by column.
        text = extract_text(io.BytesIO(data), laparams=LAParams(boxes_flow=None, char_margin=30))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _error(ErrorCode.CONTRACT_ENCRYPTED, file, "the PDF is password-protected") from exc
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as exc:
        raise _error(
            ErrorCode.CONTRACT_UNREADABLE, file, f"the PDF cannot be parsed ({exc})"
        ) from exc
    if not text.strip():
        raise _error(
            ErrorCode.CONTRACT_NO_TEXT_LAYER,
            file,
            "the PDF has no text layer (a scan?): run OCR first, nothing was loaded",
        )
    return _reflow(text)


# A party word starts a block only as a label (乙方：, 乙方（盖章）): a wrapped sentence goes on
# with 乙方有权…; a bracket only as an enumeration (（一）), not as a wrapped （专利号：…）.
_LABEL_END = r"\s*(?:[（(][^）)]{0,12}[）)])?\s*[：:]"
_BLOCK_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条|[一二三四五六七八九十]+、|\d+\s|序号|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    rf"(?:甲方|乙方|丙方|丁方|第[一二三四五六]方|许可方|被许可方|转让方|受让方|出质人|质权人|地址|住所"
    rf"|法定代表人){_LABEL_END}|"
    rf"(?:甲方|乙方|丙方|丁方)\s*[（(]|"
    rf"签订日期|签署日期|鉴于|{_MORE_BLOCK_STARTS})"
)
_LINE_END = "。；：:！？）)」”"


def _starts_block(line: str) -> bool:
    # Traditional and full-width lines (許可人：…) are tested in their folded form.
    return bool(_BLOCK_START.match(line) or _BLOCK_START.match(to_simplified(line)))


def _spaced_row(line: str) -> bool:
    """A table row as a PDF prints it: three to eight short words apart, no sentence
    punctuation (姓名 身份证号 所在部门 职务); one row does not continue the one above."""
    words = line.split()
    return 3 <= len(words) <= 8 and all(len(w) <= 24 for w in words) and not re.search(
        r"[，,。；;：:]", line
    )


def _reflow(text: str) -> str:
    """PDF text comes as wrapped lines with blank lines between: a line that stops mid-sentence
    (long, no closing punctuation) continues on the next one unless that one starts a block."""
    lines = [line.strip() for line in text.replace("\f", "\n").splitlines() if line.strip()]
    merged: list[str] = []
    for line in lines:
        previous = merged[-1] if merged else ""
        if (
            len(merged) > 1
            and len(previous) >= 15
            and previous[-1] not in _LINE_END
            and not _starts_block(line)
            # a table row ends at its line: neither the next row nor the sentence after the
            # table continues it
            and not _spaced_row(previous)
        ):
            merged[-1] = previous + line
        else:
            merged.append(line)
    return "\n".join(merged)


def plain_text(text: str) -> str:
    """A text file's text; one saved from a PDF keeps its wrapped lines: joined like a PDF's."""
    return _reflow(text) if _hard_wrapped(text) else text


def _hard_wrapped(text: str) -> bool:
    """Lines cut at one width whatever the sentence: at least five long lines of the same length
    (within a character) that stop without punctuation, a fifth of the text's lines or more."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # a table's rows (cells apart by tabs) are not wrapped prose, however alike their lengths
    cut = [
        len(line)
        for line in lines
        if len(line) >= 20 and line[-1] not in _LINE_END and "\t" not in line
    ]
    if len(cut) < 5:
        return False
    width = max(set(cut), key=cut.count)
    at_width = sum(1 for length in cut if abs(length - width) <= 1)
    return at_width >= 5 and at_width * 5 >= len(lines)


def _tidy(text: str) -> str:
    """Line endings unified, form feeds (PDF page breaks) made newlines, trailing blanks cut."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _error(code: ErrorCode, file: str, message: str) -> IngestError:
    return IngestError(Problem(code, file, message))
