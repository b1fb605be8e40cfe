"""Printing results: JSON, JSON Lines, CSV and terminal tables."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table


def console() -> Console:
    """A console on stdout; plain text when piped, so output stays diffable."""
    return Console(highlight=False, soft_wrap=True)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def emit_jsonl(items: Iterable[Any]) -> None:
    for item in items:
        click.echo(json.dumps(item, ensure_ascii=False))


def emit_csv(header: Sequence[str], records: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for record in records:
        writer.writerow(["" if v is None else v for v in record])


def emit_table(
    header: Sequence[str], records: Iterable[Sequence[Any]], title: str | None = None
) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for name in header:
        table.add_column(name, overflow="fold")
    for record in records:
        table.add_row(*("" if v is None else str(v) for v in record))
    console().print(table)
