"""A record's legal events as dated edges: who owned the patent when, and what encumbered it.

- OWNS (organisation -> patent) per owner: `from`/`to` (to absent while open, exclusive),
  `periods` (every interval as `from..to`, an owner may hold the right twice), `names` (the
  names held: a CP01 name change keeps the owner), `evidence` (filing, the gazette event with
  its date and registration number, the export's 当前权利人), `intra_group` when the owner
  received it from a member of its own central-SOE group.
- PLEDGED_TO / LICENSED_TO (patent -> pledgee / licensee) from the gazette: `registered_start`,
  `registered_end`, `registration_number`, `gazette_evidence`, `grantors`, and for licences
  `gazette_exclusivity`. A contract writes `start`/`end`/`contract` on the same edge (same
  patent and party), so a pledge seen in both is one edge with both evidences, whichever
  arrives first.
- The patent gets `ledger_facts` (preservation, invalidation, lapse ... as `date kind code`)
  and `ended_on` / `ended_by` when the right ended.

当前权利人 without a gazette event for the change (the export says someone else owns it now,
the events do not say when) is modelled as a change on an unknown date: it is placed on the
latest date the record knows (last event, grant, publication or filing date) and the edges
carry `date_estimated: true` and the export as evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from graph.lookup import PatentFinder, find_patent_by_number
from graph.model import EdgeRow, NodeRow, Properties
from ingest.legal_events import (
    Encumbrance,
    LegalEvent,
    OwnershipInterval,
    PatentLedger,
    build_ledger,
    parse_legal_events,
)
from ingest.records import PatentRecord
from ingest.resolve.organizations import OrganizationResolver, ResolvedOrganization

FACT_KINDS = frozenset(
    {
        "preservation",
        "preservation_released",
        "invalidation_decision",
        "invalidation",
        "partial_invalidation",
        "lapse",
        "abandonment",
        "expiry",
        "restoration",
    }
)
EXPORT_OWNERS_EVIDENCE = "export 当前权利人 (date of change unknown)"


@dataclass(frozen=True)
class LedgerRows:
    """What one record adds: organisations met (with their group links) and the edges."""

    organizations: list[ResolvedOrganization]
    owns: list[EdgeRow]
    pledges: list[EdgeRow]
    licences: list[EdgeRow]
    patent_props: Properties


def with_stored_events(graph: PatentFinder, record: PatentRecord) -> PatentRecord:
    """The record with the legal events an earlier file gave for the same patent, so that the
    ledger is built from every event seen whatever order the files arrive in (build_ledger
    drops the duplicates)."""
    number = record.publication_number or record.application_number
    if not number:
        return record
    stored = find_patent_by_number(graph, number).patent
    known = stored.props.get("legal_events_raw") if stored is not None else None
    if not isinstance(known, list) or not known:
        return record
    merged = list(dict.fromkeys([*map(str, known), *record.legal_events]))
    if merged == record.legal_events:
        return record
    return record.model_copy(update={"legal_events": merged})


_EVENT_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?![A-Za-z0-9])")


def legal_event_texts(record: PatentRecord) -> list[str]:
    """The record's legal events, and its 法律状态 when an export put gazette events there
    (some tools fill that column with the event text, codes included)."""
    status = record.legal_status or ""
    extra = [status] if _EVENT_CODE.search(status) and status not in record.legal_events else []
    return [*record.legal_events, *extra]


def ledger_of(record: PatentRecord, patent_id: str) -> PatentLedger:
    text = "；".join(legal_event_texts(record))
    events = parse_legal_events(text, patent_id) if text else []
    return build_ledger(events, record.applicants, record.filing_date)


def ledger_rows(
    record: PatentRecord,
    patent_id: str,
    resolver: OrganizationResolver,
    provenance: str,
) -> LedgerRows:
    ledger = ledger_of(record, patent_id)
    orgs: dict[str, ResolvedOrganization] = {}

    def org(name: str, *, queue: bool = True) -> ResolvedOrganization:
        resolved = resolver.resolve_and_queue(name, patent_id) if queue else resolver.resolve(name)
        orgs.setdefault(resolved.key, resolved)
        return resolved

    intervals = list(ledger.ownership)
    estimated = _export_owner_change(record, ledger, intervals, org)
    owns = _owns_rows(intervals, estimated, patent_id, org, provenance)
    pledges = [
        _encumbrance_row(e, patent_id, holder, org, provenance)
        for e in ledger.pledges
        for holder in e.holders
    ]
    licences = [
        _encumbrance_row(e, patent_id, holder, org, provenance)
        for e in ledger.licenses
        for holder in e.holders
    ]
    return LedgerRows(list(orgs.values()), owns, pledges, licences, _patent_facts(ledger))


def _export_owner_change(
    record: PatentRecord,
    ledger: PatentLedger,
    intervals: list[OwnershipInterval],
    org: _Resolve,
) -> set[int]:
    """Indexes of intervals opened by the export's 当前权利人 (appended to `intervals`)."""
    if not record.current_owners:
        return set()
    open_keys = {org(i.current_name).key for i in intervals if i.end is None}
    current = [org(name) for name in record.current_owners]
    if {o.key for o in current} == open_keys:
        return set()
    day = _latest_known_date(record, ledger.events)
    estimated: set[int] = set()
    for index, interval in enumerate(list(intervals)):
        if interval.end is None and org(interval.current_name).key not in {o.key for o in current}:
            intervals[index] = OwnershipInterval(
                interval.owner,
                interval.start,
                day,
                interval.names,
                interval.share,
                interval.opened_by,
                interval.closed_by,
            )
            estimated.add(index)
    for owner in current:
        if owner.key not in open_keys:
            intervals.append(OwnershipInterval(owner.name, day, None, ((owner.name, day),)))
            estimated.add(len(intervals) - 1)
    return estimated


class _Resolve(Protocol):
    def __call__(self, name: str, *, queue: bool = True) -> ResolvedOrganization: ...


def _latest_known_date(record: PatentRecord, events: Iterable[LegalEvent]) -> dt.date | None:
    dates = [e.effective_date for e in events if e.effective_date is not None]
    dates += [d for d in (record.grant_date, record.publication_date, record.filing_date) if d]
    return max(dates) if dates else None


def _owns_rows(
    intervals: Sequence[OwnershipInterval],
    estimated: set[int],
    patent_id: str,
    org: _Resolve,
    provenance: str,
) -> list[EdgeRow]:
    by_owner: dict[str, list[tuple[int, OwnershipInterval]]] = {}
    for index, interval in enumerate(intervals):
        by_owner.setdefault(org(interval.current_name).key, []).append((index, interval))
    rows = []
    for key, held in by_owner.items():
        held.sort(key=lambda item: item[1].start or dt.date.min)
        last = held[-1][1]
        props: Properties = {
            "periods": [f"{_iso(i.start)}..{_iso(i.end)}" for _, i in held],
            "names": _unique(name for _, i in held for name, _ in i.names),
            "evidence": _unique(
                line for index, i in held for line in _interval_evidence(i, index in estimated)
            ),
        }
        if held[0][1].start is not None:
            props["from"] = _iso(held[0][1].start)
        if last.end is not None:
            props["to"] = _iso(last.end)
        if any(index in estimated for index, _ in held):
            props["date_estimated"] = True
        if last.share is not None:
            props["share"] = last.share
        group = _intra_group(last, org)
        if group:
            props["intra_group"] = group
        rows.append(EdgeRow(key, patent_id, props, provenance))
    return rows


def _interval_evidence(interval: OwnershipInterval, estimated: bool) -> list[str]:
    lines = []
    if interval.opened_by is None and not estimated:
        lines.append(f"filing {_iso(interval.start)} (申请人)")
    elif interval.opened_by is not None:
        lines.append(_event_line(interval.opened_by))
    elif estimated:
        lines.append(EXPORT_OWNERS_EVIDENCE)
    if interval.closed_by is not None:
        lines.append(_event_line(interval.closed_by))
    elif estimated and interval.end is not None:
        lines.append(EXPORT_OWNERS_EVIDENCE)
    return lines


def _intra_group(interval: OwnershipInterval, org: _Resolve) -> str | None:
    """The group id when the owner received the right from a member of its own group."""
    event = interval.opened_by
    if event is None or not event.owners_before:
        return None
    ours = org(interval.current_name).group_id
    before = {org(name, queue=False).group_id for name in event.owners_before}
    return ours if ours is not None and before == {ours} else None


def _encumbrance_row(
    encumbrance: Encumbrance, patent_id: str, holder: str, org: _Resolve, provenance: str
) -> EdgeRow:
    holder_org = org(holder, queue=False)
    props: Properties = {
        "grantors": list(encumbrance.grantors),
        "gazette_evidence": _unique(
            _event_line(e)
            for e in (encumbrance.opened_by, *encumbrance.changed_by, encumbrance.closed_by)
            if e is not None
        ),
    }
    if encumbrance.start is not None:
        props["registered_start"] = _iso(encumbrance.start)
    if encumbrance.end is not None:
        props["registered_end"] = _iso(encumbrance.end)
    if encumbrance.reference:
        props["registration_number"] = encumbrance.reference
    if encumbrance.license_kind:
        props["gazette_exclusivity"] = encumbrance.license_kind
    groups = {org(name, queue=False).group_id for name in encumbrance.grantors}
    if holder_org.group_id is not None and groups == {holder_org.group_id}:
        props["intra_group"] = holder_org.group_id
    return EdgeRow(patent_id, holder_org.key, props, provenance)


def _patent_facts(ledger: PatentLedger) -> Properties:
    facts = [
        f"{_iso(e.effective_date)} {e.kind} {e.code or ''}".strip()
        for e in ledger.events
        if e.kind in FACT_KINDS
    ]
    props: Properties = {}
    if facts:
        props["ledger_facts"] = facts
    if ledger.ended_on is not None:
        props["ended_on"] = _iso(ledger.ended_on)
        if ledger.ended_by is not None:
            props["ended_by"] = ledger.ended_by.kind
    return props


def _event_line(event: LegalEvent) -> str:
    parts = [event.code or event.kind, _iso(event.effective_date)]
    if event.registration_number:
        parts.append(event.registration_number)
    return " ".join(p for p in parts if p)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def organization_rows(
    resolved: Iterable[ResolvedOrganization], provenance: str
) -> tuple[list[NodeRow], list[EdgeRow]]:
    """Organisation nodes (with the group they are on the SASAC list as, if any) and their
    SUBSIDIARY_OF links, each with the rule, confidence and evidence that made it."""
    nodes: list[NodeRow] = []
    links: list[EdgeRow] = []
    for org in resolved:
        props: Properties = {"name": org.name}
        if org.group_id:
            props["central_soe_group"] = org.group_id
        if org.is_central_soe:
            props["is_central_soe"] = True
        if org.credit_code:
            props["credit_code"] = org.credit_code
        nodes.append(NodeRow(org.key, props, provenance))
        for link in org.links:
            parent: Properties = {"name": link.parent_name}
            if link.parent_is_group:
                parent["is_central_soe"] = True
            if org.group_id:
                parent["central_soe_group"] = org.group_id
            nodes.append(NodeRow(link.parent, parent, provenance))
            edge: Properties = {
                "rule": link.rule,
                "confidence": link.confidence,
                "evidence": link.evidence,
                "source": "central_soe_directory" if link.rule != "curated" else "curation",
            }
            links.append(EdgeRow(link.child, link.parent, edge, provenance))
    return nodes, links
