"""Where the news and the datasets disagree about who armed whom.

Three kinds, each explained in one sentence with the claims and evidence on
both sides:

- ``not_in_dataset``: an article reports a transfer (supplier → recipient in
  a year) that a supply dataset covering that recipient and year does not
  record within a year either way, e.g. Belarusian air defence for
  Kyrgyzstan in 2023 that the SIPRI register (covering Kyrgyzstan to 2023)
  does not have. A dataset covers the recipients it records any transfer to,
  from its first to its last year.
- ``not_in_news``: a dataset records a supplier arming a recipient in years
  for which articles in the store do cover that recipient (they report a
  transfer to it or a clash involving it that year) yet report no supply from
  that supplier within a year, e.g. SIPRI's Russian Mi-17s for Kyrgyzstan in
  2023 while the news puts Russia on the sidelines.
- ``status_conflict``: one claim that one source says happened (delivered,
  ordered, aid, licensed production) and another denies.

Only evidence not rejected by a reviewer counts. A claim the news and a
dataset both support is agreement, not disagreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from allegiance.model import Claim, ClaimKind, Document, DocumentKind, Evidence, Review, Status

Names = Callable[[str], str]
TOLERANCE = 1  # years: sources date one deal by its order, delivery or announcement
AFFIRMING = frozenset({Status.DELIVERED, Status.ORDERED, Status.AID, Status.LOCAL_PRODUCTION})


class DisagreementKind(StrEnum):
    NOT_IN_DATASET = "not_in_dataset"
    NOT_IN_NEWS = "not_in_news"
    STATUS_CONFLICT = "status_conflict"


@dataclass(frozen=True, slots=True)
class SourceSide:
    """What one side says, and the claims, evidence and documents it rests on."""

    says: str
    claim_ids: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    documents: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "says": self.says,
            "claims": list(self.claim_ids),
            "documents": list(self.documents),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Sources that do not tell the same story about one tie."""

    kind: DisagreementKind
    actors: tuple[str, ...]
    years: tuple[int, ...]
    explanation: str
    sides: tuple[SourceSide, SourceSide]

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "source_disagreement",
            "kind": str(self.kind),
            "actors": list(self.actors),
            "years": list(self.years),
            "explanation": self.explanation,
            "sides": [side.to_dict() for side in self.sides],
        }


def disagreements(
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    names: Names | None = None,
) -> list[Disagreement]:
    """Every source disagreement among these claims, sorted by kind, actors and years."""
    view = _View(claims, documents, names or _gazetteer_names())
    found = [*not_in_dataset(view), *not_in_news(view), *status_conflicts(view)]
    return sorted(found, key=lambda d: (str(d.kind), d.actors, d.years))


class _View:
    """The claims split by source kind, with coverage worked out once."""

    def __init__(self, claims: Sequence[Claim], documents: Mapping[str, Document], names: Names):
        self.documents = documents
        self.name = names
        self.supply = [c for c in claims if c.kind is ClaimKind.SUPPLY]
        self.claims = claims

    def kind(self, evidence: Evidence) -> DocumentKind | None:
        doc = self.documents.get(evidence.document_id)
        return doc.kind if doc is not None else None

    def live(self, claim: Claim, kind: DocumentKind) -> tuple[Evidence, ...]:
        return tuple(
            e for e in claim.evidence if e.review is not Review.REJECTED and self.kind(e) is kind
        )

    def title(self, document_id: str) -> str:
        doc = self.documents.get(document_id)
        return doc.title if doc is not None else document_id[:12]


def _gazetteer_names() -> Names:
    from allegiance.actors import Gazetteer

    gazetteer = Gazetteer.load()

    def name(code: str) -> str:
        actor = gazetteer.get(code)
        return actor.name if actor is not None else code

    return name


def claim_years(claim: Claim) -> set[int]:
    """The years a supply claim puts a transfer in: order, deliveries, and its period."""
    years = set(claim.delivery_years)
    if claim.start is not None:
        end = claim.end if claim.end is not None else claim.start
        years |= set(range(claim.start, end + 1))
    return years


def _near(year: int, years: Iterable[int]) -> bool:
    return any(abs(year - y) <= TOLERANCE for y in years)


def _side(says: str, claims: Iterable[Claim], evidence: Iterable[Evidence]) -> SourceSide:
    pieces = tuple(evidence)
    ids = tuple(sorted({c.id for c in claims if c.id is not None}))
    docs = tuple(dict.fromkeys(e.document_id for e in pieces))
    return SourceSide(says, ids, pieces, docs)


def _years_text(years: Sequence[int]) -> str:
    if len(years) == 1:
        return str(years[0])
    return ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"


def _what(claims: Iterable[Claim]) -> str:
    """The weapons a group of claims names, for an explanation."""
    items = []
    for c in claims:
        label = c.weapon or (str(c.category).replace("_", " ") if c.category else "arms")
        items.append(f"{c.quantity} {label}" if c.quantity else label)
    unique = list(dict.fromkeys(items))
    return "; ".join(unique[:4]) + ("; ..." if len(unique) > 4 else "")


# -- (a) reported by the news, missing from a dataset that covers it ---------------------


@dataclass(frozen=True, slots=True)
class Coverage:
    """A supply dataset's reach: the recipients it records and its first and last years."""

    document_id: str
    recipients: frozenset[str]
    first: int
    last: int


def coverage(view: _View) -> list[Coverage]:
    recipients: dict[str, set[str]] = defaultdict(set)
    years: dict[str, set[int]] = defaultdict(set)
    for claim in view.supply:
        for piece in view.live(claim, DocumentKind.DATASET):
            recipients[piece.document_id].add(claim.object)
            years[piece.document_id] |= claim_years(claim)
    return [
        Coverage(doc, frozenset(recipients[doc]), min(years[doc]), max(years[doc]))
        for doc in sorted(recipients)
        if years[doc]
    ]


def not_in_dataset(view: _View) -> list[Disagreement]:
    """Transfers the news reports that a covering dataset does not record."""
    reported: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in view.supply:
        if _news_only(view, claim) and claim.start is not None:
            reported[(claim.subject, claim.object)].append(claim)
    found = []
    for reach in coverage(view):
        recorded = _recorded(view, reach.document_id)
        for (supplier, recipient), claims in sorted(reported.items()):
            if recipient not in reach.recipients:
                continue
            missing = [
                c
                for c in claims
                if c.start is not None
                and reach.first <= c.start <= reach.last
                and not _near(c.start, recorded.get((supplier, recipient), ()))
            ]
            if missing:
                found.append(_missing_from_dataset(view, reach, supplier, recipient, missing))
    return found


def _news_only(view: _View, claim: Claim) -> bool:
    """Reported by an article, recorded by no dataset, and not denied."""
    news = view.live(claim, DocumentKind.ARTICLE)
    data = view.live(claim, DocumentKind.DATASET)
    return bool(news) and not data and claim.status is not Status.DENIED


def _recorded(view: _View, document_id: str) -> dict[tuple[str, str], set[int]]:
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    for claim in view.supply:
        if any(e.document_id == document_id for e in view.live(claim, DocumentKind.DATASET)):
            out[(claim.subject, claim.object)] |= claim_years(claim)
    return out


def _missing_from_dataset(
    view: _View, reach: Coverage, supplier: str, recipient: str, claims: list[Claim]
) -> Disagreement:
    years = sorted({c.start for c in claims if c.start is not None})
    title = view.title(reach.document_id)
    sup, rec = view.name(supplier), view.name(recipient)
    explanation = (
        f"News reports say {sup} supplied {rec} in {_years_text(years)} ({_what(claims)}), "
        f"but the {title}, which covers {rec} up to {reach.last}, records no transfer "
        f"from {sup} to {rec} within a year of that."
    )
    news = [e for c in claims for e in view.live(c, DocumentKind.ARTICLE)]
    absent = SourceSide("records no such transfer", (), (), (reach.document_id,))
    return Disagreement(
        DisagreementKind.NOT_IN_DATASET,
        (supplier, recipient),
        tuple(years),
        explanation,
        (_side("reports the transfer", claims, news), absent),
    )


# -- (b) recorded by a dataset, absent from news that covers the recipient --------------


def news_years(view: _View) -> dict[str, set[int]]:
    """The years the articles cover each actor: transfers to or from it, clashes involving it."""
    covered: dict[str, set[int]] = defaultdict(set)
    for claim in view.claims:
        if claim.kind not in (ClaimKind.SUPPLY, ClaimKind.HOSTILITY):
            continue
        for piece in view.live(claim, DocumentKind.ARTICLE):
            years = _evidence_years(piece, claim)
            covered[claim.subject] |= years
            covered[claim.object] |= years
    return covered


def _evidence_years(piece: Evidence, claim: Claim) -> set[int]:
    start = piece.since if piece.since is not None else claim.start
    end = piece.until if piece.until is not None else (claim.end or start)
    if start is None or end is None or end < start:
        return set()
    return set(range(start, end + 1))


def not_in_news(view: _View) -> list[Disagreement]:
    """Supply a dataset records in years the news covers the recipient but never mentions."""
    covered = news_years(view)
    reported: dict[tuple[str, str], set[int]] = defaultdict(set)
    recorded: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in view.supply:
        news = view.live(claim, DocumentKind.ARTICLE)
        if news:
            reported[(claim.subject, claim.object)] |= claim_years(claim)
        elif view.live(claim, DocumentKind.DATASET):
            recorded[(claim.subject, claim.object)].append(claim)
    found = []
    for (supplier, recipient), claims in sorted(recorded.items()):
        silent = {
            year: [c for c in claims if year in claim_years(c)]
            for year in sorted(covered.get(recipient, set()))
            if any(year in claim_years(c) for c in claims)
            and not _near(year, reported.get((supplier, recipient), ()))
        }
        if silent:
            found.append(_missing_from_news(view, supplier, recipient, silent))
    return found


def _missing_from_news(
    view: _View, supplier: str, recipient: str, silent: dict[int, list[Claim]]
) -> Disagreement:
    years = sorted(silent)
    claims = list({id(c): c for cs in silent.values() for c in cs}.values())
    data = [e for c in claims for e in view.live(c, DocumentKind.DATASET)]
    titles = sorted({view.title(e.document_id) for e in data})
    sup, rec = view.name(supplier), view.name(recipient)
    explanation = (
        f"The {' and the '.join(titles)} records {sup} arming {rec} in {_years_text(years)} "
        f"({_what(claims)}), but the news reports in the store that cover {rec} in "
        f"{'that year' if len(years) == 1 else 'those years'} mention no supply from {sup}."
    )
    articles = _covering_articles(view, recipient, set(years))
    return Disagreement(
        DisagreementKind.NOT_IN_NEWS,
        (supplier, recipient),
        tuple(years),
        explanation,
        (_side("records the transfer", claims, data), articles),
    )


def _covering_articles(view: _View, recipient: str, years: set[int]) -> SourceSide:
    """The articles that cover the recipient in those years, and what they do report."""
    claims, pieces = [], []
    for claim in view.claims:
        if claim.kind not in (ClaimKind.SUPPLY, ClaimKind.HOSTILITY) or not claim.involves(
            recipient
        ):
            continue
        hits = [
            e for e in view.live(claim, DocumentKind.ARTICLE) if _evidence_years(e, claim) & years
        ]
        if hits:
            claims.append(claim)
            pieces += hits
    return _side("reports no such supply", claims, pieces)


# -- (c) one claim, affirmed by one source and denied by another -------------------------


def status_conflicts(view: _View) -> list[Disagreement]:
    """Claims one source says happened and another denies."""
    found = []
    for claim in view.supply:
        live = [e for e in claim.evidence if e.review is not Review.REJECTED]
        denied = [e for e in live if e.status is Status.DENIED]
        affirmed = [e for e in live if e.status in AFFIRMING]
        docs_denying = {e.document_id for e in denied}
        if denied and any(e.document_id not in docs_denying for e in affirmed):
            found.append(_conflict(view, claim, affirmed, denied))
    return found


def _conflict(
    view: _View, claim: Claim, affirmed: list[Evidence], denied: list[Evidence]
) -> Disagreement:
    statuses = sorted({str(e.status) for e in affirmed})
    sup, rec = view.name(claim.subject), view.name(claim.object)
    year = f" in {claim.start}" if claim.start is not None else ""
    said = " and ".join(f"{view.title(e.document_id)}" for e in affirmed[:2])
    denier = " and ".join(f"{view.title(e.document_id)}" for e in denied[:2])
    explanation = (
        f"Sources contradict each other on {sup} supplying {rec}{year} ({_what([claim])}): "
        f"{said} say{'s' if len(affirmed) == 1 else ''} {' or '.join(statuses)}, "
        f"{denier} den{'ies' if len(denied) == 1 else 'y'} it."
    )
    return Disagreement(
        DisagreementKind.STATUS_CONFLICT,
        (claim.subject, claim.object),
        (claim.start,) if claim.start is not None else (),
        explanation,
        (_side(" or ".join(statuses), [claim], affirmed), _side("denied", [claim], denied)),
    )
