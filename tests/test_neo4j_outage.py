"""Neo4j dies under a running API: /readyz and graph endpoints answer 503 within 2 s.

The API reaches the real Neo4j through a TCP relay in this process; closing the relay (every
open connection reset, new ones refused) is Neo4j dying as the API sees it, without stopping
the server other tests share."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from stores.backends import open_stores
from tests.conftest import api_key, production_settings

pytestmark = pytest.mark.integration
OUTAGE_BUDGET_S = 2.0


class Relay:
    """Forwards 127.0.0.1:<port> to the real server until `kill`."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()

    def kill(self) -> None:
        # shutdown first: a plain close() leaves the socket listening while accept() blocks.
        for sock in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass


@pytest.fixture
def relayed(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[TestClient, Relay]]:
    request.getfixturevalue("es_client")
    request.getfixturevalue("neo4j_driver")
    real = urlparse(production_settings().neo4j_uri)
    relay = Relay((real.hostname or "127.0.0.1", real.port or 7687))
    settings = production_settings(
        neo4j_uri=f"bolt://127.0.0.1:{relay.port}", index_prefix="test-outage-", data_dir=tmp_path
    )
    headers = api_key(settings, "admin")
    stores = open_stores(settings)
    try:
        with TestClient(create_app(settings, stores=stores), headers=headers) as client:
            yield client, relay
    finally:
        relay.kill()
        stores.close()


def test_a_dead_neo4j_is_reported_within_two_seconds(
    relayed: tuple[TestClient, Relay],
) -> None:
    client, relay = relayed
    assert client.get("/readyz").status_code == 200
    neighbours = "/api/v1/graph/neighbors?node=CN115000001A"
    assert client.get(neighbours).status_code in (200, 404)
    relay.kill()
    for path, code in ((("/readyz"), "NOT_READY"), (neighbours, "GRAPH_UNAVAILABLE")):
        started = time.monotonic()
        response = client.get(path)
        elapsed = time.monotonic() - started
        assert response.status_code == 503, (path, response.json())
        assert response.json()["code"] == code
        assert elapsed < OUTAGE_BUDGET_S, (path, elapsed)
