"""Check the hand-made gold of tests/gold/contracts_depth5 against its sources (no extractor).

    python3 scripts/check_gold_depth5.py

Every string value is a substring of the UTF-8 source (after NFKC folding: contract numbers are
annotated with ASCII brackets, tests/gold/README.md), every CN number has a valid check digit and
appears in the source, dates are ISO, instalments sum to the amount or to one party's contribution.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "gold" / "contracts_depth5"
GOLD = ROOT / "tests" / "gold" / "contracts_depth5.json"
WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
TEXT_FIELDS = ("id", "amends", "territory", "governing_law", "dispute_forum", "non_compete_scope",
               "receiving_company")
LIST_FIELDS = ("persons", "trade_secrets", "trade_secret_numbers")
DATE_FIELDS = ("start_date", "end_date", "sign_date")


def check_digit(digits: str) -> str:
    total = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    return "X" if total == 10 else str(total)


def problems(name: str, entry: dict[str, Any]) -> list[str]:
    source = (SET / "source" / (name.rsplit(".", 1)[0] + ".txt")).read_text("utf-8")
    found: list[str] = []
    strings = [entry.get(f) for f in TEXT_FIELDS]
    strings += [v for f in LIST_FIELDS for v in entry.get(f, [])]
    strings += [p[1] for p in entry["parties"]] + [i["due"] for i in entry.get("instalments", [])]
    folded = unicodedata.normalize("NFKC", source)
    found += [
        f"not in source: {s}"
        for s in strings
        if s is not None and s not in source and unicodedata.normalize("NFKC", s) not in folded
    ]
    for number in entry["patents"]:
        match = re.fullmatch(r"CN(\d{12})\.([0-9X])", number)
        if not match or check_digit(match.group(1)) != match.group(2):
            found.append(f"bad number {number}")
        elif number[2:] not in source:
            found.append(f"number not in source {number}")
    for field in DATE_FIELDS:
        if field in entry:
            date.fromisoformat(entry[field])
    instalments = [i["amount"] for i in entry.get("instalments", [])]
    targets = {entry.get("amount"), *entry.get("contributions", {}).values()}
    if instalments and sum(instalments) not in targets:
        found.append(f"instalments sum {sum(instalments)} matches no amount")
    return found


def main() -> int:
    gold = json.loads(GOLD.read_text("utf-8"))
    names = [k for k in gold if not k.startswith("_")]
    bad = {n: p for n in names if (p := problems(n, gold[n]))}
    missing = [n for n in names if not (SET / n).exists() or gold["_split"].get(n) != "test"]
    for name, found in bad.items():
        print(name, found)
    print(f"{len(names)} contracts, {len(bad)} with problems, missing/unsplit: {missing}")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    sys.exit(main())
