"""Due diligence on a portfolio whose every risk is known in advance (the samples: patents,
contracts, registers), on both backends; roles and the audit log over HTTP; the PDF rendered,
rasterised and read back."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pdfminer.high_level import extract_text

from config.settings import Settings
from domain.organizations import OrganizationAliases
from graph.analytics.due_diligence import RiskFlag, due_diligence
from graph.model import Direction, EdgeType, NodeLabel
from ingest.pipeline import ingest_paths
from ingest.registers import load_register
from search_api.app import create_app
from search_api.reports.render import report_pdf
from stores.backends import Stores, open_stores
from tests.conftest import (
    BACKENDS,
    REQUIRE_SERVERS,
    SAMPLE_PATENTS,
    api_key,
    backend_stores,
)

SAMPLES = SAMPLE_PATENTS.parent
CATL = "宁德时代新能源科技股份有限公司"
AS_OF = dt.date(2025, 6, 1)
SECRET = f"{CATL}/电池热失控多信号融合预警算法"


def load_everything(stores: Stores, dead: Path) -> set[str]:
    """Samples, contracts and registers; returns the patents ingest touched."""
    report = ingest_paths(
        [SAMPLE_PATENTS, SAMPLES / "resolution.sample.jsonl", SAMPLES / "contracts"],
        stores.graph,
        stores.index,
        dead,
    )
    assert report.errors == []
    aliases = OrganizationAliases.load()
    for kind, name in (("secrets", "trade_secrets"), ("people", "people"), ("cases", "cases")):
        loaded = load_register(
            kind, SAMPLES / "registers" / f"{name}.sample.csv", stores.graph, aliases
        )
        assert loaded.problems == [] and loaded.loaded == loaded.rows
    return report.patent_ids


@pytest.fixture(scope="module", params=BACKENDS)
def stores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stores]:
    workdir = tmp_path_factory.mktemp("dd")
    with backend_stores(request, workdir, "test-dd-") as opened:
        load_everything(opened, workdir / "dead")
        yield opened


def test_every_known_risk_is_flagged_with_its_evidence(stores: Stores) -> None:
    report = due_diligence(stores.graph, CATL, as_of=AS_OF, confidential=True)
    by_code: dict[str, list[RiskFlag]] = {}
    for flag in report.flags:
        by_code.setdefault(flag.code, []).append(flag)
    assert sorted((f.severity, f.code) for f in report.flags) == sorted(
        [
            ("high", "DISPUTE_PENDING"),  # invalidation of CN115000001A, pending
            ("high", "EXCLUSIVE_LICENSE_OUT"),  # CN115000001A to BYD, amended to 2028-02-29
            ("high", "EXCLUSIVE_LICENSE_OUT"),  # CN115000014A, same licence
            ("high", "KEY_INVENTOR_LEFT"),  # 李娜 left 2025-03-01, no non-compete
            ("high", "SECRET_ACCESS_LEFT"),  # ... with access to two secrets
            ("medium", "KEY_INVENTOR_LEFT"),  # 王强 left 2024-06-30, bound until 2026-06-30
            ("medium", "SECRET_ACCESS_LEFT"),  # ... with access to the core secret
            ("medium", "CO_OWNED"),  # CN115000014A with 清华大学
            ("low", "TRANSFERRED_IN"),  # CN115000104A, application transfer from 清华大学
        ]
    )
    assert report.score == 100 - 5 * 15 - 3 * 5 - 2
    [dispute] = by_code["DISPUTE_PENDING"]
    assert [(e.type, e.source, e.target) for e in dispute.evidence] == [
        ("CONCERNS", "SAMPLE-4W112233", "CN115000001A")
    ]
    licence = next(f for f in by_code["EXCLUSIVE_LICENSE_OUT"] if "CN115000001A" in f.reason)
    [edge] = licence.evidence
    assert (edge.type, edge.target) == ("LICENSED_TO", "比亚迪股份有限公司")
    assert edge.properties["end"] == "2028-02-29"
    assert edge.properties["amended_by"] == "SAMPLE-LIC-2023-001-S1"
    assert edge.documents  # the contract file it was read from
    left = next(f for f in by_code["SECRET_ACCESS_LEFT"] if f.severity == "high")
    assert {e.target for e in left.evidence if e.type == "HAS_ACCESS"} == {
        SECRET,
        f"{CATL}/电芯化成工艺参数",
    }
    assert report.ownership["co_owned"] == [{"patent": "CN115000014A", "with": ["清华大学"]}]
    assert [e.source for e in report.encumbrances["transfers_in"]] == ["CN115000104A"]
    assert report.trade_secrets is not None
    assert {s["grade"] for s in report.trade_secrets} == {"core", "important"}
    wang = next(i for i in report.inventors if i.name == "王强")
    assert (wang.left_on, wang.non_compete_until, wang.secrets) == (
        "2024-06-30",
        "2026-06-30",
        [SECRET],
    )


def test_a_patent_transferred_to_the_target_is_its_own_and_inventors_are_listed_once(
    stores: Stores,
) -> None:
    report = due_diligence(stores.graph, CATL, as_of=AS_OF, confidential=True)
    # CN115000104A: filed by 清华大学, assigned to the target by SAMPLE-TR-2023-003
    assert "CN115000104A" in report.ownership["sole"]
    assert report.assets["patents"] == 4
    [transfer_in] = report.encumbrances["transfers_in"]
    assert (transfer_in.source, transfer_in.target) == ("CN115000104A", "清华大学")
    assert transfer_in.target != CATL
    names = [i.name for i in report.inventors]
    assert names.count("张伟") == 1
    zhang = next(i for i in report.inventors if i.name == "张伟")
    assert zhang.patents == 3
    before = due_diligence(stores.graph, CATL, as_of=dt.date(2023, 5, 1), confidential=True)
    assert "CN115000104A" not in before.ownership["sole"]


def test_without_confidential_access_no_people_or_secrets(stores: Stores) -> None:
    report = due_diligence(stores.graph, CATL, as_of=AS_OF, confidential=False)
    assert {f.code for f in report.flags} == {
        "DISPUTE_PENDING",
        "EXCLUSIVE_LICENSE_OUT",
        "CO_OWNED",
        "TRANSFERRED_IN",
    }
    assert report.trade_secrets is None
    assert all(i.left_on is None and i.secrets == [] for i in report.inventors)


def test_another_target_with_one_dependency(stores: Stores) -> None:
    # 中国商飞: its patent went into a company as capital (a transfer out, no risk to a buyer),
    # and it takes an exclusive licence on 大疆's ZL 2021 1 0123456.7 (the hard-case contract).
    report = due_diligence(stores.graph, "中国商用飞机有限责任公司", as_of=AS_OF)
    assert [(f.severity, f.code) for f in report.flags] == [("medium", "LICENSES_TAKEN")]
    assert report.score == 95
    [taken] = report.flags[0].evidence
    assert (taken.source, taken.properties["exclusivity"]) == ("CN202110123456.7", "exclusive")
    assert [e.target for e in report.encumbrances["transfers_out"]] == ["上海商飞复材科技有限公司"]


@pytest.fixture(scope="module")
def api(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[TestClient, Settings, dict[str, dict[str, str]]]]:
    workdir = tmp_path_factory.mktemp("dd-api")
    settings = Settings(data_dir=workdir)
    keys = {
        role: api_key(settings, role, name=f"{role}-user") for role in ("portal", "analyst", "dd")
    }
    opened = open_stores(settings)
    load_everything(opened, workdir / "dead")
    with TestClient(create_app(settings, stores=opened)) as client:
        yield client, settings, keys
    opened.close()


def test_roles_and_audit(api: tuple[TestClient, Settings, dict[str, dict[str, str]]]) -> None:
    client, settings, keys = api
    url = "/api/v1/due-diligence/宁德时代"
    assert client.get(url).status_code == 403
    assert client.get(url, headers=keys["portal"]).json()["code"] == "FORBIDDEN"
    analyst = client.get(url, params={"as_of": "2025-06-01"}, headers=keys["analyst"]).json()
    assert analyst["trade_secrets"] is None and analyst["confidential"] is False
    full = client.get(url, params={"as_of": "2025-06-01"}, headers=keys["dd"]).json()
    assert full["score"] == 8 and len(full["trade_secrets"]) == 2
    audit = [json.loads(line) for line in settings.audit_log.read_text().splitlines()]
    assert [(a["who"], a["organization"], a["confidential"]) for a in audit][-2:] == [
        ("analyst-user", CATL, False),
        ("dd-user", CATL, True),
    ]
    assert all(a["action"] == "due_diligence" and a["at"] for a in audit)


def test_a_portal_key_never_sees_trade_secrets(
    api: tuple[TestClient, Settings, dict[str, dict[str, str]]],
) -> None:
    client, _, keys = api
    portal, dd = keys["portal"], keys["dd"]
    # Search: the trade-secret licence and the non-compete are confidential contracts.
    for query in ("加氢脱硫催化剂", "竞业限制", "电池热失控多信号融合预警算法"):
        hits = client.get("/api/v1/search", params={"q": query}, headers=portal).json()["hits"]
        assert all(h["patent"]["asset_kind"] != "contract_confidential" for h in hits), query
        assert {"SAMPLE-TS-2023-005", "SAMPLE-NC-2022-031"}.isdisjoint(h["id"] for h in hits)
    secret_hits = client.get("/api/v1/search", params={"q": "加氢脱硫催化剂"}, headers=dd).json()
    assert "SAMPLE-TS-2023-005" in {h["id"] for h in secret_hits["hits"]}
    # Entities: confidential contracts are not found; the person page hides register records.
    assert client.get("/api/v1/contracts/SAMPLE-TS-2023-005", headers=portal).status_code == 404
    assert client.get("/api/v1/contracts/SAMPLE-TS-2023-005", headers=dd).status_code == 200
    person = client.get(f"/api/v1/persons/王强@{CATL}", headers=portal).json()
    assert "confidential_records" not in person["properties"]
    # Paths and neighbourhoods: no link to a trade secret, no employment or access edge.
    around = client.get(
        "/api/v1/graph/neighbors", params={"node": f"王强@{CATL}", "depth": 2}, headers=portal
    ).json()
    assert all(n["label"] != "TradeSecret" for n in around["nodes"])
    assert {e["type"] for e in around["edges"]}.isdisjoint(
        {"HAS_ACCESS", "EMPLOYED_BY", "NON_COMPETE", "PERSON_PARTY_TO", "COVERS_TRADE_SECRET"}
    )
    hidden = client.get(
        "/api/v1/graph/paths",
        params={"from": f"王强@{CATL}", "to": SECRET, "to_label": "TradeSecret"},
        headers=portal,
    )
    assert hidden.status_code == 404  # a portal key cannot even name the secret
    seen = client.get(
        "/api/v1/graph/paths",
        params={"from": f"王强@{CATL}", "to": SECRET, "to_label": "TradeSecret"},
        headers=dd,
    ).json()
    assert seen["paths"] and seen["paths"][0]["edges"][0]["type"] == "HAS_ACCESS"


def _system_tools() -> str:
    """pdftoppm and a Chinese font come from Debian (.ci/run installs them): without them the
    test skips on a developer machine and fails in CI, like the server tests."""
    pdftoppm, fc_list = shutil.which("pdftoppm"), shutil.which("fc-list")
    fonts = (
        subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, check=False).stdout
        if fc_list
        else ""
    )
    if pdftoppm is None or not fonts.strip():
        message = (
            "needs poppler-utils and a Chinese font "
            "(apt-get install poppler-utils fonts-wqy-microhei)"
        )
        if REQUIRE_SERVERS:
            pytest.fail(message)
        pytest.skip(message)
    return pdftoppm


def test_pdf_report_renders_chinese(stores: Stores, tmp_path: Path) -> None:
    pdftoppm = _system_tools()
    report = due_diligence(stores.graph, CATL, as_of=AS_OF, confidential=True)
    pdf = tmp_path / "due-diligence.pdf"
    pdf.write_bytes(report_pdf(report, CATL))
    text = extract_text(str(pdf))
    assert "知识产权尽职调查报告" in text and "宁德时代" in text and "风险提示" in text
    subprocess.run(
        [pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    [page] = list(tmp_path.glob("page*.png"))
    assert page.stat().st_size > 10_000  # a rendered page, not an empty raster


def test_registers_read_json_and_reject_rows_by_name(tmp_path: Path) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps(
            [
                {
                    "案号": "SAMPLE-1",
                    "案件类型": "专利侵权纠纷",
                    "状态": "审理中",
                    "涉案专利": "CN115000001A；CN999",
                    "原告": "比亚迪",
                },
                {"案件类型": "无效宣告请求", "涉案专利": "CN115000002A"},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, tmp_path / "dead")
        report = load_register("cases", cases, stores.graph, OrganizationAliases.load())
        case = stores.graph.get_node(NodeLabel.CASE, "SAMPLE-1")
        concerned = stores.graph.neighbours(EdgeType.CONCERNS, "SAMPLE-1", Direction.OUT)
        plaintiffs = stores.graph.neighbours(EdgeType.PLAINTIFF, "SAMPLE-1", Direction.IN)
    finally:
        stores.close()
    assert (report.rows, report.loaded) == (2, 1)
    [problem] = report.problems
    assert (problem.file, problem.record, problem.field) == (str(cases), 2, "case_number")
    assert case is not None and (case.props["type"], case.props["status"]) == (
        "infringement",
        "pending",
    )
    # The unknown number is kept as a stub, never dropped; 比亚迪 resolves to the company.
    assert [n.id for n in concerned] == ["CN115000001A", "CN999"]
    assert [n.id for n in plaintiffs] == ["比亚迪股份有限公司"]
