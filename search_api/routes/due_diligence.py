"""GET /api/v1/due-diligence/{organization}: the IP picture of a target, with risks and
evidence, as JSON, HTML or PDF. Analysts get the report without confidential sections; dd and
admin get trade secrets and people too. Every call is written to the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.concurrency import run_in_threadpool

from search_api.audit import audit
from search_api.auth import Principal, Role
from search_api.deps import Ctx, Policy, requires
from search_api.reports.render import MEDIA_TYPES, ReportFormat, render_report
from search_api.schemas.common import ErrorBody, IsoDate
from usecases.due_diligence import report_on, target_of

router = APIRouter(
    prefix="/api/v1",
    tags=["due diligence"],
    responses={
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)


@router.get(
    "/due-diligence/{organization}",
    operation_id="due_diligence",
    responses={200: {"content": {"application/json": {}, "text/html": {}, "application/pdf": {}}}},
)
async def get_due_diligence(
    organization: Annotated[str, Path(max_length=200, examples=["宁德时代"])],
    ctx: Ctx,
    caller: Annotated[Principal, Depends(requires(Role.ANALYST))],
    policy: Policy,
    with_subsidiaries: Annotated[bool, Query()] = True,
    years: Annotated[int, Query(ge=1, le=20, description="expiry horizon")] = 5,
    as_of: Annotated[IsoDate | None, Query(description="report date (default today)")] = None,
    format: Annotated[ReportFormat, Query()] = ReportFormat.JSON,
) -> Response:
    """Assets, ownership, encumbrances, disputes, SEPs, key inventors and risk flags with a
    score (docs/DUE_DILIGENCE.md)."""
    target = target_of(ctx, organization, policy)
    audit(
        ctx.audit_log,
        caller,
        "due_diligence",
        organization=target.key.id,
        with_subsidiaries=with_subsidiaries,
        format=format.value,
        confidential=policy.sees_confidential,
    )
    report = await run_in_threadpool(
        lambda: report_on(
            ctx, target, policy, with_subsidiaries=with_subsidiaries, years=years, as_of=as_of
        )
    )
    body = await run_in_threadpool(render_report, report, target.name, format)
    headers = {}
    if format is ReportFormat.PDF:
        filename = f"due-diligence-{report.as_of}.pdf"
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return Response(body, media_type=MEDIA_TYPES[format], headers=headers)
