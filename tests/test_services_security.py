"""The servers as supported: Neo4j 5.26 on Java 17 or 21 as the unprivileged service user,
with the containment settings of services/neo4j.py in force on the running server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from neo4j import Driver

from services.elasticsearch import ElasticsearchService
from services.manager import LocalServices, read_env_file
from services.neo4j import JAVA_MAJOR, JAVA_MAX_MAJOR, Neo4jService
from services.process import ServiceError, find_java_home
from tests.conftest import production_settings


def _fake_jdk(root: Path, major: int) -> Path:
    home = root / f"jdk-{major}"
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").write_text("#!/bin/sh\n")
    (home / "release").write_text(f'JAVA_VERSION="{major}.0.1"\n')
    return home


def test_the_jdk_finder_skips_a_newer_unsupported_jdk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JAVA_HOME on JDK 25 (installed here): passed over for a supported one, not taken."""
    monkeypatch.setenv("JAVA_HOME", str(_fake_jdk(tmp_path, 25)))
    try:
        chosen = find_java_home(None, JAVA_MAJOR, JAVA_MAX_MAJOR)
    except ServiceError:
        pytest.skip("no JDK 17..21 on this machine")
    release = (chosen / "release").read_text()
    assert any(f'JAVA_VERSION="{major}' in release for major in range(17, 22)), release
    with pytest.raises(ServiceError):
        find_java_home(_fake_jdk(tmp_path / "explicit", 25), JAVA_MAJOR, JAVA_MAX_MAJOR)


@pytest.mark.integration
def test_neo4j_runs_on_a_supported_jdk_as_the_service_user(neo4j_driver: Driver) -> None:
    services = LocalServices.from_settings(production_settings())
    pid = int(services.neo4j.pid_file.read_text())
    status = Path(f"/proc/{pid}/status").read_text()
    uid = int(next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1])
    if os.geteuid() == 0:
        assert uid != 0, "Neo4j runs as root"
    java = Path(os.readlink(f"/proc/{pid}/exe")).resolve()
    release = (java.parents[1] / "release").read_text()
    assert any(f'JAVA_VERSION="{major}' in release for major in (17, 21)), release


@pytest.mark.integration
def test_the_running_neo4j_has_the_containment_settings(neo4j_driver: Driver) -> None:
    records = neo4j_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
        names=[
            "dbms.security.allow_csv_import_from_file_urls",
            "db.memory.transaction.max",
            "db.transaction.timeout",
            "dbms.security.procedures.allowlist",
        ],
    ).records
    values = {record["name"]: record["value"] for record in records}
    assert values["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert values["db.memory.transaction.max"] not in ("0B", "0", "")
    assert values["db.transaction.timeout"] not in ("0s", "0")
    assert "dbms.listConfig" not in values["dbms.security.procedures.allowlist"]


def test_elasticsearch_config_follows_the_port_of_each_up(tmp_path: Path) -> None:
    """A run dir first set up on other ports must not keep them: its old transport port could
    be another local server's HTTP port."""
    first = ElasticsearchService(tmp_path, 9231, "512m", tmp_path)
    config = first.run_dir / "config"
    config.mkdir(parents=True)
    (config / "elasticsearch.keystore").write_bytes(b"made by an earlier up")
    (config / "elasticsearch.yml").write_text("http.port: 9231\ntransport.port: 9331\n")

    ElasticsearchService(tmp_path, 9391, "512m", tmp_path).configure("unused")

    written = (config / "elasticsearch.yml").read_text()
    assert "http.port: 9391" in written and "transport.port: 9491" in written
    assert "9231" not in written and "9331" not in written
    assert (config / "elasticsearch.keystore").read_bytes() == b"made by an earlier up"


def test_credentials_follow_the_ports_and_keep_the_passwords(tmp_path: Path) -> None:
    def services(es_port: int, neo4j_port: int) -> LocalServices:
        return LocalServices(
            ElasticsearchService(tmp_path, es_port, "512m", tmp_path),
            Neo4jService(tmp_path, neo4j_port, "512m", tmp_path, pagecache="64m"),
            tmp_path / "credentials.env",
        )

    first = services(9231, 7718).credentials()
    again = services(9391, 7791).credentials()

    assert again["IPGRAPH_ES_URL"] == "http://127.0.0.1:9391"
    assert again["IPGRAPH_NEO4J_URI"] == "bolt://127.0.0.1:7791"
    assert again["IPGRAPH_ES_PASSWORD"] == first["IPGRAPH_ES_PASSWORD"]
    assert again["IPGRAPH_NEO4J_PASSWORD"] == first["IPGRAPH_NEO4J_PASSWORD"]
    assert read_env_file(tmp_path / "credentials.env") == again
    assert (tmp_path / "credentials.env").stat().st_mode & 0o777 == 0o600
