"""Check the weapons catalogue against a SIPRI trade register export (not shipped).

Reports designations the catalogue cannot resolve, designations it resolves to a
system of another category than SIPRI's description implies, descriptions the
category rules do not know, and catalogue rows with no maker.

    .venv/bin/python tools/check_weapons.py [REGISTER.csv ...]

Exits 1 when a designation is unresolved or miscategorised.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from allegiance.model import Category
from allegiance.weapons import Catalogue

DEFAULT = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/sipri-arms-transfers/trade-register_central-asia.csv"
)


def register_rows(path: Path) -> list[tuple[str, str]]:
    """(designation, description) pairs of a SIPRI register, each once."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        pairs = {(r["Weapon designation"].strip(), r["Weapon description"].strip()) for r in rows}
    return sorted(pairs)


def problems(catalogue: Catalogue, pairs: list[tuple[str, str]]) -> list[str]:
    """One line per designation the catalogue gets wrong."""
    found: list[str] = []
    for designation, description in pairs:
        expected = catalogue.categorize(description)
        if catalogue.get(designation) is None and catalogue.term(designation) is None:
            found.append(f"unresolved     {designation!r} ({description})")
            continue
        weapon = catalogue.get(designation, category=expected)
        if weapon is not None and weapon.category is not expected:
            found.append(
                f"category       {designation!r}: {weapon.category} in the catalogue, "
                f"{expected} from SIPRI's {description!r}"
            )
    return found


def notes(catalogue: Catalogue, pairs: list[tuple[str, str]]) -> list[str]:
    """Things to review that are not errors: unknown descriptions, ambiguous names, no maker."""
    out = [
        f"description    {d!r} maps to nothing (other)"
        for d in sorted({d for _, d in pairs})
        if catalogue.categorize(d) is Category.OTHER
    ]
    out += [
        f"needs a hint   {d!r}: plain look-up gives {w.designation!r}"
        for d, description in pairs
        if (w := catalogue.get(d)) is not None
        and w.category is not catalogue.categorize(description)
    ]
    out += [f"no maker       {w.designation!r}" for w in catalogue.weapons() if not w.maker]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registers", nargs="*", type=Path, default=[DEFAULT])
    args = parser.parse_args(argv)
    catalogue = Catalogue.load()
    pairs = sorted({p for path in args.registers for p in register_rows(path)})
    errors = problems(catalogue, pairs)
    for line in errors + notes(catalogue, pairs):
        print(line)
    print(f"{len(pairs)} designations checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
