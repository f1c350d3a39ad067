"""What both index implementations derive from a query AST in the same way."""

from __future__ import annotations

from domain.ipc import ipc_prefix
from domain.numbers import number_query_keys
from search.index.chinese import ChineseAnalyzer, char_tokens
from search.index.protocol import FIELD_WEIGHTS, SIMILAR_FIELDS, IndexDocument
from search.query.syntax import Key, Near, Node, Phrase, Word, leaves

ALL_FIELDS: tuple[str, ...] = tuple(FIELD_WEIGHTS)


def fields_of(field: str) -> tuple[str, ...]:
    return ALL_FIELDS if field == "all" else (field,)


def word_tokens(analyzer: ChineseAnalyzer, word: Word) -> list[str]:
    return analyzer.query_tokens(word.text)


def near_tokens(analyzer: ChineseAnalyzer, near: Near) -> list[str]:
    """The word tokens of every word of a proximity leaf, each once."""
    return list(dict.fromkeys(t for w in near.words for t in analyzer.query_tokens(w)))


def key_values(key: Key) -> list[str]:
    """What an exact-value leaf matches: number keys, one canonical IPC prefix, an owner."""
    if key.field == "number":
        return number_query_keys(key.value)
    if key.field == "ipc":
        prefix = ipc_prefix(key.value)
        return [prefix] if prefix else []
    return [key.value]


def query_number_keys(query: Node | None) -> set[str]:
    if query is None:
        return set()
    return {
        value
        for leaf in leaves(query)
        if isinstance(leaf, Key) and leaf.field == "number"
        for value in key_values(leaf)
    }


def highlight_sequences(
    analyzer: ChineseAnalyzer, query: Node | None, field: str
) -> list[list[str]]:
    """The `standard`-token sequences to highlight in `field`: each token of each positive word,
    and each positive phrase, when scoped to `field` or to all fields."""
    if query is None:
        return []
    sequences: list[list[str]] = []
    for leaf in leaves(query):
        if isinstance(leaf, Key | Near) or field not in fields_of(leaf.field):
            continue
        if isinstance(leaf, Phrase):
            sequences.append(char_tokens(leaf.text))
        else:
            sequences.extend(char_tokens(t) for t in word_tokens(analyzer, leaf))
    return [s for s in sequences if s]


def document_text(document: IndexDocument, field: str) -> str:
    """The text of a searched field; applicants include their known short names."""
    if field == "applicants":
        return " ".join([*document.applicants, *document.applicant_aliases])
    if field == "inventors":
        return " ".join(document.inventors)
    value = getattr(document, field)
    return value if isinstance(value, str) else ""


def segmented_fields(analyzer: ChineseAnalyzer, document: IndexDocument) -> dict[str, str]:
    """The jieba tokens of every searched field: the writer's if it made them, else ours."""
    given = document.presegmented or {}
    return {
        name: given[name] if name in given else analyzer.segmented(document_text(document, name))
        for name in ALL_FIELDS
    }


def like_tokens(analyzer: ChineseAnalyzer, document: IndexDocument) -> dict[str, list[str]]:
    """The word tokens of the fields similar-patent search compares, per field."""
    given = document.presegmented or {}
    return {
        name: (
            given[name] if name in given else analyzer.segmented(document_text(document, name))
        ).split()
        for name in SIMILAR_FIELDS
    }
