"""Entities the gazetteer cannot list: organisations recognised by their legal form (…有限公司,
…股份有限公司, …研究院, …大学, …集团, 株式会社…, Foo Inc., Bar GmbH), persons by the cue that
names them (发明人…, …教授), money in any currency, IPC codes and bare CN application numbers.
Registered as spaCy factories and configured in config/nlp/pipeline.cfg."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import partial
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from domain.ipc import ipc_code
from domain.names import organization_key
from domain.numbers import parse_application_number
from ingest.nlp import text_numbers
from ingest.nlp.components import SPAN_KEY, _add, _token_starts, doc_text

# ---- organisations ----------------------------------------------------------------------------

# The words that end a name and what each asks of the words before it come from
# config/dictionaries/organization_suffixes.tsv (see its header for the kinds); the units that
# make one organisation with a named parent from organization_units.txt.
_PROPER_FLAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng"})
# Government bodies are named by their scope (国家知识产权局, 中国专利局, 最高人民法院).
_GOVERNMENT_STEM = re.compile(
    r"^(?:国家|中国|中华人民共和国|国务院|最高|[\u4e00-\u9fff]{2,3}[省市区县])"
)
_SCOPE_WORD = re.compile(r"国家|中国|中华人民共和国|国务院|最高|[\u4e00-\u9fff]{2,6}[省市区县]")
# After a prefix form (株式会社, 有限会社) the name runs to a Japanese name word close by.
_JAPANESE_NAME_END = re.compile(
    r"[^\s，,。；;、（）()：:的与及由在向为是将对从被把给]{1,10}?"
    r"(?:制作所|製作所|工业所|工業所|商会|商事|研究所|工业|工業|电机|電機)"
)
# The field of a front page or register that names a party: whatever legal form follows it is
# an organisation, proper name or not (申请人 应用材料公司, 专利权人：国际商业机器公司).
_PARTY_FIELD = re.compile(
    r"(?:申请人|专利权人|权利人|出质人|质权人|受让人|转让人|许可人|被许可人|委托方|受托方)"
    r"(?:\s*[：:]\s*|\s*)$"
)
# A role label of a register or notice written right before the name it labels, with no colon
# (转让人武汉理工大学；受让人…, 出质人…，质权人…, 收款单位国家知识产权局): the name starts after it.
_ROLE_LABEL = re.compile(
    r"(?:被许可人|许可人|被许可方|许可方|转让人|受让人|转让方|受让方|出让人|出让方|让与人|"
    r"出质人|出质方|质权人|质权方|专利权人|申请人|权利人|请求人|被请求人|上诉人|被上诉人|"
    r"原告|被告|收款单位|付款单位|收款人|付款人|缴款人|缴费人|委托方|受托方|委托人|受托人)"
    r"[：:\s]*"
)
# A campus or branch in brackets after a university, institute or hospital:
# 哈尔滨工业大学（深圳）, 中国石油大学（北京）, 某某大学（南校区）.
_CAMPUS = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)]")
_CAMPUS_WORD = re.compile(r"(?:校区|分校|分院|校本部|医学部|研究生院)$")
# A legal-form part in brackets after the name belongs to it: 某某专利代理事务所（普通合伙）.
_BRACKET_FORM = re.compile(r"[（(](?:特殊普通合伙|普通合伙|有限合伙|有限责任合伙)[）)]")
# Stems that are relations, not names: 关联公司, 合资公司, 共享公司.
_GENERIC_STEM = re.compile(
    r"^(?:某|所述|上述|关联|合资|外资|国有|民营|上市|参股|共享|相关|对方|第三方)"
)
# A place and a relation before 公司 (香港子公司, 境外母公司, 北京分公司): no name (中国化工总公司
# is one).
_RELATION_STEM = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:子|母|孙|分|控股子|全资子)$")
# Words that end a name when scanning left from its legal form: function words and the verbs
# that introduce an organisation in patent text.
_STOP_WORDS = frozenset(
    [
        "由",
        "与",
        "和",
        "及",
        "或",
        "、",
        "的",
        "在",
        "从",
        "向",
        "被",
        "对",
        "把",
        "将",
        "给",
        "经",
        "自",
        "于",
        "是",
        "为",
        "以",
        "并",
        "且",
        "等",
        "如",
        "即",
        "其",
        "该",
        "本",
        "购自",
        "来自",
        "委托",
        "联合",
        "参见",
        "提供",
        "采用",
        "使用",
        "通过",
        "得到",
        "支持",
        "许可",
        "授权",
        "许可给",
        "转让",
        "转让给",
        "申请人",
        "发明人",
        "专利权人",
        "权利人",
        "检测",
        "选用",
        "选择",
        "选购",
        "采购",
        "购买",
        "购于",
        "购置",
        "产自",
        "出自",
        "至",
        "了",
        "送至",
        "送往",
        "送交",
        "提交至",
        "寄至",
        "起诉至",
        "诉至",
        "上诉至",
        "研制",
        "完成",
        "开发",
        "实施",
        "组织",
        "生产",
        "供货",
        "公开",
        "提交",
        "提出",
        "属于",
        "包括",
        "所述",
        "上述",
        "以及",
        "共同",
        "合作",
        "联合体",
        "分别",
        "其中",
        "申请",
        "收购",
        "投资",
        "成立",
        "设立",
        "隶属",
        "下属",
        "旗下",
        "位于",
        "参与",
        "负责",
        "承担",
        "资助",
        "赞助",
        "获",
        "获得",
        "受",
        "受到",
        "依托",
        "交由",
        "报送",
        "授予",
        "某",
        "及其",
        "以及其",
        "及其他",
        "其他",
    ]
)
# Verbs that stop a name but also occur inside one (华测检测认证集团, 深圳市投资控股有限公司,
# 国投创新投资管理有限公司): crossed when the words between them and the legal form hold no
# proper name, i.e. could not be a name on their own (认证集团, 控股, 管理).
_VERBS_IN_NAMES = frozenset({"检测", "投资", "开发", "生产", "实施", "合作", "研制", "联合"})
# Function words jieba may glue to the first word of a name (由国网): cut off, the name follows.
_GLUED_STOPS = frozenset("由在从向被经为与")
_NOT_A_STEM = re.compile(r"^(?:本|该|其|贵|我|子|母|分|各|此|上述|所述|原|新|总|全资|控股)$")
# A word of a Latin-script company name: Sigma-Aldrich, BYK-Gardner, 3M, (China), Emil & Sons.
_LATIN_WORD = (
    r"(?:(?:[A-Z]|\d+[A-Za-z])[A-Za-zß-ÿ0-9&'\-]*\.?|\([A-Z][A-Za-z .]*\)"
    r"|&|of|and|de|des|du|der|für|the)"
)
# The legal form ends the name; a partnership form may follow a company form (Festo SE & Co. KG,
# Bosch GmbH & Co. KG) and Co. may precede the form (Sigma-Aldrich Co. LLC, … Chemical Co., Ltd.).
_LATIN_FORM = (
    r"(?:(?:GmbH|AG|SE|KG|Inc\.?|Ltd\.?|LLC|B\.V\.|N\.V\.)\s*&\s*Co\.?\s*(?:KGaA|KG|OHG|LP|L\.P\.)"
    r"|Co\.,?\s*(?:Ltd\.?|LLC|L\.L\.C\.|Inc\.?|KG|AG|GmbH|Limited)"
    r"|Pty\.?\s*Ltd\.?|Pte\.?\s*Ltd\.?|Inc\.?|Incorporated|Corp\.?|Corporation|"
    r"Ltd\.?|LLC|L\.L\.C\.|LLP|L\.P\.|GmbH|KGaA|KG|AG|SE|S\.A\.S\.|SAS|S\.A\.|"
    r"S\.p\.A\.|SpA|S\.r\.l\.|N\.V\.|B\.V\.|AB|A/S|ASA|Oy|Oyj|plc|PLC|Limited|K\.K\.|Company"
    # a name in capitals, as Taiwanese and Korean registers print it (DELTA ELECTRONICS, INC.)
    r"|CO\.,?\s*LTD\.?|INC\.?|CORP\.?|CORPORATION|LTD\.?|LIMITED|COMPANY)"
)
_FORM_AND = re.compile(rf"(?<![A-Za-z])({_LATIN_FORM})\s+(?:and|und|et)\s+")
_FOREIGN = re.compile(
    rf"(?<![A-Za-z])(?:{_LATIN_WORD}\s+){{0,6}}"
    r"(?:[A-Z]|\d+[A-Za-z])[A-Za-zß-ÿ0-9&'\-]*?(?:,?\s+|(?<=[a-z])(?=GmbH))"
    rf"{_LATIN_FORM}"
    r"(?![A-Za-z])"
)
# Universities and institutes named in English: Stanford University, University of Tokyo,
# Massachusetts Institute of Technology, Fraunhofer Institute for Solar Energy Systems.
_CAPITALISED = r"[A-Z][A-Za-zß-ÿ'\-]*"
_FOREIGN_INSTITUTION = re.compile(
    rf"(?<![A-Za-z])(?:{_CAPITALISED}\s+){{0,4}}"
    r"(?:University|Institute|College|Laboratory|Laboratories|Academy)"
    rf"(?:\s+(?:of|for)(?:\s+(?:the|and|{_CAPITALISED})){{1,5}})?(?![A-Za-z])"
    rf"(?<!\sthe)(?<!\sand)"
)
_MAX_NAME = 40


class OrganizationsByLegalForm:
    """ORGANIZATION spans from legal-form suffixes. A name runs left from its suffix over the
    words of the sentence until a function word or verb (由, 与, 购自 …) or punctuation; the
    suffix must end a word (大学生 is not 大学). Gazetteer spans inside a longer name give way."""

    def __init__(self, suffixes: dict[str, frozenset[str]], units: dict[str, bool]) -> None:
        self.kinds = suffixes
        self.suffix_pattern = _alternation(suffixes)
        self.unit_pattern = _alternation(units)
        self.named_units = frozenset(unit for unit, named in units.items() if named)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = [*self._chinese(doc, text), *self._foreign(text)]
        found = [span for span in found if not any(_inside(span, other) for other in found)]
        existing = list(doc.spans.get(SPAN_KEY, []))
        kept = [
            s
            for s in existing
            if not (
                s.label_ == "ORGANIZATION"
                and any(_inside((s._.start, s._.end), span) for span in found)
            )
        ]
        doc.spans[SPAN_KEY] = kept
        taken = [(s._.start, s._.end) for s in kept if s.label_ == "ORGANIZATION"]
        for start, end in sorted(set(found)):
            if any(a <= start and end <= b for a, b in taken):
                continue
            name = text[start:end]
            _add(doc, "ORGANIZATION", start, end, "ipgraph_organizations", organization_key(name))
        # a unit inside a unit (…大学…学院实验动物伦理委员会): join until nothing more joins
        for _ in range(3):
            if not _join_units(doc, text, self.unit_pattern, self.named_units):
                break
        return doc

    def _chinese(self, doc: Doc, text: str) -> Iterable[tuple[int, int]]:
        matches = list(self.suffix_pattern.finditer(text))
        if not matches:
            return
        starts = _token_starts(doc)
        # Token ends from the token array (walking the Doc's tokens costs a tenth of ingest).
        offsets = doc.to_array(["IDX", "LENGTH"]) if len(doc) else None
        ends = set((offsets[:, 0] + offsets[:, 1]).tolist()) if offsets is not None else set()
        ends.add(len(text))
        for match in matches:
            kinds = self.kinds[match.group(0)]
            if match.end() not in ends and "prefix" not in kinds:
                continue
            start = self._left_edge(doc, starts, text, match.start())
            if match.group(0).endswith("重点实验室") and start > 0 and text[start - 1] in "与和":
                start = self._lab_start(doc, starts, text, start)
            stem = text[start : match.start()]
            named = _JAPANESE_NAME_END.match(text, match.end()) if "prefix" in kinds else None
            if named and "会社" not in named.group(0):
                # 获自有限会社三和制作所: a name follows the form, whatever stands before it
                yield match.start(), named.end()
                continue
            if "prefix" in kinds and not stem:
                # 株式会社电装: the name follows (株式会社村田制作所 is found from 制作所 too)
                end = self._right_edge(doc, starts, text, match.end())
                if end - match.end() >= 2:
                    yield match.start(), end
                continue
            after_role = _after_role_label(text, start, match.start())
            if after_role != start:
                start = after_role  # 受让人武汉理工大学: the label, not a verb, leads the name
            else:
                start += _verb_cut(stem)  # 菌株获自美国杜邦公司: the name starts at 美国
            stem = text[start : match.start()]
            if len(stem) < 2 or _NOT_A_STEM.match(stem) or _GENERIC_STEM.match(stem):
                continue
            if _RELATION_STEM.match(stem) and match.group(0) in ("公司", "集团", "集团公司"):
                continue  # 香港子公司, 德国母公司: a company by its relation, not a name
            suffix = match.group(0)
            if "scope" in kinds and not _GOVERNMENT_STEM.match(stem):
                # 样品送至上海市高级人民法院: an office or court starts at its scope word
                start = _scope_start(starts, text, start, match.start())
                stem = text[start : match.start()]
            if not self._stem_names(text, start, stem, kinds) and not _latin_name_follows(
                text, match.end()
            ):
                continue
            if suffix in stem and suffix not in ("公司", "集团", "委员会"):
                continue  # 上海大学上海大学: a page header repeated by the PDF, not a name
            bracket = _BRACKET_FORM.match(text, match.end()) or _campus(text, match.end(), kinds)
            yield start, bracket.end() if bracket else match.end()

    def _stem_names(self, text: str, start: int, stem: str, kinds: frozenset[str]) -> bool:
        """Whether the words before a suffix make a name, by what the suffix's kinds ask."""
        if _PARTY_FIELD.search(text, max(0, start - 12), start):
            return True  # a party's field names an organisation whatever its stem
        if "scope-only" in kinds:
            # 控制中心, 伦理委员会: only a centre or commission named by its scope
            return bool(_GOVERNMENT_STEM.match(stem))
        proper = partial(_has_proper_name, suffixes=self.suffix_pattern)
        if "scope" in kinds:
            return bool(_GOVERNMENT_STEM.match(stem)) or proper(stem)
        if "weak-np" in kinds:
            return proper(stem, persons=False)  # 张三学会了操作: to learn, not a society
        return "weak" not in kinds or proper(stem)

    @staticmethod
    def _right_edge(doc: Doc, starts: list[int], text: str, position: int) -> int:
        index = bisect_right(starts, position) - 1
        if index < 0 or starts[index] != position:
            return position
        edge = position
        while index < len(doc) and edge - position <= 10:
            token = _token_text(doc, starts, index, text)
            if starts[index] != edge or token in _STOP_WORDS or not _is_name_part(token):
                break
            if token in _TRAILING_VERBS:
                break  # 由有限会社三共精機加工: what the company does is not its name
            edge += len(token)
            index += 1
        return edge

    def _lab_start(self, doc: Doc, starts: list[int], text: str, start: int) -> int:
        """A laboratory's name joins two fields with 与/和 (汽车安全与节能国家重点实验室)."""
        before = self._left_edge(doc, starts, text, start - 1)
        head = text[before : start - 1]
        if len(head) < 2 or self.suffix_pattern.search(head) or _NOT_A_STEM.match(head):
            return start
        return before

    @staticmethod
    def _left_edge(doc: Doc, starts: list[int], text: str, suffix_start: int) -> int:
        index = bisect_right(starts, suffix_start) - 1
        edge = suffix_start
        # the part of the suffix's own token before the suffix (集团股份 | 有限公司)
        if index >= 0 and starts[index] < suffix_start:
            head = text[starts[index] : suffix_start]
            if not _is_name_part(head):
                return suffix_start
            edge = starts[index]
        index -= 1
        depth = 0  # brackets inside a name: 中石化催化剂(北京)有限公司
        while index >= 0:
            token = _token_text(doc, starts, index, text)
            token_start = starts[index]
            if token_start + len(token) != edge:  # a space between: the name ended
                break
            if token in ")）":
                depth += 1
            elif token in "(（":
                if depth == 0:
                    break
                depth -= 1
            elif token in "-－‐" and _hyphen_joins(doc, starts, index, text):
                pass  # 梅特勒-托利多: a hyphen between two parts of a transliterated name
            elif token in _VERBS_IN_NAMES and _crossable(
                doc, starts, index, text, edge, suffix_start
            ):
                pass
            elif token in _STOP_WORDS or not _is_name_part(token) or _ends_in_preposition(token):
                break
            elif _glued_preposition(text, token_start):
                edge = token_start + 1  # 购|自费斯托: jieba read 自费, the name starts after 自
                break
            elif token[0] in "年月日号" and token_start > 0 and text[token_start - 1].isdigit():
                break  # 3日向美国专利商标局: the end of a date, not the start of the name
            elif token[0] in _GLUED_STOPS and _is_name_part(token[1:]) and not _is_word(token):
                edge = token_start + 1  # 由国网: the function word glued to the name
                break
            if suffix_start - token_start > _MAX_NAME:
                break
            edge = token_start
            index -= 1
        return edge

    @staticmethod
    def _foreign(text: str) -> Iterable[tuple[int, int]]:
        for pattern in (_FOREIGN, _FOREIGN_INSTITUTION):
            for match in pattern.finditer(text):
                start = match.start()
                # Apple Inc. and Bruker AG: two companies, each closed by its own legal form
                for inner in _FORM_AND.finditer(match.group(0)):
                    yield start, match.start() + inner.end(1)
                    start = match.start() + inner.end()
                yield start, match.end()


# A unit inside a named parent is one organisation (清华大学分析中心, 中科院自动化所,
# 华中科技大学材料成形与模具技术国家重点实验室): the unit's name may hold 与/和 but no
# punctuation, function word or legal form of its own.
_UNIT_BODY_STOP = re.compile(r"[的在由为是将对向从及或并等该其本某]|所述|上述|大学|公司|集团")
# A bare 所 closes a unit only of an academy (中科院自动化所), never 所述/所需 after a university.
_ACADEMY = re.compile(r"(?:科学院|中科院|社科院|工程院|研究院)$")
_MAX_UNIT = 24


def _latin_name_follows(text: str, end: int) -> bool:
    """日立高新技术公司（Hitachi High-Tech Corporation）: a company's Latin name with its legal form
    in brackets right after a Chinese name says the Chinese words are that company's name."""
    bracket = re.match(r"\s*[（(]", text[end : end + 3])
    if bracket is None:
        return False
    inner = _FOREIGN.match(text, end + bracket.end())
    closed = inner is not None and re.match(r"\s*[）)]", text[inner.end() : inner.end() + 3])
    return bool(closed)


def _unit_tail(
    text: str, start: int, parent: str, units: re.Pattern[str], named: frozenset[str]
) -> int | None:
    """The end of a unit's name written right after its parent's, if one is."""
    if start >= len(text) or text[start] in "和与及、":
        return None
    for match in units.finditer(text, start, min(len(text), start + _MAX_UNIT)):
        body = text[start : match.start()]
        # 〇 numbers institutes (第七〇四研究所) but lies outside the CJK block
        if not re.fullmatch(r"[\u4e00-\u9fff〇]*", body) or _UNIT_BODY_STOP.search(body):
            return None
        unit = match.group(0)
        if unit == "所" and not _ACADEMY.search(parent):
            continue
        if unit in named and len(body) < 2:
            return None  # 中国工商银行支行: a branch is named (镇江分行), a bare one is no unit
        if unit in ("所", "系") and not _unit_ends(text, match.end()):
            continue  # 所述, 所需, 系统
        if unit in ("科", "中心") and not (
            parent.endswith("医院") and 1 <= len(body) <= 4 and _unit_ends(text, match.end())
        ):
            continue  # a department only of a hospital (医院麻醉科, 医院麻醉手术中心), never 科研
        return match.end()
    return None


def _join_units(doc: Doc, text: str, units: re.Pattern[str], named: frozenset[str]) -> bool:
    spans = list(doc.spans.get(SPAN_KEY, []))
    changed = False
    for index, span in enumerate(spans):
        if span.label_ != "ORGANIZATION":
            continue
        tail_end = _unit_tail(text, span._.end, text[span._.start : span._.end], units, named)
        if tail_end is None or any(
            other._.start < tail_end and span._.end < other._.end
            for other in spans
            if other is not span and other.label_ != "ORGANIZATION"
        ):
            continue
        spans[index] = _respan(doc, span._.start, tail_end, text)
        changed = True
    if changed:
        doc.spans[SPAN_KEY] = [
            s
            for s in spans
            if not any(
                _inside((s._.start, s._.end), (o._.start, o._.end))
                for o in spans
                if o.label_ == "ORGANIZATION" and s.label_ == "ORGANIZATION"
            )
        ]
    return changed


def _unit_ends(text: str, end: int) -> bool:
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff":
        return True
    return any(text.startswith(word, end) for word in (*_STOP_WORDS, *_UNIT_VERBS))


_UNIT_VERBS = ("完成", "研制", "研发", "开发", "提供", "测试", "检测", "牵头", "参与", "承担")


def _respan(doc: Doc, start: int, end: int, text: str) -> Span:
    """A new ORGANIZATION span over [start, end) with the same extension fields as _add."""
    _add(
        doc, "ORGANIZATION", start, end, "ipgraph_organizations", organization_key(text[start:end])
    )
    added: Span = doc.spans[SPAN_KEY][-1]
    return added


def _crossable(
    doc: Doc, starts: list[int], index: int, text: str, edge: int, suffix_start: int
) -> bool:
    """A verb inside a name: a name word stands right before it and what follows it up to the
    legal form is generic (认证, 控股, 管理)."""
    if index == 0 or starts[index - 1] + len(doc[index - 1].text) != starts[index]:
        return False
    before = doc[index - 1].text
    if before in _STOP_WORDS or not _is_name_part(before):
        return False
    import jieba.posseg

    stem = text[edge:suffix_start]
    if re.search(r"[A-Za-z]", stem):
        return False
    return not any(word.flag in _PROPER_FLAGS for word in jieba.posseg.cut(stem))


# Verbs of supply that follow a company named after a prefix form (…提供, …加工).
_TRAILING_VERBS = frozenset(
    {"加工", "提供", "生产", "制造", "制备", "供应", "销售", "合成", "制作", "出品", "代工", "赠送"}
)


def _token_text(doc: Doc, starts: list[int], index: int, text: str) -> str:
    """A token as the rules read it: from the folded text, so a traditional-script 為 or 與
    is the stop word it folds to."""
    return text[starts[index] : starts[index] + len(doc[index].text)]


def _hyphen_joins(doc: Doc, starts: list[int], index: int, text: str) -> bool:
    """A hyphen with a Chinese name word glued on both sides (梅特勒-托利多)."""
    start = starts[index]
    if index == 0 or start == 0 or start + 1 >= len(text):
        return False
    before = doc[index - 1].text
    return (
        starts[index - 1] + len(before) == start
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", before))
        and "\u4e00" <= text[start + 1] <= "\u9fff"
    )


def _after_role_label(text: str, start: int, suffix_start: int) -> int:
    """The start of a name after a role label that begins at or overlaps its left edge
    (jieba reads 转让|人武汉: the edge falls inside the label)."""
    for label in _ROLE_LABEL.finditer(text, max(0, start - 4), suffix_start):
        if label.start() <= start < label.end() and suffix_start - label.end() >= 2:
            return label.end()
        if label.start() > start:
            break
    return start


def _scope_start(starts: list[int], text: str, start: int, suffix_start: int) -> int:
    """The first word between `start` and the suffix that names a scope (国家, 最高, 上海市,
    a place): an office or court starts there, not at the verb before it."""
    import jieba.posseg

    first = bisect_right(starts, start)
    for index in range(first, len(starts)):
        token_start = starts[index]
        if token_start >= suffix_start:
            break
        token_end = starts[index + 1] if index + 1 < len(starts) else suffix_start
        word = text[token_start:token_end]
        if _SCOPE_WORD.fullmatch(word) or any(
            w.flag == "ns" for w in jieba.posseg.cut(word)
        ):
            return int(token_start)
    return start


def _campus(text: str, end: int, kinds: frozenset[str]) -> re.Match[str] | None:
    """A bracketed campus or branch right after a school's, institute's or hospital's name."""
    if "campus" not in kinds:
        return None
    bracket = _CAMPUS.match(text, end)
    if bracket is None:
        return None
    inner = bracket.group(1)
    if _CAMPUS_WORD.search(inner):
        return bracket
    import jieba.posseg

    words = list(jieba.posseg.cut(inner))
    return bracket if len(words) == 1 and words[0].flag == "ns" else None


# A verb, preposition or particle the stop words do not list (获自, 取自, 按照, 交付给, 至, 了)
# ends a name when a proper name follows it right away (获自|美国杜邦公司); a verb inside a
# name is followed by a common word (深圳市投资控股, 华测检测认证集团) and stays.
# A noun-verb (教育, 投资, 管理: 教育科学出版社) is part of names; it ends one only when it ends
# in a preposition (交付给, 转让至).
_CUT_FLAGS = frozenset({"v", "vd", "p", "c", "d", "u", "ul", "uj", "uz", "ug", "uv", "ud"})
_NAME_START_FLAGS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg"})


def _ends_in_preposition(word: str) -> bool:
    """获自, 取自, 交付给, 转让至, 购于: a verb with its preposition ends the name before it."""
    return 2 <= len(word) <= 3 and word[-1] in "自给至于" and word not in _NAME_WORDS_IN_PREPOSITION


def _glued_preposition(text: str, token_start: int) -> bool:
    """The token starts with the preposition of a verb before it (购 + 自费斯托 = 购自 + 费斯托)."""
    if token_start == 0:
        return False
    pair = text[token_start - 1 : token_start + 1]
    if not _ends_in_preposition(pair):
        return False
    import jieba

    return jieba.dt.FREQ.get(pair, 0) > 0 or pair in _STOP_WORDS


# Words that end in 自/给/至/于 yet occur inside names (供给, 自给).
_NAME_WORDS_IN_PREPOSITION = frozenset({"供给", "自给", "补给"})


def _verb_cut(stem: str) -> int:
    """How many characters of the stem stand before the name: up to the last verb, preposition
    or particle that a proper name follows."""
    if len(stem) < 4:
        return 0
    import jieba.posseg

    words = list(jieba.posseg.cut(stem))
    cut = offset = 0
    for word, following in pairwise(words):
        offset += len(word.word)
        # a one-character "verb" is often a syllable of a transliteration (费|斯托 of 费斯托)
        single_ok = word.flag == "p" or word.flag.startswith("u")
        if _ends_in_preposition(word.word) or (
            word.flag in _CUT_FLAGS
            and (len(word.word) > 1 or single_ok)
            and following.flag in _NAME_START_FLAGS
        ):
            cut = offset
    return cut if len(stem) - cut >= 2 else 0


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a word list, the longest word first where two start alike."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered) or r"(?!)")


def _has_proper_name(stem: str, suffixes: re.Pattern[str], persons: bool = True) -> bool:
    if re.search(r"[A-Za-z]", stem) or suffixes.search(stem):
        return True  # LG化学株式会社; 中国石化集团 | 公司 chains hold a legal form already
    import jieba.posseg

    flags = _PROPER_FLAGS if persons else _PROPER_FLAGS - {"nr", "nrt", "nrfg"}
    return any(word.flag in flags for word in jieba.posseg.cut(stem))


def _is_word(token: str) -> bool:
    """A dictionary word (经营, 自动): its first character is not a function word glued on."""
    import jieba

    return len(token) == 2 and jieba.dt.FREQ.get(token, 0) > 0


def _is_name_part(token: str) -> bool:
    if re.fullmatch(r"[A-Za-z0-9&]+", token):
        # Latin inside a Chinese name is an acronym (LG化学, TCL科技, 3M创新), not a run of words
        return bool(re.fullmatch(r"(?=[0-9]?[A-Z])[A-Z0-9][A-Z0-9&]{0,5}", token))
    return bool(re.fullmatch(r"[\u4e00-\u9fff（）()·&]+", token))


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]


# ---- persons -------------------------------------------------------------------------------

# What a research verb after 等 looks like (卡尔·费休等方法 is a method, 贝克尔等报道 a person).
_RESEARCH_VERBS_LIST = (
    "提出|报道|研究|发现|制备|开发|设计|采用|利用|通过|发表|描述|公开|合成|构建|使用|在|于|对|将|"
    "把|首先|首次|已|曾|也|还"
)

# 申请人/专利权人 name a person when one is the applicant (申请人 张伟 地址 …): a name is only
# taken when a break follows it, so 申请人 江苏某某有限公司 stays an organisation.
_PERSON_BEFORE = re.compile(
    r"(?:发明人|发明者|设计人|联系人|负责人|作者|专利代理师|代理师|代理人|经办人|法定代表人|审查员|"
    r"申请人|专利权人|"
    # the members of a board of appeal's or a court's panel (合议组组长…，主审员…，参审员…)
    r"组长|主审员|参审员|审判长|审判员|书记员|人民陪审员|陪审员|法官助理|法官|"
    # English labels on bilingual front pages and translations
    r"(?<![A-Za-z])(?:Inventors?|Inventor\(s\))(?=\s*[：:]))"
    r"\s*[：:为是]?\s*"
)
_PERSON_AFTER = re.compile(
    r"(?:教授|副教授|博士|研究员|副研究员|院士|工程师|高级工程师|高工|先生|女士|老师|主任|"
    r"团队|课题组|等人)"
)
# A name never ends in a title (王教授, 李博士, 张总): the title is not part of the person.
_TITLE_END = re.compile(
    r"(?:教授|博士|老师|先生|女士|小姐|院士|工程师|研究员|主任|经理|总监|律师|医生|"
    r"代理人|代理师|审查员|发明人)$|^[\u4e00-\u9fff][总工]$"
)
_NAME_BREAK = set("，,。；;：:、/和与及或由经在被对向是为从将把给以（）() \t\n")
# 欧阳明辉提出了该方案 / 王芳表示 / 皇甫嵩林等: what a name may be followed by
_AFTER_NAME = re.compile(
    r"等|提出|提供|发明|设计|完成|共同|研制|研发|负责|参与|发现|开发|申请|表示|指出|认为|主持"
    r"|带领|率领|撰写|测试|进行|教授|研究员|博士|工程师"
    # 审查员左丘明远于2023年…: 于 before a date
    r"|于(?=\s*[\d〇零一二三四五六七八九])"
)
# Names in a list after a cue: 王磊 欧阳慧, 刘迪;刘敏, 约翰·史密斯、田中一郎.
_LIST_SEPARATOR = re.compile(r"[ \t]*[、，,;；/和及与][ \t]*|[ \t\u3000]+")
_PADDED_NAME = re.compile(r"([\u4e00-\u9fff])[ \u3000]{1,2}([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
# A name's original script in brackets after it in a list (鄭家豪（CHENG, CHIA-HAO）) is the same
# person written again: a PERSON span of its own.
# Two parts at least, each led by a capital: a country code (CN), (DE) or a marker (cx) is no name.
_BRACKETED_NAME = re.compile(
    r"[A-ZÀ-Þ][A-Za-zß-ÿÀ-Þ'\-]*\.?(?:(?:\s*,\s*|\s+|-)[A-ZÀ-Þ][A-Za-zß-ÿÀ-Þ'\-]*\.?)+"
)
_ORIGINAL_NAME = re.compile(r"\s*[（(]([A-Za-zß-ÿÀ-Þ .,'\-]{2,40})[）)]")
# A field label after the list (；申请号：, 地址 …) is not a name.
_FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]")
# Transliterated foreign names keep their separators: 约翰·史密斯, 汉斯-彼得·施密特, 大卫·J·米勒.
# Initials may lead: K·施泰因巴赫, J·R·麦克唐纳.
_TRANSLITERATED = re.compile(
    r"(?:[A-Z](?:\.?-[A-Z]|\.[A-Z])*\.?[·•・‧]){1,3}[\u4e00-\u9fff]{2,6}(?:[·•・‧\-－][\u4e00-\u9fff]{1,6}){0,2}"
    r"|[\u4e00-\u9fff]{1,5}(?:[·•・‧.\-－][\u4e00-\u9fff]{1,6}|[·•・‧][A-Z]\.?){1,3}"
    r"(?<=[\u4e00-\u9fff])"
)
# Outside a cue list a transliterated name needs its middle dot and a cue after it:
# 安娜-玛丽亚·贝克尔等, 约翰·史密斯教授 (麦克斯韦-加内特模型 has no dot and no cue).
_TRANSLITERATED_CUE = re.compile(
    rf"等(?:人|[^\u4e00-\u9fff]|随后|{_RESEARCH_VERBS_LIST})"
    r"|教授|博士|研究员|团队|课题组|提出|报道|发现|指出|认为"
)
# Words that may stand glued before a transliterated name (由, 采用, 根据): longest first.
_LEADING_STOPS = ("根据", "采用", "使用", "参见", "例如", "由", "据", "如", "经", "被")
# An author in a non-patent citation: 仇韫琦等.面向…, 王磊, 李娜等. 《电子学报》.
_CITATION_AUTHOR = re.compile(r"等\s?[.．](?!\d)")
# Latin-script names as background sections write them (YingchunLiu, Lei Wang, J. Smith).
# Accented capitals (Émilie) and a surname in capitals (Takeshi NAKAMURA) occur in inventor lists.
_LATIN_NAME = re.compile(
    # a given name in capitals only before a surname in capitals (JOHN SMITH)
    r"(?<![A-Za-zß-ÿÀ-Þ])(?:[A-ZÀ-Þ][a-zß-ÿ]+|[A-ZÀ-Þ]{2,}(?= [A-ZÀ-Þ]{2,})|[A-Z]\.)"
    r"(?:[ \-]?[A-Z]\.)?"
    r"(?:[ \-]?(?:[A-ZÀ-Þ][a-zß-ÿ]+|[A-ZÀ-Þ]{2,}(?![a-z]))){1,2}"
    r"(?![A-Za-zß-ÿÀ-Þ])"
)
# A Latin-script name in an inventor list, however a register writes it: a surname in capitals
# and a comma first (O'CONNOR, Patrick J.), a surname in capitals first (WANG Xiaoming), given
# names and a surname in capitals (Ana María FERNÁNDEZ-LÓPEZ), or given names or initials,
# particles and one surname (Pieter van der Berg, Å. Lindqvist): in a list joined by spaces
# each name ends at its surname.
# Korean given names keep a lower-case second syllable (Ji-hoon).
_GIVEN = r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-Za-zÀ-Þ][a-zß-ÿ]+)?"
_CAPS_SURNAME = r"(?:[A-ZÀ-Þ]'?[A-ZÀ-Þ]+(?:-[A-ZÀ-Þ]{2,})?)(?![A-Za-zß-ÿ])"
_INITIAL = r"[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)?"
_PARTICLE = r"(?:van|von|der|den|de|da|di|du|del|della|dos|la|le|ten|ter|bin|al)"
_LIST_LATIN_NAME = re.compile(
    rf"{_CAPS_SURNAME},\s{_GIVEN}(?:\s{_INITIAL})?"
    rf"|{_CAPS_SURNAME}\s{_GIVEN}(?![A-Za-zß-ÿ])"
    rf"|(?:{_GIVEN}\s){{1,2}}{_CAPS_SURNAME}"
    # two given names only where a hard separator ends the name (Anna Schmidt Thomas Krüger is
    # two people)
    rf"|{_GIVEN}\s{_GIVEN}(?:\s{_PARTICLE}){{0,3}}\s(?:[A-ZÀ-Þ]')?{_GIVEN}"
    r"(?=\s*(?:[；;，,、（(\n]|$))"
    rf"|(?:{_GIVEN}|{_INITIAL}(?:\s{_INITIAL})?)(?:\s{_PARTICLE}){{0,3}}"
    rf"\s(?:[A-ZÀ-Þ]')?{_GIVEN}(?![A-Za-zß-ÿ])"
)
# A single Latin-script surname is a person only before 等人/et al. or 等 and a verb of research.
_LATIN_SURNAME = re.compile(r"(?<![A-Za-zß-ÿ.])[A-Z][a-zß-ÿ]{2,}(?![A-Za-zß-ÿ])")
# What makes a Latin-script pair of words a person: 等人, 等制备了, et al., a title.
_RESEARCH_VERBS = (
    r"提出|报道|研究|发现|制备|开发|设计|采用|利用|通过|发表|描述|公开|合成|构建|使用|在|于|对|将|"
    r"把|首先|首次|已|曾|也|还"
)
_LATIN_CUE = re.compile(rf"\s*(?:等人|et\s+al|等(?:{_RESEARCH_VERBS})|教授|博士|团队|课题组)")
_SURNAME_CUE = re.compile(rf"\s*(?:等人|et\s+al|等(?:{_RESEARCH_VERBS}))")
_LATIN_SEPARATOR = re.compile(r"\s*(?:[、,，和与及]|and)\s*")
# Authors of a reference as Vancouver style writes them: a surname and its initials (Wang L,
# Schneider T, Müller KH), joined by commas and closed by a full stop or et al.
_VANCOUVER_AUTHOR = r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?\s[A-Z]{1,3}"
_VANCOUVER_AUTHORS = re.compile(
    rf"(?<![A-Za-zß-ÿ])({_VANCOUVER_AUTHOR}(?:,\s*{_VANCOUVER_AUTHOR})*)(?:,\s*et\s+al)?\."
)
_VANCOUVER_ITEM = re.compile(_VANCOUVER_AUTHOR)
# What makes such a list a reference: a label before it or a document-type mark after it ([J]).
_REFERENCE_LABEL = re.compile(
    r"(?:参考文献|文献|非专利文献|引用文献|References?)\s*[：:]?\s*(?:\[\d+\]\s*)?$"
)
_REFERENCE_MARK = re.compile(r"[^\n]{0,300}?\[(?:J|C|M|D|P|R|S|N|Z|EB/OL|J/OL)\]")


class PersonsByCue:
    """PERSON spans: the names after 发明人/代理人/审查员 (a list joined by 、，;； or spaces), a
    name before a title (…教授, …研究员, …团队), and Latin-script names that 等人/et al. or a
    title marks as people. A Chinese name is two to four characters led by a known surname; a
    Japanese or Korean one (田中一郎, 朴智勋) a foreign surname and one to three characters;
    transliterated names (约翰·史密斯) are taken in cue lists whole. Titles stay out."""

    def __init__(self, surnames: Iterable[str], foreign_surnames: Iterable[str] = ()) -> None:
        names = sorted({s.strip() for s in surnames if s.strip()}, key=len, reverse=True)
        self.surnames = tuple(names)
        foreign = sorted({s.strip() for s in foreign_surnames if s.strip()}, key=len, reverse=True)
        self.foreign_surnames = tuple(foreign)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found: set[tuple[int, int]] = set()
        for match in _PERSON_BEFORE.finditer(text):
            found.update(self._cue_list(text, match.end()))
        for match in _PERSON_AFTER.finditer(text):
            end = match.start()
            start = self._name_start(text, end)
            while start is not None:  # 王磊、李娜等人: each name of the list before the cue
                found.add((start, end))
                if start < 2 or text[start - 1] not in "、，,和与及":
                    break
                end = start - 1
                start = self._name_start(text, end)
        found.update(_latin_names(text))
        found.update(_reference_authors(text))
        found.update(self._cued_transliterated(text))
        for match in _CITATION_AUTHOR.finditer(text):
            start = self._name_start(text, match.start())
            if start is not None and (start == 0 or text[start - 1] in "：:；;，,。 \t\n"):
                found.add((start, match.start()))
        found.update(_recurrences(text, found))
        taken = [(s._.start, s._.end) for s in doc.spans.get(SPAN_KEY, [])]
        for start, end in sorted(found):
            if any(a < end and start < b for a, b in taken):
                continue
            name = text[start:end]
            _add(doc, "PERSON", start, end, "ipgraph_persons", _person_key(name))
        return doc

    @staticmethod
    def _cued_transliterated(text: str) -> Iterable[tuple[int, int]]:
        for match in _TRANSLITERATED.finditer(text):
            start, end = match.span()
            name = match.group(0)
            if not re.search("[·•・‧]", name):
                continue
            # the last part may have run on into the cue (贝克尔等随后): the shortest that a cue
            # follows
            last = max(name.rfind(c) for c in "·•・‧-－") + start
            end = next(
                (e for e in range(last + 2, end + 1) if _TRANSLITERATED_CUE.match(text, e)), -1
            )
            if end < 0:
                continue
            lead = next((w for w in _LEADING_STOPS if text.startswith(w, start)), "")
            if lead and last - start - len(lead) >= 2:
                start += len(lead)  # 由安娜·贝克尔等: the word before the name is not part of it
            elif _runs_on(text, start):
                continue  # the dot-name runs on from a word before it
            yield start, end

    def _cue_list(self, text: str, position: int) -> Iterable[tuple[int, int]]:
        while True:
            name_end = self._list_name_end(text, position)
            if name_end is None:
                return
            yield position, name_end
            original = _ORIGINAL_NAME.match(text, name_end)  # 史密斯·约翰（John Smith）
            if original and _BRACKETED_NAME.fullmatch(original.group(1).strip(" .,")):
                inner = original.group(1)
                left = original.start(1) + len(inner) - len(inner.lstrip())
                yield left, original.start(1) + len(inner.rstrip(" .,"))
            separator = _LIST_SEPARATOR.match(text, original.end() if original else name_end)
            if separator is None:
                return
            position = separator.end()

    def _list_name_end(self, text: str, start: int) -> int | None:
        if _FIELD_LABEL.match(text, start):
            return None
        foreign = _TRANSLITERATED.match(text, start)
        if foreign and _breaks(text, foreign.end()):
            return foreign.end()
        listed = _LIST_LATIN_NAME.match(text, start)
        if listed and _breaks(text, listed.end()):
            return listed.end()
        latin = _LATIN_NAME.match(text, start)
        if latin and _breaks(text, latin.end()):
            return latin.end()
        end = self._name_end(text, start)
        if end is None:
            padded = _PADDED_NAME.match(text, start)  # 张 伟: front pages pad two-character names
            if padded and self._is_name(padded.group(1) + padded.group(2)):
                end = padded.end()
        return end

    def _is_name(self, candidate: str) -> bool:
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", candidate) or _TITLE_END.search(candidate):
            return False
        surname = next((s for s in self.surnames if candidate.startswith(s)), None)
        if surname is not None and 1 <= len(candidate) - len(surname) <= 2:
            return True
        japanese = next((s for s in self.foreign_surnames if candidate.startswith(s)), None)
        return japanese is not None and 1 <= len(candidate) - len(japanese) <= 3

    def _name_end(self, text: str, start: int) -> int | None:
        """The end of a name starting at `start`: the longest (up to 4) that is followed by a
        break; a name is never followed by more Chinese of itself."""
        for length in (3, 2, 4, 5):
            end = start + length
            if end > len(text):
                continue
            candidate = text[start:end]
            if candidate.endswith("等"):
                continue  # 李娜等参与: 等 closes the list, it is not part of the name
            if self._is_name(candidate) and (_breaks(text, end) or _AFTER_NAME.match(text, end)):
                return end
        return None

    def _name_start(self, text: str, end: int) -> int | None:
        for length in (3, 2, 4):
            start = end - length
            if start < 0:
                continue
            before = text[start - 1] if start > 0 else " "
            if self._is_name(text[start:end]) and (before in _NAME_BREAK or before.isascii()):
                return start
        return None


def _reference_authors(text: str) -> Iterable[tuple[int, int]]:
    for match in _VANCOUVER_AUTHORS.finditer(text):
        label = _REFERENCE_LABEL.search(text, max(0, match.start() - 20), match.start())
        if label is None and not _REFERENCE_MARK.match(text, match.end()):
            continue
        for item in _VANCOUVER_ITEM.finditer(text, match.start(1), match.end(1)):
            yield item.span()


def _recurrences(text: str, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """A Chinese name a cue marked is the same person where the text names it again (其中陈伟为第一
    发明人), unless it is part of a longer name there."""
    names = {text[s:e] for s, e in found if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text[s:e])}
    spans: set[tuple[int, int]] = set()
    for name in names:
        for match in re.finditer(re.escape(name), text):
            start, end = match.span()
            if any(a <= start and end <= b and (a, b) != (start, end) for a, b in found):
                continue
            if any(a < end and start < b for a, b in found if (a, b) != (start, end)):
                continue
            spans.add((start, end))
    return spans


def _runs_on(text: str, start: int) -> bool:
    """A Chinese character before a name joins it to a word, unless it is a conjunction or a
    word that introduces a name (和, 由, 根据)."""
    if start == 0 or text.endswith(_LEADING_STOPS, 0, start):
        return False
    return "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in "和与及"


def _person_key(name: str) -> str:
    """The name without a front page's padding (张 伟 -> 张伟); Latin names keep their spaces."""
    return re.sub(r"[ \u3000]", "", name) if not re.search(r"[A-Za-z]", name) else name


def _breaks(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in _NAME_BREAK or text[end] == "\u3000"


def _latin_names(text: str) -> set[tuple[int, int]]:
    """Latin-script names marked as people: the last of a list by its cue (…等人), each one
    before it by the separator that joins it to a marked name."""
    full = list(_LATIN_NAME.finditer(text))
    covered = [m.span() for m in full]
    single = [
        m for m in _LATIN_SURNAME.finditer(text) if not any(a <= m.start() < b for a, b in covered)
    ]
    candidates = sorted(full + single, key=lambda m: m.start())
    marked: set[tuple[int, int]] = set()
    next_start: int | None = None
    for match in reversed(candidates):
        is_single = match.re is _LATIN_SURNAME
        cue = (_SURNAME_CUE if is_single else _LATIN_CUE).match(text, match.end())
        joined = _LATIN_SEPARATOR.match(text, match.end())
        if cue or (not is_single and joined is not None and joined.end() == next_start):
            marked.add(match.span())
            next_start = match.start()
        else:
            next_start = None
    return marked


# ---- money, IPC codes, patent numbers and dates in other forms --------------------------------

MONEY = re.compile(
    # a currency named in words before the amount (欧元120万元, 美元50万元) stays in the span
    r"(?:(?:人民币|RMB|CNY|USD|US\$|HK\$|EUR|港币|港元|美金|美元|欧元|日元|英镑|韩元|￥|¥|\$|€)\s*)?"
    r"\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿)?"
    r"(?:元人民币|人民币|美元|欧元|港元|港币|日元|英镑|韩元|美金|元)"
    # 元素, 五元杂环, 二元醇: chemistry, not yuan
    r"(?![素杂环件胞组醇酸胺酯烯器数])"
    # 整 closes a written amount (人民币捌拾万元整) but is not part of it
    r"|(?:人民币|港币)?[壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*元"
    # in lower-case numerals only with 人民币 or 万/亿 (二十万元), never 二元醇 or 五元环
    r"|人民币[零一二三四五六七八九十百千万亿两]+元"
    r"|[一二三四五六七八九十两][零一二三四五六七八九十百千]*[万亿]元(?![素杂环件胞组醇酸胺酯烯器数])"
)
# A plain count with 元 running on into a word is a part, not money (128元相控阵, 64元阵列): a
# bare integer amount is followed by punctuation or one of these words.
_BARE_YUAN = re.compile(r"\d+元")
_AFTER_YUAN = frozenset("的每人钱整左以起至到及和与或为用作给由即上下多之内外不可计共而/、")
# Full-width forms (Ｇ０６Ｆ　１６／３３) as typed in Chinese prose are the same code.
IPC = re.compile(
    r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ])[A-HＡ-Ｈ]\d{2}[A-ZＡ-Ｚ][\s\u3000]?\d{1,4}[\s\u3000]?[/／]"
    r"[\s\u3000]?\d{2,6}(?![\d/／])"
)
BARE_APPLICATION = re.compile(r"(?<![A-Za-z\d.])\d{12}\.[\dX](?!\d)")


class MorePatterns:
    """MONEY in any currency, IPC codes, patent numbers in every citation and priority form
    (ingest/nlp/text_numbers.py) and dates in the forms patterns.py does not know."""

    def __init__(self, labels: Iterable[str]) -> None:
        self.labels = set(labels)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        taken = [(s._.start, s._.end) for s in doc.spans.get(SPAN_KEY, [])]

        def add(label: str, start: int, end: int, normalized: str) -> None:
            if not any(a < end and start < b for a, b in taken):
                _add(doc, label, start, end, "ipgraph_more_patterns", normalized)
                taken.append((start, end))

        if "MONEY" in self.labels:
            for start, end, value in text_numbers.symbol_money(text):
                add("MONEY", start, end, value)
            for match in MONEY.finditer(text):
                if _is_money(text, match):
                    add("MONEY", match.start(), match.end(), match.group(0).strip())
        if "IPC" in self.labels:
            for match in IPC.finditer(text):
                code = ipc_code(match.group(0))
                if code is not None:
                    add("IPC", match.start(), match.end(), code)
        if "DATE" in self.labels:
            for start, end, value in text_numbers.dates(text):
                add("DATE", start, end, value)
        if "PATENT_NUMBER" in self.labels:
            for match in BARE_APPLICATION.finditer(text):
                number = parse_application_number(match.group(0))
                if number.check_digit_ok:
                    add("PATENT_NUMBER", match.start(), match.end(), number.canonical)
            for start, end, value in text_numbers.patent_numbers(text):
                add("PATENT_NUMBER", start, end, value)
        return doc


def _is_money(text: str, match: re.Match[str]) -> bool:
    if not _BARE_YUAN.fullmatch(match.group(0).strip()) or match.end() >= len(text):
        return True
    follower = text[match.end()]
    return not ("\u4e00" <= follower <= "\u9fff") or follower in _AFTER_YUAN


_SUFFIX_KINDS = frozenset({"form", "weak", "weak-np", "scope", "scope-only", "prefix", "campus"})


@Language.factory("ipgraph_organizations", default_config={"suffixes": "", "units": ""})
def make_organizations(
    nlp: Language, name: str, suffixes: str, units: str
) -> OrganizationsByLegalForm:
    return OrganizationsByLegalForm(_suffix_kinds(suffixes), _units(units))


def _units(path: str) -> dict[str, bool]:
    """unit word -> whether it needs a name of its own (word<TAB>named): 镇江分行, not 分行."""
    if not path:
        return {}
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {row[0].strip(): len(row) > 1 and row[1].strip() == "named" for row in rows}


def _suffix_kinds(path: str) -> dict[str, frozenset[str]]:
    """word -> kinds, from a suffix table (word<TAB>kind,kind); comment lines (#) left out."""
    table: dict[str, frozenset[str]] = {}
    if not path:
        return table
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, kinds = line.partition("\t")
        found = frozenset(k.strip() for k in kinds.split(",") if k.strip())
        unknown = found - _SUFFIX_KINDS
        if unknown:
            raise ValueError(f"{path}: unknown kind {sorted(unknown)} for {word!r}")
        table[word.strip()] = found or frozenset({"form"})
    return table


@Language.factory("ipgraph_persons", default_config={"surnames": "", "foreign_surnames": ""})
def make_persons(nlp: Language, name: str, surnames: str, foreign_surnames: str) -> PersonsByCue:
    return PersonsByCue(_words(surnames), _words(foreign_surnames))


def _words(path: str) -> list[str]:
    """The words of a list file, comment lines (#) left out."""
    if not path:
        return []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in line.split()]


@Language.factory(
    "ipgraph_more_patterns",
    default_config={"labels": ["MONEY", "IPC", "PATENT_NUMBER", "DATE"]},
)
def make_more_patterns(nlp: Language, name: str, labels: list[str]) -> MorePatterns:
    return MorePatterns(labels)
