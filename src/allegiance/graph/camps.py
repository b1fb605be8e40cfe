"""The two sides' camps: frustration with the belligerents held apart.

The conflict is the premise of an analysis, so a hostile tie between the
sides that weighs more than all other ties together is added: the optimum
always puts them in different camps, and the index counts the real ties
that break (the sides' own tie among them when alliances make it friendly).
The same trick pins an actor to one side to ask how frustrated the graph
would be with it there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from allegiance.graph.balance import Frustration, SignedEdge, frustration
from allegiance.model import Conflict

# Exact frustration by integer programming up to this many ties; beyond, the
# heuristic answers with its bound. Conflict graphs have tens of ties.
EXACT_MAX_TIES = 5_000
TIME_LIMIT_S = 10.0


@dataclass(frozen=True, slots=True)
class Camps:
    """A frustration solution read from the conflict's point of view."""

    result: Frustration
    side_a: frozenset[str]
    side_b: frozenset[str]
    broken: tuple[SignedEdge, ...]

    @property
    def apart(self) -> bool:
        """Whether the two sides sit in different camps."""
        return bool(self.side_a) and bool(self.side_b)


def solve(
    edges: Sequence[SignedEdge], conflict: Conflict, pin: tuple[str, str] | None = None
) -> Camps:
    """Camps with the sides held apart, and ``pin`` = (actor, side) held together."""
    heavy = float(len(edges) + 2)
    a, b = conflict.sides
    # The sides' own tie stays as it is: when alliances outweigh the fighting
    # it is friendly, and breaking it is what an intra-alliance conflict costs.
    held = [*edges, SignedEdge(a, b, -1, heavy)]
    if pin is not None:
        held.append(SignedEdge(pin[0], pin[1], 1, heavy))
    result = frustration(held, exact_max_edges=EXACT_MAX_TIES, time_limit=TIME_LIMIT_S)
    broken = tuple(
        SignedEdge(e.u, e.v, e.sign)
        for e in result.violations
        if e.weight < heavy and (pin is None or {e.u, e.v} != set(pin))
    )
    first, second = (frozenset(camp) for camp in result.camps)
    if a in second or b in first:
        first, second = second, first
    apart = a in first and b in second
    return Camps(
        replace(
            result,
            index=float(len(broken)),
            lower_bound=min(result.lower_bound, float(len(broken))),
            violations=broken,
        ),
        first if apart else frozenset(),
        second if apart else frozenset(),
        broken,
    )


def without(edges: Sequence[SignedEdge], actor: str) -> list[SignedEdge]:
    """The graph with one actor taken out."""
    return [e for e in edges if actor not in (e.u, e.v)]
