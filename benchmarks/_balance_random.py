"""Seeded synthetic signed graphs for the frustration benchmark.

``random_graph``: ties drawn uniformly among all pairs, each hostile with
probability one half, so there is no camp structure at all (the hard case for
exact solvers). ``planted_graph``: nodes split at random into two camps, ties
friendly inside and hostile across, then a share of signs flipped as noise;
the planted split gives an upper bound on the frustration.
"""

from __future__ import annotations

import numpy as np

from allegiance.graph.balance import SignedEdge


def _pairs(n: int, m: int, rng: np.random.Generator) -> np.ndarray:
    """``m`` distinct unordered pairs of nodes ``0..n-1``, drawn uniformly."""
    total = n * (n - 1) // 2
    if m > total:
        raise ValueError(f"{n} nodes have only {total} pairs, not {m}")
    if total <= 5_000_000:
        codes = rng.choice(total, size=m, replace=False)
        i, j = np.triu_indices(n, 1)
        return np.stack([i[codes], j[codes]], axis=1)
    found: set[tuple[int, int]] = set()
    while len(found) < m:
        a, b = rng.integers(0, n, size=(2, m))
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            if x != y and len(found) < m:
                found.add((min(x, y), max(x, y)))
    return np.array(sorted(found))


def _edges(pairs: np.ndarray, signs: np.ndarray) -> list[SignedEdge]:
    width = len(str(int(pairs.max(initial=0))))
    return [
        SignedEdge(f"n{a:0{width}d}", f"n{b:0{width}d}", int(s))
        for (a, b), s in zip(pairs.tolist(), signs.tolist(), strict=True)
    ]


def random_graph(n: int, m: int, seed: int) -> list[SignedEdge]:
    """``m`` ties among ``n`` nodes with independent, equally likely signs."""
    rng = np.random.default_rng(seed)
    pairs = _pairs(n, m, rng)
    return _edges(pairs, rng.choice([-1, 1], size=m))


def planted_graph(n: int, m: int, seed: int, noise: float = 0.1) -> tuple[list[SignedEdge], int]:
    """Ties that follow a hidden two-camp split except a ``noise`` share; and that share's size."""
    rng = np.random.default_rng(seed)
    pairs = _pairs(n, m, rng)
    camp = rng.choice([-1, 1], size=n)
    signs = camp[pairs[:, 0]] * camp[pairs[:, 1]]
    flipped = rng.random(m) < noise
    signs[flipped] *= -1
    return _edges(pairs, signs), int(flipped.sum())
