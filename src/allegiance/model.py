"""The domain model: actors, documents, claims and their evidence, conflicts.

Every object here is frozen. Results cross module boundaries as these types,
never as loose dicts; ``to_dict`` gives the documented JSON shape.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from allegiance.errors import InputError


class ActorKind(StrEnum):
    STATE = "state"
    ORGANISATION = "organisation"
    GROUP = "group"
    COMPANY = "company"


class ClaimKind(StrEnum):
    SUPPLY = "supply"
    MEMBERSHIP = "membership"
    HOSTILITY = "hostility"
    AFFINITY = "affinity"


class Status(StrEnum):
    """What a source says about a transfer."""

    ORDERED = "ordered"
    DELIVERED = "delivered"
    AID = "aid"
    LOCAL_PRODUCTION = "local_production"
    PLANNED = "planned"
    ALLEGED = "alleged"
    DENIED = "denied"


class Category(StrEnum):
    DRONE = "drone"
    AIR_DEFENCE = "air_defence"
    AIRCRAFT = "aircraft"
    HELICOPTER = "helicopter"
    ARMOURED_VEHICLE = "armoured_vehicle"
    MISSILE = "missile"
    ARTILLERY = "artillery"
    NAVAL = "naval"
    SMALL_ARMS = "small_arms"
    SENSORS = "sensors"
    PRODUCTION_FACILITY = "production_facility"
    PARTS = "parts"
    AID_PACKAGE = "aid_package"
    OTHER = "other"


class Relation(StrEnum):
    """The flavour of a hostility or an affinity claim."""

    RIVALRY = "rivalry"
    ARMED_CLASH = "armed_clash"
    WAR = "war"
    SANCTIONS = "sanctions"
    ALLIANCE = "alliance"
    PARTNERSHIP = "partnership"
    KINSHIP = "kinship"


HOSTILE_RELATIONS = frozenset(
    {Relation.RIVALRY, Relation.ARMED_CLASH, Relation.WAR, Relation.SANCTIONS}
)
FRIENDLY_RELATIONS = frozenset({Relation.ALLIANCE, Relation.PARTNERSHIP, Relation.KINSHIP})

# When two sources name the same tie with different flavours, the claim keeps
# the strongest one; the weaker survives in the evidence that reported it.
RELATION_STRENGTH = {
    Relation.SANCTIONS: 1,
    Relation.RIVALRY: 2,
    Relation.ARMED_CLASH: 3,
    Relation.WAR: 4,
    Relation.KINSHIP: 1,
    Relation.PARTNERSHIP: 2,
    Relation.ALLIANCE: 3,
}

# A claim's status is the most assertive one a non-rejected source gives.
STATUS_STRENGTH = {
    Status.DENIED: 0,
    Status.ALLEGED: 1,
    Status.PLANNED: 2,
    Status.ORDERED: 3,
    Status.AID: 4,
    Status.LOCAL_PRODUCTION: 4,
    Status.DELIVERED: 5,
}


class Review(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DocumentKind(StrEnum):
    ARTICLE = "article"
    DATASET = "dataset"
    REFERENCE = "reference"


UNDIRECTED = frozenset({ClaimKind.HOSTILITY, ClaimKind.AFFINITY})


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, organisation, armed group or company, known by a short code."""

    code: str
    name: str
    kind: ActorKind
    iso3: str | None = None
    cow: int | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": str(self.kind),
            "iso3": self.iso3,
            "cow": self.cow,
            "aliases": list(self.aliases),
        }


def content_hash(content: str | bytes) -> str:
    """The id of a document: the SHA-256 of its text (or of a dataset's bytes)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """A source: an article's text, or a dataset file, named by its content hash."""

    id: str
    title: str
    kind: DocumentKind = DocumentKind.ARTICLE
    publisher: str | None = None
    date: date | None = None
    url: str | None = None
    path: str | None = None
    licence: str | None = None
    version: str | None = None
    text: str = field(default="", repr=False)

    @classmethod
    def from_text(cls, text: str, title: str, **meta: Any) -> Document:
        """An article document whose id is the hash of its text."""
        return cls(id=content_hash(text), title=title, text=text, **meta)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "kind": str(self.kind),
            "publisher": self.publisher,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "path": self.path,
            "licence": self.licence,
            "version": self.version,
        }
        if with_text:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim comes from: a span of a document's text, or a dataset row.

    ``status`` and the period (``since``..``until``, years) are what this one
    source says; the claim aggregates them over all its evidence. A point in
    time has ``since == until``; ``since`` without ``until`` is still running;
    neither is timeless.
    """

    document_id: str
    method: str
    confidence: float
    start: int | None = None
    end: int | None = None
    text: str | None = None
    row: int | None = None
    status: Status | None = None
    since: int | None = None
    until: int | None = None
    review: Review = Review.PROPOSED
    id: int | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise InputError(f"confidence must be within 0..1, got {self.confidence}")
        if (self.start is None) != (self.end is None):
            raise InputError("an evidence span needs both start and end")
        if self.start is not None and self.end is not None and not 0 <= self.start <= self.end:
            raise InputError(f"bad evidence span {self.start}..{self.end}")
        if self.start is None and self.row is None:
            raise InputError("evidence needs a character span or a dataset row")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "row": self.row,
            "method": self.method,
            "confidence": round(self.confidence, 4),
            "status": str(self.status) if self.status else None,
            "since": self.since,
            "until": self.until,
            "review": str(self.review),
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One typed relation between two actors, with its time, attributes and evidence.

    ``supply`` runs from supplier (subject) to recipient (object); ``membership``
    from member to organisation; ``hostility`` and ``affinity`` are undirected
    and kept with the two codes in sorted order. ``start``..``end`` is the
    period in years; for ``supply`` ``start`` is the year of the order or
    transfer and part of the claim's identity.
    """

    kind: ClaimKind
    subject: str
    object: str
    start: int | None = None
    end: int | None = None
    weapon: str | None = None
    category: Category | None = None
    quantity: int | None = None
    delivered: int | None = None
    delivery_years: tuple[int, ...] = ()
    status: Status | None = None
    value: float | None = None
    value_unit: str | None = None
    relation: Relation | None = None
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.subject or not self.object:
            raise InputError("a claim needs a subject and an object")
        if self.subject == self.object:
            raise InputError(f"a claim cannot tie {self.subject} to itself")
        if self.kind in UNDIRECTED and self.subject > self.object:
            subject, obj = self.object, self.subject
            object.__setattr__(self, "subject", subject)
            object.__setattr__(self, "object", obj)
        if self.kind is not ClaimKind.SUPPLY and (self.weapon or self.status):
            raise InputError(f"only supply claims carry a weapon or a status, not {self.kind}")
        if self.relation is not None:
            friendly = self.relation in FRIENDLY_RELATIONS
            if (self.kind is ClaimKind.HOSTILITY and friendly) or (
                self.kind is ClaimKind.AFFINITY and not friendly
            ):
                raise InputError(f"{self.relation} is not a kind of {self.kind}")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InputError(f"claim period ends ({self.end}) before it starts ({self.start})")

    @property
    def year(self) -> int | None:
        return self.start

    @property
    def key(self) -> str:
        """What makes two claims the same claim: kind, actors, and for supply weapon and year."""
        parts = [str(self.kind), self.subject, self.object]
        if self.kind is ClaimKind.SUPPLY:
            parts += [self.weapon or "", "" if self.start is None else str(self.start)]
        return "|".join(parts)

    @property
    def review(self) -> Review:
        """Rejected once every piece of evidence is; accepted once any is."""
        reviews = {e.review for e in self.evidence}
        if reviews and reviews == {Review.REJECTED}:
            return Review.REJECTED
        if Review.ACCEPTED in reviews:
            return Review.ACCEPTED
        return Review.PROPOSED

    def involves(self, code: str) -> bool:
        return code in (self.subject, self.object)

    def other(self, code: str) -> str:
        """The actor across the tie from ``code``."""
        return self.object if code == self.subject else self.subject

    def with_evidence(self, evidence: tuple[Evidence, ...]) -> Claim:
        """This claim as its evidence alone supports it (after filtering)."""
        return aggregate(replace(self, evidence=evidence))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": str(self.kind),
            "subject": self.subject,
            "object": self.object,
            "start": self.start,
            "end": self.end,
        }
        if self.kind is ClaimKind.SUPPLY:
            out |= {
                "weapon": self.weapon,
                "category": str(self.category) if self.category else None,
                "quantity": self.quantity,
                "delivered": self.delivered,
                "delivery_years": list(self.delivery_years),
                "year": self.start,
                "status": str(self.status) if self.status else None,
                "value": self.value,
                "value_unit": self.value_unit,
            }
        else:
            out["relation"] = str(self.relation) if self.relation else None
        out["confidence"] = round(self.confidence, 4)
        out["review"] = str(self.review)
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


def _live(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    return tuple(e for e in evidence if e.review is not Review.REJECTED)


def independent(evidence: Iterable[Evidence], weight: Callable[[Evidence], float]) -> list[float]:
    """One weight per document: the strongest piece of each.

    Pieces from one document (an article repeating itself, a dataset's yearly
    rows, a month of event data) are not independent witnesses, so they count
    once; different documents combine as independent sources.
    """
    best: dict[str, float] = {}
    for piece in evidence:
        best[piece.document_id] = max(best.get(piece.document_id, 0.0), weight(piece))
    return list(best.values())


def aggregate(claim: Claim) -> Claim:
    """Recompute a claim's period, status and confidence from its live evidence.

    Confidence combines independent sources (documents) as a noisy-or: two
    sources at 0.6 give 0.84. A claim with no evidence keeps what it was
    built with.
    """
    live = _live(claim.evidence)
    if not live:
        return claim
    years = [y for e in live for y in (e.since, e.until) if y is not None]
    running = any(e.since is not None and e.until is None for e in live)
    disbelief = 1.0
    for confidence in independent(live, lambda e: e.confidence):
        disbelief *= 1.0 - confidence
    statuses = [e.status for e in live if e.status is not None]
    status = max(statuses, key=STATUS_STRENGTH.__getitem__) if statuses else claim.status
    start, end = claim.start, claim.end
    if claim.kind is not ClaimKind.SUPPLY and years:
        start, end = min(years), None if running else max(years)
    return replace(claim, start=start, end=end, status=status, confidence=round(1.0 - disbelief, 6))


@dataclass(frozen=True, slots=True)
class Conflict:
    """The focus of an analysis: two sides and a window of years."""

    side_a: str
    side_b: str
    start: int | None = None
    end: int | None = None
    as_of: date | None = None

    def __post_init__(self) -> None:
        if self.side_a == self.side_b:
            raise InputError("a conflict needs two different sides")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InputError(f"--from {self.start} is after --to {self.end}")

    @classmethod
    def parse(cls, spec: str, **window: Any) -> Conflict:
        """A conflict from ``A:B`` (codes), e.g. ``KGZ:TJK``."""
        a, sep, b = spec.partition(":")
        if not sep or not a.strip() or not b.strip():
            raise InputError(f"a conflict is written A:B, e.g. KGZ:TJK, not {spec!r}")
        return cls(a.strip().upper(), b.strip().upper(), **window)

    @property
    def sides(self) -> tuple[str, str]:
        return (self.side_a, self.side_b)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sides": [self.side_a, self.side_b],
            "from": self.start,
            "to": self.end,
            "as_of": self.as_of.isoformat() if self.as_of else None,
        }
