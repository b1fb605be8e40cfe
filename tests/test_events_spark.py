"""Conformance: the same events give identical tie tables on DuckDB and on Spark (local mode)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from allegiance.events import (
    EVENT_COLUMNS,
    Aggregation,
    DuckDBEngine,
    Period,
    import_gdelt,
    sniff_all,
)
from allegiance.events.spark_engine import SparkEngine
from allegiance.store import Store

pytestmark = pytest.mark.spark

GDELT = Path(__file__).parent / "fixtures" / "gdelt"
HAND = GDELT / "hand_2021.export.CSV"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkEngine]:
    engine = SparkEngine(
        master="local[1]",
        config={
            "spark.sql.shuffle.partitions": "2",
            "spark.default.parallelism": "1",
            "spark.driver.memory": "1g",
            "spark.sql.adaptive.enabled": "false",
        },
    )
    engine.session.sparkContext.setLogLevel("ERROR")
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def duck() -> DuckDBEngine:
    return DuckDBEngine(threads=2, memory_limit="1GB")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every layout, zipped and not, plus a file with a malformed line."""
    folder = tmp_path_factory.mktemp("gdelt")
    lines = (GDELT / "georgia_2012-08.v1-58.CSV").read_text().splitlines(keepends=True)
    lines.insert(2, "212000000\tnot enough fields\n")
    bad = folder / "20120802.export.CSV.zip"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20120802.export.CSV", "".join(lines))
    return [
        HAND,
        GDELT / "georgia_2012-08.v1-57.CSV",
        GDELT / "georgia_2012-08.v1-58.CSV.zip",
        GDELT / "georgia_2012-08.v2-61.export.CSV",
        bad,
    ]


def test_raw_files_give_identical_ties(
    spark: SparkEngine, duck: DuckDBEngine, inputs: list[Path]
) -> None:
    files = sniff_all(inputs)
    a = duck.ties_from_files(files, Aggregation())
    b = spark.ties_from_files(files, Aggregation())
    assert a.ties.schema == b.ties.schema
    assert a.ties.to_pylist() == b.ties.to_pylist()
    assert a.ties.num_rows > 50
    assert [(m.file, m.text) for m in a.malformed] == [(m.file, m.text) for m in b.malformed]
    assert [(m.file, m.line) for m in a.malformed] == [("20120802.export.CSV.zip", 3)]


def test_stored_parquet_gives_identical_ties(
    spark: SparkEngine, duck: DuckDBEngine, inputs: list[Path], tmp_path: Path
) -> None:
    parquet = tmp_path / "events.parquet"
    columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
    duckdb.sql(
        f"COPY (SELECT {columns} FROM read_csv('{HAND}', delim='\\t', header=false, "
        f"names={list(_names())}, all_varchar=false, auto_detect=true)) TO '{parquet}'"
    )
    yearly = Aggregation(period=Period.YEAR)
    a = duck.ties_from_parquet([parquet], yearly)
    b = spark.ties_from_parquet([parquet], yearly)
    assert a.ties.to_pylist() == b.ties.to_pylist()
    raw = duck.ties_from_files(sniff_all([HAND]), yearly)
    assert raw.ties.to_pylist() == a.ties.to_pylist()


def _names() -> tuple[str, ...]:
    (hand,) = sniff_all([HAND])
    return hand.layout.columns


def test_import_on_spark_stores_what_duckdb_stores(spark: SparkEngine, tmp_path: Path) -> None:
    with Store.open(tmp_path / "spark.db") as store:
        on_spark = import_gdelt([HAND], store, spark)
    with Store.open(tmp_path / "duck.db") as store:
        on_duck = import_gdelt([HAND], store, DuckDBEngine(threads=1))
    assert on_spark.engine == "spark"
    assert [c.to_dict() for c in on_spark.claims] == [c.to_dict() for c in on_duck.claims]
