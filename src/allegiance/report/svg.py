"""The alignment picture and the timeline as static SVG, drawn from their pure layouts.

Styles are presentation attributes, not a stylesheet, so an SVG stands on its
own (in the briefing, in the web app, saved to a file) and keeps its meaning
in black-and-white print: friendly ties are solid, hostile ties dashed,
memberships dotted, and ties behind a finding sit on a wide pale band.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from allegiance.report.chart import TimelineChart
from allegiance.report.labels import FONT_FAMILY, FONT_SIZE
from allegiance.report.layout import Layout, Node, Role
from allegiance.report.templating import html_environment
from allegiance.report.ties import DrawnTie, Style

COLOURS = {Style.POSITIVE: "#2166ac", Style.NEGATIVE: "#b2182b", Style.MEMBERSHIP: "#7a7a7a"}
DASHES = {Style.POSITIVE: None, Style.NEGATIVE: "7 4", Style.MEMBERSHIP: "1.5 3"}
HIGHLIGHT = "#f4b942"
BEND, MAX_BEND = 0.12, 36.0  # how far an arc bows: a share of its length, at most
ARROW_ROOM = 7.5  # the arrowhead's length past the line's trimmed end


@dataclass(frozen=True, slots=True)
class Marker:
    """How a node is drawn: shape, fill, outline."""

    shape: str  # "circle" or "square"
    fill: str
    stroke: str
    stroke_width: float


MARKERS = {
    Role.SIDE: Marker("circle", "#222222", "#222222", 1.0),
    Role.BACKER: Marker("circle", "#6b6b6b", "#333333", 1.0),
    Role.LEANS: Marker("circle", "#cfcfcf", "#555555", 1.0),
    Role.BOTH: Marker("circle", "#ffffff", "#222222", 3.0),
    Role.SIDELINES: Marker("circle", "#ffffff", "#777777", 1.2),
    Role.ORGANISATION: Marker("square", "#eeeeee", "#555555", 1.2),
}


ROLE_KINDS = frozenset(str(role) for role in Role)


@dataclass(frozen=True, slots=True)
class Segment:
    """A tie as a gentle arc between the edges of its two markers.

    Arcs rather than straight lines, so a tie never runs exactly through an
    actor standing between its two ends (side A, the middle and side B share
    a centre line).
    """

    tie: DrawnTie
    path: str
    colour: str
    dash: str | None
    width: float
    arrow: bool
    title: str


def segments(layout: Layout, name: Callable[[str], str]) -> list[Segment]:
    """Every drawn tie as an arc, membership first so friendly and hostile ties lie on top."""
    order = {Style.MEMBERSHIP: 0, Style.POSITIVE: 1, Style.NEGATIVE: 2}
    ties = sorted(layout.ties, key=lambda t: (order[t.style], t.u, t.v, t.lane))
    return [_segment(layout, tie, name) for tie in ties]


def _segment(layout: Layout, tie: DrawnTie, name: Callable[[str], str]) -> Segment:
    first = tie.source or tie.u
    start, end = layout.node(first), layout.node(tie.v if first == tie.u else tie.u)
    arrow = tie.source is not None
    room = ARROW_ROOM if arrow else 0.0
    if tie.pair == frozenset(layout.sides) and tie.lane < len(layout.side_arcs):
        path = _over_the_top(start, end, layout.side_arcs[tie.lane], room)
    else:
        path = _arc(start, end, _control(layout.node(tie.u), layout.node(tie.v), tie.lane), room)
    width = 1.0 if tie.style is Style.MEMBERSHIP else 1.2 + 0.6 * min(tie.weight, 2.0)
    behind = f"; behind finding {', '.join(map(str, tie.findings))}" if tie.findings else ""
    joint = " → " if arrow else " – "
    return Segment(
        tie,
        path,
        COLOURS[tie.style],
        DASHES[tie.style],
        round(width, 2),
        arrow,
        f"{name(start.code)}{joint}{name(end.code)}: {', '.join(tie.kinds)}{behind}",
    )


def _control(u: Node, v: Node, lane: int) -> tuple[float, float]:
    """The arc's control point: off the midpoint, to the left of u → v (u, v in code order).

    A second line between the same two actors bows the other way.
    """
    dx, dy = v.x - u.x, v.y - u.y
    length = math.hypot(dx, dy) or 1.0
    bend = min(BEND * length, MAX_BEND) * (-1 if lane else 1)
    return (u.x + v.x) / 2 - dy / length * bend, (u.y + v.y) / 2 + dx / length * bend


def _arc(start: Node, end: Node, control: tuple[float, float], room: float) -> str:
    """A quadratic arc from marker edge to marker edge (leaving ``room`` for an arrowhead)."""
    cx, cy = control
    x1, y1 = _toward(start, cx, cy, start.extent + 1.0)
    x2, y2 = _toward(end, cx, cy, end.extent + 1.0 + room)
    return f"M{x1},{y1} Q{round(cx, 1)},{round(cy, 1)} {x2},{y2}"


def _over_the_top(start: Node, end: Node, control_y: float, room: float) -> str:
    """The sides' own tie: up from one side, over every actor, down to the other."""
    x1, y1 = _toward(start, start.x, control_y, start.extent + 1.0)
    x2, y2 = _toward(end, end.x, control_y, end.extent + 1.0 + room)
    return f"M{x1},{y1} C{start.x},{control_y} {end.x},{control_y} {x2},{y2}"


def _toward(node: Node, x: float, y: float, distance: float) -> tuple[float, float]:
    """The point ``distance`` from a node's centre toward (x, y)."""
    dx, dy = x - node.x, y - node.y
    length = math.hypot(dx, dy) or 1.0
    return round(node.x + dx / length * distance, 1), round(node.y + dy / length * distance, 1)


def alignment_svg(
    layout: Layout,
    *,
    title: str,
    name: Callable[[str], str] = str,
    describe: Callable[[Node], str] | None = None,
    id_prefix: str = "alignment",
) -> str:
    """The picture as an inline ``<svg>`` that scales with its viewBox; all text escaped."""
    template = html_environment().get_template("alignment.svg.j2")
    return template.render(
        layout=layout,
        segments=segments(layout, name),
        markers=MARKERS,
        title=title,
        describe=describe or (lambda node: " ".join(node.lines)),
        prefix=id_prefix,
        highlight=HIGHLIGHT,
        arrow_colour=COLOURS[Style.POSITIVE],
        font_family=FONT_FAMILY,
        font_size=FONT_SIZE,
    ).strip()


def legend_svg(kind: str) -> str:
    """A small swatch for the legend: a tie style, a highlight, an arrow or a node marker."""
    template = html_environment().get_template("legend.svg.j2")
    marker = MARKERS[Role(kind)] if kind in ROLE_KINDS else None
    return template.render(
        kind=kind,
        colours=COLOURS,
        dashes=DASHES,
        highlight=HIGHLIGHT,
        marker=marker,
    ).strip()


def timeline_svg(chart: TimelineChart, *, title: str, id_prefix: str = "timeline") -> str:
    """The timeline chart as an inline ``<svg>``; all text escaped."""
    template = html_environment().get_template("timeline.svg.j2")
    return template.render(
        chart=chart, title=title, prefix=id_prefix, font_family=FONT_FAMILY
    ).strip()
