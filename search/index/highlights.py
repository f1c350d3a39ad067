"""Highlights and matched expansions of a hit, made in Python from the stored document on both
backends, so that they are byte-identical and every hit says where it matched: title and
abstract whole, claims, description (a contract's text), applicants and inventors as one fragment
around the first match, and the number or IPC code an exact-value leaf matched."""

from __future__ import annotations

from domain.numbers import number_index_keys
from search.index.chinese import (
    ChineseAnalyzer,
    CompiledSequence,
    char_tokens,
    compile_sequences,
    highlight_compiled,
    match_spans,
)
from search.index.compile_common import fields_of, word_tokens
from search.index.protocol import (
    FRAGMENT_FIELDS,
    FRAGMENT_SIZE,
    HIGHLIGHT_FIELDS,
    IndexDocument,
)
from search.query.syntax import Key, Leaf, Near, Node, Phrase, Word, leaves

_ELLIPSIS = "…"


def leaf_sequences(analyzer: ChineseAnalyzer, leaf: Leaf) -> list[list[str]]:
    """The `standard`-token sequences that show `leaf` in a text."""
    if isinstance(leaf, Phrase):
        return [char_tokens(leaf.text)]
    if isinstance(leaf, Word):
        return [char_tokens(t) for t in word_tokens(analyzer, leaf)]
    if isinstance(leaf, Near):
        return [char_tokens(t) for w in leaf.words for t in analyzer.query_tokens(w)]
    return []


def field_sequences(analyzer: ChineseAnalyzer, query: Node | None, field: str) -> list[list[str]]:
    if query is None:
        return []
    sequences: list[list[str]] = []
    for leaf in leaves(query):
        if not isinstance(leaf, Key) and field in fields_of(leaf.field):
            sequences.extend(leaf_sequences(analyzer, leaf))
    return [s for s in sequences if s]


def _text(document: IndexDocument, field: str) -> str:
    if field == "applicants":
        return "；".join([*document.applicants, *document.applicant_aliases])
    if field == "inventors":
        return "；".join(document.inventors)
    value = getattr(document, field)
    return value if isinstance(value, str) else ""


def fragment(text: str, sequences: list[list[str]], size: int = FRAGMENT_SIZE) -> str | None:
    """`size` characters of `text` around the place where most of the query's words occur
    (the first such place), highlighted; None when nothing occurs."""
    return fragment_compiled(text, compile_sequences(sequences), size)


_MAX_SPANS = 200


def fragment_compiled(
    text: str, compiled: list[CompiledSequence], size: int = FRAGMENT_SIZE
) -> str | None:
    if len(text) <= size:
        return highlight_compiled(text, compiled)
    spans = _match_spans(text, compiled)
    if not spans:
        return None
    best_start, best_count = 0, -1
    for anchor, _ in spans:
        start = max(0, anchor - size // 4)
        count = len({which for at, which in spans if start <= at < start + size})
        if count > best_count:
            best_start, best_count = start, count
    end = min(len(text), best_start + size)
    piece = highlight_compiled(text[best_start:end], compiled) or text[best_start:end]
    return (_ELLIPSIS if best_start > 0 else "") + piece + (_ELLIPSIS if end < len(text) else "")


def _match_spans(text: str, compiled: list[CompiledSequence]) -> list[tuple[int, int]]:
    """(offset, sequence number) of each occurrence (at most `_MAX_SPANS` per sequence), in
    text order."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for which, (pattern, _) in enumerate(compiled):
        for match in pattern.finditer(lowered):
            spans.append((match.start(1), which))
            if len(spans) >= _MAX_SPANS:
                break
    return sorted(spans)


class Highlighter:
    """What a query highlights, worked out once per search (the query words segmented, their
    patterns compiled), then applied to each hit of the page."""

    def __init__(self, analyzer: ChineseAnalyzer, query: Node | None, number_keys: set[str]):
        # `number_keys`: the number keys of the query's `number:` leaves (already normalised).
        self._number_keys = number_keys
        self._fields = {
            name: compiled
            for name in (*HIGHLIGHT_FIELDS, *FRAGMENT_FIELDS)
            if (compiled := compile_sequences(field_sequences(analyzer, query, name)))
        }
        all_leaves = leaves(query) if query is not None else []
        self._ipc_prefixes = [
            leaf.value for leaf in all_leaves if isinstance(leaf, Key) and leaf.field == "ipc"
        ]
        self._expansions = [
            (
                (leaf.expansion_of, leaf.text),
                [f for f in (*HIGHLIGHT_FIELDS, *FRAGMENT_FIELDS) if f in fields_of(leaf.field)],
                compile_sequences(leaf_sequences(analyzer, leaf)),
            )
            for leaf in all_leaves
            if isinstance(leaf, Word) and leaf.expansion_of is not None
        ]

    def highlights(self, document: IndexDocument) -> dict[str, str]:
        highlights: dict[str, str] = {}
        for name, compiled in self._fields.items():
            text = _text(document, name)
            marked = (
                fragment_compiled(text, compiled)
                if name in FRAGMENT_FIELDS
                else highlight_compiled(text, compiled)
            )
            if marked is not None:
                highlights[name] = marked
        if self._number_keys and self._number_keys & set(document.numbers):
            highlights["number"] = _number_highlight(document, self._number_keys)
        matched = [c for c in document.ipc if any(c.startswith(p) for p in self._ipc_prefixes)]
        if matched:
            highlights["ipc"] = "；".join(f"<em>{c}</em>" for c in matched)
        return highlights

    def expansions(self, document: IndexDocument) -> tuple[tuple[str, str], ...]:
        """(query word, expansion) for each dictionary expansion found in the document's text."""
        found = [
            pair
            for pair, fields, compiled in self._expansions
            if compiled and any(match_spans(_text(document, f), compiled) for f in fields)
        ]
        return tuple(dict.fromkeys(found))


def hit_highlights(
    analyzer: ChineseAnalyzer, query: Node | None, document: IndexDocument, number_keys: set[str]
) -> dict[str, str]:
    """One hit's highlights (a search builds one `Highlighter` for all its hits instead)."""
    return Highlighter(analyzer, query, number_keys).highlights(document)


def _number_highlight(document: IndexDocument, keys: set[str]) -> str:
    shown = []
    for number in (
        document.publication_number,
        document.application_number,
        *document.priority_numbers,
    ):
        if number and keys & set(number_index_keys(number, None) + number_index_keys(None, number)):
            shown.append(f"<em>{number}</em>")
    return "；".join(shown) or f"<em>{document.id}</em>"


def matched_expansions(
    analyzer: ChineseAnalyzer, query: Node | None, document: IndexDocument
) -> tuple[tuple[str, str], ...]:
    """(query word, expansion) for each dictionary expansion found in the document's text."""
    return Highlighter(analyzer, query, set()).expansions(document)
