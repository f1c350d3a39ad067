"""Segmentation and entity extraction in a pool of worker processes.

These are the expensive steps of ingest (segmentation, the index tokens and the spaCy
components) and pure functions of a record, so workers run them on chunks of records and the
parent receives the results in input order, as they come: the parent resolves and writes the
first chunks while the workers analyse the next ones. At most `window` chunks are in flight, so
memory stays bounded however long the input (backpressure: the parent stops submitting until it
has consumed the oldest result).

Everything stateful (organisation and inventor resolution, the asset ledger's reads, graph
rows, writes) stays in the parent, in record order, through `transform.add_record`: a run
with N workers writes exactly what a run with one does.

Workers are forked after the parent has loaded the vocabularies (jieba's dictionary, the spaCy
pipeline), so they share those pages and start at once.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import ApplyResult, Pool
from types import TracebackType

from ingest.prepare import Analysis, analyse_records
from ingest.records import PatentRecord
from ingest.vocabularies import Vocabularies

DEFAULT_CHUNK = 32  # records per task: large enough to amortise pickling, small enough to balance
CHUNKS_PER_WORKER = 4  # tasks in flight per worker: enough to never leave one idle

# The vocabularies the forked workers analyse with (set in the parent before forking).
_worker_vocabularies: Vocabularies | None = None


def _analyse_chunk(records: list[PatentRecord]) -> list[Analysis]:
    assert _worker_vocabularies is not None  # set before the pool forks
    return analyse_records(records, _worker_vocabularies)


class AnalysePool:
    """`pool(records)` is `analyse_records(records, vocabularies)` spread over `workers`
    processes. Use as a context manager; one pool per vocabularies."""

    def __init__(
        self, vocabularies: Vocabularies, workers: int, chunk_size: int = DEFAULT_CHUNK
    ) -> None:
        self._vocabularies = vocabularies
        self._workers = workers
        self._chunk_size = chunk_size
        self._pool: Pool | None = None

    def __enter__(self) -> AnalysePool:
        global _worker_vocabularies
        # Load jieba's dictionary before forking, so no worker builds its own.
        self._vocabularies.analyzer.words("预热")
        _worker_vocabularies = self._vocabularies
        self._pool = multiprocessing.get_context("fork").Pool(self._workers)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.terminate() if exc is not None else self._pool.close()
            self._pool.join()
            self._pool = None

    def __call__(self, records: Iterable[PatentRecord]) -> Iterator[Analysis]:
        """The analyses of `records`, in order, computed ahead by the workers; records are
        drawn from `records` only as the window has room (a file is read as it is analysed)."""
        pool = self._pool
        if pool is None:
            raise RuntimeError("AnalysePool used outside its `with` block")
        window = self._workers * CHUNKS_PER_WORKER
        pending: deque[ApplyResult[list[Analysis]]] = deque()
        for chunk in _chunks(records, self._chunk_size):
            if len(pending) >= window:
                yield from pending.popleft().get()
            pending.append(pool.apply_async(_analyse_chunk, (chunk,)))
        while pending:
            yield from pending.popleft().get()


def _chunks(records: Iterable[PatentRecord], size: int) -> Iterator[list[PatentRecord]]:
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
