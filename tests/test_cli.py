"""The `ipgraph` command as a user runs it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from config.settings import Settings
from graph.model import Direction, EdgeType
from graph.store import GraphStore
from ingest.contracts.model import ContractExtraction
from ingest.records import PatentRecord
from stores.backends import open_stores
from tests.conftest import SAMPLE_PATENTS

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_extract_json_lists_entities_with_provenance() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE_PATENTS), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["encoding"] == "utf-8" and body["problems"] == []
    first = body["records"][0]
    assert first["patent"]["id"] == "CN115000001A"
    assert first["patent"]["kind"] == "invention"
    assert first["patent"]["source"] == f"{body['sha256'][:16]}#1"
    assert [o["name"] for o in first["organizations"]] == ["宁德时代新能源科技股份有限公司"]
    assert {e["type"] for e in first["edges"]} == {
        "APPLICANT_OF",
        "OWNS",
        "INVENTOR_OF",
        "CLASSIFIED_AS",
        "EXTRACTED_FROM",
        "PARENT",
    }
    ipc = {node["id"]: node["level"] for node in first["ipc"]}
    assert ipc["H01M10/48"] == "subgroup" and ipc["H01M10/00"] == "main_group"
    assert (ipc["H01M"], ipc["H01"], ipc["H"]) == ("subclass", "class", "section")
    assert "热失控" in first["title_tokens"]
    document = runner.invoke(
        app, ["extract", str(SAMPLE_PATENTS.parent / "CN115000004A.sample.txt"), "--json"]
    )
    [record] = json.loads(document.stdout)["records"]
    entities = record["entities"]
    assert {e["normalized"] for e in entities} >= {"3GPP TS 38.214", "CN110000001A"}
    assert all(e["document"] == record["patent"]["source"] for e in entities)


def test_extract_reports_coded_problems_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "无编号的专利"}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad), "--json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["code"] == "INGEST_RECORD_MISSING_NUMBER"
    assert (problem["file"], problem["record"], problem["field"]) == (
        str(bad),
        1,
        "publication_number",
    )


def test_ingest_exit_code_reflects_rejected_records(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    env = {"IPGRAPH_DATA_DIR": str(tmp_path / "data")}
    assert runner.invoke(app, ["ingest", str(SAMPLE_PATENTS)], env=env).exit_code == 0
    result = runner.invoke(app, ["ingest", str(bad)], env=env)
    assert result.exit_code == 1
    assert "INGEST_JSON_MALFORMED" in result.output


def test_extract_contract_json_has_fields_with_evidence() -> None:
    contract_file = SAMPLE_PATENTS.parent / "contracts" / "license_exclusive.sample.txt"
    result = runner.invoke(app, ["extract", str(contract_file), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    contract = ContractExtraction.model_validate(body["contract"])
    text = contract_file.read_text(encoding="utf-8")
    [licensor, licensee] = contract.parties
    assert (licensor.role, licensee.role) == ("licensor", "licensee")
    assert text[licensee.evidence.start : licensee.evidence.end] == "比亚迪股份有限公司"
    licensed = [e for e in body["edges"] if e["type"] == "LICENSED_TO"]
    assert {(e["from"], e["to"], e["exclusivity"]) for e in licensed} == {
        ("CN115000001A", "比亚迪股份有限公司", "exclusive"),
        ("CN202210000014.8", "比亚迪股份有限公司", "exclusive"),
    }


def test_published_contract_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "contract.schema.json").read_text(encoding="utf-8"))
    assert published == ContractExtraction.model_json_schema(), (
        "run: ipgraph schema contract > docs/contract.schema.json"
    )


def test_published_record_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))
    assert published == PatentRecord.model_json_schema(), (
        "run: ipgraph schema > docs/record.schema.json"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_readme_serve_command_answers_a_chinese_query(tmp_path: Path) -> None:
    """`ipgraph serve --with-sample` in a fresh folder, queried over real HTTP."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPGRAPH_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--with-sample", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = _get_json(
            f"http://127.0.0.1:{port}/api/v1/search?q=%E9%94%82%E7%A6%BB%E5%AD%90%E7%94%B5%E6%B1%A0",
            server,
        )
        assert body["total"] >= 2
        assert any("<em>锂离子电池</em>" in h["highlights"].get("title", "") for h in body["hits"])
        assert (tmp_path / "ipgraph-data" / "graph.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get_json(url: str, server: subprocess.Popen[bytes]) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"server exited: {server.stdout.read().decode() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                result: dict[str, object] = json.load(response)
                return result
        except OSError:
            time.sleep(0.5)
    pytest.fail("server did not answer within 60 s")


def test_docker_compose_runs_the_versions_that_services_up_runs() -> None:
    from services.elasticsearch import VERSION as ES_VERSION
    from services.neo4j import VERSION as NEO4J_VERSION

    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert f"elasticsearch/elasticsearch:{ES_VERSION}\n" in compose
    assert f"neo4j:{NEO4J_VERSION}-community\n" in compose
    assert compose.count("condition: service_healthy") == 2


def test_format_option_reads_a_file_whatever_its_suffix(tmp_path: Path) -> None:
    export = tmp_path / "导出结果.dat"
    export.write_bytes((SAMPLE_PATENTS.parent / "export.sample.csv").read_bytes())
    env = {"IPGRAPH_DATA_DIR": str(tmp_path / "data")}
    refused = runner.invoke(app, ["ingest", "--dry-run", str(export)], env=env)
    assert refused.exit_code == 1 and "INGEST_FORMAT_UNSUPPORTED" in refused.output
    accepted = runner.invoke(app, ["ingest", "--dry-run", "--format", "csv", str(export)], env=env)
    assert accepted.exit_code == 0, accepted.output
    assert "14 records would load" in " ".join(accepted.output.split())  # rich wraps lines


def test_format_choices_match_the_readers() -> None:
    from cli.main import InputFormat
    from ingest.readers import FORMATS

    assert {f.value for f in InputFormat} == {"auto", *FORMATS}


def test_aggregates_rebuild_recomputes_what_ingest_maintained(tmp_path: Path) -> None:
    env = {"IPGRAPH_DATA_DIR": str(tmp_path / "data")}
    assert runner.invoke(app, ["ingest", str(SAMPLE_PATENTS)], env=env).exit_code == 0
    settings = Settings(data_dir=tmp_path / "data")
    with open_stores(settings) as stores:
        orgs = _organisations(stores.graph)
        maintained = stores.graph.org_ipc_counts(orgs)
        assert maintained and maintained == stores.graph.ipc_profiles(orgs)
    result = runner.invoke(app, ["aggregates", "rebuild"], env=env)
    assert result.exit_code == 0, result.output
    assert f"organisation IPC profile rows: {len(maintained):,}" in result.output
    with open_stores(settings) as stores:
        assert stores.graph.org_ipc_counts(orgs) == maintained


def _organisations(graph: GraphStore) -> list[str]:
    """Every applicant of the sample, read through the store's own primitives."""
    records = [json.loads(line) for line in SAMPLE_PATENTS.read_text("utf-8").splitlines()]
    patents = [graph.find_patent(r["publication_number"]) for r in records]
    return sorted(
        {
            n.id
            for p in patents
            if p is not None
            for n in graph.neighbours(EdgeType.APPLICANT_OF, p.id, Direction.IN)
        }
    )
