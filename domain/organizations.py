"""One organisation key per real company, whatever name a record uses for it
(config/dictionaries/organization_aliases.tsv: short names, English names, former names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from config.settings import DEFAULT_ORGANIZATION_ALIASES
from domain.central_soes import CentralSoeDirectory, load_central_soe_directory
from domain.names import organization_key, organization_name


@dataclass(frozen=True)
class OrganizationAliases:
    by_key: dict[str, list[str]] = field(default_factory=dict)  # full-name key -> other names
    former: dict[str, list[str]] = field(default_factory=dict)  # full-name key -> former names
    to_key: dict[str, str] = field(default_factory=dict)  # any known name's key -> full key
    full_names: dict[str, str] = field(default_factory=dict)  # full-name key -> display name

    @classmethod
    def load(
        cls, path: Path = DEFAULT_ORGANIZATION_ALIASES, *, central_soes: bool = True
    ) -> OrganizationAliases:
        """The alias table, then (unless `central_soes` is False) every name of the shipped
        central-SOE directory for the companies the table does not list: the table wins."""
        aliases = cls._from_table(path)
        if central_soes:
            aliases.add_directory(load_central_soe_directory())
        return aliases

    @classmethod
    def _from_table(cls, path: Path) -> OrganizationAliases:
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

    def add_directory(self, directory: CentralSoeDirectory) -> None:
        """Short, English and former names of every listed group and subsidiary, so that
        `国家电网` or `State Grid Zhejiang Electric Power Co Ltd` name the one organisation."""
        for organization in directory.organizations.values():
            key = organization_key(organization.name)
            if key in self.to_key and self.to_key[key] != key:
                continue  # the table names this company under another full name
            others = [*organization.short_names, *organization.english_names]
            self.by_key.setdefault(key, _names("|".join(others)))
            self.former.setdefault(key, _names("|".join(organization.former_names)))
            self.to_key.setdefault(key, key)
            self.full_names.setdefault(key, organization_name(organization.name))
            for name in [*others, *organization.former_names]:
                self.to_key.setdefault(organization_key(name), key)

    def knows(self, name: str) -> bool:
        """Whether `name` is a full, short, English or former name listed somewhere."""
        return organization_key(name) in self.to_key

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
