"""The yearly world alignment graphs used to benchmark the frustration solver.

Positive ties: ATOP v5.1 alliance dyad-years with any obligation (defence,
offence, neutrality, non-aggression, consultation). Negative ties: strategic
rivalries (Thompson, Sakuwa & Suchanek) active in the year, and militarised
interstate disputes (COW MID v5) ongoing in the year, as in Oishi & Sakuwa
(2020). Directed rows collapse to one undirected tie per pair and sign; a pair
both allied and hostile in a year keeps one tie of each sign. States are named
by their COW abbreviation (the COW code when it has none).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from allegiance.graph.balance import SignedEdge

ATOP = Path("atop/atop_v5.1_dyad-year_via-peacesciencer.csv")
RIVALRIES = Path("rivalries/tss_strategic_rivalries_via-peacesciencer.csv")
DISPUTES = Path("cow-mid/cow_mid_v5_dyad-year-disputes_via-peacesciencer.csv")
STATES = Path("cow-state-system/cow_states2016_via-peacesciencer.csv")
OBLIGATIONS = ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")

Pair = tuple[int, int]


def available(data: Path) -> bool:
    """Whether every file the world graphs need is under ``data``."""
    return all((data / name).is_file() for name in (ATOP, RIVALRIES, DISPUTES, STATES))


def world_graphs(data: Path, years: range) -> dict[int, list[SignedEdge]]:
    """Signed ties of every year in ``years``, keyed by year."""
    names = _state_names(data / STATES)
    friendly = _alliances(data / ATOP, years)
    hostile = _disputes(data / DISPUTES, years)
    for year, pair in _rivalries(data / RIVALRIES, years):
        hostile[year].add(pair)
    graphs = {}
    for year in years:
        ties = [_tie(names, pair, 1) for pair in sorted(friendly[year])]
        ties += [_tie(names, pair, -1) for pair in sorted(hostile[year])]
        graphs[year] = ties
    return graphs


def _tie(names: dict[int, str], pair: Pair, sign: int) -> SignedEdge:
    a, b = pair
    return SignedEdge(names.get(a, str(a)), names.get(b, str(b)), sign)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _pair(row: dict[str, str], first: str = "ccode1", second: str = "ccode2") -> Pair:
    a, b = int(row[first]), int(row[second])
    return (a, b) if a < b else (b, a)


def _state_names(path: Path) -> dict[int, str]:
    return {int(row["ccode"]): row["stateabb"] for row in _rows(path)}


def _alliances(path: Path, years: range) -> dict[int, set[Pair]]:
    ties: dict[int, set[Pair]] = defaultdict(set)
    for row in _rows(path):
        year = int(row["year"])
        if year in years and any(row[key] == "1" for key in OBLIGATIONS):
            ties[year].add(_pair(row))
    return ties


def _disputes(path: Path, years: range) -> dict[int, set[Pair]]:
    ties: dict[int, set[Pair]] = defaultdict(set)
    for row in _rows(path):
        year = int(row["year"])
        if year in years:
            ties[year].add(_pair(row))
    return ties


def _rivalries(path: Path, years: range) -> Iterator[tuple[int, Pair]]:
    for row in _rows(path):
        for year in range(int(row["start"]), int(row["end"]) + 1):
            if year in years:
                yield year, _pair(row)
