"""Full-text search as the caller may see it: the query parsed, names and groups resolved to
applicant ids, the access policy's hidden document kinds applied in the index query itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.access import AccessPolicy
from domain.ipc import ipc_prefix
from graph.groups import group_members
from graph.model import NodeLabel
from search.index.protocol import (
    DateRange,
    Filters,
    InvalidCursorError,
    SearchPage,
    SearchQuery,
    SortOrder,
)
from search.query import Node, QuerySyntaxError, parse_query
from usecases.context import Context
from usecases.errors import ErrorCode, InvalidRequestError

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
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = 1
    size: int = 10
    cursor: str | None = None
    facets: bool = True


def search(ctx: Context, criteria: Criteria, policy: AccessPolicy) -> SearchPage:
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
    query = SearchQuery(
        query=None if criteria.q is None else parse_field_query(criteria.q),
        filters=_filters(ctx, criteria, policy),
        sort=criteria.sort,
        size=criteria.size,
        offset=offset,
        after=criteria.cursor,
        facets=criteria.facets,
    )
    try:
        return ctx.stores.index.search(query)
    except InvalidCursorError as exc:
        raise InvalidRequestError(ErrorCode.CURSOR_INVALID, str(exc), {}) from exc


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
        filing_date=_range(*criteria.filing),
        publication_date=_range(*criteria.publication),
        grant_date=_range(*criteria.grant),
    )


def _applicant_ids(ctx: Context, criteria: Criteria) -> tuple[str, ...] | None:
    """Applicant names resolved through the aliases; a group through the graph. Both given:
    the named applicants that belong to the group."""
    named = {ctx.aliases.resolve(name) for name in criteria.applicants}
    if criteria.group is None:
        return tuple(sorted(named)) if named else None
    group_id = ctx.aliases.resolve(criteria.group)
    if ctx.stores.graph.get_node(NodeLabel.ORGANIZATION, group_id) is None:
        raise InvalidRequestError(
            ErrorCode.GROUP_UNKNOWN,
            f"no organisation named {criteria.group!r}",
            {"group": criteria.group},
        )
    members = set(group_members(ctx.stores.graph, group_id))
    return tuple(sorted(named & members if named else members))


def _range(start: dt.date | None, end: dt.date | None) -> DateRange:
    return DateRange(gte=start.isoformat() if start else None, lte=end.isoformat() if end else None)
