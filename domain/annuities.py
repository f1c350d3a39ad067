"""Annual fees (年费) of Chinese patents: when each is due and how much, per CNIPA's schedule.

Amounts (yuan per year, no fee reduction applied) from CNIPA's fee schedule 专利收费标准
(国家知识产权局 "专利收费、集成电路布图设计收费标准", fees set by 国家发展改革委、财政部
发改价格〔2017〕270号 / 财税〔2017〕8号), with the design-patent years 11 to 15 added when the
design term became 15 years (专利法 2020 amendment, in force 2021-06-01). docs/WORKFLOW.md lists
them. Applicants entitled to 费减 pay 15 % or 30 % of these; the budget view shows the full fee.

The fee for patent year n (year 1 starts on the filing date) is due before that year starts,
i.e. by the (n-1)th anniversary of the filing date; the first annuity after grant is paid with
the grant formalities, so only granted (valid) patents have annuities due here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# (first year, last year, yuan per year)
ANNUITY_SCHEDULE: dict[str, tuple[tuple[int, int, int], ...]] = {
    "invention": (
        (1, 3, 900), (4, 6, 1200), (7, 9, 2000), (10, 12, 4000), (13, 15, 6000), (16, 20, 8000),
    ),
    "utility_model": ((1, 3, 600), (4, 5, 900), (6, 8, 1200), (9, 10, 2000)),
    "design": ((1, 3, 600), (4, 5, 900), (6, 8, 1200), (9, 10, 2000), (11, 15, 3000)),
}


@dataclass(frozen=True)
class AnnuityDue:
    year: int  # the patent year the fee keeps in force
    due: date
    amount: int  # yuan


def annuity_amount(kind: str, year: int) -> int | None:
    for first, last, amount in ANNUITY_SCHEDULE.get(kind, ()):
        if first <= year <= last:
            return amount
    return None


def anniversary(filed: date, years: int) -> date:
    day = min(filed.day, 28) if filed.month == 2 else filed.day
    return filed.replace(year=filed.year + years, day=day)


def annuities_due(kind: str, filed: date, expiry: date, start: date, end: date) -> list[AnnuityDue]:
    """Every annual fee due on or after `start` and before `end`, while the term lasts."""
    due: list[AnnuityDue] = []
    year = max(1, start.year - filed.year)
    while True:
        when = anniversary(filed, year - 1)
        if when >= end or when >= expiry:
            return due
        amount = annuity_amount(kind, year)
        if when >= start and amount is not None:
            due.append(AnnuityDue(year, when, amount))
        year += 1
