"""`ipgraph extract FILE --json`: what ingest would take from one file, written nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from config.backends import shared_analyzer
from config.settings import Settings
from graph.model import EdgeType, NodeLabel
from ingest.errors import IngestError
from ingest.prepare import prepare
from ingest.readers import read_source
from ingest.resolve.inventors import InventorResolver
from ingest.transform import (
    GraphBatch,
    add_record,
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
    prepared = prepare(source, vocabularies)
    problems = [p.as_dict() for p in prepared.warnings]
    problems += [problem.as_dict() for problem, _ in prepared.rejected]
    records: list[dict[str, Any]] = []
    # Same-name inventors resolve across the file's records, as a first ingest would see them.
    people = InventorResolver()
    for item in prepared.records:
        batch = GraphBatch()
        warnings = add_record(
            batch,
            item.record,
            item.location,
            source,
            vocabularies,
            item.entities,
            item.words,
            people,
        )
        problems.extend(p.as_dict() for p in warnings)
        described = _describe(batch, item.location, analyzer.index_tokens)
        described["entities"] = [
            {**e.as_dict(), "document": f"{source.sha256[:16]}#{item.location}"}
            for e in item.entities
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
