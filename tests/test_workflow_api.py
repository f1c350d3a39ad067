"""Graded management over HTTP: the patent's value, decisions with who/when/why and the audit
trail, the review queue and the annuity budget, watches per key and the alert inbox; the
webhook against a local receiver that checks the signature and fails on purpose first."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from domain.annuities import annuities_due, annuity_amount
from domain.organizations import OrganizationAliases
from graph.model import EdgeRow, EdgeType
from graph.value_model import ValueModel
from search_api.app import create_app
from stores.backends import Stores, build_webhook, open_stores, open_workflow_store
from stores.webhooks import SIGNATURE_HEADER, WebhookSender
from tests.conftest import api_key
from tests.test_due_diligence import load_everything
from usecases.context import Context
from usecases.monitoring import Monitor, refresh

PATENT = "CN115000001A"
CATL = "宁德时代新能源科技股份有限公司"
BYD = "比亚迪股份有限公司"
SECRET = b"test-webhook-secret"


class Receiver(BaseHTTPRequestHandler):
    """Answers 503 to the first `fail_first` requests, then 204; keeps what it received."""

    fail_first = 0
    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((dict(self.headers), body))
        failing = len(type(self).received) <= type(self).fail_first
        self.send_response(503 if failing else 204)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def receiver() -> Iterator[tuple[str, type[Receiver]]]:
    handler = type("FreshReceiver", (Receiver,), {"received": [], "fail_first": 2})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, Stores]]:
    workdir = tmp_path_factory.mktemp("workflow")
    settings = Settings(data_dir=workdir)
    stores = open_stores(settings)
    touched = load_everything(stores, workdir / "dead")
    workflow = open_workflow_store(settings)
    ctx = Context(stores, OrganizationAliases.load())
    refresh(ctx, Monitor(workflow, ValueModel.load()), touched, dt.date.today())
    workflow.close()
    yield settings, stores
    stores.close()


@pytest.fixture(scope="module")
def client(loaded: tuple[Settings, Stores]) -> Iterator[TestClient]:
    settings, stores = loaded
    with TestClient(create_app(settings, stores=stores)) as test_client:
        yield test_client


def _key(loaded: tuple[Settings, Stores], role: str, name: str) -> dict[str, str]:
    return api_key(loaded[0], role, name=name)


def test_patent_page_carries_its_value_and_the_graph_its_grade(
    client: TestClient, loaded: tuple[Settings, Stores]
) -> None:
    body = client.get(f"/api/v1/patents/{PATENT}").json()
    value = body["value"]
    assert value["grade"] in {"core", "important", "general"}
    assert {f["group"] for f in value["factors"]} == {"legal", "technical", "economic"}
    assert sum(f["weight"] for f in value["factors"]) == pytest.approx(100)
    assert value["score"] == pytest.approx(sum(f["contribution"] for f in value["factors"]), 0.01)
    licensed = next(f for f in value["factors"] if f["name"] == "licensed")
    assert licensed == {
        "name": "licensed",
        "group": "economic",
        "value": True,
        "weight": 6.0,
        "contribution": 6.0,
    }
    assert body["properties"]["grade"] == value["grade"]
    kpis = client.get("/api/v1/graph/kpis", params={"organization": CATL}).json()
    by_grade = kpis["group"]["by_grade"]
    assert "ungraded" not in by_grade and sum(by_grade.values()) > 0


def test_decisions_need_an_analyst_and_are_audited(
    client: TestClient, loaded: tuple[Settings, Stores]
) -> None:
    analyst = _key(loaded, "analyst", "王分析")
    portal = _key(loaded, "portal", "门户")
    body = {"action": "license", "reason": "非核心业务，许可给下游电池厂", "due": "2026-06-30"}
    url = f"/api/v1/patents/{PATENT}/decisions"
    assert client.post(url, json=body, headers=portal).status_code == 403
    bad = client.post(url, json={**body, "action": "sell"}, headers=analyst)
    assert bad.status_code == 422 and bad.json()["code"] == "VALIDATION_ERROR"
    missing = client.post("/api/v1/patents/CN999999999A/decisions", json=body, headers=analyst)
    assert missing.status_code == 404 and missing.json()["code"] == "PATENT_NOT_FOUND"
    made = client.post("/api/v1/patents/CN202210000001.0/decisions", json=body, headers=analyst)
    assert made.status_code == 201
    decision = made.json()
    assert decision["who"] == "王分析" and decision["patent"] == PATENT
    history = client.get(url, headers=analyst).json()
    assert history[0] == decision
    entries = [json.loads(line) for line in loaded[0].audit_log.read_text().splitlines()]
    assert {
        "who": "王分析",
        "action": "decision",
        "patent": PATENT,
        "decided": "license",
        "reason": body["reason"],
        "due": "2026-06-30",
    }.items() <= entries[-1].items()


def test_review_queue_and_budget_use_the_cnipa_schedule(
    client: TestClient, loaded: tuple[Settings, Stores]
) -> None:
    analyst = _key(loaded, "analyst", "王分析")
    before = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    queue = client.get("/api/v1/reviews", params={"before": before}, headers=analyst).json()
    annuities = [i for i in queue["items"] if i["reason"] == "annuity"]
    assert annuities and [i["due"] for i in queue["items"]] == sorted(
        i["due"] for i in queue["items"]
    )
    first = next(i for i in annuities if i["patent"] == PATENT)
    assert first["amount"] == annuity_amount("invention", first["year"])
    budget = client.get(
        "/api/v1/reviews/budget",
        params={"organization": "宁德时代", "before": before},
        headers=analyst,
    ).json()
    assert budget["organization"] == CATL
    assert (
        budget["total"]
        == sum(budget["by_grade"].values())
        == sum(sum(g.values()) for g in budget["by_subsidiary"].values())
    )
    assert budget["total"] == sum(i["amount"] for i in budget["items"]) > 0
    portal = _key(loaded, "portal", "门户")
    assert (
        client.get("/api/v1/reviews", params={"before": before}, headers=portal).status_code == 403
    )


def test_annuity_schedule_dates_and_amounts() -> None:
    # An invention filed 2019-03-15: patent year 8 starts 2026-03-15 (fee 2000 yuan), year 9
    # on 2027-03-15 (2000), year 10 on 2028-03-15 (4000).
    due = annuities_due(
        "invention",
        dt.date(2019, 3, 15),
        dt.date(2039, 3, 15),
        dt.date(2026, 1, 1),
        dt.date(2028, 12, 31),
    )
    assert [(d.year, d.due.isoformat(), d.amount) for d in due] == [
        (8, "2026-03-15", 2000),
        (9, "2027-03-15", 2000),
        (10, "2028-03-15", 4000),
    ]
    assert annuity_amount("utility_model", 11) is None  # the term is 10 years
    assert annuity_amount("design", 12) == 3000


def test_watches_and_alerts_per_key(client: TestClient, loaded: tuple[Settings, Stores]) -> None:
    alice = _key(loaded, "portal", "alice")
    bob = _key(loaded, "portal", "bob")
    made = client.post("/api/v1/watches", json={"kind": "patent", "target": PATENT}, headers=alice)
    assert made.status_code == 201
    again = client.post("/api/v1/watches", json={"kind": "patent", "target": PATENT}, headers=alice)
    assert again.status_code == 200 and again.json()["id"] == made.json()["id"]
    assert client.get("/api/v1/watches", headers=bob).json() == []
    assert [w["id"] for w in client.get("/api/v1/watches", headers=alice).json()] == [
        made.json()["id"]
    ]
    bad = client.post("/api/v1/watches", json={"kind": "query", "target": "电池 ("}, headers=alice)
    assert bad.status_code == 400 and bad.json()["code"] == "QUERY_SYNTAX"
    settings, stores = loaded
    stores.graph.upsert_edges(
        EdgeType.PLEDGED_TO, [EdgeRow(PATENT, BYD, {"contract": "HT-API-PLG"}, "test#1")]
    )
    workflow = open_workflow_store(settings)
    ctx = Context(stores, OrganizationAliases.load())
    refresh(ctx, Monitor(workflow, ValueModel.load()), [], dt.date.today())
    workflow.close()
    inbox = client.get("/api/v1/alerts", headers=alice).json()["alerts"]
    assert [(a["kind"], a["patent"], a["change"], a["evidence"]) for a in inbox] == [
        ("pledge", PATENT, {"before": None, "after": BYD}, ["HT-API-PLG"])
    ]
    assert inbox[0]["watch"] == {"id": made.json()["id"], "kind": "patent", "target": PATENT}
    assert client.get("/api/v1/alerts", headers=bob).json()["alerts"] == []
    assert client.delete(f"/api/v1/watches/{made.json()['id']}", headers=bob).status_code == 404
    assert client.delete(f"/api/v1/watches/{made.json()['id']}", headers=alice).status_code == 204
    assert client.get("/api/v1/watches", headers=alice).json() == []


def test_webhook_is_signed_retried_and_its_failures_visible(
    tmp_path: Path, receiver: tuple[str, type[Receiver]]
) -> None:
    url, handler = receiver
    sleeps: list[float] = []
    sender = WebhookSender(url, SECRET, attempts=4, backoff_s=0.5, sleep=sleeps.append)
    result = sender.deliver("7", b'{"id": 7}')
    assert (result.delivered, result.attempts) == (True, 3)
    assert sleeps == [0.5, 1.0]  # doubling back-off between the attempts
    headers, body = handler.received[-1]
    expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] == expected and headers["X-Ipgraph-Delivery"] == "7"
    handler.fail_first = 100
    failed = WebhookSender(url, SECRET, attempts=2, backoff_s=0, sleep=sleeps.append).deliver(
        "8", b"{}"
    )
    assert (failed.delivered, failed.attempts, failed.error) == (False, 2, "HTTP 503")
    settings = Settings(data_dir=tmp_path, webhook_url=url, webhook_secret="s")  # type: ignore[arg-type]
    built = build_webhook(settings)
    assert built is not None and built.url == url
    assert build_webhook(Settings(data_dir=tmp_path)) is None


def test_alerts_carry_the_webhook_outcome(
    tmp_path: Path, receiver: tuple[str, type[Receiver]]
) -> None:
    url, handler = receiver
    handler.fail_first = 100  # the receiver is down: the failure is stored with the alert
    settings = Settings(data_dir=tmp_path)
    with open_stores(settings) as stores:
        touched = load_everything(stores, tmp_path / "dead")
        workflow = open_workflow_store(settings)
        ctx = Context(stores, OrganizationAliases.load())
        monitor = Monitor(workflow, ValueModel.load(), webhook=WebhookSender(url, SECRET, 2, 0))
        refresh(ctx, monitor, touched, dt.date.today())
        workflow.add_watch("ops", "organization", CATL, "2026-01-01T00:00:00+00:00")
        stores.graph.upsert_edges(
            EdgeType.LICENSED_TO, [EdgeRow(PATENT, "清华大学", {"contract": "HT-X"}, "t#1")]
        )
        report = refresh(ctx, monitor, [], dt.date.today())
        stored = workflow.alerts("ops")
        workflow.close()
    assert [a.kind for a in report.alerts] == ["licence"]
    delivery = stored[0].delivery
    assert delivery is not None
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("failed", 2, "HTTP 503")
    sent = json.loads(handler.received[-1][1])
    assert sent["kind"] == "licence" and sent["change"]["after"] == "比亚迪股份有限公司、清华大学"
