"""The audit log of due-diligence calls: one JSON line each (who, role, what, when)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import structlog

from search_api.auth import Principal

log = structlog.get_logger(__name__)
_LOCK = threading.Lock()


def audit(path: Path | None, who: Principal, action: str, **what: object) -> None:
    entry = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "who": who.name,
        "role": who.role.value,
        "action": action,
        **what,
    }
    log.info("audit", **entry)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK, path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
