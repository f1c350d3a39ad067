"""The HTTP API on the embedded backend and on the real servers, loaded with the sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.backends import Stores, open_stores
from config.settings import Settings
from ingest.pipeline import ingest_paths
from search_api.app import create_app
from tests.conftest import SAMPLE_PATENTS, production_settings


def _loaded_client(stores: Stores, dead_letters: Path) -> Iterator[TestClient]:
    ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, dead_letters)
    with TestClient(create_app(stores=stores)) as client:
        yield client


@pytest.fixture(params=["embedded", pytest.param("production", marks=pytest.mark.integration)])
def client(
    request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str
) -> Iterator[TestClient]:
    if request.param == "embedded":
        stores = open_stores(Settings(data_dir=tmp_path))
    else:
        request.getfixturevalue("es_client")  # skips (or fails in CI) without servers
        request.getfixturevalue("neo4j_driver")
        stores = open_stores(production_settings(index_prefix=index_prefix))
        stores.graph.delete_all()
    try:
        yield from _loaded_client(stores, tmp_path / "dead-letter")
    finally:
        if request.param == "production":
            stores.graph.delete_all()
            stores.index.delete_all()
        stores.close()


def test_search_returns_highlighted_chinese_hits(client: TestClient) -> None:
    response = client.get("/api/v1/search", params={"q": "锂离子电池 回收"})
    assert response.status_code == 200
    body = response.json()
    assert body["tokens"] == ["锂离子", "电池", "回收"]
    assert body["total"] == 1 and body["total_relation"] == "eq"
    [hit] = body["hits"]
    assert hit["id"] == "CN115000014A"
    assert hit["patent"]["applicants"] == ["清华大学", "宁德时代新能源科技股份有限公司"]
    assert "<em>锂离子电池</em>" in hit["highlights"]["abstract"]
    assert hit["highlights"]["title"] == "一种动力<em>电池</em>正极材料的<em>回收</em>方法"


def test_search_by_applicant_short_name(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "比亚迪", "size": 10}).json()
    assert {h["id"] for h in body["hits"]} == {"CN115000002A", "CN216000003U", "CN115000011A"}


def test_search_paging_walks_all_hits_once(client: TestClient) -> None:
    seen: list[str] = []
    for page in (1, 2, 3):
        body = client.get("/api/v1/search", params={"q": "一种", "size": 5, "page": page}).json()
        assert body["total"] == 14
        seen.extend(h["id"] for h in body["hits"])
    assert len(seen) == len(set(seen)) == 14


def test_patent_by_publication_or_application_number(client: TestClient) -> None:
    by_publication = client.get("/api/v1/patents/CN 115000006 A")
    assert by_publication.status_code == 200
    body = by_publication.json()
    assert body["id"] == "CN115000006A"
    assert [a["name"] for a in body["applicants"]] == [
        "国家电网有限公司",
        "国网山东省电力公司电力科学研究院",
    ]
    assert [i["name"] for i in body["inventors"]] == ["孙浩", "郑丽", "马超"]
    assert [c["id"] for c in body["ipc"]] == ["G06V20/17", "G06N3/08", "H02J13/00"]
    assert body["properties"]["kind"] == "invention"
    assert len(body["sources"]) == 1
    by_application = client.get(f"/api/v1/patents/{body['properties']['application_number']}")
    assert by_application.json() == body


def test_unknown_patent_is_a_coded_404(client: TestClient) -> None:
    response = client.get("/api/v1/patents/CN999999999A")
    assert response.status_code == 404
    assert response.json() == {
        "code": "PATENT_NOT_FOUND",
        "message": "no patent with id CN999999999A",
        "detail": {"id": "CN999999999A"},
    }


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "电池", "size": 0}, {"q": "电池", "page": "x"}]
)
def test_bad_search_parameters_are_coded_422(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert response.json()["detail"]["errors"][0]["field"].startswith("query.")


def test_page_beyond_the_result_window_is_coded_400(client: TestClient) -> None:
    response = client.get("/api/v1/search", params={"q": "电池", "size": 100, "page": 101})
    assert response.status_code == 400 and response.json()["code"] == "PAGE_OUT_OF_RANGE"


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"graph": "ok", "search": "ok"}


def test_unknown_route_is_a_coded_404(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json()["code"] == "NOT_FOUND"


def test_openapi_has_stable_operation_ids(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    ops = {op["operationId"] for item in paths.values() for op in item.values()}
    assert {"healthz", "readyz", "search_patents", "get_patent"} <= ops


def test_backends_down_give_503_not_a_stack_trace(tmp_path: Path) -> None:
    # Real clients aimed at ports where nothing listens: the failure is a real connection error.
    settings = Settings(
        backend="production",
        es_url="http://127.0.0.1:9",
        neo4j_uri="bolt://127.0.0.1:9",
        request_timeout_s=2,
        data_dir=tmp_path,
    )
    stores = open_stores(settings)
    try:
        with TestClient(create_app(stores=stores), raise_server_exceptions=False) as client:
            search = client.get("/api/v1/search", params={"q": "电池"})
            assert search.status_code == 503
            assert search.json() == {
                "code": "SEARCH_UNAVAILABLE",
                "message": "Elasticsearch cannot be reached",
                "detail": {},
            }
            patent = client.get("/api/v1/patents/CN115000001A")
            assert patent.status_code == 503 and patent.json()["code"] == "GRAPH_UNAVAILABLE"
            ready = client.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["detail"]["checks"] == {
                "graph": "GRAPH_UNAVAILABLE",
                "search": "SEARCH_UNAVAILABLE",
            }
    finally:
        stores.close()
