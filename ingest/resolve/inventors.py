"""Which same-name inventors are one person.

A name alone never merges two mentions: 张伟 is thousands of people. A new mention (an inventor
on one patent) joins a known person of the same name only with two of three kinds of evidence:

- employer: the patent's applicants include an organisation the person filed for before;
- co-inventor: another inventor on the patent has filed with the person before;
- field: the patent shares an IPC subclass (e.g. H01M) with the person's earlier patents.

Among candidates the one with the most kinds of evidence wins, then the lowest id. A mention
that matches nobody is a new person, `name@employer` (`name@patent` without an applicant),
with `~2`, `~3` ... when that id is taken by a different person. A mention whose patent the
person already lists is that person again, so re-ingesting a file changes nothing. Mentions are
only ever added to people, never moved: a later patent that links two people does not merge
them (that would change ids already served to users); it joins the better-evidenced one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.model import NodeRecord, Properties
from graph.store import GraphStore

EVIDENCE_NEEDED = 2


@dataclass
class Person:
    id: str
    name: str
    employers: set[str] = field(default_factory=set)
    coinventors: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    patents: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)  # contracts and registers naming them

    @classmethod
    def from_node(cls, node: NodeRecord) -> Person:
        def strings(key: str) -> set[str]:
            value = node.props.get(key)
            return {str(v) for v in value} if isinstance(value, list) else set()

        return cls(
            id=node.id,
            name=str(node.props.get("name", "")),
            employers=strings("employers"),
            coinventors=strings("coinventors"),
            fields=strings("ipc_subclasses"),
            patents=strings("patents"),
            records=strings("confidential_records"),
        )

    def props(self) -> Properties:
        props: Properties = {
            "name": self.name,
            "employers": sorted(self.employers),
            "coinventors": sorted(self.coinventors),
            "ipc_subclasses": sorted(self.fields),
            "patents": sorted(self.patents),
        }
        if self.records:
            props["confidential_records"] = sorted(self.records)
        return props


@dataclass(frozen=True)
class Mention:
    name: str
    patent_id: str
    context: str  # the first applicant's key, or the patent id: names a new person
    employers: frozenset[str]
    coinventors: frozenset[str]
    fields: frozenset[str]


@dataclass(frozen=True)
class Resolution:
    person: Person
    # "employer", "co-inventor", "field"; empty for a new person; None for a mention already
    # resolved by an earlier run, whose recorded evidence stands.
    evidence: tuple[str, ...] | None


class InventorResolver:
    """Holds the people met so far; `preload` reads the ones a file will need from the store."""

    def __init__(self, graph: GraphStore | None = None) -> None:
        self._graph = graph
        self._by_name: dict[str, list[Person]] = {}
        self._ids: set[str] = set()

    def preload(self, names: Iterable[str]) -> None:
        missing = sorted({n for n in names if n not in self._by_name})
        if not missing:
            return
        for name in missing:
            self._by_name[name] = []
        if self._graph is None:
            return
        for node in self._graph.find_persons(missing):
            person = Person.from_node(node)
            self._by_name.setdefault(person.name, []).append(person)
            self._ids.add(person.id)

    def resolve(self, mention: Mention) -> Resolution:
        if mention.name not in self._by_name:
            self.preload([mention.name])
        people = self._by_name[mention.name]
        for person in people:
            if mention.patent_id in person.patents:
                return Resolution(person, None)
        scored = [(_evidence(p, mention), p) for p in people]
        matching = [(e, p) for e, p in scored if len(e) >= EVIDENCE_NEEDED]
        if matching:
            evidence, person = min(matching, key=lambda item: (-len(item[0]), item[1].id))
        else:
            evidence, person = (), self._new_person(mention)
            people.append(person)
        _absorb(person, mention)
        return Resolution(person, evidence)

    def resolve_employee(self, name: str, employer: str, document: str) -> Person:
        """A person a contract names beside their employer (a non-compete, a confidentiality
        undertaking). The employer is the only evidence, so it decides only when exactly one
        known person of that name filed for that employer; otherwise this is a new person."""
        self.preload([name])
        people = self._by_name[name]
        at_employer = [p for p in people if employer in p.employers]
        if len(at_employer) == 1:
            at_employer[0].records.add(document)
            return at_employer[0]
        for person in people:
            if document in person.records:
                return person  # a re-run of the same contract
        person = self._new_person(
            Mention(name, document, employer, frozenset({employer}), frozenset(), frozenset())
        )
        person.employers.add(employer)
        person.records.add(document)
        people.append(person)
        return person

    def _new_person(self, mention: Mention) -> Person:
        base = f"{mention.name}@{mention.context}"
        candidate, number = base, 1
        while candidate in self._ids:
            number += 1
            candidate = f"{base}~{number}"
        self._ids.add(candidate)
        return Person(id=candidate, name=mention.name)


def mentions_of(
    patent_id: str, inventors: Sequence[str], employers: Sequence[str], ipc_codes: Iterable[str]
) -> list[Mention]:
    """One mention per inventor of a patent, with the patent's applicants and IPC subclasses."""
    context = employers[0] if employers else patent_id
    fields = frozenset(code[:4] for code in ipc_codes if len(code) >= 4)
    return [
        Mention(
            name,
            patent_id,
            context,
            frozenset(employers),
            frozenset(set(inventors) - {name}),
            fields,
        )
        for name in inventors
    ]


def _evidence(person: Person, mention: Mention) -> tuple[str, ...]:
    kinds = (
        ("employer", person.employers & mention.employers),
        ("co-inventor", person.coinventors & mention.coinventors),
        ("field", person.fields & mention.fields),
    )
    return tuple(kind for kind, shared in kinds if shared)


def _absorb(person: Person, mention: Mention) -> None:
    person.employers |= mention.employers
    person.coinventors |= mention.coinventors
    person.fields |= mention.fields
    person.patents.add(mention.patent_id)
