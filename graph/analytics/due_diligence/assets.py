"""Assets: the portfolio by kind, status, country and grade; what expires within the horizon."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from graph.analytics.due_diligence.model import Evidence, Report, RiskFlag
from graph.model import PatentFacts

# Terms of protection in China, in years from filing (designs filed from 2021-06-01: 15).
TERMS = {"invention": 20, "utility_model": 10, "design": 10}
DESIGN_15_FROM = "2021-06-01"


def expiry(fact: PatentFacts) -> str | None:
    if not fact.filing_date or fact.kind not in TERMS:
        return None
    years = TERMS[fact.kind]
    if fact.kind == "design" and fact.filing_date >= DESIGN_15_FROM:
        years = 15
    filed = dt.date.fromisoformat(fact.filing_date)
    try:
        return filed.replace(year=filed.year + years).isoformat()
    except ValueError:  # 29 February
        return filed.replace(year=filed.year + years, day=28).isoformat()


def add_assets(report: Report, facts: list[PatentFacts], today: dt.date) -> None:
    horizon = today.replace(year=today.year + report.years).isoformat()
    valid = [f for f in facts if f.legal_status == "valid"]
    expiring = sorted((f.id, e) for f in valid if (e := expiry(f)) is not None and e <= horizon)
    report.assets = {
        "patents": len(facts),
        "by_kind": dict(sorted(Counter(f.kind or "unknown" for f in facts).items())),
        "by_status": dict(sorted(Counter(f.legal_status or "unknown" for f in facts).items())),
        "by_country": dict(sorted(Counter(f.country or "unknown" for f in facts).items())),
        "by_grade": dict(sorted(Counter(f.grade or "ungraded" for f in facts).items())),
        "valid": len(valid),
        "lapsed": sum(1 for f in facts if f.legal_status == "lapsed"),
        "expiring": [{"patent": p, "expires": e} for p, e in expiring],
    }
    if expiring:
        severity = "medium" if len(expiring) * 4 >= max(1, len(valid)) else "low"
        report.flags.append(
            RiskFlag(
                "EXPIRING",
                severity,
                f"{len(valid)} 件有效专利中有 {len(expiring)} 件将在 {report.years} 年内到期",
                [Evidence("Patent", p, None, {"expires": e}, []) for p, e in expiring],
            )
        )
