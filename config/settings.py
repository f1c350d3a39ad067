"""One settings object for the whole service, read from the environment and `.env`.

Every variable carries the `IPGRAPH_` prefix, e.g. `IPGRAPH_BACKEND=production` (or per store:
`IPGRAPH_GRAPH_BACKEND=production IPGRAPH_INDEX_BACKEND=embedded`),
`IPGRAPH_NEO4J_URI=bolt://db:7687`, `IPGRAPH_DATA_DIR=/var/lib/ipgraph`.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

CONFIG_DIR = Path(__file__).resolve().parent
DEFAULT_USER_DICTIONARY = CONFIG_DIR / "dictionaries" / "userdict.txt"
DEFAULT_ORGANIZATION_ALIASES = CONFIG_DIR / "dictionaries" / "organization_aliases.tsv"
LEGAL_EVENTS_TABLE = CONFIG_DIR / "dictionaries" / "legal_events.tsv"
TECHNICAL_SYNONYMS = CONFIG_DIR / "dictionaries" / "technical_synonyms.tsv"
# The user's synonym dictionary, in the data dir (same format; merged on top at query time).
USER_SYNONYMS_FILE = "technical_synonyms.tsv"
PATENT_INDEX_TEMPLATE = CONFIG_DIR / "elasticsearch" / "patents.index-template.json"


class Backend(StrEnum):
    EMBEDDED = "embedded"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="IPGRAPH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    backend: Backend = Backend.EMBEDDED
    # Each store may differ from `backend`, e.g. Neo4j with the embedded index.
    graph_backend: Backend | None = Field(default=None, description="default: `backend`")
    index_backend: Backend | None = Field(default=None, description="default: `backend`")
    data_dir: Path = Field(
        default=Path("ipgraph-data"), description="embedded stores, dead letters"
    )

    @property
    def graph_store(self) -> Backend:
        return self.graph_backend or self.backend

    @property
    def index_store(self) -> Backend:
        return self.index_backend or self.backend

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    es_url: str = "http://127.0.0.1:9200"
    es_user: str = "elastic"
    es_password: SecretStr | None = None
    es_api_key: SecretStr | None = None
    es_ca_certs: Path | None = None
    index_prefix: str = Field(default="ipgraph-", pattern=r"^[a-z0-9][a-z0-9_-]*$")

    request_timeout_s: float = Field(default=10.0, gt=0)
    # A dead Neo4j must be reported (503) within 2 s: connect, pool wait and the driver's retry
    # budget are bounded on their own, not by the request timeout (whose retry back-off
    # 1+2+4+8 s once made a dead server answer after 15 s).
    neo4j_connect_timeout_s: float = Field(default=1.5, gt=0)
    neo4j_retry_time_s: float = Field(default=0.5, ge=0)
    # Ingest is a batch job: concurrent processes (shards, machines) MERGE the same
    # organisations and IPC codes, and the deadlocks / lock timeouts that follow are transient
    # errors the driver retries, for up to this long (instead of the API's half second).
    ingest_neo4j_retry_time_s: float = Field(default=60.0, ge=0)
    user_dictionary: Path = DEFAULT_USER_DICTIONARY
    organization_aliases: Path = DEFAULT_ORGANIZATION_ALIASES
    ipc_titles: Path | None = Field(
        default=None, description="CNIPA IPC table (TSV[.GZ]: code, level, title, parent)"
    )
    central_soe_list: Path | None = Field(
        default=None,
        description="names of central SOEs (CSV with a `name` column, or one name per line), "
        "e.g. ../shared/data/soe-sasac-list/central_soes_parsed.csv",
    )
    nlp: bool = Field(
        default=True,
        description="extract standards, cited patents and "
        "organisations from patent text (config/nlp/pipeline.cfg)",
    )

    # `ipgraph services`: where the real servers are downloaded and run, and their ports.
    services_dir: Path = Field(default_factory=lambda: _default_services_dir())
    services_es_port: int = 9200
    services_neo4j_port: int = 7687
    services_java_home: Path | None = Field(
        default=None, description="JDK 17+ for both servers; found under /usr/lib/jvm if unset"
    )
    services_heap: str = Field(default="512m", pattern=r"^\d+[mg]$")
    # Neo4j's own heap (queries, transaction state); services_heap when unset. 2g at 1M patents.
    services_neo4j_heap: str | None = Field(default=None, pattern=r"^\d+[mg]$")
    # Neo4j's page cache (graph data in memory): size it to the store on disk
    # (data/databases/neo4j, about 2.5 GB at 1M generated patents), see docs/GRAPH_QUERIES.md.
    services_neo4j_pagecache: str = Field(default="128m", pattern=r"^\d+[mg]$")

    # Monitoring (usecases/monitoring.py): alerts for expiry within this many days, and an
    # optional webhook that receives every new alert, HMAC-SHA256 signed with the secret.
    expiry_alert_days: int = Field(default=180, ge=1, le=3650)
    webhook_url: str | None = Field(default=None, description="POST each new alert here")
    webhook_secret: SecretStr | None = Field(default=None, description="HMAC-SHA256 key")
    webhook_attempts: int = Field(default=4, ge=1, le=10)
    webhook_backoff_s: float = Field(default=0.5, ge=0, description="doubles per retry")

    @property
    def workflow_path(self) -> Path:
        """Decisions, watches, alerts and the last-seen patent states (stores/workflow.py)."""
        return self.data_dir / "workflow.sqlite3"

    @property
    def embedded_graph_path(self) -> Path:
        return self.data_dir / "graph.sqlite3"

    @property
    def embedded_index_path(self) -> Path:
        return self.data_dir / "search.sqlite3"

    @property
    def organization_curation_file(self) -> Path:
        """`ipgraph orgs link` decisions, re-applied on every ingest."""
        return self.data_dir / "organizations" / "curation.tsv"

    @property
    def organization_review_file(self) -> Path:
        """Names waiting for review (`ipgraph orgs unresolved`), written by ingest."""
        return self.data_dir / "organizations" / "review.tsv"

    @property
    def user_synonyms(self) -> Path:
        return self.data_dir / USER_SYNONYMS_FILE

    @property
    def dead_letter_dir(self) -> Path:
        return self.data_dir / "dead-letter"

    @property
    def api_keys_file(self) -> Path:
        """Hashed API keys with their roles (`ipgraph keys add`); never in the repository."""
        return self.data_dir / "api_keys.tsv"

    @property
    def audit_log(self) -> Path:
        """One JSON line per due-diligence call: who, what, when."""
        return self.data_dir / "audit.jsonl"


def _default_services_dir() -> Path:
    # Root's home is closed to other users, and Elasticsearch must run as one: keep the servers
    # where the service user can read them.
    if os.geteuid() == 0:
        return Path("/var/cache/ipgraph")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ipgraph"
