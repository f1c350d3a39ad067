"""Query AST, filters, sort and cursors -> SQL over the embedded index (values as parameters).

Each word or phrase becomes one FTS5 MATCH subquery; AND/OR/NOT combine those as SQL
conditions on the document row, so every boolean shape (a leading NOT included) is expressible.
MATCH strings hold only quoted tokens made of letters and digits, so FTS5 operators cannot be
injected through them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from search.index.chinese import ChineseAnalyzer, char_tokens
from search.index.compile_common import (
    ALL_FIELDS,
    fields_of,
    key_values,
    near_tokens,
    word_tokens,
)
from search.index.protocol import DateRange, Filters, SortOrder
from search.query.syntax import And, Key, Near, Node, Not, Or, Phrase, Word, leaves

SEG_COLUMNS = tuple(f"{f}_seg" for f in ALL_FIELDS)
CHAR_COLUMNS = tuple(f"{f}_chr" for f in ALL_FIELDS)
NUMBER_COLUMN = "numbers"
_LEAF = "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"


@dataclass
class SqlCondition:
    sql: str = "1"
    params: list[Any] = field(default_factory=list)


def _columns(names: tuple[str, ...]) -> str:
    return "{" + " ".join(names) + "}"


def word_match(tokens: list[str], field_name: str) -> str:
    cols = _columns(tuple(f"{f}_seg" for f in fields_of(field_name)))
    return f"{cols} : (" + " AND ".join(f'"{t}"' for t in tokens) + ")"


def phrase_match(tokens: list[str], field_name: str) -> str:
    cols = _columns(tuple(f"{f}_chr" for f in fields_of(field_name)))
    return f'{cols} : "' + " ".join(tokens) + '"'


def near_match(tokens: list[str], slop: int, field_name: str) -> str:
    cols = _columns(tuple(f"{f}_seg" for f in fields_of(field_name)))
    if len(tokens) == 1:
        return f'{cols} : "{tokens[0]}"'
    return f"{cols} : NEAR(" + " ".join(f'"{t}"' for t in tokens) + f", {int(slop)})"


def number_match(keys: list[str]) -> str:
    return f"{{{NUMBER_COLUMN}}} : (" + " OR ".join(f'"{k}"' for k in keys) + ")"


def _key_condition(key: Key) -> SqlCondition | None:
    values = key_values(key)
    if not values:
        return None
    if key.field == "number":
        return SqlCondition(_LEAF, [number_match(values)])
    if key.field == "ipc":
        return SqlCondition(
            "EXISTS (SELECT 1 FROM json_each(d.ipc) WHERE substr(value, 1, ?) = ?)",
            [len(values[0]), values[0]],
        )
    return SqlCondition(
        "(EXISTS (SELECT 1 FROM json_each(d.owner_ids) WHERE value = ?) OR "
        "EXISTS (SELECT 1 FROM json_each(d.owners) WHERE value = ?))",
        [values[0], values[0]],
    )


class SqlCompiler:
    def __init__(self, analyzer: ChineseAnalyzer) -> None:
        self._analyzer = analyzer

    def condition(self, node: Node | None) -> SqlCondition:
        if node is None:
            return SqlCondition()
        compiled = self._node(node)
        return compiled if compiled is not None else SqlCondition("0")

    def _node(self, node: Node) -> SqlCondition | None:
        if isinstance(node, Key):
            return _key_condition(node)
        if isinstance(node, Word | Phrase | Near):
            match = self._leaf_match(node)
            return None if match is None else SqlCondition(_LEAF, [match])
        if isinstance(node, Not):
            child = self._node(node.child)
            return None if child is None else SqlCondition(f"NOT ({child.sql})", child.params)
        parts = [c for c in (self._node(child) for child in node.children) if c is not None]
        if not parts:
            return None
        joiner = " AND " if isinstance(node, And) else " OR "
        assert isinstance(node, And | Or)
        return SqlCondition(
            "(" + joiner.join(p.sql for p in parts) + ")",
            [param for p in parts for param in p.params],
        )

    def _leaf_match(self, leaf: Word | Phrase | Near | Key) -> str | None:
        if isinstance(leaf, Key):
            values = key_values(leaf)
            return number_match(values) if leaf.field == "number" and values else None
        if isinstance(leaf, Near):
            tokens = near_tokens(self._analyzer, leaf)
            return near_match(tokens, leaf.slop, leaf.field) if tokens else None
        if isinstance(leaf, Phrase):
            tokens = char_tokens(leaf.text)
            return phrase_match(tokens, leaf.field) if tokens else None
        tokens = word_tokens(self._analyzer, leaf)
        return word_match(tokens, leaf.field) if tokens else None

    def rank_match(self, node: Node | None) -> str | None:
        """One MATCH for BM25 scoring: every positive word and phrase, plus each multi-token
        word as a phrase, so that words written as one outrank their scattered parts."""
        if node is None:
            return None
        matches: list[str] = []
        for leaf in leaves(node):
            match = self._leaf_match(leaf)
            if match is None:
                continue
            matches.append(match)
            if isinstance(leaf, Word) and len(word_tokens(self._analyzer, leaf)) > 1:
                matches.append(phrase_match(char_tokens(leaf.text), leaf.field))
        return " OR ".join(f"({m})" for m in matches) if matches else None


def filter_condition(filters: Filters) -> SqlCondition:
    parts: list[str] = []
    params: list[Any] = []
    for column, values in (
        ("asset_kind", filters.asset_kinds),
        ("kind", filters.kinds),
        ("legal_status", filters.legal_statuses),
        ("grade", filters.grades),
        ("country", filters.countries),
    ):
        if values:
            parts.append(f"d.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if filters.hidden_asset_kinds:
        hidden = filters.hidden_asset_kinds
        parts.append(f"d.asset_kind NOT IN ({', '.join('?' * len(hidden))})")
        params.extend(hidden)
    if filters.applicant_ids is not None:
        marks = ", ".join("?" * len(filters.applicant_ids)) or "NULL"
        parts.append(f"EXISTS (SELECT 1 FROM json_each(d.applicant_ids) WHERE value IN ({marks}))")
        params.extend(filters.applicant_ids)
    if filters.ipc_prefixes:
        ors = " OR ".join("substr(value, 1, ?) = ?" for _ in filters.ipc_prefixes)
        parts.append(f"EXISTS (SELECT 1 FROM json_each(d.ipc) WHERE {ors})")
        for prefix in filters.ipc_prefixes:
            params.extend([len(prefix), prefix])
    for column, dates in (
        ("filing_date", filters.filing_date),
        ("publication_date", filters.publication_date),
        ("grant_date", filters.grant_date),
    ):
        parts.extend(_range(column, dates, params))
    return SqlCondition(" AND ".join(parts) or "1", params)


def _range(column: str, dates: DateRange, params: list[Any]) -> list[str]:
    parts = []
    if dates.gte is not None:
        parts.append(f"d.{column} >= ?")
        params.append(dates.gte)
    if dates.lte is not None:
        parts.append(f"d.{column} <= ?")
        params.append(dates.lte)
    return parts


def order_by(sort: SortOrder) -> str:
    """ORDER BY over the page query's columns `score`, `sort_value` (the sort date) and `id`."""
    if sort.date_field is None:
        return "score DESC, id ASC"
    direction = "DESC" if sort.descending else "ASC"
    return f"(sort_value IS NULL) ASC, sort_value {direction}, id ASC"


def keyset(sort: SortOrder, after: list[Any]) -> SqlCondition:
    """Rows strictly after the cursor's (sort value, id) in `order_by(sort)`."""
    value, last_id = after
    if sort.date_field is None:
        return SqlCondition("(score < ? OR (score = ? AND id > ?))", [value, value, last_id])
    if value is None:
        return SqlCondition("(sort_value IS NULL AND id > ?)", [last_id])
    beyond = "<" if sort.descending else ">"
    return SqlCondition(
        f"(sort_value IS NULL OR sort_value {beyond} ? OR (sort_value = ? AND id > ?))",
        [value, value, last_id],
    )
