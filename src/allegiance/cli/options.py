"""Option groups shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from allegiance.errors import InputError
from allegiance.store import ENV_VAR, Store, default_path

F = TypeVar("F", bound=Callable[..., object])


def db_option(func: F) -> F:
    """``--db PATH``, else $ALLEGIANCE_DB, else ./allegiance.db."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar=ENV_VAR,
        default=None,
        show_envvar=True,
        help="The claim store (SQLite file). [default: ./allegiance.db]",
    )(func)


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """``--format`` with the given choices; the first is the default."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices, case_sensitive=False),
            default=default or choices[0],
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def open_store(db: Path | None, *, create: bool = False) -> Store:
    """The store a command reads (which must exist) or writes (created when missing)."""
    path = db if db is not None else default_path()
    if not create and not path.exists():
        raise InputError(f"no store at {path}: ingest or import something first, or pass --db")
    if not create and path.is_file() and path.stat().st_size == 0:
        # SQLite would take an empty file for an empty store and write one into it.
        raise InputError(f"{path} is an empty file, not a store: ingest or import something first")
    return Store.open(path)
