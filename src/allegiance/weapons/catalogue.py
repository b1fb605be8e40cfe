"""The weapons catalogue: look-up, search and the generic vocabulary, over reviewed data."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from allegiance.errors import NotFoundError
from allegiance.model import Category
from allegiance.weapons.descriptions import DescriptionRules
from allegiance.weapons.load import CatalogueData, read_directory, shipped_directory
from allegiance.weapons.names import normalize, singular_key, variants
from allegiance.weapons.weapon import Term, Weapon

# search() tiers, best first
_EXACT, _PREFIX, _SUBSTRING, _TOKENS = range(4)


class Catalogue:
    """Named weapon systems and generic weapon terms, looked up by any spelling of a name.

    A name two systems share resolves to the one ``defaults`` names (normalised
    name to designation), else to the one whose designation it is, else to the
    first in catalogue order; ``category`` and ``origin`` hints choose among them.
    """

    def __init__(
        self,
        weapons: Iterable[Weapon],
        terms: Iterable[Term] = (),
        *,
        defaults: Mapping[str, str] | None = None,
        rules: DescriptionRules | None = None,
    ) -> None:
        self._weapons = tuple(weapons)
        self._terms = tuple(terms)
        self._defaults = dict(defaults or {})
        self._rules = rules or DescriptionRules({})
        self._index = _index(self._weapons, self._defaults)
        self._term_index = {normalize(t.text): t for t in reversed(self._terms)}
        self._keys = {w.designation: tuple(normalize(n) for n in w.names) for w in self._weapons}
        self._tokens: dict[str, frozenset[str]] | None = None  # built by the first search
        self._ambiguous = {k for k, ws in self._index.items() if len(ws) > 1} | {
            normalize(n) for w in self._weapons for n in w.ambiguous
        }

    @classmethod
    def load(cls, directory: Path | None = None) -> Catalogue:
        """The shipped catalogue (read once, then cached), or the one in ``directory``."""
        if directory is None:
            return _shipped()
        return _build(read_directory(directory))

    def __len__(self) -> int:
        return len(self._weapons)

    def weapons(self) -> list[Weapon]:
        """Every system, in catalogue order."""
        return list(self._weapons)

    def candidates(self, name: str) -> list[Weapon]:
        """Every system called exactly ``name`` (any spelling), the default first."""
        key = normalize(name)
        found = self._index.get(key)
        if found is None and (single := singular_key(key)) is not None:
            found = self._index.get(single)
        return list(found or ())

    def get(
        self, name: str, *, category: Category | None = None, origin: str | None = None
    ) -> Weapon | None:
        """The system called ``name``, or None.

        Case, spaces and hyphens do not matter ("tb-2", "Bayraktar TB-2"), nor
        a plural s ("TB2s"). The hints pick among systems sharing the name
        ("Puma" with ``Category.DRONE``); they never turn a hit into a miss.
        """
        found = self.candidates(name)
        if not found:
            return None
        return max(found, key=lambda w: 2 * (w.category is category) + (w.origin == origin))

    def weapon(
        self, name: str, *, category: Category | None = None, origin: str | None = None
    ) -> Weapon:
        """The system called ``name``; NotFoundError when the catalogue has none."""
        found = self.get(name, category=category, origin=origin)
        if found is None:
            raise NotFoundError(f"no weapon called {name!r} in the catalogue")
        return found

    def is_ambiguous(self, name: str) -> bool:
        """Whether ``name`` is an ordinary word or shared, so a text match needs context."""
        return normalize(name) in self._ambiguous

    def search(self, query: str, limit: int | None = None) -> list[Weapon]:
        """Systems matching ``query``: exact names, then prefixes, then substrings and words."""
        key = normalize(query)
        if not key:
            return []
        words = [w for w in (normalize(part) for part in query.split()) if w]
        ranked = sorted(
            (rank, position, weapon)
            for position, weapon in enumerate(self._weapons)
            if (rank := self._rank(weapon, key, words)) is not None
        )
        return [weapon for *_, weapon in ranked][:limit]

    def _rank(self, weapon: Weapon, key: str, words: list[str]) -> tuple[int, int] | None:
        keys = self._keys[weapon.designation]
        if key in keys:
            exact = self._index[key]
            return (_EXACT, exact.index(weapon))
        prefixed = [len(k) for k in keys if k.startswith(key)]
        if prefixed:
            return (_PREFIX, min(prefixed))
        inside = [len(k) for k in keys if key in k]
        if inside:
            return (_SUBSTRING, min(inside))
        tokens = self._words(weapon)
        if words and all(any(t.startswith(w) for t in tokens) for w in words):
            return (_TOKENS, 0)
        return None

    def _words(self, weapon: Weapon) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = {w.designation: _tokens(w) for w in self._weapons}
        return self._tokens[weapon.designation]

    def aliases(self) -> Iterator[tuple[str, Weapon]]:
        """Every (surface form, system) pair, for a multi-pattern matcher over raw text.

        Forms include hyphen and space variants ("TB2", "TB-2"); a form two
        systems share comes once for each, and ``is_ambiguous`` tells them apart.
        """
        for weapon in self._weapons:
            forms = (form for name in weapon.names for form in variants(name))
            for form in dict.fromkeys(forms):
                yield form, weapon

    def terms(self) -> list[Term]:
        """The generic vocabulary, singular and plural, British and American spellings."""
        return list(self._terms)

    def term(self, text: str) -> Term | None:
        """The generic term written ``text`` (any case, spacing or hyphenation), or None."""
        return self._term_index.get(normalize(text))

    def categorize(self, sipri_description: str) -> Category:
        """SIPRI's ``Weapon description`` as a category; ``Category.OTHER`` when unknown."""
        return self._rules.categorize(sipri_description)


def _index(
    weapons: tuple[Weapon, ...], defaults: Mapping[str, str]
) -> dict[str, tuple[Weapon, ...]]:
    """Normalised name to the systems that go by it, the default first."""
    found: dict[str, list[Weapon]] = {}
    for weapon in weapons:
        for name in weapon.names:
            bucket = found.setdefault(normalize(name), [])
            if not bucket or bucket[-1] is not weapon:
                bucket.append(weapon)

    def order(key: str, weapon: Weapon) -> tuple[bool, bool]:
        return (defaults.get(key) != weapon.designation, normalize(weapon.designation) != key)

    return {
        key: tuple(sorted(bucket, key=functools.partial(order, key)) if len(bucket) > 1 else bucket)
        for key, bucket in found.items()
    }


def _tokens(weapon: Weapon) -> frozenset[str]:
    text = " ".join([*weapon.names, weapon.maker, weapon.description])
    return frozenset(t for t in (normalize(part) for part in text.split()) if t)


def _build(data: CatalogueData) -> Catalogue:
    return Catalogue(data.weapons, data.terms, defaults=data.defaults, rules=data.rules)


@functools.cache
def _shipped() -> Catalogue:
    return _build(read_directory(shipped_directory()))
