"""bench/contracts.py scores several gold/samples pairs as one table: the counts add up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.contracts import combined, files_of, normal_due, score

GOLD = Path(__file__).resolve().parent / "gold"


def _gold(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((GOLD / name).read_text(encoding="utf-8"))
    return loaded


def test_a_gold_without_split_counts_whole_on_either_side() -> None:
    heldout = _gold("contracts_heldout.json")
    assert files_of(heldout, "test") == files_of(heldout, "all") != []
    depth = _gold("contracts_depth.json")
    assert 0 < len(files_of(depth, "test")) < len(files_of(depth, "all"))


def test_combined_counts_are_the_sums_of_each_gold() -> None:
    runs = [
        score(
            _gold("contracts_heldout.json"), GOLD.parent.parent / "ingest/samples/contracts/heldout"
        ),
        score(_gold("contracts_depth2.json"), GOLD / "contracts_depth2", "tune"),
    ]
    total = combined(runs)
    for name in ("parties", "amount", "sign_date"):
        assert total[name].tp == sum(run[name].tp for run in runs) > 0
        assert total[name].fn == sum(run[name].fn for run in runs)
    # a depth field only the second gold scores counts from it alone
    assert total["instalments"].tp == runs[1]["instalments"].tp > 0
    assert "instalments" not in runs[0]


def test_due_conditions_compare_without_their_framing_words() -> None:
    assert normal_due("于2030年3月31日前支付") == normal_due("2030年3月31日前") == "2030年3月31日前"
    assert normal_due("於本協議簽署後七日內給付") == "本協議簽署後七日內"
    assert normal_due("已于原合同生效后5日内支付") == "原合同生效后5日内"
    # the rest of the condition still counts
    assert normal_due("2030年3月31日或之前") != normal_due("2030年3月31日")
    assert normal_due("支付") == "支付"
