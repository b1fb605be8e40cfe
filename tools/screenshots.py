"""Screenshots of the web app's main pages, for the README and for review (not shipped).

    .venv/bin/python tools/screenshots.py [--db STORE] [--out DIR]     (or: make screenshots)

Without --db it first builds the demo store in a temporary folder, as
``allegiance demo`` does. It serves the app on a free port of this machine,
opens each page in Debian's headless Chromium (/usr/bin/chromium, driven by
Playwright, which never downloads a browser here) and writes conflicts.png,
conflict.png, claims.png, claim.png and ingest.png to DIR (screenshots/ by
default). Nothing is written to the store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from allegiance import demo
from allegiance.model import ClaimKind
from allegiance.store import Store
from allegiance.web import WebConfig, create_app
from allegiance.web.server import background

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1360, "height": 960}
CONFLICT = f"{demo.CONFLICT.side_a}:{demo.CONFLICT.side_b}"
PICKED = "RUS"  # the actor clicked in the conflict view, to show the side panel
SAMPLE = (
    "Turkey delivered two more Bayraktar TB2 drones to Kyrgyzstan in March 2024, "
    "the defence ministry in Bishkek said."
)


@contextmanager
def store_path(given: Path | None) -> Iterator[Path]:
    """The store to show: the one given, or a fresh demo store in a temporary folder."""
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="allegiance-screenshots-") as folder:
        print("building the demo store…", file=sys.stderr)
        yield demo.build(Path(folder)).path


def sample_claim(db: Path) -> int:
    """A transfer with its sentence in an article: the claim page worth showing."""
    with Store.open(db) as store:
        for claim in store.claims(actor=demo.CONFLICT.side_a, kind=ClaimKind.SUPPLY):
            if claim.id is not None and any(e.start is not None for e in claim.evidence):
                return claim.id
        first = store.claims()
    if not first or first[0].id is None:
        raise SystemExit(f"{db} holds no claims to show")
    return first[0].id


def shoot(page: Page, base: str, claim: int, out: Path) -> list[Path]:
    """Visit each main page and write its picture; the paths written."""
    shots: list[Path] = []

    def save(name: str, *, full: bool) -> None:
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        shots.append(path)

    page.goto(f"{base}/conflicts")
    save("conflicts", full=False)
    page.goto(f"{base}/conflicts/{CONFLICT}?from={demo.CONFLICT.start}")
    page.locator(f'#graph g.node[data-code="{PICKED}"]').click()
    page.locator("#panel li.claim").first.wait_for()
    save("conflict", full=False)
    page.goto(f"{base}/claims?kind=supply&actor={demo.CONFLICT.side_a}")
    save("claims", full=False)
    page.goto(f"{base}/claims/{claim}")
    page.fill('input[name="reviewer"]', "A. Analyst")
    save("claim", full=True)
    page.goto(f"{base}/ingest")
    page.fill('input[name="title"]', "More drones for Bishkek")
    page.fill('input[name="date"]', "2024-03-12")
    page.fill('textarea[name="text"]', SAMPLE)
    save("ingest", full=True)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="the store to show (default: a fresh demo store)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="output folder")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"needs Chromium at {CHROMIUM}: sudo apt-get install -y chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with store_path(args.db) as db, background(create_app(WebConfig(db))) as base:
        claim = sample_claim(db)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
            shots = shoot(page, base, claim, args.out)
            browser.close()
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
