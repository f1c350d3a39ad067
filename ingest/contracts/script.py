"""Traditional Chinese and full-width forms, folded for the rules without moving any offset.

The rules are written for simplified characters and ASCII digits. A contract of a Hong Kong,
Taiwan or Macau party (專利權, 許可, 作價入股) or one typed with full-width digits
(ＸＪＴＵ－２０２２) is folded character by character into a text of the same length, so every
evidence offset found in the folded text points at the same characters of the original, and the
values the document states in its own script are read back from the original (`original_value`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

# Full-width letters, digits and the separators of numbers; the full-width punctuation the rules
# match on (，；：（）) stays as it is.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_WIDTH.update({0xFF0D: ord("-"), 0xFF0E: ord("."), 0xFF0F: ord("/"), 0x2212: ord("-")})


@dataclass(frozen=True)
class FoldedText:
    original: str
    text: str  # same length as original
    script: str  # simplified or traditional

    def original_value(self, value: str, near: int = 0) -> str:
        """`value`, read in the folded text, as the original writes it (traditional stays
        traditional); the occurrence at or after `near` is taken, else the first one."""
        if self.text == self.original:
            return value
        at = self.text.find(value, near)
        if at < 0:
            at = self.text.find(value)
        return self.original[at : at + len(value)] if at >= 0 else value


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold(text: str) -> FoldedText:
    width_folded = text.translate(_WIDTH)
    simplified = _simplified_same_length(width_folded)
    changed = sum(1 for a, b in zip(width_folded, simplified, strict=True) if a != b)
    # A simplified contract may quote a traditional name or two; one written in traditional
    # script changes on every line.
    if changed >= 5 and changed * 20 >= len(text):
        return FoldedText(original=text, text=_cjk_punctuation(simplified), script="traditional")
    return FoldedText(original=text, text=_cjk_punctuation(width_folded), script="simplified")


_HALF_TO_FULL = {",": "，", ";": "；"}
_HALF_BESIDE_CJK = re.compile(r"(?<=[\u4e00-\u9fff）》」”])[,;]|[,;](?=[\u4e00-\u9fff（《「“])")


def _cjk_punctuation(text: str) -> str:
    """A comma or semicolon typed half-width beside Chinese (协商不成的,提交…仲裁委员会) as the
    full-width one the rules end a clause at; 1,200,000 keeps its commas."""
    return _HALF_BESIDE_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], text)


def to_simplified(text: str) -> str:
    """A line in simplified script and ASCII digits, same length, whatever script it is in."""
    return _simplified_same_length(text.translate(_WIDTH))


def _simplified_same_length(text: str) -> str:
    converted = str(_converter().convert(text))
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length: convert character by character instead.
    out = []
    for char in text:
        single = str(_converter().convert(char))
        out.append(single if len(single) == 1 else char)
    return "".join(out)
