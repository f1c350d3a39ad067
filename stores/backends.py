"""The edge: turns `Settings` into ready clients and stores. Nothing else builds clients."""

from __future__ import annotations

from dataclasses import dataclass

from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch
from neo4j import Driver, GraphDatabase

from config.settings import Backend, Settings
from graph.embedded_store import EmbeddedGraphStore
from graph.embedded_store import open_connection as open_graph_file
from graph.neo4j_store import Neo4jGraphStore
from graph.store import GraphStore
from search.index.chinese import shared_analyzer
from search.index.elasticsearch_index import ElasticsearchIndex
from search.index.embedded_index import EmbeddedSearchIndex
from search.index.protocol import SearchIndex
from stores.webhooks import WebhookSender
from stores.workflow import WorkflowStore


@dataclass
class Stores:
    graph: GraphStore
    index: SearchIndex
    backend: Backend

    def close(self) -> None:
        self.graph.close()
        self.index.close()

    def __enter__(self) -> Stores:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def for_ingest(settings: Settings) -> Settings:
    """The settings an ingest run opens its stores with: transient Neo4j errors (deadlocks
    between concurrent writers) retried for `ingest_neo4j_retry_time_s`."""
    retry = max(settings.neo4j_retry_time_s, settings.ingest_neo4j_retry_time_s)
    return settings.model_copy(update={"neo4j_retry_time_s": retry})


def open_stores(settings: Settings) -> Stores:
    """The graph and the index each on its configured backend (`graph_store`, `index_store`)."""
    return Stores(
        graph=open_graph_store(settings),
        index=open_search_index(settings),
        backend=settings.backend,
    )


def open_graph_store(settings: Settings) -> GraphStore:
    if settings.graph_store is Backend.EMBEDDED:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return EmbeddedGraphStore(open_graph_file(str(settings.embedded_graph_path)))
    return Neo4jGraphStore(build_neo4j_driver(settings), database=settings.neo4j_database)


def open_search_index(settings: Settings) -> SearchIndex:
    analyzer = shared_analyzer(settings.user_dictionary)
    if settings.index_store is Backend.EMBEDDED:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return EmbeddedSearchIndex(open_graph_file(str(settings.embedded_index_path)), analyzer)
    return ElasticsearchIndex(build_es_client(settings), analyzer, prefix=settings.index_prefix)


def build_neo4j_driver(settings: Settings) -> Driver:
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, password),
        connection_timeout=settings.neo4j_connect_timeout_s,
        connection_acquisition_timeout=settings.neo4j_connect_timeout_s + 0.5,
        # execute_query retries transient failures with a doubling back-off; bounded so that a
        # dead server answers 503 within 2 s (see Settings.neo4j_retry_time_s).
        max_transaction_retry_time=settings.neo4j_retry_time_s,
        # A property or relationship type no data has yet (a fresh graph, an optional field
        # such as `grade`, no pledge loaded) is normal here; the server's "unknown property
        # key / relationship type" notices would only be log noise.
        notifications_disabled_categories=["UNRECOGNIZED"],
    )


def build_es_client(settings: Settings) -> Elasticsearch:
    api_key = settings.es_api_key.get_secret_value() if settings.es_api_key else None
    basic_auth = (
        (settings.es_user, settings.es_password.get_secret_value())
        if settings.es_password is not None and api_key is None
        else None
    )
    return Elasticsearch(
        settings.es_url,
        api_key=api_key,
        basic_auth=basic_auth,
        ca_certs=str(settings.es_ca_certs) if settings.es_ca_certs else DEFAULT,
        request_timeout=settings.request_timeout_s,
        retry_on_timeout=True,
        max_retries=2,
    )


def open_workflow_store(settings: Settings) -> WorkflowStore:
    """Decisions, watches and alerts: one SQLite file in the data dir on every backend."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = WorkflowStore(open_graph_file(str(settings.workflow_path)))
    store.ensure_schema()
    return store


def build_webhook(settings: Settings) -> WebhookSender | None:
    if not settings.webhook_url:
        return None
    key = settings.webhook_secret
    secret = key.get_secret_value().encode() if key else None
    return WebhookSender(
        settings.webhook_url,
        secret,
        attempts=settings.webhook_attempts,
        backoff_s=settings.webhook_backoff_s,
        timeout_s=settings.request_timeout_s,
    )
