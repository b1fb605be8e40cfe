"""The actor gazetteer: names, demonyms, origin forms, seats, codes, organisations, memberships."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from allegiance.actors import (
    Alias,
    AliasForm,
    Gazetteer,
    Membership,
    MembershipStatus,
    OrgType,
    State,
    StateStatus,
)
from allegiance.errors import InputError, NotFoundError
from allegiance.model import ActorKind

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "allegiance" / "data" / "actors"
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def codes(gaz: Gazetteer, text: str) -> list[str]:
    return [a.code for a in gaz.resolve(text)]


def alias(gaz: Gazetteer, text: str, code: str) -> Alias:
    return next(a for a in gaz.aliases() if a.text == text and a.code == code)


# --- names, demonyms, seats -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kyrgyzstan", "KGZ"),
        ("Kyrgyz Republic", "KGZ"),
        ("Tajikistan", "TJK"),
        ("United States", "USA"),
        ("United States of America", "USA"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("UAE", "ARE"),
        ("United Arab Emirates", "ARE"),
        ("the Emirates", "ARE"),
        ("Russian Federation", "RUS"),
        ("DR Congo", "COD"),
        ("Ivory Coast", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("St. Lucia", "LCA"),
        ("Saint Lucia", "LCA"),
        ("Burma", "MMR"),
        ("Holy See", "VAT"),
        ("State of Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Western Sahara", "ESH"),
    ],
)
def test_names_and_variants_resolve(gaz: Gazetteer, text: str, code: str) -> None:
    assert codes(gaz, text) == [code]


def test_historical_names_resolve_and_are_flagged(gaz: Gazetteer) -> None:
    assert codes(gaz, "Soviet Union") == ["RUS"]
    assert alias(gaz, "Soviet Union", "RUS").form is AliasForm.HISTORICAL
    assert alias(gaz, "Swaziland", "SWZ").form is AliasForm.HISTORICAL
    assert codes(gaz, "Zaire") == ["COD"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kyrgyz", "KGZ"),
        ("Tajik", "TJK"),
        ("Turkish", "TUR"),
        ("Turks", "TUR"),
        ("Belarusian", "BLR"),
        ("Iranian", "IRN"),
        ("Iranians", "IRN"),
        ("Emirati", "ARE"),
        ("American", "USA"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("Kazakh", "KAZ"),
        ("Uzbeks", "UZB"),
    ],
)
def test_demonyms_and_adjectives_resolve(gaz: Gazetteer, text: str, code: str) -> None:
    assert codes(gaz, text) == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bishkek", "KGZ"),
        ("Dushanbe", "TJK"),
        ("Ankara", "TUR"),
        ("Minsk", "BLR"),
        ("Tehran", "IRN"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("the Kremlin", "RUS"),
        ("Kremlin", "RUS"),
        ("Beijing", "CHN"),
        ("Abu Dhabi", "ARE"),
        ("the White House", "USA"),
        ("the Pentagon", "USA"),
        ("Whitehall", "GBR"),
        ("Downing Street", "GBR"),
        ("the Élysée", "FRA"),
        ("Elysee Palace", "FRA"),
        ("Zhongnanhai", "CHN"),
        ("Kyiv", "UKR"),
    ],
)
def test_capitals_and_seats_of_power_resolve(gaz: Gazetteer, text: str, code: str) -> None:
    assert codes(gaz, text) == [code]


def test_resolve_ignores_case_diacritics_and_possessives(gaz: Gazetteer) -> None:
    assert codes(gaz, "BISHKEK") == ["KGZ"]
    assert codes(gaz, "elysée palace") == ["FRA"]
    assert codes(gaz, "Russia's") == ["RUS"]
    assert codes(gaz, "Belarus\u2019") == ["BLR"]


def test_unknown_names_resolve_to_nothing(gaz: Gazetteer) -> None:
    assert gaz.resolve("Atlantis") == []
    assert gaz.resolve("") == []


# --- origin forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkish-made", "TUR"),
        ("Turkish-manufactured", "TUR"),
        ("Iranian-built", "IRN"),
        ("Russian-supplied", "RUS"),
        ("Chinese-manufactured", "CHN"),
        ("US-made", "USA"),
        ("U.S.-made", "USA"),
        ("American-supplied", "USA"),
        ("UAE-based", "ARE"),
        ("Israeli-designed", "ISR"),
        ("Iranian-produced", "IRN"),
        ("Soviet-origin", "RUS"),
        ("Iran-backed", "IRN"),
        ("Russia-led", "RUS"),
        ("Kremlin-backed", "RUS"),
        ("Moscow-backed", "RUS"),
        ("NATO-led", "NATO"),
        ("Houthi-controlled", "HOUTHIS"),
    ],
)
def test_origin_forms_are_generated(gaz: Gazetteer, text: str, code: str) -> None:
    assert codes(gaz, text) == [code]


def test_origin_forms_reach_the_matcher_with_their_form(gaz: Gazetteer) -> None:
    made = alias(gaz, "Turkish-made", "TUR")
    assert made.form is AliasForm.ORIGIN
    assert alias(gaz, "US-made", "USA").case_sensitive
    assert alias(gaz, "Korean-made", "KOR").ambiguous


def test_origin_forms_are_not_typed_per_country() -> None:
    suffixes = {row["suffix"] for row in read(DATA / "suffixes.csv")}
    for name in ("variants.csv", "demonyms.csv", "seats.csv"):
        for row in read(DATA / name):
            assert row["text"].rpartition("-")[2] not in suffixes, (name, row["text"])


def test_origin_forms_need_a_known_base_and_suffix(gaz: Gazetteer) -> None:
    assert gaz.resolve("Turkish-flavoured") == []
    assert gaz.resolve("Atlantis-made") == []
    assert gaz.resolve("us-made") == []


# --- case and ambiguity ---------------------------------------------------------------------


def test_short_capitals_forms_match_only_in_capitals(gaz: Gazetteer) -> None:
    assert gaz.resolve("us") == []
    assert gaz.resolve("let us") == []
    assert gaz.resolve("kgz") == []
    assert codes(gaz, "US") == ["USA"]
    for text, code in [("US", "USA"), ("UK", "GBR"), ("UAE", "ARE"), ("KGZ", "KGZ")]:
        assert alias(gaz, text, code).case_sensitive, text
    assert not alias(gaz, "Kyrgyzstan", "KGZ").case_sensitive


def test_georgia_is_only_the_country(gaz: Gazetteer) -> None:
    assert codes(gaz, "Georgia") == ["GEO"]
    assert not alias(gaz, "Georgia", "GEO").ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congo", {"COD", "COG"}),
        ("Korea", {"KOR", "PRK"}),
        ("Congolese", {"COD", "COG"}),
        ("Dominican", {"DOM", "DMA"}),
    ],
)
def test_shared_names_return_every_actor_and_are_flagged(
    gaz: Gazetteer, text: str, expected: set[str]
) -> None:
    assert set(codes(gaz, text)) == expected
    for code in expected:
        assert alias(gaz, text, code).ambiguous


def test_guinea_is_not_a_substring_match(gaz: Gazetteer) -> None:
    assert codes(gaz, "Guinea") == ["GIN"]
    assert codes(gaz, "Guinea-Bissau") == ["GNB"]
    assert codes(gaz, "Equatorial Guinea") == ["GNQ"]
    assert codes(gaz, "Papua New Guinea") == ["PNG"]


@pytest.mark.parametrize(("text", "code"), [("Chad", "TCD"), ("Jordan", "JOR"), ("Turkey", "TUR")])
def test_common_words_resolve_but_are_flagged(gaz: Gazetteer, text: str, code: str) -> None:
    assert codes(gaz, text) == [code]
    assert alias(gaz, text, code).ambiguous


def test_china_the_porcelain_is_flagged(gaz: Gazetteer) -> None:
    assert codes(gaz, "China") == ["CHN"]
    assert alias(gaz, "China", "CHN").ambiguous
    assert not alias(gaz, "Chinese", "CHN").ambiguous


def test_turkic_is_not_turkey(gaz: Gazetteer) -> None:
    assert gaz.resolve("Turkic") == []
    assert codes(gaz, "Turkic Council") == ["OTS"]


def test_a_capital_that_is_also_a_seat_lists_both(gaz: Gazetteer) -> None:
    assert codes(gaz, "Brussels") == ["BEL", "EU"]
    assert codes(gaz, "Sanaa") == ["YEM", "HOUTHIS"]


# --- codes --------------------------------------------------------------------------------


def test_codes_resolve(gaz: Gazetteer) -> None:
    assert codes(gaz, "KGZ") == ["KGZ"]
    assert codes(gaz, "KG") == ["KGZ"]
    assert codes(gaz, "KYR") == ["KGZ"]  # COW abbreviation
    assert codes(gaz, "CSTO") == ["CSTO"]
    assert codes(gaz, "RSF") == ["RSF"]


def test_a_code_belongs_to_its_own_actor_first(gaz: Gazetteer) -> None:
    # ISO2 "AU" (Australia) yields to the African Union; COW's "AUS" (Austria) to ISO's Australia.
    assert codes(gaz, "AU") == ["AU"]
    assert codes(gaz, "AUS") == ["AUS"]


@pytest.mark.parametrize(("cow", "code"), [(703, "KGZ"), (702, "TJK"), (2, "USA"), (365, "RUS")])
def test_cow_codes(gaz: Gazetteer, cow: int, code: str) -> None:
    found = gaz.by_cow(cow)
    assert found is not None and found.code == code
    assert found.cow == cow


def test_unknown_cow_code_is_none(gaz: Gazetteer) -> None:
    assert gaz.by_cow(1) is None


def test_actor_lookup(gaz: Gazetteer) -> None:
    kgz = gaz.actor("KGZ")
    assert (kgz.name, kgz.kind, kgz.iso3, kgz.cow) == ("Kyrgyzstan", ActorKind.STATE, "KGZ", 703)
    assert "Bishkek" in kgz.aliases and "Kyrgyz" in kgz.aliases
    assert gaz.get("kgz") == kgz
    assert gaz.get("XXX") is None


def test_unknown_code_raises_not_found(gaz: Gazetteer) -> None:
    with pytest.raises(NotFoundError, match="XXX"):
        gaz.actor("XXX")
    with pytest.raises(LookupError):
        gaz.organisation("NOPE")


# --- states -------------------------------------------------------------------------------


def test_all_un_members_and_observers_are_present(gaz: Gazetteer) -> None:
    states = gaz.states()
    members = {s.code for s in states if s.status is StateStatus.UN_MEMBER}
    assert len(members) == 193
    assert {"KGZ", "TJK", "SSD", "MNE", "TLS", "USA", "RUS", "CHN"} <= members
    observers = {s.code for s in states if s.status is StateStatus.UN_OBSERVER}
    assert observers == {"VAT", "PSE"}
    others = {s.code for s in states if s.status is StateStatus.OTHER}
    assert others == {"XKX", "TWN", "ESH", "XSL"}
    assert len(gaz.actors(ActorKind.STATE)) == 199


def test_gaps_found_in_the_news_are_filled(gaz: Gazetteer) -> None:
    """Names the extractor met in articles: a government, an army, a de facto state, a force."""
    for text, code in [
        ("Government of National Accord", "LBY"),
        ("Sudanese Armed Forces", "SDN"),
        ("Somaliland", "XSL"),
        ("Hargeisa", "XSL"),
        ("KFOR", "NATO"),
        ("Caribbean Community", "CARICOM"),
        ("Yugoslav-made", "SRB"),
        ("Soviet-era", "RUS"),
    ]:
        assert [a.code for a in gaz.resolve(text)][:1] == [code], text
    assert gaz.organisation("CARICOM").name == "Caribbean Community"


def test_every_un_member_has_codes_and_a_capital(gaz: Gazetteer) -> None:
    for state in gaz.states():
        if state.status is StateStatus.UN_MEMBER:
            assert state.iso2 and state.cow and state.cow_abb and state.capital, state.code


def test_un_membership_rows_match_the_state_list(gaz: Gazetteer) -> None:
    assert len(gaz.members("UN", year=2020)) == 193
    assert gaz.members("UN", year=2020, status=MembershipStatus.OBSERVER) == ["PSE", "VAT"]


def test_state_record(gaz: Gazetteer) -> None:
    kgz = gaz.state("KGZ")
    assert (kgz.iso2, kgz.cow_abb, kgz.capital) == ("KG", "KYR", "Bishkek")
    assert gaz.state("SRB").cow == 345
    assert gaz.state("VAT").cow is None


# --- organisations and memberships ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "kind", "leader"),
    [
        ("NATO", "North Atlantic Treaty Organization", OrgType.MILITARY_ALLIANCE, "USA"),
        ("CSTO", "Collective Security Treaty Organization", OrgType.MILITARY_ALLIANCE, "RUS"),
        ("EAEU", "Eurasian Economic Union", OrgType.ECONOMIC, "RUS"),
        ("CIS", "Commonwealth of Independent States", OrgType.POLITICAL, "RUS"),
        ("SCO", "Shanghai Cooperation Organisation", OrgType.SECURITY, None),
        ("EU", "European Union", OrgType.POLITICAL, None),
        ("GCC", "Gulf Cooperation Council", OrgType.SECURITY, None),
        ("AU", "African Union", OrgType.POLITICAL, None),
        ("ASEAN", "Association of Southeast Asian Nations", OrgType.POLITICAL, None),
        ("LAS", "League of Arab States", OrgType.POLITICAL, None),
        ("OTS", "Organization of Turkic States", OrgType.POLITICAL, "TUR"),
        ("UNION_STATE", "Union State of Russia and Belarus", OrgType.MILITARY_ALLIANCE, "RUS"),
        ("OSCE", "Organization for Security and Co-operation in Europe", OrgType.FORUM, None),
        ("ECOWAS", "Economic Community of West African States", OrgType.ECONOMIC, None),
    ],
)
def test_organisations(
    gaz: Gazetteer, code: str, name: str, kind: OrgType, leader: str | None
) -> None:
    org = gaz.organisation(code)
    assert (org.name, org.type, org.led_by) == (name, kind, leader)
    assert codes(gaz, name) == [code]
    assert gaz.actor(code).kind is ActorKind.ORGANISATION


@pytest.mark.parametrize(
    ("text", "code"),
    [("Arab League", "LAS"), ("Nato", "NATO"), ("Eurasian Economic Union", "EAEU"), ("UN", "UN")],
)
def test_organisation_aliases(gaz: Gazetteer, text: str, code: str) -> None:
    assert codes(gaz, text) == [code]


def test_nato_by_year(gaz: Gazetteer) -> None:
    in_2022 = gaz.members("NATO", year=2022)
    assert {"TUR", "USA", "DEU", "MKD"} <= set(in_2022)
    assert "FIN" not in in_2022 and "SWE" not in in_2022
    assert {"FIN", "SWE", "TUR", "USA"} <= set(gaz.members("NATO", year=2024))
    assert len(gaz.members("NATO", year=2024)) == 32


def test_csto_members(gaz: Gazetteer) -> None:
    assert gaz.members("CSTO", year=2024) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert "UZB" in gaz.members("CSTO", year=2010)
    assert "UZB" not in gaz.members("CSTO", year=2015)
    assert "UZB" not in gaz.members("CSTO", year=2004)


def test_memberships_after_cow_ends(gaz: Gazetteer) -> None:
    assert "GEO" in gaz.members("CIS", year=2008)
    assert "GEO" not in gaz.members("CIS", year=2010)
    assert "IRN" in gaz.members("SCO", year=2023)
    assert "IRN" not in gaz.members("SCO", year=2022)
    assert "IRN" in gaz.members("SCO", year=2020, status=MembershipStatus.OBSERVER)
    assert "GBR" in gaz.members("EU", year=2019)
    assert "GBR" not in gaz.members("EU", year=2021)
    assert {"KGZ", "ARM"} <= set(gaz.members("EAEU", year=2015))
    assert gaz.members("EAEU", year=2014) == []


def test_membership_queries_by_member(gaz: Gazetteer) -> None:
    orgs = {m.organisation for m in gaz.memberships(member="KGZ", year=2023)}
    assert {"CSTO", "EAEU", "CIS", "SCO", "OTS", "UN"} <= orgs
    assert "NATO" not in orgs
    tjk_csto = gaz.memberships(organisation="CSTO", member="TJK")
    assert [(m.since, m.until) for m in tjk_csto] == [(2002, None)]


def test_every_membership_row_names_its_source_and_row(gaz: Gazetteer) -> None:
    rows = gaz.memberships()
    assert len(rows) > 500
    assert [m.row for m in rows] == list(range(1, len(rows) + 1))
    assert all(m.source.strip() for m in rows)
    shipped = read(DATA / "memberships.csv")
    for m in (rows[0], rows[-1], gaz.memberships("NATO", "FIN")[0]):
        line = shipped[m.row - 1]
        assert (line["member"], line["organisation"], line["source"]) == (
            m.member,
            m.organisation,
            m.source,
        )


def test_cow_rows_and_curated_rows_cite_different_sources(gaz: Gazetteer) -> None:
    (kgz,) = gaz.memberships("CSTO", "KGZ")
    assert kgz.source == "COW IGO v3"
    (fin,) = gaz.memberships("NATO", "FIN")
    assert "2023-04-04" in fin.source
    (uzb,) = gaz.memberships("CSTO", "UZB")
    assert uzb.source.startswith("COW IGO v3; amended:")
    assert (uzb.since, uzb.until) == (2006, 2012)


def test_membership_filters_reject_unknown_codes(gaz: Gazetteer) -> None:
    with pytest.raises(NotFoundError):
        gaz.memberships(organisation="NOPE")
    with pytest.raises(NotFoundError):
        gaz.memberships(member="NOPE")


def test_records_are_frozen(gaz: Gazetteer) -> None:
    membership = gaz.memberships()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        membership.until = 1999  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        next(gaz.aliases()).text = "x"  # type: ignore[misc]


# --- armed groups ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "home"),
    [
        ("RSF", "Rapid Support Forces", "SDN"),
        ("TPLF", "Tigray People's Liberation Front", "ETH"),
        ("LNA", "Libyan National Army", "LBY"),
        ("POLISARIO", "Polisario Front", "ESH"),
        ("HOUTHIS", "Ansar Allah", "YEM"),
        ("HEZBOLLAH", "Hezbollah", "LBN"),
        ("HAMAS", "Hamas", "PSE"),
        ("WAGNER", "Wagner Group", "RUS"),
        ("M23", "March 23 Movement", "COD"),
        ("SHABAAB", "al-Shabaab", "SOM"),
    ],
)
def test_armed_groups(gaz: Gazetteer, code: str, name: str, home: str) -> None:
    group = gaz.group(code)
    assert group.home == home
    assert gaz.actor(code).kind is ActorKind.GROUP
    assert codes(gaz, name) == [code]


def test_group_aliases(gaz: Gazetteer) -> None:
    assert codes(gaz, "Houthis") == ["HOUTHIS"]
    assert codes(gaz, "Africa Corps") == ["WAGNER"]
    assert codes(gaz, "Tigrayan forces") == ["TPLF"]
    assert alias(gaz, "RSF", "RSF").ambiguous  # also Reporters Without Borders


# --- the matcher's view and a gazetteer built in a test ------------------------------------


def test_every_alias_names_a_known_actor(gaz: Gazetteer) -> None:
    known = {a.code for a in gaz.actors()}
    aliases = list(gaz.aliases())
    assert len(aliases) > 20_000
    assert {a.code for a in aliases} <= known
    assert len({(a.text, a.code) for a in aliases}) == len(aliases)


def test_load_is_cached_and_can_read_another_folder(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    again = Gazetteer.load(DATA)
    assert again is not gaz
    assert [a.code for a in again.actors()] == [a.code for a in gaz.actors()]


def small() -> Gazetteer:
    kgz = State("KGZ", "Kyrgyzstan", "KG", 703, "KYR", None, "Bishkek", StateStatus.UN_MEMBER)
    return Gazetteer(
        states=[kgz],
        aliases=[
            Alias("Kyrgyz", "KGZ", AliasForm.ADJECTIVE),
            Alias("Emir", "KGZ", AliasForm.SHORT),
        ],
        suffixes=["made"],
        homonyms=["Emir"],
        memberships=[],
    )


def test_a_small_gazetteer_generates_what_its_records_imply() -> None:
    gaz = small()
    assert codes(gaz, "Kyrgyz-made") == ["KGZ"]
    assert codes(gaz, "Bishkek-made") == ["KGZ"]
    assert codes(gaz, "KYR") == ["KGZ"]
    assert alias(gaz, "Emir", "KGZ").ambiguous
    assert gaz.by_cow(703) is not None


def test_aliases_of_unknown_actors_are_refused() -> None:
    with pytest.raises(InputError, match="XYZ"):
        Gazetteer(aliases=[Alias("Nowhere", "XYZ", AliasForm.NAME)])


def test_a_membership_counts_in_both_its_end_years() -> None:
    m = Membership("GEO", "CIS", 1995, 2009, "test", 1)
    assert [m.active(y) for y in (1994, 1995, 2009, 2010)] == [False, True, True, False]


# --- the generated tables ---------------------------------------------------------------------


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "tools" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data")
def test_generated_tables_are_up_to_date(tmp_path: Path) -> None:
    build_tool().build(SHARED, tmp_path)
    for name in ("states.csv", "state_names.csv", "memberships.csv"):
        assert (tmp_path / name).read_text() == (DATA / name).read_text(), (
            f"{name} is stale: run tools/build_gazetteer.py"
        )
