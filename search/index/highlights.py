"""Highlights and matched expansions of a hit, made in Python from the stored document on both
backends, so that they are byte-identical and every hit says where it matched: title and
abstract whole, claims, description (a contract's text), applicants and inventors as one fragment
around the first match, and the number or IPC code an exact-value leaf matched."""

from __future__ import annotations

import re

from domain.numbers import number_index_keys
from search.index.chinese import GAP, ChineseAnalyzer, char_tokens, highlight, token_pattern
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
    if len(text) <= size:
        return highlight(text, sequences)
    spans = _match_spans(text, sequences)
    if not spans:
        return None
    best_start, best_count = 0, -1
    for anchor, _ in spans:
        start = max(0, anchor - size // 4)
        count = len({which for at, which in spans if start <= at < start + size})
        if count > best_count:
            best_start, best_count = start, count
    end = min(len(text), best_start + size)
    piece = highlight(text[best_start:end], sequences) or text[best_start:end]
    return (_ELLIPSIS if best_start > 0 else "") + piece + (_ELLIPSIS if end < len(text) else "")


_MAX_SPANS = 200


def _match_spans(text: str, sequences: list[list[str]]) -> list[tuple[int, int]]:
    """(offset, sequence number) of each occurrence, in text order."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for which, sequence in enumerate(sequences):
        pattern = GAP.join(f"({token_pattern(t)})" for t in sequence)
        for match in re.finditer(pattern, lowered):
            spans.append((match.start(1), which))
            if len(spans) >= _MAX_SPANS:
                break
    return sorted(spans)


def hit_highlights(
    analyzer: ChineseAnalyzer, query: Node | None, document: IndexDocument, number_keys: set[str]
) -> dict[str, str]:
    """`number_keys`: the number keys of the query's `number:` leaves (already normalised)."""
    highlights: dict[str, str] = {}
    for name in (*HIGHLIGHT_FIELDS, *FRAGMENT_FIELDS):
        sequences = field_sequences(analyzer, query, name)
        if not sequences:
            continue
        text = _text(document, name)
        marked = highlight(text, sequences) if name in HIGHLIGHT_FIELDS else None
        if name in FRAGMENT_FIELDS:
            marked = fragment(text, sequences)
        if marked is not None:
            highlights[name] = marked
    if number_keys and number_keys & set(document.numbers):
        highlights["number"] = _number_highlight(document, number_keys)
    ipc = _ipc_highlight(query, document)
    if ipc:
        highlights["ipc"] = ipc
    return highlights


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


def _ipc_highlight(query: Node | None, document: IndexDocument) -> str | None:
    prefixes = [
        leaf.value
        for leaf in (leaves(query) if query else [])
        if isinstance(leaf, Key) and leaf.field == "ipc"
    ]
    matched = [c for c in document.ipc if any(c.startswith(p) for p in prefixes)]
    return "；".join(f"<em>{c}</em>" for c in matched) or None


def matched_expansions(
    analyzer: ChineseAnalyzer, query: Node | None, document: IndexDocument
) -> tuple[tuple[str, str], ...]:
    """(query word, expansion) for each dictionary expansion found in the document's text."""
    if query is None:
        return ()
    found: list[tuple[str, str]] = []
    texts = [_text(document, f) for f in (*HIGHLIGHT_FIELDS, *FRAGMENT_FIELDS)]
    for leaf in leaves(query):
        if not isinstance(leaf, Word) or leaf.expansion_of is None:
            continue
        sequences = leaf_sequences(analyzer, leaf)
        fields = fields_of(leaf.field)
        if any(
            highlight(text, sequences) is not None
            for name, text in zip((*HIGHLIGHT_FIELDS, *FRAGMENT_FIELDS), texts, strict=True)
            if name in fields
        ):
            found.append((leaf.expansion_of, leaf.text))
    return tuple(dict.fromkeys(found))
