"""Index writes that do not hold up ingest: each chunk's documents go to the search index from
a small thread pool while the parent resolves the next chunk and writes its graph rows.

The index is independent of the graph reads ingest makes (resolution, the ledger, families),
so writing it asynchronously changes nothing in what is written, only when. At most
`in_flight` chunks are being written at once (several bulk requests in flight to
Elasticsearch; the embedded index serialises them on its lock); submitting more waits for the
oldest (backpressure). `drain()` waits for all and returns the documents the index refused.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from search.index.protocol import IndexDocument, SearchIndex, WriteReport

DEFAULT_IN_FLIGHT = 2


class IndexWriter:
    def __init__(self, index: SearchIndex, in_flight: int = DEFAULT_IN_FLIGHT) -> None:
        self._index = index
        self._in_flight = max(in_flight, 1)
        self._executor = ThreadPoolExecutor(self._in_flight, thread_name_prefix="index-writer")
        self._pending: deque[Future[WriteReport]] = deque()
        self._failed: dict[str, str] = {}

    def submit(self, documents: Sequence[IndexDocument]) -> None:
        if not documents:
            return
        while len(self._pending) >= self._in_flight:
            self._collect(self._pending.popleft())
        self._pending.append(self._executor.submit(self._index.upsert, list(documents)))

    def drain(self) -> dict[str, str]:
        """Wait for every submitted write; the refused documents (id -> reason) since the last
        drain. A write that raised re-raises here."""
        while self._pending:
            self._collect(self._pending.popleft())
        failed, self._failed = self._failed, {}
        return failed

    def _collect(self, future: Future[WriteReport]) -> None:
        self._failed.update(future.result().failed)

    def __enter__(self) -> IndexWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                self.drain()
        finally:
            self._executor.shutdown(wait=True, cancel_futures=exc is not None)
