"""Term, money and non-compete rules: the fields read from whole sentences of the body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.contracts import money as money_rules
from ingest.contracts import rules
from ingest.contracts.model import ContractKind, Extracted, Money
from ingest.contracts.rules import CN_NUMBER, COMPUTED, DATE, DATE_SOURCE, LABELLED, ev
from ingest.contracts.structure import Layout

# A term sentence names the contract's own period; these name other periods.
_NOT_THE_TERM = re.compile(
    r"保密期|竞业限制|竞业禁止|违约|补偿|登记后|生效后|签订后|之日起[^年月]{0,3}[内日]"
)
# An NDA's term is its confidentiality period; a non-compete's, its period of restraint.
_NOT_THE_NDA_TERM = re.compile(r"竞业限制|竞业禁止|违约|补偿|之日起[^年月]{0,3}[内日]")
_NOT_THE_RESTRAINT = re.compile(r"保密期|违约|补偿|之日起[^年月]{0,3}[内日]")
# 自…起至…止 / 2024年6月1日—2029年5月31日 / 从…开始，到…结束
# 2025年1月1日起，有效期三年，至2027年12月31日止: a length may stand between the two ends.
_PERIOD = re.compile(
    rf"(?:自|从|始于)?\s*({DATE_SOURCE})\s*(?:起|开始|起算|始)?(?:生效|施行|实施)?\s*[，,]?\s*"
    r"(?:(?<=[起始算效][，,])[^。；\d至]{0,4}?(?:有效期|为期|期限|共|计)[^。；至]{0,6}?[，,]\s*)?"
    # 始于2024年4月1日，终于2027年3月31日
    rf"(?:至|到|—|－|~|～|-|终于|止于|于(?=[^。；]{{0,16}}?(?:届满|到期|终止)))\s*({DATE_SOURCE})"
    r"\s*(?:止|结束|届满)?"
)
# 三、合作期限 / 2024年3月1日至2026年2月28日。: a bare period under a heading naming the term.
_BARE_PERIOD = re.compile(
    rf"^\s*({DATE_SOURCE})\s*(?:起)?\s*至\s*({DATE_SOURCE})\s*止?\s*[。；]?\s*$"
)
_TERM_HEADING = re.compile(r"期限|期间|有效期")
# 自质押登记之日起至2025年12月31日止: the end only, the start is an event.
_EVENT_TO_DATE = re.compile(
    rf"自[^，。；]{{2,40}}之日起\s*[，,]?\s*(?:至|截至|截止至|截止到|截止于)\s*({DATE_SOURCE})"
    r"\s*(?:止|(?=[，,。；;]|$))"
)
# 本合同有效期至2026年6月30日止 / 许可期限延长至…: an end date without a start.
_END_ONLY = re.compile(
    rf"(?:有效期|期限|期间)(?:[^，。；\d]{{0,4}}?(?:延长|变更|调整|顺延))?(?:为)?(?:至|截至|截止至|截止到|截止于)"
    rf"\s*({DATE_SOURCE})"
    # 本合同于2030年3月31日终止 / 届满
    rf"|(?:本|原)?(?:合同|协议|契约|许可)\S{{0,4}}于\s*({DATE_SOURCE})\s*(?:终止|届满|到期|失效)"
    # 期满日为2027年9月30日 / 本合同期满日：… / 到期日\t…
    rf"|(?<!专利)(?<!专利权)(?:期满|到期|届满|终止)(?:日期|日)\s*(?:(?:变更|延长|调整|顺延)(?:为|至)|为|是|[：:]|\t)\s*"
    rf"({DATE_SOURCE})"
    # an amendment: 许可期限由原来的…变更为2027年12月31日 / 终止日期延至… / 延长两年，即延长至…
    rf"|(?:有效期|期限|期间|终止日期|终止日|到期日|届满日|截止日期)[^，。；\d]{{0,16}}?"
    rf"(?:延长|顺延|延至|延续|展期|续展|变更|调整|修改)(?:为|至|到)?\s*({DATE_SOURCE})"
    rf"|(?:延长|顺延|续展|续期|展期)[^。；\d]{{0,10}}?[，,]\s*(?:即)?(?:延长)?至\s*({DATE_SOURCE})"
    # 质权存续期间至主债务履行期届满之日后两年，即2025年7月31日: the event, then the date
    rf"|(?:期限|期间)至[^。；\d]{{2,30}}?之日(?:后|起)?[^，。；\d]{{0,6}}?[，,]\s*即\s*({DATE_SOURCE})"
    # 质押期间自登记之日起至债务清偿之日止，最迟不晚于2025年7月31日: the latest end
    rf"|(?:期限|期间)[^。；]{{0,60}}?(?:最迟|最晚)(?:不晚于|不迟于|不超过|至|于)\s*({DATE_SOURCE})"
)
# The loan's period (主合同借款期限为…至…) is not the pledge's unless the sentence ties them.
_LOAN_PERIOD = re.compile(
    r"借款期限|贷款期限|主债务履行期|债务履行期限|授信期限|融资期限|授信|发放的|借款|贷款"
)
_TIES_TO_CONTRACT = re.compile(r"质押期|质权(?:的)?存续|质押担保期|本合同(?:的)?(?:有效)?期")
# 研制周期二十四个月 / 合作期为三年 / 项目实施期: the period of a cooperation's work is its term
_WORK_PERIOD = r"(?:研制|研发|研究|开发|合作|攻关|项目|实施|执行)(?:周期|期)"
# 许可期限为三年 / 为期24个月 / 期限为叁年; 许可期限\t2024年10月1日至… is a date, not 2024 years.
_DURATION = re.compile(
    rf"(?:有效期|期限|保密期|许可期|授权期|合同期|协议期|{_WORK_PERIOD}|为期|[，,（(]共计|[，,（(]共)"
    # 授权期间为三年 (Taiwan): 期间 names the term too
    r"(?:间)?"
    rf"(?:为|[：:])?\s*({CN_NUMBER[:-2]}壹贰叁参肆伍陆柒捌玖拾]+)\s*"
    r"(?:[（(]\d+[）)])?\s*(年半|年|个月)(?!\s*\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月)"
)
# Periods of something else than the contract: a warranty, a payment, a guarantee.
_OTHER_PERIOD = re.compile(
    r"(?:保修|质保|付款|验收|履行|宽限|保证|整改|诉讼时效|锁定|限售|禁售|服务|任职|经营|业绩承诺|承诺)"
    r"(?:期限|期间|期)"
)
# 自2024年1月1日至专利权期限届满之日止: the start is written, the end is an event.
_DATE_TO_EVENT = re.compile(
    rf"(?:期限|有效期|期间)[^。；]{{0,6}}?(?:自|从)\s*({DATE_SOURCE})\s*(?:起)?\s*至\s*"
    r"[^。；\d]{2,24}?(?:届满|终止|失效|到期)之日(?:止)?"
)
_UNTIL = re.compile(rf"(?:即|延长)?至\s*({DATE_SOURCE})\s*止")
_RELATIVE = re.compile(
    r"(?:自|(?:期限|有效期|期间)(?:为|是|[：:])?\s*(?:自|从)?)"
    # 自本协议日期起计三年 (Hong Kong: from the date of this agreement) / 自合同签署日起
    rf"(?:本|原)?(?:合同|协议|契约)(?:(?:生效|签订|签署|签字)(?:之日|日)|日期|之日)起(?:计算|算|计)?"
    r"[，,]?\s*"
    rf"({CN_NUMBER})\s*(年|个月)"
    # 自本协议签署之日起三年内在乙方服务: a deadline of a duty, not the term (…三年内有效 is one)
    r"(?!\s*内(?!有效))"
)
# 许可期限为五年，自2023年9月1日起算 / 期限十年，自…起计算
_DURATION_FROM = re.compile(
    rf"(?:期限|有效期|期间|许可期|授权期|{_WORK_PERIOD})(?:为|[：:])?\s*({CN_NUMBER})\s*(年|个月)\s*[，,]?"
    r"\s*(?:自|从|由)\s*"
    rf"({DATE_SOURCE})\s*(?:起算|起计算|开始计算|起计|起|开始)"
)
# 自2024年1月1日起五年 / 自…起计算，为期三年: the start first
_FROM_DURATION = re.compile(
    rf"(?:自|从|由|(?<=期间为)|(?<=期限为))\s*({DATE_SOURCE})\s*(?:起算|起计算|开始计算|起计|起|开始)"
    r"(?:生效)?[，,]?\s*(?:为期|共|(?:有效期|期限)(?:为)?)?\s*"
    rf"({CN_NUMBER})\s*(年|个月)(?!\s*\d{{1,2}}\s*月)"
)
_MONEY_SENTENCE = re.compile(
    r"使用费|转让价款|转让费|价款|价金|对价|作价|入门费|经费总额|本金|许可费|签约金|权利金|授权金"
    r"|(?:研究开发|研发|开发|项目|合作|研制|攻关)经费(?:总额)?为|最高债权|债权最高"
    # 研制经费人民币六百万元: the funding label opening its sentence, right before its amount
    # (甲方\t研发经费人民币1000万元 in a contributions table is one party's part)
    r"|^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:本项目|项目|本合同|本协议)?(?:的)?"
    r"(?:研究开发|研发|开发|项目|合作|研制|攻关)经费(?:总额)?[：:]?\s*(?=人民币|RMB|¥|￥|\d)"
    r"|主债权|债权(?:数额|金额)|(?:借款|贷款)(?:金额|本金)"
    r"|总经费|经费(?:共计|合计)|总金额|合同金额|合同价款|总价款|总价"
    # 转让价格为… / 研究经费总预算为… / 项目总投入
    r"|价格|转让价|报酬|酬金|研究经费|科研经费|经费(?:总)?预算|预算总额|总预算|总投入|投入总额"
    # 转让款 / 全部款项 / 作为本专利申请权转让的费用
    r"|转让款|许可款|全部款项|款项总额|(?:转让|许可|使用)的?费用|授权费"
    r"|(?:研发|研究开发|研究|开发|项目)经费(?:合共|共计|合计|总计|总额)"
    r"|首付款|首付费"  # 首付款人民币伍拾万元 beside a royalty
    r"|(?:共同|合计|共计|合共|总计)投入|资金(?:总额|共计|合计|合共|总计)"  # 三方共同投入研发资金…
    # 资金投入合计人民币2400万元 / 出资总额为…: the total under a contributions table
    r"|(?:资金|经费|投入|出资)[^，。；\d]{0,4}?(?:总额|共计|合计|合共|总计)"
    # an amendment's new fee: 排他许可补偿费 / 延期许可使用费 / 追加许可费
    r"|(?:补偿|延期|追加|变更|展期|续期|续展)(?:许可)?(?:使用)?费"
    # 向出质人发放流动资金贷款人民币叁仟贰佰万元: the loan a pledge secures, with its amount
    r"|(?:借款|贷款|融资)(?=\s*(?:人民币|RMB|¥|￥|美元|港币|欧元|\d|[壹贰叁肆伍陆柒捌玖]))"
)
_REWARD = re.compile(r"奖励|奖酬|奖金")
_NOT_CONTRACT_MONEY = re.compile(r"违约金|经济补偿|赔偿|竞业")


@dataclass
class Term:
    start: Extracted[str] | None = None
    end: Extracted[str] | None = None
    months: Extracted[int] | None = None


# 起始日期：2024年1月1日 / 终止日期\t2026年12月31日: the ends labelled apart (a term table)
_LABELLED_START = re.compile(
    rf"(?:许可|有效期|合同|协议)?(?:起始|开始|起算|生效)(?:日期|日)\s*(?:为|[：:]|\t)\s*({DATE_SOURCE})"
)
_LABELLED_END = re.compile(
    rf"(?:许可|有效期|合同|协议)?(?:终止|截止|届满|到期|结束|期满)(?:日期|日)\s*(?:为|[：:]|\t)\s*"
    rf"({DATE_SOURCE})"
    # an amendment: 许可期限由原来的…变更为2027年12月31日 / 终止日期延至… / 延长两年，即延长至…
    rf"|(?:有效期|期限|期间|终止日期|终止日|到期日|届满日|截止日期)[^，。；\d]{{0,16}}?"
    rf"(?:延长|顺延|延至|延续|展期|续展|变更|调整|修改)(?:为|至|到)?\s*({DATE_SOURCE})"
    rf"|(?:延长|顺延|续展|续期|展期)[^。；\d]{{0,10}}?[，,]\s*(?:即)?(?:延长)?至\s*({DATE_SOURCE})"
    # 质权存续期间至主债务履行期届满之日后两年，即2025年7月31日: the event, then the date
    rf"|(?:期限|期间)至[^。；\d]{{2,30}}?之日(?:后|起)?[^，。；\d]{{0,6}}?[，,]\s*即\s*({DATE_SOURCE})"
)
# The loan's period (主合同借款期限为…至…) is not the pledge's unless the sentence ties them.
_LOAN_PERIOD = re.compile(
    r"借款期限|贷款期限|主债务履行期|债务履行期限|授信期限|融资期限|授信|发放的|借款|贷款"
)
_TIES_TO_CONTRACT = re.compile(r"质押期|质权(?:的)?存续|质押担保期|本合同(?:的)?(?:有效)?期")


def term(layout: Layout, effective: str | None, kind: ContractKind | None = None) -> Term:
    found = _term(layout, effective, kind)
    if found.start is None and found.end is None:
        _table_term(layout, found)
    if kind is ContractKind.PATENT_PLEDGE and not (found.start or found.end or found.months):
        _secured_debt_term(layout, found)
    if kind is ContractKind.AMENDMENT and found.end is None:
        found.end = _quoted_date_changed(layout)
    if kind is ContractKind.NON_COMPETE:
        found.months = None  # the restraint's length is non_compete_months (tests/gold/README.md)
    if found.start is None:  # 起始日期：… 终止日期：…, both ends labelled apart
        start = _LABELLED_START.search(layout.text, *layout.body)
        end = _LABELLED_END.search(layout.text, *layout.body)
        if start and end:
            found.start = _date_at(layout, 0, start, 1, LABELLED)
            found.end = _date_at(layout, 0, end, 1, LABELLED)
    return found


# 原合同第三条中“最迟不晚于2025年7月31日”变更为“最迟不晚于2026年7月31日”
# (the old date is blanked in the new wording: amendments.new_wording)
_QUOTED_CHANGE = re.compile(
    r"[“\"「](?P<old>[^”\"」]{0,40})[”\"」]\s*(?:变更|修改|调整|更改)(?:为|成)[：:]?\s*"
    rf"[“\"「](?P<new>[^”\"」]*?(?P<date>{DATE_SOURCE})[^”\"」]*)[”\"」]"
)


def _quoted_date_changed(layout: Layout) -> Extracted[str] | None:
    """An amendment that replaces a quoted clause by one holding a date: the new date ends the
    term, unless the clause is about a payment."""
    for match in _QUOTED_CHANGE.finditer(layout.text, *layout.body):
        if re.search(r"支付|付款|价款|费|款项|交付|登记", match["old"] + match["new"]):
            continue
        return _date_at(layout, 0, match, match.re.groupindex["date"], LABELLED)
    return None


def _secured_debt_term(layout: Layout, found: Term) -> None:
    """A pledge that states no period of its own lasts for the debt it secures: 债务履行期限
    自…起至…止 (tests/gold/README.md). A pledge with its own 质押期间 never reads this."""
    for offset, sentence in rules.sentences(layout):
        if not _LOAN_PERIOD.search(sentence) or not re.search(r"期限|期间", sentence):
            continue
        period = _PERIOD.search(sentence)
        if period:
            found.start = _date_at(layout, offset, period, 1, LABELLED)
            found.end = _date_at(layout, offset, period, 2, LABELLED)
            return


_TERM_COLUMN = re.compile(r"期限|有效期|期间|起止日期|起讫日期")
_LENGTH_CELL = re.compile(
    r"^\s*((?:\d{1,3}|[零〇一二三四五六七八九十两百壹贰叁参肆伍陆柒捌玖拾]+))\s*(年|个月)(?!\s*\d{1,2}\s*月)"
)


def _table_term(layout: Layout, found: Term) -> None:
    """许可期限 | 2024年4月1日至2027年3月31日: the term in a key-term table's column."""
    for label, cell, at in rules.header_table_cells(layout):
        if not _TERM_COLUMN.search(label):
            continue
        period = _PERIOD.search(cell)
        if period:
            found.start = _date_at(layout, at, period, 1, LABELLED)
            found.end = _date_at(layout, at, period, 2, LABELLED)
        length = _LENGTH_CELL.match(cell)
        if length and found.months is None:
            found.months = _months_at(layout, at, length, LABELLED)
        if found.start or found.months:
            return


def _term(layout: Layout, effective: str | None, kind: ContractKind | None = None) -> Term:
    """The contract's period: an explicit 自…起至…止 wins; else a duration from a date; else a
    relative duration from the effective date (the sign date when the contract takes effect on
    signing); an amendment's 即至…止 gives the new end date."""
    found = Term()
    not_the_term = {
        ContractKind.NDA: _NOT_THE_NDA_TERM,
        ContractKind.NON_COMPETE: _NOT_THE_RESTRAINT,
    }.get(kind, _NOT_THE_TERM) if kind is not None else _NOT_THE_TERM
    previous = ""
    for offset, sentence in rules.sentences(layout):
        heading, previous = previous, sentence
        bare = _BARE_PERIOD.match(sentence)
        if bare and _TERM_HEADING.search(heading):
            found.start = _date_at(layout, offset, bare, 1, LABELLED)
            found.end = _date_at(layout, offset, bare, 2, LABELLED)
            break
        if _LOAN_PERIOD.search(sentence) and not _TIES_TO_CONTRACT.search(sentence):
            continue
        if not_the_term.search(sentence) or not re.search(
            r"期限|期间|有效期|为期|自|终止|届满|到期|期满|起止|起讫|延长|延至|顺延|续展|许可期|授权期"
            # 项目实施期：2025年1月1日—2027年12月31日: a project's period is a cooperation's term
            r"|实施期|合作期|研发期|研究期|执行期|项目期|研制期|周期",
            sentence,
        ):
            continue
        if _read_term(layout, offset, sentence, effective, found):
            break
        length = _DURATION.search(sentence)
        if length and found.months is None and not _OTHER_PERIOD.search(sentence):
            found.months = _months_at(layout, offset, length, LABELLED)  # 许可期限为三十六个月
        event = _EVENT_TO_DATE.search(sentence) or _END_ONLY.search(sentence)
        if (
            event
            and (_TERM_HEADING.search(sentence) or (event.lastindex or 1) >= 2)
            # 付款期限延长至…: another period heads the clause (履行期 inside the event is fine)
            and not _OTHER_PERIOD.search(sentence, max(0, event.start() - 6), event.start() + 4)
        ):
            found.end = _date_at(layout, offset, event, event.lastindex or 1, LABELLED)
            break
    return found


def _read_term(
    layout: Layout, offset: int, sentence: str, effective: str | None, found: Term
) -> bool:
    period = _PERIOD.search(sentence)
    if period:
        found.start = _date_at(layout, offset, period, 1, LABELLED)
        found.end = _date_at(layout, offset, period, 2, LABELLED)
        duration = _DURATION.search(sentence)
        if duration:
            found.months = _months_at(layout, offset, duration, LABELLED)
        return found.start is not None
    duration = _DURATION_FROM.search(sentence)
    if duration:
        found.start = _date_at(layout, offset, duration, 3, LABELLED)
        found.months = _months_at(layout, offset, duration, LABELLED)
        if found.start and found.months:
            end = rules.add_months(dt.date.fromisoformat(found.start.value), found.months.value)
            found.end = _computed(layout, offset, duration, end.isoformat())
        return True
    to_event = _DATE_TO_EVENT.search(sentence)
    if to_event:
        found.start = _date_at(layout, offset, to_event, 1, LABELLED)
        return found.start is not None
    start_first = _FROM_DURATION.search(sentence)
    if start_first:
        found.start = _date_at(layout, offset, start_first, 1, LABELLED)
        months = rules.months(start_first.group(2), start_first.group(3))
        if months is not None:
            begin, end_at = offset + start_first.start(2), offset + start_first.end(3)
            found.months = Extracted(value=months, evidence=ev(layout, begin, end_at, LABELLED))
        if found.start and found.months:
            end = rules.add_months(dt.date.fromisoformat(found.start.value), found.months.value)
            found.end = _computed(layout, offset, start_first, end.isoformat())
        return True
    relative = _RELATIVE.search(sentence)
    if relative:
        found.months = _months_at(layout, offset, relative, LABELLED)
        until = _UNTIL.search(sentence)
        if until:
            found.end = _date_at(layout, offset, until, 1, LABELLED)
        elif effective and found.months:
            found.start = _computed(layout, offset, relative, effective)
            end = rules.add_months(dt.date.fromisoformat(effective), found.months.value)
            found.end = _computed(layout, offset, relative, end.isoformat())
        return True
    return False


def _date_at(
    layout: Layout, offset: int, match: re.Match[str], group: int, confidence: float
) -> Extracted[str] | None:
    date = DATE.search(match.group(group))
    value = rules.parse_date(date) if date else None
    if value is None:
        return None
    start, end = offset + match.start(group), offset + match.end(group)
    return Extracted(value=value, evidence=ev(layout, start, end, confidence))


def _months_at(
    layout: Layout, offset: int, match: re.Match[str], confidence: float
) -> Extracted[int] | None:
    value = rules.months(match.group(1), match.group(2))
    if value is None:
        return None
    start, end = offset + match.start(1), offset + match.end(2)
    more = match.groupdict().get("and_months")
    if more is not None and match.group(2) == "年":
        value += rules.months(more, "个月") or 0
        end = offset + match.end("and_months") + len("个月")
    return Extracted(value=value, evidence=ev(layout, start, end, confidence))


def _computed(layout: Layout, offset: int, match: re.Match[str], value: str) -> Extracted[str]:
    """A date the text does not write but implies (start + duration): flagged as derived."""
    evidence = ev(layout, offset + match.start(), offset + match.end(), COMPUTED)
    return Extracted(value=value, evidence=evidence.model_copy(update={"derived": True}))


def effective_date(layout: Layout, signed: str | None) -> str | None:
    """Contracts that take effect on signing (自双方签字盖章之日起生效) start on the sign date;
    others (备案后生效, 批准后生效 ...) have no start date the text can give."""
    if signed and re.search(r"自[^。]{0,12}(?:签字|盖章|签署|签订)之日起生效", layout.text):
        return signed
    return None


@dataclass
class Payment:
    amount: Extracted[Money] | None = None
    royalty_rate: Extracted[float] | None = None
    structure: Extracted[str] | None = None


# A maximum-amount pledge (最高额质押) secures up to its 最高债权额, whatever principal it names.
_MAXIMUM_AMOUNT = re.compile(
    r"最高债权(?:额|数额|金额|本金余额)|债权最高额|最高额为|最高本金余额|最高余额"
)


def payment(layout: Layout, kind: ContractKind | None = None) -> Payment:
    found = Payment()
    for offset, sentence in rules.sentences(layout):
        if kind is ContractKind.PATENT_PLEDGE and _MAXIMUM_AMOUNT.search(sentence):
            label = _MAXIMUM_AMOUNT.search(sentence)
            amount = next(money_rules.amounts(sentence, label.end() if label else 0), None)
            if amount is not None:
                found.amount = Extracted(
                    value=amount.money,
                    evidence=ev(layout, offset + amount.start, offset + amount.end, LABELLED),
                )
                break
    for offset, sentence in rules.sentences(layout):
        amount = next(money_rules.amounts(sentence), None)
        # 借款本金…叁仟伍佰万元，以及…违约金、损害赔偿金: a penalty named after the amount is
        # no penalty amount
        penalty = _NOT_CONTRACT_MONEY.search(sentence)
        if (
            found.amount is None
            and amount is not None
            and _MONEY_SENTENCE.search(sentence)
            and (penalty is None or penalty.start() >= amount.end)
        ):
            found.amount = Extracted(
                value=amount.money,
                evidence=ev(layout, offset + amount.start, offset + amount.end, LABELLED),
            )
        if penalty is not None:
            continue
        if (
            found.royalty_rate is None
            and re.search(
                # 就每件许可产品按其出厂价的0.8%: a rate on each unit sold
                r"销售|营业额|营业收入|净收入|收入的|提成|权利金|费率|分成|出厂价|售价|每件|每台|每套",
                sentence,
            )
            # 将转让净收入的百分之七十奖励项目完成人: the seller's reward to its inventors
            and not _REWARD.search(sentence)
        ):
            value_rate = rules.rate(sentence)
            if value_rate is not None:
                found.royalty_rate = Extracted(
                    value=value_rate, evidence=ev(layout, offset, offset + len(sentence), LABELLED)
                )
        if found.structure is None:
            found.structure = _structure(layout, offset, sentence)
    if kind is ContractKind.AMENDMENT:
        # The new wording states a structure in words (调整后的许可费分两期支付, 一次性支付
        # 延期许可费); a table of new amounts alone states none. An amendment that changes the
        # royalty leaves the original's fee-plus-royalty structure, which it does not restate.
        if found.royalty_rate is not None:
            found.structure = None
    elif found.royalty_rate is not None:
        structure = "lump_sum+royalty" if found.amount is not None else "royalty"
        found.structure = Extracted(value=structure, evidence=found.royalty_rate.evidence)
    return found


# …于本协议签订后30日内付清 / 于2025年6月30日前全额支付: the fee paid at once by a deadline
_PAID_IN_FULL = re.compile(
    r"(?:内|前|时)\s*(?:一次(?:性)?)?(?:付清|全额支付|支付完毕|全部付清|结清)"
)


def paid_in_full(layout: Layout) -> Extracted[str] | None:
    """A fee without instalments or a royalty that one clause says is paid in full by a
    deadline: a lump sum, though the text does not say 一次性."""
    for offset, sentence in rules.sentences(layout):
        match = _PAID_IN_FULL.search(sentence)
        if match and not re.search(r"余款|尾款|剩余|违约金|赔偿|每[年月季]", sentence):
            start, end = offset + match.start(), offset + match.end()
            return Extracted(value="lump_sum", evidence=ev(layout, start, end, LABELLED))
    return None


def _structure(layout: Layout, offset: int, sentence: str) -> Extracted[str] | None:
    for pattern, kind in (
        (r"分[两二三四五六\d]+(?:期|次)|分期", "installments"),
        # 一次性支付 / 一次性许可费; not a 一次性内窥镜 in a patent's title
        (
            r"一次性(?=[^，。；\t\n]{0,8}?(?:付|汇|缴|费|结清|转账))|一次总付|一次(?:付清|支付|缴清)",
            "lump_sum",
        ),
    ):
        match = re.search(pattern, sentence)
        if match:
            return Extracted(
                value=kind,
                evidence=ev(layout, offset + match.start(), offset + match.end(), LABELLED),
            )
    return None


# 一年六个月 / 1年6个月: a period in years and months
_AND_MONTHS = rf"(?:\s*(?P<and_months>{CN_NUMBER})\s*个月)?"
# 壹年 too; never the year of a date (自2025年3月1日起)
# 一年半: a year and a half
_PERIOD_NUMBER = (
    rf"({CN_NUMBER[:-2]}壹贰叁参肆伍陆柒捌玖拾]+)\s*(年半|年|个月)(?!\s*\d{{1,2}}\s*月)"
)
_NON_COMPETE_PERIODS = (
    re.compile(
        # not the months an allowance is reckoned on (离职前十二个月平均工资)
        rf"(?:{rules.NON_COMPETE_WORDS})(?:期限|期间|期)(?:(?!补偿|工资|支付)[^。；]){{0,30}}?"
        rf"(?<![前零〇一二三四五六七八九十两百\d])"
        rf"{_PERIOD_NUMBER}{_AND_MONTHS}"
    ),
    re.compile(
        # 离职后 / 解除或者终止劳动合同后 / 劳动关系解除或终止之日起
        # 雇佣关系终止后 / 聘用合同届满后: a Hong Kong employment, a fixed-term one
        r"(?:离职|离开|(?:解除|终止)(?:或者?|及|、)?(?:解除|终止)?(?:劳动|雇佣|雇用|聘用)(?:合同|关系)"
        r"|(?:劳动|雇佣|雇用|聘用|劳务)(?:合同|关系)(?:解除|终止|结束|届满)"
        r"(?:或者?|及|、)?(?:解除|终止)?)"
        rf"(?:之日)?(?:后|起)\s*{_PERIOD_NUMBER}{_AND_MONTHS}内"
    ),
    re.compile(
        # 自2025年12月15日起至2027年6月14日止（共十八个月），不得…任职: the bar's dated
        # period with its length beside it
        r"(?:至|到)[^。；，（(]{4,20}?(?:止|届满)?\s*[，,（(]\s*(?:共|计|合计|为期)\s*"
        rf"{_PERIOD_NUMBER}{_AND_MONTHS}(?=[^。]*?不得)"
    ),
)
# A second way of competing joined to the first (受聘于或自营…) belongs to the verbs, not to
# the businesses barred.
# (…或以任何身份协助任何从事…之公司: helping a competitor in any capacity is one more way)
_OR_RUN = (
    r"(?:(?:或者?|及|、)(?:(?:以任何(?:身份|形式|方式)|以其他方式)?"
    r"(?:协助|帮助|服务于|为)|自营|自行经营|经营|为他人经营|投资|从事)(?:于)?)*"
)
_NON_COMPETE_SCOPES = (
    re.compile(r"不得(?:在|到|去|进入|前往)([^。；]{4,60}?)(?:任职|工作|兼职)"),
    re.compile(
        # 不会直接或间接受雇于或投资于…之公司: an undertaking in its own words
        r"(?:不得|不会|不应|不可|不能|不再)(?:直接或(?:者)?间接(?:地)?)?"
        # 不得经营或受雇于…: a way of competing before the employment, one verb run
        r"(?:(?:自营|自行经营|经营|投资|从事|参与)(?:或者?|及|、))?"
        r"(?:受雇或受委任|受聘或受雇|受雇|受聘|受委任|就职|入职)(?:于)?"
        rf"{_OR_RUN}(?:于)?(?:任何|其他任何)?([^，。；]{{4,60}}?)(?=[，。；]|$)"
    ),
    re.compile(
        r"不得(?:自营|自行经营)(?:或者?|及|、)(?:为他人|替他人|与他人合作)经营"
        r"([^，。；]{4,60}?)(?=[，。；]|$)"
    ),
)


# 前述竞争单位包括但不限于从事…的单位 / 有竞争关系的单位是指：…: the text defines the
# businesses barred; that definition is the scope, not the generic words it defines.
_COMPETITOR_DEFINED = re.compile(
    r"(?:竞争(?:关系)?(?:的)?(?:单位|企业|公司|对手|事业|业务|机构|用人单位)|竞争方|竞业单位)"
    r"[^。；，,]{0,4}?[，,]?\s*(?:包括但不限于|包括|是指|系指|指)[：:]?\s*([^。；]{4,80}?)(?=[。；]|$)"
)


def _defined_competitors(layout: Layout) -> Extracted[str] | None:
    for offset, sentence in rules.sentences(layout):
        found = _COMPETITOR_DEFINED.search(sentence)
        if found:
            start, end = offset + found.start(1), offset + found.end(1)
            return Extracted(value=found.group(1), evidence=ev(layout, start, end, LABELLED))
    return None


def non_compete(
    layout: Layout, kind: ContractKind | None = None
) -> tuple[Extracted[int] | None, Extracted[str] | None]:
    months: Extracted[int] | None = None
    where: Extracted[str] | None = None
    # a restraint titled in other words (雇员离职后限制协议) is read like one named 竞业限制
    if kind is not ContractKind.NON_COMPETE and not re.search(rules.NON_COMPETE_WORDS, layout.text):
        return None, None
    for offset, sentence in rules.sentences(layout):
        for period in _NON_COMPETE_PERIODS:
            match = period.search(sentence)
            if months is None and match:
                months = _months_at(layout, offset, match, LABELLED)
        for scope in _NON_COMPETE_SCOPES:
            found = scope.search(sentence)
            if where is None and found:
                start, end = offset + found.start(1), offset + found.end(1)
                where = Extracted(value=found.group(1), evidence=ev(layout, start, end, LABELLED))
    if where is None and months is None:
        return None, None  # no restraint: a definition of competitors alone sets none
    return months, _defined_competitors(layout) or where
