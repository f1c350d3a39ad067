"""What handlers get from the app: the stores and the organisation aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from domain.organizations import OrganizationAliases
from search_api.auth import ApiKeys
from stores.backends import Stores


@dataclass(frozen=True)
class AppContext:
    stores: Stores
    aliases: OrganizationAliases
    api_keys: ApiKeys = field(default_factory=lambda: ApiKeys({}))
    audit_log: Path | None = None


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.context
    return ctx
