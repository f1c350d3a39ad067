"""Schemas of the asset ledger: an organisation's portfolio on a day."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from graph.analytics.ledger import Holding


class PledgeOut(BaseModel):
    pledgee: str = Field(examples=["中国工商银行股份有限公司宁德分行"])
    since: str | None = Field(description="registered (or contract) start, YYYY-MM-DD")
    until: str | None = Field(description="release date (exclusive); null while in force")
    registration_number: str | None = Field(examples=["Y2023980012345"])
    intra_group: bool = Field(description="the pledgee is a member of the same group")


class LicenceOut(BaseModel):
    licensee: str = Field(examples=["福建时代星云科技有限公司"])
    exclusivity: str | None = Field(
        description="exclusive (独占) / sole (排他) / ordinary (普通) ...", examples=["exclusive"]
    )
    since: str | None = Field(description="filing (备案) or contract start, YYYY-MM-DD")
    until: str | None = Field(description="cancellation or end (exclusive); null while in force")
    registration_number: str | None = Field(description="合同备案号", examples=["X2023990000123"])
    intra_group: bool = Field(description="licensor and licensee belong to the same group")


class HoldingOut(BaseModel):
    id: str = Field(examples=["CN115000001A"])
    title: str
    kind: str | None = Field(examples=["invention"])
    legal_status: str | None = Field(
        description="on the as_of day: valid / pending / invalid; the exported status without "
        "as_of",
        examples=["valid"],
    )
    owned_since: str | None = Field(
        description="start of the ownership period covering the day (filing date for an "
        "original applicant)"
    )
    owners: list[str] = Field(description="the members of the organisation or group owning it")
    co_owners: list[str] = Field(description="owners outside the organisation or group")
    pledged_to: list[PledgeOut]
    licensed_to: list[LicenceOut]
    evidence: list[str] = Field(
        description="filing, gazette events (code, date, registration number), contracts, "
        "export columns",
        examples=[["filing 2022-01-01 (申请人)", "TR01 2023-05-12"]],
    )
    intra_group: bool = Field(description="received from a member of the same group")


class PortfolioResponse(BaseModel):
    owner: str = Field(examples=["国家电网有限公司"])
    owner_id: str
    as_of: dt.date | None = Field(description="the day asked; null: the current state")
    group: bool = Field(description="subsidiaries held on that day rolled up")
    members: list[str] = Field(description="organisation ids counted")
    patents: list[HoldingOut]


def holding_out(h: Holding) -> HoldingOut:
    """The ledger's reading of one patent, as answered."""
    return HoldingOut(
        id=h.id,
        title=h.title,
        kind=h.kind,
        legal_status=h.legal_status,
        owned_since=h.owned_since,
        owners=h.owners,
        co_owners=h.co_owners,
        pledged_to=[
            PledgeOut(
                pledgee=p.pledgee,
                since=p.since,
                until=p.until,
                registration_number=p.registration_number,
                intra_group=p.intra_group,
            )
            for p in h.pledged_to
        ],
        licensed_to=[
            LicenceOut(
                licensee=x.licensee,
                exclusivity=x.exclusivity,
                since=x.since,
                until=x.until,
                registration_number=x.registration_number,
                intra_group=x.intra_group,
            )
            for x in h.licensed_to
        ],
        evidence=h.evidence,
        intra_group=h.intra_group,
    )
