"""API keys and roles. A key is sent as `X-API-Key` (or `Authorization: Bearer ...`); the server
keeps only its SHA-256, with a name and a role, in `<data_dir>/api_keys.tsv` (`ipgraph keys add`).

Roles, from least to most trusted:
- portal: search and entity pages of public assets (also what a call without a key gets);
- analyst: portal, plus analyst graph queries and Cypher;
- dd: analyst, plus due diligence and the confidential records: trade secrets, people
  (employment, access, non-compete) and confidential contracts (NDA, trade-secret licences,
  non-competes);
- admin: everything.
Confidential records are filtered out in the queries themselves (edge types not followed,
asset kinds excluded in the index), not removed from answers afterwards.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fastapi import Request

from search_api.errors import ApiError


class Role(StrEnum):
    PORTAL = "portal"
    ANALYST = "analyst"
    DD = "dd"
    ADMIN = "admin"


_RANK = {Role.PORTAL: 0, Role.ANALYST: 1, Role.DD: 2, Role.ADMIN: 3}


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role

    @property
    def sees_confidential(self) -> bool:
        return _RANK[self.role] >= _RANK[Role.DD]

    def at_least(self, role: Role) -> bool:
        return _RANK[self.role] >= _RANK[role]


ANONYMOUS = Principal("anonymous", Role.PORTAL)
OPERATOR = Principal("operator (cli)", Role.ADMIN)


class ApiKeys:
    """The key file, read again whenever it changes (its mtime, size or inode), so a key added
    or revoked with `ipgraph keys` counts on the running server at the next request. One
    `stat` per request is the whole cost when nothing changed."""

    def __init__(self, by_hash: dict[str, Principal], path: Path | None = None) -> None:
        self._by_hash = by_hash
        self._path = path
        self._stamp: tuple[int, int, int] | None = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path) -> ApiKeys:
        keys = cls({}, path)
        keys._refresh()
        return keys

    @property
    def by_hash(self) -> dict[str, Principal]:
        self._refresh()
        return self._by_hash

    def _refresh(self) -> None:
        if self._path is None:
            return
        stamp = _stamp(self._path)
        if stamp == self._stamp:
            return
        with self._lock:
            self._by_hash = {entry.digest: entry.principal for entry in read_keys(self._path)}
            self._stamp = stamp

    def principal(self, key: str | None) -> Principal:
        if not key:
            return ANONYMOUS
        digest = _digest(key)
        for known, principal in self.by_hash.items():
            if hmac.compare_digest(known, digest):
                return principal
        raise ApiError(401, "API_KEY_INVALID", "the API key is not valid", {})


@dataclass(frozen=True)
class KeyEntry:
    principal: Principal
    digest: str


def read_keys(path: Path) -> list[KeyEntry]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, role, digest = line.split("\t")[:3]
            entries.append(KeyEntry(Principal(name, Role(role)), digest))
    return entries


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def add_key(path: Path, name: str, role: Role) -> str:
    """Create a key for `name`, store its hash, and return the key (shown once)."""
    key = secrets.token_urlsafe(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(f"{name}\t{role.value}\t{_digest(key)}\n")
    path.chmod(0o600)
    return key


def revoke_keys(path: Path, name: str) -> int:
    """Remove every key of `name`; the number removed. The file is replaced atomically, so a
    server reading it sees either the old or the new list, never half of one."""
    entries = read_keys(path)
    kept = [e for e in entries if e.principal.name != name]
    if len(kept) == len(entries):
        return 0
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines(f"{e.principal.name}\t{e.principal.role.value}\t{e.digest}\n" for e in kept)
    os.replace(tmp, path)
    return len(entries) - len(kept)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


async def principal_of(request: Request) -> Principal:
    # async: no blocking I/O here (a `stat` of the key file), so no thread-pool hop per request
    keys: ApiKeys = request.app.state.context.api_keys
    header = request.headers.get("x-api-key")
    if header is None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        header = token if scheme.lower() == "bearer" else None
    return keys.principal(header)


def require(principal: Principal, role: Role) -> None:
    if not principal.at_least(role):
        raise ApiError(
            403,
            "FORBIDDEN",
            f"this needs the {role.value} role or higher",
            {"role": principal.role.value, "needed": role.value},
        )
