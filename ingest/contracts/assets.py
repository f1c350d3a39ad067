"""The assets a contract covers: patent and application numbers (not those it excludes),
registered trademarks, trade secrets named in quotes and their register numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.numbers import parse_application_number, parse_publication_number
from ingest.contracts.model import CoveredPatent, Extracted
from ingest.contracts.rules import DOCUMENT_NUMBER, LABELLED, ev
from ingest.contracts.structure import Layout
from ingest.nlp.patterns import PATENT_NUMBER


def patents(layout: Layout, amendment: bool = False) -> list[CoveredPatent]:
    text = layout.text
    seen: dict[str, CoveredPatent] = {}
    # an amendment's background (原协议…宣告ZL…无效) tells its story: it covers the patents its
    # articles name (tests/gold/README.md, contracts_depth10)
    first = layout.articles[0].start if amendment and layout.articles else layout.body[0]
    for start, end, number in _patent_numbers(text, first, layout.body[1]):
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
# (密点编号: the number of a secret point, a unit of a trade secret)
# (技术秘密档案号: the secret's file number; 内部保密清单中的编号为…: its number in the
# holder's list of secrets)
_REGISTER_LABEL = (
    r"(?:登记号|登录编号|登记编号|登录号|秘密编号|密点编号|备案编号|备案号|认定编号|密级编号|保密编号"
    r"|(?<=秘密)档案(?:编号|号)|(?:保密|秘密|机密)(?:清单|名录|目录)(?:中|内)?的?编号)"
)
# 机密登记册 / 商业秘密登记簿 / 保密台账: the holder's register of its secrets
_SECRETS_REGISTER = (
    r"(?:机密|秘密|保密)[^\s，,。；;：:“《「]{0,4}?(?:登记册|登记簿|名录|名册|清单|目录|台账)(?:中|内)?"
)
_REGISTER_ENTRY = r"[A-Za-z0-9][A-Za-z0-9\-_/.]*[A-Za-z0-9]"
# 技术秘密为“…” / 技术秘密，包括但不限于“…” / 技术秘密：《…》: between the kind and the name
_SECRET_INTRO = r"(?:[，,]?\s*(?:包括但不限于|包括|即|为|是|系|指|名称为|名为)?\s*[：:]?)?"
_QUOTED_NAME = r"[“\"「『]([^”\"」』\n]{2,40})[”\"」』]"
_QUOTED_OTHER = r"[“\"「『][^”\"」』\n]{2,40}[”\"」』]"  # a further name, not captured
_SECRET_NAME = re.compile(
    # 其保密技术“…”: the know-how named by its confidentiality
    rf"(?:(?:技术|营业|商业)秘密|保密技术){_SECRET_INTRO}\s*(?:{_QUOTED_NAME}|《([^》\n]{{2,40}})》)"
    r"|[“\"「『]([^”\"」』\n]{2,40}技术秘密)[”\"」』]"
    # “…”等技术秘密 / 名为“…”的技术秘密
    rf"|{_QUOTED_NAME}\s*(?:等|的|之)?\s*(?:技术|营业|商业)秘密"
    # 技术秘密名称：耐腐蚀涂层配方；
    r"|(?:技术|营业|商业)秘密(?:的)?名称\s*[：:为]\s*([^，。；;\n\t（(“「]{2,40})"
    # 包括甲方“…”（密点登记编号：…） / …及「…」（登記編號：…） / “…”，登记号…: a name with
    # its register number, in a bracket or after a comma
    # (“A”、“B”，登记号分别为…: the first of the names the numbers follow)
    rf"|{_QUOTED_NAME}(?=(?:\s*(?:、|和|及|与)\s*{_QUOTED_OTHER})*"
    # 「…」，營業秘密登記編號：…: the label may name the kind of secret first
    rf"\s*(?:[（(][^）)]{{0,20}}?|[，,]\s*(?:(?:技术|营业|商业)秘密)?){_REGISTER_LABEL}"
    # 「…数据包」（资料室编号：KY-DR-2025-03）: a confidential item numbered in a bracket (not a
    # contract's, a certificate's or a patent's number)
    r"|\s*[（(][^）)]{0,12}?(?<!合同)(?<!协议)(?<!证书)(?<!专利)(?<!申请)编[号码]\s*[：:为]?\s*[A-Za-z0-9])"
    # 「…工艺」（内部机密档案编号：…）（「专有技术」）: a name the text defines as the know-how
    rf"|{_QUOTED_NAME}(?=(?:\s*[（(][^）)\n]{{0,40}}[）)])?\s*[（(]\s*[“\"「『]?"
    r"(?:专有技术|技术秘密|技术诀窍|营业秘密|商业秘密)[”\"」』]?\s*[）)])"
    # “专有技术”指甲方开发并采取保密措施的《…工艺包》: a defined term's name
    r"|[“\"「『]?(?:专有技术|技术诀窍|非专利技术|(?:技术|营业|商业)秘密)[”\"」』]?\s*(?:系|是)?指"
    r"[^。；\n“《「]{0,30}?(?:[“\"「『]([^”\"」』\n]{2,40})[”\"」』]|《([^》\n]{2,40})》)"
    # 机密登记册第MJ-114号：《…》: an entry of the holder's register of secrets, its number first
    rf"|{_SECRETS_REGISTER}第?\s*{_REGISTER_ENTRY}\s*号?\s*[：:]\s*"
    r"(?:[“\"「『]([^”\"」』\n]{2,40})[”\"」』]|《([^》\n]{2,40})》)"
)
# 技术秘密“A”和“B”: further names listed after the first, each name's own note in brackets
# between them (“A”（编号：X）及“B”（编号：Y）)
_MORE_NAMES = re.compile(
    rf"(?:\s*[（(][^（()）\n]{{0,40}}[）)])?\s*(?:、|和|及|与|以及)\s*{_QUOTED_NAME}"
)


def trade_secrets(layout: Layout) -> list[Extracted[str]]:
    return [secret for secret, _ in _trade_secret_spans(layout)]


def _trade_secret_spans(layout: Layout) -> list[tuple[Extracted[str], int]]:
    """Each trade secret named in quotes (or after 技术秘密名称：), with the offset right after
    its name in the list (where a bracket may give its number, or the last one all numbers)."""
    found: dict[str, tuple[Extracted[str], int]] = {}
    for match in _SECRET_NAME.finditer(layout.text):
        group = next(g for g in range(1, match.re.groups + 1) if match.group(g))
        spans = [(match.start(group), match.end(group), match.end())]
        after = match.end()
        while (more := _MORE_NAMES.match(layout.text, after)) is not None:
            after = more.end()
            spans.append((more.start(1), more.end(1), after))
        for start, end, name_end in spans:
            name = layout.text[start:end].strip()
            secret = Extracted(value=name, evidence=ev(layout, start, end, LABELLED))
            found.setdefault(name, (secret, name_end))
    for start, end, name_end in _listed_secrets(layout.text):
        name = layout.text[start:end].strip()
        listed = Extracted(value=name, evidence=ev(layout, start, end, LABELLED))
        found.setdefault(name, (listed, name_end))
    for (start, end), _ in _tabled_secrets(layout.text):
        name = layout.text[start:end]
        tabled = Extracted(value=name, evidence=ev(layout, start, end, LABELLED))
        found.setdefault(name, (tabled, end))
    return list(found.values())


# a table of secrets (its rows tab-separated, as tables are read): a header with a number
# column (登记号 / 秘密编号) and a name column (技术秘密名称 / 秘密事项), under a heading or a
# header that says the rows are secrets
_SECRETS_WORD = re.compile(r"秘密|专有技术|技术诀窍|保密技术")
_NUMBER_HEADER = re.compile(rf"{_REGISTER_LABEL}|编号|编码")
_NAME_HEADER = re.compile(r"名称|事项|秘密|项目")
_SECRET_NUMBER_CELL = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.]*[A-Za-z0-9]")


def _tabled_secrets(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """((name start, end), (number start, end)) of each row of a table of secrets."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*", text)]
    lines = [(at, line) for at, line in lines if line or at == 0]
    for index, (_, header) in enumerate(lines):
        cells = header.split("\t")
        heading = lines[index - 1][1] if index else ""
        if len(cells) < 2 or not _SECRETS_WORD.search(header + heading):
            continue
        number_col = next((i for i, c in enumerate(cells) if _NUMBER_HEADER.search(c)), None)
        name_col = next(
            (i for i, c in enumerate(cells) if i != number_col and _NAME_HEADER.search(c)), None
        )
        if number_col is None or name_col is None:
            continue
        for at, row in lines[index + 1 :]:
            values = row.split("\t")
            if len(values) != len(cells):
                break  # the table ends where the rows stop having its columns
            number, name = values[number_col].strip(), values[name_col].strip()
            if not _SECRET_NUMBER_CELL.fullmatch(number) or not 2 <= len(name) <= 40:
                break
            yield _cell_span(at, values, name_col), _cell_span(at, values, number_col)


def _cell_span(line_start: int, cells: list[str], column: int) -> tuple[int, int]:
    start = line_start + sum(len(c) + 1 for c in cells[:column])
    cell = cells[column]
    start += len(cell) - len(cell.lstrip())
    return start, start + len(cell.strip())


# 将接触公司的下列技术秘密：\nA. “…”，…；\nB. “…”: the names listed below such a lead
_SECRETS_LEAD = re.compile(
    r"(?:下列|以下|如下|下述)[^。\n]{0,6}(?:技术|营业|商业)秘密[^。\n]{0,8}[：:][ \t\u3000]*\n"
    r"|(?:技术|营业|商业)秘密(?:包括|如下|清单)[^。\n]{0,6}[：:][ \t\u3000]*\n"
    # 保密信息包括但不限于：\n（一）“…”（内部编号：…）: only the named items of such a list
    # (a quoted name) are trade secrets, not 客户名单 and the like
    r"|(?P<information>(?:保密|机密|秘密)信息(?:包括|是指|指|如下)[^。\n]{0,6}[：:][ \t\u3000]*\n)"
)
_LISTED_SECRET = re.compile(
    r"[ \t\u3000]*(?P<marker>[A-Za-z]|\d{1,2}|[（(](?:\d{1,2}|[一二三四五六七八九十])[）)]"
    r"|[一二三四五六七八九十])[.、．)）]?[ \t\u3000]*"
    rf"(?:{_QUOTED_NAME}|(?P<plain>[^，,。；;：:\n（(“「]{{2,40}}))[^\n]*(?:\n|$)"
)


def _listed_secrets(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end) of each listed name, and where its name ends in the text (after a quote)."""
    for lead in _SECRETS_LEAD.finditer(text):
        at, style = lead.end(), None
        while (item := _LISTED_SECRET.match(text, at)) is not None:
            # the list ends where the numbering changes (A. B. then the articles' 一、)
            if style is not None and _marker_style(item["marker"]) != style:
                break
            style = _marker_style(item["marker"])
            at = item.end()
            if item.group(2):  # 1 is the marker
                yield item.start(2), item.end(2), item.end(2) + 1
            elif not lead["information"]:
                yield item.start("plain"), item.end("plain"), item.end("plain")


def _marker_style(marker: str) -> str:
    if marker[0] in "（(":
        return "bracket"
    if marker.isascii() and marker.isalpha():
        return "latin"
    return "digit" if marker.isdigit() else "cn"


# ASCII (JSJM-2021-0042) or a Chinese document number (苏技秘备〔2022〕第015号)
_SECRET_NUMBER = (
    rf"({DOCUMENT_NUMBER}|[A-Za-z0-9][A-Za-z0-9\-_/.]*[A-Za-z0-9])"
)
# （内部编号…） / （密级：商密一级，编号…） / （编号分别为A、B）: any 编号 in the bracket right
# after the secrets' names
_NOTE_NUMBERS = re.compile(
    rf"\s*[（(][^）)]{{0,20}}?(?:编号|编码|{_REGISTER_LABEL})(?:分别)?\s*[：:为]?\s*"
    rf"(?P<numbers>{_SECRET_NUMBER}(?:\s*[、，,和及]\s*{_SECRET_NUMBER})*)[^）)]{{0,20}}[）)]"
)


# 商业登记编号 / 工商登记号 / 合同登记编号: a company's or a contract's registration, not a secret's
_COMPANY_REGISTER = re.compile(r"(?:商业|工商|企业|公司|法人|合同|协议)$")


def trade_secret_numbers(layout: Layout) -> list[Extracted[str]]:
    """The register number of a trade secret: 技术秘密登记号 / 登记号 / 营业秘密登录编号 /
    备案号, 编号为…的技术秘密, or the numbers in the bracket after the secrets' quoted names."""
    patterns = (
        re.compile(rf"{_REGISTER_LABEL}\s*[：:为]?\s*{_SECRET_NUMBER}"),
        re.compile(rf"编号为\s*{_SECRET_NUMBER}\s*的\s*(?:技术|营业|商业)秘密"),
        re.compile(rf"{_SECRETS_REGISTER}第\s*{_SECRET_NUMBER}\s*号"),
    )
    # read from the title on, the parties' own particulars left out (商业登记编号 is a
    # company's): a letter of undertaking lists its secrets before its articles
    start = layout.title[1] if layout.title else 0
    spans = [
        m.span(1)
        for p in patterns
        for m in p.finditer(layout.text, start, layout.body[1])
        if not layout.parties[0] <= m.start() < layout.parties[1]
        # 商业登记编号 is a company's; 公司密级编号 is the company's number of its secret
        and not (
            m.group(0).startswith("登记")
            and _COMPANY_REGISTER.search(layout.text, max(0, m.start() - 2), m.start())
        )
    ]
    spans += _listed_numbers(layout)
    spans += [number for _, number in _tabled_secrets(layout.text)]
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


# 登记号分别为A、B: one label over the numbers of several secrets, in their order
_NUMBER_LIST = re.compile(
    rf"{_REGISTER_LABEL}分别\s*[：:为是]?\s*"
    rf"(?P<numbers>{_SECRET_NUMBER}(?:\s*[、，,和及]\s*{_SECRET_NUMBER})+)"
)


def _listed_numbers(layout: Layout) -> list[tuple[int, int]]:
    return [
        (match.start("numbers") + m.start(), match.start("numbers") + m.end())
        for match in _NUMBER_LIST.finditer(layout.text, *layout.body)
        for m in re.finditer(_SECRET_NUMBER, match["numbers"])
    ]
