"""The HTTP API on the embedded backend and on the real servers, loaded with the samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from domain.organizations import OrganizationAliases
from ingest.pipeline import ingest_paths
from ingest.resolve.groups import load_group_trees
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests.conftest import SAMPLE_GROUPS, SAMPLE_PATENTS, production_settings


def load_samples(stores: Stores, dead_letters: Path) -> None:
    ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, dead_letters)
    load_group_trees(SAMPLE_GROUPS, stores.graph, OrganizationAliases.load())


@pytest.fixture(
    scope="module", params=["embedded", pytest.param("production", marks=pytest.mark.integration)]
)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "embedded":
        stores = open_stores(Settings(data_dir=workdir))
    else:
        request.getfixturevalue("es_client")  # skips (or fails in CI) without servers
        request.getfixturevalue("neo4j_driver")
        stores = open_stores(production_settings(index_prefix="test-api-"))
        stores.graph.delete_all()
        stores.index.delete_all()
    try:
        load_samples(stores, workdir / "dead-letter")
        with TestClient(create_app(stores=stores)) as client:
            yield client
    finally:
        if request.param == "production":
            stores.graph.delete_all()
            stores.index.delete_all()
        stores.close()


def _ids(client: TestClient, **params: object) -> set[str]:
    response = client.get("/api/v1/search", params={"size": 100, **params})
    assert response.status_code == 200, response.json()
    return {h["id"] for h in response.json()["hits"]}


def test_search_returns_highlighted_chinese_hits(client: TestClient) -> None:
    response = client.get("/api/v1/search", params={"q": "锂离子电池 回收"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1 and body["total_relation"] == "eq"
    [hit] = body["hits"]
    assert hit["id"] == "CN115000014A"
    assert hit["patent"]["applicants"] == ["清华大学", "宁德时代新能源科技股份有限公司"]
    assert hit["patent"]["legal_status"] == "pending"
    assert "<em>锂离子电池</em>" in hit["highlights"]["abstract"]
    assert hit["highlights"]["title"] == "一种动力<em>电池</em>正极材料的<em>回收</em>方法"


def test_short_names_find_full_applicant_names(client: TestClient) -> None:
    assert _ids(client, q="比亚迪") == {"CN115000002A", "CN216000003U", "CN115000011A"}
    assert _ids(client, q="中石化") == {"CN115000008A"}
    assert _ids(client, q="申请人:国网") == {"CN115000006A", "CN115000007A"}


def test_query_syntax_reaches_both_engines(client: TestClient) -> None:
    assert _ids(client, q="电池 -锂离子") == {"CN216000003U", "CN115000010A", "CN115000013A"}
    assert _ids(client, q='"固态电解质"') == {"CN115000002A"}
    assert _ids(client, q="title:(波束 OR 无人机)") == {"CN115000004A", "CN115000006A"}
    assert _ids(client, q="权利要求:银烧结") == {"CN115000011A"}
    assert _ids(client, q="NOT 一种") == set()


@pytest.mark.parametrize(
    ("query", "position"),
    [("电池 (回收", 3), ('"固态电解质', 0), ("作者:张伟", 0), ("电池 OR", 5), ("()", 0)],
)
def test_bad_syntax_is_a_coded_400_with_the_position(
    client: TestClient, query: str, position: int
) -> None:
    response = client.get("/api/v1/search", params={"q": query})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "QUERY_SYNTAX"
    assert body["detail"] == {"position": position, "query": query}


def test_filters(client: TestClient) -> None:
    assert _ids(client, kind="utility_model") == {"CN216000003U"}
    assert _ids(client, q="电池", legal_status="valid") == {
        "CN115000001A",
        "CN216000003U",
        "CN115000013A",
    }
    assert _ids(client, ipc="h04w") == {"CN115000004A", "CN115000005A", "CN115000013A"}
    assert _ids(client, ipc=["H01M10/", "G06Q"]) == {
        "CN115000001A",
        "CN115000002A",
        "CN115000014A",
        "CN115000007A",
    }
    assert _ids(client, filing_from="2022-01-15", filing_to="2022-01-17") == {
        "CN115000011A",
        "CN115000012A",
        "CN115000013A",
    }
    assert _ids(client, grant_to="2023-01-31") == {"CN216000003U", "CN115000009A"}
    assert _ids(client, country="US") == set()
    assert _ids(client, applicant="CATL") == {"CN115000001A", "CN115000014A"}
    assert _ids(client, asset_kind="contract") == set()


def test_group_filter_includes_every_subsidiary(client: TestClient) -> None:
    # The group company itself files nothing here: every hit comes through a subsidiary.
    assert _ids(client, group="中国石油化工集团有限公司") == {"CN115000008A"}
    assert _ids(client, group="比亚迪") == {"CN115000002A", "CN216000003U", "CN115000011A"}
    assert _ids(client, group="比亚迪", applicant="比亚迪半导体股份有限公司") == {"CN115000011A"}
    assert _ids(client, group="比亚迪", applicant="华为") == set()


def test_unknown_group_and_bad_ipc_are_coded_400(client: TestClient) -> None:
    unknown = client.get("/api/v1/search", params={"group": "不存在的集团"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "GROUP_UNKNOWN"
    bad_ipc = client.get("/api/v1/search", params={"ipc": "H0"})
    assert bad_ipc.status_code == 400 and bad_ipc.json()["code"] == "IPC_PREFIX_INVALID"
    not_ipc = client.get("/api/v1/search", params={"ipc": "电池"})
    assert not_ipc.status_code == 422 and not_ipc.json()["code"] == "VALIDATION_ERROR"


def test_facets_with_counts(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "电池"}).json()
    facets = {
        name: {b["key"]: b["count"] for b in buckets} for name, buckets in body["facets"].items()
    }
    assert set(facets) == {
        "asset_kind",
        "kind",
        "legal_status",
        "filing_year",
        "ipc_subclasses",
        "applicants",
        "country",
        "grade",
    }
    assert facets["kind"] == {"invention": body["total"] - 1, "utility_model": 1}
    assert sum(facets["legal_status"].values()) == body["total"]
    assert facets["applicants"]["比亚迪股份有限公司"] == 2
    assert facets["filing_year"] == {"2022": 5, "2021": 1}


def test_sorting_by_dates(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"sort": "filing_date_desc", "size": 3}).json()
    assert [h["id"] for h in body["hits"]] == ["CN115000014A", "CN115000013A", "CN115000012A"]
    body = client.get("/api/v1/search", params={"sort": "filing_date_asc", "size": 1}).json()
    assert [h["id"] for h in body["hits"]] == ["CN216000003U"]


@pytest.mark.parametrize("sort", ["relevance", "publication_date_desc"])
def test_cursor_paging_is_stable_and_complete(client: TestClient, sort: str) -> None:
    params: dict[str, object] = {"q": "一种", "sort": sort, "size": 4, "facets": False}
    everything = client.get("/api/v1/search", params={**params, "size": 100}).json()
    seen: list[str] = []
    cursor = None
    while True:
        body = client.get(
            "/api/v1/search", params={**params, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen.extend(h["id"] for h in body["hits"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [h["id"] for h in everything["hits"]]
    assert len(seen) == everything["total"] == 14


def test_bad_cursors_are_coded_400(client: TestClient) -> None:
    first = client.get("/api/v1/search", params={"q": "一种", "size": 2}).json()
    other_sort = client.get(
        "/api/v1/search",
        params={"q": "一种", "size": 2, "sort": "filing_date_desc", "cursor": first["next_cursor"]},
    )
    assert other_sort.status_code == 400 and other_sort.json()["code"] == "CURSOR_INVALID"
    garbage = client.get("/api/v1/search", params={"cursor": "not-a-cursor!!"})
    assert garbage.status_code == 400 and garbage.json()["code"] == "CURSOR_INVALID"
    with_page = client.get("/api/v1/search", params={"cursor": first["next_cursor"], "page": 2})
    assert with_page.status_code == 400 and with_page.json()["code"] == "CURSOR_WITH_PAGE"


def test_post_search_equals_get(client: TestClient) -> None:
    params = {"q": "电池 OR 波束", "kind": ["invention"], "ipc": ["H01M", "H04B"], "size": 20}
    by_get = client.get("/api/v1/search", params=params).json()
    by_post = client.post("/api/v1/search", json=params).json()
    assert by_post == by_get and by_get["total"] > 0


@pytest.mark.parametrize(
    "params",
    [
        {"size": 0},
        {"page": "x"},
        {"kind": "software"},
        {"sort": "random"},
        {"unknown": "1"},
        {"filing_from": "0"},
        {"q": "电" * 501},
    ],
)
def test_bad_parameters_are_coded_422(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_a_reversed_date_range_is_coded_400(client: TestClient) -> None:
    # Schema-valid (each date is a date), refused by the use case: JSON Schema cannot say it.
    params = {"filing_from": "2022-02-01", "filing_to": "2022-01-01"}
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 400 and response.json()["code"] == "DATE_RANGE_INVALID"


def test_page_beyond_the_result_window_is_coded_400(client: TestClient) -> None:
    response = client.get("/api/v1/search", params={"q": "电池", "size": 100, "page": 101})
    assert response.status_code == 400 and response.json()["code"] == "PAGE_OUT_OF_RANGE"


def test_patent_by_publication_or_application_number(client: TestClient) -> None:
    body = client.get("/api/v1/patents/CN 115000006 A").json()
    assert body["id"] == "CN115000006A"
    assert [a["name"] for a in body["applicants"]] == [
        "国家电网有限公司",
        "国网山东省电力公司电力科学研究院",
    ]
    assert [i["name"] for i in body["inventors"]] == ["孙浩", "郑丽", "马超"]
    assert [c["id"] for c in body["ipc"]] == ["G06V20/17", "G06N3/08", "H02J13/00"]
    assert body["properties"]["kind"] == "invention"
    assert body["properties"]["legal_status"] == "pending"
    assert len(body["sources"]) == 1
    by_application = client.get(f"/api/v1/patents/{body['properties']['application_number']}")
    assert by_application.json() == body


def test_organization_page_has_group_tree_and_portfolio(client: TestClient) -> None:
    response = client.get("/api/v1/organizations/国网")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "国家电网有限公司"
    assert "国网" in body["properties"]["aliases"]
    [province] = body["subsidiaries"]
    assert (province["name"], province["stake"]) == ("国网山东省电力公司", 100.0)
    assert [s["name"] for s in province["subsidiaries"]] == ["国网山东省电力公司电力科学研究院"]
    assert body["group_size"] == 3
    assert body["portfolio"] == {"invention": 2}
    assert body["group_portfolio"] == {"invention": 2}  # the institute co-owns one of them
    child = client.get("/api/v1/organizations/中国石油化工股份有限公司").json()
    assert [p["id"] for p in child["parents"]] == ["中国石油化工集团有限公司"]


def test_person_page(client: TestClient) -> None:
    body = client.get("/api/v1/persons/刘洋@比亚迪股份有限公司").json()
    assert [p["id"] for p in body["patents"]] == ["CN115000002A", "CN216000003U"]
    assert {c["name"] for c in body["co_inventors"]} == {"陈静", "赵磊"}


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/api/v1/patents/CN999999999A", "PATENT_NOT_FOUND"),
        ("/api/v1/organizations/不存在公司", "ORGANIZATION_NOT_FOUND"),
        ("/api/v1/persons/nobody", "PERSON_NOT_FOUND"),
        ("/api/v1/contracts/HT-2024-001", "CONTRACT_NOT_FOUND"),
        ("/api/v1/standards/3GPP TS 38.211", "STANDARD_NOT_FOUND"),
        ("/api/v1/nothing-here", "NOT_FOUND"),
    ],
)
def test_unknown_entities_are_coded_404(client: TestClient, path: str, code: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and response.json()["code"] == code


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"graph": "ok", "search": "ok"}


def test_openapi_has_stable_operation_ids(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    ops = {op["operationId"] for item in paths.values() for op in item.values()}
    assert ops == {
        "healthz",
        "readyz",
        "search_get",
        "search_post",
        "search_export",
        "similar_to_text",
        "similar_to_patent",
        "patent_citations",
        "patent_family",
        "get_patent",
        "get_organization",
        "get_organization_portfolio",
        "get_person",
        "get_contract",
        "get_standard",
        "run_cypher",
        "find_paths",
        "get_neighbors",
        "links_between",
        "rank_competitors",
        "head_to_head",
        "group_kpis",
        "declared_to_standard",
        "sep_portfolio",
        "sep_candidates",
        "sep_gaps",
        "due_diligence",
        "add_decision",
        "list_decisions",
        "review_queue",
        "annuity_budget",
        "add_watch",
        "list_watches",
        "delete_watch",
        "list_alerts",
    }


def test_backends_down_give_503_not_a_stack_trace(tmp_path: Path) -> None:
    # Real clients aimed at ports where nothing listens: the failure is a real connection error.
    settings = Settings(
        backend="production",
        es_url="http://127.0.0.1:9",
        data_dir=tmp_path,
        neo4j_uri="bolt://127.0.0.1:9",
        request_timeout_s=2,
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
