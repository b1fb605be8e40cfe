"""The conflict view: the analysis, the briefing's pieces, and the picture as the browser needs it.

The picture is the briefing's own: ``report.layout`` places the actors and
``report.svg`` draws them, so the web app and the briefing always agree. The
browser gets that SVG and, beside it, where every node sits and which claims
stand behind every node and tie, to drag nodes and fill the side panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allegiance.analyst import Analyst
from allegiance.graph.analysis import Analysis
from allegiance.graph.wording import Namer
from allegiance.model import Conflict
from allegiance.report.briefing import Briefing, build_briefing
from allegiance.report.evidence import describe_claim
from allegiance.report.layout import Node
from allegiance.report.render import ROLE_WORDS
from allegiance.report.svg import Segment, alignment_svg, segments


@dataclass(frozen=True, slots=True)
class ConflictView:
    """Everything the conflict page and ``/api/conflicts/A:B`` show."""

    analysis: Analysis
    briefing: Briefing
    svg: str
    graph: dict[str, Any]
    years: tuple[int, int]  # the years the time slider spans

    @property
    def conflict(self) -> Conflict:
        return self.analysis.conflict

    def to_dict(self) -> dict[str, Any]:
        """``Analysis.to_dict()`` (the shape of ``analyze --format json``) plus the picture."""
        return self.analysis.to_dict() | {"graph": self.graph | {"svg": self.svg}}


def conflict_view(analyst: Analyst, conflict: Conflict, years: tuple[int, int]) -> ConflictView:
    """Analyse ``conflict`` and lay out its picture."""
    analysis = analyst.analyze(conflict)
    briefing = build_briefing(analyst, analysis, with_buildup=False)
    svg = alignment_svg(
        briefing.picture,
        title=f"Alignment picture: {briefing.title}",
        name=briefing.name,
        describe=lambda node: describe_node(node, briefing),
        id_prefix="graph",
    )
    graph = graph_data(analysis, briefing, analyst, years)
    return ConflictView(analysis, briefing, svg, graph, years)


def describe_node(node: Node, briefing: Briefing) -> str:
    """'Russia (RUS): arms both sides'."""
    words = ROLE_WORDS.get(str(node.role), str(node.role))
    return f"{briefing.name(node.code)} ({node.code}): " + words.format(
        side=briefing.name(node.side or "")
    )


def graph_data(
    analysis: Analysis, briefing: Briefing, analyst: Analyst, years: tuple[int, int]
) -> dict[str, Any]:
    """Where each node sits, what each tie is, and the claims behind them."""
    picture = briefing.picture
    drawn = segments(picture, briefing.name)
    ties = [_tie(segment) for segment in drawn]
    claim_ids = sorted({c for segment in drawn for c in segment.tie.claims})
    return {
        "sides": list(picture.sides),
        "width": picture.width,
        "height": picture.height,
        "years": list(years),
        "nodes": [_node(node, briefing, ties) for node in picture.nodes],
        "ties": ties,
        "claims": {str(i): _claim(analysis, i, analyst.namer) for i in claim_ids},
        "left_out": list(picture.left_out),
    }


def _node(node: Node, briefing: Briefing, ties: list[dict[str, Any]]) -> dict[str, Any]:
    mine = [t for t in ties if node.code in (t["u"], t["v"])]
    return {
        "code": node.code,
        "name": briefing.name(node.code),
        "label": " ".join(node.lines),
        "role": str(node.role),
        "side": node.side,
        "describe": describe_node(node, briefing),
        "x": round(node.x, 1),
        "y": round(node.y, 1),
        "radius": node.radius,
        "box": [round(v, 1) for v in (node.box.x, node.box.y, node.box.width, node.box.height)],
        "pressured": node.pressured,
        "claims": sorted({c for t in mine for c in t["claims"]}),
    }


def _tie(segment: Segment) -> dict[str, Any]:
    tie = segment.tie
    start = tie.source or tie.u
    return {
        "u": tie.u,
        "v": tie.v,
        "from": start,
        "to": tie.v if start == tie.u else tie.u,
        "style": str(tie.style),
        "kinds": list(tie.kinds),
        "weight": round(tie.weight, 3),
        "claims": list(tie.claims),
        "findings": list(tie.findings),
        "arrow": segment.arrow,
        "title": segment.title,
        "path": segment.path,
    }


def _claim(analysis: Analysis, claim_id: int, name: Namer) -> dict[str, Any]:
    claim = analysis.claims.get(claim_id)
    if claim is None:
        return {"id": claim_id, "text": f"claim {claim_id}", "kind": None, "review": None}
    return {
        "id": claim_id,
        "kind": str(claim.kind),
        "text": describe_claim(claim, name),
        "review": str(claim.review),
        "confidence": round(claim.confidence, 2),
        "sources": len({e.document_id for e in claim.evidence}),
    }
