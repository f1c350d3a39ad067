"""Text normal forms every other rule builds on: NFKC folding, simplified characters."""

from __future__ import annotations

import re
import unicodedata

from opencc import OpenCC

_SPACES = re.compile(r"\s+")
_TO_SIMPLIFIED = OpenCC("t2s")


def fold(text: str) -> str:
    """NFKC (full-width to half-width, compatibility forms), trimmed, inner whitespace single."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s): 華為 -> 华为."""
    return str(_TO_SIMPLIFIED.convert(text))
