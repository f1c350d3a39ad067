"""Embedded and production backends give the same answers on the same data, through the API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from neo4j import Driver

from config.settings import Settings
from search_api.app import create_app
from stores.backends import open_stores
from tests.conftest import production_settings
from tests.test_api import load_samples

pytestmark = pytest.mark.integration

RELEVANCE_REQUESTS: list[dict[str, Any]] = [
    {"q": "锂离子电池"},
    {"q": "电池 安全"},
    {"q": "波束赋形"},
    {"q": "5G NR"},
    {"q": "国家电网 巡检"},
    {"q": "比亚迪"},
    {"q": "催化剂 脱硫"},
    {"q": "燃料电池 双极板"},
    {"q": "不存在的技术词汇"},
    {"q": "一种"},
    {"q": '"固态电解质" OR title:回收'},
    {"q": "电池 -锂离子"},
    {"q": "NOT 电池", "kind": ["invention"]},
    {"q": "申请人:中石化"},
    {"q": "电池", "legal_status": ["valid", "pending"], "ipc": ["H01M"]},
    {"group": "比亚迪"},
    {"q": "方法", "filing_from": "2022-01-10", "grant_to": "2023-12-31"},
    # Search depth: numbers, key fields, proximity, synonyms, fields, claims highlights.
    {"q": "CN115000001A"},
    {"q": "ZL202210000001.0"},
    {"q": "115000001 OR CN216000003U"},
    {"q": "ipc:H01M10 owner:比亚迪"},
    {"q": '"热失控 预警"~6'},
    {"q": '"电池 回收"~3 OR title:"燃料 双极板"~4'},
    {"q": "锂电池"},
    {"q": "5G", "fields": ["abstract", "owners"]},
    {"q": "claims:温度"},
]
SORTED_REQUESTS: list[dict[str, Any]] = [
    {"sort": "filing_date_desc"},
    {"sort": "publication_date_asc", "q": "一种"},
    {"sort": "filing_date_asc", "kind": ["invention"], "size": 5},
]


@pytest.fixture(scope="module")
def clients(
    tmp_path_factory: pytest.TempPathFactory, es_client: Elasticsearch, neo4j_driver: Driver
) -> Iterator[tuple[TestClient, TestClient]]:
    workdir = tmp_path_factory.mktemp("agree")
    embedded = open_stores(Settings(data_dir=workdir / "embedded"))
    production = open_stores(production_settings(index_prefix="test-agree-"))
    production.graph.delete_all()
    production.index.delete_all()
    for stores in (embedded, production):
        load_samples(stores, workdir / "dead-letter")
    with (
        TestClient(create_app(stores=embedded)) as a,
        TestClient(create_app(stores=production)) as b,
    ):
        yield a, b
    production.graph.delete_all()
    production.index.delete_all()
    embedded.close()
    production.close()


def _without_scores(body: dict[str, Any]) -> dict[str, Any]:
    hits = {h["id"]: {k: v for k, v in h.items() if k != "score"} for h in body["hits"]}
    rest = {k: v for k, v in body.items() if k not in ("hits", "next_cursor")}
    return {**rest, "hits": hits}


@pytest.mark.parametrize("params", RELEVANCE_REQUESTS)
def test_same_hits_totals_facets_and_highlights(
    clients: tuple[TestClient, TestClient], params: dict[str, Any]
) -> None:
    # BM25 scores differ between engines (each keeps its own statistics); hits, what they show,
    # totals and facets do not.
    embedded, production = (c.post("/api/v1/search", json={**params, "size": 50}) for c in clients)
    assert embedded.status_code == production.status_code == 200
    assert _without_scores(embedded.json()) == _without_scores(production.json())


@pytest.mark.parametrize("params", SORTED_REQUESTS)
def test_same_order_when_sorted_by_date(
    clients: tuple[TestClient, TestClient], params: dict[str, Any]
) -> None:
    embedded, production = (c.post("/api/v1/search", json=params).json() for c in clients)
    assert [h["id"] for h in embedded["hits"]] == [h["id"] for h in production["hits"]]
    assert embedded["facets"] == production["facets"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/patents/CN115000001A/similar?size=50",
        "/api/v1/patents/CN115000010A/similar?size=50",
        "/api/v1/patents/CN115000004A/family",
        "/api/v1/patents/CN115000001A/citations",
    ],
)
def test_same_similar_patents_families_and_citations(
    clients: tuple[TestClient, TestClient], path: str
) -> None:
    embedded, production = (c.get(path) for c in clients)
    assert embedded.status_code == production.status_code == 200
    assert _without_text_scores(embedded.json()) == _without_text_scores(production.json())


def test_same_similar_patents_for_a_text(clients: tuple[TestClient, TestClient]) -> None:
    body = {"text": "回收废旧动力电池里的正极材料，浸出后再制备", "size": 50}
    embedded, production = (c.post("/api/v1/similar", json=body).json() for c in clients)
    assert _without_text_scores(embedded) == _without_text_scores(production)
    assert embedded["hits"][0]["id"] == production["hits"][0]["id"] == "CN115000014A"


def _without_text_scores(body: dict[str, Any]) -> dict[str, Any]:
    # Each engine keeps its own BM25 statistics, so scores and the order of close candidates
    # differ; the candidates (the same terms chosen from the same document frequencies) and
    # their reasons do not.
    hits = body.get("hits")
    if hits is None:
        return body
    unscored = ("score", "text_score")
    by_id = {h["id"]: {k: v for k, v in h.items() if k not in unscored} for h in hits}
    return {**body, "hits": by_id}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/patents/CN115000001A",
        "/api/v1/patents/CN202210000011.4",
        "/api/v1/patents/CN216000003U",
        "/api/v1/organizations/国家电网有限公司",
        "/api/v1/organizations/比亚迪",
        "/api/v1/organizations/中国石油化工集团有限公司",
        "/api/v1/persons/刘洋@比亚迪股份有限公司",
        "/api/v1/standards/GB/T 29490-2013",
    ],
)
def test_same_entity_pages(clients: tuple[TestClient, TestClient], path: str) -> None:
    embedded, production = (c.get(path) for c in clients)
    assert embedded.status_code == production.status_code
    assert embedded.json() == production.json()
