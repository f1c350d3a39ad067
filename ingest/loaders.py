"""The shape every reference-data loader shares: group trees, SEP declarations and the
registers (secrets, people, cases) each take a file, the graph and the organisation aliases,
write every usable row in one idempotent batch, and return a `LoadReport` (a loader adds the
fields particular to it). The CLI prints any of them the same way (`LoadReport.summary`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from domain.organizations import OrganizationAliases
from graph.store import GraphStore
from ingest.errors import Problem


@dataclass
class LoadReport:
    rows: int = 0  # rows (or entries) read
    loaded: int = 0  # rows written
    problems: list[Problem] = field(default_factory=list)  # rows rejected, with their reasons

    @property
    def summary(self) -> str:
        return f"{self.rows} rows read, {self.loaded} loaded"


class Loader(Protocol):
    def __call__(
        self, path: Path, graph: GraphStore, aliases: OrganizationAliases
    ) -> LoadReport: ...
