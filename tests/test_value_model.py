"""The patent value model (graph/value_model.py) and its documented worked example."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph.errors import GraphError
from graph.value_model import (
    DEFAULT_VALUE_MODEL,
    Grade,
    PatentValue,
    ValueIndicators,
    ValueModel,
    ValueModelConfigError,
    assess,
    expiry_date,
    term_years,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "VALUE_MODEL.md"
AS_OF = date(2026, 1, 1)

# The worked example of docs/VALUE_MODEL.md.
EXAMPLE = ValueIndicators.model_validate(
    {
        "kind": "invention",
        "legal_status": "valid",
        "filing_date": "2019-03-15",
        "claims": 10,
        "independent_claims": 2,
        "family_countries": 3,
        "invalidation": "upheld",
        "forward_citations": 4,
        "ipc_subclasses": 2,
        "ipc_groups": 3,
        "sep": "candidate",
        "standards_mentioned": 1,
        "licensed": True,
        "co_owned": True,
        "used_in_product": True,
    }
)


@pytest.fixture(scope="module")
def model() -> ValueModel:
    return ValueModel.load()


def _config() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_VALUE_MODEL.read_text(encoding="utf-8"))


def _with(base: ValueIndicators, **changes: Any) -> ValueIndicators:
    # model_copy(update=...) skips validation; the model must see strings become enums.
    return ValueIndicators.model_validate({**base.model_dump(), **changes})


def _contributions(value: PatentValue) -> dict[str, float]:
    return {f.name: f.contribution for f in value.factors}


def test_the_worked_example_in_the_docs_is_what_the_code_gives(model: ValueModel) -> None:
    value = assess(EXAMPLE, model, AS_OF)
    assert (value.score, value.grade) == (58.5, Grade.IMPORTANT)
    docs = DOCS.read_text(encoding="utf-8")
    # Every row of the docs' table: | group | name | value | weight | contribution |
    rows = re.findall(r"^\| (\w+) \| `(\w+)` \| ([^|]+) \| ([\d.]+) \| ([\d.]+) \|$", docs, re.M)
    assert len(rows) == len(value.factors) == 16
    for (group, name, shown, weight, contribution), factor in zip(rows, value.factors, strict=True):
        assert (group, name) == (factor.group.value, factor.name)
        assert shown.strip() == str(factor.value).lower()
        assert float(weight) == factor.weight
        assert float(contribution) == factor.contribution
    assert "**58.5**" in docs and "重要" in docs
    # The sentences after the table.
    cited = [
        assess(_with(EXAMPLE, forward_citations=n), model, AS_OF).score
        for n in (8, 10)
    ]
    assert cited == [63.3, 65.7] and "(8 in all) would add 4.8 points, 63.3" in docs
    expired = assess(EXAMPLE, model, date(2039, 3, 15))
    assert (expired.score, expired.grade) == (51.9, Grade.GENERAL) and "scores 51.9" in docs


def test_every_factor_shows_value_weight_and_contribution(model: ValueModel) -> None:
    value = assess(EXAMPLE, model, AS_OF)
    groups = {f.group.value for f in value.factors}
    assert groups == {"legal", "technical", "economic"}
    assert sum(f.weight for f in value.factors) == 100
    assert all(0 <= f.contribution <= f.weight for f in value.factors)
    assert value.score == round(sum(f.contribution for f in value.factors), 1)
    assert value.model_dump(mode="json")["factors"][0] == {
        "name": "legal_status",
        "group": "legal",
        "value": "valid",
        "weight": 10.0,
        "contribution": 10.0,
    }


def test_the_same_input_gives_the_same_output(model: ValueModel) -> None:
    assert assess(EXAMPLE, model, AS_OF) == assess(_with(EXAMPLE), ValueModel.load(), AS_OF)


@pytest.mark.parametrize(
    "field", ["forward_citations", "claims", "independent_claims", "family_countries",
              "ipc_subclasses", "ipc_groups", "standards_mentioned"]
)
def test_more_of_a_count_never_lowers_the_score(model: ValueModel, field: str) -> None:
    scores = [assess(_with(EXAMPLE, **{field: n}), model, AS_OF).score for n in range(0, 40)]
    assert scores == sorted(scores)
    assert scores[-1] > scores[0]  # the indicator counts at all


def test_more_forward_citations_never_lower_the_grade(model: ValueModel) -> None:
    order = [Grade.GENERAL, Grade.IMPORTANT, Grade.CORE]
    traded = _with(EXAMPLE, pledged=True, transferred=True)  # 66.5
    grades = [
        order.index(assess(_with(traded, forward_citations=n), model, AS_OF).grade)
        for n in range(0, 30)
    ]
    assert grades == sorted(grades)
    assert grades[0] == order.index(Grade.IMPORTANT)
    assert grades[-1] == order.index(Grade.CORE)  # 7.2 more points cross 70


def test_a_patent_loses_value_as_its_term_runs_out(model: ValueModel) -> None:
    scores = [assess(EXAMPLE, model, date(year, 1, 1)).score for year in range(2019, 2041)]
    assert scores == sorted(scores, reverse=True)
    expired = assess(EXAMPLE, model, date(2039, 3, 15))
    assert _contributions(expired)["remaining_term"] == 0
    assert expired.grade is Grade.GENERAL


def test_expired_or_invalid_patents_are_general_whatever_their_score(model: ValueModel) -> None:
    best = _with(
        EXAMPLE, forward_citations=50, sep="declared", pledged=True, transferred=True,
        litigated=True, co_owned=False, claims=30, independent_claims=5, family_countries=8,
        standards_mentioned=3, ipc_groups=9, ipc_subclasses=4,
    )
    assert assess(best, model, AS_OF).grade is Grade.CORE
    invalid = assess(_with(best, legal_status="invalid"), model, AS_OF)
    assert invalid.grade is Grade.GENERAL
    assert invalid.score >= model.grades.important  # the score alone would not make it general
    old_utility_model = _with(best, kind="utility_model", filing_date=date(2014, 5, 1))
    assert assess(old_utility_model, model, AS_OF).grade is Grade.GENERAL


def test_statutory_terms_by_kind_and_the_2021_design_change() -> None:
    from graph.value_model import PatentKind

    assert term_years(PatentKind.INVENTION, date(2010, 1, 1)) == 20
    assert term_years(PatentKind.UTILITY_MODEL, date(2022, 1, 1)) == 10
    assert term_years(PatentKind.DESIGN, date(2021, 5, 31)) == 10
    assert term_years(PatentKind.DESIGN, date(2021, 6, 1)) == 15
    assert expiry_date(PatentKind.INVENTION, date(2020, 2, 29)) == date(2040, 2, 28)
    assert expiry_date(PatentKind.UTILITY_MODEL, date(2020, 2, 29)) == date(2030, 2, 28)


def test_unknown_kind_or_date_scores_no_term_but_still_grades(model: ValueModel) -> None:
    bare = ValueIndicators()
    value = assess(bare, model, AS_OF)
    assert _contributions(value)["remaining_term"] == 0
    assert value.grade is Grade.GENERAL
    assert 0 <= value.score < model.grades.important


def test_weights_come_from_a_custom_config(tmp_path: Path) -> None:
    custom = tmp_path / "model.toml"
    text = DEFAULT_VALUE_MODEL.read_text(encoding="utf-8")
    # Move 10 points from the SEP weight to forward citations.
    text = text.replace("forward_citations = 12", "forward_citations = 22")
    text = text.replace("sep = 12 ", "sep = 2 ")
    custom.write_text(text, encoding="utf-8")
    value = assess(EXAMPLE, ValueModel.load(custom), AS_OF)
    factors = {f.name: f for f in value.factors}
    assert factors["forward_citations"].weight == 22
    assert factors["forward_citations"].contribution == 8.8  # 4 / 10 × 22
    assert factors["sep"].contribution == 1.0  # candidate: 0.5 × 2
    assert value.score == 58.5 - 4.8 - 6.0 + 8.8 + 1.0


def test_grade_thresholds_come_from_the_config(model: ValueModel) -> None:
    data = _config()
    data["grades"] = {"core": 55, "important": 30}
    assert assess(EXAMPLE, ValueModel.from_mapping(data), AS_OF).grade is Grade.CORE


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d["weights"]["legal"].pop("claims"), "weights.legal.claims"),
        (lambda d: d["weights"]["technical"].update(sep=-1), "weights.technical.sep"),
        (lambda d: d["weights"]["economic"].update(royalties=3), "weights.economic.royalties"),
        (lambda d: d["weights"]["economic"].update(licensed="many"), "weights.economic.licensed"),
        (lambda d: d["caps"].update(claims=0), "caps.claims"),
        (lambda d: d["grades"].update(important=80), "grades"),
        (lambda d: d["weights"]["legal"].update(claims=15), "weights"),
        (lambda d: d.pop("caps"), "caps"),
    ],
)
def test_an_invalid_config_is_a_coded_error_naming_the_key(change: Any, key: str) -> None:
    data = _config()
    change(data)
    with pytest.raises(ValueModelConfigError) as raised:
        ValueModel.from_mapping(data, source="custom.toml")
    assert isinstance(raised.value, GraphError)
    assert raised.value.code == "VALUE_MODEL_CONFIG_INVALID"
    assert raised.value.detail["key"] == key
    assert raised.value.detail["file"] == "custom.toml"
    assert key in raised.value.message


def test_weights_that_do_not_add_up_to_100_say_so() -> None:
    data = _config()
    data["weights"]["legal"]["claims"] = 15
    with pytest.raises(ValueModelConfigError, match="add up to 110"):
        ValueModel.from_mapping(data)


def test_an_unreadable_config_file_is_a_coded_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[weights\nlegal = ", encoding="utf-8")
    with pytest.raises(ValueModelConfigError) as raised:
        ValueModel.load(broken)
    assert raised.value.detail["file"] == str(broken)
    with pytest.raises(ValueModelConfigError):
        ValueModel.load(tmp_path / "missing.toml")


def test_indicators_refuse_negative_counts_and_unknown_codes() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        ValueIndicators(forward_citations=-1)
    with pytest.raises(ValidationError):
        ValueIndicators.model_validate({"legal_status": "lapsed"})
