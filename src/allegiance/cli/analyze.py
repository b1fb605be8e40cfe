"""``allegiance analyze``: sides, odd alignments, cross-pressure and frustration of a conflict."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import click

from allegiance.analyst import Analyst
from allegiance.cli.options import db_option, format_option, open_store
from allegiance.cli.output import emit_json
from allegiance.cli.resolve import conflict as parse_conflict
from allegiance.model import Conflict
from allegiance.report.text import render_markdown, render_text

F = TypeVar("F", bound=Callable[..., object])


def conflict_options(func: F) -> F:
    """``--conflict A:B`` with its window: ``--from``, ``--to``, ``--as-of``."""
    decorators = [
        click.option(
            "--conflict",
            "spec",
            required=True,
            help="The two sides, A:B, by code or name (e.g. KGZ:TJK).",
        ),
        click.option("--from", "since", type=int, help="First year of the window."),
        click.option("--to", "until", type=int, help="Last year of the window."),
        click.option(
            "--as-of",
            type=click.DateTime(["%Y-%m-%d"]),
            help="Use only documents published by this date (what was known then).",
        ),
    ]
    for decorate in reversed(decorators):
        func = decorate(func)
    return func


def make_conflict(
    spec: str, since: int | None, until: int | None, as_of: datetime | None
) -> Conflict:
    return parse_conflict(
        spec, start=since, end=until, as_of=as_of.date() if as_of is not None else None
    )


@click.command("analyze")
@conflict_options
@format_option("text", "md", "json")
@db_option
def analyze_command(
    spec: str,
    since: int | None,
    until: int | None,
    as_of: datetime | None,
    fmt: str,
    db: Path | None,
) -> None:
    """Who arms each side, where third parties stand, and which alignments don't add up.

    Every finding comes with the claims behind it; --format text quotes their
    evidence sentences under each finding.
    """
    conflict = make_conflict(spec, since, until, as_of)
    with open_store(db) as store:
        analyst = Analyst(store)
        analysis = analyst.analyze(conflict)
        documents = analyst.documents(analysis)
    if fmt == "json":
        emit_json(analysis.to_dict())
    elif fmt == "md":
        click.echo(render_markdown(analysis, documents, analyst.namer), nl=False)
    else:
        click.echo(render_text(analysis, documents, analyst.namer), nl=False)
