"""``import gdelt`` as a library call: files to ties (on an engine) to claims and stored ties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from allegiance.errors import InputError, NotFoundError
from allegiance.events.claims import to_claims
from allegiance.events.codes import Codebook
from allegiance.events.drafts import drafts
from allegiance.events.files import EventFile, content_id, sniff_all
from allegiance.events.locate import locate_events
from allegiance.events.runs import Aggregation, Engine, MalformedLine, TieRun
from allegiance.events.tiestore import insert_ties
from allegiance.model import Claim, Document, DocumentKind
from allegiance.store import Store

PUBLISHER = "The GDELT Project"
URL = "https://www.gdeltproject.org/"


@dataclass(frozen=True, slots=True)
class GdeltImport:
    """What one import did: the document, the ties and claims it made, the lines it skipped."""

    document: Document
    added: bool
    engine: str
    ties: int = 0
    events: int = 0
    claims: tuple[Claim, ...] = ()
    claims_new: int = 0
    claims_merged: int = 0
    evidence: int = 0
    malformed: tuple[MalformedLine, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.document.to_dict(),
            "added": self.added,
            "engine": self.engine,
            "ties": self.ties,
            "events": self.events,
            "claims_new": self.claims_new,
            "claims_merged": self.claims_merged,
            "evidence": self.evidence,
            "claims": [c.to_dict() for c in self.claims],
            "malformed": [m.to_dict() for m in self.malformed],
        }


def import_gdelt(
    paths: Sequence[Path], store: Store, engine: Engine, how: Aggregation | None = None
) -> GdeltImport:
    """Aggregate GDELT event files into ties, and store the ties and the claims they support.

    The import is one document, named by the SHA-256 of the files' bytes:
    importing the same files again adds nothing.
    """
    if not paths:
        raise InputError("no GDELT event files given")
    how = how or Aggregation()
    files = sniff_all(paths)
    document_id = content_id(paths)
    try:
        return GdeltImport(store.document(document_id), added=False, engine=engine.name)
    except NotFoundError:
        pass
    run = engine.ties_from_files(files, how)
    document = _document(document_id, paths, files, run.ties)
    claims = _claims(run, files, document, how.codebook or Codebook.load())
    # The ties go in the document's own transaction, after its claims: an import
    # interrupted anywhere leaves nothing behind, so running it again redoes it whole.
    result = store.add_document(
        document, claims, also=lambda conn: insert_ties(conn, document_id, run.ties)
    )
    return GdeltImport(
        document=document,
        added=result.added,
        engine=run.engine,
        ties=run.ties.num_rows,
        events=run.events,
        claims=tuple(claims),
        claims_new=result.claims_new,
        claims_merged=result.claims_merged,
        evidence=result.evidence,
        malformed=run.malformed,
    )


def method(files: Sequence[EventFile]) -> str:
    """The evidence method: ``gdelt/1.0``, ``gdelt/2.0``, or both when the files mix versions."""
    return "gdelt/" + "+".join(sorted({f.layout.version for f in files}))


def _claims(run: TieRun, files: Sequence[EventFile], doc: Document, book: Codebook) -> list[Claim]:
    found = drafts(run.ties, book.thresholds)
    firsts = {d.sample.first_event for d in found if d.sample.first_event is not None}
    where = locate_events(files, firsts) if firsts else {}
    return to_claims(found, doc.id, method(files), book.thresholds, where)


def _document(
    document_id: str, paths: Sequence[Path], files: Sequence[EventFile], ties: pa.Table
) -> Document:
    first, last = _days(ties)
    span = f"{first.isoformat()} to {last.isoformat()}" if first and last else "no events"
    names = paths[0].name if len(paths) == 1 else f"{len(paths)} files"
    return Document(
        id=document_id,
        title=f"GDELT events {span} ({names})",
        kind=DocumentKind.DATASET,
        publisher=PUBLISHER,
        date=last,
        url=URL,
        path=str(paths[0]) if len(paths) == 1 else None,
        version=method(files),
    )


def _days(ties: pa.Table) -> tuple[date | None, date | None]:
    if ties.num_rows == 0:
        return None, None
    return _day(pc.min(ties["first_day"]).as_py()), _day(pc.max(ties["last_day"]).as_py())


def _day(value: int | None) -> date | None:
    if value is None:
        return None
    try:
        return date(value // 10000, value // 100 % 100, value % 100)
    except ValueError:
        return None
