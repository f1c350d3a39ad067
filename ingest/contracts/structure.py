"""The layout every Chinese contract template shares: a title and number, a parties block
(甲方/乙方 with 地址 and 法定代表人), numbered articles (第一条 … or 一、…) and a signature
block (盖章/签字, 签订日期). Offsets are into the contract text as read."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_ARTICLE = re.compile(
    r"^[ \t\u3000]*(第[一二三四五六七八九十百零〇两\d]+条|[一二三四五六七八九十]+、)", re.M
)
# 1. 授權標的 / 2. 授權性質: Hong Kong agreements number their articles in Arabic digits (1.1 is
# a clause within one). Read so only where no 第一条 or 一、 head exists, as a 1. line elsewhere
# is an item within an article.
_ARABIC_ARTICLE = re.compile(
    r"^[ \t\u3000]*(\d{1,2}[.．](?![\d.．]))[ \t\u3000]*(?=[\u4e00-\u9fff])", re.M
)


def _article_heads(text: str) -> re.Pattern[str]:
    return _ARTICLE if _ARTICLE.search(text) else _ARABIC_ARTICLE


_SIGNATURE = re.compile(
    # 甲方（盖章）： / 乙方（章）： / 乙方（签字/盖章）：
    r"^[ \t\u3000]*(?:\S{1,6}[（(][^（()）\n]{0,6}?(?:盖章|签字|签章|签名|签署|公章|章)[）)]"
    r"|\S{1,6}[：:].*(?:[（(](?:盖章|签名|签字|公章)[）)]|(?:代表人|授权人|获授权人)(?:签署|签字|签名)?[：:]?\s*$)"
    r"|签订日期|签署日期|签约日期"
    # 签署 / 签字页 / 签署栏 alone on a line above the signatories (a table of them)
    r"|(?:签署|签字|签章|签约)(?:页|栏|处|部分)?[ \t\u3000]*[：:]?[ \t\u3000]*$)",
    re.M,
)
# 本协议由以下双方…签订： / 本協議由下列三方訂立： introduces the parties block, it is not a
# recital.
_RECITAL = re.compile(
    r"^[ \t\u3000]*(?:鉴于|本(?:合同|协议|契约)由(?!以下|下列|下述|如下)(?![^。\n]*[：:][ \t]*$))",
    re.M,
)
PARTY_WORDS = (
    # 第一方/第二方/第三方: the labels of Hong Kong agreements
    "甲方|乙方|丙方|丁方|第[一二三四五六]方|许可方|被许可方|许可人|被许可人|转让方|受让方|转让人|受让人|出质人|"
    "出让方|出让人|"
    "出质方|质权人|质权方|出资方|出资人|目标公司|用人单位|劳动者|员工|披露方|接收方|合作方|"
    "戊方|让与人|让与方|被授权人|被授权方|授权人|授权方|投资方|被投资方|标的公司|雇主|受雇人|雇员|"
    "被投资公司|被投资企业|受资方|合资公司|增资公司|接受出资公司|接受出资方|接受投资方|接受投资公司|"
    "被出资公司|被出资方|被出资企业|被出资单位|受资公司|受资企业|"
    # 接受出資之公司: the Macau and Taiwan wording, with 之
    "接受出资之公司|接受投资之公司|接受注资之公司|"
    "接受注资方|接受注资公司|注资方|注资人|增资方|增资人|"
    # 合作单位一 / 参与方二 / 协作单位三: the other words of a cooperation's numbered parties
    "合作单位|参与方|参与单位|协作方|协作单位|联合方|认购方|认购人|发行方|发行人|"
    # 委托研制方 / 承研方: the two sides of a commissioned joint development
    "委托研制方|委托开发方|委托研发方|委托方|受托方|承研方|研制方|承担方|研发方|开发方|"
    # 卖方 / 买方: a purchase of patents; 接收人: an NDA's recipient
    "卖方|买方|出卖人|买受人|接收人"
)
# 信息披露方 / 技术出资人: what the role is about may stand before the role word
PARTY_PREFIX = rf"(?:(?:信息|技术|资料|专利|知识产权)(?=(?:{PARTY_WORDS})))?"
# Any role word of up to six characters followed by a letter label: 委托暨合作方（甲方）.
_LETTERED_ROLE = (
    # 信息接收方（乙方，共两人）: a note may follow the letter inside the brackets
    r"[\u4e00-\u9fff]{1,6}(?=\s*[（(][甲乙丙丁戊]方(?:[）)]|[，,、][^）)\n]{1,12}[）)]))"
    # 甲　方 / 乙  方: letter labels spaced out by the typesetter
    r"|[甲乙丙丁戊][ \u3000]+方"
)
PARTY_LINE = re.compile(
    # （1）注资方：… / (2) 甲方：…: a Hong Kong agreement numbers its party lines
    r"^[ \t\u3000]*(?:[（(](?:\d{1,2}|[一二三四五六])[）)][ \t\u3000]*"
    # 1. 授权方（以下简称甲方）：… / 二、乙方：…: numbered like a list
    r"|(?:\d{1,2}|[一二三四五六])[.、．][ \t\u3000]*)?"
    rf"{PARTY_PREFIX}"
    rf"(?P<label>{PARTY_WORDS}|{_LETTERED_ROLE}"
    # 公司：… / 公司 over 名称：…: the company of an equity contribution or a subscription
    r"|公司(?=[ \t]*[：:]|[ \t]*\n[ \t\u3000]*(?:名称|公司名称)[ \t]*[：:]))"
    r"(?:[一二三四五六七八九十]|\d{1,2})?"  # 出资方一： / 合作方2：
    r"(?:\s*[（(](?P<qualifier>[^）)]{1,12})[）)])?"
    r"(?:(?:[ \t\u3000]*[：:][ \t\u3000]*|\t+)(?P<name>[^\s（(].*)$"
    # 甲方（许可方）： with the name on the next line: 名称：…
    r"|[ \t]*[：:]?[ \t]*\n[ \t\u3000]*(?:名称|单位名称|公司名称|姓名)[ \t]*[：:][ \t]*"
    r"(?P<name_below>\S.*)$)",
    re.M,
)


# 甲方： / 合作方一： / 出资方2：
_BARE_SIGNATURE = re.compile(
    rf"^[ \t\u3000]*(?:{PARTY_WORDS})(?:[一二三四五六七八九十]|\d{{1,2}})?[ \t\u3000]*[：:]", re.M
)


# 甲方（许可方）： alone on its line, the name below it (名称：…)
# 乙方：下表所列三人，… / 乙方：详见下表: a party line whose names are the table below it
TABLE_POINTER = re.compile(
    r"[^\n]{0,6}?(?:下表|下列表格|如下表|表格所列"
    # 乙方：下列外聘专家（以下合称“乙方”）: the persons the table below lists
    r"|(?:下列|以下|如下)[\u4e00-\u9fff]{0,6}?(?:人员|专家|员工|人士|个人|自然人|成员|顾问))[^\n]*"
)
_PARTY_LABEL_ONLY = re.compile(
    # 乙方（劳动者，以下合称“乙方各成员”）： above a table of persons: a longer note
    rf"^[ \t\u3000]*(?:{PARTY_WORDS}|{_LETTERED_ROLE}|公司)(?:\s*[（(][^）)]{{1,20}}[）)])?"
    rf"[ \t]*(?:[：:][ \t\u3000]*(?:{TABLE_POINTER.pattern})?)?[ \t]*$"
)


# 原约定金额 | 变更前 | 现行: the header of an old-value column in an amendment's old/new table
OLD_COLUMN = re.compile(r"^(?:原|变更前|修改前|调整前|修订前|现行)")


def row_cells(line: str) -> list[tuple[int, str]]:
    """A table row's cells with their offsets in the line: split at tabs; a PDF prints a small
    table with spaces between the cells (第一方 45%), so a short line of a few short words
    without sentence punctuation is a row too; any other line is one cell."""
    row = line.rstrip("\n")
    if "\t" in row:
        cells, at = [], 0
        for cell in row.split("\t"):
            cells.append((at, cell))
            at += len(cell) + 1
        return cells
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", row)]
    if 2 <= len(words) <= 8 and all(len(w) <= 24 for _, w in words) and not re.search(
        r"[，,。；;：:]", row
    ):
        return words
    return [(0, row)]


@dataclass(frozen=True)
class Article:
    label: str  # 第三条 / 三、
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    text: str
    title: tuple[int, int] | None
    parties: tuple[int, int]  # the parties block, [start, end)
    articles: list[Article]
    body: tuple[int, int]  # recitals and articles, before the signature block
    signature: tuple[int, int]

    def article_at(self, offset: int) -> str:
        if self.signature[0] <= offset < self.signature[1]:
            return "signature"
        if self.parties[0] <= offset < self.parties[1]:
            return "parties"
        starts = [a.start for a in self.articles]
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset < self.articles[index].end:
            return self.articles[index].label
        if self.title is None or offset < self.parties[0]:
            return "header"
        return "recitals"

    def in_body(self, offset: int) -> bool:
        return self.body[0] <= offset < self.body[1]


def layout(text: str) -> Layout:
    title = _title(text)
    after_title = title[1] if title else 0
    first_block = _first_article_or_recital(text, after_title)
    # A parties block precedes the articles; party lines after them are the signature block.
    first_party = PARTY_LINE.search(text, after_title, first_block)
    parties_start = first_party.start() if first_party else first_block
    articles_start = (
        _end_of_parties(text, parties_start, first_block) if first_party else first_block
    )
    if first_party is None:
        parties_start, articles_start = _parties_article(text, first_block)
    signature_start = _signature_start(text, articles_start)
    articles = _articles(text, articles_start, signature_start)
    return Layout(
        text=text,
        title=title,
        parties=(parties_start, articles_start),
        articles=articles,
        body=(articles_start, signature_start),
        signature=(signature_start, len(text)),
    )


# 合同编号：… / 密级：秘密 above the title: a labelled line is no title
_LABEL_LINE = re.compile(r"^[^：:]{1,10}[：:]")
_NAMES_A_CONTRACT = re.compile(r"合同|协议|契约|合约|约定书|承诺书")


def _title(text: str) -> tuple[int, int] | None:
    """The first Chinese line that names a contract; an English title above the Chinese one
    (PATENT LICENSE AGREEMENT / 专利独占实施许可协议) and a number or classification line
    (合同编号：… / 密级：…) above the title give way to it."""
    lines = list(re.finditer(r"^[ \t\u3000]*(\S.*?)[ \t\u3000]*$", text, re.M))[:5]
    chinese = [m for m in lines[:3] if re.search(r"[\u4e00-\u9fff]", m.group(1))]
    named = [
        m
        for m in lines
        if _NAMES_A_CONTRACT.search(m.group(1))
        and not _LABEL_LINE.match(m.group(1))
        and len(m.group(1)) <= 30
        and not re.search(r"[，,。；;：:]", m.group(1))  # 本协议由以下双方签订： is a sentence
    ]
    for match in (*named[:1], *chinese[:1], *lines[:1]):
        return match.start(1), match.end(1)
    return None


_PARTY_DETAIL = re.compile(
    # 卖方授权代表： / 甲方联系人：: a party's particular may name the party first
    r"^[ \t\u3000]*(?:[甲乙丙丁]方|卖方|买方)?"
    r"(?:(?:住所地|住所|通讯地址|注册地址|地址|法定代表人|负责人|联系人|电话|"
    r"传真|邮编|名称|单位名称|公司名称|姓名|电子邮箱|开户行|开户银行|账号|身份证号码|身份证号|身分证字号|统一社会信用代码|授权代表"
    # a person's and a company's other particulars: 性别/住址/职务, 注册资本/成立日期
    r"|性别|出生日期|民族|国籍|住址|现住址|户籍地址|联系地址|联系电话|手机|邮箱|职务|职称|工作单位"
    r"|证件号码|身份证件号码|护照号码|注册资本|成立日期|企业类型|注册号|营业执照号|纳税人识别号"
    r"|委托代理人|授权代表人|网址|邮政编码"
    # Hong Kong and Macau particulars: 注册办事处, 香港身份证号码, 职位
    r"|注册办事处|办事处|主要营业地点|营业地址|职位|岗位|部门|香港身份证号码|澳门居民身份证号码"
    r"|身份证明文件号码|护照号|证件类型|商业登记编号|商业登记号码|公司编号"
    # a university's particulars: the office that handles it, the project's leader
    r"|经办部门|经办人|承办部门|项目负责人|联系部门|所属部门|代表|签约代表"
    r"|注册地|注册编号|公司注册编号|注册号码|授权签字人|签字人|董事|注册国"
    # 代表人 / 主要负责人 / 统一编号 / 公司注册编号 / 商业登记号码: any label of a signatory or a
    # register number (Hong Kong, Macau and Taiwan party blocks word them their own way)
    # 登记地址 / 营业地址 / 主要营业地址: any address label
    r"|[\u4e00-\u9fff]{0,6}(?:代表人|负责人|编号|代码|号码|登记号|地址|住所))"
    r"\s*[：:]"
    r"|[（(](?:以下|下)(?:简)?称)"
)


# （转让方一、转让方二合称“转让方”…） between the party lines: a note on them
_PARTIES_NOTE = re.compile(
    r"^[ \t\u3000]*[（(][^\n]*(?:合称|统称|简称|分别称)[^\n]*[）)][。；]?[ \t\u3000]*$"
)


def _end_of_parties(text: str, start: int, limit: int) -> int:
    """The parties block is its party lines and their detail lines (地址, 法定代表人 ...);
    the first other line starts the body, numbered or not."""
    offset, in_table = start, False
    for line in text[start:limit].splitlines(keepends=True):
        stripped = line.strip()
        # 乙方（员工）： above a table of persons (姓名 | 岗位 | 身份证号码): its rows are parties
        table_row = in_table and len(row_cells(line)) >= 2
        if stripped and not (
            table_row
            or PARTY_LINE.match(line)
            or _PARTY_DETAIL.match(line)
            or _PARTY_LABEL_ONLY.match(line)
            or _PARTIES_NOTE.match(line)
        ):
            return offset
        in_table = table_row or bool(_PARTY_LABEL_ONLY.match(line))
        offset += len(line)
    return limit


# 一、协议当事人 / 第一条 合同双方 / 1. 签约各方: a first article that is the parties block
_PARTIES_HEADING = re.compile(
    r"[^\n]{0,12}?(?:当事人|签约方|缔约方|立约方|合同主体|协议主体|合同双方|协议双方|合同各方|协议各方"
    r"|签约各方|双方基本信息|各方基本信息|当事方)[^\n。]{0,8}$",
    re.M,
)


def _parties_article(text: str, first_block: int) -> tuple[int, int]:
    """The parties block of a contract whose party lines (or table) stand in a first article
    headed as such; (first_block, first_block) when there is none."""
    heading = _PARTIES_HEADING.match(text, first_block)
    if heading is None:
        return first_block, first_block
    following = _article_heads(text).search(text, heading.end())
    end = following.start() if following else len(text)
    if PARTY_LINE.search(text, heading.end(), end) is None:
        return first_block, first_block
    return first_block, end


def _first_article_or_recital(text: str, after: int) -> int:
    heads = _article_heads(text)
    found = [m.start() for m in (heads.search(text, after), _RECITAL.search(text, after)) if m]
    return min(found) if found else len(text)


def _signature_start(text: str, after: int) -> int:
    last_article = max((m.start() for m in _article_heads(text).finditer(text)), default=0)
    for match in _SIGNATURE.finditer(text, max(after, last_article)):
        return match.start()
    # 甲方：… / 乙方：… / a date, with no 盖章 mark: party lines closing the text, no sentence.
    for match in _BARE_SIGNATURE.finditer(text, max(after, last_article)):
        rest = text[match.start() :]
        if len(rest) < 300 and "。" not in rest:
            return match.start()
    return len(text)


def _articles(text: str, start: int, end: int) -> list[Article]:
    heads = [
        (m.start(), m.group(1))
        for m in _article_heads(text).finditer(text)
        if start <= m.start() < end
    ]
    return [
        Article(label.strip(), begin, heads[i + 1][0] if i + 1 < len(heads) else end)
        for i, (begin, label) in enumerate(heads)
    ]
