"""The claim store: one SQLite file that the CLI and the web app both use."""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import TracebackType

from allegiance.errors import InputError, NotFoundError, StoreError
from allegiance.model import (
    RELATION_STRENGTH,
    Category,
    Claim,
    ClaimKind,
    Document,
    DocumentKind,
    Evidence,
    Review,
    aggregate,
)
from allegiance.store import rows
from allegiance.store.connection import connect, default_path, now

_CLAIM_COLUMNS = (
    "key, kind, subject, object, start_year, end_year, weapon, category, quantity, delivered,"
    " delivery_years, status, value, value_unit, relation, confidence, created_at"
)
_EVIDENCE_COLUMNS = (
    "claim_id, document_id, start_char, end_char, text, row, method, confidence,"
    " status, since, until, review"
)
_DOCUMENT_COLUMNS = (
    "id, kind, title, publisher, published, url, path, licence, version, text, added_at"
)


def _insert(table: str, columns: str, verb: str = "INSERT") -> str:
    names = ", ".join(f":{c.strip()}" for c in columns.split(","))
    return f"{verb} INTO {table} ({columns}) VALUES ({names})"


_INSERT_DOCUMENT = _insert("documents", _DOCUMENT_COLUMNS)
_INSERT_CLAIM = _insert("claims", _CLAIM_COLUMNS)
_INSERT_EVIDENCE = _insert("evidence", _EVIDENCE_COLUMNS, "INSERT OR IGNORE")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What adding one document did to the store."""

    document: Document
    added: bool
    claims_new: int = 0
    claims_merged: int = 0
    evidence: int = 0


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One line of the audit trail."""

    id: int
    claim_id: int
    evidence_id: int | None
    decision: Review
    reviewer: str
    at: str
    note: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "claim": self.claim_id,
            "evidence": self.evidence_id,
            "decision": str(self.decision),
            "reviewer": self.reviewer,
            "at": self.at,
            "note": self.note,
        }


class Store:
    """Documents, claims and evidence in one SQLite file (WAL, foreign keys, busy timeout)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        # One connection may serve several web-app threads; SQLite serialises
        # writers across processes, this lock serialises them within one.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating and migrating if need be) the store at ``path``."""
        target = Path(path) if path is not None else default_path()
        return cls(connect(target), target)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for read queries of modules that extend the store."""
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE); rolled back if anything raises."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                # Read-only file, full disk, I/O error: the user's problem, said in one line.
                self._rollback()
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already undone it."""
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    # -- writing -----------------------------------------------------------

    def add_document(
        self,
        doc: Document,
        claims: Iterable[Claim],
        progress: Callable[[int], None] | None = None,
        also: Callable[[sqlite3.Connection], object] | None = None,
    ) -> IngestResult:
        """Store a document with its claims and evidence, all or nothing.

        A document already stored (same content hash) is left alone. A claim
        that says what a stored claim says gains this document's evidence.
        ``also`` writes what a module extending the store keeps beside a new
        document (the event ties of a GDELT import), in the same transaction.
        """
        with self.transaction() as conn:
            result = self._add(conn, doc, claims, progress)
            if result.added and also is not None:
                also(conn)
            return result

    def replace_reference(self, doc: Document, claims: Iterable[Claim]) -> IngestResult:
        """Swap an older version of a reference document (same title) for ``doc``.

        Claims that only the older version supported go with it; claims that
        other sources also support keep their other evidence.
        """
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM documents WHERE kind = 'reference' AND title = ? AND id != ?",
                (doc.title, doc.id),
            )
            conn.execute(
                "DELETE FROM claims WHERE NOT EXISTS "
                "(SELECT 1 FROM evidence e WHERE e.claim_id = claims.id)"
            )
            return self._add(conn, doc, claims, None)

    def _add(
        self,
        conn: sqlite3.Connection,
        doc: Document,
        claims: Iterable[Claim],
        progress: Callable[[int], None] | None,
    ) -> IngestResult:
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
            return IngestResult(document=doc, added=False)
        conn.execute(_INSERT_DOCUMENT, rows.document_params(doc, now()))
        evidence = 0
        # Claims this document creates are aggregated from the evidence in hand;
        # claims it adds to are re-read, since they hold other documents' evidence.
        created: dict[int, Claim] = {}
        merged: set[int] = set()
        for count, claim in enumerate(claims, start=1):
            claim_id, is_new = self._upsert_claim(conn, claim)
            if is_new:
                created[claim_id] = claim
            elif claim_id in created:
                mine = created[claim_id]
                created[claim_id] = replace(mine, evidence=mine.evidence + claim.evidence)
            else:
                merged.add(claim_id)
            evidence += self._add_evidence(conn, claim, claim_id, doc.id)
            if progress is not None:
                progress(count)
        for claim_id, claim in created.items():
            _write_aggregate(conn, claim_id, aggregate(claim))
        for claim_id in merged:
            self._refresh(conn, claim_id)
        return IngestResult(doc, True, len(created), len(merged), evidence)

    def _upsert_claim(self, conn: sqlite3.Connection, claim: Claim) -> tuple[int, bool]:
        if not claim.evidence:
            raise InputError(f"claim {claim.key} has no evidence; provenance is not optional")
        row = conn.execute("SELECT * FROM claims WHERE key = ?", (claim.key,)).fetchone()
        if row is None and claim.kind is ClaimKind.SUPPLY and claim.weapon:
            row = _same_transfer(conn, claim)
        if row is None:
            params = rows.claim_params(claim) | {"created_at": now()}
            cursor = conn.execute(_INSERT_CLAIM, params)
            assert cursor.lastrowid is not None
            return cursor.lastrowid, True
        stored = rows.claim_from_row(row, ())
        conn.execute(
            "UPDATE claims SET category = :category, quantity = :quantity, "
            "delivered = :delivered, delivery_years = :delivery_years, value = :value, "
            "value_unit = :value_unit, relation = :relation WHERE id = :id",
            rows.claim_params(_fill(stored, claim)) | {"id": row["id"]},
        )
        return row["id"], False

    def _add_evidence(
        self, conn: sqlite3.Connection, claim: Claim, claim_id: int, document_id: str
    ) -> int:
        added = 0
        for ev in claim.evidence:
            if ev.document_id != document_id:
                raise InputError(f"evidence for {claim.key} names another document")
            cursor = conn.execute(_INSERT_EVIDENCE, rows.evidence_params(ev, claim_id))
            added += cursor.rowcount
        return added

    def _refresh(self, conn: sqlite3.Connection, claim_id: int) -> None:
        """Recompute a claim's cached period, status and confidence from its evidence."""
        _write_aggregate(conn, claim_id, aggregate(self._load_claim(conn, claim_id)))

    def review(
        self,
        claim_id: int,
        decision: Review | str,
        reviewer: str,
        *,
        evidence_id: int | None = None,
        note: str | None = None,
    ) -> Claim:
        """Accept or reject a claim (all its evidence, or one piece), kept in the audit trail."""
        verdict = _decision(decision)
        if not reviewer.strip():
            raise InputError("a review needs the reviewer's name")
        with self.transaction() as conn:
            claim = self._load_claim(conn, claim_id)
            targets = [e.id for e in claim.evidence if evidence_id in (None, e.id)]
            if not targets:
                raise NotFoundError(f"claim {claim_id} has no evidence {evidence_id}")
            conn.executemany(
                "UPDATE evidence SET review = ? WHERE id = ?",
                [(str(verdict), target) for target in targets],
            )
            conn.execute(
                "INSERT INTO reviews (claim_id, evidence_id, decision, reviewer, at, note) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (claim_id, evidence_id, str(verdict), reviewer.strip(), now(), note),
            )
            self._refresh(conn, claim_id)
        return self.claim(claim_id)

    # -- reading -----------------------------------------------------------

    def document(self, document_id: str) -> Document:
        row = self._conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,))
        found = row.fetchone()
        if found is None:
            raise NotFoundError(f"no document {document_id} in {self.path}")
        return rows.document_from_row(found)

    def documents(self, kind: DocumentKind | None = None) -> list[Document]:
        """Every stored document, without its text, oldest first."""
        sql = (
            "SELECT id, kind, title, publisher, published, url, path, licence, version "
            "FROM documents"
        )
        params: tuple[str, ...] = ()
        if kind is not None:
            sql, params = sql + " WHERE kind = ?", (str(kind),)
        rows_ = self._conn.execute(sql + " ORDER BY added_at, id", params).fetchall()
        return [rows.document_from_row(r) for r in rows_]

    def claim(self, claim_id: int) -> Claim:
        """One claim with all its evidence, rejected pieces included."""
        return self._load_claim(self._conn, claim_id)

    def _load_claim(self, conn: sqlite3.Connection, claim_id: int) -> Claim:
        row = conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no claim {claim_id} in {self.path}")
        found = conn.execute(
            "SELECT * FROM evidence WHERE claim_id = ? ORDER BY id", (claim_id,)
        ).fetchall()
        return rows.claim_from_row(row, tuple(rows.evidence_from_row(e) for e in found))

    def claims(
        self,
        *,
        actor: str | None = None,
        actors: Collection[str] | None = None,
        kind: ClaimKind | str | None = None,
        since: int | None = None,
        until: int | None = None,
        as_of: date | None = None,
        include_rejected: bool = False,
        document_id: str | None = None,
    ) -> list[Claim]:
        """Claims as their matching evidence supports them.

        A claim comes back if some piece of its evidence passes every filter:
        not rejected, from a document published by ``as_of`` (reference data
        and undated datasets always count: their rows carry their own years;
        an undated article never does), with a period overlapping ``since``..``until`` (an
        undated piece counts in every window; a period with no end is still
        running). Its period, status and
        confidence are recomputed from the pieces that passed.
        """
        where, params = _evidence_filters(
            actor=actor,
            actors=actors,
            kind=kind,
            since=since,
            until=until,
            as_of=as_of,
            include_rejected=include_rejected,
            document_id=document_id,
        )
        sql = (
            "SELECT e.* FROM evidence e JOIN claims c ON c.id = e.claim_id "
            "JOIN documents d ON d.id = e.document_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY e.claim_id, e.id"
        )
        with self._lock:
            found = self._conn.execute(sql, params).fetchall()
            by_claim: dict[int, list[Evidence]] = defaultdict(list)
            for row in found:
                by_claim[row["claim_id"]].append(rows.evidence_from_row(row))
            return self._claims_with(by_claim)

    def _claims_with(self, by_claim: dict[int, list[Evidence]]) -> list[Claim]:
        claims: list[Claim] = []
        ids = list(by_claim)
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT * FROM claims WHERE id IN ({marks}) ORDER BY id", chunk
            ):
                claim = rows.claim_from_row(row, tuple(by_claim[row["id"]]))
                claims.append(claim.with_evidence(claim.evidence))
        return claims

    def reviews(self, claim_id: int | None = None) -> list[ReviewRecord]:
        """The audit trail, newest last; for one claim or all."""
        sql, params = "SELECT * FROM reviews", []
        if claim_id is not None:
            sql, params = sql + " WHERE claim_id = ?", [claim_id]
        return [
            ReviewRecord(
                id=r["id"],
                claim_id=r["claim_id"],
                evidence_id=r["evidence_id"],
                decision=Review(r["decision"]),
                reviewer=r["reviewer"],
                at=r["at"],
                note=r["note"],
            )
            for r in self._conn.execute(sql + " ORDER BY id", params)
        ]

    def counts(self) -> dict[str, int]:
        """How many documents, claims, evidence pieces and reviews the store holds."""
        return {
            table: self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "claims", "evidence", "reviews")
        }


def _write_aggregate(conn: sqlite3.Connection, claim_id: int, claim: Claim) -> None:
    conn.execute(
        "UPDATE claims SET start_year = ?, end_year = ?, status = ?, confidence = ? WHERE id = ?",
        (
            claim.start,
            claim.end,
            None if claim.status is None else str(claim.status),
            claim.confidence,
            claim_id,
        ),
    )


def _same_transfer(conn: sqlite3.Connection, claim: Claim) -> sqlite3.Row | None:
    """A stored transfer of the same weapon between the same pair within a year of this one.

    Sources date one deal differently (the order, the first delivery, the
    announcement), so a news report of 2023 and a register entry ordered in
    2022 and delivered in 2023 are one transfer.
    """
    start = claim.start
    if start is None:
        return None
    end = claim.end if claim.end is not None else start
    found: sqlite3.Row | None = conn.execute(
        "SELECT * FROM claims WHERE kind = 'supply' AND subject = ? AND object = ? "
        "AND weapon = ? AND start_year IS NOT NULL "
        "AND start_year - 1 <= ? AND coalesce(end_year, start_year) + 1 >= ? "
        "ORDER BY abs(start_year - ?), id LIMIT 1",
        (claim.subject, claim.object, claim.weapon, end, start, start),
    ).fetchone()
    return found


def _kind(kind: ClaimKind | str) -> ClaimKind:
    try:
        return ClaimKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in ClaimKind)
        raise InputError(f"a claim kind is one of {kinds}, not {kind!r}") from None


def _decision(decision: Review | str) -> Review:
    try:
        return Review(decision)
    except ValueError:
        raise InputError(f"a review is 'accepted' or 'rejected', not {decision!r}") from None


def _fill(stored: Claim, new: Claim) -> Claim:
    """The stored claim with blanks filled from a new source and the strongest relation kept."""
    relation = stored.relation
    if new.relation is not None and (
        relation is None or RELATION_STRENGTH[new.relation] > RELATION_STRENGTH[relation]
    ):
        relation = new.relation
    return replace(
        stored,
        category=_category(stored.category, new.category),
        quantity=stored.quantity if stored.quantity is not None else new.quantity,
        delivered=stored.delivered if stored.delivered is not None else new.delivered,
        delivery_years=stored.delivery_years or new.delivery_years,
        value=stored.value if stored.value is not None else new.value,
        value_unit=stored.value_unit if stored.value is not None else new.value_unit,
        relation=relation,
    )


def _category(stored: Category | None, new: Category | None) -> Category | None:
    """The stored category, unless it is blank or only "other" and the new source is specific."""
    if stored is None or (stored is Category.OTHER and new is not None):
        return new
    return stored


def _evidence_filters(
    *,
    actor: str | None,
    actors: Collection[str] | None,
    kind: ClaimKind | str | None,
    since: int | None,
    until: int | None,
    as_of: date | None,
    include_rejected: bool,
    document_id: str | None,
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if actor is not None:
        where.append("(c.subject = ? OR c.object = ?)")
        params += [actor, actor]
    if actors is not None:
        codes = sorted(actors)
        marks = ", ".join("?" * len(codes)) or "NULL"
        where.append(f"(c.subject IN ({marks}) OR c.object IN ({marks}))")
        params += codes + codes
    if kind is not None:
        where.append("c.kind = ?")
        params.append(str(_kind(kind)))
    if since is not None:
        # An open period (since set, until blank) is still running.
        where.append("(e.until IS NULL OR e.until >= ?)")
        params.append(since)
    if until is not None:
        where.append("(coalesce(e.since, e.until) IS NULL OR coalesce(e.since, e.until) <= ?)")
        params.append(until)
    if as_of is not None:
        where.append(
            "(d.kind = 'reference' OR (d.kind = 'dataset' AND d.published IS NULL)"
            " OR d.published <= ?)"
        )
        params.append(as_of.isoformat())
    if not include_rejected:
        where.append("e.review != 'rejected'")
    if document_id is not None:
        where.append("e.document_id = ?")
        params.append(document_id)
    return where, params
