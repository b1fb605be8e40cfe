"""The adapters against the real, full files in ../shared/data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.model import ClaimKind, Relation
from allegiance.sources.dataset import Context, IssueKind, Source
from allegiance.sources.importer import import_file, parse
from allegiance.store import Store
from allegiance.store.series import MILEX_CONSTANT, series

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


def test_the_central_asia_register_subset(
    shared_data: Path, store: Store, context: Context
) -> None:
    path = shared_data / "sipri-arms-transfers" / "trade-register_central-asia.csv"
    report = import_file(store, "sipri-trade-register", path, context=context)
    assert (report.rows, report.claims) == (236, 235)
    assert [(i.kind, i.message) for i in report.issues] == [
        (IssueKind.UNATTRIBUTED, "unknown supplier(s): SIPRI names none")
    ]
    kgz = [c for c in store.claims(kind="supply") if c.object == "KGZ"]
    assert {c.subject for c in kgz} == {"RUS", "TUR", "KAZ"}
    assert not [c for c in kgz if c.subject in ("BLR", "USA", "ARE")]


def test_the_expenditure_series(shared_data: Path, store: Store, context: Context) -> None:
    path = shared_data / "sipri-milex" / "milex_focus-countries_constant2022usd_shareofgdp_long.csv"
    import_file(store, "sipri-milex", path, context=context)
    # SOURCES.md: TJK constant-2022 US$m 2021 100.1, 2022 203.9, 2023 132.0
    tjk = series(store, "TJK", MILEX_CONSTANT)
    assert [round(tjk[y], 1) for y in (2021, 2022, 2023)] == [100.1, 203.9, 132.0]


def test_the_whole_ucdp_acd(shared_data: Path, context: Context) -> None:
    path = shared_data / "ucdp-acd" / "ucdp_prio_acd_v25.1_via-peacesciencer.csv"
    parsed = parse("ucdp-acd", Source.from_path(path), context)
    assert parsed.rows == 5652 and parsed.document.version == "25.1"
    found = {(c.subject, c.object): c for c in parsed.claims}
    assert (found[("KGZ", "TJK")].start, found[("KGZ", "TJK")].end) == (2021, 2022)
    assert found[("IRN", "USA")].relation is Relation.ARMED_CLASH
    assert all(i.kind is IssueKind.UNKNOWN_ACTOR for i in parsed.issues)


def test_the_whole_mid_dyad_years(shared_data: Path, context: Context) -> None:
    path = shared_data / "cow-mid" / "cow_mid_v5_dyad-year-disputes_via-peacesciencer.csv"
    parsed = parse("cow-mid", Source.from_path(path), context)
    kgz = next(c for c in parsed.claims if (c.subject, c.object) == ("KGZ", "TJK"))
    # SOURCES.md: disputes 4426 (2005) and 4693 (2013-2014)
    assert [(e.since, e.until) for e in kgz.evidence] == [(2005, 2005), (2013, 2014)]


def test_the_igo_and_atop_member_files(shared_data: Path, store: Store, context: Context) -> None:
    import_file(
        store,
        "cow-igo",
        shared_data / "cow-igo" / "igo_year_format3_selected-security-regional-igos.csv",
        context=context,
    )
    import_file(
        store, "atop", shared_data / "atop" / "atop_v4.01_member-level.csv", context=context
    )
    kgz = {c.object for c in store.claims(actor="KGZ", kind=ClaimKind.MEMBERSHIP)}
    assert {"CSTO", "CIS", "SCO", "OSCE", "EURASEC", "OIC", "UN"} <= kgz


def test_both_rivalry_lists(shared_data: Path, store: Store, context: Context) -> None:
    for name in ("tss_strategic_rivalries", "thompson_dreyer_rivalries"):
        path = shared_data / "rivalries" / f"{name}_via-peacesciencer.csv"
        import_file(store, "rivalries", path, context=context)
    us_iran = next(c for c in store.claims(actor="IRN", kind="hostility") if c.involves("USA"))
    assert us_iran.relation is Relation.RIVALRY and us_iran.end is None
