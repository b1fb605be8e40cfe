"""The alignment picture's layout: deterministic, readable, and no two labels ever overlap."""

from __future__ import annotations

from itertools import combinations

import pytest

from allegiance.graph.analysis import Analysis
from allegiance.report.labels import label_lines, text_width
from allegiance.report.layout import Box, Layout, Node, Role, layout, separate
from allegiance.report.svg import alignment_svg
from test_report_fixtures import random_analysis


def random_layout(seed: int) -> tuple[Analysis, Layout]:
    analysis, names = random_analysis(seed)
    return analysis, layout(analysis, names.__getitem__)


def overlapping(nodes: tuple[Node, ...]) -> list[tuple[str, str]]:
    return [(a.code, b.code) for a, b in combinations(nodes, 2) if a.box.overlaps(b.box)]


@pytest.mark.parametrize("seed", range(12))
def test_no_two_label_boxes_overlap_for_40_random_actors(seed: int) -> None:
    analysis, result = random_layout(seed)

    assert len(analysis.graph.nodes) == 40
    assert {n.code for n in result.nodes} >= set(analysis.graph.nodes)
    assert overlapping(result.nodes) == []
    for node in result.nodes:
        assert node.box.x >= 0 and node.box.right <= result.width
        assert node.box.y >= 0 and node.box.bottom <= result.height
        width = max(text_width(line, bold=node.bold) for line in node.lines)
        assert node.box.width >= width
        assert node.box.x <= node.x - node.extent and node.x + node.extent <= node.box.right


def test_the_layout_is_deterministic() -> None:
    assert random_layout(3)[1] == random_layout(3)[1]


def test_sides_are_left_and_right_and_their_backers_beside_them() -> None:
    analysis, result = random_layout(5)
    a, b = (result.node(code) for code in analysis.conflict.sides)
    xs = [n.x for n in result.nodes]
    assert a.x == min(xs) and b.x == max(xs)
    for node in result.nodes:
        if node.role is Role.BACKER and node.side == "AAA":
            assert node.x < result.width / 2
        if node.role is Role.BACKER and node.side == "BBB":
            assert node.x > result.width / 2
        if node.role is Role.ORGANISATION:
            assert node.y > max(n.y for n in result.nodes if n.role is not Role.ORGANISATION)


def test_separate_moves_overlapping_boxes_apart() -> None:
    box = Box(0, 0, 100, 30)
    nodes = [Node(f"N{i}", ("x",), Role.SIDELINES, None, 50, 7, 7, box) for i in range(5)]

    moved = separate(nodes)

    assert overlapping(tuple(moved)) == []
    assert [n.box.y for n in moved] == [0, 32, 64, 96, 128]


def test_long_names_wrap_onto_two_balanced_lines() -> None:
    assert label_lines("Kyrgyzstan") == ("Kyrgyzstan",)
    assert label_lines("United Arab Emirates") == ("United Arab", "Emirates")
    assert label_lines("Bosnia and Herzegovina") == ("Bosnia and", "Herzegovina")


def test_the_svg_escapes_its_labels_and_scales_with_its_viewbox() -> None:
    analysis, _ = random_analysis(1)
    picture = layout(analysis, lambda code: f"<b>{code}</b> & co")
    svg = alignment_svg(picture, title="<script>x</script>")

    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="alignment" viewBox="0 0 ')
    assert "<b>" not in svg and "<script>" not in svg
    assert "&lt;b&gt;AAA&lt;/b&gt; &amp; co" in svg
    assert svg.count('class="node ') == len(picture.nodes)
