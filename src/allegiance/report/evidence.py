"""Words for claims and their evidence, shared by every renderer."""

from __future__ import annotations

from collections.abc import Mapping

from allegiance.graph.wording import Namer, period
from allegiance.model import Claim, ClaimKind, Document, DocumentKind, Evidence


def describe_claim(claim: Claim, name: Namer) -> str:
    """'Turkey → Kyrgyzstan: Bayraktar TB2 (drone), 2021, delivered'."""
    subject, obj = name.plain(claim.subject), name.plain(claim.object)
    when = period(claim.start, claim.end)
    if claim.kind is ClaimKind.SUPPLY:
        # A transfer with one known year is dated, not still running.
        when = period(claim.start, claim.end if claim.end is not None else claim.start)
        what = claim.weapon or (str(claim.category).replace("_", " ") if claim.category else "arms")
        if claim.weapon and claim.category:
            what += f" ({str(claim.category).replace('_', ' ')})"
        parts = [f"{subject} → {obj}: {what}", when, str(claim.status or "")]
        if claim.value is not None:
            parts.append(_value(claim))
        return ", ".join(p.replace("_", " ") for p in parts if p)
    if claim.kind is ClaimKind.MEMBERSHIP:
        return ", ".join(p for p in (f"{subject} member of {obj}", when) if p)
    relation = str(claim.relation or claim.kind).replace("_", " ")
    return ", ".join(p for p in (f"{subject} – {obj}: {relation}", when) if p)


def _value(claim: Claim) -> str:
    assert claim.value is not None
    if claim.value_unit == "TIV":
        return f"{claim.value:g} m TIV"
    if claim.value >= 1e6:
        return f"{claim.value / 1e6:g} m {claim.value_unit or 'USD'}"
    return f"{claim.value:g} {claim.value_unit or 'USD'}"


def source_label(doc: Document | None) -> str:
    """'Title — Publisher, 2023-09-01' or the dataset's name and version."""
    if doc is None:
        return "unknown source"
    bits = [doc.title]
    if doc.kind is not DocumentKind.ARTICLE and doc.version:
        bits.append(doc.version)
    tail = ", ".join(b for b in (doc.publisher, doc.date.isoformat() if doc.date else None) if b)
    return " — ".join([" ".join(bits), tail]) if tail else " ".join(bits)


def quote(piece: Evidence) -> str:
    """The sentence, or the dataset row, that a piece of evidence stands on."""
    text = " ".join((piece.text or "").split())
    if piece.row is not None and piece.start is None:
        return f"row {piece.row}: {text}" if text else f"row {piece.row}"
    return f"“{text}”"


def citation(piece: Evidence, documents: Mapping[str, Document]) -> str:
    """The quote and where it is from, on one line."""
    return f"{quote(piece)} — {source_label(documents.get(piece.document_id))}"


class SourceIndex:
    """Numbers sources in the order they are first cited: '“…” [1]'."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self._numbers: dict[str, int] = {}

    def number(self, document_id: str) -> int:
        return self._numbers.setdefault(document_id, len(self._numbers) + 1)

    def cite(self, piece: Evidence) -> str:
        """The quote and the number of its source."""
        return f"{quote(piece)} [{self.number(piece.document_id)}]"

    def entries(self) -> list[tuple[int, str]]:
        """(number, label) of every source cited so far."""
        return [
            (number, source_label(self.documents.get(document_id)))
            for document_id, number in self._numbers.items()
        ]
