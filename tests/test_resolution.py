"""Resolution on both backends: same-name inventors, former names, priority families."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.model import Direction, EdgeType, NodeLabel
from ingest.pipeline import ingest_paths
from ingest.resolve.inventors import InventorResolver, Mention, mentions_of
from stores.backends import Stores
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores

SAMPLE_RESOLUTION = SAMPLE_PATENTS.with_name("resolution.sample.jsonl")
CATL = "宁德时代新能源科技股份有限公司"
FAMILY = "priority:CN202210000004.4"


@pytest.fixture(params=BACKENDS)
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    with backend_stores(request, tmp_path / "data", "test-resolution-") as opened:
        yield opened


def _load(stores: Stores, *paths: Path, dead: Path) -> None:
    report = ingest_paths(list(paths), stores.graph, stores.index, dead)
    assert report.errors == []


def _inventors(stores: Stores, patent_id: str) -> dict[str, object]:
    found = stores.graph.neighbours(EdgeType.INVENTOR_OF, patent_id, Direction.IN)
    return {n.id: n.edge.get("matched_on") for n in found}


def test_same_name_inventors_split_and_join_on_evidence(stores: Stores, tmp_path: Path) -> None:
    _load(stores, SAMPLE_PATENTS, SAMPLE_RESOLUTION, dead=tmp_path)
    # 清华大学's 张伟 shares 李娜 and H01M with CATL's 张伟: one person across employers.
    assert _inventors(stores, "CN115000104A") == {
        f"张伟@{CATL}": ["co-inventor", "field"],
        f"李娜@{CATL}": ["co-inventor", "field"],
    }
    # Same employer, but no co-inventor and another field: not enough to be the same person.
    assert _inventors(stores, "CN115000103A") == {f"张伟@{CATL}~2": []}
    assert _inventors(stores, "CN115000102A") == {
        "张伟@中兴通讯股份有限公司": [],
        "周杰@中兴通讯股份有限公司": ["employer", "field"],
    }
    person = stores.graph.get_node(NodeLabel.PERSON, f"张伟@{CATL}")
    assert person is not None
    assert person.props["employers"] == [CATL, "清华大学"]
    assert person.props["patents"] == ["CN115000001A", "CN115000104A"]
    # The same name at the same employer with nothing else shared stays two people.
    assert _inventors(stores, "CN115000007A") == {
        "孙浩@国家电网有限公司~2": [],
        "钱伟@国家电网有限公司": [],
    }


def test_former_name_resolves_to_the_current_company(stores: Stores, tmp_path: Path) -> None:
    _load(stores, SAMPLE_PATENTS, SAMPLE_RESOLUTION, dead=tmp_path)
    [applicant] = stores.graph.neighbours(EdgeType.APPLICANT_OF, "CN115000101A", Direction.IN)
    assert applicant.id == "国家电网有限公司"
    assert applicant.edge["name_as_filed"] == "国家电网公司"
    company = stores.graph.get_node(NodeLabel.ORGANIZATION, "国家电网有限公司")
    assert company is not None
    assert company.props["name"] == "国家电网有限公司"
    assert company.props["former_names"] == ["国家电网公司"]
    assert company.props["address"] == "北京市西城区西长安街86号"
    assert _inventors(stores, "CN115000101A") == {
        "孙浩@国家电网有限公司": ["employer", "co-inventor", "field"],
        "郑丽@国家电网有限公司": ["employer", "co-inventor", "field"],
    }


@pytest.mark.parametrize("first_filing_loaded_first", [True, False])
def test_priority_family_whatever_the_order(
    stores: Stores, tmp_path: Path, first_filing_loaded_first: bool
) -> None:
    files = [SAMPLE_PATENTS, SAMPLE_RESOLUTION]
    _load(stores, *(files if first_filing_loaded_first else files[::-1]), dead=tmp_path)
    members = stores.graph.neighbours(EdgeType.MEMBER_OF, FAMILY, Direction.IN)
    assert {m.id: m.edge["role"] for m in members} == {
        "CN115000004A": "first filing",
        "EP4000004A1": "claims priority",
        "US20230000004A1": "claims priority",
    }
    family = stores.graph.get_node(NodeLabel.FAMILY, FAMILY)
    assert family is not None and family.props["priority_application"] == "CN202210000004.4"


def test_rerun_changes_nothing(stores: Stores, tmp_path: Path) -> None:
    _load(stores, SAMPLE_PATENTS, SAMPLE_RESOLUTION, dead=tmp_path)
    before = stores.graph.counts()
    person = stores.graph.get_node(NodeLabel.PERSON, f"张伟@{CATL}")
    _load(stores, SAMPLE_RESOLUTION, SAMPLE_PATENTS, dead=tmp_path)
    assert stores.graph.counts() == before
    assert stores.graph.get_node(NodeLabel.PERSON, f"张伟@{CATL}") == person
    assert _inventors(stores, "CN115000104A")[f"张伟@{CATL}"] == ["co-inventor", "field"]


def test_a_name_alone_never_merges() -> None:
    people = InventorResolver()
    first, second = (
        people.resolve(Mention("王芳", patent, org, frozenset({org}), frozenset(), frozenset(f)))
        for patent, org, f in (("CN1", "甲公司", {"H01M"}), ("CN2", "乙公司", {"G06F"}))
    )
    assert first.person.id == "王芳@甲公司" and second.person.id == "王芳@乙公司"


def test_mentions_carry_the_patents_context() -> None:
    [zhang, li] = mentions_of("CN1", ["张伟", "李娜"], ["甲", "乙"], ["H01M10/48", "G01R31/367"])
    assert zhang.context == "甲" and zhang.employers == {"甲", "乙"}
    assert zhang.coinventors == {"李娜"} and li.coinventors == {"张伟"}
    assert zhang.fields == {"H01M", "G01R"}
    # Without applicants the patent itself names the new person.
    [alone] = mentions_of("CN2", ["赵六"], [], [])
    assert alone.context == "CN2"
