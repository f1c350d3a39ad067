"""One organisation per company and its central-SOE group, for every applicant or owner name.

A name goes, in order, through the user's curation (`ipgraph orgs link`, kept in the data
dir and re-applied on every ingest), the alias table, and the shipped central-SOE directory
(domain/central_soes.py). A name the directory resolves with confidence at least
`REVIEW_BELOW` is keyed by the listed company it names (an English DOCDB name becomes the
Chinese organisation) and linked to its group with the rule, confidence and evidence; a name
resolved with less confidence, or not at all, is queued for review (`ipgraph orgs
unresolved`) and linked to nothing: membership is never inferred silently.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from pathlib import Path

from domain.central_soes import CentralSoeDirectory, GroupResolution, split_credit_code
from domain.names import organization_key, organization_name
from domain.organizations import OrganizationAliases

CURATION_HEADER = ("name", "to", "parent", "note")
REVIEW_HEADER = ("name", "reason", "candidate_group", "confidence", "rule", "evidence", "patent")


@dataclass(frozen=True)
class GroupLink:
    """A SUBSIDIARY_OF edge to write: `child` is held by `parent` (both organisation keys)."""

    child: str
    parent: str
    parent_name: str
    rule: str
    confidence: float
    evidence: str
    parent_is_group: bool


@dataclass(frozen=True)
class ResolvedOrganization:
    key: str
    name: str  # the display name: the listed full Chinese name when the directory knows it
    filed_as: str
    links: tuple[GroupLink, ...] = ()
    group_id: str | None = None
    is_central_soe: bool = False  # the organisation is a group on the SASAC list
    review: GroupResolution | None = None  # the low-confidence candidate, if any
    reviewed_reason: str | None = None  # unresolved / low_confidence; None: nothing to review
    credit_code: str | None = None  # 统一社会信用代码 when the name carried a valid one


@dataclass
class Curation:
    """The user's decisions: name -> the organisation it is (`to`) and/or its parent group."""

    to: dict[str, str] = field(default_factory=dict)  # organisation key of a name -> target
    parent: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None) -> Curation:
        curation = cls(path=path)
        if path is None or not path.exists():
            return curation
        for row in _tsv_rows(path):
            key = organization_key(row.get("name", ""))
            if not key:
                continue
            if row.get("to"):
                curation.to[key] = organization_name(row["to"])
            if row.get("parent"):
                curation.parent[key] = organization_name(row["parent"])
        return curation

    def link(self, name: str, *, to: str | None, parent: str | None, note: str = "") -> None:
        """Record a decision and persist it (the last decision for a name wins)."""
        key = organization_key(name)
        if to:
            self.to[key] = organization_name(to)
        if parent:
            self.parent[key] = organization_name(parent)
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = not self.path.exists()
        with self.path.open("a", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            if new:
                writer.writerow(CURATION_HEADER)
            writer.writerow([organization_name(name), to or "", parent or "", note])


@dataclass
class ReviewQueue:
    """Names waiting for a person, by organisation key; saved as TSV in the data dir."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> ReviewQueue:
        queue = cls()
        if path is not None and path.exists():
            for row in _tsv_rows(path):
                if row.get("name"):
                    queue.rows[organization_key(row["name"])] = row
        return queue

    def add(self, resolved: ResolvedOrganization, patent: str) -> None:
        if resolved.reviewed_reason is None:
            return
        candidate = resolved.review
        self.rows.setdefault(
            organization_key(resolved.filed_as),
            {
                "name": resolved.filed_as,
                "reason": resolved.reviewed_reason,
                "candidate_group": candidate.group_name if candidate else "",
                "confidence": f"{candidate.confidence:.2f}" if candidate else "",
                "rule": candidate.rule if candidate else "",
                "evidence": candidate.evidence if candidate else "",
                "patent": patent,
            },
        )

    def drop_curated(self, curation: Curation) -> None:
        for key in list(self.rows):
            if key in curation.to or key in curation.parent:
                del self.rows[key]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(REVIEW_HEADER)
            for key in sorted(self.rows):
                writer.writerow([self.rows[key].get(column, "") for column in REVIEW_HEADER])


@dataclass
class OrganizationResolver:
    aliases: OrganizationAliases
    directory: CentralSoeDirectory
    curation: Curation = field(default_factory=Curation)
    review: ReviewQueue = field(default_factory=ReviewQueue)
    # credit code -> the organisation key first seen with it: the code is the key, so the
    # same company under another name (a former name, an English name) is one organisation
    by_credit_code: dict[str, str] = field(default_factory=dict)

    _memo: dict[str, ResolvedOrganization] = field(default_factory=dict, repr=False)

    def resolve(self, filed_as: str) -> ResolvedOrganization:
        # A name resolves the same way all run long (the curation does not change during an
        # ingest); ingest asks for each name several times per record.
        known = self._memo.get(filed_as)
        if known is None:
            known = self._memo[filed_as] = self._resolve(filed_as)
        return known

    def _resolve(self, filed_as: str) -> ResolvedOrganization:
        name, code = split_credit_code(organization_name(filed_as))
        if code is None:
            return self._resolve_name(name)
        if organization_key(code) in self.curation.to:
            name = self.curation.to[organization_key(code)]
        resolved = self._resolve_name(name)
        key = self.by_credit_code.setdefault(code, resolved.key)
        if key != resolved.key:
            links = tuple(replace(link, child=key) for link in resolved.links)
            resolved = replace(resolved, key=key, links=links)
        return replace(resolved, credit_code=code)

    def _resolve_name(self, filed_as: str) -> ResolvedOrganization:
        name_key = organization_key(filed_as)
        target = self.curation.to.get(name_key)
        name = self.aliases.canonical_name(target or filed_as)
        resolution = self.directory.resolve(name)
        listed = resolution is not None and resolution.organization and not resolution.needs_review
        if listed and target is None and not self._table_lists(filed_as):
            assert resolution is not None and resolution.organization is not None
            name = resolution.organization  # English / short / variant -> the listed name
        key = self.aliases.resolve(name)
        curated_parent = self.curation.parent.get(name_key) or self.curation.parent.get(key)
        if curated_parent is not None:
            return self._curated_parent(key, name, filed_as, curated_parent)
        if resolution is None:
            return ResolvedOrganization(key, name, filed_as, reviewed_reason="unresolved")
        if resolution.needs_review:
            return ResolvedOrganization(
                key, name, filed_as, review=resolution, reviewed_reason="low_confidence"
            )
        return ResolvedOrganization(
            key,
            name,
            filed_as,
            self._links(key, resolution),
            resolution.group_id,
            is_central_soe=resolution.organization == resolution.group_name,
        )

    def resolve_and_queue(self, filed_as: str, patent: str) -> ResolvedOrganization:
        resolved = self.resolve(filed_as)
        self.review.add(resolved, patent)
        return resolved

    def _table_lists(self, name: str) -> bool:
        # The alias table's own full names stay the keys they were (the table wins).
        return self.aliases.knows(name) and self.aliases.resolve(name) in self.aliases.by_key

    def _curated_parent(
        self, key: str, name: str, filed_as: str, parent: str
    ) -> ResolvedOrganization:
        parent_key = self.aliases.resolve(parent)
        group = self.directory.resolve(parent)
        link = GroupLink(
            key,
            parent_key,
            self.aliases.canonical_name(parent),
            "curated",
            1.0,
            "ipgraph orgs link --parent",
            group is not None and group.organization == group.group_name,
        )
        links = (link,) if parent_key != key else ()
        return ResolvedOrganization(key, name, filed_as, links, group.group_id if group else None)

    def _links(self, key: str, resolution: GroupResolution) -> tuple[GroupLink, ...]:
        group_key = self.aliases.resolve(resolution.group_name)
        if key == group_key:
            return ()
        evidence = resolution.evidence
        if resolution.parent is not None:
            # A branch: held by the listed company, which the group holds.
            parent_key = self.aliases.resolve(resolution.parent)
            links = [
                GroupLink(
                    key,
                    parent_key,
                    resolution.parent,
                    resolution.rule,
                    resolution.confidence,
                    evidence,
                    False,
                ),
            ]
            if parent_key != group_key:
                links.append(
                    GroupLink(
                        parent_key,
                        group_key,
                        resolution.group_name,
                        "exact",
                        1.0,
                        resolution.parent,
                        True,
                    )
                )
            return tuple(links)
        return (
            GroupLink(
                key,
                group_key,
                resolution.group_name,
                resolution.rule,
                resolution.confidence,
                evidence,
                True,
            ),
        )


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]
