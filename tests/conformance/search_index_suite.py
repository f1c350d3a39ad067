"""Behaviour every SearchIndex must show. A test module subclasses `SearchIndexConformance` and
provides an `index` fixture that yields an empty, created index."""

from __future__ import annotations

import dataclasses

from search.index.protocol import (
    DateRange,
    Filters,
    IndexDocument,
    SearchIndex,
    SearchPage,
    SearchQuery,
    SortOrder,
)
from search.query import parse_query

DOCS = [
    IndexDocument(
        id="CN1A",
        title="一种锂离子电池热失控预警方法",
        abstract="本发明公开了一种基于5G-NR通信的锂离子电池管理系统，<适用于>储能。",
        claims="1.一种热失控预警方法，其特征在于，采集温度信号。",
        applicants=["宁德时代新能源科技股份有限公司"],
        applicant_ids=["宁德时代新能源科技股份有限公司"],
        applicant_aliases=["宁德时代", "CATL"],
        inventors=["张伟"],
        ipc=["H01M10/48", "G01R31/367"],
        kind="invention",
        legal_status="valid",
        country="CN",
        publication_number="CN115000001A",
        application_number="CN202210000001.5",
        filing_date="2022-01-04",
        publication_date="2022-06-10",
        grant_date="2023-03-01",
        priority_numbers=["CN202110000009.3"],
        owners=["宁德时代新能源科技股份有限公司"],
        owner_ids=["宁德时代新能源科技股份有限公司"],
    ),
    IndexDocument(
        id="CN2U",
        title="一种电池包箱体的防护结构",
        abstract="吸能梁保护电池模组。",
        applicants=["比亚迪股份有限公司"],
        applicant_ids=["比亚迪股份有限公司"],
        applicant_aliases=["比亚迪", "BYD"],
        inventors=["刘洋"],
        ipc=["H01M50/242"],
        kind="utility_model",
        legal_status="valid",
        country="CN",
        publication_number="CN218751475U",
        application_number="CN202122100000.1",
        owners=["华为技术有限公司"],
        owner_ids=["华为技术有限公司"],
        filing_date="2021-09-01",
        publication_date="2022-02-15",
    ),
    IndexDocument(
        id="CN3A",
        title="一种波束赋形方法",
        abstract="基站在5G NR系统中进行波束管理。",
        description="背景技术：现有的锂电池供电基站功耗较高。参见CN115000001A。"
        + "基站的射频单元与天线之间通过馈线连接。" * 12
        + "本方案中，波束的隔膜式调节器与电池相距较远。",
        applicants=["华为技术有限公司"],
        applicant_ids=["华为技术有限公司"],
        inventors=["杨帆"],
        ipc=["H04B7/06"],
        kind="invention",
        legal_status="pending",
        country="CN",
        filing_date="2022-01-07",
    ),
    IndexDocument(
        id="CN4A",
        title="一种固态电解质",
        abstract="用于全固态锂离子电池，固态，电解质稳定。",
        applicants=["比亚迪股份有限公司"],
        applicant_ids=["比亚迪股份有限公司"],
        applicant_aliases=["比亚迪", "BYD"],
        inventors=["陈静"],
        ipc=["H01M10/0562"],
        kind="invention",
        legal_status="invalid",
        country="CN",
        filing_date="2022-01-05",
    ),
    IndexDocument(
        id="US5B",
        title="Beamforming method for 5G NR base stations",
        abstract="A base station applies beam management.",
        applicants=["Huawei Technologies"],
        applicant_ids=["huaweitechnologies"],
        kind=None,
        legal_status="valid",
        country="US",
        filing_date="2021-03-03",
    ),
]


def _search(index: SearchIndex, text: str | None, **options: object) -> SearchPage:
    query = parse_query(text) if text is not None else None
    return index.search(SearchQuery(query=query, size=50, **options))  # type: ignore[arg-type]


def _ids(index: SearchIndex, text: str | None, **options: object) -> set[str]:
    return {hit.id for hit in _search(index, text, **options).hits}


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
        assert index.get("CN2U") == changed
        assert _ids(index, "改进") == {"CN2U"}

    def test_every_query_word_must_match(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "锂离子电池") == {"CN1A", "CN4A"}
        assert _ids(index, "锂离子电池 热失控") == {"CN1A"}
        assert _ids(index, "锂离子电池 波束") == set()

    def test_boolean_operators(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "锂离子电池 OR 波束") == {"CN1A", "CN3A", "CN4A"}
        assert _ids(index, "电池 NOT 固态") == {"CN1A", "CN2U", "CN3A"}
        assert _ids(index, "电池 -固态 -热失控") == {"CN2U", "CN3A"}
        assert _ids(index, "(锂离子 OR 吸能) AND 电池") == {"CN1A", "CN2U", "CN4A"}
        assert _ids(index, "NOT 电池") == {"US5B"}

    def test_field_scopes(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "锂电池") == {"CN3A"}  # only in the description of CN3A
        assert _ids(index, "title:锂电池") == set()
        assert _ids(index, "description:锂电池") == {"CN3A"}
        assert _ids(index, "claims:温度") == {"CN1A"}
        assert _ids(index, "申请人:比亚迪") == {"CN2U", "CN4A"}
        assert _ids(index, "inventor:杨帆") == {"CN3A"}
        assert _ids(index, "title:(波束 OR 电解质)") == {"CN3A", "CN4A"}

    def test_short_names_find_the_full_applicant(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "CATL") == {"CN1A"}
        assert _ids(index, "宁德时代") == {"CN1A"}

    def test_phrases_need_adjacent_characters(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, '"固态电解质"') == {"CN4A"}  # also across "固态，电解质"
        assert _ids(index, '"电池管理"') == {"CN1A"}
        assert _ids(index, '"管理电池"') == set()
        assert _ids(index, '"5G NR"') == {"CN1A", "CN3A", "US5B"}
        assert _ids(index, 'title:"beamforming method"') == {"US5B"}

    def test_latin_tokens_ignore_case_and_punctuation(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "5g nr") == {"CN1A", "CN3A", "US5B"}
        assert _ids(index, "5G-NR") == {"CN1A", "CN3A", "US5B"}
        assert _ids(index, "BEAMFORMING") == {"US5B"}

    def test_query_without_words_finds_nothing(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        page = _search(index, "，。！！")
        assert (page.total, page.hits) == (0, [])

    def test_no_query_browses_everything(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _search(index, None).total == len(DOCS)

    def test_filters(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, None, filters=Filters(kinds=("invention",))) == {"CN1A", "CN3A", "CN4A"}
        assert _ids(index, None, filters=Filters(legal_statuses=("valid", "pending"))) == {
            "CN1A",
            "CN2U",
            "CN3A",
            "US5B",
        }
        assert _ids(index, None, filters=Filters(countries=("US",))) == {"US5B"}
        assert _ids(index, None, filters=Filters(ipc_prefixes=("H01M10/",))) == {"CN1A", "CN4A"}
        assert _ids(index, None, filters=Filters(ipc_prefixes=("H04", "G01R"))) == {"CN1A", "CN3A"}
        assert _ids(index, None, filters=Filters(applicant_ids=("比亚迪股份有限公司",))) == {
            "CN2U",
            "CN4A",
        }
        assert _ids(index, None, filters=Filters(applicant_ids=())) == set()
        assert _ids(index, None, filters=Filters(asset_kinds=("contract",))) == set()
        in_2022 = Filters(filing_date=DateRange(gte="2022-01-01", lte="2022-01-05"))
        assert _ids(index, None, filters=in_2022) == {"CN1A", "CN4A"}
        assert _ids(index, None, filters=Filters(grant_date=DateRange(lte="2023-12-31"))) == {
            "CN1A"
        }
        both = Filters(kinds=("invention",), countries=("CN",))
        assert _ids(index, "电池", filters=both) == {"CN1A", "CN3A", "CN4A"}

    def test_facets_count_the_matching_documents(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        page = _search(index, "电池", facets=True)
        assert page.total == 4
        as_dict = {name: {b.key: b.count for b in buckets} for name, buckets in page.facets.items()}
        assert as_dict["kind"] == {"invention": 3, "utility_model": 1}
        assert as_dict["legal_status"] == {"valid": 2, "pending": 1, "invalid": 1}
        assert as_dict["filing_year"] == {"2022": 3, "2021": 1}
        assert as_dict["ipc_subclasses"] == {"H01M": 3, "G01R": 1, "H04B": 1}
        assert as_dict["applicants"]["比亚迪股份有限公司"] == 2
        assert as_dict["country"] == {"CN": 4}
        assert as_dict["asset_kind"] == {"patent": 4}
        keys = [b.key for b in page.facets["ipc_subclasses"]]
        assert keys == ["H01M", "G01R", "H04B"]  # count desc, then key asc

    def test_grades_are_a_facet_and_a_filter(self, index: SearchIndex) -> None:
        grades = {"CN1A": "core", "CN2U": "general", "CN3A": "core"}
        index.upsert([dataclasses.replace(d, grade=grades.get(d.id)) for d in DOCS])
        assert index.get("CN1A") == dataclasses.replace(DOCS[0], grade="core")
        page = _search(index, None, facets=True)
        assert [(b.key, b.count) for b in page.facets["grade"]] == [("core", 2), ("general", 1)]
        assert _ids(index, None, filters=Filters(grades=("core",))) == {"CN1A", "CN3A"}
        both = Filters(grades=("core", "general"), legal_statuses=("valid",))
        assert _ids(index, None, filters=both) == {
            d.id for d in DOCS if d.id in grades and d.legal_status == "valid"
        }

    def test_sort_by_dates_with_missing_last(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        newest = _search(index, None, sort=SortOrder.FILING_DATE_DESC)
        assert [h.id for h in newest.hits] == ["CN3A", "CN4A", "CN1A", "CN2U", "US5B"]
        oldest = _search(index, None, sort=SortOrder.PUBLICATION_DATE_ASC)
        assert [h.id for h in oldest.hits] == ["CN2U", "CN1A", "CN3A", "CN4A", "US5B"]

    def test_relevance_prefers_title_and_adjacent_words(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        hits = _search(index, "锂离子电池").hits
        assert hits[0].id == "CN1A"  # in the title, adjacent; CN4A has it in the abstract only
        assert hits[0].score > hits[1].score > 0

    def test_cursor_walks_every_hit_once(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        for sort in SortOrder:
            seen: list[str] = []
            after = None
            for _ in range(10):
                page = index.search(SearchQuery(query=None, sort=sort, size=2, after=after))
                seen.extend(h.id for h in page.hits)
                if page.next_cursor is None:
                    break
                after = page.next_cursor
            assert sorted(seen) == sorted(d.id for d in DOCS), sort
            everything = index.search(SearchQuery(query=None, sort=sort, size=10))
            assert seen == [h.id for h in everything.hits], sort

    def test_bulk_load_writes_a_stream_once(self, index: SearchIndex) -> None:
        report = index.bulk_load(d for d in DOCS)
        assert report.written == len(DOCS) and report.failed == {}
        assert index.count() == len(DOCS) and index.get("CN1A") == DOCS[0]
        assert _ids(index, "锂离子电池") == {"CN1A", "CN4A"}  # visible on return
        index.bulk_load(iter(DOCS))
        assert index.count() == len(DOCS)  # a re-load replaces, never duplicates

    def test_scan_reads_every_hit_in_the_search_order(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        for sort in SortOrder:
            query = SearchQuery(query=None, sort=sort)
            scanned = [h.id for h in index.scan(query, page_size=2)]
            everything = index.search(dataclasses.replace(query, size=10))
            assert scanned == [h.id for h in everything.hits], sort
        worded = SearchQuery(parse_query("一种"), filters=Filters(kinds=("invention",)))
        expected = [h.id for h in index.search(dataclasses.replace(worded, size=10)).hits]
        assert [h.id for h in index.scan(worded, page_size=1)] == expected and expected

    def test_scan_stopped_early_can_be_closed(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        walk = index.scan(SearchQuery(query=None), page_size=1)
        first = next(walk)
        walk.close()
        assert first.id in {d.id for d in DOCS}
        assert len(list(index.scan(SearchQuery(query=None), page_size=1))) == len(DOCS)

    def test_total_and_offset_paging(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        first = index.search(SearchQuery(parse_query("一种"), size=3))
        second = index.search(SearchQuery(parse_query("一种"), size=3, offset=3))
        assert first.total == second.total == 4 and first.total_is_exact
        assert len(first.hits) == 3 and len(second.hits) == 1
        assert {h.id for h in first.hits} | {h.id for h in second.hits} == {
            "CN1A",
            "CN2U",
            "CN3A",
            "CN4A",
        }

    def test_highlights_are_escaped_and_merged(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        [hit] = _search(index, "锂离子电池 热失控").hits
        assert hit.highlights["title"] == "一种<em>锂离子电池热失控</em>预警方法"
        assert hit.highlights["abstract"] == (
            "本发明公开了一种基于5G-NR通信的<em>锂离子电池</em>管理系统，&lt;适用于&gt;储能。"
        )
        assert hit.document == DOCS[0]

    def test_highlights_follow_phrases_and_field_scopes(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        [hit] = _search(index, 'title:"固态电解质"').hits
        assert hit.highlights == {"title": "一种<em>固态电解质</em>"}
        [hit] = _search(index, '"固态电解质" 全固态').hits
        assert (
            hit.highlights["abstract"]
            == "用于<em>全固态</em>锂离子电池，<em>固态，电解质</em>稳定。"
        )

    def test_delete_all_empties_the_index(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        index.delete_all()
        index.ensure_index()
        assert index.count() == 0

    def test_ping_answers(self, index: SearchIndex) -> None:
        index.ping()

    # --- numbers, key fields, proximity, highlights (search depth) -------------------------

    def test_a_patent_is_found_by_its_number_in_any_form(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        for typed in (
            "CN115000001A",
            "115000001",
            "CN115000001",
            "ＣＮ１１５０００００１Ａ",
            "ZL202210000001.5",
            "202210000001.5",
            "CN202210000001",
            'number:"CN 115000001 A"',
            "申请号:202210000001",
            "number:202110000009.3",
        ):
            hits = _search(index, typed).hits
            assert hits and hits[0].id == "CN1A", typed
        assert _ids(index, "CN218751475U") == {"CN2U"}
        assert _ids(index, "number:CN115000002A") == set()

    def test_an_exact_number_outranks_a_text_that_mentions_it(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        page = _search(index, "CN115000001A")
        assert [h.id for h in page.hits] == ["CN1A", "CN3A"]
        assert page.hits[0].highlights["number"] == "<em>CN115000001A</em>"
        assert "<em>CN115000001A</em>" in page.hits[1].highlights["description"]

    def test_ipc_prefix_and_owner_fields(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, "ipc:H01M") == {"CN1A", "CN2U", "CN4A"}
        assert _ids(index, "ipc:H01M10") == {"CN1A", "CN4A"}
        assert _ids(index, "电池 ipc:h01m50") == {"CN2U"}
        assert _ids(index, "owner:华为技术有限公司") == {"CN2U"}
        assert _ids(index, "owner:宁德时代新能源科技股份有限公司 OR ipc:H04B") == {"CN1A", "CN3A"}
        [hit] = _search(index, "ipc:H01M50").hits
        assert hit.highlights["ipc"] == "<em>H01M50/242</em>"

    def test_proximity_finds_words_within_the_distance(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        assert _ids(index, '"锂离子电池 预警"~3') == {"CN1A"}
        assert _ids(index, '"隔膜 电池"~5') == {"CN3A"}
        # 基站 and 隔膜 are far apart in CN3A's description.
        assert _ids(index, '"基站 隔膜"~3') == set()
        assert _ids(index, 'title:"波束 方法"~2') == {"CN3A"}
        [hit] = _search(index, '"隔膜 电池"~5').hits
        assert "<em>隔膜</em>" in hit.highlights["description"]

    def test_every_hit_says_where_it_matched(self, index: SearchIndex) -> None:
        index.upsert(DOCS)
        [hit] = _search(index, "claims:温度信号").hits
        assert hit.highlights == {
            "claims": "1.一种热失控预警方法，其特征在于，采集<em>温度信号</em>。"
        }
        [hit] = _search(index, "隔膜式调节器").hits
        fragment = hit.highlights["description"]
        assert fragment.startswith("…") and "<em>隔膜式调节器</em>" in fragment
        assert len(fragment.replace("<em>", "").replace("</em>", "")) <= 162
        [hit] = _search(index, "张伟").hits
        assert hit.highlights["inventors"] == "<em>张伟</em>"
