"""Claims of a Chinese patent (权利要求书): split into numbered claims, tell independent from
dependent ones. Pure functions over text; the value model counts both."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A claim starts with its number at the start of the text, of a line or after a full stop or
# semicolon ("1.一种……", "2、根据……", "3．如……"), or anywhere when the words that open a claim
# follow (exports sometimes lose the line break: "……脂肪食品19.一种……"). Numbers are taken
# only in sequence, so step numbers, decimals and figure references are not claim starts.
_CLAIM_START = re.compile(
    r"(?:(?:^|(?<=[\n。；;:：\s]))\s*(\d{1,3})\s*[.．、](?!\d)"
    r"|(?<![\d.．])(\d{1,3})\s*[.．、](?=\s*(?:一种|根据|如权利要求|按照|依据)))"
)
# A dependent claim refers to another claim in its preamble (前序部分): 根据权利要求1所述的,
# 如权利要求1或2所述的, 按照权利要求3, 依据权利要求1-4任一项的, 根据前述权利要求中任一项所述的,
# 前述权利要求任一项的 … Any 权利要求 before the first comma or 其特征在于. A claim of another
# category that names a claim only in its body ("一种机器人充电系统，其特征在于，包括如
# 权利要求1-6任一项所述的充电监控系统") is an independent claim written by reference, as the
# examination guidelines treat it.
_REFERS_TO_CLAIM = re.compile("权利要求")
_PREAMBLE_END = re.compile(r"[，,:：；;]|其特征在于|其中")


@dataclass(frozen=True)
class ClaimCounts:
    total: int
    independent: int


def split_claims(text: str) -> list[str]:
    """The claims in order, each without its number; [] when no numbered claim is found."""
    starts: list[tuple[int, int]] = []  # (where the number starts, where the text starts)
    expected: int | None = None  # an excerpt may start at a later claim: its number leads
    for match in _CLAIM_START.finditer(text):
        group = 1 if match.group(1) else 2
        number = int(match.group(group))
        first = expected is None and (number == 1 or not text[: match.start(group)].strip())
        if number == expected or first:
            starts.append((match.start(group), match.end()))
            expected = number + 1
    return [
        text[body : (starts[i + 1][0] if i + 1 < len(starts) else len(text))].strip()
        for i, (_, body) in enumerate(starts)
    ]


def is_independent(claim: str) -> bool:
    """A claim whose preamble refers to no other claim."""
    end = _PREAMBLE_END.search(claim)
    preamble = claim[: end.start()] if end else claim
    return _REFERS_TO_CLAIM.search(preamble) is None


def count_claims(text: str) -> ClaimCounts:
    """How many claims, and how many of them independent. Unnumbered text (an exported 主权项,
    the first claim alone) counts as one independent claim."""
    claims = split_claims(text)
    if not claims:
        return ClaimCounts(total=1, independent=1) if text.strip() else ClaimCounts(0, 0)
    return ClaimCounts(total=len(claims), independent=sum(map(is_independent, claims)))
