"""One source file, read and decoded, as located raw records plus the problems found."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.errors import ErrorCode, IngestError, Problem

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx")
DOCUMENT_SUFFIXES = (".txt", ".xml", ".docx", ".pdf")
SUPPORTED_SUFFIXES = JSON_SUFFIXES + TABLE_SUFFIXES + DOCUMENT_SUFFIXES


@dataclass(frozen=True)
class RawRecord:
    record: int  # 1-based: the line (JSONL, CSV), the row (XLSX) or the position (JSON)
    data: dict[str, Any]
    raw: str


@dataclass
class SourceFile:
    path: str
    sha256: str
    encoding: str
    format: str
    records: list[RawRecord] = field(default_factory=list)
    problems: list[tuple[Problem, str]] = field(default_factory=list)  # (problem, raw text)


def read_bytes(path: Path, suffix: str) -> bytes:
    name = str(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(
            Problem(
                ErrorCode.FORMAT_UNSUPPORTED,
                name,
                f"unsupported file type {suffix or '(none)'}; expected one of "
                f"{', '.join(SUPPORTED_SUFFIXES)}",
            )
        )
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(Problem(ErrorCode.FILE_NOT_FOUND, name, "file not found")) from exc
    except OSError as exc:
        raise IngestError(
            Problem(ErrorCode.FILE_UNREADABLE, name, exc.strerror or str(exc))
        ) from exc


def new_source(path: Path, data: bytes, encoding: str, file_format: str) -> SourceFile:
    return SourceFile(str(path), hashlib.sha256(data).hexdigest(), encoding, file_format)
