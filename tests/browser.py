"""A real headless Chromium for browser tests: Debian's ``chromium`` driven by Playwright.

Use it from a test module with ``pytest_plugins = ("browser",)`` (and no
other import of this module, so pytest can rewrite its asserts). The
``browser`` fixture is one Chromium for the whole session; the ``watch``
fixture opens pages with ``watched_page``, which records console errors, page
errors and every request, and blocks the network so a page cannot fetch
anything.

Playwright never downloads a browser here: it launches /usr/bin/chromium.
When that is missing, the session installs it with ``apt-get install -y
chromium`` if running as root, and skips the browser tests with a clear
message otherwise (or when the install fails, e.g. offline).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

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
INSTALL_TIMEOUT_S = 900


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(
        ["apt-get", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=INSTALL_TIMEOUT_S,
        check=False,
    )


def ensure_chromium() -> Path:
    """/usr/bin/chromium, installed from Debian's archive if need be (as root)."""
    if CHROMIUM.exists():
        return CHROMIUM
    if shutil.which("apt-get") is None:
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}, and there is no apt-get here")
    if os.geteuid() != 0:
        pytest.skip(
            f"browser tests need Chromium at {CHROMIUM}: run `sudo apt-get install -y chromium`"
        )
    done = _apt("install", "-y", "chromium")
    if done.returncode != 0:  # a stale package index is the usual reason
        _apt("update")
        done = _apt("install", "-y", "chromium")
    if done.returncode != 0 or not CHROMIUM.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        pytest.skip(f"could not install Chromium with apt-get: {tail[0]}")
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium() -> Path:
    return ensure_chromium()


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    """One headless Chromium for the session."""
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), args=ARGS, headless=True
        )
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page and what happened while it was open."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def watched_page(browser: Browser, width: int = 1280, height: int = 900) -> Iterator[Watched]:
    """A fresh page of ``width`` × ``height`` with the network blocked and everything recorded."""
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    watched = Watched(page)
    page.on("console", lambda m: m.type == "error" and watched.console_errors.append(m.text))
    page.on("pageerror", lambda e: watched.page_errors.append(str(e)))
    page.on("request", lambda r: watched.requests.append(r.url))
    context.route("http*://**/*", lambda route: route.abort())
    try:
        yield watched
    finally:
        context.close()


Watch = Callable[..., AbstractContextManager[Watched]]


@pytest.fixture
def watch(browser: Browser) -> Watch:
    """``watch(width, height)``: a context manager giving a fresh ``Watched`` page."""
    return partial(watched_page, browser)
