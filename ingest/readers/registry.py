"""The format registry: one `Reader` per input format. Everything that depends on the formats
is derived from `READERS`: the CLI's `--format` choices (`FORMATS`), the suffixes a folder is
searched for (`SUPPORTED_SUFFIXES`), and whether a file is a contract (`is_contract`).

To add a format: write its read function (bytes -> located raw records) in `ingest/readers/`,
add a `Reader` here; a suffix two readers share is decided by `sniff` on the first bytes, in
the order of `READERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.inid_text import inid_document
from ingest.readers.json_records import json_document, json_lines
from ingest.readers.patent_xml import xml_documents
from ingest.readers.source import RawRecord, SourceFile, new_source, read_bytes
from ingest.readers.tabular import csv_rows, xlsx_rows
from ingest.readers.utf8_lines import decode_records

SNIFF_BYTES = 8192
_INID_CODE = re.compile(r"^\s*[(（]\d{2}[)）]", re.M)

ReadFunction = Callable[[Path, bytes], SourceFile]


@dataclass(frozen=True)
class Reader:
    name: str  # the `--format` choice
    suffixes: tuple[str, ...]  # the file types it claims when no format is given
    read: ReadFunction | None  # None: a contract, read by ingest/contracts/documents.py
    sniff: Callable[[bytes], bool] | None = None  # for a shared suffix: does it take this file?

    @property
    def is_contract(self) -> bool:
        return self.read is None


def _xml(path: Path, data: bytes) -> SourceFile:
    source = new_source(path, data, "xml-declared", "xml")
    source.records.extend(xml_documents(data, str(path)))
    return source


def _xlsx(path: Path, data: bytes) -> SourceFile:
    source = new_source(path, data, "xlsx", "xlsx")
    source.records.extend(xlsx_rows(data, str(path)))
    return source


def _text_source(path: Path, data: bytes, file_format: str) -> tuple[str, SourceFile]:
    """Decoded text and its source; lines cut inside a UTF-8 character are reported as
    problems and the complete ones kept."""
    text, encoding, cut_lines = decode_records(data, str(path))
    source = new_source(path, data, encoding, file_format)
    source.problems.extend(cut_lines)
    return text, source


def _csv(path: Path, data: bytes) -> SourceFile:
    text, source = _text_source(path, data, "csv")
    source.records.extend(csv_rows(text, str(path)))
    return source


def _inid_text(path: Path, data: bytes) -> SourceFile:
    text, source = _text_source(path, data, "inid-text")
    source.records.append(inid_document(text, str(path)))
    return source


def _json_reader(file_format: str) -> ReadFunction:
    def read(path: Path, data: bytes) -> SourceFile:
        text, source = _text_source(path, data, file_format)
        parse = json_document if file_format == "json" else json_lines
        for item in parse(text, str(path)):
            if isinstance(item, RawRecord):
                source.records.append(item)
            else:
                source.problems.append(item)
        return source

    return read


def has_inid_front_page(head: bytes) -> bool:
    """A patent document's front page: (21) 申请号, (54) 发明名称 ... at least three codes."""
    text = head.decode("utf-8", errors="ignore") or head.decode("gb18030", errors="ignore")
    if "\ufffd" in text or not any("\u4e00" <= c <= "\u9fff" for c in text):
        text = head.decode("gb18030", errors="ignore")
    return len(_INID_CODE.findall(text)) >= 3


READERS: tuple[Reader, ...] = (
    Reader("json", (".json",), _json_reader("json")),
    Reader("jsonl", (".jsonl", ".ndjson"), _json_reader("jsonl")),
    Reader("csv", (".csv",), _csv),
    Reader("tsv", (".tsv",), _csv),
    Reader("xlsx", (".xlsx",), _xlsx),
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
    return reader.read(path, read_bytes(path, reader.suffixes[0]))


def _head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return None  # the first candidate's read reports the file as missing or unreadable
