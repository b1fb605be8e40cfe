"""The extractor's parts: sentences, the prefilter, years, amounts, and injected data."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from allegiance.extract import RuleExtractor
from allegiance.extract.amounts import AmountReader, Money
from allegiance.extract.lexicon import load_lexicon
from allegiance.extract.sentences import split_sentences
from allegiance.extract.years import Period, YearReader
from allegiance.model import ActorKind, Category, Document

LEXICON = load_lexicon()


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, LEXICON.words("abbreviations"))]


def test_sentences_survive_abbreviations_and_initials() -> None:
    text = "Gen. Smith met U.S. envoy John M. Doe in Kabul. They spoke. Then they left!"
    assert sentences(text) == [
        "Gen. Smith met U.S. envoy John M. Doe in Kabul.",
        "They spoke.",
        "Then they left!",
    ]


def test_paragraphs_and_headings_end_sentences_but_soft_wraps_do_not() -> None:
    text = "A headline\n\nTurkey sold drones to Kenya in 2022 and the deal\nwas confirmed later.\n"
    found = split_sentences(text, LEXICON.words("abbreviations"))
    assert [text[s.start : s.end] for s in found] == [
        "A headline",
        "Turkey sold drones to Kenya in 2022 and the deal\nwas confirmed later.",
    ]
    assert [s.paragraph for s in found] == [0, 1]


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("a fresh $20-million aid package", Money(20_000_000, "USD")),
        ("a deal worth US$1.2 billion", Money(1_200_000_000, "USD")),
        ("€300m in aid", Money(300_000_000, "EUR")),
        ("500 million euros of kit", Money(500_000_000, "EUR")),
        ("over $330 million in assistance", Money(330_000_000, "USD")),
    ],
)
def test_money(text: str, money: Money) -> None:
    assert AmountReader(LEXICON).money(text) == money


@pytest.mark.parametrize(
    ("text", "carried", "period"),
    [
        ("in late 2021, bishkek bought drones", None, Period(2021, 2021, explicit=True)),
        ("since 1991 the us has provided aid", None, Period(1991, None, explicit=True)),
        ("from 2021 until july 2024, it trained", None, Period(2021, 2024, explicit=True)),
        ("since the start of 2022, it has sold", None, Period(2022, None, explicit=True)),
        ("bought drones from turkey in 2021", None, Period(2021, 2021, explicit=True)),
        ("they have been rivals for years", 2019, Period(2024, None)),
        ("between 2016 and 2020, israel sold", None, Period(2016, 2020, explicit=True)),
        ("in october of the same year, it sold", 2022, Period(2022, 2022)),
        ("last year, it sold drones", None, Period(2023, 2023, explicit=True)),
        ("a 972-kilometer border", None, Period(2024, 2024)),
    ],
)
def test_years(text: str, carried: int | None, period: Period) -> None:
    assert YearReader(LEXICON).read(text, carried, 2024) == period


# -- a tiny gazetteer and catalogue, injected --------------------------------------


@dataclass(frozen=True)
class Alias:
    text: str
    code: str
    form: str
    case_sensitive: bool = False
    ambiguous: bool = False


@dataclass(frozen=True)
class Actor:
    code: str
    kind: ActorKind


@dataclass(frozen=True)
class Weapon:
    designation: str
    origin: str | None
    category: Category


@dataclass(frozen=True)
class Term:
    text: str
    category: Category


class TinyGazetteer:
    ALIASES = (
        Alias("Freedonia", "FRE", "name"),
        Alias("Freedonian", "FRE", "adjective"),
        Alias("Sylvania", "SYL", "name"),
        Alias("SY", "SYL", "short", case_sensitive=True),
        Alias("FR", "FRE", "code", case_sensitive=True, ambiguous=True),
    )

    def aliases(self) -> list[Alias]:
        return list(self.ALIASES)

    def actor(self, code: str) -> Actor:
        return Actor(code, ActorKind.STATE)


class TinyCatalogue:
    def aliases(self) -> list[tuple[str, Weapon]]:
        return [("Swordfish", Weapon("Swordfish Mk 2", "FRE", Category.MISSILE))]

    def terms(self) -> list[Term]:
        return [Term("drones", Category.DRONE)]


@pytest.fixture(scope="module")
def tiny() -> RuleExtractor:
    return RuleExtractor(gazetteer=TinyGazetteer(), catalogue=TinyCatalogue())


def test_injected_reference_data_is_all_the_extractor_knows(tiny: RuleExtractor) -> None:
    doc = Document.from_text("In 2031 Sylvania bought Swordfish missiles.", "fiction")
    (claim,) = tiny.extract(doc)
    assert (claim.subject, claim.object, claim.weapon, claim.start) == (
        "FRE",
        "SYL",
        "Swordfish Mk 2",
        2031,
    )
    assert tiny.extract(Document.from_text("Turkey sold drones to Kenya.", "real")) == []


def test_the_prefilter_respects_word_boundaries_and_case(tiny: RuleExtractor) -> None:
    text = "Freedonians? Sylvanias! easy sy SY FR Freedonian-made drones"
    texts = [text[h.start : h.end] for h in tiny.patterns.scan(text)]
    assert "Sylvania" not in texts  # "Sylvanias" is not a whole word here
    assert texts.count("SY") == 1 and "sy" not in texts
    assert "FR" not in texts  # a bare code that is also a common token names no one
    assert "Freedonian" in texts and "drones" in texts
