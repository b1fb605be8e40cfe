"""Every command the ``allegiance`` group offers, in the order ``--help`` lists them."""

from __future__ import annotations

import click

from allegiance.cli.analyze import analyze_command
from allegiance.cli.claims import claims_command, review_command
from allegiance.cli.datasets import buildup_command, import_group
from allegiance.cli.demo import demo_command
from allegiance.cli.extract import extract_command, ingest_command
from allegiance.cli.lookup import actors_command, weapons_command
from allegiance.cli.report import report_command
from allegiance.cli.serve import serve_command

ALL: list[click.Command] = [
    demo_command,
    ingest_command,
    extract_command,
    actors_command,
    weapons_command,
    claims_command,
    review_command,
    analyze_command,
    report_command,
    import_group,
    buildup_command,
    serve_command,
]
