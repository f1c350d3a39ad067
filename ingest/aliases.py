"""Organisation short names and other names (config/dictionaries/organization_aliases.tsv)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from config.settings import DEFAULT_ORGANIZATION_ALIASES
from ingest.normalize import organization_key, organization_name


@dataclass(frozen=True)
class OrganizationAliases:
    by_key: dict[str, list[str]] = field(default_factory=dict)  # full-name key -> aliases
    to_key: dict[str, str] = field(default_factory=dict)  # alias or full-name key -> full key

    @classmethod
    def load(cls, path: Path = DEFAULT_ORGANIZATION_ALIASES) -> OrganizationAliases:
        aliases = cls()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            full, _, others = line.partition("\t")
            key = organization_key(full)
            names = [organization_name(o) for o in others.split("|") if o.strip()]
            aliases.by_key[key] = names
            aliases.to_key[key] = key
            for name in names:
                aliases.to_key.setdefault(organization_key(name), key)
        return aliases

    def aliases_of(self, name: str) -> list[str]:
        return self.by_key.get(organization_key(name), [])

    def resolve(self, name: str) -> str:
        """The organisation key for a full name or a known short name."""
        key = organization_key(name)
        return self.to_key.get(key, key)
