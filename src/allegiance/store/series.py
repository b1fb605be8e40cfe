"""Yearly numbers per state from datasets (SIPRI military expenditure), beside the claims.

Values are kept as the source gives them (SIPRI's share of GDP is a fraction:
0.0305 is 3.05%). When two stored releases give a value for the same state,
measure and year, the release added last wins.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from allegiance.store.store import Store

MILEX_CONSTANT = "milex_constant_usd_m"
MILEX_SHARE = "milex_share_of_gdp"


@dataclass(frozen=True, slots=True)
class Point:
    """One value of a series: a state, a measure, a year, with its source row."""

    actor: str
    measure: str
    year: int
    value: float
    unit: str
    document_id: str = ""
    row: int = 0


def write(conn: sqlite3.Connection, document_id: str, points: Iterable[Point]) -> int:
    """Add a dataset's values inside the caller's transaction (the document's import)."""
    cursor = conn.executemany(
        "INSERT OR REPLACE INTO series (document_id, actor, measure, year, value, unit, row) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(document_id, p.actor, p.measure, p.year, p.value, p.unit, p.row) for p in points],
    )
    return cursor.rowcount


def points(
    store: Store,
    actors: Collection[str],
    measures: Collection[str] = (MILEX_CONSTANT, MILEX_SHARE),
) -> list[Point]:
    """The values for these states and measures, one per year (the latest release's)."""
    codes, names = sorted(actors), sorted(measures)
    actor_marks = ", ".join("?" * len(codes)) or "NULL"
    measure_marks = ", ".join("?" * len(names)) or "NULL"
    rows = store.conn.execute(
        "SELECT s.* FROM series s JOIN documents d ON d.id = s.document_id "
        f"WHERE s.actor IN ({actor_marks}) AND s.measure IN ({measure_marks}) "
        "ORDER BY s.actor, s.measure, s.year, d.added_at, d.id",
        codes + names,
    ).fetchall()
    latest: dict[tuple[str, str, int], Point] = {}
    for r in rows:
        latest[(r["actor"], r["measure"], r["year"])] = Point(
            r["actor"], r["measure"], r["year"], r["value"], r["unit"], r["document_id"], r["row"]
        )
    return list(latest.values())


def series(store: Store, actor: str, measure: str) -> dict[int, float]:
    """One state's series as ``{year: value}``."""
    return {p.year: p.value for p in points(store, [actor], [measure])}
