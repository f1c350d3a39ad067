"""jieba against its faster re-implementations on full-size patent text: token agreement,
speed on one core, user-dictionary support.

    python bench/tokenizers.py --records 100 [--json]

Candidates are imported when installed (`pip install jieba-next rjieba`); a missing one is
reported, not measured. Every tokenizer loads config/dictionaries/userdict.txt (rjieba through
`add_word`, as it reads no dictionary file). Agreement compares precise-mode words (what the
analyzer expands into index tokens and what the spaCy Doc is built from), per text: identical
texts, and the tokens of the multiset intersection over jieba's tokens.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jieba

from bench.corpus import DEFAULT_DATA, generate
from bench.ingest import segmented_texts
from config.settings import DEFAULT_USER_DICTIONARY
from search.index.chinese import ChineseAnalyzer, _clean

Cut = Callable[[str], list[str]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = list(generate(args.records, data_dir=args.data, full_size=True))
    texts = [t for t in segmented_texts(records) if t]
    chars = sum(len(t) for t in texts)
    reference = _jieba()
    candidates = {"jieba-next": _jieba_next, "rjieba": _rjieba}
    expected, jieba_s = _run(reference, texts)
    results: dict[str, Any] = {
        "texts": len(texts),
        "chars": chars,
        "load_average": round(os.getloadavg()[0], 1),
        "jieba": {"chars_per_s": round(chars / jieba_s)},
    }
    for name, build in candidates.items():
        try:
            cut = build()
        except ImportError as exc:
            results[name] = {"missing": str(exc)}
            continue
        got, seconds = _run(cut, texts)
        results[name] = {
            "chars_per_s": round(chars / seconds),
            "speed_vs_jieba": round(jieba_s / seconds, 2),
            **_agreement(expected, got),
            "user_dictionary_words_kept": _user_words_kept(cut),
        }
    results["analyzer"] = _analyzer_agreement(texts)
    print(json.dumps(results, ensure_ascii=False) if args.json else results)


def _analyzer_agreement(texts: list[str]) -> dict[str, Any]:
    """What the index sees: the project's analyzer (rjieba) against the same analyzer on jieba
    (precise words, the dictionary's sub-words of long words, lower-cased, split on anything
    not a letter or digit), per text; and the speed of each over the texts."""
    analyzer = ChineseAnalyzer(DEFAULT_USER_DICTIONARY)
    reference = jieba.Tokenizer()
    reference.load_userdict(str(DEFAULT_USER_DICTIONARY))

    def jieba_tokens(text: str) -> list[str]:
        freq = reference.FREQ
        expanded: list[str] = []
        for word in reference.cut(text):
            if len(word) > 2:
                expanded.extend(g for i in range(len(word) - 1) if freq.get(g := word[i : i + 2]))
            if len(word) > 3:
                expanded.extend(g for i in range(len(word) - 2) if freq.get(g := word[i : i + 3]))
            expanded.append(word)
        return _clean(expanded)

    expected, jieba_s = _run(jieba_tokens, texts)
    got, analyzer_s = _run(analyzer.index_tokens, texts)
    return {
        "tokenizer": analyzer.identity,
        "speed_vs_jieba": round(jieba_s / analyzer_s, 2),
        **_agreement(expected, got),
    }


def _jieba() -> Cut:
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(DEFAULT_USER_DICTIONARY))
    return tokenizer.lcut


def _jieba_next() -> Cut:
    module: Any = importlib.import_module("jieba_next")
    tokenizer = module.Tokenizer()
    tokenizer.load_userdict(str(DEFAULT_USER_DICTIONARY))
    return lambda text: list(tokenizer.cut(text))


def _rjieba() -> Cut:
    module: Any = importlib.import_module("rjieba")
    tokenizer = module.Jieba()
    for word, freq, tag in _user_entries():
        tokenizer.add_word(word, freq, tag)
    return lambda text: list(tokenizer.cut(text))


def _user_entries() -> list[tuple[str, int | None, str | None]]:
    entries: list[tuple[str, int | None, str | None]] = []
    for line in DEFAULT_USER_DICTIONARY.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        entries.append((parts[0], freq, tag))
    return entries


def _run(cut: Cut, texts: list[str]) -> tuple[list[list[str]], float]:
    cut("预热")  # dictionaries load outside the timing
    started = time.perf_counter()
    words = [cut(text) for text in texts]
    return words, time.perf_counter() - started


def _agreement(expected: list[list[str]], got: list[list[str]]) -> dict[str, float]:
    same = sum(1 for a, b in zip(expected, got, strict=True) if a == b)
    shared = sum(
        sum((Counter(a) & Counter(b)).values()) for a, b in zip(expected, got, strict=True)
    )
    total = sum(len(a) for a in expected)
    return {
        "identical_texts": round(same / len(expected), 4),
        "token_agreement": round(shared / total, 5),
    }


def _user_words_kept(cut: Cut) -> float:
    """Share of the user dictionary's words that come out whole when segmented alone."""
    words = [word for word, _, _ in _user_entries()]
    return round(sum(1 for w in words if cut(w) == [w]) / len(words), 4)


if __name__ == "__main__":
    main()
