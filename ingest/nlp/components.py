"""spaCy components, registered as factories and configured from config/nlp/pipeline.cfg.

Both find entities on the raw characters (regular expressions; Aho-Corasick for names) and map
them onto token spans, so jieba's word boundaries never hide an entity; the exact character
offsets are kept on the span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc, Span

from domain.names import organization_key, organization_name
from ingest.nlp.patterns import NORMALIZERS, PATTERNS
from ingest.nlp.text_numbers import prefix_closes_previous_claim

COMPONENT_VERSION = "1"
SPAN_KEY = "ipgraph"

for _name, _default in (("normalized", None), ("component", None), ("start", None), ("end", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


def _token_starts(doc: Doc) -> list[int]:
    # Doc.char_span walks every token on each call; one array per document instead.
    starts: list[int] | None = doc.user_data.get("ipgraph_token_starts")
    if starts is None:
        starts = doc.to_array("IDX").tolist() if len(doc) else []
        doc.user_data["ipgraph_token_starts"] = starts
    return starts


def doc_text(doc: Doc) -> str:
    """The document's text as the rules read it; Doc.text joins every token, so it is built
    once and kept. Text in traditional script (申請人, 發明人, 歐陽) is read through the
    same-length fold to simplified, so every rule applies and spans keep the original offsets
    (callers cut entity text from the original)."""
    folded: str | None = doc.user_data.get("ipgraph_rule_text")
    if folded is not None:
        return folded
    text: str | None = doc.user_data.get("ipgraph_text")
    if text is None:
        text = doc.text
        doc.user_data["ipgraph_text"] = text
    folded = _as_simplified(text)
    doc.user_data["ipgraph_rule_text"] = folded
    return folded


# Frequent characters that only traditional script writes: the cheap test before a fold.
_TRADITIONAL = re.compile(
    "[們個這來國會對學說時從現發經動與進開關應設權請專實術電體產業點後還過區聯構數據廠處當義務圖"
    "項種類認證節總標準條單護記錄議機將為無壓熱環檢測製積華灣臺陽歐書號簽約費許讓東]"
)


def _as_simplified(text: str) -> str:
    if not _TRADITIONAL.search(text):
        return text
    from ingest.contracts.script import to_simplified

    # Spans keep the original offsets and text, so folding a simplified text that quotes a
    # traditional name (许可给台灣積體電路製造…) only lets the rules read that name too.
    return to_simplified(text)


def _add(doc: Doc, label: str, start: int, end: int, component: str, normalized: str) -> None:
    starts = _token_starts(doc)
    first = max(bisect_right(starts, start) - 1, 0)
    last = bisect_left(starts, end)  # the first token starting at or after `end`
    if last <= first:
        return
    span = Span(doc, first, last, label=label)
    span._.normalized = normalized
    span._.component = f"{component}/{COMPONENT_VERSION}"
    span._.start, span._.end = start, end
    if SPAN_KEY not in doc.spans:
        doc.spans[SPAN_KEY] = []
    doc.spans[SPAN_KEY].append(span)


class PatternMatcher:
    def __init__(self, labels: Iterable[str]) -> None:
        self.patterns = {label: PATTERNS[label] for label in labels}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        for label, pattern in self.patterns.items():
            normalize = NORMALIZERS.get(label, str.strip)
            for match in pattern.finditer(text):
                start, end = match.span()
                while end > start and text[end - 1].isspace():
                    end -= 1
                if label == "PATENT_NUMBER" and prefix_closes_previous_claim(text, start, end):
                    start += 3
                _add(doc, label, start, end, "ipgraph_patterns", normalize(text[start:end]))
        return doc


_SHORT_NAME = 3


def _token_ends(doc: Doc) -> set[int]:
    if not len(doc):
        return set()
    offsets = doc.to_array(["IDX", "LENGTH"])
    return set((offsets[:, 0] + offsets[:, 1]).tolist())


class Gazetteer:
    """Organisation names and short names, matched longest-first without overlaps."""

    def __init__(self, names: dict[str, str]) -> None:
        self.automaton = ahocorasick.Automaton()
        for surface, key in names.items():
            self.automaton.add_word(surface, (len(surface), key))
        if names:
            self.automaton.make_automaton()
        self.empty = not names

    def __call__(self, doc: Doc) -> Doc:
        if self.empty:
            return doc
        found = sorted(
            (
                (end + 1 - length, end + 1, key)
                for end, (length, key) in self.automaton.iter(doc_text(doc))
            ),
            key=lambda m: (m[0], -(m[1] - m[0])),
        )
        last_end = -1
        ends: set[int] | None = None
        for start, end, key in found:
            if start < last_end:
                continue
            if end - start <= _SHORT_NAME:
                # a short name must end a word: 清华 is not the 清华 of 清华园
                ends = _token_ends(doc) if ends is None else ends
                if end not in ends and not _glued_function_word(doc_text(doc), end, ends):
                    continue
            _add(doc, "ORGANIZATION", start, end, "ipgraph_gazetteer", key)
            last_end = end
        return doc


# A one-character function word jieba may glue to the end of a short name (国知|局于2023年).
_GLUED_AFTER_NAME = frozenset("于在对向将被和与及为从")


def _glued_function_word(text: str, end: int, ends: set[int]) -> bool:
    """Whether the name ends right before a function word that jieba read into one word
    with the name's last character (局于): the name still ends a word."""
    return end < len(text) and text[end] in _GLUED_AFTER_NAME and end + 1 in ends


@Language.factory("ipgraph_patterns", default_config={"labels": list(PATTERNS)})
def make_pattern_matcher(nlp: Language, name: str, labels: list[str]) -> PatternMatcher:
    return PatternMatcher(labels)


@Language.factory(
    "ipgraph_gazetteer", default_config={"organizations": "", "extra_organizations": ""}
)
def make_gazetteer(
    nlp: Language, name: str, organizations: str, extra_organizations: str
) -> Gazetteer:
    names: dict[str, str] = {}
    for path in (organizations, extra_organizations):
        if path:
            names.update(_read_names(Path(path)))
    return Gazetteer(names)


def _read_names(path: Path) -> dict[str, str]:
    """Surface form -> organisation key, from an alias table (name<TAB>a|b) or a name list."""
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        full, _, others = line.partition("\t")
        key = organization_key(full)
        for surface in [full, *others.split("|")]:
            surface = organization_name(surface)
            if len(surface) >= 2:
                names.setdefault(surface, key)
    return names
