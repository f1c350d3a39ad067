"""Analyst-export column headers -> patent record fields (config/columns/patent_columns.tsv).

A header is looked up as written (NFKC, no spaces, brackets or dots), then without English
plurals (Priority numbers, Inventor(s)), in simplified script (申請號), without a language
marker (标题(中文)), by one of its lines (公开号 over Publication No.) or by the alternatives it
names (申请人/专利权人); numbered columns (发明人1, 发明人2) join one list. A weak variant
(`~header` in the file) fills its field only when no other column of the row does.

The cell values are then read by the rules of the vendors' exports: lists joined by any usual
separator (`;` `；` `;;` `、` `|` `,` new lines; commas kept inside company names such as
`Co., Ltd.` and in a surname-first person), numbers in number cells only (暂无 is none), the
CN number of a cell listing a family, a kind code or country in a column of its own joined to
the number, Excel's day counts and text wrappers (="…"), and a grant date standing in for the
publication date of a granted document listed by its grant number."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from config.settings import CONFIG_DIR
from domain.dates import date_text
from domain.text import fold, simplified
from ingest.readers import export_layout

DEFAULT_COLUMNS = CONFIG_DIR / "columns" / "patent_columns.tsv"
_NOISE = re.compile(r"[\s()（）\[\]【】_\-:：.·*＊]+")
_NUMBERED = re.compile(r"^第\s*\d+\s*(.+)$|^(.+?)\s*(?:\d+|[(（]\d+[)）])$")
_PLURAL = re.compile(r"(?<=[a-z]{3})s\b")
_DATE_FIELDS = {"filing_date", "publication_date", "grant_date"}
_NUMBER_FIELDS = {"publication_number", "application_number"}
_NAME_FIELDS = {"applicants", "current_owners", "inventors"}
_NUMBER_LIST_FIELDS = {"family", "cites", "cited_by", "priority"}
_LIST_FIELDS = {
    *_NAME_FIELDS,
    *_NUMBER_LIST_FIELDS,
    "applicant_addresses",
    "ipc",
    "legal_events",
    "priority_dates",
    "priority_countries",
}
_LIST_SEPARATORS = re.compile(r"[;；、\n|]+")
_IPC_IN_CELL = re.compile(r"[A-H]\d{2}[A-Z][\s\-]*\d{1,4}\s*/\s*\d{1,6}")
# One person written surname first: MÜLLER, HANS / Weiß, Jürgen A. (not two people).
_LATIN = r"[A-Za-z\u00c0-\u024f'’\-]"
_SURNAME_FIRST = re.compile(rf"^{_LATIN}+,\s*{_LATIN}+\.?(?:\s+{_LATIN}+\.?)?$")
# WIPO's form: a surname of several words in capitals (with its particles), a comma, the given
# name in mixed case (VAN DER BERG, Joost; AL-HAJRI, Faisal); two upper-case names joined by a
# comma (ZHANG SAN, LI SI) stay two people.
_UPPER = r"[A-Z\u00c0-\u00de'’\-]"
_CAPITAL_SURNAME_FIRST = re.compile(
    rf"^{_UPPER}+(?:\s+{_UPPER}+)*,\s*[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’\-]+"
    rf"(?:[\s\-][A-Z\u00c0-\u00de]?[a-z\u00df-\u00ff'’\-]*\.?)*$"
)
# Between numbers a comma separates only before the next number's country, as a code or in
# Chinese (US63/042,117 is one number).
_NUMBER_COMMA = re.compile(r"\s*[,，]\s*(?=[A-Za-z]{2}|[\u4e00-\u9fff])")
# Several numbers in one cell separated by spaces: US20200211495 A1 EP3685374 A1.
_NUMBER_IN_CELL = re.compile(r"[A-Z]{2}[\s\-]?\d[\d\-/,.]*\d(?:[\s\-.]?[A-Z]\d?)?(?![A-Za-z0-9])")
_KIND_LETTERS = re.compile(r"^[A-Z]\d?$")
# A document type in words -> its CN kind code: (9-digit numbers since 2007, 7-digit before;
# grants were C, utility models Y and designs D then).
_KIND_BY_TYPE = (
    ("发明授权", "B", "C"),
    ("授权发明", "B", "C"),
    ("发明公开", "A", "A"),
    ("发明申请", "A", "A"),
    ("实用新型", "U", "Y"),
    ("外观设计", "S", "D"),
)
# Excel stores a date as days since 1899-12-30; a cell that lost its date format shows that.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_SERIALS = range(10000, 80000)
_CACHE_SIZE = 4096
# The pseudo-field of columns known to hold no record field (序号, Lens ID, result link): they
# help find the header; like unknown columns they are not loaded and named in the warning.
IGNORED = "_ignored"


def header_key(header: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", header)).lower()


def _singular_key(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).lower().replace("(s)", "")
    return header_key(_PLURAL.sub("", text))


# An English name and a Chinese name of one column, either first, with something between them.
_CJK = r"\u3400-\u9fff"
_BILINGUAL_SEPARATOR = r"[\s\-–—_:：/|()（）]+"
_BRACKETED = re.compile(r"[（(]([^()（）]*)[)）]")
# Notes that make another column of a known header: an office or route (PCT, WO, EP), a
# language (标题（英文）is no title to prefer; 中文 and 原文 are read before this).
_OFFICE_NOTE = re.compile(
    r"[A-Z]{2,4}|[\u4e00-\u9fff]{1,2}[文语]|机器翻译|翻译|english|japanese|korean|german|french|"
    r"translated|translation|machine translation",
    re.IGNORECASE,
)
_BILINGUAL_LENGTH = 80
_BILINGUAL = re.compile(
    rf"^(?P<latin>[^{_CJK}]*[A-Za-z][^{_CJK}]*?){_BILINGUAL_SEPARATOR}(?P<cjk>[{_CJK}][^A-Za-z]*)$"
    rf"|^(?P<cjk2>[^A-Za-z]*[{_CJK}][^A-Za-z]*?){_BILINGUAL_SEPARATOR}(?P<latin2>[A-Za-z][^{_CJK}]*)$"
)

# A column in the original language or in Chinese names the field itself (标题(中文), Title
# (original)); one in another language is not read (标题(英文) is no title to prefer).
_IN_ITS_LANGUAGE = re.compile(r"(?:中文|原文|chinese|original|orig)$")


@dataclass(frozen=True)
class ColumnMap:
    by_header: dict[str, str] = field(default_factory=dict)
    # header key -> the fields it may fill, in order, each with whether it is a weak variant
    candidates: dict[str, tuple[tuple[str, bool], ...]] = field(default_factory=dict)
    _cache: dict[str, tuple[tuple[str, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def load(cls, path: Path = DEFAULT_COLUMNS) -> ColumnMap:
        candidates: dict[str, list[tuple[str, bool]]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, _, variants = line.partition("\t")
            for variant in (name, *variants.split("|")):
                weak = variant.startswith("~")
                text = variant.removeprefix("~")
                if not text.strip():
                    continue
                for key in dict.fromkeys((header_key(text), _singular_key(text))):
                    fields = candidates.setdefault(key, [])
                    if name not in (f for f, _ in fields):
                        fields.append((name, weak))
        frozen = {key: tuple(fields) for key, fields in candidates.items()}
        return cls({key: fields[0][0] for key, fields in frozen.items()}, frozen)

    def candidates_of(self, header: str) -> tuple[tuple[str, bool], ...]:
        """The fields a header may fill: as written, without plurals, in simplified script
        (申請號), else by one of its lines (公开号 over Publication No.) or the first of the
        alternatives it names (申请人/专利权人, 法律状态/事件) that is known."""
        cached = self._cache.get(header)
        if cached is None:
            cached = self._lookup(header)
            if len(self._cache) > _CACHE_SIZE:
                self._cache.clear()
            self._cache[header] = cached
        return cached

    def _lookup(self, header: str) -> tuple[tuple[str, bool], ...]:
        for key in dict.fromkeys(
            (header_key(header), _singular_key(header), header_key(simplified(header)))
        ):
            if key in self.candidates:
                return self.candidates[key]
            if key in self.by_header:  # a map built by hand
                return ((self.by_header[key], False),)
        key = header_key(header)
        base = _IN_ITS_LANGUAGE.sub("", key)
        if base != key and base in self.candidates:
            return self.candidates[base]
        for separator in ("\n", "/"):
            if separator in header.strip():
                for part in header.strip().split(separator):
                    found = self.candidates_of(part) if part.strip() else ()
                    if found:
                        return found
        return self._qualified(header) or self._bilingual(header)

    def _qualified(self, header: str) -> tuple[tuple[str, bool], ...]:
        """A known header with a note in brackets (受让人（被许可人）, 申请日（yyyy-mm-dd）):
        the header; not when the note names an office, a route or a language (申请号（PCT）,
        标题（英文）)."""
        notes = _BRACKETED.findall(header)
        bare = _BRACKETED.sub("", header).strip()
        if not notes or not bare or any(_OFFICE_NOTE.fullmatch(n.strip()) for n in notes):
            return ()
        return self.candidates_of(bare)

    def _bilingual(self, header: str) -> tuple[tuple[str, bool], ...]:
        """A header naming its column in English and in Chinese (CNKI's `ApplyNum-申请号`,
        `公开号 Publication No.`): the Chinese name, else the English one. The English part
        must be a word, not an acronym qualifying the Chinese name (PCT申请号, WO-公开号)."""
        text = unicodedata.normalize("NFKC", header).strip()
        # a data cell tested as a header may be a whole abstract: no header is that long
        parts = _BILINGUAL.match(text) if len(text) <= _BILINGUAL_LENGTH else None
        if parts is None:
            return ()
        if parts["latin"]:
            latin, chinese = parts["latin"], parts["cjk"]
        else:
            latin, chinese = parts["latin2"], parts["cjk2"]
        if not re.search(r"[a-z]", latin):
            return ()
        return self.candidates_of(chinese) or self.candidates_of(latin)

    def numbered_list_field(self, header: str) -> str | None:
        """The list field of a numbered column (申请人1, 发明人2, 第3发明人, Inventor (2)): an
        export giving each name its own column."""
        match = _NUMBERED.match(unicodedata.normalize("NFKC", header).strip())
        if match is None:
            return None
        found = self.candidates_of(match.group(1) or match.group(2))
        return found[0][0] if found and found[0][0] in _NAME_FIELDS else None

    def field_of(self, header: str) -> str | None:
        """The field a header fills; None for a column that fills none (序号, or unknown)."""
        found = self.candidates_of(header)
        if found:
            return None if found[0][0] == IGNORED else found[0][0]
        return self.numbered_list_field(header)

    def fields_of(self, row: dict[str, Any]) -> dict[str, str]:
        """The non-empty cells of a row under their field names, as trimmed text; for tables
        whose fields are plain text (registers, declarations). The first column wins."""
        fields: dict[str, str] = {}
        for header, value in row.items():
            name = self.field_of(str(header))
            if name is not None and not _is_empty(value) and name not in fields:
                fields[name] = str(value).strip()
        return fields

    def to_record(self, row: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """The record fields of one export row, and the headers that map to nothing."""
        cells: list[tuple[tuple[tuple[str, bool], ...], Any, str]] = []
        unmapped: list[str] = []
        numbered: dict[str, list[str]] = {}
        for header, value in row.items():
            found = self.candidates_of(str(header))
            listed = None if found else self.numbered_list_field(str(header))
            if listed is not None:
                if not _is_empty(value):
                    numbered.setdefault(listed, []).extend(list_items(listed, value))
            elif not found:
                unmapped.append(str(header))
            elif not _is_empty(value) and found[0][0] != IGNORED:
                cells.append((found, value, str(header)))
        record: dict[str, Any] = {}
        raw: dict[str, Any] = {}
        waiting = []
        headers: dict[str, str] = {}  # field -> the header that filled it
        transferring = any(
            self.candidates_of(str(h))[:1] == (("transferors", False),) for h in row
        )
        for found, value, header in cells:  # strong headers first: the first column wins
            if transferring and any(name == "transferees" for name, _ in found):
                # an Assignee beside an Assignor column is the party a transfer went to
                found = (("transferees", False),)
            name, weak = found[0]
            if weak or name in record or not _plausible(name, value):
                waiting.append((found, value, header))
            else:
                record[name], raw[name] = _value(name, value), value
                headers[name] = header
        for found, value, header in waiting:  # then weak ones and alternatives, into the rest
            if header_key(header) in _PATENTEE_HEADERS:
                found = _owner_of_a_grant(found, record, headers.get("publication_number", ""))
            free = next((n for n, _ in found if n not in record and _plausible(n, value)), None)
            if free is not None:
                record[free], raw[free] = _value(free, value), value
        _aligned_dates(record, raw)
        for name, items in numbered.items():
            record[name] = list(dict.fromkeys([*record.get(name, []), *items]))
        _numbers_with_their_parts(record)
        _without_itself(record)
        _priority_countries(record)
        main = record.pop("ipc_main", None)
        if main:
            record["ipc"] = [main, *[c for c in record.get("ipc", []) if c != main]]
        _events(record)
        return {k: v for k, v in record.items() if v not in (None, [], "")}, unmapped


_SEVERAL = re.compile(r"\s*(?:[;；|\n]|\s{2,})\s*")


# A column naming the patentee alone (not 申请/专利权人, which names both).
_PATENTEE_HEADERS = frozenset({"专利权人", "patentee", "patentees", "patentowner"})
# A column listing patents by their grant (授权公告号), as fee lists and grading ledgers do.
_GRANT_NUMBER_HEADERS = frozenset(
    header_key(h)
    for h in ("授权公告号", "授权号", "授权公告号码", "专利授权号", "grant number", "grant no")
)
# A granted document's kind (CN B/C/U/Y/S, B1/B2 elsewhere).
_GRANT_KIND = re.compile(r"[BCUYS]\d?")


def _owner_of_a_grant(
    found: tuple[tuple[str, bool], ...], record: dict[str, Any], number_header: str
) -> tuple[tuple[str, bool], ...]:
    """A bare 专利权人 column without a 申请人 one names the applicant of a publication list,
    but the holder in a list of granted patents (a fee list's or a grading ledger's rows,
    listed by their 授权公告号 with a grant kind): there it is the current owner."""
    fields = [name for name, _ in found]
    if fields[:2] != ["applicants", "current_owners"] or "applicants" in record:
        return found
    if record.get("grant_date") and not record.get("publication_number"):
        # a list of granted patents by 专利号 and 授权公告日 (an asset list, a statistics sheet)
        return tuple(sorted(found, key=lambda item: item[0] != "current_owners"))
    if header_key(number_header) not in _GRANT_NUMBER_HEADERS:
        return found
    number = re.sub(r"[\s\-.]", "", fold(str(record.get("publication_number") or ""))).upper()
    kind = re.search(r"\d([A-Z]\d?)$", number)
    if kind is None or _GRANT_KIND.fullmatch(kind.group(1)):
        return tuple(sorted(found, key=lambda item: item[0] != "current_owners"))
    return found


def _numbers_of(value: Any) -> list[str]:
    text = _cell_text(value).strip()
    return [n for n in _SEVERAL.split(text) if sum(c.isdigit() for c in n) >= 5]


def _one_number(value: Any) -> str:
    """The number of a number cell that lists several (Derwent's Patent Number lists the
    family: US2021123456-A1; CN112345678-A): the Chinese one, else the first."""
    numbers = _numbers_of(value)
    if len(numbers) < 2:
        return _cell_text(value).strip()
    return next((n for n in numbers if fold(n).upper().startswith(("CN", "ZL"))), numbers[0])


# The number whose date a date column gives, when both list one per family member.
_NUMBER_OF_DATE = {
    "publication_date": "publication_number",
    "grant_date": "publication_number",
    "filing_date": "application_number",
}


def _aligned_dates(record: dict[str, Any], raw: dict[str, Any]) -> None:
    """A date cell listing several dates (Orbit, one line per family member): the date at the
    place of the number the record took from its own list, else the first."""
    for date_field, number_field in _NUMBER_OF_DATE.items():
        cell = raw.get(date_field)
        if not isinstance(cell, str):
            continue
        dates = [d for d in _SEVERAL.split(cell.strip()) if d]
        if len(dates) < 2:
            continue
        numbers = _numbers_of(raw.get(number_field, ""))
        chosen = str(record.get(number_field) or "")
        aligned = len(numbers) == len(dates) and chosen in numbers
        record[date_field] = _date(dates[numbers.index(chosen) if aligned else 0])


def _plausible(name: str, value: Any) -> bool:
    """A number cell holds digits (暂无, -, N/A are no number); a weak `id` column holding a
    row counter is no publication number either."""
    if name in _NUMBER_FIELDS:
        digits = sum(c.isdigit() for c in fold(_cell_text(value)))
        return digits >= 5
    if name == "country_code":  # an office is two letters (CNKI's 国省代码 33 is a province)
        return bool(re.fullmatch(r"\s*[A-Za-z]{2}\s*", fold(_cell_text(value))))
    return True


def _numbers_with_their_parts(record: dict[str, Any]) -> None:
    """A publication number exported without its country or kind (CNIPR: `CN112712611` and a
    文献类型 `B`; Lens: Jurisdiction, number, Kind) gets them from their own columns; a granted
    document listed by its grant number without a publication date was published on its grant
    date (a ledger's 公告号 and 授权公告日)."""
    country = fold(str(record.pop("country_code", "") or "")).upper()
    kind_code = record.pop("kind_code", None)
    number = record.get("publication_number")
    if number:
        compact = re.sub(r"[\s\-_.]", "", fold(str(number)).upper())
        digits = sum(c.isdigit() for c in compact)
        kind = _kind_letter(kind_code, digits) or _kind_letter(record.get("patent_type"), digits)
        if not re.fullmatch(r"[A-Z]{2}", country) and _CN_PUBLICATION_DIGITS.fullmatch(
            compact + ("" if compact[-1:].isalpha() else kind or "")
        ):
            country = "CN"  # a Chinese database's or ledger's 公开号 written without CN
        if re.fullmatch(r"[A-Z]{2}", country) and re.fullmatch(r"\d+(?:[A-Z]\d?)?", compact):
            compact = country + compact
            record["publication_number"] = compact
        if kind and re.fullmatch(r"[A-Z]{2}\d+", compact):
            record["publication_number"] = compact + kind
    # a number without kind in a grant-number column is the grant's too
    compact = re.sub(r"[\s\-.]", "", fold(str(record.get("publication_number") or "")).upper())
    granted = re.search(r"(?:[B-DUYS]\d?|\d)$", compact)
    # a list of granted patents by their 专利号 (an asset list, a statistics sheet) gives the
    # grant date alone: the patent's latest publication is its grant
    listed_by_grant = (number and granted) or not number
    if listed_by_grant and "publication_date" not in record and record.get("grant_date"):
        record["publication_date"] = record["grant_date"]


def _compact(number: Any) -> str:
    return re.sub(r"[\s\-.]", "", fold(str(number or ""))).upper()


def _without_itself(record: dict[str, Any]) -> None:
    """A family-merged export (incoPat 简单同族合并) lists the representative itself among its
    simple family; the record's family is its other members."""
    family = record.get("family")
    own = {_compact(record.get("publication_number")), _compact(record.get("application_number"))}
    if isinstance(family, list) and family:
        record["family"] = [member for member in family if _compact(member) not in own - {""}]


def _priority_countries(record: dict[str, Any]) -> None:
    """Priority numbers exported without their office, the offices in a column of their own
    (优先权国家/地区: JP；US beside 2019-087654；62/345,678): each number gets its office."""
    countries = record.pop("priority_countries", None) or []
    claims = record.get("priority") or []
    if len(countries) != len(claims):
        return
    record["priority"] = [
        claim
        if re.match(r"\s*[A-Za-z]{2}", claim) or not re.fullmatch(r"[A-Z]{2}", office)
        else f"{office}{claim}"
        for claim, office in zip(claims, (fold(c).upper() for c in countries), strict=True)
    ]


_CN_PUBLICATION_DIGITS = re.compile(r"(?:\d{7}|\d{9})[ABCUYSD]\d?")


def _kind_letter(value: Any, digits: int) -> str | None:
    text = fold(str(value or "")).upper()
    if _KIND_LETTERS.match(text):
        return text
    kinds = next(((new, old) for words, new, old in _KIND_BY_TYPE if words in text), None)
    return None if kinds is None else kinds[digits < 9]


_EVENT_COLUMNS = ("transferors", "transferees", "pledgors", "pledgees", "licensors", "licensees")


def _events(record: dict[str, Any]) -> None:
    """The events of a row's event columns, then those its prose 运营情况 cell tells, where
    no column of their own gave them."""
    operations = record.pop("operations", None)
    _event_columns(record)
    if operations is not None:
        for name, events in export_layout.operations(operations).items():
            if not record.get(name):
                record[name] = [_with_the_patentee(record, name, event) for event in events]


# The giving role of each kind of event, and the kind _patentees knows it by.
_GIVING_ROLE = {"transfers": ("from", "transfer"), "licenses": ("licensors", "license"),
                "pledges": ("pledgors", "pledge")}


def _with_the_patentee(record: dict[str, Any], name: str, event: dict[str, Any]) -> dict[str, Any]:
    """An event told by its taker alone (已转让：受让人X, 普通许可：被许可人Y, as a university's
    转化情况 cell says it) was given by the patentee the row lists."""
    role, kind = _GIVING_ROLE[name]
    if event.get(role):
        return event
    return {**event, role: _patentees(record, kind)}


def _patentees(record: dict[str, Any], kind: str) -> list[str]:
    """Who gave an event whose giver the row does not name: the applicant of a transfer
    (the owner before it), the current owner of a licence or a pledge."""
    order = ("applicants", "current_owners")
    if kind != "transfer":
        order = order[::-1]
    for owner_field in order:
        owners = record.get(owner_field)
        if owners:
            return list(owners) if isinstance(owners, list) else [str(owners)]
    return []


def _event_columns(record: dict[str, Any]) -> None:
    """Transfers, pledges and licences from their cells (export_layout), whether an export
    puts one event in one cell (质押: 出质人：…；质权人：…) or each role in its own column."""
    cells = {
        name: record.pop(name, None) for name in (*_EVENT_COLUMNS, "license_type", "counterparty")
    }
    operation = _operation(record.pop("transaction_type", None))
    if operation is None and cells["license_type"] and not (
        cells["licensors"] or cells["licensees"]
    ):
        # a licence register (许可合同备案) names its parties 让与人/受让人 beside the 许可种类;
        # a 许可方式 column of a mixed list may say 转让
        operation = _operation(cells["license_type"]) or (
            "license",
            _cell_text(cells["license_type"]).strip(),
        )
    if operation is not None:
        _operation_event(record, cells, operation)
        return _count(record)
    if "transfers" in record:
        record["transfers"] = export_layout.transfer_cell(record["transfers"])
    if cells["transferors"] or cells["transferees"]:
        record["transfers"] = export_layout.transfers(cells["transferors"], cells["transferees"])
    if "pledges" in record:
        record["pledges"] = export_layout.pledges(record["pledges"])
    elif cells["pledgors"] or cells["pledgees"]:
        record["pledges"] = [
            {
                "pledgors": export_layout.names(str(cells["pledgors"] or "")),
                "pledgees": export_layout.names(str(cells["pledgees"] or "")),
            }
        ]
    if "licenses" in record:
        record["licenses"] = export_layout.licenses(record["licenses"])
    elif cells["licensors"] or cells["licensees"]:
        record["licenses"] = [
            {
                "licensors": export_layout.names(str(cells["licensors"] or "")),
                "licensees": export_layout.names(str(cells["licensees"] or "")),
                "type": str(cells["license_type"]).strip() if cells["license_type"] else None,
            }
        ]
    _count(record)


def _count(record: dict[str, Any]) -> None:
    if "cited_by_count" in record:
        record["cited_by_count"] = export_layout.count(record["cited_by_count"])


# What a transfer list's operation column says (转化方式): a licence of some kind, or a change
# of owner (an assignment, or the patent contributed to a company's capital: 作价入股/出资).
_LICENCE_WORDS = re.compile(r"许可|licen[cs]", re.IGNORECASE)
_TRANSFER_WORDS = re.compile(
    r"转让|转移|作价|入股|出资|投资|assign|transfer|contribut", re.IGNORECASE
)


def _operation(value: Any) -> tuple[str, str] | None:
    """(`license`, the type as exported) or (`transfer`, the wording); None when the cell
    names neither (技术开发, an empty cell): the parties' columns are then read as before."""
    text = _cell_text(value).strip() if value is not None else ""
    if _LICENCE_WORDS.search(text):
        return ("license", text)
    if _TRANSFER_WORDS.search(text):
        return ("transfer", text)
    return None


def _operation_event(
    record: dict[str, Any], cells: dict[str, Any], operation: tuple[str, str]
) -> None:
    """The parties of a row whose operation column decides what happened: the first party
    columns (转让人/许可人, 受让人/被许可人, or the licence's own) as a transfer or a licence;
    the other event is none (a licence changes no owner)."""
    giving = cells["transferors"] or cells["licensors"]
    taking = cells["transferees"] or cells["licensees"]
    if cells.get("counterparty") and not (giving or taking):
        # a statistics sheet names only the other party (交易对方): the patentee gave
        taking = cells["counterparty"]
        giving = "；".join(_patentees(record, operation[0]))
    kind, wording = operation
    if kind == "license":
        record.pop("transfers", None)
        if giving or taking:
            licence_type = str(cells["license_type"]).strip() if cells["license_type"] else None
            record["licenses"] = [
                {
                    "licensors": export_layout.names(str(giving or "")),
                    "licensees": export_layout.names(str(taking or "")),
                    "type": licence_type or wording,
                }
            ]
    else:
        record.pop("licenses", None)
        if giving or taking:
            record["transfers"] = export_layout.transfers(giving, taking)


# What exports print in a cell that has nothing: 无, 暂无, -, N/A, pandas' nan.
_PLACEHOLDERS = frozenset(
    {
        "",
        "-",
        "--",
        "---",
        "—",
        "——",
        "–",
        "/",
        "无",
        "暂无",
        "空",
        "n/a",
        "na",
        "null",
        "none",
        "nan",
    }
)


def _is_empty(value: Any) -> bool:
    return value is None or (
        isinstance(value, str) and fold(value).strip().lower() in _PLACEHOLDERS
    )


# A text cell kept from Excel's number conversion: ="2020111234569" or '2020111234569.
_EXCEL_TEXT_FORMULA = re.compile(r'^=\s*"(.*)"$', re.S)


def _cell_text(value: Any) -> str:
    """A cell as text; a whole number Excel stored as a float (2020111234569.0) without `.0`,
    a value wrapped to stay text in Excel (="…", a leading apostrophe) without its wrapping."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    wrapped = _EXCEL_TEXT_FORMULA.match(text.strip())
    if wrapped:
        return wrapped.group(1)
    return text[1:] if text.startswith("'") and text[1:2].isalnum() else text


def _value(name: str, value: Any) -> Any:
    if name in _DATE_FIELDS:
        return _date(value)
    if name in (
        "pledges", "licenses", "transfers", "operations", *_EVENT_COLUMNS, "license_type",
        "counterparty",
    ):
        return value  # read whole by _events
    if name == "cited_by_count":
        return _cell_text(value)
    if name in _NUMBER_FIELDS:
        return _one_number(value)
    if name == "priority_dates":
        items = value if isinstance(value, list) else _LIST_SEPARATORS.split(_cell_text(value))
        return [_date(item) for item in items if str(item).strip()]
    if name in ("ipc", "ipc_main") and not isinstance(value, list):
        # All codes of a patent in one cell, however joined: `G06F 16/36 G06N 3/08`,
        # `C21D-001/18 | C22C-038/04`.
        codes = [re.sub(r"\s+", " ", c).strip() for c in _IPC_IN_CELL.findall(str(value))]
        if codes:
            return codes if name == "ipc" else codes[0]
    if name in _LIST_FIELDS:
        return list_items(name, value)
    return _cell_text(value).strip()


def list_items(name: str, value: Any) -> list[str]:
    """The items of a list cell, however the vendor joined them."""
    items = value if isinstance(value, list) else _LIST_SEPARATORS.split(_cell_text(value))
    found: list[str] = []
    for item in (str(i).strip() for i in items):
        if name == "inventors":
            found += _people(item)
        elif name in _NAME_FIELDS:
            parts = export_layout.NAME_COMMA.split(item)
            found += [export_layout.without_country(part) for part in parts]
        elif name in _NUMBER_LIST_FIELDS:
            for part in _NUMBER_COMMA.split(item):
                found += _numbers_in(part) if name != "priority" else priority_claims_in(part)
        else:
            found.append(item)
    return [item.strip() for item in found if item.strip()]


# What an organisation's own list prints after a person's name: the staff number (工号) or a
# short note on the person (校外, 外聘, 退休), in brackets: 何振华（10234）, 李立（校外）.
_PERSON_NOTE = re.compile(
    r"\s*[（(]\s*(?:[A-Za-z]{0,3}\d{3,}|[\u4e00-\u9fff]{1,4})\s*[）)]\s*$"
)
_NAME_AND_COMMA = re.compile(r"(\s*[,，]\s*)")


def _is_surname_first(pair: str) -> bool:
    return bool(_SURNAME_FIRST.match(pair) or _CAPITAL_SURNAME_FIRST.match(pair))


def _people(cell: str) -> list[str]:
    """The inventors of one list item: split at commas, except the comma of a Latin name
    written surname first (OKADA, Hiroshi; Müller, Stefan), each without the staff number or
    note an organisation's list prints after it."""
    whole = _PERSON_NOTE.sub("", export_layout.without_country(cell))
    if _is_surname_first(whole):
        return [whole]
    pieces = _NAME_AND_COMMA.split(cell)
    names = [_PERSON_NOTE.sub("", export_layout.without_country(p)) for p in pieces[::2]]
    commas = pieces[1::2]
    people: list[str] = []
    index = 0
    while index < len(names):
        name = names[index]
        if index + 1 < len(names) and "，" not in commas[index]:
            pair = f"{name}, {names[index + 1]}"
            if _is_surname_first(pair):
                people.append(pair)
                index += 2
                continue
        people.append(name)
        index += 1
    return people


def _numbers_in(text: str) -> list[str]:
    numbers = _NUMBER_IN_CELL.findall(fold(text))
    return numbers if len(numbers) > 1 else [text]


_PRIORITY_DATE = re.compile(
    r"\d{4}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d{1,2}\s*日?|(?<![\dA-Za-z\-/.])(?:19|20)\d{6}(?![\d\-/.])"
)


def priority_claims_in(text: str) -> list[str]:
    """Several claims written one after the other with their dates and no separator
    (`JP2019-087654 2019.05.07 CN201911098765.2 2019.11.12`, or date first) -> one per claim."""
    folded = fold(text)
    dates = list(_PRIORITY_DATE.finditer(folded))
    if len(dates) < 2:
        return [text]
    date_first = dates[0].start() == 0
    cuts = [d.start() for d in dates[1:]] if date_first else [d.end() for d in dates[:-1]]
    parts = [folded[a:b] for a, b in zip([0, *cuts], [*cuts, len(folded)], strict=True)]
    return [part.strip(" ,，") for part in parts if part.strip(" ,，")]


def _date(value: Any) -> Any:
    """A date cell; an Excel day count (a date cell that lost its format) as its date."""
    text = _cell_text(value).strip() if not hasattr(value, "year") else ""
    if isinstance(value, int | float) or (text.isdigit() and len(text) == 5):
        serial = int(float(text or value))
        if serial in _EXCEL_SERIALS:
            return (_EXCEL_EPOCH + dt.timedelta(days=serial)).isoformat()
    return date_text(value)
