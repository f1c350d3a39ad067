"""One organisation key per real company, whatever name a record uses for it
(config/dictionaries/organization_aliases.tsv: short names, English names, former names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from config.settings import DEFAULT_ORGANIZATION_ALIASES
from domain.names import organization_key, organization_name


@dataclass(frozen=True)
class OrganizationAliases:
    by_key: dict[str, list[str]] = field(default_factory=dict)  # full-name key -> other names
    former: dict[str, list[str]] = field(default_factory=dict)  # full-name key -> former names
    to_key: dict[str, str] = field(default_factory=dict)  # any known name's key -> full key
    full_names: dict[str, str] = field(default_factory=dict)  # full-name key -> display name

    @classmethod
    def load(cls, path: Path = DEFAULT_ORGANIZATION_ALIASES) -> OrganizationAliases:
        aliases = cls()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            full, others, former = [*line.split("\t"), "", ""][:3]
            key = organization_key(full)
            aliases.by_key[key] = _names(others)
            aliases.former[key] = _names(former)
            aliases.to_key[key] = key
            aliases.full_names[key] = organization_name(full)
            for name in [*aliases.by_key[key], *aliases.former[key]]:
                aliases.to_key.setdefault(organization_key(name), key)
        return aliases

    def aliases_of(self, name: str) -> list[str]:
        """Short and English names of the company `name` resolves to."""
        return self.by_key.get(self.resolve(name), [])

    def former_names_of(self, name: str) -> list[str]:
        return self.former.get(self.resolve(name), [])

    def resolve(self, name: str) -> str:
        """The organisation key for a full name, a short name or a former name."""
        key = organization_key(name)
        return self.to_key.get(key, key)

    def canonical_name(self, name: str) -> str:
        """The current full name when `name` is a known short or former name, else `name`."""
        return self.full_names.get(self.resolve(name), name)


def _names(column: str) -> list[str]:
    return [organization_name(o) for o in column.split("|") if o.strip()]
