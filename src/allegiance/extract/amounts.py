"""How many and how much: quantities before a weapon, money values in a clause."""

from __future__ import annotations

import re
from dataclasses import dataclass

from allegiance.extract.lexicon import Lexicon

_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Money:
    value: float
    unit: str


class AmountReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self._numbers = lexicon.numbers
        self._scales = lexicon.scales
        prefixes = sorted(lexicon.currency_prefix, key=len, reverse=True)
        self._prefix_units = lexicon.currency_prefix
        self._suffix_units = lexicon.currency_suffix
        scale = "|".join(sorted(lexicon.scales, key=len, reverse=True))
        suffix = "|".join(sorted(lexicon.currency_suffix, key=len, reverse=True))
        prefix = "|".join(re.escape(p) for p in prefixes)
        self._before = re.compile(
            rf"(?<![\w$])({prefix})\s?(\d[\d,]*(?:\.\d+)?)(?:[\s-]*({scale})\b)?", re.IGNORECASE
        )
        self._after = re.compile(
            rf"\b(\d[\d,]*(?:\.\d+)?)[\s-]*({scale})?\s+({suffix})\b", re.IGNORECASE
        )

    def money(self, text: str) -> Money | None:
        """The first money value in ``text`` ("$20-million", "US$1.2 billion", "€300m")."""
        found = self._before.search(text)
        if found is not None:
            unit = self._prefix_units.get(found.group(1), self._prefix_units.get("$", "USD"))
            return Money(self._value(found.group(2), found.group(3)), unit)
        found = self._after.search(text)
        if found is not None:
            unit = self._suffix_units[found.group(3).lower()]
            return Money(self._value(found.group(1), found.group(2)), unit)
        return None

    def _value(self, number: str, scale: str | None) -> float:
        value = float(number.replace(",", ""))
        return value * (self._scales.get(scale.lower(), 1) if scale else 1)

    def quantity(self, words: tuple[str, ...], first: int) -> int | None:
        """The count right before the weapon at token ``first`` ("six TB2s", "120 vehicles")."""
        for back in range(1, 4):
            index = first - back
            if index < 0:
                return None
            word = words[index]
            if index > 0 and words[index - 1] in ("$", "€", "£", "us$"):
                return None
            if _NUMBER.match(word) and not _year_like(word):
                return int(float(word.replace(",", "")))
            pair = " ".join(words[max(0, index - 1) : index + 1])
            if pair in self._numbers:
                return self._numbers[pair]
            if word in self._numbers:
                return self._numbers[word]
        return None


def _year_like(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")
