"""A portal's client, generated from the OpenAPI document with openapi-python-client (as the
README shows), drives a realistic session against the service with the bundled samples and
parses every success and every error through the generated models. A change of the document
that breaks such a client fails here. The client is generated into a temporary directory on
every run; nothing generated is committed."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cli.main import load_samples
from config.settings import Settings
from search_api.app import create_app
from search_api.auth import Role, add_key

PACKAGE = "ipgraph_client"


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    workdir = tmp_path_factory.mktemp("client")
    settings = Settings(data_dir=workdir / "data")
    load_samples(settings)
    key = add_key(settings.api_keys_file, "portal-team", Role.ADMIN)
    app = create_app(settings)
    generated = _generate(app.openapi(), workdir / "generated")
    sys.path.insert(0, str(generated))
    try:
        client_module = importlib.import_module(PACKAGE)
        with (
            TestClient(app, headers={"X-API-Key": key}) as admin,
            TestClient(app) as anonymous,
            TestClient(app, headers={"X-API-Key": "not-a-key"}) as wrong_key,
        ):
            yield {
                "admin": _client(client_module, admin),
                "anonymous": _client(client_module, anonymous),
                "wrong_key": _client(client_module, wrong_key),
            }
    finally:
        sys.path.remove(str(generated))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _generate(document: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True)
    spec = out / "openapi.json"
    spec.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    generator = shutil.which("openapi-python-client")
    assert generator, "openapi-python-client is a dev dependency: pip install -e '.[dev]'"
    target = str(out / PACKAGE)
    subprocess.run(
        [generator, "generate", "--path", str(spec), "--meta", "none", "--output-path", target],
        check=True,
        capture_output=True,
    )
    return out


def _client(module: ModuleType, http: TestClient) -> Any:
    # An undocumented status raises: the document must name every status the session meets.
    client = module.AuthenticatedClient(
        base_url=str(http.base_url), token="", raise_on_unexpected_status=True
    )
    client.set_httpx_client(http)
    return client


def _api(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.api.{name}")


def _models() -> Any:
    return importlib.import_module(f"{PACKAGE}.models")


def test_a_portal_session_parses_through_the_generated_models(session: dict[str, Any]) -> None:
    models = _models()
    client = session["admin"]
    found = _api("search.search_get").sync(client=client, q="锂离子电池")
    assert isinstance(found, models.SearchResponse) and found.total > 0
    patent_id = found.hits[0].id

    patent = _api("entities.get_patent").sync(patent_id, client=client)
    assert isinstance(patent, models.PatentResponse) and patent.id == patent_id
    applicant = patent.applicants[0].id

    organization = _api("entities.get_organization").sync(applicant, client=client)
    assert isinstance(organization, models.OrganizationResponse)

    paths = _api("graph.find_paths").sync(client=client, from_="宁德时代", to="比亚迪")
    assert isinstance(paths, models.PathsResponse) and paths.paths

    report = _api("due_diligence.due_diligence").sync_detailed(organization.id, client=client)
    assert report.status_code == 200
    assert json.loads(report.content)["organization"] == organization.id


def test_an_export_pages_through_every_hit_with_the_cursor(session: dict[str, Any]) -> None:
    # The search export endpoint is not on this branch yet: an export is search with cursor
    # paging, through the generated POST model.
    models = _models()
    search_post = _api("search.search_post")
    ids: list[str] = []
    cursor: str | None = None
    total = None
    while True:
        body = models.SearchRequest(q="电池", size=2, facets=False)
        if cursor:
            body.cursor = cursor
        page = search_post.sync(client=session["admin"], body=body)
        assert isinstance(page, models.SearchResponse)
        total = page.total
        ids += [hit.id for hit in page.hits]
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
        if not cursor:
            break
    assert total and len(ids) == len(set(ids)) == total


def test_every_error_parses_as_the_error_model(session: dict[str, Any]) -> None:
    models = _models()
    code = models.ErrorCode
    admin = session["admin"]
    cases = [
        (_api("entities.get_patent").sync("CN000000000A", client=admin), code.PATENT_NOT_FOUND),
        (_api("search.search_get").sync(client=admin, q='"未闭合'), code.QUERY_SYNTAX),
        (_api("search.search_get").sync(client=admin, size=0), code.VALIDATION_ERROR),
        (
            _api("entities.get_patent").sync("CN115000001A", client=session["wrong_key"]),
            code.API_KEY_INVALID,
        ),
        (
            _api("due_diligence.due_diligence").sync("宁德时代", client=session["anonymous"]),
            code.FORBIDDEN,
        ),
        (
            _api("graph.run_cypher").sync(
                client=admin, body=models.CypherRequest(query="MATCH (n) RETURN count(n)")
            ),
            code.CYPHER_UNAVAILABLE,
        ),
    ]
    for error, expected in cases:
        assert isinstance(error, models.ErrorBody), error
        assert error.code is expected and error.message
    validation = cases[2][0]
    assert validation.detail.additional_properties["errors"][0]["field"]
