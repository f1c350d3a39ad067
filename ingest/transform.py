"""From a validated record to graph rows and an index document, with provenance."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from domain.ipc import IpcTitles, hierarchy, ipc_code
from domain.legal_status import legal_status
from domain.names import address, organization_kind, organization_name, person_name
from domain.numbers import (
    cn_check_digit,
    country_of,
    parse_application_number,
    parse_priority,
    parse_publication_number,
    patent_kind,
    patent_kind_of_type,
)
from domain.text import fold
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties, PropertyValue
from graph.store import GraphWriter
from ingest.errors import ErrorCode, Problem
from ingest.ledger import ledger_rows, organization_rows
from ingest.nlp.pipeline import Entity, background_range
from ingest.readers import RawRecord, SourceFile
from ingest.readers.columns import ColumnMap
from ingest.records import PatentRecord
from ingest.resolve.inventors import InventorResolver, Mention, mentions_of
from ingest.vocabularies import Vocabularies
from search.index.protocol import IndexDocument

EXTRACTOR = "ingest.records/1"
RECORD_FIELDS = frozenset(PatentRecord.model_fields)


@dataclass
class GraphBatch:
    """Rows keyed by id so that a patent repeated in one file is written once (last wins)."""

    nodes: dict[NodeLabel, dict[str, NodeRow]] = field(default_factory=lambda: defaultdict(dict))
    edges: dict[EdgeType, dict[tuple[str, str], EdgeRow]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    documents: dict[str, IndexDocument] = field(default_factory=dict)
    # patent id -> the priority family it would found as a first filing, if such a family exists
    first_filings: dict[str, str] = field(default_factory=dict)

    def node(self, label: NodeLabel, row: NodeRow) -> None:
        self.nodes[label][row.id] = row

    def edge(self, edge_type: EdgeType, row: EdgeRow) -> None:
        self.edges[edge_type][(row.src, row.dst)] = row

    def absorb(self, other: GraphBatch) -> None:
        """Take `other`'s nodes and edges (a record checked on its own, then kept)."""
        for label, nodes in other.nodes.items():
            self.nodes[label].update(nodes)
        for edge_type, edges in other.edges.items():
            self.edges[edge_type].update(edges)

    def write_graph(self, graph: GraphWriter) -> None:
        """Nodes before edges: an edge is only created between nodes that exist."""
        for label, nodes in self.nodes.items():
            graph.upsert_nodes(label, list(nodes.values()))
        for edge_type, edges in self.edges.items():
            graph.upsert_edges(edge_type, list(edges.values()))


def validate(raw: RawRecord, file: str, columns: ColumnMap) -> PatentRecord | Problem:
    data = _record_fields(raw.data, columns)
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


def _record_fields(data: dict[str, Any], columns: ColumnMap) -> dict[str, Any]:
    """Our own records pass through; export rows (Chinese headers) are mapped to fields.
    Headers that map to nothing are dropped here and reported once per file by the caller."""
    if all(key in RECORD_FIELDS for key in data):
        return data
    own = {k: v for k, v in data.items() if k in RECORD_FIELDS}
    mapped, _unmapped = columns.to_record({k: v for k, v in data.items() if k not in RECORD_FIELDS})
    return {**mapped, **own}


def export_headers(raw: RawRecord) -> set[str]:
    """The keys of a record that are not record fields: an export's column headers."""
    return {str(k) for k in raw.data if k not in RECORD_FIELDS}


def unmapped_headers(headers: Iterable[str], columns: ColumnMap) -> list[str]:
    return sorted(h for h in set(headers) if columns.field_of(h) is None)


def add_record(
    batch: GraphBatch,
    record: PatentRecord,
    location: int,
    source: SourceFile,
    vocabularies: Vocabularies,
    entities: Sequence[Entity] = (),
    words: dict[str, list[str]] | None = None,
    people: InventorResolver | None = None,
    segmented: dict[str, str] | None = None,
) -> list[Problem]:
    """Add one record's nodes, edges and document; returns warnings for values it dropped.
    `people` carries inventor identities across records (a fresh one sees only this record).

    The steps: check and normalise the values (`_checked`), build the patent's properties,
    add the graph rows (patent, document, applicants, inventors, IPC, mentions, families),
    then the index document."""
    people = people if people is not None else InventorResolver()
    provenance = f"{source.sha256[:16]}#{location}"
    checked = _checked(record, source.path, location, vocabularies)
    props = _patent_props(record, checked, vocabularies, words)
    batch.node(NodeLabel.PATENT, NodeRow(checked.patent_id, props, provenance))
    _add_graph_rows(batch, record, checked, source, location, vocabularies, entities, people)
    batch.documents[checked.patent_id] = _index_document(
        record, checked, props, vocabularies, words, segmented
    )
    return checked.warnings


@dataclass(frozen=True)
class _Checked:
    """A record's values after the checks that can drop them, with the warnings they gave."""

    publication: str | None
    application: str | None
    ipc_codes: list[str]
    status: str | None
    events: list[str]
    applicants: list[str]
    org_keys: list[str]
    warnings: list[Problem]

    @property
    def patent_id(self) -> str:
        patent_id = self.publication or self.application
        assert patent_id is not None  # validate() guarantees one of the two
        return patent_id


def _checked(
    record: PatentRecord, path: str, location: int, vocabularies: Vocabularies
) -> _Checked:
    publication, application, number_warnings = _numbers(record, path, location)
    ipc_codes, ipc_warnings = _ipc_codes(record, path, location)
    status, status_warnings = _legal_status(record, path, location)
    events, event_warnings = _legal_events(record, vocabularies, path, location)
    applicants = _unique(organization_name(a) for a in record.applicants)
    return _Checked(
        publication,
        application,
        ipc_codes,
        status,
        events,
        applicants,
        [vocabularies.resolver.resolve(a).key for a in applicants],
        ipc_warnings + number_warnings + status_warnings + event_warnings,
    )


def _patent_props(
    record: PatentRecord,
    checked: _Checked,
    vocabularies: Vocabularies,
    words: dict[str, list[str]] | None,
) -> Properties:
    publication, application = checked.publication, checked.application
    return _without_none(
        {
            "publication_number": publication,
            "application_number": application,
            "title": fold(record.title),
            "abstract": record.abstract,
            "claims": record.claims,
            "kind": patent_kind(publication, application)
            or patent_kind_of_type(record.patent_type),
            "current_owners": [organization_name(o) for o in record.current_owners],
            "applicant_addresses": [fold(a) for a in record.applicant_addresses],
            "legal_events": checked.events,
            "legal_events_raw": record.legal_events,
            "family": [parse_publication_number(n).canonical for n in record.family],
            "cites": [parse_publication_number(n).canonical for n in record.cites],
            **_export_events(record),
            **_front_page_links(record),
            # Backward / forward citation counts as the export states them.
            "backward_citations": len(record.cites) or None,
            "forward_citations": len(record.cited_by) or None,
            "agency": record.agency,
            "legal_status": checked.status,
            "legal_status_raw": record.legal_status,
            "country": record.country or country_of(checked.patent_id),
            "filing_date": _iso(record.filing_date),
            "publication_date": _iso(record.publication_date),
            "grant_date": _iso(record.grant_date),
            "ipc": checked.ipc_codes,
            "keywords": _keywords(record, vocabularies, words),
            "extractor": EXTRACTOR,
        }
    )


def _add_graph_rows(
    batch: GraphBatch,
    record: PatentRecord,
    checked: _Checked,
    source: SourceFile,
    location: int,
    vocabularies: Vocabularies,
    entities: Sequence[Entity],
    people: InventorResolver,
) -> None:
    patent_id, provenance = checked.patent_id, f"{source.sha256[:16]}#{location}"
    _add_document(batch, patent_id, source, location, provenance)
    _add_applicants(
        batch,
        patent_id,
        list(zip(checked.org_keys, checked.applicants, strict=True)),
        _addresses(record, checked.applicants),
        vocabularies,
        provenance,
    )
    inventors = _unique(person_name(p) for p in record.inventors)
    mentions = mentions_of(patent_id, inventors, checked.org_keys, checked.ipc_codes)
    _add_inventors(batch, people, mentions, provenance)
    _add_ipc(batch, patent_id, checked.ipc_codes, vocabularies.ipc_titles, provenance)
    _add_mentions(batch, patent_id, entities, record.description, provenance)
    _add_family(batch, patent_id, record.family, provenance)
    _add_export_citations(batch, patent_id, record.cites, record.cited_by, provenance)
    _add_priority_families(batch, patent_id, checked.application, record.priority, provenance)
    add_ledger(batch, record, patent_id, vocabularies, provenance)


def add_ledger(
    batch: GraphBatch,
    record: PatentRecord,
    patent_id: str,
    vocabularies: Vocabularies,
    provenance: str,
) -> None:
    """The asset ledger (ingest/ledger.py): OWNS intervals, gazette pledges and licences, the
    organisations they name with their central-SOE group links, and the patent's dated facts."""
    rows = ledger_rows(record, patent_id, vocabularies.resolver, provenance)
    nodes, links = organization_rows(rows.organizations, provenance)
    for node in nodes:
        known = batch.nodes[NodeLabel.ORGANIZATION].get(node.id)
        merged = {**node.props, **known.props} if known else node.props
        batch.node(NodeLabel.ORGANIZATION, NodeRow(node.id, merged, provenance))
    for link in links:
        batch.edge(EdgeType.SUBSIDIARY_OF, link)
    for edge_type, edges in (
        (EdgeType.OWNS, rows.owns),
        (EdgeType.PLEDGED_TO, rows.pledges),
        (EdgeType.LICENSED_TO, rows.licences),
    ):
        for edge in edges:
            batch.edge(edge_type, edge)
    patent = batch.nodes[NodeLabel.PATENT].get(patent_id)
    if patent is not None:
        patent.props.update(rows.patent_props)


def _index_document(
    record: PatentRecord,
    checked: _Checked,
    props: Properties,
    vocabularies: Vocabularies,
    words: dict[str, list[str]] | None,
    segmented: dict[str, str] | None = None,
) -> IndexDocument:
    depth = _search_depth_fields(record, checked, vocabularies)
    if segmented is None and words is not None:
        segmented = {name: vocabularies.analyzer.segmented_words(w) for name, w in words.items()}
    return IndexDocument(
        id=checked.patent_id,
        title=str(props["title"]),
        abstract=record.abstract,
        claims=record.claims,
        description=record.description,
        applicants=checked.applicants,
        applicant_ids=checked.org_keys,
        applicant_aliases=_applicant_aliases(checked.applicants, vocabularies),
        inventors=_unique(person_name(p) for p in record.inventors),
        ipc=checked.ipc_codes,
        kind=_str_or_none(props.get("kind")),
        legal_status=checked.status,
        country=_str_or_none(props.get("country")),
        publication_number=checked.publication,
        application_number=checked.application,
        filing_date=_iso(record.filing_date),
        publication_date=_iso(record.publication_date),
        grant_date=_iso(record.grant_date),
        priority_numbers=depth["priority_numbers"],
        owners=depth["owners"],
        owner_ids=depth["owner_ids"],
        cited_patents=depth["cited_patents"],
        citing_patents=depth["citing_patents"],
        presegmented=segmented,
    )


def _search_depth_fields(
    record: PatentRecord, checked: _Checked, vocabularies: Vocabularies
) -> dict[str, list[str]]:
    """Index fields for number, owner and similar-patent search: priority applications, the
    current owners (the applicants when the export names none), cited and citing patents."""
    owners = _unique(organization_name(o) for o in record.current_owners) or checked.applicants
    priorities = [number.canonical for raw in record.priority if (number := parse_priority(raw))]
    return {
        "priority_numbers": priorities,
        "owners": owners,
        "owner_ids": [vocabularies.aliases.resolve(o) for o in owners],
        "cited_patents": _unique(parse_publication_number(n).canonical for n in record.cites),
        "citing_patents": _unique(parse_publication_number(n).canonical for n in record.cited_by),
    }


def _add_document(
    batch: GraphBatch, patent_id: str, source: SourceFile, location: int, provenance: str
) -> None:
    document = {"path": source.path, "format": source.format, "encoding": source.encoding}
    batch.node(NodeLabel.DOCUMENT, NodeRow(source.sha256, dict(document), provenance))
    batch.edge(
        EdgeType.EXTRACTED_FROM, EdgeRow(patent_id, source.sha256, {"record": location}, provenance)
    )


def _add_applicants(
    batch: GraphBatch,
    patent_id: str,
    applicants: list[tuple[str, str]],
    addresses: dict[str, str],
    vocabularies: Vocabularies,
    provenance: str,
) -> None:
    aliases = vocabularies.aliases
    for order, (key, filed_as) in enumerate(applicants, start=1):
        resolved = vocabularies.resolver.resolve_and_queue(filed_as, patent_id)
        name = resolved.name
        props: Properties = {"name": name}
        if resolved.group_id:
            props["central_soe_group"] = resolved.group_id
        # The legal form read from the name; a group tree's `kind` (group, company ...) is a
        # separate, curated property.
        legal_form = organization_kind(name)
        if legal_form:
            props["legal_form"] = legal_form
        if key in vocabularies.central_soes or resolved.is_central_soe:
            props["is_central_soe"] = True
        known = aliases.aliases_of(name)
        if known:
            props["aliases"] = known
        former = aliases.former_names_of(name)
        if former:
            props["former_names"] = former
        address = addresses.get(filed_as)
        if address:
            props["address"] = address
        edge: Properties = {"order": order}
        if filed_as != name:
            edge["name_as_filed"] = filed_as
        batch.node(NodeLabel.ORGANIZATION, NodeRow(key, props, provenance))
        batch.edge(EdgeType.APPLICANT_OF, EdgeRow(key, patent_id, edge, provenance))


def _applicant_aliases(applicants: list[str], vocabularies: Vocabularies) -> list[str]:
    """Every other name of the applicants, so that any of them finds the patent."""
    aliases = vocabularies.aliases
    return _unique(
        other
        for name in applicants
        for other in (
            aliases.canonical_name(name),
            *aliases.aliases_of(name),
            *aliases.former_names_of(name),
        )
        if other != name
    )


def _addresses(record: PatentRecord, applicants: list[str]) -> dict[str, str]:
    """申请人地址 pairs with 申请人 by position when the export gives one address per applicant;
    a single address belongs to the first applicant (CNIPA front pages list only that one)."""
    addresses = [address(a) for a in record.applicant_addresses if a.strip()]
    if len(addresses) == len(applicants):
        return dict(zip(applicants, addresses, strict=True))
    if len(addresses) == 1 and applicants:
        return {applicants[0]: addresses[0]}
    return {}


def _add_inventors(
    batch: GraphBatch, people: InventorResolver, mentions: list[Mention], provenance: str
) -> None:
    for order, mention in enumerate(mentions, start=1):
        resolution = people.resolve(mention)
        person = resolution.person
        # The person's whole profile so far: the last row written for them in a batch wins.
        batch.node(NodeLabel.PERSON, NodeRow(person.id, person.props(), provenance))
        props: Properties = {"order": order}
        if resolution.evidence is not None:
            props["matched_on"] = list(resolution.evidence)
        batch.edge(EdgeType.INVENTOR_OF, EdgeRow(person.id, mention.patent_id, props, provenance))


def text_fields(record: PatentRecord) -> dict[str, str]:
    """The texts entity extraction reads."""
    return {"abstract": record.abstract, "claims": record.claims, "description": record.description}


def segment(record: PatentRecord, vocabularies: Vocabularies) -> dict[str, list[str]]:
    """jieba's precise words of each long text, made once and shared by entity extraction,
    keywords and the index."""
    texts = {**text_fields(record), "title": fold(record.title)}
    return {name: vocabularies.analyzer.words(text) for name, text in texts.items()}


_MENTION_EDGES = {
    "STANDARD": EdgeType.MENTIONS_STANDARD,
    "ORGANIZATION": EdgeType.MENTIONS_ORGANIZATION,
}


def _add_mentions(
    batch: GraphBatch, patent_id: str, entities: Sequence[Entity], description: str, provenance: str
) -> None:
    """Standards and organisations named in the text; patents cited in the background.
    Nodes met only here are written with no properties, so they never overwrite what a full
    record says about them."""
    background = background_range(description)
    for entity in entities:
        evidence: Properties = {
            "field": entity.field,
            "start": entity.start,
            "end": entity.end,
            "component": entity.component,
        }
        if entity.label in _MENTION_EDGES:
            edge = _MENTION_EDGES[entity.label]
            target_label = edge.endpoints[1]
            if (patent_id, entity.normalized) in batch.edges[edge]:
                continue  # the first mention is the evidence
            props: Properties = (
                {"body": entity.normalized.split(" ")[0]} if entity.label == "STANDARD" else {}
            )
            batch.node(target_label, NodeRow(entity.normalized, props, provenance))
            batch.edge(edge, EdgeRow(patent_id, entity.normalized, evidence, provenance))
        elif (
            entity.label == "PATENT_NUMBER"
            and entity.field == "description"
            and background is not None
            and background[0] <= entity.start < background[1]
            and entity.normalized != patent_id
        ):
            if entity.normalized not in batch.nodes[NodeLabel.PATENT]:
                batch.node(NodeLabel.PATENT, NodeRow(entity.normalized, {}, provenance))
            batch.edge(EdgeType.CITES, EdgeRow(patent_id, entity.normalized, evidence, provenance))


def _export_events(record: PatentRecord) -> dict[str, PropertyValue | None]:
    """What an analyst export says beyond the front page, as Patent properties: the cited-by
    list and count, priority claims with their dates (parallel lists), and transfers, pledges
    and licences as one JSON object per event (the ownership ledger reads them)."""
    claims = record.priority_claims()
    return {
        "cited_by": [parse_publication_number(n).canonical for n in record.cited_by] or None,
        "cited_by_count": record.cited_by_count,
        "priority_numbers": [number for number, _ in claims] or None,
        "priority_dates": [date or "" for _, date in claims] or None,
        "transfers": _json_events(record.transfers, by_alias=True),
        "pledges": _json_events(record.pledges),
        "licenses": _json_events(record.licenses),
    }


def _front_page_links(record: PatentRecord) -> dict[str, PropertyValue | None]:
    """What a front page says about other filings, as Patent properties: the divisional's
    parent, the earlier publication of a grant, the PCT application and publication, the (71)
    applicants of a transferred grant and a design's Locarno classes."""
    earlier, pct_application, pct_publication = (
        record.earlier_publication,
        record.pct_application,
        record.pct_publication,
    )
    parent = record.divisional_of
    return {
        "original_applicants": [organization_name(a) for a in record.original_applicants] or None,
        "divisional_of": parse_application_number(parent).canonical if parent else None,
        "earlier_publication": parse_publication_number(earlier.number).canonical
        if earlier
        else None,
        "earlier_publication_date": _iso(earlier.date) if earlier else None,
        "pct_application": pct_application.number if pct_application else None,
        "pct_application_date": _iso(pct_application.date) if pct_application else None,
        "pct_publication": pct_publication.number if pct_publication else None,
        "pct_publication_date": _iso(pct_publication.date) if pct_publication else None,
        "pct_national_phase_date": _iso(record.pct_national_phase_date),
        "locarno": record.locarno or None,
    }


def _json_events(events: Sequence[Any], by_alias: bool = False) -> list[str] | None:
    return [json.dumps(e.model_dump(by_alias=by_alias), ensure_ascii=False) for e in events] or None


def _add_export_citations(
    batch: GraphBatch, patent_id: str, cites: list[str], cited_by: list[str], provenance: str
) -> None:
    """引证专利 / 被引证专利 as exports list them: CITES edges either way, patents not loaded
    as bare nodes (never overwriting a full record). Self-citation (same group) is read off the
    group tree when the citations are viewed, as the tree may be loaded after the patents."""
    evidence: Properties = {"source": "export"}
    for raw in cites:
        cited = parse_publication_number(raw).canonical
        if cited and cited != patent_id:
            if cited not in batch.nodes[NodeLabel.PATENT]:
                batch.node(NodeLabel.PATENT, NodeRow(cited, {}, provenance))
            batch.edge(EdgeType.CITES, EdgeRow(patent_id, cited, evidence, provenance))
    for raw in cited_by:
        citing = parse_publication_number(raw).canonical
        if citing and citing != patent_id:
            if citing not in batch.nodes[NodeLabel.PATENT]:
                batch.node(NodeLabel.PATENT, NodeRow(citing, {}, provenance))
            batch.edge(EdgeType.CITES, EdgeRow(citing, patent_id, evidence, provenance))


def _add_family(batch: GraphBatch, patent_id: str, members: list[str], provenance: str) -> None:
    """A simple family as the export states it: its id is the smallest member number, so that
    every member's record names the same family; members known only by number are bare nodes."""
    numbers = {parse_publication_number(n).canonical for n in members} | {patent_id}
    if len(numbers) < 2:
        return
    family_id = min(numbers)
    batch.node(NodeLabel.FAMILY, NodeRow(family_id, {"kind": "simple"}, provenance))
    for number in sorted(numbers):
        if number not in batch.nodes[NodeLabel.PATENT]:
            batch.node(NodeLabel.PATENT, NodeRow(number, {}, provenance))
        batch.edge(EdgeType.MEMBER_OF, EdgeRow(number, family_id, {}, provenance))


PRIORITY_FAMILY_PREFIX = "priority:"


def _add_priority_families(
    batch: GraphBatch,
    patent_id: str,
    application: str | None,
    claims: list[str],
    provenance: str,
) -> None:
    """Patents claiming one priority application are one family, `priority:<application>`.
    The first filing joins when it is known: here through its own application number (the edge
    is dropped by the store while no later filing has created the family), and in the pipeline,
    which looks the first filing up once the family exists."""
    for raw in claims:
        number = parse_priority(raw)
        if number is None or number.canonical == application:
            continue
        family_id = PRIORITY_FAMILY_PREFIX + number.canonical
        props: Properties = {"kind": "priority", "priority_application": number.canonical}
        batch.node(NodeLabel.FAMILY, NodeRow(family_id, props, provenance))
        batch.edge(
            EdgeType.MEMBER_OF,
            EdgeRow(patent_id, family_id, {"role": "claims priority"}, provenance),
        )
    if application is not None:
        batch.first_filings[patent_id] = PRIORITY_FAMILY_PREFIX + application


def _add_ipc(
    batch: GraphBatch, patent_id: str, codes: list[str], titles: IpcTitles, provenance: str
) -> None:
    for order, code in enumerate(codes, start=1):
        for entry in hierarchy(code, titles):
            props: Properties = {"level": entry.level}
            if entry.title:
                props["title"] = entry.title
            batch.node(NodeLabel.IPC, NodeRow(entry.code, props, provenance))
            if entry.parent is not None:
                batch.edge(EdgeType.PARENT, EdgeRow(entry.code, entry.parent, {}, provenance))
        batch.edge(
            EdgeType.CLASSIFIED_AS,
            EdgeRow(patent_id, code, {"order": order, "main": order == 1}, provenance),
        )


def _numbers(
    record: PatentRecord, file: str, location: int
) -> tuple[str | None, str | None, list[Problem]]:
    """Canonical publication and application numbers; a wrong CN check digit is a warning."""
    publication = (
        parse_publication_number(record.publication_number).canonical
        if record.publication_number
        else None
    )
    if not record.application_number:
        return publication, None, []
    application = parse_application_number(record.application_number)
    warnings = []
    if application.check_digit_ok is False:
        warnings.append(
            Problem(
                ErrorCode.CHECK_DIGIT_INVALID,
                file,
                f"check digit of {record.application_number!r} is not "
                f"{cn_check_digit(application.canonical[2:].split('.')[0])}; kept as given",
                record=location,
                field="application_number",
                is_warning=True,
            )
        )
    return publication, application.canonical, warnings


def _legal_status(
    record: PatentRecord, file: str, location: int
) -> tuple[str | None, list[Problem]]:
    if not record.legal_status:
        return None, []
    status = legal_status(record.legal_status)
    if status is None:
        return None, [
            Problem(
                ErrorCode.LEGAL_STATUS_UNKNOWN,
                file,
                f"unrecognised legal status {record.legal_status!r}",
                record=location,
                field="legal_status",
                is_warning=True,
            )
        ]
    return status, []


def _keywords(
    record: PatentRecord, vocabularies: Vocabularies, words: dict[str, list[str]] | None
) -> list[str] | None:
    if vocabularies.keywords is None:
        return None
    if words is None:
        return vocabularies.keywords.keywords(f"{record.title}。{record.abstract}")
    return vocabularies.keywords.keywords_from_words([*words["title"], "。", *words["abstract"]])


def _legal_events(
    record: PatentRecord, vocabularies: Vocabularies, file: str, location: int
) -> tuple[list[str], list[Problem]]:
    """Each exported event as "type:date" (date may be empty); unknown ones are warnings."""
    events: list[str] = []
    warnings: list[Problem] = []
    for raw in record.legal_events:
        parsed = vocabularies.legal_events.parse(raw)
        if parsed is None:
            warnings.append(
                Problem(
                    ErrorCode.LEGAL_EVENT_UNKNOWN,
                    file,
                    f"unrecognised legal event {raw!r}",
                    record=location,
                    field="legal_events",
                    is_warning=True,
                )
            )
        else:
            events.append(f"{parsed[0]}:{parsed[1] or ''}")
    return events, warnings


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _ipc_codes(record: PatentRecord, file: str, location: int) -> tuple[list[str], list[Problem]]:
    codes: list[str] = []
    warnings: list[Problem] = []
    for raw in record.ipc:
        code = ipc_code(raw)
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
