"""Analyst-export column headers -> patent record fields (config/columns/patent_columns.tsv)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from config.settings import CONFIG_DIR
from domain.dates import date_text
from ingest.readers import export_layout

DEFAULT_COLUMNS = CONFIG_DIR / "columns" / "patent_columns.tsv"
_NOISE = re.compile(r"[\s()（）\[\]【】_\-:：]+")
_DATE_FIELDS = {"filing_date", "publication_date", "grant_date"}
_LIST_FIELDS = {
    "applicants",
    "current_owners",
    "applicant_addresses",
    "inventors",
    "ipc",
    "legal_events",
    "family",
    "cites",
    "cited_by",
    "priority",
    "priority_dates",
}
_LIST_SEPARATORS = re.compile(r"[;；、\n|]+")
_IPC_IN_CELL = re.compile(r"[A-H]\d{2}[A-Z][\s\-]*\d{1,4}\s*/\s*\d{1,6}")


def header_key(header: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", header)).lower()


@dataclass(frozen=True)
class ColumnMap:
    by_header: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = DEFAULT_COLUMNS) -> ColumnMap:
        mapping: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, _, variants = line.partition("\t")
            mapping[header_key(name)] = name
            for variant in variants.split("|"):
                mapping.setdefault(header_key(variant), name)
        return cls(mapping)

    def field_of(self, header: str) -> str | None:
        found = self.by_header.get(header_key(header))
        if found is None and "/" in header:
            # 申请人/专利权人, 法律状态/事件: a header naming alternatives is its first known one
            parts = (self.by_header.get(header_key(part)) for part in header.split("/"))
            found = next((part for part in parts if part is not None), None)
        return found

    def fields_of(self, row: dict[str, Any]) -> dict[str, str]:
        """The non-empty cells of a row under their field names, as trimmed text; for tables
        whose fields are plain text (registers, declarations). The first column wins."""
        fields: dict[str, str] = {}
        for header, value in row.items():
            name = self.field_of(str(header))
            if name is not None and not _is_empty(value) and name not in fields:
                fields[name] = str(value).strip()
        return fields

    def to_record(self, row: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """The record fields of one export row, and the headers that map to nothing."""
        record: dict[str, Any] = {}
        unmapped: list[str] = []
        for header, value in row.items():
            name = self.field_of(str(header))
            if name is None:
                unmapped.append(str(header))
                continue
            if name in record or _is_empty(value):
                continue  # the first column with a value wins
            record[name] = _value(name, value)
        main = record.pop("ipc_main", None)
        if main:
            record["ipc"] = [main, *[c for c in record.get("ipc", []) if c != main]]
        _events(record)
        return {k: v for k, v in record.items() if v not in (None, [], "")}, unmapped


_EVENT_COLUMNS = ("transferors", "transferees", "pledgors", "pledgees", "licensors", "licensees")


def _events(record: dict[str, Any]) -> None:
    """Transfers, pledges and licences from their cells (export_layout), whether an export
    puts one event in one cell (质押: 出质人：…；质权人：…) or each role in its own column."""
    cells = {name: record.pop(name, None) for name in (*_EVENT_COLUMNS, "license_type")}
    if cells["transferors"] or cells["transferees"]:
        record["transfers"] = export_layout.transfers(cells["transferors"], cells["transferees"])
    if "pledges" in record:
        record["pledges"] = export_layout.pledges(record["pledges"])
    elif cells["pledgors"] or cells["pledgees"]:
        record["pledges"] = [
            {
                "pledgors": export_layout.names(str(cells["pledgors"] or "")),
                "pledgees": export_layout.names(str(cells["pledgees"] or "")),
            }
        ]
    if "licenses" in record:
        record["licenses"] = export_layout.licenses(record["licenses"])
    elif cells["licensors"] or cells["licensees"]:
        record["licenses"] = [
            {
                "licensors": export_layout.names(str(cells["licensors"] or "")),
                "licensees": export_layout.names(str(cells["licensees"] or "")),
                "type": str(cells["license_type"]).strip() if cells["license_type"] else None,
            }
        ]
    if "cited_by_count" in record:
        record["cited_by_count"] = export_layout.count(record["cited_by_count"])


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value(name: str, value: Any) -> Any:
    if name in _DATE_FIELDS:
        return date_text(value)
    if name in ("pledges", "licenses", "cited_by_count", *_EVENT_COLUMNS, "license_type"):
        return value  # read whole by _events
    if name == "priority_dates":
        items = value if isinstance(value, list) else _LIST_SEPARATORS.split(str(value))
        return [date_text(item) for item in items if str(item).strip()]
    if name in ("ipc", "ipc_main") and not isinstance(value, list):
        # All codes of a patent in one cell, however joined: `G06F 16/36 G06N 3/08`,
        # `C21D-001/18 | C22C-038/04`.
        codes = [re.sub(r"\s+", " ", c).strip() for c in _IPC_IN_CELL.findall(str(value))]
        if codes:
            return codes if name == "ipc" else codes[0]
    if name in _LIST_FIELDS:
        items = value if isinstance(value, list) else _LIST_SEPARATORS.split(str(value))
        return [str(item).strip() for item in items if str(item).strip()]
    return str(value).strip() if not isinstance(value, str) else value.strip()
