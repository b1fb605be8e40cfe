"""The alignment picture's geometry: roles, boxes and placed nodes, in the picture's own units.

A node's box holds its marker (and the ring of a cross-pressured actor) and
its label lines beneath; boxes are what the layout keeps apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from allegiance.report.labels import LINE_HEIGHT

SIDE_RADIUS, RADIUS = 11.0, 7.0
RING = 4.5  # how far the ring around a cross-pressured actor reaches past its marker
LABEL_GAP = 3.0  # between a marker (or its ring) and its label
PAD = 2.0  # around a label, inside its box
DESCENT = 3.0  # from a line's baseline to the bottom of its line box


class Role(StrEnum):
    SIDE = "side"
    BACKER = "backer"  # arms one side
    LEANS = "leans"  # tied to one side only, arming neither
    BOTH = "both"  # arms both sides
    SIDELINES = "sidelines"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """Whether the boxes come closer than ``gap`` (touching edges do not overlap)."""
        return (
            self.x < other.right + gap
            and other.x < self.right + gap
            and self.y < other.bottom + gap
            and other.y < self.bottom + gap
        )

    def shifted(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.width, self.height)


@dataclass(frozen=True, slots=True)
class Node:
    """An actor's marker (centre and radius) and the box its marker and label fill."""

    code: str
    lines: tuple[str, ...]
    role: Role
    side: str | None  # the side a side, backer or leaning actor belongs with
    x: float
    y: float
    radius: float
    box: Box
    pressured: bool = False  # cross-pressured, by a finding

    @property
    def extent(self) -> float:
        """How far the marker (with its ring, if any) reaches from the centre."""
        return self.radius + (RING if self.pressured else 0.0)

    @property
    def baselines(self) -> tuple[float, ...]:
        """The y of each label line's baseline."""
        top = self.y + self.extent + LABEL_GAP
        return tuple(top + (i + 1) * LINE_HEIGHT - DESCENT for i in range(len(self.lines)))

    @property
    def bold(self) -> bool:
        return self.role is Role.SIDE

    def shifted(self, dx: float, dy: float) -> Node:
        return replace(self, x=self.x + dx, y=self.y + dy, box=self.box.shifted(dx, dy))
