"""`find_patents` (ingest's lookup of a whole chunk's numbers in one round trip) answers what
`find_patent` answers for each number, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.model import NodeLabel, NodeRow
from stores.backends import Stores
from tests.conftest import BACKENDS, backend_stores


@pytest.fixture(params=BACKENDS)
def stores(request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str) -> Iterator[Stores]:
    with backend_stores(request, tmp_path, index_prefix) as opened:
        yield opened


def test_find_patents_answers_what_find_patent_answers(stores: Stores) -> None:
    rows = [
        NodeRow("CN115000001A", {"application_number": "CN202210000001.X"}, "t#1"),
        NodeRow("CN115000001B", {"application_number": "CN202210000001.X"}, "t#2"),
        NodeRow("CN115000002A", {"application_number": "CN202210000002.8"}, "t#3"),
    ]
    stores.graph.upsert_nodes(NodeLabel.PATENT, rows)
    numbers = [
        "CN115000001A",  # by id
        "CN202210000001.X",  # by application number: two patents, the smallest id
        "CN202210000002.8",
        "CN115000002A",
        "CN999999999A",  # none
        "CN115000001A",  # asked twice
    ]
    found = stores.graph.find_patents(numbers)
    expected = {n: p for n in numbers if (p := stores.graph.find_patent(n)) is not None}
    assert found == expected
    assert set(found) == set(numbers) - {"CN999999999A"}
    assert found["CN202210000001.X"].id == "CN115000001A"
    assert stores.graph.find_patents([]) == {}
