"""The DuckDB adapter: GDELT files (plain, gzip, zip) or stored Parquet into ``tie_expr``.

Raw files are read by DuckDB's own parallel CSV reader with explicit column
names and types (no sniffing), lines that do not parse are skipped and kept
in a rejects table with their line numbers, and zipped files are streamed
through a named pipe. Memory stays bounded: nothing is materialised but the
grouped ties.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import duckdb
import ibis
import pyarrow as pa

from allegiance.errors import InputError
from allegiance.events.fifo import Feeds, ZipFeed
from allegiance.events.files import Compression, EventFile
from allegiance.events.layouts import EVENT_COLUMNS, Layout
from allegiance.events.runs import Aggregation, MalformedLine, TieRun
from allegiance.events.ties import tie_expr, tie_schema
from allegiance.events.urls import Urls

_SQL_TYPES = {"int64": "BIGINT", "int32": "INTEGER", "float64": "DOUBLE", "string": "VARCHAR"}
REJECTS_PER_FILE = 1000
# The URL look-up of stored events is a hash join on the chosen event ids; up to
# this many ids DuckDB pushes them into the Parquet scan as a list, which skips
# row groups and pages holding none of them. Longer lists cost more to check
# than they save (1 M ids on 10 M events: twice as slow), so DuckDB falls back
# to a min-max range there.
CHOSEN_IDS_PUSHED = 1 << 17
# A short line also fails its casts; say what is wrong with its shape first.
_SHAPE_FIRST = "error_type NOT LIKE '%COLUMNS', column_idx"


def default_memory_limit() -> str:
    """Half the machine's memory, at most 8 GB: room for the engine and for everything else."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "2GB"
    return f"{max(1, min(8, total // 2**31))}GB"


class DuckDBEngine:
    """Runs the aggregation in an in-process DuckDB (threads and memory limit set explicitly)."""

    name = "duckdb"

    def __init__(
        self,
        threads: int | None = None,
        memory_limit: str | None = None,
        temp_directory: Path | None = None,
    ) -> None:
        config: dict[str, Any] = {
            "threads": threads or os.cpu_count() or 1,
            "memory_limit": memory_limit or default_memory_limit(),
            "preserve_insertion_order": False,
            "dynamic_or_filter_threshold": CHOSEN_IDS_PUSHED,
        }
        if temp_directory is not None:
            config["temp_directory"] = str(temp_directory)
        self._config = config

    def _connect(self) -> Any:
        return ibis.duckdb.connect(**self._config)

    def ties_from_files(self, files: Sequence[EventFile], how: Aggregation) -> TieRun:
        """Ties from raw GDELT event files, in one pass over them."""
        con = self._connect()
        try:
            with Feeds() as feeds:
                scans = _scans(files, feeds)
                con.raw_sql(events_view_sql(scans))
                try:
                    ties = _run(con, how, Urls.IN_PASS)
                except duckdb.IOException as exc:
                    feeds.check()  # a damaged zip member says so itself
                    reason = str(exc).splitlines()[0].removeprefix("IO Error: ")
                    raise InputError(f"an event file is damaged or truncated: {reason}") from exc
                feeds.check()
                malformed = tuple(_rejects(con, scans))
        finally:
            con.disconnect()
        return TieRun(ties, self.name, malformed)

    def ties_from_parquet(self, paths: Sequence[Path], how: Aggregation) -> TieRun:
        """Ties from events already stored as Parquet (with ``EVENT_COLUMNS``)."""
        con = self._connect()
        try:
            listed = ", ".join(_quote(str(p)) for p in paths)
            columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
            con.raw_sql(
                f"CREATE TEMP VIEW events AS SELECT {columns} FROM read_parquet([{listed}])"
            )
            ties = _run(con, how, Urls.BY_ID)
        finally:
            con.disconnect()
        return TieRun(ties, self.name)

    def close(self) -> None:
        """Nothing to release: every run has its own connection."""


def _run(con: Any, how: Aggregation, urls: Urls) -> pa.Table:
    expr = tie_expr(con.table("events"), how.period, how.codebook, how.countries, urls)
    table: pa.Table = con.to_pyarrow(expr)
    return table.cast(tie_schema().to_pyarrow())


class _Scan:
    """One ``read_csv`` call: files of one layout and one packing, or one zip feed."""

    def __init__(self, index: int, layout: Layout, paths: list[str], compression: str) -> None:
        self.index = index
        self.layout = layout
        self.paths = paths
        self.compression = compression
        self.files: list[EventFile] = []
        self.feed: ZipFeed | None = None

    def locate(self, file_id: int, line: int) -> tuple[str, int]:
        if self.feed is not None:
            member, within = self.feed.locate(line)
            return member.name, within
        return self.files[file_id].name, line


def _scans(files: Sequence[EventFile], feeds: Feeds) -> list[_Scan]:
    scans: list[_Scan] = []

    def key(f: EventFile) -> tuple[int, str]:
        return (f.layout.width, str(f.compression))

    for (_, packing), group in groupby(sorted(files, key=key), key=key):
        members = list(group)
        layout = members[0].layout
        if packing == Compression.ZIP:
            feed = feeds.add(members)
            scan = _Scan(len(scans), layout, [str(feed.path)], "none")
            scan.feed = feed
        else:
            codec = "gzip" if packing == Compression.GZIP else "none"
            scan = _Scan(len(scans), layout, [str(m.path) for m in members], codec)
        scan.files = members
        scans.append(scan)
    return scans


def events_view_sql(scans: Sequence[_Scan]) -> str:
    """The ``events`` view: one typed ``read_csv`` per scan, the needed columns, unioned."""
    parts = [_select(scan) for scan in scans]
    return "CREATE TEMP VIEW events AS " + "\nUNION ALL\n".join(parts)


def _select(scan: _Scan) -> str:
    columns = ", ".join(
        f"'{name}': '{_SQL_TYPES[EVENT_COLUMNS.get(name, 'string')]}'"
        for name in scan.layout.columns
    )
    listed = ", ".join(_quote(p) for p in scan.paths)
    reader = (
        f"read_csv([{listed}], delim='\\t', header=false, auto_detect=false, quote='', "
        f"escape='', compression='{scan.compression}', columns={{{columns}}}, "
        f"ignore_errors=true, store_rejects=true, rejects_limit={REJECTS_PER_FILE}, "
        f"rejects_table='rejects_{scan.index}', rejects_scan='scans_{scan.index}')"
    )
    wanted = [
        f'"{c}"' if c in scan.layout.columns else f'NULL::VARCHAR AS "{c}"' for c in EVENT_COLUMNS
    ]
    return f"SELECT {', '.join(wanted)} FROM {reader}"


def _rejects(con: Any, scans: Sequence[_Scan]) -> list[MalformedLine]:
    found: list[MalformedLine] = []
    for scan in scans:
        rows = con.raw_sql(
            f"SELECT file_id, line, first(error_type ORDER BY {_SHAPE_FIRST}), first(csv_line) "
            f"FROM rejects_{scan.index} GROUP BY file_id, line ORDER BY file_id, line"
        ).fetchall()
        for file_id, line, reason, text in rows:
            name, within = scan.locate(int(file_id), int(line))
            found.append(MalformedLine(name, within, _reason(reason), text))
    return sorted(found, key=lambda m: (m.file, m.line or 0))


def _reason(error_type: str) -> str:
    return {
        "CAST": "a field that should be a number is not one",
        "MISSING COLUMNS": "too few fields",
        "TOO MANY COLUMNS": "too many fields",
    }.get(error_type, error_type.lower())


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
