"""Dates as the sources write them, in one ISO form."""

from __future__ import annotations

import re

from domain.text import fold

_PLACEHOLDERS = frozenset(
    {"", "0", "-", "--", "—", "/", "无", "暂无", "n/a", "na", "null", "none", "nan"}
)
_DATE = re.compile(r"^(\d{4})\s*[-./年]?\s*(\d{1,2})\s*[-./月]?\s*(\d{1,2})\s*日?(?:[ T].*)?$")
# Day first with dots (European exports: 12.05.2021), month first with slashes (US: 5/12/2021,
# unless the first number cannot be a month).
_DAY_FIRST = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T].*)?$")
_SLASHED_YEAR_LAST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T].*)?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# May 12, 2021 / 12 May 2021 / 12-May-2021
_MONTH_NAME_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", re.I)
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})[\s\-]+([a-z]+)\.?[\s\-,]+(\d{4})$", re.I)


def date_text(raw: object) -> str | None:
    """`20221202`, `2022.12.2`, `2022/12/02`, `2022年12月2日`, `02.12.2022`, `12/2/2022`,
    `Dec 2, 2022`, `2 December 2022`, datetime -> `2022-12-02`; None for empty or placeholder
    values ("0", "-"). Impossible dates are left for validation to reject."""
    if hasattr(raw, "isoformat") and hasattr(raw, "year"):
        return str(raw.isoformat())[:10]
    text = fold(str(raw or ""))
    if text.lower() in _PLACEHOLDERS:
        return None
    match = _DATE.match(text)
    if match:
        year, month, day = match.groups()
        return _iso(year, month, day)
    return _day_or_month_first(text) or _with_month_name(text) or text


def _iso(year: str, month: str | int, day: str | int) -> str:
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _day_or_month_first(text: str) -> str | None:
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = match.groups()
        return _iso(year, month, day)
    match = _SLASHED_YEAR_LAST.match(text)
    if match:
        first, second, year = match.groups()
        month, day = (second, first) if int(first) > 12 else (first, second)
        return _iso(year, month, day)
    return None


def _with_month_name(text: str) -> str | None:
    match = _MONTH_NAME_FIRST.match(text)
    if match and match.group(1).lower() in _MONTHS:
        name, day, year = match.groups()
        return _iso(year, _MONTHS[name.lower()], day)
    match = _DAY_MONTH_NAME.match(text)
    if match and match.group(2).lower() in _MONTHS:
        day, name, year = match.groups()
        return _iso(year, _MONTHS[name.lower()], day)
    return None
