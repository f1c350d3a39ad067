"""Shared fixtures. Real servers: started by `ipgraph services up`; found through the
IPGRAPH_* environment or the credentials file that command writes. Without them the
integration tests skip, unless IPGRAPH_REQUIRE_SERVERS=1 (CI), where they fail instead."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from neo4j import Driver

from config.settings import DEFAULT_USER_DICTIONARY, Settings
from graph.scratch import NotScratchError, claim_scratch_database, release_scratch_database
from search.index.chinese import ChineseAnalyzer
from services.manager import local_services_settings
from stores.backends import (
    Stores,
    build_es_client,
    build_neo4j_driver,
    open_stores,
    shared_analyzer,
)

SAMPLE_PATENTS = Path(__file__).resolve().parents[1] / "ingest" / "samples" / "patents.sample.jsonl"
SAMPLE_GROUPS = SAMPLE_PATENTS.with_name("groups.sample.json")
REQUIRE_SERVERS = os.environ.get("IPGRAPH_REQUIRE_SERVERS") == "1"


def production_settings(**overrides: object) -> Settings:
    """Settings for the real servers (see services.manager.local_services_settings)."""
    return local_services_settings(**overrides)


def _unavailable(what: str, reason: str) -> None:
    message = f"{what} is not available ({reason}); start it with `ipgraph services up`"
    if REQUIRE_SERVERS:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def analyzer() -> ChineseAnalyzer:
    return shared_analyzer(DEFAULT_USER_DICTIONARY)


@pytest.fixture(scope="session")
def es_client() -> Iterator[Elasticsearch]:
    client = build_es_client(production_settings())
    try:
        client.cluster.health(timeout="5s")
    except Exception as exc:  # any failure here means "no server to test against"
        client.close()
        _unavailable("Elasticsearch", type(exc).__name__)
    yield client
    client.close()


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[Driver]:
    driver = build_neo4j_driver(production_settings())
    try:
        driver.verify_connectivity()
        driver.verify_authentication()
    except Exception as exc:
        driver.close()
        _unavailable("Neo4j", type(exc).__name__)
    database = production_settings().neo4j_database
    try:
        # Integration tests call delete_all: only on a database that is empty or theirs.
        claim_scratch_database(driver, database)
    except NotScratchError as exc:
        driver.close()
        _unavailable("a scratch Neo4j database", exc.message)
    yield driver
    release_scratch_database(driver, database)
    driver.close()


@pytest.fixture
def index_prefix() -> str:
    """A fresh index namespace per test, so tests never see each other's documents."""
    return f"test-{uuid.uuid4().hex[:10]}-"


def api_key(settings: Settings, role: str, name: str = "test") -> dict[str, str]:
    """A fresh API key of `role` in the settings' key file, as request headers."""
    from search_api.auth import Role, add_key

    return {"X-API-Key": add_key(settings.api_keys_file, name, Role(role))}


# Parameters of a fixture that runs its tests on the embedded stores and on the real servers.
BACKENDS = ["embedded", pytest.param("servers", marks=pytest.mark.integration)]


@contextmanager
def backend_stores(request: pytest.FixtureRequest, workdir: Path, prefix: str) -> Iterator[Stores]:
    """Empty, schema-ready stores for `request.param`: SQLite files in `workdir`, or the real
    servers under the index `prefix`, emptied before and after."""
    servers = request.param == "servers"
    if servers:
        request.getfixturevalue("es_client")  # skips (or fails in CI) without servers
        request.getfixturevalue("neo4j_driver")
    opened = open_stores(
        production_settings(index_prefix=prefix) if servers else Settings(data_dir=workdir)
    )
    opened.graph.ensure_schema()
    opened.index.ensure_index()
    if servers:
        opened.graph.delete_all()
        opened.index.delete_all()
    try:
        yield opened
    finally:
        if servers:
            opened.graph.delete_all()
            opened.index.delete_all()
        opened.close()
