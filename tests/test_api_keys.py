"""API keys as an operator uses them: `ipgraph keys add|list|revoke` next to a running server,
which accepts a new key and refuses a revoked one at the next request, without a restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_cli import _free_port

ROOT = Path(__file__).resolve().parents[1]


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPGRAPH_")}
    return {**env, "IPGRAPH_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        env=_env(data_dir),
        capture_output=True,
        text=True,
        check=False,
    )


def _cypher_status(port: int, key: str | None) -> tuple[int, str]:
    """The role check of the Cypher endpoint tells the roles apart: portal 403, dd 501 (the
    embedded backend has no Cypher), an unknown key 401."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/graph/cypher",
        data=json.dumps({"query": "RETURN 1"}).encode(),
        headers={"Content-Type": "application/json", **({"X-API-Key": key} if key else {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response).get("code", "")
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc).get("code", "")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    data_dir = tmp_path / "data"
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("the server did not start")
            time.sleep(0.3)
    try:
        yield data_dir, port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_keys_work_and_stop_working_on_a_running_server(server: tuple[Path, int]) -> None:
    data_dir, port = server
    added = _cli(data_dir, "keys", "add", "alice", "--role", "dd")
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip()
    assert added.stdout == key + "\n" and len(key) >= 40  # only the key on stdout
    assert "alice" in added.stderr and key not in added.stderr
    assert _cypher_status(port, key) == (501, "CYPHER_UNAVAILABLE")  # no restart needed

    portal = _cli(data_dir, "keys", "add", "bob").stdout.strip()
    assert _cypher_status(port, portal) == (403, "FORBIDDEN")
    listed = _cli(data_dir, "keys", "list")
    assert listed.stdout.splitlines() == ["alice\tdd", "bob\tportal"]
    assert key not in listed.stdout

    revoked = _cli(data_dir, "keys", "revoke", "alice")
    assert revoked.returncode == 0, revoked.stderr
    assert _cypher_status(port, key) == (401, "API_KEY_INVALID")
    assert _cypher_status(port, portal) == (403, "FORBIDDEN")  # bob's key still works
    assert _cli(data_dir, "keys", "list").stdout.splitlines() == ["bob\tportal"]
    again = _cli(data_dir, "keys", "revoke", "alice")
    assert again.returncode == 1 and "KEY_NOT_FOUND" in again.stderr
