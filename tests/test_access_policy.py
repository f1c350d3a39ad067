"""One access policy on every read path: every GET route (and the search POST) is called with
every role, on a graph holding every kind of confidential record (trade secrets, the people
register, confidential contracts). Below `dd` no confidential node, edge type or property may
appear in any answer; no answer, for any role, carries an absolute server file path.

New routes are covered without editing this file: the walk reads the OpenAPI document, and a
required parameter it has no value for fails the test until one is added to `VALUES`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from config.settings import Settings
from domain import access
from graph.model import Direction, EdgeType, NodeLabel
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests.conftest import SAMPLE_PATENTS, api_key
from tests.test_due_diligence import CATL, SECRET, load_everything

SAMPLES = SAMPLE_PATENTS.parent
ROLES = ("anonymous", "portal", "analyst", "dd", "admin")
BELOW_DD = ("anonymous", "portal", "analyst")


@dataclass(frozen=True)
class Walk:
    answers: dict[str, dict[str, str]]  # role -> "METHOD url" -> body of a 2xx answer
    errors: dict[str, dict[str, str]]  # role -> "METHOD url" -> body of a 4xx answer
    confidential_markers: frozenset[str]


def _confidential_markers(stores: Stores) -> frozenset[str]:
    """Strings that only confidential records produce: ids and names of trade secrets, of
    confidential contracts and of people known only from confidential records; the names of
    confidential edge types and properties."""
    graph = stores.graph
    markers = {SECRET, *_register_only_people(stores)}
    markers |= {name for names in access.CONFIDENTIAL_PROPERTIES.values() for name in names}
    markers |= set(access.CONFIDENTIAL_EDGES) | set(access.CONFIDENTIAL_LABELS)
    for secret in graph.neighbours(EdgeType.HOLDS_SECRET, CATL, Direction.OUT, 100):
        markers |= {secret.id, secret.name}
    for contract in graph.neighbours(EdgeType.PARTY_TO_CONFIDENTIAL, CATL, Direction.OUT, 100):
        markers.add(contract.id)
    return frozenset(m for m in markers if m)


def _register_only_people(stores: Stores) -> list[str]:
    """People the register names at the target who are on no patent (one 张伟 is an inventor,
    the register's chief scientist 张伟 is another person)."""
    employed = stores.graph.neighbours(EdgeType.EMPLOYED_BY, CATL, Direction.IN, 100)
    people = [stores.graph.get_node(NodeLabel.PERSON, person.id) for person in employed]
    found = [p.id for p in people if p is not None and not p.props.get("patents")]
    assert found, "the samples changed: no register-only person left to test with"
    return found


def _values(markers: frozenset[str]) -> dict[str, list[str]]:
    """Parameter values to try: public ones, and the confidential ones a caller might guess."""
    secret_contracts = sorted(m for m in markers if m.startswith("SAMPLE-"))
    return {
        "patent_id": ["CN115000001A", "CN202110123456.7"],
        "number": ["CN115000001A", "CN202110123456.7"],
        "name": [CATL],
        "organization": [CATL],
        "person_id": sorted(m for m in markers if "@" in m),
        "contract_id": secret_contracts[:2] or ["none"],
        "standard_id": ["3GPP TS 38.211"],
        "standard": ["3GPP TS 38.211"],
        "from": [CATL],
        "to": ["比亚迪股份有限公司"],
        "node": [
            CATL,
            "CN115000001A",
            "CN115000014A",
            SECRET,
            *sorted(m for m in markers if "@" in m),
        ],
        "ours": [CATL],
        "theirs": ["比亚迪股份有限公司"],
        "a": [CATL],
        "b": ["比亚迪股份有限公司"],
        "q": ["电池"],
        "format": ["json"],
        "before": ["2030-01-01"],
    }


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    workdir = tmp_path_factory.mktemp("access")
    settings = Settings(data_dir=workdir)
    headers = {"anonymous": {}} | {
        role: api_key(settings, role, name=f"{role}-user") for role in ROLES[1:]
    }
    opened = open_stores(settings)
    load_everything(opened, workdir / "dead")
    markers = _confidential_markers(opened)
    values = _values(markers)
    answers: dict[str, dict[str, str]] = {role: {} for role in ROLES}
    errors: dict[str, dict[str, str]] = {role: {} for role in ROLES}
    with TestClient(create_app(settings, stores=opened)) as client:
        for url in _urls(client, values):
            for role in ROLES:
                response = client.get(url, headers=headers[role])
                _keep(response, f"GET {url}", answers[role], errors[role])
        for role in ROLES:
            body = {"q": "电池 OR 协议 OR 秘密", "asset_kind": ["patent", "contract"]}
            response = client.post("/api/v1/search", json=body, headers=headers[role])
            _keep(response, "POST /api/v1/search", answers[role], errors[role])
    opened.close()
    yield Walk(answers, errors, markers)


def _keep(
    response: Response, request: str, answers: dict[str, str], errors: dict[str, str]
) -> None:
    """A 4xx may echo what the caller asked for (a guessed id): that tells nothing. Only what
    an answer adds is checked; a 5xx fails the walk."""
    assert response.status_code < 500, (request, response.text)
    (answers if response.status_code < 300 else errors)[request] = response.text


def _urls(client: TestClient, values: dict[str, list[str]]) -> list[str]:
    urls: list[str] = []
    for path, operations in client.app.openapi()["paths"].items():  # type: ignore[attr-defined]
        operation = operations.get("get")
        if operation is None or not path.startswith("/api/"):
            continue
        params = operation.get("parameters", [])
        missing = [p["name"] for p in params if p.get("required") and p["name"] not in values]
        assert missing == [], f"add values for {missing} ({path}) to the access walk"
        urls.extend(_fill(path, params, values))
    return urls


def _fill(path: str, params: list[dict[str, object]], values: dict[str, list[str]]) -> list[str]:
    in_path = [str(p["name"]) for p in params if p["in"] == "path"]
    in_query = [str(p["name"]) for p in params if p["in"] == "query" and str(p["name"]) in values]
    variants = max([len(values[name]) for name in in_path + in_query] or [1])
    urls = []
    for i in range(variants):
        url = path
        for name in in_path:
            url = url.replace("{" + name + "}", values[name][i % len(values[name])])
        query = "&".join(f"{n}={values[n][i % len(values[n])]}" for n in in_query)
        urls.append(f"{url}?{query}" if query else url)
    return urls


def test_register_only_person_is_not_found_below_dd(walk: Walk) -> None:
    person = next(m for m in walk.confidential_markers if "@" in m)
    request = f"GET /api/v1/persons/{person}"
    for role in BELOW_DD:
        assert '"PERSON_NOT_FOUND"' in walk.errors[role][request], role
    assert request in walk.answers["dd"]


def test_nothing_confidential_below_dd(walk: Walk) -> None:
    for role in BELOW_DD:
        leaks = {
            (request, marker)
            for request, body in walk.answers[role].items()
            for marker in walk.confidential_markers
            if marker in body
        }
        assert leaks == set(), role


def test_dd_sees_the_confidential_records(walk: Walk) -> None:
    """The walk reaches the confidential records: without this the test above could not fail."""
    seen = {
        marker
        for body in walk.answers["dd"].values()
        for marker in walk.confidential_markers
        if marker in body
    }
    assert {SECRET, "EMPLOYED_BY", "confidential_records"} <= seen
    assert any("@" in marker for marker in seen)  # a register-only person


def test_no_answer_carries_a_server_file_path(walk: Walk) -> None:
    server_path = re.compile(r'"(/[^"]*/[^"]+\.\w+)"')
    for role in ROLES:
        for request, body in (walk.answers[role] | walk.errors[role]).items():
            paths = [p for p in server_path.findall(body) if Path(p).is_absolute()]
            assert paths == [], (role, request)
    assert any("sha256" in b or "CN115000001A" in b for b in walk.answers["anonymous"].values())


def test_policy_names_real_labels_and_edges() -> None:
    assert {NodeLabel(name) for name in access.CONFIDENTIAL_LABELS}
    assert {EdgeType(name) for name in access.CONFIDENTIAL_EDGES}
    assert {NodeLabel(label) for label in access.CONFIDENTIAL_PROPERTIES}


def test_walks_drop_what_they_meet_through_public_edges(tmp_path: Path) -> None:
    """A confidential contract covering patents (COVERS is a public edge type) is dropped from
    neighbourhoods below dd, with every path through it; it cannot be named as an end."""
    from domain.access import FULL_ACCESS, PUBLIC_ACCESS
    from domain.organizations import OrganizationAliases
    from graph.analytics.paths import Limits
    from graph.model import EdgeRow, NodeRow
    from usecases.context import Context
    from usecases.errors import NotFoundError
    from usecases.paths import neighbourhood_of, paths_between

    with open_stores(Settings(data_dir=tmp_path)) as stores:
        graph = stores.graph
        graph.ensure_schema()
        graph.upsert_nodes(
            NodeLabel.PATENT,
            [
                NodeRow("CN1A", {"title": "专利一"}, "t#1"),
                NodeRow("CN2A", {"title": "专利二"}, "t#1"),
            ],
        )
        graph.upsert_nodes(
            NodeLabel.CONTRACT,
            [
                NodeRow("NDA-1", {"title": "保密协议", "confidential": True}, "t#1"),
                NodeRow("LIC-1", {"title": "许可合同"}, "t#1"),
            ],
        )
        graph.upsert_edges(
            EdgeType.COVERS,
            [
                EdgeRow("NDA-1", "CN1A", {}, "t#1"),
                EdgeRow("NDA-1", "CN2A", {}, "t#1"),
                EdgeRow("LIC-1", "CN1A", {}, "t#1"),
            ],
        )
        ctx = Context(stores, OrganizationAliases())
        limits = Limits(per_node=10)

        def reached(policy: access.AccessPolicy) -> set[str]:
            _, found = neighbourhood_of(ctx, "CN1A", policy, depth=1, limits=limits)
            assert all("NDA-1" not in (link.src.id, link.dst.id) for link in found.links) or (
                policy is FULL_ACCESS
            )
            return {key.id for key in found.nodes}

        def paths(policy: access.AccessPolicy) -> int:
            *_, found = paths_between(ctx, "CN1A", "CN2A", policy, max_hops=3, k=3, limits=limits)
            return len(found.paths)

        assert reached(PUBLIC_ACCESS) == {"CN1A", "LIC-1"}
        assert reached(FULL_ACCESS) == {"CN1A", "LIC-1", "NDA-1"}
        assert (paths(PUBLIC_ACCESS), paths(FULL_ACCESS)) == (0, 1)
        with pytest.raises(NotFoundError):
            neighbourhood_of(ctx, "NDA-1", PUBLIC_ACCESS, depth=1, limits=limits)
