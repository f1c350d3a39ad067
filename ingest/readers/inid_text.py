"""Plain-text patent documents as CNIPA prints them and as they reach an IP department (copied
from the PDF, saved from a database's text view, typed by an agency): a front page whose fields
carry INID codes ((21) 申请号, (22) 申请日, (71) 申请人, (72) 发明人, (51) Int.Cl., (54) 发明名称,
(57) 摘要 ...), then 权利要求书 and 说明书. One document per file.

The front page is cut into fields at its markers, wherever they stand: a code in any bracket
(`(21)`, `( 21 )`, `（21）`, `[21]`) with or without its label after it (or its label just before
it), several on one line (the PDF's two columns), the value on the code's line or on the lines
after it; a label alone at the start of a line (`专利代理机构 …`, `申请号：…`) where the print
has no code. A label of the field being read (`申请人` on a continuation line, `地址`, `代理人`)
stays in that field. Page headers and footers of the PDF (`CN 115121384 A 说明书 1/7页`) are
dropped everywhere. The values are read by `ingest/readers/inid_values.py`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers import inid_values as values
from ingest.readers.source import RawRecord

_CODE = re.compile(r"[(（\[【]\s*(\d{2})\s*[)）\]】]")
_SECTION = re.compile(
    r"^\s*(权\s*利\s*要\s*求\s*书|说\s*明\s*书(?:\s*(?:附\s*图|摘\s*要))?|简\s*要\s*说\s*明"
    r"|摘\s*要\s*附\s*图|外观设计图片或照片)\s*$"
)
_PAGE_LINE = re.compile(
    r"^\s*(?:(?:CN|ZL)\s*\d[\d\s]*[A-Z]\d?\s*)?"
    r"(?:权\s*利\s*要\s*求\s*书|说\s*明\s*书(?:\s*附\s*图)?|摘\s*要(?:\s*附\s*图)?)?\s*"
    r"(?:第\s*)?\d+\s*/\s*\d+\s*页\s*$"
    r"|^\s*第\s*\d+\s*页\s*(?:[,，]?\s*共\s*\d+\s*页)?\s*$"
    r"|^\s*权利要求书\s*\d+\s*页"
)
# The labels CNIPA prints after each code (and database views print without one).
_LABELS: dict[str, tuple[str, ...]] = {
    "10": ("申请公布号", "授权公告号", "公开(公告)号", "公开（公告）号", "公开号", "公告号"),
    "11": ("授权公告号", "申请公布号", "公开号", "公告号"),
    "12": ("发明专利", "实用新型", "外观设计"),
    "19": ("中华人民共和国国家知识产权局", "国家知识产权局", "中华人民共和国"),
    "21": ("ZL专利号", "ZL 专利号", "申请号", "专利号"),
    "22": ("申请日",),
    "30": ("优先权数据", "优先权"),
    "31": ("优先权号",),
    "32": ("优先权日",),
    "33": ("优先权国家", "优先权国别"),
    "43": ("申请公布日", "公开(公告)日", "公开（公告）日", "公开日", "公布日"),
    "45": ("授权公告日", "公告日", "授权日"),
    "51": ("Int.Cl.", "Int. Cl.", "Int.Cl", "国际专利分类号", "分类号"),
    "52": ("LOC", "外观设计分类号"),
    "54": ("发明名称", "实用新型名称", "使用外观设计的产品名称", "外观设计名称"),
    "56": ("对比文件", "对比文献"),
    "57": ("摘要", "简要说明"),
    "62": ("分案原申请数据", "分案原申请号", "分案原申请"),
    "65": ("同一申请的已公布的文献号",),
    "71": ("申请(专利权)人", "申请（专利权）人", "申请人"),
    "72": ("发明人", "设计人"),
    "73": ("专利权人",),
    "74": ("专利代理机构", "代理机构"),
    "85": ("PCT国际申请进入国家阶段日", "PCT进入国家阶段日", "进入国家阶段日"),
    "86": ("PCT国际申请的申请数据", "PCT申请数据", "国际申请"),
    "87": ("PCT国际申请的公布数据", "PCT公布数据", "国际公布"),
}
_KEEP_LABEL = ("12", "19", "52")  # codes whose labels are their value (the document type)
# Labels that stand alone at the start of a line: a field without its code (or a sub-line).
_BARE: list[tuple[str, str]] = sorted(
    [
        (label, code)
        for code, labels in _LABELS.items()
        for label in labels
        if code not in _KEEP_LABEL
    ]
    + [("地址", "address"), ("代理人", "agent"), ("审查员", "examiner")],
    key=lambda pair: -len(pair[0]),
)
_SUBLINES = {"71": ("address",), "73": ("address",), "74": ("agent",), "65": ("10", "43")}
_FREE_TEXT = ("54", "57")  # fields whose text may hold bracketed reference numerals
_AFTER_LABEL = re.compile(r"^\s*[:：]?\s*")
_COLUMN_GAP = re.compile(r"[ \t\u3000]{3,}")
_MIN_COLUMN = 20  # a right column starts at least this far in (characters)
_COLUMN_SLACK = 6  # CJK and Latin widths make the column drift by a few characters


@dataclass
class _Field:
    code: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.strip() for line in self.lines if line.strip())


def inid_document(text: str, file: str) -> RawRecord:
    front, sections = _split_sections(text.lstrip("\ufeff"))
    fields = _front_page(front)
    if not any(f.code.isdigit() for f in fields):
        raise IngestError(
            Problem(
                ErrorCode.RECORD_INVALID,
                file,
                "no INID-coded front page found ((21) 申请号, (54) ...)",
            )
        )
    data = _record(fields)
    own_number = data.get("publication_number")
    for heading, name in (("权利要求书", "claims"), ("说明书", "description")):
        if heading in sections:
            body = _without_page_lines(sections[heading], own_number)
            if body:
                data[name] = body
    return RawRecord(1, data, json.dumps(data, ensure_ascii=False))


def labelled_codes(text: str) -> int:
    """How many different INID codes stand at line starts followed by one of their labels: what
    tells a patent document from a contract whose items are numbered (10) (11) (12)."""
    codes = set()
    for line in text.splitlines():
        match = _CODE.match(line.strip())
        if match and _label_end(match.group(1), line.strip(), match.end()) is not None:
            codes.add(match.group(1))
    return len(codes - set(_KEEP_LABEL))


def _split_sections(text: str) -> tuple[list[str], dict[str, str]]:
    front: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = front
    for line in text.splitlines():
        heading = _SECTION.match(line)
        if heading:
            current = sections.setdefault(re.sub(r"\s+", "", heading.group(1)), [])
            continue
        if not _PAGE_LINE.match(line):
            current.append(line)
    return front, {k: "\n".join(v).strip() for k, v in sections.items()}


def _without_page_lines(text: str, own_number: str | None) -> str:
    """Drops a page header that is only the document's own number (`CN 115121384 A`)."""
    lines = [
        line
        for line in text.splitlines()
        if not own_number or re.sub(r"\s", "", line) != own_number
    ]
    return "\n".join(lines).strip()


# ---- the front page cut into fields ---------------------------------------------------------


def _front_page(lines: list[str]) -> list[_Field]:
    fields: list[_Field] = []
    seen: set[str] = set()
    for line in _columns_one_after_the_other(lines):
        if _PAGE_LINE.match(line):
            continue  # a page-count line that shared its line with the other column
        current = fields[-1].code if fields else None
        markers = _markers(line, seen, current)
        if not markers:
            if fields:
                fields[-1].lines.append(line)
            continue
        if markers[0][0] > 0 and fields and line[: markers[0][0]].strip():
            fields[-1].lines.append(line[: markers[0][0]])
        for index, (_start, value_start, code) in enumerate(markers):
            end = markers[index + 1][0] if index + 1 < len(markers) else len(line)
            fields.append(_Field(code, [line[value_start:end]]))
            seen.add(code)
    return fields


def _columns_one_after_the_other(lines: list[str]) -> list[str]:
    """A PDF copied with its layout kept prints the front page's two columns side by side, the
    right one ((10)/(43) at the top, (54) and the (57) abstract below) after a wide gap on the
    same lines: when codes start after such a gap on several lines, far in, the text after the
    first wide gap at or beyond that column is the right column's and is read after the left
    column's, as the page is read."""
    starts = sorted(
        gap.end()
        for line in lines
        for gap in _COLUMN_GAP.finditer(line)
        if line[: gap.start()].strip() and _CODE.match(line, gap.end())
    )
    if len(starts) < 2 or starts[0] < _MIN_COLUMN:
        return lines
    column = starts[0]  # the leftmost start: the right column drifts to the right, not left
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        cut = _column_cut(line, column)
        left.append(line[:cut] if cut is not None else line)
        if cut is not None and line[cut:].strip():
            right.append(line[cut:])
    return left + right


def _column_cut(line: str, column: int) -> int | None:
    if not line.strip():
        return None
    if len(line) - len(line.lstrip()) >= column - _COLUMN_SLACK:
        return 0  # only the right column has text on this line
    gaps = [gap for gap in _COLUMN_GAP.finditer(line) if gap.end() >= column - _COLUMN_SLACK]
    if gaps and line[: gaps[0].start()].strip():
        return gaps[0].end()
    return None


def _markers(line: str, seen: set[str], current: str | None) -> list[tuple[int, int, str]]:
    """(marker start, value start, code) of every field marker on the line, in order."""
    found: list[tuple[int, int, str]] = []
    for match in _CODE.finditer(line):
        code = match.group(1)
        before = line[: match.start()]
        label_end = _label_end(code, line, match.end())
        if label_end is not None:
            # the type and office lines keep their words: they tell the kind of document
            value_start = match.end() if code in _KEEP_LABEL else label_end
            found.append((match.start(), value_start, code))
        elif (label_start := _label_before(code, before)) is not None:
            found.append((label_start, _value_start(line, match.end()), code))
        elif code in _LABELS and _unlabelled_code(line, match, seen, current, bool(found)):
            found.append((match.start(), _value_start(line, match.end()), code))
    if found and not line[: found[0][0]].strip():
        return found
    bare = _bare_label(line, seen, current)
    return ([bare] if bare else []) + found


def _label_before(code: str, before: str) -> int | None:
    """Where the code's label starts when it is printed just before the code (`公开号[11]`), at
    the start of the line or after a space."""
    text = before.rstrip()
    for label in _LABELS.get(code, ()):
        start = len(text) - len(label)
        if start >= 0 and text.endswith(label) and (start == 0 or text[start - 1].isspace()):
            return start
    return None


def _unlabelled_code(
    line: str, match: re.Match[str], seen: set[str], current: str | None, after_marker: bool
) -> bool:
    """A code printed without its label: at the start of a line, or after a space on a line of
    fields; inside a title or abstract (whose `(10)` is a reference numeral) only a new code
    alone on its line."""
    code, before, rest = match.group(1), line[: match.start()], line[match.end() :]
    if current in _FREE_TEXT and not after_marker:
        return not before.strip() and code not in seen and not rest.strip()
    if not before.strip():
        return True
    return before[-1:].isspace() and code not in seen


def _label_end(code: str, line: str, position: int) -> int | None:
    """Where the value starts when one of the code's labels stands at `position`."""
    rest = line[position:]
    stripped = rest.lstrip()
    for label in _LABELS.get(code, ()):
        if re.sub(r"\s", "", stripped[: len(label) * 2]).startswith(label.replace(" ", "")):
            consumed = _consume(stripped, label)
            if consumed is not None:
                offset = position + len(rest) - len(stripped) + consumed
                return _value_start(line, offset)
    return None


def _consume(text: str, label: str) -> int | None:
    """Length of `label` at the start of `text`, spaces between its characters allowed."""
    index = 0
    for char in label.replace(" ", ""):
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text) or text[index] != char:
            return None
        index += 1
    return index


def _value_start(line: str, position: int) -> int:
    return position + _AFTER_LABEL.match(line[position:]).end()  # type: ignore[union-attr]


def _bare_label(line: str, seen: set[str], current: str | None) -> tuple[int, int, str] | None:
    """A label without a code at the start of the line: a new field, or a sub-line of the
    current one (an 地址 under 申请人, a second 申请人, the A number under (65))."""
    stripped = line.lstrip()
    for label, code in _BARE:
        consumed = _consume(stripped, label)
        if consumed is None:
            continue
        after = stripped.rstrip()[consumed : consumed + 1]
        if after and not (after.isspace() or after in ":："):
            continue
        if current in _FREE_TEXT and after.isspace():
            return None  # a title or abstract line that starts with the word
        if code == current or code in _SUBLINES.get(current or "", ()):
            return None
        if code.isdigit() and code in seen:
            return None
        start = len(line) - len(stripped)
        return (start, _value_start(line, start + consumed), code)
    return None


# ---- fields to record values ----------------------------------------------------------------


def _record(fields: list[_Field]) -> dict[str, Any]:
    by_code: dict[str, list[_Field]] = {}
    for item in fields:
        by_code.setdefault(item.code, []).append(item)

    def text(*codes: str) -> str:
        return next((by_code[c][0].text for c in codes if c in by_code), "")

    data: dict[str, Any] = {}
    publication = values.publication_number(text("10", "11"))
    kind = values.kind_of(publication, text("12"))
    publication = publication or values.publication_number(text("10", "11"), kind)
    grant = values.is_grant(kind)
    scalars: dict[str, Any] = {
        "publication_number": publication,
        "application_number": values.application_number(text("21")),
        "filing_date": values.first_date(text("22")),
        "title": values.joined(text("54")) or None,
        "agency": values.agency_name(text("74")),
        "divisional_of": values.application_number(text("62")) if "62" in by_code else None,
        "pct_national_phase_date": values.first_date(text("85")),
        "pct_application": values.pct_reference(text("86"), publication=False),
        "pct_publication": values.pct_reference(text("87"), publication=True),
    }
    data.update({k: v for k, v in scalars.items() if v})
    # the earlier A's number under (65), or in a second (10)/(11) field printed under it
    earlier = "\n".join([text("65"), *(f.text for f in by_code.get("10", [])[1:])])
    data.update(_dates(text("43"), text("45"), earlier if "65" in by_code else "", kind, grant))
    if kind not in ("S", "D") and text("57"):
        data["abstract"] = values.joined(text("57"))
    data.update(_owners(by_code))
    lists = {
        "inventors": [n for f in by_code.get("72", []) for n in _people(f)],
        "ipc": values.ipc_codes(text("51")),
        "locarno": values.locarno_classes(text("51", "52")) if _is_design(by_code, kind) else [],
        "priority": _priority(by_code, text),
        "cites": values.citations(text("56")),
    }
    if lists["locarno"]:
        lists["ipc"] = []
    data.update({k: v for k, v in lists.items() if v})
    return data


def _dates(
    published: str, granted: str, earlier: str, kind: str | None, grant: bool
) -> dict[str, Any]:
    """(43) dates an A document; on a grant (45) is both its publication and grant date and a
    (43) beside a (65) is the earlier A publication's."""
    data: dict[str, Any] = {}
    a_date, grant_date = values.first_date(published), values.first_date(granted)
    if grant or (kind is None and grant_date):
        data["publication_date"] = grant_date or (None if earlier else a_date)
        data["grant_date"] = grant_date
        number = values.publication_number(earlier)
        if number:
            reference = {"number": number}
            date = values.first_date(earlier) or a_date
            if date:
                reference["date"] = date
            data["earlier_publication"] = reference
    else:
        data["publication_date"] = a_date or grant_date
    return {k: v for k, v in data.items() if v}


def _owners(by_code: dict[str, list[_Field]]) -> dict[str, Any]:
    """(73) patentees are the owners of a grant; the (71) applicants beside them are the
    original applicants. The 地址 lines of the owners' field are their addresses."""
    applicants = by_code.get("71", [])
    patentees = by_code.get("73", [])
    owners = patentees or applicants
    data: dict[str, Any] = {}
    names, addresses = _names(owners)
    if names:
        data["applicants"] = names
    if addresses:
        data["applicant_addresses"] = addresses
    if patentees and applicants:
        original, _ = _names(applicants)
        if original:
            data["original_applicants"] = original
    return data


_OWNER_LABEL = re.compile(
    r"^(?:申请\s*[(（]\s*专利权\s*[)）]\s*人|申\s*请\s*人|专\s*利\s*权\s*人)\s*[:：]?"
)
_ADDRESS = re.compile(r"(?:^|\s)地\s*址\s*[:：]?\s*")


def _names(fields: list[_Field]) -> tuple[list[str], list[str]]:
    names: list[str] = []
    addresses: list[str] = []
    for item in fields:
        for line in item.text.splitlines():
            line = _OWNER_LABEL.sub("", line.strip())
            name_part, *address = _ADDRESS.split(line, maxsplit=1)
            names += [n for n in values.organisation_names(name_part) if n not in names]
            if address and address[0].strip():
                addresses.append(address[0].strip())
    return names, addresses


def _people(item: _Field) -> list[str]:
    people: list[str] = []
    for line in item.text.splitlines():
        line = re.sub(r"^(?:发\s*明\s*人|设\s*计\s*人)\s*[:：]?", "", line.strip())
        people += values.person_names(line)
    return people


def _is_design(by_code: dict[str, list[_Field]], kind: str | None) -> bool:
    text = " ".join(f.text for code in ("51", "52") for f in by_code.get(code, []))
    return kind in ("S", "D") or "LOC" in text.upper()


def _priority(by_code: dict[str, list[_Field]], text: Callable[[str], str]) -> list[str]:
    claims = values.priority_claims(text("30")) if "30" in by_code else []
    if not claims and "31" in by_code:
        parts = [[f.text for f in by_code.get(code, [])] for code in ("31", "32", "33")]
        claims = values.priority_from_parts(*parts)
    return claims
