"""API plumbing in one place: what handlers get from the app (the stores and the aliases),
the caller's principal and access policy, and a dependency that requires a role."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request

from domain.access import AccessPolicy, policy_for
from graph.value_model import ValueModel
from search_api.auth import ApiKeys, Principal, Role, principal_of, require
from stores.workflow import WorkflowStore
from usecases.context import Context


@dataclass(frozen=True)
class AppContext(Context):
    api_keys: ApiKeys = field(default_factory=lambda: ApiKeys({}))
    audit_log: Path | None = None
    # Decisions, watches, alerts (stores/workflow.py) and the value model the patent page uses.
    workflow: WorkflowStore = field(default=None)  # type: ignore[assignment]
    value_model: ValueModel = field(default_factory=ValueModel.load)


# The dependencies are `async def` on purpose: they do no blocking I/O (a key file `stat` at
# most), and FastAPI runs a plain `def` dependency in the thread pool, one hop per dependency
# per request on the portal's hottest path.
async def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.context
    return ctx


async def access_policy(caller: Annotated[Principal, Depends(principal_of)]) -> AccessPolicy:
    """The one access policy for the caller's role (domain/access.py)."""
    return policy_for(caller.sees_confidential)


# Marks a `requires` dependency, so the OpenAPI document declares 403 and a required key
# (search_api/contract.py).
REQUIRED_ROLE_ATTRIBUTE = "required_role"


def requires(role: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """A dependency: the caller, who must hold `role` or a higher one (403 FORBIDDEN)."""

    async def dependency(caller: Annotated[Principal, Depends(principal_of)]) -> Principal:
        require(caller, role)
        return caller

    setattr(dependency, REQUIRED_ROLE_ATTRIBUTE, role)
    return dependency


Ctx = Annotated[AppContext, Depends(context)]
Caller = Annotated[Principal, Depends(principal_of)]
Policy = Annotated[AccessPolicy, Depends(access_policy)]
