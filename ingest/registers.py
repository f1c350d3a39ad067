"""The registers due diligence reads besides patents and contracts, as CSV or JSON:

- trade secrets: title, grade (core / important / general), holder -> TradeSecret nodes and
  HOLDS_SECRET (confidential; the same node a contract naming the secret uses: holder/title);
- people: name, employer, position, employment dates, non-compete, secrets they may access ->
  EMPLOYED_BY {start, end, position}, NON_COMPETE {until, scope}, HAS_ACCESS (confidential);
  the person is the one inventor of that name at that employer when there is exactly one;
- cases: number, forum, type (infringement / invalidation / ownership), status (pending /
  closed), patents, plaintiff, defendant -> Case, CONCERNS, PLAINTIFF, DEFENDANT.

Headers map through config/columns/register_columns.tsv; a row missing what it needs is
rejected with a coded problem naming the row and field; loading twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from config.settings import CONFIG_DIR
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties
from graph.store import GraphStore
from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.normalize import date_text, person_name
from ingest.numbers import parse_application_number, parse_publication_number
from ingest.readers.columns import ColumnMap
from ingest.readers.tabular import csv_rows
from ingest.resolve.inventors import InventorResolver
from ingest.resolve.organizations import OrganizationAliases

REGISTER_COLUMNS = CONFIG_DIR / "columns" / "register_columns.tsv"
GRADES = {"核心": "core", "重要": "important", "一般": "general"}
CASE_TYPES = {"侵权": "infringement", "无效": "invalidation", "权属": "ownership"}
CASE_STATUSES = {"审理中": "pending", "在审": "pending", "已结案": "closed", "结案": "closed"}


@dataclass
class RegisterReport:
    rows: int = 0
    loaded: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    number: int
    fields: dict[str, str]
    source: str
    file: str


def load_register(
    kind: str, path: Path, graph: GraphStore, aliases: OrganizationAliases
) -> RegisterReport:
    """`kind` is secrets, people or cases."""
    loaders: dict[str, Callable[[_Row, GraphStore, OrganizationAliases, InventorResolver], None]]
    loaders = {"secrets": _secret, "people": _person, "cases": _case}
    report = RegisterReport()
    graph.ensure_schema()
    people = InventorResolver(graph)
    for row in _rows(path):
        report.rows += 1
        try:
            loaders[kind](row, graph, aliases, people)
            report.loaded += 1
        except IngestError as exc:
            report.problems.append(exc.problem)
    return report


def _rows(path: Path) -> list[_Row]:
    columns = ColumnMap.load(REGISTER_COLUMNS)
    tag = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    text, _encoding = decode(path.read_bytes(), str(path))
    if path.suffix.lower() == ".json":
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(
                Problem(ErrorCode.JSON_MALFORMED, str(path), exc.msg, record=exc.lineno)
            ) from exc
        raw = [(n, item) for n, item in enumerate(items, start=1)]
    else:
        raw = [(r.record, r.data) for r in csv_rows(text, str(path))]
    rows = []
    for number, data in raw:
        fields = {
            name: str(value).strip()
            for header, value in data.items()
            if (name := columns.field_of(str(header))) and value not in (None, "")
        }
        rows.append(_Row(number, fields, f"{tag}#{number}", str(path)))
    return rows


def _need(row: _Row, name: str) -> str:
    value = row.fields.get(name, "")
    if not value:
        raise IngestError(
            Problem(ErrorCode.RECORD_INVALID, row.file, f"{name} is required", row.number, name)
        )
    return value


def secret_id(holder: str, title: str) -> str:
    return f"{holder}/{title}"


def _secret(
    row: _Row, graph: GraphStore, aliases: OrganizationAliases, _: InventorResolver
) -> None:
    title, holder = _need(row, "secret_title"), aliases.resolve(_need(row, "holder"))
    grade = row.fields.get("secret_grade", "")
    props: Properties = {
        "name": title,
        "holder": holder,
        "grade": GRADES.get(grade, grade.lower() or "unknown"),
        "confidential": True,
    }
    if row.fields.get("register_id"):
        props["register_id"] = row.fields["register_id"]
    graph.upsert_nodes(
        NodeLabel.ORGANIZATION,
        [NodeRow(holder, {"name": aliases.canonical_name(row.fields["holder"])}, row.source)],
    )
    graph.upsert_nodes(
        NodeLabel.TRADE_SECRET, [NodeRow(secret_id(holder, title), props, row.source)]
    )
    graph.upsert_edges(
        EdgeType.HOLDS_SECRET, [EdgeRow(holder, secret_id(holder, title), {}, row.source)]
    )


def _person(
    row: _Row, graph: GraphStore, aliases: OrganizationAliases, people: InventorResolver
) -> None:
    name = person_name(_need(row, "person"))
    employer = aliases.resolve(_need(row, "employer"))
    graph.upsert_nodes(
        NodeLabel.ORGANIZATION,
        [NodeRow(employer, {"name": aliases.canonical_name(row.fields["employer"])}, row.source)],
    )
    person = people.resolve_employee(name, employer, f"register:{row.source}")
    graph.upsert_nodes(NodeLabel.PERSON, [NodeRow(person.id, person.props(), row.source)])
    employment: Properties = {
        k: v
        for k, v in (
            ("start", date_text(row.fields.get("employment_start"))),
            ("end", date_text(row.fields.get("employment_end"))),
            ("position", row.fields.get("position")),
        )
        if v
    }
    graph.upsert_edges(EdgeType.EMPLOYED_BY, [EdgeRow(person.id, employer, employment, row.source)])
    until = date_text(row.fields.get("non_compete_until"))
    if until:
        terms: Properties = {"until": until, "source": "register"}
        if row.fields.get("non_compete_scope"):
            terms["scope"] = row.fields["non_compete_scope"]
        graph.upsert_edges(EdgeType.NON_COMPETE, [EdgeRow(person.id, employer, terms, row.source)])
    titles = [t for t in re.split(r"[;；、|]", row.fields.get("secrets", "")) if t.strip()]
    graph.upsert_edges(
        EdgeType.HAS_ACCESS,
        [EdgeRow(person.id, secret_id(employer, t.strip()), {}, row.source) for t in titles],
    )


def _case(row: _Row, graph: GraphStore, aliases: OrganizationAliases, _: InventorResolver) -> None:
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
    graph.upsert_nodes(NodeLabel.CASE, [NodeRow(number, props, row.source)])
    for raw in re.split(r"[;；、,，\s]+", _need(row, "patents")):
        if raw:
            graph.upsert_edges(
                EdgeType.CONCERNS,
                [EdgeRow(number, _patent(graph, raw, row.source), {}, row.source)],
            )
    for column, edge in (("plaintiff", EdgeType.PLAINTIFF), ("defendant", EdgeType.DEFENDANT)):
        for name in re.split(r"[;；、]", row.fields.get(column, "")):
            if name.strip():
                key = aliases.resolve(name)
                graph.upsert_nodes(
                    NodeLabel.ORGANIZATION,
                    [NodeRow(key, {"name": aliases.canonical_name(name.strip())}, row.source)],
                )
                graph.upsert_edges(edge, [EdgeRow(key, number, {}, row.source)])


def _patent(graph: GraphStore, raw: str, source: str) -> str:
    for number in (
        parse_publication_number(raw).canonical,
        parse_application_number(raw).canonical,
    ):
        found = graph.find_patent(number)
        if found is not None:
            return found.id
    stub = parse_publication_number(raw).canonical
    graph.upsert_nodes(NodeLabel.PATENT, [NodeRow(stub, {"stub": True}, source)])
    return stub
