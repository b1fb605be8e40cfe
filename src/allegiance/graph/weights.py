"""How much a claim weighs as a tie: status, confidence, source method and recency.

A piece of evidence weighs ``confidence × status factor × method factor ×
recency``. A claim weighs the noisy-or of its sources — the strongest piece
of each document, since one document's pieces are not independent (two
sources at 0.6 give 0.84) times its relation's factor (an alliance binds more than a
partnership), except that denials pull it down: a claim that some source
denies loses half the denial's confidence. Recency halves a tie's weight for
every ``HALF_LIFE`` years between the tie's last year and the analysis's
reference year, down to ``RECENCY_FLOOR``; a running period (membership with
no end) is current.
"""

from __future__ import annotations

from allegiance.model import Claim, Evidence, Relation, Review, Status, independent

STATUS_FACTOR: dict[Status, float] = {
    Status.DELIVERED: 1.0,
    Status.AID: 1.0,
    Status.LOCAL_PRODUCTION: 1.0,
    Status.ORDERED: 0.8,
    Status.PLANNED: 0.5,
    Status.ALLEGED: 0.4,
    Status.DENIED: 0.0,
}

# How much a flavour of tie binds: a defence pact more than a consultation
# pact, a war more than a rivalry.
RELATION_FACTOR: dict[Relation, float] = {
    Relation.ALLIANCE: 1.0,
    Relation.PARTNERSHIP: 0.6,
    Relation.KINSHIP: 0.5,
    Relation.WAR: 1.0,
    Relation.ARMED_CLASH: 1.0,
    Relation.RIVALRY: 0.8,
    Relation.SANCTIONS: 0.5,
}

# Event data (GDELT) is a weaker layer than a reported fact or a curated dataset.
METHOD_FACTOR: dict[str, float] = {"gdelt": 0.5}

HALF_LIFE = 10.0
RECENCY_FLOOR = 0.1

# Co-membership weighs by what the organisation is for: a mutual-defence pact
# binds more than a customs union, and a forum where everyone sits (the UN,
# the OSCE) binds nobody. Keys are the gazetteer's organisation types.
ORGANISATION_FACTOR: dict[str, float] = {
    "military_alliance": 0.8,
    "security": 0.4,
    "political": 0.1,
    "economic": 0.1,
    "forum": 0.0,
    "universal": 0.0,
}
DEFAULT_ORGANISATION_FACTOR = 0.1

# A tie weaker than this (a shared trade bloc, an alleged and denied deal)
# stays out of the graph: it would count as much as an arms deal in the
# frustration index.
MIN_TIE_WEIGHT = 0.4


def recency(last_year: int | None, reference_year: int | None) -> float:
    """1.0 for a current tie, halving every HALF_LIFE years back."""
    if last_year is None or reference_year is None or last_year >= reference_year:
        return 1.0
    decay: float = 0.5 ** ((reference_year - last_year) / HALF_LIFE)
    return max(RECENCY_FLOOR, decay)


def method_factor(method: str) -> float:
    return METHOD_FACTOR.get(method.split("/", 1)[0], 1.0)


def evidence_weight(piece: Evidence, claim: Claim, reference_year: int | None) -> float:
    """What one source's word is worth for this tie."""
    status = piece.status or claim.status
    factor = STATUS_FACTOR[status] if status is not None else 1.0
    age = recency(_last_year(piece, claim), reference_year)
    return piece.confidence * factor * method_factor(piece.method) * age


def _last_year(piece: Evidence, claim: Claim) -> int | None:
    """The last year a source puts the tie in; None while it is still running."""
    if piece.until is not None:
        return piece.until
    if piece.since is not None:
        return None
    return claim.end if claim.end is not None else claim.start


def claim_weight(claim: Claim, reference_year: int | None) -> float:
    """A claim's weight as a tie, 0..1, from its live evidence."""
    live = [e for e in claim.evidence if e.review is not Review.REJECTED]
    denial = max((e.confidence for e in live if e.status is Status.DENIED), default=0.0)
    affirming = [e for e in live if e.status is not Status.DENIED]
    disbelief = 1.0
    for weight in independent(affirming, lambda e: evidence_weight(e, claim, reference_year)):
        disbelief *= 1.0 - weight
    flavour = RELATION_FACTOR[claim.relation] if claim.relation is not None else 1.0
    return (1.0 - disbelief) * (1.0 - 0.5 * denial) * flavour


def organisation_factor(kind: str | None) -> float:
    if kind is None:
        return DEFAULT_ORGANISATION_FACTOR
    return ORGANISATION_FACTOR.get(kind, DEFAULT_ORGANISATION_FACTOR)
