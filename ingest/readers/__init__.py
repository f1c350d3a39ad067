"""One reader per source format, registered in `registry.py`; `read_source` picks it by the
`--format` given, else by file type (and the first bytes when a type is shared)."""

from __future__ import annotations

from ingest.readers.registry import (
    FORMATS,
    READERS,
    SUPPORTED_SUFFIXES,
    Reader,
    is_contract,
    read_source,
    reader_for,
)
from ingest.readers.source import RawRecord, SourceFile

__all__ = [
    "FORMATS",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "RawRecord",
    "Reader",
    "SourceFile",
    "is_contract",
    "read_source",
    "reader_for",
]
