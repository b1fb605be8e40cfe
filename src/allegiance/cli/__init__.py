"""The command line: parse, call the library, print. The only place that exits."""

from __future__ import annotations

from typing import Any

import click

from allegiance import __version__
from allegiance.errors import AllegianceError


class Group(click.Group):
    """Turns library errors into one clear line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllegianceError as exc:
            raise click.ClickException(str(exc)) from exc
        except (UnicodeError, OSError) as exc:
            raise click.ClickException(_os_message(exc)) from exc


def _os_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="allegiance")
def main() -> None:
    """Who arms whom, who sides with whom, and which alignments don't add up.

    Reads news articles and public datasets into sourced, time-aware claims,
    builds a signed alignment graph around a conflict, and explains it.
    """


def _register() -> None:
    from allegiance.cli import commands

    for command in commands.ALL:
        main.add_command(command)


_register()
