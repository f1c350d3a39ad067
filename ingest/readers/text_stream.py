"""Line-oriented text files (JSONL, CSV/TSV) read as a stream: a large file is never held in
memory, whole or decoded.

`scan_text` reads the file once in blocks before any record is read: its content hash (the
shard key and provenance need it first) and its encoding, decided over the whole file exactly
as `ingest/encoding.decode` decides on the whole text (BOM, then strict UTF-8, then GB18030 that
reads as text, then UTF-8 with lines cut inside a character, see utf8_lines.py). Each check is
an incremental decoder over the blocks, so memory does not grow with the file.

`DecodedLines` then reads the file again, one line at a time (ends kept; split at \\n, \\r\\n and
\\r, as `bytes.splitlines` does), each line decoded on its own: UTF-8 and GB18030 never use the
bytes of \\r or \\n inside a character, so a line boundary is always a character boundary (UTF-16,
only with a BOM, goes through a text wrapper instead). A line cut inside a UTF-8 character
reads as an empty line and leaves its problem in `problems` for the record reader to report in
line order."""

from __future__ import annotations

import codecs
import hashlib
import io
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.encoding import BOMS, looks_like_text, odd_characters, unknown_encoding
from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.source import file_sha256
from ingest.readers.utf8_lines import ends_inside_a_sequence

BLOCK_BYTES = 256 * 1024


@dataclass(frozen=True)
class ScannedText:
    sha256: str
    encoding: str  # utf-8, utf-8-sig, utf-16, gb18030
    cut_lines: bool  # UTF-8 with lines cut inside a character (reported, not loaded)


def scan_text(path: Path, file: str) -> ScannedText:
    """The file's hash and encoding, reading it in blocks; `IngestError` (ENCODING_UNKNOWN)
    when it is no text encoding we read."""
    head = _read_head(path)
    for bom, encoding in BOMS:
        if head.startswith(bom):
            sha256 = _check_decodes(path, encoding)
            if sha256 is not None:
                return ScannedText(sha256, encoding, False)
            if encoding == "utf-8-sig" and _utf8_with_cut_lines(path):
                return ScannedText(file_sha256(path, BLOCK_BYTES), "utf-8", True)
            raise unknown_encoding(file, f"has a {encoding} byte-order mark but invalid bytes")
    sha256 = _check_decodes(path, "utf-8")
    if sha256 is not None:
        return ScannedText(sha256, "utf-8", False)
    try:
        sha256 = _check_gb18030(path, file)
    except IngestError:
        if not _utf8_with_cut_lines(path):
            raise
        return ScannedText(file_sha256(path, BLOCK_BYTES), "utf-8", True)
    return ScannedText(sha256, "gb18030", False)


def _read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(4)


def _blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            yield block


def _check_decodes(path: Path, encoding: str) -> str | None:
    """The file's sha256 when it decodes strictly as `encoding`, else None."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for block in _blocks(path):
            digest.update(block)
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return digest.hexdigest()


def _check_gb18030(path: Path, file: str) -> str:
    """GB18030 maps almost any bytes to *something*: accepted only when the whole reads as text
    (see encoding.decode), so binary or UTF-16 without a BOM is reported, not loaded as noise."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("gb18030")()
    consumed = odd = characters = 0
    try:
        for block in _blocks(path):
            digest.update(block)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as exc:
                start = consumed - pending + exc.start
                raise unknown_encoding(file, f"neither UTF-8 nor GB18030 (byte {start})") from exc
            consumed += len(block)
            odd += odd_characters(text)
            characters += len(text)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise unknown_encoding(file, f"neither UTF-8 nor GB18030 (byte {consumed})") from exc
    if not looks_like_text(odd, characters):
        raise unknown_encoding(
            file, "decodes as GB18030 only to control characters or rare codepoints"
        )
    return digest.hexdigest()


def _utf8_with_cut_lines(path: Path) -> bool:
    """Every line that is not UTF-8 ends inside a UTF-8 character, and some lines are whole."""
    cut = whole = 0
    for _, raw in byte_lines(path):
        try:
            raw.decode("utf-8")
            whole += 1
        except UnicodeDecodeError:
            if not ends_inside_a_sequence(raw.rstrip(b"\r\n")):
                return False
            cut += 1
    return cut > 0 and whole > 0


def byte_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line with its end) for each line, split where `bytes.splitlines` splits;
    at most one line and one block in memory."""
    offset = 0
    carry = b""
    for block in _blocks(path):
        lines = (carry + block).splitlines(keepends=True)
        # The last piece may continue in the next block (no end yet, or a \r before its \n).
        carry = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
        for line in lines:
            yield offset, line
            offset += len(line)
    if carry:
        yield offset, carry


class DecodedLines:
    """The decoded lines of a scanned file, read lazily (ends kept). Iterate once; a line cut
    inside a UTF-8 character reads as its bare line end and its problem is appended to
    `problems` (record number = line number)."""

    def __init__(self, path: Path, scanned: ScannedText, file: str) -> None:
        self._path = path
        self._scanned = scanned
        self._file = file
        self.problems: deque[tuple[Problem, str]] = deque()

    def __iter__(self) -> Iterator[str]:
        if self._scanned.encoding == "utf-16":
            yield from self._wide_lines()
            return
        encoding = "utf-8" if self._scanned.encoding == "utf-8-sig" else self._scanned.encoding
        for number, (offset, raw) in enumerate(byte_lines(self._path), start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw, offset = raw[len(codecs.BOM_UTF8) :], offset + len(codecs.BOM_UTF8)
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError as exc:
                body = raw.rstrip(b"\r\n")
                self.problems.append(self._cut(number, offset + exc.start, body))
                yield raw[len(body) :].decode("ascii")

    def _wide_lines(self) -> Iterator[str]:
        with (
            self._path.open("rb") as handle,
            io.TextIOWrapper(handle, encoding="utf-16", newline="") as text,
        ):
            yield from text

    def _cut(self, number: int, at: int, body: bytes) -> tuple[Problem, str]:
        problem = Problem(
            ErrorCode.UTF8_TRUNCATED,
            self._file,
            f"the line ends in the middle of a UTF-8 character at byte {at} of the file; the "
            "incomplete record is skipped",
            record=number,
        )
        return problem, body.decode("utf-8", errors="replace")
