"""``allegiance serve``: the web app over a store, on this machine unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import click

from allegiance.cli.options import db_option, open_store
from allegiance.store import default_path
from allegiance.web import SETTINGS, WebConfig, create_app
from allegiance.web.security import TOKEN_HEADER
from allegiance.web.server import check_listen, serve, url
from allegiance.web.settings import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, setting_values

SETTINGS_HELP = "\n".join(f"  {s.name} (default {s.default}): {s.help}" for s in SETTINGS)


@click.command(
    "serve",
    epilog="\b\nSettings (--setting NAME VALUE):\n" + SETTINGS_HELP,
)
@db_option
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to listen on. Any address but this machine's own needs a write token.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True, help="Port."
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    show_envvar=True,
    help="The token writes (reviews, ingest) need; made up and printed when --host is not "
    "this machine's own and none is given.",
)
@click.option(
    "--setting",
    "settings",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="Change a setting (listed below).",
)
def serve_command(
    db: Path | None,
    host: str,
    port: int,
    token: str | None,
    settings: tuple[tuple[str, str], ...],
) -> None:
    """Browse conflicts and claims, review claims and ingest articles in a web browser.

    Serves http://127.0.0.1:8000/ by default: the conflicts, each conflict's
    alignment graph, the claims with their evidence, and a JSON API under /api/.
    """
    path = db if db is not None else default_path()
    open_store(path).close()
    config = WebConfig.for_host(path, host, token, **setting_values(settings))
    app = create_app(config)
    check_listen(host, port)
    click.echo(f"Serving {path} at {url(host, port)}/ (Ctrl-C to stop)", err=True)
    if config.token is None:
        click.echo("Writes need no token: this server listens on this machine only.", err=True)
    else:
        click.echo(
            f"Writes need the token {config.token}\n"
            f"  pages ask for it once; API clients send it in the {TOKEN_HEADER} header.",
            err=True,
        )
    serve(app, host, port)
