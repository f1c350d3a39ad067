"""From a validated record to graph rows and an index document, with provenance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties, PropertyValue
from ingest import normalize
from ingest.errors import ErrorCode, Problem
from ingest.readers import RawRecord, SourceFile
from ingest.records import PatentRecord
from search_api.index.protocol import IndexDocument

EXTRACTOR = "ingest.json_records/1"


@dataclass
class GraphBatch:
    """Rows keyed by id so that a patent repeated in one file is written once (last wins)."""

    nodes: dict[NodeLabel, dict[str, NodeRow]] = field(default_factory=lambda: defaultdict(dict))
    edges: dict[EdgeType, dict[tuple[str, str], EdgeRow]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    documents: dict[str, IndexDocument] = field(default_factory=dict)

    def node(self, label: NodeLabel, row: NodeRow) -> None:
        self.nodes[label][row.id] = row

    def edge(self, edge_type: EdgeType, row: EdgeRow) -> None:
        self.edges[edge_type][(row.src, row.dst)] = row


def validate(raw: RawRecord, file: str) -> PatentRecord | Problem:
    data = raw.data
    if not (data.get("publication_number") or data.get("application_number")):
        return Problem(
            ErrorCode.RECORD_MISSING_NUMBER,
            file,
            "a record needs publication_number or application_number",
            record=raw.record,
            field="publication_number",
        )
    try:
        return PatentRecord.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        return Problem(
            ErrorCode.RECORD_INVALID,
            file,
            first["msg"],
            record=raw.record,
            field=".".join(str(p) for p in first["loc"]) or None,
        )


def add_record(
    batch: GraphBatch, record: PatentRecord, location: int, source: SourceFile
) -> list[Problem]:
    """Add one record's nodes, edges and document; returns warnings for values it dropped."""
    provenance = f"{source.sha256[:16]}#{location}"
    publication = normalize.patent_number(record.publication_number or "") or None
    application = normalize.patent_number(record.application_number or "") or None
    patent_id = publication or application
    assert patent_id is not None  # validate() guarantees one of the two
    ipc_codes, warnings = _ipc_codes(record, source.path, location)
    applicants = _unique(normalize.organization_name(a) for a in record.applicants)
    inventors = _unique(normalize.person_name(p) for p in record.inventors)
    country = record.country or normalize.country_of(patent_id)
    kind = normalize.patent_kind(publication, application)
    props: Properties = _without_none(
        {
            "publication_number": publication,
            "application_number": application,
            "title": normalize.fold(record.title),
            "abstract": record.abstract,
            "kind": kind,
            "country": country,
            "filing_date": record.filing_date.isoformat() if record.filing_date else None,
            "publication_date": record.publication_date.isoformat()
            if record.publication_date
            else None,
            "ipc": ipc_codes,
            "extractor": EXTRACTOR,
        }
    )
    batch.node(NodeLabel.PATENT, NodeRow(patent_id, props, provenance))
    batch.node(
        NodeLabel.DOCUMENT,
        NodeRow(
            source.sha256,
            {
                "path": source.path,
                "format": source.format,
                "encoding": source.encoding,
            },
            provenance,
        ),
    )
    batch.edge(
        EdgeType.EXTRACTED_FROM, EdgeRow(patent_id, source.sha256, {"record": location}, provenance)
    )
    org_keys = [normalize.organization_key(a) for a in applicants]
    for order, (key, name) in enumerate(zip(org_keys, applicants, strict=True), start=1):
        batch.node(NodeLabel.ORGANIZATION, NodeRow(key, {"name": name}, provenance))
        batch.edge(EdgeType.APPLICANT_OF, EdgeRow(key, patent_id, {"order": order}, provenance))
    # Same name at the same first applicant is taken as the same person; elsewhere, not.
    context = org_keys[0] if org_keys else patent_id
    for order, name in enumerate(inventors, start=1):
        person_id = f"{name}@{context}"
        batch.node(NodeLabel.PERSON, NodeRow(person_id, {"name": name}, provenance))
        batch.edge(
            EdgeType.INVENTOR_OF, EdgeRow(person_id, patent_id, {"order": order}, provenance)
        )
    for order, code in enumerate(ipc_codes, start=1):
        levels: Properties = dict(normalize.ipc_levels(code))
        batch.node(NodeLabel.IPC, NodeRow(code, levels, provenance))
        batch.edge(
            EdgeType.CLASSIFIED_AS,
            EdgeRow(patent_id, code, {"order": order, "main": order == 1}, provenance),
        )
    batch.documents[patent_id] = IndexDocument(
        id=patent_id,
        title=str(props["title"]),
        abstract=record.abstract,
        applicants=applicants,
        inventors=inventors,
        ipc=ipc_codes,
        kind=kind,
        country=country,
        publication_number=publication,
        application_number=application,
        filing_date=_str_or_none(props.get("filing_date")),
        publication_date=_str_or_none(props.get("publication_date")),
    )
    return warnings


def _ipc_codes(record: PatentRecord, file: str, location: int) -> tuple[list[str], list[Problem]]:
    codes: list[str] = []
    warnings: list[Problem] = []
    for raw in record.ipc:
        code = normalize.ipc_code(raw)
        if code is None:
            warnings.append(
                Problem(
                    ErrorCode.IPC_INVALID,
                    file,
                    f"not an IPC code: {raw!r}",
                    record=location,
                    field="ipc",
                    is_warning=True,
                )
            )
        elif code not in codes:
            codes.append(code)
    return codes, warnings


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _without_none(props: dict[str, PropertyValue | None]) -> Properties:
    return {k: v for k, v in props.items() if v is not None and v != []}


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
