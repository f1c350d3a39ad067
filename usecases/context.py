"""What every use case reads: the stores and the organisation aliases. The API's AppContext
extends it; the CLI builds one from settings."""

from __future__ import annotations

from dataclasses import dataclass

from domain.organizations import OrganizationAliases
from stores.backends import Stores


@dataclass(frozen=True)
class Context:
    stores: Stores
    aliases: OrganizationAliases
