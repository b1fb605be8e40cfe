"""Collapsing year-by-year rows into periods: one piece of evidence per run of years."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive years a dataset records a tie, and the first source line of the run."""

    since: int
    until: int
    line: int


def runs(years: Mapping[int, int], observed: Sequence[int] | None = None) -> list[Run]:
    """Runs of consecutive years from ``{year: first line}``.

    Years are consecutive when they follow each other in ``observed`` (the
    years the dataset has observations for, e.g. an IGO coded only every five
    years before 1965), or by one calendar year when ``observed`` is None.
    """
    position = {year: i for i, year in enumerate(observed)} if observed is not None else None
    found: list[Run] = []
    current: list[int] = []
    for year in sorted(years):
        if current and not _follows(current[-1], year, position):
            found.append(_run(current, years))
            current = []
        current.append(year)
    if current:
        found.append(_run(current, years))
    return found


def _run(span: list[int], years: Mapping[int, int]) -> Run:
    return Run(span[0], span[-1], min(years[y] for y in span))


def _follows(previous: int, year: int, position: Mapping[int, int] | None) -> bool:
    if position is None:
        return year == previous + 1
    return position.get(year, -2) == position.get(previous, -9) + 1


def first_lines(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """``{year: first line}`` from (year, line) pairs."""
    out: dict[int, int] = {}
    for year, line in pairs:
        if year not in out or line < out[year]:
            out[year] = line
    return out
