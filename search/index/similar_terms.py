"""What both indexes share for similar-patent search: the stop words (patent boilerplate) and
the choice of a text's characteristic terms."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from config.settings import CONFIG_DIR
from search.index.chinese import ChineseAnalyzer
from search.index.compile_common import like_tokens
from search.index.protocol import IndexDocument, SimilarQuery

PATENT_STOPWORDS = CONFIG_DIR / "dictionaries" / "patent_stopwords.txt"
# Single characters are kept: they carry meaning in short paraphrases (recall@3 on the
# functional paraphrases, test split: 0.865 without, 0.919 with; bench/similar_service.py).
_CJK_OR_ALNUM = re.compile(r"[\u3400-\u9fff]+|[0-9a-z]+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    lines = PATENT_STOPWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def candidate_terms(tokens: Iterable[str]) -> Counter[str]:
    """Term frequencies of the tokens worth comparing: CJK or Latin/digit tokens that are not
    patent boilerplate (本发明, 所述, …)."""
    stop = stop_words()
    return Counter(t for t in tokens if _CJK_OR_ALNUM.fullmatch(t) and t not in stop)


def top_terms(
    frequencies: Counter[str],
    document_frequency: Callable[[list[str]], dict[str, int]],
    total: int,
    limit: int,
) -> list[tuple[str, float]]:
    """The `limit` terms with the highest tf-idf (terms found in no document are dropped)."""
    terms = list(frequencies)
    df = document_frequency(terms)
    scored = [
        (term, count * math.log(1 + (total - df[term] + 0.5) / (df[term] + 0.5)))
        for term, count in frequencies.items()
        if df.get(term, 0) > 0
    ]
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]


def source_frequencies(
    analyzer: ChineseAnalyzer, query: SimilarQuery, source: IndexDocument | None
) -> Counter[str]:
    """Term frequencies of what similar documents are sought for: the stored document's
    title, abstract and claims, or the free text."""
    if source is not None:
        return candidate_terms(
            t for tokens in like_tokens(analyzer, source).values() for t in tokens
        )
    return candidate_terms(analyzer.index_tokens(query.like_text or ""))
