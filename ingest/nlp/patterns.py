"""Regular expressions for entities with a regular shape, and their normal forms."""

from __future__ import annotations

import re

from domain.numbers import parse_application_number, parse_publication_number
from domain.standards import STANDARD_BODIES as _STANDARD_BODIES
from domain.standards import normalize_standard

STANDARD = re.compile(
    r"3GPP\s*T[SR]\s*\d{2}\.\d{3}(?:\s*[vV]\d+(?:\.\d+){0,2})?"
    r"|ETSI\s*(?:EN|TS|TR|ES|EG)\s*\d{3}\s?\d{3}(?:-\d+)*"
    r"|IEEE\s*(?:Std\.?\s*)?\d{3,4}(?:\.\d+)*[a-z]{0,3}"
    r"|ITU-T\s*[A-Z]\.\d+(?:\.\d+)?"
    r"|ISO(?:/IEC)?\s*\d{3,5}(?:-\d+)*(?::\d{4})?"
    # the number ends there: GB2019055.7 is a British application, not a standard
    # (GB 2 567 893 A is a British publication spaced in threes, not a standard)
    rf"|{_STANDARD_BODIES}\s*(?!\d{{1,3}}(?:\s\d{{3}}){{1,2}}\s?[A-C]\d?(?![A-Za-z0-9]))"
    r"\d{1,5}(?:\.\d+)?(?:-\d{4})?(?!\d)"
)
PATENT_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?:CN|ZL)\s?\d{12}\.[\dX]"
    r"|CN\s?\d{7,9}\s?[ABCUYSD]\d?"
    r"|US\s?\d{1,2},?\d{3},?\d{3}\s?[AB]\d"
    r"|US\s?\d{4}/?\d{7}\s?A\d"
    r"|EP\s?\d{7}\s?[AB]\d"
    r"|WO\s?\d{4}/?\d{6}\s?A\d"
    r"|JP\s?\d{4}-?\d{6}\s?A"
    r"|KR\s?10-?\d{4}-?\d{7}(?:\s?[AB]\d?)?"
    r")(?![A-Za-z0-9])"
)
MONEY = re.compile(r"(?:人民币|RMB|￥|¥)?\s*\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿)?元")
# A year of this or the last centuries, a month and a day that exist: a CAS number (7429-90-5,
# 7440-05-3) has the shape but not the values.
DATE = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日"
    r"|(?<![\d\-])(?:1[89]|20)\d{2}([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d\-])"
)

PATTERNS: dict[str, re.Pattern[str]] = {
    "PATENT_NUMBER": PATENT_NUMBER,
    "STANDARD": STANDARD,
    "MONEY": MONEY,
    "DATE": DATE,
}


def normalize_patent_number(text: str) -> str:
    compact = re.sub(r"\s", "", text)
    if "." in compact:
        return parse_application_number(compact).canonical
    return parse_publication_number(compact).canonical


NORMALIZERS = {"STANDARD": normalize_standard, "PATENT_NUMBER": normalize_patent_number}
