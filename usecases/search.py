"""Full-text search as the caller may see it: the query parsed, names and groups resolved to
applicant ids, the access policy's hidden document kinds applied in the index query itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass

from domain.access import FULL_ACCESS, AccessPolicy
from domain.ipc import ipc_prefix
from graph.analytics.ledger import members_as_of
from graph.groups import group_members
from graph.model import NodeLabel
from search.index.protocol import (
    SELECTABLE_FIELDS,
    DateRange,
    Filters,
    InvalidCursorError,
    SearchHit,
    SearchPage,
    SearchQuery,
    SortOrder,
)
from search.query import Key, Node, QuerySyntaxError, parse_query
from search.query.expand import expand_synonyms, expansions_of
from search.query.syntax import And, Not, Or
from usecases.context import Context
from usecases.errors import ErrorCode, InvalidRequestError
from usecases.ledger import group_id_for

# Deeper than this, offsets get slow on both engines: the cursor pages on.
MAX_RESULT_WINDOW = 10_000


@dataclass(frozen=True)
class Criteria:
    """A search as the entry points hand it over (already validated for shape)."""

    q: str | None = None
    asset_kinds: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    legal_statuses: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    ipc: tuple[str, ...] = ()
    applicants: tuple[str, ...] = ()
    group: str | None = None
    filing: tuple[dt.date | None, dt.date | None] = (None, None)
    publication: tuple[dt.date | None, dt.date | None] = (None, None)
    grant: tuple[dt.date | None, dt.date | None] = (None, None)
    as_of: dt.date | None = None  # filed by then; the group as it stood (docs/ASSET_LEDGER.md)
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = 1
    size: int = 10
    cursor: str | None = None
    facets: bool = True
    synonyms: bool = True
    fields: tuple[str, ...] = ()


EXPORT_PAGE_SIZE = 1000


def search(ctx: Context, criteria: Criteria, policy: AccessPolicy) -> SearchPage:
    query = search_query(ctx, criteria, policy)
    page = _run(ctx, query)
    return dataclasses.replace(page, expansions=expansions_of(query.query))


def search_query(ctx: Context, criteria: Criteria, policy: AccessPolicy) -> SearchQuery:
    """The index query a search sends (checked; benchmarks replay it)."""
    _check_date_ranges(criteria)
    offset = (criteria.page - 1) * criteria.size
    if offset + criteria.size > MAX_RESULT_WINDOW:
        raise InvalidRequestError(
            ErrorCode.PAGE_OUT_OF_RANGE,
            f"page * size may not exceed {MAX_RESULT_WINDOW}; use the cursor",
            {"page": criteria.page, "size": criteria.size},
        )
    if criteria.cursor is not None and criteria.page != 1:
        raise InvalidRequestError(
            ErrorCode.CURSOR_WITH_PAGE,
            "a cursor continues from page 1; omit page",
            {"page": criteria.page},
        )
    check_fields(criteria.fields)
    return SearchQuery(
        query=_query_node(ctx, criteria),
        filters=_filters(ctx, criteria, policy),
        sort=criteria.sort,
        size=criteria.size,
        offset=offset,
        after=criteria.cursor,
        facets=criteria.facets,
    )


def export(
    ctx: Context, criteria: Criteria, policy: AccessPolicy
) -> Generator[SearchHit, None, None]:
    """Every hit of the search (no 10,000 cap), with the same query, filters and access rules,
    read lazily by the index's scan (Elasticsearch: point in time + search_after; SQLite:
    keyset), so memory stays constant; close the iterator to stop early (the point in time is
    released)."""
    check_fields(criteria.fields)
    query = SearchQuery(
        query=_query_node(ctx, criteria),
        filters=_filters(ctx, criteria, policy),
        sort=criteria.sort,
    )
    return ctx.stores.index.scan(query, EXPORT_PAGE_SIZE)


def _run(ctx: Context, query: SearchQuery) -> SearchPage:
    try:
        return ctx.stores.index.search(query)
    except InvalidCursorError as exc:
        raise InvalidRequestError(ErrorCode.CURSOR_INVALID, str(exc), {}) from exc


def check_fields(fields: tuple[str, ...]) -> None:
    unknown = [f for f in fields if f not in SELECTABLE_FIELDS and f != "id"]
    if unknown:
        raise InvalidRequestError(
            ErrorCode.FIELD_UNKNOWN,
            f"unknown field(s): {', '.join(unknown)}",
            {"fields": unknown, "known": ["id", *SELECTABLE_FIELDS]},
        )


def _query_node(ctx: Context, criteria: Criteria) -> Node | None:
    if criteria.q is None:
        return None
    node = _resolve_owners(ctx, parse_field_query(criteria.q))
    return expand_synonyms(node, ctx.synonyms.dictionary()) if criteria.synonyms else node


def _resolve_owners(ctx: Context, node: Node) -> Node:
    """`owner:` takes any name of an organisation (short, English, former): its key."""
    if isinstance(node, Key) and node.field == "owner":
        return Key("owner", ctx.aliases.resolve(node.value))
    if isinstance(node, Not):
        return Not(_resolve_owners(ctx, node.child))
    if isinstance(node, And):
        return And(tuple(_resolve_owners(ctx, c) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(_resolve_owners(ctx, c) for c in node.children))
    return node


def parse_field_query(text: str) -> Node:
    """A query in the documented syntax; bad syntax is QUERY_SYNTAX with the position."""
    try:
        return parse_query(text)
    except QuerySyntaxError as exc:
        raise InvalidRequestError(
            ErrorCode.QUERY_SYNTAX, exc.message, {"position": exc.position, "query": text}
        ) from exc


def ipc_field(raw: str) -> str:
    """An IPC code or prefix in its canonical form; IPC_PREFIX_INVALID otherwise."""
    prefix = ipc_prefix(raw)
    if prefix is None:
        raise InvalidRequestError(
            ErrorCode.IPC_PREFIX_INVALID, f"not an IPC code or prefix: {raw!r}", {"ipc": raw}
        )
    return prefix


def _check_date_ranges(criteria: Criteria) -> None:
    ranges = (
        ("filing", criteria.filing),
        ("publication", criteria.publication),
        ("grant", criteria.grant),
    )
    for name, (start, end) in ranges:
        if start is not None and end is not None and start > end:
            raise InvalidRequestError(
                ErrorCode.DATE_RANGE_INVALID,
                f"{name}_from is after {name}_to",
                {"from": start.isoformat(), "to": end.isoformat()},
            )


def _filters(ctx: Context, criteria: Criteria, policy: AccessPolicy) -> Filters:
    return Filters(
        asset_kinds=policy.asset_kinds(criteria.asset_kinds),
        hidden_asset_kinds=policy.hidden_asset_kinds,
        kinds=criteria.kinds,
        legal_statuses=criteria.legal_statuses,
        grades=criteria.grades,
        countries=tuple(c.upper() for c in criteria.countries),
        ipc_prefixes=tuple(ipc_field(p) for p in criteria.ipc),
        applicant_ids=_applicant_ids(ctx, criteria),
        filing_date=_range(*_filed_by(criteria)),
        publication_date=_range(*criteria.publication),
        grant_date=_range(*criteria.grant),
    )


def _applicant_ids(ctx: Context, criteria: Criteria) -> tuple[str, ...] | None:
    """Applicant names resolved through the aliases; a group through the graph. Both given:
    the named applicants that belong to the group."""
    named = {ctx.aliases.resolve(name) for name in criteria.applicants}
    if criteria.group is None:
        return tuple(sorted(named)) if named else None
    group_id = _group_id(ctx, criteria.group)
    if ctx.stores.graph.get_node(NodeLabel.ORGANIZATION, group_id) is None:
        raise InvalidRequestError(
            ErrorCode.GROUP_UNKNOWN,
            f"no organisation named {criteria.group!r}",
            {"group": criteria.group},
        )
    members = set(
        members_as_of(ctx.stores.graph, group_id, criteria.as_of)
        if criteria.as_of is not None
        else group_members(ctx.stores.graph, group_id)
    )
    return tuple(sorted(named & members if named else members))


def _filed_by(criteria: Criteria) -> tuple[dt.date | None, dt.date | None]:
    """The filing range, ending at `as_of` at the latest (nothing filed after counts)."""
    start, end = criteria.filing
    if criteria.as_of is not None and (end is None or end > criteria.as_of):
        end = criteria.as_of
    return start, end


def _group_id(ctx: Context, text: str) -> str:
    """A group filter names the SASAC group for a group's short name or an English name
    (usecases/ledger.py), else the organisation the aliases give."""
    return group_id_for(ctx, text, FULL_ACCESS) or ctx.aliases.resolve(text)


def _range(start: dt.date | None, end: dt.date | None) -> DateRange:
    return DateRange(gte=start.isoformat() if start else None, lte=end.isoformat() if end else None)
