"""The CLI and a running server write to one store at once, and nothing is lost."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from allegiance.model import DocumentKind, Review
from allegiance.store import Store
from test_web_support import claim_of, fresh_store

WRITERS = 4
COUNTRIES = {"Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Kazakhstan": "KAZ", "Armenia": "ARM"}


def article(n: int, via: str) -> str:
    """A distinct article per writer, each stating one Turkish transfer."""
    return (
        f"Report {via} {n}\n\n"
        f"Turkey delivered Bayraktar TB2 drones to {list(COUNTRIES)[n]} in {2000 + n}, "
        f"officials said ({via} writer {n}).\n"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = fresh_store(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "allegiance", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/api/conflicts", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                _, err = process.communicate(timeout=5)
                pytest.fail(f"the server did not start: {err.decode()[-500:]}")
            time.sleep(0.2)
        yield base, db
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_cli_and_server_writes_at_once_all_land(server: tuple[str, Path], tmp_path: Path) -> None:
    base, db = server
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    files = []
    for n in range(WRITERS):
        path = tmp_path / f"cli-{n}.txt"
        path.write_text(article(n, "cli"))
        files.append(path)
    env = os.environ | {"ALLEGIANCE_DB": str(db)}

    def by_cli(path: Path) -> int:
        done = subprocess.run(
            [sys.executable, "-m", "allegiance", "ingest", str(path), "--date", "2024-01-01"],
            env=env,
            capture_output=True,
            check=False,
            timeout=120,
        )
        return done.returncode

    def by_server(n: int) -> int:
        body = {"title": f"web {n}", "date": "2024-01-01", "text": article(n, "web")}
        return httpx.post(f"{base}/api/ingest", json=body, timeout=120).status_code

    def review(n: int) -> int:
        decision = {"decision": "accepted", "reviewer": f"analyst {n}"}
        return httpx.post(f"{base}/api/claims/{tb2}/review", json=decision, timeout=120).status_code

    with ThreadPoolExecutor(max_workers=WRITERS * 3) as pool:
        cli = [pool.submit(by_cli, path) for path in files]
        web = [pool.submit(by_server, n) for n in range(WRITERS)]
        reviews = [pool.submit(review, n) for n in range(WRITERS)]
        assert [f.result() for f in cli] == [0] * WRITERS
        assert [f.result() for f in web] == [201] * WRITERS
        assert [f.result() for f in reviews] == [200] * WRITERS

    with Store.open(db) as store:
        titles = {d.title for d in store.documents(DocumentKind.ARTICLE)}
        supplied = {c.object for c in store.claims(kind="supply", actor="TUR")}
        audit = store.reviews(tb2)
    assert {f"Report cli {n}" for n in range(WRITERS)} <= titles
    assert {f"web {n}" for n in range(WRITERS)} <= titles
    assert set(COUNTRIES.values()) <= supplied
    assert sorted(r.reviewer for r in audit) == sorted(f"analyst {n}" for n in range(WRITERS))
    assert {r.decision for r in audit} == {Review.ACCEPTED}
