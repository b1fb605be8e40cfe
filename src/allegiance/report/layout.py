"""Where each actor of the alignment picture goes: a deterministic layout, labels never colliding.

``columns`` places the actors in bands (side A's camp on the left, side B's
on the right, the other third parties in the middle by stance, organisations
along the bottom); then ``separate`` moves a box down past any box it still
touches, so no two boxes (marker and label) overlap whatever the input.
Pure and free of drawing: ``report.svg`` and the web app draw the same
``Layout``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from allegiance.graph.analysis import Analysis
from allegiance.report.columns import MARGIN, MIN_WIDTH, initial_nodes
from allegiance.report.geometry import Box, Node, Role
from allegiance.report.ties import DrawnTie, pressured, select_ties

__all__ = ["Box", "Layout", "Node", "Role", "arc_control", "layout", "separate"]

ARC_CLEARANCE = 10.0  # between an arc joining the sides and the highest box, per line
STROKE_ROOM = 6.0  # half the widest stroke, with its highlight
# How high a cubic arc with level control points rises (as a share of the control
# points' height) a quarter of the way along, and half way: 3·¼·¾ and 3·½·½.
_QUARTER, _HALF = 0.5625, 0.75


@dataclass(frozen=True, slots=True)
class Layout:
    """The alignment picture, ready to draw: nodes, the ties between them, the canvas."""

    width: float
    height: float
    nodes: tuple[Node, ...]
    ties: tuple[DrawnTie, ...]
    sides: tuple[str, str]
    left_out: tuple[str, ...]  # organisations whose shared membership is not drawn
    side_arcs: tuple[float, ...] = ()  # per line between the sides: its control points' y

    def node(self, code: str) -> Node:
        return next(n for n in self.nodes if n.code == code)


def layout(analysis: Analysis, label: Callable[[str], str] = str) -> Layout:
    """Place every actor of ``analysis`` (and the organisations drawn) for the picture."""
    selection = select_ties(analysis)
    nodes = separate(initial_nodes(analysis, selection, label, pressured(analysis)))
    lanes = sum(tie.pair == frozenset(analysis.conflict.sides) for tie in selection.ties)
    width, height, framed = _frame(nodes, _arc_room(nodes, analysis.conflict.sides, lanes))
    arcs = _arcs(framed, analysis.conflict.sides, lanes)
    return Layout(
        width,
        height,
        tuple(framed),
        selection.ties,
        analysis.conflict.sides,
        selection.left_out,
        arcs,
    )


def separate(nodes: Sequence[Node], gap: float = 2.0) -> list[Node]:
    """Move each box down past every earlier box it touches, until none do.

    Each move puts the box below one it touched, so it only goes down and the
    loop ends; earlier boxes never move, so the order given is the priority.
    """
    placed: list[Node] = []
    for node in nodes:
        moving = node
        while hits := [p for p in placed if p.box.overlaps(moving.box, gap)]:
            below = max(p.box.bottom for p in hits) + gap
            moving = moving.shifted(0.0, below - moving.box.y)
        placed.append(moving)
    return placed


def arc_control(side_y: float, top: float, lane: int) -> float:
    """The y of the control points of a line joining the two sides over every other actor.

    The line is a cubic Bézier with both control points level, one above each
    side: it rises steeply, then runs flat, and a quarter of the way along
    (past the sides' own columns) it already clears the highest box.
    """
    clearance = ARC_CLEARANCE * (1 + lane)
    return side_y - (side_y - top + clearance) / _QUARTER


def _arc_peak(side_y: float, top: float, lane: int) -> float:
    return side_y + _HALF * (arc_control(side_y, top, lane) - side_y)


def _side_y(nodes: Sequence[Node], sides: tuple[str, str]) -> float:
    return sum(n.y for n in nodes if n.code in sides) / 2


def _arc_room(nodes: Sequence[Node], sides: tuple[str, str], lanes: int) -> float:
    """How much room the lines joining the sides need above the highest box."""
    if not lanes or not nodes:
        return 0.0
    top = min(n.box.y for n in nodes)
    peak = _arc_peak(_side_y(nodes, sides), top, lanes - 1)
    return top - peak + STROKE_ROOM


def _arcs(nodes: Sequence[Node], sides: tuple[str, str], lanes: int) -> tuple[float, ...]:
    if not nodes:
        return ()
    top = min(n.box.y for n in nodes)
    return tuple(round(arc_control(_side_y(nodes, sides), top, i), 1) for i in range(lanes))


def _frame(nodes: Sequence[Node], top_room: float) -> tuple[float, float, list[Node]]:
    """Move everything inside a margin; the canvas is as big as what it holds."""
    if not nodes:
        return MIN_WIDTH, 2 * MARGIN, []
    dx = max(0.0, MARGIN - min(n.box.x for n in nodes))
    dy = MARGIN + top_room - min(n.box.y for n in nodes)
    framed = [n.shifted(dx, dy) for n in nodes]
    width = max(max(n.box.right for n in framed) + MARGIN, MIN_WIDTH)
    height = max(n.box.bottom for n in framed) + MARGIN
    return round(width, 1), round(height, 1), framed
