"""JSON and JSONL records: a JSON array, an object with `records`, or one object per line.
Keys are the record's own fields or the column headers of an export (see readers/columns)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.source import Item, RawRecord
from ingest.readers.text_stream import DecodedLines


def json_lines(lines: DecodedLines, file: str) -> Iterator[Item]:
    """One record per line, parsed as the line is read."""
    for number, ended in enumerate(lines, start=1):
        while lines.problems:
            yield lines.problems.popleft()
        line = ended.rstrip("\r\n")
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
        yield as_record(value, number, line, file)


def json_document(text: str, file: str) -> Iterator[Item]:
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
        yield as_record(item, position, json.dumps(item, ensure_ascii=False), file)


def as_record(value: Any, number: int, raw: str, file: str) -> Item:
    if not isinstance(value, dict):
        return (
            Problem(
                ErrorCode.RECORD_INVALID,
                file,
                f"a record must be a JSON object, not {type(value).__name__}",
                record=number,
            ),
            raw,
        )
    return RawRecord(number, value, raw)
