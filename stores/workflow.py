"""Workflow state in one small SQLite file in the data dir, next to the audit log: graded-
management decisions, watches, alerts, webhook deliveries, and the last-seen state and value
of every patent that monitoring compares against.

Why here and not in the graph store: this is what users decided and asked for, not facts read
from documents. It must survive `ipgraph reset` and a re-ingest (which rebuild the graph), it
is the same for the embedded and the Neo4j backend (one implementation, one set of tests), and
SQLite's UNIQUE constraints make alerts idempotent in one statement.

The constructor takes a ready connection and does no I/O; `ensure_schema` creates the tables.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, patent TEXT NOT NULL, action TEXT NOT NULL, reason TEXT NOT NULL,
    due TEXT, who TEXT NOT NULL, role TEXT NOT NULL, at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_patent ON decisions (patent, id);
CREATE TABLE IF NOT EXISTS watches (
    id INTEGER PRIMARY KEY, owner TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL,
    created TEXT NOT NULL, UNIQUE (owner, kind, target)
);
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, at TEXT NOT NULL,
    watch_id INTEGER NOT NULL, watch_owner TEXT NOT NULL, watch_kind TEXT NOT NULL,
    watch_target TEXT NOT NULL, kind TEXT NOT NULL, patent TEXT NOT NULL, title TEXT NOT NULL,
    organizations TEXT NOT NULL, before TEXT, after TEXT, evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_owner ON alerts (watch_owner, id);
CREATE TABLE IF NOT EXISTS deliveries (
    alert_id INTEGER PRIMARY KEY, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    last_error TEXT, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS patent_states (
    patent TEXT PRIMARY KEY, state TEXT NOT NULL, score REAL, grade TEXT, updated TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Decision:
    id: int
    patent: str
    action: str
    reason: str
    due: str | None
    who: str
    role: str
    at: str


@dataclass(frozen=True)
class Watch:
    id: int
    owner: str
    kind: str
    target: str
    created: str


@dataclass(frozen=True)
class Delivery:
    status: str  # delivered | failed
    attempts: int
    last_error: str | None
    at: str


@dataclass(frozen=True)
class Alert:
    id: int
    at: str
    watch: Watch
    kind: str
    patent: str
    title: str
    organizations: list[str]
    before: str | None
    after: str | None
    evidence: list[str]
    delivery: Delivery | None = None


@dataclass(frozen=True)
class NewAlert:
    """An alert before it is stored; `fingerprint` makes storing it twice a no-op."""

    fingerprint: str
    watch: Watch
    kind: str
    patent: str
    title: str
    organizations: list[str]
    before: str | None
    after: str | None
    evidence: list[str]


@dataclass(frozen=True)
class StoredState:
    state: dict[str, Any]
    score: float | None
    grade: str | None


class WorkflowStore:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.Lock()

    def ensure_schema(self) -> None:
        with self._lock:
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    # decisions
    def add_decision(
        self, patent: str, action: str, reason: str, due: str | None, who: str, role: str, at: str
    ) -> Decision:
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO decisions (patent, action, reason, due, who, role, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (patent, action, reason, due, who, role, at),
            )
        return Decision(int(cursor.lastrowid or 0), patent, action, reason, due, who, role, at)

    def decisions(self, patent: str | None = None) -> list[Decision]:
        """Newest first; every patent's when `patent` is None."""
        sql = "SELECT id, patent, action, reason, due, who, role, at FROM decisions"
        rows = (
            self._db.execute(sql + " WHERE patent = ? ORDER BY id DESC", (patent,))
            if patent is not None
            else self._db.execute(sql + " ORDER BY id DESC")
        ).fetchall()
        return [Decision(*row) for row in rows]

    # watches
    def add_watch(self, owner: str, kind: str, target: str, at: str) -> tuple[Watch, bool]:
        """The watch and whether it is new (the same watch twice is one watch)."""
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO watches (owner, kind, target, created) VALUES (?, ?, ?, ?)",
                (owner, kind, target, at),
            )
        row = self._db.execute(
            "SELECT id, owner, kind, target, created FROM watches "
            "WHERE owner = ? AND kind = ? AND target = ?",
            (owner, kind, target),
        ).fetchone()
        return Watch(*row), cursor.rowcount == 1

    def watches(self, owner: str | None = None) -> list[Watch]:
        sql = "SELECT id, owner, kind, target, created FROM watches"
        rows = (
            self._db.execute(sql + " WHERE owner = ? ORDER BY id", (owner,))
            if owner is not None
            else self._db.execute(sql + " ORDER BY id")
        ).fetchall()
        return [Watch(*row) for row in rows]

    def delete_watch(self, owner: str, watch_id: int) -> bool:
        with self._lock, self._db:
            cursor = self._db.execute(
                "DELETE FROM watches WHERE owner = ? AND id = ?", (owner, watch_id)
            )
        return cursor.rowcount == 1

    # alerts
    def add_alerts(self, alerts: list[NewAlert], at: str) -> list[Alert]:
        """Store the alerts not stored before (by fingerprint); returns only those."""
        added: list[Alert] = []
        with self._lock, self._db:
            for a in alerts:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO alerts (fingerprint, at, watch_id, watch_owner, "
                    "watch_kind, watch_target, kind, patent, title, organizations, before, "
                    "after, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (a.fingerprint, at, a.watch.id, a.watch.owner, a.watch.kind, a.watch.target,
                     a.kind, a.patent, a.title, json.dumps(a.organizations, ensure_ascii=False),
                     a.before, a.after, json.dumps(a.evidence, ensure_ascii=False)),
                )
                if cursor.rowcount == 1:
                    added.append(Alert(
                        int(cursor.lastrowid or 0), at, a.watch, a.kind, a.patent, a.title,
                        a.organizations, a.before, a.after, a.evidence,
                    ))
        return added

    def alerts(
        self, owner: str | None = None, limit: int = 100, before_id: int | None = None
    ) -> list[Alert]:
        """Newest first; `before_id` pages on."""
        where: list[str] = []
        params: list[object] = []
        if owner is not None:
            where.append("a.watch_owner = ?")
            params.append(owner)
        if before_id is not None:
            where.append("a.id < ?")
            params.append(before_id)
        sql = (
            "SELECT a.id, a.at, a.watch_id, a.watch_owner, a.watch_kind, a.watch_target, "
            "a.kind, a.patent, a.title, a.organizations, a.before, a.after, a.evidence, "
            "d.status, d.attempts, d.last_error, d.at FROM alerts a "
            "LEFT JOIN deliveries d ON d.alert_id = a.id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.id DESC LIMIT ?"
        )
        rows = self._db.execute(sql, (*params, limit)).fetchall()
        return [_alert(row) for row in rows]

    def record_delivery(
        self, alert_id: int, status: str, attempts: int, error: str | None, at: str
    ) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO deliveries (alert_id, status, attempts, last_error, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (alert_id, status, attempts, error, at),
            )

    # last-seen patent states
    def state(self, patent: str) -> StoredState | None:
        row = self._db.execute(
            "SELECT state, score, grade FROM patent_states WHERE patent = ?", (patent,)
        ).fetchone()
        return StoredState(json.loads(row[0]), row[1], row[2]) if row else None

    def known_patents(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT patent FROM patent_states ORDER BY patent")]

    def states(self) -> list[StoredState]:
        rows = self._db.execute("SELECT state, score, grade FROM patent_states ORDER BY patent")
        return [StoredState(json.loads(r[0]), r[1], r[2]) for r in rows]

    def save_state(
        self, patent: str, state: dict[str, Any], score: float, grade: str, at: str
    ) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO patent_states (patent, state, score, grade, updated) "
                "VALUES (?, ?, ?, ?, ?)",
                (patent, json.dumps(state, ensure_ascii=False, sort_keys=True), score, grade, at),
            )


def _alert(row: tuple[Any, ...]) -> Alert:
    watch = Watch(row[2], row[3], row[4], row[5], "")
    delivery = Delivery(row[13], row[14], row[15], row[16]) if row[13] is not None else None
    return Alert(
        id=row[0], at=row[1], watch=watch, kind=row[6], patent=row[7], title=row[8],
        organizations=json.loads(row[9]), before=row[10], after=row[11],
        evidence=json.loads(row[12]), delivery=delivery,
    )
