"""The Spark adapter: the same ``tie_expr`` on a Spark session (local mode or a cluster).

Spark reads plain and ``.gz`` event files itself, in parallel across the
cluster; zip members (which Spark cannot split or open) are unpacked once
into a staging folder that the executors must be able to see (a shared
folder when ``--spark-master`` points at a cluster). Malformed lines are
dropped as DuckDB drops them (wrong field count, a number that is not one)
and reported with their text; Spark does not know line numbers.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa

from allegiance.errors import InputError
from allegiance.events.files import Compression, EventFile
from allegiance.events.layouts import EVENT_COLUMNS, Layout
from allegiance.events.runs import Aggregation, MalformedLine, TieRun
from allegiance.events.ties import tie_expr, tie_schema
from allegiance.events.urls import Urls

CORRUPT = "_corrupt_record"
MALFORMED_SHOWN = 1000
_NO_QUOTE = "\u0000"


class SparkEngine:
    """Runs the aggregation on Spark through Ibis's PySpark backend."""

    name = "spark"

    def __init__(
        self,
        master: str | None = None,
        session: Any = None,
        config: Mapping[str, str] | None = None,
        staging: Path | None = None,
    ) -> None:
        self._master = master or "local[*]"
        self._session = session
        self._config = dict(config or {})
        self._staging = staging
        self._views = 0

    @property
    def session(self) -> Any:
        """The Spark session, started on first use (start-up takes seconds)."""
        if self._session is None:
            from pyspark.sql import SparkSession

            builder = SparkSession.builder.master(self._master).appName("allegiance")
            settings = {"spark.ui.enabled": "false", "spark.sql.session.timeZone": "UTC"}
            for key, value in (settings | self._config).items():
                builder = builder.config(key, value)
            try:
                self._session = builder.getOrCreate()
            except Exception as exc:  # Py4JJavaError, a JVM that would not start, ...
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise InputError(f"cannot start Spark on {self._master}: {reason}") from exc
        return self._session

    def ties_from_files(self, files: Sequence[EventFile], how: Aggregation) -> TieRun:
        """Ties from raw GDELT event files."""
        # Parse every field of every line, as DuckDB does, so that both drop the
        # same malformed lines (with pruning Spark checks only the columns used).
        self.session.conf.set("spark.sql.csv.parser.columnPruning.enabled", "false")
        folder = Path(tempfile.mkdtemp(prefix="allegiance-spark-", dir=self._staging))
        try:
            frames = [self._read(layout, paths) for layout, paths in _groups(files, folder)]
            raw = frames[0]
            for frame in frames[1:]:
                raw = raw.unionByName(frame)
            malformed = _malformed(raw)
            events = raw.where(raw[CORRUPT].isNull()).drop(CORRUPT)
            return TieRun(self._run(events, how, Urls.IN_PASS), self.name, malformed)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def ties_from_parquet(self, paths: Sequence[Path], how: Aggregation) -> TieRun:
        """Ties from events already stored as Parquet (with ``EVENT_COLUMNS``)."""
        frame = self.session.read.parquet(*[str(p) for p in paths]).select(*EVENT_COLUMNS)
        return TieRun(self._run(frame, how, Urls.BY_ID), self.name)

    def _read(self, layout: Layout, paths: list[str]) -> Any:
        from pyspark.sql import functions as F

        frame = self.session.read.csv(
            paths,
            schema=_schema(layout),
            sep="\t",
            header=False,
            mode="PERMISSIVE",
            columnNameOfCorruptRecord=CORRUPT,
            quote=_NO_QUOTE,
            escape=_NO_QUOTE,
        )
        columns = [
            frame[c] if c in layout.columns else F.lit(None).cast("string").alias(c)
            for c in EVENT_COLUMNS
        ]
        return frame.select(*columns, frame[CORRUPT], F.input_file_name().alias("_file"))

    def _run(self, frame: Any, how: Aggregation, urls: Urls) -> pa.Table:
        self._views += 1
        view = f"allegiance_events_{id(self)}_{self._views}"
        frame.select(*EVENT_COLUMNS).createOrReplaceTempView(view)
        try:
            con = ibis.pyspark.connect(self.session)
            expr = tie_expr(con.table(view), how.period, how.codebook, how.countries, urls)
            table: pa.Table = con.to_pyarrow(expr)
        finally:
            self.session.catalog.dropTempView(view)
        return table.cast(tie_schema().to_pyarrow())

    def close(self) -> None:
        """Stop the session if this engine started it."""
        if self._session is not None:
            self._session.stop()
            self._session = None


def _schema(layout: Layout) -> Any:
    from pyspark.sql import types as T

    kinds = {
        "int64": T.LongType(),
        "int32": T.IntegerType(),
        "float64": T.DoubleType(),
        "string": T.StringType(),
    }
    fields = [T.StructField(c, kinds[EVENT_COLUMNS.get(c, "string")]) for c in layout.columns]
    return T.StructType([*fields, T.StructField(CORRUPT, T.StringType())])


def _groups(files: Sequence[EventFile], folder: Path) -> list[tuple[Layout, list[str]]]:
    """Paths Spark can read, per layout: plain and ``.gz`` files as they are, others unpacked."""

    def width(f: EventFile) -> int:
        return f.layout.width

    groups = []
    for _, group in groupby(sorted(files, key=width), key=width):
        members = list(group)
        groups.append((members[0].layout, [_readable(m, folder) for m in members]))
    return groups


def _readable(event_file: EventFile, folder: Path) -> str:
    if event_file.compression is Compression.NONE:
        return str(event_file.path)
    if event_file.compression is Compression.GZIP and event_file.path.suffix == ".gz":
        return str(event_file.path)
    # One sub-folder per file keeps the name that malformed-line reports show.
    target = folder / str(len(list(folder.iterdir()))) / Path(event_file.name).name
    target.parent.mkdir()
    with event_file.open() as source, target.open("wb") as out:
        shutil.copyfileobj(source, out, 1 << 20)
    return str(target)


def _malformed(raw: Any) -> tuple[MalformedLine, ...]:
    bad = raw.where(raw[CORRUPT].isNotNull()).select("_file", "GLOBALEVENTID", CORRUPT)
    rows = bad.limit(MALFORMED_SHOWN).collect()
    return tuple(
        MalformedLine(Path(r["_file"]).name, None, "does not parse", r[CORRUPT]) for r in rows
    )
