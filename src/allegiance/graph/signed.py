"""Claims to a signed graph around a conflict: who is tied to whom, how, and why.

Positive ties come from supply, affinity and co-membership in an
organisation; negative ties from hostility. Every tie keeps the claims behind
it. The graph holds the two sides, every actor with a supply, affinity or
hostility claim touching a side, and every actor that shares a military
alliance with a side and has such a claim with one of those;
ties are those among these actors, when they weigh at least MIN_TIE_WEIGHT.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import combinations

from allegiance.graph.balance import SignedEdge
from allegiance.graph.weights import MIN_TIE_WEIGHT, claim_weight, organisation_factor
from allegiance.model import Claim, ClaimKind, Conflict


class LinkKind(StrEnum):
    SUPPLY = "supply"
    AFFINITY = "affinity"
    HOSTILITY = "hostility"
    CO_MEMBERSHIP = "co_membership"


@dataclass(frozen=True, slots=True)
class Link:
    """One reason two actors are tied, with the claims behind it."""

    kind: LinkKind
    sign: int
    weight: float
    claims: tuple[int, ...]
    source: str | None = None  # the supplier, for supply
    via: str | None = None  # the organisation, for co-membership
    detail: str | None = None  # relation, or the weapons supplied
    status: str | None = None  # what the sources say of a transfer


@dataclass(frozen=True, slots=True)
class Tie:
    """Everything that ties two actors, summed into one sign."""

    u: str
    v: str
    links: tuple[Link, ...]

    @property
    def positive(self) -> float:
        return sum(link.weight for link in self.links if link.sign > 0)

    @property
    def negative(self) -> float:
        return sum(link.weight for link in self.links if link.sign < 0)

    @property
    def sign(self) -> int:
        """Hostility wins a tie of equal weights: a shooting war outweighs a shared club."""
        return 1 if self.positive > self.negative else -1

    @property
    def weight(self) -> float:
        return abs(self.positive - self.negative)

    @property
    def claims(self) -> tuple[int, ...]:
        return tuple(sorted({c for link in self.links for c in link.claims}))

    def other(self, actor: str) -> str:
        return self.v if actor == self.u else self.u

    def links_of(self, kind: LinkKind) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind is kind)


@dataclass(frozen=True, slots=True)
class SignedGraph:
    """The actors around a conflict and the signed ties among them."""

    nodes: tuple[str, ...]
    ties: tuple[Tie, ...]

    def tie(self, a: str, b: str) -> Tie | None:
        u, v = sorted((a, b))
        return next((t for t in self.ties if (t.u, t.v) == (u, v)), None)

    def ties_of(self, actor: str) -> tuple[Tie, ...]:
        return tuple(t for t in self.ties if actor in (t.u, t.v))

    def signed_edges(self) -> list[SignedEdge]:
        """One edge per tie, for the frustration solver.

        Each tie counts once; its strength only breaks ties between equally
        frustrated camp splits: the weights are 1 + ε·strength with ε so small
        that all the strengths together stay under one tie.
        """
        epsilon = 1.0 / (1.0 + sum(t.weight for t in self.ties))
        return [SignedEdge(t.u, t.v, t.sign, 1.0 + epsilon * t.weight) for t in self.ties]


def build_graph(
    claims: Sequence[Claim],
    conflict: Conflict,
    organisation_type: Callable[[str], str | None],
    reference_year: int | None = None,
) -> SignedGraph:
    """The signed graph around ``conflict`` from claims that carry store ids."""
    links: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for claim in claims:
        link = _direct_link(claim, reference_year)
        # An affinity with an organisation says what membership says.
        if (
            link is not None
            and link.kind is LinkKind.AFFINITY
            and (organisation_type(claim.subject) or organisation_type(claim.object))
        ):
            continue
        if link is not None:
            links[_pair(claim.subject, claim.object)].append(link)
    members = _members(claims, reference_year)
    nodes = _nodes(
        links,
        members,
        conflict,
        lambda org: organisation_factor(organisation_type(org)) >= BINDING_FACTOR,
    )
    for (a, b), link in _co_memberships(members, nodes, organisation_type):
        links[(a, b)].append(link)
    ties = tuple(
        Tie(a, b, tuple(found))
        for (a, b), found in sorted(links.items())
        if a in nodes and b in nodes and _strong(found)
    )
    return SignedGraph(tuple(sorted(nodes)), ties)


# Only organisations at least this binding (alliances and security
# organisations) tie their members; a shared trade bloc or talking shop weighs
# too little to tie two states by itself and would bury the pacts that do.
TIE_FACTOR = 0.4

# Sharing an organisation at least this binding (a military alliance) brings
# an actor into the graph; sharing a trade bloc or a security forum does not.
BINDING_FACTOR = 0.8


def _strong(links: Sequence[Link]) -> bool:
    positive = sum(link.weight for link in links if link.sign > 0)
    negative = sum(link.weight for link in links if link.sign < 0)
    return max(positive, negative) >= MIN_TIE_WEIGHT


def _pair(a: str, b: str) -> tuple[str, str]:
    u, v = sorted((a, b))
    return u, v


def _direct_link(claim: Claim, reference_year: int | None) -> Link | None:
    if claim.id is None or claim.kind is ClaimKind.MEMBERSHIP:
        return None
    weight = claim_weight(claim, reference_year)
    if claim.kind is ClaimKind.SUPPLY:
        detail = claim.weapon or (str(claim.category) if claim.category else None)
        status = str(claim.status) if claim.status else None
        return Link(
            LinkKind.SUPPLY, 1, weight, (claim.id,), claim.subject, detail=detail, status=status
        )
    sign = -1 if claim.kind is ClaimKind.HOSTILITY else 1
    relation = str(claim.relation) if claim.relation else None
    return Link(LinkKind(str(claim.kind)), sign, weight, (claim.id,), detail=relation)


def _members(
    claims: Iterable[Claim], reference_year: int | None
) -> dict[str, dict[str, tuple[float, tuple[int, ...]]]]:
    """organisation -> member -> (strongest membership weight, claim ids)."""
    members: dict[str, dict[str, tuple[float, tuple[int, ...]]]] = defaultdict(dict)
    for claim in claims:
        if claim.kind is not ClaimKind.MEMBERSHIP or claim.id is None:
            continue
        weight = claim_weight(claim, reference_year)
        old_weight, old_ids = members[claim.object].get(claim.subject, (0.0, ()))
        members[claim.object][claim.subject] = (max(weight, old_weight), (*old_ids, claim.id))
    return members


def _nodes(
    links: Mapping[tuple[str, str], list[Link]],
    members: Mapping[str, Mapping[str, object]],
    conflict: Conflict,
    binding: Callable[[str], bool],
) -> set[str]:
    sides = set(conflict.sides)
    first = {x for pair in links for x in pair if sides & set(pair)}
    near = first | sides
    shares = {
        x
        for org, group in members.items()
        if sides & set(group) and binding(org)
        for x in group
        if x not in near
    }
    second = {x for x in shares for pair in links if x in pair and near & set(pair)}
    return near | second


def _co_memberships(
    members: Mapping[str, Mapping[str, tuple[float, tuple[int, ...]]]],
    nodes: set[str],
    organisation_type: Callable[[str], str | None],
) -> Iterable[tuple[tuple[str, str], Link]]:
    """One link per shared organisation; only the most binding one carries weight.

    Sharing five clubs is not five times the tie: the strongest bond counts,
    the others are kept as reasons.
    """
    shared: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for organisation, group in sorted(members.items()):
        factor = organisation_factor(organisation_type(organisation))
        if factor < TIE_FACTOR:
            continue
        present = sorted(m for m in group if m in nodes)
        for a, b in combinations(present, 2):
            (wa, ids_a), (wb, ids_b) = group[a], group[b]
            weight = factor * min(wa, wb)
            link = Link(LinkKind.CO_MEMBERSHIP, 1, weight, (*ids_a, *ids_b), via=organisation)
            shared[(a, b)].append(link)
    for pair, links in shared.items():
        links.sort(key=lambda link: -link.weight)
        yield pair, links[0]
        for link in links[1:]:
            yield pair, replace(link, weight=0.0)
