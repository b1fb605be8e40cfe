"""Benchmark the frustration solver against the plain integer program (issue 4).

Usage::

    .venv/bin/python benchmarks/balance.py [--quick] [--years 1816-2018]
        [--data ../shared/data] [--skip-world] [--skip-random] [--skip-scale]

For each graph it prints the time to the exact optimum (or the gap at the time
limit) of the plain formulation and of ``allegiance.graph.balance``, measured
in the same run, and the heuristic's time and its gap to the exact value. A
final table gives the ratios against the plain formulation and whether each
target of issue 4 is met. Machines are shared and noisy: compare ratios.

``--quick`` runs a subset in about a minute (every 20th year with the plain
formulation cut off at 3 s, one graph per synthetic size with it cut off at
5 s, one graph of 100k ties). The full run takes 30-40 minutes on two
shared cores, most of it the plain formulation: some 10-15 minutes on the
203 world graphs (with its triangle cuts most years take 0.01-5 s, a few of
the 1990s and 2000s take a minute or more) and up to 2 minutes per synthetic
graph it cannot solve (ours is cut off at 60 s).

The plain formulation (the baseline) lives here, not in the package: one
binary camp variable per node, one binary violation variable per tie, two rows
per tie tying them together, and a triangle cut for each triangle of ties with
an odd number of hostile ones (at least one of its ties is violated), solved
by HiGHS with default settings.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import highspy
import numpy as np
from highspy._core import _Highs
from numpy.typing import NDArray

from _balance_random import planted_graph, random_graph
from _balance_world import available, world_graphs
from allegiance.graph.balance import SignedEdge, frustration

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

Ints = NDArray[np.int32]
Bools = NDArray[np.bool_]

# A named graph: its ties and, for planted graphs, the cost of the planted split.
Case = tuple[str, Callable[[], tuple[list[SignedEdge], float | None]]]


@dataclass(frozen=True)
class Run:
    """One solver on one graph: best value found, proven bound, whether optimal, seconds."""

    value: float
    bound: float
    optimal: bool
    seconds: float

    def gap(self) -> float:
        """Relative gap between the value and the bound (0 when proven)."""
        return 0.0 if self.optimal else (self.value - self.bound) / max(self.value, 1.0)

    def cell(self) -> str:
        if self.optimal:
            return f"{self.seconds:8.3f}s"
        return f">{self.seconds:6.1f}s gap {100 * self.gap():4.1f}%"


def plain_ip(edges: list[SignedEdge], time_limit: float) -> Run:
    """The baseline: the plain node-and-tie formulation, solved by HiGHS."""
    started = time.perf_counter()
    names = sorted({e.u for e in edges} | {e.v for e in edges})
    ids = {name: k for k, name in enumerate(names)}
    n, m = len(names), len(edges)
    a = np.array([ids[e.u] for e in edges], dtype=np.int32)
    b = np.array([ids[e.v] for e in edges], dtype=np.int32)
    friendly = np.array([e.sign > 0 for e in edges], dtype=bool)
    weight = np.array([e.weight for e in edges], dtype=np.float64)
    model = _Highs()  # highspy.Highs would print a banner on stdout
    model.setOptionValue("output_flag", False)
    model.setOptionValue("time_limit", float(time_limit))
    costs = np.concatenate([np.zeros(n), weight])
    model.addCols(n + m, costs, np.zeros(n + m), np.ones(n + m), 0, [], [], [])
    every = np.arange(n + m, dtype=np.int32)
    model.changeColsIntegrality(n + m, every, np.ones(n + m, dtype=np.uint8))
    f = (n + np.arange(m)).astype(np.int32)
    # friendly: f >= x_a - x_b and f >= x_b - x_a
    # hostile:  f >= x_a + x_b - 1 and f >= 1 - x_a - x_b
    sa = np.where(friendly, -1.0, 1.0)
    one = np.ones(m)
    index = np.concatenate([np.stack([f, a, b], 1).ravel(), np.stack([f, a, b], 1).ravel()])
    value = np.concatenate(
        [np.stack([one, sa, one], 1).ravel(), np.stack([one, -sa, -one], 1).ravel()]
    )
    lower = np.concatenate([np.where(friendly, 0.0, 1.0), np.where(friendly, 0.0, -1.0)])
    starts = np.arange(0, 6 * m, 3, dtype=np.int32)
    upper = np.full(2 * m, highspy.kHighsInf)
    model.addRows(2 * m, lower, upper, index.size, starts, index.astype(np.int32), value)
    _add_triangle_cuts(model, n, a, b, friendly)
    model.run()
    info = model.getInfo()
    optimal = model.getModelStatus() == highspy.HighsModelStatus.kOptimal
    best = float(info.objective_function_value) if np.isfinite(info.mip_gap) else float(m)
    bound = float(info.mip_dual_bound) if np.isfinite(info.mip_dual_bound) else 0.0
    return Run(round(best, 6), round(bound, 6), optimal, time.perf_counter() - started)


def _add_triangle_cuts(model: _Highs, n: int, a: Ints, b: Ints, friendly: Bools) -> None:
    """For each triangle of ties with an odd number of hostile ones: at least one is violated.

    Ties are taken one by one (a pair with both a friendly and a hostile tie
    joins triangles with each), so every row is a valid cut on the violation
    variables ``n + tie``.
    """
    if a.size == 0:
        return
    lo, hi = np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)
    # Ties grouped per unordered pair, so a triangle of pairs expands to its ties.
    code = lo * n + hi
    order = np.argsort(code, kind="stable")
    codes, first, count = np.unique(code[order], return_index=True, return_counts=True)
    pu, pv = codes // n, codes % n
    near = np.zeros((n, n), dtype=bool)
    near[pu, pv] = near[pv, pu] = True
    pair_of = np.full((n, n), -1, dtype=np.int64)
    pair_of[pu, pv] = pair_of[pv, pu] = np.arange(codes.size)
    # Each triangle u < v < w once: from its pair (u, v), a common neighbour w above v.
    common = near[pu] & near[pv] & (np.arange(n)[None, :] > pv[:, None])
    k, w = np.nonzero(common)
    rows: list[list[int]] = []
    hostile = ~friendly
    sides = zip(k.tolist(), pair_of[pu[k], w].tolist(), pair_of[pv[k], w].tolist(), strict=True)
    for p, q, r in sides:
        for t in itertools.product(
            *(order[first[x] : first[x] + count[x]].tolist() for x in (p, q, r))
        ):
            if sum(bool(hostile[e]) for e in t) % 2:
                rows.append([n + e for e in t])
    if not rows:
        return
    index = np.array(rows, dtype=np.int32).ravel()
    starts = np.arange(0, index.size, 3, dtype=np.int32)
    lower, upper = np.ones(len(rows)), np.full(len(rows), highspy.kHighsInf)
    model.addRows(len(rows), lower, upper, index.size, starts, index, np.ones(index.size))


def ours(edges: list[SignedEdge], time_limit: float) -> Run:
    result = frustration(edges, time_limit=time_limit)
    return Run(result.index, result.lower_bound, result.exact, result.seconds)


def heuristic(edges: list[SignedEdge], time_limit: float) -> Run:
    """The heuristic alone (no exact stages), with its cycle-packing bound."""
    result = frustration(edges, exact_max_edges=0, time_limit=time_limit)
    return Run(result.index, result.lower_bound, result.exact, result.seconds)


def gap_to(value: float, best: float) -> float:
    return (value - best) / max(best, 1.0)


# -- world graphs -----------------------------------------------------------------------


@dataclass(frozen=True)
class WorldRow:
    year: int
    ties: int
    base: Run
    ours: Run
    heur: Run


def bench_world(data: Path, years: range, base_limit: float, step: int) -> list[WorldRow]:
    """Every ``step``-th year: the plain IP, our solver and the heuristic on its alignment graph."""
    print(f"\n== World alignment graphs {years.start}-{years.stop - 1} (ATOP + TSS + COW MID)")
    started = time.perf_counter()
    graphs = world_graphs(data, years)
    print(f"   built {len(graphs)} yearly graphs in {time.perf_counter() - started:.1f}s")
    chosen = [y for y in years if (y - years.start) % step == 0 or y == years.stop - 1]
    print(f"   {'year':>4} {'ties':>5} {'index':>6}  {'plain IP':>20}  {'ours':>20}  heuristic")
    rows = []
    for year in chosen:
        edges = graphs[year]
        row = WorldRow(
            year, len(edges), plain_ip(edges, base_limit), ours(edges, 60.0), heuristic(edges, 10.0)
        )
        rows.append(row)
        best = row.ours.value if row.ours.optimal else row.base.value
        print(
            f"   {year:>4} {row.ties:>5} {row.ours.value:>6g}  {row.base.cell():>20}  "
            f"{row.ours.cell():>20}  {row.heur.seconds:.3f}s gap "
            f"{100 * gap_to(row.heur.value, best):.1f}%"
        )
    # Our solver once more over every year in range, alone, for the total time.
    total = sum(ours(graphs[y], 60.0).seconds for y in years)
    print(f"   ours on all {len(graphs)} years: {total:.3f}s in total")
    rows.append(WorldRow(-1, 0, Run(0, 0, True, 0), Run(0, 0, True, total), Run(0, 0, True, 0)))
    return rows


# -- random and planted graphs -------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    label: str
    base: Run | None
    ours: Run
    heur: Run
    reference: float | None  # the planted split's cost, when there is one


def bench_exact(
    cases: list[Case],
    base_limit: float,
    our_limit: float,
) -> list[Row]:
    """Plain IP vs ours vs the heuristic on synthetic graphs small enough to try exactly."""
    print(f"\n== Synthetic graphs, exact (plain IP limit {base_limit:g}s, ours {our_limit:g}s)")
    print(f"   {'graph':<22} {'index':>7}  {'plain IP':>20}  {'ours':>20}  heuristic")
    rows = []
    for label, make in cases:
        edges, reference = make()
        base, mine = plain_ip(edges, base_limit), ours(edges, our_limit)
        row = Row(label, base, mine, heuristic(edges, 10.0), reference)
        rows.append(row)
        best = row.ours.value
        print(
            f"   {label:<22} {best:>7g}  {row.base.cell() if row.base else '':>20}  "
            f"{row.ours.cell():>20}  {row.heur.seconds:.2f}s "
            f"{'gap' if row.ours.optimal else 'vs ours'} "
            f"{100 * gap_to(row.heur.value, best):+.1f}%"
        )
    return rows


def bench_scale(cases: list[Case]) -> list[Row]:
    """The heuristic on graphs too big for the exact stages, at the default 10 s and at 2 s.

    With the default limit most of the time goes to the packing bound, which
    takes whatever the heuristic leaves; the 2 s run shows how good the camps
    already are with a fifth of the time.
    """
    print("\n== Heuristic at scale (default settings: time limit 10 s; and 2 s)")
    print(f"   {'graph':<26} {'index':>9} {'bound':>9} {'seconds':>8}  {'at 2 s':>9}  reference")
    rows = []
    for label, make in cases:
        edges, reference = make()
        result = frustration(edges)
        short = frustration(edges, time_limit=2.0)
        run = Run(result.index, result.lower_bound, result.exact, result.seconds)
        rows.append(Row(label, None, run, run, reference))
        ref = (
            ""
            if reference is None
            else f"planted split {reference:g} ({100 * gap_to(run.value, reference):+.1f}%)"
        )
        print(
            f"   {label:<26} {run.value:>9g} {run.bound:>9g} {run.seconds:>8.2f}  "
            f"{short.index:>9g}  {ref}"
        )
    return rows


def random_case(n: int, m: int, seed: int) -> Case:
    return f"random {n}/{m} s{seed}", lambda: (random_graph(n, m, seed), None)


def planted_case(n: int, m: int, seed: int, noise: float = 0.1) -> Case:
    def make() -> tuple[list[SignedEdge], float | None]:
        edges, flipped = planted_graph(n, m, seed, noise)
        return edges, float(flipped)

    return f"planted {n}/{m} s{seed}", make


# -- summary --------------------------------------------------------------------------------


def summary(world: list[WorldRow], exact: list[Row], scale: list[Row]) -> None:
    print("\n== Summary")
    lines: list[tuple[str, str, str]] = []
    if world:
        years = [r for r in world if r.year >= 0]
        base = sum(r.base.seconds for r in years)
        mine = sum(r.ours.seconds for r in years)
        unsolved = sum(not r.base.optimal for r in years)
        note = f" ({unsolved} cut off at the limit)" if unsolved else ""
        at_least = ">=" if unsolved else ""
        lines.append(
            (
                f"world graphs, {len(years)} years: plain IP vs ours, >= 8x",
                f"{base:.2f}s vs {mine:.3f}s = {at_least}{base / max(mine, 1e-9):.0f}x{note}",
                _yes(base >= 8 * mine),
            )
        )
        total = world[-1].ours.seconds
        lines.append(("world graphs, all years exact in < 1 s", f"{total:.3f}s", _yes(total < 1)))
        gaps = [gap_to(r.heur.value, r.ours.value) for r in years if r.ours.optimal]
        lines.append(
            (
                "heuristic within 2 % on world graphs",
                f"max {100 * max(gaps):.2f}%",
                _yes(max(gaps) <= 0.02),
            )
        )
    hundred = [r for r in exact if r.label.startswith("random 100/500")]
    if hundred:
        solved = [r for r in hundred if r.ours.optimal]
        times = ", ".join(r.ours.cell().strip() for r in hundred)
        base = ", ".join(r.base.cell().strip() for r in hundred if r.base)
        met = len(solved) == len(hundred) and all(r.ours.seconds < 10 for r in solved)
        lines.append(("random 100/500 exact in < 10 s", f"ours {times}; plain {base}", _yes(met)))
    known = [r for r in exact if r.ours.optimal]
    if known:
        worst = max(gap_to(r.heur.value, r.ours.value) for r in known)
        lines.append(
            (
                f"heuristic within 2 % of exact ({len(known)} synthetic graphs)",
                f"max {100 * worst:.2f}%",
                _yes(worst <= 0.02),
            )
        )
    big = [r for r in scale if "100000" in r.label]
    if big:
        slowest = max(r.ours.seconds for r in big)
        lines.append(
            ("heuristic on 100k ties in < 10 s", f"max {slowest:.2f}s", _yes(slowest < 10))
        )
    width = max(len(line[0]) for line in lines)
    for target, measured, met in lines:
        print(f"   {target:<{width}}  {measured:<60} {met}")


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def parse_years(text: str) -> range:
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a subset, in about a minute")
    parser.add_argument("--years", type=parse_years, default=parse_years("1816-2018"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-world", action="store_true")
    parser.add_argument("--skip-random", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores {os.cpu_count()}, load average {load:.1f}, quick={args.quick}")
    world: list[WorldRow] = []
    if not args.skip_world:
        if available(args.data):
            step = 20 if args.quick else 1
            world = bench_world(args.data, args.years, 3.0 if args.quick else 300.0, step)
        else:
            print(f"\n== World graphs skipped: the datasets are not under {args.data}")
    exact: list[Row] = []
    if not args.skip_random:
        if args.quick:
            cases = [random_case(50, 250, 0), random_case(100, 500, 0), planted_case(200, 2000, 0)]
            exact = bench_exact(cases, base_limit=5.0, our_limit=10.0)
        else:
            cases = [random_case(50, 250, s) for s in range(3)]
            cases += [random_case(100, 500, s) for s in range(3)]
            cases += [random_case(200, 2000, 0)]
            cases += [planted_case(200, 2000, s) for s in range(2)]
            cases += [planted_case(500, 10_000, 0)]
            exact = bench_exact(cases, base_limit=120.0, our_limit=60.0)
    scale: list[Row] = []
    if not args.skip_scale:
        cases = [random_case(20_000, 100_000, 0)]
        if not args.quick:
            cases += [planted_case(500, 100_000, 0), random_case(500, 100_000, 0)]
            cases += [planted_case(20_000, 100_000, 0, noise=0.2), planted_case(500, 10_000, 1)]
        scale = bench_scale(cases)
    summary(world, exact, scale)
    print(f"\nbenchmark took {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
