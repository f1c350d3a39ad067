"""SEP declarations: matching numbers as declarations write them, one entry per family,
portfolios, candidates and gaps; on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from domain.organizations import OrganizationAliases
from domain.standards import standard_id
from graph.analytics.sep import (
    Candidate,
    StandardGap,
    candidate_seps,
    declaration_gaps,
    declared_to,
    portfolio_by_standard,
)
from graph.model import EdgeType, NodeLabel
from ingest.errors import ErrorCode
from ingest.pipeline import ingest_paths
from ingest.sep import load_sep_declarations
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests import graph_fixture as fx
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores

SAMPLE_SEP = SAMPLE_PATENTS.with_name("sep_declarations.sample.csv")
FIXTURE_DECLARATIONS = f"""声明编号,声明公司,专利号,标准,版本,声明日期
D-1,{fx.B},CN1000002A,ETSI TS 138 211,17.4.0,2023-01-05
D-1,{fx.B},"US 1,000,004 B2",TS 38.212,17.4.0,2023-01-05
D-2,{fx.A1},CN1000003,3GPP TS 38.211,16.0.0,2022年12月1日
"""


@pytest.fixture(params=BACKENDS)
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    with backend_stores(request, tmp_path / "data", "test-sep-") as opened:
        yield opened


def _load_fixture(stores: Stores, tmp_path: Path) -> None:
    fx.load(stores.graph)
    declarations = tmp_path / "declarations.csv"
    declarations.write_text(FIXTURE_DECLARATIONS, encoding="utf-8")
    report = load_sep_declarations(declarations, stores.graph, OrganizationAliases())
    assert report.matched == {"exact": 2, "kind_code": 1} and report.rejected == []


def test_standard_names_are_unified() -> None:
    assert standard_id("ETSI TS 138 214") == "3GPP TS 38.214"
    assert standard_id("TS 36.213") == "3GPP TS 36.213"
    assert standard_id("3GPP TS 38.300") == "3GPP TS 38.300"


def test_queries_on_the_fixture(stores: Stores, tmp_path: Path) -> None:
    _load_fixture(stores, tmp_path)
    graph = stores.graph
    declared = declared_to(graph, "3GPP TS 38.211")
    assert [(f.family, f.declarants) for f in declared] == [
        ("CN1000002A", [fx.B]),
        ("CN1000003U", [fx.A1]),
    ]
    assert declared[0].legal_status == {"CN1000002A": "valid"}
    by_standard = portfolio_by_standard(graph, [fx.B])
    assert {s: [f.members for f in fams] for s, fams in by_standard.items()} == {
        "3GPP TS 38.211": [["CN1000002A"]],
        "3GPP TS 38.212": [["US1000004B2"]],
    }
    group = [fx.A1, fx.GROUP]
    # P1 names 3GPP TS 38.211 in its claims and nobody declared it; P3 is declared.
    assert candidate_seps(graph, group) == [Candidate("CN1000001A", fx.STANDARD, "claims", 3)]
    assert candidate_seps(graph, [fx.B]) == []  # P2 names the standard and is declared
    assert declaration_gaps(graph, group, [fx.B]) == [StandardGap("3GPP TS 38.212", 1, 1)]
    assert declaration_gaps(graph, [fx.B], group) == []


def test_sample_declarations_match_through_aliases_and_families(
    stores: Stores, tmp_path: Path
) -> None:
    resolution = SAMPLE_PATENTS.with_name("resolution.sample.jsonl")
    ingest_paths([SAMPLE_PATENTS, resolution], stores.graph, stores.index, tmp_path)
    report = load_sep_declarations(SAMPLE_SEP, stores.graph, OrganizationAliases.load())
    assert report.matched == {"exact": 3, "kind_code": 2, "application": 1, "unmatched": 1}
    [unmatched] = report.unmatched
    assert unmatched.code is ErrorCode.SEP_UNMATCHED and unmatched.record == 8
    [rejected] = report.rejected
    assert rejected.record == 9 and rejected.field == "patent_number"
    # The CN first filing and its US and EP members are one family, declared by Huawei.
    [family] = declared_to(stores.graph, "3GPP TS 38.214")
    assert family.family == "priority:CN202210000004.4"
    assert family.members == ["CN115000004A", "EP4000004A1", "US20230000004A1"]
    assert family.declarants == ["华为技术有限公司"]
    # Declared under its former name, 中国移动通信集团公司 is the current company.
    mobile = portfolio_by_standard(stores.graph, ["中国移动通信集团有限公司"])
    assert [f.members for f in mobile["3GPP TS 38.300"]] == [["CN115000013A"], ["CN116999999A"]]
    assert mobile["3GPP TS 38.300"][1].unmatched == ["CN116999999A"]
    stub = stores.graph.get_node(NodeLabel.PATENT, "CN116999999A")
    assert stub is not None and stub.props["stub"] is True
    before = stores.graph.counts()
    load_sep_declarations(SAMPLE_SEP, stores.graph, OrganizationAliases.load())
    assert stores.graph.counts() == before
    assert before.edges[EdgeType.DECLARED_ESSENTIAL.value] == 7


def test_sep_endpoints(tmp_path: Path) -> None:
    opened = open_stores(Settings(data_dir=tmp_path / "api"))
    try:
        _load_fixture(opened, tmp_path)
        with TestClient(create_app(stores=opened)) as client:
            declared = client.get("/api/v1/graph/sep/standards/ETSI TS 138 211").json()
            assert declared["standard"] == "3GPP TS 38.211"
            assert [f["family"] for f in declared["families"]] == ["CN1000002A", "CN1000003U"]
            candidates = client.get(
                "/api/v1/graph/sep/candidates", params={"organization": fx.GROUP}
            ).json()
            assert [c["patent"] for c in candidates["candidates"]] == ["CN1000001A"]
            gaps = client.get(
                "/api/v1/graph/sep/gaps", params={"ours": fx.GROUP, "theirs": fx.B}
            ).json()
            assert gaps["gaps"] == [
                {"standard": "3GPP TS 38.212", "their_declarations": 1, "their_families": 1}
            ]
            portfolio = client.get(
                "/api/v1/graph/sep/portfolio", params={"organization": fx.B}
            ).json()
            assert sorted(portfolio["standards"]) == ["3GPP TS 38.211", "3GPP TS 38.212"]
    finally:
        opened.close()
