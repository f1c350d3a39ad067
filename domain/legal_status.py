"""Legal status and legal events of a patent, from the texts exports use."""

from __future__ import annotations

import re
from pathlib import Path

from domain.dates import date_text
from domain.text import fold

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
    "无权": "invalid",
    "inactive": "invalid",
    "dead": "invalid",
    "ceased": "invalid",
    "discontinued": "invalid",
    "abandoned": "invalid",
    "revoked": "invalid",
    "有效": "valid",
    "授权": "valid",
    "维持": "valid",
    "valid": "valid",
    "granted": "valid",
    "in force": "valid",
    "有权": "valid",
    "active": "valid",
    "alive": "valid",
    "patented": "valid",
    "审中": "pending",
    "在审": "pending",
    "实质审查": "pending",
    "审查中": "pending",
    "实审": "pending",
    "待审": "pending",
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
