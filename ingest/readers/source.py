"""One source file as located raw records plus the problems found, streamed from the file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.errors import ErrorCode, IngestError, Problem

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls")
DOCUMENT_SUFFIXES = (".txt", ".xml", ".docx", ".pdf")
SUPPORTED_SUFFIXES = JSON_SUFFIXES + TABLE_SUFFIXES + DOCUMENT_SUFFIXES


@dataclass(frozen=True)
class RawRecord:
    record: int  # 1-based: the line (JSONL, CSV), the row (XLSX) or the position (JSON)
    data: dict[str, Any]
    raw: str


# A record, or a record that could not be read: (problem, its raw text).
Item = RawRecord | tuple[Problem, str]


def _no_items() -> Iterator[Item]:
    return iter(())


@dataclass
class SourceFile:
    """A file whose hash, encoding and layout are known; its records are read by iterating
    `items()`, which reads the file again on every call (JSONL and CSV one line at a time)."""

    path: str
    sha256: str
    encoding: str
    format: str
    stream: Callable[[], Iterator[Item]] = _no_items
    _whole: tuple[list[RawRecord], list[tuple[Problem, str]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def items(self) -> Iterator[Item]:
        """Records and the problems of records that could not be read, in file order."""
        return self.stream()

    @property
    def records(self) -> list[RawRecord]:
        """Every record at once: for small tables (registers, declarations) and tests."""
        return self._read_whole()[0]

    @property
    def problems(self) -> list[tuple[Problem, str]]:
        """Every unreadable record at once (see `records`)."""
        return self._read_whole()[1]

    def _read_whole(self) -> tuple[list[RawRecord], list[tuple[Problem, str]]]:
        if self._whole is None:
            records: list[RawRecord] = []
            problems: list[tuple[Problem, str]] = []
            for item in self.items():
                if isinstance(item, RawRecord):
                    records.append(item)
                else:
                    problems.append(item)
            self._whole = (records, problems)
        return self._whole


@contextmanager
def file_errors(path: Path) -> Iterator[None]:
    """A missing or unreadable file as a coded `IngestError`."""
    name = str(path)
    try:
        yield
    except FileNotFoundError as exc:
        raise IngestError(Problem(ErrorCode.FILE_NOT_FOUND, name, "file not found")) from exc
    except OSError as exc:
        raise IngestError(
            Problem(ErrorCode.FILE_UNREADABLE, name, exc.strerror or str(exc))
        ) from exc


def file_sha256(path: Path, block: int = 256 * 1024) -> str:
    """The file's content hash, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def read_bytes(path: Path) -> bytes:
    """The whole file (the formats read whole: JSON documents, XML, XLSX, patent texts)."""
    with file_errors(path):
        return path.read_bytes()


def new_source(
    path: Path, data: bytes, encoding: str, file_format: str, items: list[Item]
) -> SourceFile:
    """A source read whole: its items are already in memory."""
    return SourceFile(
        str(path), hashlib.sha256(data).hexdigest(), encoding, file_format, lambda: iter(items)
    )
