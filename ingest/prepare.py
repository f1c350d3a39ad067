"""From a read source file to validated records with their segmentation and entities: the steps
`ipgraph ingest` and `ipgraph extract` share."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ingest.errors import ErrorCode, Problem
from ingest.nlp.pipeline import Entity, extract_many
from ingest.readers import RawRecord, SourceFile
from ingest.records import PatentRecord
from ingest.resolve.inventors import InventorResolver
from ingest.transform import (
    GraphBatch,
    add_record,
    export_headers,
    segment,
    text_fields,
    unmapped_headers,
    validate,
)
from ingest.vocabularies import Vocabularies


@dataclass(frozen=True)
class Analysis:
    """What segmentation and extraction give for one record (made in a worker or in-process)."""

    words: dict[str, list[str]]  # jieba's precise words of the title and abstract (keywords)
    entities: list[Entity]
    segmented: dict[str, str]  # the index's search-mode tokens per segmented text field


@dataclass(frozen=True)
class PreparedRecord:
    location: int
    record: PatentRecord
    words: dict[str, list[str]]  # jieba's precise words of the title and abstract
    entities: list[Entity]
    segmented: dict[str, str] | None = None  # index tokens per text field, made with the words


@dataclass
class PreparedFile:
    records: list[PreparedRecord] = field(default_factory=list)
    rejected: list[tuple[Problem, str]] = field(default_factory=list)  # (problem, raw text)
    warnings: list[Problem] = field(default_factory=list)
    read: int = 0  # records met (this shard's), loadable or not


# Segmentation and extraction of validated records: pure functions of the records, so they may
# run in other processes (ingest/parallel.py) and give the same result, in input order.
Analyse = Callable[[Iterable[PatentRecord]], Iterable[Analysis]]
_KEYWORD_FIELDS = ("title", "abstract")
# Records analysed together in-process: the spaCy pipeline's batch, and a bound on what is held.
IN_PROCESS_CHUNK = 64


def prepare(
    source: SourceFile,
    vocabularies: Vocabularies,
    analyse: Analyse | None = None,
    owns: Callable[[int], bool] | None = None,
) -> PreparedFile:
    """Validate, segment and extract. `analyse` replaces the in-process segmentation and
    extraction (a worker pool); `owns(location)` keeps only this shard's records."""
    prepared, valid = validate_file(source, vocabularies, owns)
    prepared.records = list(analysed(valid, vocabularies, analyse))
    return prepared


def validate_file(
    source: SourceFile, vocabularies: Vocabularies, owns: Callable[[int], bool] | None = None
) -> tuple[PreparedFile, Iterator[tuple[int, PatentRecord]]]:
    """The file's valid records with their locations, read and validated as the iterator is
    consumed (the file is streamed, not loaded); the `PreparedFile` collects the rejected
    records as they are met, and `read` and `warnings` are complete once the iterator is."""
    prepared = PreparedFile()
    return prepared, _validated(source, vocabularies, owns, prepared)


def _validated(
    source: SourceFile,
    vocabularies: Vocabularies,
    owns: Callable[[int], bool] | None,
    prepared: PreparedFile,
) -> Iterator[tuple[int, PatentRecord]]:
    headers: set[str] = set()
    for item in source.items():
        if not isinstance(item, RawRecord):
            problem = item[0]
            if owns is None or problem.record is None or owns(problem.record):
                prepared.read += 1
                prepared.rejected.append(item)
            continue
        # Every shard warns of the same columns: the file's, not only its share's.
        headers |= export_headers(item)
        if owns is not None and not owns(item.record):
            continue
        prepared.read += 1
        outcome = validate(item, source.path, vocabularies.columns)
        if isinstance(outcome, Problem):
            prepared.rejected.append((outcome, item.raw))
        else:
            yield item.record, outcome
    unmapped = unmapped_headers(headers, vocabularies.columns)
    if unmapped:
        prepared.warnings.insert(
            0,
            Problem(
                ErrorCode.COLUMN_UNMAPPED,
                source.path,
                f"columns not loaded (no mapping in config/columns): {', '.join(unmapped)}",
                is_warning=True,
            ),
        )


def analysed(
    valid: Iterable[tuple[int, PatentRecord]],
    vocabularies: Vocabularies,
    analyse: Analyse | None = None,
) -> Iterator[PreparedRecord]:
    """The valid records with their analysis, in order, as they come: records are drawn from
    `valid` only as the analysis needs them (a pool works a bounded window ahead)."""
    waiting: deque[tuple[int, PatentRecord]] = deque()

    def records() -> Iterator[PatentRecord]:
        for item in valid:
            waiting.append(item)
            yield item[1]

    results = analyse(records()) if analyse is not None else _in_process(records(), vocabularies)
    for result in results:
        location, record = waiting.popleft()
        yield PreparedRecord(location, record, result.words, result.entities, result.segmented)
    if waiting:
        raise RuntimeError("the analysis returned fewer results than records")


def _in_process(records: Iterable[PatentRecord], vocabularies: Vocabularies) -> Iterator[Analysis]:
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, IN_PROCESS_CHUNK)):
        yield from analyse_records(chunk, vocabularies)


def analyse_records(records: list[PatentRecord], vocabularies: Vocabularies) -> list[Analysis]:
    """Each record's words per text field (segmented once), the entities found in them and the
    index tokens made from them."""
    segmentations = [segment(record, vocabularies) for record in records]
    if vocabularies.nlp is None:
        found: list[list[Entity]] = [[] for _ in records]
    else:
        texts = [text_fields(record) for record in records]
        found = extract_many(vocabularies.nlp, texts, segmentations)
    analyzer = vocabularies.analyzer
    return [
        Analysis(
            {name: words[name] for name in _KEYWORD_FIELDS if name in words},
            entities,
            {name: analyzer.segmented_words(field_words) for name, field_words in words.items()},
        )
        for words, entities in zip(segmentations, found, strict=True)
    ]


def add_prepared(
    batch: GraphBatch,
    item: PreparedRecord,
    source: SourceFile,
    vocabularies: Vocabularies,
    people: InventorResolver,
) -> list[Problem]:
    """A prepared record's rows into `batch` (see transform.add_record); returns its warnings."""
    return add_record(
        batch,
        item.record,
        item.location,
        source,
        vocabularies,
        item.entities,
        item.words,
        people,
        segmented=item.segmented,
    )
