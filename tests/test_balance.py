"""Frustration index and camps: hand-built graphs with known answers, and brute force."""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.errors import InputError
from allegiance.graph import balance_solve
from allegiance.graph.balance import Frustration, SignedEdge, frustration
from allegiance.graph.balance_cycles import packing_bound, shortest_negative_cycles
from allegiance.graph.balance_graph import NetGraph, adjacency, cost
from allegiance.graph.balance_search import greedy_camps


def tie(u: str, v: str, sign: int, weight: float = 1.0) -> SignedEdge:
    return SignedEdge(u, v, sign, weight)


def brute_force(edges: list[SignedEdge]) -> float:
    """The least broken weight over every split of the nodes into two camps."""
    names = sorted({e.u for e in edges} | {e.v for e in edges})
    if not names:
        return 0.0
    index = {name: k for k, name in enumerate(names)}
    u = np.array([index[e.u] for e in edges])
    v = np.array([index[e.v] for e in edges])
    sign = np.array([e.sign for e in edges])
    weight = np.array([e.weight for e in edges])
    bits = (np.arange(2 ** len(names))[:, None] >> np.arange(len(names))) & 1
    camps = 1 - 2 * bits
    broken = sign * camps[:, u] * camps[:, v] < 0
    return float((broken @ weight).min())


@contextlib.contextmanager
def enumeration_up_to(nodes: int) -> Iterator[None]:
    """Enumerate only blocks this small, so bigger ones go through the LP and the IP."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(balance_solve, "ENUMERATE_BLOCK_NODES", nodes)
        yield


def assert_consistent(result: Frustration, edges: list[SignedEdge]) -> None:
    """Camps, violations and index tell the same story, and the bound is below the index."""
    first, second = result.camps
    nodes = {e.u for e in edges} | {e.v for e in edges}
    assert set(first) | set(second) == nodes
    assert not set(first) & set(second)
    assert list(first) == sorted(first) and list(second) == sorted(second)
    if nodes:
        assert min(nodes) in first
    side = {name: 0 for name in first} | {name: 1 for name in second}
    merged: dict[tuple[str, str, int], float] = {}
    for e in edges:
        key = (min(e.u, e.v), max(e.u, e.v), e.sign)
        merged[key] = merged.get(key, 0.0) + e.weight
    expected = {
        key
        for key in merged
        if (side[key[0]] == side[key[1]]) == (key[2] < 0)  # hostile inside or friendly across
    }
    assert {(e.u, e.v, e.sign) for e in result.violations} == expected
    for e in result.violations:
        assert e.weight == pytest.approx(merged[(e.u, e.v, e.sign)])
    assert result.index == pytest.approx(sum(e.weight for e in result.violations))
    assert result.lower_bound <= result.index + 1e-9
    if result.exact:
        assert result.lower_bound == pytest.approx(result.index)


def test_empty_graph_has_no_camps_and_no_frustration() -> None:
    result = frustration([])
    assert (result.index, result.exact, result.camps, result.violations) == (0, True, ((), ()), ())
    assert result.lower_bound == 0


def test_balanced_graph_splits_into_its_two_camps() -> None:
    edges = [tie("a", "b", 1), tie("c", "d", 1), tie("a", "c", -1), tie("b", "d", -1)]
    result = frustration(edges)
    assert result.index == 0 and result.exact
    assert result.camps == (("a", "b"), ("c", "d"))
    assert result.violations == ()
    assert result.method == "balanced"


def test_one_hostile_tie_among_friends_is_the_violation() -> None:
    edges = [tie("a", "b", 1), tie("b", "c", 1), tie("a", "c", -1)]
    result = frustration(edges)
    assert result.index == 1 and result.exact
    assert result.violations == (tie("a", "c", -1),)
    assert result.camps == (("a", "b", "c"), ())


def test_all_hostile_triangle_breaks_one_tie() -> None:
    edges = [tie("a", "b", -1), tie("b", "c", -1), tie("a", "c", -1)]
    result = frustration(edges)
    assert result.index == 1 and result.exact
    assert len(result.violations) == 1 and result.violations[0].sign == -1
    assert_consistent(result, edges)


def test_weights_choose_the_lightest_tie_to_break() -> None:
    edges = [tie("a", "b", 1, 5.0), tie("b", "c", 1, 0.5), tie("a", "c", -1, 2.0)]
    result = frustration(edges)
    assert result.index == 0.5
    assert result.violations == (tie("b", "c", 1, 0.5),)
    assert result.camps == (("a", "b"), ("c",))


@pytest.mark.parametrize(
    ("signs", "expected"),
    [
        ((-1, -1, -1, -1, -1, -1), 2),  # all hostile: any split leaves two hostile pairs together
        ((1, 1, 1, 1, 1, -1), 1),  # one hostile pair in a friendly clique
        ((1, -1, -1, -1, -1, 1), 0),  # {a, b} against {c, d}
        ((1, 1, 1, 1, 1, 1), 0),
        ((-1, 1, 1, 1, 1, 1), 1),
    ],
)
def test_k4(signs: tuple[int, ...], expected: int) -> None:
    pairs = itertools.combinations("abcd", 2)
    edges = [tie(u, v, s) for (u, v), s in zip(pairs, signs, strict=True)]
    result = frustration(edges)
    assert result.index == expected and result.exact
    assert_consistent(result, edges)


def test_components_are_solved_apart_and_each_put_its_smallest_node_first() -> None:
    triangle = [tie("a", "b", -1), tie("b", "c", -1), tie("a", "c", -1)]
    pair = [tie("x", "y", -1)]
    square = [tie("p", "q", 1), tie("q", "r", 1), tie("r", "s", 1), tie("p", "s", -1)]
    result = frustration(triangle + pair + square)
    assert result.index == 2 and result.exact
    first, second = result.camps
    assert {"a", "p", "x"} <= set(first)
    assert "y" in second
    assert_consistent(result, triangle + pair + square)


def test_pendant_trees_cost_nothing_and_follow_their_ties() -> None:
    core = [tie("a", "b", -1), tie("b", "c", -1), tie("a", "c", -1)]
    tree = [tie("c", "d", -1), tie("d", "e", 1), tie("d", "f", -1), tie("f", "g", -1)]
    result = frustration(core + tree)
    assert result.index == 1 and result.exact
    assert all(v in core for v in result.violations)
    assert_consistent(result, core + tree)


def test_pair_with_both_signs_keeps_both_ties_and_breaks_the_lighter() -> None:
    edges = [tie("a", "b", 1, 1.0), tie("a", "b", -1, 3.0)]
    result = frustration(edges)
    assert result.index == 1 and result.exact
    assert result.camps == (("a",), ("b",))
    assert result.violations == (tie("a", "b", 1, 1.0),)


def test_pair_with_equal_opposite_ties_breaks_exactly_one() -> None:
    edges = [tie("a", "b", 1), tie("b", "a", -1), tie("b", "c", 1)]
    result = frustration(edges)
    assert result.index == 1 and result.exact
    assert len(result.violations) == 1
    assert_consistent(result, edges)


def test_parallel_ties_merge_by_sign_and_add_their_weights() -> None:
    edges = [
        tie("a", "b", 1),
        tie("b", "a", 1, 2.0),
        tie("b", "c", 1),
        tie("c", "a", -1),
        tie("a", "c", -1),
    ]
    result = frustration(edges)
    assert result.index == 1
    assert result.violations == (tie("b", "c", 1),)
    assert_consistent(result, edges)


def test_exact_is_false_with_a_bound_when_the_exact_size_is_set_low() -> None:
    edges = [tie(u, v, -1) for u, v in itertools.combinations("abcd", 2)]
    result = frustration(edges, exact_max_edges=0)
    assert result.index == 2  # the heuristic still finds the optimum
    assert not result.exact and result.method == "heuristic"
    assert 0 < result.lower_bound < result.index


def test_exact_settles_graphs_past_enumeration() -> None:
    # Three disjoint all-hostile K4s joined in a ring of friendly ties: 12 nodes, one block.
    edges = []
    for k in range(3):
        names = [f"{k}{c}" for c in "abcd"]
        edges += [tie(u, v, -1) for u, v in itertools.combinations(names, 2)]
        edges.append(tie(f"{k}a", f"{(k + 1) % 3}b", 1))
    with enumeration_up_to(4):
        result = frustration(edges)
    assert result.exact and result.index == brute_force(edges) == 6
    assert_consistent(result, edges)


@pytest.mark.parametrize(("n", "density", "seed"), [(14, 0.7, 13), (15, 0.9, 14), (16, 0.9, 5)])
def test_branch_and_bound_settles_what_the_lp_bound_does_not(
    n: int, density: float, seed: int
) -> None:
    # Dense random graphs where the LP bound with cycle cuts leaves a gap.
    edges = random_edges(n, density, seed)
    with enumeration_up_to(11):
        result = frustration(edges)
    assert result.exact and result.method == "ip"
    assert result.index == brute_force(edges)
    assert_consistent(result, edges)


def test_time_limit_returns_camps_with_a_bound() -> None:
    rng = np.random.default_rng(0)
    pairs = rng.choice(100 * 99 // 2, size=500, replace=False)
    a, b = np.triu_indices(100, 1)
    edges = [tie(f"n{a[k]:03d}", f"n{b[k]:03d}", int(rng.choice([-1, 1]))) for k in pairs.tolist()]
    result = frustration(edges, time_limit=1.0)
    assert not result.exact and result.method == "heuristic"
    assert 0 < result.lower_bound < result.index
    assert_consistent(result, edges)


@pytest.mark.parametrize(
    "bad",
    [
        lambda: tie("a", "a", 1),
        lambda: tie("a", "b", 0),
        lambda: tie("a", "b", True),  # type: ignore[arg-type]
        lambda: tie("a", "b", 1, 0.0),
        lambda: tie("a", "b", 1, -1.0),
        lambda: tie("a", "b", 1, math.inf),
        lambda: tie("", "b", 1),
        lambda: frustration([("a", "b", 1)]),  # type: ignore[list-item]
        lambda: frustration([tie("a", "b", 1)], time_limit=0),
        lambda: frustration([tie("a", "b", 1)], exact_max_edges=1.5),  # type: ignore[arg-type]
        lambda: frustration([tie("a", "b", 1)], time_limit=True),
        lambda: frustration([tie("a", "b", 1)], seed=-1),
    ],
)
def test_bad_input_is_an_input_error(bad: object) -> None:
    with pytest.raises(InputError):
        bad()  # type: ignore[operator]


def test_results_are_deterministic() -> None:
    rng = np.random.default_rng(7)
    edges = [
        tie(f"n{a:02d}", f"n{b:02d}", int(rng.choice([-1, 1])))
        for a, b in itertools.combinations(range(16), 2)
        if rng.random() < 0.35
    ]
    first, second = frustration(edges), frustration(list(reversed(edges)))
    assert (first.index, first.camps, first.violations) == (
        second.index,
        second.camps,
        second.violations,
    )


@pytest.mark.parametrize(("n", "seed"), [(12, 0), (13, 1), (15, 2), (16, 3), (16, 4)])
def test_enumeration_of_blocks_up_to_sixteen_nodes_matches_brute_force(n: int, seed: int) -> None:
    edges = random_edges(n, 0.6, seed, weights=seed % 2 == 1)
    result = frustration(edges)
    assert result.exact and result.method == "enumeration"
    assert result.index == brute_force(edges)
    assert_consistent(result, edges)


def random_edges(n: int, density: float, seed: int, weights: bool = False) -> list[SignedEdge]:
    rng = np.random.default_rng(seed)
    return [
        tie(f"n{a:02d}", f"n{b:02d}", int(rng.choice([-1, 1])), float(rng.integers(1, 4)))
        if weights
        else tie(f"n{a:02d}", f"n{b:02d}", int(rng.choice([-1, 1])))
        for a, b in itertools.combinations(range(n), 2)
        if rng.random() < density
    ]


@pytest.mark.parametrize("seed", range(6))
def test_heuristic_matches_exact_on_small_graphs(seed: int) -> None:
    edges = random_edges(14, 0.4, seed, weights=seed % 2 == 1)
    exact = frustration(edges)
    heuristic = frustration(edges, exact_max_edges=0)
    assert exact.exact and exact.index == brute_force(edges)
    assert heuristic.index == exact.index
    assert heuristic.lower_bound <= exact.index
    assert_consistent(heuristic, edges)


@st.composite
def small_graphs(draw: st.DrawFn, most: int = 10) -> list[SignedEdge]:
    """Up to ``most`` nodes, any pairs (repeats allowed, in either order), signs and weights."""
    n = draw(st.integers(2, most))
    names = [f"v{k}" for k in range(n)]
    pair = st.tuples(st.sampled_from(names), st.sampled_from(names)).filter(lambda p: p[0] != p[1])
    spec = st.tuples(pair, st.sampled_from([-1, 1]), st.sampled_from([1.0, 1.0, 2.0, 0.5]))
    return [tie(u, v, s, w) for (u, v), s, w in draw(st.lists(spec, max_size=3 * n))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_graphs())
def test_index_matches_brute_force(edges: list[SignedEdge]) -> None:
    result = frustration(edges)
    assert result.exact
    assert result.index == pytest.approx(brute_force(edges))
    assert_consistent(result, edges)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_graphs(most=14))
def test_exact_stages_match_brute_force_past_enumeration(edges: list[SignedEdge]) -> None:
    with enumeration_up_to(4):
        result = frustration(edges)
    assert result.exact
    assert result.index == pytest.approx(brute_force(edges))
    assert_consistent(result, edges)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_graphs(most=12))
def test_heuristic_bound_is_below_the_optimum(edges: list[SignedEdge]) -> None:
    best = brute_force(edges)
    result = frustration(edges, exact_max_edges=0)
    assert result.lower_bound <= best + 1e-9 <= result.index + 2e-9
    assert_consistent(result, edges)


def net_graph(n: int, density: float, seed: int, noise: float = 0.5) -> NetGraph:
    """A random simple signed graph; signs follow a hidden split except a ``noise`` share."""
    rng = np.random.default_rng(seed)
    a, b = np.triu_indices(n, 1)
    keep = rng.random(a.size) < density
    a, b = a[keep], b[keep]
    side = rng.choice([-1.0, 1.0], n)
    sign = side[a] * side[b] * np.where(rng.random(a.size) < noise, -1.0, 1.0)
    return NetGraph(n, a, b, sign, rng.integers(1, 3, a.size).astype(np.float64))


def optimum(graph: NetGraph) -> float:
    bits = (np.arange(2**graph.n)[:, None] >> np.arange(graph.n)) & 1
    camps = 1.0 - 2.0 * bits
    broken = graph.sign * camps[:, graph.tail] * camps[:, graph.head] < 0
    return float((broken @ graph.weight).min())


def assert_negative_cycle(graph: NetGraph, cycle: tuple[int, ...]) -> None:
    ties = list(cycle)
    ends = np.concatenate([graph.tail[ties], graph.head[ties]])
    nodes, counts = np.unique(ends, return_counts=True)
    assert len(set(ties)) == len(ties) and np.all(counts == 2) and nodes.size == len(ties)
    assert np.prod(graph.sign[ties]) < 0


@pytest.mark.parametrize("seed", range(4))
def test_greedy_sweep_splits_a_balanced_graph_exactly(seed: int) -> None:
    graph = net_graph(40, 0.2, seed, noise=0.0)
    camps = greedy_camps(graph, adjacency(graph))
    assert set(camps.tolist()) <= {-1.0, 1.0}
    assert cost(graph, camps) == 0.0


@pytest.mark.parametrize("backwards", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_packed_cycles_are_negative_and_bound_the_optimum(seed: int, backwards: bool) -> None:
    graph = net_graph(13, 0.6, seed, noise=0.2 + 0.05 * seed)
    adj = adjacency(graph)
    camps = greedy_camps(graph, adj)
    bound, cycles = packing_bound(graph, adj, camps, math.inf, backwards=backwards)
    assert 0 < bound <= optimum(graph) <= cost(graph, camps)
    for cycle in cycles:
        assert_negative_cycle(graph, cycle)


@pytest.mark.parametrize("seed", range(6))
def test_separated_cycles_are_negative_and_short(seed: int) -> None:
    graph = net_graph(20, 0.4, seed)
    rng = np.random.default_rng(seed)
    length = np.where(rng.random(graph.m) < 0.7, 0.0, rng.random(graph.m))
    cycles = shortest_negative_cycles(graph, adjacency(graph), length, 1.0 - 1e-6, graph.n)
    assert cycles  # with most ties free, some negative cycle is short
    for cycle in cycles:
        assert_negative_cycle(graph, cycle)
        assert length[list(cycle)].sum() < 1.0 - 1e-6
