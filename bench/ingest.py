"""End-to-end ingest throughput beside bare jieba segmentation of the same texts, in one run.

    python bench/ingest.py --backend embedded --records 2000 --workers 2 --json
    python bench/ingest.py --backend production --records 2000 --workers 2 --json

Generates full-size records with bench/corpus.py (title, abstract, whole claims and a
description of a few thousand characters) as JSONL files of `--file-records` each, written just
before ingest reads them and deleted after (a million records never sit on disk or in memory at
once; generating takes ~1% of the time and is not counted), times `ingest_paths` with
`--workers` processes into fresh stores (embedded: SQLite in a temporary folder; production:
the local Elasticsearch and Neo4j of `ipgraph services`, index prefix `bench-ingest-`, a Neo4j
database that is empty or already a bench/test scratch), then times bare `jieba.lcut_for_search`
on one core over the texts of the first `--jieba-sample` records (all of them for smaller runs),
the texts the pipeline segments. `--stop-at HH:MM` (UTC) stops cleanly after the file being
loaded at that time; the figures then count the records loaded. The machine's load average is
printed with the figures (rates are only comparable within one run). `--reconcile` then times
`reconcile_persons` over the loaded graph (after one run it changes nothing: it replays every
inventor mention and reads the graph; `reconcile_s`, `reconcile_persons`, `reconcile_changes`
join the figures). With --json the last line of stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import itertools
import json
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jieba

from bench.corpus import DEFAULT_DATA, generate
from config.settings import Backend, Settings
from graph.scratch import NotScratchError, claim_scratch_database, release_scratch_database
from ingest.pipeline import ingest_paths
from ingest.readers.source import file_sha256
from ingest.resolve.reconcile import reconcile_persons
from ingest.vocabularies import Vocabularies
from search.index.compile_common import ALL_FIELDS
from services.manager import local_services_settings
from stores.backends import Stores, build_neo4j_driver, for_ingest, open_stores

RECORDS_1M = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["embedded", "production"], default="embedded")
    parser.add_argument("--records", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="last stdout line: one JSON object")
    parser.add_argument("--profile", action="store_true", help="where the parent's time goes")
    parser.add_argument("--file-records", type=int, default=5_000)
    parser.add_argument("--jieba-sample", type=int, default=2_000)
    parser.add_argument("--stop-at", help="HH:MM UTC: stop after the file loading then")
    parser.add_argument("--keep", action="store_true", help="leave the loaded data in place")
    parser.add_argument(
        "--reconcile", action="store_true", help="then time `ipgraph persons reconcile`"
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ipgraph-bench-ingest-"))
    inputs = GeneratedInput(args, workdir)
    load_before = os.getloadavg()
    settings = _settings(args.backend, workdir)
    pipeline_s, loaded, profile, reconciled = _time_pipeline(settings, inputs, workdir, args)
    pipeline_s -= inputs.generating_s
    sample = segmented_texts(inputs.sample)
    bare_s = time_bare_jieba(sample)
    bare_chars_per_s = sum(len(t) for t in sample) / bare_s
    chars = inputs.chars_of(loaded)
    chars_per_s = chars / pipeline_s
    figures = {
        "backend": args.backend,
        "records": loaded,
        "workers": args.workers,
        "records_per_s": round(loaded / pipeline_s, 1),
        "chars_per_s": round(chars_per_s),
        "bare_jieba_chars_per_s": round(bare_chars_per_s),
        "ratio_vs_bare_jieba": round(chars_per_s / bare_chars_per_s, 3),
        "projected_1m_minutes": round(RECORDS_1M / (loaded / pipeline_s) / 60, 1),
        **reconciled,
    }
    print(
        f"{loaded} of {args.records} records loaded"
        + ("" if loaded == args.records else f" (stopped at {args.stop_at} UTC)")
        + f", {chars / 1e6:.1f} M characters segmented ({chars / max(loaded, 1):.0f} per "
        f"record); load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )
    print(f"pipeline ({args.backend}, {args.workers} workers): {pipeline_s:.1f} s")
    print(f"bare jieba.lcut_for_search, one core, {len(inputs.sample)} records: {bare_s:.1f} s")
    if profile:
        print(profile)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(figures)


class GeneratedInput:
    """The input files, each generated when ingest asks for it and deleted once it is read;
    keeps the first records for the bare-jieba timing and the characters per file."""

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self._records = generate(args.records, data_dir=args.data, full_size=True)
        self._total = args.records
        self._per_file = args.file_records
        self._sample_size = args.jieba_sample
        self._stop_at = _deadline(args.stop_at) if args.stop_at else None
        self._workdir = workdir
        self.sample: list[dict[str, Any]] = []
        self.generating_s = 0.0
        self._chars: list[tuple[int, int]] = []  # (records, characters) per file
        self.ranks: dict[str, int] = {}  # provenance prefix -> place, for reconcile_persons

    def paths(self) -> Iterator[Path]:
        made = 0
        previous: Path | None = None
        while made < self._total:
            if self._stop_at is not None and time.time() >= self._stop_at:
                break
            started = time.perf_counter()
            path = self._workdir / f"records-{made // self._per_file:05d}.jsonl"
            count = min(self._per_file, self._total - made)
            self._write(path, count)
            made += count
            self.generating_s += time.perf_counter() - started
            if previous is not None:
                previous.unlink(missing_ok=True)
            previous = path
            yield path
        if previous is not None:
            previous.unlink(missing_ok=True)

    def _write(self, path: Path, count: int) -> None:
        chars = 0
        with path.open("w", encoding="utf-8") as out:
            for record in itertools.islice(self._records, count):
                if len(self.sample) < self._sample_size:
                    self.sample.append(record)
                chars += sum(len(t) for t in segmented_texts([record]))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._chars.append((count, chars))
        self.ranks[file_sha256(path)[:16]] = len(self.ranks)

    def chars_of(self, loaded: int) -> int:
        """Characters of the first `loaded` records (whole files; a stopped run loads whole
        files, so `loaded` ends at a file boundary)."""
        total, counted = 0, 0
        for records, chars in self._chars:
            if counted >= loaded:
                break
            total += chars
            counted += records
        return total


def _deadline(clock: str) -> float:
    hours, minutes = (int(part) for part in clock.split(":"))
    now = dt.datetime.now(dt.UTC)
    at = now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    return (at if at > now else at + dt.timedelta(days=1)).timestamp()


def _time_pipeline(
    settings: Settings, inputs: GeneratedInput, workdir: Path, args: argparse.Namespace
) -> tuple[float, int, str, dict[str, Any]]:
    vocabularies = Vocabularies.load(settings)
    vocabularies.analyzer.words("预热")  # the dictionary loads outside the timing
    stores = open_stores(settings)
    profiler = cProfile.Profile()
    try:
        if args.backend == "production":
            _claim(settings)
            stores.graph.delete_all()
            stores.index.delete_all()
        started = time.perf_counter()
        _reset_progress()
        if args.profile:
            profiler.enable()
        report = ingest_paths(
            inputs.paths(),
            stores.graph,
            stores.index,
            workdir / "dead",
            vocabularies=vocabularies,
            workers=args.workers,
            on_file_done=_progress,
        )
        profiler.disable()
        elapsed = time.perf_counter() - started
        reconciled = _reconcile(stores, inputs) if args.reconcile else {}
        if args.backend == "production" and not args.keep:
            stores.graph.delete_all()
            stores.index.delete_all()
            with build_neo4j_driver(settings) as driver:
                release_scratch_database(driver, settings.neo4j_database)
    finally:
        stores.close()
    if not args.profile:
        return elapsed, report.records_loaded, "", reconciled
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(25)
    return elapsed, report.records_loaded, buffer.getvalue(), reconciled


def _reconcile(stores: Stores, inputs: GeneratedInput) -> dict[str, Any]:
    """`reconcile_persons` over what was loaded, in the files' order: after one run there is
    nothing to change (the replay makes the persons the run made), so this times the reads."""
    started = time.perf_counter()
    report = reconcile_persons(stores.graph, ranks=inputs.ranks)
    seconds = time.perf_counter() - started
    print(f"persons reconcile: {seconds:.1f} s, {report.summary}")
    return {
        "reconcile_s": round(seconds, 1),
        "reconcile_persons": report.persons,
        "reconcile_changes": report.merged + report.moved + report.updated,
    }


_progress_started = time.perf_counter()
_progress_loaded = 0


def _reset_progress() -> None:
    global _progress_started
    _progress_started = time.perf_counter()


def _progress(path: str, loaded: int) -> None:
    """One line per file on stderr: records so far, rate, load average (long runs)."""
    global _progress_loaded
    _progress_loaded += loaded
    elapsed = time.perf_counter() - _progress_started
    print(
        f"{dt.datetime.now(dt.UTC):%H:%M:%S} {_progress_loaded} records, "
        f"{_progress_loaded / elapsed:.1f}/s, load {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
        flush=True,
    )


def time_bare_jieba(texts: list[str]) -> float:
    """Seconds for bare `jieba.lcut_for_search` over `texts` on one core (dictionary loaded
    before the timing)."""
    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        jieba.lcut_for_search(text)
    return time.perf_counter() - started


def segmented_texts(records: list[dict[str, Any]]) -> list[str]:
    """What the index runs through jieba: each searched field of each record."""
    texts = []
    for record in records:
        for field in ALL_FIELDS:
            value = record.get(field, "")
            texts.append(" ".join(value) if isinstance(value, list) else str(value or ""))
    return texts


def _settings(backend: str, workdir: Path) -> Settings:
    if backend == "embedded":
        return Settings(backend=Backend.EMBEDDED, data_dir=workdir / "store")
    return for_ingest(
        local_services_settings(
            index_prefix="bench-ingest-", data_dir=workdir / "store", request_timeout_s=120
        )
    )


def _claim(settings: Settings) -> None:
    """The bench wipes the graph: only one that is empty or already a bench/test scratch."""
    with build_neo4j_driver(settings) as driver:
        try:
            claim_scratch_database(driver, settings.neo4j_database)
        except NotScratchError as exc:
            print(f"{exc.code}: {exc.message}", file=sys.stderr)
            raise SystemExit(2) from exc


if __name__ == "__main__":
    main()
