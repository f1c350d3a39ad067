"""Field rules for Chinese IP contracts. Each rule reads one field from the text and says where
(article, offsets) and how sure it is. Confidence is the rule's, fixed per rule: 0.95 for a
value the text labels (合同编号：…, 自…起至…止), 0.8 for one computed from a relative form
(自合同生效之日起三年), 0.75 for a role inferred from 甲方/乙方 and the contract kind."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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
from ingest.contracts.structure import PARTY_LINE, PARTY_WORDS, Layout
from ingest.nlp.patterns import PATENT_NUMBER

LABELLED, COMPUTED, INFERRED = 0.95, 0.8, 0.75

_KINDS: tuple[tuple[str, ContractKind], ...] = (
    (
        "补充协议|变更协议|修订协议|修改协议|补充合同|变更合同|补充条款|补充约定|修正案",
        ContractKind.AMENDMENT,
    ),
    # 技术转让（专利申请权）合同 and the other titles of the official technology-contract models
    (
        "专利申请权.{0,3}(?:转让|让与)|(?:转让|让与).{0,3}专利申请权",
        ContractKind.APPLICATION_TRANSFER,
    ),
    (
        # 知识产权转让协议: the IP a contract transfers is a patent unless it names another
        "(?:专利权?|知识产权).{0,3}(?:转让|让与)|(?:转让|让与).{0,3}[（(]?专利权?[）)]",
        ContractKind.PATENT_TRANSFER,
    ),
    ("质押|设质", ContractKind.PATENT_PLEDGE),
    (
        "(?:技术|营业|商业)秘密.*(?:许可|授权)|专有技术.*(?:许可|授权)",
        ContractKind.TRADE_SECRET_LICENSE,
    ),
    ("专利.*(?:许可|授权)", ContractKind.PATENT_LICENSE),
    (
        "作价入股|作价出资|出资入股|技术入股|作价投资|(?:知识产权|专利权?|技术|无形资产)(?:作价)?出资"
        "|(?:专利|知识产权).{0,6}增资|增资.{0,6}(?:专利|知识产权)",
        ContractKind.EQUITY_CONTRIBUTION,
    ),
    (
        # 联合技术开发合同 / 合作研究开发协议: a word or two may stand between the two halves
        "(?:合作|联合|共同|协同)[\u4e00-\u9fff]{0,4}?(?:开发|研发|研究|攻关)|技术开发.{0,3}合作"
        # 产学研合作协议 / 技术合作协议: other R&D cooperations (licences and the rest come first)
        "|产学研|(?:技术|科技|研发|科研)合作|合作(?:协议|合同|协议书)$"
        # 技术开发（委托）合同: a development contract, the nearest kind the schema has
        "|技术开发|委托开发|委托研发",
        ContractKind.COOPERATION,
    ),
    ("竞业限制|竞业禁止|不竞争|竞业协议", ContractKind.NON_COMPETE),
    # 保密及不披露协议 / 保密契约书 / 保密承诺书
    ("保密.{0,6}(?:协议|合同|契约|合约|承诺)|不披露协议", ContractKind.NDA),
    (
        "技术转让|(?:技术|营业|商业)秘密.{0,3}(?:转让|让与)|专有技术.{0,3}(?:转让|让与)",
        ContractKind.TECHNOLOGY_TRANSFER,
    ),
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
    "出让方": Role.TRANSFEROR,
    "出让人": Role.TRANSFEROR,
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
    "出资人": Role.CONTRIBUTOR,
    "投资方": Role.CONTRIBUTOR,
    "目标公司": Role.INVESTEE,
    "标的公司": Role.INVESTEE,
    "被投资方": Role.INVESTEE,
    "被投资公司": Role.INVESTEE,
    "被投资企业": Role.INVESTEE,
    "受资方": Role.INVESTEE,
    "合资公司": Role.INVESTEE,
    "增资公司": Role.INVESTEE,
    "接受出资公司": Role.INVESTEE,
    "接受出资方": Role.INVESTEE,
    "接受投资方": Role.INVESTEE,
    "接受投资公司": Role.INVESTEE,
    "被出资公司": Role.INVESTEE,
    "被出资方": Role.INVESTEE,
    "被出资企业": Role.INVESTEE,
    "被出资单位": Role.INVESTEE,
    "受资公司": Role.INVESTEE,
    "受资企业": Role.INVESTEE,
    "让与人": Role.TRANSFEROR,
    "让与方": Role.TRANSFEROR,
    "授权人": Role.LICENSOR,
    "授权方": Role.LICENSOR,
    "被授权人": Role.LICENSEE,
    "被授权方": Role.LICENSEE,
    "雇主": Role.EMPLOYER,
    "受雇人": Role.EMPLOYEE,
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
# （以下简称“宁德时代”） / （下称「应科院」） / （简称：中科先芯） / （“目标公司”）
_SHORT_NAME = re.compile(
    r"[（(]\s*(?:(?:以下|下文|下)(?:简称|称为|称)|简称)\s*[：:为]?\s*[“\"「『]?([^”\"」』）)]+)"
    r"[”\"」』]?[^）)]{0,30}[）)]"  # （以下简称“目标公司”或“公司”）: the first one
    r"|[（(]\s*[“\"「『]([^”\"」』）)]{1,12})[”\"」』]\s*[）)]"
)
DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
    # 民国113年（2024年）4月1日: the Western year may follow in brackets
    r"|(?:中华)?民国\s*(\d{2,3}|[一二三四五六七八九十百零〇]{1,5})\s*年\s*(?:[（(]\d{4}年?[）)]\s*)?"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
    r"\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    r"|(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)"
    # 113年4月1日: a three-digit year is a Republic of China year (Taiwan), 113 = 2024
    r"|(?<![\d.])(1\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
DATE_SOURCE = (
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
    r"|(?:中华)?民国\s*(?:\d{2,3}|[一二三四五六七八九十百零〇]{1,5})\s*年\s*(?:[（(]\d{4}年?[）)]\s*)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
    r"\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    r"|(?<!\d)\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)"
    r"|(?<![\d.])1\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
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
    return _kind_of_investment(layout) or _kind_from_preamble(layout)


# The words of a preamble or first article that say what a contract with an unknown title is:
# 四方就…联合研发项目订立本合同 / 甲方同意将下列专利许可乙方实施. Kinds only a title can tell
# apart from the rest (an amendment, an NDA) are not guessed.
_PREAMBLE_KINDS: tuple[tuple[str, ContractKind], ...] = (
    (
        "作价(?:入股|出资)|以[^。；]{0,20}?(?:专利|知识产权)[^。；]{0,10}?(?:出资|入股)",
        ContractKind.EQUITY_CONTRIBUTION,
    ),
    ("专利申请权[^。；]{0,10}?(?:转让|让与)", ContractKind.APPLICATION_TRANSFER),
    (
        "专利权?[^。；]{0,10}?(?:转让|让与)给|(?:转让|让与)[^。；]{0,10}?专利权",
        ContractKind.PATENT_TRANSFER,
    ),
    ("(?:专利权?|知识产权)[^。；]{0,10}?(?:出质|质押)", ContractKind.PATENT_PLEDGE),
    (
        "(?:技术|营业|商业)秘密[^。；]{0,20}?许可[^。；]{0,6}?(?:使用|实施)",
        ContractKind.TRADE_SECRET_LICENSE,
    ),
    ("专利[^。；]{0,20}?许可[^。；]{0,10}?实施", ContractKind.PATENT_LICENSE),
    (
        "(?:合作|联合|共同|协同)[\u4e00-\u9fff]{0,4}?(?:开发|研发|研究|攻关)",
        ContractKind.COOPERATION,
    ),
    ("竞业限制|竞业禁止", ContractKind.NON_COMPETE),
)


def _kind_from_preamble(layout: Layout) -> Extracted[ContractKind] | None:
    """A title that names no known kind (XX项目协议书): what the preamble and the first article
    say the parties agree on, read with lower confidence."""
    assert layout.title is not None
    # after the parties block: a party's own name (…协同创新研究院) says nothing of the kind
    start = max(layout.title[1], layout.parties[1])
    first_article_end = layout.articles[0].end if layout.articles else layout.body[1]
    pattern = "|".join(f"(?P<k{index}>{words})" for index, (words, _) in enumerate(_PREAMBLE_KINDS))
    match = re.search(pattern, layout.text[start : min(first_article_end, start + 600)])
    if match is None or match.lastgroup is None:
        return None
    kind = _PREAMBLE_KINDS[int(match.lastgroup[1:])][1]
    at = start + match.start()
    return Extracted(value=kind, evidence=ev(layout, at, at + len(match.group(0)), INFERRED))


def _kind_of_investment(layout: Layout) -> Extracted[ContractKind] | None:
    assert layout.title is not None
    start, end = layout.title
    # 增资扩股协议 / 投资协议 whose body contributes IP at a value: an equity contribution
    if re.search(r"增资|入股|出资|投资", layout.text[start:end]):
        body = layout.text[end:]
        ip = re.search(
            r"(?:专利|知识产权|技术秘密|专有技术)[^。；]{0,40}?作价|作价[^。；]{0,10}?(?:入股|出资)",
            body,
        )
        if ip:
            return Extracted(
                value=ContractKind.EQUITY_CONTRIBUTION, evidence=ev(layout, start, end, INFERRED)
            )
    return None


# A contract number: an ASCII code (XJTU-XK-2022-008), or a Chinese document number
# (建株质字(2023)第0086号, 京知许〔2024〕12号).
_DOCUMENT_NUMBER = (
    r"[\u4e00-\u9fffA-Za-z]{1,10}[（(〔\[【]\s*\d{4}\s*[）)〕\]】]\s*第?\s*[A-Za-z0-9\-]+\s*号"
)
# 交银苏质2024-0319 / 浙商质字2025-0117: a bank's or a unit's abbreviation before the digits
_PREFIXED_NUMBER = (
    r"[\u4e00-\u9fff]{1,8}\d{2,4}(?:[\-_/.][A-Za-z0-9\-_/.]*[A-Za-z0-9](?:号)?"
    r"|\s*第\s*\d{1,6}\s*号)"  # 建鲁质字2025第0017号
)
# 〔2025〕东岭许字第9号: the year first / 第DL2025009号: an ordinal number alone
_YEAR_FIRST_NUMBER = (
    r"[（(〔\[【]\s*\d{4}\s*[）)〕\]】]\s*[\u4e00-\u9fff]{1,10}\s*第?\s*[A-Za-z0-9\-]+\s*号"
)
_ORDINAL_NUMBER = r"第\s*[A-Za-z0-9\-]{2,}\s*号"
NUMBER = (
    rf"({_DOCUMENT_NUMBER}|{_YEAR_FIRST_NUMBER}|{_PREFIXED_NUMBER}|{_ORDINAL_NUMBER}"
    r"|[A-Za-z0-9][A-Za-z0-9\-_/.()]*[A-Za-z0-9)])"
)
_BRACKETS = str.maketrans(
    {"（": "(", "〔": "(", "[": "(", "【": "(", "）": ")", "〕": ")", "]": ")", "】": ")"}
)


def _number_found(layout: Layout, match: re.Match[str] | None) -> Extracted[str] | None:
    found = _found(layout, match, 1, LABELLED)
    if found is not None:
        found.value = re.sub(r"\s+", "", found.value.translate(_BRACKETS))
    return found


def contract_number(layout: Layout) -> Extracted[str] | None:
    # Its own number, not 原合同编号 (an amendment's original) nor 主合同编号 / 保证合同编号.
    at_line_start = re.compile(
        r"^[ \t\u3000]*(?:(?:本)?(?:补充)?"
        r"(?:合同|协议|契约|协议书|合约|约定书|合同书|契约书)?(?:编号|号码)|(?:Contract\s*)?No\.?)"
        # 合同编号：… / 合同编号 DL-2025-009 (the colon lost) / No.: …
        rf"\s*(?:[（(][^）)\n]{{0,20}}[）)])?(?:\s*[：:]\s*|[ \t\u3000]+){NUMBER}",
        re.M | re.I,
    ).search(layout.text, 0, layout.parties[0] or len(layout.text))
    if at_line_start is not None:
        return _number_found(layout, at_line_start)
    match = re.compile(
        rf"(?<![原主证款])(?:合同|协议|契约|合约)(?:编号|号)\s*[：:]\s*{NUMBER}"
    ).search(layout.text, 0, layout.parties[0] or len(layout.text))
    return _number_found(layout, match)


def amends(layout: Layout) -> Extracted[str] | None:
    number = NUMBER
    labelled = re.compile(rf"原(?:合同|协议|契约|合约)?编号\s*[：:为]?\s*{number}")
    found = labelled.search(layout.text)
    if found is None:
        after_title = re.compile(
            rf"《[^》]{{2,40}}》\s*[（(][^）)]{{0,20}}?(?:合同|协议)?编号\s*[：:为]?\s*{number}"
        )
        # 关联合同：《…》（合同编号：…） above the parties, or in a recital
        found = after_title.search(layout.text, 0, layout.body[1])
    if found is None:
        named = re.compile(rf"编号为\s*{number}\s*的\s*[《“\"]")
        found = named.search(layout.text, layout.body[0], layout.body[1])
    if found is None:
        plain = re.compile(rf"(?:合同|协议)编号\s*[：:]\s*{number}")
        found = plain.search(layout.text, layout.body[0], layout.body[1])
    return _number_found(layout, found)


def amended_kind(layout: Layout) -> ContractKind | None:
    """The kind of contract an amendment changes: 《专利权转让合同》补充协议 -> patent_transfer."""
    start = layout.title[0] if layout.title else 0
    for match in re.finditer(r"《([^》]{2,40})》", layout.text[start : layout.body[1]]):
        for pattern, kind in _KINDS:
            if kind is not ContractKind.AMENDMENT and re.search(pattern, match.group(1)):
                return kind
    title = layout.text[layout.title[0] : layout.title[1]] if layout.title else ""
    for pattern, kind in _KINDS:
        if kind is not ContractKind.AMENDMENT and re.search(pattern, title):
            return kind
    return None


def parties(layout: Layout, kind: ContractKind | None) -> list[Party]:
    if kind is ContractKind.AMENDMENT:
        kind = amended_kind(layout) or kind
    text = layout.text
    found: list[Party] = []
    matches = list(PARTY_LINE.finditer(text, layout.parties[0], layout.parties[1]))
    if not matches:
        return _named_lines(layout, kind) or _recital_parties(layout, kind)
    letters = _letter_roles(layout)
    matches = [line for match in matches for line in _joined_party_lines(text, match)]
    for index, match in enumerate(matches):
        block_end = matches[index + 1].start() if index + 1 < len(matches) else layout.parties[1]
        name_group = "name" if match.groupdict().get("name") is not None else "name_below"
        for at, raw_name in _names_on_line(match[name_group], match.start(name_group)):
            if _COLUMN_HEADER.match(raw_name):
                continue  # 合作方 | 名称 | 住所: the header row of a table of parties
            line = _PartyLine(match, at, raw_name, block_end)
            found.append(_party(layout, line, kind, len(found), letters))
    found = sorted(found + _table_parties(layout, kind, len(found)), key=_party_start)
    return _complementary_roles(found, kind)


def _party_start(party: Party) -> int:
    return party.evidence.start


# 乙方（劳动者，共三人）： alone on its line above a table whose header names a 姓名 column
_LABEL_ABOVE_TABLE = re.compile(
    rf"^[ \t\u3000]*(?P<label>{PARTY_WORDS})(?:\s*[（(](?P<qualifier>[^）)]{{1,20}})[）)])?"
    r"[ \t\u3000]*[：:]?[ \t\u3000]*\n(?P<header>[^\n]*\t[^\n]*)$",
    re.M,
)
# 姓名 / 员工姓名 / 接收人姓名 / 单位名称
_NAME_COLUMN = re.compile(r"[\u4e00-\u9fff]{0,4}(?:姓名|名称)")


def _table_parties(layout: Layout, kind: ContractKind | None, position: int) -> list[Party]:
    """A party label over a table of persons: each row's name cell is a party of that role."""
    found: list[Party] = []
    for match in _LABEL_ABOVE_TABLE.finditer(layout.text, layout.parties[0], layout.parties[1]):
        header = match["header"].split("\t")
        column = next((i for i, c in enumerate(header) if _NAME_COLUMN.fullmatch(c.strip())), None)
        if column is None:
            continue
        # the role word leads the note: （劳动者，共三人）
        note = re.split(r"[，,、；;]", match["qualifier"] or "")[0]
        at = match.end() + 1
        for row in layout.text[at : layout.parties[1]].splitlines(keepends=True):
            cells = row.rstrip("\n").split("\t")
            if len(cells) <= column or not cells[column].strip():
                break
            name = cells[column].strip()
            cell_start = sum(len(cell) + 1 for cell in cells[:column])
            start = at + cell_start + cells[column].index(name)
            role, confidence = _role(match["label"], note, kind, position + len(found))
            found.append(
                Party(
                    label=match["label"],
                    role=role,
                    name=organization_name(name),
                    is_person=_is_person(name, row),
                    evidence=ev(layout, start, start + len(name), confidence),
                )
            )
            at += len(row)
    return found


# 许可方：东岭有限公司被许可方：南港有限公司 — two party lines a PDF joined into one
_JOINED_PARTY = re.compile(
    rf"(?:(?<=[\s）)])|(?<=公司|大学|学院|中心)|(?<=研究院|研究所))[ \t\u3000]*"
    rf"(?P<label>{PARTY_WORDS})(?:\s*[（(](?P<qualifier>[^）)]{{1,8}})[）)])?[ \t\u3000]*[：:]"
    r"[ \t\u3000]*(?P<name>[^\s（(：:][^\n]*)$",
    re.M,
)


def _joined_party_lines(text: str, match: re.Match[str]) -> list[re.Match[str]]:
    """A party line, and the party line a PDF ran into it: the first name then ends where the
    second label starts."""
    if match["name"] is None:
        return [match]
    joined = _JOINED_PARTY.search(text, match.start("name") + 2, match.end("name"))
    if joined is None:
        return [match]
    first = PARTY_LINE.match(text[: joined.start()], match.start())
    return [first, joined] if first is not None and first["name"] else [match]


_COLUMN_HEADER = re.compile(r"(?:名称|单位名称|姓名|住所|地址|联系人|法定代表人)\s*(?:\t|$)")


@dataclass(frozen=True)
class _PartyLine:
    """One name of a party line (a line may list several persons: 丙方：张三、李四)."""

    match: re.Match[str]
    at: int  # where the name starts
    raw_name: str
    block_end: int  # the end of the party's lines (地址, 法定代表人 …)


# 转让方（甲方）： / 甲方（转让方）：… — the role a letter label stands for in this contract
_LETTER_ROLE = re.compile(
    r"^[ \t\u3000]*(?:(?P<role>[\u4e00-\u9fff]{2,6})\s*[（(]\s*(?P<letter>[甲乙丙丁戊]方)\s*[）)]"
    r"|(?P<letter2>[甲乙丙丁戊]方)\s*[（(]\s*(?P<role2>[\u4e00-\u9fff]{2,6})\s*[）)])",
    re.M,
)


def _letter_roles(layout: Layout) -> dict[str, Role]:
    """Letter labels a role word names in the parties block: 转让方（甲方）： over the lines
    甲方一：… / 甲方二：… gives both co-owners the transferor's role."""
    found: dict[str, Role] = {}
    # from the title on: a role heading alone on its line stands above the first party line
    start = layout.title[1] if layout.title else 0
    for match in _LETTER_ROLE.finditer(layout.text, start, layout.parties[1]):
        role_word, letter = match["role"] or match["role2"], match["letter"] or match["letter2"]
        if role_word in _ROLE_WORDS:
            found.setdefault(letter, _ROLE_WORDS[role_word])
    return found


def _names_on_line(raw: str, at: int) -> list[tuple[int, str]]:
    """The names a party line lists: 丙方：张三、李四、王五 / 项目人员：张三（身份证号：…）、李四
    are several persons; 甲方：东部理工大学 is one name."""
    pieces: list[tuple[int, str]] = []
    depth, start = 0, 0
    for index, char in enumerate(raw):
        depth += 1 if char in "（(" else -1 if char in "）)" else 0
        if char == "、" and depth == 0:
            pieces.append((at + start, raw[start:index]))
            start = index + 1
    pieces.append((at + start, raw[start:]))
    names = [_bare_name(piece) for _, piece in pieces]
    if len(pieces) >= 2 and all(re.fullmatch(_PERSON_NAME, n) for n in names):
        return pieces
    return [(at, raw)]


def _complementary_roles(found: list[Party], kind: ContractKind | None) -> list[Party]:
    """受让方：A公司 above 乙方：郑某: a party whose role was only guessed from its position and
    collides with a role another party is labelled with takes the other role of the pair."""
    pair = _DEFAULT_ROLES.get(kind) if kind is not None else None
    if pair is None:
        return found
    labelled = {p.role for p in found if p.evidence.confidence == LABELLED}
    for party in found:
        if party.evidence.confidence == LABELLED or party.role not in labelled:
            continue
        other = pair[1] if party.role == pair[0] else pair[0]
        if party.role in pair and all(p.role != other for p in found):
            party.role = other
    return found


def _party(
    layout: Layout,
    line: _PartyLine,
    kind: ContractKind | None,
    position: int,
    letters: dict[str, Role],
) -> Party:
    text, match = layout.text, line.match
    label, qualifier = re.sub(r"[ \u3000]", "", match["label"]), match["qualifier"]
    raw_name = _before_run_on(line.raw_name)
    block = text[match.end() : line.block_end]
    if label not in _ROLE_WORDS and not re.fullmatch(r"[甲乙丙丁戊]方", label):
        label = qualifier or label  # 委托暨合作方（甲方）: the letter label names the party
    role, confidence = _role(label, qualifier, kind, position)
    if confidence != LABELLED and label in letters:
        role, confidence = letters[label], LABELLED
    short = _SHORT_NAME.search(raw_name)
    short_name = (short.group(1) or short.group(2)).strip() if short else None
    name = _bare_name(raw_name[: short.start()] if short else raw_name)
    return Party(
        label=label if label in "甲方乙方丙方丁方" else (qualifier or label),
        role=role,
        name=organization_name(name),
        short_name=short_name,
        is_person=_is_person(name, raw_name + text[match.end() : line.block_end]),
        address=_line_value(block, r"(?:住所地|住所|通讯地址|注册地址|地址)", address),
        legal_representative=_line_value(block, r"法定代表人", str.strip),
        evidence=ev(layout, line.at, line.at + len(name), confidence),
    )


# 澳门大学（以下简称“乙方”）: a party block of names, each line naming its label after it
_NAMED_LINE = re.compile(
    r"^[ \t\u3000]*(?P<name>[^\s（(：:，,。；]{2,40}?)\s*[（(]\s*(?:以下|下文|下)?(?:简称|称为|称)"
    r"\s*[：:为]?\s*[“\"「『]?(?P<short>[^”\"」』）)，,]{1,12})[”\"」』]?\s*[）)]"
    r"[ \t\u3000]*[，,；;。]?[ \t\u3000]*$",
    re.M,
)


def _named_lines(layout: Layout, kind: ContractKind | None) -> list[Party]:
    found: list[Party] = []
    for match in _NAMED_LINE.finditer(layout.text, 0, layout.body[0]):
        short = match["short"].strip()
        role, confidence = _role(short, None, kind, len(found))
        name = match["name"]
        found.append(
            Party(
                label=short,
                role=role,
                name=organization_name(name),
                short_name=short,
                is_person=_is_person(name),
                evidence=ev(layout, match.start("name"), match.end("name"), confidence),
            )
        )
    return _complementary_roles(found, kind) if len(found) >= 2 else []


_RECITAL_PARTIES = re.compile(
    r"本(?:合同|协议)由\s*(?P<first>[^（(，,]{2,40})(?P<first_note>[（(][^）)]*[）)])?\s*与\s*"
    r"(?P<second>[^（(，,]{2,40}?)(?P<second_note>[（(][^）)]*[）)])?\s*(?:于|在|共同|签订|就)"
)


# 本协议由A（以下简称“甲方”）、B（以下简称“乙方”）及C（以下简称“丙方”）共同订立
_RECITAL_SENTENCE = re.compile(r"本(?:合同|协议|契约)由[^。]{4,400}?(?:订立|签订|签署|缔结)")
_RECITAL_NAMED = re.compile(
    r"(?:由|、|及|和|与|以及)\s*([^、，,（(：:]{2,40}?)\s*[（(]\s*(?:以下|下文|下)?(?:简称|称)\s*[：:为]?"
    r"\s*[“\"「『]([^”\"」』）)]{1,12})[”\"」』]\s*[）)]"
)


def _recital_list(layout: Layout, kind: ContractKind | None) -> list[Party]:
    sentence = _RECITAL_SENTENCE.search(layout.text)
    if sentence is None:
        return []
    found: list[Party] = []
    for match in _RECITAL_NAMED.finditer(layout.text, sentence.start(), sentence.end()):
        short = match.group(2).strip()
        role, confidence = _role(short, None, kind, len(found))
        found.append(
            Party(
                label=short,
                role=role,
                name=organization_name(match.group(1)),
                short_name=short,
                is_person=_is_person(match.group(1)),
                evidence=ev(layout, match.start(1), match.end(1), confidence),
            )
        )
    return _complementary_roles(found, kind) if len(found) >= 3 else []


def _recital_parties(layout: Layout, kind: ContractKind | None) -> list[Party]:
    """本合同由A（以下简称“甲”，作为许可方）与B（…）于…签订: parties named in a sentence."""
    listed = _recital_list(layout, kind)
    if listed:
        return listed
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


# An NDA's 员工 is its recipient; a non-compete's 披露方 its employer: a role word of the
# other kind of contract read as the role this kind has.
_KIND_ROLES: dict[ContractKind, dict[Role, Role]] = {
    ContractKind.NDA: {Role.EMPLOYER: Role.DISCLOSER, Role.EMPLOYEE: Role.RECIPIENT},
    ContractKind.NON_COMPETE: {Role.DISCLOSER: Role.EMPLOYER, Role.RECIPIENT: Role.EMPLOYEE},
}


def _role(
    label: str, qualifier: str | None, kind: ContractKind | None, position: int
) -> tuple[Role, float]:
    for word in (label, qualifier or ""):
        if word in _ROLE_WORDS:
            role = _ROLE_WORDS[word]
            return _KIND_ROLES.get(kind, {}).get(role, role) if kind else role, LABELLED
    defaults = _DEFAULT_ROLES.get(kind) if kind is not None else None
    if defaults is not None and position < 2:
        return defaults[position], INFERRED
    if defaults is not None and kind in (ContractKind.NDA, ContractKind.NON_COMPETE):
        return defaults[1], INFERRED  # a further recipient or employee (丙方: a second person)
    return Role.PARTNER, INFERRED


# 张伟 / 欧阳明华 / 阿依古丽·买买提: a Chinese name, or a transliterated one with its dot
_PERSON_NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}"


def _is_person(name: str, context: str = "") -> bool:
    """A natural person: a short name without a legal form; or any name signing with an
    identity card number (身份证号)."""
    if organization_kind(name) is not None or re.search(
        r"公司|大学|学院|研究院|研究所|中心|集团|银行|医院|事务所|协会|委员会|厂|局|部", name
    ):
        return False
    if re.fullmatch(_PERSON_NAME, name):
        return True
    return bool(re.search(r"身份证|身分证", context[:80]))


# Where the name of a party line ends: its English name in brackets, an identity number, an
# address run on by a PDF, a seal note.
_NAME_END = re.compile(
    r"[（(]\s*[A-Za-z]|[（(](?:身份|身分|证件|护照|统一社会|男|女)|[，,；;]|\s{2,}|\t|(?:注册地址|通讯地址|住所地|住所|地址|法定代表人|身份证|身分证)"
    r"|[（(](?:盖章|签字|签章|公章)[）)]"
    # 质权人：某银行郑州分行营业场所：…负责人：…: a detail label a PDF ran into the name
    r"|(?:营业场所|经营场所|负责人|代表人|联系人|联系电话|电话|统一社会信用代码|统一编号)\s*[：:]"
)


# The legal-form endings after which a PDF line may run on into the next sentence.
_LEGAL_FORM_END = re.compile(r"(?:有限责任公司|有限公司|股份公司|大学|学院|研究院|研究所)")
# What starts a sentence, not a further part of a name (…有限公司北京分公司 is one name).
_SENTENCE_AFTER = re.compile(
    # (于 before a date or a signing: …有限公司于都分公司 is a name)
    r"[，,。；;：:]|双方|各方|[一二三四]方|甲乙|本(?:合同|协议)|民国|\d{4}年"
    r"|于(?=\s*(?:\d|民国|[〇零一二三四五六七八九]{4}|本|签|订|此))"
)


# …银行股份有限公司某某支行 / …有限公司某地分公司: a branch after the company is part of the name
_BRANCH = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:分行|支行|分公司|营业部|分理处|办事处|分院|分所|分中心)"
)


def _before_run_on(raw: str) -> str:
    """被授权人：桃园…股份有限公司双方前于…签订…: the name ends at its legal form (or the branch
    after it) when the rest of the line is a sentence or a label a PDF ran into it (a bracket
    after the name is left to _bare_name)."""
    for match in _LEGAL_FORM_END.finditer(raw):
        branch = _BRANCH.match(raw, match.end())
        end = branch.end() if branch else match.end()
        rest = raw[end:]
        if rest and not re.match(r"\s*[（(]", rest) and _SENTENCE_AFTER.search(rest):
            return raw[:end]
    return raw


# A note in brackets after the name: its role (（许可方）, （甲方）) or a description
# (（香港注册公司，注册办事处位于…）); a short place in brackets (…大学（深圳）) is part of
# the name.
_TRAILING_NOTE = re.compile(r"\s*[（(](?P<note>[^（）()]*)[）)]?\s*$")


def _bare_name(raw: str) -> str:
    cut = _NAME_END.search(raw)
    name = (raw[: cut.start()] if cut else raw).strip()
    unclosed = max(name.rfind("（"), name.rfind("(")) > max(name.rfind("）"), name.rfind(")"))
    if unclosed:  # （香港註冊公司，… cut at its comma: the bracket never closes in the name
        name = name[: max(name.rfind("（"), name.rfind("("))].strip()
    note = _TRAILING_NOTE.search(name)
    if note and note.start() > 0 and _is_note(note["note"]):
        name = name[: note.start()].strip()
    # 王小明 先生 / 李华女士: a person's honorific is no part of the name
    return re.sub(r"(?<=[\u4e00-\u9fff]{2})\s*(?:先生|女士|小姐)$", "", name)


def _is_note(note: str) -> bool:
    note = note.strip()
    return (
        note in _ROLE_WORDS
        or bool(re.fullmatch(r"[甲乙丙丁戊]方|第[一二三四五六]方|以下.*|下称.*|简称.*", note))
        or bool(re.search(r"[：:，,；;]|注册|位于|成立|设立", note))
        or len(note) > 6
    )


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


# 不包括申请号为…的专利申请: a number the clause names to exclude it.
_EXCLUDED = re.compile(r"不包括|不包含|不含|除外|不在本(?:合同|协议)|排除|不属于")


def _excluded(text: str, at: int) -> bool:
    clause_start = max(text.rfind(c, 0, at) for c in "。；;\n") + 1
    clause_end = min(
        (i for i in (text.find(c, at) for c in "。；;\n") if i >= 0), default=len(text)
    )
    before = text[clause_start:at]
    # （申请号：…）不属于本合同转让范围: the exclusion may follow the number
    after = text[at:clause_end]
    return bool(_EXCLUDED.search(before) or re.search(r"除外|不在|不属于|不包括在|不纳入", after))


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
    yield from sorted(span for span in spans if not _excluded(text, span[0]))


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
        group = next(index for index in (1, 2, 3) if match.group(index))
        found.setdefault(
            match.group(group),
            Extracted(
                value=match.group(group),
                evidence=ev(layout, match.start(group), match.end(group), LABELLED),
            ),
        )
    return list(found.values())


# 登记号 / 营业秘密登录编号 / 备案号 …: a label that says the number is a register's
_REGISTER_LABEL = r"(?:登记号|登录编号|登记编号|登录号|秘密编号|备案编号|备案号|认定编号)"
# 技术秘密为“…” / 技术秘密，包括但不限于“…” / 技术秘密：《…》: between the kind and the name
_SECRET_INTRO = r"(?:[，,]?\s*(?:包括但不限于|包括|即|为|是|系|指|名称为|名为)?\s*[：:]?)?"
_QUOTED_NAME = r"[“\"「『]([^”\"」』\n]{2,40})[”\"」』]"
_SECRET_NAME = re.compile(
    rf"(?:技术|营业|商业)秘密{_SECRET_INTRO}\s*(?:{_QUOTED_NAME}|《([^》\n]{{2,40}})》)"
    r"|[“\"「『]([^”\"」』\n]{2,40}技术秘密)[”\"」』]"
    # “…”等技术秘密 / 名为“…”的技术秘密
    rf"|{_QUOTED_NAME}\s*(?:等|的|之)?\s*(?:技术|营业|商业)秘密"
    # 技术秘密名称：耐腐蚀涂层配方；
    r"|(?:技术|营业|商业)秘密(?:的)?名称\s*[：:为]\s*([^，。；;\n\t（(“「]{2,40})"
    # 包括甲方“…”（密点登记编号：…） / …及「…」（登記編號：…）: a name with its register number
    rf"|{_QUOTED_NAME}(?=\s*[（(][^）)]{{0,20}}?{_REGISTER_LABEL})"
)
# 技术秘密“A”和“B”: further names listed after the first
_MORE_NAMES = re.compile(rf"\s*(?:、|和|及|与|以及)\s*{_QUOTED_NAME}")


def trade_secrets(layout: Layout) -> list[Extracted[str]]:
    return [secret for secret, _ in _trade_secret_spans(layout)]


def _trade_secret_spans(layout: Layout) -> list[tuple[Extracted[str], int]]:
    """Each trade secret named in quotes (or after 技术秘密名称：), with the offset right after
    the last name of its list (where a bracket may give the numbers)."""
    found: dict[str, tuple[Extracted[str], int]] = {}
    for match in _SECRET_NAME.finditer(layout.text):
        group = next(g for g in range(1, 7) if match.group(g))
        spans = [(match.start(group), match.end(group))]
        after = match.end()
        while (more := _MORE_NAMES.match(layout.text, after)) is not None:
            spans.append((more.start(1), more.end(1)))
            after = more.end()
        for start, end in spans:
            name = layout.text[start:end].strip()
            secret = Extracted(value=name, evidence=ev(layout, start, end, LABELLED))
            found.setdefault(name, (secret, after))
    return list(found.values())


# ASCII (JSJM-2021-0042) or a Chinese document number (苏技秘备〔2022〕第015号)
_SECRET_NUMBER = (
    rf"({_DOCUMENT_NUMBER}|[A-Za-z0-9][A-Za-z0-9\-_/.]*[A-Za-z0-9])"
)
# （内部编号…） / （密级：商密一级，编号…） / （编号分别为A、B）: any 编号 in the bracket right
# after the secrets' names
_NOTE_NUMBERS = re.compile(
    rf"\s*[（(][^）)]{{0,20}}?(?:编号|{_REGISTER_LABEL})(?:分别)?\s*[：:为]?\s*"
    rf"(?P<numbers>{_SECRET_NUMBER}(?:\s*[、，,和及]\s*{_SECRET_NUMBER})*)[^）)]{{0,20}}[）)]"
)


def trade_secret_numbers(layout: Layout) -> list[Extracted[str]]:
    """The register number of a trade secret: 技术秘密登记号 / 登记号 / 营业秘密登录编号 /
    备案号, 编号为…的技术秘密, or the numbers in the bracket after the secrets' quoted names."""
    patterns = (
        re.compile(rf"{_REGISTER_LABEL}\s*[：:为]?\s*{_SECRET_NUMBER}"),
        re.compile(rf"编号为\s*{_SECRET_NUMBER}\s*的\s*(?:技术|营业|商业)秘密"),
    )
    spans = [m.span(1) for p in patterns for m in p.finditer(layout.text, *layout.body)]
    for _, after in _trade_secret_spans(layout):
        note = _NOTE_NUMBERS.match(layout.text, after)
        if note is not None:
            spans += [
                (note.start("numbers") + m.start(), note.start("numbers") + m.end())
                for m in re.finditer(_SECRET_NUMBER, note["numbers"])
            ]
    found: dict[str, Extracted[str]] = {}
    for start, end in sorted(spans):
        found.setdefault(
            layout.text[start:end],
            Extracted(value=layout.text[start:end], evidence=ev(layout, start, end, LABELLED)),
        )
    return list(found.values())


def exclusivity(layout: Layout, in_title: bool = True) -> Extracted[Exclusivity] | None:
    """独占/排他/普通 from the title or the body (an amendment: only what its body sets)."""
    pattern = re.compile(
        r"(非独家|非独占|非排他|独占|排他|普通|非专属|专属|独家)(?:性)?(?:的)?(?:实施)?(?:许可|方式|使用|授权)"
        r"|(独占|排他)(?:地|性)?实施"  # 许可乙方在中国大陆地区独占实施
    )
    start = layout.title[0] if layout.title and in_title else layout.body[0]
    found = list(pattern.finditer(layout.text, start, layout.body[1]))
    if not found:
        return None
    # 原约定之非专属授权变更为专属授权: the kind a change sets wins over the one it replaces
    changed_to = re.compile(r"(?:变更|调整|修改|改|变)(?:为|成)\s*(?:[^，。；\d]{0,4}?)$")
    match = next(
        (m for m in found if changed_to.search(layout.text, max(0, m.start() - 10), m.start())),
        found[0],
    )
    value = {
        "独占": Exclusivity.EXCLUSIVE,
        "专属": Exclusivity.EXCLUSIVE,
        "独家": Exclusivity.EXCLUSIVE,
        "排他": Exclusivity.SOLE,
    }.get(match.group(1) or match.group(2), Exclusivity.ORDINARY)
    return Extracted(value=value, evidence=ev(layout, match.start(), match.end(), LABELLED))


# Sublicensing under a condition is allowed: only to affiliates, or after written consent.
# 关联公司 … 母公司及母公司控制的其他企业 / 同一集团内的成员企业: companies of the licensee's group
_AFFILIATE_WORDS = (
    r"(?:关联公司|关联企业|关联方|关系企业|控股子公司|全资子公司|子公司|附属公司|母公司|控股股东"
    r"|(?:全资|控股)(?:或|及|和|、)(?:全资|控股)子公司"
    r"|(?:同一)?集团(?:内)?(?:的)?(?:成员企业|成员单位|成员公司|内企业)|控股公司"
    r"|受同一(?:方)?控制的(?:其他)?(?:企业|公司)|同一控制下的(?:企业|公司)"
    r"|(?:直接或间接|直接|间接)?(?:实际)?控制的(?:其他)?(?:企业|公司))"
)
_AFFILIATES = re.compile(
    r"(?:仅|只|仅可|只能|仅得)?(?:可以|可|有权|得)?(?:向|许可|再许可|分许可|转许可|再授权|授权)"
    # 向其持股50%以上的子公司: a qualifier before the affiliate word
    # (…持股逾半数之子公司: 之 for 的)
    r"\s*(?:给|予)?\s*(?:其|乙方|被许可方|被许可人)?(?:[^，。；再分转]{0,12}?[的之])?"
    + _AFFILIATE_WORDS
    # 可将许可权利授予其控股子公司 / 再许可权限于其关联公司
    + r"|(?<![不无未])(?:可以|可|有权|得)将[^，。；]{0,12}?(?:授予|转授|授权给|许可给)"
    + r"\s*(?:其|乙方|被许可方)?"
    + _AFFILIATE_WORDS
    + r"|(?:再|分|转)(?:许可|授权)(?:权|的权利)?(?:仅)?(?:限于|以)[^，。；]{0,6}?"
    + _AFFILIATE_WORDS
    # 仅可在其关联企业范围内再许可
    + r"|(?<![不无未])(?:在|于)\s*(?:其|乙方|被许可方)?"
    + _AFFILIATE_WORDS
    + r"(?:的)?(?:范围)?内\s*(?:再|分|转)(?:许可|授权)"
)
_CONSENT = re.compile(
    r"(?<![未不])(?:经|取得|征得|获得)[^，。；]{0,10}?(?:书面)?(?:同意|许可|批准)(?:后)?[，,]?\s*"
    r"(?:[^，。；]{0,8}?)(?:方可|可以|可|才能|始得|得|有权)\s*(?:将[^，。；]{0,10}?)?(?:再|分|转)?(?:许可|授权)"
)
# 有权在征得甲方书面同意的前提下再许可: allowed after consent, however the clause runs
_CONSENT_ANYWHERE = re.compile(
    r"(?<![未不])(?<!无需)(?<!无须)(?<!不需)(?<!不必)(?<!无需另行)(?<!无须另行)"
    r"(?<!无需另)(?<!无须另)(?<!不需另)(?<!不必另)"
    r"(?:经|取得|征得|获得|事先)[^，。；]{0,12}?(?:书面)?(?:同意|批准)(?!的除外)"
)
# 未经甲方书面同意，乙方不得转许可: forbidden only without consent, i.e. allowed with it.
_UNLESS_CONSENT = re.compile(
    r"(?:未经|未取得|未征得|未获得|非经)[^，。；]{0,12}?(?:书面)?(?:同意|许可|批准|授权)[，,]?\s*"
    r"[^，。；]{0,10}?(?:不得|无权|不可|不能)[^，。；]{0,12}?(?:再|分|转)?(?:许可|授权)"
)
_REFUSED = re.compile(
    r"(?:不得|无权|不可|不能|禁止|不享有|不具有)(?:[^，。；]{0,20}?)(?:(?:再|分|转)?(?:许可|授权)"
    r"|允许(?:任何)?(?:第三方|第三人|他人))"
    r"(?:任何)?(?:第三方)?|无(?:再|分|转)(?:许可|授权)权"
)
# 除其关联公司外，不得再许可: allowed, to affiliates only
# 除其关联公司外 / 除乙方全资子公司外 / 除向被许可方的控股子公司以外
_EXCEPT_AFFILIATES = re.compile(
    r"除(?:向|许可给?|授权给?)?[^，。；]{0,8}?" + _AFFILIATE_WORDS + r"(?:外|以外|之外)"
)
# 有权将本专利分许可给第三方 / 享有再许可权 / 可自行决定再许可
# 不得再许可，但向其关联公司再许可的除外 / …，除非事先取得甲方书面同意: a refusal with an
# exception is an allowance under that exception.
_EXCEPTION_AFFILIATES = re.compile(
    r"(?:不得|无权|不可|不能)[^。]{0,40}?(?:许可|授权)[^。]{0,30}?"
    + _AFFILIATE_WORDS
    + r"[^。；]{0,10}?(?:除外|不在此限|不受此限)"
)
_EXCEPTION_CONSENT = re.compile(
    r"(?:不得|无权|不可|不能)[^。]{0,40}?(?:许可|授权)[^。]{0,30}?"
    r"(?:(?:除非|但)[^。；]{0,8}?(?:经|取得|征得|获得)[^。；]{0,14}?(?:同意|批准)"
    r"|(?:经|取得|征得|获得)[^。；]{0,14}?(?:同意|批准)[^。；]{0,6}?(?:除外|不在此限))"
)
_ANY = re.compile(
    # 有权 / 可自行决定 / 可以自由 …再许可
    r"(?<![不无])(?:有权|可以|得|可)(?:自由|自行|自主)?(?:决定)?(?:将[^，。；]{0,16}?|向[^，。；]{0,16}?)?"
    r"(?:再|分|转)(?:许可|授权)"
    r"|(?:享有|具有|拥有)(?:再|分|转)(?:许可|授权)(?:的)?权"
    # 可以不经甲方同意再许可: allowed without any condition
    r"|(?:可以|有权|可)(?:不经|无需|无须|不需|不必)[^，。；]{0,10}?(?:同意|批准)[，,]?\s*(?:自行)?"
    r"(?:将[^，。；]{0,16}?)?(?:再|分|转)(?:许可|授权)"
)


def _licensee_sentences(layout: Layout) -> Iterator[tuple[int, str]]:
    """Sentences about what the licensee may do: the licensor's own rights (许可方有权…再许可)
    are not about sublicensing."""
    for offset, sentence in sentences(layout, semicolons=False):
        # 转授予 / 再授予 is 转许可 / 再许可 (same length: the offsets stay)
        sentence = re.sub(r"(?<=[再分转])授予", "许可", sentence)
        if re.search(
            r"再许可|分许可|转许可|再授权|转授权|分授权"
            r"|(?:许可|授权|允许)(?:给|予)?(?:任何)?(?:第三方|第三人|他人)"
            r"|许可(?:给|予)?其|许可其他",
            sentence,
        ):
            subject = re.sub(
                r"^\s*(?:\d+(?:\.\d+)*\.?|[一二三四五六七八九十]+、|第\S{1,4}条)?\s*", "", sentence
            )
            if re.match(r"(?:甲方|许可方|许可人)(?:本身)?(?:有权|可以|亦|保留)", subject):
                continue
            yield offset, sentence


def _sublicense_rule(layout: Layout) -> tuple[bool, str | None, int, int] | None:
    in_table = _table_sublicense(layout)
    if in_table is not None:
        return in_table
    for offset, sentence in _licensee_sentences(layout):
        for pattern, allowed, scope in (
            (_EXCEPT_AFFILIATES, True, "affiliates"),
            (_EXCEPTION_AFFILIATES, True, "affiliates"),
            (_EXCEPTION_CONSENT, True, "with_consent"),
            (_AFFILIATES, True, "affiliates"),
            (_CONSENT, True, "with_consent"),
            (_UNLESS_CONSENT, True, "with_consent"),
            (_REFUSED, False, None),
            (_ANY, True, "any"),
        ):
            match = pattern.search(sentence)
            if match and _licensor_subject(sentence, match.start()):
                continue  # 甲方不得自行实施或许可他人实施: the licensor's duty of exclusivity
            # 不得将本专利许可给其关联公司 refuses; 不得再许可第三方；可以许可其控股子公司 and
            # 不得分许可，但可以分许可给其关联公司 allow: a 但 clause starts anew
            clause_start = _clause_start(sentence, match.start()) if match else 0
            if match and not (
                allowed
                and scope == "affiliates"
                and "不得" in sentence[clause_start : match.start()]
                and "除" not in sentence
            ):
                if scope == "any" and _CONSENT_ANYWHERE.search(sentence, match.end()):
                    scope = "with_consent"  # 可以分许可，但需经甲方书面同意
                return allowed, scope, offset + match.start(), offset + match.end()
        consent = _CONSENT_ANYWHERE.search(sentence)
        if consent and not re.search(r"不得|无权|禁止|不可|不能", sentence):
            return True, "with_consent", offset + consent.start(), offset + consent.end()
    return None


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding `at` starts: after a semicolon or at a 但 (…不得分许可，但可以…)."""
    return max(0, *(sentence.rfind(mark, 0, at) for mark in ("；", "但")))


_ROLE_MENTION = re.compile(
    r"(?<!被)(?:许可方(?!式)|许可人|授权人|授权方|甲方)|被许可方|被许可人|被授权[方人]|乙方"
)


def _licensor_subject(sentence: str, at: int) -> bool:
    """Whether the party last named before `at` is the licensor (…许可方不得自行实施，亦不得
    许可任何第三方实施: the licensor's duty of exclusivity)."""
    mentions = list(_ROLE_MENTION.finditer(sentence, 0, at))
    return bool(mentions) and not re.match(r"被|乙方", mentions[-1].group(0))


def sublicense(layout: Layout) -> Extracted[bool] | None:
    found = _sublicense_rule(layout)
    if found is None:
        return None
    allowed, _, start, end = found
    return Extracted(value=allowed, evidence=ev(layout, start, end, LABELLED))


def sublicense_scope(layout: Layout) -> Extracted[str] | None:
    found = _sublicense_rule(layout)
    if found is None or not found[0] or found[1] is None:
        return None
    return Extracted(value=found[1], evidence=ev(layout, found[2], found[3], LABELLED))


# A place, not a field of use: 实施范围为亚太地区 is a territory, 实施范围为制造、销售 is not.
_PLACE = (
    r"全球(?:范围内)?|全世界(?:范围内)?|世界范围内|中国大陆|中国内地"
    r"|(?:中华人民共和国|中国)(?=[，。；\n]|$)"
    r"|[^，。；\n\t、]{2,20}?(?:地区|境内|大陆|全境|范围内|特别行政区|省|自治区|市)"
    r"(?:[（(][^）)\n]{1,30}[）)])?(?=[，。；\n]|$)"
)


_TERRITORY_COLUMN = re.compile(r"^(?:许可|实施|使用|授权)?(?:地域|区域|地区)(?:范围)?$")


# 地域范围：… / 竞业禁止之区域以…为限 / 许可地域由“…”扩大为：…: a territory its clause labels
_LABELLED_TERRITORY = re.compile(
    r"(?:许可|实施|使用|授权|限制|禁止)?(?:地域|区域)(?:范围)?"
    r"(?:(?:为[：:]?|[：:])|以(?=[^，。；\n]{2,30}?为限)"
    r"|由[^，。；\n]{0,30}?(?:变更|调整|扩大|缩小|修改|改|扩展|延伸)(?:为|至)[：:]?)"
    r"\s*([^，。；\n\t：:]+?)(?:为限)?(?=[，。；\n\t]|$)"
)


def labelled_territory(layout: Layout) -> Extracted[str] | None:
    """The territory of a contract that is no licence (a non-compete's area) or of an
    amendment's new wording: only where a clause labels it, never a place named in passing."""
    match = _LABELLED_TERRITORY.search(layout.text, *layout.body)
    if match is None or not match.group(1).strip():
        return _territory_under_heading(layout)
    value = match.group(1).strip()
    start = match.start(1) + match.group(1).find(value)
    return Extracted(value=value, evidence=ev(layout, start, start + len(value), LABELLED))


def territory(layout: Layout) -> Extracted[str] | None:
    for label, cell, at in header_table_cells(layout):
        if _TERRITORY_COLUMN.match(label) and cell.strip():
            start = at + len(cell) - len(cell.lstrip())
            return Extracted(
                value=cell.strip(), evidence=ev(layout, start, start + len(cell.strip()), LABELLED)
            )
    pattern = re.compile(
        r"(?:许可|实施|使用|授权)?(?:地域|区域|地区)(?:范围)?"
        r"(?:为[：:]?|[：:]|\t|(?:仅)?限于|(?:仅)?限定为|(?:仅)?限定于|是)\s*([^，。；\n\t：:]+)"
        rf"|(?:许可|实施|使用|授权)(?:的)?(?:范围)(?:为[：:]?|[：:]|\t)\s*({_PLACE})"
        r"|(?:可在|在|于)((?:全球范围内|中华人民共和国境内"
        r"|(?:(?<=可以在)|(?<=可在)|(?<=有权在)|(?<=仅在)|(?<=只能在))[^，。；在]{2,15}?"
        r"(?:境内|范围内|全境|地区|大陆|内地)"
        r"(?=制造|使用|销售|实施|生产|许诺销售|[（(])"
        # 许可乙方在中国大陆地区独占实施: the place between the licensee and the grant
        r"|(?:(?<=[方人]在))[^，。；在]{2,20}?(?:境内|范围内|全境|地区|大陆|内地|特别行政区|省|市)"
        r"(?=(?:(?:独占|排他|普通|非独占)(?:地)?)?(?:实施|使用|许可|制造|销售|生产|许诺销售|进口|享有)))"
        r"(?:[（(][^）)\n]{1,30}[）)])?)"
    )
    match = pattern.search(layout.text, *layout.body)
    if match is None:
        return _territory_under_heading(layout)
    group = next(index for index in (1, 2, 3) if match.group(index))
    return Extracted(
        value=match.group(group).strip(),
        evidence=ev(layout, match.start(group), match.end(group), LABELLED),
    )


_TERRITORY_HEADING = re.compile(
    r"^[ \t\u3000]*(?:第\S{1,4}条|[一二三四五六七八九十]+、|\d+(?:\.\d+)*\.?)?\s*"
    # 许可地域 / 竞业限制地域 / 競業禁止區域: a heading alone on its line
    r"(?:许可|实施|授权|使用|竞业限制|竞业禁止|限制|禁止){0,2}(?:的)?(?:地域|区域|地区)(?:范围)?"
    r"[ \t\u3000]*$",
    re.M,
)


def _territory_under_heading(layout: Layout) -> Extracted[str] | None:
    """二、许可地域 / 全世界范围。: the place on the line under a heading naming the territory."""
    heading = _TERRITORY_HEADING.search(layout.text, *layout.body)
    if heading is None:
        return None
    line = re.match(
        r"\n[ \t\u3000]*([^\n]{2,30}?)[。；]?[ \t\u3000]*(?=\n|$)", layout.text[heading.end() :]
    )
    if line is None or not re.fullmatch(_PLACE + r"|[^，。；\n]{2,30}", line.group(1)):
        return None
    start = heading.end() + line.start(1)
    return Extracted(
        value=line.group(1), evidence=ev(layout, start, start + len(line.group(1)), LABELLED)
    )


def parse_date(match: re.Match[str]) -> str | None:
    try:
        if match.group(1):
            year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
        elif match.group(10):
            year, month, day = (int(match.group(g)) for g in (10, 11, 12))
        elif match.group(13):
            year, month, day = (int(match.group(g)) for g in (13, 14, 15))
            year += 1911
        elif match.group(7):
            # 民国 (Republic of China) years: 民国113年 is 2024.
            year, month, day = (_number(match.group(g)) for g in (7, 8, 9))
            year += 1911
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


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if all(c in "〇零一二三四五六七八九" for c in text) and len(text) > 1:
        return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in text))
    return int(cn2an.cn2an(text, "smart"))


def sign_date(layout: Layout) -> Extracted[str] | None:
    """The signing date: a labelled date (签订日期：…); else the dates of the signature block;
    else 于…签订 in the recitals. When parties sign on different days, the later one: the
    contract is concluded then."""
    labelled = re.compile(
        rf"(?:(?:签订|签署|签约|签字)(?:日期|时间|日)|^[ \t\u3000]*日期)\s*[：:]\s*({DATE_SOURCE})",
        re.M,
    )
    in_signature = re.compile(rf"({DATE_SOURCE})")
    in_recital = re.compile(
        rf"于\s*({DATE_SOURCE})\s*(?:在[^，。]{{1,10}})?(?:共同)?(?:签订|签署|订立|缔结)"
    )
    for pattern, confidence, start in (
        (labelled, LABELLED, 0),
        (in_signature, LABELLED, layout.signature[0]),
        (in_recital, COMPUTED, 0),
    ):
        dates = [
            (value, match)
            for match in pattern.finditer(layout.text, start)
            if (date := DATE.match(match.group(1))) and (value := parse_date(date))
        ]
        if dates:
            value, match = max(dates, key=lambda item: item[0])
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


_GOVERNING_LAW = (
    re.compile(r"适用(中华人民共和国[^，。；\n]*?法律)"),
    re.compile(r"受([^，。；受\n]{2,20}?法律)(?:的)?管辖"),
    re.compile(r"以([^，。；以\n]{2,20}?法律)为准据法"),
    re.compile(r"准据法为([^，。；\n]{2,20}?法律)"),
    re.compile(r"适用([^，。；《》\n]{2,20}?法律)"),
    re.compile(
        r"(?:依|依据|依照|按照)((?:中华人民共和国|中国|香港|澳门|台湾|中华民国)[^，。；《》\n]{0,10}?法律)"
        r"(?:进行)?(?:解释|订立|管辖)"
    ),
)


def governing_law(layout: Layout) -> Extracted[str] | None:
    for pattern in _GOVERNING_LAW:
        match = pattern.search(layout.text)
        if match:
            return _found(layout, match, 1, LABELLED)
    return None


def dispute(layout: Layout) -> tuple[Extracted[str] | None, Extracted[str] | None]:
    # 中国国际经济贸易仲裁委员会上海分会 / 中国海事仲裁委员会华南分会: the sub-commission;
    # 上海国际经济贸易仲裁委员会（上海国际仲裁中心）: the institution's other name in brackets
    institution = (
        r"(?:仲裁委员会|仲裁中心|仲裁院|仲裁协会)(?:[\u4e00-\u9fff]{2,4}?分会|分会)?"
        r"(?:[（(][^（()）\n]{2,20}?(?:仲裁委员会|仲裁中心|仲裁院|仲裁协会)[）)])?"
    )
    arbitration = re.compile(
        rf"(?:提交|向|由|交由|提请|递交)\s*([^，。；\n]{{2,40}}?{institution})"
        rf"|仲裁机构(?:为|[：:])\s*([^，。；\n]{{2,40}}?{institution})"
    )
    court = re.compile(
        r"向([^，。；\n]{2,40}?法院)(?:提起诉讼|提出诉讼|起诉|提起|提出)"
        r"|(?:提交|交由|提请)\s*([^，。；]{2,40}?法院)(?:诉讼|审理|裁判|解决|管辖)"
    )
    court_jurisdiction = re.compile(
        # 由…法院管辖 / 争议由…法院审理
        r"由([^，。；由\n]{2,40}?法院)(?:非专属|专属|排他性|非排他性)?(?:管辖|审理|裁判|裁决)"
        r"|诉至([^，。；\n]{2,40}?法院)"
        # 各方同意香港特别行政区法院具有非专属管辖权
        r"|(?:同意|由)\s*([^，。；同由\n]{2,40}?法院)(?:拥有|具有|享有|有)"
        r"(?:非专属|专属|排他性|非排他性)?(?:的)?管辖权"
        # 受香港特别行政区法院的非专属管辖 / 提交…法院的专属管辖
        r"|(?:受|提交|服从)([^，。；受\n]{2,40}?法院)(?:的)?(?:非专属|专属|排他性|非排他性)?(?:司法)?管辖"
    )
    first_instance = re.compile(r"(?:以|由)([^，。；以由\n]{2,30}?法院)为(?:第一审)?管辖法院")
    for pattern, method in (
        (arbitration, "arbitration"),
        (court, "court"),
        (court_jurisdiction, "court"),
        (first_instance, "court"),
    ):
        match = pattern.search(layout.text, *layout.body)
        if match:
            group = next(g for g in range(1, (match.re.groups or 1) + 1) if match.group(g))
            forum = _found(layout, match, group, LABELLED)
            return forum, Extracted(
                value=method, evidence=ev(layout, match.start(), match.end(), LABELLED)
            )
    return None, None


def months(number: str, unit: str) -> int | None:
    try:
        value = int(cn2an.cn2an(number.replace("两", "二"), "smart"))
    except ValueError:
        return None
    if unit == "年半":  # 两年半 → 30
        return value * 12 + 6
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


_PER = {"百": 100, "千": 1000, "万": 10_000}


def rate(text: str) -> float | None:
    """百分之二点五 / 2.5% / 千分之八 (0.008) / 万分之五: the first rate of `text`."""
    match = re.search(
        r"([百千万])分之([零一二三四五六七八九十点]+)|(\d+(?:\.\d+)?)\s*([%％‰])", text
    )
    if match is None:
        return None
    if match.group(1):
        return float(cn2an.cn2an(match.group(2), "smart")) / _PER[match.group(1)]
    return float(match.group(3)) / (1000 if match.group(4) == "‰" else 100)


def sentences(layout: Layout, semicolons: bool = True) -> Iterator[tuple[int, str]]:
    """The body's sentences (to 。；or a line end; with `semicolons=False` to 。 or a line end)
    with their start offsets."""
    pattern = r"[^。；\n]+[。；]?" if semicolons else r"[^。\n]+。?"
    for match in re.finditer(pattern, layout.text[layout.body[0] : layout.body[1]]):
        yield layout.body[0] + match.start(), match.group(0)


# ---- key-term tables -------------------------------------------------------------------------


def header_table_cells(layout: Layout) -> Iterator[tuple[str, str, int]]:
    """(column label, cell, cell offset) of a table whose first row names its columns
    (许可方式 | 许可地域 | 许可期限) and whose rows below hold the values."""
    header: list[str] | None = None
    offset = layout.body[0]
    for line in layout.text[layout.body[0] : layout.body[1]].splitlines(keepends=True):
        at, offset = offset, offset + len(line)
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2:
            header = None
        elif header is None or len(cells) != len(header):
            labels = all(
                c.strip() and not re.search(r"\d", c) and len(c.strip()) <= 8 for c in cells
            )
            header = [c.strip() for c in cells] if labels else None
        else:
            position = at
            for label, cell in zip(header, cells, strict=True):
                yield label, cell, position
                position += len(cell) + 1


_SUBLICENSE_COLUMN = re.compile(r"^(?:再许可|分许可|转许可|再授权|转授权|分授权)(?:权|许可)?$")


def _row_table_cells(layout: Layout) -> Iterator[tuple[str, str, int]]:
    """(row label, value cell, cell offset) of a two-column key-term table (再许可 | 不允许), or
    of a key-term line (再许可：不允许)."""
    offset = layout.body[0]
    for line in layout.text[layout.body[0] : layout.body[1]].splitlines(keepends=True):
        at, offset = offset, offset + len(line)
        cells = line.rstrip("\n").split("\t")
        if len(cells) == 2:
            yield cells[0].strip(), cells[1], at + len(cells[0]) + 1
        labelled = _KEY_TERM_LINE.match(line)
        if len(cells) == 1 and labelled:
            yield labelled["label"], labelled["value"], at + labelled.start("value")


# （四）再许可：不允许。 / 再许可权: 无
_KEY_TERM_LINE = re.compile(
    r"^[ \t\u3000]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*"
    r"|第[一二三四五六七八九十\d]{1,3}条\s*)?"
    r"(?P<label>[\u4e00-\u9fff]{2,6})\s*[：:]\s*(?P<value>[^\n。；]{1,20})[。；]?\s*$"
)


def _table_sublicense(layout: Layout) -> tuple[bool, str | None, int, int] | None:
    """再许可 | 仅限向关联公司再许可: the answer in a key-term table's sublicensing column or
    row."""
    for label, cell, at in (*header_table_cells(layout), *_row_table_cells(layout)):
        if not _SUBLICENSE_COLUMN.match(label) or not cell.strip():
            continue
        end = at + len(cell)
        if re.search(_AFFILIATE_WORDS, cell):
            return True, "affiliates", at, end
        if re.search(r"同意|批准", cell):
            return True, "with_consent", at, end
        if re.search(r"不得|不可|不能|不允许|禁止|无|否", cell):
            return False, None, at, end
        if re.search(r"可以|可|允许|有权|是|有", cell):
            return True, "any", at, end
    return None
