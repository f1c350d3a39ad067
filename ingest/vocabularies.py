"""The tables ingest reads besides the data: organisation aliases and export column headers."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from config.settings import DEFAULT_USER_DICTIONARY, LEGAL_EVENTS_TABLE, Settings
from domain.central_soes import load_central_soe_directory
from domain.ipc import IpcTitles
from domain.legal_status import LegalEvents
from domain.names import organization_key
from domain.organizations import OrganizationAliases
from ingest.nlp.keywords import KeywordExtractor
from ingest.nlp.pipeline import load_pipeline
from ingest.readers.columns import ColumnMap
from ingest.resolve.organizations import Curation, OrganizationResolver, ReviewQueue
from search.index.chinese import ChineseAnalyzer, shared_analyzer


@dataclass(frozen=True)
class Vocabularies:
    aliases: OrganizationAliases
    columns: ColumnMap
    nlp: Language | None = None  # None: no entity extraction from text
    ipc_titles: IpcTitles = field(default_factory=IpcTitles)
    central_soes: frozenset[str] = frozenset()  # organisation keys
    legal_events: LegalEvents = field(default_factory=lambda: LegalEvents.load(LEGAL_EVENTS_TABLE))
    keywords: KeywordExtractor | None = None
    analyzer: ChineseAnalyzer = field(
        default_factory=lambda: shared_analyzer(DEFAULT_USER_DICTIONARY)
    )
    # Applicant and owner names -> organisation and central-SOE group; built from `aliases`,
    # the shipped directory and no curation when not given.
    organizations: OrganizationResolver | None = None

    def __post_init__(self) -> None:
        if self.organizations is None:
            resolver = OrganizationResolver(self.aliases, load_central_soe_directory())
            object.__setattr__(self, "organizations", resolver)

    @property
    def resolver(self) -> OrganizationResolver:
        assert self.organizations is not None  # set in __post_init__
        return self.organizations

    @classmethod
    def load(cls, settings: Settings | None = None) -> Vocabularies:
        settings = settings or Settings()
        nlp, keywords = None, None
        if settings.nlp:
            nlp = load_pipeline(organizations=str(settings.organization_aliases))
            keywords = KeywordExtractor(shared_analyzer(settings.user_dictionary))
        aliases = OrganizationAliases.load(settings.organization_aliases)
        return cls(
            aliases,
            ColumnMap.load(),
            nlp,
            IpcTitles.load(settings.ipc_titles),
            load_central_soes(settings.central_soe_list),
            keywords=keywords,
            analyzer=shared_analyzer(settings.user_dictionary),
            organizations=OrganizationResolver(
                aliases,
                load_central_soe_directory(),
                Curation.load(settings.organization_curation_file),
                ReviewQueue.load(settings.organization_review_file),
            ),
        )


def load_central_soes(path: Path | None) -> frozenset[str]:
    """Organisation keys of the central SOE list; empty when none is configured."""
    if path is None or not path.exists():
        return frozenset()
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        names = [row["name"] for row in csv.DictReader(io.StringIO(text)) if row.get("name")]
    else:
        names = [line.strip() for line in text.splitlines() if line.strip()]
    return frozenset(organization_key(name) for name in names)
