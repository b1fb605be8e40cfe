"""The timeline as a chart: bars per side and year, a strip of hostility counts, a legend.

Pure geometry in the SVG's own units; ``report.svg`` draws it. Side A's bars
are solid and side B's hatched, so the two read apart in black-and-white print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from allegiance.report.labels import text_width
from allegiance.report.timeline import Timeline

WIDTH = 720.0
LEFT, RIGHT = 40.0, 12.0  # room for the count axis on the left
LEGEND_ROW = 20.0
PLOT_HEIGHT = 150.0
AXIS_LABELS = 20.0
STRIP = 26.0
BOTTOM = 8.0
SMALL = 11.0  # font size of axis labels and the legend
SWATCH = 12.0
YEAR_STEPS = (1, 2, 5, 10, 20)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int  # 0 for side A, 1 for side B
    year: int
    count: int


@dataclass(frozen=True, slots=True)
class Cell:
    """A year's hostility count in the strip under the axis."""

    x: float
    y: float
    size: float
    year: int
    count: int
    opacity: float
    labelled: bool  # whether the count fits inside the cell


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class LegendItem:
    x: float
    y: float
    kind: str  # "a", "b" or "hostility"
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: float
    height: float
    left: float
    top: float
    plot_width: float
    plot_height: float
    strip_y: float
    bars: tuple[Bar, ...]
    cells: tuple[Cell, ...]
    years: tuple[Tick, ...]
    counts: tuple[Tick, ...]
    legend: tuple[LegendItem, ...]

    @property
    def bottom(self) -> float:
        return self.top + self.plot_height


def timeline_chart(timeline: Timeline, labels: tuple[str, str, str]) -> TimelineChart:
    """The chart of ``timeline``; ``labels`` name side A's bars, side B's, and the strip."""
    legend = _legend(labels)
    top = max(item.y for item in legend) + LEGEND_ROW / 2 + 8
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / max(1, len(timeline.years))
    highest = max((max(y.transfers_a, y.transfers_b) for y in timeline.years), default=0)
    scale = _scale_top(highest)
    strip_y = top + PLOT_HEIGHT + AXIS_LABELS
    return TimelineChart(
        width=WIDTH,
        height=round(strip_y + STRIP + BOTTOM, 1),
        left=LEFT,
        top=top,
        plot_width=plot_width,
        plot_height=PLOT_HEIGHT,
        strip_y=strip_y,
        bars=tuple(_bars(timeline, slot, top, scale)),
        cells=tuple(_cells(timeline, slot, strip_y)),
        years=tuple(_year_ticks(timeline, slot)),
        counts=tuple(_count_ticks(scale, top)),
        legend=legend,
    )


def _legend(labels: tuple[str, str, str]) -> tuple[LegendItem, ...]:
    items, x, y = [], LEFT, LEGEND_ROW / 2
    for kind, label in zip(("a", "b", "hostility"), labels, strict=True):
        needed = SWATCH + 4 + text_width(label, SMALL)
        if x > LEFT and x + needed > WIDTH - RIGHT:
            x, y = LEFT, y + LEGEND_ROW
        items.append(LegendItem(round(x, 1), y, kind, label))
        x += needed + 18
    return tuple(items)


def _scale_top(highest: int) -> int:
    """The top of the count axis: a round number at or above the highest bar."""
    step = _count_step(highest)
    return max(step, math.ceil(highest / step) * step)


def _count_step(highest: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100):
        if highest <= 5 * step:
            return step
    return math.ceil(highest / 5)


def _bars(timeline: Timeline, slot: float, top: float, scale: int) -> list[Bar]:
    width = slot * 0.36
    bars = []
    for i, year in enumerate(timeline.years):
        centre = LEFT + slot * (i + 0.5)
        for series, count in enumerate((year.transfers_a, year.transfers_b)):
            if not count:
                continue
            height = PLOT_HEIGHT * count / scale
            x = centre - width - 1 if series == 0 else centre + 1
            bars.append(
                Bar(
                    round(x, 1),
                    round(top + PLOT_HEIGHT - height, 1),
                    round(width, 1),
                    round(height, 1),
                    series,
                    year.year,
                    count,
                )
            )
    return bars


def _cells(timeline: Timeline, slot: float, strip_y: float) -> list[Cell]:
    highest = max((y.hostility for y in timeline.years), default=0)
    size = min(slot - 2, STRIP - 6)
    labelled = text_width(str(highest), SMALL) + 2 <= size
    cells = []
    for i, year in enumerate(timeline.years):
        if not year.hostility:
            continue
        centre = LEFT + slot * (i + 0.5)
        opacity = 0.15 + 0.45 * year.hostility / highest
        cells.append(
            Cell(
                round(centre - size / 2, 1),
                round(strip_y + (STRIP - size) / 2, 1),
                round(size, 1),
                year.year,
                year.hostility,
                round(opacity, 2),
                labelled,
            )
        )
    return cells


def _year_ticks(timeline: Timeline, slot: float) -> list[Tick]:
    room = text_width("2000", SMALL) + 8
    step = next((s for s in YEAR_STEPS if slot * s >= room), YEAR_STEPS[-1])
    return [
        Tick(round(LEFT + slot * (i + 0.5), 1), str(year.year))
        for i, year in enumerate(timeline.years)
        if year.year % step == 0 or len(timeline.years) <= step
    ]


def _count_ticks(scale: int, top: float) -> list[Tick]:
    step = _count_step(scale)
    return [
        Tick(round(top + PLOT_HEIGHT * (1 - value / scale), 1), str(value))
        for value in range(0, scale + 1, step)
    ]
