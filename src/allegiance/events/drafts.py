"""Which ties become claims: the thresholds of the codebook applied to the tie table.

Hostility and affinity are undirected, so the two directions of a dyad are
added first; military aid keeps its direction (Actor1 gives, Actor2 gets).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pyarrow as pa

from allegiance.events.codes import Thresholds
from allegiance.model import ClaimKind


@dataclass(frozen=True, slots=True)
class Sample:
    """The events of one class in a tie: how many, their Goldstein sum, the first and last."""

    events: int
    goldstein: float
    first_event: int | None
    first_url: str
    last_event: int | None
    last_url: str

    def __add__(self, other: Sample) -> Sample:
        first = _pick(self.first_event, self.first_url, other.first_event, other.first_url, min)
        last = _pick(self.last_event, self.last_url, other.last_event, other.last_url, max)
        return Sample(
            self.events + other.events,
            round(self.goldstein + other.goldstein, 1),
            *first,
            *last,
        )


def _pick(
    a: int | None, a_url: str, b: int | None, b_url: str, choose: Any
) -> tuple[int | None, str]:
    if a is None:
        return b, b_url
    if b is None:
        return a, a_url
    return (a, a_url) if choose(a, b) == a else (b, b_url)


@dataclass(frozen=True, slots=True)
class Dyad:
    """Everything between two states in one period, directions added (``a`` < ``b``)."""

    a: str
    b: str
    period: str
    year: int
    events: int
    goldstein: float
    cooperation: int
    conflict: int
    fighting: Sample
    milcoop: Sample

    def __add__(self, other: Dyad) -> Dyad:
        return replace(
            self,
            events=self.events + other.events,
            goldstein=round(self.goldstein + other.goldstein, 1),
            cooperation=self.cooperation + other.cooperation,
            conflict=self.conflict + other.conflict,
            fighting=self.fighting + other.fighting,
            milcoop=self.milcoop + other.milcoop,
        )


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim to be: its kind, actors, period and the events behind it (not yet located)."""

    kind: ClaimKind
    subject: str
    object: str
    period: str
    year: int
    label: str
    sample: Sample
    context: str


def _sample(row: dict[str, Any], name: str) -> Sample:
    return Sample(
        events=int(row[f"{name}_events"]),
        goldstein=float(row[f"{name}_goldstein"]),
        first_event=row[f"{name}_first_event"],
        first_url=row[f"{name}_first_url"] or "",
        last_event=row[f"{name}_last_event"],
        last_url=row[f"{name}_last_url"] or "",
    )


def dyads(rows: Iterable[dict[str, Any]]) -> list[Dyad]:
    """Directed tie rows folded into undirected dyad-periods."""
    folded: dict[tuple[str, str, str], Dyad] = {}
    for row in rows:
        a, b = sorted((row["source"], row["target"]))
        dyad = Dyad(
            a=a,
            b=b,
            period=row["period"],
            year=int(row["year"]),
            events=int(row["events"]),
            goldstein=float(row["goldstein"]),
            cooperation=int(row["cooperation_events"]),
            conflict=int(row["conflict_events"]),
            fighting=_sample(row, "fighting"),
            milcoop=_sample(row, "milcoop"),
        )
        key = (a, b, dyad.period)
        folded[key] = folded[key] + dyad if key in folded else dyad
    return [folded[key] for key in sorted(folded)]


def is_armed_clash(dyad: Dyad, limits: Thresholds) -> bool:
    """Fighting dominates: enough fighting, a large enough share of all events, net hostile."""
    fights = dyad.fighting.events
    return (
        fights >= limits.clash_min_events
        and fights >= limits.clash_min_share * dyad.events
        and dyad.goldstein < 0
    )


def is_partnership(dyad: Dyad, limits: Thresholds) -> bool:
    """Sustained military cooperation, in a relation more cooperative than not."""
    coop = dyad.milcoop.events
    return (
        coop >= limits.partnership_min_events
        and coop > dyad.fighting.events
        and dyad.cooperation > dyad.conflict
    )


def drafts(ties: pa.Table, limits: Thresholds) -> list[Draft]:
    """The claims a tie table supports under ``limits``, in a stable order."""
    rows = ties.to_pylist()
    return [*_undirected(dyads(rows), limits), *_aid(rows, limits)]


def _undirected(found: list[Dyad], limits: Thresholds) -> Iterator[Draft]:
    for d in found:
        context = f"{d.events} events in all, Goldstein {signed(d.goldstein)}"
        if is_armed_clash(d, limits):
            yield Draft(
                ClaimKind.HOSTILITY, d.a, d.b, d.period, d.year, "fighting", d.fighting, context
            )
        if is_partnership(d, limits):
            yield Draft(
                ClaimKind.AFFINITY,
                d.a,
                d.b,
                d.period,
                d.year,
                "military-cooperation",
                d.milcoop,
                context,
            )


def _aid(rows: list[dict[str, Any]], limits: Thresholds) -> Iterator[Draft]:
    for row in sorted(rows, key=lambda r: (r["source"], r["target"], r["period"])):
        sample = _sample(row, "aid")
        if sample.events >= limits.aid_min_events:
            context = (
                f"{row['events']} events {row['source']}\u2192{row['target']} in all, "
                f"Goldstein {signed(float(row['goldstein']))}"
            )
            yield Draft(
                ClaimKind.SUPPLY,
                row["source"],
                row["target"],
                row["period"],
                int(row["year"]),
                "military-aid",
                sample,
                context,
            )


def signed(value: float) -> str:
    """A Goldstein sum as the brief writes it: with a true minus sign."""
    return f"{value:.1f}".replace("-", "\u2212")
