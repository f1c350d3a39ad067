"""One contract text in, every field the rules find out (see model.ContractExtraction)."""

from __future__ import annotations

from ingest.contracts import assets, licence, party_lines, rules, terms
from ingest.contracts import money as money_rules
from ingest.contracts import parties as party_rules
from ingest.contracts.amendments import new_wording
from ingest.contracts.documents import ContractDocument
from ingest.contracts.model import ContractExtraction, ContractKind, Extracted
from ingest.contracts.script import fold
from ingest.contracts.structure import layout as read_layout
from ingest.errors import ErrorCode, IngestError, Problem


def extract_contract(document: ContractDocument) -> ContractExtraction:
    # The rules read a same-length folded text (simplified script, ASCII digits); what the
    # document states in its own script is read back from the original at the same offsets.
    folded = fold(document.text)
    layout = read_layout(folded.text)
    kind = rules.contract_kind(layout)
    if kind is None:
        raise IngestError(
            Problem(
                ErrorCode.CONTRACT_NOT_RECOGNISED,
                document.path,
                "neither the title, the preamble nor the roles and clauses name a known "
                "contract kind "
                "(专利实施许可合同, 专利权转让合同, "
                "专利权质押合同, 技术秘密许可合同, 作价入股, 合作开发合同, "
                "竞业限制协议, 补充协议 …)",
                field="title",
            )
        )
    number = rules.contract_number(layout)
    signed = rules.sign_date(layout)
    is_license = kind.value in (ContractKind.PATENT_LICENSE, ContractKind.TRADE_SECRET_LICENSE)
    is_amendment = kind.value is ContractKind.AMENDMENT
    is_non_compete = kind.value is ContractKind.NON_COMPETE
    # An amendment's terms are read from its new wording only, never from the clause it quotes.
    values = new_wording(layout) if is_amendment else layout
    effective = terms.effective_date(layout, signed.value if signed else None)
    term = terms.term(values, effective, kind.value)
    money = terms.payment(values, kind.value)
    forum, method = rules.dispute(layout)
    non_compete_months, non_compete_scope = terms.non_compete(values, kind.value)
    found_parties = party_lines.parties(layout, kind.value)
    schedule = money_rules.instalments(values, money.amount.value.amount if money.amount else None)
    extraction = ContractExtraction(
        id=number.value if number else f"sha256:{document.sha256[:16]}",
        file=document.path,
        sha256=document.sha256,
        format=document.format,
        encoding=document.encoding,
        title=rules.title(layout),
        contract_number=number,
        kind=kind,
        amends=rules.amends(layout) if is_amendment else None,
        parties=found_parties,
        patents=assets.patents(layout, amendment=is_amendment),
        trademarks=assets.trademarks(layout),
        trade_secrets=assets.trade_secrets(layout),
        exclusivity=licence.exclusivity(values, in_title=not is_amendment)
        if is_license or is_amendment
        else None,
        # an amendment may change the sublicensing clause: read from its new wording
        sublicense_allowed=licence.sublicense(layout)
        if is_license
        else (licence.sublicense(values) if is_amendment else None),
        territory=licence.territory(layout)
        if is_license
        else (licence.labelled_territory(values) if is_amendment or is_non_compete else None),
        start_date=term.start,
        end_date=term.end,
        duration_months=term.months,
        amount=money.amount,
        royalty_rate=money.royalty_rate,
        payment=money.structure,
        sign_date=signed,
        governing_law=rules.governing_law(layout),
        dispute_forum=forum,
        dispute_method=method,
        non_compete_months=non_compete_months,
        non_compete_scope=non_compete_scope,
        script=folded.script,
        trade_secret_numbers=assets.trade_secret_numbers(layout),
        sublicense_scope=licence.sublicense_scope(layout)
        if is_license
        else (licence.sublicense_scope(values) if is_amendment else None),
        instalments=schedule,
        entry_fee=money_rules.entry_fee(layout, money)
        if money.royalty_rate and not is_amendment
        else None,
        valuation=money_rules.valuation(layout, kind.value),
        liquidated_damages=money_rules.liquidated_damages(values),
        monthly_compensation=money_rules.monthly_compensation(layout),
        **party_rules.party_terms(layout, kind.value, found_parties),
    )
    if kind.value is ContractKind.EQUITY_CONTRIBUTION and extraction.valuation is not None:
        extraction.amount = extraction.valuation  # the amount of a contribution is its 作价
    if kind.value is ContractKind.COOPERATION and extraction.amount is None:
        extraction.amount = money_rules.sole_funding(values, extraction.contributions)
    if extraction.payment is None and len(schedule) >= 2:
        # a payment table or 首期款/尾款 clauses without the words 分两期 (an amendment's too:
        # its new schedule, tests/gold/README.md)
        first = schedule[0].evidence
        extraction.payment = Extracted(value="installments", evidence=first)
    if extraction.payment is None and extraction.amount is not None and len(schedule) < 2:
        extraction.payment = terms.paid_in_full(values)
    extraction.currency = money_rules.currency_of(extraction) or money_rules.schedule_currency(
        values, schedule
    )
    extraction = party_rules.in_original_script(extraction, folded)
    if extraction.contract_number is not None:
        extraction.id = extraction.contract_number.value
    return extraction
