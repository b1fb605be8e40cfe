"""The default data bundle shipped in ``allegiance/data/bundle``: Central Asia and its patrons.

``manifest.csv`` lists each file with its format and release; ``SOURCES.md``
names every source and licence. Loading it imports each file as a dataset
document; a file already stored is skipped, so loading twice is a no-op.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable

from allegiance.sources.dataset import Context, Source
from allegiance.sources.importer import ImportReport, parse, store_parsed
from allegiance.store import Store

PATH_PREFIX = "allegiance/data/bundle"


@dataclass(frozen=True, slots=True)
class BundleFile:
    """One file of the bundle: its name, format and release."""

    name: str
    format: str
    version: str


def folder() -> Traversable:
    return resources.files("allegiance").joinpath("data", "bundle")


def manifest() -> list[BundleFile]:
    """The bundle's files, in the order they are imported."""
    text = folder().joinpath("manifest.csv").read_text(encoding="utf-8")
    return [
        BundleFile(r["file"], r["format"], r["version"]) for r in csv.DictReader(io.StringIO(text))
    ]


def source(entry: BundleFile) -> Source:
    """A bundle file as a source; its recorded path is the same on every machine."""
    data = folder().joinpath(entry.name).read_bytes()
    return Source(data, f"{PATH_PREFIX}/{entry.name}", entry.version)


def load_bundle(
    store: Store,
    context: Context | None = None,
    on_file: Callable[[BundleFile], None] | None = None,
) -> list[ImportReport]:
    """Import every bundle file into ``store`` (each its own transaction); idempotent."""
    context = context or Context.load()
    reports = []
    for entry in manifest():
        if on_file is not None:
            on_file(entry)
        parsed = parse(entry.format, source(entry), context)
        reports.append(store_parsed(store, entry.format, parsed))
    return reports
