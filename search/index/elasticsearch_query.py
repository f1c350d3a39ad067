"""Query AST, filters, sort and facets -> Elasticsearch query DSL (every word a parameter)."""

from __future__ import annotations

from typing import Any

from search.index.chinese import ChineseAnalyzer, char_tokens
from search.index.compile_common import (
    fields_of,
    key_values,
    near_tokens,
    word_tokens,
)
from search.index.protocol import (
    FACET_SIZE,
    FACETS,
    FIELD_WEIGHTS,
    NUMBER_BOOST,
    DateRange,
    Filters,
    SortOrder,
)
from search.query.syntax import And, Key, Near, Node, Not, Or, Phrase, Word, leaves

Clause = dict[str, Any]
_STANDARD_FIELDS: dict[str, tuple[str, ...]] = {
    "applicants": ("applicants.text", "applicant_aliases.text"),
    "inventors": ("inventors.text",),
}
PHRASE_BOOST = 2.0


def _seg_fields(field: str) -> list[str]:
    return [f"{f}_seg^{FIELD_WEIGHTS[f]}" for f in fields_of(field)]


def _standard_fields(field: str) -> list[str]:
    return [
        f"{name}^{FIELD_WEIGHTS[f]}"
        for f in fields_of(field)
        for name in _STANDARD_FIELDS.get(f, (f,))
    ]


class QueryCompiler:
    def __init__(self, analyzer: ChineseAnalyzer) -> None:
        self._analyzer = analyzer

    def query(self, node: Node | None, filters: Filters) -> Clause:
        if node is None:
            main: Clause = {"match_all": {}}
        else:
            main = self._node(node) or {"match_none": {}}
        return {
            "bool": {
                "must": [main],
                "should": self._phrase_boosts(node),
                "filter": filter_clauses(filters),
            }
        }

    def _node(self, node: Node) -> Clause | None:
        if isinstance(node, Word):
            tokens = word_tokens(self._analyzer, node)
            clauses = [
                {
                    "multi_match": {
                        "query": t,
                        "fields": _seg_fields(node.field),
                        "type": "best_fields",
                    }
                }
                for t in tokens
            ]
            return _all_of(clauses)
        if isinstance(node, Phrase):
            if not char_tokens(node.text):
                return None
            return {
                "multi_match": {
                    "query": node.text,
                    "type": "phrase",
                    "fields": _standard_fields(node.field),
                }
            }
        if isinstance(node, Near):
            return self._near(node)
        if isinstance(node, Key):
            return _key(node)
        if isinstance(node, Not):
            child = self._node(node.child)
            return None if child is None else {"bool": {"must_not": [child]}}
        compiled = [c for c in (self._node(child) for child in node.children) if c is not None]
        if not compiled:
            return None
        if isinstance(node, And):
            return _all_of(compiled)
        assert isinstance(node, Or)
        return {"bool": {"should": compiled, "minimum_should_match": 1}}

    def _near(self, node: Near) -> Clause | None:
        tokens = near_tokens(self._analyzer, node)
        if not tokens:
            return None
        per_field = [
            {
                "span_near": {
                    "clauses": [{"span_term": {f"{f}_seg": t}} for t in tokens],
                    "slop": node.slop,
                    "in_order": False,
                    "boost": FIELD_WEIGHTS[f],
                }
            }
            if len(tokens) > 1
            else {"term": {f"{f}_seg": {"value": tokens[0], "boost": FIELD_WEIGHTS[f]}}}
            for f in fields_of(node.field)
        ]
        return per_field[0] if len(per_field) == 1 else {"dis_max": {"queries": per_field}}

    def _phrase_boosts(self, node: Node | None) -> list[Clause]:
        # A word that occurs as written (its characters adjacent) outranks one whose parts are
        # scattered over the text.
        if node is None:
            return []
        return [
            {
                "multi_match": {
                    "query": leaf.text,
                    "type": "phrase",
                    "boost": PHRASE_BOOST,
                    "fields": _standard_fields(leaf.field),
                }
            }
            for leaf in leaves(node)
            if isinstance(leaf, Word) and len(word_tokens(self._analyzer, leaf)) > 1
        ]


def _key(node: Key) -> Clause | None:
    values = key_values(node)
    if not values:
        return None
    if node.field == "ipc":
        # Classifications do not score: an IPC leaf only selects.
        return {"constant_score": {"filter": {"prefix": {"ipc": values[0]}}, "boost": 0.0}}
    if node.field == "owner":
        match: Clause = {
            "bool": {
                "should": [{"terms": {"owner_ids": values}}, {"terms": {"owners": values}}],
                "minimum_should_match": 1,
            }
        }
        return {"constant_score": {"filter": match, "boost": 0.0}}
    return {"constant_score": {"filter": {"terms": {"numbers": values}}, "boost": NUMBER_BOOST}}


def _all_of(clauses: list[Clause]) -> Clause | None:
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}


def filter_clauses(filters: Filters) -> list[Clause]:
    clauses: list[Clause] = []
    for field, values in (
        ("asset_kind", filters.asset_kinds),
        ("kind", filters.kinds),
        ("legal_status", filters.legal_statuses),
        ("grade", filters.grades),
        ("country", filters.countries),
    ):
        if values:
            clauses.append({"terms": {field: list(values)}})
    if filters.hidden_asset_kinds:
        clauses.append(
            {"bool": {"must_not": [{"terms": {"asset_kind": list(filters.hidden_asset_kinds)}}]}}
        )
    if filters.applicant_ids is not None:
        clauses.append({"terms": {"applicant_ids": list(filters.applicant_ids)}})
    if filters.ipc_prefixes:
        clauses.append(
            {
                "bool": {
                    "should": [{"prefix": {"ipc": p}} for p in filters.ipc_prefixes],
                    "minimum_should_match": 1,
                }
            }
        )
    for field, dates in (
        ("filing_date", filters.filing_date),
        ("publication_date", filters.publication_date),
        ("grant_date", filters.grant_date),
    ):
        clause = _range(field, dates)
        if clause:
            clauses.append(clause)
    return clauses


def _range(field: str, dates: DateRange) -> Clause | None:
    bounds = {k: v for k, v in (("gte", dates.gte), ("lte", dates.lte)) if v is not None}
    return {"range": {field: bounds}} if bounds else None


def sort_clause(sort: SortOrder) -> list[Clause]:
    date_field = sort.date_field
    if date_field is None:
        return [{"_score": "desc"}, {"id": "asc"}]
    order = "desc" if sort.descending else "asc"
    return [{date_field: {"order": order, "missing": "_last"}}, {"id": "asc"}]


def facet_aggregations() -> Clause:
    return {
        name: {
            "terms": {
                "field": name,
                "size": FACET_SIZE,
                "order": [{"_count": "desc"}, {"_key": "asc"}],
            }
        }
        for name in FACETS
    }
