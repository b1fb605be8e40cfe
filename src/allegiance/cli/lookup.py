"""``allegiance actors`` and ``allegiance weapons``: look up the reference data."""

from __future__ import annotations

import click

from allegiance.actors import Gazetteer
from allegiance.cli.options import format_option
from allegiance.cli.output import emit_csv, emit_json, emit_table
from allegiance.errors import NotFoundError
from allegiance.weapons import Catalogue


@click.command("actors")
@click.argument("query")
@format_option("table", "json", "csv")
def actors_command(query: str, fmt: str) -> None:
    """Resolve a name, demonym, capital, seat of power or code to actors.

    Example: ``allegiance actors Bishkek`` gives Kyrgyzstan (KGZ).
    """
    gaz = Gazetteer.load()
    found = gaz.resolve(query)
    if not found:
        raise NotFoundError(f"no actor matches {query!r}")
    header = ("code", "name", "kind", "iso3", "cow", "member of")
    records = [
        (
            a.code,
            a.name,
            str(a.kind),
            a.iso3,
            a.cow,
            " ".join(
                sorted({m.organisation for m in gaz.memberships(member=a.code) if m.until is None})
            ),
        )
        for a in found
    ]
    if fmt == "json":
        emit_json({"query": query, "actors": [a.to_dict() for a in found]})
    elif fmt == "csv":
        emit_csv(header, records)
    else:
        emit_table(header, records)


@click.command("weapons")
@click.argument("query")
@format_option("table", "json", "csv")
def weapons_command(query: str, fmt: str) -> None:
    """Find weapon systems in the catalogue by designation or alias (e.g. TB2)."""
    found = Catalogue.load().search(query)
    if not found:
        raise NotFoundError(f"no weapon system matches {query!r}")
    header = ("designation", "category", "origin", "maker", "aliases")
    records = [
        (w.designation, str(w.category), w.origin, w.maker, ", ".join(w.aliases)) for w in found
    ]
    if fmt == "json":
        emit_json({"query": query, "weapons": [w.to_dict() for w in found]})
    elif fmt == "csv":
        emit_csv(header, records)
    else:
        emit_table(header, records)
