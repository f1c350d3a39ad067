"""Monitoring: watches, and after each ingest the changes that touch a watch become alerts.

`refresh` runs after every ingest (patents, contracts, groups, SEP declarations, registers) and
on demand (`ipgraph monitor`, daily, for expiries). For each patent the ingest touched and each
patent seen before, it reads the patent's state (usecases/patent_state.py: one function), compares
it with the state stored at the last refresh, turns the differences into changes, matches them
against the watches and stores the alerts; it also recomputes the patent's value and writes the
score and grade onto the Patent when they changed. Re-ingesting the same data gives the same
states, hence no change and no alert; an alert's fingerprint (watch, patent, kind, before,
after) also makes storing it twice a no-op.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from domain.access import FULL_ACCESS
from graph.lookup import find_patent_by_number
from graph.model import NodeLabel
from graph.value_model import PatentValue, ValueModel
from stores.webhooks import WebhookSender
from stores.workflow import Alert, NewAlert, Watch, WorkflowStore
from usecases.context import Context
from usecases.errors import ErrorCode, InvalidRequestError, NotFoundError
from usecases.patent_state import PatentState, read_state
from usecases.search import Criteria, parse_field_query, search
from usecases.valuation import store_values, value_of

QUERY_WATCH_WINDOW = 1000  # hits of a watched query read per refresh


class WatchKind(StrEnum):
    PATENT = "patent"
    ORGANIZATION = "organization"
    QUERY = "query"
    STANDARD = "standard"


class ChangeKind(StrEnum):
    LEGAL_STATUS = "legal_status"
    OWNER = "owner"
    LICENCE = "licence"
    LICENCE_ENDED = "licence_ended"
    PLEDGE = "pledge"
    PLEDGE_RELEASED = "pledge_released"
    TRANSFER = "transfer"
    LITIGATION = "litigation"
    EXPIRY = "expiry"
    NEW_FILING = "new_filing"
    SEP_DECLARATION = "sep_declaration"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    patent: str
    title: str
    organizations: tuple[str, ...]
    before: str | None
    after: str | None
    evidence: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()  # the standards newly declared (SEP changes)


@dataclass(frozen=True)
class Monitor:
    """What a refresh needs besides the stores: built once by the entry point."""

    workflow: WorkflowStore
    model: ValueModel
    expiry_days: int = 180
    webhook: WebhookSender | None = None


@dataclass
class RefreshReport:
    patents: int = 0
    revalued: int = 0
    changes: int = 0
    alerts: list[Alert] = field(default_factory=list)


def refresh(
    ctx: Context, monitor: Monitor, touched: Iterable[str], as_of: dt.date | None = None
) -> RefreshReport:
    """Compare, revalue and alert for `touched` and every patent seen before."""
    as_of = as_of or dt.date.today()
    now = _now()
    workflow, graph = monitor.workflow, ctx.stores.graph
    report = RefreshReport()
    changes: list[Change] = []
    values: dict[str, PatentValue] = {}
    seen: list[tuple[PatentState, PatentValue]] = []
    for patent_id in sorted({*touched, *workflow.known_patents()}):
        state = read_state(graph, patent_id, as_of)
        if state is None:
            continue
        stored = workflow.state(patent_id)
        before = PatentState.from_dict(stored.state) if stored is not None else None
        changes.extend(changes_between(before, state, as_of, monitor.expiry_days))
        value = value_of(state, monitor.model, as_of)
        node = graph.get_node(NodeLabel.PATENT, patent_id)
        props = node.props if node is not None else {}
        if props.get("value_score") != value.score or props.get("grade") != value.grade.value:
            values[patent_id] = value
        seen.append((state, value))
    store_values(graph, values, as_of)
    _index_grades(ctx, {pid: v.grade.value for pid, v in values.items()})
    report.alerts = workflow.add_alerts(_match(ctx, workflow.watches(), changes), now)
    # States last: when anything above fails, the next refresh finds the same changes again
    # (and the fingerprints keep the alerts already stored from being stored twice).
    for state, value in seen:
        workflow.save_state(state.id, state.as_dict(), value.score, value.grade.value, now)
    report.patents, report.revalued, report.changes = len(seen), len(values), len(changes)
    if monitor.webhook is not None:
        deliver(monitor.workflow, monitor.webhook, report.alerts)
    return report


def _index_grades(ctx: Context, grades: dict[str, str]) -> None:
    """The new grades into the search index too (its `grade` facet and filter)."""
    index = ctx.stores.index
    documents = [
        dataclasses.replace(doc, grade=grades[pid])
        for pid in sorted(grades)
        if (doc := index.get(pid)) is not None and doc.grade != grades[pid]
    ]
    if documents:
        index.ensure_index()  # an index file of an older version gains its `grade` column
        index.upsert(documents)


def changes_between(
    before: PatentState | None, after: PatentState, as_of: dt.date, expiry_days: int
) -> list[Change]:
    """What changed between two states of one patent; a patent seen for the first time is a
    new filing (and its SEP declarations are new)."""
    orgs = tuple(sorted({*after.organizations, *(before.organizations if before else ())}))

    def change(
        kind: ChangeKind, old: object, new: object, evidence: str, standards: tuple[str, ...] = ()
    ) -> Change:
        return Change(
            kind, after.id, after.title, orgs, _text(old), _text(new),
            tuple(after.evidence.get(evidence, [])) or tuple(after.evidence.get("document", [])),
            standards,
        )

    found: list[Change] = []
    if before is None:
        found.append(change(ChangeKind.NEW_FILING, None, after.filing_date, "document"))
        before = PatentState(id=after.id)
    else:
        found.extend(_fact_changes(before, after, change))
    declared = tuple(sorted(set(after.sep_standards) - set(before.sep_standards)))
    if declared:
        found.append(change(
            ChangeKind.SEP_DECLARATION, before.sep_standards, after.sep_standards, "sep",
            standards=declared,
        ))
    if _expires_soon(after, as_of, expiry_days):
        found.append(change(ChangeKind.EXPIRY, None, after.expiry, "document"))
    return found


def _fact_changes(before: PatentState, after: PatentState, change: _ChangeMaker) -> list[Change]:
    found: list[Change] = []
    if before.legal_status != after.legal_status:
        found.append(change(ChangeKind.LEGAL_STATUS, before.legal_status, after.legal_status,
                            "document"))
    if before.owners != after.owners:
        found.append(change(ChangeKind.OWNER, before.owners, after.owners, "transfer"))
    if set(before.transferees) < set(after.transferees) or (
        not before.transferees and after.transferees
    ):
        found.append(change(ChangeKind.TRANSFER, before.transferees, after.transferees,
                            "transfer"))
    for kind, ended, old, new, evidence in (
        (ChangeKind.LICENCE, ChangeKind.LICENCE_ENDED, before.licensees, after.licensees,
         "licence"),
        (ChangeKind.PLEDGE, ChangeKind.PLEDGE_RELEASED, before.pledgees, after.pledgees, "pledge"),
    ):
        if set(new) - set(old):
            found.append(change(kind, old, new, evidence))
        if set(old) - set(new):
            found.append(change(ended, old, new, evidence))
    if before.cases != after.cases:
        found.append(change(ChangeKind.LITIGATION, before.cases, after.cases, "case"))
    return found


class _ChangeMaker(Protocol):
    def __call__(
        self, kind: ChangeKind, old: object, new: object, evidence: str,
        standards: tuple[str, ...] = (),
    ) -> Change: ...


def _expires_soon(state: PatentState, as_of: dt.date, days: int) -> bool:
    if state.expiry is None or state.legal_status == "invalid":
        return False
    expiry = dt.date.fromisoformat(state.expiry)
    return as_of <= expiry <= as_of + dt.timedelta(days=days)


def _match(ctx: Context, watches: list[Watch], changes: list[Change]) -> list[NewAlert]:
    new_filings = {c.patent for c in changes if c.kind is ChangeKind.NEW_FILING}
    query_hits = {
        w.id: _query_hits(ctx, w.target)
        for w in watches
        if w.kind == WatchKind.QUERY and new_filings
    }
    alerts: list[NewAlert] = []
    for watch in watches:
        for c in changes:
            if _matches(watch, c, query_hits.get(watch.id, set())):
                alerts.append(_alert(watch, c))
    return alerts


def _matches(watch: Watch, change: Change, query_hits: set[str]) -> bool:
    kind = WatchKind(watch.kind)
    if kind is WatchKind.PATENT:
        return change.patent == watch.target
    if kind is WatchKind.ORGANIZATION:
        return watch.target in change.organizations
    if kind is WatchKind.QUERY:
        return change.kind is ChangeKind.NEW_FILING and change.patent in query_hits
    return change.kind is ChangeKind.SEP_DECLARATION and watch.target in change.standards


def _query_hits(ctx: Context, query: str) -> set[str]:
    page = search(ctx, Criteria(q=query, size=QUERY_WATCH_WINDOW, facets=False), FULL_ACCESS)
    return {hit.id for hit in page.hits}


def _alert(watch: Watch, change: Change) -> NewAlert:
    key = json.dumps(
        [watch.id, change.patent, change.kind.value, change.before, change.after],
        ensure_ascii=False,
    )
    return NewAlert(
        fingerprint=hashlib.sha256(key.encode("utf-8")).hexdigest(),
        watch=watch,
        kind=change.kind.value,
        patent=change.patent,
        title=change.title,
        organizations=list(change.organizations),
        before=change.before,
        after=change.after,
        evidence=list(change.evidence),
    )


def deliver(workflow: WorkflowStore, webhook: WebhookSender, alerts: list[Alert]) -> None:
    """Each new alert to the webhook; the outcome is stored with the alert (shown by the API
    and `ipgraph alerts`)."""
    for alert in alerts:
        body = json.dumps(alert_body(alert), ensure_ascii=False, sort_keys=True).encode("utf-8")
        result = webhook.deliver(str(alert.id), body)
        workflow.record_delivery(
            alert.id, "delivered" if result.delivered else "failed", result.attempts,
            result.error, _now(),
        )


def alert_body(alert: Alert) -> dict[str, object]:
    """An alert as the API and the webhook show it."""
    return {
        "id": alert.id,
        "at": alert.at,
        "kind": alert.kind,
        "patent": alert.patent,
        "title": alert.title,
        "organizations": alert.organizations,
        "change": {"before": alert.before, "after": alert.after},
        "evidence": alert.evidence,
        "watch": {"id": alert.watch.id, "kind": alert.watch.kind, "target": alert.watch.target},
        "delivery": (
            None if alert.delivery is None else {
                "status": alert.delivery.status,
                "attempts": alert.delivery.attempts,
                "error": alert.delivery.last_error,
            }
        ),
    }


# Watches and alerts as a caller (an API key's name) manages them.


def add_watch(ctx: Context, workflow: WorkflowStore, owner: str, kind: WatchKind,
              target: str) -> tuple[Watch, bool]:
    """The watch (its target resolved to the id monitoring compares with) and whether it is new.
    """
    return workflow.add_watch(owner, kind.value, _target(ctx, kind, target.strip()), _now())


def _target(ctx: Context, kind: WatchKind, target: str) -> str:
    if not target:
        raise InvalidRequestError(ErrorCode.WATCH_TARGET_INVALID, "the target is empty",
                                  {"target": target})
    if kind is WatchKind.PATENT:
        patent = find_patent_by_number(ctx.stores.graph, target).patent
        if patent is None:
            raise NotFoundError(ErrorCode.PATENT_NOT_FOUND, f"no patent with id {target}",
                                {"id": target})
        return patent.id
    if kind is WatchKind.ORGANIZATION:
        return ctx.aliases.resolve(target)
    if kind is WatchKind.QUERY:
        parse_field_query(target)  # a syntax error is the caller's now, not at refresh time
    return target


def remove_watch(workflow: WorkflowStore, owner: str, watch_id: int) -> None:
    if not workflow.delete_watch(owner, watch_id):
        raise NotFoundError(ErrorCode.WATCH_NOT_FOUND, f"no watch {watch_id} of yours",
                            {"id": watch_id})


def alerts_of(workflow: WorkflowStore, owner: str | None, limit: int,
              before_id: int | None = None) -> list[Alert]:
    return workflow.alerts(owner, limit, before_id)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, tuple | list):
        return "、".join(str(v) for v in value) or None
    return str(value)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
