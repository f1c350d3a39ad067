"""JSON and JSONL files of `PatentRecord`s: a JSON array, an object with `records`, or one
object per line."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem

SUPPORTED_SUFFIXES = (".json", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class RawRecord:
    record: int  # 1-based line for JSONL, 1-based position for JSON
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


def read_source(path: Path) -> SourceFile:
    """Read and decode one file; raises `IngestError` when nothing in it can be used."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(
            Problem(
                ErrorCode.FORMAT_UNSUPPORTED,
                name,
                f"unsupported file type {suffix or '(none)'}; "
                f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            )
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(Problem(ErrorCode.FILE_NOT_FOUND, name, "file not found")) from exc
    except OSError as exc:
        raise IngestError(
            Problem(ErrorCode.FILE_UNREADABLE, name, exc.strerror or str(exc))
        ) from exc
    text, encoding = decode(data, name)
    source = SourceFile(
        name, hashlib.sha256(data).hexdigest(), encoding, "jsonl" if suffix != ".json" else "json"
    )
    records = _json_lines(text, name) if source.format == "jsonl" else _json_document(text, name)
    for item in records:
        if isinstance(item, RawRecord):
            source.records.append(item)
        else:
            source.problems.append(item)
    return source


def _json_lines(text: str, file: str) -> Iterator[RawRecord | tuple[Problem, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                Problem(
                    ErrorCode.JSON_MALFORMED,
                    file,
                    f"{exc.msg} at column {exc.colno}",
                    record=number,
                ),
                line,
            )
            continue
        yield _as_record(value, number, line, file)


def _json_document(text: str, file: str) -> Iterator[RawRecord | tuple[Problem, str]]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            Problem(
                ErrorCode.JSON_MALFORMED, file, f"{exc.msg} at line {exc.lineno} column {exc.colno}"
            )
        ) from exc
    if isinstance(value, dict) and isinstance(value.get("records"), list):
        value = value["records"]
    items = value if isinstance(value, list) else [value]
    for position, item in enumerate(items, start=1):
        yield _as_record(item, position, json.dumps(item, ensure_ascii=False), file)


def _as_record(value: Any, number: int, raw: str, file: str) -> RawRecord | tuple[Problem, str]:
    if not isinstance(value, dict):
        return Problem(
            ErrorCode.RECORD_INVALID,
            file,
            f"a record must be a JSON object, not {type(value).__name__}",
            record=number,
        ), raw
    return RawRecord(number, value, raw)
