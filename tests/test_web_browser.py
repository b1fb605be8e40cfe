"""The web app in a real headless Chromium, served by uvicorn on a free port of this machine.

Needs /usr/bin/chromium (``tests/browser.py`` installs it when running as root).
Every page may fetch from the server and nothing else; no page may log an
error or throw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from allegiance.web import WebConfig, create_app
from allegiance.web.server import background
from test_web_support import HOSTILE, claim_of, fresh_store

pytest_plugins = ("browser",)
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app over a store of its own, served on 127.0.0.1: (base URL, store)."""
    db = fresh_store(tmp_path_factory.mktemp("web-browser"))
    with background(create_app(WebConfig(db))) as url:
        yield url, db


@contextmanager
def visiting(browser: Browser, base: str) -> Iterator[Page]:
    """A fresh page that may fetch only from ``base``; it must log no error and throw nothing."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))

    def only_the_site(route: Route) -> None:
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_the_site)
    try:
        yield page
        assert errors == []
        assert requests and all(url.startswith(base + "/") for url in requests)
    finally:
        context.close()


@pytest.fixture
def tab(browser: Browser, site: tuple[str, Path]) -> Iterator[Page]:
    with visiting(browser, site[0]) as page:
        yield page


def node_codes(page: Page) -> list[str]:
    return page.eval_on_selector_all("#graph g.node", "els => els.map(e => e.dataset.code)")


def test_clicking_an_actor_or_a_tie_lists_its_claims(tab: Page, site: tuple[str, Path]) -> None:
    tab.goto(f"{site[0]}/conflicts/KGZ:TJK")
    expect(tab.locator("#graph svg.alignment")).to_be_visible()
    assert {"KGZ", "TJK", "TUR"} <= set(node_codes(tab))
    tab.locator('#graph g.node[data-code="TUR"]').click()
    panel = tab.locator("#panel")
    expect(panel.locator("h2")).to_have_text("Turkey")
    expect(panel.locator("li.claim").first).to_be_visible()
    assert "Bayraktar" in panel.inner_text()
    first = panel.locator("li.claim a").first.get_attribute("href")
    assert first is not None and first.startswith("/claims/")
    tie = tab.locator("#graph path.hit").first
    tie.dispatch_event("pointerdown", {"button": 0, "pointerId": 1, "clientX": 0, "clientY": 0})
    tie.dispatch_event("pointerup", {"button": 0, "pointerId": 1, "clientX": 0, "clientY": 0})
    expect(panel.locator("h2")).to_contain_text(" ")
    assert panel.locator("li.claim").count() >= 1


def test_actors_drag_and_the_picture_zooms(tab: Page, site: tuple[str, Path]) -> None:
    tab.goto(f"{site[0]}/conflicts/KGZ:TJK")
    node = tab.locator('#graph g.node[data-code="TUR"]')
    tie = tab.locator('#graph path.tie[data-u="KGZ"][data-v="TUR"]')
    before = tie.get_attribute("d")
    box = node.locator("circle").last.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    tab.mouse.move(x, y)
    tab.mouse.down()
    tab.mouse.move(x + 40, y + 60, steps=5)
    tab.mouse.up()
    assert (node.get_attribute("transform") or "").startswith("translate(")
    assert tie.get_attribute("d") != before
    view = tab.locator("#graph svg").get_attribute("viewBox")
    tab.locator('[data-zoom="in"]').click()
    assert tab.locator("#graph svg").get_attribute("viewBox") != view
    tab.locator('[data-zoom="reset"]').click()
    assert tab.locator("#graph svg").get_attribute("viewBox") == view


def test_the_time_slider_redraws_the_graph(tab: Page, site: tuple[str, Path]) -> None:
    tab.goto(f"{site[0]}/conflicts/KGZ:TJK")
    everything = node_codes(tab)
    slider = tab.locator("#year-slider")
    slider.focus()
    slider.press("Home")
    expect(tab.locator("#graph")).to_have_attribute("data-draws", "2")
    earliest = slider.get_attribute("min")
    assert f"to={earliest}" in tab.url
    assert tab.locator("#year-label").inner_text() == earliest
    assert len(node_codes(tab)) < len(everything)
    assert "TUR" not in node_codes(tab)
    slider.press("End")
    expect(tab.locator("#graph")).to_have_attribute("data-draws", "3")
    assert node_codes(tab) == everything
    tab.locator('#graph g.node[data-code="TUR"]').click()  # the redrawn picture still answers
    expect(tab.locator("#panel h2")).to_have_text("Turkey")


def test_accepting_and_rejecting_a_claim(tab: Page, site: tuple[str, Path]) -> None:
    base, db = site
    claim = claim_of(db, "TUR", "Bayraktar TB2")
    tab.goto(f"{base}/claims/{claim}")
    expect(tab.locator("mark").first).to_contain_text("TB2")
    tab.fill('input[name="reviewer"]', "Ana Analyst")
    tab.click("button.accept")
    row = tab.locator("tr.audit-row")
    expect(row).to_have_count(1)
    expect(row.first).to_contain_text("Ana Analyst")
    expect(row.first).to_contain_text("accepted")
    assert tab.locator('input[name="reviewer"]').input_value() == "Ana Analyst"

    def analysis_claims() -> set[int]:
        got = tab.request.get(f"{base}/api/conflicts/KGZ:TJK").json()
        backers = got["sides"]["KGZ"]["backers"]
        return {c for b in backers for c in b["claims"]} | {int(c) for c in got["graph"]["claims"]}

    assert claim in analysis_claims()
    tab.click("button.reject")
    expect(row).to_have_count(2)
    expect(row.last).to_contain_text("rejected")
    assert claim not in analysis_claims()


def test_a_pasted_article_is_ingested_and_its_html_stays_text(
    tab: Page, site: tuple[str, Path]
) -> None:
    tab.goto(f"{site[0]}/ingest")
    tab.fill('input[name="title"]', "Frontier report <b>bold</b>")
    tab.fill('input[name="date"]', "2024-03-01")
    tab.fill('textarea[name="text"]', HOSTILE)
    tab.click("#ingest-form button[type=submit]")
    expect(tab.locator("#ingest-notice")).to_contain_text("Added to the store")
    expect(tab.locator("tr.claim-row").first).to_be_visible()
    text = tab.locator(".doc-text").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert tab.locator("h1").inner_text() == "Frontier report <b>bold</b>"
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    tab.locator("tr.claim-row a").first.click()
    expect(tab.locator("mark", has_text="<script>window.__pwned=1</script>")).to_be_visible()
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    tab.goto(f"{site[0]}/conflicts/KGZ:TJK")
    expect(tab.locator("#graph svg.alignment")).to_be_visible()
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    tab.goto(f"{site[0]}/ingest")  # the same text again: it is already there
    tab.fill('textarea[name="text"]', HOSTILE)
    tab.click("#ingest-form button[type=submit]")
    expect(tab.locator("#ingest-notice")).to_contain_text("already in the store")


@pytest.mark.parametrize("path", ["/conflicts", "/claims?kind=supply", "/ingest"])
def test_the_other_pages_load_cleanly(tab: Page, site: tuple[str, Path], path: str) -> None:
    response = tab.goto(f"{site[0]}{path}")
    assert response is not None and response.ok
    expect(tab.locator("h1")).to_be_visible()
