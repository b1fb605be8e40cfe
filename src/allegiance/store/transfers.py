"""Per-record transfer values from supply datasets, beside the claims they support.

The store merges a register's records into claims (two orders of BTR-70s a
year apart become one claim), which is right for the graph but loses the
numbers an arms build-up adds up. This table keeps each record's quantities,
delivery years and SIPRI TIV, keyed by the evidence row (document, line) that
links it to its claim, so a rejected claim drops out of the sums too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from allegiance.model import Category, Status
from allegiance.store.store import Store


@dataclass(frozen=True, slots=True)
class TransferRecord:
    """One register record: who, what, how many, when, and its value in SIPRI TIV (millions)."""

    document_id: str
    row: int
    supplier: str
    recipient: str
    weapon: str
    category: Category | None
    order_year: int | None
    ordered: int | None
    delivered: int | None
    delivery_years: tuple[int, ...]
    tiv_per_unit: float | None
    tiv_order: float | None
    tiv_delivered: float | None
    status: Status | None
    claim_id: int | None = None


_COLUMNS = (
    "document_id, row, supplier, recipient, weapon, category, order_year, ordered, delivered,"
    " delivery_years, tiv_per_unit, tiv_order, tiv_delivered, status"
)


def write(conn: sqlite3.Connection, records: Iterable[TransferRecord]) -> int:
    """Add records inside the caller's transaction; a record already there is left alone."""
    cursor = conn.executemany(
        f"INSERT OR IGNORE INTO transfer_records ({_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_params(r) for r in records],
    )
    return cursor.rowcount


def _params(r: TransferRecord) -> tuple[object, ...]:
    return (
        r.document_id,
        r.row,
        r.supplier,
        r.recipient,
        r.weapon,
        None if r.category is None else str(r.category),
        r.order_year,
        r.ordered,
        r.delivered,
        " ".join(str(y) for y in r.delivery_years),
        r.tiv_per_unit,
        r.tiv_order,
        r.tiv_delivered,
        None if r.status is None else str(r.status),
    )


def records(store: Store, recipients: Collection[str]) -> list[TransferRecord]:
    """The live records of transfers to these recipients, each with the claim it supports.

    A record counts while its evidence row is not rejected; the claim id ties
    it back to the sentence- and row-level evidence the store keeps.
    """
    codes = sorted(recipients)
    marks = ", ".join("?" * len(codes)) or "NULL"
    found = store.conn.execute(
        f"SELECT t.*, e.claim_id FROM transfer_records t "
        "JOIN evidence e ON e.document_id = t.document_id AND e.row = t.row "
        "JOIN claims c ON c.id = e.claim_id AND c.kind = 'supply' "
        f"WHERE t.recipient IN ({marks}) AND e.review != 'rejected' "
        "ORDER BY t.recipient, t.order_year, t.document_id, t.row",
        codes,
    ).fetchall()
    return [_record(r) for r in found]


def _record(row: sqlite3.Row) -> TransferRecord:
    return TransferRecord(
        document_id=row["document_id"],
        row=row["row"],
        supplier=row["supplier"],
        recipient=row["recipient"],
        weapon=row["weapon"],
        category=Category(row["category"]) if row["category"] else None,
        order_year=row["order_year"],
        ordered=row["ordered"],
        delivered=row["delivered"],
        delivery_years=tuple(int(y) for y in row["delivery_years"].split()),
        tiv_per_unit=row["tiv_per_unit"],
        tiv_order=row["tiv_order"],
        tiv_delivered=row["tiv_delivered"],
        status=Status(row["status"]) if row["status"] else None,
        claim_id=row["claim_id"],
    )
