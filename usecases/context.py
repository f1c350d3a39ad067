"""What every use case reads: the stores and the organisation aliases. The API's AppContext
extends it; the CLI builds one from settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from config.settings import TECHNICAL_SYNONYMS
from domain.organizations import OrganizationAliases
from search.synonyms import SynonymSource
from stores.backends import Stores


@dataclass(frozen=True)
class Context:
    stores: Stores
    aliases: OrganizationAliases
    # Query-time technical synonyms; entry points pass one that also reads the user's file.
    synonyms: SynonymSource = field(default_factory=lambda: SynonymSource(TECHNICAL_SYNONYMS))
