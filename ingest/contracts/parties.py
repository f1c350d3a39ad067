"""What each party of a multi-party contract has: the shares of co-owned results and the money
contributions of a cooperation (甲方/乙方/丙方/丁方), the receiving company and the IP
contributor's equity share of an equity contribution; and the party names and other stated
values put back into the document's own script."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import cn2an

from domain.names import organization_name
from ingest.contracts.model import (
    ContractExtraction,
    ContractKind,
    Evidence,
    Extracted,
    Instalment,
    Party,
    PartyValue,
    Role,
)
from ingest.contracts.money import ColumnUnit, amounts, bare_amount, column_unit
from ingest.contracts.rules import LABELLED, ev, sentences
from ingest.contracts.script import FoldedText, to_simplified
from ingest.contracts.structure import Layout, row_cells

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]|百分之([零一二三四五六七八九十点]+)")
_LABELS = "甲方|乙方|丙方|丁方|戊方|第[一二三四五六]方"


def party_terms(layout: Layout, kind: ContractKind, parties: list[Party]) -> dict[str, Any]:
    if kind is ContractKind.COOPERATION:
        return _cooperation(layout, parties)
    if kind is ContractKind.EQUITY_CONTRIBUTION:
        return _equity(layout, parties)
    return {}


def _fraction(match: re.Match[str]) -> float | None:
    try:
        if match.group(1):
            return float(match.group(1)) / 100
        return float(cn2an.cn2an(match.group(2), "smart")) / 100
    except ValueError:
        return None


def _party_named(parties: list[Party], mention: str, numbered: bool = False) -> Party | None:
    """The party a mention names: its label (甲方), its short name (以下简称 …) or its name;
    with `numbered`, also its place among the parties sharing a label (合作方二), which says
    who a cooperation's clause means (an equity contribution's 出资方一 and 出资方二 together
    are the contributors, tests/gold/README.md)."""
    mention = _plain(mention)
    by_number = _numbered_label(parties, mention) if numbered else None
    if by_number is not None:
        return by_number
    for party in parties:
        if mention in (party.label, party.short_name, _plain(party.name)):
            return party
    for party in parties:
        name = _plain(party.name)
        if mention and (mention in name or name in mention):
            return party
    return None


_NUMBERED = re.compile(r"(?P<label>\S+?)(?P<number>[一二三四五六七八九十]|\d{1,2})")


def _numbered_label(parties: list[Party], mention: str) -> Party | None:
    """合作方二 / 参与方3: the party of that place among those sharing the label."""
    match = _NUMBERED.fullmatch(mention)
    if match is None:
        return None
    same = [p for p in parties if p.label == match["label"]]
    number = match["number"]
    place = int(number) if number.isdigit() else "一二三四五六七八九十".index(number) + 1
    return same[place - 1] if len(same) >= 2 and place <= len(same) else None


_HALF_WIDTH_BRACKETS = str.maketrans({"（": "(", "）": ")"})
_FULL_WIDTH_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def _plain(name: str) -> str:
    """A name as compared: a table cell keeps the full-width brackets of 中电（深圳）有限公司
    where the party's name was normalised to half-width ones."""
    return name.strip().translate(_HALF_WIDTH_BRACKETS)


def _mentions(parties: list[Party], numbered: bool = False) -> str:
    words = {_LABELS, *(re.escape(p.short_name) for p in parties if p.short_name)}
    if numbered:  # 合作方一 / 参与方2: a label several parties share, with its number
        shared = {p.label for p in parties if sum(q.label == p.label for q in parties) >= 2}
        words |= {rf"{re.escape(label)}(?:[一二三四五六七八九十]|\d{{1,2}})" for label in shared}
    words |= {re.escape(p.name) for p in parties}
    # the text writes 中电（深圳）有限公司 where the name was normalised to half-width brackets
    words |= {re.escape(p.name.translate(_FULL_WIDTH_BRACKETS)) for p in parties}
    return "|".join(sorted(words, key=len, reverse=True))


# ---- cooperation ---------------------------------------------------------------------------


def _cooperation(layout: Layout, parties: list[Party]) -> dict[str, Any]:
    shares, contributions = _table_shares(layout, parties)
    if not shares:
        shares = (
            _clause_shares(layout, parties)
            or _respective_shares(layout, parties)
            or _equal_shares(layout, parties)
            or _ratio_shares(layout, parties)
            or _ordered_shares(layout, parties)
        )
    if not contributions:
        contributions = _text_contributions(layout, parties)
    found: dict[str, Any] = {"shares": shares, "contributions": contributions}
    currencies = [c.currency for c in _contribution_money(layout, contributions)]
    if currencies:
        found["currency"] = currencies[0]
    return found


def _table_shares(
    layout: Layout, parties: list[Party]
) -> tuple[list[PartyValue], list[PartyValue]]:
    """A table row per party: 甲方 | 研发经费人民币1000万元、试验条件 | 50%."""
    shares: list[PartyValue] = []
    contributions: list[PartyValue] = []
    unit = None
    text = layout.text
    offset = layout.body[0]
    for line in text[layout.body[0] : layout.body[1]].splitlines(keepends=True):
        at, offset = offset, offset + len(line)
        cells = [cell for _, cell in row_cells(line)]
        if len(cells) < 2:
            continue
        header_unit = column_unit("\t".join(cells))
        party = None if header_unit else _row_party(parties, cells[0])
        if party is None:
            unit = header_unit or unit  # the header row: 资金投入（万元）
            continue
        evidence = ev(layout, at, at + len(line.rstrip()), LABELLED)
        share = _share_cell(cells[1:])
        if share is not None:
            shares.append(PartyValue(name=party.name, value=share, evidence=evidence))
        money = _money_cell(cells, unit)
        contributions.append(PartyValue(name=party.name, value=money, evidence=evidence))
    if not any(c.value for c in contributions):
        contributions = []
    return _first_per_party(shares), _first_per_party(contributions)


def _first_per_party(values: list[PartyValue]) -> list[PartyValue]:
    """One value per party: its first row with a value, else its first row (a later table
    naming the parties again, the signature table, adds nothing)."""
    chosen: dict[str, PartyValue] = {}
    for value in values:
        if value.name not in chosen or (chosen[value.name].value is None and value.value):
            chosen[value.name] = value
    return list(chosen.values())


def _row_party(parties: list[Party], cell: str) -> Party | None:
    """The party a row's first cell names; a label every party shares (合作方 heading the name
    column of 合作方一…四) names none."""
    if sum(1 for p in parties if p.label == cell.strip()) >= 2:
        return None
    return _party_named(parties, cell, numbered=True)


_PERCENT_CELL = re.compile(rf"^\s*(?:{_PERCENT.pattern})\s*$")


def _share_cell(cells: list[str]) -> float | None:
    """The share in a party's row: the cell that is a percentage, wherever its column; else a
    percentage in the last cell (50%（含技术入股）)."""
    for cell in cells:
        whole = _PERCENT_CELL.match(cell)
        if whole is not None:
            return _fraction(_PERCENT.search(cell))  # type: ignore[arg-type]
    percent = _PERCENT.search(cells[-1]) if cells else None
    return _fraction(percent) if percent else None


def _percent_in_row(cells: list[str]) -> tuple[int, re.Match[str]] | None:
    """(column, match) of a row's share: the cell that is a percentage, else one in the last
    cell (股东 | 持股比例 | 出资额 or 股东 | 出资额 | 持股比例)."""
    for column, cell in enumerate(cells[1:], start=1):
        if _PERCENT_CELL.match(cell):
            match = _PERCENT.search(cell)
            if match is not None:
                return column, match
    last = _PERCENT.search(cells[-1])
    return (len(cells) - 1, last) if last is not None else None


def _money_cell(cells: list[str], unit: ColumnUnit | None) -> float | None:
    """The money in a party's row: an amount in any cell after the name, else a bare number
    under a header giving the unit (投入（万元） | 300); 0 is no money."""
    money = [
        a.money.amount
        for cell in cells[1:]
        if not _PERCENT_CELL.match(cell) and (a := next(amounts(cell), None))
    ]
    if not money and unit is not None and unit.column < len(cells):
        bare = bare_amount(cells[unit.column], unit)
        money = [bare] if bare is not None else []
    return money[0] if money and money[0] else None


def _clause_shares(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """其中甲方占百分之六十，乙方占百分之四十 / 甲方享有60%: shares named in a clause about the
    ownership of results."""
    mention = re.compile(
        rf"({_mentions(parties, numbered=True)})"
        r"\s*(?:占有?|享有|持有|拥有|按|为)?\s*(?:其中)?(?:的)?"
        rf"(?:份额|比例)?\s*(?:为)?\s*({_PERCENT.pattern})"
    )
    found: dict[str, PartyValue] = {}
    for offset, sentence in sentences(layout):
        if not re.search(r"共有|归属|份额|比例", sentence):
            continue
        for match in mention.finditer(sentence):
            party = _party_named(parties, match.group(1), numbered=True)
            share = _fraction(_PERCENT.match(match.group(2)))  # type: ignore[arg-type]
            if party is not None and share is not None and party.name not in found:
                found[party.name] = PartyValue(
                    name=party.name,
                    value=share,
                    evidence=ev(layout, offset + match.start(), offset + match.end(), LABELLED),
                )
    values = list(found.values())
    total = sum(v.value or 0 for v in values)
    return values if len(values) >= 2 and abs(total - 1) < 0.011 else []


def _text_contributions(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """Money of several parties, each named with its own amount (由甲方出资450万元，丙方出资150万
    元), before one party bearing the whole funding (经费500万元，由甲方承担)."""
    each = _each_contribution(layout, parties)
    if sum(1 for c in each if c.value is not None) >= 2:
        return each
    return _clause_contributions(layout, parties) or each


def _clause_contributions(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """经费为人民币伍佰万元整，由甲方承担: the funding one party bears; the others contribute no
    money."""
    mentions = _mentions(parties, numbered=True)
    bearer = re.compile(rf"由\s*({mentions})\s*(?:承担|负担|支付|出资|提供)")
    for offset, sentence in sentences(layout):
        if not re.search(r"经费|资金|费用", sentence):
            continue
        match = bearer.search(sentence)
        found = next(amounts(sentence), None)
        if match is None or found is None:
            continue
        party = _party_named(parties, match.group(1), numbered=True)
        if party is None:
            continue
        evidence = ev(layout, offset + found.start, offset + match.end(), LABELLED)
        return [
            PartyValue(
                name=p.name,
                value=found.money.amount if p is party else None,
                evidence=evidence,
            )
            for p in parties
        ]
    return []


def _respective_shares(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """甲方、乙方、丙方的份额分别为50%、30%、20%: the parties listed, then their shares in the
    same order."""
    mention = _mentions(parties, numbered=True)
    pattern = re.compile(
        rf"(?P<names>(?:{mention})(?:\s*[、和及与,，]\s*(?:{mention}))+)[^。；%％]{{0,12}}?"
        # …分别为50%、30%、20% / 按照50%、30%、20%的比例共有
        r"(?:分别(?:为|是|占|享有|持有)?|(?:按照?|依照?)(?=[^。；]{0,3}\d[^。；]*比例))"
        rf"\s*(?P<values>(?:{_PERCENT.pattern})(?:\s*[、和及与,，]\s*(?:{_PERCENT.pattern}))+)"
    )
    for offset, sentence in sentences(layout):
        if not re.search(r"共有|归属|份额|比例|享有", sentence):
            continue
        match = pattern.search(sentence)
        if match is None:
            continue
        named = [
            _party_named(parties, m.group(0), numbered=True)
            for m in re.finditer(mention, match["names"])
        ]
        values = [_fraction(p) for p in _PERCENT.finditer(match["values"])]
        if len(named) != len(values) or None in named or None in values:
            continue
        evidence = ev(layout, offset + match.start(), offset + match.end(), LABELLED)
        return [
            PartyValue(name=p.name, value=v, evidence=evidence)
            for p, v in zip(named, values, strict=True)
            if p is not None
        ]
    return []


_EACH_HOLDS = re.compile(
    rf"(?:双方|各方|三方|四方|五方|合作各方)各(?:自)?(?:占|享有|持有|拥有|占有)?(?:其中)?(?:的)?"
    rf"\s*(?:{_PERCENT.pattern})"
    r"|(?:双方|各方|三方|四方|合作各方)(?:按)?(?:均等|平均|等额|各半|平分)"
)


def _equal_shares(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """由双方共有，双方各占百分之五十 / 各方平均共有: every party holds the same share."""
    if len(parties) < 2:
        return []
    for offset, sentence in sentences(layout):
        if not re.search(r"共有|归属|份额|比例|享有|成果", sentence):
            continue
        match = _EACH_HOLDS.search(sentence)
        if match is None:
            continue
        percent = _PERCENT.search(match.group(0))
        share = _fraction(percent) if percent else 1 / len(parties)
        if share is None or abs(share * len(parties) - 1) > 0.01:
            continue  # 各占30% of three parties names no whole
        evidence = ev(layout, offset + match.start(), offset + match.end(), LABELLED)
        return [PartyValue(name=p.name, value=share, evidence=evidence) for p in parties]
    return []


_RATIO = re.compile(r"(\d+(?:\.\d+)?(?:\s*[:：比]\s*\d+(?:\.\d+)?)+)\s*的?(?:比例|份额)")


def _ratio_shares(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """按4:3:2:1的比例共有: a ratio with one term per party, in the parties' order."""
    for offset, sentence in sentences(layout):
        if not re.search(r"共有|归属|份额|享有", sentence):
            continue
        match = _RATIO.search(sentence)
        if match is None:
            continue
        terms = [float(t) for t in re.split(r"\s*[:：比]\s*", match.group(1))]
        if len(terms) != len(parties) or not sum(terms):
            continue
        evidence = ev(layout, offset + match.start(), offset + match.end(), LABELLED)
        return [
            PartyValue(name=p.name, value=round(t / sum(terms), 6), evidence=evidence)
            for p, t in zip(parties, terms, strict=True)
        ]
    return []


# 三方按40%、35%、25%的比例共有: one percentage per party, in the order of the parties block
_ORDERED_PERCENTS = re.compile(
    rf"(?:各方|[双两三四五六]方)[^。；%％\d]{{0,8}}?"
    rf"(?P<values>(?:{_PERCENT.pattern})(?:\s*[、和及与,，]\s*(?:{_PERCENT.pattern}))+)"
)


def _ordered_shares(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    for offset, sentence in sentences(layout):
        match = _ORDERED_PERCENTS.search(sentence)
        if match is None or not re.search(r"共有|归属|份额|享有", sentence):
            continue
        values = [_fraction(p) for p in _PERCENT.finditer(match["values"])]
        total = sum(v for v in values if v is not None)
        if len(values) != len(parties) or None in values or abs(total - 1) > 0.011:
            continue
        evidence = ev(layout, offset + match.start(), offset + match.end(), LABELLED)
        return [
            PartyValue(name=p.name, value=v, evidence=evidence)
            for p, v in zip(parties, values, strict=True)
        ]
    return []


def _each_contribution(layout: Layout, parties: list[Party]) -> list[PartyValue]:
    """甲方出资人民币600万元；丙方投入研发经费人民币400万元；乙方以技术和人员投入: each party's
    money in its own clause; a party without one contributes no money."""
    pattern = re.compile(
        rf"({_mentions(parties, numbered=True)})\s*(?:应|负责|将|拟)?"
        # 甲方以现金方式出资… / 丙方负责筹措研发经费…
        # 甲方負擔新臺幣捌佰萬元: 负担, the Taiwanese word for bearing a cost
        r"(?:以[^，。；\d]{1,8}?(?:方式|形式))?(?:出资|投入|提供|承担|负担|筹措|筹集)"
        r"(?:研发|研究开发|开发|项目)?(?:经费|资金|费用)?\s*(?:为|共计|合计)?\s*"
    )
    # …共同投入研发资金人民币六百万元，其中甲方三百五十万元，丙方二百五十万元: the amount right
    # after each party named in the funding's breakdown
    listed = re.compile(
        rf"({_mentions(parties, numbered=True)})\s*(?:[：:]|为)?\s*"
        r"(?=人民币|港币|澳门元|美元|欧元|[\d零一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾])"
    )
    found: dict[str, PartyValue] = {}
    for offset, sentence in sentences(layout, semicolons=False):
        breakdown = (
            re.search(r"其中", sentence) and re.search(r"经费|资金|投入|出资", sentence)
        ) or _funding_list_item(layout, offset, sentence)
        matches = [(m, 12) for m in pattern.finditer(sentence)]
        matches += [(m, 4) for m in listed.finditer(sentence)] if breakdown else []
        for match, reach in matches:
            amount = next(amounts(sentence, match.end(), match.end() + 12), None)
            if amount is not None and amount.start > match.end() + reach:
                amount = None
            party = _party_named(parties, match.group(1), numbered=True)
            if amount is None or party is None or party.name in found:
                continue
            found[party.name] = PartyValue(
                name=party.name,
                value=amount.money.amount,
                evidence=ev(layout, offset + match.start(), offset + amount.end, LABELLED),
            )
    if not found:
        return []
    evidence = next(iter(found.values())).evidence
    return [
        found.get(p.name) or PartyValue(name=p.name, value=None, evidence=evidence) for p in parties
    ]


_LIST_ITEM = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]|[①②③④⑤⑥])\s*")


def _funding_list_item(layout: Layout, offset: int, sentence: str) -> bool:
    """（1）甲方：人民币300万元 under 各方出资如下: an enumerated line of an article about the
    funding names one party's money."""
    if not _LIST_ITEM.match(sentence):
        return False
    article = next((a for a in layout.articles if a.start <= offset < a.end), None)
    head = layout.text[article.start : offset] if article else ""
    return bool(re.search(r"出资|投入|经费|资金", head))


def _contribution_money(layout: Layout, contributions: list[PartyValue]) -> list[Any]:
    return [
        found.money
        for c in contributions
        if c.value is not None
        for found in amounts(layout.text, c.evidence.start, c.evidence.end)
    ]


# ---- equity contribution -------------------------------------------------------------------


def _equity(layout: Layout, parties: list[Party]) -> dict[str, Any]:
    # The IP contributor is the party the text says contributes it; the receiving company is
    # the one a role labels (丙方（目标公司）), else the one the IP goes to (作价入股甲方, 向甲方
    # 出资), else the only company among people and universities, else of two parties the one
    # that does not contribute the IP (the second in the template's order).
    contributor = _ip_contributor(layout, parties)
    investee = (
        next(
            (p for p in parties if p.role is Role.INVESTEE and p.evidence.confidence == LABELLED),
            None,
        )
        or _named_investee(layout, parties, contributor)
        or _only_company(parties, contributor)
    )
    if investee is None and len(parties) == 2:
        investee = parties[0] if parties[1] is contributor else parties[1]
    others = [p for p in parties if p is not investee]
    if contributor is None:
        contributor = others[0] if len(others) == 1 else None
    for party in parties:
        if party is investee:
            party.role = Role.INVESTEE
        elif party.role in (Role.PARTNER, Role.INVESTEE):
            party.role = Role.CONTRIBUTOR
    found: dict[str, Any] = {}
    company = None
    if investee is None or _GENERIC_INVESTEE.match(investee.name):
        # 本协议由…与目标公司（以下简称“乙方”）签订 … 乙方（目标公司）：…有限公司: the name
        # a 目标公司 / 发行方 line gives, when the parties read leave the company unnamed
        company = _labelled_investee(layout)
    if company is None and investee is not None:
        company = Extracted(value=investee.name, evidence=investee.evidence)
    if company is None:
        company = _company_receiving(layout, contributor)
    if company is not None:
        found["receiving_company"] = company
    share = None
    if contributor is not None:
        share = _equity_share(layout, parties, contributor)
        if share is None and others == [contributor]:
            # 发行方须配发…股，占认购完成后发行方全部已发行股份的12%: the sentence names the
            # company, not the contributor; the only other party holds what the deal issues
            share = _post_deal_share(layout)
    elif len(others) >= 2:
        share = _joint_equity_share(layout)
    else:
        share = _post_deal_share(layout)
    if share is not None:
        found["equity_share"] = share
    return found


# 目标公司 / 发行方 as a party's name: the defined term, not the company's name
_GENERIC_INVESTEE = re.compile(
    r"^(?:目标|标的|被投资|合资|项目)?公司$|^(?:发行|被投资|增资|目标)(?:方|人|企业)$"
)
_LABELLED_INVESTEE = re.compile(
    r"(?:目标公司|标的公司|被投资方|被投资公司|被投资企业|发行方|发行人)\s*[）)]?\s*[：:]\s*"
    r"(?:指|为|系|即)?\s*([^\s：:，,。；（()）]{2,40}?(?:股份有限公司|有限责任公司|有限公司|公司))"
    r"(?=[\s（(，,。；]|$)"
)


# 关于以专利权对合肥某某科技有限公司增资的协议 / 向某某有限公司作价出资: the company the
# IP goes to, named in the title or a clause, when no party line names it
_COMPANY_RECEIVING = re.compile(
    r"(?:对|向)\s*([\u4e00-\u9fff（）()A-Za-z]{2,40}?(?:股份有限公司|有限责任公司|有限公司))\s*"
    r"(?:进行)?(?:作价)?(?:增资|出资|入股|投资)"
)


def _company_receiving(layout: Layout, contributor: Party | None) -> Extracted[str] | None:
    for match in _COMPANY_RECEIVING.finditer(layout.text, 0, layout.body[1]):
        if contributor is None or _plain(match.group(1)) != _plain(contributor.name):
            return Extracted(
                value=match.group(1), evidence=ev(layout, match.start(1), match.end(1), LABELLED)
            )
    return None


def _labelled_investee(layout: Layout) -> Extracted[str] | None:
    match = _LABELLED_INVESTEE.search(layout.text)
    if match is None:
        return None
    return Extracted(
        value=match.group(1), evidence=ev(layout, match.start(1), match.end(1), LABELLED)
    )


# 占认购完成后发行方全部已发行股份的18% / 增资后持有目标公司20%的股权: the share after the deal
_AFTER_DEAL = re.compile(
    r"(?:增资|认购|出资|入股|发行|配发|交割|本次交易)(?:完成|完毕)?(?:后|之后)"
)


def _post_deal_share(layout: Layout) -> Extracted[float] | None:
    """The contributor is not among the parties read: the one percentage of a sentence about
    the shares held after the contribution is its share."""
    for offset, sentence in sentences(layout):
        percents = list(_PERCENT.finditer(sentence))
        if (
            percents
            and len({_fraction(p) for p in percents}) == 1
            and _AFTER_DEAL.search(sentence)
            and re.search(r"股权|股份|注册资本|持股|股本", sentence)
            and not re.search(r"违约|逾期|利息|罚", sentence)
        ):
            share = _fraction(percents[0])
            if share is not None:
                start, end = offset + percents[0].start(), offset + percents[0].end()
                return Extracted(value=share, evidence=ev(layout, start, end, LABELLED))
    return None


# 出资方一持有18.75%，出资方二持有6.25%，合计持有25%: the contributors' share together
_JOINT_SHARE = re.compile(
    r"(?:合计|共计|合共|总计|累计|共同|共)\s*(?:持有|持股|占有?|取得|获得|享有)[^。；，]{0,16}?"
    rf"(?:的)?(?:股权|股份|股本|注册资本)?(?:比例)?(?:为)?\s*({_PERCENT.pattern})"
)


def _joint_equity_share(layout: Layout) -> Extracted[float] | None:
    """Several parties contribute the IP and no one of them is named as the contributor: the
    share they hold together, when the text states it."""
    for offset, sentence in sentences(layout):
        match = _JOINT_SHARE.search(sentence)
        share = _fraction(_PERCENT.match(match.group(1))) if match else None  # type: ignore[arg-type]
        if match is not None and share is not None:
            start, end = offset + match.start(1), offset + match.end(1)
            return Extracted(value=share, evidence=ev(layout, start, end, LABELLED))
    return None


def _only_company(parties: list[Party], contributor: Party | None) -> Party | None:
    companies = [
        p
        for p in parties
        if p is not contributor and re.search(r"(?:有限公司|股份公司|有限责任公司)$", p.name)
    ]
    others = [p for p in parties if p not in companies]
    if (
        len(companies) == 1
        and others
        and all(p.is_person or re.search(r"大学|学院|研究院|研究所", p.name) for p in others)
    ):
        return companies[0]
    return None


def _named_investee(
    layout: Layout, parties: list[Party], contributor: Party | None = None
) -> Party | None:
    mentions = _mentions(parties)
    patterns = (
        rf"(?:作价入股|作价出资|出资入股|入股|增资|出资|投资)(?:到|至|于)?\s*({mentions})",
        rf"(?:向|对)\s*({mentions})\s*(?:作价)?(?:出资|增资|入股|投资)",
        # 认缴丙方新增注册资本 / 丙方为本次增资的目标公司
        rf"(?:认缴|认购|取得|获得|持有)\s*({mentions})\s*(?:的)?(?:新增|增加)?(?:注册资本|股权|股份)",
        # 丙方同意向甲方配发普通股股份: the company that issues the shares receives the IP
        rf"({mentions})\s*(?:同意|将|应)?\s*(?:向[^。；，]{{1,20}}?)?(?:配发|发行|增发)[^。；，]{{0,6}}?(?:股份|股权|新股|股)",
        rf"(?:取得|获得|持有)\s*({mentions})\s*[^。；，]{{0,12}}?(?:注册资本|股权|股份|股本)",
        rf"({mentions})\s*(?:为|系|是)(?:本次)?(?:增资|投资|出资)?(?:的)?(?:目标公司|标的公司|被投资方)",
        rf"({mentions})\s*(?:同意)?(?:接受|吸收)[^。；]{{0,12}}?(?:出资|入股|增资)",
    )
    for pattern in patterns:
        for match in re.finditer(pattern, layout.text[layout.body[0] : layout.body[1]]):
            party = _party_named(parties, match.group(1))
            if party is not None and party is not contributor:
                return party
    return None


def _ip_contributor(layout: Layout, parties: list[Party]) -> Party | None:
    """The party that contributes the IP: 甲方拟以该等专利作价入股 / 以其专利出资."""
    pattern = re.compile(
        rf"({_mentions(parties)})\s*(?:拟|同意|愿意|将)?\s*以(?:其|该等|上述|下述)?"
        # 以其拥有的“一种柔性压力传感器阵列及其制备方法”发明专利: the title may be long
        r"(?:[^。；，]{0,20}?|[^。；，“「]{0,12}[“「][^”」。]{1,60}[”」][^。；，]{0,12}?)"
        r"(?:专利|技术|知识产权|专有技术)[^。；]{0,40}?(?:作价|出资|入股|认缴|增资)"
    )
    match = pattern.search(layout.text, *layout.body)
    return _party_named(parties, match.group(1)) if match else None


def _equity_share(
    layout: Layout, parties: list[Party], contributor: Party
) -> Extracted[float] | None:
    names = "|".join(
        re.escape(word)
        for word in (contributor.label, contributor.short_name, contributor.name)
        if word
    )
    pattern = re.compile(
        rf"(?:{names})\s*(?:的)?(?:因此|由此|将|可|即)?(?:持股|(?:持有|取得|获得|享有)[^。；，]{{0,20}}?"
        rf"|占[^。；，]{{0,8}}?|股权比例|持股比例"
        rf"|出资比例|股比)\s*(?:比例)?(?:为|[：:])?\s*({_PERCENT.pattern})"
    )
    # a shareholding table: 股东 | 出资额 | 持股比例, one row per party
    offset = layout.body[0]
    for line in layout.text[layout.body[0] : layout.body[1]].splitlines(keepends=True):
        at, offset = offset, offset + len(line)
        positioned = row_cells(line)
        cells = [cell for _, cell in positioned]
        if len(cells) >= 2 and _party_named(parties, cells[0]) is contributor:
            found = _percent_in_row(cells)
            if found is not None:
                column, percent = found
                start = at + positioned[column][0] + percent.start()
                share = _fraction(percent)
                if share is not None:
                    end = start + len(percent.group(0))
                    return Extracted(value=share, evidence=ev(layout, start, end, LABELLED))
    for offset, sentence in sentences(layout):
        match = pattern.search(sentence)
        if match is None:
            continue
        share = _fraction(_PERCENT.match(match.group(1)))  # type: ignore[arg-type]
        if share is not None:
            start, end = offset + match.start(1), offset + match.end(1)
            return Extracted(value=share, evidence=ev(layout, start, end, LABELLED))
    # 股权结构：甲方15%，乙方35%: the contributor's name right before its percentage
    listed = re.compile(rf"(?:{names})\s*[：:]?\s*({_PERCENT.pattern})")
    for offset, sentence in sentences(layout):
        match = listed.search(sentence)
        if match and re.search(r"股权结构|持股|股份|股权|股比", sentence):
            share = _fraction(_PERCENT.match(match.group(1)))  # type: ignore[arg-type]
            if share is not None:
                start, end = offset + match.start(1), offset + match.end(1)
                return Extracted(value=share, evidence=ev(layout, start, end, LABELLED))
    # 甲方以专利作价出资，占增资后注册资本的17.2%: one percentage in the contributor's sentence
    # (百分之二十（20%） is one percentage written twice)
    for offset, sentence in sentences(layout):
        percents = list(_PERCENT.finditer(sentence))
        if (
            percents
            and len({_fraction(p) for p in percents}) == 1
            and re.search(names, sentence)
            and re.search(r"作价|出资|入股|增资|注资|配发", sentence)
            and re.search(r"股权|股份|注册资本|持股|股本", sentence)
        ):
            share = _fraction(percents[0])
            if share is not None:
                start, end = offset + percents[0].start(), offset + percents[0].end()
                return Extracted(value=share, evidence=ev(layout, start, end, LABELLED))
    return None


# ---- back to the document's script ---------------------------------------------------------


def _names_as_written(extraction: ContractExtraction, folded: FoldedText) -> ContractExtraction:
    """A simplified contract's party names as written where only the width of their brackets
    differs from the display form."""
    written: dict[str, str] = {}
    for party in extraction.parties:
        span = folded.original[party.evidence.start : party.evidence.end]
        if span != party.name and organization_name(span) == party.name:
            written[party.name] = party.name = span
    if written:
        for value in (*extraction.shares, *extraction.contributions):
            value.name = written.get(value.name, value.name)
        company = extraction.receiving_company
        if company is not None:
            company.value = written.get(company.value, company.value)
    return extraction


def in_original_script(extraction: ContractExtraction, folded: FoldedText) -> ContractExtraction:
    """Names, forums, scopes and due conditions as the document writes them (a Taiwanese
    party's name stays traditional, 上海微电子装备（集团）股份有限公司 keeps its full-width
    brackets); numbers and enumerations stay folded."""
    if folded.text == folded.original:
        return _names_as_written(extraction, folded)

    def restore(value: str, evidence: Evidence) -> str:
        span = folded.text[evidence.start : evidence.end]
        written = folded.original[evidence.start : evidence.end]
        # The display form folds brackets to ASCII: 理創技術轉移（香港）有限公司 is still the span.
        if span == value or organization_name(written) == value:
            return written
        return folded.original_value(value, evidence.start)

    def restore_field(field: Extracted[Any] | None) -> None:
        if field is not None and isinstance(field.value, str):
            field.value = restore(field.value, field.evidence)

    written: dict[str, str] = {}
    for party in extraction.parties:
        written[party.name] = restore(party.name, party.evidence)
        party.name = written[party.name]
    for item in (*extraction.trade_secrets, *extraction.trade_secret_numbers):
        restore_field(item)
    for name in (
        "title",
        "territory",
        "governing_law",
        "dispute_forum",
        "non_compete_scope",
        "receiving_company",
    ):
        restore_field(getattr(extraction, name))
    for number in (extraction.contract_number, extraction.amends):
        if number is not None:
            number.value = _number_as_written(number.value, number.evidence, folded)
    extraction.instalments = [
        Instalment(
            amount=i.amount,
            due=folded.original_value(i.due, i.evidence.start),
            evidence=i.evidence,
        )
        for i in extraction.instalments
    ]
    for value in (*extraction.shares, *extraction.contributions):
        value.name = written.get(value.name) or folded.original_value(value.name)
    return extraction


def _number_as_written(value: str, evidence: Evidence, folded: FoldedText) -> str:
    """A contract number in the document's own script (建株質字(2023)第0086號 stays traditional),
    NFKC-folded like every contract number."""
    written = unicodedata.normalize("NFKC", folded.original[evidence.start : evidence.end])
    # to_simplified keeps the length, so the number's place in it is its place in `written`
    at = to_simplified(written).find(value)
    return written[at : at + len(value)] if at >= 0 else value
