"""Analyst Cypher, read-only by construction. Independent locks, any one of which refuses what
an analyst must not do (write, administer, reach outside the graph):

1. a lexical first filter here, on a real tokenizer (strings with escapes, both comment forms,
   backquoted names): no write or admin clause, no SHOW/TERMINATE, no LOAD CSV, no USE of
   another database, no CALL ... IN TRANSACTIONS, procedures only from a short allow-list.
   It only saves a round trip: it is not what the decision rests on;
2. the server's own plan (`check_plan`): `EXPLAIN` must report the query type `r` and every
   operator of the plan must be a read operator on `READ_OPERATORS`; a ProcedureCall must name
   an allow-listed procedure. LoadCSV, Show*/Terminate*, Create/Merge/Set/Delete,
   TransactionForeach ... are not on the list, nor is any operator a future server adds;
3. the query runs in a READ access-mode transaction with a server-side timeout, which the
   server refuses to write in, without driver retries;
4. the Neo4j that `ipgraph services` starts (services/neo4j.py, the same in docker-compose.yml)
   refuses LOAD CSV from files and from every IP address, loads only the allow-listed
   procedures and caps each transaction's memory.

Neo4j Community has no roles (RBAC is Enterprise), so a second, read-only database user would
hold the same privileges as the admin; these locks are what stands between an analyst and the
server.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.errors import CypherRefusedError

MAX_QUERY_CHARS = 10_000
# A loop inside one expression (`[x IN range(..) | ..]`, `any(x IN range(..) WHERE ..)`,
# `reduce`) runs inside a single row, where Neo4j 5 checks neither the transaction timeout nor
# TERMINATE: such a query holds a server core until the server restarts. The only lock is not
# to start one: `reduce` is refused (aggregate instead) and a range iterated inside an
# expression must have bounds written in the query or passed as parameters, at most this long.
# `UNWIND range(..)` makes rows, which the server does time out, and is not limited.
MAX_EXPRESSION_RANGE = 100_000
DEFAULT_ROW_LIMIT = 1_000
MAX_ROW_LIMIT = 10_000
DEFAULT_TIMEOUT_S = 10.0

_FORBIDDEN_WORDS = frozenset(
    {
        "CREATE",
        "MERGE",
        "SET",
        "DELETE",
        "DETACH",
        "NODETACH",
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
        "TRANSACTIONS",  # IN [CONCURRENT] TRANSACTIONS, SHOW/TERMINATE TRANSACTIONS
        "CONCURRENT",
        "SHOW",
        "USE",
        "ENABLE",
        "DEALLOCATE",
        "REALLOCATE",
        "IMPERSONATE",
        "PERIODIC",
        "INSERT",
    }
)
# Procedures that only read the schema; everything else (dbms.*, apoc.*, gds.*, db.create.* ...)
# is refused: a procedure's effects are visible neither to the lexer nor to the plan's type.
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
# Operators of Neo4j 5 read plans (the suffix `@neo4j` removed). An allow-list, not a deny-list:
# an operator the server adds later is refused until someone has looked at it.
READ_OPERATORS = frozenset(
    {
        "ProduceResults",
        "EmptyResult",
        "Argument",
        "ArgumentTracker",
        "AllNodesScan",
        "NodeByLabelScan",
        "UnionNodeByLabelsScan",
        "IntersectionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan",
        "PartitionedAllNodesScan",
        "NodeByIdSeek",
        "NodeByElementIdSeek",
        "NodeIndexSeek",
        "NodeUniqueIndexSeek",
        "NodeIndexSeekByRange",
        "NodeUniqueIndexSeekByRange",
        "NodeIndexScan",
        "NodeIndexContainsScan",
        "NodeIndexEndsWithScan",
        "MultiNodeIndexSeek",
        "DirectedRelationshipTypeScan",
        "UndirectedRelationshipTypeScan",
        "DirectedUnionRelationshipTypesScan",
        "UndirectedUnionRelationshipTypesScan",
        "DirectedAllRelationshipsScan",
        "UndirectedAllRelationshipsScan",
        "DirectedRelationshipByIdSeek",
        "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek",
        "UndirectedRelationshipByElementIdSeek",
        "DirectedRelationshipIndexSeek",
        "UndirectedRelationshipIndexSeek",
        "DirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexScan",
        "DirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipIndexSeekByRange",
        "DirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan",
        "UndirectedRelationshipIndexEndsWithScan",
        "NodeCountFromCountStore",
        "RelationshipCountFromCountStore",
        "Expand(All)",
        "Expand(Into)",
        "OptionalExpand(All)",
        "OptionalExpand(Into)",
        "VarLengthExpand(All)",
        "VarLengthExpand(Into)",
        "VarLengthExpand(Pruning)",
        "VarLengthExpand(Pruning,BFS)",
        "BFSPruningVarExpand",
        "ShortestPath",
        "StatefulShortestPath(All)",
        "StatefulShortestPath(Into)",
        "Repeat(Trail)",
        "Repeat(Walk)",
        "Trail",
        "NullifyMetadata",
        "ProjectEndpoints",
        "Filter",
        "Projection",
        "CacheProperties",
        "Limit",
        "ExhaustiveLimit",
        "Skip",
        "Sort",
        "PartialSort",
        "Top",
        "Top1WithTies",
        "PartialTop",
        "Distinct",
        "OrderedDistinct",
        "Aggregation",
        "EagerAggregation",
        "OrderedAggregation",
        "Apply",
        "SemiApply",
        "AntiSemiApply",
        "LetSemiApply",
        "LetAntiSemiApply",
        "SelectOrSemiApply",
        "SelectOrAntiSemiApply",
        "LetSelectOrSemiApply",
        "LetSelectOrAntiSemiApply",
        "RollUpApply",
        "ConditionalApply",
        "AntiConditionalApply",
        "TriadicSelection",
        "TriadicBuild",
        "TriadicFilter",
        "CartesianProduct",
        "NodeHashJoin",
        "ValueHashJoin",
        "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin",
        "Optional",
        "Anti",
        "Union",
        "OrderedUnion",
        "Unwind",
        "PartitionedUnwind",
        "Eager",
        "AssertSameNode",
        "AssertSameRelationship",
        "ProcedureCall",  # further checked: the procedure must be on READ_PROCEDURES
    }
)


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool  # more rows existed than the limit let through
    notifications: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "name" (a `quoted` name), "string", "number", "punct"
    text: str
    position: int


def tokenize(query: str) -> list[Token]:
    """Cypher tokens with strings, comments and quoted names resolved in one left-to-right pass,
    so a quote inside a comment or `//` inside a string cannot hide code from the checks.
    Unterminated strings, comments and names are refused: the server would not parse them the
    way the lexer guessed."""
    return list(_tokens(query))


def _tokens(query: str) -> Iterator[Token]:
    i, end = 0, len(query)
    while i < end:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif query.startswith("//", i):
            newline = _find_any(query, "\n\r", i)
            i = end if newline < 0 else newline + 1
        elif query.startswith("/*", i):
            close = query.find("*/", i + 2)
            if close < 0:
                raise _refused("an unterminated comment", i)
            i = close + 2
        elif ch in "'\"":
            j = _string_end(query, i)
            yield Token("string", query[i : j + 1], i)
            i = j + 1
        elif ch == "`":
            j = _name_end(query, i)
            yield Token("name", query[i + 1 : j].replace("``", "`"), i)
            i = j + 1
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < end and (query[j].isalnum() or query[j] in "_$"):
                j += 1
            yield Token("word", query[i:j], i)
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < end and (query[j].isalnum() or query[j] in "._"):
                j += 1
            yield Token("number", query[i:j], i)
            i = j
        else:
            yield Token("punct", ch, i)
            i += 1


def _find_any(text: str, chars: str, start: int) -> int:
    found = [p for p in (text.find(c, start) for c in chars) if p >= 0]
    return min(found) if found else -1


def _string_end(query: str, start: int) -> int:
    quote, i = query[start], start + 1
    while i < len(query):
        if query[i] == "\\":
            i += 2
        elif query[i] == quote:
            return i
        else:
            i += 1
    raise _refused("an unterminated string", start)


def _name_end(query: str, start: int) -> int:
    i = start + 1
    while i < len(query):
        if query[i] == "`":
            if query.startswith("``", i):
                i += 2
                continue
            return i
        i += 1
    raise _refused("an unterminated `name`", start)


def check_read_only(query: str, params: Mapping[str, Any] | None = None) -> None:
    """The fast first filter: raise `CypherRefusedError` naming what is not allowed."""
    if len(query) > MAX_QUERY_CHARS:
        raise CypherRefusedError("the query is too long", detail={"max_chars": MAX_QUERY_CHARS})
    tokens = tokenize(query)
    _check_expression_loops(tokens, params or {})
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        upper = token.text.upper()
        if upper in _FORBIDDEN_WORDS and not _names_something(tokens, index):
            raise _refused(upper, token.position)
        if upper == "IN" and _next_word(tokens, index) == "TRANSACTIONS":
            raise _refused("IN TRANSACTIONS", token.position)
        if upper == "CALL" and index + 1 < len(tokens) and tokens[index + 1].kind in _NAMES:
            name = _dotted_name(tokens, index + 1)
            if name.lower() not in READ_PROCEDURES:
                raise _refused(f"CALL {name}", token.position)


def _check_expression_loops(tokens: list[Token], params: Mapping[str, Any]) -> None:
    for index, token in enumerate(tokens):
        if token.kind != "word" or _names_something(tokens, index):
            continue
        word = token.text.upper()
        if word == "REDUCE" and _next_text(tokens, index) == "(":
            raise _refused("reduce() (it loops inside one row, beyond the timeout)", token.position)
        if word == "IN" and _next_word(tokens, index) == "RANGE":
            size = _range_size(tokens, index + 2, params)
            if size is None or size > MAX_EXPRESSION_RANGE:
                raise CypherRefusedError(
                    "a range iterated inside an expression needs literal or parameter bounds "
                    f"and at most {MAX_EXPRESSION_RANGE} elements (UNWIND it to make rows)",
                    detail={"clause": "IN range()", "position": token.position},
                )


def _next_text(tokens: list[Token], index: int) -> str:
    return tokens[index + 1].text if index + 1 < len(tokens) else ""


def _range_size(tokens: list[Token], start: int, params: Mapping[str, Any]) -> int | None:
    """Elements of `range(a, b[, step])` whose arguments start at `tokens[start]` (the '('),
    or None when an argument is not an integer literal or integer parameter."""
    if start >= len(tokens) or tokens[start].text != "(":
        return None
    values: list[int] = []
    i = start + 1
    while i < len(tokens):
        value, i = _int_argument(tokens, i, params)
        if value is None or i >= len(tokens):
            return None
        values.append(value)
        if tokens[i].text == ")":
            break
        if tokens[i].text != ",":
            return None
        i += 1
    if len(values) not in (2, 3) or (len(values) == 3 and values[2] == 0):
        return None
    step = values[2] if len(values) == 3 else 1
    return max(0, (values[1] - values[0]) // step + 1)


def _int_argument(
    tokens: list[Token], i: int, params: Mapping[str, Any]
) -> tuple[int | None, int]:
    sign = 1
    if i < len(tokens) and tokens[i].text == "-":
        sign, i = -1, i + 1
    if i < len(tokens) and tokens[i].kind == "number" and tokens[i].text.isdigit():
        return sign * int(tokens[i].text), i + 1
    if i + 1 < len(tokens) and tokens[i].text == "$" and tokens[i + 1].kind in _NAMES:
        value = params.get(tokens[i + 1].text)
        if isinstance(value, int) and not isinstance(value, bool):
            return sign * value, i + 2
    return None, i


def _names_something(tokens: list[Token], index: int) -> bool:
    """`n.set`, `:Delete` or `{create: 1}` name a property, a label or a map key; they are not
    clauses."""
    before = tokens[index - 1].text if index > 0 else ""
    after = tokens[index + 1].text if index + 1 < len(tokens) else ""
    after_next = tokens[index + 2].text if index + 2 < len(tokens) else ""
    if before == "." or (before == ":" and (index < 2 or tokens[index - 2].text != ":")):
        return True
    return before in ("{", ",") and after == ":" and after_next != ":"


def _next_word(tokens: list[Token], index: int) -> str:
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    return nxt.text.upper() if nxt is not None and nxt.kind == "word" else ""


_NAMES = ("word", "name")


def _dotted_name(tokens: list[Token], start: int) -> str:
    parts, i = [tokens[start].text], start + 1
    while i + 1 < len(tokens) and tokens[i].text == "." and tokens[i + 1].kind in _NAMES:
        parts.append(tokens[i + 1].text)
        i += 2
    return ".".join(parts)


def check_plan(query_type: str | None, plan: Mapping[str, Any] | None) -> None:
    """The decision, made on the server's own `EXPLAIN` of the query, not on its text."""
    if query_type != "r":
        raise CypherRefusedError(
            "analyst queries are read-only: the server plans this query as "
            f"{_QUERY_TYPES.get(query_type or '', 'something else')}",
            detail={"query_type": query_type},
        )
    if plan is None:
        raise CypherRefusedError("the server returned no plan", detail={"query_type": query_type})
    for operator, details in _operators(plan):
        if operator not in READ_OPERATORS:
            raise CypherRefusedError(
                f"analyst queries are read-only: the plan operator {operator} is not allowed",
                detail={"operator": operator},
            )
        if operator == "ProcedureCall":
            procedure = details.split("(", 1)[0].strip()
            if procedure.lower() not in READ_PROCEDURES:
                raise CypherRefusedError(
                    f"analyst queries are read-only: the procedure {procedure} is not allowed",
                    detail={"operator": operator, "procedure": procedure},
                )


_QUERY_TYPES = {"w": "a write", "rw": "a read-write", "s": "a schema or admin command"}


def _operators(plan: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    operator = str(plan.get("operatorType", "")).split("@", 1)[0]
    arguments = plan.get("args") or plan.get("arguments") or {}
    yield operator, str(arguments.get("Details", ""))
    for child in plan.get("children", []):
        yield from _operators(child)


def _refused(what: str, position: int | None = None) -> CypherRefusedError:
    detail: dict[str, object] = {"clause": what}
    if position is not None:
        detail["position"] = position
    return CypherRefusedError(
        f"analyst queries are read-only: {what} is not allowed", detail=detail
    )
