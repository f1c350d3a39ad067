"""The record fields a front page adds (PCT data, divisional parent, earlier publication,
original applicants, Locarno classes): accepted from JSON input in both shapes, refused with a
coded problem naming the field when malformed, and carried into the graph by ingest."""

from __future__ import annotations

import json
from pathlib import Path

from config.settings import Settings
from graph.entity_pages import patent_view
from ingest.errors import ErrorCode, Problem
from ingest.pipeline import ingest_paths
from ingest.readers.columns import ColumnMap
from ingest.readers.source import RawRecord
from ingest.records import PatentRecord
from ingest.transform import validate
from stores.backends import open_stores
from tests.test_inid_front_pages import GRANT, TWO_COLUMN

FRONT_PAGE_FIELDS = {
    "publication_number": "CN114600123A",
    "title": "一种隐私保护的方法",
    "original_applicants": "西门子股份公司；西门子医疗有限公司",
    "divisional_of": "201911038765.3",
    "earlier_publication": {"number": "CN111138724A", "date": "2020.05.12"},
    "pct_application": "PCT/US2020/055812 2020.10.16",
    "pct_publication": "WO2021/076789 EN 2021.04.22",
    "pct_national_phase_date": "2022年4月14日",
    "locarno": "12-07",
}


def test_json_input_takes_objects_or_one_string_per_reference() -> None:
    record = PatentRecord.model_validate(FRONT_PAGE_FIELDS)
    assert record.original_applicants == ["西门子股份公司", "西门子医疗有限公司"]
    assert record.earlier_publication is not None
    assert record.earlier_publication.date is not None
    assert record.earlier_publication.date.isoformat() == "2020-05-12"
    dumped = record.model_dump(mode="json")
    assert dumped["pct_application"] == {"number": "PCT/US2020/055812", "date": "2020-10-16"}
    assert dumped["pct_publication"] == {"number": "WO2021/076789", "date": "2021-04-22"}
    assert dumped["pct_national_phase_date"] == "2022-04-14"
    assert dumped["locarno"] == ["12-07"]


def test_a_reference_without_a_number_is_a_coded_problem_naming_the_field() -> None:
    raw = RawRecord(3, {**FRONT_PAGE_FIELDS, "pct_application": {"date": "2020-10-16"}}, "")
    problem = validate(raw, "records.jsonl", ColumnMap.load())
    assert isinstance(problem, Problem)
    assert problem.code == ErrorCode.RECORD_INVALID
    assert (problem.file, problem.record) == ("records.jsonl", 3)
    assert problem.field is not None and problem.field.startswith("pct_application")


def test_ingest_carries_the_front_page_links_into_the_graph(tmp_path: Path) -> None:
    grant, pct = tmp_path / "grant.txt", tmp_path / "pct.txt"
    grant.write_text(GRANT, encoding="utf-8")
    pct.write_text(TWO_COLUMN, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(FRONT_PAGE_FIELDS, ensure_ascii=False) + "\n", encoding="utf-8")
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = ingest_paths([grant, pct, records], stores.graph, stores.index, tmp_path / "dead")
        assert report.errors == [] and report.records_loaded == 3
        view = patent_view(stores.graph, "CN114567890B")
        assert view is not None
        assert view.props["earlier_publication"] == "CN113598765A"
        assert view.props["earlier_publication_date"] == "2021-11-05"
        assert view.props["original_applicants"] == ["中国石油集团川庆钻探工程有限公司"]
        assert view.props["cites"][:2] == ["CN109876543A", "CN105432109B"]
        view = patent_view(stores.graph, "CN115998877A")
        assert view is not None
        assert view.props["pct_application"] == "PCT/EP2021/067890"
        assert view.props["pct_publication_date"] == "2022-01-06"
        assert view.props["priority_numbers"] == ["US63046123", "DE202020123456"]
        view = patent_view(stores.graph, "CN114600123A")
        assert view is not None
        assert view.props["divisional_of"] == "CN201911038765.3"
        assert view.props["locarno"] == ["12-07"]
    finally:
        stores.close()
