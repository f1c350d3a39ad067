"""A single-node Elasticsearch from the `integ-test-zip` distribution on Maven Central."""

from __future__ import annotations

import base64
import json
import os
import pwd
import shutil
import subprocess
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

from services.process import DEPENDENCY_PLUGIN, ServiceError, mvn, pid_alive, stop_pid, wait_until

VERSION = "8.19.21"  # the Python client's major (8) must match
JAVA_MAJOR = 17
JAVA_MAX_MAJOR = 21  # the newest JDK both servers support (Neo4j 5.26: 17 and 21)
SERVICE_USER = "ipgraph-svc"  # Elasticsearch refuses to run as root
_MARKER = "org.elasticsearch"


@dataclass(frozen=True)
class ElasticsearchService:
    cache: Path
    port: int
    heap: str
    java_home: Path

    @property
    def home(self) -> Path:
        return self.cache / "dist" / f"elasticsearch-{VERSION}"

    @property
    def run_dir(self) -> Path:
        return self.cache / "run" / "elasticsearch"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "elasticsearch.pid"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def install(self) -> None:
        if (self.home / "bin" / "elasticsearch").exists():
            return
        downloads = self.cache / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        artifact = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{VERSION}:zip"
        mvn(
            [
                f"{DEPENDENCY_PLUGIN}:copy",
                f"-Dartifact={artifact}",
                f"-DoutputDirectory={downloads}",
            ],
            cwd=downloads,
        )
        archive = downloads / f"elasticsearch-{VERSION}.zip"
        with zipfile.ZipFile(archive) as zipped:
            if zipped.testzip() is not None:
                raise ServiceError("SERVICES_DOWNLOAD_CORRUPT", f"{archive} is damaged")
            zipped.extractall(self.home.parent)
        for script in (self.home / "bin").iterdir():
            script.chmod(0o755)
        (self.home / "modules").chmod(0o755)

    def configure(self, password: str) -> None:
        config = self.run_dir / "config"
        if (
            not (config / "elasticsearch.yml").exists()
            or not (config / "elasticsearch.keystore").exists()
        ):
            shutil.rmtree(config, ignore_errors=True)
            shutil.copytree(self.home / "config", config)
            for sub in ("data", "logs", "tmp"):
                (self.run_dir / sub).mkdir(parents=True, exist_ok=True)
            _chown_tree(self.run_dir)
            self._run_tool("elasticsearch-keystore", ["create"])
            self._run_tool(
                "elasticsearch-keystore", ["add", "-x", "bootstrap.password"], stdin=password
            )
        # Rewritten on every `up`: a run dir made with other ports must not keep them (its old
        # transport port could be another server's HTTP port).
        (config / "elasticsearch.yml").write_text(_yaml(self.run_dir, self.port))

    def start(self) -> None:
        if self.running():
            return
        result = self._run(
            [str(self.home / "bin" / "elasticsearch"), "-d", "-p", str(self.pid_file)]
        )
        if result.returncode != 0:
            raise ServiceError(
                "SERVICES_START_FAILED",
                f"elasticsearch exited {result.returncode}: "
                f"{(result.stdout + result.stderr)[-1500:]}",
            )

    def wait_ready(self, password: str, timeout_s: float = 240) -> None:
        wait_until(lambda: self.healthy(password), timeout_s, "Elasticsearch", self.running)

    def healthy(self, password: str) -> bool:
        return self._get("/_cluster/health?wait_for_status=yellow&timeout=5s", password) is not None

    def server_version(self, password: str) -> str | None:
        """The running server's own version string, or None when it does not answer."""
        # This distribution has no handler for GET /, so ask the node itself.
        nodes = self._get("/_nodes/_local/_none", password)
        if nodes is None:
            return None
        node = next(iter(nodes["nodes"].values()))
        return str(node["version"])

    def _get(self, path: str, password: str) -> dict[str, Any] | None:
        request = urllib.request.Request(
            self.url + path, headers={"Authorization": _basic("elastic", password)}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body: dict[str, Any] = json.load(response)
                return body
        except (urllib.error.URLError, OSError, ValueError):
            return None

    def running(self) -> bool:
        return pid_alive(self.pid_file, _MARKER) is not None

    def stop(self) -> bool:
        return stop_pid(self.pid_file, _MARKER)

    def _env(self) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ES_JAVA_HOME": str(self.java_home),
            "ES_PATH_CONF": str(self.run_dir / "config"),
            "ES_TMPDIR": str(self.run_dir / "tmp"),
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
        }

    def _run(self, command: list[str], stdin: str | None = None) -> CompletedProcess[str]:
        """Run an Elasticsearch script as the service user (it refuses root)."""
        ids = _service_user()
        return subprocess.run(
            command,
            env=self._env(),
            cwd=self.run_dir,
            input=stdin,
            text=True,
            capture_output=True,
            check=False,
            user=ids[0] if ids else None,
            group=ids[1] if ids else None,
            extra_groups=[] if ids else None,
        )

    def _run_tool(self, tool: str, args: list[str], stdin: str | None = None) -> None:
        result = self._run([str(self.home / "bin" / tool), *args], stdin)
        if result.returncode != 0:
            raise ServiceError(
                "SERVICES_CONFIGURE_FAILED", f"{tool} {args[0]}: {result.stderr[-500:]}"
            )


def _yaml(run_dir: Path, port: int) -> str:
    return "\n".join(
        [
            "cluster.name: ipgraph-local",
            "node.name: ipgraph-local-1",
            "discovery.type: single-node",
            "network.host: 127.0.0.1",
            f"http.port: {port}",
            f"transport.port: {port + 100}",
            f"path.data: {run_dir / 'data'}",
            f"path.logs: {run_dir / 'logs'}",
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "xpack.security.enabled: true",
            "xpack.security.http.ssl.enabled: false",
            "xpack.security.transport.ssl.enabled: false",
            "action.destructive_requires_name: true",
            "",
        ]
    )


def _service_user() -> tuple[int, int] | None:
    """(uid, gid) of the service user, created on first use; None when not running as root."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            check=True,
        )
        entry = pwd.getpwnam(SERVICE_USER)
    return entry.pw_uid, entry.pw_gid


def _chown_tree(root: Path) -> None:
    ids = _service_user()
    if ids is None:
        return
    for path in [root, *root.rglob("*")]:
        os.chown(path, *ids)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
