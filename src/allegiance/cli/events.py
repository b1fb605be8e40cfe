"""``allegiance import gdelt FILE...``: GDELT event files into dyad-period ties and weak claims."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from allegiance.cli.options import db_option, format_option, open_store
from allegiance.cli.output import emit_json

if TYPE_CHECKING:
    from allegiance.events import Engine, GdeltImport

MAX_MALFORMED = 20


@click.command("gdelt")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--engine",
    type=click.Choice(["duckdb", "spark"]),
    default="duckdb",
    show_default=True,
    help="Where the aggregation runs: in-process DuckDB, or Spark when one machine is not enough.",
)
@click.option(
    "--spark-master", help="Spark master URL (default: local[*]); implies --engine spark."
)
@click.option(
    "--period",
    type=click.Choice(["month", "year"]),  # allegiance.events.Period, not imported eagerly
    default="month",
    show_default=True,
    help="The period of a tie.",
)
@format_option("text", "json")
@db_option
def gdelt_command(
    files: tuple[Path, ...],
    engine: str,
    spark_master: str | None,
    period: str,
    fmt: str,
    db: Path | None,
) -> None:
    """Aggregate GDELT 1.0/2.0 event files (tab-separated, zipped or not) into dyad ties.

    Events between two states become directed dyad-period ties (counts and
    Goldstein sums for cooperation, conflict, fighting, military cooperation
    and aid), kept in the store's ``event_ties`` table. Ties where fighting
    dominates, sustained military cooperation and military aid become weak
    claims (method gdelt/<version>) naming the events and sources behind them.
    """
    # The engines pull in Ibis and DuckDB (a second to import): only when this command runs.
    from allegiance.events import Aggregation, Period, import_gdelt

    runner = _engine(engine, spark_master)
    try:
        with open_store(db, create=True) as store:
            result = import_gdelt(list(files), store, runner, Aggregation(period=Period(period)))
    finally:
        runner.close()
    if fmt == "json":
        emit_json(result.to_dict())
        return
    for line in report_lines(result):
        click.echo(line)


def _engine(name: str, master: str | None) -> Engine:
    if name == "spark" or master:
        from allegiance.events.spark_engine import SparkEngine

        return SparkEngine(master=master)
    from allegiance.events import DuckDBEngine

    return DuckDBEngine()


def report_lines(result: GdeltImport) -> list[str]:
    """What an import did, in a few lines."""
    doc = result.document
    if not result.added:
        return [f"gdelt: already imported (document {doc.id[:12]}), nothing changed"]
    claims = (
        f"{len(result.claims)} claims ({result.claims_new} new, "
        f"{result.claims_merged} merged into stored claims)"
    )
    lines = [
        f"gdelt {doc.title}: {result.events} events between states in {result.ties} ties "
        f"({result.engine}); {claims}; {_skipped(result)}"
    ]
    for bad in result.malformed[:MAX_MALFORMED]:
        where = f"{bad.file} line {bad.line}" if bad.line is not None else bad.file
        lines.append(f"  {where}: {bad.reason}")
    extra = len(result.malformed) - MAX_MALFORMED
    if extra > 0:
        lines.append(f"  ... and {extra} more (--format json lists them all)")
    return lines


def _skipped(result: GdeltImport) -> str:
    count = len(result.malformed)
    if not count:
        return "no lines skipped"
    return f"{count} malformed line{'s' if count != 1 else ''} skipped"
