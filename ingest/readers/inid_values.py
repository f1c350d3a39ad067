"""The values of a CNIPA front page's INID fields, read from the text each field holds: numbers
in every print form, dates in every form, priority claims, PCT data, citations, names, IPC and
Locarno classes. Each function takes the field's text (lines joined by \\n, label removed) and
returns the value in the record's form, or None / [] when the text holds none."""

from __future__ import annotations

import itertools
import re

from domain.dates import date_text
from domain.numbers import parse_application_number, parse_publication_number
from domain.text import fold

DATE = re.compile(
    r"\d{4}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d{1,2}\s*日?|(?<!\d)(?:19|20)\d{6}(?!\d)"
)
_PUBLICATION = re.compile(
    r"(?<![A-Za-z\d])(?:CN|ZL)?\s*(\d(?:\s?\d){5,9})\s*\.?\s*([A-Z]\d?)(?![A-Za-z])"
)
_KINDLESS_PUBLICATION = re.compile(r"(?<![A-Za-z\d.])(?:CN)?\s*(\d(?:\s?\d){6,8})(?![\d.])")
_APPLICATION = re.compile(r"(?<!\d)(\d{12}|\d{8})(?:\.?([0-9X]))?(?!\d)")
_PCT_APPLICATION = re.compile(r"PCT\s*/\s*[A-Z]{2}\s*\d{2,4}\s*/\s*\d{5,6}")
_PCT_PUBLICATION = re.compile(r"WO\s*\d{2,4}\s*/\s*\d{5,6}")
_COUNTRY_AT_START = re.compile(r"^\s*([A-Z]{2})(?![A-Za-z])")
# The offices whose documents a (56) list cites; a code outside them is no citation.
_OFFICES = (
    "CN|US|JP|KR|EP|WO|DE|GB|FR|TW|RU|SU|CA|AU|CH|IN|BR|ES|IT|NL|SE|DK|FI|AT|BE|NO|HK|SG|IL"
    "|MX|ZA|NZ|PL|CZ|HU|UA|EA|AP|OA"
)
_CITATION = re.compile(
    rf"(?:^|[；;:：,，]\s*)({_OFFICES})\s*(\d{{1,3}}(?:,\d{{3}}){{2,}}|\d[\d\s/\-.]*\d)\s*([A-Z]\d?)?"
    r"(?=\s*(?:[,，;；。(（]|$)|\s)"
)
_IPC = re.compile(r"([A-H]\d{2}[A-Z])\s*(\d{1,4})\s*/\s*(\d{1,6})")
_LOCARNO_EDITION = re.compile(r"LOC\s*[(（]\s*\d+\s*[)）]", re.I)
_LOCARNO = re.compile(r"(?<!\d)(\d{2})\s*[-－–]\s*(\d{2})(?!\d)")
_AGENCY_CODE = re.compile(r"\s*(?<!\d)\d{5}(?!\d)")
_CJK = "\u4e00-\u9fff"
# Names on one line: always split at these; at a space only between two CJK names (a Latin
# company name keeps its spaces).
_NAME_SEPARATORS = re.compile(r"[；;、，\u3000]+")
_ENDS_CHINESE = re.compile(rf"[{_CJK}）)]$")
_HAS_CHINESE = re.compile(rf"[{_CJK}]")
_PERSON_SEPARATORS = re.compile(r"[\s\u3000；;、，,]+")
_LATIN_PERSON_SEPARATORS = re.compile(r"\s*[；;，,]\s*")
_GRANT_KINDS = frozenset("BCUYSD")


def first_date(text: str) -> str | None:
    """The first date in any printed form (2022.06.14, 2022-06-14, 2022年6月14日, 20220614)."""
    match = DATE.search(fold(text))
    return date_text(match.group(0)) if match else None


def without_dates(text: str) -> str:
    return DATE.sub(" , ", fold(text))


def publication_number(text: str, kind: str | None = None) -> str | None:
    """`CN 115000004 A`, `CN115121384A`, `CN 2583456Y`, `115000004 A` -> CN + digits + kind; a
    number printed without its kind code takes `kind` (from the document type) when given."""
    match = _PUBLICATION.search(without_dates(text))
    if match is not None:
        digits = re.sub(r"\s", "", match.group(1))
        return parse_publication_number(f"CN{digits}{match.group(2)}").canonical
    bare = _KINDLESS_PUBLICATION.search(without_dates(text))
    if bare is None or kind is None:
        return None
    return parse_publication_number(f"CN{re.sub(r'[^0-9]', '', bare.group(1))}{kind}").canonical


def application_number(text: str) -> str | None:
    """`202210000004.4`, `ZL 2019 1 0345678.6`, `02261847.3` -> the canonical CN application
    number (check digit added when the print has none)."""
    compact = re.sub(r"\s", "", without_dates(text))
    match = _APPLICATION.search(compact)
    if match is None:
        return None
    return parse_application_number(match.group(0)).canonical


def kind_of(publication: str | None, document_type: str) -> str | None:
    """The kind code of this document: from its number, else from the (12) document type."""
    if publication and publication[-1:].isalpha():
        return publication[-1]
    if publication and publication[-2:-1].isalpha():
        return publication[-2]
    for words, kind in (("申请", "A"), ("实用新型", "U"), ("外观设计", "S"), ("发明专利", "B")):
        if words in document_type:
            return kind
    return None


def is_grant(kind: str | None) -> bool:
    return kind is not None and kind in _GRANT_KINDS


def priority_claims(text: str) -> list[str]:
    """(30) claims, one or several per line, as `NUMBER ISO-DATE` strings: number, date and the
    country code after it (CNIPA's order: `62/915,872 2019.10.16 US`), or the country before
    the number (`US 62/915,872 2019.10.16`)."""
    text = fold(text)
    dates = list(DATE.finditer(text))
    if not dates:
        return [n for line in text.splitlines() if (n := _priority_number(line, None))]
    segments = [text[: dates[0].start()]]
    segments += [text[a.end() : b.start()] for a, b in itertools.pairwise(dates)]
    segments.append(text[dates[-1].end() :])
    if not re.search(r"\d", segments[0]):  # the date first: `2019.10.16 US 62/915,872`
        return _date_first_claims(dates, segments[1:])
    country_after = bool(_COUNTRY_AT_START.match(segments[-1])) or not _COUNTRY_AT_START.match(
        segments[0]
    )
    claims = []
    for index, found in enumerate(dates):
        number_text, country = segments[index], None
        if country_after:
            if index:
                number_text = _COUNTRY_AT_START.sub("", number_text, count=1)
            following = _COUNTRY_AT_START.match(segments[index + 1])
            country = following.group(1) if following else None
        number = _priority_number(number_text, country)
        if number:
            claims.append(f"{number} {date_text(found.group(0))}")
    return claims


def _date_first_claims(dates: list[re.Match[str]], numbers: list[str]) -> list[str]:
    claims = []
    for found, number_text in zip(dates, numbers, strict=True):
        country = _COUNTRY_AT_START.match(number_text)
        rest = number_text[country.end() :] if country else number_text
        number = _priority_number(rest, country.group(1) if country else None)
        if number:
            claims.append(f"{number} {date_text(found.group(0))}")
    return claims


def priority_from_parts(numbers: list[str], dates: list[str], countries: list[str]) -> list[str]:
    """The 1990s layout's separate (31) number, (32) date and (33) country fields."""
    claims = []
    for index, raw in enumerate(numbers):
        country = countries[index] if index < len(countries) else None
        number = _priority_number(raw, country.strip()[:2] if country else None)
        date = first_date(dates[index]) if index < len(dates) else None
        if number:
            claims.append(f"{number} {date}" if date else number)
    return claims


def _priority_number(text: str, country: str | None) -> str | None:
    compact = re.sub(r"[\s,/\-;、]", "", fold(text)).upper()
    prefix = re.match(r"^([A-Z]{2})", compact)
    if prefix:
        country, compact = prefix.group(1), compact[2:]
    if sum(c.isdigit() for c in compact) < 5:
        return None
    if country in (None, "CN"):
        return parse_application_number(compact).canonical
    # DE, EP and GB application numbers end in a check digit after a dot: not part of the number
    return country + re.sub(r"\.\d$", "", compact).replace(".", "")


def pct_reference(text: str, publication: bool) -> dict[str, str] | None:
    """(86) `PCT/US2020/055812 2020.10.16` or (87) `WO2021/076789 EN 2021.04.22` -> {number as
    printed (spaces removed), date}; the (87) language code is not kept."""
    pattern = _PCT_PUBLICATION if publication else _PCT_APPLICATION
    match = pattern.search(fold(text).upper())
    if match is None:
        return None
    reference = {"number": re.sub(r"\s", "", match.group(0))}
    date = first_date(text[: match.start()] + " " + text[match.end() :])
    if date:
        reference["date"] = date
    return reference


def citations(text: str) -> list[str]:
    """(56) patent documents, canonical with their kind codes (`US 2016/0046786 A1,2016.02.18`
    -> US20160046786A1); non-patent literature lines and the 审查员 line give nothing."""
    cited: list[str] = []
    for line in text.splitlines():
        line = without_dates(line).strip()
        for match in _CITATION.finditer(line):
            office, digits, kind = match.groups()
            number = re.sub(r"[\s/\-.,]", "", digits)
            canonical = parse_publication_number(f"{office}{number}{kind or ''}").canonical
            if canonical not in cited:
                cited.append(canonical)
    return cited


def ipc_codes(text: str) -> list[str]:
    """(51) codes in print order: `E21C 41/16(2006.01)`, `Int.Cl.7 B65D 81/38` -> `E21C 41/16`."""
    codes: list[str] = []
    for section, group, subgroup in _IPC.findall(fold(text).upper()):
        code = f"{section} {group}/{subgroup}"
        if code not in codes:
            codes.append(code)
    return codes


def locarno_classes(text: str) -> list[str]:
    """A design's (51)/(52) `LOC(12)Cl. 12-07` -> `12-07` (the edition in brackets dropped)."""
    text = _LOCARNO_EDITION.sub(" ", fold(text))
    return list(dict.fromkeys(f"{a}-{b}" for a, b in _LOCARNO.findall(text)))


def organisation_names(line: str) -> list[str]:
    """Owners on one line: split at ；, 、, full-width commas and spaces; at an ASCII space only
    where a Chinese name ends and the next holds Chinese (`LG电子株式会社 LG化学株式会社`), so
    that `SIEMENS AKTIENGESELLSCHAFT` stays one name."""
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(line):
        current: list[str] = []
        for token in part.split():
            if current and _ENDS_CHINESE.search(current[-1]) and _HAS_CHINESE.search(token):
                names.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            names.append(" ".join(current))
    return names


def person_names(text: str) -> list[str]:
    """Inventors split at spaces (ASCII or full-width), ；, 、 and commas; `F·施密特` stays
    one name; a line of Latin names only (`JOHN SMITH; MARY JONES`) is split at its commas and
    semicolons alone."""
    if not re.search(f"[{_CJK}]", text):
        return [n for n in _LATIN_PERSON_SEPARATORS.split(text.strip()) if n]
    return [n for n in _PERSON_SEPARATORS.split(text) if n]


def agency_name(text: str) -> str | None:
    """(74) `长沙市融智专利事务所（普通合伙） 43114` -> the name without its code and agents."""
    before_agents = re.split(r"(?:^|\s)代\s*理\s*人", text.strip())[0]
    name = joined(before_agents, keep_latin_spaces=True)
    name = _AGENCY_CODE.split(name)[0].strip()
    return name or None


def joined(text: str, keep_latin_spaces: bool = False) -> str:
    """A wrapped title, abstract or name: its lines joined without breaks or indentation (with
    a space between two Latin words when asked)."""
    result = ""
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        latin = re.match(r"[A-Za-z0-9]", line) and re.search(r"[A-Za-z0-9.,]$", result)
        result += (" " if keep_latin_spaces and latin else "") + line
    return result
