"""Opening the SQLite file: pragmas, the default path, numbered migrations."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from allegiance.errors import StoreError

DEFAULT_PATH = "allegiance.db"
ENV_VAR = "ALLEGIANCE_DB"
BUSY_TIMEOUT_MS = 10_000
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def default_path() -> Path:
    """The store a command uses when no ``--db`` is given: $ALLEGIANCE_DB, else ./allegiance.db."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


def now() -> str:
    """A UTC timestamp for audit columns."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode, so that transactions are explicit and visible."""
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if str(path) != ":memory:" and not path.parent.exists():
        raise StoreError(f"cannot create a store in {path.parent}: no such folder")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _refuse_foreign(conn, path)  # before WAL mode, which rewrites the file's header
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a usable allegiance store: {exc}") from exc
    return conn


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """Never add our tables to another program's SQLite database, nor run on a newer store."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "schema_migrations" not in tables:
        shown = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise StoreError(
            f"{path} is another program's SQLite database (tables {shown}), "
            "not an allegiance store; pass another --db"
        )
    if tables:
        newest = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
        known = max((version for version, _, _ in migrations()), default=0)
        if newest is not None and newest > known:
            raise StoreError(
                f"{path} was made by a newer allegiance (schema {newest}, this one knows "
                f"up to {known}); upgrade allegiance to use it"
            )


def migrations() -> list[tuple[int, str, str]]:
    """The shipped migrations as (version, name, sql), in order."""
    found = []
    for entry in resources.files("allegiance.store").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations this file has not seen yet, each in its own transaction."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    for version, name, sql in migrations():
        if version in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now()))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would commit mid-way)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements
