"""`ipgraph services up|down|status|env`: both servers together, credentials outside git."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from config.settings import Backend, Settings
from services.elasticsearch import JAVA_MAJOR as ES_JAVA
from services.elasticsearch import JAVA_MAX_MAJOR as ES_JAVA_MAX
from services.elasticsearch import VERSION as ES_VERSION
from services.elasticsearch import ElasticsearchService
from services.neo4j import JAVA_MAJOR as NEO4J_JAVA
from services.neo4j import JAVA_MAX_MAJOR as NEO4J_JAVA_MAX
from services.neo4j import VERSION as NEO4J_VERSION
from services.neo4j import Neo4jService
from services.process import find_java_home

CREDENTIALS_FILE = "credentials.env"


@dataclass(frozen=True)
class LocalServices:
    elasticsearch: ElasticsearchService
    neo4j: Neo4jService
    credentials_path: Path

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalServices:
        java = find_java_home(
            settings.services_java_home,
            max(ES_JAVA, NEO4J_JAVA),
            min(ES_JAVA_MAX, NEO4J_JAVA_MAX),
        )
        cache = settings.services_dir
        return cls(
            ElasticsearchService(cache, settings.services_es_port, settings.services_heap, java),
            Neo4jService(
                cache,
                settings.services_neo4j_port,
                settings.services_heap,
                java,
                pagecache=settings.services_neo4j_pagecache,
            ),
            cache / CREDENTIALS_FILE,
        )

    def credentials(self) -> dict[str, str]:
        """Passwords generated once, then reused: the servers keep the password they started
        with. The addresses follow the ports of this `up` (a run dir may be reused on others)."""
        passwords = {"IPGRAPH_ES_PASSWORD": _password(), "IPGRAPH_NEO4J_PASSWORD": _password()}
        if self.credentials_path.exists():
            known = read_env_file(self.credentials_path)
            passwords = {key: known[key] for key in passwords}
        values = {
            "IPGRAPH_ES_URL": self.elasticsearch.url,
            "IPGRAPH_ES_USER": "elastic",
            "IPGRAPH_ES_PASSWORD": passwords["IPGRAPH_ES_PASSWORD"],
            "IPGRAPH_NEO4J_URI": self.neo4j.uri,
            "IPGRAPH_NEO4J_USER": "neo4j",
            "IPGRAPH_NEO4J_PASSWORD": passwords["IPGRAPH_NEO4J_PASSWORD"],
        }
        if not self.credentials_path.exists() or read_env_file(self.credentials_path) != values:
            _write_private(self.credentials_path, values)
        return values

    def up(self) -> dict[str, str]:
        creds = self.credentials()
        es_password, neo4j_password = creds["IPGRAPH_ES_PASSWORD"], creds["IPGRAPH_NEO4J_PASSWORD"]
        self.elasticsearch.install()
        self.neo4j.install()
        self.elasticsearch.configure(es_password)
        self.neo4j.configure(neo4j_password)
        # Start both before waiting on either: the JVMs warm up in parallel.
        self.elasticsearch.start()
        self.neo4j.start()
        self.elasticsearch.wait_ready(es_password)
        self.neo4j.wait_ready(neo4j_password)
        return creds

    def down(self) -> dict[str, bool]:
        return {"elasticsearch": self.elasticsearch.stop(), "neo4j": self.neo4j.stop()}

    def status(self) -> dict[str, dict[str, object]]:
        creds = read_env_file(self.credentials_path) if self.credentials_path.exists() else {}
        es_live = neo4j_live = None
        if creds:
            es_live = self.elasticsearch.server_version(creds["IPGRAPH_ES_PASSWORD"])
            neo4j_live = self.neo4j.server_version(creds["IPGRAPH_NEO4J_PASSWORD"])
        return {
            "elasticsearch": {
                "version": ES_VERSION,
                "server_version": es_live,
                "url": self.elasticsearch.url,
                "running": self.elasticsearch.running(),
                "healthy": es_live is not None,
            },
            "neo4j": {
                "version": NEO4J_VERSION,
                "server_version": neo4j_live,
                "uri": self.neo4j.uri,
                "running": self.neo4j.running(),
                "healthy": neo4j_live is not None,
            },
        }


def _write_private(path: Path, values: dict[str, str]) -> None:
    """Readable by the owner only, replaced in one step (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.new")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.writelines(f"{k}={v}\n" for k, v in values.items())
    partial.replace(path)


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def local_services_settings(**overrides: object) -> Settings:
    """Settings that reach the servers `ipgraph services up` runs: an explicit IPGRAPH_*
    environment wins; otherwise the credentials file that command wrote."""
    values: dict[str, object] = {}
    credentials = Settings().services_dir / CREDENTIALS_FILE
    if credentials.exists() and "IPGRAPH_ES_PASSWORD" not in os.environ:
        env = read_env_file(credentials)
        values.update({k.removeprefix("IPGRAPH_").lower(): v for k, v in env.items()})
    values.update(backend=Backend.PRODUCTION, **overrides)
    return Settings(**values)  # type: ignore[arg-type]


def _password() -> str:
    # A password starting with "-" is read as an option by neo4j-admin set-initial-password.
    return "p" + secrets.token_urlsafe(18)
