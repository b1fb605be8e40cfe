"""Each phenomenon of news reporting the rule extractor handles, in sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from allegiance.extract import Extractor, RuleExtractor
from allegiance.extract.sentences import MAX_SENTENCE
from allegiance.model import Category, Claim, ClaimKind, Document, Relation, Status


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def extract(extractor: RuleExtractor, text: str, published: date | None = None) -> list[Claim]:
    return extractor.extract(Document.from_text(text, "test", date=published))


def triples(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(str(c.kind), c.subject, c.object) for c in claims}


def only(claims: list[Claim], kind: str, subject: str, obj: str) -> Claim:
    found = [c for c in claims if (str(c.kind), c.subject, c.object) == (kind, subject, obj)]
    assert found, f"no {kind} {subject}->{obj} in {triples(claims)}"
    return found[0]


def test_the_rule_extractor_is_an_extractor(extractor: RuleExtractor) -> None:
    assert isinstance(extractor, Extractor)
    assert extractor.name.startswith("rules/")


# -- actors named by capitals, seats of power and demonyms ----------------------


def test_capitals_and_seats_of_power_stand_for_their_states(extractor: RuleExtractor) -> None:
    claims = extract(extractor, "The Kremlin delivered S-400 systems to New Delhi in 2021.")
    claim = only(claims, "supply", "RUS", "IND")
    assert claim.weapon == "S-400 Triumf"
    assert claim.start == 2021


def test_demonyms_name_the_parties_to_a_clash(extractor: RuleExtractor) -> None:
    claims = extract(extractor, "Kyrgyz and Tajik border guards clashed near Batken in 2021.")
    claim = only(claims, "hostility", "KGZ", "TJK")
    assert claim.relation is Relation.ARMED_CLASH


# -- suppliers from origin adjectives and from the catalogue --------------------


def test_an_origin_adjective_names_the_supplier(extractor: RuleExtractor) -> None:
    text = "In late 2022, Nairobi started adding Turkish-made Bayraktar TB2 drones to its arsenal."
    claim = only(extract(extractor, text), "supply", "TUR", "KEN")
    assert (claim.weapon, claim.category, claim.start) == ("Bayraktar TB2", Category.DRONE, 2022)


def test_a_catalogue_weapon_implies_its_maker_at_lower_confidence(extractor: RuleExtractor) -> None:
    implied = only(
        extract(extractor, "Ethiopia received Mohajer-6 drones in 2021."), "supply", "IRN", "ETH"
    )
    stated = only(
        extract(extractor, "Ethiopia received Mohajer-6 drones from Iran in 2021."),
        "supply",
        "IRN",
        "ETH",
    )
    assert implied.confidence < stated.confidence


# -- every voice of a transfer ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("France sold 24 Rafale jets to Greece in 2021.", "FRA", "GRC"),
        ("Egypt bought Rafale jets from France in 2015.", "FRA", "EGY"),
        ("Harop drones were supplied to Azerbaijan by Israel in 2016.", "ISR", "AZE"),
        ("Ukraine's army fields US-supplied HIMARS launchers.", "USA", "UKR"),
        ("Russia's supply of fighter jets to Syria worried Washington.", "RUS", "SYR"),
        ("Deliveries of tanks from Germany to Ukraine began in 2023.", "DEU", "UKR"),
        ("Iran armed the Houthis with ballistic missiles.", "IRN", "HOUTHIS"),
        ("China is Pakistan's largest arms supplier.", "CHN", "PAK"),
        ("Russia remains the main arms supplier to India.", "RUS", "IND"),
        ("Israel handed over Barak-8 air defence systems to Azerbaijan.", "ISR", "AZE"),
        ("In 2020 Morocco took delivery of Harop drones from Israel.", "ISR", "MAR"),
    ],
)
def test_every_voice_of_a_transfer(
    extractor: RuleExtractor, text: str, supplier: str, recipient: str
) -> None:
    claims = extract(extractor, text)
    assert ("supply", supplier, recipient) in triples(claims)
    assert ("supply", recipient, supplier) not in triples(claims)


def test_quantities_are_read_before_the_weapon(extractor: RuleExtractor) -> None:
    claim = only(
        extract(extractor, "France sold 24 Rafale jets to Greece in 2021."), "supply", "FRA", "GRC"
    )
    assert claim.quantity == 24
    dozen = extract(extractor, "Turkey delivered a dozen Bayraktar TB2 drones to Poland.")
    assert only(dozen, "supply", "TUR", "POL").quantity == 12


# -- aid, money and production -------------------------------------------------------


def test_aid_carries_its_value_in_dollars(extractor: RuleExtractor) -> None:
    text = "In 2023 Washington announced a $300-million security assistance package for Ukraine."
    claim = only(extract(extractor, text), "supply", "USA", "UKR")
    assert claim.status is Status.AID
    assert (claim.value, claim.value_unit) == (300_000_000, "USD")


def test_a_value_in_euros_keeps_its_currency(extractor: RuleExtractor) -> None:
    text = "Berlin provided €2.7bn in military aid to Kyiv in 2024."
    claim = only(extract(extractor, text), "supply", "DEU", "UKR")
    assert (claim.value, claim.value_unit) == (2_700_000_000, "EUR")


def test_the_aid_recipient_is_the_country_the_paragraph_is_about(extractor: RuleExtractor) -> None:
    text = (
        "Tajikistan has long relied on outside help to guard its borders. "
        "In 2023 the US envoy announced a $20-million US aid package that included Puma drones."
    )
    claim = only(extract(extractor, text), "supply", "USA", "TJK")
    assert (claim.weapon, claim.status, claim.start) == ("RQ-20 Puma", Status.AID, 2023)
    assert claim.value == 20_000_000


def test_a_plant_abroad_is_local_production(extractor: RuleExtractor) -> None:
    claim = only(
        extract(extractor, "Iran opened a drone factory in Tajikistan in 2022."),
        "supply",
        "IRN",
        "TJK",
    )
    assert claim.status is Status.LOCAL_PRODUCTION
    assert claim.category is Category.PRODUCTION_FACILITY


def test_a_parts_supplier_based_abroad(extractor: RuleExtractor) -> None:
    text = "A UAE-based firm is the key parts supplier for an assembly plant in Tajikistan."
    claim = only(extract(extractor, text), "supply", "ARE", "TJK")
    assert claim.category is Category.PARTS


# -- memberships -------------------------------------------------------------------


def test_members_of_an_organisation(extractor: RuleExtractor) -> None:
    claims = extract(extractor, "Armenia and Belarus are both members of the CSTO.")
    assert {("membership", "ARM", "CSTO"), ("membership", "BLR", "CSTO")} <= triples(claims)


def test_each_state_in_each_organisation(extractor: RuleExtractor) -> None:
    text = "Kazakhstan's membership in the CSTO and the Eurasian Economic Union binds it to Moscow."
    claims = extract(extractor, text)
    assert {("membership", "KAZ", "CSTO"), ("membership", "KAZ", "EAEU")} <= triples(claims)
    assert not any(c.subject == "RUS" for c in claims if c.kind is ClaimKind.MEMBERSHIP)


def test_joining_dates_the_membership(extractor: RuleExtractor) -> None:
    claim = only(extract(extractor, "Finland joined NATO in 2023."), "membership", "FIN", "NATO")
    assert claim.start == 2023


def test_founding_an_organisation_is_membership_even_after_leaving_another(
    extractor: RuleExtractor,
) -> None:
    text = (
        "Mali, Burkina Faso and Niger left the Economic Community of West African States"
        " in January 2025 and formed their own Alliance of Sahel States."
    )
    found = triples(extract(extractor, text))
    assert {("membership", code, "AES") for code in ("MLI", "BFA", "NER")} <= found
    assert not {t for t in found if t[0] == "membership" and t[2] == "ECOWAS"}


def test_a_membership_bid_is_no_membership(extractor: RuleExtractor) -> None:
    claims = extract(extractor, "Turkey dropped its opposition to Sweden's NATO membership bid.")
    assert not [c for c in claims if c.kind is ClaimKind.MEMBERSHIP]


# -- hostility and affinity --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair", "relation"),
    [
        ("Azerbaijani forces shelled Armenian villages in 2022.", ("ARM", "AZE"), "armed_clash"),
        ("Sanctions on Russia were imposed by the European Union.", ("EU", "RUS"), "sanctions"),
        ("Two bitter rivals, India and Pakistan, share a long border.", ("IND", "PAK"), "rivalry"),
        ("Russia's war in Ukraine entered its third year.", ("RUS", "UKR"), "war"),
        ("Washington's long enmity with Tehran shapes the region.", ("IRN", "USA"), "rivalry"),
    ],
)
def test_hostility(
    extractor: RuleExtractor, text: str, pair: tuple[str, str], relation: str
) -> None:
    claim = only(extract(extractor, text), "hostility", *pair)
    assert str(claim.relation) == relation


@pytest.mark.parametrize(
    ("text", "pair", "relation"),
    [
        ("Turkey and Azerbaijan share a deep cultural kinship.", ("AZE", "TUR"), "kinship"),
        ("India and France signed a strategic partnership in 1998.", ("FRA", "IND"), "partnership"),
        ("Russia's close relationship with Iran has deepened.", ("IRN", "RUS"), "partnership"),
    ],
)
def test_affinity(
    extractor: RuleExtractor, text: str, pair: tuple[str, str], relation: str
) -> None:
    claim = only(extract(extractor, text), "affinity", *pair)
    assert str(claim.relation) == relation


def test_the_speakers_state_is_the_ally_and_the_strongest_relation_wins(
    extractor: RuleExtractor,
) -> None:
    text = (
        "Serbian President Aleksandar Vucic described Hungary as "
        '"our reliable ally and a valued partner," state media reported.'
    )
    found = [c for c in extract(extractor, text) if c.kind is ClaimKind.AFFINITY]
    assert [(c.subject, c.object, c.relation) for c in found] == [("HUN", "SRB", Relation.ALLIANCE)]


# -- modality -----------------------------------------------------------------------------


def test_an_allegation_and_its_denial(extractor: RuleExtractor) -> None:
    text = (
        "In 2022 Kyiv accused Minsk of supplying ammunition to Russia. "
        "Belarusian officials denied the allegations."
    )
    found = [c for c in extract(extractor, text) if c.kind is ClaimKind.SUPPLY]
    assert [(c.subject, c.object, c.status) for c in found] == [
        ("BLR", "RUS", Status.ALLEGED),
        ("BLR", "RUS", Status.DENIED),
    ]
    assert found[0].key == found[1].key
    assert found[1].evidence[0].text == "Belarusian officials denied the allegations."


@pytest.mark.parametrize(
    "text",
    [
        "Japan does not sell weapons to Taiwan.",
        "Egypt may consider buying Su-35 jets from Russia.",
        "If Germany sent Taurus missiles to Ukraine, Moscow would retaliate.",
        "Serbia could buy Rafale jets from France next year.",
        "The aid is not intended to bolster the Tajik military against Kyrgyz forces.",
        "The US, Russia and China have an interest in defusing tension between the two states.",
        "Brazil never delivered the Gepard tanks Germany asked for.",
    ],
)
def test_negations_and_hypotheticals_state_nothing(extractor: RuleExtractor, text: str) -> None:
    assert extract(extractor, text) == []


def test_reported_speech_keeps_the_claim_with_less_confidence(extractor: RuleExtractor) -> None:
    plain = only(
        extract(extractor, "Iran supplied drones to Russia in 2022."), "supply", "IRN", "RUS"
    )
    reported = only(
        extract(extractor, "Iran reportedly supplied drones to Russia in 2022."),
        "supply",
        "IRN",
        "RUS",
    )
    assert 0 < reported.confidence < plain.confidence


def test_a_planned_delivery_is_planned(extractor: RuleExtractor) -> None:
    text = "Russia will deliver Su-35 jets to Iran in 2025, officials said."
    assert only(extract(extractor, text), "supply", "RUS", "IRN").status is Status.PLANNED


# -- carry-over between sentences ----------------------------------------------------


def test_the_plant_goes_on_about_the_last_transfer(extractor: RuleExtractor) -> None:
    text = "In 2022 Iran opened a drone plant in Tajikistan. The plant produces Ababil-2 drones."
    claims = extract(extractor, text)
    follow = [c for c in claims if c.weapon == "Ababil-2"]
    assert [(c.subject, c.object, c.start) for c in follow] == [("IRN", "TJK", 2022)]


def test_the_country_is_the_last_state_named(extractor: RuleExtractor) -> None:
    text = "Kenya is rearming. In 2022 the country bought Bayraktar TB2 drones from Turkey."
    assert ("supply", "TUR", "KEN") in triples(extract(extractor, text))


def test_the_two_nations_are_the_pair_just_named(extractor: RuleExtractor) -> None:
    text = "Iranian-Tajik ties run deep. The two nations share a common Persian language."
    claims = [c for c in extract(extractor, text) if c.relation is Relation.KINSHIP]
    assert [(c.subject, c.object) for c in claims] == [("IRN", "TJK")]


# -- years ------------------------------------------------------------------------------


def test_years_from_the_sentence_the_paragraph_and_the_document(extractor: RuleExtractor) -> None:
    text = (
        "In May 2022, Iran delivered drones to Russia. "
        "In October of the same year, Belarus sold armoured vehicles to Russia.\n\n"
        "Turkey sold TB2 drones to Poland."
    )
    claims = extract(extractor, text, published=date(2024, 5, 1))
    years = {(c.subject, c.object): c.start for c in claims}
    assert years == {("IRN", "RUS"): 2022, ("BLR", "RUS"): 2022, ("TUR", "POL"): 2024}


def test_since_opens_a_period(extractor: RuleExtractor) -> None:
    text = (
        "Since 1991, the United States has provided over $330 million "
        "in security assistance to Tajikistan."
    )
    claim = only(extract(extractor, text, published=date(2023, 9, 1)), "supply", "USA", "TJK")
    # An explicitly open period runs on: the analysis reads no end as still running.
    assert (claim.start, claim.end) == (1991, None)
    assert (claim.evidence[0].since, claim.evidence[0].until) == (1991, None)
    assert claim.value == 330_000_000


# -- evidence -----------------------------------------------------------------------------


def test_evidence_is_the_sentence_with_its_offsets(extractor: RuleExtractor) -> None:
    text = "Background first.\n\nTurkey sold drones to Azerbaijan in 2020. Nothing else happened."
    doc = Document.from_text(text, "test")
    (claim,) = extractor.extract(doc)
    evidence = claim.evidence[0]
    assert evidence.text == "Turkey sold drones to Azerbaijan in 2020."
    assert doc.text[evidence.start : evidence.end] == evidence.text
    assert evidence.document_id == doc.id
    assert evidence.method == extractor.name


def test_text_in_another_language_gives_nothing(extractor: RuleExtractor) -> None:
    assert (
        extract(extractor, "Deutschland liefert Panzer an die Ukraine, sagte die Regierung.") == []
    )


# -- fourth round: phrasing families from tests/fixtures/articles/dev3_* -----------


def test_a_giver_words_by_names_the_supplier_beside_a_user_or_buyer(
    extractor: RuleExtractor,
) -> None:
    text = "The Latvian army operates twelve Bayraktar TB2 drones supplied by Turkey."
    assert triples(extract(extractor, text)) == {("supply", "TUR", "LVA")}
    text = "Norway bought four submarines, built by ThyssenKrupp Marine Systems, in 2021."
    assert triples(extract(extractor, text)) == {("supply", "DEU", "NOR")}
    # The buyer after "by" is still the recipient.
    text = "The drones were bought by Morocco from Israel."
    assert ("supply", "ISR", "MAR") in triples(extract(extractor, text))


def test_handing_someone_arms_and_choosing_a_weapon(extractor: RuleExtractor) -> None:
    text = "Nairobi handed the Somali army rifles and ammunition in 2023."
    assert triples(extract(extractor, text)) == {("supply", "KEN", "SOM")}
    claim = only(
        extract(extractor, "Switzerland selected the F-35A fighter in 2021."),
        "supply",
        "USA",
        "CHE",
    )
    assert claim.status is Status.PLANNED
    claim = only(
        extract(extractor, "Lisbon signed a letter of intent for Leopard 2A8 tanks from Germany."),
        "supply",
        "DEU",
        "PRT",
    )
    assert claim.status is Status.PLANNED


def test_naming_groups_terrorist_organisations_is_a_sanction(extractor: RuleExtractor) -> None:
    text = "The government named 22 gangs as terrorist organisations, among them Los Lobos."
    doc = "Ecuador is at war with its gangs. " + text
    assert ("hostility", "ECU", "LOS_LOBOS") in triples(extract(extractor, doc))
    text = (
        "In 2025 the State Department designated the Sinaloa Cartel, the CJNG and six other "
        "criminal organisations as foreign terrorist organisations."
    )
    assert triples(extract(extractor, text)) == {
        ("hostility", "SINALOA", "USA"),
        ("hostility", "CJNG", "USA"),
    }


def test_members_named_alongside_an_organisation(extractor: RuleExtractor) -> None:
    text = "Japan is a member of the Quad alongside the United States, Australia and India."
    assert triples(extract(extractor, text)) == {
        ("membership", code, "QUAD") for code in ("JPN", "USA", "AUS", "IND")
    }


@pytest.mark.parametrize(
    "text",
    [
        "A plan for Croatia to buy Black Hawks from the United States was dropped in 2024.",
        "Talk of Serbia acquiring Russian Su-35 fighters faded after 2022.",
        "Kosovo has built up its force with help from the same partners as Croatia.",
        "Thousands have fled fighting this year, many of them into Ethiopia and Sudan.",
        "Mexico and the US talk. The two cartels have been at war for a decade.",
    ],
)
def test_dropped_plans_comparisons_and_refugees_state_nothing(
    extractor: RuleExtractor, text: str
) -> None:
    assert [c for c in extract(extractor, text) if c.kind is not ClaimKind.MEMBERSHIP] == []


def test_an_allegation_by_alleges(extractor: RuleExtractor) -> None:
    text = "A leaked report alleges that Iran supplied drones to the RSF in 2024."
    assert only(extract(extractor, text), "supply", "IRN", "RSF").status is Status.ALLEGED


def test_it_opening_a_sentence_is_the_last_subject_not_an_aside(
    extractor: RuleExtractor,
) -> None:
    text = (
        "Serbia bought drones from China. Kosovo, which Serbia does not recognise, has "
        "modernised its force. It received Javelin missiles from the United States in 2024."
    )
    found = triples(extract(extractor, text))
    assert ("supply", "USA", "XKX") in found
    assert ("supply", "USA", "SRB") not in found


def test_new_armed_groups_and_armies_are_in_the_gazetteer(extractor: RuleExtractor) -> None:
    text = (
        "The South Sudan People's Defence Forces fought the SPLA-IO in Upper Nile, and the "
        "Colombian army clashed with the ELN in Catatumbo."
    )
    found = triples(extract(extractor, text))
    assert ("hostility", "SPLA_IO", "SSD") in found
    assert ("hostility", "COL", "ELN") in found


def test_text_without_sentence_breaks_is_read_in_bounded_pieces(extractor: RuleExtractor) -> None:
    """A one-line dump of 100 kB still gives its claims, each on a piece of bounded length."""
    text = "Turkey delivered drones to Kyrgyzstan in 2022 and " * 2000
    claims = extract(extractor, text)
    assert ("supply", "TUR", "KGZ") in triples(claims)
    spans = [e.end - e.start for c in claims for e in c.evidence]
    assert spans and max(spans) <= MAX_SENTENCE


# -- one side left unsaid, lists, owners, inverse membership, border places -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan has doubled its defence budget. The rivalry with Beijing has since sharpened.",
            ("hostility", "CHN", "JPN"),
        ),
        (
            "Ecuador expelled Russian diplomats in 2024. Relations with Moscow, strained "
            "ever since, have never recovered.",
            ("hostility", "ECU", "RUS"),
        ),
    ],
)
def test_a_tie_with_one_state_is_with_the_state_the_text_is_about(
    extractor: RuleExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(extract(extractor, text))


def test_a_list_of_three_signing_a_declaration_ties_every_pair(extractor: RuleExtractor) -> None:
    text = (
        "In March 2025 the defence ministers of Croatia, Albania and Kosovo signed a joint "
        "declaration on defence cooperation."
    )
    found = triples(extract(extractor, text))
    assert {
        ("affinity", "ALB", "HRV"),
        ("affinity", "ALB", "XKX"),
        ("affinity", "HRV", "XKX"),
    } <= found


@pytest.mark.parametrize(
    "text",
    [
        "The president has called France and Germany Ukraine's natural allies.",
        "France and Germany are Ukraine's allies.",
    ],
)
def test_a_list_named_as_ones_allies_is_allied_with_the_owner_only(
    extractor: RuleExtractor, text: str
) -> None:
    found = triples(extract(extractor, text))
    assert {("affinity", "FRA", "UKR"), ("affinity", "DEU", "UKR")} <= found
    assert ("affinity", "DEU", "FRA") not in found


def test_the_bloc_to_which_states_belong(extractor: RuleExtractor) -> None:
    text = "IGAD, the regional bloc to which both Kenya and Uganda belong, called for talks."
    found = triples(extract(extractor, text))
    assert {("membership", "KEN", "IGAD"), ("membership", "UGA", "IGAD")} <= found


def test_the_border_with_a_state_places_a_clash(extractor: RuleExtractor) -> None:
    found = triples(
        extract(
            extractor,
            "Colombian troops clashed with the ELN along the border with Venezuela. "
            "Clashes on Armenia's border with Azerbaijan killed four soldiers.",
        )
    )
    assert ("hostility", "COL", "ELN") in found
    assert ("hostility", "ARM", "AZE") in found
    assert not {t for t in found if "VEN" in t}


# -- a one-sided tie, a revoked partnership, the army of a supplier's sentence ----


def test_an_obstacle_to_ties_states_no_tie(extractor: RuleExtractor) -> None:
    text = (
        "Peru bought tanks. The border dispute remains the main obstacle to closer ties with Quito."
    )
    assert ("affinity", "ECU", "PER") not in triples(extract(extractor, text))


def test_a_one_sided_tie_goes_to_the_sentence_subject(extractor: RuleExtractor) -> None:
    text = (
        "China and Beijing's allies watched. China sold drones to Kazakhstan in 2020. "
        "Kazakhstan has built its army around Chinese drones, while signing a strategic "
        "partnership with Ankara in 2022."
    )
    found = triples(extract(extractor, text))
    assert ("affinity", "KAZ", "TUR") in found
    assert ("affinity", "CHN", "TUR") not in found


def test_a_revoked_partnership_is_no_affinity(extractor: RuleExtractor) -> None:
    text = "The State Department decertified Bolivia as a partner in counter-narcotics."
    assert not {t for t in triples(extract(extractor, text)) if t[0] == "affinity"}


def test_the_army_a_supplier_arms_is_never_the_supplier(extractor: RuleExtractor) -> None:
    text = (
        "Colombia's army is fighting rebels. Under Plan Colombia, Washington delivered "
        "Black Hawk helicopters to the army."
    )
    found = triples(extract(extractor, text))
    assert ("supply", "USA", "COL") in found
    assert ("supply", "COL", "USA") not in found


# -- buying, donating and giving: who the unnamed recipient is -------------------


def test_a_passive_purchase_goes_to_the_state_the_text_is_about(extractor: RuleExtractor) -> None:
    claims = extract(
        extractor,
        "Ecuador's army is poorly equipped. In 2024 the government agreed to hand over old "
        "equipment to the United States. The equipment had been bought from Russia over "
        "several decades.",
    )
    only(claims, "supply", "RUS", "ECU")
    assert ("supply", "RUS", "USA") not in triples(claims)


def test_it_after_a_year_is_the_giver_and_the_armed_forces_the_text_state(
    extractor: RuleExtractor,
) -> None:
    claims = extract(
        extractor,
        "Ecuador needs help. Washington has been generous: since 2024 it has donated patrol "
        "boats to the armed forces.",
    )
    assert triples(claims) == {("supply", "USA", "ECU")}


def test_the_fleet_takes_up_the_weapon_the_giver_owns(extractor: RuleExtractor) -> None:
    claims = extract(
        extractor,
        "Norway is replacing its F-16s with the F-35, and has given part of the fleet to Romania.",
    )
    assert only(claims, "supply", "NOR", "ROU").weapon == "F-16 Fighting Falcon"


def test_a_state_after_as_is_no_subject_for_it(extractor: RuleExtractor) -> None:
    claims = extract(
        extractor,
        "Kosovo has built up its army with help from the same partners as Croatia. It received "
        "Javelins from the United States and bought Bayraktar drones from Turkey.",
    )
    assert {("supply", "USA", "XKX"), ("supply", "TUR", "XKX")} <= triples(claims)
    assert not {t for t in triples(claims) if t[2] == "HRV"}


def test_negotiating_a_purchase_is_a_planned_supply(extractor: RuleExtractor) -> None:
    claims = extract(
        extractor, "Chile is negotiating the purchase of submarines from France's Naval Group."
    )
    assert only(claims, "supply", "FRA", "CHL").status is Status.PLANNED


# -- parties that are not parties -------------------------------------------------


def test_a_demonym_before_a_group_noun_is_no_recipient_state(extractor: RuleExtractor) -> None:
    assert extract(extractor, "Caracas denied arming any Colombian group.") == []


def test_an_apposition_names_one_member(extractor: RuleExtractor) -> None:
    claims = extract(
        extractor,
        "The plan links Serbia and Hungary, the most friendly EU member state from Belgrade's "
        "point of view.",
    )
    assert {t for t in triples(claims) if t[0] == "membership"} == {("membership", "HUN", "EU")}


def test_the_leader_of_an_organisation_is_no_party_beside_it(extractor: RuleExtractor) -> None:
    claims = extract(
        extractor,
        "Kyrgyzstan and Tajikistan are members of the Russia-led Collective Security Treaty "
        "Organization, whose members fought each other while Moscow looked on.",
    )
    assert ("hostility", "CSTO", "RUS") not in triples(claims)
    assert ("hostility", "RUS", "CSTO") not in triples(claims)
