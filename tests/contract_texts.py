"""Contracts written inline by the rule tests, read as the extractor reads a document."""

from __future__ import annotations

import hashlib

from ingest.contracts.documents import ContractDocument
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction


def extract_text(text: str, fmt: str = "txt") -> ContractExtraction:
    """The extraction of `text` as if it were the text layer of a `fmt` file."""
    document = ContractDocument(
        path=f"t.{fmt}",
        format=fmt,
        encoding="utf-8" if fmt == "txt" else None,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    return extract_contract(document)


def roles(contract: ContractExtraction) -> list[tuple[str, str]]:
    """The parties as (role, name), in the order the extractor lists them."""
    return [(p.role.value, p.name) for p in contract.parties]
