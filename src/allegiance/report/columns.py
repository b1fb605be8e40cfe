"""Where the actors go before collisions are removed: bands of columns, a row of organisations.

Bands, left to right: side A; the actors arming A; those leaning to A
without arming it; the third parties arming both sides or neither; those
leaning to B; the actors arming B; side B. A band longer than the picture is
tall splits into columns; each column is as wide as its widest label, so
columns never overlap. Organisations sit in a row below, each under the
middle of its members.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from allegiance.graph.analysis import Analysis
from allegiance.graph.sides import Stance
from allegiance.report.geometry import LABEL_GAP, PAD, RADIUS, RING, SIDE_RADIUS, Box, Node, Role
from allegiance.report.labels import FONT_SIZE, LINE_HEIGHT, label_lines, text_width
from allegiance.report.ties import DrawnTie, Style, TieSelection

MARGIN = 16.0
COLUMN_GAP = 18.0  # between the columns of one band
BAND_GAP = 34.0  # between bands (side, backers, leaning, middle, ...)
ROW_GAP = 12.0
ORGANISATION_GAP = 44.0  # between the lowest actor and the organisations' row
MIN_WIDTH = 760.0

Roles = dict[str, tuple[Role, str | None]]


def initial_nodes(
    analysis: Analysis,
    selection: TieSelection,
    label: Callable[[str], str],
    pressured: Collection[str],
) -> list[Node]:
    """Every actor and drawn organisation in its band, column and row, before collisions."""
    roles = roles_of(analysis, set(selection.organisations))
    sized = {
        code: _sized(code, label(code), role, side, code in pressured)
        for code, (role, side) in roles.items()
    }
    nodes = _place_columns(_columns(analysis, roles), sized)
    return nodes + _place_row(selection.organisations, selection.ties, nodes, sized)


def roles_of(analysis: Analysis, organisations: set[str]) -> Roles:
    """Each actor's role in the picture and the side it is drawn with."""
    a, b = analysis.conflict.sides
    roles: Roles = {a: (Role.SIDE, a), b: (Role.SIDE, b)}
    arming = {side: {backer.actor for backer in found} for side, found in analysis.sides.items()}
    for party in analysis.third_parties:
        if party.stance is Stance.BOTH:
            roles[party.actor] = (Role.BOTH, None)
        elif party.stance is Stance.SIDELINES:
            roles[party.actor] = (Role.SIDELINES, None)
        else:
            side = a if party.stance is Stance.BACKS_A else b
            role = Role.BACKER if party.actor in arming.get(side, ()) else Role.LEANS
            roles[party.actor] = (role, side)
    for code in organisations - {a, b}:
        roles[code] = (Role.ORGANISATION, None)
    return roles


@dataclass(frozen=True, slots=True)
class _Sized:
    code: str
    lines: tuple[str, ...]
    role: Role
    side: str | None
    radius: float
    ring: bool
    width: float
    height: float

    @property
    def extent(self) -> float:
        return self.radius + (RING if self.ring else 0.0)


def _sized(code: str, text: str, role: Role, side: str | None, ring: bool) -> _Sized:
    lines = label_lines(text)
    radius = SIDE_RADIUS if role is Role.SIDE else RADIUS
    extent = radius + (RING if ring else 0.0)
    bold = role is Role.SIDE
    widest = max(text_width(line, FONT_SIZE, bold=bold) for line in lines)
    width = max(widest, 2 * extent) + 2 * PAD
    height = 2 * extent + LABEL_GAP + len(lines) * LINE_HEIGHT + PAD
    return _Sized(code, lines, role, side, radius, ring, width, height)


def _columns(analysis: Analysis, roles: Roles) -> list[list[list[str]]]:
    """Bands left to right, each a list of columns of codes, top to bottom."""
    a, b = analysis.conflict.sides
    bands = [
        [a],
        [x.actor for x in analysis.sides.get(a, ()) if roles.get(x.actor) == (Role.BACKER, a)],
        _leaning(analysis, roles, a),
        _middle(analysis, roles),
        _leaning(analysis, roles, b),
        [x.actor for x in analysis.sides.get(b, ()) if roles.get(x.actor) == (Role.BACKER, b)],
        [b],
    ]
    actors = sum(len(band) for band in bands)
    rows = max(5, math.ceil(1.3 * math.sqrt(actors)))
    return [_split(band, rows) for band in bands if band]


def _split(band: Sequence[str], rows: int) -> list[list[str]]:
    """A band as columns of at most ``rows`` actors, filled column by column, evened out."""
    count = math.ceil(len(band) / rows)
    per = math.ceil(len(band) / count)
    return [list(band[i : i + per]) for i in range(0, len(band), per)]


def _leaning(analysis: Analysis, roles: Roles, side: str) -> list[str]:
    def pull(code: str) -> float:
        tie = analysis.graph.tie(code, side)
        return tie.positive if tie else 0.0

    found = [code for code, role in roles.items() if role == (Role.LEANS, side)]
    return sorted(found, key=lambda code: (-pull(code), code))


def _middle(analysis: Analysis, roles: Roles) -> list[str]:
    """Actors arming both sides first, then those tied to a side, then the rest."""
    sides = analysis.conflict.sides

    def rank(code: str) -> tuple[int, float, str]:
        ties = [t for side in sides if (t := analysis.graph.tie(code, side)) is not None]
        if roles[code][0] is Role.BOTH:
            return (0, 0.0, code)
        return (1 if ties else 2, -sum(t.weight for t in ties), code)

    found = [code for code, (role, _) in roles.items() if role in (Role.BOTH, Role.SIDELINES)]
    return sorted(found, key=rank)


def _place_columns(bands: list[list[list[str]]], sized: dict[str, _Sized]) -> list[Node]:
    columns = [(i, column) for i, band in enumerate(bands) for column in band]
    widths = [max(sized[code].width for code in column) for _, column in columns]
    gaps = [
        0.0 if k == 0 else (COLUMN_GAP if columns[k - 1][0] == band else BAND_GAP)
        for k, (band, _) in enumerate(columns)
    ]
    spare = max(0.0, MIN_WIDTH - 2 * MARGIN - sum(widths) - sum(gaps))
    extra = spare / (len(columns) + 1)
    heights = [_column_height(column, sized) for _, column in columns]
    tallest = max(heights, default=0.0)
    nodes: list[Node] = []
    left = MARGIN + extra
    for (_, column), width, gap, height in zip(columns, widths, gaps, heights, strict=True):
        left += gap + (extra if gap else 0.0)
        top = MARGIN + (tallest - height) / 2
        for code in column:
            nodes.append(_node(sized[code], left + width / 2, top))
            top += sized[code].height + ROW_GAP
        left += width
    return nodes


def _column_height(column: Sequence[str], sized: dict[str, _Sized]) -> float:
    return sum(sized[code].height for code in column) + ROW_GAP * (len(column) - 1)


def _node(label: _Sized, centre: float, top: float) -> Node:
    box = Box(centre - label.width / 2, top, label.width, label.height)
    return Node(
        label.code,
        label.lines,
        label.role,
        label.side,
        centre,
        top + PAD / 2 + label.extent,
        label.radius,
        box,
        label.ring,
    )


def _place_row(
    organisations: Sequence[str],
    ties: Iterable[DrawnTie],
    placed: Sequence[Node],
    sized: dict[str, _Sized],
) -> list[Node]:
    """Organisations in a row below the actors, each near the middle of its members."""
    wanted = [code for code in organisations if code not in {n.code for n in placed}]
    if not wanted:
        return []
    xs = {n.code: n.x for n in placed}
    members: dict[str, list[float]] = {code: [] for code in wanted}
    for tie in ties:
        if tie.style is Style.MEMBERSHIP and tie.v in members and tie.u in xs:
            members[tie.v].append(xs[tie.u])
    middle = (min(xs.values(), default=0.0) + max(xs.values(), default=0.0)) / 2
    desired = {c: sum(found) / len(found) if found else middle for c, found in members.items()}
    top = max((n.box.bottom for n in placed), default=MARGIN) + ORGANISATION_GAP
    right = max((n.box.right for n in placed), default=MIN_WIDTH - MARGIN)
    order = sorted(wanted, key=lambda code: (desired[code], code))
    return _sweep([_node(sized[c], desired[c], top) for c in order], MARGIN, right)


def _sweep(row: list[Node], left: float, right: float) -> list[Node]:
    """Push a row's boxes right until none touch, then back left to fit, when there is room."""
    swept: list[Node] = []
    for node in row:
        floor = swept[-1].box.right + COLUMN_GAP if swept else left
        swept.append(node.shifted(max(0.0, floor - node.box.x), 0.0))
    overflow = swept[-1].box.right - right
    room = swept[0].box.x - left
    shift = min(overflow, room) if overflow > 0 else 0.0
    return [node.shifted(-shift, 0.0) for node in swept]
