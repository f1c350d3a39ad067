"""Group trees and the central-SOE flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import Settings
from domain.names import organization_key
from domain.organizations import OrganizationAliases
from graph.entity_pages import organization_view
from ingest.errors import ErrorCode, IngestError
from ingest.resolve.groups import load_group_trees
from ingest.vocabularies import load_central_soes
from stores.backends import open_stores
from tests.conftest import SAMPLE_GROUPS

SOE_LIST = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "soe-sasac-list"
    / ("central_soes_parsed.csv")
)


def test_subsidiaries_inherit_the_central_soe_of_their_group(tmp_path: Path) -> None:
    soes = tmp_path / "soes.txt"
    soes.write_text("中国石油化工集团有限公司\n国家电网有限公司\n", encoding="utf-8")
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = load_group_trees(
            SAMPLE_GROUPS, stores.graph, OrganizationAliases.load(), load_central_soes(soes)
        )
        assert report.edges == 5
        institute = organization_view(stores.graph, "中国石油化工股份有限公司石油化工科学研究院")
        assert institute is not None
        assert institute.central_soe == "中国石油化工集团有限公司"
        assert [p.id for p in institute.parents] == [
            "中国石油化工股份有限公司",
            "中国石油化工集团有限公司",
        ]
        byd = organization_view(stores.graph, "比亚迪半导体股份有限公司")
        assert byd is not None and byd.central_soe is None
        # Loading the same trees again changes nothing.
        before = stores.graph.counts()
        load_group_trees(
            SAMPLE_GROUPS, stores.graph, OrganizationAliases.load(), load_central_soes(soes)
        )
        assert stores.graph.counts() == before
    finally:
        stores.close()


def test_a_bad_group_tree_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"name": "集团", "subsidiaries": [{"name": "子公司", "stake": 140}]}', encoding="utf-8"
    )
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        with pytest.raises(IngestError) as caught:
            load_group_trees(bad, stores.graph, OrganizationAliases.load())
    finally:
        stores.close()
    problem = caught.value.problem
    assert problem.code is ErrorCode.RECORD_INVALID
    assert problem.field == "subsidiaries.0.stake"


@pytest.mark.skipif(not SOE_LIST.exists(), reason="../shared/data/soe-sasac-list absent")
def test_the_official_central_soe_list_reads() -> None:
    soes = load_central_soes(SOE_LIST)
    assert len(soes) > 200
    assert organization_key("中国石油化工集团有限公司") in soes
    assert organization_key("国家电网有限公司") in soes
