"""Field rules for Chinese IP contracts: the kind, the numbers, dates, law and forum, and the
helpers the other rule modules share (party_lines.py: the parties block; assets.py: patents and
trade secrets; licence.py: exclusivity, sublicensing, territory). Each rule reads one field
from the text and says where (article, offsets) and how sure it is. Confidence is the rule's,
fixed per rule: 0.95 for a value the text labels (合同编号：…, 自…起至…止), 0.8 for one computed
from a relative form (自合同生效之日起三年), 0.75 for a role inferred from 甲方/乙方 and the
contract kind."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import cn2an

from ingest.contracts.model import (
    ContractKind,
    Evidence,
    Extracted,
    Money,
)
from ingest.contracts.structure import Layout

LABELLED, COMPUTED, INFERRED = 0.95, 0.8, 0.75
# a kind read from the roles and clauses of a contract whose title and preamble name none:
# many of their words, or (a short text) a few words of one kind and none of any other
FROM_CONTENT, FROM_FEW_WORDS = 0.6, 0.45

# The kinds by the words of a title, in families: each family lists the several ways Chinese
# (and, folded to simplified script, Taiwanese and Hong Kong) titles name the kind, so that a
# title in unusual words (专利实施权独占授予合同, 技术诀窍使用许可合同, 同业禁止约定书) still
# finds its kind. The first family that matches wins: the narrower kinds come first.
_GRANT = "许可|授权|授予|授与|准许"
# 竞业限制 and its other names: a non-compete's title, and the word of its period (同业禁止期限)
NON_COMPETE_WORDS = "竞业(?:限制|禁止|回避|避止)?|同业禁止|禁止同业|同业竞争|不竞争"
_KNOW_HOW = "(?:技术|营业|商业)秘密|专有技术|技术诀窍|诀窍|(?i:know-how)|非专利技术"
_KINDS: tuple[tuple[str, ContractKind], ...] = (
    (
        # 第一次变更契约 / 修正合约 / 增补协议书: every word for the instrument after the change
        "(?:补充|变更|修订|修改|修正|增补)(?:协议|合同|契约|合约|条款|约定)|修正案|修订案"
        # 关于调整许可使用费支付进度的协议 / 关于延长许可期限的协议: an agreement on changing a
        # term of an existing contract
        "|关于(?:调整|变更|修改|修订|修正|延长|延期|展期|缩短|提高|降低)[^的]{1,24}的"
        "(?:协议|合同|契约|合约|约定)",
        ContractKind.AMENDMENT,
    ),
    # 技术转让（专利申请权）合同 / 发明创造申请权转让合同: the right to apply, not a granted patent
    (
        # 专利申请权让渡合同: 让渡 is another word for the transfer
        "申请权.{0,3}(?:转让|让与|让渡)|(?:转让|让与|让渡).{0,3}(?:专利)?申请权"
        "|发明创造.{0,6}(?:转让|让与|让渡)",
        ContractKind.APPLICATION_TRANSFER,
    ),
    (
        # 知识产权转让协议: the IP a contract transfers is a patent unless it names another
        # 专利权购买协议 / 专利买卖合同: the same sale seen from the buyer
        "(?:专利权?|知识产权).{0,3}(?:转让|让与|让渡|购买|收购|出售|买卖)"
        "|(?:转让|让与|让渡).{0,3}[（(]?专利权?[）)]",
        ContractKind.PATENT_TRANSFER,
    ),
    ("质押|设质|出质", ContractKind.PATENT_PLEDGE),
    (
        f"(?:{_KNOW_HOW}).*(?:{_GRANT}|使用)",
        ContractKind.TRADE_SECRET_LICENSE,
    ),
    # 专利实施权独占授予合同 / 专利通常实施权授与契约书: a right to work a patent, granted
    (
        f"专利.*(?:{_GRANT})|实施权.{{0,6}}(?:{_GRANT})|专利.{{0,4}}实施权",
        ContractKind.PATENT_LICENSE,
    ),
    (
        # 知识产权注资协议: 注资 is how Hong Kong says a capital contribution
        "作价入股|作价出资|出资入股|技术入股|作价投资|(?:知识产权|专利权?|技术|无形资产)(?:作价)?[出注]资"
        "|(?:专利|知识产权).{0,6}增资|增资.{0,6}(?:专利|知识产权)"
        # 知识产权认购股份协议: new shares subscribed with IP (Hong Kong)
        "|(?:专利权?|知识产权|技术)[\u4e00-\u9fff]{0,2}认购",
        ContractKind.EQUITY_CONTRIBUTION,
    ),
    (
        # 联合技术开发合同 / 合作研究开发协议: a word or two may stand between the two halves
        "(?:合作|联合|共同|协同)[\u4e00-\u9fff]{0,4}?(?:开发|研发|研究|攻关|研制)|技术开发.{0,3}合作"
        # 产学研合作协议 / 技术合作协议: other R&D cooperations (licences and the rest come first)
        "|产学研|(?:技术|科技|研发|科研)合作|合作(?:协议|合同|协议书)$"
        # 技术开发（委托）合同: a development contract, the nearest kind the schema has
        "|技术开发|委托开发|委托研发",
        ContractKind.COOPERATION,
    ),
    # 竞业回避协议 / 离职后同业禁止约定书 / 竞业避止契约
    (NON_COMPETE_WORDS, ContractKind.NON_COMPETE),
    # 保密及不披露协议 / 保密契约书 / 保密承诺书 / 守密约定书
    (
        "(?:保密|守密|保守[\u4e00-\u9fff]{0,4}?秘密|不披露|不泄露|不泄密).{0,6}"
        "(?:协议|合同|契约|合约|承诺|约定)",
        ContractKind.NDA,
    ),
    (
        f"技术转让|(?:{_KNOW_HOW}).{{0,3}}(?:转让|让与)",
        ContractKind.TECHNOLOGY_TRANSFER,
    ),
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


_SUBTITLE = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*([（(][^）)\n]{2,24}[）)])[ \t\u3000]*$", re.M)


def contract_kind(layout: Layout) -> Extracted[ContractKind] | None:
    if layout.title is None:
        return None
    start, end = layout.title
    # 知识产权转让合同书 over （发明专利申请权）: a bracketed line below the title narrows it
    # as the model contracts' names put it: 技术转让（专利申请权）合同
    subtitle = _SUBTITLE.match(layout.text, end)
    name = re.match(r"(.*?)((?:合同|协议|契约|合约)书?)?$", layout.text[start:end])
    assert name is not None
    titled = name.group(1) + (subtitle.group(1) if subtitle else "") + (name.group(2) or "")
    for pattern, kind in _KINDS:
        if re.search(pattern, titled):
            return Extracted(value=kind, evidence=ev(layout, start, end, LABELLED))
    invested = _kind_of_investment(layout)
    if invested:
        return invested
    preamble, content = _kind_from_preamble(layout), _kind_from_content(layout)
    # A preamble's words may name another kind in passing (保密信息 of 双方合作研发 in an NDA,
    # a licence stating 该专利未设定质押): the roles and clauses of the whole text decide then.
    if (
        preamble
        and content
        and content.evidence
        and content.evidence.confidence >= FROM_CONTENT
        and _family_of(preamble.value) != _family_of(content.value)
    ):
        return content
    return preamble or content


# The words of a preamble or first article that say what a contract with an unknown title is:
# 四方就…联合研发项目订立本合同 / 甲方同意将下列专利许可乙方实施. Kinds only a title can tell
# apart from the rest (an amendment, an NDA) are not guessed.
_PREAMBLE_KINDS: tuple[tuple[str, ContractKind], ...] = (
    (
        "作价(?:入股|[出注]资)|以[^。；]{0,20}?(?:专利|知识产权)[^。；]{0,10}?(?:[出注]资|入股)",
        ContractKind.EQUITY_CONTRIBUTION,
    ),
    ("专利申请权[^。；]{0,10}?(?:转让|让与|让渡)", ContractKind.APPLICATION_TRANSFER),
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
        "(?:合作|联合|共同|协同)[\u4e00-\u9fff]{0,4}?(?:开发|研发|研究|攻关|研制)",
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


# What a contract whose title and preamble name no kind is, read from its content: the words
# that name the parties' roles (2 points each) and the clauses' own words (1 point each). A
# family is chosen only with twice the points of the runner-up and at least _SOME points; with
# fewer than _CLEAR it is read with a lower confidence (a one-page NDA says
# 保密 a few times). Its narrower kinds are told apart by which of two sets of words occurs more
# (a licence of 技术秘密 rather than of 专利). Amendments are never guessed: only a title says so.
_CLEAR, _SOME = 4, 2


@dataclass(frozen=True)
class _Family:
    roles: str
    clauses: str
    kind: ContractKind
    # (words, rival words, narrower kind): the narrower kind where its words outnumber the rival's
    narrower: tuple[tuple[str, str, ContractKind], ...] = ()


_PATENT_WORDS = r"专利号|专利权|ZL\s*\d|\d{12}\.[\dX]"
_CONTENT_FAMILIES: tuple[_Family, ...] = (
    _Family(
        roles="被?许可[方人]|被?授权[方人]|被?授予[方人]",
        # 许可 alone: 甲方许可乙方使用 in a licence whose parties are only 甲方 and 乙方
        clauses="许可使用费|使用费|提成|入门费|独占|排他|普通许可|实施许可|再许可|分许可|许可",
        kind=ContractKind.PATENT_LICENSE,
        narrower=((_KNOW_HOW, _PATENT_WORDS, ContractKind.TRADE_SECRET_LICENSE),),
    ),
    _Family(
        roles="转让[方人]|受让[方人]|让与[方人]|受让|卖方|买方|出卖人|买受人",
        clauses="转让费|转让价款|著录项目变更|权属变更|过户",
        kind=ContractKind.PATENT_TRANSFER,
        narrower=(
            (
                "申请权|申请号",
                r"专利号|专利证书|授权公告|专利权",
                ContractKind.APPLICATION_TRANSFER,
            ),
            (_KNOW_HOW, _PATENT_WORDS, ContractKind.TECHNOLOGY_TRANSFER),
        ),
    ),
    _Family(
        roles="出质[方人]|质权[方人]|出质",
        clauses="质押登记|质权|主债权|借款|授信|担保",
        kind=ContractKind.PATENT_PLEDGE,
    ),
    _Family(
        roles="用人单位|劳动者|雇主|雇员",
        clauses=f"离职|解除或终止劳动|劳动关系|经济补偿|按月.{{0,6}}补偿|补偿金|同类业务|任职|竞争"
        f"|{NON_COMPETE_WORDS}|相同或(?:类似|相近|近似)|自营",
        kind=ContractKind.NON_COMPETE,
    ),
    _Family(
        roles="披露[方人]|接收[方人]|接受[方人]|信息提供[方人]",
        # 保密 alone: a one-page NDA may say nothing else (其他合同 say it in one clause)
        clauses="保密信息|机密信息|保密义务|不得披露|不得泄露|保密期限?|保密|泄露|泄密",
        kind=ContractKind.NDA,
    ),
    _Family(
        # 出资方 also funds a joint development: no word of this family
        roles="被投资[方人]|投资[方人]|目标公司|标的公司",
        clauses="作价|入股|注册资本|股权比例|持股|股东|增资|股本|股份(?!有限)",
        kind=ContractKind.EQUITY_CONTRIBUTION,
    ),
    _Family(
        roles="合作[方人]|合作各方|协作[方人]|委托[方人]|研究开发[方人]",
        clauses="研发|研究开发|联合开发|共同开发|技术成果|成果归属|研究经费|开发经费|课题|攻关"
        "|研究任务|技术路线|里程碑|共同申请|联合申请|共有",
        kind=ContractKind.COOPERATION,
    ),
)


def _kind_from_content(layout: Layout) -> Extracted[ContractKind] | None:
    assert layout.title is not None
    text = layout.text[layout.title[1] :]
    scored = sorted(
        ((_points(family, text), index) for index, family in enumerate(_CONTENT_FAMILIES)),
        reverse=True,
    )
    (best, index), (second, _) = scored[0], scored[1]
    if best < _SOME or best < 2 * second:
        return None
    family = _CONTENT_FAMILIES[index]
    kind = family.kind
    for words, rival, narrower in family.narrower:
        if len(re.findall(words, text)) > len(re.findall(rival, text)):
            kind = narrower
            break
    role = re.search(family.roles, text) or re.search(family.clauses, text)
    at = layout.title[1] + (role.start() if role else 0)
    length = len(role.group(0)) if role else 0
    confidence = FROM_CONTENT if best >= _CLEAR else FROM_FEW_WORDS
    return Extracted(value=kind, evidence=ev(layout, at, at + length, confidence))


def _family_of(kind: ContractKind) -> int:
    """The content family a kind belongs to (a narrower kind to its family); -1: none."""
    for index, family in enumerate(_CONTENT_FAMILIES):
        if kind is family.kind or any(kind is narrower for _, _, narrower in family.narrower):
            return index
    return -1


def _points(family: _Family, text: str) -> int:
    return 2 * len(re.findall(family.roles, text)) + len(re.findall(family.clauses, text))


def _kind_of_investment(layout: Layout) -> Extracted[ContractKind] | None:
    assert layout.title is not None
    start, end = layout.title
    # 增资扩股协议 / 投资协议 whose body contributes IP at a value: an equity contribution
    if re.search(r"增资|入股|出资|投资|注资|认购", layout.text[start:end]):
        body = layout.text[end:]
        ip = re.search(
            r"(?:专利|知识产权|技术秘密|专有技术)[^。；]{0,40}?作价|作价[^。；]{0,10}?(?:入股|[出注]资)",
            body,
        )
        if ip:
            return Extracted(
                value=ContractKind.EQUITY_CONTRIBUTION, evidence=ev(layout, start, end, INFERRED)
            )
    return None


# A contract number: an ASCII code (XJTU-XK-2022-008), or a Chinese document number
# (建株质字(2023)第0086号, 京知许〔2024〕12号).
DOCUMENT_NUMBER = (
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
# 2025年鄂州（质）字0036号: a year, a place, the kind of business in brackets, a serial
_YEAR_PLACE_NUMBER = (
    r"\d{4}\s*年?\s*[\u4e00-\u9fff]{1,8}\s*[（(〔][\u4e00-\u9fff]{1,3}[）)〕]\s*字?\s*第?\s*"
    r"[A-Za-z0-9\-]+\s*号"
)
NUMBER = (
    rf"({DOCUMENT_NUMBER}|{_YEAR_PLACE_NUMBER}|{_YEAR_FIRST_NUMBER}|{_PREFIXED_NUMBER}|{_ORDINAL_NUMBER}"
    r"|[A-Za-z0-9][A-Za-z0-9\-_/.()]*[A-Za-z0-9)])"
)


def _number_found(layout: Layout, match: re.Match[str] | None) -> Extracted[str] | None:
    found = _found(layout, match, 1, LABELLED)
    if found is not None:
        # NFKC as every contract number (tests/gold/README.md): （2024） becomes (2024), 〔2025〕
        # stays as written
        value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", found.value))
        # （原合同编号:SPCI-2024-11) typed with a half-width bracket: the bracket closes the note
        while value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1]
        found.value = value
    return found


def contract_number(layout: Layout) -> Extracted[str] | None:
    # Its own number, not 原合同编号 (an amendment's original) nor 主合同编号 / 保证合同编号.
    at_line_start = re.compile(
        r"^[ \t\u3000]*(?:(?:本)?(?:补充|变更|修订|修正|修改)?"
        # 文件编号 / 承诺书编号: the number of a letter of undertaking or of any instrument
        r"(?:合同|协议|契约|协议书|合约|约定书|合同书|契约书|文件|文书|承诺书|确认书|授权书|声明书)?"
        r"(?:编号|号码)|(?:Contract\s*)?No\.?"
        # 管理编号 / 合同登记编号 / 补充条款编号 / 承诺函编号: any word of the instrument
        # before 编号, not an original's, a main contract's nor a person's or a company's
        r"|(?![原主旧附])[\u4e00-\u9fff]{1,6}?(?<!身份证)(?<!信用)(?<!证件)(?<!商业登记)编号)"
        # 合同编号：… / 合同编号 DL-2025-009 (the colon lost) / No.: …
        rf"\s*(?:[（(][^）)\n]{{0,20}}[）)])?(?:\s*[：:]\s*|[ \t\u3000]+){NUMBER}",
        re.M | re.I,
    ).search(layout.text, 0, layout.parties[0] or len(layout.text))
    if at_line_start is not None:
        return _number_found(layout, at_line_start)
    match = re.compile(
        rf"(?<![原主证款])(?:合同|协议|契约|合约)(?:编号|号)\s*[：:]\s*{NUMBER}"
    ).search(layout.text, 0, layout.parties[0] or len(layout.text))
    return _number_found(layout, match or _key_term_row(layout))


# 合同编号 | HD-2024-7: a row of a key-term table after the parties gives the number too
_NUMBER_ROW = re.compile(
    rf"^[ \t\u3000]*(?:合同|协议|契约|合约)(?:编号|号码)(?:\t|[ \u3000]+){NUMBER}[ \t\u3000]*$",
    re.M,
)


def _key_term_row(layout: Layout) -> re.Match[str] | None:
    return _NUMBER_ROW.search(layout.text, layout.parties[0], layout.body[1])


def amends(layout: Layout) -> Extracted[str] | None:
    number = NUMBER
    labelled = re.compile(rf"原(?:合同|协议|契约|合约)?编号\s*[：:为]?\s*{number}")
    found = labelled.search(layout.text)
    if found is None:
        after_title = re.compile(
            # 所变更之原契约：专利授权实施契约书（契约编号：…）: the original named without 《》
            rf"(?:《[^》]{{2,40}}》|原(?:合同|协议|契约|合约)[：:]?[^\n（(]{{0,40}})"
            # （合同编号：…） / ，编号…: in a bracket or after a comma
            rf"\s*(?:[（(][^）)]{{0,20}}?|[，,]\s*)(?:合同|协议|契约)?编号\s*[：:为]?\s*{number}"
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


# 甲方\t…公司\t代表人：…\t民国114年8月1日: a signature table's row (a party label and a date,
# or a date alone on its line) among the lines that close the text
_CLOSING_SIGNATURE_LINE = re.compile(
    rf"^[ \t\u3000]*(?:(?:[甲乙丙丁戊]方|[\u4e00-\u9fff]{{1,6}}[方人])[^。\n]*?"
    rf"|(?:签订|签署|签约|签字)?(?:日期|时间)?[：:]?\s*)({DATE_SOURCE})[^。\n]*$",
    re.M,
)


def _closing_lines(layout: Layout) -> int:
    """Where the lines after the last sentence start, when the layout found no signature block
    (立约定书人 over a table of parties): the signature rows are there. The end of the text
    otherwise, so that nothing is read twice."""
    if layout.signature[0] < len(layout.text):
        return len(layout.text)
    last_sentence = layout.text.rfind("。")
    start = layout.text.find("\n", last_sentence) + 1 if last_sentence >= 0 else 0
    return start if start > 0 and len(layout.text) - start < 600 else len(layout.text)


def sign_date(layout: Layout) -> Extracted[str] | None:
    """The signing date: a labelled date (签订日期：…); else the dates of the signature block;
    else 于…签订 in the recitals. When parties sign on different days, the later one: the
    contract is concluded then."""
    labelled = re.compile(
        # 签订日期：… / 签订日期 | … (a key-term table row)
        # (原协议签订日期：… is the original's, which an amendment recalls)
        rf"(?:(?<!原)(?<!原合同)(?<!原协议)(?<!原契约)(?<!原合约)"
        rf"(?:签订|签署|签约|签字)(?:日期|时间|日)|^[ \t\u3000]*日期)(?:\s*[：:]\s*|\t\s*)"
        rf"({DATE_SOURCE})",
        re.M,
    )
    in_signature = re.compile(rf"({DATE_SOURCE})")
    in_recital = re.compile(
        # 于…由下列各方订立 / 于…在北京由双方共同签订
        rf"于\s*({DATE_SOURCE})\s*(?:在[^，。]{{1,10}})?(?:由[^，。；]{{1,12}}?)?(?:共同)?"
        r"(?:签订|签署|订立|缔结)"
        # 本协议由双方签订于…: the contract's own signing, not an original's it recalls
        rf"|本(?:合同|协议|契约)[^，。；]{{0,12}}?(?:签订|签署|订立)于\s*({DATE_SOURCE})"
    )
    for pattern, confidence, start in (
        (labelled, LABELLED, 0),
        (in_signature, LABELLED, layout.signature[0]),
        (_CLOSING_SIGNATURE_LINE, LABELLED, _closing_lines(layout)),
        (in_recital, COMPUTED, 0),
    ):
        dates = [
            (value, match, group)
            for match in pattern.finditer(layout.text, start)
            if (group := match.lastindex or 1)
            and (date := DATE.match(match.group(group)))
            and (value := parse_date(date))
        ]
        if dates:
            value, match, group = max(dates, key=lambda item: item[0])
            return Extracted(
                value=value, evidence=ev(layout, match.start(group), match.end(group), confidence)
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
    # 中国国际经济贸易仲裁委员会天津国际经济金融仲裁中心（天津分会）: a sub-commission's own
    # name, and its other name in brackets
    institution = (
        r"(?:仲裁委员会|仲裁中心|仲裁院|仲裁协会)"
        r"(?:(?:(?!按照|根据|依据|依照|适用|仲裁规则)[\u4e00-\u9fff]){2,14}?(?:分会|仲裁中心|仲裁院)"
        r"|分会)?"
        r"(?:[（(][^（()）\n]{2,20}?(?:仲裁委员会|仲裁中心|仲裁院|仲裁协会|分会)[）)])?"
    )
    arbitration = re.compile(
        # 提付…仲裁协会: how Taiwanese contracts submit a dispute
        rf"(?:提交|向|由|交由|提请|递交|提付|送交|交付)\s*([^，。；\n]{{2,40}}?{institution})"
        rf"|仲裁机构(?:为|[：:])\s*([^，。；\n]{{2,40}}?{institution})"
    )
    court = re.compile(
        r"向([^，。；\n]{2,40}?法院(?:[\u4e00-\u9fff]{0,4}?法庭)?)(?:提起诉讼|提出诉讼|起诉|提起|提出)"
        r"|(?:提交|交由|提请)\s*([^，。；]{2,40}?法院(?:[\u4e00-\u9fff]{0,4}?法庭)?)(?:诉讼|审理|裁判|解决|管辖)"
    )
    court_jurisdiction = re.compile(
        # 由…法院管辖 / 争议由…法院审理
        r"由([^，。；由\n]{2,40}?法院(?:[\u4e00-\u9fff]{0,4}?法庭)?)(?:非专属|专属|排他性|非排他性)?(?:管辖|审理|裁判|裁决)"
        r"|诉至([^，。；\n]{2,40}?法院(?:[\u4e00-\u9fff]{0,4}?法庭)?)"
        # 各方同意香港特别行政区法院具有非专属管辖权
        r"|(?:同意|由)\s*([^，。；同由\n]{2,40}?法院(?:[\u4e00-\u9fff]{0,4}?法庭)?)(?:拥有|具有|享有|有)"
        r"(?:非专属|专属|排他性|非排他性)?(?:的)?管辖权"
        # 受香港特别行政区法院的非专属管辖 / 提交…法院的专属管辖
        r"|(?:受|提交|服从|接受)([^，。；受\n]{2,40}?法院(?:[\u4e00-\u9fff]{0,4}?法庭)?)(?:的|之)?(?:非专属|专属|排他性|非排他性)?"
        r"(?:司法)?管辖"
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
            if forum is not None and forum.evidence is not None and method == "court":
                forum = _court_named_after(layout, match.end()) or _named_court(
                    layout, forum.value, forum.evidence.start
                )
            return forum, Extracted(
                value=method, evidence=ev(layout, match.start(), match.end(), LABELLED)
            )
    return None, None


# 质权人所在地的成都高新技术产业开发区人民法院: the place told before the court's own name
# (甲方所在地有管辖权的人民法院 / 乙方住所地人民法院 name no court: kept whole)
# 乙方住所地人民法院即岳阳市岳阳楼区人民法院: the generic court, then the one it means
_PLACE_OF_COURT = re.compile(
    r"^[^，。；]{1,16}?(?:所在地|住所地|注册地|营业地|所在城市)"
    r"(?:(?:的|之|即)(?!有管辖权|具有管辖权|人民法院|法院)"
    r"|(?:有管辖权的|具有管辖权的)?(?:人民)?法院\s*(?:即|亦即|也即|即为))"
    r"(?=[^，。；]{2,}法院$)"
)


# …向许可方所在地有管辖权的人民法院起诉，即南京市江宁区人民法院: the court the generic
# wording means, named right after it
_COURT_NAMED_AFTER = re.compile(
    r"[^。；\n]{0,8}?[，,]\s*(?:即|亦即|也即|也就是|即为)\s*([^，。；\n]{2,30}?法院"
    r"(?:[\u4e00-\u9fff]{0,4}?法庭)?)(?=[，。；\n]|$)"
)


def _court_named_after(layout: Layout, end: int) -> Extracted[str] | None:
    match = _COURT_NAMED_AFTER.match(layout.text, end)
    return _found(layout, match, 1, LABELLED) if match else None


def _named_court(layout: Layout, forum: str, start: int) -> Extracted[str]:
    place = _PLACE_OF_COURT.match(forum)
    skip = place.end() if place else 0
    return Extracted(
        value=forum[skip:], evidence=ev(layout, start + skip, start + len(forum), LABELLED)
    )


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
