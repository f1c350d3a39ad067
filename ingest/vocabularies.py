"""The tables ingest reads besides the data: organisation aliases and export column headers."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from config.settings import Settings
from ingest.aliases import OrganizationAliases
from ingest.ipc import IpcTitles
from ingest.nlp.pipeline import load_pipeline
from ingest.readers.columns import ColumnMap


@dataclass(frozen=True)
class Vocabularies:
    aliases: OrganizationAliases
    columns: ColumnMap
    nlp: Language | None = None  # None: no entity extraction from text
    ipc_titles: IpcTitles = field(default_factory=IpcTitles)

    @classmethod
    def load(cls, settings: Settings | None = None) -> Vocabularies:
        settings = settings or Settings()
        nlp = (
            load_pipeline(organizations=str(settings.organization_aliases))
            if settings.nlp
            else None
        )
        return cls(
            OrganizationAliases.load(settings.organization_aliases),
            ColumnMap.load(),
            nlp,
            IpcTitles.load(settings.ipc_titles),
        )
