"""Ingest on the embedded stores: bad input is coded and dead-lettered, good input lands once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from config.settings import Settings
from graph.entity_pages import patent_view
from graph.model import Direction, EdgeType, NodeLabel
from ingest.errors import ErrorCode
from ingest.pipeline import ingest_paths
from stores.backends import Stores, open_stores
from tests.conftest import SAMPLE_PATENTS

GOOD = {
    "publication_number": "CN115000001A",
    "application_number": "CN202210000001.0",
    "title": "一种锂离子电池热失控预警方法",
    "abstract": "通过温度与产气信号判断热失控。",
    "applicants": ["宁德时代新能源科技股份有限公司"],
    "inventors": ["张伟"],
    "ipc": ["H01M 10/48"],
    "filing_date": "2022-01-04",
}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def stores(settings: Settings) -> Iterator[Stores]:
    stores = open_stores(settings)
    yield stores
    stores.close()


def _write_jsonl(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _record(**changes: object) -> str:
    return json.dumps({**GOOD, **changes}, ensure_ascii=False)


def _dead_letters(settings: Settings) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for file in sorted(settings.dead_letter_dir.glob("*.jsonl")):
        rows.extend(json.loads(line) for line in file.read_text(encoding="utf-8").splitlines())
    return rows


def test_sample_loads_every_record(stores: Stores, settings: Settings) -> None:
    report = ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, settings.dead_letter_dir)
    lines = SAMPLE_PATENTS.read_text(encoding="utf-8").splitlines()
    assert report.records_loaded == len(lines) == stores.index.count()
    assert report.errors == [] and report.warnings == []
    assert stores.graph.counts().nodes["Patent"] == len(lines)


def test_rerun_changes_nothing(stores: Stores, settings: Settings) -> None:
    ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, settings.dead_letter_dir)
    counts, docs = stores.graph.counts(), stores.index.count()
    view = patent_view(stores.graph, "CN115000001A")
    ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, settings.dead_letter_dir)
    assert stores.graph.counts() == counts
    assert stores.index.count() == docs
    assert patent_view(stores.graph, "CN115000001A") == view


def test_bad_records_are_dead_lettered_and_good_ones_land(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            _record(),
            '{"publication_number": "CN115000002A", "title": "缺少右括号"',
            _record(publication_number=None, application_number=None),
            _record(publication_number="CN115000004A", title=""),
            "[1, 2]",
            "",
            _record(
                publication_number="CN115000006A",
                application_number="CN202210000006.X",
                filing_date="2022-13-45",
            ),
            _record(
                publication_number="CN115000007A",
                application_number="CN202210000007.1",
                title="一种碳化硅功率模块",
            ),
        ],
    )
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)

    assert report.records_loaded == 2
    assert patent_view(stores.graph, "CN115000001A") is not None
    assert patent_view(stores.graph, "CN115000007A") is not None
    found = {(p.code, p.record, p.field) for p in report.errors}
    assert found == {
        (ErrorCode.JSON_MALFORMED, 2, None),
        (ErrorCode.RECORD_MISSING_NUMBER, 3, "publication_number"),
        (ErrorCode.RECORD_INVALID, 4, "title"),
        (ErrorCode.RECORD_INVALID, 5, None),
        (ErrorCode.RECORD_INVALID, 7, "filing_date"),
    }
    assert all(p.file == str(source) for p in report.errors)
    letters = _dead_letters(settings)
    assert sorted(int(str(row["record"])) for row in letters) == [2, 3, 4, 5, 7]
    assert all(row["raw"] for row in letters)
    assert {row["code"] for row in letters} >= {"INGEST_JSON_MALFORMED"}


def test_dead_letters_are_rewritten_not_appended(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(tmp_path / "bad.jsonl", [_record(), "{oops"])
    ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert len(_dead_letters(settings)) == 1
    _write_jsonl(source, [_record()])  # fixed
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.errors == [] and _dead_letters(settings) == []


def test_invalid_ipc_code_is_a_warning_and_the_record_stays(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(
        tmp_path / "ipc.jsonl", [_record(ipc=["H01M 10/48", "电池类", "G06F16/36"])]
    )
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.records_loaded == 1 and report.errors == []
    [warning] = report.warnings
    assert (warning.code, warning.record, warning.field) == (ErrorCode.IPC_INVALID, 1, "ipc")
    view = patent_view(stores.graph, "CN115000001A")
    assert view is not None and [i.id for i in view.ipc] == ["H01M10/48", "G06F16/36"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_chinese_encodings_are_detected_and_recorded(
    encoding: str, tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(tmp_path / f"{encoding}.jsonl", [_record()], encoding)
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.records_loaded == 1
    assert report.files[0].encoding == encoding
    view = patent_view(stores.graph, "CN115000001A")
    assert view is not None and view.props["title"] == GOOD["title"]


def test_unknown_encoding_is_refused_with_a_code(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = tmp_path / "utf16-no-bom.jsonl"
    source.write_bytes(_record().encode("utf-16-le"))
    good = _write_jsonl(tmp_path / "good.jsonl", [_record()])
    report = ingest_paths([source, good], stores.graph, stores.index, settings.dead_letter_dir)
    [problem] = report.errors
    assert problem.code is ErrorCode.ENCODING_UNKNOWN and problem.file == str(source)
    assert report.records_loaded == 1  # the other file still loads


def test_unsupported_and_missing_files_are_coded(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    (tmp_path / "notes.rtf").write_text("备注", encoding="utf-8")
    report = ingest_paths(
        [tmp_path / "notes.rtf", tmp_path / "absent.jsonl"],
        stores.graph,
        stores.index,
        settings.dead_letter_dir,
    )
    assert [p.code for p in report.errors] == [
        ErrorCode.FORMAT_UNSUPPORTED,
        ErrorCode.FILE_NOT_FOUND,
    ]


def test_json_array_and_records_object_are_read(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([GOOD], ensure_ascii=False), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(
        json.dumps(
            {"records": [{**GOOD, "publication_number": "CN115000009A"}]}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    report = ingest_paths([tmp_path], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.records_loaded == 2 and report.errors == []


def test_malformed_json_document_names_line_and_column(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"title": "一种方法",\n  }\n]', encoding="utf-8")
    report = ingest_paths([broken], stores.graph, stores.index, settings.dead_letter_dir)
    [problem] = report.errors
    assert problem.code is ErrorCode.JSON_MALFORMED
    assert "line 3" in problem.message


def test_joined_names_are_split_and_names_normalised(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(
        tmp_path / "joined.jsonl",
        [
            _record(
                applicants="宁德时代新能源科技股份有限公司；清华大学",
                inventors="张伟、李 娜",
                publication_number="cn 115,000,001 a",
            )
        ],
    )
    ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    view = patent_view(stores.graph, "CN115000001A")
    assert view is not None
    assert [a.name for a in view.applicants] == ["宁德时代新能源科技股份有限公司", "清华大学"]
    assert [p.name for p in view.inventors] == ["张伟", "李娜"]


def test_wrong_check_digit_is_flagged_and_the_record_kept(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(
        tmp_path / "check.jsonl", [_record(application_number="2022 1 0000001.7")]
    )
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.records_loaded == 1 and report.errors == []
    [warning] = report.warnings
    assert (warning.code, warning.field) == (ErrorCode.CHECK_DIGIT_INVALID, "application_number")
    assert "is not 0" in warning.message
    view = patent_view(stores.graph, "CN115000001A")
    assert view is not None and view.props["application_number"] == "CN202210000001.7"


def test_simple_families_and_traditional_names(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(
        tmp_path / "family.jsonl",
        [
            _record(
                family=["US 11,223,344 B2", "EP 3 456 789 A1"],
                applicants=["華為技術有限公司"],
                inventors=["張偉"],
            ),
            _record(
                publication_number="US11223344B2",
                application_number=None,
                title="Beam method",
                family="CN115000001A; EP3456789A1",
                applicants=["Huawei Technologies Co., Ltd."],
            ),
        ],
    )
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.errors == []
    members = stores.graph.neighbours(EdgeType.MEMBER_OF, "CN115000001A", Direction.OUT)
    assert [m.id for m in members] == ["CN115000001A"]  # the smallest member names the family
    family = stores.graph.neighbours(EdgeType.MEMBER_OF, "CN115000001A", Direction.IN)
    assert [m.id for m in family] == ["CN115000001A", "EP3456789A1", "US11223344B2"]
    assert stores.graph.counts().nodes["Family"] == 1
    view = patent_view(stores.graph, "CN115000001A")
    assert view is not None
    assert [(a.id, a.name) for a in view.applicants] == [("华为技术有限公司", "华为技术有限公司")]
    assert [p.name for p in view.inventors] == ["张伟"]
    org = stores.graph.get_node(NodeLabel.ORGANIZATION, "华为技术有限公司")
    assert org is not None and org.props["legal_form"] == "company"


def test_legal_events_become_typed_and_dated(
    tmp_path: Path, stores: Stores, settings: Settings
) -> None:
    source = _write_jsonl(
        tmp_path / "events.jsonl",
        [
            _record(
                legal_events="2023-03-28 授权; PE01 专利权质押合同登记的生效 2023.05.01; 神秘事件"
            )
        ],
    )
    report = ingest_paths([source], stores.graph, stores.index, settings.dead_letter_dir)
    assert report.records_loaded == 1
    [warning] = report.warnings
    assert (warning.code, warning.field) == (ErrorCode.LEGAL_EVENT_UNKNOWN, "legal_events")
    view = patent_view(stores.graph, "CN115000001A")
    assert view is not None
    assert view.props["legal_events"] == ["grant:2023-03-28", "pledge:2023-05-01"]
