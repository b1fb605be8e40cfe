"""The dataset formats ``allegiance import`` reads: one registry the CLI and the bundle share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from allegiance.errors import InputError
from allegiance.sources import alliances, conflicts, igo, milex, rivalries, sipri
from allegiance.sources.dataset import Context, Parsed, Source


@dataclass(frozen=True, slots=True)
class Format:
    """A dataset format: its command name, a one-line help, and its reader."""

    name: str
    help: str
    read: Callable[[Source, Context], Parsed]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "sipri-trade-register",
            "SIPRI Arms Transfers trade register CSV (cp1252 or UTF-8) -> supply claims.",
            sipri.read,
        ),
        Format(
            "sipri-milex",
            "SIPRI Military Expenditure long CSV -> yearly spending series (not claims).",
            milex.read,
        ),
        Format(
            "atop",
            "ATOP dyad-year or member-level CSV -> alliance ties and memberships.",
            alliances.read_atop,
        ),
        Format(
            "cow-alliance",
            "COW Formal Alliances dyad-year CSV -> alliance ties.",
            alliances.read_cow_alliance,
        ),
        Format("cow-igo", "COW IGO-year CSV -> memberships of full members.", igo.read),
        Format(
            "ucdp-acd",
            "UCDP/PRIO Armed Conflict Dataset CSV -> armed clashes and wars between states.",
            conflicts.read_ucdp,
        ),
        Format(
            "cow-mid",
            "COW or GML MID dyad-year CSV -> militarized disputes between states.",
            conflicts.read_mid,
        ),
        Format(
            "rivalries",
            "TSS or Thompson-Dreyer strategic rivalries CSV -> rivalries.",
            rivalries.read,
        ),
    )
}


def get(name: str) -> Format:
    """The format called ``name``, or an InputError naming the ones there are."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise InputError(f"unknown dataset format {name!r}; known: {known}") from None
