"""Graded management: a patent's value, decisions (keep, license, transfer, abandon, review),
the review queue (annuities and expiries coming up, decisions due) and the group's annuity
budget by subsidiary and grade.

The review queue and the budget read the patent states monitoring stores at each refresh
(stores/workflow.py), so they need no scan of the graph; the value on the patent page is
recomputed from the patent's current state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from domain.access import AccessPolicy
from domain.annuities import AnnuityDue, annuities_due
from graph.groups import group_members
from graph.lookup import find_patent_by_number
from graph.value_model import PatentValue, ValueModel
from stores.workflow import Decision, WorkflowStore
from usecases.context import Context
from usecases.entities import resolve_organization
from usecases.errors import ErrorCode, NotFoundError
from usecases.patent_state import PatentState, read_state
from usecases.valuation import value_of


class Action(StrEnum):
    KEEP = "keep"
    LICENSE = "license"
    TRANSFER = "transfer"
    ABANDON = "abandon"
    REVIEW = "review"


class ReviewReason(StrEnum):
    ANNUITY = "annuity"  # an annual fee falls due
    EXPIRY = "expiry"  # the term runs out
    DECISION_DUE = "decision_due"  # a decision set this date to look again


@dataclass(frozen=True)
class ReviewItem:
    patent: str
    title: str
    grade: str | None
    score: float | None
    owners: list[str]
    reason: ReviewReason
    due: str
    amount: int | None = None  # yuan, for an annuity
    year: int | None = None  # the patent year the annuity keeps in force
    last_decision: str | None = None


@dataclass(frozen=True)
class Budget:
    organization: str
    start: str
    before: str
    total: int
    by_grade: dict[str, int]
    by_subsidiary: dict[str, dict[str, int]]  # subsidiary -> grade -> yuan
    items: list[ReviewItem] = field(default_factory=list)


def patent_value(ctx: Context, number: str, model: ValueModel, as_of: dt.date) -> PatentValue:
    state = read_state(ctx.stores.graph, _patent_id(ctx, number), as_of)
    if state is None:
        raise _no_patent(number)
    return value_of(state, model, as_of)


def decide(
    ctx: Context,
    workflow: WorkflowStore,
    number: str,
    action: Action,
    reason: str,
    due: dt.date | None,
    who: str,
    role: str,
) -> Decision:
    patent = _patent_id(ctx, number)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return workflow.add_decision(
        patent, action.value, reason, due.isoformat() if due else None, who, role, now
    )


def decisions_of(ctx: Context, workflow: WorkflowStore, number: str) -> list[Decision]:
    return workflow.decisions(_patent_id(ctx, number))


def review_queue(
    ctx: Context,
    workflow: WorkflowStore,
    before: dt.date,
    policy: AccessPolicy,
    *,
    organization: str | None = None,
    as_of: dt.date | None = None,
) -> list[ReviewItem]:
    """What needs a decision before `before`: annuities due, expiries, decisions' due dates;
    soonest first. Only an organisation's group when `organization` is given."""
    start = as_of or dt.date.today()
    members = _members(ctx, organization, policy)
    latest = _latest_decisions(workflow)
    items: list[ReviewItem] = []
    for stored in workflow.states():
        state = PatentState.from_dict(stored.state)
        if members is not None and not set(state.organizations) & members:
            continue
        decision = latest.get(state.id)
        note = f"{decision.action}: {decision.reason}" if decision else None
        base = ReviewItem(
            patent=state.id, title=state.title, grade=stored.grade, score=stored.score,
            owners=list(state.owners), reason=ReviewReason.ANNUITY, due="", last_decision=note,
        )
        items.extend(
            dataclasses.replace(base, due=d.due.isoformat(), amount=d.amount, year=d.year)
            for d in _annuities(state, start, before)
        )
        window = (start.isoformat(), before.isoformat())
        if state.expiry and _within(state.expiry, window) and state.legal_status != "invalid":
            items.append(dataclasses.replace(base, reason=ReviewReason.EXPIRY, due=state.expiry))
        if decision and decision.due and _within(decision.due, window):
            items.append(
                dataclasses.replace(base, reason=ReviewReason.DECISION_DUE, due=decision.due)
            )
    return sorted(items, key=lambda i: (i.due, i.patent, i.reason.value))


def annuity_budget(
    ctx: Context,
    workflow: WorkflowStore,
    organization: str,
    before: dt.date,
    policy: AccessPolicy,
    as_of: dt.date | None = None,
) -> Budget:
    """Annual fees due before `before` across the group, by subsidiary (the owner in the
    group) and grade."""
    start = as_of or dt.date.today()
    org = resolve_organization(ctx, organization, policy)
    members = set(group_members(ctx.stores.graph, org.id, with_subsidiaries=True))
    items = [
        i for i in review_queue(ctx, workflow, before, policy, organization=org.id, as_of=start)
        if i.reason is ReviewReason.ANNUITY
    ]
    by_grade: dict[str, int] = defaultdict(int)
    by_subsidiary: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in items:
        grade = item.grade or "ungraded"
        payer = next((o for o in item.owners if o in members), org.id)
        by_grade[grade] += item.amount or 0
        by_subsidiary[payer][grade] += item.amount or 0
    return Budget(
        organization=org.id,
        start=start.isoformat(),
        before=before.isoformat(),
        total=sum(by_grade.values()),
        by_grade=dict(sorted(by_grade.items())),
        by_subsidiary={k: dict(sorted(v.items())) for k, v in sorted(by_subsidiary.items())},
        items=items,
    )


def _annuities(state: PatentState, start: dt.date, before: dt.date) -> list[AnnuityDue]:
    if state.legal_status != "valid" or not (state.kind and state.filing_date and state.expiry):
        return []
    filed = dt.date.fromisoformat(state.filing_date[:10])
    expiry = dt.date.fromisoformat(state.expiry)
    return list(annuities_due(state.kind, filed, expiry, start, before))


def _within(day: str, window: tuple[str, str]) -> bool:
    return window[0] <= day < window[1]


def _latest_decisions(workflow: WorkflowStore) -> dict[str, Decision]:
    latest: dict[str, Decision] = {}
    for decision in workflow.decisions():  # newest first
        latest.setdefault(decision.patent, decision)
    return latest


def _members(ctx: Context, organization: str | None, policy: AccessPolicy) -> set[str] | None:
    if organization is None:
        return None
    org = resolve_organization(ctx, organization, policy)
    return set(group_members(ctx.stores.graph, org.id, with_subsidiaries=True))


def _patent_id(ctx: Context, number: str) -> str:
    patent = find_patent_by_number(ctx.stores.graph, number).patent
    if patent is None:
        raise _no_patent(number)
    return patent.id


def _no_patent(number: str) -> NotFoundError:
    return NotFoundError(ErrorCode.PATENT_NOT_FOUND, f"no patent with id {number}", {"id": number})
