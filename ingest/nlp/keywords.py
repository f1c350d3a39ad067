"""Technical keywords of a patent: TF-IDF over its title and abstract, with jieba's IDF table,
the project's user dictionary, and a stop list of patent boilerplate (本发明, 所述, 其特征 ...)."""

from __future__ import annotations

import threading
from pathlib import Path

from jieba.analyse.tfidf import TFIDF

from config.settings import CONFIG_DIR
from search_api.index.chinese import ChineseAnalyzer

PATENT_STOPWORDS = CONFIG_DIR / "dictionaries" / "patent_stopwords.txt"


class KeywordExtractor:
    def __init__(
        self, analyzer: ChineseAnalyzer, stopwords: Path = PATENT_STOPWORDS, top: int = 8
    ) -> None:
        self._tfidf = TFIDF()
        self._tfidf.tokenizer = analyzer.tokenizer
        self._tfidf.set_stop_words(str(stopwords))
        self._top = top
        self._lock = threading.Lock()

    def keywords(self, text: str) -> list[str]:
        with self._lock:
            tags = self._tfidf.extract_tags(text, topK=self._top * 2)
        # Keep words of two or more characters that are not pure numbers.
        return [t for t in tags if len(t) >= 2 and not t.replace(".", "").isdigit()][: self._top]
