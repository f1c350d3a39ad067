"""Plain-text patent documents as CNIPA prints them: a front page whose fields carry INID codes
((21) 申请号, (22) 申请日, (71) 申请人, (72) 发明人, (51) Int.Cl., (54) 发明名称, (57) 摘要 ...),
then 权利要求书 and 说明书. One document per file."""

from __future__ import annotations

import json
import re
from typing import Any

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.source import RawRecord

_INID = re.compile(r"^\s*[(（](\d{2})[)）]\s*(.*)$")
_SECTION = re.compile(r"^\s*(权\s*利\s*要\s*求\s*书|说\s*明\s*书)\s*$")
_LABELS = (
    "申请公布号",
    "授权公告号",
    "申请公布日",
    "授权公告日",
    "申请号",
    "申请日",
    "申请人",
    "专利权人",
    "发明人",
    "设计人",
    "专利代理机构",
    "发明名称",
    "实用新型名称",
    "摘要",
    "优先权数据",
    "Int.Cl.",
)
_IPC = re.compile(r"([A-H]\d{2}[A-Z])\s*(\d{1,4})\s*/\s*(\d{1,6})")
# INID code -> record field
_FIELDS = {
    "10": "publication_number",
    "11": "publication_number",
    "21": "application_number",
    "22": "filing_date",
    "30": "priority",
    "43": "publication_date",
    "45": "grant_date",
    "71": "applicants",
    "73": "applicants",
    "72": "inventors",
    "74": "agency",
    "51": "ipc",
    "54": "title",
    "57": "abstract",
}


def inid_document(text: str, file: str) -> RawRecord:
    front, sections = _split_sections(text)
    fields = _front_page(front)
    if not fields:
        raise IngestError(
            Problem(
                ErrorCode.RECORD_INVALID,
                file,
                "no INID-coded front page found ((21) 申请号, (54) ...)",
            )
        )
    data: dict[str, Any] = {}
    for code, value in fields.items():
        name = _FIELDS.get(code)
        if name is not None and value:
            data[name] = _value(name, code, value)
    address = re.search(r"^\s*地址\s*(.+)$", fields.get("71", "") or fields.get("73", ""), re.M)
    if address:
        data["applicant_addresses"] = [address.group(1).strip()]
    if "权利要求书" in sections:
        data["claims"] = sections["权利要求书"]
    if "说明书" in sections:
        data["description"] = sections["说明书"]
    return RawRecord(1, data, json.dumps(data, ensure_ascii=False))


def _split_sections(text: str) -> tuple[list[str], dict[str, str]]:
    front: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = front
    for line in text.splitlines():
        heading = _SECTION.match(line)
        if heading:
            current = sections.setdefault(re.sub(r"\s+", "", heading.group(1)), [])
            continue
        current.append(line)
    return front, {k: "\n".join(v).strip() for k, v in sections.items()}


def _front_page(lines: list[str]) -> dict[str, str]:
    fields: dict[str, list[str]] = {}
    code = None
    for line in lines:
        match = _INID.match(line)
        if match:
            code = match.group(1)
            fields.setdefault(code, []).append(_strip_label(match.group(2)))
        elif code is not None and line.strip():
            fields[code].append(line.strip())
    return {k: "\n".join(v).strip() for k, v in fields.items()}


def _strip_label(text: str) -> str:
    for label in _LABELS:
        if text.startswith(label):
            return text[len(label) :].strip()
    return text.strip()


def _value(name: str, code: str, value: str) -> Any:
    if name == "ipc":
        return [f"{a} {b}/{c}" for a, b, c in _IPC.findall(value)]
    if name in ("applicants", "inventors"):
        first_line = value.splitlines()[0]  # the address follows on the next line
        return [n for n in re.split(r"[\s;；、，,]+", first_line) if n]
    if name in ("title", "abstract"):
        return re.sub(r"\s*\n\s*", "", value)
    if name == "priority":  # one claim per line: number, date, country
        return [line.strip() for line in value.splitlines() if line.strip()]
    if name == "agency":
        return re.sub(r"\s+\d+$", "", value.splitlines()[0])  # drop the agency code
    return value.splitlines()[0].strip()
