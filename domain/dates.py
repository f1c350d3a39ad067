"""Dates as the sources write them, in one ISO form."""

from __future__ import annotations

import re

from domain.text import fold

_DATE = re.compile(r"^(\d{4})\s*[-./年]?\s*(\d{1,2})\s*[-./月]?\s*(\d{1,2})\s*日?(?:[ T].*)?$")


def date_text(raw: object) -> str | None:
    """`20221202`, `2022.12.2`, `2022/12/02`, `2022年12月2日`, datetime -> `2022-12-02`; None for
    empty or placeholder values ("0", "-"). Impossible dates are left for validation to reject."""
    if hasattr(raw, "isoformat") and hasattr(raw, "year"):
        return str(raw.isoformat())[:10]
    text = fold(str(raw or ""))
    if text in ("", "0", "-", "--", "无"):
        return None
    match = _DATE.match(text)
    if not match:
        return text
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"
