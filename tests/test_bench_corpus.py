"""The bench's fast document builder gives ingest's documents (bench/corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import IndexDocuments, generate_block
from domain.organizations import OrganizationAliases
from ingest.readers.columns import ColumnMap
from ingest.vocabularies import Vocabularies

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the checkout, or two levels up for a worktree under wt/.
DATA = next(
    (
        d
        for d in (ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data")
        if d.exists()
    ),
    ROOT.parent / "shared" / "data",
)
pytestmark = pytest.mark.skipif(
    not (DATA / "kppatent-zh").exists(), reason="../shared/data/kppatent-zh absent"
)


def test_blocks_are_deterministic_and_numbered_from_their_start() -> None:
    block = generate_block(40, 5, data_dir=DATA)
    assert block == generate_block(40, 5, data_dir=DATA)
    assert [r["publication_number"][:11] for r in block] == [
        f"CN{100000000 + n}" for n in range(40, 45)
    ]


def test_built_documents_equal_ingests() -> None:
    builder = IndexDocuments(Vocabularies(OrganizationAliases.load(), ColumnMap.load()))
    raws = generate_block(0, 60, data_dir=DATA)
    builder.check(raws)  # raises on any difference
    changed = dict(raws[0], title=raws[0]["title"] + "装置")
    document = builder.build(changed)
    assert document.title.endswith("装置") and document.presegmented is not None
    assert "装置" in document.presegmented["title"].split()
