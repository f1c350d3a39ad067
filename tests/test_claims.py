"""Counting claims and independent claims in Chinese claims text (ingest/claims.py), on real
patents from KPPatent-ZH (../shared/data/kppatent-zh) and on small made-up texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.claims import ClaimCounts, count_claims, is_independent, split_claims

KPPATENT = Path(__file__).resolve().parents[2] / "shared" / "data" / "kppatent-zh"
KPPATENT_FILE = KPPATENT / "test_data_TAC.json"
if not KPPATENT_FILE.exists():  # worktrees live beside main: /work/wt/<name>
    KPPATENT_FILE = Path("/work/shared/data/kppatent-zh/test_data_TAC.json")


def _real_claims() -> dict[str, str]:
    if not KPPATENT_FILE.exists():
        pytest.skip(f"KPPatent-ZH is not at {KPPATENT_FILE}")
    records = json.loads(KPPATENT_FILE.read_text(encoding="utf-8"))
    claims: dict[str, str] = {}
    for record in records:
        head, _, text = record["input"].partition("权利声明：")
        title = head.split("\n", 1)[0].removeprefix("标题：")
        claims[title] = text
    return claims


@pytest.mark.parametrize(
    ("title", "total", "independent", "which"),
    [
        # One method claim, nine claims depending on it (根据权利要求N所述…).
        ("一种近水平薄矿体智能掘进机机械开采方法", 10, 1, [1]),
        # A system and a method naming claim 1-6 / 7-8 only in their bodies: independent.
        ("充电监控系统、机器人充电系统及机器人充电方法", 10, 3, [1, 7, 9]),
        # An excerpt that starts at claim 9: counted from there (claims 9..24).
        ("扫雪设备调整方法、装置、扫雪设备及扫雪设备充电桩", 16, 3, [12, 13, 14]),
        # Claim 19 follows claim 18 without a line break ("……脂肪食品19.一种……").
        ("包含甲阶酚醛树脂的涂料组合物、制品以及涂布方法", 20, 3, [1, 13, 19]),
    ],
)
def test_real_claims_are_split_and_independent_ones_counted(
    title: str, total: int, independent: int, which: list[int]
) -> None:
    text = _real_claims()[title]
    claims = split_claims(text)
    assert count_claims(text) == ClaimCounts(total=total, independent=independent)
    first = int(text.lstrip().split(".", 1)[0])
    assert [first + i for i, claim in enumerate(claims) if is_independent(claim)] == which


def test_every_real_claim_opening_with_a_reference_is_dependent() -> None:
    openings = ("根据权利要求", "如权利要求", "按照权利要求", "根据前述权利要求", "如前述权利要求")
    seen = 0
    for text in _real_claims().values():
        for claim in split_claims(text):
            if claim.startswith(openings):
                seen += 1
                assert not is_independent(claim), claim[:40]
    assert seen > 3000  # the data set has thousands of dependent claims


def test_the_dependency_phrases() -> None:
    assert not is_independent("根据权利要求1所述的电池，其特征在于，正极为磷酸铁锂。")
    assert not is_independent("如权利要求1或2所述的方法，其中温度为80℃。")
    assert not is_independent("按照权利要求3所述的装置，还包括散热片。")
    assert not is_independent("依据权利要求1-4任一项所述的系统，其特征在于……")
    assert not is_independent("根据前述权利要求中任一项所述的方法，其中……")
    assert is_independent("一种锂离子电池，其特征在于，包括正极、负极和电解液。")
    assert is_independent("一种电动汽车，其特征在于，包括如权利要求1所述的锂离子电池。")


def test_numbers_inside_a_claim_are_not_claim_starts() -> None:
    text = (
        "1.一种方法，包括如下步骤：1)加热至2.5小时；2)冷却。\n"
        "2.根据权利要求1所述的方法，其中按6:4:13:4的重量比拌和，温度为3.5℃。\n"
        "3、一种装置，用于实施所述方法。"
    )
    assert [c[:4] for c in split_claims(text)] == ["一种方法", "根据权利", "一种装置"]
    assert count_claims(text) == ClaimCounts(total=3, independent=2)


def test_unnumbered_or_empty_text() -> None:
    assert count_claims("一种锂离子电池，其特征在于，包括正极。") == ClaimCounts(1, 1)
    assert count_claims("   ") == ClaimCounts(0, 0)
    assert split_claims("") == []
