"""`ipgraph extract FILE --json`: what ingest would take from one file, written nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from config.backends import shared_analyzer
from config.settings import Settings
from graph.model import EdgeType, NodeLabel
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.nlp.pipeline import extract_many
from ingest.readers import read_source
from ingest.records import PatentRecord
from ingest.transform import (
    GraphBatch,
    add_record,
    segment,
    text_fields,
    unmapped_headers,
    validate,
)
from ingest.vocabularies import Vocabularies


def extract_file(path: Path, settings: Settings, file_format: str | None = None) -> dict[str, Any]:
    analyzer = shared_analyzer(settings.user_dictionary)
    vocabularies = Vocabularies.load(settings)
    try:
        source = read_source(path, file_format)
    except IngestError as exc:
        return {
            "file": str(path),
            "encoding": None,
            "sha256": None,
            "records": [],
            "problems": [exc.problem.as_dict()],
        }
    problems = [problem.as_dict() for problem, _ in source.problems]
    unmapped = unmapped_headers(source.records, vocabularies.columns)
    if unmapped:
        problems.append(
            Problem(
                ErrorCode.COLUMN_UNMAPPED,
                source.path,
                f"columns not loaded: {', '.join(unmapped)}",
                is_warning=True,
            ).as_dict()
        )
    valid: list[tuple[int, PatentRecord]] = []
    for raw in source.records:
        outcome = validate(raw, source.path, vocabularies.columns)
        if isinstance(outcome, Problem):
            problems.append(outcome.as_dict())
        else:
            valid.append((raw.record, outcome))
    texts = [text_fields(record) for _, record in valid]
    segmentations = [segment(record, vocabularies) for _, record in valid]
    found = (
        extract_many(vocabularies.nlp, texts, segmentations)
        if vocabularies.nlp
        else [[] for _ in valid]
    )
    records: list[dict[str, Any]] = []
    for (location, record), words, entities in zip(valid, segmentations, found, strict=True):
        batch = GraphBatch()
        warnings = add_record(batch, record, location, source, vocabularies, entities, words)
        problems.extend(p.as_dict() for p in warnings)
        described = _describe(batch, location, analyzer.index_tokens)
        described["entities"] = [
            {**e.as_dict(), "document": f"{source.sha256[:16]}#{location}"} for e in entities
        ]
        records.append(described)
    return {
        "file": source.path,
        "encoding": source.encoding,
        "sha256": source.sha256,
        "format": source.format,
        "records": records,
        "problems": problems,
    }


def _describe(batch: GraphBatch, record: int, tokens: Callable[[str], list[str]]) -> dict[str, Any]:
    patent = next(iter(batch.nodes[NodeLabel.PATENT].values()))
    return {
        "record": record,
        "patent": {"id": patent.id, **patent.props, "source": patent.source},
        "organizations": [
            {"id": n.id, **n.props} for n in batch.nodes[NodeLabel.ORGANIZATION].values()
        ],
        "persons": [{"id": n.id, **n.props} for n in batch.nodes[NodeLabel.PERSON].values()],
        "ipc": [{"id": n.id, **n.props} for n in batch.nodes[NodeLabel.IPC].values()],
        "edges": [
            {"type": t.value, "from": e.src, "to": e.dst, **e.props}
            for t in EdgeType
            for e in batch.edges[t].values()
        ],
        "title_tokens": tokens(str(patent.props.get("title", ""))),
    }
