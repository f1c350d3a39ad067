"""The contract every search index fulfils; tests/conformance checks each implementation."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from domain.numbers import number_index_keys
from search.query.syntax import Node

# Searched text fields and their weights; both backends use this one table. Title and claims
# weigh more than the description, as a patent searcher expects.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "claims": 2.0,
    "applicants": 2.0,
    "abstract": 1.5,
    "inventors": 1.0,
    "description": 0.5,
}
# Fields whose whole text is returned highlighted (identical on both backends); the long
# fields come back as one fragment around their first match, so every hit says where it matched.
HIGHLIGHT_FIELDS: tuple[str, ...] = ("title", "abstract")
FRAGMENT_FIELDS: tuple[str, ...] = ("claims", "description", "applicants", "inventors")
FRAGMENT_SIZE = 160
# An exact number match outranks any text match.
NUMBER_BOOST = 1000.0
FACETS: tuple[str, ...] = (
    "asset_kind",
    "kind",
    "legal_status",
    "filing_year",
    "ipc_subclasses",
    "applicants",
    "country",
    "grade",  # the value model's grade, written by monitoring (usecases/monitoring.py)
)
FACET_SIZE = 20
MAX_TRACKED_TOTAL = 10_000
# Fields a caller may select with `fields=` (besides `id`, always returned).
SELECTABLE_FIELDS: tuple[str, ...] = (
    "title",
    "asset_kind",
    "abstract",
    "claims",
    "description",
    "applicants",
    "inventors",
    "owners",
    "ipc",
    "kind",
    "legal_status",
    "country",
    "publication_number",
    "application_number",
    "priority_numbers",
    "filing_date",
    "publication_date",
    "grant_date",
    "cited_patents",
    "citing_patents",
)


@dataclass(frozen=True)
class IndexDocument:
    """An asset as the index stores it; the index derives its segmented fields itself."""

    id: str
    title: str
    asset_kind: str = "patent"
    abstract: str = ""
    claims: str = ""
    description: str = ""
    applicants: list[str] = field(default_factory=list)
    applicant_ids: list[str] = field(default_factory=list)
    applicant_aliases: list[str] = field(default_factory=list)
    inventors: list[str] = field(default_factory=list)
    ipc: list[str] = field(default_factory=list)
    kind: str | None = None
    legal_status: str | None = None
    country: str | None = None
    publication_number: str | None = None
    application_number: str | None = None
    filing_date: str | None = None
    publication_date: str | None = None
    grant_date: str | None = None
    priority_numbers: list[str] = field(default_factory=list)
    # Current owners (当前权利人; the applicants when unknown) and their organisation keys.
    owners: list[str] = field(default_factory=list)
    owner_ids: list[str] = field(default_factory=list)
    cited_patents: list[str] = field(default_factory=list)
    citing_patents: list[str] = field(default_factory=list)
    grade: str | None = None  # core / important / general (graph/value_model.py)
    # Not stored: the jieba tokens of each searched field, when the writer already made them
    # (ingest segments once and shares the result); the index segments the text otherwise.
    presegmented: dict[str, str] | None = field(default=None, compare=False, repr=False)

    def stored(self) -> dict[str, object]:
        """The fields an index keeps and returns."""
        # A shallow copy (lists copied), not dataclasses.asdict: its deep copy of every value
        # was a large part of each hit's and each indexed document's cost.
        values: dict[str, object] = {}
        for name in _STORED_FIELDS:
            value = getattr(self, name)
            values[name] = list(value) if isinstance(value, list) else value
        return values

    @property
    def ipc_subclasses(self) -> list[str]:
        return sorted({code[:4] for code in self.ipc})

    @property
    def numbers(self) -> list[str]:
        """The keys `number:` matches (domain.numbers.number_index_keys)."""
        return number_index_keys(
            self.publication_number, self.application_number, self.priority_numbers
        )

    @property
    def filing_year(self) -> str | None:
        return self.filing_date[:4] if self.filing_date else None


_STORED_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(IndexDocument) if f.name != "presegmented"
)


class SortOrder(StrEnum):
    RELEVANCE = "relevance"
    FILING_DATE_DESC = "filing_date_desc"
    FILING_DATE_ASC = "filing_date_asc"
    PUBLICATION_DATE_DESC = "publication_date_desc"
    PUBLICATION_DATE_ASC = "publication_date_asc"

    @property
    def date_field(self) -> str | None:
        return None if self is SortOrder.RELEVANCE else self.value.rsplit("_", 1)[0]

    @property
    def descending(self) -> bool:
        return self is SortOrder.RELEVANCE or self.value.endswith("_desc")


@dataclass(frozen=True)
class DateRange:
    gte: str | None = None  # ISO dates, inclusive
    lte: str | None = None


@dataclass(frozen=True)
class Filters:
    """All filters are ANDed; values inside one filter are ORed."""

    asset_kinds: tuple[str, ...] = ()
    # Asset kinds the caller may not see (confidential contracts for a portal key): excluded
    # in the query itself.
    hidden_asset_kinds: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    legal_statuses: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    ipc_prefixes: tuple[str, ...] = ()
    # None: no applicant filter; an empty tuple: no applicant qualifies (nothing matches).
    applicant_ids: tuple[str, ...] | None = None
    filing_date: DateRange = DateRange()
    publication_date: DateRange = DateRange()
    grant_date: DateRange = DateRange()


@dataclass(frozen=True)
class SearchQuery:
    """`query` None matches every document. `after` is a cursor this index returned."""

    query: Node | None
    filters: Filters = Filters()
    sort: SortOrder = SortOrder.RELEVANCE
    size: int = 10
    offset: int = 0
    after: str | None = None
    facets: bool = False


# Similar patents: the searched word fields and their weights, and how many of the source's terms
# make the query (docs/SIMILAR.md).
SIMILAR_FIELDS: dict[str, float] = {"title": 2.0, "abstract": 1.5, "claims": 1.0}
SIMILAR_MAX_TERMS = 60
SIMILAR_CANDIDATES = 100


@dataclass(frozen=True)
class SimilarQuery:
    """Documents like one in the index (`like_id`, never returned itself) or like a text."""

    like_id: str | None = None
    like_text: str | None = None
    filters: Filters = Filters()
    size: int = SIMILAR_CANDIDATES


@dataclass(frozen=True)
class SearchHit:
    id: str
    score: float
    document: IndexDocument
    highlights: dict[str, str]
    # (query word, dictionary expansion) pairs whose expansion occurs in this hit.
    expansions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FacetBucket:
    key: str
    count: int


@dataclass(frozen=True)
class SearchPage:
    total: int
    total_is_exact: bool
    hits: list[SearchHit]
    facets: dict[str, list[FacetBucket]] = field(default_factory=dict)
    next_cursor: str | None = None
    # Query word -> the dictionary spellings it was expanded to (set by the search use case).
    expansions: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SimilarPage:
    """Similar-patent candidates and the source terms the query was made of (best first)."""

    terms: list[str]
    hits: list[SearchHit]


@dataclass(frozen=True)
class WriteReport:
    written: int
    failed: dict[str, str] = field(default_factory=dict)  # document id -> reason


class InvalidCursorError(ValueError):
    code = "CURSOR_INVALID"


@runtime_checkable
class SearchIndex(Protocol):
    def ensure_index(self) -> None:
        """Create the index (and its template/alias) if missing; safe to repeat."""

    def upsert(self, documents: Sequence[IndexDocument]) -> WriteReport:
        """Write documents by id (a re-write replaces, never duplicates); visible on return,
        or inside `bulk_loading` when it ends. Safe to call from several threads."""

    def bulk_loading(self) -> AbstractContextManager[None]:
        """A large load: the index may stop making writes searchable as they come (and keep
        fewer copies) until the block ends, when everything written is searchable."""

    def bulk_load(self, documents: Iterable[IndexDocument]) -> WriteReport:
        """Write a large stream of documents (consumed lazily) as upsert would, tuned for
        throughput (Elasticsearch: refresh off and no replicas while loading); visible on
        return."""

    def search(self, query: SearchQuery) -> SearchPage:
        """Matching documents, sorted, ties broken by id; cursors continue where a page ended."""

    def scan(self, query: SearchQuery, page_size: int = ...) -> Generator[SearchHit, None, None]:
        """Every hit of `query` (its offset, size, facets and cursor ignored) in its order, read
        lazily page by page (constant memory; Elasticsearch: a point in time, closed when the
        iterator ends or is closed), without highlights."""

    def similar(self, query: SimilarQuery) -> SimilarPage:
        """Candidates ranked by text similarity over the segmented title, abstract and claims
        (the description is not returned); the source document is never among them."""

    def get(self, document_id: str) -> IndexDocument | None: ...

    def count(self) -> int: ...

    def ping(self) -> None:
        """Raise `SearchUnavailableError` when the backend cannot answer."""

    def delete_all(self) -> None: ...

    def close(self) -> None: ...
