"""One contract text in, every field the rules find out (see model.ContractExtraction)."""

from __future__ import annotations

from ingest.contracts import rules, terms
from ingest.contracts.documents import ContractDocument
from ingest.contracts.model import ContractExtraction, ContractKind
from ingest.contracts.structure import layout as read_layout
from ingest.errors import ErrorCode, IngestError, Problem


def extract_contract(document: ContractDocument) -> ContractExtraction:
    layout = read_layout(document.text)
    kind = rules.contract_kind(layout)
    if kind is None:
        raise IngestError(
            Problem(
                ErrorCode.CONTRACT_NOT_RECOGNISED,
                document.path,
                "the title names no known contract kind (专利实施许可合同, 专利权转让合同, "
                "专利权质押合同, 技术秘密许可合同, 作价入股, 合作开发合同, "
                "竞业限制协议, 补充协议 …)",
                field="title",
            )
        )
    number = rules.contract_number(layout)
    signed = rules.sign_date(layout)
    term = terms.term(layout, terms.effective_date(layout, signed.value if signed else None))
    money = terms.payment(layout)
    forum, method = rules.dispute(layout)
    non_compete_months, non_compete_scope = terms.non_compete(layout)
    is_license = kind.value in (ContractKind.PATENT_LICENSE, ContractKind.TRADE_SECRET_LICENSE)
    is_amendment = kind.value is ContractKind.AMENDMENT
    return ContractExtraction(
        id=number.value if number else f"sha256:{document.sha256[:16]}",
        file=document.path,
        sha256=document.sha256,
        format=document.format,
        encoding=document.encoding,
        title=rules.title(layout),
        contract_number=number,
        kind=kind,
        amends=rules.amends(layout) if is_amendment else None,
        parties=rules.parties(layout, kind.value),
        patents=rules.patents(layout),
        trademarks=rules.trademarks(layout),
        trade_secrets=rules.trade_secrets(layout),
        exclusivity=rules.exclusivity(layout) if is_license or is_amendment else None,
        sublicense_allowed=rules.sublicense(layout) if is_license else None,
        territory=rules.territory(layout),
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
    )
