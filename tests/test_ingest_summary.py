"""The ingest summary adds up (records read = loaded + rejected, problems counted apart) and
each rejection names its field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.conftest import SAMPLE_PATENTS


def test_the_summary_adds_up_and_names_fields(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPGRAPH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "200")
    lines = SAMPLE_PATENTS.read_text(encoding="utf-8").splitlines()[:8]
    records = [json.loads(line) for line in lines]
    for record in records[1::2]:
        record["title"] = ""
    (tmp_path / "kp.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    (tmp_path / "noise.jsonl").write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "kp.jsonl"), str(tmp_path / "noise.jsonl")]
    )
    output = result.output
    summary = re.search(r"records read (\d+), loaded (\d+), rejected (\d+); (\d+) problem", output)
    assert summary, output
    read, loaded, rejected, problems = map(int, summary.groups())
    assert (read, loaded, rejected) == (8, 4, 4) and read == loaded + rejected
    assert problems == 5 and "1 file(s) not read" in output
    assert output.count("[title]: String should have at least 1 character") == 4, output
