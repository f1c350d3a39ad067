"""The patent value model: a score from 0 to 100 and a grade (核心 / 重要 / 一般) per patent.

Pure and deterministic: `assess(indicators, model, as_of)` reads only its arguments. The
indicators come in three groups (legal, technical, economic); each is read as a degree between
0 and 1 and contributes degree × weight points, the weights (config/value_model.toml) adding up
to 100. docs/VALUE_MODEL.md documents every indicator and works an example through.
"""

from __future__ import annotations

import tomllib
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from config.settings import CONFIG_DIR
from graph.errors import GraphError

DEFAULT_VALUE_MODEL = CONFIG_DIR / "value_model.toml"
# The design-patent term went from 10 to 15 years with the Patent Law amendment in force then.
DESIGN_TERM_CHANGE = date(2021, 6, 1)


class ValueModelConfigError(GraphError):
    """The value-model config cannot be read or breaks a rule; `detail.key` names the key."""

    code = "VALUE_MODEL_CONFIG_INVALID"


class PatentKind(StrEnum):
    INVENTION = "invention"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"


class LegalStatus(StrEnum):
    VALID = "valid"
    PENDING = "pending"
    INVALID = "invalid"


class InvalidationHistory(StrEnum):
    NONE = "none"  # never challenged
    UPHELD = "upheld"  # challenged and kept in full: its validity has been tested
    PARTLY_INVALIDATED = "partly_invalidated"
    INVALIDATED = "invalidated"


class SepStatus(StrEnum):
    NONE = "none"
    CANDIDATE = "candidate"  # mentions a standard it may be essential to, not declared
    DECLARED = "declared"  # declared essential to a standard (DECLARED_ESSENTIAL)


class Group(StrEnum):
    LEGAL = "legal"
    TECHNICAL = "technical"
    ECONOMIC = "economic"


class Grade(StrEnum):
    CORE = "core"  # 核心
    IMPORTANT = "important"  # 重要
    GENERAL = "general"  # 一般


GRADE_LABELS = {Grade.CORE: "核心", Grade.IMPORTANT: "重要", Grade.GENERAL: "一般"}


class ValueIndicators(BaseModel):
    """What the graph knows about one patent, as the value model reads it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: PatentKind | None = None
    legal_status: LegalStatus | None = None
    filing_date: date | None = None
    claims: int = Field(default=0, ge=0)
    independent_claims: int = Field(default=0, ge=0)
    family_countries: int = Field(default=1, ge=0, description="countries of the family")
    invalidation: InvalidationHistory = InvalidationHistory.NONE
    forward_citations: int = Field(default=0, ge=0)
    ipc_subclasses: int = Field(default=0, ge=0, description="distinct subclasses, e.g. H01M")
    ipc_groups: int = Field(default=0, ge=0, description="distinct main groups, e.g. H01M10")
    sep: SepStatus = SepStatus.NONE
    standards_mentioned: int = Field(default=0, ge=0)
    licensed: bool = False
    pledged: bool = False
    transferred: bool = False
    litigated: bool = False
    co_owned: bool = False
    used_in_product: bool = False


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LegalWeights(_Strict):
    legal_status: float = Field(ge=0)
    remaining_term: float = Field(ge=0)
    claims: float = Field(ge=0)
    independent_claims: float = Field(ge=0)
    family_breadth: float = Field(ge=0)
    invalidation_history: float = Field(ge=0)


class TechnicalWeights(_Strict):
    forward_citations: float = Field(ge=0)
    ipc_breadth: float = Field(ge=0)
    sep: float = Field(ge=0)
    standards: float = Field(ge=0)


class EconomicWeights(_Strict):
    licensed: float = Field(ge=0)
    pledged: float = Field(ge=0)
    transferred: float = Field(ge=0)
    litigated: float = Field(ge=0)
    sole_owner: float = Field(ge=0)
    used_in_product: float = Field(ge=0)


class Weights(_Strict):
    legal: LegalWeights
    technical: TechnicalWeights
    economic: EconomicWeights

    def total(self) -> float:
        groups = (self.legal, self.technical, self.economic)
        return sum(sum(group.model_dump().values()) for group in groups)


class Caps(_Strict):
    claims: int = Field(gt=0)
    independent_claims: int = Field(gt=0)
    family_countries: int = Field(gt=0)
    forward_citations: int = Field(gt=0)
    ipc_subclasses: int = Field(gt=0)
    ipc_groups: int = Field(gt=0)
    standards: int = Field(gt=0)


class GradeThresholds(_Strict):
    core: float = Field(gt=0, le=100)
    important: float = Field(gt=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> GradeThresholds:
        if self.important >= self.core:
            raise ValueError("important must be below core")
        return self


class ValueModel(_Strict):
    weights: Weights
    caps: Caps
    grades: GradeThresholds

    @model_validator(mode="after")
    def _weights_add_up(self) -> ValueModel:
        if abs(self.weights.total() - 100) > 1e-9:
            raise ValueError(f"the weights add up to {self.weights.total():g}, not 100")
        return self

    @classmethod
    def load(cls, path: Path = DEFAULT_VALUE_MODEL) -> ValueModel:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueModelConfigError(
                "the value-model config cannot be read",
                detail={"file": str(path), "key": None, "reason": str(exc)},
            ) from exc
        return cls.from_mapping(data, source=str(path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str = "<mapping>") -> ValueModel:
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            key = ".".join(str(part) for part in first["loc"]) or "weights"
            raise ValueModelConfigError(
                f"the value-model config is invalid at {key}: {first['msg']}",
                detail={"file": source, "key": key, "reason": first["msg"]},
            ) from exc


FactorValue = bool | int | float | str | None


class Factor(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    group: Group
    value: FactorValue = Field(description="the indicator as read (years, counts, a code)")
    weight: float
    contribution: float = Field(description="points this indicator adds: degree × weight")


class PatentValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    score: float = Field(ge=0, le=100)
    grade: Grade
    factors: list[Factor]


_STATUS_DEGREE = {LegalStatus.VALID: 1.0, LegalStatus.PENDING: 0.5, LegalStatus.INVALID: 0.0}
_INVALIDATION_DEGREE = {
    InvalidationHistory.UPHELD: 1.0,
    InvalidationHistory.NONE: 0.6,
    InvalidationHistory.PARTLY_INVALIDATED: 0.3,
    InvalidationHistory.INVALIDATED: 0.0,
}
_SEP_DEGREE = {SepStatus.DECLARED: 1.0, SepStatus.CANDIDATE: 0.5, SepStatus.NONE: 0.0}


def term_years(kind: PatentKind, filing_date: date) -> int:
    """The statutory term from the filing date (专利法 第四十二条)."""
    if kind is PatentKind.INVENTION:
        return 20
    if kind is PatentKind.UTILITY_MODEL:
        return 10
    return 15 if filing_date >= DESIGN_TERM_CHANGE else 10


def expiry_date(kind: PatentKind, filing_date: date) -> date:
    years = filing_date.year + term_years(kind, filing_date)
    # 29 February filings end on 28 February of a common year.
    day = min(filing_date.day, 28) if filing_date.month == 2 else filing_date.day
    return filing_date.replace(year=years, day=day)


def remaining_term(indicators: ValueIndicators, as_of: date) -> tuple[float | None, float]:
    """(years left, rounded to 0.1; degree 0..1): what is left of the term as of `as_of`."""
    if indicators.kind is None or indicators.filing_date is None:
        return None, 0.0
    if indicators.legal_status is LegalStatus.INVALID:
        return 0.0, 0.0
    expiry = expiry_date(indicators.kind, indicators.filing_date)
    left = max(0, (expiry - as_of).days)
    whole = (expiry - indicators.filing_date).days
    return round(left / 365.25, 1), min(1.0, left / whole)


def in_force(indicators: ValueIndicators, as_of: date) -> bool:
    """False for a patent known to be invalid or whose term has run out."""
    if indicators.legal_status is LegalStatus.INVALID:
        return False
    if indicators.kind is None or indicators.filing_date is None:
        return True
    return expiry_date(indicators.kind, indicators.filing_date) > as_of


def _capped(count: int, cap: int) -> float:
    return min(1.0, count / cap)


def _degrees(
    x: ValueIndicators, caps: Caps, as_of: date
) -> list[tuple[Group, str, FactorValue, float]]:
    years_left, term_degree = remaining_term(x, as_of)
    ipc = 0.5 * _capped(x.ipc_subclasses, caps.ipc_subclasses) + 0.5 * _capped(
        x.ipc_groups, caps.ipc_groups
    )
    status = x.legal_status.value if x.legal_status else None
    return [
        (Group.LEGAL, "legal_status", status,
         _STATUS_DEGREE[x.legal_status] if x.legal_status else 0.0),
        (Group.LEGAL, "remaining_term", years_left, term_degree),
        (Group.LEGAL, "claims", x.claims, _capped(x.claims, caps.claims)),
        (Group.LEGAL, "independent_claims", x.independent_claims,
         _capped(x.independent_claims, caps.independent_claims)),
        (Group.LEGAL, "family_breadth", x.family_countries,
         _capped(x.family_countries, caps.family_countries)),
        (Group.LEGAL, "invalidation_history", x.invalidation.value,
         _INVALIDATION_DEGREE[x.invalidation]),
        (Group.TECHNICAL, "forward_citations", x.forward_citations,
         _capped(x.forward_citations, caps.forward_citations)),
        (Group.TECHNICAL, "ipc_breadth", f"{x.ipc_subclasses}/{x.ipc_groups}", ipc),
        (Group.TECHNICAL, "sep", x.sep.value, _SEP_DEGREE[x.sep]),
        (Group.TECHNICAL, "standards", x.standards_mentioned,
         _capped(x.standards_mentioned, caps.standards)),
        (Group.ECONOMIC, "licensed", x.licensed, float(x.licensed)),
        (Group.ECONOMIC, "pledged", x.pledged, float(x.pledged)),
        (Group.ECONOMIC, "transferred", x.transferred, float(x.transferred)),
        (Group.ECONOMIC, "litigated", x.litigated, float(x.litigated)),
        (Group.ECONOMIC, "sole_owner", not x.co_owned, float(not x.co_owned)),
        (Group.ECONOMIC, "used_in_product", x.used_in_product, float(x.used_in_product)),
    ]


def assess(indicators: ValueIndicators, model: ValueModel, as_of: date) -> PatentValue:
    """Score and grade one patent as of a date (the remaining term depends on it)."""
    weights: dict[str, Any] = model.weights.model_dump()
    factors = [
        Factor(
            name=name,
            group=group,
            value=value,
            weight=weights[group.value][name],
            contribution=round(weights[group.value][name] * degree, 2),
        )
        for group, name, value, degree in _degrees(indicators, model.caps, as_of)
    ]
    score = round(sum(f.contribution for f in factors), 1)
    return PatentValue(
        score=score, grade=grade_for(score, in_force(indicators, as_of), model), factors=factors
    )


def grade_for(score: float, alive: bool, model: ValueModel) -> Grade:
    if not alive:
        return Grade.GENERAL
    if score >= model.grades.core:
        return Grade.CORE
    if score >= model.grades.important:
        return Grade.IMPORTANT
    return Grade.GENERAL
