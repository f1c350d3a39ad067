"""The one time model every read applies: the state of the ledger on a day D.

- a patent counts when it was filed by D (filing date <= D; no filing date: counts);
- an owner owns a patent on D when one of its periods `from..to` covers D: from <= D < to
  (an empty end is open); a period without a start covers every day before its end;
- a pledge or licence is in force on D when its registered window (the gazette's dates, else
  the contract's) covers D the same way;
- a group member belongs to the group on D when its SUBSIDIARY_OF edge's `from`/`to` (or
  `since`/`until`) cover D; an undated stake always does.

D = None means "today as the data knows it": open periods only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

PERIOD_SEPARATOR = ".."


def parse_day(text: object) -> dt.date | None:
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def covers(start: object, end: object, day: dt.date | None) -> bool:
    """from <= day < to; with no day, whether the window is still open."""
    start_day, end_day = parse_day(start), parse_day(end)
    if day is None:
        return end_day is None
    if start_day is not None and day < start_day:
        return False
    return end_day is None or day < end_day


def periods(props: Mapping[str, object]) -> list[tuple[str, str]]:
    """An OWNS edge's periods (`from..to` strings), or its single from/to."""
    raw = props.get("periods")
    if isinstance(raw, list) and raw:
        return [tuple(str(p).split(PERIOD_SEPARATOR, 1)) for p in raw]  # type: ignore[misc]
    return [(str(props.get("from") or ""), str(props.get("to") or ""))]


def owned_on(props: Mapping[str, object], day: dt.date | None) -> bool:
    return any(covers(start, end, day) for start, end in periods(props))


def owned_since(props: Mapping[str, object], day: dt.date | None) -> str | None:
    """The start of the period that covers `day` (the last one when day is None)."""
    for start, end in periods(props):
        if covers(start, end, day):
            return start or None
    return None


def encumbrance_window(props: Mapping[str, object]) -> tuple[str | None, str | None]:
    """The gazette's registered dates when known, else the contract's terms."""
    start = props.get("registered_start") or props.get("start")
    end = props.get("registered_end") or props.get("end")
    return (str(start) if start else None, str(end) if end else None)


def in_force(props: Mapping[str, object], day: dt.date | None) -> bool:
    start, end = encumbrance_window(props)
    if day is None:
        today = dt.date.today()
        return covers(start, end, today)
    return covers(start, end, day)


def filed_by(patent: Mapping[str, object], day: dt.date | None) -> bool:
    filed = parse_day(patent.get("filing_date"))
    return day is None or filed is None or filed <= day


def stake_on(edge: Mapping[str, object], day: dt.date | None) -> bool:
    start = edge.get("from") or edge.get("since")
    end = edge.get("to") or edge.get("until")
    return covers(start, end, day) if day is not None else covers(None, end, dt.date.today())


def legal_status_on(patent: Mapping[str, object], day: dt.date | None) -> str | None:
    """The status on `day`: ended (lapse, expiry ...) after `ended_on`, valid after the grant,
    pending before; the exported status when no day is asked."""
    if day is None:
        status = patent.get("legal_status")
        return str(status) if status else None
    ended = parse_day(patent.get("ended_on"))
    if ended is not None and ended <= day:
        return "invalid"
    granted = parse_day(patent.get("grant_date"))
    if granted is not None and granted <= day:
        return "valid"
    return "pending"


def edge_on(edge_type: str, props: Mapping[str, object], day: dt.date | None) -> bool:
    """Whether an edge of the ledger stood on `day` (graph walks): OWNS periods, encumbrances
    in force, stakes held, transfers made by then. Other edges are not dated: they stand.
    Without a day every edge stands (a walk shows history with its dates)."""
    if day is None:
        return True
    if edge_type == "OWNS":
        return owned_on(props, day)
    if edge_type in ("PLEDGED_TO", "LICENSED_TO"):
        return in_force(props, day)
    if edge_type == "SUBSIDIARY_OF":
        return stake_on(props, day)
    if edge_type == "TRANSFERRED_TO":
        return covers(props.get("date"), None, day)
    return True
