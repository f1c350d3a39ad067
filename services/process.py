"""Downloading with Maven, running and stopping server processes by the pid we started."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import structlog

log = structlog.get_logger(__name__)
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


class ServiceError(Exception):
    """Root of `ipgraph services` errors; `code` is stable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


def mvn(args: list[str], cwd: Path) -> None:
    # -C: fail on a checksum mismatch instead of warning, so a corrupt download never runs.
    command = ["mvn", "-B", "-q", "-C", *args]
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise ServiceError("SERVICES_MAVEN_MISSING", "mvn is not installed") from exc
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-2000:]
        raise ServiceError("SERVICES_DOWNLOAD_FAILED", f"{' '.join(args[:2])} failed:\n{tail}")


def pid_alive(pid_file: Path, marker: str) -> int | None:
    """The pid in `pid_file` if that process is alive and its command line holds `marker`."""
    try:
        pid = int(pid_file.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, ValueError):
        return None
    return pid if marker in cmdline else None


def stop_pid(pid_file: Path, marker: str, timeout_s: float = 60) -> bool:
    """SIGTERM the process we started, SIGKILL if it outlives `timeout_s`. False if none ran."""
    pid = pid_alive(pid_file, marker)
    if pid is None:
        pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and pid_alive(pid_file, marker) is not None:
        time.sleep(0.5)
    if pid_alive(pid_file, marker) is not None:
        log.warning("service_killed", pid=pid)
        os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    return True


def wait_until(
    probe: Callable[[], bool], timeout_s: float, what: str, still_running: Callable[[], bool]
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if probe():
            return
        if not still_running():
            raise ServiceError("SERVICES_START_FAILED", f"{what} exited while starting")
        time.sleep(2)
    raise ServiceError("SERVICES_START_TIMEOUT", f"{what} not ready after {timeout_s:.0f}s")


def find_java_home(explicit: Path | None, minimum_major: int, maximum_major: int) -> Path:
    """A JDK whose major version both servers support; an explicit choice is still checked, so a
    JDK the servers do not support (say 25) is never picked just because it is the newest."""
    if explicit is not None:
        if (explicit / "bin" / "java").exists() and (
            minimum_major <= _java_major(explicit) <= maximum_major
        ):
            return explicit
        raise ServiceError(
            "SERVICES_JAVA_UNSUPPORTED",
            f"{explicit} is not a JDK {minimum_major}..{maximum_major} (the servers' supported "
            "range)",
        )
    candidates: list[Path] = []
    candidates += [Path(os.environ["JAVA_HOME"])] if os.environ.get("JAVA_HOME") else []
    candidates += (
        sorted(Path("/usr/lib/jvm").glob("*"), reverse=True)
        if Path("/usr/lib/jvm").is_dir()
        else []
    )
    for home in candidates:
        if not home or not (home / "bin" / "java").exists():
            continue
        if minimum_major <= _java_major(home) <= maximum_major:
            return home
    raise ServiceError(
        "SERVICES_JAVA_MISSING",
        f"no JDK {minimum_major}..{maximum_major} found; set IPGRAPH_SERVICES_JAVA_HOME",
    )


def _java_major(home: Path) -> int:
    release = home / "release"
    try:
        for line in release.read_text().splitlines():
            if line.startswith("JAVA_VERSION="):
                return int(line.split("=", 1)[1].strip('"').split(".")[0])
    except (OSError, ValueError):
        pass
    return 0
