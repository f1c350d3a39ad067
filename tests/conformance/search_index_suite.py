"""Behaviour every SearchIndex must show. A test module subclasses `SearchIndexConformance` and
provides an `index` fixture that yields an empty, created index."""

from __future__ import annotations

import dataclasses

from search_api.index.protocol import IndexDocument, SearchIndex, SearchQuery

DOCS = [
    IndexDocument(
        id="CN1A",
        title="一种锂离子电池热失控预警方法",
        abstract="本发明公开了一种基于5G-NR通信的锂离子电池管理系统，<适用于>储能。",
        applicants=["宁德时代新能源科技股份有限公司"],
        inventors=["张伟"],
        ipc=["H01M10/48"],
        kind="invention",
        country="CN",
        filing_date="2022-01-04",
    ),
    IndexDocument(
        id="CN2A",
        title="一种电池包箱体的防护结构",
        abstract="吸能梁保护电池模组。",
        applicants=["比亚迪股份有限公司"],
        inventors=["刘洋"],
        kind="utility_model",
    ),
    IndexDocument(
        id="CN3A",
        title="一种波束赋形方法",
        abstract="基站在5G NR系统中进行波束管理。",
        applicants=["华为技术有限公司"],
        inventors=["杨帆"],
    ),
    IndexDocument(
        id="CN4A",
        title="一种固态电解质",
        abstract="用于全固态锂离子电池。",
        applicants=["比亚迪股份有限公司"],
        inventors=["陈静"],
    ),
]


class SearchIndexConformance:
    def test_is_a_search_index(self, index: SearchIndex) -> None:
        assert isinstance(index, SearchIndex)

    def test_ensure_index_is_idempotent(self, index: SearchIndex) -> None:
        index.ensure_index()
        index.ensure_index()
        assert index.count() == 0

    def test_upsert_then_count_and_get(self, index: SearchIndex) -> None:
        report = index.upsert(DOCS)
        assert report.written == len(DOCS) and report.failed == {}
        assert index.count() == len(DOCS)
        assert index.get("CN1A") == DOCS[0]
        assert index.get("CN404A") is None

    def test_rewriting_a_document_replaces_it(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        changed = dataclasses.replace(DOCS[1], title="一种电池包箱体的改进防护结构")
        index.upsert([changed])
        assert index.count() == len(DOCS)
        assert index.get("CN2A") == changed

    def test_every_query_word_must_match(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "锂离子电池") == {"CN1A", "CN4A"}
        assert _ids(index, "锂离子电池 热失控") == {"CN1A"}
        assert _ids(index, "锂离子电池 波束") == set()

    def test_applicant_and_inventor_fields_are_searched(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "比亚迪") == {"CN2A", "CN4A"}
        assert _ids(index, "杨帆") == {"CN3A"}

    def test_latin_tokens_ignore_case_and_punctuation(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "5g nr") == {"CN1A", "CN3A"}
        assert _ids(index, "5G-NR") == {"CN1A", "CN3A"}

    def test_query_without_words_finds_nothing(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        page = index.search(SearchQuery("“”，。！！"))
        assert (page.tokens, page.total, page.hits) == ([], 0, [])

    def test_operator_words_are_plain_words(self, index: SearchIndex) -> None:
        # No query syntax reaches the engine: OR/NOT/* are words that must occur.
        index.upsert(DOCS)
        assert _ids(index, "锂离子电池 OR 波束") == set()
        assert _ids(index, "NOT 电池") == set()
        assert _ids(index, "电池*") == {"CN1A", "CN2A", "CN4A"}

    def test_total_and_paging(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        everything = index.search(SearchQuery("一种", size=10))
        assert everything.total == 4
        first = index.search(SearchQuery("一种", size=3, offset=0))
        second = index.search(SearchQuery("一种", size=3, offset=3))
        assert first.total == second.total == 4
        assert len(first.hits) == 3 and len(second.hits) == 1
        assert {h.id for h in first.hits} | {h.id for h in second.hits} == {d.id for d in DOCS}

    def test_highlights_are_escaped_and_merged(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        page = index.search(SearchQuery("锂离子电池 热失控"))
        [hit] = page.hits
        assert hit.highlights["title"] == "一种<em>锂离子电池热失控</em>预警方法"
        assert hit.highlights["abstract"] == (
            "本发明公开了一种基于5G-NR通信的<em>锂离子电池</em>管理系统，&lt;适用于&gt;储能。"
        )
        assert hit.document == DOCS[0]

    def test_delete_all_empties_the_index(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        index.delete_all()
        index.ensure_index()
        assert index.count() == 0

    def test_ping_answers(self, index: SearchIndex) -> None:
        index.ping()


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {hit.id for hit in index.search(SearchQuery(text, size=50)).hits}
