"""Patent XML in the CN-XML / WIPO ST.36 shape (bibliographic data, parties, classifications,
abstract, claims, description). Element names are matched without namespaces and with or without
the `cn-` prefix, so ST.36 and CNIPA variants both read. Parsed with defusedxml: no entity
expansion, no external entities."""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from ingest.errors import ErrorCode, IngestError, Problem
from ingest.readers.source import RawRecord

_IPC_TEXT = re.compile(r"([A-H]\d{2}[A-Z])\s*(\d{1,4})\s*/\s*(\d{1,6})")


def xml_documents(data: bytes, file: str) -> list[RawRecord]:
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise IngestError(Problem(ErrorCode.XML_MALFORMED, file, str(exc))) from exc
    documents = (
        [root]
        if _name(root).endswith("patent-document")
        else [e for e in root.iter() if _name(e).endswith("patent-document")]
    )
    if not documents:
        raise IngestError(
            Problem(
                ErrorCode.RECORD_INVALID,
                file,
                "no <patent-document> / <cn-patent-document> element",
            )
        )
    records = []
    for number, document in enumerate(documents, start=1):
        data_fields = _record(document)
        records.append(RawRecord(number, data_fields, json.dumps(data_fields, ensure_ascii=False)))
    return records


def _record(document: Element) -> dict[str, Any]:
    publication = _first(document, "publication-reference")
    application = _first(document, "application-reference")
    record: dict[str, Any] = {
        "publication_number": _number(publication, with_kind=True),
        "publication_date": _text(_first(publication, "date")),
        "application_number": _number(application, with_kind=False),
        "filing_date": _text(_first(application, "date")),
        "title": _text(_first(document, "invention-title")),
        "abstract": _text(_first(document, "abstract")),
        "claims": "\n".join(_text(c) for c in _all(document, "claim-text")),
        "description": _description(_first(document, "description")),
        "applicants": [_party_name(a) for a in _all(document, "applicant")],
        "applicant_addresses": [
            _text(_first(a, "address"))
            for a in _all(document, "applicant")
            if _first(a, "address") is not None
        ],
        "inventors": [_party_name(i) for i in _all(document, "inventor")],
        "ipc": _ipc(document),
        "priority": [_priority(claim) for claim in _all(document, "priority-claim")],
    }
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def _name(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1].removeprefix("cn-")


def _all(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else [e for e in element.iter() if _name(e) == name]


def _first(element: Element | None, name: str) -> Element | None:
    found = _all(element, name)
    return found[0] if found else None


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return re.sub(r"\s*\n\s*", "", "".join(element.itertext())).strip()


# ST.36 description parts -> the headings a printed CN description carries, so that later steps
# (citations are read from 背景技术) find the same structure in XML and in text.
_HEADINGS = {
    "technical-field": "技术领域",
    "background-art": "背景技术",
    "disclosure": "发明内容",
    "summary-of-invention": "发明内容",
    "description-of-drawings": "附图说明",
    "description-of-embodiments": "具体实施方式",
    "mode-for-invention": "具体实施方式",
}


def _description(description: Element | None) -> str:
    if description is None:
        return ""
    parts = []
    for child in description:
        heading = _HEADINGS.get(_name(child))
        parts.append(f"{heading}\n{_text(child)}" if heading else _text(child))
    return "\n".join(p for p in parts if p) or _text(description)


def _number(reference: Element | None, *, with_kind: bool) -> str | None:
    if reference is None:
        return None
    parts = [_text(_first(reference, "country")), _text(_first(reference, "doc-number"))]
    if with_kind:
        parts.append(_text(_first(reference, "kind")))
    number = "".join(parts)
    return number or None


def _priority(claim: Element) -> str:
    country = _text(_first(claim, "country"))
    number = _text(_first(claim, "doc-number"))
    date = _text(_first(claim, "date"))
    return " ".join(part for part in (f"{country}{number}", date) if part)


def _party_name(party: Element) -> str:
    for name in ("name", "orgname"):
        found = _first(party, name)
        if found is not None:
            return _text(found)
    last, first = _text(_first(party, "last-name")), _text(_first(party, "first-name"))
    return f"{last}{first}"


def _ipc(document: Element) -> list[str]:
    codes = [_text(_first(c, "text")) or _text(c) for c in _all(document, "classification-ipcr")]
    codes += [_text(c) for c in _all(document, "main-classification")]
    return [f"{a} {b}/{c}" for code in codes for a, b, c in _IPC_TEXT.findall(code)]
