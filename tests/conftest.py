"""Fixtures shared by every test area: paths to ../shared, a fresh store, the CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_df8cc909d86006aa.txt"
SHARED_DATA = SHARED / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seed_text() -> str:
    """The seed article, read from ../shared/seeds (third-party text the repo never holds)."""
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}); it lives only in ../shared/seeds")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, the real public datasets."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared datasets are not here ({SHARED_DATA})")
    return SHARED_DATA


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store in a temporary file."""
    with Store.open(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
