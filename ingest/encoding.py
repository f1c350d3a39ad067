"""Text decoding that never guesses silently: the encoding used is always returned."""

from __future__ import annotations

import codecs

from ingest.errors import ErrorCode, IngestError, Problem

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Return (text, encoding): BOM first, then strict UTF-8, then strict GB18030."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, file), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 maps almost any byte string to *something*; only accept it when the result reads
    # as text, so that binary or UTF-16 without a BOM is reported instead of loaded as noise.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise unknown_encoding(file, f"neither UTF-8 nor GB18030 (byte {exc.start})") from exc
    if not _looks_like_text(text):
        raise unknown_encoding(
            file, "decodes as GB18030 only to control characters or rare codepoints"
        )
    return text, "gb18030"


def _strict(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise unknown_encoding(file, f"has a {encoding} byte-order mark but invalid bytes") from exc


def _looks_like_text(text: str) -> bool:
    return looks_like_text(odd_characters(text), len(text))


def looks_like_text(odd: int, characters: int) -> bool:
    """Fewer than 1% of the characters are controls, private-use or beyond the BMP."""
    return characters == 0 or odd / characters < 0.01


def odd_characters(text: str) -> int:
    return sum(
        1
        for ch in text
        if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
        or 0xE000 <= ord(ch) <= 0xF8FF
        or ord(ch) > 0xFFFF
    )


def unknown_encoding(file: str, why: str) -> IngestError:
    return IngestError(Problem(ErrorCode.ENCODING_UNKNOWN, file, f"unknown text encoding: {why}"))
