"""Chinese text analysis shared by indexing and querying, so both sides segment alike.

Both backends index the same two token streams, produced here:
- words: jieba in search mode, lower-cased, split on anything that is not a letter or digit
  (so Elasticsearch's `whitespace` analyzer and SQLite's `unicode61` tokenizer see the same
  tokens);
- characters: one token per CJK character and one per run of Latin letters/digits, which is what
  Elasticsearch's `standard` analyzer produces; phrases match on these.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jieba

_NON_WORD = re.compile(r"[^\w]|_")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHAR_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_ASCII_WORD = re.compile(r"[0-9a-z]+")
GAP = r"[\W_]*?"  # what the standard tokenizer skips between two tokens
_EM_OPEN, _EM_CLOSE = "<em>", "</em>"
# The escapes of Lucene's SimpleHTMLEncoder, which Elasticsearch applies with `encoder: html`,
# so that both backends return byte-identical highlights.
_HTML_ESCAPES = str.maketrans(
    {'"': "&quot;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#x27;", "/": "&#x2F;"}
)

jieba.setLogLevel(logging.WARNING)
QUERY_TOKEN_CACHE = 4096  # distinct query words whose tokens are kept


class ChineseAnalyzer:
    """A jieba tokenizer loaded with the project's user dictionary; safe to share across threads."""

    def __init__(self, user_dictionary: Path | None = None) -> None:
        self._tokenizer = jieba.Tokenizer()
        self._user_dictionary = user_dictionary
        self._ready = threading.Lock()
        self._initialised = False
        self._query_tokens = lru_cache(maxsize=QUERY_TOKEN_CACHE)(self._query_tokens_uncached)

    def _jieba(self) -> jieba.Tokenizer:
        # jieba builds its prefix dictionary lazily (about a second); do it once, under a lock.
        with self._ready:
            if not self._initialised:
                self._tokenizer.initialize()
                if self._user_dictionary is not None:
                    self._tokenizer.load_userdict(str(self._user_dictionary))
                self._initialised = True
        return self._tokenizer

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        """The loaded jieba tokenizer (for other jieba tools that must segment alike)."""
        return self._jieba()

    def words(self, text: str) -> list[str]:
        """jieba's precise segmentation, every character kept (a spaCy Doc is built from it)."""
        return [w for w in self._jieba().cut(text) if w]

    def index_tokens(self, text: str) -> list[str]:
        """Tokens for the index: search mode adds the sub-words of long compounds."""
        return self.search_tokens(self.words(text))

    def search_tokens(self, words: list[str]) -> list[str]:
        """jieba's search mode from an already made precise segmentation: the dictionary's 2- and
        3-character sub-words of each longer word, then the word (as `cut_for_search` does)."""
        freq = self._jieba().FREQ
        expanded: list[str] = []
        for word in words:
            if len(word) > 2:
                expanded.extend(g for i in range(len(word) - 1) if freq.get(g := word[i : i + 2]))
            if len(word) > 3:
                expanded.extend(g for i in range(len(word) - 2) if freq.get(g := word[i : i + 3]))
            expanded.append(word)
        return _clean(expanded)

    def query_tokens(self, text: str) -> list[str]:
        """Tokens a query word must all match: precise mode, duplicates removed, order kept.
        Memoised: a search asks for the same words' tokens while parsing, compiling and
        highlighting, and portal users repeat words."""
        return list(self._query_tokens(text))

    def _query_tokens_uncached(self, text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_clean(self._jieba().lcut(text))))

    def segmented(self, text: str) -> str:
        return " ".join(self.index_tokens(text))

    def segmented_words(self, words: list[str]) -> str:
        return " ".join(self.search_tokens(words))


def char_tokens(text: str) -> list[str]:
    """The `standard` analyzer's tokens: each CJK character, each Latin/digit run, lower-cased."""
    return _CHAR_TOKEN.findall(text.lower())


def characters(text: str) -> str:
    return " ".join(char_tokens(text))


def _clean(words: list[str]) -> list[str]:
    tokens: list[str] = []
    for word in words:
        tokens.extend(part for part in _NON_WORD.split(word.lower()) if part)
    return tokens


def highlight(text: str, sequences: Iterable[list[str]]) -> str | None:
    """Escape `text` and wrap in <em> every occurrence of a sequence of `standard` tokens (a
    query word or phrase, see `char_tokens`); None when nothing occurs.

    As Elasticsearch's unified highlighter does, one occurrence is marked from the start of its
    first token to the end of its last, punctuation between them included: the phrase 固态电解质
    marks `<em>固态，电解质</em>`.
    """
    return highlight_compiled(text, compile_sequences(sequences))


# A token sequence as a regular expression, and the number of its tokens (one group each).
CompiledSequence = tuple[re.Pattern[str], int]


def compile_sequences(sequences: Iterable[list[str]]) -> list[CompiledSequence]:
    """The patterns `highlight_compiled` applies; made once per query, used for every hit."""
    return [
        (re.compile(GAP.join(f"({token_pattern(t)})" for t in sequence)), len(sequence))
        for sequence in sequences
        if sequence
    ]


def match_spans(text: str, compiled: list[CompiledSequence]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of every sequence in `text`, unsorted, may overlap."""
    lowered = text.lower()
    return [
        (match.start(1), match.end(groups))
        for pattern, groups in compiled
        for match in pattern.finditer(lowered)
    ]


def highlight_compiled(text: str, compiled: list[CompiledSequence]) -> str | None:
    """`highlight` with patterns compiled beforehand: occurrences that overlap or touch become
    one <em> run; the text between runs is escaped whole."""
    spans = sorted(match_spans(text, compiled))
    if not spans:
        return None
    runs: list[list[int]] = []
    for start, end in spans:
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    out: list[str] = []
    position = 0
    for start, end in runs:
        out.append(text[position:start].translate(_HTML_ESCAPES))
        out.append(_EM_OPEN + text[start:end].translate(_HTML_ESCAPES) + _EM_CLOSE)
        position = end
    out.append(text[position:].translate(_HTML_ESCAPES))
    return "".join(out)


def token_pattern(token: str) -> str:
    if _ASCII_WORD.fullmatch(token):
        return rf"(?<![0-9a-z]){re.escape(token)}(?![0-9a-z])"
    return re.escape(token)


@lru_cache(maxsize=4)
def shared_analyzer(user_dictionary: Path) -> ChineseAnalyzer:
    """One analyzer per dictionary for the process: indexing and querying must agree."""
    return ChineseAnalyzer(user_dictionary)
