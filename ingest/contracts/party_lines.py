"""The parties block of a contract: party lines (甲方：… / 许可方（甲方）：…), persons listed in a
table under a party label, names given in a recital sentence; each party's role, its name as
written, its short name and whether it is a natural person."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from domain.names import address, organization_kind, organization_name
from ingest.contracts.model import ContractKind, Party, Role
from ingest.contracts.rules import INFERRED, LABELLED, amended_kind, ev
from ingest.contracts.structure import PARTY_LINE, PARTY_WORDS, TABLE_POINTER, Layout, row_cells

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
    # 注资方 / 接受注资方: how a Hong Kong agreement names a capital contribution's two sides
    "注资方": Role.CONTRIBUTOR,
    "注资人": Role.CONTRIBUTOR,
    # 增资方：戚宏亮: who pays in the new capital (here with patents)
    "增资方": Role.CONTRIBUTOR,
    "增资人": Role.CONTRIBUTOR,
    "接受注资方": Role.INVESTEE,
    "接受注资公司": Role.INVESTEE,
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
    "接受出资之公司": Role.INVESTEE,
    "接受投资之公司": Role.INVESTEE,
    "接受注资之公司": Role.INVESTEE,
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
    "雇员": Role.EMPLOYEE,
    # 认购方 / 发行方: a subscription of new shares paid with IP (Hong Kong)
    "认购方": Role.CONTRIBUTOR,
    "认购人": Role.CONTRIBUTOR,
    "发行方": Role.INVESTEE,
    "发行人": Role.INVESTEE,
    "卖方": Role.TRANSFEROR,
    "出卖人": Role.TRANSFEROR,
    "买方": Role.TRANSFEREE,
    "买受人": Role.TRANSFEREE,
    "接收人": Role.RECIPIENT,
    # 承诺人: who signs an undertaking (保密承诺书 / 竞业限制承诺书): the employee's side
    "承诺人": Role.EMPLOYEE,
    "承诺方": Role.EMPLOYEE,
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
    # （中韩合资，以下称“合资公司”）: a note may come first
    r"[（(]\s*(?:[^（()）\n]{0,16}?[，,；;]\s*)?(?:(?:以下|下文|下)(?:简称|称为|称)|简称)\s*[：:为]?\s*"
    r"[“\"「『]?([^”\"」』）)]+)"
    r"[”\"」』]?[^）)]{0,30}[）)]"  # （以下简称“目标公司”或“公司”）: the first one
    r"|[（(]\s*[“\"「『]([^”\"」』）)]{1,12})[”\"」』]\s*[）)]"
)


def parties(layout: Layout, kind: ContractKind | None) -> list[Party]:
    if kind is ContractKind.AMENDMENT:
        kind = amended_kind(layout) or kind
    matches = list(PARTY_LINE.finditer(layout.text, layout.parties[0], layout.parties[1]))
    # a table's header row (合作方 | 名称 | 住所) reads as a party line that names no one
    found = _party_lines(layout, kind, matches, layout.parties[1]) if matches else []
    if found:
        return found
    # 甲方（转让方）、乙方（受让方）就…: parties named by their labels only, until the
    # signature block gives their names
    last_article = layout.articles[-1].start if layout.articles else layout.body[0]
    signed = list(PARTY_LINE.finditer(layout.text, last_article, layout.signature[1]))
    return (
        _named_lines(layout, kind)
        or _recital_parties(layout, kind)
        or _addressee_and_undertakers(layout, kind)
        or _headed_table(layout, kind)
        or _party_lines(layout, kind, signed, len(layout.text))
    )


# 签约方 / 一、合同当事人 / 协议各方信息 over a table with a 名称 column: a table of parties
_PARTIES_TABLE_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+条|\d{1,2}[.、．])?"
    r"[ \t\u3000]*(?:签约方|签约各方|缔约方|缔约各方|当事人|合同当事人|协议当事人|当事方|合作各方"
    r"|协议各方|合同各方|各方|双方)(?:信息|基本信息|基本情况|情况)?[ \t\u3000]*[：:]?[ \t\u3000]*\n"
    r"(?P<header>[^\n]*\t[^\n]*)$",
    re.M,
)
_ENGLISH_NAME = re.compile(r"\s*[（(][A-Za-z][^（()）\n]*[）)]\s*$")
# 下表所列双方就…签订本协议。 over a table with a 名称 column: the parties the table lists
_POINTED_TABLE = re.compile(
    r"^[^\n]*(?:下表所列|如下表所列|下表列明的|下列表格所列)[^\n]*\n(?P<header>[^\n]*\t[^\n]*)$",
    re.M,
)
# （以下分别称“合资公司”和“研究院”，合称“双方”）: the short names of the rows, in order
_RESPECTIVELY = re.compile(
    r"^[ \t\u3000]*[（(](?:以下|下文|下)?分别(?:简称|称为|称)[：:为]?(?P<names>[^）)\n]*?)"
    r"(?:[，,]\s*合称[^）)\n]*)?[）)]",
    re.M,
)


def _headed_table(layout: Layout, kind: ContractKind | None) -> list[Party]:
    start = layout.title[1] if layout.title else 0
    end = layout.articles[0].end if layout.articles else layout.body[1]
    heading = _PARTIES_TABLE_HEADING.search(layout.text, start, end) or _POINTED_TABLE.search(
        layout.text, start, end
    )
    if heading is None:
        return []
    header = [cell.strip() for _, cell in row_cells(heading["header"])]
    column = next((i for i, c in enumerate(header) if _NAME_COLUMN.fullmatch(c)), None)
    if column is None:
        return []
    found: list[Party] = []
    at = heading.end() + 1
    for row in layout.text[at:end].splitlines(keepends=True):
        cells = row_cells(row)
        if len(cells) != len(header) or not cells[column][1].strip():
            break
        cell_at, cell = cells[column]
        # 大阪新纤维株式会社（Osaka Shinsen Fiber Co., Ltd.）: without its English name
        name = _ENGLISH_NAME.sub("", cell.strip())
        begin = at + cell_at + cell.index(name)
        role, confidence = _role("", None, kind, len(found))
        # 中方 | 大阪…: a first column that is not the name is what the contract calls the party
        called = cells[0][1].strip() if column else ""
        found.append(
            Party(
                label=called or name,
                role=role,
                name=organization_name(name),
                short_name=called if called and not called.isdigit() and len(called) <= 8 else None,
                is_person=_is_person(name, row),
                evidence=ev(layout, begin, begin + len(name), confidence),
            )
        )
        at += len(row)
    respectively = _RESPECTIVELY.match(layout.text, at)
    if respectively is not None:
        shorts = re.findall(r"[“\"「『]([^”\"」』]{1,12})[”\"」』]", respectively["names"])
        for party, short in zip(found, shorts, strict=False):
            party.short_name = short
    return _complementary_roles(found, kind) if len(found) >= 2 else []


# 张伟 / 欧阳明华 / 阿依古丽·买买提: a Chinese name, or a transliterated one with its dot (tried
# first, so that a listed line's name is read whole)
_PERSON_NAME = r"[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,4}"
# the posts a name may follow: 研发总监严书亦 / 项目负责人 孙嘉树
_POSTS = "负责人|经理|主任|总监|工程师|顾问|专家|代表|主管|总裁|董事|教授|研究员"
# 致：深圳极域智能科技有限公司（以下简称“公司”）: the company an undertaking is given to
_ADDRESSEE = re.compile(
    r"^[ \t\u3000]*致[ \t\u3000]*[：:][ \t\u3000]*(?P<name>[^\s（(，,：:][^\n]*)$", re.M
)
# 承诺人：\n（1）贺子轩，身份证号码：…\n（2）梁诗琪，…: the persons who give it, listed below
# （1） / 1. / 1、 / （一）: how a list of persons numbers its lines
_LIST_MARK = r"(?:[（(](?:\d{1,2}|[一二三四五六七八九十])[）)]|\d{1,2}[.、．])"
_UNDERTAKERS = re.compile(
    rf"^[ \t\u3000]*(?:信息|技术|资料)?(?P<label>{PARTY_WORDS}|承诺人|承诺方|声明人|保证人)"
    r"(?:\s*[（(](?P<qualifier>[^）)\n]{1,20})[）)])?[ \t\u3000]*[：:]?[ \t\u3000]*\n"
    rf"(?P<lines>(?:[ \t\u3000]*{_LIST_MARK}[ \t\u3000]*[^\n]+\n?)+)",
    re.M,
)
_LISTED_PERSON = re.compile(
    rf"^[ \t\u3000]*{_LIST_MARK}[ \t\u3000]*(?:姓名[：:][ \t\u3000]*)?"
    rf"(?P<name>{_PERSON_NAME})"
    r"(?=[，,；;、\s（(]|$)",
    re.M,
)


def _listed_below(layout: Layout, kind: ContractKind | None, position: int) -> list[Party]:
    """乙方（核心技术人员）：\n1. 卓文杰，身份证号…\n2. 韦思琪，…: the persons a label lists
    below it."""
    found: list[Party] = []
    # the label line ends the party lines' block: read on to the first article
    end = max(layout.parties[1], layout.articles[0].start if layout.articles else layout.body[1])
    for listed in _UNDERTAKERS.finditer(layout.text, layout.parties[0], end):
        found += _persons_listed(layout, kind, listed, position + len(found))
    return found


def _persons_listed(
    layout: Layout, kind: ContractKind | None, listed: re.Match[str], position: int
) -> list[Party]:
    found: list[Party] = []
    lines = _LISTED_PERSON.finditer(layout.text, listed.start("lines"), listed.end("lines"))
    for person in lines:
        role, confidence = _role(listed["label"], listed["qualifier"], kind, position)
        found.append(
            Party(
                label=listed["label"],
                role=role,
                name=person["name"],
                short_name=None,
                is_person=True,
                evidence=ev(layout, person.start("name"), person.end("name"), confidence),
            )
        )
    return found


def _addressee_and_undertakers(layout: Layout, kind: ContractKind | None) -> list[Party]:
    """An undertaking (承诺书) addressed to a company (致：…) by persons listed below a label."""
    listed = _UNDERTAKERS.search(layout.text, 0, layout.body[1])
    addressee = _ADDRESSEE.search(layout.text, 0, listed.start() if listed else layout.body[1])
    if listed is None or addressee is None:
        return []
    pair = _DEFAULT_ROLES.get(kind) if kind is not None else None
    first_role = pair[0] if pair else Role.PARTNER
    name, at = addressee["name"], addressee.start("name")
    short = _SHORT_NAME.search(name)
    name = _bare_name(name[: short.start()] if short else name)
    found = [
        Party(
            label="致",
            role=first_role,
            name=organization_name(name),
            short_name=(short.group(1) or short.group(2)).strip() if short else None,
            is_person=False,
            evidence=ev(layout, at, at + len(name), INFERRED),
        )
    ]
    found += _persons_listed(layout, kind, listed, 1)
    return found if len(found) >= 2 else []


def _party_lines(
    layout: Layout, kind: ContractKind | None, matches: list[re.Match[str]], end: int
) -> list[Party]:
    text = layout.text
    found: list[Party] = []
    letters = _letter_roles(layout)
    matches = [line for match in matches for line in _joined_party_lines(text, match)]
    for index, match in enumerate(matches):
        block_end = matches[index + 1].start() if index + 1 < len(matches) else end
        name_group = "name" if match.groupdict().get("name") is not None else "name_below"
        for at, raw_name in _names_on_line(match[name_group], match.start(name_group)):
            if _COLUMN_HEADER.match(raw_name) or TABLE_POINTER.fullmatch(raw_name.strip()):
                continue  # 合作方 | 名称 | 住所: the header row of a table of parties
            line = _PartyLine(match, at, raw_name, block_end)
            found.append(_party(layout, line, kind, len(found), letters))
    found += _table_parties(layout, kind, len(found))
    found = sorted(found + _listed_below(layout, kind, len(found)), key=_party_start)
    return _complementary_roles(found, kind)


def _party_start(party: Party) -> int:
    return party.evidence.start


# 乙方（劳动者，共三人）： alone on its line above a table whose header names a 姓名 column
_LABEL_ABOVE_TABLE = re.compile(
    # 信息接收方（乙方，共两人）： a word may stand before the role word
    rf"^[ \t\u3000]*[\u4e00-\u9fff]{{0,4}}?(?P<label>{PARTY_WORDS})"
    rf"(?:\s*[（(](?P<qualifier>[^）)]{{1,20}})[）)])?"
    rf"[ \t\u3000]*(?:[：:][ \t\u3000]*(?:{TABLE_POINTER.pattern})?)?[ \t\u3000]*"
    r"\n(?P<header>[^\n]*)$",
    re.M,
)
# 姓名 / 员工姓名 / 接收人姓名 / 单位名称
_NAME_COLUMN = re.compile(r"[\u4e00-\u9fff]{0,4}(?:姓名|名称)")


def _table_parties(layout: Layout, kind: ContractKind | None, position: int) -> list[Party]:
    """A party label over a table of persons: each row's name cell is a party of that role."""
    found: list[Party] = []
    for match in _LABEL_ABOVE_TABLE.finditer(layout.text, layout.parties[0], layout.parties[1]):
        header = [cell for _, cell in row_cells(match["header"])]
        column = next((i for i, c in enumerate(header) if _NAME_COLUMN.fullmatch(c.strip())), None)
        if len(header) < 2 or column is None:
            continue
        # the role word leads the note: （劳动者，共三人）
        note = re.split(r"[，,、；;]", match["qualifier"] or "")[0]
        at = match.end() + 1
        for row in layout.text[at : layout.parties[1]].splitlines(keepends=True):
            cells = row_cells(row)
            if len(cells) != len(header) or not cells[column][1].strip():
                break
            cell_at, cell = cells[column]
            name = cell.strip()
            start = at + cell_at + cell.index(name)
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
    rf"(?:(?:(?<=[\s）)])|(?<=公司|大学|学院|中心)|(?<=研究院|研究所))[ \t\u3000]*"
    # …岗位：工程师乙方二：…: a numbered label is a new party line after any word
    rf"|(?=(?:{PARTY_WORDS})(?:[一二三四五六七八九十]|\d{{1,2}})\s*[（(：:]))"
    rf"(?P<label>{PARTY_WORDS})(?:[一二三四五六七八九十]|\d{{1,2}})?"
    r"(?:\s*[（(](?P<qualifier>[^）)]{1,8})[）)])?[ \t\u3000]*[：:]"
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
    for match in _ROLE_HEADING.finditer(layout.text, start, layout.parties[1]):
        if match["role"] in _ROLE_WORDS:
            found.setdefault(match["letter"], _ROLE_WORDS[match["role"]])
    return found


# 转让方： alone on its line over 甲方一：… / 甲方二：…: the heading names the letter's role
_ROLE_HEADING = re.compile(
    # 转让方（共同申请人）： — a note may follow the heading
    r"^[ \t\u3000]*(?P<role>[\u4e00-\u9fff]{2,6})(?:[（(][^）)\n]{1,12}[）)])?"
    r"[ \t\u3000]*[：:]?[ \t\u3000]*\n"
    r"[ \t\u3000]*(?P<letter>[甲乙丙丁戊]方)",
    re.M,
)


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


# 澳门大学（以下简称“乙方”）: a party block of names, each line naming its label after it;
# (1) 维港材料有限公司，一家于香港注册成立的公司（「许可方」）；及: the numbered lines of a
# Hong Kong agreement, a description between the name and its label
_NAMED_LINE = re.compile(
    r"^[ \t\u3000]*(?:[（(]\d{1,2}[）)]|\d{1,2}[.、]|[（(][一二三四五六][）)])?[ \t\u3000]*"
    # 中电科技创新（香港）有限公司: a place in brackets may stand within the name
    r"(?P<name>(?:[^\s（(：:，,。；]|[（(][\u4e00-\u9fff]{2,4}[）)]){2,40}?)"
    # 港湾生物科技有限公司（Harbour Bioscience Limited）: its English name in brackets
    r"(?:[ \t\u3000]*[（(][A-Za-z][^）)\n]{1,80}[）)])?"
    # its description may hold brackets of its own: （股份代號：1867）
    r"\s*(?:[，,](?:[^\n（(]|[（(][^）)\n]{0,20}[）)]){1,200}?)?[（(]\s*"
    r"(?:(?:以下|下文|下)?(?:简称|称为|称)\s*[：:为]?\s*[“\"「『]?|[“\"「『])"
    r"(?P<short>[^”\"」』）)，,]{1,12})[”\"」』]?\s*[）)]"
    r"[ \t\u3000]*[，,；;。]?(?:及|和|以及|与)?[ \t\u3000]*$",
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


# a name may hold a short bracketed part followed by more of it: 铁科院（北京）轨道装备技术有限公司
_NAME_IN_SENTENCE = r"(?:[^（(，,]|[（(][^）)，,]{1,8}[）)](?=[^\s（(，,]))"
_RECITAL_PARTIES = re.compile(
    rf"本(?:合同|协议)由\s*(?P<first>{_NAME_IN_SENTENCE}{{2,40}}?)"
    r"(?P<first_note>[（(][^）)]*[）)])?\s*与\s*"
    rf"(?P<second>{_NAME_IN_SENTENCE}{{2,40}}?)(?P<second_note>[（(][^）)]*[）)])?"
    r"\s*(?:于|在|共同|签订|就)"
)
# （…，作为许可方） / （注册地址：…，下称“许可人”）: the role a recital's note gives a party
_NOTE_ROLE = re.compile(
    r"(?:作为|(?:以下|下文|下)?(?:简称|称为|称)\s*[：:为]?\s*[“\"「『]?)(?P<word>[\u4e00-\u9fff]{2,6}?)"
    r"(?:[”\"」』]|[，,）)]|$)"
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


# 与其研发总监严书亦（…）: a post held before the name is not part of it either
_RELATION_BEFORE = re.compile(
    rf"^(?:其|该)?(?:员工|雇员|职工|工作人员|[\u4e00-\u9fff]{{0,6}}?(?:{_POSTS}))(?=\S{{2,4}}$)"
)


def _names_no_one(name: str) -> bool:
    """文末签署的增资方 / 目标公司: a recital that names the parties by their roles only (their
    names are in the signature block)."""
    name = name.strip()
    return name in _ROLE_WORDS or bool(
        re.search(r"文末|文尾|下文|下列|以下|签署的|签字的|签章的|盖章的", name)
    )


def _recital_parties(layout: Layout, kind: ContractKind | None) -> list[Party]:
    """本合同由A（以下简称“甲”，作为许可方）与B（…）于…签订: parties named in a sentence."""
    listed = _recital_list(layout, kind)
    if listed:
        return listed
    match = _RECITAL_PARTIES.search(layout.text)
    if match is None or any(_names_no_one(match[g]) for g in ("first", "second")):
        return []
    found = []
    for position, (name_group, note_group) in enumerate(
        (("first", "first_note"), ("second", "second_note"))
    ):
        # 与其员工殷楚涵（…）: the relation before a person's name is not part of it
        name = _RELATION_BEFORE.sub("", match[name_group].strip())
        note = match[note_group] or ""
        role_word = next(
            (m["word"] for m in _NOTE_ROLE.finditer(note) if m["word"] in _ROLE_WORDS), None
        )
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
                    layout, match.end(name_group) - len(name), match.end(name_group), confidence
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
    # 甲方 takes the first role and 乙方 the second wherever they stand (after 甲方一、甲方二)
    position = {"甲方": 0, "乙方": 1}.get(label, position)
    if defaults is not None and position < 2:
        return defaults[position], INFERRED
    if defaults is not None and kind in (ContractKind.NDA, ContractKind.NON_COMPETE):
        return defaults[1], INFERRED  # a further recipient or employee (丙方: a second person)
    return Role.PARTNER, INFERRED




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
    # 甲方：…集团有限公司（牵头单位）: the party's place in the consortium, not its name
    r"|[（(][\u4e00-\u9fff]{0,6}?(?:单位|牵头方|牵头人)[）)]"
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
    ends = [_name_end_after(raw, match) for match in _LEGAL_FORM_END.finditer(raw)]
    for index, end in enumerate(ends):
        rest = raw[end:]
        sentence = _SENTENCE_AFTER.search(rest)
        if not rest or re.match(r"\s*[（(]", rest) or sentence is None:
            continue
        # …研究院有限公司，一家…: a further legal form before the sentence still names it
        if any(later <= end + sentence.start() for later in ends[index + 1 :]):
            continue
        return raw[:end]
    return raw


def _name_end_after(raw: str, legal_form: re.Match[str]) -> int:
    branch = _BRANCH.match(raw, legal_form.end())
    return branch.end() if branch else legal_form.end()


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
    # 项目负责人 孙嘉树: a job title before a person's name
    name = _TITLE_BEFORE.sub("", name)
    # 王小明 先生 / 李华女士: a person's honorific is no part of the name
    return re.sub(r"(?<=[\u4e00-\u9fff]{2})\s*(?:先生|女士|小姐)$", "", name)


_TITLE_BEFORE = re.compile(
    rf"^[\u4e00-\u9fff]{{0,6}}(?:{_POSTS})[ \u3000]+(?=[\u4e00-\u9fff]{{2,4}}$)"
)


def _is_note(note: str) -> bool:
    note = note.strip()
    return (
        note in _ROLE_WORDS
        or bool(re.fullmatch(r"[甲乙丙丁戊]方|第[一二三四五六]方|以下.*|下称.*|简称.*", note))
        or bool(re.search(r"[：:，,；;]|注册|位于|成立|设立", note))
        # 周立群（自然人） / （个人） / （独资企业）: what kind of person the party is
        or bool(re.fullmatch(r"自然人|个人|法人|独资企业|合伙企业|个体工商户", note))
        or len(note) > 6
    )


def _line_value(block: str, label: str, clean: Callable[[str], str]) -> str | None:
    match = re.search(rf"^[ \t\u3000]*{label}\s*[：:]\s*(.+)$", block, re.M)
    if match is None:
        return None
    value = clean(match.group(1))
    return str(value) if value else None

