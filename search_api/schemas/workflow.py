"""Schemas of the value, graded-management and monitoring routes."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from search_api.schemas.common import IsoDate
from usecases.monitoring import WatchKind
from usecases.workflow import Action, ReviewReason


class FactorOut(BaseModel):
    name: str = Field(examples=["forward_citations"])
    group: str = Field(examples=["technical"], description="legal, technical or economic")
    value: bool | int | float | str | None = Field(examples=[4])
    weight: float = Field(examples=[12.0])
    contribution: float = Field(examples=[4.8], description="points: degree × weight")


class ValueOut(BaseModel):
    score: float = Field(ge=0, le=100, examples=[58.5])
    grade: str = Field(examples=["important"], description="core 核心, important 重要, general")
    as_of: dt.date
    factors: list[FactorOut]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action = Field(examples=["license"])
    reason: str = Field(min_length=1, max_length=2000, examples=["非核心业务，许可给下游电池厂"])
    due: IsoDate | None = Field(default=None, description="when to look at it again")


class DecisionOut(BaseModel):
    id: int
    patent: str
    action: str
    reason: str
    due: str | None
    who: str = Field(description="the API key's name")
    role: str
    at: str


class ReviewItemOut(BaseModel):
    patent: str
    title: str
    grade: str | None
    score: float | None
    owners: list[str]
    reason: ReviewReason
    due: str
    amount: int | None = Field(default=None, description="annual fee in yuan (CNIPA schedule)")
    year: int | None = Field(default=None, description="the patent year the fee keeps in force")
    last_decision: str | None = None


class ReviewQueueOut(BaseModel):
    before: dt.date
    items: list[ReviewItemOut]


class BudgetOut(BaseModel):
    organization: str
    start: str
    before: str
    total: int = Field(description="yuan")
    by_grade: dict[str, int]
    by_subsidiary: dict[str, dict[str, int]]
    items: list[ReviewItemOut]


class WatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: WatchKind = Field(examples=["organization"])
    target: str = Field(min_length=1, max_length=500, examples=["宁德时代"])


class WatchOut(BaseModel):
    id: int
    kind: str
    target: str = Field(description="as monitoring compares it: a patent id, an organisation id")
    created: str


class ChangeOut(BaseModel):
    before: str | None
    after: str | None


class AlertWatchOut(BaseModel):
    id: int
    kind: str
    target: str


class DeliveryOut(BaseModel):
    status: str = Field(description="delivered or failed")
    attempts: int
    error: str | None


class AlertOut(BaseModel):
    id: int
    at: str
    kind: str = Field(examples=["licence"])
    patent: str
    title: str
    organizations: list[str]
    change: ChangeOut
    evidence: list[str] = Field(description="contract, case or declaration ids; source records")
    watch: AlertWatchOut
    delivery: DeliveryOut | None = Field(default=None, description="the webhook's outcome")


class AlertsOut(BaseModel):
    alerts: list[AlertOut]
    next_before_id: int | None = Field(
        default=None, description="pass as `before_id` for older ones"
    )
