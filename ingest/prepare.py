"""From a read source file to validated records with their segmentation and entities: the steps
`ipgraph ingest` and `ipgraph extract` share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.errors import ErrorCode, Problem
from ingest.nlp.pipeline import Entity, extract_many
from ingest.readers import SourceFile
from ingest.records import PatentRecord
from ingest.resolve.inventors import InventorResolver
from ingest.transform import (
    GraphBatch,
    add_record,
    segment,
    text_fields,
    unmapped_headers,
    validate,
)
from ingest.vocabularies import Vocabularies


@dataclass(frozen=True)
class PreparedRecord:
    location: int
    record: PatentRecord
    words: dict[str, list[str]]  # jieba's precise words per text field
    entities: list[Entity]


@dataclass
class PreparedFile:
    records: list[PreparedRecord] = field(default_factory=list)
    rejected: list[tuple[Problem, str]] = field(default_factory=list)  # (problem, raw text)
    warnings: list[Problem] = field(default_factory=list)


# Segmentation and entity extraction of validated records: pure functions of the records, so
# they may run in other processes (ingest/parallel.py) and give the same result.
Analyse = Callable[[list[PatentRecord]], list[tuple[dict[str, list[str]], list[Entity]]]]


def prepare(
    source: SourceFile,
    vocabularies: Vocabularies,
    analyse: Analyse | None = None,
    owns: Callable[[int], bool] | None = None,
) -> PreparedFile:
    """Validate, segment and extract. `analyse` replaces the in-process segmentation and
    extraction (a worker pool); `owns(location)` keeps only this shard's records."""
    prepared = PreparedFile(rejected=list(source.problems))
    unmapped = unmapped_headers(source.records, vocabularies.columns)
    if unmapped:
        prepared.warnings.append(
            Problem(
                ErrorCode.COLUMN_UNMAPPED,
                source.path,
                f"columns not loaded (no mapping in config/columns): {', '.join(unmapped)}",
                is_warning=True,
            )
        )
    valid: list[tuple[int, PatentRecord]] = []
    for raw in source.records:
        if owns is not None and not owns(raw.record):
            continue
        outcome = validate(raw, source.path, vocabularies.columns)
        if isinstance(outcome, Problem):
            prepared.rejected.append((outcome, raw.raw))
        else:
            valid.append((raw.record, outcome))
    records = [record for _, record in valid]
    analysed = analyse(records) if analyse is not None else analyse_records(records, vocabularies)
    prepared.records = [
        PreparedRecord(location, record, words, entities)
        for (location, record), (words, entities) in zip(valid, analysed, strict=True)
    ]
    return prepared


def analyse_records(
    records: list[PatentRecord], vocabularies: Vocabularies
) -> list[tuple[dict[str, list[str]], list[Entity]]]:
    """Each record's words per text field (segmented once) and the entities found in them."""
    segmentations = [segment(record, vocabularies) for record in records]
    if vocabularies.nlp is None:
        found: list[list[Entity]] = [[] for _ in records]
    else:
        texts = [text_fields(record) for record in records]
        found = extract_many(vocabularies.nlp, texts, segmentations)
    return list(zip(segmentations, found, strict=True))


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
    )
