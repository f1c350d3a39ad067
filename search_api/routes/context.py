"""What handlers get from the app: the stores and the organisation aliases."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from config.backends import Stores
from ingest.resolve.organizations import OrganizationAliases


@dataclass(frozen=True)
class AppContext:
    stores: Stores
    aliases: OrganizationAliases


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.context
    return ctx
