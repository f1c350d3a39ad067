"""The web UI end to end in real headless Chromium (Debian's chromium, driven by Playwright)
against the app served on loopback with the samples: a Chinese query, a facet, a patent, its
graph expanded, a due-diligence report. Screenshots go to test-screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from config.settings import Settings
from domain.organizations import OrganizationAliases
from ingest.resolve.groups import load_group_trees
from ingest.sep import load_sep_declarations
from search_api.app import create_app
from stores.backends import open_stores
from tests.conftest import REQUIRE_SERVERS, SAMPLE_GROUPS, SAMPLE_PATENTS, api_key
from tests.test_due_diligence import load_everything

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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
    load_everything(stores, workdir / "dead")
    aliases = OrganizationAliases.load()
    load_group_trees(SAMPLE_GROUPS, stores.graph, aliases)
    load_sep_declarations(
        SAMPLE_PATENTS.with_name("sep_declarations.sample.csv"), stores.graph, aliases
    )
    port = _free_port()
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


def test_a_user_searches_filters_opens_expands_and_reviews(served: tuple[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    base, key = served
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        page.goto(f"{base}/")  # redirects to the UI
        page.fill("#q", "锂离子电池")
        page.press("#q", "Enter")
        page.wait_for_selector(".hit")
        assert "锂离子电池" in page.inner_text(".hit em")
        page.screenshot(path=str(SCREENSHOTS / "01-search.png"), full_page=True)

        total_before = page.locator(".hit").count()
        page.click('.facet-item[data-facet="legal_status"] >> text=有效')
        page.wait_for_function("location.hash.includes('legal_status=valid')")
        page.wait_for_selector(".chip")
        assert 0 < page.locator(".hit").count() <= total_before
        page.screenshot(path=str(SCREENSHOTS / "02-facet.png"), full_page=True)

        page.click(".hit h3 a")
        page.wait_for_selector("#open-graph")
        assert page.inner_text("h2")  # the patent's title
        page.screenshot(path=str(SCREENSHOTS / "03-patent.png"), full_page=True)

        page.click("#open-graph")
        page.wait_for_function("window.ipgraphGraph && window.ipgraphGraph.nodes().length > 1")
        before = page.evaluate("window.ipgraphGraph.nodes().length")
        page.evaluate("window.ipgraphGraph.nodes('[kind = \"Organization\"]')[0].emit('tap')")
        page.wait_for_function(f"window.ipgraphGraph.nodes().length > {before}")
        page.screenshot(path=str(SCREENSHOTS / "04-graph.png"))

        page.fill("#api-key", key)
        page.click("#key-form button")
        page.goto(f"{base}/ui/#/dd/宁德时代")
        page.wait_for_selector("tr.flag")
        flags = page.inner_text("#flags")
        assert "DISPUTE_PENDING" in flags and "EXCLUSIVE_LICENSE_OUT" in flags
        assert "SECRET_ACCESS_LEFT" in flags  # the dd key sees the people register
        with page.expect_download() as download:
            page.click('[data-export="pdf"]')
        assert download.value.suggested_filename.endswith(".pdf")
        page.screenshot(path=str(SCREENSHOTS / "05-due-diligence.png"), full_page=True)
        browser.close()
    assert errors == []
    for shot in SCREENSHOTS.glob("0*.png"):
        assert shot.stat().st_size > 20_000, shot  # a rendered page, not a blank one
