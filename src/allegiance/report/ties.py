"""Which ties the alignment picture draws, how each is styled, and which findings it is behind.

Shared membership of an organisation ties every pair of its members, which
would bury the picture under cliques; instead the organisations that matter
(a side belongs to them, a finding runs through them, or they are actors in
the graph) are drawn as nodes with one dotted line per member. Every tie with
a direct reason (arms, an alliance or partnership, a hostility) is drawn: one
line for its friendly reasons, one for its hostile ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import combinations

from allegiance.graph.analysis import Analysis
from allegiance.graph.findings import Finding, FindingType
from allegiance.graph.signed import Link, LinkKind, Tie
from allegiance.model import ClaimKind


class Style(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    MEMBERSHIP = "membership"


@dataclass(frozen=True, slots=True)
class DrawnTie:
    """One line of the picture: two actors (or a member and its organisation)."""

    u: str
    v: str
    style: Style
    weight: float
    kinds: tuple[str, ...]
    claims: tuple[int, ...]
    source: str | None = None  # the supplier, when the tie is arms one way
    findings: tuple[int, ...] = ()  # 1-based numbers of the findings it stands behind
    lane: int = 0  # 1 for the second line between the same two actors

    @property
    def odd(self) -> bool:
        return bool(self.findings)

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.u, self.v))


@dataclass(frozen=True, slots=True)
class TieSelection:
    """What the picture draws, and the organisations whose shared membership it leaves out."""

    ties: tuple[DrawnTie, ...]
    organisations: tuple[str, ...]
    left_out: tuple[str, ...]


def select_ties(analysis: Analysis) -> TieSelection:
    """The ties to draw for ``analysis``, each marked with the findings it is behind."""
    organisations = _drawn_organisations(analysis)
    direct = [line for tie in analysis.graph.ties for line in _direct(tie)]
    members = list(_memberships(analysis, organisations))
    marked = _mark(analysis, direct + members, set(organisations))
    vias = {link.via for tie in analysis.graph.ties for link in tie.links if link.via}
    return TieSelection(tuple(marked), organisations, tuple(sorted(vias - set(organisations))))


def _direct(tie: Tie) -> list[DrawnTie]:
    """A line for the friendly reasons of a tie and one for the hostile ones, if it has them.

    Each line takes the sign of its own reasons, not of the whole tie: two
    sides that share an alliance and fight get a friendly and a hostile line,
    rather than one that hides either (the tie's net sign is what the balance
    section counts).
    """
    drawn: list[DrawnTie] = []
    for sign in (1, -1):
        links = [
            link
            for link in tie.links
            if link.sign == sign and link.kind is not LinkKind.CO_MEMBERSHIP
        ]
        if links:
            drawn.append(_line(tie, links, lane=len(drawn)))
    return drawn


def _line(tie: Tie, links: list[Link], lane: int) -> DrawnTie:
    sources = {link.source for link in links}
    one_way = all(link.kind is LinkKind.SUPPLY for link in links) and len(sources) == 1
    kinds = dict.fromkeys(
        (link.detail if link.kind in _RELATIONS and link.detail else str(link.kind)).replace(
            "_", " "
        )
        for link in links
    )
    return DrawnTie(
        tie.u,
        tie.v,
        Style.POSITIVE if links[0].sign > 0 else Style.NEGATIVE,
        sum(link.weight for link in links),
        tuple(kinds),
        tuple(sorted({c for link in links for c in link.claims})),
        source=next(iter(sources)) if one_way else None,
        lane=lane,
    )


_RELATIONS = frozenset({LinkKind.AFFINITY, LinkKind.HOSTILITY})


def organisation_codes(analysis: Analysis) -> frozenset[str]:
    """Every code the analysis knows as an organisation: a membership's object or a tie's via."""
    found = {c.object for c in analysis.claims.values() if c.kind is ClaimKind.MEMBERSHIP}
    found |= {link.via for tie in analysis.graph.ties for link in tie.links if link.via}
    return frozenset(found)


def _drawn_organisations(analysis: Analysis) -> tuple[str, ...]:
    """Organisations a side belongs to, that an odd alignment runs through, or that are actors."""
    known = organisation_codes(analysis)
    sides = set(analysis.conflict.sides)
    # Only organisations whose shared membership ties someone in the graph.
    binding = {link.via for tie in analysis.graph.ties for link in tie.links if link.via}
    wanted = {
        c.object
        for c in analysis.claims.values()
        if c.kind is ClaimKind.MEMBERSHIP and c.subject in sides and c.object in binding
    }
    wanted |= {
        finding.via
        for finding in analysis.findings
        if finding.via and finding.type is not FindingType.CROSS_PRESSURE
    }
    wanted |= set(analysis.graph.nodes)
    return tuple(sorted(wanted & known))


def _memberships(analysis: Analysis, organisations: Iterable[str]) -> Iterator[DrawnTie]:
    nodes = set(analysis.graph.nodes)
    wanted = set(organisations)
    by_pair: dict[tuple[str, str], list[int]] = {}
    for claim in analysis.claims.values():
        if claim.kind is not ClaimKind.MEMBERSHIP or claim.id is None:
            continue
        if claim.object in wanted and claim.subject in nodes:
            by_pair.setdefault((claim.subject, claim.object), []).append(claim.id)
    for (member, organisation), ids in sorted(by_pair.items()):
        yield DrawnTie(
            member, organisation, Style.MEMBERSHIP, 1.0, ("membership",), tuple(sorted(ids))
        )


def _mark(analysis: Analysis, ties: list[DrawnTie], organisations: set[str]) -> Iterator[DrawnTie]:
    """Number each tie with the odd alignments it stands behind.

    Cross-pressure is left out (its ties are the actor's ordinary friendships,
    and the picture marks the pressured actor itself instead), and so are
    sources disagreeing about a claim, which is no alignment at all.
    """
    behind: dict[frozenset[str], list[int]] = {}
    for number, finding in enumerate(analysis.findings, start=1):
        if finding.type in (FindingType.CROSS_PRESSURE, FindingType.SOURCE_DISAGREEMENT):
            continue
        for pair in odd_pairs(finding, analysis, organisations):
            behind.setdefault(pair, []).append(number)
    for tie in ties:
        numbers = tuple(sorted(set(behind.get(tie.pair, ()))))
        yield replace(tie, findings=numbers)


def pressured(analysis: Analysis) -> dict[str, tuple[int, ...]]:
    """Cross-pressured actors, with the numbers of the findings that say so."""
    found: dict[str, list[int]] = {}
    for number, finding in enumerate(analysis.findings, start=1):
        if finding.type is FindingType.CROSS_PRESSURE:
            found.setdefault(finding.actors[0], []).append(number)
    return {actor: tuple(numbers) for actor, numbers in found.items()}


def odd_pairs(finding: Finding, analysis: Analysis, organisations: set[str]) -> set[frozenset[str]]:
    """The pairs of actors (or member and organisation) whose ties make ``finding``."""
    found: set[frozenset[str]] = set()
    for pair, vias in _reasons(finding, analysis):
        if pair[0] == pair[1]:
            continue
        found.add(frozenset(pair))
        found |= {
            frozenset((member, via))
            for member in pair
            for via in vias & organisations
            if member != via
        }
    return found


def _reasons(finding: Finding, analysis: Analysis) -> list[tuple[tuple[str, str], set[str]]]:
    """Each pair behind a finding, with the organisations its tie runs through."""
    a, b = analysis.conflict.sides
    actors, via = finding.actors, {finding.via} if finding.via else set()
    if finding.type is FindingType.ALLIES_OPPOSED:
        return [((actors[0], actors[1]), via), ((actors[0], a), set()), ((actors[1], b), set())]
    if finding.type is FindingType.ENEMIES_ALIGNED and finding.via:
        side = finding.via
        return [
            ((actors[0], actors[1]), set()),
            ((actors[0], side), set()),
            ((actors[1], side), set()),
        ]
    if finding.type is FindingType.DUAL_SUPPLIER:
        return [((actors[0], a), set()), ((actors[0], b), set())]
    if finding.type is FindingType.CROSS_PRESSURE:
        return [((actors[0], p.actor), set(p.via)) for p in finding.pressures]
    return [(pair, via) for pair in combinations(actors[:2], 2)]
