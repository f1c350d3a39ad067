"""Group trees (集团 -> 子公司 -> ...) as JSON: the source of SUBSIDIARY_OF edges.

    {"name": "国家电网有限公司", "kind": "group",
     "subsidiaries": [{"name": "国网山东省电力公司", "stake": 100, "subsidiaries": [...]}]}

A file holds one tree or a list of trees. `stake` is the parent's shareholding in percent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.json_records import json_document
from ingest.readers.source import RawRecord


class GroupTreeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, description="registered name, or a known short name")
    kind: str | None = Field(default=None, description="group, company, institute, university")
    stake: float | None = Field(default=None, ge=0, le=100, description="parent's stake, %")
    since: dt.date | None = Field(
        default=None, description="held from this day (as-of reads, docs/ASSET_LEDGER.md)"
    )
    until: dt.date | None = Field(default=None, description="held until this day (exclusive)")
    subsidiaries: list[GroupTreeEntry] = Field(default_factory=list)


def read_group_trees(path: Path) -> tuple[list[GroupTreeEntry], str]:
    """The trees in `path` and its encoding; a bad file raises `IngestError` naming the field."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(Problem(ErrorCode.FILE_NOT_FOUND, name, str(exc))) from exc
    text, encoding = decode(data, name)
    trees = []
    for item in json_document(text, name):
        if not isinstance(item, RawRecord):
            raise IngestError(item[0])
        try:
            trees.append(GroupTreeEntry.model_validate(item.data))
        except ValidationError as exc:
            first = exc.errors()[0]
            raise IngestError(
                Problem(
                    ErrorCode.RECORD_INVALID,
                    name,
                    first["msg"],
                    record=item.record,
                    field=".".join(str(p) for p in first["loc"]) or None,
                )
            ) from exc
    return trees, encoding
