"""The value model wired to the graph: a patent's state -> its indicators -> score and grade.

The score and grade are stored on the Patent node (`value_score`, `grade`, `value_as_of`), so
KPIs, due diligence and the portfolio queries read them like any property; the patent page
recomputes the explanation (`factors`) from the same state with the same model.
"""

from __future__ import annotations

from datetime import date

from graph.model import NodeLabel, NodeRow
from graph.store import GraphWriter
from graph.value_model import (
    InvalidationHistory,
    LegalStatus,
    PatentKind,
    PatentValue,
    SepStatus,
    ValueIndicators,
    ValueModel,
    assess,
)
from usecases.patent_state import PatentState

VALUE_SOURCE = "value-model/1"


def indicators_of(state: PatentState) -> ValueIndicators:
    kinds = {k.value for k in PatentKind}
    statuses = {s.value for s in LegalStatus}
    sep = (
        SepStatus.DECLARED
        if state.sep_standards
        else SepStatus.CANDIDATE if state.standards_mentioned else SepStatus.NONE
    )
    return ValueIndicators(
        kind=PatentKind(state.kind) if state.kind in kinds else None,
        legal_status=LegalStatus(state.legal_status) if state.legal_status in statuses else None,
        filing_date=_date(state.filing_date),
        claims=state.claims,
        independent_claims=state.independent_claims,
        family_countries=state.family_countries,
        invalidation=InvalidationHistory(state.invalidation),
        forward_citations=state.forward_citations,
        ipc_subclasses=len({code[:4] for code in state.ipc}),
        ipc_groups=len({code.split("/")[0] for code in state.ipc}),
        sep=sep,
        standards_mentioned=len(state.standards_mentioned),
        licensed=bool(state.licensees),
        pledged=bool(state.pledgees),
        transferred=bool(state.transferees),
        litigated=bool(state.cases),
        co_owned=len(state.owners) > 1,
        used_in_product=state.used_in_product,
    )


def value_of(state: PatentState, model: ValueModel, as_of: date) -> PatentValue:
    return assess(indicators_of(state), model, as_of)


def store_values(
    graph: GraphWriter, values: dict[str, PatentValue], as_of: date
) -> None:
    """Write score and grade onto the patents (properties merge; provenance names the model)."""
    rows = [
        NodeRow(
            patent_id,
            {"value_score": value.score, "grade": value.grade.value,
             "value_as_of": as_of.isoformat()},
            VALUE_SOURCE,
        )
        for patent_id, value in sorted(values.items())
    ]
    if rows:
        graph.upsert_nodes(NodeLabel.PATENT, rows)


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
