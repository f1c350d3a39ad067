"""Technical keywords of a patent: TF-IDF over its title and abstract, with jieba's IDF table,
the project's user dictionary, and a stop list of patent boilerplate (本发明, 所述, 其特征 ...).
Works on an existing segmentation, so that ingest segments each text only once."""

from __future__ import annotations

from pathlib import Path

from jieba.analyse.tfidf import TFIDF

from config.settings import CONFIG_DIR
from search.index.chinese import ChineseAnalyzer

PATENT_STOPWORDS = CONFIG_DIR / "dictionaries" / "patent_stopwords.txt"


class KeywordExtractor:
    def __init__(
        self, analyzer: ChineseAnalyzer, stopwords: Path = PATENT_STOPWORDS, top: int = 8
    ) -> None:
        self._analyzer = analyzer
        tfidf = TFIDF()
        tfidf.set_stop_words(str(stopwords))
        self._idf: dict[str, float] = tfidf.idf_freq
        self._median_idf: float = tfidf.median_idf
        self._stop_words: set[str] = set(tfidf.stop_words)
        self._top = top

    def keywords(self, text: str) -> list[str]:
        return self.keywords_from_words(self._analyzer.words(text))

    def keywords_from_words(self, words: list[str]) -> list[str]:
        """TF-IDF as jieba's `extract_tags` computes it, on a precise segmentation."""
        frequency: dict[str, float] = {}
        for word in words:
            if len(word.strip()) < 2 or word.lower() in self._stop_words:
                continue
            frequency[word] = frequency.get(word, 0.0) + 1.0
        total = sum(frequency.values())
        weights = {w: f * self._idf.get(w, self._median_idf) / total for w, f in frequency.items()}
        ranked = sorted(weights, key=weights.__getitem__, reverse=True)
        # Words of two or more characters that are not plain numbers.
        return [w for w in ranked if not w.replace(".", "").isdigit()][: self._top]
