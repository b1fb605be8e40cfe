"""Naming states as datasets do: SIPRI spellings, COW numbers, Gleditsch–Ward numbers.

``ActorCodes`` turns each into one of our actor codes through the gazetteer,
remembering every answer (a 30,000-row register names a few hundred states).
Gleditsch–Ward numbers equal COW's except for the few listed, with the years
they apply, in ``data/sources/gleditsch-ward_to_cow.csv``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from allegiance.model import Actor, ActorKind

if TYPE_CHECKING:
    from allegiance.actors import Gazetteer


class Names(Protocol):
    """The part of the gazetteer the dataset adapters use."""

    def resolve(self, query: str) -> Sequence[Actor]: ...

    def by_cow(self, code: int) -> Actor | None: ...


@dataclass(frozen=True, slots=True)
class _Span:
    gwcode: int
    since: int
    until: int | None
    cowcode: int


def reference_text(name: str) -> str:
    """A shipped crosswalk or code table from ``allegiance/data/sources``."""
    return resources.files("allegiance").joinpath("data", "sources", name).read_text("utf-8")


def reference_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(reference_text(name))))


@cache
def _gw_spans() -> tuple[_Span, ...]:
    return tuple(
        _Span(
            int(r["gwcode"]),
            int(r["from_year"]),
            int(r["to_year"]) if r["to_year"] else None,
            int(r["cowcode"]),
        )
        for r in reference_rows("gleditsch-ward_to_cow.csv")
    )


def gw_to_cow(gwcode: int, year: int) -> int:
    """The COW number of a Gleditsch–Ward state in a given year."""
    for span in _gw_spans():
        in_span = span.since <= year and (span.until is None or year <= span.until)
        if span.gwcode == gwcode and in_span:
            return span.cowcode
    return gwcode


@dataclass
class ActorCodes:
    """Dataset names and numbers to actor codes, each looked up once."""

    names: Names
    _by_name: dict[str, str | None] = field(default_factory=dict)
    _by_cow: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ActorCodes:
        from allegiance.actors import Gazetteer

        gazetteer: Gazetteer = Gazetteer.load()
        return cls(gazetteer)

    def name(self, text: str) -> str | None:
        """The state a dataset's name means ("Turkiye", "UAE", "Soviet Union"), if one clearly."""
        key = text.strip().rstrip("*").strip()
        if key not in self._by_name:
            self._by_name[key] = _one(self.names.resolve(key), key) if key else None
        return self._by_name[key]

    def cow(self, code: int) -> str | None:
        """The actor with this Correlates of War number."""
        if code not in self._by_cow:
            actor = self.names.by_cow(code)
            self._by_cow[code] = actor.code if actor is not None else None
        return self._by_cow[code]

    def gw(self, code: int, year: int) -> str | None:
        """The actor with this Gleditsch–Ward number in that year."""
        return self.cow(gw_to_cow(code, year))


def _one(found: Sequence[Actor], text: str) -> str | None:
    """The one actor a name means: the only match, an exact name, or the only state."""
    if len(found) == 1:
        return found[0].code
    exact = [a for a in found if a.name.casefold() == text.casefold()]
    if len(exact) == 1:
        return exact[0].code
    states = [a for a in found if a.kind is ActorKind.STATE]
    return states[0].code if len(states) == 1 else None
