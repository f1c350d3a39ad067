"""Paths and neighbourhoods on the hand-checkable fixture graph, on both backends, and the same
answers from both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path as FilePath

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from graph.analytics.paths import Limits, Path, find_paths, neighbourhood, shortest_paths
from graph.model import EdgeType, NodeKey, NodeLabel
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests import graph_fixture as fx
from tests.conftest import BACKENDS, backend_stores, production_settings

ORG, PATENT = NodeLabel.ORGANIZATION, NodeLabel.PATENT
A1, B, C = NodeKey(ORG, fx.A1), NodeKey(ORG, fx.B), NodeKey(ORG, fx.C)


@pytest.fixture(scope="module", params=BACKENDS)
def stores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stores]:
    with backend_stores(request, tmp_path_factory.mktemp("paths"), "test-paths-") as opened:
        fx.load(opened.graph)
        yield opened


def _ids(path: Path) -> list[str]:
    return [node.id for node in path.nodes]


def test_shortest_paths_first_then_longer(stores: Stores) -> None:
    found = find_paths(stores.graph, A1, B, max_hops=4, k=4)
    assert not found.partial
    # Two 2-hop links: the licence contract and the co-owned patent (Contract sorts first).
    # Then two 3-hop ones through P1: the contract covering it, and B's patent citing it.
    assert [_ids(p) for p in found.paths] == [
        [fx.A1, fx.CONTRACT, fx.B],
        [fx.A1, "CN1000003U", fx.B],
        [fx.A1, "CN1000001A", fx.CONTRACT, fx.B],
        [fx.A1, "CN1000001A", "US1000004B2", fx.B],
    ]
    first = found.paths[0]
    assert [(link.type, link.props["role"]) for link in first.links] == [
        (EdgeType.PARTY_TO, "licensor"),
        (EdgeType.PARTY_TO, "licensee"),
    ]
    assert first.links[0].sources == [fx.SOURCE]


def test_edge_type_filter_and_hop_limit(stores: Stores) -> None:
    only_people = find_paths(
        stores.graph, A1, B, edge_types={EdgeType.APPLICANT_OF, EdgeType.INVENTOR_OF}, k=10
    )
    assert [_ids(p) for p in only_people.paths] == [
        [fx.A1, "CN1000003U", fx.B],
        [fx.A1, "CN1000001A", fx.PERSON, "CN1000002A", fx.B],
    ]
    assert find_paths(stores.graph, A1, B, max_hops=1).paths == []


def test_disconnected_and_same_node(stores: Stores) -> None:
    no_ipc = set(EdgeType) - {EdgeType.CLASSIFIED_AS, EdgeType.PARENT}
    found = find_paths(stores.graph, A1, C, max_hops=6, edge_types=no_ipc)
    assert found.paths == [] and not found.partial
    assert _ids(find_paths(stores.graph, B, B).paths[0]) == [fx.B]


def test_a_limit_gives_a_partial_flagged_answer(stores: Stores) -> None:
    found = find_paths(stores.graph, A1, B, limits=Limits(per_node=1))
    assert found.partial
    assert any("has more than 1 links" in reason for reason in found.reasons)


def test_shortest_paths_in_the_store_are_complete(stores: Stores) -> None:
    found = shortest_paths(stores.graph, A1, B, k=1)
    assert [_ids(p) for p in found.paths] == [[fx.A1, fx.CONTRACT, fx.B]]
    assert not found.partial and found.reasons == []
    no_ipc = set(EdgeType) - {EdgeType.CLASSIFIED_AS, EdgeType.PARENT}
    apart = shortest_paths(stores.graph, A1, C, max_hops=6, edge_types=no_ipc)
    assert apart.paths == [] and not apart.partial


def test_a_spent_time_budget_says_so_and_guesses_nothing(tmp_path: FilePath) -> None:
    with open_stores(Settings(data_dir=tmp_path)) as opened:
        fx.load(opened.graph)
        found = shortest_paths(opened.graph, A1, B, time_budget_s=0.0)
    assert found.partial and found.paths == []
    assert found.reasons == ["time budget of 0.0 s spent"]


def test_neighbourhood(stores: Stores) -> None:
    around = neighbourhood(stores.graph, NodeKey(PATENT, "CN1000001A"), depth=1)
    assert sorted(key.id for key in around.nodes) == sorted(
        [
            "CN1000001A",
            fx.A1,
            fx.PERSON,
            fx.STANDARD,
            fx.CONTRACT,
            "US1000004B2",
            "H04W72/04",
            "H04L5/00",
        ]
    )
    assert len(around.links) == 7 and not around.partial


@pytest.fixture(scope="module")
def embedded_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    opened = open_stores(Settings(data_dir=tmp_path_factory.mktemp("paths-api")))
    fx.load(opened.graph)
    with TestClient(create_app(stores=opened)) as client:
        yield client
    opened.close()


def test_paths_api_explains_each_edge(embedded_client: TestClient) -> None:
    response = embedded_client.get(
        "/api/v1/graph/paths", params={"from": fx.A1, "to": fx.B, "k": 1}
    )
    assert response.status_code == 200, response.json()
    [path] = response.json()["paths"]
    assert [n["id"] for n in path["nodes"]] == [fx.A1, fx.CONTRACT, fx.B]
    assert path["edges"][1]["properties"] == {"role": "licensee"}
    assert response.json()["partial"] is False
    before_any = embedded_client.get(
        "/api/v1/graph/paths", params={"from": fx.A1, "to": fx.B, "as_of": "2000-01-01"}
    )
    assert before_any.status_code == 200 and before_any.json()["paths"]  # undated edges hold
    assert path["edges"][1]["documents"] == [fx.SOURCE]
    unknown = embedded_client.get("/api/v1/graph/paths", params={"from": "无此公司", "to": fx.B})
    assert unknown.status_code == 404 and unknown.json()["code"] == "ENTITY_NOT_FOUND"


def test_neighbors_api(embedded_client: TestClient) -> None:
    body = embedded_client.get(
        "/api/v1/graph/neighbors",
        params={"node": fx.STANDARD, "label": "Standard", "types": ["MENTIONS_STANDARD"]},
    ).json()
    assert sorted(n["id"] for n in body["nodes"]) == ["3GPP TS 38.211", "CN1000001A", "CN1000002A"]


def test_backends_agree(tmp_path: FilePath, request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("es_client")
    request.getfixturevalue("neo4j_driver")
    embedded = open_stores(Settings(data_dir=tmp_path))
    servers = open_stores(production_settings(index_prefix="test-paths-agree-"))
    try:
        servers.graph.delete_all()
        for opened in (embedded, servers):
            fx.load(opened.graph)
        for start, goal in ((A1, B), (NodeKey(NodeLabel.PERSON, fx.PERSON), C)):
            left = find_paths(embedded.graph, start, goal, max_hops=6, k=20)
            right = find_paths(servers.graph, start, goal, max_hops=6, k=20)
            assert left.paths == right.paths and left.partial == right.partial
        center = NodeKey(ORG, fx.B)
        assert neighbourhood(embedded.graph, center, depth=2).links == (
            neighbourhood(servers.graph, center, depth=2).links
        )
    finally:
        servers.graph.delete_all()
        servers.close()
        embedded.close()


test_backends_agree = pytest.mark.integration(test_backends_agree)
