"""Search depth through the API, on both backends: numbers in any form, proximity, a highlight
on every hit, technical synonyms (user file read at query time), field selection, bulk export,
exact totals and similar patents with their reasons."""

from __future__ import annotations

import csv
import inspect
import io
import json
from collections.abc import AsyncGenerator, Generator, Iterator

import anyio
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

import usecases.search
from config.settings import Settings
from ingest.pipeline import ingest_paths
from search.index.protocol import IndexDocument, SearchHit
from search_api.app import create_app
from search_api.exporting import ndjson
from search_api.routes.search import closing_stream
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores

# Two patents beyond the samples, with citations and current owners as exports carry them.
EXTRA = [
    {
        "publication_number": "CN115000099A",
        "application_number": "CN202210000099.1",
        "title": "一种锂离子电池热失控的多传感器预警装置",
        "abstract": "采集电池温度、电压和气体信号，融合判断热失控风险并提前报警。",
        "applicants": ["宁德时代新能源科技股份有限公司"],
        "current_owners": ["比亚迪股份有限公司"],
        "ipc": ["H01M 10/48"],
        "priority": ["202110000777.X 2021-06-01 CN"],
        "cites": ["CN115000001A", "CN110000000A"],
        "cited_by": ["CN116000000A"],
        "family": ["US20230000099A1"],
        "filing_date": "2022-03-01",
    },
    {
        "publication_number": "CN115000098A",
        "application_number": "CN202210000098.7",
        "title": "一种储能电站的消防方法",
        "abstract": "储能电站中锂离子电池起火时灭火。",
        "description": "背景技术：储能电站的电池舱起火后蔓延很快。" * 20
        + "本发明在起火时喷淋全氟己酮灭火。",
        "applicants": ["宁德时代新能源科技股份有限公司"],
        "ipc": ["A62C 3/16"],
        "cites": ["CN110000000A"],
        "filing_date": "2022-04-01",
    },
]


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    workdir = tmp_path_factory.mktemp("depth")
    extra = workdir / "extra.jsonl"
    extra.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in EXTRA) + "\n", encoding="utf-8"
    )
    with backend_stores(request, workdir / "data", "test-depth-") as stores:
        ingest_paths([SAMPLE_PATENTS, extra], stores.graph, stores.index, workdir / "dead")
        settings = Settings(data_dir=workdir / "data")
        with TestClient(create_app(settings=settings, stores=stores)) as test_client:
            test_client.data_dir = workdir / "data"  # type: ignore[attr-defined]
            yield test_client


def _search(client: TestClient, **params: object) -> dict[str, object]:
    response = client.get("/api/v1/search", params={"size": 50, **params})
    assert response.status_code == 200, response.json()
    body: dict[str, object] = response.json()
    return body


def _hits(client: TestClient, **params: object) -> list[dict[str, object]]:
    hits: list[dict[str, object]] = _search(client, **params)["hits"]  # type: ignore[assignment]
    return hits


@pytest.mark.parametrize(
    "typed",
    [
        "CN115000001A",
        "115000001",
        "ZL202210000001.0",
        "202210000001.0",
        "CN 115000001 A",
        "ＣＮ１１５０００００１Ａ",
        "number:CN115000001",
        "公开号:CN115000001A",
    ],
)
def test_a_patent_is_found_first_by_its_number(client: TestClient, typed: str) -> None:
    hits = _hits(client, q=typed)
    assert hits[0]["id"] == "CN115000001A"
    assert hits[0]["highlights"]["number"].startswith("<em>")  # type: ignore[index]


def test_utility_models_and_priority_numbers(client: TestClient) -> None:
    assert [h["id"] for h in _hits(client, q="CN216000003U")] == ["CN216000003U"]
    assert [h["id"] for h in _hits(client, q="number:202110000777.X")] == ["CN115000099A"]


def test_ipc_applicant_and_owner_fields(client: TestClient) -> None:
    assert {h["id"] for h in _hits(client, q="ipc:H01M10/48")} == {"CN115000001A", "CN115000099A"}
    assert {h["id"] for h in _hits(client, q="owner:比亚迪")} >= {"CN115000099A"}
    assert "CN115000098A" in {h["id"] for h in _hits(client, q="owner:宁德时代")}
    assert "CN115000099A" not in {h["id"] for h in _hits(client, q="owner:宁德时代")}
    assert "CN115000099A" in {h["id"] for h in _hits(client, q="applicant:宁德时代")}


def test_proximity_with_highlights(client: TestClient) -> None:
    hits = _hits(client, q='"热失控 预警"~6')
    assert {h["id"] for h in hits} >= {"CN115000001A", "CN115000099A"}
    assert all("<em>" in "".join(h["highlights"].values()) for h in hits)  # type: ignore[attr-defined]
    bad = client.get("/api/v1/search", params={"q": '"热失控"~2'})
    assert bad.status_code == 400 and bad.json()["code"] == "QUERY_SYNTAX"


def test_every_hit_has_a_highlight(client: TestClient) -> None:
    for q in ("温度", "claims:电压", "喷淋", "宁德时代", "ipc:H04W", "锂电池", "CN115000001A"):
        hits = _hits(client, q=q)
        assert hits, q
        assert all(h["highlights"] for h in hits), q


def test_synonyms_expand_and_say_which_matched(client: TestClient) -> None:
    expanded = _search(client, q="title:锂电池")
    plain = _search(client, q="title:锂电池", synonyms="false")
    assert expanded["total"] > plain["total"]  # type: ignore[operator]
    assert "锂离子电池" in expanded["expansions"]["锂电池"]  # type: ignore[index]
    hit = next(h for h in expanded["hits"] if h["id"] == "CN115000001A")  # type: ignore[attr-defined]
    assert {"term": "锂电池", "matched": "锂离子电池"} in hit["expansions"]
    assert "<em>锂离子电池</em>" in hit["highlights"]["title"]


def test_the_user_dictionary_applies_without_reindexing(client: TestClient) -> None:
    assert _search(client, q="mmWave")["total"] == 0
    user = client.data_dir / "technical_synonyms.tsv"  # type: ignore[attr-defined]
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("user.mmwave\tmmWave|毫米波\ttest group\n", encoding="utf-8")
    try:
        assert [h["id"] for h in _hits(client, q="mmWave")] == ["CN115000004A"]
    finally:
        user.unlink()
    assert _search(client, q="mmWave")["total"] == 0


def test_field_selection(client: TestClient) -> None:
    [hit] = _hits(client, q="CN216000003U", fields=["publication_number", "owners"])
    assert hit["fields"] == {"publication_number": "CN216000003U", "owners": ["比亚迪股份有限公司"]}
    bad = client.get("/api/v1/search", params={"q": "电池", "fields": ["password"]})
    assert bad.status_code == 400 and bad.json()["code"] == "FIELD_UNKNOWN"


def test_totals_are_exact(client: TestClient) -> None:
    body = _search(client, q="一种")
    assert body["total_relation"] == "eq" and body["total"] == 16


def test_export_streams_every_hit_in_each_format(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pages, so that the export walks several cursors.
    monkeypatch.setattr(usecases.search, "EXPORT_PAGE_SIZE", 3)
    params = {"q": "一种", "sort": "filing_date_asc"}
    ndjson = client.get("/api/v1/search/export", params={**params, "format": "ndjson"})
    assert ndjson.status_code == 200
    rows = [json.loads(line) for line in ndjson.text.splitlines()]
    assert len(rows) == 16 and len({r["id"] for r in rows}) == 16
    assert rows[0]["publication_number"] and "title" in rows[0]
    exported = client.get(
        "/api/v1/search/export",
        params={**params, "format": "csv", "fields": ["title", "ipc"]},
    )
    table = list(csv.reader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert table[0] == ["id", "title", "ipc"] and len(table) == 17
    workbook = client.get("/api/v1/search/export", params={**params, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(workbook.content), read_only=True)["hits"]
    assert sum(1 for _ in sheet.iter_rows()) == 17


def test_similar_to_a_patent_never_returns_itself(client: TestClient) -> None:
    response = client.get("/api/v1/patents/CN115000001A/similar", params={"size": 5})
    assert response.status_code == 200, response.json()
    body = response.json()
    ids = [h["id"] for h in body["hits"]]
    assert "CN115000001A" not in ids and body["source"]["id"] == "CN115000001A"
    assert ids[0] == "CN115000099A"
    reasons = body["hits"][0]["reasons"]
    assert reasons["direct_citation"] == "cited_by"
    assert reasons["ipc_overlap"] == 1.0 and "H01M10/48 ~ H01M10/48" in reasons["shared_ipc"]
    assert "热失控" in reasons["shared_terms"]
    missing = client.get("/api/v1/patents/CN999999999A/similar")
    assert missing.status_code == 404 and missing.json()["code"] == "PATENT_NOT_FOUND"


def test_similar_by_number_in_another_form_and_coupling(client: TestClient) -> None:
    body = client.get("/api/v1/patents/CN115000098A/similar", params={"size": 10}).json()
    coupled = next(h for h in body["hits"] if h["id"] == "CN115000099A")
    assert coupled["reasons"]["shared_citations"] == ["CN110000000A"]


def test_similar_to_a_text(client: TestClient) -> None:
    response = client.post(
        "/api/v1/similar",
        json={"text": "电池包外壳的防撞结构，用吸收能量的梁保护里面的电池模组", "size": 3},
    )
    assert response.status_code == 200, response.json()
    hits = response.json()["hits"]
    assert hits[0]["id"] == "CN216000003U" and hits[0]["reasons"]["shared_terms"]
    short = client.post("/api/v1/similar", json={"text": "电池"})
    assert short.status_code == 400 and short.json()["code"] == "TEXT_TOO_SHORT"


def test_citations_from_exports_with_stubs_and_self_citations(client: TestClient) -> None:
    body = client.get("/api/v1/patents/CN115000099A/citations").json()
    backward = {c["patent"]["id"]: c for c in body["backward"]}
    assert set(backward) == {"CN115000001A", "CN110000000A"}
    assert body["backward_count"] == 2 and body["forward_count"] == 1
    assert backward["CN115000001A"]["patent"]["loaded"] is True
    assert backward["CN110000000A"]["patent"] == {
        "id": "CN110000000A",
        "title": None,
        "country": "CN",
        "kind": None,
        "legal_status": None,
        "filing_date": None,
        "publication_date": None,
        "grant_date": None,
        "loaded": False,
    }
    # Both filed by 宁德时代: a self-citation; the stub's group is unknown.
    assert backward["CN115000001A"]["self_citation"] is True
    assert backward["CN110000000A"]["self_citation"] is False
    assert [c["patent"]["id"] for c in body["forward"]] == ["CN116000000A"]
    cited = client.get("/api/v1/patents/CN115000001A/citations").json()
    assert [c["patent"]["id"] for c in cited["forward"]] == ["CN115000099A"]
    assert cited["forward"][0]["source"] == "export"


def test_family_members_with_country_kind_dates_and_status(client: TestClient) -> None:
    body = client.get("/api/v1/patents/202210000099.1/family").json()
    assert body["patent_id"] == "CN115000099A"
    [simple] = [f for f in body["families"] if f["kind"] == "simple"]
    members = {m["id"]: m for m in simple["members"]}
    assert set(members) == {"CN115000099A", "US20230000099A1"}
    assert members["CN115000099A"]["country"] == "CN"
    assert members["CN115000099A"]["filing_date"] == "2022-03-01"
    assert members["CN115000099A"]["kind"] == "invention"
    assert members["US20230000099A1"]["country"] == "US"
    assert members["US20230000099A1"]["loaded"] is False
    missing = client.get("/api/v1/patents/CN999999999A/family")
    assert missing.status_code == 404 and missing.json()["code"] == "PATENT_NOT_FOUND"


def test_an_abandoned_export_closes_its_walk() -> None:
    """A client that disconnects mid-download: the writer and the walk are closed at once."""

    def walk() -> Generator[SearchHit, None, None]:
        for number in range(10_000):
            yield SearchHit(f"CN{number}A", 1.0, IndexDocument(id=f"CN{number}A", title="一种"), {})

    async def read_one_chunk(stream: AsyncGenerator[bytes, None]) -> bytes:
        chunk = await anext(stream)
        await stream.aclose()  # what Starlette does when the client goes away
        return chunk

    hits = walk()
    body = ndjson(hits, ("title",))
    chunk = anyio.run(read_one_chunk, closing_stream(body, hits))
    assert chunk.count(b"\n") > 0
    assert inspect.getgeneratorstate(hits) == inspect.GEN_CLOSED
    assert inspect.getgeneratorstate(body) == inspect.GEN_CLOSED
