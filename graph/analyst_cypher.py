"""Analyst Cypher, read-only by construction. Three independent locks, any one of which
refuses a write:

1. a lexical check here: after removing strings, comments and quoted names, no write or admin
   clause (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV, FOREACH, ... IN TRANSACTIONS,
   GRANT ...), no `USE` of another database, and procedures only from a read-only allow-list;
2. the server's own plan: `EXPLAIN` must report the query type `r` (read only);
3. the query runs in a READ access-mode transaction, which the server refuses to write in.

Neo4j Community has no per-user privileges, so the analyst endpoint cannot rely on a read-only
database user; these locks are what stands between an analyst and a write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.errors import CypherRefusedError

MAX_QUERY_CHARS = 10_000
DEFAULT_ROW_LIMIT = 1_000
MAX_ROW_LIMIT = 10_000
DEFAULT_TIMEOUT_S = 10.0

_WRITE_WORDS = (
    "CREATE",
    "MERGE",
    "SET",
    "DELETE",
    "DETACH",
    "REMOVE",
    "DROP",
    "LOAD",
    "FOREACH",
    "GRANT",
    "DENY",
    "REVOKE",
    "ALTER",
    "RENAME",
    "START",
    "STOP",
    "TERMINATE",
    "USE",
    "FINISH",
)
# Procedures that only read the schema; everything else (dbms.*, apoc.*, gds.*, db.create.* ...)
# is refused, because a procedure's effects are not visible to the lexical check.
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
    }
)
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", re.S)
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][A-Za-z0-9_.]*)\s*\(?", re.I)
_IN_TRANSACTIONS = re.compile(r"\bIN\s+TRANSACTIONS\b", re.I)


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool  # more rows existed than the limit let through
    notifications: list[str] = field(default_factory=list)


def check_read_only(query: str) -> None:
    """Raise `CypherRefusedError` naming what would write; silent for read-only queries."""
    if len(query) > MAX_QUERY_CHARS:
        raise CypherRefusedError("the query is too long", detail={"max_chars": MAX_QUERY_CHARS})
    code = _COMMENTS.sub(" ", _STRINGS.sub("''", query))
    if _IN_TRANSACTIONS.search(code):
        raise _refused("IN TRANSACTIONS", code)
    for word in _WORD.finditer(code):
        upper = word.group(0).upper()
        if upper in _WRITE_WORDS and not _is_property_or_label(code, word):
            raise _refused(upper, code, word.start())
    for call in _CALL.finditer(code):
        name = call.group(1).lower()
        if name not in READ_PROCEDURES:
            raise _refused(f"CALL {call.group(1)}", code, call.start())


def _is_property_or_label(code: str, word: re.Match[str]) -> bool:
    """`n.set`, `:Delete` or `{create: 1}` name things; they are not clauses."""
    before = code[: word.start()].rstrip()
    after = code[word.end() :].lstrip()
    return before.endswith((".", ":")) or (after.startswith(":") and not after.startswith("::"))


def _refused(what: str, code: str, position: int | None = None) -> CypherRefusedError:
    detail: dict[str, object] = {"clause": what}
    if position is not None:
        detail["position"] = position
    return CypherRefusedError(
        f"analyst queries are read-only: {what} is not allowed", detail=detail
    )
