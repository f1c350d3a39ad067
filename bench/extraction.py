"""Precision and recall of entity extraction on the gold-annotated texts, and of the fields
read from analyst exports.

    python bench/extraction.py [--gold tests/gold/extraction.txt]
        [--depth-gold tests/gold/entities_depth.txt] [--exports tests/gold/exports_depth.json]
        [--patents tests/gold/patents_depth.json] [--split tune|test|all] [--json]

Prints, per label, the true positives, false positives, false negatives, precision, recall and
F1, and lists every miss and every false alarm; then the same per export field (records matched
by publication, else application number; `--split` takes the export files the gold's `_split`
puts on that side); then per field of the patent documents in plain text (INID front pages) of
`--patents`, one record per file. `--json` prints every figure as one JSON object on the last
line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_DATA
from bench.scoring import PrecisionRecall
from config.settings import DEFAULT_USER_DICTIONARY
from domain.ipc import ipc_code
from domain.numbers import parse_application_number, parse_publication_number
from ingest.errors import IngestError
from ingest.nlp.keywords import KeywordExtractor
from ingest.nlp.pipeline import extract_many, load_pipeline
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap
from ingest.records import PatentRecord
from ingest.transform import validate
from search.index.chinese import shared_analyzer

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "extraction.txt"
LABELS = ("PATENT_NUMBER", "STANDARD", "ORGANIZATION")
# The labels the depth gold annotates (organisations by legal form, not only the gazetteer's).
DEPTH_LABELS = ("ORGANIZATION", "PERSON", "MONEY", "IPC", "DATE", "PATENT_NUMBER")
DEPTH_GOLD = GOLD.parent / "entities_depth.txt"
EXPORTS_GOLD = GOLD.parent / "exports_depth.json"
PATENTS_GOLD = GOLD.parent / "patents_depth.json"
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]")


@dataclass(frozen=True)
class Scores(PrecisionRecall):
    label: str
    tp: int
    fp: int
    fn: int


def load_gold(path: Path = GOLD, split: str = "all") -> list[tuple[str, set[tuple[str, int, int]]]]:
    """(plain text, {(label, start, end)}) per line; offsets are in the plain text. A line may
    start with `tune<TAB>` or `test<TAB>`: the side of the split it is on."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        side, tab, rest = line.partition("\t")
        if tab and side in ("tune", "test"):
            if split not in ("all", side):
                continue
            line = rest
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


def evaluate(
    path: Path = GOLD, labels: tuple[str, ...] = LABELS, split: str = "all"
) -> tuple[list[Scores], list[str]]:
    examples = load_gold(path, split)
    found = extract_many(load_pipeline(), [{"text": text} for text, _ in examples])
    notes: list[str] = []
    counts = {label: [0, 0, 0] for label in labels}
    for (text, gold), entities in zip(examples, found, strict=True):
        predicted = {(e.label, e.start, e.end) for e in entities if e.label in labels}
        for label, start, end in predicted | gold:
            key = (label, start, end)
            slot = 0 if key in predicted and key in gold else 1 if key in predicted else 2
            counts[label][slot] += 1
            if slot:
                kind = "false alarm" if slot == 1 else "missed"
                notes.append(f"{kind} {label} {text[start:end]!r} in {text[:30]}…")
    return [Scores(label, *counts[label]) for label in labels], notes


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


def print_scores(title: str, scores: list[Scores], notes: list[str]) -> None:
    print(f"\n{title}")
    print(f"{'label':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8} {'F1':>6}")
    for s in scores:
        print(
            f"{s.label:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>10.2f} "
            f"{s.recall:>8.2f} {s.f1:>6.2f}"
        )
    for note in notes:
        print(note)


def figures(scores: list[Scores]) -> dict[str, dict[str, float]]:
    return {
        s.label: {
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
        }
        for s in scores
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--depth-gold", type=Path, default=DEPTH_GOLD)
    parser.add_argument("--exports", type=Path, default=EXPORTS_GOLD)
    parser.add_argument("--patents", type=Path, default=PATENTS_GOLD)
    parser.add_argument("--split", choices=("all", "tune", "test"), default="all")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="figures as JSON on the last line")
    args = parser.parse_args()
    report: dict[str, object] = {"split": args.split}
    scores, notes = evaluate(args.gold)
    print_scores(f"entities, {args.gold}", scores, notes)
    report["entities"] = figures(scores)
    if args.depth_gold.exists():
        scores, notes = evaluate(args.depth_gold, DEPTH_LABELS, args.split)
        print_scores(f"entities ({args.split}), {args.depth_gold}", scores, notes)
        report["entities_depth"] = figures(scores)
    if args.exports.exists():
        scores, notes = score_exports(args.exports, args.split)
        print_scores(f"export fields ({args.split}), {args.exports}", scores, notes)
        report["exports"] = figures(scores)
    if args.patents.exists():
        scores, notes = score_patents(args.patents, args.split)
        print_scores(f"patent document fields ({args.split}), {args.patents}", scores, notes)
        report["patents"] = figures(scores)
    keyphrases = keyphrase_scores(args.data)
    if keyphrases is None:
        print(f"keywords: skipped, no KPPatent-ZH under {args.data}")
    else:
        count, precision, recall = keyphrases
        print(
            f"keywords vs KPPatent-ZH gold keyphrases ({count} patents, top 8, exact match): "
            f"precision {precision:.2f}, recall {recall:.2f}"
        )
    if args.json:
        print(json.dumps(report, ensure_ascii=False))


# ---- analyst exports -----------------------------------------------------------------------

EXPORT_SCALARS = (
    "publication_number",
    "application_number",
    "title",
    "abstract",
    "filing_date",
    "publication_date",
    "legal_status",
    "cited_by_count",
)
EXPORT_LISTS = (
    "applicants",
    "current_owners",
    "inventors",
    "ipc",
    "legal_events",
    "priority",
    "family",
    "cites",
    "cited_by",
    "transfers",
    "pledges",
    "licenses",
)


def export_values(record: PatentRecord) -> dict[str, Any]:
    """A record in the gold's normal form, through the functions ingest itself normalises with."""
    data = record.model_dump(mode="json")
    values: dict[str, Any] = {name: data.get(name) for name in EXPORT_SCALARS + EXPORT_LISTS}
    if record.publication_number:
        values["publication_number"] = parse_publication_number(record.publication_number).canonical
    if record.application_number:
        values["application_number"] = parse_application_number(record.application_number).canonical
    for name in ("family", "cites", "cited_by"):
        values[name] = [parse_publication_number(n).canonical for n in data[name]]
    values["ipc"] = [code for raw in record.ipc if (code := ipc_code(raw))]
    values["priority"] = [{"number": n, "date": d} for n, d in record.priority_claims()]
    values["transfers"] = [t.model_dump(by_alias=True) for t in record.transfers]
    # the record's empty default is no abstract: the gold leaves out what a file does not
    # export or leaves empty (tests/gold/README.md, export gold format)
    values["abstract"] = values.get("abstract") or None
    return values


def _item(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple((k, _item(v)) for k, v in sorted(value.items()))
    if isinstance(value, list):
        return tuple(_item(v) for v in value)
    return value


def score_exports(path: Path, split: str = "all") -> tuple[list[Scores], list[str]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    sides: dict[str, str] = gold.get("_split", {})
    columns = ColumnMap.load()
    counts = {name: [0, 0, 0] for name in EXPORT_SCALARS + EXPORT_LISTS}
    notes: list[str] = []
    for file, expected in gold.items():
        if file.startswith("_") or split not in ("all", sides.get(file)):
            continue
        # the files of tests/gold/<name>.json are in tests/gold/<name>/
        got = _export_records(path.with_suffix("") / file, columns, notes)
        for record in expected["records"]:
            key = record.get("publication_number") or record.get("application_number")
            found = got.get(record.get("publication_number")) or got.get(
                record.get("application_number")
            )
            for name in EXPORT_SCALARS + EXPORT_LISTS:
                _score_field(counts[name], name, record.get(name), found, f"{file} {key}", notes)
    return [Scores(name, *counts[name]) for name in counts], notes


# ---- patent documents in plain text ---------------------------------------------------------

PATENT_SCALARS = (
    "publication_number",
    "application_number",
    "title",
    "abstract",
    "filing_date",
    "publication_date",
    "grant_date",
    "agency",
    "pct_application",
    "pct_publication",
    "pct_national_phase_date",
    "divisional_of",
    "earlier_publication",
)
PATENT_LISTS = (
    "applicants",
    "original_applicants",
    "inventors",
    "ipc",
    "locarno",
    "priority",
    "cited",
)


def patent_values(record: PatentRecord) -> dict[str, Any]:
    """A patent document's record in the gold's normal form (IPC codes compared without
    spaces: H04B 7/06 and H04B7/06 are one code)."""
    values = export_values(record)
    data = record.model_dump(mode="json")
    fields = PATENT_SCALARS + PATENT_LISTS
    values.update({name: data.get(name) for name in fields if name not in values})
    values["ipc"] = [code.replace(" ", "") for code in values["ipc"]]
    values["cited"] = values.get("cites", [])
    if record.divisional_of:
        values["divisional_of"] = parse_application_number(record.divisional_of).canonical
    if record.earlier_publication:
        number = parse_publication_number(record.earlier_publication.number).canonical
        values["earlier_publication"] = {**data["earlier_publication"], "number": number}
    return values


def score_patents(path: Path, split: str = "all") -> tuple[list[Scores], list[str]]:
    # {"_conventions": …, "documents": {file: {"_split": "tune", field: value …}}}
    documents: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["documents"]
    columns = ColumnMap.load()
    counts = {name: [0, 0, 0] for name in PATENT_SCALARS + PATENT_LISTS}
    notes: list[str] = []
    for file, expected in documents.items():
        if split not in ("all", expected.get("_split")):
            continue
        found = _patent_record(path.with_suffix("") / file, columns, notes)
        want = dict(expected)
        want["ipc"] = [code.replace(" ", "") for code in expected.get("ipc") or []]
        for name in PATENT_SCALARS + PATENT_LISTS:
            _score_field(counts[name], name, want.get(name), found, file, notes, PATENT_LISTS)
    return [Scores(name, *counts[name]) for name in counts], notes


def _patent_record(file: Path, columns: ColumnMap, notes: list[str]) -> dict[str, Any] | None:
    try:
        source = read_source(file)
    except IngestError as exc:
        notes.append(f"{file.name}: not read ({exc})")
        return None
    for raw in source.records:
        record = validate(raw, source.path, columns)
        if isinstance(record, PatentRecord):
            return patent_values(record)
        notes.append(f"{file.name}: rejected ({record.message})")
    return None


def _export_records(file: Path, columns: ColumnMap, notes: list[str]) -> dict[str, dict[str, Any]]:
    try:
        source = read_source(file)
    except IngestError as exc:
        notes.append(f"{file.name}: not read ({exc})")
        return {}
    records: dict[str, dict[str, Any]] = {}
    for raw in source.records:
        record = validate(raw, source.path, columns)
        if not isinstance(record, PatentRecord):
            notes.append(f"{file.name}: row {raw.record} rejected ({record.message})")
            continue
        values = export_values(record)
        for number in (values["publication_number"], values["application_number"]):
            if number:
                records[number] = values
    return records


def _score_field(
    into: list[int],
    name: str,
    expected: Any,
    found: dict[str, Any] | None,
    where: str,
    notes: list[str],
    lists: tuple[str, ...] = EXPORT_LISTS,
) -> None:
    got = found.get(name) if found else None
    if name in lists:
        want = {_item(v) for v in expected or []}
        have = {_item(v) for v in got or []}
        if expected is None and not have:
            return
        into[0] += len(want & have)
        into[1] += len(have - want)
        into[2] += len(want - have)
        notes += [f"missed {name} {item} in {where}" for item in want - have]
        notes += [f"false {name} {item} in {where}" for item in have - want]
        return
    if expected is None and got is None:
        return
    if expected is not None and got == expected:
        into[0] += 1
        return
    into[1] += got is not None
    into[2] += expected is not None
    notes.append(f"{name} in {where}: expected {str(expected)[:60]!r}, got {str(got)[:60]!r}")


if __name__ == "__main__":
    main()
