"""Which central-SOE group an organisation name belongs to, out of the box.

The knowledge is data in config/organizations/ (see its README.md): the SASAC list with short,
former and English names, the main subsidiaries that file patents, and name patterns that infer
membership of unlisted companies. Resolution tries, in order:

1. an exact match of a listed name, short name, former name or English name (confidence 1.0);
2. the same after English assignee normalisation (DOCDB / Google Patents forms: case,
   punctuation, legal forms, "of China", abbreviations such as RES INST, an appended acronym),
   or after dropping the Chinese legal-form suffix (0.95);
3. a branch of a listed company, whose name starts with the listed full name (0.9);
4. a name pattern from central_soe_name_patterns.tsv (its own confidence, the rule as evidence).

Nothing is inferred silently: every result names its rule and evidence, and a name that matches
nothing returns None so the caller can queue it for review.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from config.settings import CONFIG_DIR
from domain.names import organization_name
from domain.text import fold

REVIEW_BELOW = 0.8  # results under this confidence should be confirmed by a person

SOES_FILE = "central_soes.tsv"
SUBSIDIARIES_FILE = "central_soe_subsidiaries.tsv"
PATTERNS_FILE = "central_soe_name_patterns.tsv"


def default_central_soe_dir() -> Path:
    """The folder shipped with the package: config/organizations."""
    return CONFIG_DIR / "organizations"


@dataclass(frozen=True)
class CentralSoeGroup:
    group_id: str
    name: str
    short_names: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    english_names: tuple[str, ...] = ()
    sasac_seq: int | None = None
    website: str = ""
    source: str = ""


@dataclass(frozen=True)
class KnownOrganization:
    """A listed company: a group itself or one of its subsidiaries."""

    name: str
    group_id: str
    # group / provincial_company / listed_subsidiary / subsidiary / research_institute / branch
    kind: str
    short_names: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    english_names: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class NamePattern:
    rule_id: str
    group_id: str
    script: str  # zh: matched on the Chinese display form; en: on the English key
    confidence: float
    regex: re.Pattern[str]
    note: str = ""


@dataclass(frozen=True)
class GroupResolution:
    """Where a name resolved to, how sure we are, and why."""

    name_as_given: str
    group_id: str
    group_name: str
    organization: str | None  # the listed company's full Chinese name, when the company is known
    confidence: float
    rule: str  # exact / english_normalised / legal_form_variant / branch_of_known / pattern:<id>
    evidence: str  # the alias, key or regex that matched
    parent: str | None = None  # branch_of_known: the listed company the unit belongs to

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_BELOW


# --- English assignee names -----------------------------------------------------------------

_EN_EXPANSIONS = {
    "res": "research",
    "rech": "research",
    "inst": "institute",
    "instit": "institute",
    "institut": "institute",
    "pwr": "power",
    "elec": "electric",
    "electr": "electric",
    "elect": "electric",
    "tech": "technology",
    "technol": "technology",
    "techn": "technology",
    "technologies": "technology",
    "sci": "science",
    "sciences": "science",
    "eng": "engineering",
    "engn": "engineering",
    "engg": "engineering",
    "nat": "national",
    "natl": "national",
    "ind": "industry",
    "indust": "industry",
    "industries": "industry",
    "industrial": "industry",
    "int": "international",
    "intl": "international",
    "internat": "international",
    "dev": "development",
    "devel": "development",
    "mfg": "manufacturing",
    "manuf": "manufacturing",
    "equip": "equipment",
    "constr": "construction",
    "comm": "communication",
    "commun": "communication",
    "communications": "communication",
    "telecomm": "telecommunication",
    "telecommunications": "telecommunication",
    "info": "information",
    "inf": "information",
    "univ": "university",
    "mat": "material",
    "materials": "material",
    "chem": "chemical",
    "chemicals": "chemical",
    "gen": "general",
    "grp": "group",
    "hldg": "holding",
    "hldgs": "holding",
    "holdings": "holding",
    "mach": "machinery",
    "automat": "automation",
    "metall": "metallurgy",
    "metallurgical": "metallurgy",
    "prov": "province",
    "provincial": "province",
    "syst": "system",
    "sys": "system",
    "serv": "service",
    "mgmt": "management",
    "petrochem": "petrochemical",
    "aeronaut": "aeronautical",
    "acad": "academy",
    "lab": "laboratory",
    "labs": "laboratory",
    "ctr": "center",
    "centre": "center",
    "cent": "central",
    "adm": "administration",
    "admin": "administration",
    "bur": "bureau",
    "xizang": "tibet",
    "pipeline": "pipeline",
}
_EN_DROPPED = frozenset(
    {
        "co",
        "ltd",
        "corp",
        "corporation",
        "company",
        "limited",
        "inc",
        "incorporated",
        "plc",
        "llc",
        "the",
        "of",
        "and",
        "cie",
        "no",
    }
)
_EN_SPLIT = re.compile(r"[^a-z0-9]+")


def english_key(name: str) -> str:
    """The comparison key of a Latin-script organisation name: "STATE GRID CORP CHINA SGCC",
    "State Grid Corporation of China (SGCC)" and "State Grid Corp. of China" all give
    "state grid china"."""
    tokens = _english_tokens(name)
    return " ".join(_expand(tokens))


_COUNTRY_SUFFIX = re.compile(r"\s*[\[(][A-Za-z]{2}[\])]\s*$")  # Espacenet's "[CN]"


def _english_tokens(name: str) -> list[str]:
    text = _COUNTRY_SUFFIX.sub("", fold(name)).lower()
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    tokens = [t for t in _EN_SPLIT.split(text) if t]
    if len(tokens) > 2 and _is_appended_acronym(tokens[-1], tokens[:-1]):
        tokens = tokens[:-1]
    return tokens


def _expand(tokens: Iterable[str]) -> Iterator[str]:
    for raw in tokens:
        token = _EN_EXPANSIONS.get(raw, raw)
        if token in _EN_DROPPED:
            continue
        if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
            token = token[:-1]  # communications / systems / metals: one form for both sides
        yield token


def _is_appended_acronym(last: str, before: list[str]) -> bool:
    """True when `last` spells initials of the words before it: "... CORP CHINA SGCC"."""
    if not 2 <= len(last) <= 8 or not last.isalpha() or last in _EN_DROPPED:
        return False
    initials = [t[0] for t in before if t not in ("of", "the", "and")]
    if not initials or last[0] != initials[0]:
        return False
    position = 0
    for letter in last:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _without_group(key: str) -> str:
    return " ".join(t for t in key.split() if t != "group")


# --- Chinese names --------------------------------------------------------------------------

_ZH_STRAY = re.compile(r"[\s\"'“”‘’「」『』《》*#＊·•、,，。;；:：!！?？]+")
_ZH_LEGAL_FORM = re.compile(r"(集团)?(股份有限公司|有限责任公司|有限公司|股份公司|总公司|公司)$")
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")
# Universities and academies are never central SOEs, whatever their name starts with
# (中国石油大学, 三峡大学, 中国科学院XX研究所): name patterns do not apply to them.
_NOT_ENTERPRISE_ZH = re.compile(r"大学|学院|中国科学院|中国工程物理研究院|人民解放军")
_NOT_ENTERPRISE_EN = re.compile(r"\b(university|college|chinese academy of science)\b")


def chinese_key(name: str) -> str:
    """Display form (folded, simplified, half-width brackets) without spaces and stray marks."""
    return _ZH_STRAY.sub("", organization_name(name)).lower()


def _legal_form_stem(key: str) -> str:
    return _ZH_LEGAL_FORM.sub("", key)


# --- the directory --------------------------------------------------------------------------


@dataclass
class CentralSoeDirectory:
    groups: dict[str, CentralSoeGroup] = field(default_factory=dict)
    organizations: dict[str, KnownOrganization] = field(default_factory=dict)  # by full name
    patterns: list[NamePattern] = field(default_factory=list)
    _exact: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (org, alias)
    _english: dict[str, tuple[str, str]] = field(default_factory=dict)
    _english_no_group: dict[str, tuple[str, str]] = field(default_factory=dict)
    _stems: dict[str, tuple[str, str]] = field(default_factory=dict)
    _prefixes: list[tuple[str, str]] = field(default_factory=list)  # (key of full name, org)
    ambiguous: set[str] = field(default_factory=set)  # aliases naming two groups: not used

    @classmethod
    def load(cls, directory: Path | None = None) -> CentralSoeDirectory:
        folder = directory or default_central_soe_dir()
        groups = [_group(row) for row in _rows(folder / SOES_FILE)]
        subsidiaries = [_subsidiary(row) for row in _rows(folder / SUBSIDIARIES_FILE)]
        patterns = [_pattern(row) for row in _rows(folder / PATTERNS_FILE)]
        return cls.build(groups, subsidiaries, patterns)

    @classmethod
    def build(
        cls,
        groups: Iterable[CentralSoeGroup],
        subsidiaries: Iterable[KnownOrganization],
        patterns: Iterable[NamePattern] = (),
    ) -> CentralSoeDirectory:
        directory = cls()
        for group in groups:
            directory.groups[group.group_id] = group
            directory._add(
                KnownOrganization(
                    group.name,
                    group.group_id,
                    "group",
                    group.short_names,
                    group.former_names,
                    group.english_names,
                    group.source,
                )
            )
        for organization in subsidiaries:
            if organization.group_id not in directory.groups:
                raise ValueError(f"{organization.name}: unknown group_id {organization.group_id}")
            directory._add(organization)
        directory.patterns = list(patterns)
        directory._prefixes.sort(key=lambda item: -len(item[0]))
        return directory

    def _add(self, organization: KnownOrganization) -> None:
        if organization.name in self.organizations:
            return
        self.organizations[organization.name] = organization
        for full in (organization.name, *organization.former_names):
            full_key = chinese_key(full)  # a unit filed under the old name is still a branch
            if len(full_key) >= 6 and _HAS_CJK.search(full):
                self._prefixes.append((full_key, organization.name))
        for alias in (organization.name, *organization.short_names, *organization.former_names):
            self._index(self._exact, chinese_key(alias), organization, alias)
            if _HAS_CJK.search(alias) and _ZH_LEGAL_FORM.search(chinese_key(alias)):
                self._index(self._stems, _legal_form_stem(chinese_key(alias)), organization, alias)
        for alias in organization.english_names:
            self._index(self._exact, chinese_key(alias), organization, alias)
            key = english_key(alias)
            self._index(self._english, key, organization, alias)
            self._index(self._english_no_group, _without_group(key), organization, alias)

    def _index(
        self,
        index: dict[str, tuple[str, str]],
        key: str,
        organization: KnownOrganization,
        alias: str,
    ) -> None:
        if not key:
            return
        if key in self.ambiguous:
            index.pop(key, None)
            return
        known = index.get(key)
        if known is None:
            index[key] = (organization.name, alias)
        elif self.organizations[known[0]].group_id != organization.group_id:
            # The same alias names companies of two groups (e.g. an acronym): never guess.
            del index[key]
            self.ambiguous.add(key)

    # --- resolution ---------------------------------------------------------------------

    def resolve(self, name: str) -> GroupResolution | None:
        """The central-SOE group of `name`, or None when nothing matches (queue for review)."""
        if not name or not name.strip():
            return None
        return (
            self._exact_match(name)
            or self._normalised_match(name)
            or self._branch_match(name)
            or self._pattern_match(name)
        )

    def group_of(self, name: str, min_confidence: float = 0.0) -> str | None:
        resolution = self.resolve(name)
        if resolution is None or resolution.confidence < min_confidence:
            return None
        return resolution.group_id

    def _result(
        self,
        name: str,
        organization: str | None,
        group_id: str,
        confidence: float,
        rule: str,
        evidence: str,
    ) -> GroupResolution:
        group = self.groups[group_id]
        return GroupResolution(name, group_id, group.name, organization, confidence, rule, evidence)

    def _known(
        self, name: str, hit: tuple[str, str] | None, confidence: float, rule: str
    ) -> GroupResolution | None:
        if hit is None:
            return None
        organization = self.organizations[hit[0]]
        return self._result(
            name, organization.name, organization.group_id, confidence, rule, hit[1]
        )

    def _exact_match(self, name: str) -> GroupResolution | None:
        return self._known(name, self._exact.get(chinese_key(name)), 1.0, "exact")

    def _normalised_match(self, name: str) -> GroupResolution | None:
        if _HAS_CJK.search(name):
            stem = _legal_form_stem(chinese_key(name))
            return self._known(name, self._stems.get(stem), 0.95, "legal_form_variant")
        key = english_key(name)
        return self._known(name, self._english.get(key), 0.95, "english_normalised") or self._known(
            name, self._english_no_group.get(_without_group(key)), 0.93, "english_normalised"
        )

    def _branch_match(self, name: str) -> GroupResolution | None:
        if _HAS_CJK.search(name):
            key = chinese_key(name)
            for prefix, organization in self._prefixes:
                if key.startswith(prefix) and len(key) > len(prefix):
                    return self._branch(name, organization)
            return None
        key = english_key(name)
        best: tuple[str, str] | None = None
        for known_key, hit in self._english.items():
            longer = best is None or len(known_key) > len(best[0])
            if longer and len(known_key.split()) >= 3 and key.startswith(known_key + " "):
                best = (known_key, hit[0])
        return self._branch(name, best[1]) if best else None

    def _branch(self, name: str, parent: str) -> GroupResolution:
        group_id = self.organizations[parent].group_id
        return replace(
            self._result(name, None, group_id, 0.9, "branch_of_known", parent), parent=parent
        )

    def _pattern_match(self, name: str) -> GroupResolution | None:
        texts = {"zh": chinese_key(name), "en": english_key(name)}
        if _NOT_ENTERPRISE_ZH.search(texts["zh"]) or _NOT_ENTERPRISE_EN.search(texts["en"]):
            return None
        best: tuple[int, float, NamePattern] | None = None
        for pattern in self.patterns:
            match = pattern.regex.search(texts[pattern.script])
            if match is None:
                continue
            candidate = (match.end() - match.start(), pattern.confidence, pattern)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is None:
            return None
        pattern = best[2]
        return self._result(
            name,
            None,
            pattern.group_id,
            pattern.confidence,
            f"pattern:{pattern.rule_id}",
            pattern.regex.pattern,
        )


@lru_cache(maxsize=4)
def load_central_soe_directory(directory: Path | None = None) -> CentralSoeDirectory:
    """The shipped directory, read once per process on first use (never at import)."""
    return CentralSoeDirectory.load(directory)


# --- file rows ------------------------------------------------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def _names(column: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in column.split("|") if name.strip())


def _group(row: dict[str, str]) -> CentralSoeGroup:
    return CentralSoeGroup(
        group_id=row["group_id"],
        name=row["name"],
        short_names=_names(row["short_names"]),
        former_names=_names(row["former_names"]),
        english_names=_names(row["english_names"]),
        sasac_seq=int(row["sasac_seq"]) if row["sasac_seq"] else None,
        website=row["website"],
        source=row["source"],
    )


def _subsidiary(row: dict[str, str]) -> KnownOrganization:
    return KnownOrganization(
        name=row["name"],
        group_id=row["group_id"],
        kind=row["kind"],
        short_names=_names(row["short_names"]),
        former_names=_names(row["former_names"]),
        english_names=_names(row["english_names"]),
        source=row["source"],
    )


def _pattern(row: dict[str, str]) -> NamePattern:
    return NamePattern(
        rule_id=row["rule_id"],
        group_id=row["group_id"],
        script=row["script"],
        confidence=float(row["confidence"]),
        regex=re.compile(row["pattern"]),
        note=row.get("note", ""),
    )


# --- unified social credit codes (GB 32100-2015) --------------------------------------------

_CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_CREDIT_CODE_WEIGHTS = tuple(pow(3, position, 31) for position in range(17))
_CREDIT_CODE_SHAPE = re.compile(r"^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$")


def credit_code_check_character(first_seventeen: str) -> str:
    """The 18th character of a unified social credit code from its first 17 (GB 32100-2015)."""
    if len(first_seventeen) != 17:
        raise ValueError("a unified social credit code check needs exactly 17 characters")
    total = sum(
        _CREDIT_CODE_CHARSET.index(char) * weight
        for char, weight in zip(first_seventeen, _CREDIT_CODE_WEIGHTS, strict=True)
    )
    return _CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def normalize_credit_code(raw: str | None) -> str | None:
    """The canonical 18-character code (upper case, full-width folded, spaces and dashes removed)
    when it is well formed and its check character is right; None otherwise."""
    if not raw:
        return None
    code = re.sub(r"[\s\-]", "", fold(raw)).upper()
    if not _CREDIT_CODE_SHAPE.match(code):
        return None
    return code if credit_code_check_character(code[:17]) == code[17] else None


def is_valid_credit_code(raw: str | None) -> bool:
    return normalize_credit_code(raw) is not None


_EMBEDDED_CREDIT_CODE = re.compile(
    r"[(（\[【]?\s*(?:统一社会信用代码|信用代码|USCC)?\s*[:：]?\s*"
    r"([0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10})\s*[)）\]】]?\s*$"
)


def split_credit_code(name: str) -> tuple[str, str | None]:
    """A name with a unified social credit code written after it (`甲公司（统一社会信用代码：
    91330000142911230Q）`): the name alone and the code when its check character is right; a
    code that fails the check stays part of the name."""
    match = _EMBEDDED_CREDIT_CODE.search(fold(name).upper() if name.isascii() else fold(name))
    if match is None:
        return name, None
    code = normalize_credit_code(match.group(1))
    if code is None:
        return name, None
    return fold(name)[: match.start()].strip(), code
