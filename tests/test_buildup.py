"""The arms build-up: figures for Kyrgyzstan and Tajikistan checked by hand against the rows.

The store holds the SIPRI fixture (the 15 Kyrgyz and 25 Tajik register records),
the SIPRI expenditure fixture, and two news-only reports (Belarusian air defence
for Kyrgyzstan, 2023; US Puma drones for Tajikistan, 2023). Line numbers below
are the fixture's (tests/fixtures/data/sipri_trade-register_cp1252-crlf.csv).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.buildup import Buildup, SideBuildup, YearFigures, buildup
from allegiance.buildup.richardson import fit
from allegiance.cli import main
from allegiance.model import Category, Claim, ClaimKind, Conflict, Document, Evidence, Status
from allegiance.sources.dataset import Context
from allegiance.sources.importer import import_file
from allegiance.store import Store

DATA = Path(__file__).resolve().parent / "fixtures" / "data"
NEWS = (
    "Belarus delivered surface-to-air missile systems to Kyrgyzstan in April 2023. "
    "In early 2023 the United States supplied Puma reconnaissance drones to Tajikistan."
)


def news(doc: Document, subject: str, obj: str, fragment: str, **claim: object) -> Claim:
    start = doc.text.index(fragment)
    end = doc.text.index(".", start) + 1
    piece = Evidence(
        doc.id, "rules", 0.7, start=start, end=end, text=doc.text[start:end], since=2023, until=2023
    )
    return Claim(ClaimKind.SUPPLY, subject, obj, start=2023, evidence=(piece,), **claim)  # type: ignore[arg-type]


@pytest.fixture
def filled(store: Store) -> Store:
    context = Context.load()
    import_file(
        store,
        "sipri-trade-register",
        DATA / "sipri_trade-register_cp1252-crlf.csv",
        context=context,
    )
    import_file(store, "sipri-milex", DATA / "sipri-milex_kgz-tjk.csv", context=context)
    doc = Document.from_text(NEWS, title="Brief")
    store.add_document(
        doc,
        [
            news(
                doc, "BLR", "KGZ", "Belarus", category=Category.AIR_DEFENCE, status=Status.DELIVERED
            ),
            news(
                doc,
                "USA",
                "TJK",
                "In early",
                weapon="RQ-20 Puma",
                category=Category.DRONE,
                status=Status.AID,
            ),
        ],
    )
    return store


@pytest.fixture
def result(filled: Store) -> Buildup:
    return buildup(filled, Conflict("KGZ", "TJK", start=2019, end=2023))


def year(side: SideBuildup, wanted: int) -> YearFigures:
    return next(y for y in side.years if y.year == wanted)


def suppliers(figures: YearFigures) -> dict[str, float]:
    return {s.key: round(s.tiv_delivered, 4) for s in figures.by_supplier}


def test_kyrgyzstan_by_hand(result: Buildup) -> None:
    kgz = result.sides[0]
    # 2019: Mi-17 ordered 2018, 4 x 2.9 delivered 2019 (line 8) = 11.6;
    #       P-12 ordered and delivered 2019, 2 x 1.8 (line 4) = 3.6. Russia only: HHI 1.
    y2019 = year(kgz, 2019)
    assert (y2019.transfers, y2019.orders, y2019.deliveries) == (2, 1, 2)
    assert round(y2019.tiv_delivered, 4) == 15.2 and y2019.supplier_hhi == 1.0
    # 2020: nothing ordered or delivered; spending 152.77 (1.58% of GDP).
    y2020 = year(kgz, 2020)
    assert y2020.transfers == 0 and y2020.supplier_hhi is None
    assert round(y2020.milex_constant_usd_m or 0, 2) == 152.77
    # 2021: 3 TB2 at 2.4 = 7.2 delivered over 2021 and 2022 (line 15): 3.6 a year.
    #       Turkey's first year as Kyrgyzstan's supplier.
    y2021 = year(kgz, 2021)
    assert suppliers(y2021) == {"TUR": 3.6} and y2021.new_suppliers == ("TUR",)
    # 2022: TB2 3.6 + 2 Akinci at 4.5 (line 2) = 12.6; Aksungur and Anka ordered (lines 12, 13).
    y2022 = year(kgz, 2022)
    assert (y2022.transfers, y2022.orders, y2022.deliveries) == (4, 3, 2)
    assert round(y2022.tiv_delivered, 4) == 12.6
    assert [(s.key, s.transfers) for s in y2022.by_category] == [("drone", 4)]
    # 2023: 2 Aksungur at 4 (line 12) = 8 from Turkey, 2 Mi-17 at 7.25 (line 16) = 14.5 from
    #       Russia, Belarus's air defence from the news (no TIV, a new supplier).
    #       HHI = (14.5/22.5)^2 + (8/22.5)^2 = 0.41531 + 0.12642 = 0.54173.
    y2023 = year(kgz, 2023)
    assert (y2023.transfers, y2023.news_reports) == (3, 1)
    assert suppliers(y2023) == {"RUS": 14.5, "TUR": 8.0, "BLR": 0.0}
    assert round(y2023.supplier_hhi or 0, 4) == 0.5417 and y2023.new_suppliers == ("BLR",)
    assert round(y2023.milex_constant_usd_m or 0, 1) == 433.6
    assert round(y2023.milex_share_of_gdp_pct or 0, 2) == 3.62
    # Window: 15.2 + 3.6 + 12.6 + 22.5 = 53.9; Russia 11.6 + 3.6 + 14.5 = 29.7, Turkey 24.2;
    # HHI = (29.7/53.9)^2 + (24.2/53.9)^2 = 0.30362 + 0.20158 = 0.50521.
    assert round(kgz.tiv_delivered, 4) == 53.9
    assert round(kgz.supplier_hhi or 0, 4) == 0.5052


def test_tajikistan_by_hand(result: Buildup) -> None:
    tjk = result.sides[1]
    # 2019: VN-3 from China, 10 x 0.14 = 1.4 (line 23); from Russia P-12 1 x 1.8 (line 20),
    #       BRDM-2 9 x 0.1 = 0.9 (line 26), and half of 10 Tigr x 0.15 = 1.5 over 2018-2019
    #       (line 27): 0.75. Russia 3.45, China 1.4, total 4.85;
    #       HHI = (3.45/4.85)^2 + (1.4/4.85)^2 = 0.50601 + 0.08332 = 0.58933.
    y2019 = year(tjk, 2019)
    assert (y2019.transfers, y2019.orders, y2019.deliveries) == (4, 2, 4)
    assert suppliers(y2019) == {"RUS": 3.45, "CHN": 1.4}
    assert round(y2019.supplier_hhi or 0, 4) == 0.5893
    # 2021: Ababil-T and Ababil-2 ordered for licensed production, none delivered (lines 25, 41):
    #       two transfers, no TIV; Iran's first year.
    y2021 = year(tjk, 2021)
    assert (y2021.transfers, y2021.orders, y2021.tiv_delivered) == (2, 2, 0)
    assert y2021.new_suppliers == ("IRN",) and y2021.supplier_hhi is None
    # 2022: 4 TZM-T x 0.2 = 0.8 (line 24) and 4 TOS-1 x 0.48 = 1.92 (line 40) = 2.72, Russia.
    y2022 = year(tjk, 2022)
    assert suppliers(y2022) == {"RUS": 2.72} and y2022.supplier_hhi == 1.0
    assert round(y2022.milex_share_of_gdp_pct or 0, 2) == 2.0
    # 2023: only the news report of US Pumas; the USA is a new supplier.
    y2023 = year(tjk, 2023)
    assert (y2023.transfers, y2023.news_reports, y2023.new_suppliers) == (1, 1, ("USA",))
    # Window: 4.85 + 2.72 = 7.57; Russia 6.17, China 1.4;
    # HHI = (6.17/7.57)^2 + (1.4/7.57)^2 = 0.66432 + 0.03420 = 0.69852.
    assert round(tjk.tiv_delivered, 4) == 7.57
    assert round(tjk.supplier_hhi or 0, 4) == 0.6985


def test_a_five_year_window_is_too_short_to_conclude_anything(result: Buildup) -> None:
    for side in result.sides:
        assert side.richardson.years == (2019, 2020, 2021, 2022, 2023)
        assert not side.richardson.enough_data
        assert side.richardson.note.startswith("Only 5 years of overlapping spending data")


def test_the_whole_series_uses_the_years_both_rivals_report(filled: Store) -> None:
    kgz, tjk = buildup(filled, Conflict("KGZ", "TJK")).sides
    # SIPRI has no Tajik figure for 2005-2007 and 2013, so those lags and years drop out.
    assert len(kgz.richardson.years) == 27 and 2007 not in kgz.richardson.years
    assert len(tjk.richardson.years) == 25 and 2014 not in tjk.richardson.years
    assert kgz.richardson.enough_data and tjk.richardson.enough_data
    assert kgz.richardson.k is not None and not kgz.richardson.k_significant


def test_the_fit_recovers_a_known_action_reaction_process() -> None:
    # M_a(t) = M_a(t-1) + 0.3 M_b(t-1) - 0.2 M_a(t-1) + 5, M_b growing on its own.
    b = {t: 100.0 + 7 * t + (t % 3) * 4 for t in range(2000, 2021)}
    a = {2000: 50.0}
    for t in range(2001, 2021):
        a[t] = a[t - 1] + 0.3 * b[t - 1] - 0.2 * a[t - 1] + 5
    result = fit("A", "B", a, b)
    assert result.k is not None and result.alpha is not None and result.g is not None
    assert round(result.k.estimate, 6) == 0.3 and round(result.alpha.estimate, 6) == 0.2
    assert round(result.g.estimate, 4) == 5.0
    assert len(result.years) == 20


def test_no_spending_data_means_no_fit() -> None:
    result = fit("A", "B", {2020: 1.0, 2021: 2.0}, {2020: 3.0})
    assert result.k is None and not result.enough_data
    assert result.note.startswith("Only 1 usable year(s)")


def test_the_json_shape_is_the_documented_contract(result: Buildup) -> None:
    data = result.to_dict()
    assert set(data) == {"conflict", "units", "sides", "notes"}
    assert data["conflict"] == {"sides": ["KGZ", "TJK"], "from": 2019, "to": 2023}
    side = data["sides"][0]
    assert set(side) == {
        "actor",
        "tiv_delivered",
        "suppliers",
        "supplier_hhi",
        "years",
        "transfers",
        "richardson",
    }
    assert set(side["years"][0]) == {
        "year",
        "transfers",
        "orders",
        "deliveries",
        "news_reports",
        "tiv_delivered",
        "by_category",
        "by_supplier",
        "supplier_hhi",
        "new_suppliers",
        "milex_constant_usd_m",
        "milex_share_of_gdp_pct",
    }
    tb2 = next(t for t in side["transfers"] if t["weapon"] == "Bayraktar TB2")
    assert tb2["tiv_by_year"] == {"2021": 3.6, "2022": 3.6} and tb2["row"] == 15
    assert tb2["source"] == "dataset" and isinstance(tb2["claim"], int)
    assert set(side["richardson"]) == {
        "model",
        "rival",
        "n_years",
        "years",
        "k",
        "alpha",
        "g",
        "r_squared",
        "enough_data",
        "k_significant",
        "note",
    }
    json.dumps(data)


def test_the_command_prints_json_and_text(filled: Store, runner: CliRunner) -> None:
    args = ["buildup", "--conflict", "KGZ:TJK", "--from", "2019", "--to", "2023", "--db"]
    out = runner.invoke(main, [*args, str(filled.path), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["sides"][1]["actor"] == "TJK"
    text = runner.invoke(main, [*args, str(filled.path)])
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    assert lines[0] == "Arms build-up: KGZ vs TJK, 2019–2023"
    assert "KGZ: 53.90 TIV delivered; suppliers RUS 55%, TUR 45%, BLR (no TIV); HHI 0.51" in lines


def test_an_unknown_side_is_one_line_of_error(filled: Store, runner: CliRunner) -> None:
    out = runner.invoke(main, ["buildup", "--conflict", "KGZ:Atlantis", "--db", str(filled.path)])
    assert out.exit_code == 1
    assert out.output.strip().startswith("Error: unknown actor 'ATLANTIS'")
