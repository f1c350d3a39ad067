"""The API contract from outside, as a portal sees it: start the service with the bundled
samples on each backend, run schemathesis with every check (examples, coverage, fuzzing and the
stateful phase over the document's links) with an admin key and with no key, and fail on any
failure. Deliberate exclusions and their reasons: scripts/schemathesis.toml.

    python3 scripts/api_contract.py                       # both backends
    python3 scripts/api_contract.py --backend embedded    # the embedded one only

The production backend uses the servers of `ipgraph services up` (IPGRAPH_SERVICES_*), loads
the samples into their Neo4j database only if that database is empty or scratch-marked (like
the tests, graph/scratch.py) and into its own index prefix, and empties both afterwards."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.scratch import claim_scratch_database, release_scratch_database  # noqa: E402
from services.manager import local_services_settings  # noqa: E402
from stores.backends import build_neo4j_driver, open_stores  # noqa: E402

CONFIG = ROOT / "scripts" / "schemathesis.toml"
INDEX_PREFIX = "ipgraph-contract-"
READY_TIMEOUT_S = 600


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", action="append", choices=["embedded", "production"])
    parser.add_argument("--max-examples", type=int, default=30)
    args = parser.parse_args()
    failed = []
    for backend in args.backend or ["embedded", "production"]:
        started = time.monotonic()
        for auth, ok in run_backend(backend, args.max_examples):
            if not ok:
                failed.append(f"{backend}/{auth}")
        print(f"== {backend}: {time.monotonic() - started:.0f} s", flush=True)
    if failed:
        print(f"API contract FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("API contract: no failures", flush=True)
    return 0


def run_backend(backend: str, max_examples: int) -> Iterator[tuple[str, bool]]:
    with tempfile.TemporaryDirectory(prefix="api-contract-") as data_dir:
        env = {**os.environ, "IPGRAPH_DATA_DIR": data_dir, "IPGRAPH_BACKEND": backend}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        if backend == "production":
            env.update(_production_env())
        key = _admin_key(env)
        with _scratch(backend, env), _server(env) as base_url:
            for auth, headers in (("admin", ["-H", f"X-API-Key: {key}"]), ("no key", [])):
                print(f"== schemathesis: {backend} backend, {auth}", flush=True)
                yield auth, _schemathesis(base_url, headers, max_examples, env)


def _production_env() -> dict[str, str]:
    """The servers of `ipgraph services up`, as the served process's environment."""
    settings = local_services_settings()
    env = {
        "IPGRAPH_ES_URL": settings.es_url,
        "IPGRAPH_ES_USER": settings.es_user,
        "IPGRAPH_NEO4J_URI": settings.neo4j_uri,
        "IPGRAPH_NEO4J_USER": settings.neo4j_user,
        "IPGRAPH_INDEX_PREFIX": INDEX_PREFIX,
    }
    for name, secret in (("ES", settings.es_password), ("NEO4J", settings.neo4j_password)):
        if secret is not None:
            env[f"IPGRAPH_{name}_PASSWORD"] = secret.get_secret_value()
    return env


@contextmanager
def _scratch(backend: str, env: dict[str, str]) -> Iterator[None]:
    """On Neo4j: refuse a database holding someone's data; empty what the run loaded."""
    if backend != "production":
        yield
        return
    settings = local_services_settings(index_prefix=INDEX_PREFIX)
    driver = build_neo4j_driver(settings)
    claim_scratch_database(driver, settings.neo4j_database)
    try:
        yield
    finally:
        stores = open_stores(settings)
        try:
            stores.graph.delete_all()
            stores.index.delete_all()
        finally:
            stores.close()
        release_scratch_database(driver, settings.neo4j_database)
        driver.close()


def _admin_key(env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "cli", "keys", "add", "api-contract", "--role", "admin"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.splitlines()[0].strip()


@contextmanager
def _server(env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "cli", "serve", "--with-sample", "--port", str(port)]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base_url, server)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_ready(base_url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode} before it was ready")
        try:
            with urllib.request.urlopen(f"{base_url}/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"the server was not ready within {READY_TIMEOUT_S} s")


def _schemathesis(
    base_url: str, headers: list[str], max_examples: int, env: dict[str, str]
) -> bool:
    command = [
        *[sys.executable, "-m", "schemathesis.cli"],
        *["--config-file", str(CONFIG), "run", f"{base_url}/openapi.json"],
        *["--checks", "all", "--max-examples", str(max_examples), "--seed", "1"],
        *["--phases", "examples,coverage,fuzzing,stateful", "--no-color"],
        *headers,
    ]
    # Run in the data directory: schemathesis keeps its cache (.schemathesis/) in the cwd.
    workdir = env["IPGRAPH_DATA_DIR"]
    return subprocess.run(command, env=env, cwd=workdir, check=False).returncode == 0


if __name__ == "__main__":
    raise SystemExit(main())
