"""Event aggregation at scale: GDELT-format synthetic events through each engine.

    .venv/bin/python benchmarks/events.py [--events 10_000_000] [--big] [--only NAME,...]

Generates GDELT 2.0 export files (61 tab-separated columns) and the same
events as Parquet with DuckDB itself, cached under benchmarks/.cache/, then
times each path in its own child process and prints events/s, peak memory
(the child's maximum resident set, from wait4's rusage; for Spark plus the
JVM's peak) and the ratio to the pandas baseline:

- duckdb-count:  SELECT count(*) FROM read_csv(...) with our columns (the ceiling)
- duckdb-raw:    our DuckDB path from raw files (DuckDBEngine.ties_from_files)
- duckdb-stored: our DuckDB path from stored Parquet (DuckDBEngine.ties_from_parquet)
- pandas-raw:    chunked pandas.read_csv + groupby, the baseline for raw files
- pandas-stored: Parquet row groups into pandas + groupby, the baseline for stored events
- spark-raw / spark-stored: the same Ibis expression on Spark in local mode
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CACHE = Path(__file__).resolve().parent / ".cache"
COUNTRIES = [
    "USA",
    "RUS",
    "CHN",
    "GBR",
    "FRA",
    "DEU",
    "TUR",
    "IRN",
    "ISR",
    "UKR",
    "GEO",
    "ARM",
    "AZE",
    "KGZ",
    "TJK",
    "KAZ",
    "UZB",
    "BLR",
    "IND",
    "PAK",
    "AFG",
    "IRQ",
    "SYR",
    "SAU",
    "ARE",
    "EGY",
    "JPN",
    "KOR",
    "PRK",
    "ROM",
    "MTN",
    "-",
    "-",
    "-",
    "AFR",
    "EUR",
]
CODES = [
    "010",
    "020",
    "036",
    "040",
    "042",
    "043",
    "046",
    "051",
    "057",
    "061",
    "062",
    "072",
    "0312",
    "0332",
    "111",
    "112",
    "120",
    "130",
    "138",
    "141",
    "172",
    "180",
    "190",
    "193",
    "194",
    "195",
    "200",
]
PATHS = ("duckdb-count", "duckdb-raw", "duckdb-stored", "pandas-raw", "pandas-stored")
SPARK = ("spark-raw", "spark-stored")


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join("''" if v == "-" else f"'{v}'" for v in values) + "]"


def _events_sql(n: int) -> str:
    """n synthetic events in the 61-column GDELT 2.0 layout, deterministic (hash of the row)."""
    geo = "4, 'Somewhere, Country', 'XX', 'XX00', '', 41.7, 44.8, '-2330077'"
    return f"""
    WITH r AS (SELECT range AS i, hash(range) AS h FROM range({n})),
    e AS (SELECT i, h,
      {_list(COUNTRIES)}[1 + (h % {len(COUNTRIES)})::INT] AS a1,
      {_list(COUNTRIES)}[1 + ((h >> 8) % {len(COUNTRIES)})::INT] AS a2,
      {_list(tuple(CODES))}[1 + ((h >> 16) % {len(CODES)})::INT] AS ec,
      20150101 + ((h >> 24) % 28)::INT + 100 * ((h >> 32) % 12)::INT AS d FROM r)
    SELECT 400000000 + i AS GLOBALEVENTID, d AS SQLDATE, d // 100 AS MonthYear,
      d // 10000 AS "Year", round(d // 10000 + ((d // 100) % 100) / 12.0, 4) AS FractionDate,
      a1 || 'GOV', 'NAME ' || a1, a1 AS Actor1CountryCode, '', '', '', '', 'GOV', '', '',
      a2 || 'MIL', 'NAME ' || a2, a2 AS Actor2CountryCode, '', '', '', '', 'MIL', '', '',
      1, ec AS EventCode, left(ec, 3), left(ec, 2) AS EventRootCode,
      CASE WHEN left(ec, 2) < '06' THEN 1 WHEN left(ec, 2) < '09' THEN 2
           WHEN left(ec, 2) < '14' THEN 3 ELSE 4 END AS QuadClass,
      CASE WHEN left(ec, 2) < '09' THEN (h % 80)::INT / 10.0
           ELSE -((h % 100)::INT / 10.0) END AS GoldsteinScale,
      (h % 20)::INT + 1, 1, (h % 20)::INT + 1, ((h % 2000)::INT - 1000) / 100.0,
      {geo}, {geo}, {geo}, d::BIGINT * 1000000,
      'https://news.example.org/story/' || (h % 1000000)::VARCHAR AS SOURCEURL
    FROM e"""


def generate(n: int, tsv: bool) -> tuple[Path, Path]:
    """The cached TSV and Parquet files of n events, written by DuckDB if missing."""
    import duckdb

    from allegiance.events import EVENT_COLUMNS

    CACHE.mkdir(exist_ok=True)
    raw, stored = CACHE / f"events-{n}.export.CSV", CACHE / f"events-{n}.parquet"
    con = duckdb.connect()
    con.sql("SET preserve_insertion_order = false")
    if tsv and not raw.exists():
        started = time.perf_counter()
        tmp = raw.with_suffix(".tmp")
        con.sql(f"COPY ({_events_sql(n)}) TO '{tmp}' (DELIMITER '\t', HEADER false, QUOTE '')")
        tmp.rename(raw)
        print(f"generated {raw.name}: {raw.stat().st_size / 1e9:.1f} GB in {_since(started)}")
    if not stored.exists():
        started = time.perf_counter()
        columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
        tmp = stored.with_suffix(".tmp")
        con.sql(
            f"COPY (SELECT {columns} FROM ({_events_sql(n)})) TO '{tmp}' "
            "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)"
        )
        tmp.rename(stored)
        print(f"generated {stored.name}: {stored.stat().st_size / 1e9:.1f} GB in {_since(started)}")
    return raw, stored


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} s"


# -- the measured paths, each run in a child process -------------------------------------


def run_duckdb_count(raw: Path, stored: Path) -> int:
    import duckdb

    from allegiance.events import sniff
    from allegiance.events.duckdb_engine import _scans, events_view_sql
    from allegiance.events.fifo import Feeds

    con = duckdb.connect()
    con.sql(f"SET threads = {os.cpu_count()}")
    with Feeds() as feeds:
        view = events_view_sql(_scans(sniff(raw), feeds))
    con.sql(view)
    return int(con.sql("SELECT count(*) FROM events").fetchall()[0][0])


def run_duckdb_raw(raw: Path, stored: Path) -> int:
    from allegiance.events import Aggregation, DuckDBEngine, sniff

    return DuckDBEngine().ties_from_files(sniff(raw), Aggregation()).events


def run_duckdb_stored(raw: Path, stored: Path) -> int:
    from allegiance.events import Aggregation, DuckDBEngine

    return DuckDBEngine().ties_from_parquet([stored], Aggregation()).events


def _pandas_groups(frame: Any) -> Any:
    """The baseline's aggregation: dyad-month counts and Goldstein sums per class."""
    a1, a2 = frame.Actor1CountryCode.fillna(""), frame.Actor2CountryCode.fillna("")
    frame = frame[(a1 != "") & (a2 != "") & (a1 != a2)]
    fight = frame.EventRootCode.isin(["19", "20"])
    coop = frame.QuadClass.isin([1, 2])
    milcoop = frame.EventCode.isin(["0312", "0314", "0332", "062", "064", "072"])
    g = frame.GoldsteinScale
    parts = frame.assign(
        events=1,
        fighting=fight.astype("int64"),
        cooperation=coop.astype("int64"),
        milcoop=milcoop.astype("int64"),
        aid=(frame.EventCode == "072").astype("int64"),
        fighting_g=g.where(fight, 0.0),
        cooperation_g=g.where(coop, 0.0),
    )
    keys = ["Actor1CountryCode", "Actor2CountryCode", "MonthYear"]
    columns = ["events", "fighting", "cooperation", "milcoop", "aid", "GoldsteinScale"]
    return parts.groupby(keys)[[*columns, "fighting_g", "cooperation_g"]].sum()


def _pandas_total(chunks: Any) -> int:
    import pandas as pd

    partial = [_pandas_groups(chunk) for chunk in chunks]
    total = pd.concat(partial).groupby(level=[0, 1, 2]).sum()
    regions = {"AFR", "EUR"}
    kept = total[
        ~total.index.get_level_values(0).isin(regions)
        & ~total.index.get_level_values(1).isin(regions)
    ]
    return int(kept["events"].sum())


def run_pandas_raw(raw: Path, stored: Path) -> int:
    import pandas as pd

    from allegiance.events import EVENT_COLUMNS, LAYOUTS

    dtypes = {"int64": "int64", "int32": "int32", "float64": "float64", "string": "object"}
    chunks = pd.read_csv(
        raw,
        sep="\t",
        header=None,
        names=list(LAYOUTS[61].columns),
        usecols=list(EVENT_COLUMNS),
        dtype={c: dtypes[t] for c, t in EVENT_COLUMNS.items()},
        quoting=3,
        chunksize=1_000_000,
    )
    return _pandas_total(chunks)


def run_pandas_stored(raw: Path, stored: Path) -> int:
    import pyarrow.parquet as pq

    batches = pq.ParquetFile(stored).iter_batches(batch_size=1_000_000)
    return _pandas_total(b.to_pandas() for b in batches)


_SPARK: list[Any] = []


def _spark_engine() -> Any:
    """One Spark engine per child, its JVM started before the clock."""
    if not _SPARK:
        from allegiance.events.spark_engine import SparkEngine

        cores = os.cpu_count() or 1
        engine = SparkEngine(
            master=f"local[{cores}]",
            config={"spark.driver.memory": "4g", "spark.sql.shuffle.partitions": str(cores * 2)},
        )
        engine.session.sparkContext.setLogLevel("ERROR")
        _SPARK.append(engine)
    return _SPARK[0]


def _jvm_peak_kb(engine: Any) -> int:
    """The JVM's peak resident memory (VmHWM), which rusage does not see."""
    pid = engine.session.sparkContext._gateway.proc.pid
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def run_spark_raw(raw: Path, stored: Path) -> tuple[int, int]:
    from allegiance.events import Aggregation, sniff

    engine = _spark_engine()
    events = engine.ties_from_files(sniff(raw), Aggregation()).events
    return events, _jvm_peak_kb(engine)


def run_spark_stored(raw: Path, stored: Path) -> tuple[int, int]:
    from allegiance.events import Aggregation

    engine = _spark_engine()
    events = engine.ties_from_parquet([stored], Aggregation()).events
    return events, _jvm_peak_kb(engine)


RUNS = {
    "duckdb-count": run_duckdb_count,
    "duckdb-raw": run_duckdb_raw,
    "duckdb-stored": run_duckdb_stored,
    "pandas-raw": run_pandas_raw,
    "pandas-stored": run_pandas_stored,
    "spark-raw": run_spark_raw,
    "spark-stored": run_spark_stored,
}


def child(name: str, raw: Path, stored: Path) -> None:
    """Run one path (after its imports and, for Spark, the JVM start) and print the timing."""
    import duckdb  # noqa: F401 - imports are not what is measured
    import pandas  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    import allegiance.events  # noqa: F401

    if name.startswith("spark"):
        _spark_engine()
    started = time.perf_counter()
    result = RUNS[name](raw, stored)
    seconds = time.perf_counter() - started
    events, extra_kb = result if isinstance(result, tuple) else (result, 0)
    print(json.dumps({"seconds": seconds, "events": events, "extra_kb": extra_kb}))


def measure(name: str, raw: Path, stored: Path) -> dict[str, Any]:
    """One path in a fresh child process; its own peak memory from wait4."""
    cmd = [sys.executable, __file__, "--child", name, "--raw", str(raw), "--stored", str(stored)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return {"name": name, "error": f"exit status {proc.returncode}"}
    found = json.loads(out.strip().splitlines()[-1])
    peak_kb = usage.ru_maxrss + found["extra_kb"]
    return {"name": name, **found, "peak_mb": peak_kb / 1024}


def report(n: int, results: list[dict[str, Any]]) -> None:
    base = {r["name"].split("-")[1]: r for r in results if r["name"].startswith("pandas")}
    print(f"\n{n:,} events, {os.cpu_count()} cores")
    print(f"{'path':<15}{'seconds':>9}{'events/s':>14}{'peak MB':>10}{'vs pandas':>11}  events")
    for r in results:
        if "error" in r:
            print(f"{r['name']:<15}  {r['error']}")
            continue
        pandas = base.get(r["name"].split("-")[1])
        ratio = f"{pandas['seconds'] / r['seconds']:.1f}x" if pandas and "seconds" in pandas else ""
        rate = n / r["seconds"]
        print(
            f"{r['name']:<15}{r['seconds']:>9.2f}{rate:>14,.0f}{r['peak_mb']:>10,.0f}"
            f"{ratio:>11}  {r['events']:,}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=lambda s: int(s.replace("_", "")), default=10_000_000)
    parser.add_argument("--big", action="store_true", help="100 M events")
    parser.add_argument("--only", help="comma-separated paths to run (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stored", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.raw, args.stored)
        return
    n = 100_000_000 if args.big else args.events
    names = args.only.split(",") if args.only else [*PATHS, *SPARK]
    needs_raw = any(name.endswith(("raw", "count")) for name in names)
    free = shutil.disk_usage(CACHE.parent).free / 1e9
    print(f"free disk: {free:.0f} GB; raw TSV needs about {n * 330 / 1e9:.0f} GB")
    raw, stored = generate(n, tsv=needs_raw)
    results = [measure(name, raw, stored) for name in names]
    report(n, results)


if __name__ == "__main__":
    main()
