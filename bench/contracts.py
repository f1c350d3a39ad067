"""Per-field precision and recall of contract extraction on the hand-annotated sample contracts.

    python bench/contracts.py [--gold tests/gold/contracts.json]
    python bench/contracts.py --gold tests/gold/contracts_heldout.json \
        --samples ingest/samples/contracts/heldout

List fields (parties as (role, name), covered patents, trade secrets) are scored item by item;
every other field is one item per contract: right (tp), wrong (fp and fn), extracted but not
annotated (fp), annotated but missed (fn). Prints a table and every miss and false alarm.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scoring import PrecisionRecall
from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "contracts.json"
SAMPLES = ROOT / "ingest" / "samples" / "contracts"
LIST_FIELDS = ("parties", "patents", "trade_secrets")
SCALAR_FIELDS = (
    "kind",
    "amends",
    "exclusivity",
    "sublicense_allowed",
    "territory",
    "start_date",
    "end_date",
    "duration_months",
    "amount",
    "royalty_rate",
    "payment",
    "sign_date",
    "governing_law",
    "dispute_method",
    "dispute_forum",
    "non_compete_months",
    "non_compete_scope",
)


@dataclass
class FieldScore(PrecisionRecall):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)


def extracted_values(contract: ContractExtraction) -> dict[str, Any]:
    """The extraction in the gold file's terms."""
    data = contract.model_dump(mode="json")
    values: dict[str, Any] = {
        name: (data[name] or {}).get("value") if data.get(name) else None for name in SCALAR_FIELDS
    }
    if values["amount"] is not None:
        values["amount"] = values["amount"]["amount"]
    values["parties"] = [[p["role"], p["name"]] for p in data["parties"]]
    values["patents"] = [p["number"] for p in data["patents"]]
    values["trade_secrets"] = [t["value"] for t in data["trade_secrets"]]
    return values


def score(gold: dict[str, dict[str, Any]], samples: Path = SAMPLES) -> dict[str, FieldScore]:
    scores = {name: FieldScore() for name in ("id", *LIST_FIELDS, *SCALAR_FIELDS)}
    for file, expected in gold.items():
        if file.startswith("_"):
            continue
        contract = extract_contract(read_contract(samples / file))
        got = extracted_values(contract)
        _score_value(scores["id"], file, expected.get("id"), _id(contract))
        for name in LIST_FIELDS:
            _score_items(scores[name], file, items(expected.get(name, [])), items(got[name]))
        for name in SCALAR_FIELDS:
            _score_value(scores[name], file, expected.get(name), got[name])
    return scores


def items(values: list[Any]) -> list[Any]:
    """List items made hashable: a party [role, name] becomes a tuple; a number stays a string."""
    return [tuple(v) if isinstance(v, list) else v for v in values]


def _id(contract: ContractExtraction) -> str:
    """The contract number; "sha256" when there is none (the gold cannot know the hash)."""
    return contract.id if contract.contract_number else "sha256"


def _score_items(into: FieldScore, file: str, expected: Iterable[Any], got: Iterable[Any]) -> None:
    want, have = set(expected), set(got)
    into.tp += len(want & have)
    into.fp += len(have - want)
    into.fn += len(want - have)
    into.errors += [f"{file}: missed {item}" for item in sorted(want - have)]
    into.errors += [f"{file}: false {item}" for item in sorted(have - want)]


def _score_value(into: FieldScore, file: str, expected: Any, got: Any) -> None:
    if expected is None and got is None:
        return
    if expected is not None and got is not None and _same(expected, got):
        into.tp += 1
        return
    if got is not None:
        into.fp += 1
    if expected is not None:
        into.fn += 1
    into.errors.append(f"{file}: expected {expected!r}, got {got!r}")


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, float | int) and isinstance(got, float | int):
        return abs(float(expected) - float(got)) < 1e-9
    return bool(expected == got)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="folder of the files")
    args = parser.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    scores = score(gold, args.samples)
    print(f"{len([f for f in gold if not f.startswith('_')])} contracts, {args.gold}")
    print(f"{'field':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in scores.items():
        print(
            f"{name:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        )
    errors = [e for s in scores.values() for e in s.errors]
    print("\n".join(["", "errors:", *errors]) if errors else "\nno errors")


if __name__ == "__main__":
    main()
