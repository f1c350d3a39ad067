"""SEP declarations (ETSI IPR database style CSV/XLSX) to DECLARED_ESSENTIAL edges.

Each row names a declaring company, a patent or application number, a standard and a version.
Numbers are matched to the patents in the store, in this order, and the edge records how
(`matched_by`): the publication number as given (`exact`), the application number
(`application`), the publication number with a kind code the declaration left out
(`kind_code`: CN115000013 -> CN115000013A), and a member of the family the row lists
(`family`). A number that matches nothing is kept as a stub Patent node with the reason,
never dropped; a row without a usable number or standard is rejected with a coded problem.

Standards are normalised so that one standard has one node: ETSI's transposition numbers of
3GPP specifications (ETSI TS 138 214) and bare TS numbers (TS 38.214) become 3GPP TS 38.214.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from config.settings import CONFIG_DIR
from domain.dates import date_text
from domain.numbers import parse_publication_number
from domain.organizations import OrganizationAliases
from domain.standards import standard_id
from graph.lookup import family_members, find_patent_by_number
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties
from graph.store import GraphStore
from ingest.errors import ErrorCode, Problem
from ingest.loaders import LoadReport
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.transform import GraphBatch

SEP_COLUMNS = CONFIG_DIR / "columns" / "sep_columns.tsv"


@dataclass
class SepReport(LoadReport):
    matched: dict[str, int] = field(default_factory=dict)  # matched_by -> rows
    unmatched: list[Problem] = field(default_factory=list)  # warnings: written as stubs

    @property
    def rejected(self) -> list[Problem]:
        return self.problems

    @property
    def summary(self) -> str:
        matched = ", ".join(f"{how} {count}" for how, count in sorted(self.matched.items()))
        return f"{self.rows} declarations read: {matched}; {len(self.rejected)} rejected"


def load_sep_declarations(path: Path, graph: GraphStore, aliases: OrganizationAliases) -> SepReport:
    """Write every usable row in one batch; idempotent (edges are keyed by patent and standard)."""
    source = read_source(path)
    columns = ColumnMap.load(SEP_COLUMNS)
    report = SepReport(rows=len(source.records) + len(source.problems))
    report.rejected.extend(problem for problem, _raw in source.problems)
    graph.ensure_schema()
    batch = GraphBatch()
    for raw in source.records:
        fields = columns.fields_of(raw.data)
        row_source = f"{source.sha256[:16]}#{raw.record}"
        _load_row(fields, raw.record, str(path), row_source, graph, batch, aliases, report)
    batch.write_graph(graph)
    report.loaded = report.rows - len(report.rejected)
    return report


def _load_row(
    fields: dict[str, str],
    record: int,
    file: str,
    source: str,
    graph: GraphStore,
    batch: GraphBatch,
    aliases: OrganizationAliases,
    report: SepReport,
) -> None:
    number = fields.get("patent_number") or fields.get("application_number") or ""
    standard = standard_id(fields.get("standard", ""))
    if not standard or sum(c.isdigit() for c in number) < 5:
        report.rejected.append(
            Problem(
                ErrorCode.RECORD_INVALID,
                file,
                f"a declaration needs a patent number and a standard (got {number!r}, "
                f"{fields.get('standard')!r})",
                record=record,
                field="patent_number" if standard else "standard",
            )
        )
        return
    patent_id, matched_by = match_patent(graph, number, fields.get("family", ""))
    if patent_id is None:
        patent_id = parse_publication_number(number).canonical
        reason = "no patent in the graph under this number, its application or its family"
        batch.node(
            NodeLabel.PATENT,
            NodeRow(patent_id, {"stub": True, "unmatched_reason": reason}, source),
        )
        report.unmatched.append(
            Problem(
                ErrorCode.SEP_UNMATCHED,
                file,
                f"{number}: {reason}",
                record=record,
                field="patent_number",
                is_warning=True,
            )
        )
    report.matched[matched_by] = report.matched.get(matched_by, 0) + 1
    declarant = aliases.resolve(fields.get("declarant", ""))
    batch.node(NodeLabel.STANDARD, NodeRow(standard, {"body": standard.split(" ")[0]}, source))
    props: Properties = {
        "declarant": declarant,
        "declarant_as_written": fields.get("declarant", ""),
        "matched_by": matched_by,
        "number_as_declared": number,
    }
    for key in ("declaration_id", "version"):
        if fields.get(key):
            props[key] = fields[key]
    date = date_text(fields.get("declaration_date"))
    if date:
        props["date"] = date
    batch.edge(EdgeType.DECLARED_ESSENTIAL, EdgeRow(patent_id, standard, props, source))


def match_patent(graph: GraphStore, number: str, family: str) -> tuple[str | None, str]:
    """The declared patent through the one lookup (graph/lookup.py), and how it matched."""
    match = find_patent_by_number(graph, number, family=family_members(family))
    return (match.patent.id if match.patent else None), match.matched_by
