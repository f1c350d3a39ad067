"""Per-field precision and recall of contract extraction on the hand-annotated sample contracts.

    python bench/contracts.py [--gold tests/gold/contracts.json]
    python bench/contracts.py --gold tests/gold/contracts_heldout.json \
        --samples ingest/samples/contracts/heldout
    python bench/contracts.py --gold tests/gold/contracts_depth.json \
        --samples tests/gold/contracts_depth --split test [--json]
    python bench/contracts.py --gold tests/gold/contracts_depth2.json \
        --samples tests/gold/contracts_depth2          # the second tune set, all tune
    python bench/contracts.py --split test \
        --gold tests/gold/contracts_depth.json --samples tests/gold/contracts_depth \
        --gold tests/gold/contracts_depth3.json --samples tests/gold/contracts_depth3

Several `--gold`/`--samples` pairs (the n-th `--samples` is the folder of the n-th `--gold`) are
scored in one run and printed as one combined table: the counts of every pair added up per field
(a field only some golds annotate counts where they do). `--split` applies to every gold that has
a `_split`; a gold without one counts whole.

Dates: a start or end date the extractor computed (evidence `derived`: 自合同生效之日起三年 → the
end) is scored like any value where the gold gives that date; where the gold gives none and its
`_conventions` say `"dates": "stated"` (the depth golds annotate written dates only), a derived
date is neither right nor a false alarm. Golds without that convention (contracts.json annotates
computed dates too) score every extracted date.

`--split tune|test` scores only the files the gold's `_split` puts on that side (the depth set:
improve on tune, report on test); `--json` prints the figures as one JSON object on the last line.

List fields (parties as (role, name), covered patents, trade secrets) are scored item by item;
every other field is one item per contract: right (tp), wrong (fp and fn), extracted but not
annotated (fp), annotated but missed (fn). Prints a table and every miss and false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scoring import PrecisionRecall
from ingest.contracts.documents import ContractDocument, read_contract
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction
from ingest.errors import IngestError

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "contracts.json"
SAMPLES = ROOT / "ingest" / "samples" / "contracts"
LIST_FIELDS = ("parties", "patents", "trade_secrets")
DATE_FIELDS = ("start_date", "end_date")
# Fields only the depth gold (contracts_depth.json, with a `_split`) annotates.
DEPTH_LIST_FIELDS = ("persons", "trade_secret_numbers", "instalments", "shares", "contributions")
MONEY_FIELDS = ("amount", "entry_fee", "valuation", "monthly_compensation", "liquidated_damages")
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
DEPTH_SCALAR_FIELDS = (
    "sublicense_scope",
    "currency",
    "entry_fee",
    "valuation",
    "receiving_company",
    "equity_share",
    "monthly_compensation",
    "liquidated_damages",
    "format",
    "encoding",
    "script",
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
        name: (data[name] or {}).get("value") if isinstance(data.get(name), dict) else data[name]
        for name in SCALAR_FIELDS + DEPTH_SCALAR_FIELDS
    }
    for name in MONEY_FIELDS:
        if values[name] is not None:
            values[name] = values[name]["amount"]
    values["parties"] = [[p["role"], p["name"]] for p in data["parties"]]
    values["persons"] = [p["name"] for p in data["parties"] if p["is_person"]]
    values["patents"] = [p["number"] for p in data["patents"]]
    values["trade_secrets"] = [t["value"] for t in data["trade_secrets"]]
    values["trade_secret_numbers"] = [t["value"] for t in data["trade_secret_numbers"]]
    values["instalments"] = [(i["amount"], normal_due(i["due"])) for i in data["instalments"]]
    values["shares"] = [(s["name"], s["value"]) for s in data["shares"]]
    values["contributions"] = [(c["name"], c["value"]) for c in data["contributions"]]
    values["_derived"] = {
        name for name in DATE_FIELDS if (data[name] or {}).get("evidence", {}).get("derived")
    }
    return values


# The framing words around an instalment's due condition: 于/於/在 before it (with 已/应 when the
# payment is reported or owed) and the payment verb after it. The golds differ on them (depth5
# keeps 于…前 and …給付; the others do not), so both sides are compared without them
# (tests/gold/README.md, "Instalment due conditions").
_DUE_LEAD = re.compile(r"^(?:已经|已|应当|应|應|须|須)?(?:于|於|在)")
# (a bare 付 after the condition, …后十日内付, is a payment verb too: contracts_depth11)
_DUE_TAIL = re.compile(
    r"(?:支付完毕|支付完畢|支付|给付|給付|付清|拨付|撥付|付款|(?<=[内內前后後时時日])付)$"
)


def normal_due(due: str) -> str:
    """A due condition without its framing words: 于2025年12月31日前支付 -> 2025年12月31日前."""
    stripped = _DUE_TAIL.sub("", _DUE_LEAD.sub("", due.strip())).strip()
    return stripped or due.strip()


def gold_items(name: str, value: Any) -> list[Any]:
    """A gold list field as comparable items: instalments as (amount, due), a {name: value}
    mapping as (name, value) pairs, a party [role, name] as a tuple."""
    if value is None:
        return []
    if name == "instalments":
        return [(float(i["amount"]), normal_due(i["due"])) for i in value]
    if isinstance(value, dict):
        return [(k, None if v is None else float(v)) for k, v in value.items()]
    return items(value)


def _float_items(values: list[Any]) -> list[Any]:
    return [
        tuple(float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in x)
        if isinstance(x, tuple)
        else x
        for x in values
    ]


def files_of(gold: dict[str, Any], split: str = "all") -> list[str]:
    """The annotated files; with a split, only those the gold's `_split` puts on that side (a
    gold without a `_split` counts whole)."""
    sides: dict[str, str] | None = gold.get("_split")
    whole = split == "all" or sides is None
    return [
        file
        for file in gold
        if not file.startswith("_") and (whole or (sides or {}).get(file) == split)
    ]


def score(
    gold: dict[str, dict[str, Any]],
    samples: Path = SAMPLES,
    split: str = "all",
    read: Callable[[Path], ContractDocument] = read_contract,
) -> dict[str, FieldScore]:
    """Per-field counts of one gold; `read` turns a file into its text (bench/contracts_probe.py
    reads it changed)."""
    depth = _depth(gold)
    list_fields = LIST_FIELDS + (DEPTH_LIST_FIELDS if depth else ())
    scalar_fields = SCALAR_FIELDS + (DEPTH_SCALAR_FIELDS if depth else ())
    scores = {name: FieldScore() for name in ("id", *list_fields, *scalar_fields)}
    stated_dates_only = gold.get("_conventions", {}).get("dates") == "stated"
    for file in files_of(gold, split):
        expected = gold[file]
        try:
            contract: ContractExtraction | None = extract_contract(read(samples / file))
        except IngestError as exc:
            print(f"{file}: not extracted ({exc})", file=sys.stderr)
            contract = None
        got = extracted_values(contract) if contract else _NOTHING
        _score_value(scores["id"], file, expected.get("id"), _id(contract) if contract else None)
        for name in list_fields:
            want = gold_items(name, expected.get(name))
            _score_items(scores[name], file, _float_items(want), _float_items(items(got[name])))
        for name in scalar_fields:
            if stated_dates_only and expected.get(name) is None and name in got["_derived"]:
                continue  # a computed date the gold's convention does not annotate
            _score_value(scores[name], file, expected.get(name), got[name])
    return scores


_NOTHING: dict[str, Any] = {
    **{name: [] for name in LIST_FIELDS + DEPTH_LIST_FIELDS},
    **{name: None for name in SCALAR_FIELDS + DEPTH_SCALAR_FIELDS},
    "_derived": set(),
}


def _depth(gold: dict[str, Any]) -> bool:
    """Gold written with the depth fields: it says which side each file is on, or (a blind set
    that is all held out) it gives every file's format, a depth field."""
    entries = [v for k, v in gold.items() if not k.startswith("_")]
    return "_split" in gold or (bool(entries) and all("format" in e for e in entries))


def items(values: list[Any]) -> list[Any]:
    """List items made hashable: a party [role, name] becomes a tuple; a number stays a string."""
    return [tuple(v) if isinstance(v, list | tuple) else v for v in values]


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


def combined(runs: list[dict[str, FieldScore]]) -> dict[str, FieldScore]:
    """The per-field counts of several golds added up, in the order fields first appear."""
    total: dict[str, FieldScore] = {}
    for run in runs:
        for name, s in run.items():
            into = total.setdefault(name, FieldScore())
            into.tp, into.fp, into.fn = into.tp + s.tp, into.fp + s.fp, into.fn + s.fn
            into.errors += s.errors
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", help="repeat for several golds")
    parser.add_argument(
        "--samples", type=Path, action="append", help="folder of the files, one per --gold"
    )
    parser.add_argument("--split", choices=("all", "tune", "test"), default="all")
    parser.add_argument("--json", action="store_true", help="figures as JSON on the last line")
    args = parser.parse_args()
    golds: list[Path] = args.gold or [GOLD]
    folders: list[Path] = args.samples or [SAMPLES]
    if len(golds) != len(folders):
        parser.error("give one --samples folder for every --gold")
    runs, counted = [], 0
    for gold_path, folder in zip(golds, folders, strict=True):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        runs.append(score(gold, folder, args.split))
        counted += len(files_of(gold, args.split))
        print(f"{len(files_of(gold, args.split))} contracts ({args.split}), {gold_path}")
    scores = combined(runs)
    if len(golds) > 1:
        print(f"{counted} contracts in all ({args.split}), combined:")
    print(f"{'field':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in scores.items():
        print(
            f"{name:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        )
    errors = [e for s in scores.values() for e in s.errors]
    print("\n".join(["", "errors:", *errors]) if errors else "\nno errors")
    if args.json:
        result = figures(scores, args.split)
        result["golds"] = [str(g) for g in golds]
        result["contracts"] = counted
        print(json.dumps(result, ensure_ascii=False))


def figures(scores: dict[str, FieldScore], split: str) -> dict[str, Any]:
    fields = {
        name: {
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
        }
        for name, s in scores.items()
    }
    total = FieldScore(
        tp=sum(s.tp for s in scores.values()),
        fp=sum(s.fp for s in scores.values()),
        fn=sum(s.fn for s in scores.values()),
    )
    return {"split": split, "fields": fields, "micro_f1": round(total.f1, 4)}


if __name__ == "__main__":
    main()
