"""Precision and recall of entity extraction on the gold-annotated texts.

    python bench/extraction.py [--gold tests/gold/extraction.txt]

Prints, per label, the true positives, false positives, false negatives, precision, recall and
F1, and lists every miss and every false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_DATA
from bench.scoring import PrecisionRecall
from config.settings import DEFAULT_USER_DICTIONARY
from ingest.nlp.keywords import KeywordExtractor
from ingest.nlp.pipeline import extract_many, load_pipeline
from search.index.chinese import shared_analyzer

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "extraction.txt"
LABELS = ("PATENT_NUMBER", "STANDARD", "ORGANIZATION")
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]")


@dataclass(frozen=True)
class Scores(PrecisionRecall):
    label: str
    tp: int
    fp: int
    fn: int


def load_gold(path: Path = GOLD) -> list[tuple[str, set[tuple[str, int, int]]]]:
    """(plain text, {(label, start, end)}) per line; offsets are in the plain text."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, cursor = [], set(), 0
        position = 0
        for match in _MARK.finditer(line):
            text.append(line[cursor : match.start()])
            position += match.start() - cursor
            label, surface = match.groups()
            spans.add((label, position, position + len(surface)))
            text.append(surface)
            position += len(surface)
            cursor = match.end()
        text.append(line[cursor:])
        examples.append(("".join(text), spans))
    return examples


def evaluate(path: Path = GOLD) -> tuple[list[Scores], list[str]]:
    examples = load_gold(path)
    found = extract_many(load_pipeline(), [{"text": text} for text, _ in examples])
    notes: list[str] = []
    counts = {label: [0, 0, 0] for label in LABELS}
    for (text, gold), entities in zip(examples, found, strict=True):
        predicted = {(e.label, e.start, e.end) for e in entities if e.label in LABELS}
        for label, start, end in predicted | gold:
            key = (label, start, end)
            slot = 0 if key in predicted and key in gold else 1 if key in predicted else 2
            counts[label][slot] += 1
            if slot:
                kind = "false alarm" if slot == 1 else "missed"
                notes.append(f"{kind} {label} {text[start:end]!r} in {text[:30]}…")
    return [Scores(label, *counts[label]) for label in LABELS], notes


def keyphrase_scores(data_dir: Path) -> tuple[int, float, float] | None:
    """Micro precision and recall of our top-8 keywords against KPPatent-ZH's gold keyphrases
    (exact match), on title + abstract as ingest sees them."""
    path = data_dir / "kppatent-zh" / "test_data_TAC.json"
    if not path.exists():
        return None
    extractor = KeywordExtractor(shared_analyzer(DEFAULT_USER_DICTIONARY))
    hits = predicted = expected = 0
    items = json.loads(path.read_text(encoding="utf-8"))
    for item in items:
        fields = dict(line.partition("：")[::2] for line in item["input"].splitlines())
        keywords = set(extractor.keywords(f"{fields.get('标题', '')}。{fields.get('摘要', '')}"))
        gold = {k.strip() for k in re.split(r"[,，;；]", item["output"]) if k.strip()}
        hits += len(keywords & gold)
        predicted += len(keywords)
        expected += len(gold)
    return len(items), hits / max(predicted, 1), hits / max(expected, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    scores, notes = evaluate(args.gold)
    print(f"{'label':<14} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8} {'F1':>6}")
    for s in scores:
        print(
            f"{s.label:<14} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>10.2f} "
            f"{s.recall:>8.2f} {s.f1:>6.2f}"
        )
    for note in notes:
        print(note)
    keyphrases = keyphrase_scores(args.data)
    if keyphrases is None:
        print(f"keywords: skipped, no KPPatent-ZH under {args.data}")
    else:
        count, precision, recall = keyphrases
        print(
            f"keywords vs KPPatent-ZH gold keyphrases ({count} patents, top 8, exact match): "
            f"precision {precision:.2f}, recall {recall:.2f}"
        )


if __name__ == "__main__":
    main()
