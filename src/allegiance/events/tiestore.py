"""The tie table in the claim store (``event_ties``, migration 003): written once per import."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pyarrow as pa

BATCH = 50_000


def insert_ties(conn: sqlite3.Connection, document_id: str, ties: pa.Table) -> int:
    """Add an import's ties inside the caller's transaction (with the document and claims)."""
    columns = ["document_id", *ties.column_names]
    sql = (
        f"INSERT OR IGNORE INTO event_ties ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    added = 0
    for rows in _batches(document_id, ties):
        added += conn.executemany(sql, rows).rowcount
    return added


def _batches(document_id: str, ties: pa.Table) -> Iterator[list[tuple[object, ...]]]:
    for batch in ties.to_batches(BATCH):
        columns = [column.to_pylist() for column in batch.columns]
        yield [(document_id, *values) for values in zip(*columns, strict=True)]


def count_ties(conn: sqlite3.Connection, document_id: str | None = None) -> int:
    """How many tie rows the store holds (for one import, or all)."""
    if document_id is None:
        return int(conn.execute("SELECT count(*) FROM event_ties").fetchone()[0])
    found = conn.execute("SELECT count(*) FROM event_ties WHERE document_id = ?", (document_id,))
    return int(found.fetchone()[0])
