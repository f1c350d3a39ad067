"""Technical synonyms and abbreviations for query-time expansion (锂电池 => 锂离子电池, 5G,
第五代移动通信 ...).

The shipped dictionary is config/dictionaries/technical_synonyms.tsv; a user dictionary in the
same format (in the data dir) is merged on top of it: a user group with a shipped group's id
replaces it, a user line whose terms column is `-` removes it, new ids add groups. Nothing here
touches an index, so changing either file needs no reindex.

File format (the header of the shipped file says the same for reviewers):

    group_id <TAB> terms <TAB> note

- terms `a|b|c`: true equivalents, each expands to all the others;
- terms `x|y => a|b`: x and y are one-way aliases: they expand to a and b (and to each other),
  but a and b, equivalents of each other, never expand back to x or y.

A term is matched width-insensitively (NFKC) and case-insensitively, except an abbreviation written
with capitals, which matches only as written (5G, not 5g: five grams); a Latin/digit term matches
only as a whole word, so that EV does not match inside EVA. A term may occur in one group only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

ONE_WAY = "=>"
TERM_SEPARATOR = "|"
REMOVE_GROUP = "-"
_GROUP_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_WORD_CHAR = re.compile(r"[0-9a-z]")


class SynonymErrorCode(StrEnum):
    FILE_NOT_FOUND = "SYNONYMS_FILE_NOT_FOUND"
    LINE_MALFORMED = "SYNONYMS_LINE_MALFORMED"
    GROUP_ID_INVALID = "SYNONYMS_GROUP_ID_INVALID"
    GROUP_ID_DUPLICATE = "SYNONYMS_GROUP_ID_DUPLICATE"
    GROUP_TOO_SMALL = "SYNONYMS_GROUP_TOO_SMALL"
    GROUP_UNKNOWN = "SYNONYMS_GROUP_UNKNOWN"
    TERM_EMPTY = "SYNONYMS_TERM_EMPTY"
    TERM_DUPLICATE = "SYNONYMS_TERM_DUPLICATE"


@dataclass(frozen=True)
class SynonymProblem:
    """One bad line; the line is skipped, the other lines still load."""

    code: SynonymErrorCode
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.code} {self.file}:{self.line}: {self.message}"


class SynonymDictionaryError(Exception):
    """Raised by `SynonymDictionary.load(..., strict=True)` with every problem found."""

    def __init__(self, problems: Sequence[SynonymProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class SynonymGroup:
    group_id: str
    equivalents: tuple[str, ...]
    # expand into `equivalents`, never the other way round
    one_way: tuple[str, ...]
    note: str
    file: str
    line: int

    @property
    def terms(self) -> tuple[str, ...]:
        return self.one_way + self.equivalents

    def expansions(self, term: str) -> list[str]:
        if any(_same(t, term) for t in self.one_way):
            return [t for t in self.terms if not _same(t, term)]
        if any(_same(t, term) for t in self.equivalents):
            return [t for t in self.equivalents if not _same(t, term)]
        return []


@dataclass(frozen=True)
class SynonymMatch:
    """A dictionary term found in a text, at text[start:end]."""

    term: str
    start: int
    end: int
    group_id: str
    expansions: tuple[str, ...]


def _normal(term: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", term).split())


def _same(listed: str, term: str) -> bool:
    """Does `term` (as typed or found in a text) name the dictionary's `listed` term?"""
    normal = _normal(term)
    return term_key(listed) in (normal, _fold(normal))


def term_key(term: str) -> str:
    """How terms compare: NFKC (full-width Ｌ, ₂), inner whitespace collapsed, and lower-cased
    unless the term is an abbreviation written with capitals (5G is not 5g, five grams; GaN is
    not GAN): an ascii term with an upper-case letter keeps its case."""
    normal = _normal(term)
    return normal if _case_sensitive(normal) else _fold(normal)


def _case_sensitive(normal: str) -> bool:
    return normal.isascii() and any(c.isupper() for c in normal)


def _fold(normal: str) -> str:
    # lower() rather than casefold(): it keeps CJK and ascii lengths, so offsets stay aligned
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in normal)


def parse_synonyms(text: str, file: str) -> tuple[list[SynonymGroup], list[SynonymProblem]]:
    """Parse one file; removals (`-`) come back as groups without terms."""
    groups: list[SynonymGroup] = []
    problems: list[SynonymProblem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        group = _parse_line(line, file, number, problems)
        if group is not None:
            groups.append(group)
    return _without_clashes(groups, problems), problems


def read_synonyms(path: Path) -> tuple[list[SynonymGroup], list[SynonymProblem]]:
    if not path.is_file():
        missing = SynonymProblem(SynonymErrorCode.FILE_NOT_FOUND, str(path), 0, "no such file")
        return [], [missing]
    return parse_synonyms(path.read_text(encoding="utf-8-sig"), str(path))


def _problem(
    problems: list[SynonymProblem], code: SynonymErrorCode, file: str, line: int, message: str
) -> None:
    problems.append(SynonymProblem(code, file, line, message))


def _parse_line(
    line: str, file: str, number: int, problems: list[SynonymProblem]
) -> SynonymGroup | None:
    columns = line.split("\t")
    if len(columns) not in (2, 3):
        message = f"expected group_id<TAB>terms<TAB>note, found {len(columns)} columns"
        _problem(problems, SynonymErrorCode.LINE_MALFORMED, file, number, message)
        return None
    group_id, terms_column = columns[0].strip(), columns[1].strip()
    note = columns[2].strip() if len(columns) == 3 else ""
    if not _GROUP_ID.match(group_id):
        message = f"group id {group_id!r} must be lower-case ascii letters, digits, . _ -"
        _problem(problems, SynonymErrorCode.GROUP_ID_INVALID, file, number, message)
        return None
    if terms_column == REMOVE_GROUP:
        return SynonymGroup(group_id, (), (), note, file, number)
    sides = terms_column.split(ONE_WAY)
    if len(sides) > 2:
        message = f"{group_id}: at most one {ONE_WAY} per line"
        _problem(problems, SynonymErrorCode.LINE_MALFORMED, file, number, message)
        return None
    split = [[t.strip() for t in side.split(TERM_SEPARATOR)] for side in sides]
    if any(not t for side in split for t in side):
        message = f"{group_id}: empty term in {terms_column!r}"
        _problem(problems, SynonymErrorCode.TERM_EMPTY, file, number, message)
        return None
    one_way, equivalents = (split[0], split[1]) if len(split) == 2 else ([], split[0])
    if len(equivalents) + len(one_way) < 2 or not equivalents:
        message = f"{group_id}: a group needs at least two terms and a target"
        _problem(problems, SynonymErrorCode.GROUP_TOO_SMALL, file, number, message)
        return None
    return SynonymGroup(group_id, tuple(equivalents), tuple(one_way), note, file, number)


def _without_clashes(
    groups: Iterable[SynonymGroup], problems: list[SynonymProblem]
) -> list[SynonymGroup]:
    """Keep the first group of an id and the first group of a term; report the later ones."""
    kept: list[SynonymGroup] = []
    ids: dict[str, SynonymGroup] = {}
    owners: dict[str, SynonymGroup] = {}
    for group in groups:
        if group.group_id in ids:
            message = f"{group.group_id} already defined on line {ids[group.group_id].line}"
            _problem(problems, SynonymErrorCode.GROUP_ID_DUPLICATE, group.file, group.line, message)
            continue
        clash = _term_clash(group, owners)
        if clash is not None:
            problems.append(clash)
            continue
        ids[group.group_id] = group
        owners.update((term_key(t), group) for t in group.terms)
        kept.append(group)
    return kept


def _term_clash(group: SynonymGroup, owners: dict[str, SynonymGroup]) -> SynonymProblem | None:
    seen: set[str] = set()
    for term in group.terms:
        key = term_key(term)
        owner = owners.get(key)
        if key in seen or owner is not None:
            where = (
                "twice in the group"
                if owner is None
                else (f"already in group {owner.group_id} ({owner.file}:{owner.line})")
            )
            message = f"{group.group_id}: term {term!r} {where}"
            return SynonymProblem(SynonymErrorCode.TERM_DUPLICATE, group.file, group.line, message)
        seen.add(key)
    return None


def merge_user_groups(
    shipped: Sequence[SynonymGroup], user: Sequence[SynonymGroup]
) -> tuple[list[SynonymGroup], list[SynonymProblem]]:
    """User groups on top of the shipped ones: same id replaces, `-` removes, new ids add."""
    problems: list[SynonymProblem] = []
    by_id = {g.group_id: g for g in shipped}
    for group in user:
        if not group.terms and group.group_id not in by_id:
            message = f"{group.group_id}: no shipped group of that id to remove"
            _problem(problems, SynonymErrorCode.GROUP_UNKNOWN, group.file, group.line, message)
    removed_or_replaced = {g.group_id for g in user}
    base = [g for g in shipped if g.group_id not in removed_or_replaced]
    # On a term clash the shipped group wins and the user line is reported: a user who wants a
    # shipped term elsewhere replaces or removes that shipped group by its id.
    additions = [g for g in user if g.terms]
    owners: dict[str, SynonymGroup] = {}
    for group in base:
        owners.update((term_key(t), group) for t in group.terms)
    kept_user: list[SynonymGroup] = []
    for group in additions:
        clash = _term_clash(group, owners)
        if clash is not None:
            problems.append(clash)
            continue
        owners.update((term_key(t), group) for t in group.terms)
        kept_user.append(group)
    return base + kept_user, problems


class SynonymDictionary:
    """Term -> group lookup and longest-match scanning of a query text."""

    def __init__(self, groups: Iterable[SynonymGroup]) -> None:
        self._groups = tuple(groups)
        self._by_term: dict[str, SynonymGroup] = {}
        for group in self._groups:
            for term in group.terms:
                self._by_term.setdefault(term_key(term), group)
        self._longest = max((len(k) for k in self._by_term), default=0)

    @classmethod
    def load(
        cls, shipped: Path, user: Path | None = None, *, strict: bool = False
    ) -> tuple[SynonymDictionary, list[SynonymProblem]]:
        """The shipped file, with the user file merged on top when it exists."""
        groups, problems = read_synonyms(shipped)
        if user is not None and user.is_file():
            user_groups, user_problems = read_synonyms(user)
            groups, merge_problems = merge_user_groups(groups, user_groups)
            problems += user_problems + merge_problems
        if strict and problems:
            raise SynonymDictionaryError(problems)
        return cls(groups), problems

    @property
    def groups(self) -> tuple[SynonymGroup, ...]:
        return self._groups

    def __len__(self) -> int:
        return len(self._groups)

    def group_of(self, term: str) -> SynonymGroup | None:
        """As written first, then lower-cased (Graphene finds graphene; 5g never finds 5G)."""
        normal = _normal(term)
        return self._by_term.get(normal) or self._by_term.get(_fold(normal))

    def expansions(self, term: str) -> list[str]:
        """The other spellings `term` should also match; [] for an unknown term."""
        group = self.group_of(term)
        return group.expansions(term) if group is not None else []

    def find(self, text: str) -> list[SynonymMatch]:
        """Dictionary terms in `text`, longest first, not overlapping, in text order."""
        exact, origin = _normalised_with_offsets(text)
        folded = _fold(exact)
        matches: list[SynonymMatch] = []
        position = 0
        while position < len(exact):
            found = self._longest_at(text, (exact, folded), origin, position)
            if found is None:
                position += 1
                continue
            match, position = found
            matches.append(match)
        return matches

    def _longest_at(
        self, text: str, normals: tuple[str, str], origin: list[int], position: int
    ) -> tuple[SynonymMatch, int] | None:
        exact, folded = normals
        for end in range(min(len(exact), position + self._longest), position, -1):
            group = self._by_term.get(exact[position:end]) or self._by_term.get(
                folded[position:end]
            )
            if group is None or not _whole_word(folded, position, end):
                continue
            start_in_text, end_in_text = origin[position], origin[end]
            term = text[start_in_text:end_in_text]
            expansions = tuple(group.expansions(term))
            match = SynonymMatch(term, start_in_text, end_in_text, group.group_id, expansions)
            return match, end
        return None


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFKC applied character by character, with each normalised character's offset in `text`
    (plus one final entry for the end), so matches map back to the original text."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        normal = unicodedata.normalize("NFKC", char)
        if normal.isspace():
            normal = " "
        pieces.append(normal)
        origin.extend([index] * len(normal))
    origin.append(len(text))
    return "".join(pieces), origin


def _whole_word(normal: str, start: int, end: int) -> bool:
    """A Latin/digit edge of a term must not continue into a Latin/digit neighbour."""
    if _WORD_CHAR.match(normal[start]) and start > 0 and _WORD_CHAR.match(normal[start - 1]):
        return False
    last = normal[end - 1]
    return not (_WORD_CHAR.match(last) and end < len(normal) and _WORD_CHAR.match(normal[end]))


class SynonymSource:
    """The dictionary the searches use, re-read when either file changes (no reindex, no
    restart): the shipped file and the user file `technical_synonyms.tsv` in the data dir."""

    def __init__(self, shipped: Path, user: Path | None = None) -> None:
        self._shipped = shipped
        self._user = user
        self._stamp: tuple[float, float] | None = None
        self._dictionary = SynonymDictionary(())
        self._problems: list[SynonymProblem] = []

    def _mtimes(self) -> tuple[float, float]:
        def mtime(path: Path | None) -> float:
            return path.stat().st_mtime if path is not None and path.is_file() else 0.0

        return mtime(self._shipped), mtime(self._user)

    def dictionary(self) -> SynonymDictionary:
        stamp = self._mtimes()
        if stamp != self._stamp:
            self._dictionary, self._problems = SynonymDictionary.load(self._shipped, self._user)
            self._stamp = stamp
        return self._dictionary

    @property
    def problems(self) -> list[SynonymProblem]:
        return list(self._problems)
