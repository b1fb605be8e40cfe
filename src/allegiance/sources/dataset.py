"""What every dataset adapter shares: the file, its Document, the rows it skipped, the result.

An adapter reads a ``Source`` into a ``Parsed``: one ``Document`` (kind
dataset, id = SHA-256 of the file's bytes), the claims with their evidence
rows, the rows it could not use, and optionally a writer for numbers that are
not claims (expenditure series, per-record TIV), run inside the same store
transaction as the claims.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from allegiance.model import Claim, Document, DocumentKind, content_hash
from allegiance.sources.codes import ActorCodes
from allegiance.sources.table import decode

if TYPE_CHECKING:
    from allegiance.weapons import Catalogue

# A curated dataset is strong evidence, but coders err and releases get revised.
DATASET_CONFIDENCE = 0.95

Writer = Callable[[sqlite3.Connection], int]


class IssueKind(StrEnum):
    """Why a row gave no claim."""

    MALFORMED = "malformed"
    UNKNOWN_ACTOR = "unknown_actor"
    # SIPRI's "unknown supplier(s)": a real transfer with no one to attribute it to.
    UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A row that was skipped, with its line in the file and the reason.

    One issue may stand for several rows (``rows``): an unknown code is
    reported once, at its first row.
    """

    line: int
    kind: IssueKind
    message: str
    rows: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "kind": str(self.kind),
            "message": self.message,
            "rows": self.rows,
        }

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Context:
    """The reference data an adapter resolves names with; loaded once, injectable in tests."""

    codes: ActorCodes
    catalogue: Catalogue | None = None

    @classmethod
    def load(cls) -> Context:
        return cls(ActorCodes.load())

    def weapons(self) -> Catalogue:
        """The weapons catalogue, loaded on first use (only the SIPRI adapter needs it)."""
        if self.catalogue is None:
            from allegiance.weapons import Catalogue

            self.catalogue = Catalogue.load()
        return self.catalogue


_VERSION = re.compile(r"[_-]v(\d+(?:\.\d+)*)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Source:
    """A dataset file's bytes and the path its Document records."""

    data: bytes
    path: str
    version: str | None = None
    published: date | None = None

    @classmethod
    def from_path(
        cls, path: Path, version: str | None = None, published: date | None = None
    ) -> Source:
        return cls(path.read_bytes(), str(path), version, published)

    @property
    def text(self) -> str:
        return decode(self.data)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def guess_version(self) -> str | None:
        """The release named in the file name (``atop_v5.1_...`` is 5.1), if any."""
        match = _VERSION.search(self.name)
        return match.group(1) if match else None


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """Who publishes a dataset and on what terms: what its Document records."""

    title: str
    publisher: str
    licence: str
    url: str | None = None

    def document(self, source: Source, version: str | None = None) -> Document:
        """The Document for one file: its id is the SHA-256 of the bytes."""
        return Document(
            id=content_hash(source.data),
            title=self.title,
            kind=DocumentKind.DATASET,
            publisher=self.publisher,
            url=self.url,
            path=source.path,
            licence=self.licence,
            version=source.version or version or source.guess_version(),
            date=source.published,
        )


@dataclass(frozen=True, slots=True)
class Parsed:
    """A dataset file read: its document, claims, skipped rows, and numbers beside the claims."""

    document: Document
    claims: tuple[Claim, ...]
    rows: int
    issues: tuple[RowIssue, ...] = ()
    write: Writer | None = None


class Issues:
    """Collects skipped rows; an unknown code is reported once, at its first row, with a count."""

    def __init__(self) -> None:
        self._issues: list[RowIssue] = []
        self._unknown: dict[str, tuple[int, int]] = {}

    def add(self, line: int, kind: IssueKind, message: str) -> None:
        self._issues.append(RowIssue(line, kind, message))

    def malformed(self, line: int, message: str) -> None:
        self.add(line, IssueKind.MALFORMED, message)

    def unknown(self, line: int, what: str) -> None:
        first, count = self._unknown.get(what, (line, 0))
        self._unknown[what] = (first, count + 1)

    def all(self) -> tuple[RowIssue, ...]:
        unknown = [
            RowIssue(first, IssueKind.UNKNOWN_ACTOR, _unknown_message(what, count), count)
            for what, (first, count) in self._unknown.items()
        ]
        return tuple(sorted(self._issues + unknown, key=lambda i: i.line))


def _unknown_message(what: str, count: int) -> str:
    rows = "" if count == 1 else f" ({count} rows; this is the first)"
    return f"unknown {what}, not in the gazetteer{rows}"
