"""One reader per source format; `read_source` picks it by file type and decodes the text."""

from __future__ import annotations

from pathlib import Path

from ingest.readers.inid_text import inid_document
from ingest.readers.json_records import json_document, json_lines
from ingest.readers.patent_xml import xml_documents
from ingest.readers.source import (
    SUPPORTED_SUFFIXES,
    RawRecord,
    SourceFile,
    new_source,
    read_bytes,
)
from ingest.readers.tabular import csv_rows, xlsx_rows
from ingest.readers.utf8_lines import decode_records

__all__ = ["FORMATS", "SUPPORTED_SUFFIXES", "RawRecord", "SourceFile", "read_source"]


# "contract" (any .txt, .docx or .pdf read as a contract) is routed before read_source, to
# ingest/contracts.
FORMATS = ("json", "jsonl", "csv", "tsv", "xlsx", "xml", "txt", "contract")


def read_source(path: Path, file_format: str | None = None) -> SourceFile:
    """Read one file, in the format its suffix names unless `file_format` (one of `FORMATS`)
    says otherwise; raises `IngestError` when nothing in it can be used."""
    suffix = f".{file_format}" if file_format else path.suffix.lower()
    data = read_bytes(path, suffix)
    name = str(path)
    if suffix == ".xml":
        source = new_source(path, data, "xml-declared", "xml")
        source.records.extend(xml_documents(data, name))
        return source
    if suffix == ".xlsx":
        source = new_source(path, data, "xlsx", "xlsx")
        source.records.extend(xlsx_rows(data, name))
        return source
    text, encoding, cut_lines = decode_records(data, name)
    file_format = {".json": "json", ".csv": "csv", ".tsv": "csv", ".txt": "inid-text"}.get(
        suffix, "jsonl"
    )
    source = new_source(path, data, encoding, file_format)
    source.problems.extend(cut_lines)
    if file_format == "csv":
        source.records.extend(csv_rows(text, name))
        return source
    if file_format == "inid-text":
        source.records.append(inid_document(text, name))
        return source
    items = json_document(text, name) if file_format == "json" else json_lines(text, name)
    for item in items:
        if isinstance(item, RawRecord):
            source.records.append(item)
        else:
            source.problems.append(item)
    return source
