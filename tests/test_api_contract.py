"""The OpenAPI document tells the truth, for every operation it lists (so routes added later
are covered without a test of their own): one error model whose `code` enum holds every code
the API emits; every required parameter has an example, and each operation called with its
examples reaches its logic on the embedded backend with the bundled samples; HEAD answers
wherever GET does; a 405 names the methods the resource has in `Allow`.
Schemathesis with every check, on both backends: scripts/api_contract.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from cli.main import load_samples
from config.settings import Settings
from graph.errors import CypherUnsupportedError, GraphUnavailableError
from search.errors import SearchUnavailableError
from search_api.app import create_app
from search_api.auth import Role, add_key
from search_api.errors import ApiErrorCode
from usecases.errors import ErrorCode

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE")
ADMIN = "admin-key"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("contract"))
    load_samples(settings)
    key = add_key(settings.api_keys_file, "contract", Role.ADMIN)
    with TestClient(create_app(settings)) as client:
        yield client, key


@pytest.fixture(scope="module")
def document(served: tuple[TestClient, str]) -> dict[str, Any]:
    client, _ = served
    body: dict[str, Any] = client.get("/openapi.json").json()
    return body


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method.upper(), operation


def test_every_error_response_is_the_one_error_body(document: dict[str, Any]) -> None:
    error_ref = "#/components/schemas/ErrorBody"
    for path, method, operation in _operations(document):
        for status, response in operation["responses"].items():
            if status[0] in "45":
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": error_ref}, (method, path, status)
                assert response["description"], (method, path, status)
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_the_code_enum_holds_every_code_of_every_package(document: dict[str, Any]) -> None:
    enum = set(document["components"]["schemas"]["ErrorCode"]["enum"])
    assert {c.value for c in ApiErrorCode} <= enum
    assert {c.value for c in ErrorCode} <= enum
    for error in (CypherUnsupportedError, GraphUnavailableError, SearchUnavailableError):
        assert error.code in enum
    code = document["components"]["schemas"]["ErrorBody"]["properties"]["code"]
    assert code["$ref"] == "#/components/schemas/ErrorCode"


def test_errors_are_derived_from_what_an_operation_reads(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        statuses = set(operation["responses"])
        where = (method, path)
        assert "414" in statuses, where
        if "{" in path:
            assert {"404", "422"} <= statuses, where
        if "requestBody" in operation:
            assert {"413", "422"} <= statuses, where
        if "security" in operation:
            assert "401" in statuses, where
            # Without an empty requirement the key is required: a role is needed.
            assert ("403" in statuses) == ({} not in operation["security"]), where
    cypher = document["paths"]["/api/v1/graph/cypher"]["post"]
    assert {"403", "501"} <= set(cypher["responses"])
    assert cypher["security"] == [{"ApiKey": []}]


def _examples(parameter: dict[str, Any]) -> list[Any]:
    schema = parameter["schema"]
    examples = parameter.get("examples") or schema.get("examples")
    for option in schema.get("anyOf", []):
        examples = examples or option.get("examples")
    return list(examples or [])


def _example(parameter: dict[str, Any]) -> Any:
    examples = _examples(parameter)
    assert examples, f"the required parameter {parameter['name']} has no example"
    return examples[0]


def _example_body(document: dict[str, Any], operation: dict[str, Any]) -> Any:
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if schema.get("examples"):
        return schema["examples"][0]
    return {
        name: field["examples"][0]
        for name, field in schema["properties"].items()
        if name in schema.get("required", []) or field.get("examples")
    }


def _example_request(
    document: dict[str, Any], path: str, operation: dict[str, Any]
) -> tuple[str, dict[str, Any], Any]:
    url, query = path, {}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            value = quote(str(_example(parameter)), safe="")
            url = url.replace("{" + parameter["name"] + "}", value)
        elif parameter.get("required") or _examples(parameter):
            # Optional parameters with an example too: some combinations need one (an IPC
            # prefix or a query for head-to-head).
            query[parameter["name"]] = _example(parameter)
    body = _example_body(document, operation) if "requestBody" in operation else None
    return url, query, body


def test_every_operation_resolves_with_its_examples(
    served: tuple[TestClient, str], document: dict[str, Any]
) -> None:
    client, key = served
    for path, method, operation in _operations(document):
        url, query, body = _example_request(document, path, operation)
        response = client.request(method, url, params=query, json=body, headers={"X-API-Key": key})
        if response.status_code == 501 and "501" in operation["responses"]:
            continue  # Cypher on the embedded backend, as documented
        # Success as documented: 200, or the operation's own 2xx (201 for a new decision).
        documented = str(response.status_code) in operation["responses"]
        assert response.status_code < 300 and documented, (method, url, query, response.text[:300])


def test_head_works_wherever_get_does(
    served: tuple[TestClient, str], document: dict[str, Any]
) -> None:
    client, key = served
    for path, method, operation in _operations(document):
        if method != "GET":
            continue
        url, query, _ = _example_request(document, path, operation)
        got = client.get(url, params=query, headers={"X-API-Key": key})
        head = client.head(url, params=query, headers={"X-API-Key": key})
        assert head.status_code == got.status_code, url
        assert head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"], url
    assert client.head("/", follow_redirects=False).status_code == 307


def test_a_405_names_the_methods_of_the_resource(
    served: tuple[TestClient, str], document: dict[str, Any]
) -> None:
    client, key = served
    for path, item in document["paths"].items():
        operation = next(iter(item.values()))
        url, _, _ = _example_request(document, path, operation)
        declared = {m.upper() for m in item}
        allowed = declared | ({"HEAD"} if "GET" in declared else set())
        for method in set(METHODS) - declared:
            response = client.request(method, url, headers={"X-API-Key": key})
            assert response.status_code == 405, (method, url)
            assert set(response.headers["allow"].split(", ")) == allowed, (method, url)
            assert response.json()["code"] == "METHOD_NOT_ALLOWED"


def test_undeclared_methods_on_the_ui_name_get_and_head(served: tuple[TestClient, str]) -> None:
    client, _ = served
    response = client.post("/ui/")
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"


def test_samples_are_what_serve_loads(tmp_path: Path) -> None:
    # The examples name sample entities: the samples must load without a problem.
    settings = Settings(data_dir=tmp_path)
    load_samples(settings)
    assert (tmp_path / "graph.sqlite3").exists()
