"""The query language's search-depth parts and the number keys, without an index."""

from __future__ import annotations

import pytest

from domain.numbers import number_index_keys, number_query_keys
from search.query import Key, Near, Or, QuerySyntaxError, Word, parse_query
from search.query.expand import expand_synonyms, expansions_of
from search.synonyms import SynonymDictionary, parse_synonyms

INDEXED = set(number_index_keys("CN115000001A", "CN202210000001.0", ["CN202110000009.3"]))


@pytest.mark.parametrize(
    "typed",
    [
        "CN115000001A",
        "cn115000001a",
        "115000001",
        "CN115000001",
        "ＣＮ１１５０００００１Ａ",
        "ZL202210000001.0",
        "ZL 2022 1000 0001.0",
        "202210000001.0",
        "CN202210000001",
        "202210000001",
        "申请号：202210000001.0",
        "202110000009.3",
    ],
)
def test_every_typed_form_meets_an_indexed_key(typed: str) -> None:
    assert INDEXED & set(number_query_keys(typed)), typed


@pytest.mark.parametrize("typed", ["CN115000002A", "CN115000001B", "202210000002", "1150000"])
def test_other_numbers_do_not(typed: str) -> None:
    assert not INDEXED & set(number_query_keys(typed)), typed


def test_bare_numbers_and_spaced_numbers() -> None:
    assert parse_query("CN115000001A") == Or((Key("number", "CN115000001A"), Word("CN115000001A")))
    assert parse_query("CN 115000001 A") == parse_query("CN115000001A")
    assert parse_query("电池 5G") == parse_query("电池 5G")  # short words stay words
    assert isinstance(parse_query("H01M 10"), type(parse_query("a b")))


def test_key_fields_and_proximity() -> None:
    assert parse_query("ipc:H01M10") == Key("ipc", "H01M10")
    assert parse_query("分类号:H01M") == Key("ipc", "H01M")
    assert parse_query('owner:"国家电网"') == Key("owner", "国家电网")
    assert parse_query('"锂电池 隔膜"~5') == Near(("锂电池", "隔膜"), 5)
    assert parse_query('title:"a b c"～3') == Near(("a", "b", "c"), 3, "title")
    for bad in ('"电池"~3', '"a b"~99', "ipc:", "number:()"):
        with pytest.raises(QuerySyntaxError):
            parse_query(bad)


def test_synonym_expansion_keeps_whole_terms_and_says_what_it_added() -> None:
    groups, problems = parse_synonyms("bat.li\t锂电池 => 锂离子电池\tnote\n", "test.tsv")
    assert not problems
    dictionary = SynonymDictionary(groups)
    expanded = expand_synonyms(parse_query('锂电池 -锂电池隔膜 "锂电池"'), dictionary)
    assert expansions_of(expanded) == {"锂电池": ["锂离子电池"]}
    # Only the bare whole word expands; the longer word and the phrase are taken as written.
    assert "锂电池隔膜" in repr(expanded) and repr(expanded).count("锂离子电池") == 1
    assert expand_synonyms(parse_query("锂离子电池"), dictionary) == Word("锂离子电池")
