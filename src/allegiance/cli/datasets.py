"""``allegiance import FORMAT FILE...`` and ``allegiance buildup``: datasets in, build-up out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from allegiance.buildup import Buildup, SideBuildup, YearFigures, buildup
from allegiance.cli.events import gdelt_command
from allegiance.cli.options import db_option, format_option, open_store
from allegiance.cli.output import emit_json, emit_table
from allegiance.cli.resolve import conflict as parse_conflict
from allegiance.errors import InputError
from allegiance.sources.bundle import load_bundle
from allegiance.sources.dataset import Context, IssueKind, Parsed, Source
from allegiance.sources.importer import ImportReport, parse, store_parsed
from allegiance.sources.registry import FORMATS, Format

MAX_DETAILS = 20


@click.group("import")
def import_group() -> None:
    """Import public datasets as sourced claims: one subcommand per format.

    Each file is one transaction and one dataset document (named by the
    SHA-256 of its bytes), so importing it again changes nothing. Rows that
    cannot be used are skipped and listed with their line numbers.
    """


def _format_command(dataset: Format) -> click.Command:
    @click.command(dataset.name, help=dataset.help)
    @click.argument(
        "files",
        nargs=-1,
        required=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
    )
    @click.option("--version", "version", help="The dataset's release, if the file name lacks it.")
    @click.option(
        "--published",
        type=click.DateTime(["%Y-%m-%d"]),
        help="The release date (lets --as-of queries see this dataset).",
    )
    @format_option("text", "json")
    @db_option
    def command(
        files: tuple[Path, ...],
        version: str | None,
        published: datetime | None,
        fmt: str,
        db: Path | None,
    ) -> None:
        context = Context.load()
        reports = []
        day = published.date() if published else None
        with open_store(db, create=True) as store:
            for path in files:
                parsed = _parse(dataset.name, Source.from_path(path, version, day), context)
                with _progress(len(parsed.claims), path.name) as advance:
                    reports.append(store_parsed(store, dataset.name, parsed, advance))
        _emit_reports(reports, fmt)

    return command


for _dataset in FORMATS.values():
    import_group.add_command(_format_command(_dataset))
import_group.add_command(gdelt_command)


@import_group.command("bundle")
@format_option("text", "json")
@db_option
def bundle_command(fmt: str, db: Path | None) -> None:
    """Import the default bundle: Central Asia and its patrons from SIPRI, ATOP, COW, UCDP."""
    with open_store(db, create=True) as store:
        reports = load_bundle(store)
    _emit_reports(reports, fmt)


def _parse(name: str, source: Source, context: Context) -> Parsed:
    """Read one file; a file in the wrong layout is an error that names the file."""
    try:
        return parse(name, source, context)
    except InputError as exc:
        raise InputError(f"{source.path}: {exc}") from exc


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr while claims are stored, only when stderr is a terminal."""
    console = Console(stderr=True)
    if not console.is_terminal or total == 0:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda done: progress.update(task, completed=done)


def _emit_reports(reports: Sequence[ImportReport], fmt: str) -> None:
    if fmt == "json":
        emit_json({"imports": [r.to_dict() for r in reports]})
        return
    for report in reports:
        click.echo(summary(report))
        for line in details(report) if report.added else ():
            click.echo(line)


def summary(report: ImportReport) -> str:
    """One line per file: what was read, stored, merged and skipped."""
    name = Path(report.document.path or "").name
    head = f"{report.format} {name}"
    if not report.added:
        return f"{head}: already imported (document {report.document.id[:12]}), nothing changed"
    parts = [f"{report.rows} rows"]
    if report.claims:
        parts.append(
            f"{report.claims} claims ({report.claims_new} new, "
            f"{report.claims_merged} merged into stored claims)"
        )
    if report.values:
        parts.append(f"{report.values} values")
    return f"{head}: {', '.join(parts)}; {_skipped(report)}"


def _skipped(report: ImportReport) -> str:
    if not report.issues:
        return "no rows skipped"
    kinds = [
        f"{report.count(kind)} {kind.value.replace('_', ' ')}"
        for kind in IssueKind
        if report.count(kind)
    ]
    noun = "row" if report.skipped == 1 else "rows"
    return f"{report.skipped} {noun} skipped ({', '.join(kinds)})"


def details(report: ImportReport) -> list[str]:
    """The skipped rows, one per line, the first few of them."""
    lines = [f"  {issue}" for issue in report.issues[:MAX_DETAILS]]
    extra = len(report.issues) - MAX_DETAILS
    if extra > 0:
        lines.append(f"  ... and {extra} more (--format json lists them all)")
    return lines


@click.command("buildup")
@click.option("--conflict", "spec", required=True, help="The two sides, A:B (e.g. KGZ:TJK).")
@click.option("--from", "since", type=int, help="First year of the window.")
@click.option("--to", "until", type=int, help="Last year of the window.")
@format_option("text", "json")
@db_option
def buildup_command(
    spec: str, since: int | None, until: int | None, fmt: str, db: Path | None
) -> None:
    """The arms build-up on both sides of a conflict, per year.

    Transfers by category and supplier, SIPRI TIV delivered, supplier
    concentration (HHI), new suppliers, military spending, and a Richardson
    action-reaction fit of each side's spending on the other's.
    """
    found = parse_conflict(spec, start=since, end=until)
    with open_store(db) as store:
        result = buildup(store, found)
    if fmt == "json":
        emit_json(result.to_dict())
    else:
        _emit_buildup(result)


def _emit_buildup(result: Buildup) -> None:
    a, b = result.conflict.sides
    window = f"{result.start}–{result.end}" if result.start is not None else "no data"
    click.echo(f"Arms build-up: {a} vs {b}, {window}")
    click.echo("TIV: SIPRI trend-indicator value, millions; spending: constant 2022 US$ m.")
    for side in result.sides:
        click.echo("")
        click.echo(side_line(side))
        records = [_year_record(y) for y in side.years if _has_data(y)]
        if records:
            emit_table(YEAR_HEADER, records)
        click.echo(richardson_text(side))
    click.echo("")
    for note in result.notes:
        click.echo(f"Note: {note}")


YEAR_HEADER = ("year", "orders", "deliv", "news", "TIV", "HHI", "new", "suppliers", "milex", "%GDP")


def side_line(side: SideBuildup) -> str:
    suppliers = ", ".join(
        f"{s.key} {s.share:.0%}" if s.share else f"{s.key} (no TIV)" for s in side.suppliers
    )
    hhi = f"; HHI {side.supplier_hhi:.2f}" if side.supplier_hhi is not None else ""
    tiv = f"{side.tiv_delivered:.2f} TIV delivered"
    return f"{side.actor}: {tiv}; suppliers {suppliers or 'none'}{hhi}"


def _has_data(year: YearFigures) -> bool:
    return bool(year.transfers) or year.milex_constant_usd_m is not None


def _year_record(year: YearFigures) -> tuple[object, ...]:
    return (
        year.year,
        year.orders,
        year.deliveries,
        year.news_reports,
        f"{year.tiv_delivered:.2f}",
        "" if year.supplier_hhi is None else f"{year.supplier_hhi:.2f}",
        " ".join(year.new_suppliers),
        " ".join(f"{s.key} {s.tiv_delivered:.1f}" for s in year.by_supplier),
        "" if year.milex_constant_usd_m is None else f"{year.milex_constant_usd_m:.1f}",
        "" if year.milex_share_of_gdp_pct is None else f"{year.milex_share_of_gdp_pct:.2f}",
    )


def richardson_text(side: SideBuildup) -> str:
    fit = side.richardson
    head = f"Richardson fit, dM(t) = k*M_{fit.rival}(t-1) - alpha*M(t-1) + g"
    if fit.k is None or fit.alpha is None or fit.g is None:
        return f"{head}: {fit.note}"
    span = f"{fit.years[0]}–{fit.years[-1]}"
    coefficients = ", ".join(
        f"{name} = {c.estimate:.3f} (se {'n/a' if c.se is None else f'{c.se:.3f}'})"
        for name, c in (("k", fit.k), ("alpha", fit.alpha), ("g", fit.g))
    )
    r2 = "" if fit.r_squared is None else f", R² {fit.r_squared:.2f}"
    return f"{head}, {len(fit.years)} years in {span}: {coefficients}{r2}.\n  {fit.note}"
