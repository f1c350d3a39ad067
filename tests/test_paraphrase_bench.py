"""The hand-written paraphrase set of bench/similar_baseline.py is well formed and not a copy."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PARAPHRASES = ROOT / "bench" / "data" / "paraphrases.jsonl"
KPPATENT = ROOT.parent / "shared" / "data" / "kppatent-zh" / "test_data_TAC.json"
CORPUS_SIZE = 696


def rows() -> list[dict[str, object]]:
    lines = PARAPHRASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def test_rows_are_complete_and_split_first_30_tune_per_style() -> None:
    data = rows()
    assert all(set(r) == {"id", "publication_number", "split", "style", "paraphrase"} for r in data)
    by_style: dict[str, list[dict[str, object]]] = {}
    for row in data:
        by_style.setdefault(str(row["style"]), []).append(row)
    assert set(by_style) == {"close", "functional"}
    for style_rows in by_style.values():
        ids = [r["id"] for r in style_rows]
        assert len(set(ids)) == len(ids) >= 60
        assert all(isinstance(i, int) and 0 <= i < CORPUS_SIZE for i in ids)
        assert [r["split"] for r in style_rows] == ["tune"] * 30 + ["test"] * (len(ids) - 30)
    split_of = {(r["id"], r["split"]) for r in data}
    assert len(split_of) == len({r["id"] for r in data}), "an id keeps its split in every style"
    lengths = Counter(str(r["style"]) for r in data if not 30 <= len(str(r["paraphrase"])) <= 120)
    assert not lengths


def _longest_common_substring(short: str, long: str) -> int:
    best = 0
    for start in range(len(short)):
        end = start + best + 1
        while end <= len(short) and short[start:end] in long:
            best, end = end - start, end + 1
    return best


@pytest.mark.skipif(not KPPATENT.exists(), reason="../shared/data/kppatent-zh absent")
def test_ids_point_at_the_dataset_and_paraphrases_are_not_copies() -> None:
    patents = json.loads(KPPATENT.read_text(encoding="utf-8"))
    assert len(patents) == CORPUS_SIZE
    for row in rows():
        text = patents[int(str(row["id"]))]["input"]
        number = row["publication_number"]
        found = re.search(r"CN\d{6,}[A-Z]\d?", text)
        assert number == (found.group(0) if found else None)
        abstract = text.split("\n权利声明")[0]
        paraphrase = str(row["paraphrase"])
        grams = [paraphrase[i : i + 4] for i in range(len(paraphrase) - 3)]
        shared = sum(g in abstract for g in grams) / len(grams)
        assert shared < 0.35, (row["id"], shared)
        assert _longest_common_substring(paraphrase, abstract) <= 20, row["id"]
