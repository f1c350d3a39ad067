"""Normal forms used as graph keys: a wrong one splits or merges real entities."""

from __future__ import annotations

import pytest

from ingest import normalize
from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CN 112345678 A", "CN112345678A"),
        ("ｃｎ１１２３４５６７８Ａ", "CN112345678A"),
        ("cn112,345,678a", "CN112345678A"),
        ("CN202210000001.0", "CN202210000001.0"),
    ],
)
def test_patent_numbers(raw: str, expected: str) -> None:
    assert normalize.patent_number(raw) == expected


@pytest.mark.parametrize(
    ("publication", "application", "kind"),
    [
        ("CN115000001A", None, "invention"),
        ("CN115000001B", None, "invention"),
        ("CN216000003U", None, "utility_model"),
        ("CN306000001S", None, "design"),
        (None, "CN202122000003.9", "utility_model"),
        (None, "CN202230000003.1", "design"),
        (None, "CN202280000003.1", "invention"),
        ("US11223344B2", None, None),
    ],
)
def test_patent_kind(publication: str | None, application: str | None, kind: str | None) -> None:
    assert normalize.patent_kind(publication, application) == kind


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("G06F 16/36", "G06F16/36"),
        ("g06f16/36", "G06F16/36"),
        ("H01M  10 / 0562", "H01M10/0562"),
        ("Ｈ０１Ｍ１０／４８", "H01M10/48"),
        ("H04L 5/0", "H04L5/00"),
        ("G06F", None),
        ("电池", None),
    ],
)
def test_ipc_codes(raw: str, expected: str | None) -> None:
    assert normalize.ipc_code(raw) == expected


def test_ipc_levels() -> None:
    assert normalize.ipc_levels("G06F16/36") == {
        "section": "G",
        "class": "G06",
        "subclass": "G06F",
        "main_group": "G06F16/00",
    }


@pytest.mark.parametrize(
    "raw", ["华为技术有限公司", " 华为技术 有限公司 ", "华为技术有限公司　", "华为技术\t有限公司"]
)
def test_organisation_variants_share_one_key(raw: str) -> None:
    assert normalize.organization_key(raw) == "华为技术有限公司"


def test_full_width_brackets_fold() -> None:
    assert normalize.organization_name("比亚迪（深圳）有限公司") == "比亚迪(深圳)有限公司"


def test_decode_reports_what_it_used() -> None:
    text = "一种锂离子电池"
    assert decode(text.encode("gb18030"), "f") == (text, "gb18030")
    assert decode(text.encode("utf-8"), "f") == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "f") == (text, "utf-8-sig")


def test_binary_is_not_taken_for_gb18030() -> None:
    with pytest.raises(IngestError) as caught:
        decode(bytes(range(256)) * 4, "junk.jsonl")
    assert caught.value.problem.code is ErrorCode.ENCODING_UNKNOWN
    assert caught.value.problem.file == "junk.jsonl"
