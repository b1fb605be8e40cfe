"""SIPRI's ``Weapon description`` ("armed UAV", "towed gun", ...) mapped to our categories."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from allegiance.model import Category

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _contains(words: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    size = len(pattern)
    return any(words[i : i + size] == pattern for i in range(len(words) - size + 1))


class DescriptionRules:
    """Exact descriptions first; then the first keyword rule whose words appear in order.

    Keyword rules are ordered on purpose: "aircraft engine" is a part before it
    is an aircraft, "AA gun" is air defence before it is artillery.
    """

    def __init__(
        self,
        exact: Mapping[str, Category],
        keywords: Iterable[tuple[str, Category]] = (),
    ) -> None:
        self._exact = {" ".join(_words(text)): category for text, category in exact.items()}
        self._keywords = tuple((_words(text), category) for text, category in keywords)

    def categorize(self, description: str) -> Category:
        """The category of a SIPRI weapon description; ``Category.OTHER`` when nothing fits."""
        words = _words(description)
        exact = self._exact.get(" ".join(words))
        if exact is not None:
            return exact
        for pattern, category in self._keywords:
            if pattern and _contains(words, pattern):
                return category
        return Category.OTHER
