"""Reading the reviewed data files under ``allegiance/data/weapons/`` into catalogue entries.

Lines starting with ``#`` are the files' provenance headers. In the catalogue a
name written with a leading ``~`` is an ambiguous one (an ordinary word, or a
name another system shares): the ``~`` is dropped and the name is listed in
``Weapon.ambiguous``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from allegiance.errors import InputError
from allegiance.model import Category
from allegiance.weapons.descriptions import DescriptionRules
from allegiance.weapons.names import normalize
from allegiance.weapons.terms import expand_terms
from allegiance.weapons.weapon import Term, Weapon

_ISO3 = re.compile(r"[A-Z]{3}")
_MARK = "~"


@dataclass(frozen=True, slots=True)
class CatalogueData:
    """Everything a catalogue is built from, as read from one data directory."""

    weapons: tuple[Weapon, ...]
    terms: tuple[Term, ...]
    defaults: dict[str, str]
    rules: DescriptionRules


def shipped_directory() -> Traversable:
    """Where the package keeps its weapons data."""
    return resources.files("allegiance").joinpath("data", "weapons")


def read_directory(root: Traversable | Path) -> CatalogueData:
    """The catalogue data in ``root``: catalogue, ambiguous, terms, spellings, descriptions."""
    weapons = read_weapons(root / "catalogue.csv")
    return CatalogueData(
        weapons=weapons,
        terms=expand_terms(_records(root / "terms.csv"), _records(root / "spellings.csv")),
        defaults=read_defaults(root / "ambiguous.csv", weapons),
        rules=read_rules(root / "descriptions.csv"),
    )


def _records(path: Traversable | Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row, skipping the ``#`` header lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and line[0] != "#"]
    reader = csv.DictReader(line for _, line in numbered)
    for (number, _), row in zip(numbered[1:], reader, strict=True):
        if None in row:
            raise InputError(f"{path.name}:{number}: too many fields (quote text with commas)")
        yield number, {key: (value or "").strip() for key, value in row.items()}


def category(value: str, where: str) -> Category:
    """A category named in a data file, or an error naming the file and line."""
    try:
        return Category(value)
    except ValueError:
        raise InputError(f"{where}: unknown category {value!r}") from None


def _unmark(name: str) -> tuple[str, bool]:
    return (name[1:].strip(), True) if name.startswith(_MARK) else (name, False)


def _weapon(row: dict[str, str], where: str) -> Weapon:
    designation, marked = _unmark(row["designation"])
    if not designation:
        raise InputError(f"{where}: a weapon needs a designation")
    if not _ISO3.fullmatch(row["origin"]):
        raise InputError(f"{where}: origin {row['origin']!r} is not an ISO3 code")
    names = [_unmark(a) for a in row["aliases"].split("|") if a.strip()]
    ambiguous = ([designation] if marked else []) + [a for a, m in names if m]
    return Weapon(
        designation=designation,
        aliases=tuple(dict.fromkeys(a for a, _ in names if a != designation)),
        maker=row["maker"],
        origin=row["origin"],
        category=category(row["category"], where),
        description=row["description"],
        ambiguous=tuple(dict.fromkeys(ambiguous)),
    )


def read_weapons(path: Traversable | Path) -> tuple[Weapon, ...]:
    """The catalogue's weapons; names shared by two systems count as ambiguous in both."""
    weapons: list[Weapon] = []
    seen: dict[str, str] = {}
    for number, row in _records(path):
        where = f"{path.name}:{number}"
        weapon = _weapon(row, where)
        key = normalize(weapon.designation)
        if key in seen:
            raise InputError(f"{where}: {weapon.designation!r} repeats {seen[key]!r}")
        seen[key] = weapon.designation
        weapons.append(weapon)
    return _mark_shared(weapons)


def _owners(weapons: list[Weapon]) -> dict[str, set[str]]:
    """Normalised name to the designations of every system that goes by it."""
    owners: dict[str, set[str]] = {}
    for weapon in weapons:
        for name in weapon.names:
            owners.setdefault(normalize(name), set()).add(weapon.designation)
    return owners


def _mark_shared(weapons: list[Weapon]) -> tuple[Weapon, ...]:
    owners = _owners(weapons)
    return tuple(
        replace(
            w,
            ambiguous=tuple(
                dict.fromkeys(
                    [*w.ambiguous, *(n for n in w.names if len(owners[normalize(n)]) > 1)]
                )
            ),
        )
        for w in weapons
    )


def read_defaults(path: Traversable | Path, weapons: tuple[Weapon, ...]) -> dict[str, str]:
    """Which system a shared name means when nothing else says: normalised name to designation."""
    by_designation = {w.designation: w for w in weapons}
    defaults: dict[str, str] = {}
    for number, row in _records(path):
        key = normalize(row["alias"])
        chosen = by_designation.get(row["default"])
        if chosen is None or key not in {normalize(n) for n in chosen.names}:
            raise InputError(
                f"{path.name}:{number}: {row['default']!r} is not called {row['alias']!r}"
            )
        defaults[key] = row["default"]
    return defaults


def read_rules(path: Traversable | Path) -> DescriptionRules:
    """The SIPRI description rules: exact matches and ordered keyword rules."""
    exact: dict[str, Category] = {}
    keywords: list[tuple[str, Category]] = []
    for number, row in _records(path):
        found = category(row["category"], f"{path.name}:{number}")
        if row["match"] == "exact":
            exact[row["description"]] = found
        elif row["match"] == "keyword":
            keywords.append((row["description"], found))
        else:
            raise InputError(f"{path.name}:{number}: match must be exact or keyword")
    return DescriptionRules(exact, keywords)
