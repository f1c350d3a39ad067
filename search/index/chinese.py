"""Chinese text analysis shared by indexing and querying, so both sides segment alike.

Both backends index the same two token streams, produced here:
- words: jieba in search mode, lower-cased, split on anything that is not a letter or digit
  (so Elasticsearch's `whitespace` analyzer and SQLite's `unicode61` tokenizer see the same
  tokens);
- characters: one token per CJK character and one per run of Latin letters/digits, which is what
  Elasticsearch's `standard` analyzer produces; phrases match on these.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import rjieba

TOKENIZER_NAME = "rjieba"
TOKENIZER_VERSION = version("rjieba")
_NON_WORD_RUN = re.compile(r"[\W_]+")
_SUB_WORDS_REMEMBERED = 500_000  # words whose sub-words are kept (tens of MB at most)
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

QUERY_TOKEN_CACHE = 4096  # distinct query words whose tokens are kept


class ChineseAnalyzer:
    """jieba's algorithm through rjieba (jieba-rs), loaded with the project's user dictionary;
    safe to share across threads and across forked processes.

    rjieba segments like jieba (index tokens agree on 99.7% of real patent text, the rest being
    number-unit runs such as 0.5wt%) at about 16-20x jieba's speed: see docs/INGEST_SCALE.md.
    `identity` names the tokenizer; an index records it and refuses a different one."""

    def __init__(self, user_dictionary: Path | None = None) -> None:
        self._tokenizer: rjieba.Jieba | None = None
        self._user_dictionary = user_dictionary
        self._ready = threading.Lock()
        self._known: dict[str, bool] = {}
        # Long words recur (锂离子电池 in every battery patent): their sub-words are made once.
        self._sub_words: dict[str, tuple[str, ...]] = {}
        self._query_tokens = lru_cache(maxsize=QUERY_TOKEN_CACHE)(self._query_tokens_uncached)

    def _jieba(self) -> rjieba.Jieba:
        # The dictionary loads lazily (a fraction of a second); do it once, under a lock.
        with self._ready:
            if self._tokenizer is None:
                tokenizer = rjieba.Jieba()
                if self._user_dictionary is not None:
                    for word, freq, tag in user_dictionary_entries(self._user_dictionary):
                        tokenizer.add_word(word, freq, tag)
                self._tokenizer = tokenizer
        return self._tokenizer

    @property
    def identity(self) -> dict[str, str]:
        """What an index built with this analyzer records: the tokenizer and its version
        (tokens change with them) and the user dictionary's digest."""
        digest = (
            hashlib.sha256(self._user_dictionary.read_bytes()).hexdigest()[:12]
            if self._user_dictionary is not None
            else ""
        )
        return {"name": TOKENIZER_NAME, "version": TOKENIZER_VERSION, "user_dictionary": digest}

    def words(self, text: str) -> list[str]:
        """jieba's precise segmentation, every character kept (a spaCy Doc is built from it)."""
        return [w for w in self._jieba().cut(text) if w]

    def index_tokens(self, text: str) -> list[str]:
        """Tokens for the index: search mode adds the sub-words of long compounds."""
        return self.search_tokens(self.words(text))

    def search_tokens(self, words: list[str]) -> list[str]:
        """jieba's search mode from an already made precise segmentation: the dictionary's 2- and
        3-character sub-words of each longer word, then the word (as `cut_for_search` does; not
        rjieba's own, which also splits Latin-digit runs)."""
        return _clean(self._expanded(words))

    def _expanded(self, words: list[str]) -> list[str]:
        sub_words = self._sub_words
        expanded: list[str] = []
        for word in words:
            if len(word) > 2:
                found = sub_words.get(word)
                if found is None:
                    found = self._sub_words_of(word)
                    if len(sub_words) < _SUB_WORDS_REMEMBERED:
                        sub_words[word] = found
                expanded.extend(found)
            expanded.append(word)
        return expanded

    def _sub_words_of(self, word: str) -> tuple[str, ...]:
        known, size = self._known_word, len(word)
        pairs = [g for i in range(size - 1) if known(g := word[i : i + 2])]
        triples = [g for i in range(size - 2) if known(g := word[i : i + 3])] if size > 3 else []
        return (*pairs, *triples)

    def _known_word(self, gram: str) -> bool:
        # The same few thousand sub-words recur in every text: remembered, they cost a dict
        # lookup instead of a call into the tokenizer (bounded: 2-3 characters, dictionary-sized).
        known = self._known.get(gram)
        if known is None:
            known = self._known[gram] = bool(self._jieba().has_word(gram))
        return known

    def query_tokens(self, text: str) -> list[str]:
        """Tokens a query word must all match: precise mode, duplicates removed, order kept.
        Memoised: a search asks for the same words' tokens while parsing, compiling and
        highlighting, and portal users repeat words."""
        return list(self._query_tokens(text))

    def _query_tokens_uncached(self, text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_clean(self._jieba().cut(text))))

    def segmented(self, text: str) -> str:
        return self.segmented_words(self.words(text))

    def segmented_words(self, words: list[str]) -> str:
        """`search_tokens` joined by spaces, made in one pass (the index's word field)."""
        return _NON_WORD_RUN.sub(" ", " ".join(self._expanded(words)).lower()).strip()


def user_dictionary_entries(path: Path) -> list[tuple[str, int | None, str | None]]:
    """jieba's user dictionary format: `word [freq] [tag]` per line."""
    entries: list[tuple[str, int | None, str | None]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return entries


def char_tokens(text: str) -> list[str]:
    """The `standard` analyzer's tokens: each CJK character, each Latin/digit run, lower-cased."""
    return _CHAR_TOKEN.findall(text.lower())


def characters(text: str) -> str:
    return " ".join(char_tokens(text))


def _clean(words: list[str]) -> list[str]:
    """Each word lower-cased and split on anything not a letter or digit, in order. One split
    of the joined words gives the same parts as one split per word (the joining space is a
    separator itself), in one regular-expression call instead of thousands."""
    return [part for part in _NON_WORD_RUN.split(" ".join(words).lower()) if part]


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
