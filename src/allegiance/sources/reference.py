"""The gazetteer's organisation memberships as claims, so analyses can cite them.

Background knowledge ("Turkey and the United States are NATO allies") must be
as traceable as what an article says: each membership becomes a
``membership`` claim whose evidence is its row of the shipped
``memberships.csv``. The file is one reference document; a newer file
replaces the older one (and the claims only it supported).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from allegiance.actors import Gazetteer, Membership, MembershipStatus
from allegiance.model import Claim, ClaimKind, Document, DocumentKind, Evidence, content_hash
from allegiance.store import Store

TITLE = "allegiance reference data: organisation memberships"
METHOD = "reference/gazetteer"
CONFIDENCE = 0.95


def reference_document() -> Document:
    """The shipped memberships file as a document, named by the hash of its bytes."""
    data = resources.files("allegiance").joinpath("data/actors/memberships.csv").read_bytes()
    return Document(
        id=content_hash(data),
        title=TITLE,
        kind=DocumentKind.REFERENCE,
        publisher="allegiance gazetteer (COW IGO v3 and curated treaty records)",
        path="allegiance/data/actors/memberships.csv",
        licence="COW IGO data: cite Pevehouse et al. (2020); curated rows: Apache-2.0",
    )


def membership_claims(gazetteer: Gazetteer, document_id: str) -> Iterator[Claim]:
    """One claim per period of full membership, citing its row.

    Observers and associates sit at the table without the obligations, so
    they make no membership claim.
    """
    for membership in gazetteer.memberships():
        if membership.status is not MembershipStatus.FULL:
            continue
        yield Claim(
            ClaimKind.MEMBERSHIP,
            membership.member,
            membership.organisation,
            start=membership.since,
            end=membership.until,
            evidence=(_evidence(membership, document_id),),
        )


def _evidence(membership: Membership, document_id: str) -> Evidence:
    period = (
        f"since {membership.since}"
        if membership.until is None
        else (f"{membership.since}–{membership.until}")
    )
    return Evidence(
        document_id=document_id,
        method=METHOD,
        confidence=CONFIDENCE,
        row=membership.row,
        text=f"{membership.member} member of {membership.organisation} "
        f"{period} ({membership.source})",
        since=membership.since,
        until=membership.until,
    )


def ensure_reference(store: Store, gazetteer: Gazetteer | None = None) -> bool:
    """Load the reference memberships unless this version is already in; True if loaded."""
    doc = reference_document()
    if any(d.id == doc.id for d in store.documents(DocumentKind.REFERENCE)):
        return False
    gaz = gazetteer or Gazetteer.load()
    store.replace_reference(doc, membership_claims(gaz, doc.id))
    return True
