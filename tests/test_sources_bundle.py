"""The default data bundle: what it holds, within its licences, imported once."""

from __future__ import annotations

import csv
import io

import pytest

from allegiance.model import ClaimKind, DocumentKind, Relation
from allegiance.sources.bundle import folder, load_bundle, manifest
from allegiance.sources.dataset import Context
from allegiance.sources.registry import FORMATS
from allegiance.store import Store
from allegiance.store.series import MILEX_CONSTANT, series

SIPRI_REGISTER_RECORDS = 29_056  # the 2024 export, per ../shared/data/SOURCES.md
SIPRI_MILEX_LIMIT = 3_500  # SIPRI's "10%" in data units


def rows(name: str) -> list[dict[str, str]]:
    text = folder().joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_every_bundle_file_is_listed_named_and_readable() -> None:
    sources = folder().joinpath("SOURCES.md").read_text(encoding="utf-8")
    files = {entry.name for entry in manifest()}
    shipped = {p.name for p in folder().iterdir() if p.name.endswith(".csv")} - {"manifest.csv"}
    assert files == shipped
    for entry in manifest():
        assert entry.format in FORMATS
        assert f"`{entry.name}`" in sources


def test_the_sipri_subsets_stay_within_sipris_terms() -> None:
    register = rows("sipri-trade-register_central-asia.csv")
    assert len(register) / SIPRI_REGISTER_RECORDS < 0.10
    milex = rows("sipri-milex_focus-states_1991-2023.csv")
    units = sum(
        1 for r in milex for c in ("milex_constant_2022_usd_millions", "milex_share_of_gdp") if r[c]
    )
    assert units <= SIPRI_MILEX_LIMIT


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store.open(tmp_path_factory.mktemp("bundle") / "bundle.db")
    load_bundle(store, Context.load())
    return store


def test_load_bundle_imports_every_file_once(bundled: Store) -> None:
    docs = bundled.documents()
    assert len(docs) == len(manifest())
    assert all(d.kind is DocumentKind.DATASET and d.licence and d.version for d in docs)
    assert all(d.path and d.path.startswith("allegiance/data/bundle/") for d in docs)
    before = bundled.counts()
    again = load_bundle(bundled, Context.load())
    assert not any(r.added for r in again)
    assert bundled.counts() == before


def test_the_bundle_knows_the_kyrgyz_tajik_case(bundled: Store) -> None:
    claims = bundled.claims(actors=["KGZ"])
    clash = next(
        c
        for c in claims
        if c.kind is ClaimKind.HOSTILITY and {c.subject, c.object} == {"KGZ", "TJK"}
    )
    assert clash.relation is Relation.ARMED_CLASH and clash.end == 2022
    csto = next(c for c in claims if c.kind is ClaimKind.MEMBERSHIP and c.object == "CSTO")
    assert len({e.document_id for e in csto.evidence}) == 2  # ATOP and COW IGO
    tb2 = next(c for c in claims if c.weapon == "Bayraktar TB2")
    assert (tb2.subject, tb2.start) == ("TUR", 2021)
    assert round(series(bundled, "KGZ", MILEX_CONSTANT)[2021], 1) == 300.9
    us_iran = next(
        c
        for c in bundled.claims(actors=["IRN"], kind="hostility")
        if {c.subject, c.object} == {"IRN", "USA"}
    )
    assert us_iran.end is None  # the TSS rivalry is still running
