"""How well contract extraction holds when the same contracts are written differently.

    python3 bench/contracts_probe.py [--probe title --probe dates …] [--json]

Every annotated contract of the depth golds (tests/gold/contracts_depth*.json) is read, its text
rewritten by one probe that keeps every annotated value (a neutral title, traditional script,
other date forms, articles numbered 1. 2. instead of 第一条, half-width punctuation, amounts in
another notation: 1,200,000元 or 壹佰贰拾万元, lines broken every 38 characters as a PDF
converted to text has them), the gold's strings rewritten the same way, and scored like
bench/contracts.py.
The rules were tuned on these contracts in their own wording; a field that falls under a probe
depends on a wording rather than on what the text says. `identity` is the baseline. The table
gives the micro F1 and the share of annotated values found per probe, and the fields that lose
most; `--errors` prints every miss.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import cn2an
import opencc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.contracts import FieldScore, combined, files_of, score
from ingest.contracts.documents import ContractDocument, plain_text, read_contract
from ingest.contracts.script import fold
from ingest.contracts.structure import layout

ROOT = Path(__file__).resolve().parents[1]
GOLDS = ROOT / "tests" / "gold"
NEUTRAL_TITLE = "青松项目协议书"
Rewrite = Callable[[str], str]

_CN_DIGITS = "〇一二三四五六七八九"
_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ARTICLE = re.compile(r"(?m)^(\s*)第([一二三四五六七八九十]{1,3})条\s*")
_WAN = re.compile(r"(?<![\d.,])(\d{1,5}(?:\.\d{1,4})?)\s*万元")
_PUNCT = str.maketrans({"：": ":", "，": ",", "；": ";", "（": "(", "）": ")"})


def _pick(value: str, choices: int) -> int:
    """The same string always takes the same form, in the text and in the gold alike."""
    return int(hashlib.sha256(value.encode()).hexdigest(), 16) % choices


def _cn_year(year: str) -> str:
    return "".join(_CN_DIGITS[int(d)] for d in year)


def _cn_small(number: int) -> str:
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + ("" if units == 0 and tens else _CN_DIGITS[units])


def _date_form(match: re.Match[str]) -> str:
    year, month, day = match.group(1), int(match.group(2)), int(match.group(3))
    forms = (
        f"{year}.{month}.{day}",
        f"{year}/{month:02d}/{day:02d}",
        f"{year}-{month:02d}-{day:02d}",
        f"{_cn_year(year)}年{_cn_small(month)}月{_cn_small(day)}日",
    )
    return forms[_pick(match.group(0), len(forms))]


def _cn_number(number: int) -> str:
    return _cn_small(number) if number < 100 else str(number)


def _article_form(match: re.Match[str]) -> str:
    number = _cn_value(match.group(2))
    return f"{match.group(1)}{number}{'.、'[_pick(match.group(0), 2)]} "


def _cn_value(numeral: str) -> int:
    if "十" not in numeral:
        return _CN_DIGITS.index(numeral) if numeral in _CN_DIGITS else 0
    tens, _, units = numeral.partition("十")
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (
        _CN_DIGITS.index(units) if units else 0
    )


def _yuan_form(match: re.Match[str]) -> str:
    yuan = round(float(match.group(1)) * 10_000, 2)
    if yuan != int(yuan):
        return match.group(0)
    if _pick(match.group(0), 2):
        return f"{yuan:,.0f}元"
    return str(cn2an.an2cn(int(yuan), "rmb")).removesuffix("整")


def _wrapped(text: str, width: int = 38) -> str:
    """Lines broken every `width` characters, as a PDF converted to text breaks them."""
    return "\n".join(
        "\n".join(line[i : i + width] for i in range(0, max(len(line), 1), width))
        for line in text.split("\n")
    )


@cache
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _title_rewrite(text: str) -> str:
    found = layout(fold(text).text).title
    if found is None:
        return text
    start, end = found
    return text[:start] + NEUTRAL_TITLE + text[end:]


PROBES: dict[str, tuple[Rewrite, Rewrite]] = {
    # (how the document changes, how the gold's strings change)
    "identity": (lambda t: t, lambda s: s),
    "title": (_title_rewrite, lambda s: s),
    "traditional": (lambda t: _to_traditional().convert(t), lambda s: _to_traditional().convert(s)),
    "dates": (lambda t: _DATE.sub(_date_form, t), lambda s: _DATE.sub(_date_form, s)),
    "articles": (
        lambda t: _ARTICLE.sub(_article_form, t),
        lambda s: _ARTICLE.sub(_article_form, s),
    ),
    "punctuation": (lambda t: t.translate(_PUNCT), lambda s: s.translate(_PUNCT)),
    "amounts": (lambda t: _WAN.sub(_yuan_form, t), lambda s: _WAN.sub(_yuan_form, s)),
    "wrapped": (_wrapped, lambda s: s),
}
# Values the extractor normalises whatever the text says: never rewritten in the gold.
_CANONICAL = {"kind", "format", "encoding", "script", "currency", "payment", "exclusivity",
              "dispute_method", "sublicense_scope", "start_date", "end_date", "sign_date",
              "patents"}


def rewritten_gold(entry: dict[str, Any], rewrite: Rewrite, probe: str) -> dict[str, Any]:
    out = {k: v if k in _CANONICAL else _deep(v, rewrite) for k, v in entry.items()}
    if probe == "traditional":
        out["script"] = "traditional"
    if probe in ("punctuation", "traditional") and isinstance(out.get("id"), str):
        # contract numbers are compared NFKC-folded (tests/gold/README.md)
        out["id"] = unicodedata.normalize("NFKC", out["id"])
    return out


def _deep(value: Any, rewrite: Rewrite) -> Any:
    if isinstance(value, str):
        return rewrite(value)
    if isinstance(value, list):
        return [_deep(v, rewrite) for v in value]
    if isinstance(value, dict):
        return {rewrite(k): _deep(v, rewrite) for k, v in value.items()}
    return value


def reader(rewrite: Rewrite) -> Callable[[Path], ContractDocument]:
    def read(path: Path) -> ContractDocument:
        document = read_contract(path)
        return replace(document, text=plain_text(rewrite(document.text)))

    return read


def probe_gold(gold: dict[str, Any], probe: str) -> dict[str, Any]:
    gold_rewrite = PROBES[probe][1]
    out = {k: v for k, v in gold.items() if k.startswith("_")}
    for file in files_of(gold):
        entry = gold[file]
        if probe == "title" and entry.get("kind") == "amendment":
            continue  # only a title says a text amends another: not a probe of general reading
        out[file] = rewritten_gold(entry, gold_rewrite, probe)
    out.pop("_split", None)
    return out


def run(probe: str, golds: list[Path]) -> tuple[dict[str, FieldScore], int]:
    runs, counted = [], 0
    for path in golds:
        gold = probe_gold(json.loads(path.read_text("utf-8")), probe)
        runs.append(score(gold, path.with_suffix(""), "all", reader(PROBES[probe][0])))
        counted += len(files_of(gold))
    return combined(runs), counted


def summary(scores: dict[str, FieldScore]) -> dict[str, Any]:
    total = FieldScore(
        tp=sum(s.tp for s in scores.values()),
        fp=sum(s.fp for s in scores.values()),
        fn=sum(s.fn for s in scores.values()),
    )
    found = total.tp / (total.tp + total.fn) if total.tp + total.fn else 1.0
    worst = sorted((s.f1, name) for name, s in scores.items() if s.tp + s.fn + s.fp)[:5]
    return {
        "micro_f1": round(total.f1, 4),
        "values_found": round(found, 4),
        "weakest": {name: round(f1, 3) for f1, name in worst},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", action="append", choices=tuple(PROBES))
    parser.add_argument("--gold", type=Path, action="append", help="default: every depth gold")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="figures as JSON on the last line")
    args = parser.parse_args()
    golds = args.gold or sorted(GOLDS.glob("contracts_depth*.json"))
    figures: dict[str, Any] = {}
    print(f"{'probe':<12} {'contracts':>9} {'micro F1':>9} {'found':>7}  weakest fields")
    for probe in args.probe or list(PROBES):
        scores, counted = run(probe, golds)
        figures[probe] = summary(scores) | {"contracts": counted}
        weakest = ", ".join(f"{n} {f:.2f}" for n, f in figures[probe]["weakest"].items())
        print(
            f"{probe:<12} {counted:>9} {figures[probe]['micro_f1']:>9.3f} "
            f"{figures[probe]['values_found']:>7.1%}  {weakest}"
        )
        if args.errors:
            print("\n".join(f"  {e}" for s in scores.values() for e in s.errors))
    if args.json:
        print(json.dumps({"golds": [str(g) for g in golds], "probes": figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
