"""`ipgraph extract FILE --json`: what ingest would take from one file, written nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from config.backends import shared_analyzer
from config.settings import Settings
from graph.model import EdgeType, NodeLabel
from ingest.aliases import OrganizationAliases
from ingest.errors import IngestError, Problem
from ingest.readers import read_source
from ingest.transform import GraphBatch, add_record, validate


def extract_file(path: Path, settings: Settings) -> dict[str, Any]:
    analyzer = shared_analyzer(settings.user_dictionary)
    aliases = OrganizationAliases.load(settings.organization_aliases)
    try:
        source = read_source(path)
    except IngestError as exc:
        return {
            "file": str(path),
            "encoding": None,
            "sha256": None,
            "records": [],
            "problems": [exc.problem.as_dict()],
        }
    problems = [problem.as_dict() for problem, _ in source.problems]
    records: list[dict[str, Any]] = []
    for raw in source.records:
        outcome = validate(raw, source.path)
        if isinstance(outcome, Problem):
            problems.append(outcome.as_dict())
            continue
        batch = GraphBatch()
        problems.extend(
            p.as_dict() for p in add_record(batch, outcome, raw.record, source, aliases)
        )
        records.append(_describe(batch, raw.record, analyzer.index_tokens))
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
