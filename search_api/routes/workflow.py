"""Graded management and monitoring: decisions on a patent, the review queue and the annuity
budget (analyst and up), watches and alerts (every key, each its own). Thin adapters over
usecases/workflow.py and usecases/monitoring.py; every decision goes to the audit log."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response

from search_api.audit import audit
from search_api.auth import Principal, Role
from search_api.deps import Caller, Ctx, Policy, requires
from search_api.schemas.common import ErrorBody, IsoDate
from search_api.schemas.workflow import (
    AlertOut,
    AlertsOut,
    BudgetOut,
    DecisionIn,
    DecisionOut,
    ReviewItemOut,
    ReviewQueueOut,
    WatchIn,
    WatchOut,
)
from stores.workflow import Decision, Watch
from usecases.monitoring import add_watch, alert_body, alerts_of, remove_watch
from usecases.workflow import (
    ReviewItem,
    annuity_budget,
    decide,
    decisions_of,
    review_queue,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody},
    401: {"model": ErrorBody},
    404: {"model": ErrorBody},
    503: {"model": ErrorBody},
}
router = APIRouter(prefix="/api/v1", tags=["graded management"], responses=ERRORS)
Analyst = Annotated[Principal, Depends(requires(Role.ANALYST))]
PatentNumber = Annotated[str, Path(max_length=64, examples=["CN115000001A"])]


@router.post(
    "/patents/{patent_id}/decisions",
    operation_id="add_decision",
    status_code=201,
    response_model=DecisionOut,
)
def post_decision(
    patent_id: PatentNumber, body: DecisionIn, ctx: Ctx, caller: Analyst
) -> DecisionOut:
    """Record a decision on a patent (keep, license, transfer, abandon, review): who is the
    API key's name; written to the audit log."""
    decision = decide(
        ctx, ctx.workflow, patent_id, body.action, body.reason, body.due,
        caller.name, caller.role.value,
    )
    audit(
        ctx.audit_log, caller, "decision", patent=decision.patent, decision=decision.id,
        decided=decision.action, reason=decision.reason, due=decision.due,
    )
    return _decision(decision)


@router.get(
    "/patents/{patent_id}/decisions",
    operation_id="list_decisions",
    response_model=list[DecisionOut],
)
def get_decisions(patent_id: PatentNumber, ctx: Ctx, _caller: Analyst) -> list[DecisionOut]:
    """The decisions on a patent, newest first, with who, when and why."""
    return [_decision(d) for d in decisions_of(ctx, ctx.workflow, patent_id)]


@router.get("/reviews", operation_id="review_queue", response_model=ReviewQueueOut)
def get_reviews(
    ctx: Ctx,
    policy: Policy,
    _caller: Analyst,
    before: Annotated[
        IsoDate, Query(description="what falls due before this date", examples=["2027-12-31"])
    ],
    organization: Annotated[
        str | None, Query(max_length=200, description="only this group (with subsidiaries)")
    ] = None,
) -> ReviewQueueOut:
    """Patents to decide on: annual fees and expiries coming up, decisions' review dates."""
    items = review_queue(ctx, ctx.workflow, before, policy, organization=organization)
    return ReviewQueueOut(before=before, items=[_item(i) for i in items])


@router.get("/reviews/budget", operation_id="annuity_budget", response_model=BudgetOut)
def get_budget(
    ctx: Ctx,
    policy: Policy,
    _caller: Analyst,
    organization: Annotated[str, Query(max_length=200, examples=["宁德时代"])],
    before: Annotated[
        IsoDate, Query(description="annual fees due before this date", examples=["2027-12-31"])
    ],
) -> BudgetOut:
    """A group's annual fees due before a date, by subsidiary and grade (CNIPA schedule)."""
    budget = annuity_budget(ctx, ctx.workflow, organization, before, policy)
    return BudgetOut(
        **{k: v for k, v in dataclasses.asdict(budget).items() if k != "items"},
        items=[_item(i) for i in budget.items],
    )


@router.post(
    "/watches",
    operation_id="add_watch",
    status_code=201,
    response_model=WatchOut,
    responses={200: {"model": WatchOut, "description": "the same watch existed already"}},
)
def post_watch(body: WatchIn, ctx: Ctx, caller: Caller, response: Response) -> WatchOut:
    """Watch a patent, an organisation (a competitor), a query or a standard; alerts follow
    after each ingest. The same watch twice is one watch (200 the second time)."""
    watch, created = add_watch(ctx, ctx.workflow, caller.name, body.kind, body.target)
    if not created:
        response.status_code = 200
    return _watch(watch)


@router.get("/watches", operation_id="list_watches", response_model=list[WatchOut])
def get_watches(ctx: Ctx, caller: Caller) -> list[WatchOut]:
    """The caller's watches."""
    return [_watch(w) for w in ctx.workflow.watches(caller.name)]


@router.delete("/watches/{watch_id}", operation_id="delete_watch", status_code=204)
def delete_watch(
    watch_id: Annotated[int, Path(ge=1, le=2**62, examples=[1])], ctx: Ctx, caller: Caller
) -> Response:
    """Stop watching (the caller's own watches only); its alerts stay."""
    remove_watch(ctx.workflow, caller.name, watch_id)
    return Response(status_code=204)


@router.get("/alerts", operation_id="list_alerts", response_model=AlertsOut)
def get_alerts(
    ctx: Ctx,
    caller: Caller,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    before_id: Annotated[
        int | None, Query(ge=1, le=2**62, description="alerts older than this alert id")
    ] = None,
) -> AlertsOut:
    """Alerts of the caller's watches, newest first: the patent, the change as before → after,
    the evidence and the watch."""
    alerts = alerts_of(ctx.workflow, caller.name, limit, before_id)
    return AlertsOut(
        alerts=[AlertOut.model_validate(alert_body(a)) for a in alerts],
        next_before_id=alerts[-1].id if len(alerts) == limit else None,
    )


def _decision(decision: Decision) -> DecisionOut:
    return DecisionOut(**dataclasses.asdict(decision))


def _watch(watch: Watch) -> WatchOut:
    return WatchOut(id=watch.id, kind=watch.kind, target=watch.target, created=watch.created)


def _item(item: ReviewItem) -> ReviewItemOut:
    return ReviewItemOut(**dataclasses.asdict(item))
