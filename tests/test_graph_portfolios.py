"""Competitors, head-to-head, white space, links and KPIs on the fixture graph (answers worked
out by hand in the comments), on both backends; and the API over them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from graph.analytics.kpis import group_kpis, kpis
from graph.analytics.portfolios import (
    SEEK_ALL_CODES,
    TAIL_NORM,
    SharedCode,
    competitors,
    head_to_head,
    links_between,
    seek_codes,
    white_space,
)
from graph.groups import group_members
from ingest.pipeline import ingest_paths
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests import graph_fixture as fx
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores


@pytest.fixture(scope="module", params=BACKENDS)
def stores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stores]:
    with backend_stores(
        request, tmp_path_factory.mktemp("portfolios"), "test-portfolios-"
    ) as opened:
        fx.load(opened.graph)
        yield opened


def test_group_members(stores: Stores) -> None:
    # the organisation first, then its subsidiaries
    assert group_members(stores.graph, fx.GROUP, with_subsidiaries=True) == [fx.GROUP, fx.A1]
    assert group_members(stores.graph, fx.GROUP, with_subsidiaries=False) == [fx.GROUP]


def test_seek_codes_of_a_giant_leave_out_a_light_tail() -> None:
    small = Counter({f"H04W{n}/00": n + 1 for n in range(SEEK_ALL_CODES)})
    assert seek_codes(small) == sorted(small)  # every code of an ordinary profile
    # A giant: 40 heavy codes, 4,000 codes with one or two patents.
    giant = Counter({f"H01M{n}/00": 600 + n for n in range(40)})
    giant.update({f"G06F{n}/{n % 7:02d}": 1 + n % 2 for n in range(4000)})
    seek = seek_codes(giant)
    assert SEEK_ALL_CODES <= len(seek) < len(giant) and seek == sorted(seek)
    assert all(f"H01M{n}/00" in seek for n in range(40))
    left_out = [c for c in giant if c not in seek]
    assert max(giant[c] for c in left_out) <= min(giant[c] for c in seek)
    # The bound the rule promises: a rival filing only in the codes left out (any counts)
    # has a cosine of at most TAIL_NORM with the giant.
    tail = math.sqrt(sum(giant[c] ** 2 for c in left_out))
    assert tail <= TAIL_NORM * math.sqrt(sum(n * n for n in giant.values()))
    rival = {c: 3 + len(c) % 5 for c in left_out}
    dot = sum(giant[c] * n for c, n in rival.items())
    norm = math.sqrt(sum(n * n for n in giant.values())) * math.sqrt(
        sum(n * n for n in rival.values())
    )
    assert dot / norm <= TAIL_NORM


def test_competitors_by_ipc_cosine(stores: Stores) -> None:
    # Group A files P1 (H04W72/04, H04L5/00) and P3 (H04W72/04): vector (2, 1).
    # B files P2, P3 (H04W72/04) and P4 (H04L5/00): vector (2, 1): cosine 1.
    # C files only G06F16/36: shares no code, so it is no candidate.
    ours = group_members(stores.graph, fx.GROUP, with_subsidiaries=True)
    [rival] = competitors(stores.graph, ours)
    assert (rival.org, rival.similarity, rival.shared_patents) == (fx.B, pytest.approx(1.0), 3)
    assert rival.shared_codes == [SharedCode("H04W72/04", 2, 2), SharedCode("H04L5/00", 1, 1)]
    # From C's side there is nobody: no one else files in G06F16/36.
    assert competitors(stores.graph, [fx.C]) == []
    # An organisation without patents has no profile and so no competitors.
    assert competitors(stores.graph, [fx.GROUP]) == []


def test_head_to_head_and_white_space(stores: Stores) -> None:
    ours = group_members(stores.graph, fx.GROUP, with_subsidiaries=True)
    left, right = head_to_head(stores.graph, ours, [fx.B], "H04W")
    assert (left.patents, left.by_kind) == (2, {"invention": 1, "utility_model": 1})
    assert (right.patents, right.by_year) == (2, {"2020": 2})
    assert [(g.code, g.theirs) for g in white_space(stores.graph, ours, [fx.C])] == [("G06F", 1)]
    assert white_space(stores.graph, ours, [fx.B]) == []


def test_links_between_a_group_and_a_company(stores: Stores) -> None:
    ours = group_members(stores.graph, fx.GROUP, with_subsidiaries=True)
    found = links_between(stores.graph, ours, [fx.B])
    assert found.co_owned == ["CN1000003U"]
    assert found.contracts == [fx.CONTRACT]
    assert found.shared_inventors == [fx.PERSON]
    assert [(c.src.id, c.dst.id) for c in found.citations] == [("US1000004B2", "CN1000001A")]
    assert found.standards == [fx.STANDARD]
    nothing = links_between(stores.graph, ours, [fx.C])
    assert (nothing.co_owned, nothing.contracts, nothing.citations) == ([], [], [])


def test_group_kpis(stores: Stores) -> None:
    # The group: P1 (valid invention, 2019) and P3 (valid utility model, 2020): share 1/2.
    result = group_kpis(stores.graph, fx.GROUP)
    group = result.group
    assert (group.patents, group.valid, group.valid_inventions) == (2, 2, 1)
    assert group.invention_share == 0.5 and group.meets_invention_target is True
    assert group.filings_by_year == {"2019": {"invention": 1}, "2020": {"utility_model": 1}}
    assert group.madrid_registrations is None
    assert [(m.org, m.patents) for m in result.members] == [(fx.A1, 2), (fx.GROUP, 0)]
    assert result.members[1].invention_share is None
    # B alone: P2, P4 valid inventions, P3 a valid utility model; P4 is valid in the US.
    b = group_kpis(stores.graph, fx.B).group
    assert b.invention_share == pytest.approx(2 / 3)
    assert b.valid_abroad == {"US": 1, "JP": 0, "EU": 0}
    assert b.by_grade == {"ungraded": 3}


def test_group_kpis_from_store_counts_equal_the_ledger_path(stores: Stores) -> None:
    """Without OWNS edges the KPIs come from counts grouped in the store; they equal the
    per-patent figures of the ledger path (which answers with an as_of day)."""
    orgs = group_members(stores.graph, fx.GROUP, with_subsidiaries=True)
    facts = stores.graph.portfolio(orgs)
    result = group_kpis(stores.graph, fx.GROUP)
    assert result.group == kpis(fx.GROUP, list({f.id: f for f in facts}.values()))
    assert result.members == [kpis(o, [f for f in facts if f.owner == o]) for o in sorted(orgs)]
    on_day = group_kpis(stores.graph, fx.GROUP, as_of=date(2030, 1, 1))
    assert on_day.group.patents == result.group.patents


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    opened = open_stores(Settings(data_dir=tmp_path_factory.mktemp("portfolio-api")))
    fx.load(opened.graph)
    with TestClient(create_app(stores=opened)) as test_client:
        yield test_client
    opened.close()


def test_portfolio_endpoints(client: TestClient) -> None:
    ranked = client.get("/api/v1/graph/competitors", params={"organization": fx.GROUP}).json()
    assert ranked["members"] == [fx.GROUP, fx.A1]  # the organisation first
    assert [c["organization"]["id"] for c in ranked["competitors"]] == [fx.B]
    # P4 (B's) cites P1 (A1's): the citation flow explains the rival and lists B as a partner.
    assert (ranked["competitors"][0]["cites_them"], ranked["competitors"][0]["cited_by_them"]) == (
        0,
        1,
    )
    assert [
        (p["organization"]["id"], p["cites_them"], p["cited_by_them"])
        for p in ranked["citation_partners"]
    ] == [(fx.B, 0, 1)]
    alone = client.get("/api/v1/graph/competitors", params={"organization": fx.C}).json()
    assert alone["competitors"] == [] and alone["citation_partners"] == []
    duel = client.get(
        "/api/v1/graph/head-to-head", params={"ours": fx.GROUP, "theirs": fx.C, "ipc": "g06f"}
    ).json()
    assert (duel["field"], duel["ours"]["patents"], duel["theirs"]["patents"]) == ("G06F", 0, 1)
    assert duel["white_space"] == [{"code": "G06F", "ours": 0, "theirs": 1}]
    links = client.get("/api/v1/graph/links", params={"a": fx.GROUP, "b": fx.B}).json()
    assert links["co_owned"] == ["CN1000003U"] and links["contracts"] == [fx.CONTRACT]
    kpis = client.get("/api/v1/graph/kpis", params={"organization": fx.GROUP}).json()
    assert kpis["group"]["invention_share"] == 0.5
    bad = client.get(
        "/api/v1/graph/head-to-head", params={"ours": fx.GROUP, "theirs": fx.B, "ipc": "电池"}
    )
    assert bad.status_code == 400 and bad.json()["code"] == "IPC_PREFIX_INVALID"


def test_head_to_head_by_keyword_counts_what_search_finds(tmp_path: Path) -> None:
    opened = open_stores(Settings(data_dir=tmp_path))
    try:
        ingest_paths([SAMPLE_PATENTS], opened.graph, opened.index, tmp_path / "dead")
        with TestClient(create_app(stores=opened)) as api:
            duel = api.get(
                "/api/v1/graph/head-to-head",
                params={
                    "ours": "宁德时代",
                    "theirs": "比亚迪",
                    "q": "电池",
                    "with_subsidiaries": False,
                },
            ).json()
            for side, org in (("ours", "宁德时代"), ("theirs", "比亚迪")):
                found = api.get("/api/v1/search", params={"q": "电池", "applicant": org}).json()
                assert duel[side]["patents"] == found["total"] > 0
            # CATL's two battery patents: one granted (valid), one pending.
            assert duel["ours"] == {
                "patents": 2,
                "valid": 1,
                "by_kind": {"invention": 2},
                "by_year": {"2022": 2},
            }
            bad = api.get(
                "/api/v1/graph/head-to-head",
                params={"ours": "华为", "theirs": "中兴", "q": "(电池"},
            )
            assert bad.status_code == 400 and bad.json()["code"] == "QUERY_SYNTAX"
    finally:
        opened.close()
