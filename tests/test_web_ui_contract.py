"""The web UI's calls checked against the same OpenAPI document portals generate clients from:
every path the UI calls is an operation of the document and every query parameter it sends is
one of that operation's. (Lighter than typing the UI with openapi-typescript: response fields
the UI reads are not checked; tests/test_web_ui.py drives the UI in a browser.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from config.settings import Settings
from search_api.app import create_app

APP_JS = Path(__file__).resolve().parents[1] / "search_api" / "static" / "app.js"
# api("/api/v1/...", { a: x, b }) and fetch(`/api/v1/...?format=...`)
CALL = re.compile(
    r"""(?:api|fetch)\(\s*[`"](/api/v1/[^`"?]*)(?:\?([^`"]*))?[`"]\s*(?:,\s*\{([^}]*)\})?"""
)
TEMPLATE = re.compile(r"\$\{[^}]*\}")


def _ui_calls() -> list[tuple[str, set[str]]]:
    calls = []
    for match in CALL.finditer(APP_JS.read_text(encoding="utf-8")):
        path, query, params = match.groups()
        names = {p.split("=")[0] for p in (query or "").split("&") if p}
        if params and match.group(0).startswith("api"):
            names |= {item.split(":")[0].strip() for item in params.split(",") if item.strip()}
        calls.append((path, names))
    return calls


def _operation(document: dict[str, Any], ui_path: str) -> dict[str, Any] | None:
    # A template part of the UI's path (`${id}`, `${kind}s`) stands for any one segment.
    parts = [re.escape(p) for p in TEMPLATE.split(ui_path)]
    ui_pattern = re.compile("^" + "[^/]+".join(parts) + "$")
    for path, item in document["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", "x", path)
        if "get" in item and ui_pattern.match(concrete):
            operation: dict[str, Any] = item["get"]
            return operation
    return None


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("ui-contract")))
    return app.openapi()


def test_the_ui_finds_its_calls() -> None:
    paths = {path for path, _ in _ui_calls()}
    assert {"/api/v1/search", "/api/v1/graph/neighbors", "/api/v1/graph/paths"} <= paths
    assert len(paths) >= 7


def test_every_ui_call_is_a_documented_operation_with_its_parameters(
    document: dict[str, Any],
) -> None:
    for path, names in _ui_calls():
        operation = _operation(document, path)
        assert operation is not None, f"the UI calls {path}, which the API does not document"
        known = {p["name"] for p in operation.get("parameters", [])}
        assert names <= known, (path, names - known)
