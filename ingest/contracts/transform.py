"""A contract's extraction to graph rows and an index document.

Besides Contract, PARTY_TO {role} and COVERS, the derived edges due diligence reads directly:
LICENSED_TO (patent -> licensee), PLEDGED_TO (patent -> pledgee), TRANSFERRED_TO (patent ->
transferee or the company it was contributed to), NON_COMPETE (employee -> employer)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from domain.access import CONFIDENTIAL_ASSET_KIND, CONFIDENTIAL_CONTRACT_KINDS
from domain.names import person_name
from domain.numbers import country_of, parse_application_number
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties, PropertyValue
from ingest.contracts.model import (
    ContractExtraction,
    ContractKind,
    CoveredPatent,
    Extracted,
    Party,
    Role,
)
from ingest.contracts.properties import depth_properties
from ingest.resolve.inventors import InventorResolver
from ingest.transform import GraphBatch
from ingest.vocabularies import Vocabularies
from search.index.protocol import IndexDocument

ASSET_KIND = "contract"
# A patent number as the contract gives it -> the id of the Patent node it names, if known.
PatentLookup = Callable[[str], str | None]

BENEFICIARY: dict[ContractKind, tuple[Role, EdgeType]] = {
    ContractKind.PATENT_LICENSE: (Role.LICENSEE, EdgeType.LICENSED_TO),
    ContractKind.PATENT_PLEDGE: (Role.PLEDGEE, EdgeType.PLEDGED_TO),
    ContractKind.PATENT_TRANSFER: (Role.TRANSFEREE, EdgeType.TRANSFERRED_TO),
    ContractKind.APPLICATION_TRANSFER: (Role.TRANSFEREE, EdgeType.TRANSFERRED_TO),
    ContractKind.TECHNOLOGY_TRANSFER: (Role.TRANSFEREE, EdgeType.TRANSFERRED_TO),
    ContractKind.EQUITY_CONTRIBUTION: (Role.INVESTEE, EdgeType.TRANSFERRED_TO),
}


def add_contract(
    batch: GraphBatch,
    contract: ContractExtraction,
    text: str,
    vocabularies: Vocabularies,
    people: InventorResolver,
    find_patent: PatentLookup = lambda number: None,
) -> None:
    source = f"{contract.sha256[:16]}#1"
    batch.node(NodeLabel.CONTRACT, NodeRow(contract.id, contract_props(contract), source))
    party_ids = _add_parties(batch, contract, vocabularies, people, source)
    patent_ids = _add_patents(batch, contract, find_patent, source)
    _add_other_assets(batch, contract, party_ids, source)
    _add_derived(batch, contract, party_ids, patent_ids, source)
    if contract.amends is not None:
        batch.edge(
            EdgeType.AMENDS,
            EdgeRow(contract.id, contract.amends.value, _evidence(contract.amends), source),
        )
    batch.documents[contract.id] = index_document(contract, text, party_ids, vocabularies)


def contract_props(contract: ContractExtraction) -> Properties:
    values: dict[str, PropertyValue | None] = {
        "title": _value(contract.title),
        "contract_number": _value(contract.contract_number),
        "kind": _value(contract.kind),
        "amends": _value(contract.amends),
        "exclusivity": _value(contract.exclusivity),
        "sublicense_allowed": _value(contract.sublicense_allowed),
        "territory": _value(contract.territory),
        "start_date": _value(contract.start_date),
        "end_date": _value(contract.end_date),
        "duration_months": _value(contract.duration_months),
        "amount": contract.amount.value.amount if contract.amount else None,
        "currency": contract.amount.value.currency if contract.amount else None,
        **depth_properties(contract),
        "royalty_rate": _value(contract.royalty_rate),
        "payment": _value(contract.payment),
        "sign_date": _value(contract.sign_date),
        "governing_law": _value(contract.governing_law),
        "dispute_forum": _value(contract.dispute_forum),
        "dispute_method": _value(contract.dispute_method),
        "non_compete_months": _value(contract.non_compete_months),
        "non_compete_scope": _value(contract.non_compete_scope),
        "path": contract.file,
        "format": contract.format,
        "extractor": contract.extractor,
        "stub": False,
        "confidential": is_confidential(contract),
    }
    return {k: v for k, v in values.items() if v is not None}


def _value(field: Extracted[Any] | None) -> PropertyValue | None:
    if field is None:
        return None
    value = field.value
    if isinstance(value, Enum):
        return str(value.value)
    return value if isinstance(value, str | int | float | bool) else None


def _evidence(field: Extracted[Any] | Party | CoveredPatent) -> Properties:
    evidence = field.evidence
    return {
        "article": evidence.article,
        "start": evidence.start,
        "end": evidence.end,
        "confidence": evidence.confidence,
    }


def _add_parties(
    batch: GraphBatch,
    contract: ContractExtraction,
    vocabularies: Vocabularies,
    people: InventorResolver,
    source: str,
) -> dict[Role, list[tuple[str, bool]]]:
    """Writes each party; returns the node ids by role, each with whether it is a person."""
    by_role: dict[Role, list[tuple[str, bool]]] = {}
    employer = _employer(contract, vocabularies)
    for party in contract.parties:
        edge: Properties = {"role": party.role.value, "label": party.label, **_evidence(party)}
        if party.short_name:
            edge["short_name"] = party.short_name
        if party.is_person:
            name = person_name(party.name)
            person = people.resolve_employee(name, employer or contract.id, contract.id)
            batch.node(NodeLabel.PERSON, NodeRow(person.id, person.props(), source))
            batch.edge(EdgeType.PERSON_PARTY_TO, EdgeRow(person.id, contract.id, edge, source))
            by_role.setdefault(party.role, []).append((person.id, True))
            continue
        key = vocabularies.aliases.resolve(party.name)
        props: Properties = {"name": vocabularies.aliases.canonical_name(party.name)}
        if party.address:
            props["address"] = party.address
        if party.legal_representative:
            props["legal_representative"] = party.legal_representative
        if key in vocabularies.central_soes:
            props["is_central_soe"] = True
        batch.node(NodeLabel.ORGANIZATION, NodeRow(key, props, source))
        if props["name"] != party.name:
            edge["name_as_written"] = party.name
        party_edge = (
            EdgeType.PARTY_TO_CONFIDENTIAL if is_confidential(contract) else EdgeType.PARTY_TO
        )
        batch.edge(party_edge, EdgeRow(key, contract.id, edge, source))
        by_role.setdefault(party.role, []).append((key, False))
    return by_role


def is_confidential(contract: ContractExtraction) -> bool:
    return contract.kind is not None and contract.kind.value.value in CONFIDENTIAL_CONTRACT_KINDS


def _employer(contract: ContractExtraction, vocabularies: Vocabularies) -> str | None:
    for party in contract.parties:
        if party.role is Role.EMPLOYER or (not party.is_person and party.label == "甲方"):
            return vocabularies.aliases.resolve(party.name)
    return None


def _add_patents(
    batch: GraphBatch, contract: ContractExtraction, find_patent: PatentLookup, source: str
) -> list[str]:
    """COVERS each patent; a number no store knows becomes a stub Patent node (its number and
    the title the contract gives), so that the contract is never silently narrowed."""
    ids: list[str] = []
    for order, patent in enumerate(contract.patents, start=1):
        patent_id = find_patent(patent.number)
        if patent_id is None:
            patent_id = patent.number
            stub: Properties = {"stub": True, "country": country_of(patent.number) or ""}
            if parse_application_number(patent.number).check_digit_ok is not None:
                stub["application_number"] = patent.number
            if patent.title:
                stub["title"] = patent.title
            batch.node(NodeLabel.PATENT, NodeRow(patent_id, stub, source))
        edge: Properties = {"order": order, "number_as_written": patent.number, **_evidence(patent)}
        if patent.title:
            edge["title_in_contract"] = patent.title
        batch.edge(EdgeType.COVERS, EdgeRow(contract.id, patent_id, edge, source))
        ids.append(patent_id)
    return ids


def _add_other_assets(
    batch: GraphBatch,
    contract: ContractExtraction,
    party_ids: dict[Role, list[tuple[str, bool]]],
    source: str,
) -> None:
    for mark in contract.trademarks:
        batch.node(NodeLabel.TRADEMARK, NodeRow(mark.value, {}, source))
        batch.edge(
            EdgeType.COVERS_TRADEMARK, EdgeRow(contract.id, mark.value, _evidence(mark), source)
        )
    holder = _first_organization(party_ids)
    for secret in contract.trade_secrets:
        # A trade secret is known by its holder and name; its details stay in the register.
        secret_id = f"{holder or contract.id}/{secret.value}"
        props: Properties = {"name": secret.value, "confidential": True}
        if holder:
            props["holder"] = holder
        batch.node(NodeLabel.TRADE_SECRET, NodeRow(secret_id, props, source))
        if holder:
            batch.edge(EdgeType.HOLDS_SECRET, EdgeRow(holder, secret_id, {}, source))
        batch.edge(
            EdgeType.COVERS_TRADE_SECRET,
            EdgeRow(contract.id, secret_id, _evidence(secret), source),
        )


def _first_organization(party_ids: dict[Role, list[tuple[str, bool]]]) -> str | None:
    for role in (Role.LICENSOR, Role.DISCLOSER, Role.EMPLOYER, Role.TRANSFEROR):
        for node_id, is_person in party_ids.get(role, []):
            if not is_person:
                return node_id
    return None


def _add_derived(
    batch: GraphBatch,
    contract: ContractExtraction,
    party_ids: dict[Role, list[tuple[str, bool]]],
    patent_ids: list[str],
    source: str,
) -> None:
    kind = contract.kind.value if contract.kind else None
    if kind is ContractKind.NON_COMPETE:
        _add_non_compete(batch, contract, party_ids, source)
        return
    if kind not in BENEFICIARY:
        return
    role, edge_type = BENEFICIARY[kind]
    props = derived_terms(contract)
    for beneficiary, is_person in party_ids.get(role, []):
        if is_person:
            continue
        for patent_id in patent_ids:
            batch.edge(edge_type, EdgeRow(patent_id, beneficiary, props, source))


def derived_terms(contract: ContractExtraction) -> Properties:
    values: dict[str, PropertyValue | None] = {
        "contract": contract.id,
        "exclusivity": _value(contract.exclusivity),
        "territory": _value(contract.territory),
        "start": _value(contract.start_date),
        "end": _value(contract.end_date),
        "date": _value(contract.sign_date),
        "amount": contract.amount.value.amount if contract.amount else None,
    }
    return {k: v for k, v in values.items() if v is not None}


def _add_non_compete(
    batch: GraphBatch,
    contract: ContractExtraction,
    party_ids: dict[Role, list[tuple[str, bool]]],
    source: str,
) -> None:
    employers = [i for i, is_person in party_ids.get(Role.EMPLOYER, []) if not is_person]
    employees = [i for i, is_person in party_ids.get(Role.EMPLOYEE, []) if is_person]
    values: dict[str, PropertyValue | None] = {
        "contract": contract.id,
        "months": _value(contract.non_compete_months),
        "scope": _value(contract.non_compete_scope),
        "signed": _value(contract.sign_date),
    }
    props = {k: v for k, v in values.items() if v is not None}
    for employee in employees:
        for employer in employers:
            batch.edge(EdgeType.NON_COMPETE, EdgeRow(employee, employer, props, source))


def index_document(
    contract: ContractExtraction,
    text: str,
    party_ids: dict[Role, list[tuple[str, bool]]],
    vocabularies: Vocabularies,
) -> IndexDocument:
    names = [vocabularies.aliases.canonical_name(p.name) for p in contract.parties]
    short = [p.short_name for p in contract.parties if p.short_name]
    return IndexDocument(
        id=contract.id,
        title=str(_value(contract.title) or contract.id),
        asset_kind=CONFIDENTIAL_ASSET_KIND if is_confidential(contract) else ASSET_KIND,
        description=text,
        applicants=names,
        applicant_ids=[i for ids in party_ids.values() for i, is_person in ids if not is_person],
        applicant_aliases=sorted(
            {*short, *(a for n in names for a in vocabularies.aliases.aliases_of(n))}
        ),
        kind=str(_value(contract.kind)) if contract.kind else None,
        country="CN",
        filing_date=str(_value(contract.sign_date)) if contract.sign_date else None,
    )
