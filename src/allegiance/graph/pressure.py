"""Cross-pressure and tilt: actors pulled toward both camps.

An actor that arms neither side, or both, is cross-pressured when it has
positive ties into both camps: to a side itself, or to an actor arming that
side alone. Its likely tilt is the side that
leaves the whole graph least frustrated when the actor is placed with it;
where both leave it equally frustrated the pressures balance, and third
parties in unbalanced triads tend to mediate rather than join (Corbetta &
Grant 2012). Actors that arm exactly one side show their tilt by arming it;
their odd ties surface as other findings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from allegiance.graph import camps
from allegiance.graph.findings import Context, Finding, FindingType, Pressure
from allegiance.graph.sides import Stance, ThirdParty
from allegiance.graph.signed import LinkKind, Tie
from allegiance.graph.weights import organisation_factor
from allegiance.graph.wording import listing

# Shared organisations named as reasons: alliances and security organisations;
# trade blocs and talking shops would drown them.
REASON_FACTOR = 0.4
HEDGED = frozenset({"alleged", "denied", "planned"})
MEDIATION = (
    "third parties in unbalanced triads tend to mediate rather than join (Corbetta & Grant 2012)"
)


def cross_pressures(ctx: Context, third: Sequence[ThirdParty]) -> Iterator[Finding]:
    """One finding per cross-pressured third party, with its tilt and the reasons."""
    edges = ctx.graph.signed_edges()
    a, b = ctx.conflict.sides
    for party in third:
        if party.stance not in (Stance.SIDELINES, Stance.BOTH) and _arms_one(ctx, party.actor):
            continue
        pressures = _pressures(ctx, party.actor)
        if not {p.toward for p in pressures} >= {a, b}:
            continue
        broken = (
            len(camps.solve(edges, ctx.conflict, pin=(party.actor, a)).broken),
            len(camps.solve(edges, ctx.conflict, pin=(party.actor, b)).broken),
        )
        tilt = a if broken[0] < broken[1] else b if broken[1] < broken[0] else None
        yield Finding(
            FindingType.CROSS_PRESSURE,
            (party.actor,),
            _explain(ctx, party, pressures, tilt, broken),
            tuple(sorted({c for p in pressures for c in p.claims})),
            tilt=tilt,
            balanced=tilt is None,
            pressures=tuple(pressures),
        )


def _arms_one(ctx: Context, actor: str) -> bool:
    a, b = ctx.conflict.sides
    return (ctx.backer_of(a, actor) is None) != (ctx.backer_of(b, actor) is None)


def _anchors(ctx: Context) -> dict[str, str]:
    """Who stands for each side: the side itself and those arming it alone."""
    anchors = {side: side for side in ctx.conflict.sides}
    for side, found in ctx.sides.items():
        for backer in found:
            if _arms_one(ctx, backer.actor):
                anchors[backer.actor] = side
    return anchors


def _pressures(ctx: Context, actor: str) -> list[Pressure]:
    anchors = _anchors(ctx)
    found = []
    for tie in ctx.graph.ties_of(actor):
        other = tie.other(actor)
        if tie.sign <= 0 or other not in anchors:
            continue
        found.append(
            Pressure(
                toward=anchors[other],
                actor=other,
                kinds=_reasons(ctx, actor, tie),
                via=tuple(sorted({link.via for link in tie.links if link.via})),
                weight=tie.positive,
                claims=tie.claims,
            )
        )
    return sorted(found, key=lambda p: (p.toward != ctx.conflict.side_a, -p.weight, p.actor))


def _reasons(ctx: Context, actor: str, tie: Tie) -> tuple[str, ...]:
    """Words for what pulls: 'arms from Iran', 'partnership', 'the CSTO'."""
    words: dict[str, None] = {}
    for link in sorted(tie.links, key=lambda link: -link.weight):
        if link.sign < 0:
            continue
        if link.kind is LinkKind.SUPPLY:
            toward = "to" if link.source == actor else "from"
            hedge = f" ({link.status})" if link.status in HEDGED else ""
            words.setdefault(f"arms {toward} {ctx.name(tie.other(actor))}{hedge}", None)
        elif link.kind is LinkKind.CO_MEMBERSHIP and link.via:
            if organisation_factor(ctx.organisation_type(link.via)) >= REASON_FACTOR:
                words.setdefault(ctx.name(link.via), None)
        elif link.detail:
            words.setdefault(link.detail.replace("_", " "), None)
    return tuple(words)


def _explain(
    ctx: Context,
    party: ThirdParty,
    pressures: list[Pressure],
    tilt: str | None,
    broken: tuple[int, int],
) -> str:
    a, b = ctx.conflict.sides
    name = ctx.name
    pulls = (
        f"{name.start(party.actor)} is cross-pressured: it is tied to {name(a)}'s camp "
        f"({_pulls(ctx, pressures, a)}) and to {name(b)}'s ({_pulls(ctx, pressures, b)})"
    )
    arms = {
        Stance.SIDELINES: "arms neither side",
        Stance.BOTH: "arms both sides",
        Stance.BACKS_A: f"arms neither side but leans to {name(a)}",
        Stance.BACKS_B: f"arms neither side but leans to {name(b)}",
    }[party.stance]
    if tilt is None:
        verdict = (
            f"the pressures balance (either way leaves {_ties(broken[0])} broken), and {MEDIATION}"
        )
    else:
        low, high = sorted(broken)
        verdict = (
            f"its likely tilt is toward {name(tilt)}: placed there, it leaves {_ties(low)} "
            f"broken in the whole graph, against {high} the other way"
        )
    return f"{pulls}, and {arms}; {verdict}."


def _ties(count: int) -> str:
    return f"{count} tie" if count == 1 else f"{count} ties"


def _pulls(ctx: Context, pressures: list[Pressure], side: str) -> str:
    return "; ".join(
        f"{ctx.name(p.actor)}: {listing(p.kinds)}" for p in pressures if p.toward == side
    )
