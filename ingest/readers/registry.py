"""The format registry: one `Reader` per input format. Everything that depends on the formats
is derived from `READERS`: the CLI's `--format` choices (`FORMATS`), the suffixes a folder is
searched for (`SUPPORTED_SUFFIXES`), and whether a file is a contract (`is_contract`).

To add a format: write its read function (path -> located raw records) in `ingest/readers/`,
add a `Reader` here; a suffix two readers share is decided by `sniff` on the first bytes, in
the order of `READERS`.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.inid_text import inid_document, labelled_codes
from ingest.readers.json_records import json_document, json_lines
from ingest.readers.patent_xml import xml_documents
from ingest.readers.source import Item, SourceFile, file_errors, new_source, read_bytes
from ingest.readers.tabular import check_csv_header, csv_rows, xls_rows, xlsx_rows
from ingest.readers.text_stream import DecodedLines, scan_text
from ingest.readers.utf8_lines import decode_records

SNIFF_BYTES = 8192

ReadFunction = Callable[[Path], SourceFile]


@dataclass(frozen=True)
class Reader:
    name: str  # the `--format` choice
    suffixes: tuple[str, ...]  # the file types it claims when no format is given
    read: ReadFunction | None  # None: a contract, read by ingest/contracts/documents.py
    sniff: Callable[[bytes], bool] | None = None  # for a shared suffix: does it take this file?

    @property
    def is_contract(self) -> bool:
        return self.read is None


def _xml(path: Path) -> SourceFile:
    data = read_bytes(path)
    return new_source(path, data, "xml-declared", "xml", list(xml_documents(data, str(path))))


def _xlsx(path: Path) -> SourceFile:
    data = read_bytes(path)
    return new_source(path, data, "xlsx", "xlsx", list(xlsx_rows(data, str(path))))


def _xls(path: Path) -> SourceFile:
    data = read_bytes(path)
    return new_source(path, data, "xls", "xls", list(xls_rows(data, str(path))))


def _whole_text(
    path: Path, file_format: str, parse: Callable[[str, str], list[Item]]
) -> SourceFile:
    """A format read whole (a JSON document, a patent's text); lines cut inside a UTF-8
    character are reported as problems and the complete ones kept."""
    data = read_bytes(path)
    text, encoding, cut_lines = decode_records(data, str(path))
    items: list[Item] = [*cut_lines, *parse(text, str(path))]
    return new_source(path, data, encoding, file_format, items)


def _inid_text(path: Path) -> SourceFile:
    return _whole_text(path, "inid-text", lambda text, file: [inid_document(text, file)])


def _json(path: Path) -> SourceFile:
    return _whole_text(path, "json", lambda text, file: list(json_document(text, file)))


def _line_reader(
    file_format: str,
    parse: Callable[[DecodedLines, str], Iterator[Item]],
    check: Callable[[DecodedLines, str], None] | None = None,
) -> ReadFunction:
    """A format read one line at a time (JSONL, CSV/TSV): the file is scanned (hash,
    encoding) and, for tables, its header found now; records are read as they are iterated."""

    def read(path: Path) -> SourceFile:
        name = str(path)
        with file_errors(path):
            scanned = scan_text(path, name)
            if check is not None:
                check(DecodedLines(path, scanned, name), name)
        return SourceFile(
            name,
            scanned.sha256,
            scanned.encoding,
            file_format,
            lambda: _unless_unreadable(parse(DecodedLines(path, scanned, name), name), name),
        )

    return read


def _unless_unreadable(items: Iterator[Item], file: str) -> Iterator[Item]:
    """The records, then (the file is read as ingest goes) a coded problem instead of an
    exception when the file goes away or fails part way: what was read stays loaded."""
    try:
        yield from items
    except OSError as exc:
        why = exc.strerror or str(exc)
        code = ErrorCode.FILE_NOT_FOUND if isinstance(exc, FileNotFoundError) else None
        yield Problem(code or ErrorCode.FILE_UNREADABLE, file, f"reading stopped: {why}"), ""


def has_inid_front_page(head: bytes) -> bool:
    """A patent document's front page: at least three INID codes, in any bracket (`(21)`,
    `( 21 )`, `（21）`, `[21]`), each followed by its own label ((21) 申请号, (54) 发明名称 ...);
    a contract's numbered items (10) (11) (12) carry no such labels."""
    return labelled_codes(_head_text(head)) >= 3


def _head_text(head: bytes) -> str:
    """The first bytes as text: strict UTF-8 (a character cut at the end allowed), else GB18030."""
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return head.decode("gb18030", errors="ignore")


READERS: tuple[Reader, ...] = (
    Reader("json", (".json",), _json),
    Reader("jsonl", (".jsonl", ".ndjson"), _line_reader("jsonl", json_lines)),
    Reader("csv", (".csv",), _line_reader("csv", csv_rows, check_csv_header)),
    Reader("tsv", (".tsv",), _line_reader("csv", csv_rows, check_csv_header)),
    Reader("xlsx", (".xlsx",), _xlsx),
    Reader("xls", (".xls",), _xls),
    Reader("xml", (".xml",), _xml),
    # A .txt is a patent document when it has an INID front page, a contract otherwise.
    Reader("txt", (".txt",), _inid_text, sniff=has_inid_front_page),
    Reader("contract", (".docx", ".pdf", ".txt"), None),
)
FORMATS = tuple(reader.name for reader in READERS)
SUPPORTED_SUFFIXES = tuple(dict.fromkeys(s for reader in READERS for s in reader.suffixes))
_BY_NAME = {reader.name: reader for reader in READERS}


def reader_for(path: Path, file_format: str | None = None) -> Reader:
    """The reader `file_format` names, else the one the suffix (and, for a shared suffix, the
    first bytes) picks; FORMAT_UNSUPPORTED when none claims the file."""
    if file_format is not None:
        return _BY_NAME[file_format]
    suffix = path.suffix.lower()
    candidates = [reader for reader in READERS if suffix in reader.suffixes]
    if not candidates:
        raise IngestError(
            Problem(
                ErrorCode.FORMAT_UNSUPPORTED,
                str(path),
                f"unsupported file type {suffix or '(none)'}; expected one of "
                f"{', '.join(SUPPORTED_SUFFIXES)}",
            )
        )
    if len(candidates) > 1:
        head = _head(path)
        for reader in candidates:
            if head is None or reader.sniff is None or reader.sniff(head):
                return reader
    return candidates[0]


def is_contract(path: Path, file_format: str | None = None) -> bool:
    try:
        return reader_for(path, file_format).is_contract
    except IngestError:
        return False  # read_source reports it


def read_source(path: Path, file_format: str | None = None) -> SourceFile:
    """Read one file of records with its reader; raises `IngestError` when nothing in it can be
    used (a contract format here is refused: contracts go to ingest/contracts)."""
    reader = reader_for(path, file_format)
    if reader.read is None:
        raise IngestError(
            Problem(ErrorCode.FORMAT_UNSUPPORTED, str(path), "a contract, not a record file")
        )
    return reader.read(path)


def _head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return None  # the first candidate's read reports the file as missing or unreadable
