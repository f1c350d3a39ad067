"""Patent numbers, dates and amounts in the forms citations, priority claims and records write
them, beyond the regular shapes of patterns.py: foreign offices' numbers (DE 10 2019 106 234.5,
EP 3 123 456 B1, KR 10-1845123 B1, US9045625, WO2013/178746, PCT/CN2020/123456), CN application
numbers without their dot or with spaces (2016102861593, ZL 2017 1 0358246.X), digit strings that
only their context makes a number (申请号为62636137, 第62/683,755号美国临时专利申请, a priority
line's `number date country`), day-first and compact dates, Chinese-numeral dates, and amounts
led by a currency symbol (US$5 million, HK$35,000, ¥300,000).

Each finder returns (start, end, normalized) triples on the raw text; MorePatterns adds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from domain.numbers import cn_check_digit, parse_application_number, parse_publication_number

Found = tuple[int, int, str]

# ---- patent numbers ----------------------------------------------------------------------------

_END = r"(?![A-Za-z0-9])"
_START = r"(?<![A-Za-z0-9/.])"
# Numbers whose office prefix or shape says what they are: no context needed.
_PREFIXED = re.compile(
    _START + r"(?:"
    # CN application numbers with inner spaces or without the dot: ZL 2017 1 0358246.X
    r"(?:ZL|CN)\s?\d{4}\s\d\s?\d{7}\s?\.?\s?[\dX]"
    r"|ZL\s?(?:\d{12}|\d{8})\.?[\dX]"
    r"|CN\s?\d{8}\.[\dX]"
    r"|CN\s?(?:\d{9}|\d{7})(?:\s?[ABCUY]\d?)?"
    r"|PCT/[A-Z]{2}\d{2,4}/\d{5,6}"
    r"|WO\s?(?:\d{4}/\d{5,6}|\d{10})(?:\s?A\d)?"
    r"|US\s?(?:\d{1,2},\d{3},\d{3}|\d{7,8})(?:\s?[ABES]\d?)?"
    r"|US\s?(?:19|20)\d{2}/?\d{7}(?:\s?A\d)?"
    r"|US\s?\d{2}/\d{3},?\d{3}"
    r"|EP\s?\d(?:\s?\d{3}){2}(?:\s?[AB]\d)?"
    r"|EP\s?\d{8}(?:\.\d)?"
    r"|JP\s?(?:特[开開願]\s?)?(?:\d{4}-\d{5,6}|[HSR]\d{1,2}-\d{5,6}|\d{10}|\d{7})(?:\s?[AB]\d?)?"
    r"|KR\s?10-?\d{7}(?:\s?B\d)?"
    r"|KR\s?10-?\d{4}-?\d{7}(?:\s?A)?"
    r"|(?:DE\s?)?10\s?(?:19|20)\d{2}\s?\d{3}\s?\d{3}(?:\.\d)?(?:\s?[ABU]\d)?"
    r"|DE\s?\d{3}\s?\d{2}\s?\d{3}(?:\.\d)?(?:\s?[ABCU]\d)?"
    r"|TW\s?[IM]?\d{6,9}(?:\s?[AB])?"
    r"|GB\s?\d(?:\s?\d{3}){2}(?:\.\d|\s?[AB]\d?)?"
    # Austrian and Swiss application numbers: serial and year (A 50743/2019, CH 00613/21)
    r"|A\s?\d{3,5}/(?:19|20)\d{2}"
    r"|CH\s?\d{3,6}/\d{2}"
    # a European publication spaced in threes, with its kind code: FR 3 061 457 A1, CH 712 345 B1
    r"|(?:FR|GB|CH|IT|ES|SE|FI|NL|DK|AT|NO|BE|PL)\s?\d{1,3}(?:\s\d{3}){1,2}\s?[A-C]\d?"
    r"|(?:FR|GB|CA|AU|RU|IN|BR|CH|IT|ES|SE|FI|NL|DK|AT|MX|SG|HK|IL|NZ|NO|BE|PL)\s?\d{6,10}"
    r"(?:\.\d)?(?:\s?[A-C]\d?)?"
    r")" + _END
)
# A CN application number without its dot (2016102861593): year, kind digit, serial, check
# digit; the check digit must be right, so a 13-digit batch number is not taken.
_CN_UNDOTTED = re.compile(r"(?<![A-Za-z0-9.])((?:19|20)\d{2}[12389]\d{7})([\dX])(?![\d.])")
# An old (1985-2003) CN application number, eight digits and the check digit: 98123456.9.
_CN_OLD = re.compile(r"(?<![A-Za-z\d.])((?:8[5-9]|9\d|0[0-3])[1-3]\d{5})\.([\dX])(?![\d.])")
# Digit strings that only their context makes a patent number.
_NUMBER = r"(?:[A-Z]{2}\s?)?\d[\d,./\-]*[\dX]"
_CUE_BEFORE = re.compile(
    r"(?:申请号|专利号|申请序列号|序列号|优先权号|公开号|公告号|公布号|专利申请|临时申请|"
    r"国际申请|申请数据|公布数据|优先权数据|申请|对比文件|专利文献|专利)\s*(?:为|是|：|:)?\s*[“\"「『]?\s*(?:第|No\.?|NO\.?)?\s*"
    rf"(?P<number>{_NUMBER})"
)
# A Taiwanese certificate number (證書號數：I812345) and application number (申請案號：111125678).
_TAIWAN_CUE = re.compile(
    r"(?:证书号数|证书号|申请案号)\s*(?:为|是|：|:)?\s*(?P<number>[IMD]?\d{6,9})(?![\d.])"
)
# A US serial number after the country's name (美國 63/219,876 in a priority line).
_US_SERIAL = re.compile(r"(?:美国|美國)\s*(?P<number>(?:0[89]|1\d|6[0-3])/\d{3},\d{3})(?![\d,])")
_CUE_AFTER = re.compile(rf"第\s*(?P<number>{_NUMBER})\s*号[^，。；,;]{{0,12}}?(?:申请|专利)")
# A priority line of a front page: number, date, country (62/123,456 2019.03.12 US).
_PRIORITY_TRIPLE = re.compile(
    rf"(?<![\w/.,\-])(?P<number>{_NUMBER})\s+(?:19|20)\d{{2}}[.\-/]\d{{1,2}}[.\-/]\d{{1,2}}"
    r"\s+[A-Z]{2}(?![A-Za-z])"
)
# A Japanese application or publication cited by its Japanese word (特願2021-005832号,
# 特開2016-023519号, 特开平10-123456): the word is not an office prefix, the number stands alone.
_JAPANESE_WORD = re.compile(
    r"(?:特[願愿開开許许表]|実[願開]|实[愿开])\s?(?:平|昭|令和)?\s?"
    r"(?P<number>(?:19|20)\d{2}-\d{5,6}|[HSR]?\d{1,2}-\d{5,6})(?![\d\-])"
)
# The country of the priority before (… 2019.06.26 JP 2019-237105 2019.12.26 JP): the letters
# close that claim, they are not the next number's office prefix.
_PREVIOUS_CLAIM = re.compile(r"(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}\s+$")
_NEXT_CLAIM = re.compile(r"\s+(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}\s+[A-Z]{2}(?![A-Za-z])")
_DATE_LIKE = re.compile(r"(?:19|20)\d{2}(?:[.\-/]\d{1,2}){2}|\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4}")
_COUNTRIES = (
    ("美国", "US"),
    ("日本", "JP"),
    ("德国", "DE"),
    ("欧洲", "EP"),
    ("韩国", "KR"),
    ("法国", "FR"),
    ("英国", "GB"),
    ("台湾", "TW"),
    ("中国", "CN"),
)


# A CN publication number glued to the text before it by PDF extraction, as page headers are
# (图12CN109306747A说明书附图, 步骤4CN108151594A说明书): the letters CN mark its start.
_GLUED_CN = re.compile(r"(?<![A-Za-z])(?<=\d)CN\d{9}[ABCUY]\d?(?=CN|[^A-Za-z0-9]|$)")


def prefix_closes_previous_claim(text: str, start: int, end: int) -> bool:
    """In a priority line (… 2021.12.24 KR 10-2022-0068315 2022.06.03 KR) the letters before a
    number are the country of the claim before it, not the number's office prefix."""
    return bool(
        re.match(r"[A-Z]{2}\s", text[start:end])
        and _PREVIOUS_CLAIM.search(text, max(0, start - 16), start)
        and _NEXT_CLAIM.match(text, end)
    )


def patent_numbers(text: str) -> Iterator[Found]:
    for start, end, value in _patent_numbers(text):
        if prefix_closes_previous_claim(text, start, end):
            start += 3  # keep the number, leave the previous claim's country out
            value = _normalize(text[start:end], _country(text, start, end))
        yield start, end, value
    for match in _JAPANESE_WORD.finditer(text):
        start, end = match.span("number")
        yield start, end, _normalize(text[start:end], "JP")


def _patent_numbers(text: str) -> Iterator[Found]:
    for match in _GLUED_CN.finditer(text):
        yield match.start(), match.end(), match.group(0)
    for match in _PREFIXED.finditer(text):
        number = match.group(0)
        # the German application form is written without its DE too: 10 2020 123 456.7
        country = "DE" if number.startswith("10") else None
        yield match.start(), match.end(), _normalize(number, country)
    for pattern in (_CN_UNDOTTED, _CN_OLD):
        for match in pattern.finditer(text):
            digits, check = match.groups()
            if cn_check_digit(digits) == check:
                yield match.start(), match.end(), f"CN{digits}.{check}"
    for match in _US_SERIAL.finditer(text):
        start, end = match.span("number")
        yield start, end, _normalize(text[start:end], "US")
    for match in _TAIWAN_CUE.finditer(text):
        start, end = match.span("number")
        yield start, end, f"TW{text[start:end]}"
    for pattern in (_CUE_BEFORE, _CUE_AFTER, _PRIORITY_TRIPLE):
        for match in pattern.finditer(text):
            start, end = match.span("number")
            number = text[start:end]
            if sum(c.isdigit() for c in number) < 6 or _DATE_LIKE.fullmatch(number):
                continue
            if end < len(text) and (text[end].isdigit() or text[end] in "年月日"):
                continue
            yield start, end, _normalize(number, _country(text, start, end))
            yield from _continued(text, end)


# More numbers joined to a cued one (第15/629,808号和第15/629,815号, 申请号A、B及C).
_CONTINUATION = re.compile(rf"\s*号?\s*(?:[和、及与]|以及)\s*第?\s*(?P<number>{_NUMBER})")


def _continued(text: str, end: int) -> Iterator[Found]:
    while (match := _CONTINUATION.match(text, end)) is not None:
        start, end = match.span("number")
        number = text[start:end]
        if sum(c.isdigit() for c in number) < 6 or _DATE_LIKE.fullmatch(number):
            return
        if end < len(text) and (text[end].isdigit() or text[end] in "年月日"):
            return
        yield start, end, _normalize(number, _country(text, start, end))


def _country(text: str, start: int, end: int) -> str | None:
    """The office a bare number belongs to, by the country word near it (德国专利申请…)."""
    window = text[max(0, start - 16) : start] + text[end : end + 12]
    found = [(window.rfind(word), code) for word, code in _COUNTRIES if word in window]
    if not found:
        after = re.match(r"\s+(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}\s+([A-Z]{2})", text[end:])
        return after.group(1) if after else None
    return max(found)[1]


def _normalize(raw: str, country: str | None) -> str:
    compact = re.sub(r"[\s,]", "", raw)
    if compact[:2].isalpha() and compact[:2] not in ("ZL", "CN"):
        if compact.startswith("PCT"):
            return compact  # an international application, not a publication
        if "." in compact:  # an application number with its check digit: DE102019106234.5
            return parse_application_number(compact).canonical
        return parse_publication_number(compact).canonical
    if country not in (None, "CN"):
        return parse_application_number(f"{country}{compact}").canonical
    if "." in compact or re.fullmatch(r"(?:ZL|CN)?\d{12}[\dX]", compact):
        return parse_application_number(compact).canonical
    return parse_publication_number(compact).canonical


# ---- dates ------------------------------------------------------------------------------------

# Day first, as European priority claims write it: 12.03.2019, 12/03/2019.
_DAY_FIRST = re.compile(r"(?<![\d.\-/])(\d{1,2})([./\-])(\d{1,2})\2((?:19|20)\d{2})(?![\d.\-/])")
# A compact date in a record's date field: 申请日：20221202, (22)申请日 20190312.
_COMPACT = re.compile(
    r"(?:(?:申请日|公开日|公告日|授权日|公布日|优先权日|申请日期|公开日期|公告日期|日期|生效日|"
    r"国家阶段日|提交日)\s*[）)]?\s*[：:为是]?"
    # any field whose label ends in 日 or 日期 and a colon: 公开（公告）日：, 到期日：
    r"|[\u4e00-\u9fff（）()]{0,8}日期?\s*[：:])"
    r"\s*(?P<date>(?:19|20)\d{6})(?!\d)"
)
_CHINESE_DIGITS = "〇零○Ｏ一二三四五六七八九"
_CHINESE_DATE = re.compile(
    rf"[{_CHINESE_DIGITS}]{{4}}年(?:十[一二]?|[一二三四五六七八九])月"
    r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日"
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ENGLISH_DATE = re.compile(
    rf"(?<![A-Za-z]){_MONTHS}\.?\s+\d{{1,2}},\s*(?:19|20)\d{{2}}(?!\d)"
    rf"|(?<!\d)\d{{1,2}}\s+{_MONTHS}\.?,?\s+(?:19|20)\d{{2}}(?!\d)"
)


# 2019 年 3 月 12 日 as PDF extraction spaces it, and full-width digits (２０１９年３月１２日).
_SPACED_OR_WIDE = re.compile(
    r"(?<![\d０-９])([12１２][\d０-９]{3})\s*年\s*([\d０-９]{1,2})\s*月\s*([\d０-９]{1,2})\s*日"
)
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
# A Republic of China era date (民國111年6月1日 is 2022-06-01), as Taiwanese documents write it.
# The era name and a Gregorian year in brackets stay in the span (中華民國112（2023）年08月21日);
# a register line may drop the era name: a three-digit year 100-139 with a zero-padded month
# (112年10月05日) is an ROC year, as no patent document dates a Gregorian year below 1000.
_MINGUO_DATE = re.compile(
    r"(?:(?:中華|中华)?民[國国]\s*(\d{2,3})\s*(?:[（(]\s*\d{4}\s*[）)])?"
    r"|(?<![\d０-９.])(1[0-3]\d)(?=年0\d月|年1[0-2]月))"
    r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)


def dates(text: str) -> Iterator[Found]:
    for match in _SPACED_OR_WIDE.finditer(text):
        parts = [int(g.translate(_WIDE)) for g in match.groups()]
        if _valid(*parts):
            yield match.start(), match.end(), "{}-{:02d}-{:02d}".format(*parts)
    for match in _DAY_FIRST.finditer(text):
        day, _sep, month, year = match.groups()
        if _valid(int(year), int(month), int(day)):
            yield match.start(), match.end(), f"{year}-{int(month):02d}-{int(day):02d}"
    for match in _COMPACT.finditer(text):
        value = match.group("date")
        if _valid(int(value[:4]), int(value[4:6]), int(value[6:])):
            start, end = match.span("date")
            yield start, end, f"{value[:4]}-{value[4:6]}-{value[6:]}"
    for match in _CHINESE_DATE.finditer(text):
        yield match.start(), match.end(), match.group(0)
    for match in _MINGUO_DATE.finditer(text):
        era, bare, month_text, day_text = match.groups()
        year, month, day = int(era or bare), int(month_text), int(day_text)
        if _valid(year + 1911, month, day):
            yield match.start(), match.end(), f"{year + 1911}-{month:02d}-{day:02d}"
    for match in _ENGLISH_DATE.finditer(text):
        yield match.start(), match.end(), match.group(0)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# ---- money ------------------------------------------------------------------------------------

# An amount led by a currency symbol or code, with or without 元: US$5 million, HK$35,000.
_SYMBOL_MONEY = re.compile(
    r"(?<![A-Za-z])(?:US\$|HK\$|NT\$|A\$|C\$|S\$|¥|￥|\$|€|£|"
    r"RMB|CNY|USD|EUR|HKD|JPY|GBP|KRW|CHF|TWD|NTD|SGD|AUD|CAD|SEK|DKK|NOK|INR|RUB|"
    # a currency named in words before the amount keeps it in the span: 新台币120万元
    r"新台币|新台幣|人民币)\s?"
    r"\d+(?:,\d{3})*(?:\.\d+)?(?!\d)"
    r"(?:\s?(?:million|billion|thousand|[MmBb]n|万|亿|千)(?![A-Za-z]))?"
    r"(?:\s?(?:美元|港元|港币|欧元|日元|英镑|元))?"
)


def symbol_money(text: str) -> Iterator[Found]:
    for match in _SYMBOL_MONEY.finditer(text):
        amount = match.group(0)
        if amount.startswith("$") and not re.search(r"[,.]\d|[^\d\s]$", amount):
            continue  # a bare $1 is a placeholder or PDF noise ($1本发明), not an amount
        yield match.start(), match.end(), amount
