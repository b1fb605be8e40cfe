"""Turning what a user typed (a name, capital, demonym or code) into an actor code."""

from __future__ import annotations

from allegiance.actors import Gazetteer
from allegiance.errors import InputError
from allegiance.model import Conflict


def actor_code(query: str, gazetteer: Gazetteer | None = None) -> str:
    """The one actor ``query`` names, or an InputError that lists the candidates."""
    gaz = gazetteer or Gazetteer.load()
    found = gaz.resolve(query)
    if not found:
        raise InputError(f"unknown actor {query!r} (try: allegiance actors {query!r})")
    exact = [a for a in found if a.code == query.strip().upper()]
    if len(found) == 1 or exact:
        return (exact or found)[0].code
    options = ", ".join(f"{a.name} ({a.code})" for a in found)
    raise InputError(f"{query!r} is ambiguous: {options}; give a code")


def conflict(spec: str, **window: object) -> Conflict:
    """A conflict from ``A:B`` where each side is any name or code of an actor."""
    parsed = Conflict.parse(spec)
    return Conflict(actor_code(parsed.side_a), actor_code(parsed.side_b), **window)  # type: ignore[arg-type]
