"""Bulk export memory: GET /api/v1/search/export on a real API server, reading every row of
queries with about 10k and 100k hits in NDJSON, CSV and XLSX, and the server process's peak
resident memory (VmHWM) for each: constant memory means the 100k peak is about the 10k peak.

    python3 bench/export.py --backend production --sizes 10000 100000
    python3 bench/export.py --backend embedded --workdir bench-data --sizes 1000 10000

Runs on the corpus `bench/search.py` loaded (index prefix `bench-`, or bench-data/embedded),
which must hold more documents than the largest size. Each (format, size) gets a fresh server,
so that each peak is its own; the hits are the patents filed from 2012-01-01 up to a date found
by bisection so that their number is the size asked for (or just above).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.search import _env, _free_port, _settings, _wait

FORMATS = ("ndjson", "csv", "xlsx")
FIRST_DAY = dt.date(2012, 1, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["embedded", "production"], default="production")
    parser.add_argument("--workdir", type=Path, default=Path("bench-data"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    args = parser.parse_args()
    env = {**os.environ, **_env(_settings(args.backend, args.workdir))}
    with _Server(env) as http:
        ranges = {size: _filing_range(http, size) for size in args.sizes}
    for export_format in args.formats:
        for size in args.sizes:
            with _Server(env) as http:
                print(
                    json.dumps(_export(http, env, export_format, ranges[size]), ensure_ascii=False)
                )


class _Server:
    """`python -m cli serve` on a free port; `pid` is the process whose memory is read."""

    def __init__(self, env: dict[str, str]) -> None:
        self._env = env
        self._port = _free_port()

    def __enter__(self) -> httpx.Client:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cli", "serve", "--port", str(self._port)],
            cwd=Path(__file__).resolve().parents[1],
            env=self._env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self._port}", timeout=600)
        _wait(self.http)
        self.http.headers["x-bench-pid"] = str(self.process.pid)
        return self.http

    def __exit__(self, *exc: object) -> None:
        self.http.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def _total(http: httpx.Client, to: dt.date) -> int:
    params = {"filing_from": FIRST_DAY.isoformat(), "filing_to": to.isoformat()}
    response = http.get("/api/v1/search", params={**params, "size": 1, "facets": False})
    return int(response.raise_for_status().json()["total"])


def _filing_range(http: httpx.Client, size: int) -> dict[str, str]:
    """The filing range from FIRST_DAY to the first day by which at least `size` were filed."""
    low, high = 0, (dt.date(2025, 1, 1) - FIRST_DAY).days
    if _total(http, FIRST_DAY + dt.timedelta(days=high)) < size:
        raise SystemExit(f"the bench corpus has fewer than {size} patents")
    while low < high:
        middle = (low + high) // 2
        if _total(http, FIRST_DAY + dt.timedelta(days=middle)) >= size:
            high = middle
        else:
            low = middle + 1
    to = FIRST_DAY + dt.timedelta(days=low)
    return {"filing_from": FIRST_DAY.isoformat(), "filing_to": to.isoformat()}


def _export(
    http: httpx.Client, env: dict[str, str], export_format: str, filing: dict[str, str]
) -> dict[str, object]:
    pid = int(http.headers["x-bench-pid"])
    expected = _total(http, dt.date.fromisoformat(filing["filing_to"]))  # warms the server up
    before = _memory_kb(pid)
    started = time.perf_counter()
    size, lines = 0, 0
    workbook = io.BytesIO()
    with http.stream(
        "GET", "/api/v1/search/export", params={**filing, "format": export_format}
    ) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
            if export_format == "xlsx":
                workbook.write(chunk)
    elapsed = time.perf_counter() - started
    after = _memory_kb(pid)
    return {
        "backend": env["IPGRAPH_BACKEND"],
        "format": export_format,
        "hits": expected,
        "rows": _rows(export_format, lines, workbook),
        "mb": round(size / 1e6, 1),
        "seconds": round(elapsed, 1),
        "hits_per_s": round(expected / elapsed),
        "rss_before_mb": round(before["VmRSS"] / 1024, 1),
        "peak_rss_mb": round(after["VmHWM"] / 1024, 1),
        "peak_minus_before_mb": round((after["VmHWM"] - before["VmRSS"]) / 1024, 1),
    }


def _rows(export_format: str, lines: int, workbook: io.BytesIO) -> int:
    if export_format == "xlsx":
        sheet = load_workbook(workbook, read_only=True)["hits"]
        return sum(1 for _ in sheet.iter_rows()) - 1
    return lines - 1 if export_format == "csv" else lines


def _memory_kb(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (the peak so far) of a process, in kB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


if __name__ == "__main__":
    main()
