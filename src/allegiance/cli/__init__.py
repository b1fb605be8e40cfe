"""The command line: parse, call the library, print. The only place that exits."""

from __future__ import annotations

import sqlite3
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError

from allegiance import __version__
from allegiance.errors import AllegianceError


class Group(click.Group):
    """Turns library errors into one clear line on stderr and exit status 1.

    The commands are loaded when first asked for, not when this module is
    imported: loading them takes seconds (the extractor's language tools), and
    inside click's own handling a Ctrl-C then says "Aborted!" instead of
    printing a traceback.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        _register()
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _one_line(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _one_line(exc) from exc
        except AllegianceError as exc:
            raise click.ClickException(str(exc)) from exc
        except (UnicodeError, OSError) as exc:
            raise click.ClickException(_os_message(exc)) from exc
        except sqlite3.DatabaseError as exc:
            # A store damaged or changed under us mid-command: still one line, no traceback.
            raise click.ClickException(f"the store cannot be read or written: {exc}") from exc


def _one_line(exc: click.UsageError) -> click.UsageError:
    """A usage error as one line, pointing at the help, instead of usage, hint and error."""
    if exc.ctx is None or isinstance(exc, NoArgsIsHelpError):  # bare "allegiance": the help
        return exc
    where = exc.ctx.command_path
    return click.UsageError(f"{exc.format_message()} (see '{where} --help')")


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
    if main.commands:
        return
    from allegiance.cli import commands

    for command in commands.ALL:
        main.add_command(command)
