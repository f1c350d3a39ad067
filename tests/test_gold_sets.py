"""The blind gold sets agree with their own sources: every annotated string is in the text,
numbers carry valid check digits, sums add up, files decode back (scripts/check_gold.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_gold.py"
_SPEC = importlib.util.spec_from_file_location("check_gold", _SCRIPT)
assert _SPEC is not None and _SPEC.loader is not None
check_gold = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_gold)


@pytest.mark.parametrize("set_name", check_gold.BLIND_SETS)
def test_blind_gold_agrees_with_its_sources(set_name: str) -> None:
    assert check_gold.check(set_name)


def test_a_wrong_annotation_is_found() -> None:
    entry = {
        "id": "X-1",
        "kind": "nda",
        "parties": [["discloser", "甲公司"]],
        "persons": [],
        "patents": ["CN202310000001.5"],
    }
    source = "甲公司 X-1 专利 202310000001.5"
    assert check_gold.string_problems(entry, source) == []
    assert check_gold.number_problems(entry, source) == []
    entry["patents"] = ["CN202310000001.9"]
    assert check_gold.number_problems(entry, source) == ["bad number CN202310000001.9"]
    entry["parties"] = [["discloser", "乙公司"]]
    assert "not in source: 乙公司" in check_gold.string_problems(entry, source)
