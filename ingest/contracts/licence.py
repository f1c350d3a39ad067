"""The grant of a licence: exclusivity (独占/排他/普通), sublicensing (forbidden, or allowed to
affiliates, with consent or freely) and the territory, from clauses and key-term tables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.contracts.model import Exclusivity, Extracted
from ingest.contracts.rules import LABELLED, ev, header_table_cells, sentences
from ingest.contracts.structure import Layout


def exclusivity(layout: Layout, in_title: bool = True) -> Extracted[Exclusivity] | None:
    """独占/排他/普通 from the title or the body (an amendment: only what its body sets)."""
    pattern = re.compile(
        # 实施权独占授予乙方: the grant's own verb
        r"(非独家|非独占|非排他|独占|排他|普通|非专属|专属|独家)(?:性)?(?:的)?(?:实施)?"
        r"(?:许可|方式|使用|授权|授予|授与)"
        r"|(独占|排他)(?:地|性)?实施"  # 许可乙方在中国大陆地区独占实施
        # 通常实施权 / 非专属之通常实施权 / 专属实施权: the Taiwanese names of a right to work
        r"|(非独占|非排他|非专属|独占|排他|专属|普通|通常)(?:之|的)?(?:通常)?(?:实施|使用)权"
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
    }.get(match.group(1) or match.group(2) or match.group(3), Exclusivity.ORDINARY)
    return Extracted(value=value, evidence=ev(layout, match.start(), match.end(), LABELLED))


# Sublicensing under a condition is allowed: only to affiliates, or after written consent.
# 关联公司 … 母公司及母公司控制的其他企业 / 同一集团内的成员企业: companies of the licensee's group
_AFFILIATE_WORDS = (
    # 全资附属公司 / 联属公司 / 关连公司: how Hong Kong says a subsidiary or an affiliate
    r"(?:关联公司|关联企业|关联方|关系企业|控股子公司|全资子公司|子公司|(?:全资|控股)?附属公司|母公司"
    r"|联属公司|关连公司"
    r"|控股股东"
    r"|(?:全资|控股)(?:或|及|和|、)(?:全资|控股)子公司"
    r"|(?:同一)?集团(?:内)?(?:的)?(?:成员企业|成员单位|成员公司|内企业)|控股公司"
    r"|受同一(?:方)?控制的(?:其他)?(?:企业|公司)|同一控制下的(?:企业|公司)"
    # 其韩方股东控制的在华企业 / 母公司控制的境内公司: companies its owners control
    r"|(?:[\u4e00-\u9fff]{0,4}?(?:股东|股东方|母公司|集团))?"
    r"(?:直接或间接|直接|间接)?(?:实际)?控制的(?:其他)?[^，。；的]{0,4}?(?:企业|公司))"
)
_AFFILIATES = re.compile(
    r"(?:仅|只|仅可|只能|仅得)?(?:可以|可|有权|得)?(?:向|许可|再许可|分许可|转许可|再授权|授权)"
    # 向其持股50%以上的子公司: a qualifier before the affiliate word
    # (…持股逾半数之子公司: 之 for 的)
    # (在日本国内持股超过百分之五十的子公司: a long one, with a place and a threshold; 百分之
    # is no 分许可)
    r"\s*(?:给|予)?\s*(?:其|乙方|被许可方|被许可人)?"
    r"(?:(?:(?![再分转](?:许可|授权))[^，。；（(]){0,20}?[的之])?"
    + _AFFILIATE_WORDS
    # 可将许可权利授予其控股子公司 / 再许可权限于其关联公司
    + r"|(?<![不无未])(?:可以|可|有权|得)将[^，。；]{0,12}?(?:授予|转授|授权给|许可给)"
    + r"\s*(?:其|乙方|被许可方|被许可人)?"
    # 再许可给其控股的韩国子公司: a qualifier and a place before the affiliate word here too
    + r"(?:(?:(?![再分转](?:许可|授权))[^，。；（(]){0,12}?[的之])?[\u4e00-\u9fff]{0,4}?"
    + _AFFILIATE_WORDS
    + r"|(?:再|分|转)(?:许可|授权)(?:权|的权利)?(?:仅)?(?:限于|以)[^，。；]{0,6}?"
    + _AFFILIATE_WORDS
    # 可允许其控股子公司使用许可技术: letting an affiliate use it is sublicensing to it
    + r"|(?<![不无未])(?<!不得)(?<!不可)(?:可以|可|有权|得)允许\s*(?:其|乙方|被许可方|被许可人)?"
    + r"(?:[^，。；]{0,12}?[的之])?"
    + _AFFILIATE_WORDS
    # 仅可在其关联企业范围内再许可
    + r"|(?<![不无未])(?:在|于)\s*(?:其|乙方|被许可方)?"
    + _AFFILIATE_WORDS
    + r"(?:的)?(?:范围)?内\s*(?:再|分|转)(?:许可|授权)"
)
_CONSENT = re.compile(
    # (无需另行取得许可方同意: no consent needed)
    r"(?<![未不])(?<!无需)(?<!无须)(?<!不需)(?<!无需另行)(?<!无须另行)"
    r"(?:经|取得|征得|获得)[^，。；]{0,10}?(?:书面)?(?:同意|许可|批准)(?:后)?[，,]?\s*"
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
            r"|许可(?:给|予)?其|许可其他"
            # 被许可方可允许其全资子公司使用许可技术: an allowance to affiliates on its own
            r"|(?<![不无未])(?<!不得)(?<!不可)(?:可以|可|有权|得)允许[^，。；]{0,14}?"
            + _AFFILIATE_WORDS,
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
            if match and scope == "affiliates" and _affiliates_refused(sentence):
                continue  # the affiliates are among those the refusal names
            if match and _licensor_subject(sentence, match.start()):
                continue  # 甲方不得自行实施或许可他人实施: the licensor's duty of exclusivity
            # 不得将本专利许可给其关联公司 refuses; 不得再许可第三方；可以许可其控股子公司 and
            # 不得分许可，但可以分许可给其关联公司 allow: a 但 clause starts anew
            clause_start = _clause_start(sentence, match.start()) if match else 0
            if match and not (
                allowed
                and scope == "affiliates"
                and re.search(r"不得|无权|不可|不能|禁止", sentence[clause_start : match.start()])
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
    # 陕西省、四川省: several places listed
    r"(?:[、和及与][^，。；\n\t、]{2,20}?(?:地区|境内|大陆|全境|特别行政区|省|自治区|市))*"
    r"(?:[（(][^）)\n]{1,30}[）)])?(?=[，。；\n]|$)"
)


_TERRITORY_COLUMN = re.compile(r"^(?:许可|实施|使用|授权)?(?:地域|区域|地区)(?:范围)?$")


# 地域范围：… / 竞业禁止之区域以…为限 / 许可地域由“…”扩大为：…: a territory its clause labels
_LABELLED_TERRITORY = re.compile(
    r"(?:许可|实施|使用|授权|限制|禁止)?(?:地域|区域)(?:范围)?"
    r"(?:(?:为[：:]?|[：:])|以(?=[^，。；\n]{2,30}?为限)"
    # 许可地域由A变更为B / 许可地域变更为B
    r"|(?:由[^，。；\n]{0,30}?)?(?:变更|调整|扩大|缩小|修改|改|扩展|延伸)(?:为|至)[：:]?)"
    # a new wording in quotes (变更为：“实施地域：…”。) ends at its closing quote
    r"\s*([^，。；\n\t：:”」』]+?)(?:为限)?(?=[，。；\n\t”」』]|$)"
)


def labelled_territory(layout: Layout) -> Extracted[str] | None:
    """The territory of a contract that is no licence (a non-compete's area) or of an
    amendment's new wording: only where a clause labels it, never a place named in passing."""
    # the first label with a value: an amendment's old value is blanked out (amendments.py)
    match = next(
        (m for m in _LABELLED_TERRITORY.finditer(layout.text, *layout.body) if m.group(1).strip()),
        None,
    )
    if match is None:
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
    # 第1条之限制适用于香港、澳门…: the places the sentence applies the restraint to
    applies = _APPLIES_TO.match(line.group(1))
    skip = applies.end() if applies and len(line.group(1)) - applies.end() >= 2 else 0
    value = line.group(1)[skip:]
    start = heading.end() + line.start(1) + skip
    return Extracted(value=value, evidence=ev(layout, start, start + len(value), LABELLED))


_APPLIES_TO = re.compile(
    r"^[^，。；\n]{0,16}?(?:适用(?:范围)?(?:于|为)|(?:仅)?限于|(?:仅)?限定(?:于|为)|范围为)\s*"
)


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


# 不得分许可…予任何第三方（包括其附属公司）: affiliates named among those refused
_INCLUDED_AFFILIATES = re.compile(
    r"(?:包括|包含|含|连同|甚至)(?:但不限于)?\s*(?:其|乙方|被许可方|被许可人)?[^，。；）)]{0,10}?"
    + _AFFILIATE_WORDS
)
_REFUSAL_WORDS = r"不得|不可|不能|不允许|禁止|无权"


def _affiliates_refused(text: str) -> bool:
    return bool(re.search(_REFUSAL_WORDS, text) and _INCLUDED_AFFILIATES.search(text))


def _table_sublicense(layout: Layout) -> tuple[bool, str | None, int, int] | None:
    """再许可 | 仅限向关联公司再许可: the answer in a key-term table's sublicensing column or
    row."""
    for label, cell, at in (*header_table_cells(layout), *_row_table_cells(layout)):
        if not _SUBLICENSE_COLUMN.match(label) or not cell.strip():
            continue
        end = at + len(cell)
        if re.search(_AFFILIATE_WORDS, cell) and not _affiliates_refused(cell):
            return True, "affiliates", at, end
        if re.search(r"同意|批准", cell):
            return True, "with_consent", at, end
        if re.search(r"不得|不可|不能|不允许|禁止|无|否", cell):
            return False, None, at, end
        if re.search(r"可以|可|允许|有权|是|有", cell):
            return True, "any", at, end
    return None
