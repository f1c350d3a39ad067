"""Money in contracts: amounts in any of the forms contracts write them (伍拾万元整, 人民币120万元,
¥1,500,000.00, HK$1,200,000, 港币壹佰贰拾万元, 50万美元, EUR 800,000), their currency, payment
schedules (分两期, a payment table), the entry fee beside a royalty, valuations (作价, 评估价值),
liquidated damages and the monthly non-compete compensation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cn2an

from ingest.contracts.model import (
    ContractExtraction,
    ContractKind,
    Extracted,
    Instalment,
    Money,
    PartyValue,
)
from ingest.contracts.rules import DATE_SOURCE, LABELLED, ev, sentences
from ingest.contracts.structure import OLD_COLUMN, Layout, row_cells

if TYPE_CHECKING:
    from ingest.contracts.terms import Payment

# Currency words and symbols, in the folded (simplified, ASCII-digit) text.
_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    ("人民币", "CNY"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("HK$", "HKD"),
    ("HKD", "HKD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("欧元", "EUR"),
    ("EUR", "EUR"),
    ("€", "EUR"),
    ("新台币", "TWD"),
    ("NT$", "TWD"),
    ("TWD", "TWD"),
    ("澳门元", "MOP"),
    ("澳门币", "MOP"),
    ("澳币", "MOP"),
    ("MOP$", "MOP"),
    ("MOP", "MOP"),
    ("日元", "JPY"),
    ("日圆", "JPY"),
    ("JPY", "JPY"),
    ("韩元", "KRW"),
    ("KRW", "KRW"),
    ("英镑", "GBP"),
    ("GBP", "GBP"),
)
_PREFIX = "|".join(re.escape(w) for w, _ in sorted(_CURRENCY_WORDS, key=lambda i: -len(i[0])))
# 参 is how a traditional 參 folds; it is 叁 in amounts.
_CAPITAL = "[零壹贰叁参肆伍陆柒捌玖拾佰仟万亿]"
_AMOUNT = re.compile(
    rf"(?P<prefix>{_PREFIX})?\s*"
    rf"(?:(?P<capital>[壹贰叁参肆伍陆柒捌玖拾]{_CAPITAL}*)|(?P<arabic>\d+(?:,\d{{3}})*(?:\.\d+)?)"
    r"\s*(?P<scale>万|亿)?|(?P<lower>[一二三四五六七八九十两][〇零一二三四五六七八九十两百千万亿]*))"
    r"\s*(?P<unit>美元|欧元|港元|港币|澳门元|澳门币|日元|日圆|韩元|英镑|元)?(?:整)?"
)
_ISO = dict(_CURRENCY_WORDS)


@dataclass(frozen=True)
class Amount:
    money: Money
    start: int  # offsets in the text searched
    end: int


def amounts(text: str, start: int = 0, end: int | None = None) -> Iterator[Amount]:
    """Every amount with a currency word or a 元 in `text[start:end]`, in order; a bare number
    (a count, a percentage, a date) is not money."""
    for match in _AMOUNT.finditer(text, start, len(text) if end is None else end):
        if not (match["prefix"] or match["unit"]):
            continue
        if match["lower"] and not match["unit"]:
            continue  # 人民币五十万元 is money; 十五日内 and 三倍 are not
        if match["arabic"] and _is_part_of_other_number(text, match):
            continue
        value = _value(match)
        if value is None:
            continue
        currency = _ISO.get(match["prefix"] or "") or _ISO.get(match["unit"] or "") or "CNY"
        if match["unit"] == "元" and match["prefix"] is None:
            currency = _currency_before(text, match.start()) or "CNY"
        yield Amount(
            Money(amount=value, currency=currency, text=match.group(0).strip()),
            match.start(),
            match.end(),
        )


def _is_part_of_other_number(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 1]
    before = text[max(0, match.start() - 1) : match.start()]
    return bool(re.match(r"[%％年月日号\-/.]", after) and not match["unit"]) or (
        before != "" and before in "-/."
    )


def _currency_before(text: str, at: int) -> str | None:
    """港币叁拾万元: the currency word may stand a few characters before the number."""
    window = text[max(0, at - 4) : at]
    for word, iso in _CURRENCY_WORDS:
        if window.endswith(word):
            return iso
    return None


def _value(match: re.Match[str]) -> float | None:
    try:
        if match["capital"]:
            return float(cn2an.cn2an(match["capital"].replace("参", "叁"), "smart"))
        if match["lower"]:
            return float(cn2an.cn2an(match["lower"].replace("两", "二"), "smart"))
        scale = {"万": 10_000, "亿": 100_000_000}.get(match["scale"] or "", 1)
        return float(match["arabic"].replace(",", "")) * scale
    except (ValueError, KeyError):
        return None


def first_money(text: str) -> Money | None:
    found = next(amounts(text), None)
    return found.money if found else None


def currency_of(extraction: ContractExtraction) -> str | None:
    for money in (
        extraction.amount,
        extraction.valuation,
        extraction.monthly_compensation,
        extraction.liquidated_damages,
        extraction.entry_fee,
    ):
        if money is not None:
            return money.value.currency
    return extraction.currency  # the contributions' currency, when only they name money


def schedule_currency(layout: Layout, schedule: list[Instalment]) -> str | None:
    """The currency of a payment schedule (an amendment may restate only its table)."""
    for instalment in schedule:
        evidence = instalment.evidence
        found = next(amounts(layout.text, evidence.start, evidence.end), None)
        if found is not None:
            return found.money.currency
    return None


def _money_at(layout: Layout, found: Amount, offset: int = 0) -> Extracted[Money]:
    return Extracted(
        value=found.money,
        evidence=ev(layout, offset + found.start, offset + found.end, LABELLED),
    )


# ---- payment schedules ------------------------------------------------------------------

_SCHEDULE = re.compile(
    # 首期款人民币一百万元于…支付，余款…于…前支付: the labels alone announce a schedule
    r"(?=(?:首期款|首付款|首期|预付款)[^。\n]{2,60}?[，,；;](?:余款|尾款|剩余款项|第二期|二期款|进度款))"
    # 分三期 / 按下列三期支付: the count of the instalments
    r"|[分按][两二三四五六七八九十\d]+(?:期|次|笔)|分期|(?:按|依|依照|按照|如)下表|付款(?:节点|计划|进度)"
    r"|(?:以下|如下|下列)(?:[两二三四五六七八九十\d]+(?:期|次|笔)|进度|方式|约定|安排|节点|里程碑|阶段)?"
    r"(?:支付|付款|给付|拨付|缴付)"
    r"|(?:支付|付款|给付|拨付)(?:方式|安排|进度|计划|节点)[^。；\n]{0,6}?(?:如下|为)"
    # 按里程碑支付如下： / 依进度付款如下: the stages the payments follow, listed below
    r"|[按依](?:以下|下列)?(?:里程碑|进度|节点|阶段|期次)(?:支付|付款|给付|拨付)(?:如下)?"
    # 支付方式： closing its line, the clauses below it
    r"|(?:支付|付款|给付|拨付)(?:方式|安排|进度|计划|节点)[ \t\u3000]*[：:][ \t\u3000]*(?=\n)"
    # 第四条 研发经费的支付 / 第五条 付款: an article titled by the payment, its items below
    r"|(?P<titled>(?<![^\n])[ \t\u3000]*第[一二三四五六七八九十百\d]+条[ \t\u3000]*"
    # (第四条 经费拨付安排 / 付款计划: the payment's plan titles it too)
    r"[^\n。；，,：:]{0,20}?(?:支付|付款|拨付|给付)(?:安排|方式|计划|进度|节点)?[ \t\u3000]*(?=\n))"
)
# 入门费…一次付清；…按净销售额的百分之五支付提成: an article on a fee and a royalty is no
# schedule of instalments
_NOT_INSTALMENTS = re.compile(r"一次性?(?:付清|支付|付款)|提成|销售额|百分之|[%％]")
_NEXT_ARTICLE = re.compile(r"\n[ \t\u3000]*第[一二三四五六七八九十百\d]+条")
_CONDITION = re.compile(
    r"(?:日|天|周|月|年)内|之日|以前|之前|[前后时]$|[前后]\d|届满|完成|通过|验收|交付|签订|生效|登记"
    # 已于2025年7月10日支付 / 已於民國114年7月3日給付: a payment made on a day (an amendment
    # restating its schedule), in any way the contracts write a date
    rf"|^(?:{DATE_SOURCE})$"
)
_NUMBERING = (
    r"第[一二三四五六七八九十\d]+(?:期|笔|次)(?:款项|付款|款)?\s*[：:，,]?"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、]\s*|[①②③④⑤⑥⑦⑧]"
    # 一、签约后十日内支付…: items numbered in Chinese numerals like articles
    r"|[一二三四五六七八九十]{1,3}[、．]\s*"
    # (a) (b) (c) / （i）: the lettered items of Hong Kong and English-modelled agreements
    r"|[（(](?:[a-hA-H]|i{1,3}|iv|v)[）)]"
)
# 首付款 / 尾款 / 里程碑款： / 验收款： — a label naming the instalment, not its due condition
_INSTALMENT_LABEL = (
    r"(?:首期款|首付款|首期|尾款|余款|剩余款项|预付款|进度款|[一二三四五六七八九十\d]+期款)"
    r"\s*[：:，,]?|[^\s：:，,。；\d（(]{1,6}?(?:款|费)\s*[：:]"
    # 二期： / 尾期： / （1）第一期： / 里程碑一： / 节点2： / 第一阶段：: a numbered stage
    # heading its clause
    r"|第?(?:[一二三四五六七八九十\d]{1,2}|末|尾)(?:期|笔|次)(?:款项|付款|款)?\s*[：:]"
    r"|(?:里程碑|节点|阶段)\s*[一二三四五六七八九十\d]{1,2}\s*[：:，,]"
    r"|第[一二三四五六七八九十\d]{1,2}(?:阶段|个里程碑|个节点)\s*[：:，,]"
)
_ENUMERATION = re.compile(
    rf"^[ \t\u3000]*(?:(?:{_NUMBERING})\s*(?:{_INSTALMENT_LABEL})?|{_INSTALMENT_LABEL})\s*"
)
_DATE_CELL = re.compile(r"\d{4}\s*(?:年|-|/|\.)\s*\d{1,2}|民国")
_BARE_PAY = re.compile(r"(?<=[内前后时日])\s*(?:应|须)?付\s*$")
_PAY_VERB = re.compile(
    r"(?:向\S{1,6})?(?:支付|付清|付款|汇付|缴付|付给|拨付|拨款|付讫|给付"
    # 签约后十日内付四十万元: a bare 付 between the condition and the amount
    r"|(?<=[内前后时日])(?:应|须)?付(?=\s*(?:人民币|美元|港币|欧元|日元|RMB|US\$|HK\$|¥|￥)?\s*"
    r"[\d零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]))"
)
# 分两期支付：…, the verb and colon before the first instalment clause.
_SCHEDULE_HEAD = re.compile(
    r"[\s：:，,]*(?:(?:(?:向\S{1,6})?(?:支付|付款|拨付|缴付|汇入|划付|转入)(?:方式)?(?:如下)?"
    # 按以下进度拨付至项目专用账户：: the verb already read with the schedule's announcement
    r"|(?=[至到]))"
    # 分三期拨付至项目专用账户： / 汇入乙方指定账户：: where the money goes, before the colon
    r"(?:[^：:，,；;。\d\s]{1,20}?[：:])?[\s：:，,]*)?"
    r"(?:如下[\s：:，,]*)?"
)
# 每期人民币捌拾万元，分别于A、B、C支付: equal instalments, their dues listed in one clause.
_EQUAL_STEPS = re.compile(r"每期(?:应付|支付)?([^，,；;。]{2,30})[，,]\s*分别(?:于|在)([^；;。]+)")


def instalments(layout: Layout, total: float | None = None) -> list[Instalment]:
    """The schedule of a contract that pays in instalments: the rows of a payment table
    (a due condition cell and one amount cell), or the enumerated clauses after 分两期; else
    one sentence of several payments that add up to the total."""
    for trigger in _SCHEDULE.finditer(layout.text, *layout.body):
        if trigger.group("titled") and _NOT_INSTALMENTS.search(_article_after(layout, trigger)):
            continue
        found = _schedule_after(layout, trigger, total)
        if found:
            return found
    return _payments_adding_up(layout, total) if total else []


def _article_after(layout: Layout, trigger: re.Match[str]) -> str:
    following = _NEXT_ARTICLE.search(layout.text, trigger.end(), layout.body[1])
    return layout.text[trigger.end() : following.start() if following else layout.body[1]]


def _payments_adding_up(layout: Layout, total: float) -> list[Instalment]:
    """乙方应于2024年3月31日前支付40万元，于2024年12月31日前支付60万元 / …支付60%，即60万元，
    余款40万元在验收合格后10日内支付: clauses with a payment verb, each one amount, summing to
    the contract's total (the check that keeps a fee and its penalty apart)."""
    for match in re.finditer(r"[^。\n]+", layout.text[layout.body[0] : layout.body[1]]):
        sentence, at = match.group(0), layout.body[0] + match.start()
        if len(_PAY_VERB.findall(sentence)) < 2 or re.search(r"违约金|赔偿|补偿", sentence):
            continue
        clauses: list[tuple[int, str]] = []
        position = 0
        # …追加支付使用费一百五十万元：于…支付九十万元；…: a colon ends the announcement too
        for segment in re.split(r"(?<=[，,；;：:])", sentence):
            if _PAY_VERB.search(segment) or re.match(_INSTALMENT_LABEL, segment):
                clauses.append((position, segment))
            elif clauses:
                clauses[-1] = (clauses[-1][0], clauses[-1][1] + segment)
            position += len(segment)
        found: list[Instalment] = []
        for offset, clause in clauses:
            label = _ENUMERATION.match(clause)
            skip = label.end() if label else 0
            instalment = _clause_instalment(layout, at + offset + skip, clause[skip:], total)
            if instalment is not None:
                found.append(instalment)
        if len(found) >= 3 and abs(found[0].amount - total) < 0.5:
            found = found[1:]  # the announcement of the sum, before the payments that make it
        if len(found) >= 2 and abs(sum(i.amount for i in found) - total) < 0.5:
            return found
    return []


def _schedule_after(
    layout: Layout, trigger: re.Match[str], total: float | None
) -> list[Instalment]:
    text = layout.text
    end = layout.body[1]
    next_line = text.find("\n", trigger.start())
    line_end = next_line if 0 <= next_line < end else end
    inline = _inline_instalments(layout, trigger.end(), line_end, total)
    if len(inline) >= 2:
        return inline
    found: list[Instalment] = []
    offset = next_line + 1 if next_line >= 0 else end
    # 付款节点 | 金额（元）: the trigger may be the table's header row itself
    trigger_line = text[text.rfind("\n", 0, trigger.start()) + 1 : line_end]
    unit = _column_unit(trigger_line) if len(row_cells(trigger_line)) >= 2 else None
    unit = unit or _unit_note(trigger_line)
    for line in text[offset:end].splitlines(keepends=True)[:12]:
        instalment = _instalment(layout, offset, line, total, unit)
        if instalment is None and not found and len(row_cells(line)) >= 2:
            unit = _column_unit(line) or unit
        elif instalment is None and not found:
            unit = _unit_note(line) or unit  # 单位：万元 on its own line above the table
        offset += len(line)
        if instalment is not None:
            found.append(instalment)
        elif found and line.strip():
            break  # the schedule ended
    return found if len(found) >= 2 else []


def _inline_instalments(
    layout: Layout, start: int, end: int, total: float | None
) -> list[Instalment]:
    """分两期支付：合同签订后十日内支付…；验收合格后支付…: the schedule in the same sentence."""
    equal = _equal_instalments(layout, start, end)
    if equal:
        return equal
    found = _split_instalments(layout, start, end, total, _CLAUSE_ENDS)
    if len(found) < 2:
        # …内支付六十万元，2025年6月30日前支付六十万元: each clause ends with its amount
        found = _split_instalments(layout, start, end, total, _CLAUSE_ENDS + r"|(?<=元[，,])")
    return found


# clauses end at ；, or at a comma before the next instalment's label (，余款…)
_CLAUSE_ENDS = (
    r"(?<=[；;])|(?<=[，,])(?=(?:余款|尾款|剩余款项|第[二三四五六七八九十]期|[二三四五六七八九十]期款))"
)


def _split_instalments(
    layout: Layout, start: int, end: int, total: float | None, clause_ends: str
) -> list[Instalment]:
    found: list[Instalment] = []
    offset = start
    for clause in re.split(clause_ends, layout.text[start:end]):
        head = _SCHEDULE_HEAD.match(clause)
        skip = head.end() if head else 0
        label = _ENUMERATION.match(clause[skip:])
        skip += label.end() if label else 0
        instalment = _clause_instalment(layout, offset + skip, clause[skip:], total)
        if instalment is not None:
            found.append(instalment)
        offset += len(clause)
    return found


def _equal_instalments(layout: Layout, start: int, end: int) -> list[Instalment]:
    """每期人民币捌拾万元，分别于本合同生效后15日内、2025年10月15日前支付."""
    match = _EQUAL_STEPS.search(layout.text, start, end)
    if match is None:
        return []
    each = next(amounts(match.group(1)), None)
    if each is None:
        return []
    listed = _PAY_VERB.split(match.group(2), maxsplit=1)[0]
    found: list[Instalment] = []
    at = match.start(2)
    for due in re.split(r"(、|及|和|以及)", listed):
        stripped = due.strip("，, ")
        if stripped and _CONDITION.search(stripped):
            begin = at + due.find(stripped)
            found.append(
                Instalment(
                    amount=each.money.amount,
                    due=stripped,
                    evidence=ev(layout, begin, begin + len(stripped), LABELLED),
                )
            )
        at += len(due)
    return found if len(found) >= 2 else []


@dataclass(frozen=True)
class _ColumnUnit:
    """金额（万元）: the table column whose cells are bare numbers in that unit."""

    column: int
    scale: float
    currency: str


ColumnUnit = _ColumnUnit  # the type column_unit returns, for the readers of other tables


# every currency word the amounts know (金额（英镑）, 出资（日元）): a column's unit
_UNIT_WORDS = "美元|欧元|港元|港币|澳门元|澳门币|日元|日圆|韩元|英镑|元"
_UNIT_HEADER = re.compile(
    r"(?:金额|价款|款项|费用|付款额|支付额|投入|出资额|出资|经费|资金)\s*[（(]\s*"
    rf"(?:(?P<prefix>{_PREFIX})?(?P<scale>万)?"
    rf"(?P<unit>{_UNIT_WORDS})"
    # 金额（新台币） / 金额（HK$）: the currency alone, the cells in its unit
    rf"|(?P<currency>{_PREFIX}))"
    r"\s*[）)]"
)
_BARE_NUMBER = re.compile(r"^\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*$")


def column_unit(header: str) -> _ColumnUnit | None:
    """The unit a table's header row gives a column of bare numbers (资金投入（万元）)."""
    return _column_unit(header)


def bare_amount(cell: str, unit: _ColumnUnit) -> float | None:
    """A bare number in a column whose header gives the unit (1600 under 投入（万元）)."""
    bare = _BARE_NUMBER.match(cell)
    return float(bare.group(1).replace(",", "")) * unit.scale if bare else None


# 调整如下表（单位：万元） / 金额单位：美元: the unit of a table's bare amounts, said above it
_UNIT_NOTE = re.compile(
    rf"(?:金额)?单位\s*[：:为]\s*(?P<prefix>{_PREFIX})?"
    rf"(?P<scale>万)?(?P<unit>{_UNIT_WORDS})?"
)
_ANY_COLUMN = -1  # the one cell of a row that holds a bare number


def _unit_note(line: str) -> _ColumnUnit | None:
    match = _UNIT_NOTE.search(line)
    if match is None or not (match["scale"] or match["unit"] or match["prefix"]):
        return None
    word = match["prefix"] if match["unit"] in (None, "元") and match["prefix"] else match["unit"]
    return _ColumnUnit(
        _ANY_COLUMN, 10_000.0 if match["scale"] else 1.0, _ISO.get(word or "元", "CNY")
    )


def _column_unit(header: str) -> _ColumnUnit | None:
    for column, (_, cell) in enumerate(row_cells(header)):
        match = _UNIT_HEADER.search(cell)
        # 原约定金额（万元） | 变更后金额（万元）: an amendment's amounts are in the new column
        if match and not OLD_COLUMN.match(cell.strip()):
            word = match["currency"] or (
                match["prefix"] if match["unit"] == "元" and match["prefix"] else match["unit"]
            )
            return _ColumnUnit(
                column, 10_000.0 if match["scale"] else 1.0, _ISO.get(word or "元", "CNY")
            )
    return None


def _instalment(
    layout: Layout, at: int, line: str, total: float | None, unit: _ColumnUnit | None = None
) -> Instalment | None:
    body = line.rstrip("\n")
    if "\t" in body:
        return _table_instalment(layout, at, body, total, unit)
    label = _ENUMERATION.match(body)
    found = None
    if label is not None:
        found = _clause_instalment(layout, at + label.end(), body[label.end() :], total)
    if found is None and len(row_cells(body)) >= 2:
        # 合同生效后10日内 100: a row of a table a PDF printed with spaces
        return _table_instalment(layout, at, body, total, unit)
    return found


def _table_instalment(
    layout: Layout, at: int, row: str, total: float | None, unit: _ColumnUnit | None = None
) -> Instalment | None:
    cells = [(at + position, cell) for position, cell in row_cells(row)]
    money_cells = [(o, c, a) for o, c in cells if (a := next(amounts(c), None)) is not None]
    if not money_cells:  # a share of the total (30%) when the row states no amount
        money_cells = [(o, c, a) for o, c in cells if (a := _amount_or_share(c, total)) is not None]
    if not money_cells and unit is not None and unit.column < len(cells):
        columns = (
            [cells[unit.column]]
            if unit.column != _ANY_COLUMN
            # 序号 | 付款条件 | 金额: a row's first cell numbers it
            else [(o, c) for o, c in cells[1 if len(cells) >= 3 else 0 :] if _BARE_NUMBER.match(c)]
        )
        bare = _BARE_NUMBER.match(columns[0][1]) if len(columns) == 1 else None
        if bare:
            cell_at, cell = columns[0]
            value = float(bare.group(1).replace(",", "")) * unit.scale
            money = Money(amount=value, currency=unit.currency, text=cell.strip())
            money_cells = [(cell_at, cell, Amount(money, 0, len(cell)))]
    if len(money_cells) != 1:
        return None
    due = [
        (o, c)
        for o, c in cells
        if c.strip()
        and (_CONDITION.search(c) or _DATE_CELL.search(c))
        and next(amounts(c), None) is None
        and not _LABEL_CELL.match(c)
    ]
    if not due:
        return None
    cell_at, cell, found = money_cells[0]
    due = [(o, c) for o, c in due if o != cell_at]
    if not due:
        return None
    due_at, due_text = due[0]
    return Instalment(
        amount=found.money.amount,
        due=due_text.strip(),
        evidence=ev(layout, due_at, cell_at + len(cell), LABELLED),
    )


# 验收款 / 交付款 / 第二期: a cell naming the instalment, whatever event its name recalls
_LABEL_CELL = re.compile(
    r"^\s*(?:[^\s\d，,。；;：:前后内日]{1,5}?(?:款|费|款项)|第?[首尾末一二三四五六七八九十\d]{1,2}(?:期|笔))\s*$"
)


_SHARE_OF_TOTAL = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]|百分之([零一二三四五六七八九十点]+)")


def _amount_or_share(text: str, total: float | None) -> Amount | None:
    """The amount a clause or cell states; else its share of the total (支付总价款的40%)."""
    found = next(amounts(text), None)
    if found is not None or total is None:
        return found
    share = _SHARE_OF_TOTAL.search(text)
    if share is None:
        return None
    try:
        percent = (
            float(share.group(1)) if share.group(1) else float(cn2an.cn2an(share.group(2), "smart"))
        )
    except ValueError:
        return None
    money = Money(amount=round(total * percent / 100, 2), text=share.group(0))
    return Amount(money, share.start(), share.end())


def _clause_instalment(
    layout: Layout, at: int, clause: str, total: float | None = None
) -> Instalment | None:
    found = _amount_or_share(clause, total)
    if found is None:
        return None
    due = _due(clause, found)
    if due is None:
        return None
    due_text, due_start = due
    return Instalment(
        amount=found.money.amount,
        due=due_text,
        evidence=ev(layout, at + due_start, at + len(clause.rstrip("。；;，, ")), LABELLED),
    )


_INSTALMENT_NAME = re.compile(r"[^\s\d，,：:（(]{1,5}?(?:款|款项|费)")


def _due(clause: str, found: Amount) -> tuple[str, int] | None:
    """The due condition of one instalment clause: the segment before the payment verb
    (合同签订后十个工作日内支付…), or the 于…前 segment after the amount."""
    position = 0
    # a comma inside a number (US$300,000) does not end a segment
    for segment in re.split(r"([，；;。]|,(?!\d{3}))", clause):
        if segment in "，,；;。":
            position += len(segment)
            continue
        if found.start >= position + len(segment) or found.start < position:
            text = segment
        else:
            text = segment[: found.start - position]
        # 乙方应在合同生效后15日内支付…: the payer and its modal verb are not the condition
        # (受让方于签约后十日内付…: the payer without a modal verb too)
        text = re.sub(
            r"^(?:(?:(?:甲方|乙方|丙方|被许可方|被许可人|受让方|受让人|出质人|买方)(?:应当|应|须|需|并)?"
            r"|(?:应当|应|须|需|并))(?:一次性)?(?:向\S{1,6}?)?)?(?:已经|已)?(?:于|在)",
            "",
            text.strip(),
        )
        verb = _PAY_VERB.search(text)
        if verb:
            text = text[: verb.start()]
        # 签约后十日内付四百八十万元: a bare 付 after the condition is its payment verb too
        text = _BARE_PAY.sub("", text)
        text = text.rstrip("，,：: ")  # （一）签约后五日内：人民币40万元
        # 验收款人民币168万元，于…支付: the instalment's name (验收款, 签约款) before its amount
        # is no condition; its due follows the amount
        if _INSTALMENT_NAME.fullmatch(text):
            text = ""
        if text and _CONDITION.search(text) and next(amounts(text), None) is None:
            return text, position + segment.find(text)
        after = _due_after_amount(segment, found.end - position)
        if after is not None:
            return after[0], position + after[1]
        position += len(segment)
    return None


def _due_after_amount(segment: str, amount_end: int) -> tuple[str, int] | None:
    """尾款人民币陆拾万元，于…后十日内支付 / 余款三十万元于2024年12月31日前付清: the due
    condition follows the amount."""
    if not 0 < amount_end <= len(segment):
        return None
    rest = segment[amount_end:]
    # …于…内支付 after the amount, or US$300,000：被许可方收到发票后四十五日内
    # 英镑贰拾壹万元（GBP 210,000）于…支付: the amount restated in brackets comes first
    head = re.match(
        r"(?:[\s，,]*[（(][^（）()。；]{1,30}[）)])?[\s，,]*(?:(?:应|须|需|并|已经|已)?(?:于|在)|[：:])",
        rest,
    )
    if head is None:
        return None
    text = rest[head.end() :]
    verb = _PAY_VERB.search(text)
    if verb:
        text = text[: verb.start()]
    text = text.strip("，, ")
    if text and _CONDITION.search(text) and next(amounts(text), None) is None:
        return text, amount_end + rest.find(text, head.end())
    return None


# ---- other money fields -------------------------------------------------------------------


def entry_fee(layout: Layout, payment: Payment) -> Extracted[Money] | None:
    """The one-time fee paid besides a royalty: 入门费, 签约金, or the licence fee of a contract
    that also sets a royalty rate."""
    labelled = re.compile(r"入门费|签约金|初始费|首期许可费|初始许可费")
    for offset, sentence in sentences(layout):
        label = labelled.search(sentence)
        if label is not None:
            # 入门费为人民币50万元, or 支付人民币50万元作为入门费
            found = next(amounts(sentence, label.end()), None) or next(amounts(sentence), None)
            if found:
                return _money_at(layout, found, offset)
    return payment.amount


def valuation(layout: Layout, kind: ContractKind) -> Extracted[Money] | None:
    """The agreed value of contributed IP (作价 …, not a differing 评估值) or the appraised value
    (评估价值) of pledged patents."""
    if kind is ContractKind.EQUITY_CONTRIBUTION:
        pattern = re.compile(r"作价(?:金额|价格)?(?:为|合计|共计|总额为)?")
    elif kind is ContractKind.PATENT_PLEDGE:
        # 评估价值为… / 经…评估，上述专利权价值为…
        pattern = re.compile(
            r"评估(?:价值|值|[^。；]{0,16}?[，,][^。；]{0,12}?价值)(?:为|合计|共计)?"
        )
    else:
        return None
    for offset, sentence in sentences(layout):
        for match in pattern.finditer(sentence):
            after = next(amounts(sentence, match.end(), match.end() + 20), None)
            # 以人民币1200万元作价入股: the amount just before 作价
            before = [a for a in amounts(sentence, 0, match.start()) if match.start() - a.end <= 6]
            found = after
            between = sentence[match.end() : after.start] if after else ""
            if before and (
                after is None
                # 按评估值600万元的九折作价，即540万元: the computed price follows
                or (re.search(r"[，,；;]", between) and not re.search(r"即|计|合计|共计", between))
            ):
                # 按人民币贰仟贰佰万元作价出资，其中人民币550万元计入注册资本: what follows the
                # comma is a part of the price, not the price
                found = before[-1]
            if found:
                return _money_at(layout, found, offset)
    return _valuation_column(layout, kind)


# 评估值（万元） / 作价（万元）: the column of a patent table that values each patent
_VALUE_HEADER = re.compile(
    r"^\s*(?:评估(?:价)?值|评估价值|作价)(?:金额)?\s*(?P<unit>[（(][^）)]{1,8}[）)])\s*$"
)
_TOTAL_ROW = re.compile(r"^\s*(?:合计|总计|共计|合共|小计|总额)")


def _valuation_column(layout: Layout, kind: ContractKind) -> Extracted[Money] | None:
    """The patents' value from a table of them when no sentence states it: the 合计 row of
    the value column, or the sum of its cells (a pledge's 评估值, a contribution's 作价)."""
    wanted = "作价" if kind is ContractKind.EQUITY_CONTRIBUTION else "评估"
    offset = 0
    lines = layout.text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        header = [
            (column, match)
            for column, (_, cell) in enumerate(row_cells(line))
            if (match := _VALUE_HEADER.match(cell)) and wanted in cell
        ]
        unit = _column_unit("金额" + header[0][1]["unit"]) if header else None
        if unit is not None:
            found = _column_total(
                lines[index + 1 :], offset + len(line), (header[0][0], len(row_cells(line))), unit
            )
            if found is not None:
                start, end, money = found
                return Extracted(value=money, evidence=ev(layout, start, end, LABELLED))
        offset += len(line)
    return None


def _column_total(
    rows: list[str], at: int, place: tuple[int, int], unit: _ColumnUnit
) -> tuple[int, int, Money] | None:
    """The 合计 row's number; else the sum of the column, only when every row is whole (a row
    a PDF broke across lines has its cells out of place: no sum then). `place` is the value
    column and the header's width."""
    column, width = place
    cells_read: list[tuple[int, str]] = []
    whole = True
    for row in rows[:40]:
        cells = row_cells(row)
        if len(cells) < 2 and (not row.strip() or re.search(r"[。；]|^\s*第\S{1,4}条", row)):
            break  # the table ended
        numbers = [(o, c) for o, c in cells if _BARE_NUMBER.match(c)]
        if _TOTAL_ROW.match(cells[0][1]) and numbers:
            start, cell = numbers[-1]
            value = float(cell.strip().replace(",", "")) * unit.scale
            first = at + start + len(cell) - len(cell.lstrip())
            money = Money(amount=value, currency=unit.currency, text=cell.strip())
            return first, first + len(cell.strip()), money
        whole = whole and len(cells) == width
        if column < len(cells) and _BARE_NUMBER.match(cells[column][1]):
            cells_read.append((at + cells[column][0], cells[column][1]))
        at += len(row)
    if not cells_read or not whole:
        return None
    total = sum(float(c.strip().replace(",", "")) for _, c in cells_read) * unit.scale
    start, end = cells_read[0][0], cells_read[-1][0] + len(cells_read[-1][1])
    text = "+".join(c.strip() for _, c in cells_read)
    return start, end, Money(amount=total, currency=unit.currency, text=text)


def sole_funding(layout: Layout, contributions: list[PartyValue]) -> Extracted[Money] | None:
    """A cooperation one party alone funds (乙方提供研发经费…，甲方、丙方投入人员): that party's
    money is the whole funding, the amount the text states for the project."""
    paying = [c for c in contributions if c.value is not None]
    if len(paying) != 1 or len(contributions) < 2:
        return None
    evidence = paying[0].evidence
    stated = [
        a
        for a in amounts(layout.text, evidence.start, evidence.end)
        if a.money.amount == paying[0].value
    ]
    if not stated:
        return None
    found = stated[0]
    return Extracted(value=found.money, evidence=ev(layout, found.start, found.end, LABELLED))


def liquidated_damages(layout: Layout) -> Extracted[Money] | None:
    """违约金 stated as an amount (per person when the text says 分别); a rate of the fee
    (万分之五) is not one."""
    for offset, sentence in sentences(layout):
        # 违约金：乙方违反…的，应支付违约金人民币100万元: any mention may carry the amount
        for match in re.finditer(r"违约(?:赔偿)?金|违约罚金", sentence):
            found = _damages_near(sentence, match)
            if found is not None:
                return _money_at(layout, found, offset)
    return None


def _damages_near(sentence: str, match: re.Match[str]) -> Amount | None:
    found = next(amounts(sentence, match.start()), None)
    if found and found.start - match.end() <= 20:
        return found
    # 违约金为转让价款总额的百分之十，即人民币叁拾万元: the amount after a computation
    if found and re.search(r"即|计|合计|共计", sentence[match.end() : found.start]):
        return found
    before = [a for a in amounts(sentence, 0, match.start()) if match.start() - a.end <= 6]
    return before[-1] if before else None  # 支付50万元违约金


def monthly_compensation(layout: Layout) -> Extracted[Money] | None:
    for offset, sentence in sentences(layout):
        match = re.search(r"(?:每月|按月|月)[^。；]{0,30}?(?:补偿|补偿金|经济补偿)", sentence)
        if match is None:
            match = re.search(r"补偿金?[^。；]{0,10}?(?:每月|按月)", sentence)
        if match is None:
            continue
        found = next(amounts(sentence, match.start()), None)
        if found:
            return _money_at(layout, found, offset)
    return None
