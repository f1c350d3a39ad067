"""Bounded input: zip bombs refused before they expand, a UTF-8 file cut inside a character
keeps its complete records, and a huge URL gets the API's JSON error shape."""

from __future__ import annotations

import http.client
import json
import tracemalloc
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from ingest.contracts.documents import read_contract
from ingest.errors import ErrorCode, IngestError
from ingest.readers import read_source
from tests.conftest import SAMPLE_PATENTS
from tests.test_api_keys import server  # noqa: F401  (the fixture: a real `ipgraph serve`)

GIB = 1024**3


def _bomb(path: Path, member: str, size: int) -> Path:
    """A zip of a few MB whose `member` expands to `size` bytes of spaces."""
    chunk = b" " * (8 * 1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open(member, "w", force_zip64=True) as out,
    ):
        for _ in range(size // len(chunk)):
            out.write(chunk)
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    return {
        "xlsx": _bomb(folder / "patents.xlsx", "xl/worksheets/sheet1.xml", GIB),
        "docx": _bomb(folder / "contract.docx", "word/document.xml", GIB),
        "small-ratio": _bomb(folder / "ratio.xlsx", "xl/worksheets/sheet1.xml", 64 * 1024**2),
    }


@pytest.mark.parametrize("kind", ["xlsx", "docx", "small-ratio"])
def test_a_zip_bomb_is_refused_before_it_expands(bombs: dict[str, Path], kind: str) -> None:
    path = bombs[kind]
    assert path.stat().st_size < 8 * 1024 * 1024  # small on disk
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as refused:
            if kind == "docx":
                read_contract(path)
            else:
                read_source(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.problem.code == ErrorCode.ARCHIVE_TOO_LARGE
    assert refused.value.problem.file == str(path)
    assert peak < 4 * path.stat().st_size + 16 * 1024 * 1024, peak


def test_a_utf8_file_cut_inside_a_character_keeps_its_complete_records(tmp_path: Path) -> None:
    lines = SAMPLE_PATENTS.read_bytes().splitlines(keepends=True)[:4]
    cut_line = lines[1][: lines[1].index("有限公司".encode()) + 2]  # inside 有 (3 bytes)
    # the file itself ends inside a character too (a truncated download)
    tail = lines[3].rstrip(b"\n")
    cut_tail = tail[: tail.index("公司".encode()) + 1]
    data = lines[0] + cut_line + b"\n" + lines[2] + cut_tail
    path = tmp_path / "cut.jsonl"
    path.write_bytes(data)
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert [record.record for record in source.records] == [1, 3]
    problems = [problem for problem, _ in source.problems]
    assert [(p.code, p.record) for p in problems] == [
        (ErrorCode.UTF8_TRUNCATED, 2),
        (ErrorCode.UTF8_TRUNCATED, 4),
    ]
    first_offset = len(lines[0]) + len(cut_line) - 2
    last_offset = len(lines[0]) + len(cut_line) + 1 + len(lines[2]) + len(cut_tail) - 1
    assert f"at byte {first_offset} " in problems[0].message
    assert f"at byte {last_offset} " in problems[1].message
    assert data[first_offset : first_offset + 2] == "有".encode()[:2]


def test_a_gb18030_file_is_still_read_as_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "gb.jsonl"
    path.write_bytes(SAMPLE_PATENTS.read_text(encoding="utf-8").encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "gb18030" and not source.problems


def test_a_100_kb_url_gets_the_api_error_shape(server: tuple[Path, int]) -> None:  # noqa: F811
    _, port = server
    url = f"http://127.0.0.1:{port}/api/v1/search?q=" + "a" * 100_000
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)
    assert refused.value.code == 414
    assert refused.value.headers["content-type"] == "application/json"
    body = json.load(refused.value)
    assert body["code"] == "URL_TOO_LONG" and set(body) == {"code", "message", "detail"}


def test_a_huge_body_is_refused_before_it_is_read(server: tuple[Path, int]) -> None:  # noqa: F811
    _, port = server
    # Only the headers are sent: the answer must come from Content-Length alone, before any of
    # the 2 MB body (sending it as well raced the server closing the refused connection).
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("POST", "/api/v1/graph/cypher")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(2_000_000))
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["code"] == "BODY_TOO_LARGE"
    finally:
        connection.close()
