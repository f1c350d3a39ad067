"""Chinese text analysis shared by indexing and querying, so both sides segment alike.

Both backends index the same pre-segmented token stream: jieba in search mode, lower-cased,
split on anything that is not a letter or digit (so that Elasticsearch's `whitespace` analyzer
and SQLite's `unicode61` tokenizer see exactly the same tokens).
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import jieba

_NON_WORD = re.compile(r"[^\w]|_")
_ASCII_WORD = re.compile(r"[0-9a-z]+")
_EM_OPEN, _EM_CLOSE = "<em>", "</em>"
# The escapes of Lucene's SimpleHTMLEncoder, which Elasticsearch applies with `encoder: html`,
# so that both backends return byte-identical highlights.
_HTML_ESCAPES = str.maketrans(
    {'"': "&quot;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#x27;", "/": "&#x2F;"}
)

jieba.setLogLevel(logging.WARNING)


class ChineseAnalyzer:
    """A jieba tokenizer loaded with the project's user dictionary; safe to share across threads."""

    def __init__(self, user_dictionary: Path | None = None) -> None:
        self._tokenizer = jieba.Tokenizer()
        self._user_dictionary = user_dictionary
        self._ready = threading.Lock()
        self._initialised = False

    def _jieba(self) -> jieba.Tokenizer:
        # jieba builds its prefix dictionary lazily (about a second); do it once, under a lock.
        with self._ready:
            if not self._initialised:
                self._tokenizer.initialize()
                if self._user_dictionary is not None:
                    self._tokenizer.load_userdict(str(self._user_dictionary))
                self._initialised = True
        return self._tokenizer

    def index_tokens(self, text: str) -> list[str]:
        """Tokens for the index: search mode adds the sub-words of long compounds."""
        return _clean(self._jieba().lcut_for_search(text))

    def query_tokens(self, text: str) -> list[str]:
        """Tokens a query must all match: precise mode, duplicates removed, order kept."""
        return list(dict.fromkeys(_clean(self._jieba().lcut(text))))

    def segmented(self, text: str) -> str:
        return " ".join(self.index_tokens(text))


def _clean(words: list[str]) -> list[str]:
    tokens: list[str] = []
    for word in words:
        tokens.extend(part for part in _NON_WORD.split(word.lower()) if part)
    return tokens


def highlight(text: str, tokens: list[str]) -> str | None:
    """Escape `text` and wrap every occurrence of a query token in <em>; None if none occurs.

    ASCII tokens only match whole words (as the standard analyzer would); CJK tokens match
    anywhere, since Chinese has no word boundaries in the text.
    """
    lowered = text.lower()
    marks = [False] * len(text)
    for token in tokens:
        if _ASCII_WORD.fullmatch(token):
            spans = [
                m.span()
                for m in re.finditer(rf"(?<![0-9a-z]){re.escape(token)}(?![0-9a-z])", lowered)
            ]
        else:
            spans = [m.span() for m in re.finditer(re.escape(token), lowered)]
        for start, end in spans:
            marks[start:end] = [True] * (end - start)
    if not any(marks):
        return None
    out: list[str] = []
    for i, char in enumerate(text):
        if marks[i] and (i == 0 or not marks[i - 1]):
            out.append(_EM_OPEN)
        out.append(char.translate(_HTML_ESCAPES))
        if marks[i] and (i == len(text) - 1 or not marks[i + 1]):
            out.append(_EM_CLOSE)
    return "".join(out)
