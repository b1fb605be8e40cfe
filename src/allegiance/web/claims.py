"""The claims table and a claim's page: filters, pages, and evidence marked in its document.

Filters follow ``allegiance claims``: by actor, kind and years, and beside
them by the transfer status, the review state and the source document.
Rejected claims are left out unless the review filter asks for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from allegiance.actors import Gazetteer
from allegiance.errors import InputError, NotFoundError
from allegiance.model import Claim, ClaimKind, Document, Evidence, Review, Status
from allegiance.store import ReviewRecord, Store
from allegiance.web import params
from allegiance.web.conflicts import side_code

REVIEW_FILTERS = ("proposed", "accepted", "rejected", "all")
KINDS = tuple(k.value for k in ClaimKind)
STATUSES = tuple(s.value for s in Status)
# A document longer than this is shown as an excerpt around each piece of evidence.
FULL_TEXT_CHARS = 20_000
EXCERPT_CHARS = 1_500


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """What the claims table (or ``/api/claims``) is asked for."""

    actor: str | None = None
    kind: str | None = None
    status: str | None = None
    review: str | None = None
    document: str | None = None
    since: int | None = None
    until: int | None = None
    as_of: date | None = None
    page: int | None = None
    per_page: int = 50

    @classmethod
    def parse(cls, given: params.Params, gazetteer: Gazetteer, per_page: int) -> ClaimQuery:
        """The query a request's parameters ask for; InputError (400) for any it cannot read."""
        actor = params.text(given, "actor")
        review = params.choice(given, "review", REVIEW_FILTERS)
        if review is None and params.text(given, "include_rejected") in ("1", "true", "yes"):
            review = "all"
        return cls(
            actor=_actor(actor, gazetteer) if actor else None,
            kind=params.choice(given, "kind", KINDS),
            status=params.choice(given, "status", STATUSES),
            review=review,
            document=params.text(given, "document"),
            since=params.year(given, "from"),
            until=params.year(given, "to"),
            as_of=params.day(given, "as_of"),
            page=params.whole(given, "page", default=0) or None,
            per_page=params.whole(given, "per_page", default=per_page),
        )

    def filters(self) -> dict[str, str]:
        """The query as parameters, blanks left out (for links to other pages of it)."""
        values = {
            "actor": self.actor,
            "kind": self.kind,
            "status": self.status,
            "review": self.review,
            "document": self.document,
            "from": self.since,
            "to": self.until,
            "as_of": self.as_of.isoformat() if self.as_of else None,
        }
        return {k: str(v) for k, v in values.items() if v is not None}

    def link(self, page: int) -> str:
        return "?" + urlencode(self.filters() | {"page": str(page)})


def _actor(query: str, gazetteer: Gazetteer) -> str:
    try:
        return side_code(query, gazetteer)
    except NotFoundError as exc:
        raise InputError(str(exc)) from None


@dataclass(frozen=True, slots=True)
class ClaimPage:
    """One page of the claims a query finds (all of them when no page is asked for)."""

    query: ClaimQuery
    claims: tuple[Claim, ...]
    total: int

    @property
    def page(self) -> int:
        return self.query.page or 1

    @property
    def pages(self) -> int:
        if self.query.page is None:
            return 1
        return max(1, -(-self.total // self.query.per_page))

    @property
    def first(self) -> int:
        """The 1-based position of the page's first claim among all found."""
        if not self.claims:
            return 0
        return 1 + (self.page - 1) * self.query.per_page if self.query.page else 1

    def to_dict(self) -> dict[str, Any]:
        """``{"claims": [...]}`` as ``allegiance claims --format json`` prints, plus the counts."""
        return {
            "claims": [c.to_dict() for c in self.claims],
            "total": self.total,
            "page": self.query.page,
            "per_page": self.query.per_page if self.query.page else None,
        }


def find_claims(store: Store, query: ClaimQuery) -> ClaimPage:
    """The claims ``query`` asks for, oldest id first, one page of them if it names a page."""
    found = store.claims(
        actor=query.actor,
        kind=query.kind,
        since=query.since,
        until=query.until,
        as_of=query.as_of,
        include_rejected=query.review in ("rejected", "all"),
        document_id=query.document,
    )
    kept = [c for c in found if _passes(c, query)]
    if query.page is None:
        return ClaimPage(query, tuple(kept), len(kept))
    start = (query.page - 1) * query.per_page
    return ClaimPage(query, tuple(kept[start : start + query.per_page]), len(kept))


def _passes(claim: Claim, query: ClaimQuery) -> bool:
    if query.status is not None and str(claim.status) != query.status:
        return False
    if query.review in (None, "all"):
        return True
    return str(claim.review) == query.review


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a document's text, marked when it is evidence."""

    text: str
    marked: bool = False


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """A piece of evidence and where it stands in its document."""

    evidence: Evidence
    document: Document | None
    pieces: tuple[Piece, ...] = ()
    clipped: tuple[bool, bool] = (False, False)  # text left out before, after

    @property
    def in_text(self) -> bool:
        return any(p.marked for p in self.pieces)


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: Claim
    evidence: tuple[EvidenceView, ...]
    reviews: tuple[ReviewRecord, ...]
    documents: dict[str, Document] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "reviews": [r.to_dict() for r in self.reviews],
            "documents": [d.to_dict() for d in self.documents.values()],
        }


def load_claim(store: Store, claim_id: int) -> Claim:
    """A claim with all its evidence, or a 404 that names it."""
    try:
        return store.claim(claim_id)
    except NotFoundError:
        raise NotFoundError(f"there is no claim {claim_id}") from None


def load_document(store: Store, document_id: str) -> Document:
    try:
        return store.document(document_id)
    except NotFoundError:
        raise NotFoundError(f"there is no document {document_id}") from None


def claim_detail(store: Store, claim_id: int) -> ClaimDetail:
    """A claim, each piece of its evidence in its document, and its audit trail."""
    claim = load_claim(store, claim_id)
    documents = {
        d: load_document(store, d) for d in dict.fromkeys(e.document_id for e in claim.evidence)
    }
    views = tuple(evidence_view(e, documents.get(e.document_id)) for e in claim.evidence)
    return ClaimDetail(claim, views, tuple(store.reviews(claim_id)), documents)


def evidence_view(piece: Evidence, doc: Document | None) -> EvidenceView:
    """The document's text around ``piece`` with its span marked (a dataset row has no text)."""
    text = doc.text if doc is not None else ""
    if piece.start is None or piece.end is None or not text or piece.end > len(text):
        return EvidenceView(piece, doc)
    lo, hi = 0, len(text)
    if len(text) > FULL_TEXT_CHARS:
        lo, hi = max(0, piece.start - EXCERPT_CHARS), min(len(text), piece.end + EXCERPT_CHARS)
    pieces = marked(text[lo:hi], [(piece.start - lo, piece.end - lo)])
    return EvidenceView(piece, doc, tuple(pieces), (lo > 0, hi < len(text)))


def marked(text: str, spans: Iterable[tuple[int, int]]) -> list[Piece]:
    """``text`` cut into runs, the runs inside any span marked (overlapping spans merged)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, at = [], 0
    for start, end in merged:
        pieces += [Piece(text[at:start]), Piece(text[start:end], marked=True)]
        at = end
    pieces.append(Piece(text[at:]))
    return [p for p in pieces if p.text]


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document, its text with every piece of evidence marked, and the claims it supports."""

    document: Document
    pieces: tuple[Piece, ...]
    claims: tuple[Claim, ...]


def document_detail(store: Store, document_id: str) -> DocumentDetail:
    doc = load_document(store, document_id)
    claims = store.claims(document_id=doc.id, include_rejected=True)
    spans = [
        (e.start, e.end)
        for c in claims
        for e in c.evidence
        if e.start is not None and e.end is not None and e.document_id == doc.id
    ]
    return DocumentDetail(doc, tuple(marked(doc.text, spans)), tuple(claims))


def review_decision(value: str | None) -> Review:
    """'accept'/'accepted' or 'reject'/'rejected' (or 'proposed', to undo) as a review."""
    words = {"accept": Review.ACCEPTED, "reject": Review.REJECTED, "undo": Review.PROPOSED}
    found = words.get(value or "") or next((r for r in Review if r.value == value), None)
    if found is None:
        raise InputError(f"a review decision is accepted or rejected, not {value!r}")
    return found
