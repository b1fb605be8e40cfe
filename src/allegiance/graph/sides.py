"""Side-taking: who arms each side, and where every other actor stands.

A backer of a side is an actor that supplies it (any status but denied). A
third party's stance: ``both`` when it supplies both sides; ``backs_a`` or
``backs_b`` when it supplies one, or, supplying neither, is tied positively to
that side only; ``sidelines`` when it supplies neither and is tied positively
to both sides or to neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from allegiance.graph.signed import Link, LinkKind, SignedGraph, Tie
from allegiance.graph.weights import claim_weight
from allegiance.model import Claim, ClaimKind, Conflict, Status


class Stance(StrEnum):
    BACKS_A = "backs_a"
    BACKS_B = "backs_b"
    BOTH = "both"
    SIDELINES = "sidelines"


@dataclass(frozen=True, slots=True)
class Backer:
    """An actor arming one side, with what, when, and the claims that say so."""

    actor: str
    claims: tuple[int, ...]
    weapons: tuple[str, ...]
    categories: tuple[str, ...]
    years: tuple[int, ...]
    statuses: tuple[str, ...]
    value_usd: float | None
    value_tiv: float | None
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "claims": list(self.claims),
            "weapons": list(self.weapons),
            "categories": list(self.categories),
            "years": list(self.years),
            "statuses": list(self.statuses),
            "value_usd": self.value_usd,
            "value_tiv": self.value_tiv,
            "weight": round(self.weight, 3),
        }


@dataclass(frozen=True, slots=True)
class SideTie:
    """What ties a third party to one side."""

    side: str
    sign: int
    kinds: tuple[str, ...]
    via: tuple[str, ...]
    claims: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "sign": "+" if self.sign > 0 else "-",
            "kinds": list(self.kinds),
            "via": list(self.via),
            "claims": list(self.claims),
        }


@dataclass(frozen=True, slots=True)
class ThirdParty:
    """An actor other than the sides; ``stance_in_news`` is its stance on article evidence alone."""

    actor: str
    stance: Stance
    ties: tuple[SideTie, ...]
    stance_in_news: Stance | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "stance": str(self.stance),
            "stance_in_news": str(self.stance_in_news) if self.stance_in_news else None,
            "ties": [t.to_dict() for t in self.ties],
        }


def backers(claims: Sequence[Claim], side: str, reference_year: int | None) -> tuple[Backer, ...]:
    """Who supplies ``side``, strongest first."""
    by_supplier: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if (
            claim.kind is ClaimKind.SUPPLY
            and claim.object == side
            and claim.id is not None
            and claim.status is not Status.DENIED
        ):
            by_supplier[claim.subject].append(claim)
    found = [_backer(s, group, reference_year) for s, group in by_supplier.items()]
    return tuple(sorted(found, key=lambda b: (-b.weight, b.actor)))


def _backer(supplier: str, claims: list[Claim], reference_year: int | None) -> Backer:
    years = {y for c in claims for y in (c.start, c.end, *c.delivery_years) if y is not None}
    usd = [c.value for c in claims if c.value is not None and c.value_unit == "USD"]
    tiv = [c.value for c in claims if c.value is not None and c.value_unit == "TIV"]
    disbelief = 1.0
    for claim in claims:
        disbelief *= 1.0 - claim_weight(claim, reference_year)
    return Backer(
        actor=supplier,
        claims=tuple(sorted(c.id for c in claims if c.id is not None)),
        weapons=_unique(c.weapon for c in claims),
        categories=_unique(str(c.category) if c.category else None for c in claims),
        years=tuple(sorted(years)),
        statuses=_unique(str(c.status) if c.status else None for c in claims),
        value_usd=sum(usd) if usd else None,
        value_tiv=round(sum(tiv), 3) if tiv else None,
        weight=1.0 - disbelief,
    )


def _unique(values: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:  # type: ignore[attr-defined]
        if value:
            seen.setdefault(str(value), None)
    return tuple(seen)


def third_parties(
    graph: SignedGraph,
    conflict: Conflict,
    sides: dict[str, tuple[Backer, ...]],
    news_sides: dict[str, tuple[Backer, ...]] | None = None,
) -> tuple[ThirdParty, ...]:
    """Every actor in the graph but the two sides, with its stance and its ties to them.

    With ``news_sides`` (the backers that articles alone report), each third
    party also gets the stance the news gives it, which may differ from what
    the datasets add.
    """
    a, b = conflict.sides
    found = []
    for actor in graph.nodes:
        if actor in (a, b):
            continue
        ties = tuple(
            _side_tie(tie, side) for side in (a, b) if (tie := graph.tie(actor, side)) is not None
        )
        stance = _stance(actor, ties, _arming(sides, a), _arming(sides, b), a)
        in_news = None
        if news_sides is not None:
            in_news = _stance(actor, ties, _arming(news_sides, a), _arming(news_sides, b), a)
        found.append(ThirdParty(actor, stance, ties, in_news))
    return tuple(sorted(found, key=lambda t: (_STANCE_ORDER[t.stance], not t.ties, t.actor)))


# Third parties are listed by how much they matter to the conflict.
_STANCE_ORDER = {Stance.BOTH: 0, Stance.BACKS_A: 1, Stance.BACKS_B: 2, Stance.SIDELINES: 3}


def _arming(sides: dict[str, tuple[Backer, ...]], side: str) -> set[str]:
    return {backer.actor for backer in sides[side]}


def _side_tie(tie: Tie, side: str) -> SideTie:
    return SideTie(
        side=side,
        sign=tie.sign,
        kinds=_unique(str(link.kind) for link in tie.links),
        via=_unique(link.via for link in tie.links),
        claims=tie.claims,
    )


def _stance(
    actor: str, ties: tuple[SideTie, ...], arms_a: set[str], arms_b: set[str], a: str
) -> Stance:
    if actor in arms_a and actor in arms_b:
        return Stance.BOTH
    if actor in arms_a:
        return Stance.BACKS_A
    if actor in arms_b:
        return Stance.BACKS_B
    friendly = {t.side for t in ties if t.sign > 0}
    if len(friendly) == 1:
        return Stance.BACKS_A if a in friendly else Stance.BACKS_B
    return Stance.SIDELINES


def supply_links(tie: Tie, supplier: str) -> tuple[Link, ...]:
    """The supply links of a tie that run from ``supplier``."""
    return tuple(link for link in tie.links_of(LinkKind.SUPPLY) if link.source == supplier)
