"""Entity extraction: quality on the gold texts, and what it adds to the graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.extraction import evaluate
from config.settings import Settings
from graph.entity_pages import node_view
from graph.model import Direction, EdgeType, NodeLabel
from ingest.nlp.pipeline import extract_entities, load_pipeline
from ingest.pipeline import ingest_paths
from stores.backends import open_stores
from tests.conftest import SAMPLE_PATENTS

SAMPLES = SAMPLE_PATENTS.parent


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


def test_gold_precision_and_recall() -> None:
    scores, notes = evaluate()
    for score in scores:
        assert score.tp > 0, score.label
        assert score.precision >= 0.9 and score.recall >= 0.9, (score, notes)


def test_entities_keep_offsets_field_and_component(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "基站按照3GPP TS 38.214确定波束，参见CN110000001A，由华为技术有限公司提出。"
    entities = extract_entities(nlp, {"abstract": text})
    assert [(e.label, e.normalized) for e in entities] == [
        ("STANDARD", "3GPP TS 38.214"),
        ("PATENT_NUMBER", "CN110000001A"),
        ("ORGANIZATION", "华为技术有限公司"),
    ]
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
        assert entity.field == "abstract"
        assert entity.component.startswith("ipgraph_")


def test_ingest_links_standards_citations_and_organisations(tmp_path: Path) -> None:
    stores = open_stores(Settings(data_dir=tmp_path))
    try:
        report = ingest_paths(
            [SAMPLES / "CN115000004A.sample.txt", SAMPLES / "CN115000001A.sample.xml"],
            stores.graph,
            stores.index,
            tmp_path / "dead",
        )
        assert report.errors == []
        standard = node_view(stores.graph, NodeLabel.STANDARD, "3GPP TS 38.214")
        assert standard is not None and standard.props == {"body": "3GPP"}
        mentions = stores.graph.neighbours(
            EdgeType.MENTIONS_STANDARD, "CN115000004A", Direction.OUT
        )
        assert [(m.id, m.edge["field"]) for m in mentions] == [("3GPP TS 38.214", "abstract")]
        cited = stores.graph.neighbours(EdgeType.CITES, "CN115000004A", Direction.OUT)
        assert [c.id for c in cited] == ["CN110000001A"]
        assert cited[0].edge["field"] == "description"
        # A cited patent known only as a number is a bare node, not a full patent.
        stub = stores.graph.find_patent("CN110000001A")
        assert stub is not None and stub.props == {}
        cited_by_001 = stores.graph.neighbours(EdgeType.CITES, "CN115000001A", Direction.OUT)
        assert [c.id for c in cited_by_001] == ["CN112000001A"]
        before = stores.graph.counts()
        ingest_paths(
            [SAMPLES / "CN115000004A.sample.txt"], stores.graph, stores.index, tmp_path / "dead"
        )
        assert stores.graph.counts() == before
    finally:
        stores.close()


def test_keywords_are_technical_words_not_boilerplate(tmp_path: Path) -> None:
    stores = open_stores(Settings(data_dir=tmp_path))
    try:
        ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, tmp_path / "dead")
        node = stores.graph.find_patent("CN115000001A")
        assert node is not None
        keywords = node.props["keywords"]
        assert isinstance(keywords, list) and 0 < len(keywords) <= 8
        assert "热失控" in keywords
        assert not {"本发明", "一种", "所述", "方法", "系统"} & set(keywords)
    finally:
        stores.close()
