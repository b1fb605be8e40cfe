"""The conflict by year: transfers to each side, and the hostility reported between the sides.

A transfer counts in its claim's year (the order or transfer year), unless a
source denies it. Hostility counts every piece of evidence for a hostility
claim between the two sides in each year its period covers; a period still
running covers the years up to the end of the timeline. Without a window
the timeline starts with the first year that has data, but shows at most the
last ``MAX_YEARS`` (decades-old rivalries would squeeze the recent years).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from allegiance.graph.analysis import Analysis
from allegiance.model import Claim, ClaimKind, Evidence, Status

MAX_YEARS = 40


@dataclass(frozen=True, slots=True)
class TimelineYear:
    year: int
    transfers_a: int
    transfers_b: int
    hostility: int

    @property
    def empty(self) -> bool:
        return not (self.transfers_a or self.transfers_b or self.hostility)

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "transfers": [self.transfers_a, self.transfers_b],
            "hostility": self.hostility,
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    sides: tuple[str, str]
    years: tuple[TimelineYear, ...]

    @property
    def empty(self) -> bool:
        return all(year.empty for year in self.years)

    def to_dict(self) -> dict[str, Any]:
        return {"sides": list(self.sides), "years": [y.to_dict() for y in self.years]}


def timeline(analysis: Analysis) -> Timeline:
    """Transfers per side and hostility evidence between the sides, for every year in range."""
    a, b = analysis.conflict.sides
    claims = list(analysis.claims.values())
    transfers = {side: _transfer_years(claims, side) for side in (a, b)}
    pieces = [p for c in claims if _between(c, a, b) for p in c.evidence if p.since is not None]
    span = _span(analysis, [*transfers[a].elements(), *transfers[b].elements()], pieces)
    if span is None:
        return Timeline((a, b), ())
    first, last = span
    hostility = _hostility_years(pieces, last)
    years = tuple(
        TimelineYear(year, transfers[a][year], transfers[b][year], hostility[year])
        for year in range(first, last + 1)
    )
    return Timeline((a, b), years)


def _transfer_years(claims: Iterable[Claim], side: str) -> Counter[int]:
    return Counter(
        claim.start
        for claim in claims
        if claim.kind is ClaimKind.SUPPLY
        and claim.object == side
        and claim.start is not None
        and claim.status is not Status.DENIED
    )


def _between(claim: Claim, a: str, b: str) -> bool:
    return claim.kind is ClaimKind.HOSTILITY and {claim.subject, claim.object} == {a, b}


def _span(
    analysis: Analysis, transfer_years: list[int], pieces: list[Evidence]
) -> tuple[int, int] | None:
    """The conflict's window, or else the years the transfers and the hostility cover."""
    years = set(transfer_years)
    years |= {y for p in pieces for y in (p.since, p.until) if y is not None}
    conflict = analysis.conflict
    first = conflict.start if conflict.start is not None else min(years, default=None)
    last = conflict.end if conflict.end is not None else max(years, default=None)
    if first is None or last is None or last < first:
        return None
    if conflict.start is None:
        first = max(first, last - MAX_YEARS + 1)
    return first, last


def _hostility_years(pieces: Iterable[Evidence], last: int) -> Counter[int]:
    counts: Counter[int] = Counter()
    for piece in pieces:
        assert piece.since is not None
        until = piece.until if piece.until is not None else last
        counts.update(range(piece.since, until + 1))
    return counts
