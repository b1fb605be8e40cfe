"""The analyst: wires the store, the gazetteer and the graph analyses together.

The CLI and the web app both ask an ``Analyst`` for a conflict's analysis, so
the two always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from allegiance.actors import Gazetteer
from allegiance.errors import StoreError
from allegiance.graph.analysis import Analysis, analyze
from allegiance.graph.disagreement import disagreements
from allegiance.graph.findings import Finding, FindingType
from allegiance.graph.wording import Namer
from allegiance.model import Claim, ClaimKind, Conflict, Document, DocumentKind
from allegiance.sources.reference import ensure_reference
from allegiance.store import Store


class Analyst:
    """Answers questions about conflicts from one store."""

    def __init__(self, store: Store, gazetteer: Gazetteer | None = None) -> None:
        self.store = store
        self.gazetteer = gazetteer or Gazetteer.load()

    @cached_property
    def namer(self) -> Namer:
        names = {actor.code: actor.name for actor in self.gazetteer.actors()}
        return Namer(names, (org.code for org in self.gazetteer.organisations()))

    def organisation_type(self, code: str) -> str | None:
        found = self.gazetteer.get(code)
        if found is None:
            return None
        try:
            return str(self.gazetteer.organisation(code).type)
        except LookupError:
            return None

    def analyze(self, conflict: Conflict) -> Analysis:
        """The analysis of ``conflict``: claims valid in its window, as known by its as-of date."""
        self._ensure_reference()
        documents = {d.id: d for d in self.store.documents()}
        articles = {d.id for d in documents.values() if d.kind is DocumentKind.ARTICLE}
        claims = self.claims_around(conflict)

        def disagreeing(analysis: Analysis) -> list[Finding]:
            return self._disagreements(claims, documents, conflict)

        return analyze(
            claims,
            conflict,
            name=self.namer,
            organisation_type=self.organisation_type,
            extra_findings=disagreeing,
            articles=articles,
        )

    def _ensure_reference(self) -> None:
        """Load the reference memberships the analysis cites, or say why they cannot be."""
        try:
            ensure_reference(self.store, self.gazetteer)
        except StoreError as exc:
            raise StoreError(
                f"{self.store.path} does not yet hold this version's reference memberships, "
                f"and they cannot be added ({exc}); analyse a writable copy once"
            ) from exc

    def _disagreements(
        self, claims: list[Claim], documents: dict[str, Document], conflict: Conflict
    ) -> list[Finding]:
        """Where the news and the datasets tell different stories about the sides."""
        sides = set(conflict.sides)
        return [
            Finding(
                FindingType.SOURCE_DISAGREEMENT,
                found.actors,
                found.explanation,
                tuple(sorted({c for side in found.sides for c in side.claim_ids})),
                via=str(found.kind),
            )
            for found in disagreements(claims, documents, self.namer)
            if sides & set(found.actors)
        ]

    def claims_around(self, conflict: Conflict) -> list[Claim]:
        """The claims that can reach the conflict's graph: the sides, their partners, co-members."""
        sides = set(conflict.sides)
        first = self._claims(conflict, sides)
        partners = _others(first, sides, ClaimKind.MEMBERSHIP, exclude=True)
        organisations = _others(first, sides, ClaimKind.MEMBERSHIP)
        members = {c.subject for c in self._claims(conflict, organisations, ClaimKind.MEMBERSHIP)}
        return self._claims(conflict, sides | partners | members)

    def _claims(
        self, conflict: Conflict, actors: set[str], kind: ClaimKind | None = None
    ) -> list[Claim]:
        return self.store.claims(
            actors=actors,
            kind=kind,
            since=conflict.start,
            until=conflict.end,
            as_of=conflict.as_of,
        )

    def documents(self, analysis: Analysis) -> dict[str, Document]:
        """The documents the analysis's evidence comes from, by id (without their text)."""
        wanted = {e.document_id for c in analysis.claims.values() for e in c.evidence}
        return {d.id: d for d in self.store.documents() if d.id in wanted}


def _others(
    claims: Iterable[Claim], sides: set[str], kind: ClaimKind, *, exclude: bool = False
) -> set[str]:
    """The actors across the claims of ``kind`` (or of every other kind) from the sides."""
    found = set()
    for claim in claims:
        if (claim.kind is kind) == exclude:
            continue
        found |= {claim.subject, claim.object} - sides
    return found
