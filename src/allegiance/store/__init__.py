"""The claim store: SQLite schema as numbered migrations, queries returning model objects."""

from __future__ import annotations

from allegiance.store.connection import DEFAULT_PATH, ENV_VAR, default_path
from allegiance.store.store import IngestResult, ReviewRecord, Store

__all__ = ["DEFAULT_PATH", "ENV_VAR", "IngestResult", "ReviewRecord", "Store", "default_path"]
