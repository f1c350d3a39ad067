"""A Neo4j Community server assembled from its jars on Maven Central (no tarball there)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from services.elasticsearch import _chown_tree, _service_user
from services.process import DEPENDENCY_PLUGIN, ServiceError, mvn, pid_alive, stop_pid, wait_until

VERSION = "5.26.30"  # LTS; runs on Java 17; the Python driver 5.x speaks to it
JAVA_MAJOR = 17
JAVA_MAX_MAJOR = 21  # Neo4j 5.26 supports Java 17 and 21 only
_MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.ipgraph</groupId><artifactId>neo4j-server-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version></dependency>
  </dependencies>
</project>
"""
# The driver-facing JVM flags Neo4j's own launcher script would pass.
_JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    # Bolt encodes each record in a direct buffer that doubles as it grows; one huge value
    # (RETURN range(1, 100000000)) is never seen by the transaction memory limit, since the
    # list is lazy. A small ceiling makes it fail in a second instead of after 16 s and 256 MB.
    "-XX:MaxDirectMemorySize=64m",
]


@dataclass(frozen=True)
class Neo4jService:
    cache: Path
    port: int
    heap: str
    java_home: Path
    pagecache: str = "128m"

    @property
    def dist(self) -> Path:
        return self.cache / "dist" / f"neo4j-{VERSION}"

    @property
    def home(self) -> Path:
        return self.cache / "run" / "neo4j"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def install(self) -> None:
        complete = self.dist / ".complete"
        if complete.exists():
            return
        shutil.rmtree(self.dist, ignore_errors=True)
        self.dist.mkdir(parents=True)
        (self.dist / "pom.xml").write_text(_POM.format(version=VERSION))
        mvn(
            [
                f"{DEPENDENCY_PLUGIN}:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={self.dist / 'lib'}",
            ],
            cwd=self.dist,
        )
        complete.write_text(VERSION)

    def configure(self, password: str) -> None:
        conf = self.home / "conf" / "neo4j.conf"
        for sub in ("conf", "data", "logs", "run", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        # Rewritten on every `up`, so a server set up by an older version gets today's settings.
        first_time = not conf.exists()
        conf.write_text(_conf(self.home, self.port, self.pagecache))
        # Neo4j runs as the unprivileged service user, like Elasticsearch (not as root).
        _chown_tree(self.home)
        _keep_out_of_reach(self.home)
        if not first_time:
            return
        # The initial password must be set before the first start, through the admin tool.
        result = subprocess.run(
            [
                str(self.java_home / "bin" / "java"),
                "-cp",
                str(self.dist / "lib" / "*"),
                "org.neo4j.cli.AdminTool",
                "dbms",
                "set-initial-password",
                password,
            ],
            env={**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")},
            capture_output=True,
            text=True,
            check=False,
            **_as_service_user(),
        )
        if result.returncode != 0:
            conf.unlink()
            raise ServiceError(
                "SERVICES_CONFIGURE_FAILED", f"neo4j set-initial-password: {result.stderr[-500:]}"
            )

    def start(self) -> None:
        if self.running():
            return
        command = [
            str(self.java_home / "bin" / "java"),
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            *_JVM_FLAGS,
            "-cp",
            str(self.dist / "lib" / "*"),
            _MAIN_CLASS,
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
        ]
        _chown_tree(self.home)  # files an older, root-run server left behind
        _keep_out_of_reach(self.home)
        with (self.home / "logs" / "console.log").open("ab") as console:
            process = subprocess.Popen(
                command,
                cwd=self.home,
                stdout=console,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                **_as_service_user(),
            )
        self.pid_file.write_text(str(process.pid))

    def wait_ready(self, password: str, timeout_s: float = 240) -> None:
        wait_until(lambda: self.healthy(password), timeout_s, "Neo4j", self.running)

    def healthy(self, password: str) -> bool:
        return self.server_version(password) is not None

    def server_version(self, password: str) -> str | None:
        """The running server's own version string, or None when it does not answer."""
        # A plain session, not execute_query: its retry loop would wait 30 s on a dead server.
        try:
            with (
                GraphDatabase.driver(
                    self.uri, auth=("neo4j", password), connection_timeout=5
                ) as driver,
                driver.session() as session,
            ):
                record = session.run(
                    "CALL dbms.components() YIELD versions, edition "
                    "RETURN versions[0] AS version, edition"
                ).single(strict=True)
                return f"{record['version']} {record['edition']}"
        except (ServiceUnavailable, Neo4jError, OSError):
            return None

    def running(self) -> bool:
        return pid_alive(self.pid_file, _MAIN_CLASS) is not None

    def stop(self) -> bool:
        return stop_pid(self.pid_file, _MAIN_CLASS)


def _keep_out_of_reach(home: Path) -> None:
    """The server may read its settings but not change them, and its LOAD CSV import
    directory stays empty: both belong to root when we run as root."""
    if os.geteuid() != 0:
        return
    for path, mode in ((home / "conf", 0o755), (home / "conf" / "neo4j.conf", 0o644)):
        os.chown(path, 0, 0)
        path.chmod(mode)
    os.chown(home / "import", 0, 0)
    (home / "import").chmod(0o555)


def _as_service_user() -> dict[str, Any]:
    """subprocess arguments that drop root for the service user (nothing when not root)."""
    ids = _service_user()
    return {"user": ids[0], "group": ids[1], "extra_groups": []} if ids else {}


# The server's own containment, behind the analyst endpoint's checks (graph/analyst_cypher.py):
# what slips past those is still refused here. docker-compose.yml sets the same values.
ALLOWED_PROCEDURES = (
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "dbms.components",  # `ipgraph services status` and /readyz report the server version
)
SECURITY_SETTINGS = (
    # LOAD CSV may read neither local files (and the import directory stays empty) ...
    "dbms.security.allow_csv_import_from_file_urls=false",
    # ... nor any URL: Cypher's outbound blocklist covers every IPv4 and IPv6 address. The
    # setting is internal in 5.x (org.neo4j.configuration.GraphDatabaseInternalSettings).
    "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
    # Only these plugin procedures load (apoc.*, gds.* dropped into plugins/ stay out). Neo4j
    # 5.26 applies the allow-list to plugins only: built-ins such as dbms.listConfig stay
    # registered (checked on 5.26.30), so the plan allow-list is what refuses those.
    "dbms.security.procedures.allowlist=" + ",".join(ALLOWED_PROCEDURES),
    # A query that builds a huge result ends with a memory-pool error, not a heap OOM.
    "db.memory.transaction.max=128m",
    "dbms.memory.transaction.total.max=256m",
    "db.transaction.timeout=60s",  # the 5.x name (dbms.transaction.timeout is the old one)
)


def _conf(home: Path, port: int, pagecache: str) -> str:
    return "\n".join(
        [
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{port}",
            "server.bolt.tls_level=DISABLED",
            "server.http.enabled=false",
            "server.https.enabled=false",
            f"server.memory.pagecache.size={pagecache}",
            # The default keeps two days of transaction logs: loading 1M generated patents
            # left 15 GB of them beside a 3 GB store. A local server needs them only for
            # recovery (Community has no incremental backup), so keep about 1 GB.
            "db.tx_log.rotation.retention_policy=1G size",
            "dbms.security.auth_enabled=true",
            *SECURITY_SETTINGS,
            f"server.directories.data={home / 'data'}",
            f"server.directories.logs={home / 'logs'}",
            f"server.directories.run={home / 'run'}",
            f"server.directories.import={home / 'import'}",
            "",
        ]
    )
