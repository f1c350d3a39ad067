"""CNIPA gazette legal events (法律事件) parsed with their parties, and the ledger they imply.

Exports carry legal events as text, several to a cell, e.g.::

    TR01 专利权的转移 IPC(主分类)：H01M 10/0525 专利号：ZL202210000001.0 登记生效日：2023.05.12
    变更事项：专利权人 变更前权利人：甲公司 变更后权利人：乙公司 变更事项：地址 变更前：… 变更后：…

`parse_legal_events` splits a cell on the event codes, reads every `label：value` field (full-width
or ASCII colons), parses dates in any common form and returns typed events that keep the raw span
and its offsets as evidence and name the fields they lack. `build_ledger` turns the events of one
patent, in any order of arrival and with duplicates, into dated ownership intervals (transfers
close and open; a name change keeps the owner) and encumbrance intervals (pledges, licences,
preservations). Everything here is pure and deterministic: no I/O, no store.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

# --- event codes ----------------------------------------------------------------------------

KIND_BY_CODE: dict[str, str] = {
    "TR01": "transfer",
    "TR02": "application_transfer",
    "CP01": "name_change",
    "CP02": "address_change",
    "CP03": "name_change",
    "CB03": "bibliographic_change",
    "PE01": "pledge",
    "PE02": "pledge",
    "PM01": "pledge_changed",
    "PC01": "pledge_released",
    "EE01": "license",
    "EM01": "license_changed",
    "EC01": "license_cancelled",
    "PP01": "preservation",
    "PD01": "preservation_released",
    "IP01": "invalidation_decision",
    "IW01": "invalidation",
    "IW02": "partial_invalidation",
    "CF01": "lapse",
    "AV01": "abandonment",
    "AV02": "abandonment",
    "CX01": "expiry",
    "RR01": "restoration",
    "GR01": "grant",
    "GR02": "grant",
    "FA01": "withdrawal",
    "FA02": "withdrawal",
    "RJ01": "rejection",
    "DD01": "notice",
    "CD02": "correction",
}

# When a cell carries an event without its code, its title says what it is (longest first).
_CODE_BY_TITLE: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "专利申请权的转移": "TR02",
            "专利申请权、专利权的转移": "TR01",
            "专利权的转移": "TR01",
            "专利权人的姓名或者名称、地址的变更": "CP03",
            "专利权人的姓名或者名称的变更": "CP01",
            "专利权人的地址的变更": "CP02",
            "专利权质押合同登记的生效": "PE01",
            "专利权质押合同登记的变更": "PM01",
            "专利权质押合同登记的注销": "PC01",
            "专利实施许可合同备案的生效": "EE01",
            "专利实施许可合同备案的变更": "EM01",
            "专利实施许可合同备案的注销": "EC01",
            "专利权的保全": "PP01",
            "专利权保全的解除": "PD01",
            "专利权全部无效": "IW01",
            "专利权部分无效": "IW02",
            "无效公告": "IP01",
            "未缴年费专利权终止": "CF01",
            "专利权的主动放弃": "AV01",
            "专利权有效期届满": "CX01",
            "权利的恢复": "RR01",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

OWNERSHIP_KINDS = frozenset({"transfer", "application_transfer", "name_change"})
TERMINAL_KINDS = frozenset({"lapse", "expiry", "invalidation", "abandonment"})

# Which labelled date is the event's effective date, per kind (first present wins).
_DATE_LABELS: dict[str, tuple[str, ...]] = {
    "transfer": ("登记生效日", "生效日", "变更日"),
    "application_transfer": ("登记生效日", "生效日", "变更日"),
    "name_change": ("登记生效日", "生效日", "变更日"),
    "address_change": ("登记生效日", "生效日", "变更日"),
    "pledge": ("登记生效日", "生效日", "登记日"),
    "pledge_changed": ("变更日", "登记生效日", "生效日"),
    "pledge_released": ("解除日", "注销日", "解除日期"),
    "license": ("备案日期", "备案日", "生效日"),
    "license_changed": ("变更日", "备案日期", "备案日"),
    "license_cancelled": ("解除日", "注销日", "解除日期"),
    "preservation": ("保全日", "生效日", "登记生效日"),
    "preservation_released": ("解除日", "保全解除日", "解除日期"),
    "invalidation_decision": ("决定日", "无效宣告决定日"),
    "lapse": ("失效日", "终止日期", "终止日"),
    "abandonment": ("放弃生效日", "生效日", "失效日"),
    "expiry": ("失效日", "期满日", "终止日期"),
    "restoration": ("恢复日", "生效日"),
}
_FALLBACK_DATE_LABELS = (
    "登记生效日",
    "生效日",
    "生效日期",
    "公告日",
    "变更日",
    "变更日期",
    "解除日",
    "备案日期",
    "决定日",
)

# Fields an event of a kind should carry; what is absent is reported on the event.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "transfer": ("patent_number", "effective_date", "owners_before", "owners_after"),
    "application_transfer": ("patent_number", "effective_date", "owners_before", "owners_after"),
    "name_change": ("patent_number", "effective_date", "owners_before", "owners_after"),
    "pledge": ("patent_number", "effective_date", "registration_number", "pledgors", "pledgees"),
    "pledge_changed": ("patent_number", "effective_date", "registration_number", "changes"),
    "pledge_released": ("patent_number", "effective_date", "registration_number"),
    "license": (
        "patent_number",
        "effective_date",
        "registration_number",
        "licensors",
        "licensees",
        "license_kind",
    ),
    "license_changed": ("patent_number", "effective_date", "registration_number", "changes"),
    "license_cancelled": ("patent_number", "effective_date", "registration_number"),
    "preservation": ("patent_number", "effective_date"),
    "preservation_released": ("patent_number", "effective_date"),
    "lapse": ("patent_number", "effective_date"),
}

LICENSE_KINDS = (
    ("独占", "exclusive"),
    ("排他", "sole"),
    ("普通", "ordinary"),
    ("交叉", "cross"),
    ("分许可", "sublicense"),
    ("开放许可", "open"),
)

# --- labels ---------------------------------------------------------------------------------

_PARTY_LABELS: dict[str, str] = {
    "变更前权利人": "owners_before",
    "变更后权利人": "owners_after",
    "变更前专利权人": "owners_before",
    "变更后专利权人": "owners_after",
    "变更前申请人": "owners_before",
    "变更后申请人": "owners_after",
    "变更前共同权利人": "co_owners_before",
    "变更后共同权利人": "co_owners_after",
    "出质人": "pledgors",
    "质权人": "pledgees",
    "让与人": "licensors",
    "许可人": "licensors",
    "受让人": "licensees",
    "被许可人": "licensees",
    "被保全人": "owners_before",
}
_NUMBER_LABELS = ("专利号", "申请号", "专利申请号")
_REGISTRATION_LABELS = ("登记号", "合同备案号", "备案号", "合同登记号", "质押登记号")
_DATE_LABEL_SET = frozenset(
    {label for labels in _DATE_LABELS.values() for label in labels}
    | set(_FALLBACK_DATE_LABELS)
    | {"申请日", "申请公布日", "授权公告日", "公告日", "原决定日", "合同履行期限"}
)
_OTHER_LABELS = (
    "IPC(主分类)",
    "IPC",
    "变更事项",
    "变更前",
    "变更后",
    "发明名称",
    "实用新型名称",
    "外观设计名称",
    "使用外观设计的产品名称",
    "许可种类",
    "无效宣告决定号",
    "决定号",
    "原决定",
    "保全类型",
    "保全机关",
    "执行法院",
    "地址",
    "变更前地址",
    "变更后地址",
    "名称",
)
_ALL_LABELS = sorted(
    {*_PARTY_LABELS, *_NUMBER_LABELS, *_REGISTRATION_LABELS, *_DATE_LABEL_SET, *_OTHER_LABELS},
    key=len,
    reverse=True,
)
_LABEL = re.compile(r"(" + "|".join(re.escape(label) for label in _ALL_LABELS) + r")\s*:")
_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2})(?![A-Za-z0-9])")
_PARTY_MATTERS = ("权人", "权利人", "申请人", "出质人", "让与人", "受让人", "许可人")
# ；/;/、 and commas separate names, except the comma of a legal form ("Co., Ltd." stays whole)
_PARTY_SPLIT = re.compile(
    r"\s*(?:[;；、]|[,，](?!\s*(?:ltd|limited|inc|llc|corp|co\b|plc|gmbh|ag\b|s\.?a\b)))\s*",
    re.IGNORECASE,
)
_VALUE_TRIM = " \t\r\n;,.，。；|"

_DATE_FORMS = (
    re.compile(r"(?<!\d)(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
)


def parse_date(text: str | None) -> date | None:
    """2023.05.12, 20230612, 2023-05-12, 2023/5/12, 2023年5月12日, 2023.7.5 -> a date; None when
    there is no date or it is impossible (2023.02.30)."""
    if not text:
        return None
    folded = _fold(text)
    for form in _DATE_FORMS:
        match = form.search(folded)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def _fold(text: str) -> str:
    """Full-width to half-width, one character for one (so offsets stay true)."""
    return "".join(_fold_char(char) for char in text)


def _fold_char(char: str) -> str:
    if char == "\u3000":
        return " "
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


# --- the event model ------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where in the exported cell the event was read: text[start:end] == raw."""

    start: int
    end: int
    raw: str


@dataclass(frozen=True)
class Change:
    """One 变更事项 with its before and after values (party lists for owner changes)."""

    matter: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegalEvent:
    code: str | None
    kind: str
    span: Span
    title: str | None = None
    patent_number: str | None = None
    ipc: str | None = None
    effective_date: date | None = None
    date_label: str | None = None  # which field gave effective_date
    registration_number: str | None = None  # 登记号 (pledges) / 合同备案号 (licences)
    owners_before: tuple[str, ...] = ()  # including co-owners (共同权利人)
    owners_after: tuple[str, ...] = ()
    pledgors: tuple[str, ...] = ()
    pledgees: tuple[str, ...] = ()
    licensors: tuple[str, ...] = ()
    licensees: tuple[str, ...] = ()
    license_kind: str | None = None  # exclusive / sole / ordinary / cross / sublicense / open
    license_kind_raw: str | None = None
    title_of_invention: str | None = None
    decision_number: str | None = None
    changes: tuple[Change, ...] = ()
    dates: tuple[tuple[str, date], ...] = ()  # every labelled date that parsed
    fields: tuple[tuple[str, str], ...] = ()  # every label and raw value, in order
    missing: tuple[str, ...] = ()  # expected for the kind but absent
    invalid: tuple[str, ...] = ()  # present but unreadable (e.g. a date that does not parse)

    @property
    def identity(self) -> tuple[object, ...]:
        """Equal for two copies of the same gazette event, wherever they were read: the same
        kind, patent, date, number and parties (names compared folded, without spaces). Other
        details (an address change, the invention title) may differ between exports."""
        names = (
            _before(self),
            _after(self),
            self.pledgors,
            self.pledgees,
            self.licensors,
            self.licensees,
        )
        changed = self.changes if self.kind in ("pledge_changed", "license_changed") else ()
        return (
            self.code or self.kind,
            _number_key(self.patent_number),
            self.effective_date,
            _reference_key(self.registration_number),
            tuple(tuple(_name_key(name) for name in group) for group in names),
            changed,
        )

    @property
    def evidence(self) -> str:
        when = self.effective_date.isoformat() if self.effective_date else "undated"
        return f"{self.code or self.kind} {when} @{self.span.start}-{self.span.end}"


def _number_key(number: str | None) -> str | None:
    if number is None:
        return None
    return re.sub(r"[^0-9X]", "", number.upper().removeprefix("ZL").removeprefix("CN")) or None


# --- parsing --------------------------------------------------------------------------------


def parse_legal_events(text: str, patent_number: str | None = None) -> list[LegalEvent]:
    """Every event in an exported 法律事件 cell, in the order written. `patent_number` fills in
    events that do not name their patent (the record's own number)."""
    if not text or not text.strip():
        return []
    folded = _fold(text)
    events = []
    for start, end, code in _segments(folded):
        event = _parse_segment(folded, text, start, end, code)
        if event.patent_number is None and patent_number:
            event = replace(
                event,
                patent_number=patent_number,
                missing=tuple(m for m in event.missing if m != "patent_number"),
            )
        events.append(event)
    return events


def _segments(folded: str) -> list[tuple[int, int, str | None]]:
    starts: list[tuple[int, str | None]] = [
        (match.start(), match.group(1))
        for match in _CODE.finditer(folded)
        if match.group(1) in KIND_BY_CODE or _titled(folded, match.end())
    ]
    if not starts:
        # No codes at all: the event titles (专利权的转移, 专利权质押合同登记的生效 ...) split
        # the cell; each segment's code is then inferred from its title.
        starts = [(match.start(), None) for match in _TITLE.finditer(folded)]
        if not starts:
            return [(0, len(folded), None)]
    lead = folded[: starts[0][0]]
    if _LABEL.search(lead) or _title_in(lead):
        starts.insert(0, (0, None))  # text before the first code: an event without its code
    bounds = [*(start for start, _ in starts[1:]), len(folded)]
    return [(start, end, code) for (start, code), end in zip(starts, bounds, strict=True)]


_CODE_BY_TITLE_MAP = dict(_CODE_BY_TITLE)
_TITLE = re.compile("|".join(re.escape(title) for title, _ in _CODE_BY_TITLE))


def _titled(folded: str, position: int) -> bool:
    """An unknown code counts only when an event title follows it."""
    return _title_in(folded[position : position + 30]) is not None


def _title_in(text: str) -> str | None:
    head = text.lstrip()[:40]
    return next((title for title, _ in _CODE_BY_TITLE if title in head), None)


def _parse_segment(
    folded: str, original: str, start: int, end: int, code: str | None
) -> LegalEvent:
    segment = folded[start:end]
    stripped_end = start + len(segment.rstrip(_VALUE_TRIM))
    title = _title_in(segment[len(code) :] if code else segment)
    inferred = code is None and title is not None
    if title is not None and code is None:
        code = _CODE_BY_TITLE_MAP[title]
    kind = KIND_BY_CODE.get(code or "", "unknown")
    fields = _fields(segment)
    builder = _EventBuilder(kind)
    for label, value in fields:
        builder.add(label, value)
    span = Span(start, stripped_end, original[start:stripped_end])
    event = builder.build(code, title, span, fields)
    return replace(event, missing=(*event.missing, "code")) if inferred else event


def _fields(segment: str) -> list[tuple[str, str]]:
    matches = list(_LABEL.finditer(segment))
    fields = []
    for index, match in enumerate(matches):
        value_end = matches[index + 1].start() if index + 1 < len(matches) else len(segment)
        fields.append((match.group(1), segment[match.end() : value_end].strip(_VALUE_TRIM)))
    return fields


@dataclass
class _EventBuilder:
    kind: str
    values: dict[str, str] = field(default_factory=dict)
    parties: dict[str, list[str]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    dates: list[tuple[str, date]] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    _matter: str | None = None
    _before: tuple[str, ...] = ()
    _after: tuple[str, ...] = ()

    def add(self, label: str, value: str) -> None:
        if label == "变更事项":
            self._close_change()
            self._matter = value
        elif label in ("变更前", "变更前地址"):
            self._before = _parties(value) if self._is_party_matter() else (value,)
        elif label in ("变更后", "变更后地址"):
            self._after = _parties(value) if self._is_party_matter() else (value,)
        elif label in _PARTY_LABELS:
            self._add_party(label, value)
        elif label in _DATE_LABEL_SET:
            parsed = parse_date(value)
            if parsed is None:
                self.invalid.append(label)
            else:
                self.dates.append((label, parsed))
        else:
            self.values.setdefault(label, value)

    def _is_party_matter(self) -> bool:
        return self._matter is not None and any(word in self._matter for word in _PARTY_MATTERS)

    def _add_party(self, label: str, value: str) -> None:
        key = _PARTY_LABELS[label]
        names = _parties(value)
        target = {"co_owners_before": "owners_before", "co_owners_after": "owners_after"}.get(
            key, key
        )
        bucket = self.parties.setdefault(target, [])
        bucket.extend(name for name in names if name not in bucket)
        if target in ("owners_before", "owners_after") and self._matter is not None:
            if target == "owners_before":
                self._before = (*self._before, *names)
            else:
                self._after = (*self._after, *names)

    def _close_change(self) -> None:
        if self._matter is not None:
            self.changes.append(Change(self._matter, self._before, self._after))
        self._matter, self._before, self._after = None, (), ()

    def build(
        self, code: str | None, title: str | None, span: Span, fields: list[tuple[str, str]]
    ) -> LegalEvent:
        self._close_change()
        label, effective = self._effective_date()
        license_raw = self.values.get("许可种类")
        event = LegalEvent(
            code=code,
            kind=self.kind,
            span=span,
            title=title,
            patent_number=_first(self.values, _NUMBER_LABELS),
            ipc=self.values.get("IPC(主分类)") or self.values.get("IPC"),
            effective_date=effective,
            date_label=label,
            registration_number=_first(self.values, _REGISTRATION_LABELS),
            owners_before=tuple(self.parties.get("owners_before", ())),
            owners_after=tuple(self.parties.get("owners_after", ())),
            pledgors=tuple(self.parties.get("pledgors", ())),
            pledgees=tuple(self.parties.get("pledgees", ())),
            licensors=tuple(self.parties.get("licensors", ())),
            licensees=tuple(self.parties.get("licensees", ())),
            license_kind=_license_kind(license_raw),
            license_kind_raw=license_raw,
            title_of_invention=_first(
                self.values, ("发明名称", "实用新型名称", "外观设计名称", "使用外观设计的产品名称")
            ),
            decision_number=_first(self.values, ("无效宣告决定号", "决定号")),
            changes=tuple(self.changes),
            dates=tuple(self.dates),
            fields=tuple(fields),
            invalid=tuple(self.invalid),
        )
        return replace(event, missing=_missing(event))

    def _effective_date(self) -> tuple[str | None, date | None]:
        found = dict(self.dates)
        for label in (*_DATE_LABELS.get(self.kind, ()), *_FALLBACK_DATE_LABELS):
            if label in found:
                return label, found[label]
        return None, None


def _parties(value: str) -> tuple[str, ...]:
    return tuple(name for name in (p.strip(_VALUE_TRIM) for p in _PARTY_SPLIT.split(value)) if name)


def _first(values: dict[str, str], labels: Sequence[str]) -> str | None:
    return next((values[label] for label in labels if values.get(label)), None)


def _license_kind(raw: str | None) -> str | None:
    if not raw:
        return None
    return next((kind for word, kind in LICENSE_KINDS if word in raw), None)


def _missing(event: LegalEvent) -> tuple[str, ...]:
    missing = []
    for name in _REQUIRED.get(event.kind, ("effective_date",)):
        value = getattr(event, name)
        if value is None or value == ():
            missing.append(name)
    if event.kind in ("transfer", "application_transfer", "name_change") and not (
        event.owners_before or event.owners_after
    ):
        for change in event.changes:  # owners given only as 变更前/变更后 of a 权利人 matter
            if change.before or change.after:
                missing = [m for m in missing if m not in ("owners_before", "owners_after")]
    if event.code is None:
        missing.append("code")
    return tuple(missing)


# --- the ledger -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnershipInterval:
    """One owner's holding of the patent (or application): [start, end)."""

    owner: str  # the name the owner held the right under when the interval opened
    start: date | None
    end: date | None = None
    names: tuple[tuple[str, date | None], ...] = ()  # the owner's names in time, first = owner
    share: float | None = None  # the gazette does not state shares; None = not known
    opened_by: LegalEvent | None = None  # None: an original applicant
    closed_by: LegalEvent | None = None

    @property
    def current_name(self) -> str:
        return self.names[-1][0] if self.names else self.owner

    def name_on(self, day: date) -> str:
        name = self.owner
        for candidate, since in self.names:
            if since is None or since <= day:
                name = candidate
        return name

    def covers(self, day: date) -> bool:
        return _covers(self.start, self.end, day)

    @property
    def evidence(self) -> str:
        opened = self.opened_by.evidence if self.opened_by else "original applicant"
        closed = f"; closed by {self.closed_by.evidence}" if self.closed_by else ""
        return f"opened by {opened}{closed}"


@dataclass(frozen=True)
class Encumbrance:
    """A pledge, licence or preservation on the patent: [start, end)."""

    kind: str  # pledge / license / preservation
    reference: str | None  # 登记号 for pledges, 合同备案号 for licences
    grantors: tuple[str, ...]  # pledgors / licensors / the owner whose right is preserved
    holders: tuple[str, ...]  # pledgees / licensees
    start: date | None
    end: date | None = None
    license_kind: str | None = None
    changes: tuple[Change, ...] = ()
    opened_by: LegalEvent | None = None
    closed_by: LegalEvent | None = None
    changed_by: tuple[LegalEvent, ...] = ()

    def covers(self, day: date) -> bool:
        return _covers(self.start, self.end, day)


def _covers(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True)
class PatentLedger:
    ownership: tuple[OwnershipInterval, ...]
    encumbrances: tuple[Encumbrance, ...]
    ended_on: date | None = None  # lapse, expiry, full invalidation or abandonment
    ended_by: LegalEvent | None = None
    events: tuple[LegalEvent, ...] = ()  # deduplicated, in ledger order
    warnings: tuple[str, ...] = ()

    @property
    def pledges(self) -> tuple[Encumbrance, ...]:
        return tuple(e for e in self.encumbrances if e.kind == "pledge")

    @property
    def licenses(self) -> tuple[Encumbrance, ...]:
        return tuple(e for e in self.encumbrances if e.kind == "license")

    @property
    def preservations(self) -> tuple[Encumbrance, ...]:
        return tuple(e for e in self.encumbrances if e.kind == "preservation")

    def owners_as_of(self, day: date) -> tuple[str, ...]:
        """The owners on `day`, under the names they held then."""
        return tuple(i.name_on(day) for i in self.ownership if i.covers(day))

    def encumbrances_as_of(self, day: date, kind: str | None = None) -> tuple[Encumbrance, ...]:
        return tuple(
            e for e in self.encumbrances if e.covers(day) and (kind is None or e.kind == kind)
        )

    def in_force_as_of(self, day: date) -> bool:
        return self.ended_on is None or day < self.ended_on


_KIND_ORDER = {
    "name_change": 0,
    "application_transfer": 1,
    "transfer": 2,
    "pledge_released": 3,
    "license_cancelled": 3,
    "preservation_released": 3,
    "pledge": 4,
    "license": 4,
    "preservation": 4,
    "pledge_changed": 5,
    "license_changed": 5,
}


def build_ledger(
    events: Iterable[LegalEvent],
    applicants: Sequence[str],
    filing_date: date | None,
) -> PatentLedger:
    """Ownership and encumbrance intervals of one patent from its events in any order.

    Duplicated events count once. Events are applied by effective date; on one date, releases go
    before new registrations, and ownership events are chained so that each one's former owners
    are the owners at that point. Undated events cannot be placed and are reported as warnings."""
    unique: dict[tuple[object, ...], LegalEvent] = {}
    for event in events:
        unique.setdefault(event.identity, event)
    warnings: list[str] = []
    dated = [e for e in unique.values() if e.effective_date is not None]
    warnings.extend(
        f"undated event not placed: {e.evidence}"
        for e in unique.values()
        if e.effective_date is None
    )
    ordered = _chain(sorted(dated, key=_order_key), applicants)
    state = _LedgerState(
        [
            OwnershipInterval(name, filing_date, names=((name, filing_date),))
            for name in dict.fromkeys(a.strip() for a in applicants if a.strip())
        ],
        warnings,
    )
    for event in ordered:
        state.apply(event)
    return PatentLedger(
        ownership=tuple(state.ownership),
        encumbrances=tuple(state.encumbrances),
        ended_on=state.ended_on,
        ended_by=state.ended_by,
        events=tuple(ordered),
        warnings=tuple(warnings),
    )


def _order_key(event: LegalEvent) -> tuple[object, ...]:
    assert event.effective_date is not None
    return (event.effective_date, _KIND_ORDER.get(event.kind, 6), repr(event.identity))


def _chain(events: list[LegalEvent], applicants: Sequence[str]) -> list[LegalEvent]:
    """Reorder same-day ownership events so each starts from the owners the previous one left."""
    owners = {_name_key(a) for a in applicants}
    result: list[LegalEvent] = []
    index = 0
    while index < len(events):
        day = events[index].effective_date
        same_day = [e for e in events[index:] if e.effective_date == day]
        index += len(same_day)
        pending = [e for e in same_day if e.kind in OWNERSHIP_KINDS]
        others = [e for e in same_day if e.kind not in OWNERSHIP_KINDS]
        while pending:
            fits = [e for e in pending if {_name_key(n) for n in _before(e)} <= owners]
            chosen = (fits or pending)[0]
            pending.remove(chosen)
            result.append(chosen)
            owners = (owners - {_name_key(n) for n in _before(chosen)}) | {
                _name_key(n) for n in _after(chosen)
            }
        result.extend(others)
    return result


def _before(event: LegalEvent) -> tuple[str, ...]:
    if event.owners_before:
        return event.owners_before
    return next((c.before for c in event.changes if _owner_matter(c)), ())


def _after(event: LegalEvent) -> tuple[str, ...]:
    if event.owners_after:
        return event.owners_after
    return next((c.after for c in event.changes if _owner_matter(c)), ())


_OWNER_MATTERS = ("专利权人", "权利人", "申请人")  # 质权人 is a pledgee, not an owner


def _owner_matter(change: Change) -> bool:
    return any(word in change.matter for word in _OWNER_MATTERS)


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", _fold(name)).lower()


@dataclass
class _LedgerState:
    ownership: list[OwnershipInterval]
    warnings: list[str]
    encumbrances: list[Encumbrance] = field(default_factory=list)
    ended_on: date | None = None
    ended_by: LegalEvent | None = None

    def apply(self, event: LegalEvent) -> None:
        handler = {
            "transfer": self._transfer,
            "application_transfer": self._transfer,
            "name_change": self._rename,
            "pledge": self._open,
            "license": self._open,
            "preservation": self._open,
            "pledge_released": self._close,
            "license_cancelled": self._close,
            "preservation_released": self._close,
            "pledge_changed": self._change,
            "license_changed": self._change,
        }.get(event.kind)
        if handler is not None:
            handler(event)
        elif event.kind in TERMINAL_KINDS and self.ended_on is None:
            self.ended_on, self.ended_by = event.effective_date, event
        elif event.kind == "restoration":
            self.ended_on, self.ended_by = None, None

    # ownership

    def _open_owners(self) -> list[int]:
        return [i for i, interval in enumerate(self.ownership) if interval.end is None]

    def _find_owner(self, name: str) -> int | None:
        key = _name_key(name)
        for index in self._open_owners():
            if any(_name_key(n) == key for n, _ in self.ownership[index].names):
                return index
        return None

    def _transfer(self, event: LegalEvent) -> None:
        day = event.effective_date
        before, after = _before(event), _after(event)
        after_keys = {_name_key(n) for n in after}
        leaving = [self._find_owner(n) for n in before] if before else self._open_owners()
        for name, index in zip(before or (), leaving, strict=False):
            if index is None:
                self.warnings.append(f"{event.evidence}: former owner {name} not on record")
        for index in {i for i in leaving if i is not None}:
            interval = self.ownership[index]
            if _name_key(interval.current_name) in after_keys:
                continue  # a co-owner who stays
            self.ownership[index] = replace(interval, end=day, closed_by=event)
        for name in after:
            if self._find_owner(name) is None:
                self.ownership.append(
                    OwnershipInterval(name, day, names=((name, day),), opened_by=event)
                )

    def _rename(self, event: LegalEvent) -> None:
        before, after = _before(event), _after(event)
        if len(before) != len(after):
            if len(before) == 1 and len(after) >= 1:
                after = (after[0],)
            else:
                self.warnings.append(f"{event.evidence}: name change lists do not pair up")
                return
        for old, new in zip(before, after, strict=True):
            index = self._find_owner(old)
            if index is None:
                self.warnings.append(f"{event.evidence}: renamed owner {old} not on record")
                continue
            interval = self.ownership[index]
            if _name_key(interval.current_name) != _name_key(new):
                names = (*interval.names, (new, event.effective_date))
                self.ownership[index] = replace(interval, names=names)

    # encumbrances

    def _open(self, event: LegalEvent) -> None:
        kind = {"pledge": "pledge", "license": "license"}.get(event.kind, "preservation")
        grantors = {"pledge": event.pledgors, "license": event.licensors}.get(
            kind, event.owners_before
        )
        holders = {"pledge": event.pledgees, "license": event.licensees}.get(kind, ())
        self.encumbrances.append(
            Encumbrance(
                kind,
                event.registration_number,
                grantors,
                holders,
                event.effective_date,
                license_kind=event.license_kind,
                opened_by=event,
            )
        )

    def _match(self, event: LegalEvent, kind: str) -> int | None:
        candidates = [
            i for i, e in enumerate(self.encumbrances) if e.kind == kind and e.end is None
        ]
        if event.registration_number:
            by_number = [
                i
                for i in candidates
                if _reference_key(self.encumbrances[i].reference)
                == _reference_key(event.registration_number)
            ]
            if by_number:
                return by_number[0]
            if any(self.encumbrances[i].reference for i in candidates):
                return None
        parties = {_name_key(n) for n in (*event.pledgees, *event.licensees)}
        by_party = [
            i
            for i in candidates
            if parties and parties <= {_name_key(n) for n in self.encumbrances[i].holders}
        ]
        if by_party:
            return by_party[0]
        return candidates[0] if len(candidates) == 1 else None

    def _close(self, event: LegalEvent) -> None:
        kind = {"pledge_released": "pledge", "license_cancelled": "license"}.get(
            event.kind, "preservation"
        )
        index = self._match(event, kind)
        if index is None:
            self.warnings.append(f"{event.evidence}: no open {kind} to close; recorded as closed")
            grantors = event.pledgors or event.licensors
            holders = event.pledgees or event.licensees
            self.encumbrances.append(
                Encumbrance(
                    kind,
                    event.registration_number,
                    grantors,
                    holders,
                    None,
                    end=event.effective_date,
                    closed_by=event,
                )
            )
            return
        self.encumbrances[index] = replace(
            self.encumbrances[index], end=event.effective_date, closed_by=event
        )

    def _change(self, event: LegalEvent) -> None:
        kind = "pledge" if event.kind == "pledge_changed" else "license"
        index = self._match(event, kind)
        if index is None:
            self.warnings.append(f"{event.evidence}: no open {kind} to change")
            return
        current = self.encumbrances[index]
        grantors, holders = current.grantors, current.holders
        for change in event.changes:
            if any(w in change.matter for w in ("质权人", "受让人", "被许可人")) and change.after:
                holders = change.after
            elif any(w in change.matter for w in ("出质人", "让与人", "许可人")) and change.after:
                grantors = change.after
        self.encumbrances[index] = replace(
            current,
            grantors=grantors,
            holders=holders,
            changes=(*current.changes, *event.changes),
            changed_by=(*current.changed_by, event),
        )


def _reference_key(reference: str | None) -> str:
    return re.sub(r"\s+", "", _fold(reference or "")).upper()
