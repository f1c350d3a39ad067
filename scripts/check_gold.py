"""Check the hand-made gold of blind contract sets against their sources (no extractor).

    python3 scripts/check_gold.py contracts_depth6 contracts_depth7 contracts_depth8

Each name is a folder of tests/gold (with source/*.txt) and its gold file tests/gold/<name>.json.

Every string value is a substring of the UTF-8 source (or of its NFKC folding: contract numbers),
every CN number has a valid check digit and appears in the source, dates are ISO and valid,
instalments sum to the amount or to one party's contribution, shares sum to 1, money
contributions sum to the amount when it is stated, persons and share holders are parties, a
sublicense scope comes only with an allowed sublicense, every entry has the format keys and the
same file exists and is `test`, the text files decode back to their source (GB18030 ones with CRLF
line ends), every source has an entry and the dates convention is "stated".
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
GOLDS = ROOT / "tests" / "gold"
# The sets annotated blind, each checked by default.
BLIND_SETS = ("contracts_depth3", "contracts_depth5", "contracts_depth6", "contracts_depth7",
              "contracts_depth8", "contracts_depth9", "contracts_depth10", "contracts_depth11",
              "contracts_depth12", "contracts_depth13", "contracts_depth14",
              "contracts_depth15", "contracts_depth16")
WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
TEXT_FIELDS = ("id", "amends", "territory", "governing_law", "dispute_forum", "non_compete_scope",
               "receiving_company")
LIST_FIELDS = ("persons", "trade_secrets", "trade_secret_numbers")
DATE_FIELDS = ("start_date", "end_date", "sign_date")
ROLES = {"licensor", "licensee", "transferor", "transferee", "pledgor", "pledgee", "discloser",
         "recipient", "employer", "employee", "contributor", "investee", "partner"}
KINDS = {"patent_license", "patent_transfer", "application_transfer", "patent_pledge",
         "technology_transfer", "trade_secret_license", "nda", "equity_contribution",
         "cooperation", "non_compete", "amendment"}
REQUIRED = ("id", "kind", "parties", "persons", "patents", "format", "encoding", "script")


def check_digit(digits: str) -> str:
    total = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    return "X" if total == 10 else str(total)


def source_of(folder: Path, name: str) -> str:
    return (folder / "source" / (name.rsplit(".", 1)[0] + ".txt")).read_text("utf-8")


def string_problems(entry: dict[str, Any], source: str) -> list[str]:
    strings = [entry.get(f) for f in TEXT_FIELDS]
    strings += [v for f in LIST_FIELDS for v in entry.get(f, [])]
    strings += [p[1] for p in entry["parties"]] + [i["due"] for i in entry.get("instalments", [])]
    strings += list(entry.get("shares", {})) + list(entry.get("contributions", {}))
    folded = unicodedata.normalize("NFKC", source)
    found = [f"not in source: {s}" for s in strings
             if s is not None and s not in source and s not in folded]
    names = {p[1] for p in entry["parties"]}
    found += [f"person is no party: {p}" for p in entry["persons"] if p not in names]
    found += [f"share holder is no party: {p}" for p in entry.get("shares", {}) if p not in names]
    found += [f"bad role {r}" for r, _ in entry["parties"] if r not in ROLES]
    if "sublicense_scope" in entry and entry.get("sublicense_allowed") is not True:
        found.append("sublicense_scope without sublicense_allowed true")
    return found


def number_problems(entry: dict[str, Any], source: str) -> list[str]:
    found: list[str] = []
    for number in entry["patents"]:
        match = re.fullmatch(r"CN(\d{12})\.([0-9X])", number)
        if not match or check_digit(match.group(1)) != match.group(2):
            found.append(f"bad number {number}")
        elif number[2:] not in source:
            found.append(f"number not in source {number}")
    return found


def sum_problems(entry: dict[str, Any]) -> list[str]:
    found: list[str] = []
    instalments = [i["amount"] for i in entry.get("instalments", [])]
    money = [v for v in entry.get("contributions", {}).values() if v is not None]
    if instalments and sum(instalments) not in {entry.get("amount"), *money}:
        found.append(f"instalments sum {sum(instalments)} matches no amount")
    shares = entry.get("shares")
    if shares and abs(sum(shares.values()) - 1) > 1e-9:
        found.append(f"shares sum {sum(shares.values())}")
    if money and "amount" in entry and sum(money) != entry["amount"]:
        found.append(f"contributions sum {sum(money)} != amount {entry['amount']}")
    share = entry.get("equity_share")
    if share is not None and not 0 < share < 1:
        found.append(f"equity share {share}")
    return found


def file_problems(path: Path, entry: dict[str, Any], source: str) -> list[str]:
    name = path.name
    if not path.exists():
        return [f"missing file {name}"]
    if entry["format"] != "txt":
        return [] if path.suffix == f".{entry['format']}" else [f"format {entry['format']}"]
    encoding = entry["encoding"]
    text = path.read_bytes().decode(encoding)
    expected = source.replace("\n", "\r\n") if encoding == "gb18030" else source
    return [] if text == expected else [f"{name} does not decode to its source"]


def problems(folder: Path, name: str, entry: dict[str, Any]) -> list[str]:
    source = source_of(folder, name)
    found = [f"missing key {k}" for k in REQUIRED if k not in entry]
    if found:
        return found
    found += [] if entry["kind"] in KINDS else [f"bad kind {entry['kind']}"]
    for field in DATE_FIELDS:
        if field in entry:
            date.fromisoformat(entry[field])
    found += string_problems(entry, source) + number_problems(entry, source)
    return found + sum_problems(entry) + file_problems(folder / name, entry, source)


def check(set_name: str) -> bool:
    folder = GOLDS / set_name
    gold = json.loads((GOLDS / f"{set_name}.json").read_text("utf-8"))
    names = [k for k in gold if not k.startswith("_")]
    bad = {n: p for n in names if (p := problems(folder, n, gold[n]))}
    unsplit = [n for n in names if gold["_split"].get(n) != "test"]
    if gold["_conventions"].get("dates") != "stated":
        unsplit.append("_conventions.dates is not stated")
    stems = {n.rsplit(".", 1)[0] for n in names}
    orphans = [p.stem for p in (folder / "source").glob("*.txt") if p.stem not in stems]
    for name, found in bad.items():
        print(set_name, name, found)
    print(f"{set_name}: {len(names)} contracts, {len(bad)} with problems, unsplit: {unsplit}, "
          f"sources without gold: {orphans}")
    return not (bad or unsplit or orphans)


if __name__ == "__main__":
    sets = sys.argv[1:] or list(BLIND_SETS)
    sys.exit(0 if all([check(name) for name in sets]) else 1)
