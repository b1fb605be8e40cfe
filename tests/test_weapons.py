"""The weapons catalogue: what the extractor, the SIPRI adapter and `allegiance weapons` rely on."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest

from allegiance.errors import InputError, NotFoundError
from allegiance.model import Category
from allegiance.weapons import Catalogue, Term, Weapon, normalize
from allegiance.weapons.load import shipped_directory

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CENTRAL_ASIA = SHARED_DATA / "sipri-arms-transfers" / "trade-register_central-asia.csv"
ISO3 = re.compile(r"[A-Z]{3}")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load()


def sipri_central_asia() -> list[tuple[str, str]]:
    """(designation, description) pairs of SIPRI's Central Asia register, each once."""
    if not CENTRAL_ASIA.exists():
        pytest.skip(f"../shared/data is absent: no SIPRI register at {CENTRAL_ASIA}")
    with CENTRAL_ASIA.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return sorted({(r["Weapon designation"], r["Weapon description"]) for r in rows})


# --- size and integrity -------------------------------------------------------


def test_the_catalogue_holds_at_least_200_systems(cat: Catalogue) -> None:
    assert len(cat.weapons()) >= 200
    assert len(cat) == len(cat.weapons())


def test_every_system_has_a_category_and_an_iso3_origin(cat: Catalogue) -> None:
    for weapon in cat.weapons():
        assert isinstance(weapon.category, Category), weapon
        assert ISO3.fullmatch(weapon.origin), weapon
        assert weapon.description, weapon


def test_every_origin_is_a_real_country(cat: Catalogue) -> None:
    pycountry = pytest.importorskip("pycountry")
    known = {country.alpha_3 for country in pycountry.countries}
    assert {w.origin for w in cat.weapons()} <= known


def test_no_designation_is_listed_twice(cat: Catalogue) -> None:
    keys = [normalize(w.designation) for w in cat.weapons()]
    assert len(keys) == len(set(keys))


def test_every_shared_name_has_a_reviewed_default(cat: Catalogue) -> None:
    owners: dict[str, set[str]] = {}
    for weapon in cat.weapons():
        for name in weapon.names:
            owners.setdefault(normalize(name), set()).add(weapon.designation)
    shared = {key for key, designations in owners.items() if len(designations) > 1}
    with (shipped_directory() / "ambiguous.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reviewed = {normalize(row["alias"]): row["default"] for row in csv.DictReader(lines)}
    assert shared == set(reviewed)
    for key, default in reviewed.items():
        assert cat.weapon(key).designation == default


# --- SIPRI --------------------------------------------------------------------


def test_every_sipri_central_asia_designation_resolves_with_its_category(cat: Catalogue) -> None:
    for designation, description in sipri_central_asia():
        expected = cat.categorize(description)
        assert expected is not Category.OTHER, description
        weapon = cat.get(designation, category=expected)
        if weapon is None:
            term = cat.term(designation)
            assert term is not None, f"{designation!r} does not resolve"
            assert term.category is expected, designation
            continue
        assert weapon.category is expected, (designation, description, weapon.designation)
        if not cat.is_ambiguous(designation):
            assert cat.get(designation) == weapon, designation


@pytest.mark.parametrize(
    ("sipri_name", "designation", "category"),
    [
        ("Mi-24V/Mi-35", "Mi-24", Category.HELICOPTER),
        ("D-30 122mm", "D-30", Category.ARTILLERY),
        ("BM-21 Grad 122mm", "BM-21 Grad", Category.ARTILLERY),
        ("S-125 Pechora-2M", "S-125 Pechora-2M", Category.AIR_DEFENCE),
        ("Tigr", "Tigr", Category.ARMOURED_VEHICLE),
        ("L-39C Albatros", "L-39C Albatros", Category.AIRCRAFT),
        ("BM-9A52 Smerch", "9A52 Smerch", Category.ARTILLERY),
        ("2A65 MSTA-B 152mm", "2A65 Msta-B", Category.ARTILLERY),
        ("Ground Master-400", "Ground Master-400", Category.SENSORS),
        ("Nimr Armored", "Nimr", Category.ARMOURED_VEHICLE),
    ],
)
def test_sipri_spellings_resolve(
    cat: Catalogue, sipri_name: str, designation: str, category: Category
) -> None:
    weapon = cat.weapon(sipri_name)
    assert (weapon.designation, weapon.category) == (designation, category)


@pytest.mark.parametrize(
    ("description", "category"),
    [
        ("armed UAV", Category.DRONE),
        ("UAV", Category.DRONE),
        ("loitering munition", Category.DRONE),
        ("SAM system", Category.AIR_DEFENCE),
        ("SAM", Category.AIR_DEFENCE),
        ("portable SAM", Category.AIR_DEFENCE),
        ("mobile SAM system", Category.AIR_DEFENCE),
        ("APC", Category.ARMOURED_VEHICLE),
        ("IFV", Category.ARMOURED_VEHICLE),
        ("APV", Category.ARMOURED_VEHICLE),
        ("tank", Category.ARMOURED_VEHICLE),
        ("tank destroyer", Category.ARMOURED_VEHICLE),
        ("air search radar", Category.SENSORS),
        ("self-propelled MRL", Category.ARTILLERY),
        ("towed gun", Category.ARTILLERY),
        ("transport helicopter", Category.HELICOPTER),
        ("combat helicopter", Category.HELICOPTER),
        ("FGA aircraft", Category.AIRCRAFT),
        ("anti-tank missile", Category.MISSILE),
        ("BVRAAM", Category.MISSILE),
        ("patrol craft", Category.NAVAL),
        ("IFV turret", Category.PARTS),
        ("ship engine", Category.PARTS),
        ("Armed  UAV", Category.DRONE),
        ("maritime patrol helicopter", Category.HELICOPTER),
        ("coastal patrol boat", Category.NAVAL),
        ("counter-battery radar", Category.SENSORS),
        ("space elevator", Category.OTHER),
        ("", Category.OTHER),
    ],
)
def test_sipri_descriptions_map_to_categories(
    cat: Catalogue, description: str, category: Category
) -> None:
    assert cat.categorize(description) is category


# --- the seed article's systems ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "designation", "maker", "origin", "category"),
    [
        ("TB2", "Bayraktar TB2", "Baykar", "TUR", Category.DRONE),
        ("Bayraktar TB2", "Bayraktar TB2", "Baykar", "TUR", Category.DRONE),
        ("Aksungur", "TAI Aksungur", "Turkish Aerospace Industries", "TUR", Category.DRONE),
        ("Anka", "TAI Anka", "Turkish Aerospace Industries", "TUR", Category.DRONE),
        ("Ababil-2", "Ababil-2", "HESA", "IRN", Category.DRONE),
        ("Ababil-3", "Ababil-3", "HESA", "IRN", Category.DRONE),
        ("Ababil-T", "Ababil-T", "HESA", "IRN", Category.DRONE),
        ("Puma", "RQ-20 Puma", "AeroVironment", "USA", Category.DRONE),
        ("AeroVironment RQ-20 Puma", "RQ-20 Puma", "AeroVironment", "USA", Category.DRONE),
    ],
)
def test_seed_systems_resolve_with_maker_origin_and_category(
    cat: Catalogue, name: str, designation: str, maker: str, origin: str, category: Category
) -> None:
    weapon = cat.weapon(name)
    assert (weapon.designation, weapon.maker, weapon.origin, weapon.category) == (
        designation,
        maker,
        origin,
        category,
    )


def test_every_system_the_seed_article_names_resolves(cat: Catalogue, seed_text: str) -> None:
    for name in ("TB2s", "Aksungur", "Ankas", "Ababil-2", "Puma"):
        assert name in seed_text
        assert cat.get(name) is not None, name
    assert cat.weapon("Puma", category=Category.DRONE).origin == "USA"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("surface-to-air missile systems", Category.AIR_DEFENCE),
        ("night-vision goggles", Category.SENSORS),
        ("ground sensors", Category.SENSORS),
        ("military vehicles", Category.ARMOURED_VEHICLE),
        ("drones", Category.DRONE),
        ("production plant", Category.PRODUCTION_FACILITY),
        ("assembly plant", Category.PRODUCTION_FACILITY),
        ("parts", Category.PARTS),
        ("aid package", Category.AID_PACKAGE),
        ("security assistance", Category.AID_PACKAGE),
        ("military assistance", Category.AID_PACKAGE),
    ],
)
def test_generic_items_of_the_seed_article_are_terms(
    cat: Catalogue, text: str, category: Category
) -> None:
    term = cat.term(text)
    assert term is not None, text
    assert term.category is category


# --- names --------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["TB2", "tb2", "TB-2", "tb-2", "TB 2", "Bayraktar TB-2", "BAYRAKTAR tb 2", "TB2s", "Tb2's"],
)
def test_case_spaces_hyphens_and_plurals_do_not_matter(cat: Catalogue, spelling: str) -> None:
    assert cat.weapon(spelling).designation == "Bayraktar TB2"


def test_accents_and_turkish_letters_do_not_matter(cat: Catalogue) -> None:
    assert cat.weapon("Akıncı") == cat.weapon("akinci") == cat.weapon("Bayraktar AKINCI")
    assert cat.weapon("Fırtına").designation == "T-155 Firtina"


def test_hyphens_and_spaces_in_designations(cat: Catalogue) -> None:
    assert cat.weapon("S400") == cat.weapon("S-400") == cat.weapon("s 400")
    assert cat.weapon("Mi 17").designation == "Mi-17"
    assert cat.weapon("F16").designation == "F-16 Fighting Falcon"


def test_unknown_names_are_none_or_not_found(cat: Catalogue) -> None:
    assert cat.get("Death Star") is None
    assert cat.get("") is None
    with pytest.raises(NotFoundError, match="Death Star"):
        cat.weapon("Death Star")
    with pytest.raises(LookupError):
        cat.weapon("   ")


# --- ambiguous names -----------------------------------------------------------


def test_a_shared_name_resolves_to_its_default_and_hints_pick_another(cat: Catalogue) -> None:
    assert cat.weapon("Puma").designation == "RQ-20 Puma"
    assert cat.weapon("Puma", category=Category.ARMOURED_VEHICLE).designation == "Puma IFV"
    assert cat.weapon("Puma", category=Category.HELICOPTER).designation == "SA 330 Puma"
    names = {w.designation for w in cat.candidates("puma")}
    assert names == {"RQ-20 Puma", "Puma IFV", "SA 330 Puma"}


def test_category_and_origin_hints_choose_among_tigers(cat: Catalogue) -> None:
    assert cat.weapon("Tiger").category is Category.HELICOPTER
    vehicle = Category.ARMOURED_VEHICLE
    assert cat.weapon("Tiger", category=vehicle, origin="CHN").designation == "Tiger (China)"
    assert cat.weapon("Tiger", category=vehicle, origin="RUS").designation == "Tigr"


def test_hints_never_turn_a_hit_into_a_miss(cat: Catalogue) -> None:
    weapon = cat.weapon("TB2", category=Category.NAVAL, origin="FRA")
    assert weapon.designation == "Bayraktar TB2"


def test_shared_and_common_word_names_are_ambiguous(cat: Catalogue) -> None:
    for name in ("Puma", "Tiger", "Grad", "Spike", "Javelin", "Cobra", "Lynx", "Stinger"):
        assert cat.is_ambiguous(name), name
    for name in ("TB2", "Bayraktar TB2", "Ababil-2", "S-400", "Mi-24V/Mi-35"):
        assert not cat.is_ambiguous(name), name
    puma = cat.weapon("RQ-20 Puma")
    assert "Puma" in puma.ambiguous
    assert "Puma" in puma.aliases


def test_search_returns_every_system_sharing_a_name(cat: Catalogue) -> None:
    found = [w.designation for w in cat.search("puma")]
    assert found[:3] == ["RQ-20 Puma", "SA 330 Puma", "Puma IFV"]
    assert "AS332 Super Puma" in found


# --- search -------------------------------------------------------------------


def test_search_ranks_exact_then_prefix_then_substring(cat: Catalogue) -> None:
    found = [w.designation for w in cat.search("bayraktar")]
    assert found[0] == "Bayraktar TB2"
    assert {"Bayraktar Akinci", "Bayraktar TB3", "Bayraktar Kizilelma"} <= set(found)
    mi17 = [w.designation for w in cat.search("Mi-17")]
    assert mi17[0] == "Mi-17"
    assert cat.search("S-300")[0].designation == "S-300P"
    assert "S-300V" in [w.designation for w in cat.search("S-300")]


def test_search_matches_words_of_maker_and_description(cat: Catalogue) -> None:
    found = cat.search("anti-tank")
    assert found
    assert all(w.category in {Category.MISSILE, Category.SMALL_ARMS} for w in found[:5])
    assert {w.maker for w in cat.search("AeroVironment")} == {"AeroVironment"}


def test_search_limit_and_empty_queries(cat: Catalogue) -> None:
    assert len(cat.search("T-", limit=3)) == 3
    assert cat.search("") == []
    assert cat.search(" - ") == []
    assert cat.search("qqqqzzzz") == []


# --- aliases for the matcher ---------------------------------------------------


def test_aliases_cover_every_system_with_spelling_variants(cat: Catalogue) -> None:
    pairs = list(cat.aliases())
    assert {w.designation for _, w in pairs} == {w.designation for w in cat.weapons()}
    tb2 = {text for text, w in pairs if w.designation == "Bayraktar TB2"}
    assert {"Bayraktar TB2", "TB2", "TB-2", "Bayraktar TB-2"} <= tb2
    s400 = {text for text, w in pairs if w.designation == "S-400 Triumf"}
    assert {"S-400", "S400", "S 400"} <= s400
    pumas = {w.designation for text, w in pairs if text == "Puma"}
    assert pumas == {"RQ-20 Puma", "Puma IFV", "SA 330 Puma"}


# --- the generic vocabulary ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("drone", Category.DRONE),
        ("drones", Category.DRONE),
        ("UAV", Category.DRONE),
        ("UAVs", Category.DRONE),
        ("unmanned aerial vehicles", Category.DRONE),
        ("combat drones", Category.DRONE),
        ("loitering munitions", Category.DRONE),
        ("surface-to-air missile system", Category.AIR_DEFENCE),
        ("surface to air missile systems", Category.AIR_DEFENCE),
        ("air defence systems", Category.AIR_DEFENCE),
        ("air defense systems", Category.AIR_DEFENCE),
        ("air defense system", Category.AIR_DEFENCE),
        ("MANPADS", Category.AIR_DEFENCE),
        ("tank", Category.ARMOURED_VEHICLE),
        ("tanks", Category.ARMOURED_VEHICLE),
        ("armoured vehicles", Category.ARMOURED_VEHICLE),
        ("armored vehicles", Category.ARMOURED_VEHICLE),
        ("armored vehicle", Category.ARMOURED_VEHICLE),
        ("APCs", Category.ARMOURED_VEHICLE),
        ("military vehicle", Category.ARMOURED_VEHICLE),
        ("howitzers", Category.ARTILLERY),
        ("artillery", Category.ARTILLERY),
        ("rocket launchers", Category.ARTILLERY),
        ("fighter jets", Category.AIRCRAFT),
        ("helicopters", Category.HELICOPTER),
        ("gunboats", Category.NAVAL),
        ("torpedoes", Category.NAVAL),
        ("small arms", Category.SMALL_ARMS),
        ("rifles", Category.SMALL_ARMS),
        ("night vision goggles", Category.SENSORS),
        ("radars", Category.SENSORS),
        ("spare parts", Category.PARTS),
        ("spare part", Category.PARTS),
        ("factories", Category.PRODUCTION_FACILITY),
        ("factory", Category.PRODUCTION_FACILITY),
        ("aid packages", Category.AID_PACKAGE),
        ("weapons", Category.OTHER),
        ("arms", Category.OTHER),
        ("military equipment", Category.OTHER),
        ("ammunition", Category.OTHER),
        ("defense equipment", Category.OTHER),
    ],
)
def test_terms_map_singular_plural_and_both_spellings(
    cat: Catalogue, text: str, category: Category
) -> None:
    term = cat.term(text)
    assert term is not None, text
    assert term.category is category
    assert term in cat.terms()


def test_terms_are_listed_once_each(cat: Catalogue) -> None:
    texts = [t.text.casefold() for t in cat.terms()]
    assert len(texts) == len(set(texts))
    assert len(texts) >= 300
    assert all(isinstance(t, Term) and isinstance(t.category, Category) for t in cat.terms())


def test_mass_nouns_get_no_plural(cat: Catalogue) -> None:
    assert cat.term("ammunitions") is None
    assert cat.term("artilleries") is None


# --- objects and loading -------------------------------------------------------


def test_weapons_are_frozen_and_serialise(cat: Catalogue) -> None:
    weapon = cat.weapon("TB2")
    with pytest.raises(dataclasses.FrozenInstanceError):
        weapon.origin = "USA"  # type: ignore[misc]
    assert weapon.to_dict() == {
        "designation": "Bayraktar TB2",
        "aliases": list(weapon.aliases),
        "maker": "Baykar",
        "origin": "TUR",
        "category": "drone",
        "description": weapon.description,
        "ambiguous": list(weapon.ambiguous),
    }
    assert Term("drones", Category.DRONE).to_dict() == {"text": "drones", "category": "drone"}


def test_the_shipped_catalogue_is_loaded_once(cat: Catalogue) -> None:
    assert Catalogue.load() is cat


def test_a_catalogue_can_be_built_from_given_weapons() -> None:
    puma = Weapon("Puma", ("PUMA",), "Acme", "USA", Category.DRONE, "a test drone")
    small = Catalogue([puma], [Term("drones", Category.DRONE)])
    assert small.get("puma") is puma
    assert small.term("Drones") == Term("drones", Category.DRONE)
    assert small.categorize("armed UAV") is Category.OTHER


def _copy_shipped(tmp_path: Path) -> Path:
    for name in ("catalogue", "ambiguous", "terms", "spellings", "descriptions"):
        source = shipped_directory() / f"{name}.csv"
        (tmp_path / f"{name}.csv").write_text(source.read_text(encoding="utf-8"), "utf-8")
    return tmp_path


def test_a_catalogue_loads_from_another_directory(tmp_path: Path) -> None:
    loaded = Catalogue.load(_copy_shipped(tmp_path))
    assert loaded is not Catalogue.load()
    assert len(loaded) == len(Catalogue.load())


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Ray Gun,,Acme,USA,lasers,a test", r"catalogue\.csv:\d+: unknown category 'lasers'"),
        ("Ray Gun,,Acme,Utopia,other,a test", r"origin 'Utopia' is not an ISO3 code"),
        ("bayraktar tb-2,,Acme,USA,drone,a test", r"'bayraktar tb-2' repeats 'Bayraktar TB2'"),
        ("Ray Gun,,Acme,USA,other,a test, with a comma", r"too many fields"),
    ],
)
def test_bad_catalogue_rows_are_reported_with_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    directory = _copy_shipped(tmp_path)
    with (directory / "catalogue.csv").open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    with pytest.raises(InputError, match=message):
        Catalogue.load(directory)


def test_a_default_must_carry_the_shared_name(tmp_path: Path) -> None:
    directory = _copy_shipped(tmp_path)
    with (directory / "ambiguous.csv").open("a", encoding="utf-8") as handle:
        handle.write("Puma,Bayraktar TB2,wrong on purpose\n")
    with pytest.raises(InputError, match="is not called 'Puma'"):
        Catalogue.load(directory)


def test_shipped_data_files_name_source_reviewer_and_date() -> None:
    root = shipped_directory()
    for name in ("catalogue", "ambiguous", "terms", "spellings", "descriptions"):
        header = "".join(
            line
            for line in (root / f"{name}.csv").read_text(encoding="utf-8").splitlines(True)
            if line.startswith("#")
        )
        assert "Source:" in header, name
        assert "Reviewed by" in header, name
        assert re.search(r"\d{4}-\d{2}-\d{2}", header), name
    assert (root / "SOURCES.md").is_file()
