"""``allegiance serve``, and the server and the CLI writing one store at the same time."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.store import Store
from allegiance.web import SETTINGS
from test_web_support import client, fresh_store

ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str, int]]:
    """What ``serve`` was asked to run, instead of running it."""
    calls: list[tuple[object, str, int]] = []
    monkeypatch.setattr("allegiance.cli.serve.serve", lambda *args: calls.append(args))
    monkeypatch.setattr("allegiance.cli.serve.check_listen", lambda host, port: None)
    return calls


def test_serve_is_documented_with_its_settings(runner: CliRunner) -> None:
    shown = runner.invoke(main, ["serve", "--help"])
    assert shown.exit_code == 0
    for words in ("--host", "--port", "--token", "ALLEGIANCE_TOKEN", "127.0.0.1", "8000"):
        assert words in shown.output
    for setting in SETTINGS:
        assert setting.name in shown.output
    assert "serve" in runner.invoke(main, ["--help"]).output


def test_serve_on_this_machine_needs_no_token(
    runner: CliRunner, tmp_path: Path, served: list[tuple[object, str, int]]
) -> None:
    db = fresh_store(tmp_path)
    done = runner.invoke(main, ["serve", "--db", str(db), "--port", "8123"])
    assert done.exit_code == 0, done.output
    assert f"Serving {db} at http://127.0.0.1:8123/" in done.output
    assert "Writes need no token" in done.output
    assert [(host, port) for _, host, port in served] == [("127.0.0.1", 8123)]


def test_serve_elsewhere_prints_a_token(
    runner: CliRunner, tmp_path: Path, served: list[tuple[object, str, int]]
) -> None:
    db = fresh_store(tmp_path)
    done = runner.invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"], env={})
    assert done.exit_code == 0, done.output
    app = served[0][0]
    token = app.state.web.config.token  # type: ignore[attr-defined]
    assert token and f"Writes need the token {token}" in done.output
    given = runner.invoke(
        main, ["serve", "--db", str(db), "--host", "::"], env={"ALLEGIANCE_TOKEN": "from-env"}
    )
    assert "Writes need the token from-env" in given.output
    assert "http://[::]:8000/" in given.output


def test_serve_refuses_a_missing_store_or_a_bad_setting(
    runner: CliRunner, tmp_path: Path, served: list[tuple[object, str, int]]
) -> None:
    missing = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output
    db = fresh_store(tmp_path)
    bad = runner.invoke(main, ["serve", "--db", str(db), "--setting", "colour", "red"])
    assert bad.exit_code == 1 and "unknown setting 'colour'" in bad.output
    assert not served


def test_the_cli_and_the_server_write_one_store_at_once(tmp_path: Path) -> None:
    """A CLI ingest runs while the server reviews claims: every article and review lands."""
    db = fresh_store(tmp_path)
    with Store.open(db) as store:
        before = store.counts()
        targets = [c.id for c in store.claims(kind="membership")[:40] if c.id is not None]
    ingest = subprocess.Popen(
        [sys.executable, "-m", "allegiance", "ingest", *map(str, ARTICLES), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reviewed: list[int] = []
    overlapping = 0  # reviews made after the CLI's first article landed, before its last
    with client(db) as web, Store.open(db) as watch:
        deadline = time.monotonic() + 120
        while ingest.poll() is None and time.monotonic() < deadline:
            landed = watch.counts()["documents"] - before["documents"]
            overlapping += 0 < landed < len(ARTICLES)
            claim = targets[len(reviewed) % len(targets)]
            decision = "accepted" if len(reviewed) % 2 else "rejected"
            done = web.post(
                f"/api/claims/{claim}/review", json={"decision": decision, "reviewer": "web"}
            )
            assert done.status_code == 200, done.json()
            reviewed.append(claim)
    out, err = ingest.communicate(timeout=60)
    assert ingest.returncode == 0, err
    assert f"{len(ARTICLES)} documents added" in out
    with Store.open(db) as store:
        after = store.counts()
        trail = store.reviews()
    assert after["documents"] == before["documents"] + len(ARTICLES)
    assert len(trail) == len(reviewed) > 5
    assert overlapping > 0, "the reviews did not overlap the CLI's writes"
    assert [r.claim_id for r in trail] == reviewed
