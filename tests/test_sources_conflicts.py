"""UCDP/PRIO conflicts and COW MIDs: hostility between states on opposite sides, by runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.model import Claim, ClaimKind, Relation
from allegiance.sources.codes import gw_to_cow
from allegiance.sources.dataset import Context, IssueKind, Parsed, Source
from allegiance.sources.importer import parse

DATA = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


def pairs(parsed: Parsed) -> dict[tuple[str, str], Claim]:
    return {(c.subject, c.object): c for c in parsed.claims}


def test_gleditsch_ward_numbers_that_differ_from_cow_are_mapped_by_year() -> None:
    assert gw_to_cow(678, 1985) == 678 and gw_to_cow(678, 2024) == 679  # Yemen
    assert gw_to_cow(260, 1980) == 260 and gw_to_cow(260, 2013) == 255  # Germany
    assert gw_to_cow(340, 2010) == 345  # Serbia
    assert gw_to_cow(703, 2022) == 703


def test_ucdp_states_on_opposite_sides_are_hostile(context: Context) -> None:
    parsed = parse("ucdp-acd", Source.from_path(DATA / "ucdp-acd_sample.csv"), context)
    found = pairs(parsed)
    assert set(found) == {
        ("KGZ", "TJK"),
        ("RUS", "UKR"),
        ("IRN", "ISR"),
        ("IRN", "USA"),  # the USA is a secondary party on Israel's side
        ("GBR", "YEM"),
        ("CAN", "YEM"),
        ("USA", "YEM"),  # G&W 678 in 2024 is COW 679, Yemen
    }
    kgz = found[("KGZ", "TJK")]
    assert kgz.kind is ClaimKind.HOSTILITY and kgz.relation is Relation.ARMED_CLASH
    (piece,) = kgz.evidence
    assert (piece.since, piece.until, piece.row) == (2021, 2022, 5)
    assert piece.text == ("UCDP/PRIO ACD: KGZ vs TJK, armed conflict, 2021–2022 (conflict 13324)")
    assert found[("RUS", "UKR")].relation is Relation.WAR
    assert [(i.line, i.kind) for i in parsed.issues] == [(11, IssueKind.MALFORMED)]


def test_mid_dyad_years_split_into_runs_of_disputes(context: Context) -> None:
    parsed = parse("cow-mid", Source.from_path(DATA / "cow-mid_dyad-year_sample.csv"), context)
    found = pairs(parsed)
    assert parsed.document.title == "Correlates of War Militarized Interstate Disputes (MID)"
    kgz = found[("KGZ", "TJK")]
    assert [(e.since, e.until, e.row) for e in kgz.evidence] == [(2005, 2005, 2), (2013, 2014, 3)]
    assert kgz.evidence[1].text == (
        "COW MID: KGZ vs TJK, dispute 4693, 2013–2014, highest hostility: use of force"
    )
    assert found[("IRQ", "USA")].relation is Relation.WAR


def test_the_gml_layout_is_recognised(context: Context) -> None:
    parsed = parse(
        "cow-mid", Source.from_path(DATA / "gml-mid_directed-dyad-year_sample.csv"), context
    )
    assert parsed.document.version == "2.2.1"
    assert parsed.document.title.startswith("Gibler–Miller–Little")
    assert [(c.subject, c.object, c.start) for c in parsed.claims] == [("KGZ", "TJK", 2005)]
