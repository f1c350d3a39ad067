"""`--shard i/N`: N independent ingest processes (on one or many machines) over the same input
and the same servers, each loading the records whose stable key falls in its shard.

The key is the source file's content hash and the record's location, so every machine assigns
a record to the same shard whatever path it mounts the file under; writes are idempotent
upserts, so the order in which shards finish does not matter and a re-run adds nothing."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class ShardSpecError(ValueError):
    """`--shard` is not `i/N` with 0 <= i < N."""


@dataclass(frozen=True)
class Shard:
    index: int  # 0-based
    count: int

    @classmethod
    def parse(cls, spec: str) -> Shard:
        match = _SPEC.match(spec)
        if match is None:
            raise ShardSpecError(f"expected i/N (e.g. 0/4), got {spec!r}")
        index, count = int(match.group(1)), int(match.group(2))
        if count < 1 or not 0 <= index < count:
            raise ShardSpecError(f"need 0 <= i < N, got {spec!r}")
        return cls(index, count)

    def owns(self, file_sha256: str, location: int) -> bool:
        """Whether record `location` of the file with this content hash is this shard's."""
        if self.count == 1:
            return True
        key = f"{file_sha256}#{location}".encode()
        return zlib.crc32(key) % self.count == self.index

    def owns_file(self, name: str) -> bool:
        """Whole-file inputs (contracts: one file, one record) are sharded by file name."""
        return self.count == 1 or zlib.crc32(name.encode("utf-8")) % self.count == self.index

    @property
    def tag(self) -> str:
        """Part of dead-letter file names, so shards sharing a folder do not overwrite them."""
        return "" if self.count == 1 else f"shard{self.index}of{self.count}."


WHOLE = Shard(0, 1)
