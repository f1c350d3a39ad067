"""Patent numbers: one canonical form per number, with its country, its kind and, for CN
application numbers, whether the check digit is right (wrong ones are flagged, never dropped).

    CN application (since 2003): CN202210000001.0  - 12 digits, a dot, the mod-11 check (0-9, X)
    CN application (before):     CN98123456.7      - 8 digits, a dot, the check
    CN publication:              CN115000001A      - digits and a kind code (A, B, C, U, Y, S, D)
    US/EP/JP/KR/WO publication:  US11223344B2, EP3456789A1, JP2020123456A, KR1020200012345A,
                                 WO2020123456A1    - separators removed
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.text import fold

_SEPARATORS = re.compile(r"[\s,，/\-_]")
_CN_PREFIX = re.compile(r"^(?:ZL|CN)")
_CN_APPLICATION = re.compile(r"^(?:ZL|CN)?(\d{12}|\d{8})\.?([0-9X])?$")
_PUBLICATION = re.compile(r"^([A-Z]{2})(\d{4,13})([A-Z]\d?)?$")
_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9)
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


@dataclass(frozen=True)
class PatentNumber:
    canonical: str
    country: str | None
    kind_code: str | None = None  # publication kind code, e.g. A, B1, U
    is_application: bool = False
    check_digit_ok: bool | None = None  # None: the number carries no check digit to verify

    @property
    def is_valid(self) -> bool:
        return self.check_digit_ok is not False


def cn_check_digit(digits: str) -> str:
    """The CNIPA mod-11 check character of an 8- or 12-digit application number."""
    total = sum(int(d) * _WEIGHTS[i % len(_WEIGHTS)] for i, d in enumerate(digits)) % 11
    return "X" if total == 10 else str(total)


_NUMBER_LABEL = re.compile(r"^(?:专利申请号|申请号|专利号)[:：]?")
# An application number printed with its publication's kind letter (Lens: CN 202110567890 A).
_KIND_AFTER_APPLICATION = re.compile(r"^((?:ZL|CN)?(?:\d{12}|\d{8}))[A-WYZ]\d?$")
_KIND_AFTER_FOREIGN_NUMBER = re.compile(r"^([A-Z]{2}\d{6,})[A-Z]\d?$")


def parse_application_number(raw: str) -> PatentNumber:
    text = _NUMBER_LABEL.sub("", _SEPARATORS.sub("", fold(raw).upper()))
    text = _KIND_AFTER_APPLICATION.sub(r"\1", text)
    match = _CN_APPLICATION.match(text)
    if match is None:
        return PatentNumber(_SEPARATORS.sub("", text), _country(text), is_application=True)
    digits, check = match.groups()
    expected = cn_check_digit(digits)
    canonical = f"CN{digits}.{check or expected}"
    return PatentNumber(
        canonical,
        "CN",
        is_application=True,
        check_digit_ok=None if check is None else check == expected,
    )


def parse_publication_number(raw: str) -> PatentNumber:
    text = _SEPARATORS.sub("", fold(raw).upper()).replace(".", "")
    match = _PUBLICATION.match(text)
    if match is None:
        return PatentNumber(text, _country(text))
    country, _digits, kind = match.groups()
    return PatentNumber(text, country, kind_code=kind)


_PRIORITY_DATE = re.compile(
    r"\d{4}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d{1,2}\s*日?"
    r"|\b(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b"
    # dotted with the year last is the European day-first form (PATENTSCOPE: 13.12.2017)
    r"|(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?![\d.])"
)
_BRACKETS = re.compile(r"[()（）\[\]【】]")
_TRAILING_COUNTRY = re.compile(r"\s+([A-Z]{2})\s*$")


# Offices as Chinese exports name them in a priority claim (日本 2019-087654 2019.05.07).
_OFFICE_NAMES = {
    "世界知识产权组织": "WO",
    "欧洲专利局": "EP",
    "欧洲": "EP",
    "欧专局": "EP",
    "中国": "CN",
    "美国": "US",
    "日本": "JP",
    "韩国": "KR",
    "德国": "DE",
    "法国": "FR",
    "英国": "GB",
    "芬兰": "FI",
    "瑞典": "SE",
    "瑞士": "CH",
    "意大利": "IT",
    "荷兰": "NL",
    "丹麦": "DK",
    "奥地利": "AT",
    "比利时": "BE",
    "西班牙": "ES",
    "加拿大": "CA",
    "澳大利亚": "AU",
    "俄罗斯": "RU",
    "印度": "IN",
    "以色列": "IL",
    "新加坡": "SG",
    "中国台湾": "TW",
    "台湾": "TW",
    "中国香港": "HK",
    "香港": "HK",
}
_OFFICE_NAME = re.compile("|".join(sorted(_OFFICE_NAMES, key=len, reverse=True)))


def parse_priority(raw: str) -> PatentNumber | None:
    """A priority claim as exports and front pages print it, date and country anywhere:
    `US63/123,456 2021.01.05`, `202110000001.X 2021-01-05 CN`, `日本 2019-087654` -> the
    application number."""
    text = _OFFICE_NAME.sub(lambda m: f" {_OFFICE_NAMES[m.group(0)]} ", fold(raw).upper())
    text = _BRACKETS.sub(" ", _PRIORITY_DATE.sub(" ", text)).strip()
    country = _TRAILING_COUNTRY.search(text)
    if country:
        text = text[: country.start()].strip()
        if not text[:2].isalpha():
            text = country.group(1) + text
    if sum(c.isdigit() for c in text) < 5:
        return None
    # a foreign claim printed with a kind letter (EP 17192345 A) is the application's number
    compact = _SEPARATORS.sub("", text)
    if not compact.startswith(("CN", "ZL")):
        text = _KIND_AFTER_FOREIGN_NUMBER.sub(r"\1", compact)
    return parse_application_number(text)


def _country(text: str) -> str | None:
    if _CN_PREFIX.match(text):
        return "CN"
    return text[:2] if len(text) > 2 and text[:2].isalpha() else None


# Kind codes tried, in this order, for a publication number written without one.
KIND_CODES = ("A", "B", "C", "U", "A1", "B1", "B2", "Y")


def patent_lookup_keys(raw: str) -> list[tuple[str, str]]:
    """The keys to look a patent up by, in the one fallback order, each with how it matched:
    the publication number as written (stores match it against application numbers too), the
    application number (check digit added when missing), then the publication number with each
    kind code when it has none. Family members are the caller's last resort."""
    publication = parse_publication_number(raw)
    keys = [(publication.canonical, "exact")]
    application = parse_application_number(raw).canonical
    if application != publication.canonical:
        keys.append((application, "application"))
    if publication.kind_code is None:
        keys.extend((publication.canonical + kind, "kind_code") for kind in KIND_CODES)
    return keys


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


# Number search keys: one token-safe key per way a number can be typed, lower-case letters and
# digits only (so both search engines index them as one token).
_KEY_SEPARATORS = re.compile(r"[\s,，/\-_.·]")
_APPLICATION_FORM = re.compile(r"^(?:ZL|CN)?(\d{12}|\d{8})[0-9X]?$")
_WITH_CHECK = re.compile(r"^(?:ZL|CN)?(?:\d{12}|\d{8})\.[0-9X]$")


def _key_text(raw: str) -> str:
    text = fold(raw).upper().strip()
    for label in ("申请号", "公开号", "公告号", "专利号"):
        text = text.removeprefix(label)
    return text.lstrip(":：")


def number_query_keys(raw: str) -> list[str]:
    """The keys a typed number matches (see `number_index_keys`): with or without CN/ZL,
    kind code, check digit, dots, spaces or full-width digits."""
    text = _key_text(raw)
    compact = _KEY_SEPARATORS.sub("", text)
    keys: list[str] = []
    application = _APPLICATION_FORM.match(compact)
    if application and (
        _WITH_CHECK.match(_SEPARATORS.sub("", text))
        or compact.startswith("ZL")
        or len(compact.removeprefix("CN")) in (8, 12, 13)
    ):
        keys.append("app" + application.group(1))
    publication = _PUBLICATION.match(compact)
    if publication:
        country, digits, kind = publication.groups()
        keys.append((country + digits + (kind or "")).lower())
    elif compact.isdigit() and 5 <= len(compact) <= 13:
        keys.append(compact)
    return list(dict.fromkeys(keys))


def number_index_keys(
    publication_number: str | None,
    application_number: str | None,
    priority_numbers: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """The keys a patent is found by: its publication number with and without kind code and
    country, its application number and its priority applications (digits, no check digit)."""
    keys: list[str] = []
    if publication_number:
        publication = parse_publication_number(publication_number)
        match = _PUBLICATION.match(publication.canonical)
        if match:
            country, digits, kind = match.groups()
            keys += [(country + digits + (kind or "")).lower(), (country + digits).lower()]
            if country == "CN":
                keys.append(digits)
        else:
            keys.append(_KEY_SEPARATORS.sub("", publication.canonical).lower())
    for number in (application_number, *priority_numbers):
        if not number:
            continue
        application = _APPLICATION_FORM.match(_KEY_SEPARATORS.sub("", _key_text(number)))
        if application:
            keys.append("app" + application.group(1))
        else:
            keys.append(_KEY_SEPARATORS.sub("", _key_text(number)).lower())
    return [k for k in dict.fromkeys(keys) if k]
