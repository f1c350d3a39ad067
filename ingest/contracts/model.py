"""What contract extraction produces: the contract of `ipgraph extract CONTRACT --json`
(docs/contract.schema.json is generated from these models)."""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

EXTRACTOR = "ingest.contracts/1"


class ContractKind(StrEnum):
    PATENT_LICENSE = "patent_license"  # 专利实施许可合同
    PATENT_TRANSFER = "patent_transfer"  # 专利权转让合同
    APPLICATION_TRANSFER = "application_transfer"  # 专利申请权转让合同
    PATENT_PLEDGE = "patent_pledge"  # 专利权质押合同
    TECHNOLOGY_TRANSFER = "technology_transfer"  # 技术转让合同
    TRADE_SECRET_LICENSE = "trade_secret_license"  # 技术秘密许可合同
    NDA = "nda"  # 保密协议
    EQUITY_CONTRIBUTION = "equity_contribution"  # 作价入股
    COOPERATION = "cooperation"  # 合作开发合同
    NON_COMPETE = "non_compete"  # 竞业限制协议
    AMENDMENT = "amendment"  # 补充协议


class Role(StrEnum):
    LICENSOR = "licensor"
    LICENSEE = "licensee"
    TRANSFEROR = "transferor"
    TRANSFEREE = "transferee"
    PLEDGOR = "pledgor"
    PLEDGEE = "pledgee"
    DISCLOSER = "discloser"
    RECIPIENT = "recipient"
    EMPLOYER = "employer"
    EMPLOYEE = "employee"
    CONTRIBUTOR = "contributor"  # contributes IP as capital
    INVESTEE = "investee"  # the company receiving it
    PARTNER = "partner"


class Exclusivity(StrEnum):
    EXCLUSIVE = "exclusive"  # 独占: not even the licensor may use it
    SOLE = "sole"  # 排他: licensor may, nobody else
    ORDINARY = "ordinary"  # 普通


class Evidence(BaseModel):
    """Where a value was read: the article (第三条, 二、, header, parties, signature), the
    character offsets in the contract text, and how sure the rule that read it is."""

    model_config = ConfigDict(frozen=True)

    article: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: float = Field(ge=0, le=1)
    derived: bool = Field(
        default=False,
        description="the value is not written in the text but computed from values that are "
        "(an end date from a stated start and duration); the offsets point at those",
    )


class Extracted(BaseModel, Generic[T]):
    value: T
    evidence: Evidence


class Party(BaseModel):
    label: str = Field(description="甲方 / 乙方 / 丙方, or the role word the text uses")
    role: Role
    name: str
    short_name: str | None = Field(default=None, description="以下简称 …")
    is_person: bool = False
    address: str | None = None
    legal_representative: str | None = None
    evidence: Evidence


class CoveredPatent(BaseModel):
    number: str = Field(description="canonical publication or application number")
    title: str | None = None
    evidence: Evidence


class Money(BaseModel):
    amount: float = Field(description="in the currency's unit, e.g. 500000.0 for 伍拾万元")
    currency: str = "CNY"
    text: str


class Instalment(BaseModel):
    """One payment of a schedule (分两期 / a payment table): its amount and when it is due."""

    amount: float
    due: str = Field(description="the due condition as written, e.g. 合同生效后15日内")
    evidence: Evidence


class PartyValue(BaseModel):
    """A value one party has under the contract: its share of co-owned results (0.4 for 40%)
    or its money contribution (None when it contributes people, equipment or know-how)."""

    name: str
    value: float | None
    evidence: Evidence


class ContractExtraction(BaseModel):
    """Everything read from one contract; absent fields were not found in the text."""

    id: str = Field(description="the contract number, or sha256-prefix of the file without one")
    file: str
    sha256: str
    format: str
    encoding: str | None
    extractor: str = EXTRACTOR
    title: Extracted[str] | None = None
    contract_number: Extracted[str] | None = None
    kind: Extracted[ContractKind] | None = None
    amends: Extracted[str] | None = Field(
        default=None, description="for a 补充协议: the number of the contract it changes"
    )
    parties: list[Party] = Field(default_factory=list)
    patents: list[CoveredPatent] = Field(default_factory=list)
    trademarks: list[Extracted[str]] = Field(default_factory=list)
    trade_secrets: list[Extracted[str]] = Field(default_factory=list)
    exclusivity: Extracted[Exclusivity] | None = None
    sublicense_allowed: Extracted[bool] | None = None
    territory: Extracted[str] | None = None
    start_date: Extracted[str] | None = None
    end_date: Extracted[str] | None = None
    duration_months: Extracted[int] | None = None
    amount: Extracted[Money] | None = None
    royalty_rate: Extracted[float] | None = Field(default=None, description="0.03 for 百分之三")
    payment: Extracted[str] | None = Field(
        default=None, description="lump_sum, installments, royalty or lump_sum+royalty"
    )
    sign_date: Extracted[str] | None = None
    governing_law: Extracted[str] | None = None
    dispute_forum: Extracted[str] | None = None
    dispute_method: Extracted[str] | None = Field(default=None, description="arbitration or court")
    non_compete_months: Extracted[int] | None = None
    non_compete_scope: Extracted[str] | None = None
    script: str = Field(default="simplified", description="simplified or traditional")
    currency: str | None = Field(
        default=None, description="ISO 4217 currency of the contract's amounts (CNY, HKD ...)"
    )
    trade_secret_numbers: list[Extracted[str]] = Field(
        default_factory=list, description="技术秘密登记号 / 营业秘密登录编号, as written"
    )
    sublicense_scope: Extracted[str] | None = Field(
        default=None, description="affiliates, with_consent or any, when sublicensing is allowed"
    )
    instalments: list[Instalment] = Field(default_factory=list)
    entry_fee: Extracted[Money] | None = Field(
        default=None, description="入门费: the one-time fee paid besides a royalty"
    )
    valuation: Extracted[Money] | None = Field(
        default=None, description="作价 of contributed IP; 评估价值 of pledged patents"
    )
    receiving_company: Extracted[str] | None = Field(
        default=None, description="equity contribution: the company issuing the equity"
    )
    equity_share: Extracted[float] | None = Field(
        default=None, description="equity contribution: the contributor's share (0.2 for 20%)"
    )
    shares: list[PartyValue] = Field(
        default_factory=list, description="cooperation: each party's share of co-owned results"
    )
    contributions: list[PartyValue] = Field(
        default_factory=list, description="cooperation: each party's money contribution"
    )
    monthly_compensation: Extracted[Money] | None = None
    liquidated_damages: Extracted[Money] | None = None
