"""Articles a user pastes or uploads: checked, read like ``allegiance ingest`` reads files, stored.

An upload is read by ``sources.news.read_article`` (plain text, Markdown or
HTML, any common encoding), so the web app and the CLI make the same
document, with the same content hash, of the same file; pasting the same text
twice, or pasting what the CLI ingested, adds nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from allegiance.errors import InputError
from allegiance.model import Claim, Document
from allegiance.sources.news import SUFFIXES, read_article
from allegiance.store import IngestResult, Store

TITLE_LENGTH = 200
UNTITLED = "Pasted article"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What a user may say about an article beside its text."""

    title: str | None = None
    date: date | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Ingested:
    """What ingesting one article did, and the claims the store now holds from it."""

    result: IngestResult
    claims: tuple[Claim, ...]

    @property
    def document(self) -> Document:
        return self.result.document

    def to_dict(self) -> dict[str, Any]:
        found = self.result
        return {
            "document": found.document.to_dict(),
            "added": found.added,
            "message": message(found),
            "claims_new": found.claims_new,
            "claims_merged": found.claims_merged,
            "evidence": found.evidence,
            "claims": [c.to_dict() for c in self.claims],
        }


def message(result: IngestResult) -> str:
    """One line on what happened, for the page and the API."""
    if not result.added:
        return "This text is already in the store; nothing was added."
    return (
        f"Added the article: {result.claims_new} new claims, "
        f"{result.claims_merged} claims already known gained its evidence."
    )


def too_large(size: int, limit: int) -> str:
    return f"the article is {size:,} bytes; the limit is {limit:,} bytes ({limit / 2**20:g} MiB)"


def pasted(text: str, meta: ArticleMeta) -> Document:
    """A pasted article; the text as a browser sends it (CRLF) is stored as the CLI reads files."""
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise InputError("paste the article's text")
    title = meta.title or _first_line(body) or UNTITLED
    return Document.from_text(body, title, date=meta.date, publisher=meta.publisher, url=meta.url)


def _first_line(text: str) -> str | None:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first.lstrip("# ").strip()
    return first if 0 < len(first) <= TITLE_LENGTH else None


def uploaded(filename: str, data: bytes, meta: ArticleMeta) -> Document:
    """An uploaded .txt, .md or .html file, read as ``allegiance ingest`` reads it."""
    name = PurePath(filename.replace("\\", "/")).name or "upload.txt"
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        shown = ", ".join(sorted(SUFFIXES))
        raise InputError(f"cannot read {name!r}: upload a text or HTML file ({shown})")
    with tempfile.TemporaryDirectory(prefix="allegiance-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            doc = read_article(path, published=meta.date)
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), name)) from None
    return replace(
        doc,
        title=meta.title or (doc.title if doc.title != "upload" else name),
        publisher=meta.publisher or doc.publisher,
        url=meta.url or doc.url,
        path=name,
    )


def ingest(store: Store, doc: Document, claims: list[Claim]) -> Ingested:
    """Store ``doc`` with its claims (a no-op if its text is already there)."""
    result = store.add_document(doc, claims)
    return Ingested(result, tuple(store.claims(document_id=doc.id, include_rejected=True)))
