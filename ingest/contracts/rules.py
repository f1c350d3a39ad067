"""Field rules for Chinese IP contracts. Each rule reads one field from the text and says where
(article, offsets) and how sure it is. Confidence is the rule's, fixed per rule: 0.95 for a
value the text labels (合同编号：…, 自…起至…止), 0.8 for one computed from a relative form
(自合同生效之日起三年), 0.75 for a role inferred from 甲方/乙方 and the contract kind."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import cn2an

from domain.names import address, organization_kind, organization_name
from domain.numbers import parse_application_number, parse_publication_number
from ingest.contracts.model import (
    ContractKind,
    CoveredPatent,
    Evidence,
    Exclusivity,
    Extracted,
    Money,
    Party,
    Role,
)
from ingest.contracts.structure import PARTY_LINE, Layout
from ingest.nlp.patterns import PATENT_NUMBER

LABELLED, COMPUTED, INFERRED = 0.95, 0.8, 0.75

_KINDS: tuple[tuple[str, ContractKind], ...] = (
    ("补充协议", ContractKind.AMENDMENT),
    ("专利申请权转让", ContractKind.APPLICATION_TRANSFER),
    ("专利权转让|专利转让", ContractKind.PATENT_TRANSFER),
    ("质押", ContractKind.PATENT_PLEDGE),
    ("技术秘密.*许可|专有技术.*许可", ContractKind.TRADE_SECRET_LICENSE),
    ("专利.*许可", ContractKind.PATENT_LICENSE),
    ("作价入股|作价出资", ContractKind.EQUITY_CONTRIBUTION),
    ("合作开发", ContractKind.COOPERATION),
    ("竞业限制", ContractKind.NON_COMPETE),
    ("保密协议", ContractKind.NDA),
    ("技术转让", ContractKind.TECHNOLOGY_TRANSFER),
)
_ROLE_WORDS: dict[str, Role] = {
    "许可方": Role.LICENSOR,
    "许可人": Role.LICENSOR,
    "被许可方": Role.LICENSEE,
    "被许可人": Role.LICENSEE,
    "转让方": Role.TRANSFEROR,
    "转让人": Role.TRANSFEROR,
    "受让方": Role.TRANSFEREE,
    "受让人": Role.TRANSFEREE,
    "出质人": Role.PLEDGOR,
    "出质方": Role.PLEDGOR,
    "质权人": Role.PLEDGEE,
    "质权方": Role.PLEDGEE,
    "披露方": Role.DISCLOSER,
    "接收方": Role.RECIPIENT,
    "用人单位": Role.EMPLOYER,
    "劳动者": Role.EMPLOYEE,
    "员工": Role.EMPLOYEE,
    "出资方": Role.CONTRIBUTOR,
    "目标公司": Role.INVESTEE,
}
_DEFAULT_ROLES: dict[ContractKind, tuple[Role, Role]] = {
    ContractKind.PATENT_LICENSE: (Role.LICENSOR, Role.LICENSEE),
    ContractKind.TRADE_SECRET_LICENSE: (Role.LICENSOR, Role.LICENSEE),
    ContractKind.PATENT_TRANSFER: (Role.TRANSFEROR, Role.TRANSFEREE),
    ContractKind.APPLICATION_TRANSFER: (Role.TRANSFEROR, Role.TRANSFEREE),
    ContractKind.TECHNOLOGY_TRANSFER: (Role.TRANSFEROR, Role.TRANSFEREE),
    ContractKind.PATENT_PLEDGE: (Role.PLEDGOR, Role.PLEDGEE),
    ContractKind.NDA: (Role.DISCLOSER, Role.RECIPIENT),
    ContractKind.EQUITY_CONTRIBUTION: (Role.CONTRIBUTOR, Role.INVESTEE),
    ContractKind.NON_COMPETE: (Role.EMPLOYER, Role.EMPLOYEE),
}
_SHORT_NAME = re.compile(
    r"[（(]\s*以下(?:简称|称)\s*[：:]?\s*[“\"「『]?([^”\"」』）)]+)[”\"」』]?\s*[）)]"
)
DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
DATE_SOURCE = (
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
)
CN_NUMBER = "[零〇一二三四五六七八九十两百\\d]+"


def ev(layout: Layout, start: int, end: int, confidence: float) -> Evidence:
    return Evidence(article=layout.article_at(start), start=start, end=end, confidence=confidence)


def title(layout: Layout) -> Extracted[str] | None:
    if layout.title is None:
        return None
    start, end = layout.title
    return Extracted(value=layout.text[start:end], evidence=ev(layout, start, end, LABELLED))


def contract_kind(layout: Layout) -> Extracted[ContractKind] | None:
    if layout.title is None:
        return None
    start, end = layout.title
    for pattern, kind in _KINDS:
        if re.search(pattern, layout.text[start:end]):
            return Extracted(value=kind, evidence=ev(layout, start, end, LABELLED))
    return None


def contract_number(layout: Layout) -> Extracted[str] | None:
    match = re.compile(r"(?:合同|协议)(?:编号|号)\s*[：:]\s*([A-Za-z0-9][A-Za-z0-9\-_/.]*)").search(
        layout.text, 0, layout.parties[0] or len(layout.text)
    )
    return _found(layout, match, 1, LABELLED)


def amends(layout: Layout) -> Extracted[str] | None:
    pattern = re.compile(r"(?:原合同编号|合同编号)\s*[：:]\s*([A-Za-z0-9][A-Za-z0-9\-_/.]*)")
    return _found(layout, pattern.search(layout.text, layout.body[0], layout.body[1]), 1, LABELLED)


def parties(layout: Layout, kind: ContractKind | None) -> list[Party]:
    text = layout.text
    found: list[Party] = []
    matches = list(PARTY_LINE.finditer(text, layout.parties[0], layout.parties[1]))
    if not matches:
        return _recital_parties(layout, kind)
    for index, match in enumerate(matches):
        block_end = matches[index + 1].start() if index + 1 < len(matches) else layout.parties[1]
        found.append(_party(layout, match, block_end, kind, position=len(found)))
    return found


def _party(
    layout: Layout, match: re.Match[str], block_end: int, kind: ContractKind | None, position: int
) -> Party:
    text = layout.text
    label, qualifier, raw_name = match["label"], match["qualifier"], match["name"]
    role, confidence = _role(label, qualifier, kind, position)
    short = _SHORT_NAME.search(raw_name)
    name = (raw_name[: short.start()] if short else raw_name).strip()
    block = text[match.end() : block_end]
    return Party(
        label=label if label in "甲方乙方丙方丁方" else (qualifier or label),
        role=role,
        name=organization_name(name),
        short_name=short.group(1).strip() if short else None,
        is_person=_is_person(name),
        address=_line_value(block, r"(?:住所地|住所|通讯地址|地址)", address),
        legal_representative=_line_value(block, r"法定代表人", str.strip),
        evidence=ev(layout, match.start("name"), match.start("name") + len(name), confidence),
    )


_RECITAL_PARTIES = re.compile(
    r"本(?:合同|协议)由\s*(?P<first>[^（(，,]{2,40})(?P<first_note>[（(][^）)]*[）)])?\s*与\s*"
    r"(?P<second>[^（(，,]{2,40}?)(?P<second_note>[（(][^）)]*[）)])?\s*(?:于|在|共同|签订|就)"
)


def _recital_parties(layout: Layout, kind: ContractKind | None) -> list[Party]:
    """本合同由A（以下简称“甲”，作为许可方）与B（…）于…签订: parties named in a sentence."""
    match = _RECITAL_PARTIES.search(layout.text)
    if match is None:
        return []
    found = []
    for position, (name_group, note_group) in enumerate(
        (("first", "first_note"), ("second", "second_note"))
    ):
        name, note = match[name_group].strip(), match[note_group] or ""
        role_word = next((w for w in _ROLE_WORDS if f"作为{w}" in note), None)
        role, confidence = _role(role_word or "", None, kind, position)
        short = re.search(r"简称\s*[“\"「]([^”\"」]+)[”\"」]", note)
        found.append(
            Party(
                label=role_word or ("甲方", "乙方")[position],
                role=role,
                name=organization_name(name),
                short_name=short.group(1) if short else None,
                is_person=_is_person(name),
                evidence=ev(
                    layout, match.start(name_group), match.start(name_group) + len(name), confidence
                ),
            )
        )
    return found


def _role(
    label: str, qualifier: str | None, kind: ContractKind | None, position: int
) -> tuple[Role, float]:
    for word in (label, qualifier or ""):
        if word in _ROLE_WORDS:
            return _ROLE_WORDS[word], LABELLED
    defaults = _DEFAULT_ROLES.get(kind) if kind is not None else None
    if defaults is not None and position < 2:
        return defaults[position], INFERRED
    return Role.PARTNER, INFERRED


def _is_person(name: str) -> bool:
    return organization_kind(name) is None and bool(re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", name))


def _line_value(block: str, label: str, clean: Callable[[str], str]) -> str | None:
    match = re.search(rf"^[ \t\u3000]*{label}\s*[：:]\s*(.+)$", block, re.M)
    if match is None:
        return None
    value = clean(match.group(1))
    return str(value) if value else None


def patents(layout: Layout) -> list[CoveredPatent]:
    text = layout.text
    seen: dict[str, CoveredPatent] = {}
    for start, end, number in _patent_numbers(text, layout.body[0], layout.body[1]):
        if number not in seen:
            seen[number] = CoveredPatent(
                number=number,
                title=_patent_title(text, start, end),
                evidence=ev(layout, start, end, LABELLED),
            )
    return list(seen.values())


# 202210000104.7, and the spaced form certificates print: ZL 2021 1 0123456.7
_BARE_APPLICATION = re.compile(
    r"(?<![\dA-Za-z.])((?:(?:ZL|CN)\s?)?\d{4}\s?\d\s?\d{7}\.[\dX])(?![\d])"
)


def _patent_numbers(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for match in PATENT_NUMBER.finditer(text, start, end):
        raw = match.group(0)
        application = parse_application_number(raw)
        number = (
            application.canonical
            if application.check_digit_ok is not None
            else parse_publication_number(raw).canonical
        )
        spans.append((match.start(), match.end(), number))
    for match in _BARE_APPLICATION.finditer(text, start, end):
        if not any(s <= match.start() < e for s, e, _ in spans):
            spans.append(
                (
                    match.start(),
                    match.end(),
                    parse_application_number(re.sub(r"\s", "", match.group(1))).canonical,
                )
            )
    yield from sorted(spans)


def _patent_title(text: str, start: int, end: int) -> str | None:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    row = "\t" in line or re.match(r"^\s*\d{1,3}\s+\S+\s+\S", line)
    if row:
        cells = [c.strip() for c in re.split(r"\t|\s{1,}", line) if c.strip()]
        named = [c for c in cells if re.search(r"[\u4e00-\u9fff]{4,}", c)]
        return max(named, key=len) if named else None
    after = text[end : end + 80]
    quoted = re.match(r"[^。；]{0,12}?(?:名称|发明名称)为[“\"]([^”\"]+)[”\"]", after)
    if quoted:
        return quoted.group(1)
    bracketed = re.match(r"[（(]([^）)]{4,60})[）)]", after)
    return bracketed.group(1) if bracketed else None


def trademarks(layout: Layout) -> list[Extracted[str]]:
    pattern = re.compile(r"第\s*(\d{6,9})\s*号(?:注册)?商标|商标注册号\s*[：:为]?\s*(\d{6,9})")
    found: dict[str, Extracted[str]] = {}
    for match in pattern.finditer(layout.text, *layout.body):
        group = 1 if match.group(1) else 2
        found.setdefault(
            match.group(group),
            Extracted(
                value=match.group(group),
                evidence=ev(layout, match.start(group), match.end(group), LABELLED),
            ),
        )
    return list(found.values())


def trade_secrets(layout: Layout) -> list[Extracted[str]]:
    pattern = re.compile(
        r"技术秘密\s*[“\"「]([^”\"」]{2,40})[”\"」]|[“\"「]([^”\"」]{2,40}技术秘密)[”\"」]"
        r"|[“\"「]([^”\"」]{2,40})[”\"」]\s*(?:等)?技术秘密"
    )
    found: dict[str, Extracted[str]] = {}
    for match in pattern.finditer(layout.text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        name = match.group(group)
        found.setdefault(
            name,
            Extracted(
                value=name, evidence=ev(layout, match.start(group), match.end(group), LABELLED)
            ),
        )
    return list(found.values())


def exclusivity(layout: Layout) -> Extracted[Exclusivity] | None:
    pattern = re.compile(r"(独占|排他|普通)(?:实施)?(?:许可|方式|使用)")
    match = pattern.search(layout.text, layout.title[0] if layout.title else 0, layout.body[1])
    if match is None:
        return None
    value = {"独占": Exclusivity.EXCLUSIVE, "排他": Exclusivity.SOLE}.get(
        match.group(1), Exclusivity.ORDINARY
    )
    return Extracted(value=value, evidence=ev(layout, match.start(), match.end(), LABELLED))


def sublicense(layout: Layout) -> Extracted[bool] | None:
    refused = re.compile(r"(?:不得|无权)(?:再|分|转)?许可(?:任何)?第三方")
    allowed = re.compile(
        r"有权(?:再|分|转)许可|(?:有权|可以)许可其?(?:关联公司|子公司|第三方|他人)"
    )
    for pattern, value in ((refused, False), (allowed, True)):
        match = pattern.search(layout.text, *layout.body)
        if match:
            return Extracted(value=value, evidence=ev(layout, match.start(), match.end(), LABELLED))
    return None


def territory(layout: Layout) -> Extracted[str] | None:
    pattern = re.compile(
        r"(?:许可|实施|使用)?地域(?:范围)?为([^，。；]+)|(?:可在|在|于)(全球范围内|中华人民共和国境内)"
    )
    match = pattern.search(layout.text, *layout.body)
    if match is None:
        return None
    group = 1 if match.group(1) else 2
    return Extracted(
        value=match.group(group).strip(),
        evidence=ev(layout, match.start(group), match.end(group), LABELLED),
    )


def parse_date(match: re.Match[str]) -> str | None:
    try:
        if match.group(1):
            year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
        else:
            year = int(
                "".join(
                    str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in match.group(4)
                )
            )
            month, day = (
                int(cn2an.cn2an(match.group(5), "smart")),
                int(cn2an.cn2an(match.group(6), "smart")),
            )
        return dt.date(year, month, day).isoformat()
    except (ValueError, TypeError):
        return None


def sign_date(layout: Layout) -> Extracted[str] | None:
    labelled = re.compile(
        rf"(?:(?:签订|签署|签约)(?:日期|时间)|^[ \t\u3000]*日期)\s*[：:]\s*({DATE_SOURCE})", re.M
    )
    in_recital = re.compile(rf"于\s*({DATE_SOURCE})\s*(?:在[^，。]{{1,10}})?(?:签订|签署)")
    for pattern, confidence in ((labelled, LABELLED), (in_recital, COMPUTED)):
        match = pattern.search(layout.text)
        date = DATE.match(match.group(1)) if match else None
        value = parse_date(date) if date else None
        if match and value:
            return Extracted(
                value=value, evidence=ev(layout, match.start(1), match.end(1), confidence)
            )
    return None


def _found(
    layout: Layout, match: re.Match[str] | None, group: int, confidence: float
) -> Extracted[str] | None:
    if match is None:
        return None
    return Extracted(
        value=match.group(group),
        evidence=ev(layout, match.start(group), match.end(group), confidence),
    )


def governing_law(layout: Layout) -> Extracted[str] | None:
    return _found(
        layout, re.compile(r"适用(中华人民共和国[^，。；]*?法律)").search(layout.text), 1, LABELLED
    )


def dispute(layout: Layout) -> tuple[Extracted[str] | None, Extracted[str] | None]:
    arbitration = re.compile(
        r"(?:提交|向)([^，。；]{2,40}?(?:仲裁委员会|仲裁中心|仲裁院))(?:申请)?仲裁"
    )
    court = re.compile(r"向([^，。；]{2,40}?人民法院)(?:提起诉讼|起诉)")
    for pattern, method in ((arbitration, "arbitration"), (court, "court")):
        match = pattern.search(layout.text, *layout.body)
        if match:
            forum = _found(layout, match, 1, LABELLED)
            return forum, Extracted(
                value=method, evidence=ev(layout, match.start(), match.end(), LABELLED)
            )
    return None, None


def months(number: str, unit: str) -> int | None:
    try:
        value = int(cn2an.cn2an(number.replace("两", "二"), "smart"))
    except ValueError:
        return None
    return value * 12 if unit == "年" else value


def add_months(start: dt.date, count: int) -> dt.date:
    """The last day of a term of `count` months from `start` (自2023年3月1日起三年: 2026-02-28)."""
    month_index = start.month - 1 + count
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, _days_in_month(year, month))
    return dt.date(year, month, day) - dt.timedelta(days=1)


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def money(text: str) -> Money | None:
    """The first amount: 伍拾万元整, 人民币1,200,000.00元, 30万元, ¥500,000.00."""
    capital = re.search(
        r"(?<![\d,.])([零壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*)元", text
    )
    if capital:
        try:
            amount = float(cn2an.cn2an(capital.group(1), "smart"))
            return Money(amount=amount, text=capital.group(0))
        except ValueError:
            pass
    arabic = re.search(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿)?元", text)
    if arabic:
        scale = {"万": 10_000, "亿": 100_000_000}.get(arabic.group(2) or "", 1)
        return Money(amount=float(arabic.group(1).replace(",", "")) * scale, text=arabic.group(0))
    return None


def rate(text: str) -> float | None:
    match = re.search(r"百分之([零一二三四五六七八九十点]+)|(\d+(?:\.\d+)?)\s*[%％]", text)
    if match is None:
        return None
    if match.group(1):
        return float(cn2an.cn2an(match.group(1), "smart")) / 100
    return float(match.group(2)) / 100


def sentences(layout: Layout) -> Iterator[tuple[int, str]]:
    """The body's sentences (to 。；or a line end) with their start offsets."""
    for match in re.finditer(r"[^。；\n]+[。；]?", layout.text[layout.body[0] : layout.body[1]]):
        yield layout.body[0] + match.start(), match.group(0)
