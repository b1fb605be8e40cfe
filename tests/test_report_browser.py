"""Briefings in a real headless Chromium: the pictures render, nothing errs or loads, phones fit.

Needs /usr/bin/chromium (``tests/browser.py`` installs it when running as root).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from allegiance.analyst import Analyst
from allegiance.report import write_report
from allegiance.report.layout import layout
from allegiance.report.svg import alignment_svg
from allegiance.store import Store
from test_report_fixtures import analysis_of, briefing_store, random_analysis

if TYPE_CHECKING:
    from browser import Watch, Watched

pytest_plugins = ("browser",)
pytestmark = pytest.mark.browser

PHONE = (390, 844)

# Each label's rendered box (in the picture's units), and the box the layout kept for it.
LABEL_BOXES = """
svg => [...svg.querySelectorAll("g.node")].map(g => {
  const b = g.querySelector("text").getBBox();
  const [x, y, w, h] = g.dataset.box.split(" ").map(Number);
  return {code: g.dataset.code, text: [b.x, b.y, b.width, b.height], kept: [x, y, w, h]};
})
"""


@pytest.fixture(scope="module")
def briefing_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("browser")
    with Store.open(folder / "small.db") as store:
        analyst = Analyst(briefing_store(store))
        yield write_report(analyst, analysis_of(analyst), folder / "briefing.html")


def opened(watched: Watched, path: Path) -> Watched:
    watched.page.goto(path.as_uri())
    watched.page.wait_for_load_state("load")
    return watched


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def inside(inner: list[float], outer: list[float]) -> bool:
    return (
        outer[0] <= inner[0]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and outer[1] <= inner[1]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def test_the_briefing_renders_without_errors_or_requests(watch: Watch, briefing_page: Path) -> None:
    with watch() as watched:
        page = opened(watched, briefing_page).page
        for selector in ("svg.alignment", "svg.timeline"):
            box = page.locator(selector).bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100, selector
        assert page.locator("svg.alignment g.node").count() == 9
        assert page.locator("li.finding").count() == 6
        assert watched.console_errors == []
        assert watched.page_errors == []
        assert watched.requests == [briefing_page.as_uri()]


def test_labels_render_inside_their_boxes_and_apart(watch: Watch, tmp_path: Path) -> None:
    analysis, names = random_analysis(7)
    svg = alignment_svg(layout(analysis, names.__getitem__), title="forty actors")
    path = tmp_path / "picture.html"
    path.write_text(f'<!DOCTYPE html><meta charset="utf-8"><body>{svg}</body>', encoding="utf-8")
    with watch() as watched:
        page = opened(watched, path).page
        labels = page.locator("svg.alignment").evaluate(LABEL_BOXES)
    assert len(labels) >= 40
    for label in labels:
        assert inside(label["text"], label["kept"]), label
    for i, first in enumerate(labels):
        for second in labels[i + 1 :]:
            assert not overlaps(first["text"], second["text"]), (first, second)


def test_a_phone_shows_the_page_without_sideways_scrolling(
    watch: Watch, briefing_page: Path
) -> None:
    with watch(*PHONE) as watched:
        page = opened(watched, briefing_page).page
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
        )
        frame = page.locator("div.picture").bounding_box()
        picture = page.locator("svg.alignment").bounding_box()
    assert widths[0] <= PHONE[0] and widths[1] <= PHONE[0], widths
    assert frame is not None and 0 < frame["width"] <= PHONE[0]
    assert picture is not None and picture["width"] > frame["width"]  # readable, it scrolls
    assert watched.console_errors == []


def test_printing_uses_no_dark_backgrounds_and_keeps_findings_whole(
    watch: Watch, briefing_page: Path
) -> None:
    with watch() as watched:
        page = opened(watched, briefing_page).page
        page.emulate_media(media="print")
        styles = page.evaluate(
            """[...document.querySelectorAll("body, main, .finding, table")].map(e => {
                 const s = getComputedStyle(e);
                 return [s.backgroundColor, s.breakInside];
               })"""
        )
    assert {background for background, _ in styles} <= {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}
    assert "avoid" in {brk for _, brk in styles}
