"""The sources section: every document and dataset the analysis stands on, with its licence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from allegiance.graph.analysis import Analysis
from allegiance.model import Document, DocumentKind
from allegiance.report.footnotes import web_url

KIND_ORDER = {DocumentKind.ARTICLE: 0, DocumentKind.DATASET: 1, DocumentKind.REFERENCE: 2}
KIND_WORDS = {
    DocumentKind.ARTICLE: "article",
    DocumentKind.DATASET: "dataset",
    DocumentKind.REFERENCE: "reference data",
}


@dataclass(frozen=True, slots=True)
class SourceEntry:
    title: str
    kind: str
    publisher: str
    date: str
    version: str
    licence: str
    url: str | None
    pieces: int  # pieces of evidence the analysis takes from it


def source_entries(
    analysis: Analysis, documents: Mapping[str, Document]
) -> tuple[SourceEntry, ...]:
    """Articles first, then datasets, then reference data; by title within each."""
    pieces = Counter(p.document_id for c in analysis.claims.values() for p in c.evidence)
    ordered = sorted(
        documents.values(), key=lambda d: (KIND_ORDER.get(d.kind, 3), d.title.lower(), d.id)
    )
    return tuple(_entry(doc, pieces[doc.id]) for doc in ordered)


def _entry(doc: Document, pieces: int) -> SourceEntry:
    return SourceEntry(
        title=doc.title,
        kind=KIND_WORDS.get(doc.kind, str(doc.kind)),
        publisher=doc.publisher or "",
        date=doc.date.isoformat() if doc.date else "",
        version=doc.version or "",
        licence=doc.licence or "not stated",
        url=web_url(doc.url),
        pieces=pieces,
    )
