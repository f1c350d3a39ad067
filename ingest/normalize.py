"""Normal forms for patent numbers, organisation and person names, and IPC codes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from opencc import OpenCC

_SPACES = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
# Derwent prints the group zero-padded after a hyphen: C21D-001/18 is C21D1/18.
_IPC = re.compile(r"^([A-H])(\d{2})([A-Z])[\s\-]*(\d{1,4})\s*/\s*(\d{1,6})$")
_COUNTRY = re.compile(r"^([A-Z]{2})")

# CN publication kind codes (GB/T 18382): A/B/C invention, U/Y utility model, S/D design.
_CN_KIND_BY_CODE = {
    "A": "invention",
    "B": "invention",
    "C": "invention",
    "U": "utility_model",
    "Y": "utility_model",
    "S": "design",
    "D": "design",
}
# The fifth digit of a 12-digit CN application number (after the 4-digit year) is the type.
_CN_KIND_BY_APPLICATION_TYPE = {
    "1": "invention",
    "8": "invention",
    "2": "utility_model",
    "9": "utility_model",
    "3": "design",
}


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


def fold(text: str) -> str:
    """NFKC (full-width to half-width, compatibility forms), trimmed, inner whitespace single."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def country_of(number: str) -> str | None:
    match = _COUNTRY.match(number)
    return match.group(1) if match else None


_KIND_BY_TYPE = {
    "发明": "invention",
    "实用新型": "utility_model",
    "外观设计": "design",
    "invention": "invention",
    "utility model": "utility_model",
    "design": "design",
}


def patent_kind_of_type(patent_type: str | None) -> str | None:
    """专利类型 as exported (发明 / 发明授权 / 实用新型 / 外观设计) -> kind."""
    text = fold(patent_type or "").lower()
    for key in ("实用新型", "外观设计", "发明", "utility model", "design", "invention"):
        if key in text:
            return _KIND_BY_TYPE[key]
    return None


def patent_kind(publication_number: str | None, application_number: str | None) -> str | None:
    if publication_number and publication_number.startswith("CN"):
        kind_code = re.search(r"([A-Z])\d?$", publication_number[2:])
        if kind_code and kind_code.group(1) in _CN_KIND_BY_CODE:
            return _CN_KIND_BY_CODE[kind_code.group(1)]
    if application_number and application_number.startswith("CN"):
        digits = application_number[2:].split(".")[0]
        if len(digits) == 12:
            return _CN_KIND_BY_APPLICATION_TYPE.get(digits[4])
    return None


_TO_SIMPLIFIED = OpenCC("t2s")
# Longest first: 股份有限公司 before 有限公司, 研究院 before 院.
_ORGANIZATION_KINDS = (
    ("大学", "university"),
    ("学院", "university"),
    ("研究院", "institute"),
    ("研究所", "institute"),
    ("研究中心", "institute"),
    ("实验室", "institute"),
    ("集团有限公司", "group"),
    ("集团股份有限公司", "group"),
    ("集团公司", "group"),
    ("集团", "group"),
    ("股份有限公司", "company"),
    ("有限责任公司", "company"),
    ("有限公司", "company"),
    ("公司", "company"),
    ("合伙", "partnership"),
)


def simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s): 華為 -> 华为."""
    return str(_TO_SIMPLIFIED.convert(text))


def organization_name(raw: str) -> str:
    """Display form: folded, simplified characters, spaces between Chinese characters removed."""
    return _CJK_GAP.sub("", simplified(fold(raw)))


def organization_kind(name: str) -> str | None:
    """group / company / university / institute / partnership, from the legal-form suffix."""
    folded = organization_name(name)
    for suffix, kind in sorted(_ORGANIZATION_KINDS, key=lambda item: -len(item[0])):
        if folded.endswith(suffix) or (kind == "partnership" and suffix in folded):
            return kind
    return None


def organization_key(raw: str) -> str:
    """Resolution key: the display form, lower-cased (for Latin names) without spaces."""
    return organization_name(raw).lower().replace(" ", "")


_POSTCODE = re.compile(r"^\s*\d{6}\s*")


def address(raw: str) -> str:
    """申请人地址 without the leading postcode, folded, inner spaces between Chinese removed:
    `518129 广东省深圳市 龙岗区坂田华为总部办公楼` -> `广东省深圳市龙岗区坂田华为总部办公楼`."""
    return _CJK_GAP.sub("", simplified(fold(_POSTCODE.sub("", fold(raw))))).strip()


def person_name(raw: str) -> str:
    return _CJK_GAP.sub("", simplified(fold(raw)))


def ipc_code(raw: str) -> str | None:
    """`G06F 16/36` -> `G06F16/36`; None when it is not an IPC group or subgroup code."""
    match = _IPC.match(fold(raw).upper())
    if not match:
        return None
    section, klass, subclass, group, subgroup = match.groups()
    return f"{section}{klass}{subclass}{int(group)}/{subgroup.zfill(2)}"


_IPC_PREFIX = re.compile(r"^[A-H](\d{2}([A-Z](\d{1,4}(/\d{0,6})?)?)?)?$")


def ipc_prefix(raw: str) -> str | None:
    """A prefix of canonical IPC codes for filtering: `h01m 10/` -> `H01M10/`; None if invalid."""
    prefix = re.sub(r"\s+", "", fold(raw).upper())
    return prefix if _IPC_PREFIX.match(prefix) else None


# A small vocabulary: "valid" (in force), "pending" (under examination), "invalid" (no longer
# or never in force). Longer keys are tried first, so 未授权 is not read as 授权.
_LEGAL_STATUS = {
    "未授权": "invalid",
    "驳回": "invalid",
    "视为撤回": "invalid",
    "撤回": "invalid",
    "放弃": "invalid",
    "未缴年费": "invalid",
    "终止": "invalid",
    "届满": "invalid",
    "无效": "invalid",
    "失效": "invalid",
    "invalid": "invalid",
    "lapsed": "invalid",
    "expired": "invalid",
    "withdrawn": "invalid",
    "rejected": "invalid",
    "有效": "valid",
    "授权": "valid",
    "维持": "valid",
    "valid": "valid",
    "granted": "valid",
    "in force": "valid",
    "审中": "pending",
    "在审": "pending",
    "实质审查": "pending",
    "公开": "pending",
    "pending": "pending",
}
_LEGAL_STATUS_KEYS = sorted(_LEGAL_STATUS, key=len, reverse=True)


def legal_status(raw: str) -> str | None:
    """Map an exported 法律状态 to valid / pending / invalid; None when it is not recognised."""
    text = fold(raw).lower()
    for key in _LEGAL_STATUS_KEYS:
        if key in text:
            return _LEGAL_STATUS[key]
    return None


_EVENT_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2})(?!\d)")
_EVENT_DATE = re.compile(r"\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?|(?<!\d)\d{8}(?!\d)")


class LegalEvents:
    """Exported 法律事件 text -> (type, ISO date) with the table in config/dictionaries."""

    def __init__(self, by_code: dict[str, str], by_phrase: list[tuple[str, str]]) -> None:
        self.by_code = by_code
        self.by_phrase = sorted(by_phrase, key=lambda item: -len(item[0]))

    @classmethod
    def load(cls, path: Path) -> LegalEvents:
        by_code: dict[str, str] = {}
        by_phrase: list[tuple[str, str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            event_type, codes, phrases = [*line.split("\t"), "", ""][:3]
            by_code.update({code: event_type for code in codes.split("|") if code})
            by_phrase.extend((phrase, event_type) for phrase in phrases.split("|") if phrase)
        return cls(by_code, by_phrase)

    def parse(self, raw: str) -> tuple[str, str | None] | None:
        text = fold(raw)
        code = _EVENT_CODE.search(text)
        event_type = self.by_code.get(code.group(1)) if code else None
        if event_type is None:
            event_type = next((t for phrase, t in self.by_phrase if phrase in text), None)
        if event_type is None:
            return None
        date = _EVENT_DATE.search(text)
        return event_type, date_text(date.group(0)) if date else None
