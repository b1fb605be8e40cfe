"""The demo: our own brief on the Kyrgyz–Tajik arms race, the default data, one analysis.

The brief (``data/demo/kyrgyz-tajik-brief.txt``) is written in our own words
and carries the facts of the article the project started from; the repo holds
no third-party sentences. The default bundle adds SIPRI transfers, alliances,
conflicts and rivalries for Central Asia and its outside powers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from allegiance.extract import RuleExtractor
from allegiance.model import Conflict, Document
from allegiance.sources.bundle import load_bundle
from allegiance.sources.reference import ensure_reference
from allegiance.store import IngestResult, Store

BRIEF = "kyrgyz-tajik-brief.txt"
BRIEF_DATE = date(2023, 9, 15)
PUBLISHER = "allegiance demo desk (our own summary of public reporting, 2023)"
# The border war flared in 2021; the analysis looks at the years since.
CONFLICT = Conflict("KGZ", "TJK", start=2021)
STORE_NAME = "demo.db"
BRIEFING = "kgz-tjk-briefing.html"
BRIEFING_MD = "kgz-tjk-briefing.md"


@dataclass(frozen=True, slots=True)
class DemoStore:
    """What building the demo store did."""

    path: Path
    brief: IngestResult
    datasets: int


def brief() -> Document:
    """The demo brief as a dated article; its first line is its title."""
    text = resources.files("allegiance").joinpath("data", "demo", BRIEF).read_text("utf-8")
    title = text.split("\n", 1)[0].strip()
    return Document.from_text(
        text, title, publisher=PUBLISHER, date=BRIEF_DATE, path=f"allegiance/data/demo/{BRIEF}"
    )


def build(folder: Path) -> DemoStore:
    """A fresh demo store in ``folder``: reference data, the default bundle, the brief."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STORE_NAME
    for stale in (path, path.with_name(STORE_NAME + "-wal"), path.with_name(STORE_NAME + "-shm")):
        stale.unlink(missing_ok=True)
    with Store.open(path) as store:
        ensure_reference(store)
        datasets = len(load_bundle(store))
        doc = brief()
        result = store.add_document(doc, RuleExtractor().extract(doc))
    return DemoStore(path, result, datasets)
