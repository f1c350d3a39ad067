"""The tables ingest reads besides the data: organisation aliases and export column headers."""

from __future__ import annotations

from dataclasses import dataclass

from config.settings import Settings
from ingest.aliases import OrganizationAliases
from ingest.readers.columns import ColumnMap


@dataclass(frozen=True)
class Vocabularies:
    aliases: OrganizationAliases
    columns: ColumnMap

    @classmethod
    def load(cls, settings: Settings | None = None) -> Vocabularies:
        settings = settings or Settings()
        return cls(OrganizationAliases.load(settings.organization_aliases), ColumnMap.load())
