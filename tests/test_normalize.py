"""Normal forms used as graph keys: a wrong one splits or merges real entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import LEGAL_EVENTS_TABLE
from domain.ipc import IpcTitles, hierarchy, ipc_code
from domain.legal_status import LegalEvents
from domain.names import organization_key, organization_name
from domain.numbers import (
    cn_check_digit,
    parse_application_number,
    parse_publication_number,
    patent_kind,
)
from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError


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
    assert patent_kind(publication, application) == kind


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
    assert ipc_code(raw) == expected


@pytest.mark.parametrize(
    "raw", ["华为技术有限公司", " 华为技术 有限公司 ", "华为技术有限公司　", "华为技术\t有限公司"]
)
def test_organisation_variants_share_one_key(raw: str) -> None:
    assert organization_key(raw) == "华为技术有限公司"


def test_full_width_brackets_fold() -> None:
    assert organization_name("比亚迪（深圳）有限公司") == "比亚迪(深圳)有限公司"


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


@pytest.mark.parametrize(
    ("raw", "canonical", "check_ok"),
    [
        ("CN202210000001.0", "CN202210000001.0", True),
        ("202210000001.0", "CN202210000001.0", True),
        ("CN 2022 1 0000001.5", "CN202210000001.5", False),
        ("ZL 2022 1 0000001.0", "CN202210000001.0", True),
        ("CN202223220665.2", "CN202223220665.2", True),  # a real one, from the CNIPA export sample
        ("98123456.9", "CN98123456.9", True),
        ("98123456.7", "CN98123456.7", False),
        ("202210000001", "CN202210000001.0", None),  # no check digit given: computed, not verified
    ],
)
def test_cn_application_numbers_and_check_digits(
    raw: str, canonical: str, check_ok: bool | None
) -> None:
    number = parse_application_number(raw)
    assert (number.canonical, number.check_digit_ok, number.country) == (canonical, check_ok, "CN")


@pytest.mark.parametrize(
    ("raw", "canonical", "country", "kind"),
    [
        ("CN 115000001 A", "CN115000001A", "CN", "A"),
        ("US 11,223,344 B2", "US11223344B2", "US", "B2"),
        ("EP 3 456 789 A1", "EP3456789A1", "EP", "A1"),
        ("JP 2020-123456 A", "JP2020123456A", "JP", "A"),
        ("KR 10-2020-0012345", "KR1020200012345", "KR", None),
        ("WO 2020/123456 A1", "WO2020123456A1", "WO", "A1"),
    ],
)
def test_publication_numbers(raw: str, canonical: str, country: str, kind: str | None) -> None:
    number = parse_publication_number(raw)
    assert (number.canonical, number.country, number.kind_code) == (canonical, country, kind)


def test_check_digit_matches_the_cnipa_rule() -> None:
    # 2*2+0*3+2*4+2*5+1*6+0*7+...+1*5 = 33 -> 33 mod 11 = 0
    assert cn_check_digit("202210000001") == "0"
    # 2*2+0*3+2*4+2*5+1*6+... +1*4+0*5 = 32 -> 32 mod 11 = 10 -> X
    assert cn_check_digit("202210000010") == "X"


def test_ipc_hierarchy_without_titles() -> None:
    chain = hierarchy("G06F16/36", IpcTitles())
    assert [(e.code, e.level, e.parent) for e in chain] == [
        ("G06F16/36", "subgroup", "G06F16/00"),
        ("G06F16/00", "main_group", "G06F"),
        ("G06F", "subclass", "G06"),
        ("G06", "class", "G"),
        ("G", "section", None),
    ]
    assert [e.code for e in hierarchy("H01M10/00", IpcTitles())] == [
        "H01M10/00",
        "H01M",
        "H01",
        "H",
    ]


IPC_TABLE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "ipc-zh-2026"
    / ("ipc_2026_01_zh.tsv.gz")
)


@pytest.mark.skipif(not IPC_TABLE.exists(), reason="../shared/data/ipc-zh-2026 absent")
def test_ipc_titles_from_the_cnipa_table() -> None:
    titles = IpcTitles.load(IPC_TABLE)
    assert len(titles.titles) > 70_000
    assert titles.titles["H"] == "电学"
    assert titles.titles["H01M"].startswith("用于直接转变化学能为电能的方法或装置")
    # Stray spaces from the printed tables are gone.
    assert " " not in titles.titles["A01B"][:20]


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("2023-03-28 授权", ("grant", "2023-03-28")),
        ("CF01未缴年费专利权终止2024.01.05", ("lapse", "2024-01-05")),
        ("20230501 专利权质押合同登记的生效", ("pledge", "2023-05-01")),
        ("专利实施许可合同备案的注销 2023年5月1日", ("license_cancelled", "2023-05-01")),
        ("EE01", ("license", None)),
        ("TR01 专利权的转移 2022-11-30", ("transfer", "2022-11-30")),
        ("视为撤回", ("withdrawal", None)),
        ("随便什么", None),
    ],
)
def test_legal_events(raw: str, parsed: tuple[str, str | None] | None) -> None:
    assert LegalEvents.load(LEGAL_EVENTS_TABLE).parse(raw) == parsed
