"""``allegiance report``: a briefing on a conflict, as one self-contained HTML file or Markdown."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from allegiance.analyst import Analyst
from allegiance.cli.analyze import conflict_options, make_conflict
from allegiance.cli.options import db_option, open_store
from allegiance.report import write_report
from allegiance.report.render import renderer_for


@click.command("report")
@conflict_options
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The briefing to write: FILE.html (one self-contained page) or FILE.md.",
)
@db_option
def report_command(
    spec: str,
    since: int | None,
    until: int | None,
    as_of: datetime | None,
    output: Path,
    db: Path | None,
) -> None:
    """Write a briefing on a conflict to share, as one HTML page or as Markdown.

    It holds a summary, the alignment picture, who supplies each side, a
    timeline, the findings footnoted with their evidence, the arms build-up,
    and the sources with their licences. The format follows the file's
    suffix: .html is one page that needs nothing from the network (and prints
    well); .md carries the same content as Markdown, with the timeline as a
    table.
    """
    renderer_for(output)  # a bad suffix fails before any work is done
    conflict = make_conflict(spec, since, until, as_of)
    with open_store(db) as store:
        analyst = Analyst(store)
        written = write_report(analyst, analyst.analyze(conflict), output)
    click.echo(f"wrote {written}")
