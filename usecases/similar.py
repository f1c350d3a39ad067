"""Similar patents (docs/SIMILAR.md): candidates by text similarity from the index, re-ranked
with IPC overlap and citation coupling by reciprocal rank fusion, each hit with its reasons.
IPC and citations can reorder close text matches but never lift a textually unrelated patent:
they only rank the text's own candidates."""

from __future__ import annotations

import math
from dataclasses import dataclass

from domain.access import AccessPolicy
from domain.numbers import patent_lookup_keys
from search.index.protocol import (
    SIMILAR_CANDIDATES,
    Filters,
    IndexDocument,
    SearchHit,
    SimilarQuery,
)
from usecases.context import Context
from usecases.errors import ErrorCode, InvalidRequestError, NotFoundError

RRF_K = 60
TEXT_WEIGHT = 1.0
IPC_WEIGHT = 0.5
CITATION_WEIGHT = 0.5
MAX_REASON_TERMS = 10
MIN_TEXT_LENGTH = 4


@dataclass(frozen=True)
class SimilarReasons:
    shared_terms: list[str]
    shared_ipc: list[str]  # the source's and the hit's codes that overlap, as "A ~ B"
    ipc_overlap: float  # 1 same subgroup, 0.7 main group, 0.4 subclass, 0.2 class, 0 none
    shared_citations: list[str]  # documents both cite
    co_cited_by: list[str]  # documents citing both
    direct_citation: str | None  # "cites" / "cited_by" when one cites the other


@dataclass(frozen=True)
class SimilarHit:
    id: str
    score: float
    text_score: float
    document: IndexDocument
    reasons: SimilarReasons


def similar_to_patent(
    ctx: Context, number: str, size: int, policy: AccessPolicy
) -> tuple[IndexDocument, list[SimilarHit]]:
    source = _find_patent(ctx, number, policy)
    query = SimilarQuery(like_id=source.id, filters=_filters(policy), size=SIMILAR_CANDIDATES)
    page = ctx.stores.index.similar(query)
    return source, _rank(source, page.terms, page.hits, size)


def similar_to_text(ctx: Context, text: str, size: int, policy: AccessPolicy) -> list[SimilarHit]:
    if len(text.strip()) < MIN_TEXT_LENGTH:
        raise InvalidRequestError(
            ErrorCode.TEXT_TOO_SHORT,
            f"give at least {MIN_TEXT_LENGTH} characters of text",
            {"length": len(text.strip())},
        )
    query = SimilarQuery(like_text=text, filters=_filters(policy), size=SIMILAR_CANDIDATES)
    page = ctx.stores.index.similar(query)
    return _rank(None, page.terms, page.hits, size)


def _filters(policy: AccessPolicy) -> Filters:
    return Filters(asset_kinds=("patent",), hidden_asset_kinds=policy.hidden_asset_kinds)


def _find_patent(ctx: Context, number: str, policy: AccessPolicy) -> IndexDocument:
    for key, _how in patent_lookup_keys(number):
        document = ctx.stores.index.get(key)
        if document is not None and document.asset_kind not in policy.hidden_asset_kinds:
            return document
    raise NotFoundError(ErrorCode.PATENT_NOT_FOUND, f"no patent {number!r}", {"number": number})


def _rank(
    source: IndexDocument | None, terms: list[str], hits: list[SearchHit], size: int
) -> list[SimilarHit]:
    explained = [(hit, _reasons(source, terms, hit.document)) for hit in hits]
    fused: dict[str, float] = {}
    for rank, (hit, _) in enumerate(explained):
        fused[hit.id] = TEXT_WEIGHT / (RRF_K + rank + 1)
    for weight, key in (
        (IPC_WEIGHT, lambda r: r.ipc_overlap),
        (CITATION_WEIGHT, _citation_strength),
    ):
        scored = [(hit.id, key(reasons)) for hit, reasons in explained if key(reasons) > 0]
        scored.sort(key=lambda item: (-item[1], item[0]))
        for rank, (hit_id, _) in enumerate(scored):
            fused[hit_id] += weight / (RRF_K + rank + 1)
    ordered = sorted(explained, key=lambda item: (-fused[item[0].id], item[0].id))
    return [
        SimilarHit(hit.id, round(fused[hit.id], 6), hit.score, hit.document, reasons)
        for hit, reasons in ordered[:size]
    ]


def _reasons(
    source: IndexDocument | None, terms: list[str], candidate: IndexDocument
) -> SimilarReasons:
    text = f"{candidate.title} {candidate.abstract} {candidate.claims}".lower()
    shared_terms = [t for t in terms if t in text][:MAX_REASON_TERMS]
    if source is None:
        return SimilarReasons(shared_terms, [], 0.0, [], [], None)
    overlap, pairs = ipc_overlap(source.ipc, candidate.ipc)
    direct = None
    if candidate.id in source.cited_patents or source.id in candidate.citing_patents:
        direct = "cites"
    elif candidate.id in source.citing_patents or source.id in candidate.cited_patents:
        direct = "cited_by"
    return SimilarReasons(
        shared_terms,
        pairs,
        overlap,
        sorted(set(source.cited_patents) & set(candidate.cited_patents)),
        sorted(set(source.citing_patents) & set(candidate.citing_patents)),
        direct,
    )


def _citation_strength(reasons: SimilarReasons) -> float:
    """1 for a direct citation; otherwise bibliographic coupling plus co-citation counts
    (normalised by the caller's ranks, so raw counts are enough to order)."""
    if reasons.direct_citation is not None:
        return 1.0 + len(reasons.shared_citations) + len(reasons.co_cited_by)
    shared = len(reasons.shared_citations) + len(reasons.co_cited_by)
    return shared / math.sqrt(shared + 1) if shared else 0.0


def ipc_overlap(source: list[str], candidate: list[str]) -> tuple[float, list[str]]:
    """The best level two code lists share: 1.0 same subgroup (H01M10/0525), 0.7 same main
    group (H01M10), 0.4 same subclass (H01M), 0.2 same class (H01); with the pairs at it."""
    best, pairs = 0.0, []
    for a in source:
        for b in candidate:
            level = _ipc_level(a, b)
            if level > best:
                best, pairs = level, [f"{a} ~ {b}"]
            elif level == best and level > 0:
                pairs.append(f"{a} ~ {b}")
    return best, pairs


def _ipc_level(a: str, b: str) -> float:
    a, b = a.replace(" ", "").upper(), b.replace(" ", "").upper()
    if a == b:
        return 1.0
    if a.split("/")[0] == b.split("/")[0] and "/" in a and "/" in b:
        return 0.7
    if a[:4] == b[:4] and len(a) >= 4:
        return 0.4
    if a[:3] == b[:3] and len(a) >= 3:
        return 0.2
    return 0.0
