"""The web UI end to end in real headless Chromium (Debian's chromium, driven by Playwright)
against the app served on loopback with the samples: a Chinese query, a facet, a patent, its
graph expanded, an organisation, a contract, a due-diligence report, and the API docs offline.

Every page is screenshotted (into a temporary directory, or IPGRAPH_UI_SCREENSHOTS) and its
visible text checked for English codes: every code of the UI's label table
(window.ipgraphLabels) must reach the reader as its Chinese label."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import uvicorn

from config.settings import Settings
from domain.organizations import OrganizationAliases
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow
from graph.value_model import ValueModel
from ingest.resolve.groups import load_group_trees
from ingest.sep import load_sep_declarations
from search_api.app import create_app
from stores.backends import Stores, open_stores, open_workflow_store
from tests.conftest import REQUIRE_SERVERS, SAMPLE_GROUPS, SAMPLE_PATENTS, api_key
from tests.test_due_diligence import load_everything
from usecases.context import Context
from usecases.monitoring import Monitor, WatchKind, add_watch, refresh

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# No background traffic of the browser's own (updates, safe browsing, metrics, translation):
# whatever request a page makes is the page's.
OFFLINE_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-sync",
    "--metrics-recording-only",
    "--no-first-run",
    "--no-pings",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
]
CATL = "宁德时代新能源科技股份有限公司"
PATENT = "CN115000001A"
REVIEW_DAY = (dt.date.today() + dt.timedelta(days=30)).isoformat()
BEFORE = (dt.date.today() + dt.timedelta(days=400)).isoformat()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    if CHROMIUM is None:
        message = "Debian's chromium is needed for the UI tests (apt-get install chromium)"
        if REQUIRE_SERVERS:
            pytest.fail(message)
        pytest.skip(message)
    workdir = tmp_path_factory.mktemp("ui")
    settings = Settings(data_dir=workdir)
    key = api_key(settings, "dd", name="ui-test")["X-API-Key"]
    stores = open_stores(settings)
    touched = load_everything(stores, workdir / "dead")
    aliases = OrganizationAliases.load()
    load_group_trees(SAMPLE_GROUPS, stores.graph, aliases)
    load_sep_declarations(
        SAMPLE_PATENTS.with_name("sep_declarations.sample.csv"), stores.graph, aliases
    )
    _monitor_something(settings, stores, touched)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, stores=stores), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", key
    server.should_exit = True
    thread.join(timeout=10)
    stores.close()


def _monitor_something(settings: Settings, stores: Stores, touched: set[str]) -> None:
    """Grades on every patent, the UI key's watches, two alerts and a decision to show."""
    workflow = open_workflow_store(settings)
    ctx = Context(stores, OrganizationAliases.load())
    monitor = Monitor(workflow, ValueModel.load())
    refresh(ctx, monitor, touched)
    add_watch(ctx, workflow, "ui-test", WatchKind.ORGANIZATION, "宁德时代")
    add_watch(ctx, workflow, "ui-test", WatchKind.PATENT, PATENT)
    stores.graph.upsert_edges(
        EdgeType.PLEDGED_TO,
        [EdgeRow(PATENT, "比亚迪股份有限公司", {"contract": "HT-UI-PLG"}, "ui-test#1")],
    )
    co_owned = {"current_owners": [CATL, "清华大学"]}
    stores.graph.upsert_nodes(NodeLabel.PATENT, [NodeRow(PATENT, co_owned, "ui-test#1")])
    # The ledger's record of the new co-owner (an OWNS interval opening), as ingest writes it.
    tsinghua = NodeRow("清华大学", {"name": "清华大学"}, "ui-test#1")
    stores.graph.upsert_nodes(NodeLabel.ORGANIZATION, [tsinghua])
    stores.graph.upsert_edges(
        EdgeType.OWNS, [EdgeRow("清华大学", PATENT, {"from": "2026-01-01"}, "ui-test#1")]
    )
    assert len(refresh(ctx, monitor, []).alerts) >= 2
    workflow.add_decision(
        PATENT, "review", "质押后复核价值", REVIEW_DAY, "ui-test", "dd", "2026-01-01T00:00:00+00:00"
    )
    workflow.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("IPGRAPH_UI_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(served: tuple[str, str]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=OFFLINE_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, served: tuple[str, str]) -> Iterator[Any]:
    base, key = served
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    opened = context.new_page()
    opened.set_default_timeout(60_000)  # the CI machine is shared: give slow runs time
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(f"{base}/ui/")
    opened.evaluate("key => localStorage.setItem('ipgraph-key', key)", key)
    yield opened
    context.close()
    assert errors == []


# An evaluated expression that ends in emit(...) ends in "&& null": emit returns the element,
# and Playwright would try to serialise it with the whole graph behind it.


def leaked_codes(page: Any) -> list[str]:
    """Codes of the label table that appear as words in the page's visible text."""
    # A code its own label keeps (IPC in "IPC 分类") is the Chinese term, not a leak.
    codes: list[str] = page.evaluate(
        """Object.values(window.ipgraphLabels).flatMap((table) =>
             Object.entries(table).filter(([code, text]) => !text.includes(code))
               .map(([code]) => code))"""
    )
    text: str = page.evaluate("document.body.innerText")
    # A code counts as leaked when it stands alone, not inside a longer word or number
    # (CN in CN115000001A is a patent number, not a country code).
    return sorted(
        {
            code
            for code in codes
            if re.search(rf"(?<![A-Za-z0-9_]){re.escape(code)}(?![A-Za-z0-9_])", text)
        }
    )


def shoot(page: Any, folder: Path, name: str, full_page: bool = True) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 20_000, path  # a rendered page, not a blank one
    return path


def test_a_user_searches_filters_opens_expands_and_reviews(
    page: Any, served: tuple[str, str], screenshots: Path
) -> None:
    base, _ = served
    page.goto(f"{base}/")  # redirects to the UI
    page.fill("#q", "锂离子电池")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    assert "锂离子电池" in page.inner_text(".hit em")
    assert leaked_codes(page) == []
    shoot(page, screenshots, "01-search")

    total_before = page.locator(".hit").count()
    page.click('.facet-item[data-facet="legal_status"][data-key="valid"]')
    page.wait_for_function("location.hash.includes('legal_status=valid')")
    page.wait_for_selector(".chip")
    assert "法律状态：有效" in page.inner_text(".chip")
    assert 0 < page.locator(".hit").count() <= total_before

    page.click(".hit h3 a")
    page.wait_for_selector("#open-graph")
    assert page.inner_text("h2")  # the patent's title
    assert leaked_codes(page) == []

    page.click("#open-graph")
    page.wait_for_function("window.ipgraphGraph && window.ipgraphGraph.nodes().length > 1")
    before = page.evaluate("window.ipgraphGraph.nodes().length")
    page.evaluate("window.ipgraphGraph.nodes('[kind = \"Organization\"]')[0].emit('tap') && null")
    page.wait_for_function(f"window.ipgraphGraph.nodes().length > {before}")

    page.goto(f"{base}/ui/#/dd/宁德时代")
    page.wait_for_selector("tr.flag")
    codes = page.eval_on_selector_all("tr.flag", "rows => rows.map((r) => r.dataset.code)")
    assert {"DISPUTE_PENDING", "EXCLUSIVE_LICENSE_OUT", "SECRET_ACCESS_LEFT"} <= set(codes)
    flags = page.inner_text("#flags")
    assert "争议未决" in flags and "已独占许可他人" in flags  # the codes, in Chinese
    assert "接触商业秘密人员离职" in flags  # the dd key sees the people register
    with page.expect_download() as download:
        page.click('[data-export="pdf"]')
    assert download.value.suggested_filename.endswith(".pdf")


PAGES = [
    ("01-search", "#/search?q=电池", ".hit"),
    ("02-search-contracts", "#/search?asset_kind=contract", ".hit"),
    ("03-patent", f"#/patent/{PATENT}", "#open-graph"),
    ("04-organization", f"#/organization/{CATL}", "#portfolio"),
    ("05-contract", "#/contract/SAMPLE-LIC-2023-001", "h2"),
    ("06-due-diligence", f"#/dd/{CATL}", "tr.flag"),
    ("09-patent-value-and-decisions", f"#/patent/{PATENT}", "#decision-list table"),
    (
        "10-review-queue-and-budget",
        f"#/reviews?before={BEFORE}&organization=宁德时代",
        "#budget-view",
    ),
    ("11-alert-inbox", "#/alerts", "tr.alert"),
]


@pytest.mark.parametrize(("name", "route", "ready"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_speaks_chinese(
    page: Any, served: tuple[str, str], screenshots: Path, name: str, route: str, ready: str
) -> None:
    base, _ = served
    page.goto(f"{base}/ui/{route}")
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    shoot(page, screenshots, name)
    assert page.locator(".error").count() == 0, page.inner_text("body")
    assert leaked_codes(page) == []


def test_the_label_table_covers_every_code_the_python_emits(page: Any) -> None:
    from graph.model import EdgeType, NodeLabel
    from graph.value_model import InvalidationHistory, ValueIndicators, assess
    from ingest.contracts.model import ContractKind, Exclusivity, Role
    from search_api.auth import Role as ApiRole
    from usecases.monitoring import ChangeKind
    from usecases.workflow import Action, ReviewReason

    labels: dict[str, dict[str, str]] = page.evaluate("window.ipgraphLabels")
    expected = {
        "edge": {e.value for e in EdgeType},
        "node": {n.value for n in NodeLabel},
        "kind": {k.value for k in ContractKind} | {"invention", "utility_model", "design"},
        "party_role": {r.value for r in Role},
        "exclusivity": {e.value for e in Exclusivity},
        "api_role": {r.value for r in ApiRole},
        "grade": {"core", "important", "general", "ungraded"},
        "legal_status": {"valid", "pending", "invalid"},
        "flag": _flag_codes(),
        "action": {a.value for a in Action},
        "review_reason": {r.value for r in ReviewReason},
        "alert_kind": {c.value for c in ChangeKind},
        "watch_kind": {w.value for w in WatchKind},
        "value_factor": {
            f.name for f in assess(ValueIndicators(), ValueModel.load(), dt.date.today()).factors
        },
        "value_level": {i.value for i in InvalidationHistory} | {"candidate", "declared"},
    }
    for table, codes in expected.items():
        assert codes <= set(labels[table]), (table, codes - set(labels[table]))
    for table in labels.values():  # a label is Chinese, not the code again
        assert all(re.search(r"[\u4e00-\u9fff]", text) for text in table.values()), table


def _flag_codes() -> set[str]:
    package = Path(__file__).resolve().parents[1] / "graph" / "analytics" / "due_diligence"
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    codes = set(re.findall(r'RiskFlag\(\s*"([A-Z_]+)"', source))
    assert len(codes) >= 9
    return codes


def test_the_graph_view_keeps_labels_apart(
    page: Any, served: tuple[str, str], screenshots: Path
) -> None:
    base, _ = served
    page.goto(f"{base}/ui/#/graph/Organization/{CATL}")
    page.wait_for_function("window.ipgraphGraph && window.ipgraphGraph.nodes().length > 10")
    assert overlapping_labels(page) == 0
    # Edge labels only on hover: none drawn at rest, the hovered node's edges labelled.
    at_rest = page.evaluate("window.ipgraphGraph.edges().filter((e) => e.style('label')).length")
    assert at_rest == 0
    page.evaluate("window.ipgraphGraph.nodes('.center')[0].emit('mouseover') && null")
    hovered = page.evaluate("window.ipgraphGraph.edges('.hover').map((e) => e.style('label'))")
    assert hovered and all(re.search(r"[\u4e00-\u9fff]", text) for text in hovered)
    page.evaluate("window.ipgraphGraph.nodes('.center')[0].emit('mouseout') && null")
    shoot(page, screenshots, "07-graph", full_page=False)
    assert leaked_codes(page) == []
    # Expanded (the patent's IPC codes, inventors, contracts join): laid out again, still apart.
    nodes_before = page.evaluate("window.ipgraphGraph.nodes().length")
    layouts = page.evaluate("window.ipgraphLayouts")
    page.evaluate(f"window.ipgraphGraph.nodes('[key = \"{PATENT}\"]')[0].emit('tap') && null")
    page.wait_for_function(f"window.ipgraphLayouts > {layouts}")
    assert page.evaluate("window.ipgraphGraph.nodes().length") > nodes_before
    assert overlapping_labels(page) == 0
    shoot(page, screenshots, "07-graph-expanded", full_page=False)


def overlapping_labels(page: Any) -> int:
    """Pairs of nodes whose boxes, labels included, overlap once the layout has run."""
    count: int = page.evaluate(
        """() => {
          const boxes = window.ipgraphGraph.nodes()
            .map((n) => n.boundingBox({ includeLabels: true }));
          let overlapping = 0;
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping++;
          }
          return overlapping;
        }"""
    )
    return count


def test_the_organisation_portfolio_counts_patents_only(page: Any, served: tuple[str, str]) -> None:
    base, key = served
    page.goto(f"{base}/ui/#/organization/{CATL}")
    page.wait_for_selector("#portfolio")
    by_year = page.evaluate(
        """() => {
          const figure = [...document.querySelectorAll('#portfolio figure')]
            .find((f) => f.querySelector('figcaption').textContent === '按申请年');
          return [...figure.querySelectorAll('g')]
            .map((g) => Number(g.querySelector('text').textContent));
        }"""
    )
    patents = page.evaluate(
        """async ([org, key]) => (await (await fetch(
             `/api/v1/search?group=${encodeURIComponent(org)}&asset_kind=patent&size=1`,
             { headers: { 'X-API-Key': key } })).json()).total""",
        [CATL, key],
    )
    everything = page.evaluate(
        """async ([org, key]) => (await (await fetch(
             `/api/v1/search?group=${encodeURIComponent(org)}&size=1`,
             { headers: { 'X-API-Key': key } })).json()).total""",
        [CATL, key],
    )
    assert sum(by_year) == patents < everything  # the group also has contracts, not counted


@pytest.mark.parametrize(
    ("path", "ready"),
    [("/docs", ".opblock"), ("/redoc", "[data-section-id^='operation/']")],
)
def test_api_docs_render_offline(
    browser: Any, served: tuple[str, str], screenshots: Path, path: str, ready: str
) -> None:
    base, _ = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def only_loopback(route: Any) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:  # recorded, and refused: the page must not need it
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    page.goto(f"{base}{path}")
    page.wait_for_selector(ready, timeout=20_000)
    page.wait_for_load_state("networkidle")
    operations = page.locator(ready).count()
    loaded = page.evaluate(
        "performance.getEntriesByType('resource').map((r) => r.name).concat([location.href])"
    )
    shoot(page, screenshots, f"08-api{path.replace('/', '-')}")
    context.close()
    assert operations >= 10  # the API's operations are listed
    assert outside == []
    assert all(urlparse(url).hostname == "127.0.0.1" for url in loaded), loaded
    assert any(url.endswith(("swagger-ui-bundle.js", "redoc.standalone.js")) for url in loaded)


def test_value_decision_review_and_alert_pages(
    page: Any, served: tuple[str, str], screenshots: Path
) -> None:
    base, _ = served
    page.goto(f"{base}/ui/#/patent/{PATENT}")
    page.wait_for_selector("#decision-list table")
    factors = page.locator("#value tr.factor")
    assert factors.count() == 16
    assert page.inner_text("#grade") in {"核心", "重要", "一般"}
    assert "复核" in page.inner_text("#decision-list")
    page.select_option("#decision-action", "license")
    page.fill("#decision-reason", "许可给下游电池厂")
    page.fill("#decision-due", REVIEW_DAY)
    page.click("#decision-form button[type=submit]")
    page.wait_for_function(
        "document.querySelector('#decision-list').innerText.includes('下游电池厂')"
    )
    assert "许可" in page.inner_text("#decision-list tr:nth-child(2)")
    shoot(page, screenshots, "12-decision-recorded")
    assert leaked_codes(page) == []
    page.goto(f"{base}/ui/#/reviews?before={BEFORE}&organization=宁德时代")
    page.wait_for_selector("#budget-view")
    reasons = page.eval_on_selector_all("tr.review", "rows => rows.map((r) => r.dataset.reason)")
    assert "decision_due" in reasons and "annuity" in reasons
    page.goto(f"{base}/ui/#/alerts")
    page.wait_for_selector("tr.alert")
    kinds = page.eval_on_selector_all("tr.alert", "rows => rows.map((r) => r.dataset.kind)")
    assert {"pledge", "owner"} <= set(kinds)
    assert f"{CATL} → {CATL}、清华大学" in page.inner_text("#alert-table")
    page.fill("#watch-target", "3GPP TS 38.211")
    page.select_option("#watch-kind", "standard")
    page.click("#watch-form button[type=submit]")
    page.wait_for_function("document.querySelectorAll('[data-unwatch]').length === 3")
    page.click("[data-unwatch]:last-of-type >> nth=-1")
    page.wait_for_function("document.querySelectorAll('[data-unwatch]').length === 2")
    assert leaked_codes(page) == []
