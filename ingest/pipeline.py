"""Ingest files into a graph store and a search index: good records load, bad ones are
dead-lettered with a coded reason, and a re-run writes nothing new."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

import structlog

from domain.names import person_name
from domain.numbers import patent_lookup_keys
from graph.lookup import find_patent_by_number
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRecord
from graph.store import GraphStore
from ingest.contracts.amendments import apply_amendments
from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from ingest.contracts.transform import add_contract
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.index_writer import IndexWriter
from ingest.ledger import with_stored_events
from ingest.parallel import AnalysePool
from ingest.prepare import Analyse, PreparedRecord, add_prepared, analysed, validate_file
from ingest.readers import SUPPORTED_SUFFIXES, is_contract, read_source
from ingest.records import PatentRecord
from ingest.resolve.inventors import InventorResolver
from ingest.sharding import WHOLE, Shard
from ingest.transform import (
    GraphBatch,
)
from ingest.vocabularies import Vocabularies
from search.index.protocol import IndexDocument, SearchIndex

log = structlog.get_logger(__name__)
# Records resolved and written together: large enough for full UNWIND batches and bulk
# requests, small enough that the pool and the index writer overlap with the graph writes.
WRITE_CHUNK = 1_000
ProgressCallback = Callable[[str, int], None]


@dataclass
class FileReport:
    path: str
    encoding: str | None = None
    records_read: int = 0
    records_loaded: int = 0
    problems: list[Problem] = field(default_factory=list)
    dead_letter: str | None = None


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    # Patents this run wrote or whose contracts it wrote (monitoring compares their state).
    patent_ids: set[str] = field(default_factory=set)

    @property
    def records_loaded(self) -> int:
        return sum(f.records_loaded for f in self.files)

    @property
    def errors(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems if p.is_warning]


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and the supported files inside any folder, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield path


def ingest_paths(
    paths: Iterable[Path],
    graph: GraphStore,
    index: SearchIndex,
    dead_letter_dir: Path,
    on_file_done: ProgressCallback | None = None,
    vocabularies: Vocabularies | None = None,
    file_format: str | None = None,
    workers: int = 1,
    shard: Shard = WHOLE,
) -> IngestReport:
    """Load `paths`. With `workers` > 1, segmentation and entity extraction run in that many
    processes (ingest/parallel.py) and the result is the same; `shard` keeps only its share of
    the records (ingest/sharding.py) for N processes over the same input."""
    vocabularies = vocabularies if vocabularies is not None else Vocabularies.load()
    graph.ensure_schema()
    index.ensure_index()
    report = IngestReport()
    people = InventorResolver(graph)
    with ExitStack() as stack:
        # Exited last: the index is searchable (and refreshing again) once everything is in.
        stack.enter_context(index.bulk_loading())
        analyse = stack.enter_context(AnalysePool(vocabularies, workers)) if workers > 1 else None
        writer = stack.enter_context(IndexWriter(index))
        for path in expand_paths(paths):
            run = _FileRun(
                dead_letter_dir,
                vocabularies,
                file_format,
                people,
                analyse,
                shard,
                report.patent_ids,
                writer,
            )
            file_report = _ingest_file(path, graph, index, run)
            report.files.append(file_report)
            _file_done(file_report, on_file_done)
    return report


@dataclass(frozen=True)
class _FileRun:
    """What every file of one ingest run shares."""

    dead_letter_dir: Path
    vocabularies: Vocabularies
    file_format: str | None
    people: InventorResolver
    analyse: Analyse | None
    shard: Shard
    # Patents this run wrote (IngestReport.patent_ids), for the monitoring refresh.
    touched: set[str]
    index_writer: IndexWriter


def _file_done(file_report: FileReport, on_file_done: ProgressCallback | None) -> None:
    log.info(
        "file_ingested",
        path=file_report.path,
        loaded=file_report.records_loaded,
        problems=len(file_report.problems),
        encoding=file_report.encoding,
    )
    if on_file_done is not None:
        on_file_done(file_report.path, file_report.records_loaded)


def _ingest_file(path: Path, graph: GraphStore, index: SearchIndex, run: _FileRun) -> FileReport:
    vocabularies, people = run.vocabularies, run.people
    if is_contract(path, run.file_format):
        if not run.shard.owns_file(path.name):
            return FileReport(str(path))
        return _ingest_contract(path, graph, index, run)
    file_report = FileReport(str(path))
    try:
        source = read_source(path, run.file_format)
    except IngestError as exc:
        file_report.problems.append(exc.problem)
        file_report.dead_letter = _write_dead_letters(run, path, [(exc.problem, "")])
        return file_report
    file_report.encoding = source.encoding
    shard = run.shard
    # The file is read as it is analysed and written: records, their analyses and a chunk
    # waiting to be written are what is held, not the file.
    prepared, valid = validate_file(
        source,
        vocabularies,
        owns=None if shard.count == 1 else lambda location: shard.owns(source.sha256, location),
    )
    documents: set[str] = set()
    # Chunk by chunk: while the parent resolves and writes one, the pool analyses the next and
    # the index writer sends the previous one's documents.
    for chunk in _chunks(analysed(valid, vocabularies, run.analyse), WRITE_CHUNK):
        batch = GraphBatch()
        people.preload(person_name(name) for item in chunk for name in item.record.inventors)
        stored = _KnownPatents(graph, [item.record for item in chunk])
        for item in chunk:
            item = replace(item, record=with_stored_events(stored, item.record))
            file_report.problems.extend(add_prepared(batch, item, source, vocabularies, people))
        _write_batch(batch, graph, run.index_writer)
        run.touched.update(_patents_of(batch))
        documents.update(batch.documents)
    file_report.records_read = prepared.read
    file_report.problems[:0] = prepared.warnings
    rejected = prepared.rejected
    rejected.extend(_index_rejections(run.index_writer.drain(), source.path))
    file_report.problems.extend(p for p, _ in rejected)
    file_report.records_loaded = len(documents) - len(
        [p for p, _ in rejected if p.code is ErrorCode.INDEX_REJECTED]
    )
    file_report.dead_letter = _write_dead_letters(run, path, rejected)
    return file_report


class _KnownPatents:
    """`find_patent` for a chunk's records, answered from one lookup of all their numbers
    (nothing is written between that lookup and the records' reads: the chunk is written
    after all of them are resolved)."""

    def __init__(self, graph: GraphStore, records: list[PatentRecord]) -> None:
        numbers = (r.publication_number or r.application_number for r in records)
        self._asked = {key for number in numbers if number for key, _ in patent_lookup_keys(number)}
        self._found = graph.find_patents(sorted(self._asked))
        self._graph = graph

    def find_patent(self, number: str) -> NodeRecord | None:
        if number in self._asked:
            return self._found.get(number)
        return self._graph.find_patent(number)


def _chunks(items: Iterable[PreparedRecord], size: int) -> Iterator[list[PreparedRecord]]:
    chunk: list[PreparedRecord] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ingest_contract(
    path: Path, graph: GraphStore, index: SearchIndex, run: _FileRun
) -> FileReport:
    """One contract file is one record: it loads whole or goes to the dead letters whole."""
    file_report = FileReport(str(path), records_read=1)
    vocabularies, people = run.vocabularies, run.people
    try:
        document = read_contract(path)
        contract = extract_contract(document)
    except IngestError as exc:
        file_report.problems.append(exc.problem)
        file_report.dead_letter = _write_dead_letters(run, path, [(exc.problem, "")])
        return file_report
    file_report.encoding = document.encoding or document.format
    batch = GraphBatch()
    add_contract(batch, contract, document.text, vocabularies, people, _patent_lookup(graph))
    apply_amendments(batch, contract, graph)
    _write_batch(batch, graph, run.index_writer)
    rejected = _index_rejections(run.index_writer.drain(), str(path))
    run.touched.update(_patents_of(batch))
    file_report.problems.extend(p for p, _ in rejected)
    file_report.records_loaded = 0 if rejected else 1
    file_report.dead_letter = _write_dead_letters(run, path, rejected)
    return file_report


def _patent_lookup(graph: GraphStore) -> Callable[[str], str | None]:
    def find(number: str) -> str | None:
        found = find_patent_by_number(graph, number).patent
        return found.id if found is not None else None

    return find


def _patents_of(batch: GraphBatch) -> set[str]:
    """The patents a batch wrote, and those its edges touch (a contract's covered patents)."""
    ids = set(batch.nodes[NodeLabel.PATENT])
    for edge_type, edges in batch.edges.items():
        src, dst = edge_type.endpoints
        ids.update(s for s, _ in edges if src is NodeLabel.PATENT)
        ids.update(d for _, d in edges if dst is NodeLabel.PATENT)
    return ids


def _write_batch(batch: GraphBatch, graph: GraphStore, writer: IndexWriter) -> None:
    """The graph rows now (the next records' resolution reads them), the documents through
    the index writer (nothing reads them during ingest)."""
    batch.write_graph(graph)
    graph.upsert_edges(EdgeType.MEMBER_OF, _first_filing_links(batch, graph))
    patents = [doc.id for doc in batch.documents.values() if doc.asset_kind == "patent"]
    stored = {k: node for k, node in graph.find_patents(patents).items() if node.id == k}
    writer.submit([_with_grade(stored, doc) for doc in batch.documents.values()])


def _index_rejections(failed: dict[str, str], path: str) -> list[tuple[Problem, str]]:
    return [
        (Problem(ErrorCode.INDEX_REJECTED, path, reason, field=doc_id), doc_id)
        for doc_id, reason in failed.items()
    ]


def _with_grade(stored: dict[str, NodeRecord], document: IndexDocument) -> IndexDocument:
    """A re-ingested patent keeps the grade monitoring gave it (the record has none)."""
    if document.asset_kind != "patent":
        return document
    node = stored.get(document.id)
    grade = node.props.get("grade") if node is not None else None
    return dataclasses.replace(document, grade=grade) if isinstance(grade, str) else document


def _first_filing_links(batch: GraphBatch, graph: GraphStore) -> list[EdgeRow]:
    """Each patent of the batch joins the priority family its application founded (the store
    drops the rows whose family does not exist), and each family the batch names is joined by
    its first filing when that was loaded before."""
    rows = [
        EdgeRow(
            patent_id,
            family_id,
            {"role": "first filing"},
            batch.nodes[NodeLabel.PATENT][patent_id].source,
        )
        for patent_id, family_id in batch.first_filings.items()
    ]
    for family in batch.nodes[NodeLabel.FAMILY].values():
        application = family.props.get("priority_application")
        first = graph.find_patent(application) if isinstance(application, str) else None
        if first is not None:
            rows.append(EdgeRow(first.id, family.id, {"role": "first filing"}, family.source))
    return rows


def _write_dead_letters(
    run: _FileRun, source: Path, rejected: list[tuple[Problem, str]]
) -> str | None:
    """One dead-letter file per source file (and shard), rewritten on every run so re-runs
    never pile up."""
    directory = run.dead_letter_dir
    # The path hash keeps same-named files from different folders apart.
    tag = hashlib.sha1(str(source.resolve()).encode("utf-8")).hexdigest()[:8]
    target = directory / f"{source.name}.{tag}.{run.shard.tag}rejected.jsonl"
    if not rejected:
        target.unlink(missing_ok=True)
        return None
    directory.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        for problem, raw in rejected:
            out.write(json.dumps({**problem.as_dict(), "raw": raw}, ensure_ascii=False) + "\n")
    return str(target)
