"""The registers due diligence reads besides patents and contracts, as CSV or JSON:

- trade secrets: title, grade (core / important / general), holder -> TradeSecret nodes and
  HOLDS_SECRET (confidential; the same node a contract naming the secret uses: holder/title);
- people: name, employer, position, employment dates, non-compete, secrets they may access ->
  EMPLOYED_BY {start, end, position}, NON_COMPETE {until, scope}, HAS_ACCESS (confidential);
  the person is the one inventor of that name at that employer when there is exactly one;
- cases: number, forum, type (infringement / invalidation / ownership), status (pending /
  closed), patents, plaintiff, defendant -> Case, CONCERNS, PLAINTIFF, DEFENDANT.

Headers map through config/columns/register_columns.tsv; a row missing what it needs is
rejected with a coded problem naming the row and field, and writes nothing; the good rows are
written together in one batch; loading twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from config.settings import CONFIG_DIR
from domain.dates import date_text
from domain.names import person_name
from domain.numbers import parse_publication_number
from domain.organizations import OrganizationAliases
from graph.lookup import find_patent_by_number
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties
from graph.store import GraphStore
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.loaders import LoadReport
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.resolve.inventors import InventorResolver
from ingest.transform import GraphBatch

REGISTER_COLUMNS = CONFIG_DIR / "columns" / "register_columns.tsv"
GRADES = {"核心": "core", "重要": "important", "一般": "general"}
CASE_TYPES = {"侵权": "infringement", "无效": "invalidation", "权属": "ownership"}
CASE_STATUSES = {"审理中": "pending", "在审": "pending", "已结案": "closed", "结案": "closed"}


RegisterReport = LoadReport  # a register adds nothing to the common report


@dataclass(frozen=True)
class _Row:
    number: int
    fields: dict[str, str]
    source: str
    file: str


def load_register(
    kind: str, path: Path, graph: GraphStore, aliases: OrganizationAliases
) -> RegisterReport:
    """`kind` is secrets, people or cases. Rows are checked one by one and written together."""
    loaders: dict[str, Callable[[_Row, RowContext], None]]
    loaders = {"secrets": _secret, "people": _person, "cases": _case}
    source = read_source(path)
    columns = ColumnMap.load(REGISTER_COLUMNS)
    report = RegisterReport(rows=len(source.records) + len(source.problems))
    report.problems.extend(problem for problem, _raw in source.problems)
    graph.ensure_schema()
    batch, people = GraphBatch(), InventorResolver(graph)
    for raw in source.records:
        row = _Row(
            raw.record, columns.fields_of(raw.data), f"{source.sha256[:16]}#{raw.record}", str(path)
        )
        written = GraphBatch()
        try:
            loaders[kind](row, RowContext(graph, written, aliases, people))
        except IngestError as exc:
            report.problems.append(exc.problem)
            continue
        batch.absorb(written)
        report.loaded += 1
    batch.write_graph(graph)
    return report


@dataclass(frozen=True)
class RowContext:
    graph: GraphStore  # read only: patents are looked up, never written one by one
    batch: GraphBatch
    aliases: OrganizationAliases
    people: InventorResolver


def _need(row: _Row, name: str) -> str:
    value = row.fields.get(name, "")
    if not value:
        raise IngestError(
            Problem(ErrorCode.RECORD_INVALID, row.file, f"{name} is required", row.number, name)
        )
    return value


def secret_id(holder: str, title: str) -> str:
    return f"{holder}/{title}"


def _secret(row: _Row, ctx: RowContext) -> None:
    title = _need(row, "secret_title")
    holder = _organization(ctx, _need(row, "holder"), row.source)
    grade = row.fields.get("secret_grade", "")
    props: Properties = {
        "name": title,
        "holder": holder,
        "grade": GRADES.get(grade, grade.lower() or "unknown"),
        "confidential": True,
    }
    if row.fields.get("register_id"):
        props["register_id"] = row.fields["register_id"]
    ctx.batch.node(NodeLabel.TRADE_SECRET, NodeRow(secret_id(holder, title), props, row.source))
    ctx.batch.edge(EdgeType.HOLDS_SECRET, EdgeRow(holder, secret_id(holder, title), {}, row.source))


def _person(row: _Row, ctx: RowContext) -> None:
    name = person_name(_need(row, "person"))
    employer = _organization(ctx, _need(row, "employer"), row.source)
    person = ctx.people.resolve_employee(name, employer, f"register:{row.source}")
    ctx.batch.node(NodeLabel.PERSON, NodeRow(person.id, person.props(), row.source))
    employment: Properties = {
        k: v
        for k, v in (
            ("start", date_text(row.fields.get("employment_start"))),
            ("end", date_text(row.fields.get("employment_end"))),
            ("position", row.fields.get("position")),
        )
        if v
    }
    ctx.batch.edge(EdgeType.EMPLOYED_BY, EdgeRow(person.id, employer, employment, row.source))
    until = date_text(row.fields.get("non_compete_until"))
    if until:
        terms: Properties = {"until": until, "source": "register"}
        if row.fields.get("non_compete_scope"):
            terms["scope"] = row.fields["non_compete_scope"]
        ctx.batch.edge(EdgeType.NON_COMPETE, EdgeRow(person.id, employer, terms, row.source))
    titles = [t for t in re.split(r"[;；、|]", row.fields.get("secrets", "")) if t.strip()]
    for title in titles:
        access = EdgeRow(person.id, secret_id(employer, title.strip()), {}, row.source)
        ctx.batch.edge(EdgeType.HAS_ACCESS, access)


def _case(row: _Row, ctx: RowContext) -> None:
    number = _need(row, "case_number")
    kind, status = row.fields.get("case_type", ""), row.fields.get("case_status", "")
    props: Properties = {
        "forum": row.fields.get("forum", ""),
        "type": next((v for k, v in CASE_TYPES.items() if k in kind), kind.lower() or "unknown"),
        "status": next(
            (v for k, v in CASE_STATUSES.items() if k in status), status.lower() or "unknown"
        ),
    }
    filed = date_text(row.fields.get("filed"))
    if filed:
        props["filed"] = filed
    ctx.batch.node(NodeLabel.CASE, NodeRow(number, props, row.source))
    for raw in re.split(r"[;；、,，\s]+", _need(row, "patents")):
        if raw:
            ctx.batch.edge(
                EdgeType.CONCERNS, EdgeRow(number, _patent(ctx, raw, row.source), {}, row.source)
            )
    for column, edge in (("plaintiff", EdgeType.PLAINTIFF), ("defendant", EdgeType.DEFENDANT)):
        for name in re.split(r"[;；、]", row.fields.get(column, "")):
            if name.strip():
                key = _organization(ctx, name.strip(), row.source)
                ctx.batch.edge(edge, EdgeRow(key, number, {}, row.source))


def _organization(ctx: RowContext, name: str, source: str) -> str:
    """The organisation's key, its node written under its current full name."""
    key = ctx.aliases.resolve(name)
    props: Properties = {"name": ctx.aliases.canonical_name(name)}
    ctx.batch.node(NodeLabel.ORGANIZATION, NodeRow(key, props, source))
    return key


def _patent(ctx: RowContext, raw: str, source: str) -> str:
    found = find_patent_by_number(ctx.graph, raw).patent
    if found is not None:
        return found.id
    stub = parse_publication_number(raw).canonical
    ctx.batch.node(NodeLabel.PATENT, NodeRow(stub, {"stub": True}, source))
    return stub
