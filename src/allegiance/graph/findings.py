"""Odd alignments: structural-balance violations around a conflict, each explained.

Allies are co-members of a military alliance or actors with an ``alliance``
affinity claim. Every finding names the claims behind it; a finding with no
claims is never made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations
from typing import Any

from allegiance.graph.sides import Backer
from allegiance.graph.signed import Link, LinkKind, SignedGraph, Tie
from allegiance.graph.wording import Namer, listing, years
from allegiance.model import Conflict, Relation

ALLIANCE_TYPES = frozenset({"military_alliance"})


class FindingType(StrEnum):
    ALLIES_OPPOSED = "allies_opposed"
    ENEMIES_ALIGNED = "enemies_aligned"
    INTRA_ALLIANCE_CONFLICT = "intra_alliance_conflict"
    DUAL_SUPPLIER = "dual_supplier"
    CROSS_PRESSURE = "cross_pressure"
    SOURCE_DISAGREEMENT = "source_disagreement"


@dataclass(frozen=True, slots=True)
class Pressure:
    """A pull on a cross-pressured actor toward one side's camp."""

    toward: str
    actor: str
    kinds: tuple[str, ...]
    via: tuple[str, ...]
    weight: float
    claims: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "toward": self.toward,
            "actor": self.actor,
            "kinds": list(self.kinds),
            "via": list(self.via),
            "weight": round(self.weight, 3),
            "claims": list(self.claims),
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One odd alignment, in one plain sentence, with the claims behind it."""

    type: FindingType
    actors: tuple[str, ...]
    explanation: str
    claims: tuple[int, ...]
    via: str | None = None
    tilt: str | None = None
    balanced: bool | None = None
    pressures: tuple[Pressure, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": str(self.type),
            "actors": list(self.actors),
            "via": self.via,
            "explanation": self.explanation,
            "claims": list(self.claims),
        }
        if self.type is FindingType.CROSS_PRESSURE:
            out |= {
                "tilt": self.tilt,
                "balanced": self.balanced,
                "pressures": [p.to_dict() for p in self.pressures],
            }
        return out


@dataclass(frozen=True, slots=True)
class Context:
    """What every detector looks at."""

    graph: SignedGraph
    conflict: Conflict
    sides: dict[str, tuple[Backer, ...]]
    name: Namer
    organisation_type: Callable[[str], str | None]

    def backer_of(self, side: str, actor: str) -> Backer | None:
        return next((b for b in self.sides[side] if b.actor == actor), None)

    def alliance_links(self, tie: Tie | None) -> tuple[Link, ...]:
        """The links of a tie that make the two actors allies."""
        if tie is None:
            return ()
        return tuple(
            link
            for link in tie.links
            if (
                link.kind is LinkKind.CO_MEMBERSHIP
                and self.organisation_type(link.via or "") in ALLIANCE_TYPES
            )
            or (link.kind is LinkKind.AFFINITY and link.detail == str(Relation.ALLIANCE))
        )


def _claims(*groups: Sequence[int]) -> tuple[int, ...]:
    return tuple(sorted({c for group in groups for c in group}))


def _what(backer: Backer) -> str:
    """'Bayraktar TB2, Aksungur, 2021–2023' for a backer's supplies."""
    what = listing(backer.weapons[:3]) or listing(
        c.replace("_", " ") for c in backer.categories[:2]
    )
    return ", ".join(bit for bit in (what or "arms", years(backer.years)) if bit)


def _arming(ctx: Context, backer: Backer, side: str) -> str:
    return f"{ctx.name(backer.actor)} arms {ctx.name(side)} ({_what(backer)})"


def _alliance_label(ctx: Context, links: Sequence[Link]) -> tuple[str, str | None]:
    """'NATO allies', via NATO; or 'allies' for an alliance claim."""
    orgs = [link.via for link in links if link.kind is LinkKind.CO_MEMBERSHIP and link.via]
    if orgs:
        return f"{orgs[0]} allies" if orgs[0] else "allies", orgs[0]
    return "allies", None


def allies_opposed(ctx: Context) -> Iterator[Finding]:
    """Allies backing opposite sides (NATO allies Turkey and the US)."""
    a, b = ctx.conflict.sides
    for backer_a in ctx.sides[a]:
        for backer_b in ctx.sides[b]:
            if backer_a.actor == backer_b.actor:
                continue
            links = ctx.alliance_links(ctx.graph.tie(backer_a.actor, backer_b.actor))
            if not links:
                continue
            label, via = _alliance_label(ctx, links)
            first, second = backer_a.actor, backer_b.actor
            yield Finding(
                FindingType.ALLIES_OPPOSED,
                (first, second),
                f"{label[0].upper() + label[1:]} {ctx.name(first)} and {ctx.name(second)} "
                f"back opposite sides: {_arming(ctx, backer_a, a)}, while "
                f"{_arming(ctx, backer_b, b)}.",
                _claims(backer_a.claims, backer_b.claims, *(link.claims for link in links)),
                via=via,
            )


def enemies_aligned(ctx: Context) -> Iterator[Finding]:
    """Hostile actors backing the same side (the US and Iran)."""
    for side in ctx.conflict.sides:
        for first, second in combinations(ctx.sides[side], 2):
            tie = ctx.graph.tie(first.actor, second.actor)
            hostile = tie.links_of(LinkKind.HOSTILITY) if tie else ()
            if not hostile or tie is None or tie.sign > 0:
                continue
            relations = listing(sorted({link.detail or "hostility" for link in hostile}))
            yield Finding(
                FindingType.ENEMIES_ALIGNED,
                (first.actor, second.actor),
                f"{ctx.name.start(first.actor)} and {ctx.name(second.actor)} are hostile to "
                f"each other ({relations.replace('_', ' ')}) yet both back {ctx.name(side)}: "
                f"{_arming(ctx, first, side)} and {_arming(ctx, second, side)}.",
                _claims(first.claims, second.claims, *(link.claims for link in hostile)),
                via=side,
            )


def intra_alliance_conflict(ctx: Context) -> Iterator[Finding]:
    """The two sides are allies and still fight (both in the CSTO)."""
    a, b = ctx.conflict.sides
    tie = ctx.graph.tie(a, b)
    hostile = tie.links_of(LinkKind.HOSTILITY) if tie else ()
    allied = ctx.alliance_links(tie)
    if tie is None or not hostile or not allied:
        return
    orgs = [link.via for link in allied if link.via]
    bonds = [f"both members of {listing(ctx.name(o) for o in orgs)}"] if orgs else []
    if any(link.kind is LinkKind.AFFINITY for link in allied):
        bonds.append("allied by treaty")
    others = sorted(
        {link.via for link in tie.links_of(LinkKind.CO_MEMBERSHIP) if link.via} - set(orgs)
    )
    also = f"; they also share {listing(ctx.name(o) for o in others)}" if others else ""
    relations = listing(sorted({_relation(link) for link in hostile}))
    yield Finding(
        FindingType.INTRA_ALLIANCE_CONFLICT,
        (a, b, *orgs),
        f"{ctx.name.start(a)} and {ctx.name(b)} are {' and '.join(bonds)}, yet they are in "
        f"conflict ({relations}){also}.",
        _claims(*(link.claims for link in allied), *(link.claims for link in hostile)),
        via=orgs[0] if orgs else None,
    )


def _relation(link: Link) -> str:
    return (link.detail or "hostility").replace("_", " ")


def dual_suppliers(ctx: Context) -> Iterator[Finding]:
    """An actor arming both sides."""
    a, b = ctx.conflict.sides
    for backer_a in ctx.sides[a]:
        backer_b = ctx.backer_of(b, backer_a.actor)
        if backer_b is None:
            continue
        yield Finding(
            FindingType.DUAL_SUPPLIER,
            (backer_a.actor, a, b),
            f"{ctx.name.start(backer_a.actor)} arms both sides: {ctx.name(a)} "
            f"({_what(backer_a)}) and {ctx.name(b)} ({_what(backer_b)}).",
            _claims(backer_a.claims, backer_b.claims),
        )


DETECTORS = (intra_alliance_conflict, allies_opposed, enemies_aligned, dual_suppliers)


def detect(ctx: Context) -> list[Finding]:
    """Every odd alignment the detectors find, in a stable order."""
    return [finding for detector in DETECTORS for finding in detector(ctx) if finding.claims]
