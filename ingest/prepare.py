"""From a read source file to validated records with their segmentation and entities: the steps
`ipgraph ingest` and `ipgraph extract` share."""

from __future__ import annotations

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


def prepare(source: SourceFile, vocabularies: Vocabularies) -> PreparedFile:
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
        outcome = validate(raw, source.path, vocabularies.columns)
        if isinstance(outcome, Problem):
            prepared.rejected.append((outcome, raw.raw))
        else:
            valid.append((raw.record, outcome))
    segmentations = [segment(record, vocabularies) for _, record in valid]
    if vocabularies.nlp is None:
        found: list[list[Entity]] = [[] for _ in valid]
    else:
        texts = [text_fields(record) for _, record in valid]
        found = extract_many(vocabularies.nlp, texts, segmentations)
    prepared.records = [
        PreparedRecord(location, record, words, entities)
        for (location, record), words, entities in zip(valid, segmentations, found, strict=True)
    ]
    return prepared


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
