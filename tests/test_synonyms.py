"""The shipped technical synonym dictionary and its loader (query-time expansion)."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import CONFIG_DIR
from search.synonyms import (
    SynonymDictionary,
    SynonymDictionaryError,
    SynonymErrorCode,
    parse_synonyms,
    term_key,
)

SHIPPED = CONFIG_DIR / "dictionaries" / "technical_synonyms.tsv"


@pytest.fixture(scope="module")
def shipped() -> SynonymDictionary:
    dictionary, problems = SynonymDictionary.load(SHIPPED)
    assert problems == []
    return dictionary


def test_shipped_dictionary_is_large_consistent_and_documented(shipped: SynonymDictionary) -> None:
    assert len(shipped) >= 150
    keys = [term_key(t) for g in shipped.groups for t in g.terms]
    assert len(keys) == len(set(keys)), "a term belongs to one group only"
    assert all(g.note for g in shipped.groups), "every group says why it holds"
    domains = {g.group_id.split(".")[0] for g in shipped.groups}
    assert {"bat", "pv", "grid", "tel", "it", "pc", "semi", "nuc", "rail", "aero", "veh"} <= domains


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("锂电池", "锂离子电池"),
        ("5G", "第五代移动通信"),
        ("第五代移动通信", "5G"),
        ("HVDC", "高压直流输电"),
        ("变电所", "变电站"),
        ("配网", "配电网"),
        ("UHV", "特高压"),
        ("MIMO", "多输入多输出"),
        ("波束成形", "波束赋形"),
        ("CNN", "卷积神经网络"),
        ("FCC", "催化裂化"),
        ("PWR", "压水堆"),
        ("UAV", "无人机"),
        ("BMS", "电池管理系统"),
        ("太阳电池", "太阳能电池"),
        ("ＨＶＤＣ", "高压直流输电"),  # full-width compares equal
        ("Graphene", "石墨烯"),  # a lower-case term matches in any case
        ("GaN", "氮化镓"),
        ("GAN", "生成对抗网络"),
    ],
)
def test_shipped_expansions(shipped: SynonymDictionary, term: str, expected: str) -> None:
    assert expected in shipped.expansions(term)


def test_one_way_groups_do_not_expand_back(shipped: SynonymDictionary) -> None:
    assert "锂电池" not in shipped.expansions("锂离子电池")
    assert "锂离子二次电池" in shipped.expansions("锂离子电池")
    assert shipped.expansions("聚乙烯") == []
    assert shipped.expansions("PE") == ["聚乙烯"]


def test_ambiguous_abbreviations_and_broader_terms_stay_out(shipped: SynonymDictionary) -> None:
    for term in ("SOC", "GIS", "CT", "NR", "ML", "IP", "光伏", "芯片", "电池"):
        assert shipped.expansions(term) == [], term
    assert "芯片" not in shipped.expansions("集成电路")


def test_capitalised_abbreviations_match_only_as_written(shipped: SynonymDictionary) -> None:
    assert shipped.expansions("5g") == [] and shipped.expansions("hvdc") == []
    assert [m.term for m in shipped.find("称取5g氢氧化钠，5G基站")] == ["氢氧化钠", "5G基站"]


def test_find_takes_longest_whole_word_matches_with_original_offsets(
    shipped: SynonymDictionary,
) -> None:
    text = "采用EVA胶膜的光伏组件，经5G NR与ＭＩＭＯ回传，抽水储能"
    found = {m.term: m for m in shipped.find(text)}
    assert "EV" not in found and found["EVA"].group_id == "pv.eva"
    assert found["5G NR"].group_id == "tel.nr" and "5G" not in found
    assert found["ＭＩＭＯ"].group_id == "tel.mimo"
    assert found["抽水储能"].group_id == "storage.pumped" and "储能" not in found
    for match in shipped.find(text):
        assert text[match.start : match.end] == match.term


BAD_FILE = "\n".join(
    [
        "# a comment",
        "ok.one\t甲|乙\tfine",
        "only_one_column",
        "Bad Id\t丙|丁\tnote",
        "ok.empty\t戊||己\tnote",
        "ok.small\t庚\tnote",
        "ok.arrows\t辛 => 壬 => 癸\tnote",
        "ok.one\t子|丑\tsame id again",
        "ok.clash\t寅|乙\tterm of ok.one",
        "ok.twice\t卯|卯\tnote",
        "ok.two\tA|b => 辰\tone-way",
    ]
)


def test_bad_lines_get_coded_problems_and_good_lines_still_load() -> None:
    groups, problems = parse_synonyms(BAD_FILE, "bad.tsv")
    assert [g.group_id for g in groups] == ["ok.one", "ok.two"]
    assert [(p.code, p.line) for p in problems] == [
        (SynonymErrorCode.LINE_MALFORMED, 3),
        (SynonymErrorCode.GROUP_ID_INVALID, 4),
        (SynonymErrorCode.TERM_EMPTY, 5),
        (SynonymErrorCode.GROUP_TOO_SMALL, 6),
        (SynonymErrorCode.LINE_MALFORMED, 7),
        (SynonymErrorCode.GROUP_ID_DUPLICATE, 8),
        (SynonymErrorCode.TERM_DUPLICATE, 9),
        (SynonymErrorCode.TERM_DUPLICATE, 10),
    ]
    assert all(p.file == "bad.tsv" for p in problems)
    assert "ok.one" in problems[6].message and "bad.tsv:2" in problems[6].message
    two = SynonymDictionary(groups)
    assert two.expansions("A") == ["b", "辰"]
    assert two.expansions("辰") == []


def test_strict_load_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(BAD_FILE, encoding="utf-8")
    with pytest.raises(SynonymDictionaryError) as raised:
        SynonymDictionary.load(path, strict=True)
    assert len(raised.value.problems) == 8


def test_missing_file_is_a_coded_problem(tmp_path: Path) -> None:
    dictionary, problems = SynonymDictionary.load(tmp_path / "absent.tsv")
    assert len(dictionary) == 0
    assert [p.code for p in problems] == [SynonymErrorCode.FILE_NOT_FOUND]


def test_user_dictionary_in_the_data_dir_merges_on_top(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    user = data_dir / "technical_synonyms.tsv"
    user.write_text(
        "\n".join(
            [
                "# company vocabulary",
                "grid.substation\t变电站|变电所|升压站\treplaces the shipped group",
                "tel.6g\t-\tremoved: not used here",
                "co.product\t星云一号|XY-1\ta product code name",
                "co.clash\t配网|我司配网\tclashes with the shipped grid.distribution",
            ]
        ),
        encoding="utf-8",
    )
    shipped_only, _ = SynonymDictionary.load(SHIPPED)
    merged, problems = SynonymDictionary.load(SHIPPED, user)
    assert "升压站" in merged.expansions("变电所")
    assert merged.expansions("6G") == [] and shipped_only.expansions("6G") != []
    assert merged.expansions("XY-1") == ["星云一号"]
    assert [(p.code, p.file, p.line) for p in problems] == [
        (SynonymErrorCode.TERM_DUPLICATE, str(user), 5)
    ]
    assert merged.expansions("配网") == shipped_only.expansions("配网")
    assert len(merged) == len(shipped_only)  # one removed, one added, one replaced


def test_removing_an_unknown_group_is_reported(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    user.write_text("no.such.group\t-\tnote\n", encoding="utf-8")
    _, problems = SynonymDictionary.load(SHIPPED, user)
    assert [p.code for p in problems] == [SynonymErrorCode.GROUP_UNKNOWN]
