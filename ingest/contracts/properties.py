"""The depth fields of a contract as Contract node properties (scalars, lists of strings; the
schedule, shares and contributions as one JSON object per item)."""

from __future__ import annotations

import json

from graph.model import PropertyValue
from ingest.contracts.model import ContractExtraction


def depth_properties(contract: ContractExtraction) -> dict[str, PropertyValue | None]:
    def amount(field: object) -> float | None:
        value = getattr(field, "value", None)
        return float(value.amount) if value is not None else None

    def text(field: object) -> str | None:
        value = getattr(field, "value", None)
        return value if isinstance(value, str) else None

    return {
        "currency": contract.currency,
        "script": contract.script,
        "persons": [p.name for p in contract.parties if p.is_person] or None,
        "trade_secret_numbers": [n.value for n in contract.trade_secret_numbers] or None,
        "sublicense_scope": text(contract.sublicense_scope),
        "entry_fee": amount(contract.entry_fee),
        "valuation": amount(contract.valuation),
        "receiving_company": text(contract.receiving_company),
        "equity_share": contract.equity_share.value if contract.equity_share else None,
        "monthly_compensation": amount(contract.monthly_compensation),
        "liquidated_damages": amount(contract.liquidated_damages),
        "instalments": [
            json.dumps({"amount": i.amount, "due": i.due}, ensure_ascii=False)
            for i in contract.instalments
        ]
        or None,
        "shares": [
            json.dumps({"name": s.name, "share": s.value}, ensure_ascii=False)
            for s in contract.shares
        ]
        or None,
        "contributions": [
            json.dumps({"name": c.name, "amount": c.value}, ensure_ascii=False)
            for c in contract.contributions
        ]
        or None,
    }
