"""UTF-8 text with a record cut in the middle of a character (a truncated download, an export
cut at a byte limit) is still UTF-8: every complete line is kept, and the cut line is reported
with the exact byte offset of its incomplete sequence. The whole file is not thrown away, and it
is not mistaken for GB18030 either (which would load every line as mojibake)."""

from __future__ import annotations

import codecs

from ingest.encoding import decode
from ingest.errors import ErrorCode, IngestError, Problem


def decode_records(data: bytes, file: str) -> tuple[str, str, list[tuple[Problem, str]]]:
    """(text, encoding, [(problem, the cut line as far as it goes)]). Lines that end inside a
    UTF-8 sequence become empty lines (so line numbers stay those of the file) and each gets a
    problem; any other decoding failure is `decode`'s to report."""
    try:
        text, encoding = decode(data, file)
        return text, encoding, []
    except IngestError:
        cut = _cut_utf8_lines(data, file)
        if cut is None:
            raise
        return cut


def _cut_utf8_lines(data: bytes, file: str) -> tuple[str, str, list[tuple[Problem, str]]] | None:
    lines: list[str] = []
    problems: list[tuple[Problem, str]] = []
    offset = 0
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        body = raw.rstrip(b"\r\n")
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            if not ends_inside_a_sequence(body):
                return None  # not a cut: another encoding, or bytes that are not text
            lines.append(raw[len(body) :].decode("ascii"))
            problem = (
                Problem(
                    ErrorCode.UTF8_TRUNCATED,
                    file,
                    f"the line ends in the middle of a UTF-8 character at byte {offset + exc.start}"
                    " of the file; the incomplete record is skipped",
                    record=number,
                ),
                body.decode("utf-8", errors="replace"),
            )
            problems.append(problem)
        offset += len(raw)
    if not problems or len(problems) == len(lines):
        return None
    return "".join(lines), "utf-8", problems


def ends_inside_a_sequence(body: bytes) -> bool:
    """Valid UTF-8 up to an incomplete (not invalid) sequence at its very end."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(body, final=False)
    except UnicodeDecodeError:
        return False
    return decoder.getstate()[0] != b""
