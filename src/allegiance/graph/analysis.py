"""The analysis of a conflict: sides, third parties, odd alignments, frustration.

``analyze`` takes the claims valid for the conflict's window (the store has
already dropped rejected and not-yet-published evidence) and returns a typed
``Analysis`` whose ``to_dict`` is the documented JSON shape.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from allegiance.graph import camps
from allegiance.graph.balance import Frustration
from allegiance.graph.findings import Context, Finding, detect
from allegiance.graph.pressure import cross_pressures
from allegiance.graph.sides import Backer, ThirdParty, backers, third_parties
from allegiance.graph.signed import SignedGraph, build_graph
from allegiance.graph.wording import Namer
from allegiance.model import Claim, Conflict


@dataclass(frozen=True, slots=True)
class Analysis:
    conflict: Conflict
    graph: SignedGraph
    sides: dict[str, tuple[Backer, ...]]
    third_parties: tuple[ThirdParty, ...]
    findings: tuple[Finding, ...]
    frustration: Frustration
    claims: dict[int, Claim]

    def camps(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The two camps, side A's first."""
        first, second = self.frustration.camps
        if self.conflict.side_a in second:
            return second, first
        return first, second

    def to_dict(self) -> dict[str, Any]:
        return {
            "conflict": self.conflict.to_dict(),
            "sides": {
                side: {"backers": [b.to_dict() for b in found]}
                for side, found in self.sides.items()
            },
            "third_parties": [t.to_dict() for t in self.third_parties],
            "findings": [f.to_dict() | {"evidence": self._evidence(f)} for f in self.findings],
            "frustration": self._frustration_dict(),
        }

    def _evidence(self, finding: Finding) -> list[dict[str, Any]]:
        out = []
        for claim_id in finding.claims:
            claim = self.claims.get(claim_id)
            if claim is None:
                continue
            out += [
                {
                    "claim": claim_id,
                    "document": piece.document_id,
                    "text": piece.text,
                    "start": piece.start,
                    "end": piece.end,
                    "row": piece.row,
                    "status": str(piece.status) if piece.status else None,
                }
                for piece in claim.evidence
            ]
        return out

    def _frustration_dict(self) -> dict[str, Any]:
        result = self.frustration
        violations = []
        for edge in result.violations:
            tie = self.graph.tie(edge.u, edge.v)
            violations.append(
                {
                    "actors": [edge.u, edge.v],
                    "sign": "+" if edge.sign > 0 else "-",
                    "claims": list(tie.claims) if tie else [],
                }
            )
        return {
            "index": result.index,
            "exact": result.exact,
            "lower_bound": result.lower_bound,
            "camps": [list(camp) for camp in self.camps()],
            "violations": violations,
        }


def analyze(
    claims: Sequence[Claim],
    conflict: Conflict,
    *,
    name: Namer,
    organisation_type: Callable[[str], str | None],
    extra_findings: Callable[[Analysis], Sequence[Finding]] | None = None,
    articles: Collection[str] | None = None,
) -> Analysis:
    """Sides, stances, odd alignments and the frustration index of ``conflict``.

    ``articles`` (ids of article documents) lets each third party's stance be
    given as the news alone tells it, beside the stance from every source.
    """
    reference_year = _reference_year(claims, conflict)
    graph = build_graph(claims, conflict, organisation_type, reference_year)
    sides = {side: backers(claims, side, reference_year) for side in conflict.sides}
    news_sides = None
    if articles is not None:
        reported = [c for c in claims if any(e.document_id in articles for e in c.evidence)]
        news_sides = {side: backers(reported, side, reference_year) for side in conflict.sides}
    third = third_parties(graph, conflict, sides, news_sides)
    balance = camps.solve(graph.signed_edges(), conflict)
    ctx = Context(graph, conflict, sides, name, organisation_type)
    found = detect(ctx)
    if balance.apart:
        found += cross_pressures(ctx, third)
    analysis = Analysis(
        conflict,
        graph,
        sides,
        third,
        tuple(found),
        balance.result,
        {c.id: c for c in claims if c.id is not None},
    )
    if extra_findings is None:
        return analysis
    extra = tuple(f for f in extra_findings(analysis) if f.claims)
    return Analysis(
        conflict, graph, sides, third, analysis.findings + extra, balance.result, analysis.claims
    )


def _reference_year(claims: Sequence[Claim], conflict: Conflict) -> int | None:
    """The year ties are weighed from: the window's end, the as-of date, or the latest claim."""
    if conflict.end is not None:
        return conflict.end
    if conflict.as_of is not None:
        return conflict.as_of.year
    years = [y for c in claims for y in (c.start, c.end) if y is not None]
    return max(years) if years else None
