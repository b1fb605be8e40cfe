"""SIPRI military expenditure: the long CSV in, yearly series per state out (not claims)."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.model import DocumentKind
from allegiance.sources.dataset import Context, IssueKind, Source
from allegiance.sources.importer import import_file, parse
from allegiance.store import Store
from allegiance.store.series import MILEX_CONSTANT, MILEX_SHARE, points, series

MILEX = Path(__file__).resolve().parent / "fixtures" / "data" / "sipri-milex_kgz-tjk.csv"


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


def test_values_become_points_of_two_series_and_markers_are_gaps(context: Context) -> None:
    parsed = parse("sipri-milex", Source.from_path(MILEX), context)
    assert parsed.claims == ()
    assert parsed.rows == 71
    assert [(i.line, i.kind) for i in parsed.issues] == [(72, IssueKind.MALFORMED)]
    assert parsed.issues[0].message == "year is not a number: '20x3'"


def test_import_stores_the_series_with_units_and_rows(store: Store, context: Context) -> None:
    report = import_file(store, "sipri-milex", MILEX, context=context)
    # KGZ 1992-2023 (32 years) + TJK 1992-2023 less 2005-07 and 2013 (28) + TUR 2 = 62 years
    assert report.values == 62 * 2
    (doc,) = store.documents()
    assert doc.kind is DocumentKind.DATASET and doc.title == "SIPRI Military Expenditure Database"
    assert store.counts()["claims"] == 0
    kgz = series(store, "KGZ", MILEX_CONSTANT)
    assert round(kgz[2022], 1) == 352.1 and 1991 not in kgz
    assert (
        round(series(store, "TJK", MILEX_SHARE)[2022], 4) == 0.0200
    )  # a fraction, as SIPRI has it
    assert 2006 not in series(store, "TJK", MILEX_CONSTANT)
    (turkey,) = [p for p in points(store, ["TUR"], [MILEX_CONSTANT]) if p.year == 2023]
    assert turkey.unit == "constant 2022 US$ m" and turkey.row == 71  # "Türkiye" resolved


def test_reimport_is_a_no_op(store: Store, context: Context) -> None:
    import_file(store, "sipri-milex", MILEX, context=context)
    again = import_file(store, "sipri-milex", MILEX, context=context)
    assert not again.added and again.values == 0
    assert store.conn.execute("SELECT count(*) FROM series").fetchone()[0] == 124
