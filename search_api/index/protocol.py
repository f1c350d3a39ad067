"""The contract every search index fulfils; tests/conformance checks each implementation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

# Fields searched by a plain query, with their weights; both backends use this one table.
SEARCH_FIELD_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "abstract": 1.0,
    "applicants": 2.0,
    "inventors": 1.0,
}
HIGHLIGHT_FIELDS: tuple[str, ...] = ("title", "abstract")


@dataclass(frozen=True)
class IndexDocument:
    """A patent as the index stores it; the index derives its segmented fields itself."""

    id: str
    title: str
    abstract: str = ""
    applicants: list[str] = field(default_factory=list)
    inventors: list[str] = field(default_factory=list)
    ipc: list[str] = field(default_factory=list)
    kind: str | None = None
    country: str | None = None
    publication_number: str | None = None
    application_number: str | None = None
    filing_date: str | None = None
    publication_date: str | None = None


@dataclass(frozen=True)
class SearchQuery:
    text: str
    size: int = 10
    offset: int = 0


@dataclass(frozen=True)
class SearchHit:
    id: str
    score: float
    document: IndexDocument
    highlights: dict[str, str]


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[SearchHit]
    tokens: list[str]


@dataclass(frozen=True)
class WriteReport:
    written: int
    failed: dict[str, str] = field(default_factory=dict)  # document id -> reason


@runtime_checkable
class SearchIndex(Protocol):
    def ensure_index(self) -> None:
        """Create the index (and its template/alias) if missing; safe to repeat."""

    def upsert(self, documents: Sequence[IndexDocument]) -> WriteReport:
        """Write documents by id (a re-write replaces, never duplicates); visible on return."""

    def search(self, query: SearchQuery) -> SearchPage:
        """All query tokens must match in some searched field; best first, ties by id."""

    def get(self, document_id: str) -> IndexDocument | None: ...

    def count(self) -> int: ...

    def ping(self) -> None:
        """Raise `SearchUnavailableError` when the backend cannot answer."""

    def delete_all(self) -> None: ...

    def close(self) -> None: ...
