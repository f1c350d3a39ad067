"""The one patent lookup: a patent by any number, with one documented fallback order
(`domain.numbers.patent_lookup_keys`, then family members). Entity pages, graph walks, the SEP
and register loaders and the citation linker all call it, so a number resolves the same way
whatever door it came through."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from domain.numbers import parse_publication_number, patent_lookup_keys
from graph.model import NodeRecord

_FAMILY_SEPARATORS = re.compile(r"[;；,，\s]+")


class PatentFinder(Protocol):
    """What a lookup needs of a store (a GraphReader, or answers fetched ahead for a batch)."""

    def find_patent(self, number: str) -> NodeRecord | None: ...


@dataclass(frozen=True)
class PatentMatch:
    patent: NodeRecord | None
    matched_by: str  # exact, application, kind_code, family or unmatched


def find_patent_by_number(
    store: PatentFinder, raw: str, *, family: Iterable[str] = ()
) -> PatentMatch:
    for key, matched_by in patent_lookup_keys(raw):
        found = store.find_patent(key)
        if found is not None:
            return PatentMatch(found, matched_by)
    for member in family:
        if member and (found := store.find_patent(parse_publication_number(member).canonical)):
            return PatentMatch(found, "family")
    return PatentMatch(None, "unmatched")


def family_members(text: str) -> list[str]:
    """Family numbers as a register or declaration lists them (; , or spaces between)."""
    return [member for member in _FAMILY_SEPARATORS.split(text) if member]
