"""Every input format loads the same patents into the same graph and index."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from config.settings import Settings
from domain.dates import date_text
from graph.entity_pages import patent_view
from ingest.errors import ErrorCode
from ingest.pipeline import IngestReport, ingest_paths
from ingest.readers.columns import ColumnMap
from search.index.protocol import SearchQuery
from search.query import parse_query
from stores.backends import Stores, open_stores
from tests.conftest import SAMPLE_PATENTS, production_settings

SAMPLES = SAMPLE_PATENTS.parent
FORMATS = ["patents.sample.jsonl", "export.sample.csv", "export.sample.xlsx"]
CNIPA_EXPORT = Path(__file__).resolve().parents[2] / "shared" / "data" / "cnipa-export-sample"
# What only provenance may change between formats.
PROVENANCE = {"extractor"}


def _load(tmp_path: Path, name: str) -> tuple[Stores, IngestReport]:
    stores = open_stores(Settings(data_dir=tmp_path / name))
    report = ingest_paths([SAMPLES / name], stores.graph, stores.index, tmp_path / "dead")
    return stores, report


def _snapshot(stores: Stores) -> dict[str, object]:
    views = {}
    for hit in stores.index.search(SearchQuery(query=None, size=100)).hits:
        view = patent_view(stores.graph, hit.id)
        assert view is not None
        props = {k: v for k, v in view.props.items() if k not in PROVENANCE}
        views[hit.id] = (props, view.applicants, view.inventors, view.ipc, hit.document)
    return {"patents": views, "counts": dataclasses.replace(stores.graph.counts())}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    stores, _ = _load(tmp_path_factory.mktemp("ref"), FORMATS[0])
    yield _snapshot(stores)
    stores.close()


@pytest.mark.parametrize("name", FORMATS[1:])
def test_exports_load_like_the_record_format(
    name: str, tmp_path: Path, reference: dict[str, object]
) -> None:
    stores, report = _load(tmp_path, name)
    try:
        assert report.errors == [] and report.records_loaded == 14
        assert _snapshot(stores) == reference
    finally:
        stores.close()


@pytest.mark.integration
@pytest.mark.parametrize("name", FORMATS)
def test_each_format_loads_the_same_into_the_servers(
    name: str,
    tmp_path: Path,
    reference: dict[str, object],
    es_client: object,
    neo4j_driver: object,
) -> None:
    stores = open_stores(production_settings(index_prefix="test-formats-"))
    try:
        stores.graph.delete_all()
        stores.index.delete_all()
        report = ingest_paths([SAMPLES / name], stores.graph, stores.index, tmp_path / "dead")
        assert report.errors == []
        assert _snapshot(stores) == reference
    finally:
        stores.graph.delete_all()
        stores.index.delete_all()
        stores.close()


def test_csv_encoding_is_recorded(tmp_path: Path) -> None:
    stores, report = _load(tmp_path, "export.sample.csv")
    stores.close()
    assert report.files[0].encoding == "gb18030"
    [warning] = report.warnings
    assert warning.code is ErrorCode.COLUMN_UNMAPPED and "序号" in warning.message


@pytest.mark.skipif(not CNIPA_EXPORT.exists(), reason="../shared/data/cnipa-export-sample absent")
def test_real_cnipa_export_loads_with_its_chinese_columns(tmp_path: Path) -> None:
    stores = open_stores(Settings(data_dir=tmp_path))
    try:
        report = ingest_paths(
            [CNIPA_EXPORT / "patents_sample.jsonl"], stores.graph, stores.index, tmp_path / "dead"
        )
        assert report.errors == [] and report.records_loaded == 10
        view = patent_view(stores.graph, "CN218751475U")
        assert view is not None
        assert view.props["kind"] == "utility_model"
        assert view.props["legal_status"] == "valid"
        assert view.props["filing_date"] == "2022-12-02"
        assert view.props["ipc"] == ["B64U20/80", "B64U101/30"]
        assert view.props["current_owners"] == ["中科大数据研究院"]
        assert [p.name for p in view.inventors][:2] == ["刘迪", "刘敏"]
        hits = stores.index.search(SearchQuery(parse_query("无人机 多功能盒"))).hits
        assert [h.id for h in hits] == ["CN218751475U"]
    finally:
        stores.close()


def test_junk_renamed_xlsx_is_coded_and_the_batch_goes_on(tmp_path: Path) -> None:
    junk = tmp_path / "导出.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook" * 20)
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = ingest_paths(
            [junk, SAMPLES / "export.sample.csv"], stores.graph, stores.index, tmp_path / "dead"
        )
    finally:
        stores.close()
    [problem] = report.errors
    assert problem.code is ErrorCode.SPREADSHEET_UNREADABLE and problem.file == str(junk)
    assert report.records_loaded == 14


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("20221202", "2022-12-02"),
        ("2022.12.2", "2022-12-02"),
        ("2022/12/02", "2022-12-02"),
        ("2022年12月2日", "2022-12-02"),
        ("2022-12-02 00:00:00", "2022-12-02"),
        ("0", None),
        ("", None),
    ],
)
def test_export_dates(raw: str, iso: str | None) -> None:
    assert date_text(raw) == iso


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("公开（公告）号", "publication_number"),
        ("公开(公告)号", "publication_number"),
        ("公开号", "publication_number"),
        (" 申请日 ", "filing_date"),
        ("发明名称", "title"),
        ("IPC主分类", "ipc_main"),
        ("ipc", "ipc"),
        ("当前权利人", "current_owners"),
        ("Publication Number", "publication_number"),
        ("序号", None),
    ],
)
def test_header_variants(header: str, field: str | None) -> None:
    assert ColumnMap.load().field_of(header) == field


@pytest.mark.parametrize(
    ("name", "patent_id"),
    [
        ("CN115000001A.sample.xml", "CN115000001A"),
        ("CN115000004A.sample.txt", "CN115000004A"),
    ],
)
def test_patent_documents_load_like_the_record_format(
    name: str, patent_id: str, tmp_path: Path, reference: dict[str, object]
) -> None:
    stores, report = _load(tmp_path, name)
    try:
        assert report.errors == [] and report.records_loaded == 1
        view = patent_view(stores.graph, patent_id)
        assert view is not None
        expected = reference["patents"][patent_id]  # type: ignore[index]
        props = {k: v for k, v in view.props.items() if k not in PROVENANCE}
        # Documents carry more than the record sample: the address, the agency, the description.
        for key, value in expected[0].items():
            if key not in ("legal_status", "legal_status_raw", "grant_date", "claims"):
                assert props[key] == value, key
        assert (view.applicants, view.inventors, view.ipc) == expected[1:4]
        assert props["applicant_addresses"]
    finally:
        stores.close()


def test_malformed_xml_and_entity_expansion_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<cn-patent-document><abstract>未闭合", encoding="utf-8")
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
        "<cn-patent-document>&a;</cn-patent-document>",
        encoding="utf-8",
    )
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = ingest_paths([broken, bomb], stores.graph, stores.index, tmp_path / "dead")
    finally:
        stores.close()
    assert [p.code for p in report.errors] == [ErrorCode.XML_MALFORMED, ErrorCode.XML_MALFORMED]


def test_the_registry_is_the_one_list_of_formats() -> None:
    """Suffixes, `--format` choices and contract detection all come from READERS; the byte
    reader's own check must accept every suffix a reader claims."""
    from ingest.readers import READERS, SUPPORTED_SUFFIXES, reader_for
    from ingest.readers.source import SUPPORTED_SUFFIXES as READABLE

    assert set(SUPPORTED_SUFFIXES) <= set(READABLE)
    assert {s for r in READERS for s in r.suffixes} == set(SUPPORTED_SUFFIXES)
    samples = SAMPLE_PATENTS.parent
    assert reader_for(samples / "CN115000004A.sample.txt").name == "txt"  # INID front page
    assert reader_for(samples / "contracts" / "equity.sample.txt").name == "contract"
    assert reader_for(samples / "contracts" / "pledge.sample.pdf").is_contract
