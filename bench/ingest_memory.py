"""Peak memory of reading and validating an input file, at two file sizes side by side.

    python bench/ingest_memory.py --records 1000 --factor 10 --json

Writes full-size generated records (bench/corpus.py, as bench/ingest.py does) as one JSONL and
one CSV file of `--records` and of `--records * --factor` records, then iterates each the way
ingest does before analysis (`read_source` + `validate_file`: decoding, parsing, validation)
under tracemalloc and reports the peak of Python allocations per file. A reader that streams
keeps the same peak however large the file; one that loads the file grows with it (the ratio
is the factor or more). No time is measured. With --json the last line of stdout is one JSON
object; the machine's load average is printed with it.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import shutil
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_DATA, generate
from config.settings import Settings
from ingest.prepare import validate_file
from ingest.readers import read_source
from ingest.readers.columns import DEFAULT_COLUMNS
from ingest.vocabularies import Vocabularies

MIB = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1_000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="last stdout line: one JSON object")
    args = parser.parse_args()
    vocabularies = Vocabularies.load(Settings(nlp=False))
    workdir = Path(tempfile.mkdtemp(prefix="ipgraph-bench-memory-"))
    sizes = (args.records, args.records * args.factor)
    figures: dict[str, Any] = {"records": list(sizes)}
    try:
        for name, write in (("jsonl", write_jsonl), ("csv", write_csv)):
            peaks, megabytes = [], []
            for count in sizes:
                path = workdir / f"records-{count}.{name}"
                write(path, generate(count, data_dir=args.data, full_size=True))
                megabytes.append(round(path.stat().st_size / MIB, 1))
                peaks.append(round(peak_mib(path, vocabularies), 2))
                path.unlink()
                print(f"{name} {count} records ({megabytes[-1]} MB): peak {peaks[-1]} MiB")
            figures[name] = {
                "file_mb": megabytes,
                "peak_mib": peaks,
                "peak_ratio": round(peaks[1] / peaks[0], 2),
            }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(figures, ensure_ascii=False) if args.json else figures)


def peak_mib(path: Path, vocabularies: Vocabularies) -> float:
    """tracemalloc's peak while every record of `path` is read and validated."""
    tracemalloc.start()
    try:
        prepared, valid = validate_file(read_source(path), vocabularies)
        for _ in valid:
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if prepared.rejected:
        raise SystemExit(f"{path}: {len(prepared.rejected)} records rejected")
    return peak / MIB


def write_jsonl(path: Path, records: Any) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(path: Path, records: Any) -> None:
    """An analyst export: the record's text and list fields under their first Chinese header
    (config/columns/patent_columns.tsv), lists joined by ;."""
    headers = _export_headers()
    rows = iter(records)
    first: dict[str, Any] = next(rows)
    columns = [k for k, v in first.items() if isinstance(v, str | list) and k in headers]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([headers[column] for column in columns])
        for record in itertools.chain([first], rows):
            writer.writerow([_cell(record.get(column)) for column in columns])


def _export_headers() -> dict[str, str]:
    headers = {}
    for line in DEFAULT_COLUMNS.read_text(encoding="utf-8").splitlines():
        name, _, variants = line.partition("\t")
        if variants and not line.startswith("#"):
            headers[name] = variants.split("|")[0]
    return headers


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value if not isinstance(v, dict))
    return "" if value is None else str(value)

if __name__ == "__main__":
    main()
