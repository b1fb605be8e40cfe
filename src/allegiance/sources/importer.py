"""Importing a dataset file into the store: one transaction per file, re-import a no-op.

The claims, their evidence and the numbers beside them (series, per-record
TIV) go in together: ``Store.add_document`` consumes the claims inside its
transaction, and the side tables are written when the last claim has been
taken, so a failure anywhere rolls the whole file back, and a file already
stored (same SHA-256) is skipped before anything is read into the store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allegiance.model import Claim, Document
from allegiance.sources import registry
from allegiance.sources.dataset import Context, IssueKind, Parsed, RowIssue, Source
from allegiance.store import Store

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What importing one file did: rows read, claims added or merged, rows skipped and why."""

    format: str
    document: Document
    added: bool
    rows: int
    claims: int
    claims_new: int = 0
    claims_merged: int = 0
    evidence: int = 0
    values: int = 0
    issues: tuple[RowIssue, ...] = ()

    def count(self, kind: IssueKind) -> int:
        """Rows skipped for this reason (an issue may stand for several rows)."""
        return sum(issue.rows for issue in self.issues if issue.kind is kind)

    @property
    def skipped(self) -> int:
        """Rows skipped in all."""
        return sum(issue.rows for issue in self.issues)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "document": self.document.to_dict(),
            "added": self.added,
            "rows": self.rows,
            "claims": self.claims,
            "claims_new": self.claims_new,
            "claims_merged": self.claims_merged,
            "evidence": self.evidence,
            "values": self.values,
            "skipped": [issue.to_dict() for issue in self.issues],
        }


def parse(format_name: str, source: Source, context: Context | None = None) -> Parsed:
    """Read a file in a named format, without touching the store."""
    return registry.get(format_name).read(source, context or Context.load())


def store_parsed(
    store: Store, format_name: str, parsed: Parsed, progress: Progress | None = None
) -> ImportReport:
    """Add a read file to the store in one transaction; a file already stored is a no-op."""
    written = [0]
    result = store.add_document(parsed.document, _then_write(parsed, store.conn, written), progress)
    return ImportReport(
        format=format_name,
        document=parsed.document,
        added=result.added,
        rows=parsed.rows,
        claims=len(parsed.claims),
        claims_new=result.claims_new,
        claims_merged=result.claims_merged,
        evidence=result.evidence,
        values=written[0],
        issues=parsed.issues,
    )


def import_file(
    store: Store,
    format_name: str,
    path: Path,
    *,
    version: str | None = None,
    context: Context | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Read a dataset file and store it: the library call behind ``allegiance import``."""
    parsed = parse(format_name, Source.from_path(path, version), context)
    return store_parsed(store, format_name, parsed, progress)


def _then_write(parsed: Parsed, conn: sqlite3.Connection, written: list[int]) -> Iterator[Claim]:
    """The claims, then the side tables, written on the store's connection mid-transaction."""
    yield from parsed.claims
    if parsed.write is not None:
        written[0] = parsed.write(conn)
