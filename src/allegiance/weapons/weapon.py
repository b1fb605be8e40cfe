"""The two kinds of catalogue entry: a named weapon system and a generic weapon term."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allegiance.model import Category


@dataclass(frozen=True, slots=True)
class Weapon:
    """One weapon system as the catalogue knows it.

    ``aliases`` are the other names it goes by (variants, nicknames, NATO
    reporting names, with and without the maker's prefix); ``ambiguous`` lists
    those of its names (designation included) that are ordinary words or that
    another system shares, so a text match on them needs context.
    """

    designation: str
    aliases: tuple[str, ...]
    maker: str
    origin: str
    category: Category
    description: str
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The designation followed by every alias."""
        return (self.designation, *self.aliases)

    def to_dict(self) -> dict[str, Any]:
        return {
            "designation": self.designation,
            "aliases": list(self.aliases),
            "maker": self.maker,
            "origin": self.origin,
            "category": str(self.category),
            "description": self.description,
            "ambiguous": list(self.ambiguous),
        }


@dataclass(frozen=True, slots=True)
class Term:
    """A generic phrase ("combat drones", "night-vision goggles") and its category."""

    text: str
    category: Category

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "category": str(self.category)}
