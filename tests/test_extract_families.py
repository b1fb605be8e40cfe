"""Phrasing families the rules must read beyond the development articles' wording.

Every sentence here is our own. Each family holds several constructions of one kind
(passives, nominals, appositions, coordination, verbs, modality, memberships,
hostility and affinity wording) and sentences that name states without a claim.
"""

from __future__ import annotations

from datetime import date

import pytest

from allegiance.extract import RuleExtractor
from allegiance.model import Claim, ClaimKind, Document, Status

Triple = tuple[str, str, str]


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def extract(extractor: RuleExtractor, text: str, published: date | None = None) -> list[Claim]:
    return extractor.extract(Document.from_text(text, "test", date=published))


def found(extractor: RuleExtractor, text: str) -> set[Triple]:
    return {(str(c.kind), c.subject, c.object) for c in extract(extractor, text)}


def supplies(extractor: RuleExtractor, text: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in extract(extractor, text) if c.kind is ClaimKind.SUPPLY}


def check_supply(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    got = supplies(extractor, text)
    assert got == expected, f"{text!r}: {got}"


# -- supply: passives --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armoured vehicles were delivered to Kenya by the United Arab Emirates.",
            {("ARE", "KEN")},
        ),
        ("Morocco was supplied with Heron drones by Israel in 2014.", {("ISR", "MAR")}),
        ("Nigeria was sold twelve Super Tucano aircraft by the United States.", {("USA", "NGA")}),
        ("Harop drones were delivered to Azerbaijan in 2016.", {("ISR", "AZE")}),
        ("Sixty tanks were handed over to Ukraine by Poland last year.", {("POL", "UKR")}),
        ("The Kenyan army has been equipped with Chinese armoured vehicles.", {("CHN", "KEN")}),
        ("Two frigates were transferred to the Philippine navy by South Korea.", {("KOR", "PHL")}),
    ],
)
def test_passives(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    check_supply(extractor, text, expected)


# -- supply: possessives and nominals ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing's shipment of armed drones to Myanmar drew protests.", {("CHN", "MMR")}),
        ("The sale of F-16 jets to Turkey was approved by Congress.", {("USA", "TUR")}),
        ("Russian arms deliveries to Myanmar continued in 2023.", {("RUS", "MMR")}),
        ("Turkey's transfer of Akinci drones to Niger was confirmed.", {("TUR", "NER")}),
        ("The Pentagon notified Congress of the sale of 40 tanks to Romania.", {("USA", "ROU")}),
        ("Washington's $2 billion sale of missiles to Taipei angered Beijing.", {("USA", "TWN")}),
    ],
)
def test_nominals(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    check_supply(extractor, text, expected)


# -- supply: appositions, relative clauses, double objects -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Serbia, which bought Pantsir systems from Russia in 2020, is rearming.",
            {("RUS", "SRB")},
        ),
        ("Israel, which sold Hermes drones to Azerbaijan, denies any bias.", {("ISR", "AZE")}),
        ("Iran sent Russia hundreds of Shahed drones in 2022.", {("IRN", "RUS")}),
        ("Paris sold Athens 24 Rafale jets.", {("FRA", "GRC")}),
        ("Poland, the biggest buyer of Korean arms, received K9 howitzers.", {("KOR", "POL")}),
        (
            "Pakistan's main arms supplier is China, which also sold it eight submarines.",
            {("CHN", "PAK")},
        ),
    ],
)
def test_appositions_and_relatives(
    extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]
) -> None:
    check_supply(extractor, text, expected)


# -- supply: coordinated suppliers and recipients ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Germany, France and Italy delivered air defence systems to Ukraine.",
            {("DEU", "UKR"), ("FRA", "UKR"), ("ITA", "UKR")},
        ),
        (
            "Turkey sold TB2 drones to Poland, Ukraine and Morocco.",
            {("TUR", "POL"), ("TUR", "UKR"), ("TUR", "MAR")},
        ),
        (
            "Norway and Denmark donated F-16 jets to Kyiv.",
            {("NOR", "UKR"), ("DNK", "UKR")},
        ),
        (
            "Sudan's army received Mohajer-6 drones from Iran and TB2s from Turkey.",
            {("IRN", "SDN"), ("TUR", "SDN")},
        ),
    ],
)
def test_coordination(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    check_supply(extractor, text, expected)


# -- supply: verbs beyond sell and supply ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey equipped the Somali army with armoured vehicles.", {("TUR", "SOM")}),
        ("Iran arms Hezbollah with rockets and drones.", {("IRN", "HEZBOLLAH")}),
        ("China bolstered Cambodia's navy with two corvettes.", {("CHN", "KHM")}),
        ("Japan furnished Vietnam with six patrol vessels.", {("JPN", "VNM")}),
        ("The Netherlands handed over F-16 jets to Romania.", {("NLD", "ROU")}),
        ("Lithuania gifted armoured vehicles to Ukraine.", {("LTU", "UKR")}),
        ("Japan donated patrol boats to Sri Lanka.", {("JPN", "LKA")}),
        ("India leased a nuclear submarine from Russia.", {("RUS", "IND")}),
        ("The United States leased Reaper drones to Poland.", {("USA", "POL")}),
        ("Egypt co-produces K9 howitzers with South Korea.", {("KOR", "EGY")}),
        ("India licensed the production of Su-30MKI fighters from Russia.", {("RUS", "IND")}),
        ("Algeria assembles Russian-designed armoured vehicles.", {("RUS", "DZA")}),
        ("Bangladesh procured air defence systems from China.", {("CHN", "BGD")}),
        ("Vietnam imports most of its weapons from Russia.", {("RUS", "VNM")}),
        ("Armenia now sources artillery from India.", {("IND", "ARM")}),
        ("Qatar took delivery of its first Typhoon jets in 2022.", {("DEU", "QAT")}),
        ("Ethiopia fields Chinese Wing Loong drones.", {("CHN", "ETH")}),
        ("The Nigerian air force operates Chinese-made CH-4 drones.", {("CHN", "NGA")}),
        ("Russia gave Laos a batch of Yak-130 trainers.", {("RUS", "LAO")}),
    ],
)
def test_verbs(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    check_supply(extractor, text, expected)


# -- money and quantities ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Greece ordered Rafale jets from France for $1.5bn.", 1_500_000_000, "USD"),
        ("Greece ordered Rafale jets from France for 1.2 billion euros.", 1_200_000_000, "EUR"),
        ("Greece ordered Rafale jets from France in a deal worth €3 bn.", 3_000_000_000, "EUR"),
        ("India ordered Rafale jets from France for Rs 2,000 crore.", 20_000_000_000, "INR"),
        ("Britain sold Typhoon jets to Qatar for £5 billion.", 5_000_000_000, "GBP"),
        ("Poland ordered K9 howitzers from South Korea for USD 2.4 billion.", 2.4e9, "USD"),
    ],
)
def test_money(extractor: RuleExtractor, text: str, value: float, unit: str) -> None:
    (claim,) = [c for c in extract(extractor, text) if c.kind is ClaimKind.SUPPLY]
    assert (claim.value, claim.value_unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Turkey sold 24 TB2 drones to Poland.", 24),
        ("Turkey sold two dozen TB2 drones to Poland.", 24),
        ("Turkey sold more than 100 TB2 drones to Poland.", 100),
        ("Turkey sold some 30 TB2 drones to Poland.", 30),
        ("Turkey sold a batch of six TB2 drones to Poland.", 6),
        ("Turkey sold 1,200 Kirpi vehicles to Ukraine.", 1200),
    ],
)
def test_quantities(extractor: RuleExtractor, text: str, quantity: int) -> None:
    (claim,) = [c for c in extract(extractor, text) if c.kind is ClaimKind.SUPPLY]
    assert claim.quantity == quantity


# -- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Turkey sold TB2 drones to Poland last March.", 2024),
        ("Turkey sold TB2 drones to Poland in the spring of 2022.", 2022),
        ("In 2019 Poland ordered F-35 jets. Turkey had sold TB2s to it two years earlier.", 2017),
        (
            "Poland signed for F-35 jets in 2019. The following year Turkey sold it TB2 drones.",
            2020,
        ),
        ("Turkey sold TB2 drones to Poland in fiscal 2021.", 2021),
    ],
)
def test_dates(extractor: RuleExtractor, text: str, year: int) -> None:
    claims = extract(extractor, text, published=date(2024, 5, 1))
    claim = next(c for c in claims if (c.subject, c.object) == ("TUR", "POL"))
    assert claim.start == year


# -- memberships -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden acceded to NATO in March 2024.", {("SWE", "NATO")}),
        ("Croatia, a member state of the EU, adopted the euro.", {("HRV", "EU")}),
        ("Poland and fellow NATO member Lithuania held talks.", {("POL", "NATO"), ("LTU", "NATO")}),
        (
            "NATO held its summit in Vilnius. Finland, the alliance's newest member, took part.",
            {("FIN", "NATO")},
        ),
        ("Egypt and Ethiopia joined BRICS in 2024.", {("EGY", "BRICS"), ("ETH", "BRICS")}),
        ("Hungary, also in NATO and the EU, opposed the plan.", {("HUN", "NATO"), ("HUN", "EU")}),
        ("Indonesia became a full member of BRICS in 2025.", {("IDN", "BRICS")}),
        ("Burkina Faso left ECOWAS in January 2025.", set()),
        ("Mali was suspended from the African Union after the coup.", set()),
        ("Ukraine hopes to join NATO one day.", set()),
        ("Georgia's bid to join the EU has stalled.", set()),
    ],
)
def test_memberships(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    got = {(s, o) for k, s, o in found(extractor, text) if k == "membership"}
    assert got == expected, f"{text!r}: {got}"


# -- hostility ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The EU imposed sanctions on Belarus in 2020.", ("BLR", "EU")),
        ("Belarus has been under EU sanctions since 2020.", ("BLR", "EU")),
        ("Armenian forces shelled Azerbaijani positions overnight.", ("ARM", "AZE")),
        ("Turkey downed a Russian jet near the Syrian border in 2015.", ("RUS", "TUR")),
        ("India and China fought a border skirmish in 2020.", ("CHN", "IND")),
        ("Saudi Arabia and Iran have waged a proxy war in Yemen.", ("IRN", "SAU")),
        ("Ties between Rwanda and Burundi have been strained for years.", ("BDI", "RWA")),
        ("Relations between Algeria and Morocco soured in 2021.", ("DZA", "MAR")),
        ("Morocco severed relations with Iran in 2018.", ("IRN", "MAR")),
        ("Algeria cut diplomatic ties with Morocco in 2021.", ("DZA", "MAR")),
        ("Somalia expelled Ethiopia's ambassador in April.", ("ETH", "SOM")),
        ("Greece expelled the Libyan ambassador in 2019.", ("GRC", "LBY")),
        ("Venezuela lays claim to two-thirds of Guyana's territory.", ("GUY", "VEN")),
        ("Chinese vessels fired water cannon at Philippine boats.", ("CHN", "PHL")),
    ],
)
def test_hostility(extractor: RuleExtractor, text: str, pair: tuple[str, str]) -> None:
    assert ("hostility", *pair) in found(extractor, text)


# -- affinity ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Russia and North Korea signed a mutual defence treaty in 2024.", ("PRK", "RUS")),
        ("Greece signed a defence pact with France in 2021.", ("FRA", "GRC")),
        ("Turkey and Somalia signed a defence agreement in 2024.", ("SOM", "TUR")),
        ("Vietnam and Australia upgraded their ties to a strategic partnership.", ("AUS", "VNM")),
        ("Egyptian and Greek warships held joint naval drills off Crete.", ("EGY", "GRC")),
        ("Cuba, a close ally of Venezuela, sent advisers.", ("CUB", "VEN")),
        ("India and the United States signed a defence framework in 2025.", ("IND", "USA")),
    ],
)
def test_affinity(extractor: RuleExtractor, text: str, pair: tuple[str, str]) -> None:
    assert ("affinity", *pair) in found(extractor, text)


# -- negation, hypotheticals and plans ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Japan has not sold weapons to Taiwan.",
        "Germany refused to send Taurus missiles to Ukraine.",
        "India is considering buying Su-57 jets from Russia.",
        "Serbia could buy Rafale jets from France.",
        "Brazil declined to sell ammunition to Germany.",
        "Officials denied that Iran had ever armed the Houthis.",
    ],
)
def test_no_transfer_stated(extractor: RuleExtractor, text: str) -> None:
    assert [
        c
        for c in extract(extractor, text)
        if c.kind is ClaimKind.SUPPLY and c.status is not Status.DENIED
    ] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Egypt plans to buy J-10C fighters from China.", ("CHN", "EGY")),
        ("Turkey is expected to receive F-16 jets from the United States.", ("USA", "TUR")),
        ("Morocco intends to purchase Caesar howitzers from France.", ("FRA", "MAR")),
    ],
)
def test_plans_are_planned(extractor: RuleExtractor, text: str, pair: tuple[str, str]) -> None:
    (claim,) = [c for c in extract(extractor, text) if c.kind is ClaimKind.SUPPLY]
    assert ((claim.subject, claim.object), claim.status) == (pair, Status.PLANNED)


# -- reported speech ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Officials in Kyiv said Iran had shipped Shahed drones to Russia by sea.", ("IRN", "RUS")),
        (
            "According to the Pentagon, North Korea has sent artillery shells to Russia.",
            ("PRK", "RUS"),
        ),
        ("Russia will deliver more S-400 systems to India, the Kremlin said.", ("RUS", "IND")),
    ],
)
def test_reported_speech(extractor: RuleExtractor, text: str, pair: tuple[str, str]) -> None:
    assert ("supply", *pair) in found(extractor, text)


# -- two states, no claim ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish president visited Baku on Monday.",
        "Trade talks between India and the United Kingdom resumed in London.",
        "Kenya's neighbour Somalia held elections in May.",
        "Armenia borders Iran and Turkey.",
        "French and German ministers met in Paris to discuss farm subsidies.",
        "Chinese exports to Vietnam rose by 12 percent last year.",
        "The Egyptian foreign minister flew to Ankara for talks on Libya.",
        "Russia supplies most of Armenia's gas.",
        "Poland sent humanitarian aid to Ukraine.",
        "Pakistan's cricket team toured India in the winter.",
        "Jamaica sent soldiers and police to Haiti.",
        "Chinese tourists flocked to Thailand over the holiday.",
        "The Saudi crown prince hosted the Iranian president in Riyadh.",
    ],
)
def test_two_states_without_a_claim(extractor: RuleExtractor, text: str) -> None:
    assert found(extractor, text) == set(), text


# -- who "it", "its", "both" and "the group" are -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya is rearming. Turkey has become its main source of drones.", {("TUR", "KEN")}),
        (
            "Algeria and Egypt rearmed in the 2010s. Russia was the main supplier of both.",
            {("RUS", "DZA"), ("RUS", "EGY")},
        ),
        (
            "Hezbollah fired rockets at Israel. The Iran-backed group has received drones "
            "from Tehran.",
            {("IRN", "HEZBOLLAH")},
        ),
        ("The Houthis, whom Iran arms, attacked ships in the Red Sea.", {("IRN", "HOUTHIS")}),
        (
            "Turkish TB2 drones, Chinese-made CH-4 drones supplied by Jordan and Iranian "
            "Mohajer-6 drones were seen at Sudanese air bases.",
            {("TUR", "SDN"), ("JOR", "SDN"), ("IRN", "SDN")},
        ),
        (
            "Qatar plans to buy more Eurofighter jets, which Britain is expected to supply.",
            {("GBR", "QAT")},
        ),
        ("India and Russia jointly produce BrahMos missiles.", {("RUS", "IND")}),
        ("Algeria bolstered its navy with Russian-built submarines.", {("RUS", "DZA")}),
        ("Egypt became the first foreign customer of France's Rafale.", {("FRA", "EGY")}),
        ("Ghana has since added Chinese K-8 jets.", {("CHN", "GHA")}),
    ],
)
def test_who_is_meant(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    check_supply(extractor, text, expected)


# -- relations in lists, asides and shows of force ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Qatar keeps close ties with both Washington and Tehran.",
            {("affinity", "QAT", "USA"), ("affinity", "IRN", "QAT")},
        ),
        (
            "Egypt, Sudan and Chad pledged to coordinate their security.",
            {("affinity", "EGY", "SDN"), ("affinity", "EGY", "TCD"), ("affinity", "SDN", "TCD")},
        ),
        (
            "Japan, a close ally of the United States, signed a defence pact with the Philippines.",
            {("affinity", "JPN", "USA"), ("affinity", "JPN", "PHL")},
        ),
        (
            "The United States and the European Union imposed sanctions on Myanmar's generals.",
            {("hostility", "MMR", "USA"), ("hostility", "EU", "MMR")},
        ),
        (
            "Ethiopia and Egypt have quarrelled over the Nile dam for years.",
            {("hostility", "EGY", "ETH")},
        ),
        (
            "Israel and Hezbollah traded fire across the border.",
            {("hostility", "HEZBOLLAH", "ISR")},
        ),
        ("Ugandan troops are hunting the ADF in eastern Congo.", {("hostility", "ADF", "UGA")}),
        ("Burundi sent troops to help Mozambique's army.", {("affinity", "BDI", "MOZ")}),
        ("Iran held drills near the Azerbaijani border.", {("hostility", "AZE", "IRN")}),
        ("Mali expelled French troops in 2022.", {("hostility", "FRA", "MLI")}),
        ("Niger and Burkina Faso have suffered attacks by militants crossing from Mali.", set()),
        ("Niger ended its security pact with the European Union.", set()),
        (
            "Saudi Arabia, a partner of the UAE in the Yemen war, bought THAAD batteries.",
            {
                ("affinity", "ARE", "SAU"),
                ("supply", "USA", "SAU"),
            },
        ),
    ],
)
def test_relations_in_context(
    extractor: RuleExtractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert found(extractor, text) == expected, text


def test_a_headline_states_nothing(extractor: RuleExtractor) -> None:
    text = "Ankara, Cairo and the fight against al-Shabaab\n\nSomalia welcomed new partners."
    assert found(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France is now Greece's second-largest military backer.", {("FRA", "GRC")}),
        ("Lithuania pledged 0.1 percent of its GDP to Ukraine's military.", {("LTU", "UKR")}),
        ("Poland bought artillery shells on world markets for Ukraine.", {("POL", "UKR")}),
        ("Turkey trained and paid the Somali coast guard.", {("TUR", "SOM")}),
        (
            "Russia built the base, and, according to diplomats, shipped missiles to Syria.",
            {("RUS", "SYR")},
        ),
        (
            "Australia gave patrol boats to several island states, including Fiji and Tonga.",
            {("AUS", "FJI"), ("AUS", "TON")},
        ),
        ("Turkish drones sold to Libya's government were used near Sirte.", {("TUR", "LBY")}),
        ("India ordered Rafale jets for its air force.", {("FRA", "IND")}),
    ],
)
def test_more_voices(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    check_supply(extractor, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar and Turkey form a rival camp.", set()),
        ("Russia has a naval base in Syria.", {("affinity", "RUS", "SYR")}),
        ("Beijing and Islamabad call each other iron brothers.", {("affinity", "CHN", "PAK")}),
        ("Saudi Arabia has backed Sudan's army.", {("affinity", "SAU", "SDN")}),
        (
            "Chinese ships fired water cannon at Vietnamese fishing boats.",
            {("hostility", "CHN", "VNM")},
        ),
        ("China donated water cannon trucks to Cambodia's police.", set()),
    ],
)
def test_more_relations(
    extractor: RuleExtractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert found(extractor, text) == expected, text
