"""JSONL and CSV files are read as a stream: the memory a read takes does not grow with the
file (tracemalloc's peak, no timing), and streaming keeps what whole-file reading did: the
encodings, the export header below a preamble, coded problems in line order, sharding."""

from __future__ import annotations

import csv
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from config.settings import Settings
from ingest.errors import ErrorCode
from ingest.prepare import validate_file
from ingest.readers import RawRecord, read_source
from ingest.readers.text_stream import byte_lines
from ingest.vocabularies import Vocabularies

MIB = 1024 * 1024
# Small records, so that many lines make a large file quickly: what is measured is the reader.
_TITLE = "一种锂离子电池正极材料及其制备方法"


def _record(n: int) -> dict[str, object]:
    return {
        "publication_number": f"CN{100000000 + n}A",
        "title": f"{_TITLE}{n}",
        "applicants": ["宁德时代新能源科技股份有限公司"],
        "inventors": ["张伟", "李娜"],
        "ipc": ["H01M 4/36"],
    }


def write_jsonl(path: Path, records: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            out.write(json.dumps(_record(n), ensure_ascii=False) + "\n")
    return path


def write_csv(path: Path, records: int, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        out.write("检索式：申请人=(宁德时代)\n导出时间：2026-11-29\n")
        writer = csv.writer(out)
        writer.writerow(["公开号", "标题", "申请人", "发明人", "IPC分类号"])
        for n in range(records):
            row = [f"CN{100000000 + n}A", f"{_TITLE}{n}", "宁德时代", "张伟;李娜", "H01M4/36"]
            writer.writerow(row)
    return path


def peak_while_reading(path: Path) -> tuple[int, int]:
    """(records read, tracemalloc's peak in bytes while reading every record of `path`)."""
    tracemalloc.start()
    try:
        count = sum(1 for item in read_source(path).items() if isinstance(item, RawRecord))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


@pytest.mark.parametrize("write", [write_jsonl, write_csv], ids=["jsonl", "csv"])
def test_reading_a_file_takes_memory_that_does_not_grow_with_it(
    tmp_path: Path, write: Callable[[Path, int], Path]
) -> None:
    suffix = ".jsonl" if write is write_jsonl else ".csv"
    small = write(tmp_path / f"small{suffix}", 10_000)
    large = write(tmp_path / f"large{suffix}", 100_000)
    assert large.stat().st_size > 10 * MIB  # whole, it would be read and decoded at this size
    small_count, small_peak = peak_while_reading(small)
    large_count, large_peak = peak_while_reading(large)
    assert (small_count, large_count) == (10_000, 100_000)
    # A block of the file (256 KiB) split into lines, and the CSV head; not the file.
    assert large_peak < 3 * MIB, large_peak
    assert large_peak < small_peak * 1.25 + MIB / 4, (small_peak, large_peak)


def test_validating_a_file_streams_it_too(tmp_path: Path) -> None:
    """What ingest iterates (validated records, this shard's share) is a stream as well."""
    vocabularies = Vocabularies.load(Settings(nlp=False))
    files = {n: write_jsonl(tmp_path / f"{n}.jsonl", n) for n in (16_000, 80_000)}

    def validated(path: Path) -> int:
        prepared, valid = validate_file(read_source(path), vocabularies, owns=lambda n: n % 2)
        count = sum(1 for _ in valid)
        assert prepared.read == count and not prepared.rejected
        return count

    # pydantic-core keeps a fixed-size cache (16,384) of the strings it has met: both files
    # have more, so what is compared is what grows with the file.
    peaks = {}
    for records, path in files.items():
        tracemalloc.start()
        try:
            assert validated(path) == records // 2
            _, peaks[records] = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peaks[80_000] < peaks[16_000] * 1.25 + MIB / 4, peaks


def test_problems_come_in_line_order_with_their_codes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps(_record(1), ensure_ascii=False).encode()
    cut = good[: good.index("宁德".encode()) + 1]  # inside 宁
    path.write_bytes(b"\n".join([good, b"{not json", cut, b"", b"[1]", good]) + b"\n")
    items = list(read_source(path).items())
    found = [
        ("record", item.record) if isinstance(item, RawRecord) else (item[0].code, item[0].record)
        for item in items
    ]
    assert found == [
        ("record", 1),
        (ErrorCode.JSON_MALFORMED, 2),
        (ErrorCode.UTF8_TRUNCATED, 3),
        (ErrorCode.RECORD_INVALID, 5),
        ("record", 6),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_a_csv_export_with_a_preamble_reads_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    source = read_source(write_csv(tmp_path / f"{encoding}.csv", 50, encoding))
    expected = {"gbk": "gb18030", "utf-16": "utf-16"}.get(encoding, encoding)
    assert source.encoding == expected
    assert [r.record for r in source.records][:2] == [4, 5] and len(source.records) == 50
    assert source.records[0].data["标题"] == f"{_TITLE}0"
    assert not source.problems


def test_a_gbk_byte_after_the_first_megabyte_still_makes_the_file_gb18030(tmp_path: Path) -> None:
    """The encoding is decided over the whole file (in blocks), not over a prefix: a file whose
    first megabytes are ASCII and whose later lines are GBK is GBK, as whole-file decoding said."""
    path = tmp_path / "late.jsonl"
    ascii_line = json.dumps({"publication_number": "CN1A", "title": "x" * 200}) + "\n"
    with path.open("wb") as out:
        out.write(ascii_line.encode() * 12_000)  # about 2.6 MB
        out.write((json.dumps({"title": _TITLE}, ensure_ascii=False) + "\n").encode("gbk"))
    source = read_source(path)
    assert source.encoding == "gb18030"
    assert source.records[-1].data["title"] == _TITLE and not source.problems


def test_a_json_string_holding_a_line_separator_is_one_record(tmp_path: Path) -> None:
    """U+2028 is legal inside a JSON string (json.dumps writes it raw with ensure_ascii=False);
    lines end only at \\n, \\r\\n and \\r."""
    path = tmp_path / "ls.jsonl"
    path.write_text(json.dumps({"title": "第一段\u2028第二段"}, ensure_ascii=False) + "\n")
    source = read_source(path)
    assert [r.data["title"] for r in source.records] == ["第一段\u2028第二段"]


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_lines_split_across_blocks_as_splitlines_splits(tmp_path: Path, ending: bytes) -> None:
    path = tmp_path / "lines.txt"
    data = ending.join(b"line %d " % n + b"y" * (n % 700) for n in range(6_000)) + ending
    path.write_bytes(data)
    assert [line for _, line in byte_lines(path)] == data.splitlines(keepends=True)
    offsets = [offset for offset, _ in byte_lines(path)]
    assert offsets[1] == len(data.splitlines(keepends=True)[0])


def test_a_file_gone_before_it_is_read_is_a_coded_problem(tmp_path: Path) -> None:
    """Records are read as ingest goes: a file removed after its scan, before its records are
    read, gives a FILE_NOT_FOUND problem, not an exception."""
    path = write_jsonl(tmp_path / "gone.jsonl", 3)
    source = read_source(path)
    path.unlink()
    items = list(source.items())
    assert len(items) == 1 and not isinstance(items[0], RawRecord)
    assert items[0][0].code == ErrorCode.FILE_NOT_FOUND and items[0][0].file == str(path)
