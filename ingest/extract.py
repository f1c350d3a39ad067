"""`ipgraph extract FILE --json`: what ingest would take from one file, written nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from config.settings import Settings
from graph.model import EdgeType, NodeLabel
from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from ingest.contracts.transform import add_contract
from ingest.errors import IngestError
from ingest.prepare import add_prepared, prepare
from ingest.readers import is_contract, read_source
from ingest.resolve.inventors import InventorResolver
from ingest.transform import (
    GraphBatch,
)
from ingest.vocabularies import Vocabularies
from search.index.chinese import shared_analyzer


def extract_file(path: Path, settings: Settings, file_format: str | None = None) -> dict[str, Any]:
    if is_contract(path, file_format):
        return extract_contract_file(
            path, Vocabularies.load(settings.model_copy(update={"nlp": False}))
        )
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
        warnings = add_prepared(batch, item, source, vocabularies, people)
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


def extract_contract_file(path: Path, vocabularies: Vocabularies) -> dict[str, Any]:
    """A contract's fields with their evidence, and the graph rows they would become
    (patent numbers as written: the store that would resolve them is not read)."""
    try:
        document = read_contract(path)
        contract = extract_contract(document)
    except IngestError as exc:
        return {"file": str(path), "contract": None, "problems": [exc.problem.as_dict()]}
    batch = GraphBatch()
    add_contract(batch, contract, document.text, vocabularies, InventorResolver())
    return {
        "file": contract.file,
        "format": contract.format,
        "encoding": contract.encoding,
        "sha256": contract.sha256,
        "contract": contract.model_dump(mode="json"),
        "nodes": [
            {"label": label.value, "id": row.id, **row.props}
            for label, rows in batch.nodes.items()
            for row in rows.values()
        ],
        "edges": [
            {"type": edge_type.value, "from": row.src, "to": row.dst, **row.props}
            for edge_type, rows in batch.edges.items()
            for row in rows.values()
        ],
        "problems": [],
    }
