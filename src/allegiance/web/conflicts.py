"""Conflicts the store knows of, and the conflict a page or an API call names.

A conflict worth listing is a pair of states with a hostility claim between
them; pairs with more evidence come first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from allegiance.actors import Gazetteer
from allegiance.errors import InputError, NotFoundError
from allegiance.graph.wording import Namer
from allegiance.model import ActorKind, Claim, ClaimKind, Conflict
from allegiance.store import Store

OLDEST_YEAR_SHOWN = 80  # the time slider reaches back at most this many years


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """One pair of hostile states, with how much the store says about their hostility."""

    sides: tuple[str, str]
    names: tuple[str, str]
    relation: str | None
    start: int | None
    end: int | None
    evidence: int
    documents: int
    claim: int

    @property
    def spec(self) -> str:
        return f"{self.sides[0]}:{self.sides[1]}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "sides": list(self.sides),
            "names": list(self.names),
            "relation": self.relation,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "documents": self.documents,
            "claim": self.claim,
            "url": f"/conflicts/{self.spec}",
            "api": f"/api/conflicts/{self.spec}",
        }


def conflict_rows(store: Store, gazetteer: Gazetteer, name: Namer) -> list[ConflictRow]:
    """Every pair of states with a live hostility claim, most evidence first."""
    rows = [
        _row(claim, name)
        for claim in store.claims(kind=ClaimKind.HOSTILITY)
        if _state(gazetteer, claim.subject) and _state(gazetteer, claim.object)
    ]
    return sorted(
        rows, key=lambda r: (-r.evidence, -r.documents, -(r.end or r.start or 0), r.sides)
    )


def _state(gazetteer: Gazetteer, code: str) -> bool:
    actor = gazetteer.get(code)
    return actor is not None and actor.kind is ActorKind.STATE


def _row(claim: Claim, name: Namer) -> ConflictRow:
    assert claim.id is not None
    return ConflictRow(
        sides=(claim.subject, claim.object),
        names=(name.plain(claim.subject), name.plain(claim.object)),
        relation=str(claim.relation) if claim.relation else None,
        start=claim.start,
        end=claim.end,
        evidence=len(claim.evidence),
        documents=len({e.document_id for e in claim.evidence}),
        claim=claim.id,
    )


def side_code(query: str, gazetteer: Gazetteer) -> str:
    """The one actor a side names (code, name, capital...): unknown is 404, ambiguous 400."""
    found = gazetteer.resolve(query) or gazetteer.resolve(query.strip().upper())
    exact = [a for a in found if a.code == query.strip().upper()]
    if exact or len(found) == 1:
        return (exact or found)[0].code
    if not found:
        raise NotFoundError(f"unknown actor {query!r}: give a code such as KGZ or a name")
    options = ", ".join(f"{a.name} ({a.code})" for a in found)
    raise InputError(f"{query!r} is ambiguous: {options}; give a code")


def parse_conflict(
    spec: str,
    gazetteer: Gazetteer,
    *,
    start: int | None = None,
    end: int | None = None,
    as_of: date | None = None,
) -> Conflict:
    """The conflict ``A:B`` names (codes or names), over a window of years, as known ``as_of``."""
    Conflict.parse(spec)  # an InputError unless it is written A:B
    a, _, b = (part.strip() for part in spec.partition(":"))
    return Conflict(
        side_code(a, gazetteer), side_code(b, gazetteer), start=start, end=end, as_of=as_of
    )


def year_range(store: Store, sides: Iterable[str], today: date | None = None) -> tuple[int, int]:
    """The years the time slider spans: from the sides' earliest claim to this year."""
    now = (today or date.today()).year
    found = [y for c in store.claims(actors=set(sides)) for y in (c.start, c.end) if y is not None]
    latest = max([now, *found])
    earliest = min(found, default=latest - 10)
    return max(earliest, latest - OLDEST_YEAR_SHOWN), latest
