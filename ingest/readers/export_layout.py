"""The layouts commercial patent databases export in (incoPat, PatSnap, Himmpat, the CNIPA
search system, Derwent): lines describing the search above the header (检索式, 导出时间, 数据库,
命中数), a header of two rows whose group row has merged cells (基本信息, 运营信息 …), several
sheets of which one holds the patents, and cells that hold a whole event (质押: 出质人：…；
质权人：…, 许可: 普通许可；许可人：…；被许可人：…).

The header is the row, among the first ones, whose cells name the most known columns (the
vocabularies in config/columns/*.tsv), with the row above or below it when the header is split
over two; a file whose first row is its header reads as before. Below it, rows that are no
patent are skipped (totals, notes, the header repeated on every page), while a row that is a
record lacking its number stays a record and gets its coded problem."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config.settings import CONFIG_DIR

# How far down a header may stand below a preamble.
HEADER_SEARCH_ROWS = 30
_MIN_KNOWN = 2


@dataclass(frozen=True)
class HeaderLayout:
    index: int  # 0-based position of the (last) header row among the rows given
    rows: int  # 1, or 2 when a group row stands above it
    names: list[str]
    known: int  # how many of the names are known columns


@lru_cache(maxsize=1)
def _known_headers() -> tuple[Any, ...]:
    """The column maps of every vocabulary in config/columns/*.tsv (patents, registers, SEP
    declarations), each with its weak variants, plurals and alternatives."""
    from ingest.readers.columns import ColumnMap

    return tuple(ColumnMap.load(path) for path in sorted((CONFIG_DIR / "columns").glob("*.tsv")))


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip().lstrip("\ufeff")


def is_known_header(cell: str) -> bool:
    return bool(cell) and any(columns.candidates_of(cell) for columns in _known_headers())


def known_columns(cells: Sequence[str]) -> frozenset[str]:
    """The known headers among `cells`, compared as header keys."""
    from ingest.readers.columns import header_key

    return frozenset(header_key(cell) for cell in cells if is_known_header(cell))


def _known_count(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if is_known_header(cell))


def find_header(rows: Sequence[Sequence[Any]]) -> HeaderLayout | None:
    """The header among the first rows: the one naming the most known columns (at least two).
    A header may take two rows: a group row above cells of its own (基本信息 over 公开号 and
    申请号, 序号 and 法律状态 merged over both rows), or field names above the parts they are
    split into (优先权 over 号 and 日): a cell empty in the lower row takes the name above it,
    and a part takes its group's name when only the two together name a column (优先权号).
    None when no row names two known columns."""
    best: HeaderLayout | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        cells = [_text(c) for c in row]
        above = [_text(c) for c in rows[index - 1]] if index > 0 else []
        names, group = _with_group_row(cells, above)
        known = _known_count(names)
        if known >= _MIN_KNOWN and (best is None or known > best.known):
            best = HeaderLayout(index, 2 if group else 1, names, known)
    return best


def _with_group_row(cells: list[str], above: list[str]) -> tuple[list[str], bool]:
    filled = [c for c in above if c]
    # A preamble line is one cell (检索式：…); a group row has several, with gaps where its
    # cells are merged across the columns of a group; a data row is no header part.
    if (
        len(filled) < 2
        or not any(cells)
        or any(re.search(r"[：:]", c) for c in filled)
        or any(_PATENT_NUMBER.search(_fold_digits(c).upper()) for c in (*cells, *filled))
    ):
        return cells, False
    width = max(len(cells), len(above))
    names = []
    group = ""
    for i in range(width):
        cell = cells[i] if i < len(cells) else ""
        top = above[i] if i < len(above) else ""
        group = top or group  # a merged group cell is read in its first column only
        names.append(_part_name(cell, group) if cell else top)
    if _known_count(names) <= max(_known_count(cells), _known_count(above)):
        return cells, False
    return names, True


def _part_name(cell: str, group: str) -> str:
    """A part under its group: the two together when they name a column (申请人 over 名称 is
    申请人名称, not the title), else the part."""
    for joined in (f"{group}{cell}", f"{group} {cell}"):
        if group and is_known_header(joined):
            return joined
    return cell


# Rows below the data that are no patent: totals, notes, the vendor's closing line.
_FOOTER = re.compile(
    r"^(?:合\s*计|总\s*计|小\s*计|共\s*计|注\s*\d*\s*[:：.、]|说\s*明\s*[:：]|备\s*注\s*[:：]|"
    r"数据来源|本数据|本表|本报告|以上|导出|制表|统计|检索式|检索表达式|共\s*\d+\s*(?:条|件|项)|"
    r"total\b|subtotal\b|sum\b|notes?\s*[:：]|source\s*[:：]|generated\b|exported\b|"
    r"copyright\b|©)",
    re.IGNORECASE,
)
_PATENT_NUMBER = re.compile(r"\d{9,}|\d{8}\.[\dX]|[A-Z]{2}\s?-?\d{5,}")
# A table this wide with a single cell filled, in its first column, is a note line.
_NOTE_WIDTH = 3


# A subtotal or total line's label, at the end of a cell.
_SUBTOTAL = re.compile(r"(?:小计|合计|总计|sub-?total)\s*[:：]?$", re.IGNORECASE)


def is_data_row(header: Sequence[str], cells: Sequence[Any]) -> bool:
    """Whether a row below the header is a record: not empty, not the header repeated (an
    export printed in pages), not a 合计/注：/本数据由…提供 line. Rows that are records but
    lack what a record needs stay records, so that the record gets its coded problem."""
    texts = [_fold_digits(_text(c)) for c in cells]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if not filled:
        return False
    if any(_PATENT_NUMBER.search(t.upper()) for _, t in filled):
        return True  # no header or footer line holds a patent number
    if len(filled) >= 2 and all(
        (i < len(header) and header[i] == t) or is_known_header(t) for i, t in filled
    ):
        return False  # the header again (an export printed in pages) or in another language
    if _FOOTER.match(filled[0][1]):
        return False
    if any(_SUBTOTAL.search(t) for _, t in filled):
        return False  # a group's subtotal line (中电南京 小计) of a statistics sheet
    only_first_column = len(filled) == 1 and filled[0][0] == 0
    return not (only_first_column and len([h for h in header if h]) >= _NOTE_WIDTH)


# A date written with the year last (05/07/2022, 5-7-2022): day first in European exports
# (Espacenet), month first in US ones; only the file's other dates tell which.
_YEAR_LAST = re.compile(r"^(\d{1,2})([/\-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
# How many data rows are looked at to tell the order.
DATE_ORDER_ROWS = 1000


def day_first(rows: Sequence[Sequence[Any]]) -> bool | None:
    """Whether the file writes its year-last dates day first: True when some date has a first
    number above 12 (31/08/2018) and none a second number above 12, False for the reverse,
    None when no date tells (every part up to 12, or both orders met)."""
    days_first = months_first = False
    for row in rows:
        for cell in row:
            if not isinstance(cell, str):
                continue
            for line in cell.splitlines():
                match = _YEAR_LAST.match(_fold_digits(line.strip()))
                if match:
                    days_first |= int(match[1]) > 12 >= int(match[3])
                    months_first |= int(match[3]) > 12 >= int(match[1])
    return None if days_first == months_first else days_first


def with_date_order(cell: Any, days_first: bool | None) -> Any:
    """A text cell of year-last dates (one per line) in ISO form when the file's order is
    known; any other cell as it is."""
    if days_first is None or not isinstance(cell, str) or not cell.strip():
        return cell
    lines = [line.strip() for line in cell.strip().splitlines()]
    matches = [_YEAR_LAST.match(_fold_digits(line)) for line in lines]
    if not all(matches):
        return cell
    dates = []
    for match in matches:
        assert match is not None
        first, second, year = int(match[1]), int(match[3]), match[4]
        day, month = (first, second) if days_first else (second, first)
        dates.append(f"{year}-{month:02d}-{day:02d}")
    return "\n".join(dates)


def first_non_empty(rows: Sequence[Sequence[Any]]) -> int | None:
    for index, row in enumerate(rows):
        if any(_text(c) for c in row):
            return index
    return None


# ---- cells holding events -----------------------------------------------------------------

# A comma between names, unless what follows is the legal form of the name before it
# (Samsung Electronics Co., Ltd.; Acme, Inc.).
NAME_COMMA = re.compile(
    r"\s*[,，](?!\s*(?:ltd|limited|inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|lp|l\.p|plc|corp|corporation|co|"
    r"company|gmbh|ag|kg|sa|s\.a|nv|n\.v|bv|b\.v|pty|srl|s\.r\.l|spa|s\.p\.a|oy|ab|kk|k\.k|"
    r"jr|sr)\b)\s*",
    re.IGNORECASE,
)
# A party cell of a register lists its parties one per line, or joined by 、 ; |.
_NAMES = re.compile(r"\s*[、;；|\n]\s*")
_ENTRIES = re.compile(r"\n+|\s+\|\s+|\|\|")
_LABELS = (
    r"出质人|出质方|质权人|质权方|被许可人|被许可方|许可人|许可方|转让人|让与人|受让人|"
    r"转让方|受让方|变更前权利人|变更后权利人|原权利人|现权利人|原专利权人|新专利权人|"
    r"变更前专利权人|变更后专利权人|变更前|变更后|assignor|assignee|"
    r"许可类型|许可种类|类型|"
    # incoPat's English UI: Pledgor: …; Pledgee: …; Registration Date: …
    r"pledgor|pledgee|licensor|licensee|license type|licence type|type|registration date|"
    r"record date"
)
# `label：value` parts, joined by ；/; or only by spaces (转让人:甲公司 受让人:乙公司).
_LABELLED = re.compile(
    rf"(?P<label>{_LABELS})\s*[：:]\s*(?P<value>[^；;：:]*?)\s*(?=[；;][^；;：:]+[：:]|[；;]?\s*$|"
    rf"[；;]\s*(?:独占|排他|普通|交叉|分)许可|\s+(?:{_LABELS})\s*[：:])",
    re.IGNORECASE,
)
# A transfer written as a move: 甲公司→乙公司, 甲公司 -> 乙公司, 由甲公司转让给乙公司.
_MOVE = re.compile(
    r"^(?:由)?\s*(?P<from>.+?)\s*(?:->|→|=>|⇒|转让给|转让至|转移至|变更为)\s*(?P<to>.+?)$"
)
_LICENSE_TYPE = re.compile(r"(?:独占|排他|普通|交叉|分|开放)许可")


# Espacenet and DOCDB print a party's residence after its name: DAIKIN IND LTD [JP].
_RESIDENCE = re.compile(r"\s*[\[［]\s*[A-Z]{2}\s*[\]］]\s*$")


def without_country(name: str) -> str:
    """A name without the residence country code printed after it (`WEBER THOMAS [DE]`)."""
    return _RESIDENCE.sub("", name).strip()


def names(value: str) -> list[str]:
    parts = (name for part in _NAMES.split(value) for name in NAME_COMMA.split(part))
    return [n for n in (without_country(part.strip()) for part in parts) if n]


def labelled_parts(entry: str) -> dict[str, str]:
    return {m["label"].lower(): m["value"].strip() for m in _LABELLED.finditer(entry)}


def _first(parts: dict[str, str], *labels: str) -> str | None:
    return next((parts[label] for label in labels if parts.get(label)), None)


def pledges(cell: Any) -> list[dict[str, list[str]]]:
    found = []
    for entry in _ENTRIES.split(_text(cell)):
        parts = labelled_parts(entry)
        pledgors = parts.get("出质人") or parts.get("出质方") or parts.get("pledgor")
        pledgees = parts.get("质权人") or parts.get("质权方") or parts.get("pledgee")
        if pledgors or pledgees:
            found.append({"pledgors": names(pledgors or ""), "pledgees": names(pledgees or "")})
    return found


def licenses(cell: Any) -> list[dict[str, Any]]:
    found = []
    for entry in _ENTRIES.split(_text(cell)):
        parts = labelled_parts(entry)
        # a CNIPA licence record names the parties 让与人 and 受让人
        licensors = _first(parts, "许可人", "许可方", "让与人", "licensor")
        licensees = _first(parts, "被许可人", "被许可方", "受让人", "licensee")
        kind = _first(parts, "许可类型", "许可种类", "类型", "license type", "licence type", "type")
        if kind is None:
            bare = _LICENSE_TYPE.search(entry)
            kind = bare.group(0) if bare else None
        if licensors or licensees:
            found.append(
                {
                    "licensors": names(licensors or ""),
                    "licensees": names(licensees or ""),
                    "type": kind,
                }
            )
    return found


def transfers(transferors: Any, transferees: Any) -> list[dict[str, list[str]]]:
    """转让人 and 受让人 columns: one transfer per entry (entries on their own lines or joined
    by ` | ` pair up in order)."""
    froms = [names(e) for e in _ENTRIES.split(_text(transferors)) if e.strip()]
    tos = [names(e) for e in _ENTRIES.split(_text(transferees)) if e.strip()]
    if not froms and not tos:
        return []
    if len(froms) != len(tos):
        return [{"from": [n for f in froms for n in f], "to": [n for t in tos for n in t]}]
    return [{"from": f, "to": t} for f, t in zip(froms, tos, strict=True)]


_FROM_LABELS = (
    "转让人",
    "让与人",
    "转让方",
    "变更前权利人",
    "变更前专利权人",
    "原权利人",
    "原专利权人",
    "变更前",
    "assignor",
)
_TO_LABELS = (
    "受让人",
    "受让方",
    "变更后权利人",
    "变更后专利权人",
    "现权利人",
    "新专利权人",
    "变更后",
    "assignee",
)


def transfer_cell(cell: Any) -> list[dict[str, list[str]]]:
    """A cell holding whole transfers (CNIPR 权利转移: 转让人：…；受让人：…；变更生效日：…, one
    per line or joined by ` | `)."""
    found: list[dict[str, list[str]]] = []
    for entry in _ENTRIES.split(_text(cell)):
        parts = labelled_parts(entry)
        froms = next((parts[label] for label in _FROM_LABELS if parts.get(label)), "")
        tos = next((parts[label] for label in _TO_LABELS if parts.get(label)), "")
        move = None if parts else _MOVE.match(entry.strip())
        if move:
            froms, tos = move["from"], move["to"]
        if found and tos and not froms and not found[-1]["to"]:
            found[-1]["to"] = names(tos)  # the roles of one transfer on two lines
        elif froms or tos:
            found.append({"from": names(froms), "to": names(tos)})
    return found


# A ledger's 运营情况 cell tells each operation in prose, one after the other:
# 转让：转让人X→受让人Y（2021-06-18）, 质押：出质人X，质权人Y, 许可（普通许可）：许可人X，被许可人Y.
_OPERATION_HEAD = re.compile(
    r"(?P<type>独占|排他|普通|交叉|分|开放)?(?P<kind>权利转移|转让|转移|质押|许可)"
    r"\s*(?:[（(](?P<note>[^）)]*)[）)])?\s*[：:]"
)
_ROLES = (
    r"转让人|让与人|转让方|受让人|受让方|出质人|出质方|质权人|质权方|"
    r"被许可人|被许可方|许可人|许可方"
)
_ROLE_CUT = re.compile(rf"\s*(?:->|→|=>|⇒|[，,；;]\s*(?=(?:{_ROLES})))\s*")
_ROLE = re.compile(rf"^(?P<role>{_ROLES})\s*[：:]?\s*(?P<value>.*)$", re.S)
_DATED_NOTE = re.compile(r"\s*[（(][^（）()]*\d{4}[^（）()]*[）)]\s*$")
_GIVING = ("转让人", "让与人", "转让方", "出质人", "出质方", "许可人", "许可方")


def operations(cell: Any) -> dict[str, list[dict[str, Any]]]:
    """The transfers, pledges and licences a 运营情况 cell tells; each of the three is there
    (empty when not told) once the cell names any operation, none when it names none."""
    text = _text(cell)
    heads = list(_OPERATION_HEAD.finditer(text))
    if not heads:
        return {}
    found: dict[str, list[dict[str, Any]]] = {"transfers": [], "pledges": [], "licenses": []}
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        body = text[head.end() : after.start() if after else len(text)].strip(" ；;，,。\n")
        giving, taking = _two_parties(_DATED_NOTE.sub("", body))
        if head["kind"] == "质押":
            found["pledges"].append({"pledgors": names(giving), "pledgees": names(taking)})
        elif head["kind"] == "许可":
            bare = _LICENSE_TYPE.search(body)
            typed = f"{head['type']}许可" if head["type"] else None
            kind = head["note"] or typed or (bare.group(0) if bare else None)
            licence = {"licensors": names(giving), "licensees": names(taking), "type": kind}
            found["licenses"].append(licence)
        else:
            found["transfers"].append({"from": names(giving), "to": names(taking)})
    return found


def _two_parties(body: str) -> tuple[str, str]:
    """The giving and the taking party of `转让人X→受让人Y` or `出质人X，质权人Y` (by their roles,
    else in that order)."""
    giving = taking = ""
    segments = [s for s in _ROLE_CUT.split(body) if s.strip()]
    for index, segment in enumerate(segments):
        role = _ROLE.match(segment.strip())
        value = role["value"].strip() if role else segment.strip()
        gives = role["role"] in _GIVING if role else index == 0
        if gives and not giving:
            giving = value
        elif not taking:
            taking = value
    return giving, taking


def count(cell: Any) -> int | None:
    digits = re.sub(r"\D", "", _fold_digits(_text(cell)))
    return int(digits) if digits else None


def _fold_digits(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)})
