"""Check the hand annotations of tests/gold/contracts_depth3.json against the contract sources,
without the extractor: every written value must be found in the text.

    python3 scripts/check_gold_depth3.py

Names, scopes, territories, forums, laws, trade secrets and instalment conditions are substrings
of the source (after NFKC folding); patent numbers appear in the source and carry a valid CNIPA
check digit; dates are ISO; instalments sum to the amount; shares sum to 1; money contributions
sum to the amount where every partner pays; the written files decode back to the source.
"""

from __future__ import annotations

import datetime
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth3 import CONTRACTS, FORMATS, output_name

GOLD = CONTRACTS.parent / "contracts_depth3.json"
WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
TEXT_FIELDS = (
    "territory",
    "non_compete_scope",
    "governing_law",
    "dispute_forum",
    "receiving_company",
)
DATE_FIELDS = ("start_date", "end_date", "sign_date")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def check_digit(digits: str) -> str:
    rest = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    return "X" if rest == 10 else str(rest)


def problems_of(name: str, entry: dict[str, Any]) -> list[str]:
    stem = name.rsplit(".", 1)[0]
    source = fold((CONTRACTS / "source" / f"{stem}.txt").read_text("utf-8"))
    found: list[str] = []

    def need(value: str, what: str) -> None:
        if fold(value) not in source:
            found.append(f"{name}: {what} {value!r} not in the source")

    form, script = FORMATS[stem]
    if output_name(stem) != name or entry["script"] != script:
        found.append(f"{name}: file name or script differs from make_gold_depth3.FORMATS")
    if entry["format"] != form.split("-")[0]:
        found.append(f"{name}: format {entry['format']} but written as {form}")
    encoding = {"txt": "utf-8", "txt-gb18030": "gb18030"}.get(form)
    if entry["encoding"] != encoding:
        found.append(f"{name}: encoding {entry['encoding']} but written as {encoding}")
    if encoding:
        written = (CONTRACTS / name).read_bytes().decode(encoding).replace("\r\n", "\n")
        if fold(written) != source:
            found.append(f"{name}: the written file does not decode back to its source")
    for key in ("id", "amends"):
        if key in entry:
            need(entry[key], key)
    party_names = [party for _, party in entry["parties"]]
    for party in party_names:
        need(party, "party")
    strangers = [p for p in entry["persons"] if p not in party_names]
    found += [f"{name}: person {p} is not a party" for p in strangers]
    for field in TEXT_FIELDS:
        if field in entry:
            need(entry[field], field)
    for item in entry.get("trade_secrets", []) + entry.get("trade_secret_numbers", []):
        need(item, "trade secret")
    for number in entry["patents"]:
        digits, check = number[2:].split(".")
        if check_digit(digits) != check:
            found.append(f"{name}: {number} has a wrong check digit")
        need(f"{digits}.{check}", "patent")
    for field in DATE_FIELDS:
        if field in entry:
            datetime.date.fromisoformat(entry[field])
    found += money_problems(name, entry, need)
    return found


def money_problems(name: str, entry: dict[str, Any], need: Any) -> list[str]:
    found: list[str] = []
    instalments = entry.get("instalments", [])
    for instalment in instalments:
        need(instalment["due"], "instalment condition")
    if instalments and sum(i["amount"] for i in instalments) != entry["amount"]:
        found.append(f"{name}: instalments do not sum to the amount")
    if "shares" in entry and abs(sum(entry["shares"].values()) - 1) > 1e-9:
        found.append(f"{name}: shares do not sum to 1")
    contributions = entry.get("contributions", {})
    for partner in [*entry.get("shares", {}), *contributions]:
        if partner not in [party for _, party in entry["parties"]]:
            found.append(f"{name}: {partner} is not a party")
    paid = [v for v in contributions.values() if v is not None]
    if contributions and sum(paid) != entry["amount"]:
        found.append(f"{name}: money contributions do not sum to the amount")
    if "sublicense_scope" in entry and entry.get("sublicense_allowed") is not True:
        found.append(f"{name}: a sublicence scope without an allowance")
    investee = ["investee", entry.get("receiving_company")]
    if "receiving_company" in entry and investee not in entry["parties"]:
        found.append(f"{name}: the receiving company is not the investee party")
    money = ("amount", "entry_fee", "valuation", "liquidated_damages", "monthly_compensation")
    if any(k in entry for k in money) and "currency" not in entry:
        found.append(f"{name}: money without a currency")
    return found


def main() -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    files = [k for k in gold if not k.startswith("_")]
    problems = [p for name in files for p in problems_of(name, gold[name])]
    if set(gold["_split"]) != set(files) or set(gold["_split"].values()) != {"test"}:
        problems.append("_split must mark every file test")
    if {output_name(stem) for stem in FORMATS} != set(files):
        problems.append("the gold and make_gold_depth3.FORMATS list different files")
    print("\n".join(problems) or f"{len(files)} contracts: every check passes")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
