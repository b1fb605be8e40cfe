"""Source disagreements: the news and the SIPRI register telling different stories."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from allegiance.graph.disagreement import Disagreement, DisagreementKind, disagreements
from allegiance.model import (
    Category,
    Claim,
    ClaimKind,
    Document,
    Evidence,
    Relation,
    Review,
    Status,
)
from allegiance.sources.dataset import Context
from allegiance.sources.importer import import_file
from allegiance.store import Store

REGISTER = (
    Path(__file__).resolve().parent / "fixtures" / "data" / "sipri_trade-register_cp1252-crlf.csv"
)

BRIEF = (
    "In late 2021 Kyrgyzstan received Bayraktar TB2 drones from Turkey. "
    "Kyrgyz and Tajik troops clashed in 2021, and again in September 2022. "
    "In early 2023 Bishkek added Turkish-made Aksungur and Anka drones. "
    "Belarus delivered surface-to-air missile systems to Kyrgyzstan in April 2023. "
    "In May 2022 Iran opened a factory in Tajikistan that builds Ababil-2 drones. "
    "Ukrainian reporters accused Dushanbe of shipping drones to Russia; Tajik officials denied it. "
    "In early 2023 the United States supplied Puma reconnaissance drones to Tajikistan."
)
REPORT = "Leaked invoices show Tajikistan delivered drones to Russia in 2022."


def sentence(doc: Document, fragment: str) -> tuple[int, int, str]:
    start = doc.text.index(fragment)
    end = doc.text.index(".", start) + 1
    return start, end, doc.text[start:end]


def said(
    doc: Document, fragment: str, year: int, status: Status | None = None, **claim: object
) -> Claim:
    start, end, text = sentence(doc, fragment)
    piece = Evidence(
        document_id=doc.id,
        method="rules",
        confidence=0.7,
        start=start,
        end=end,
        text=text,
        status=status,
        since=year,
        until=year,
    )
    kind = ClaimKind.SUPPLY if "weapon" in claim or "category" in claim else ClaimKind.HOSTILITY
    return Claim(kind, start=year, status=status, evidence=(piece,), **claim)  # type: ignore[arg-type]


def brief_claims(doc: Document) -> list[Claim]:
    drone = {"category": Category.DRONE}
    return [
        said(
            doc,
            "In late 2021",
            2021,
            Status.DELIVERED,
            subject="TUR",
            object="KGZ",
            weapon="Bayraktar TB2",
            **drone,
        ),
        said(
            doc,
            "Kyrgyz and Tajik",
            2021,
            subject="KGZ",
            object="TJK",
            relation=Relation.ARMED_CLASH,
        ),
        said(
            doc,
            "Kyrgyz and Tajik",
            2022,
            subject="KGZ",
            object="TJK",
            relation=Relation.ARMED_CLASH,
        ),
        said(
            doc,
            "In early 2023 Bishkek",
            2023,
            Status.DELIVERED,
            subject="TUR",
            object="KGZ",
            weapon="TAI Aksungur",
            **drone,
        ),
        said(
            doc,
            "In early 2023 Bishkek",
            2023,
            Status.DELIVERED,
            subject="TUR",
            object="KGZ",
            weapon="TAI Anka",
            **drone,
        ),
        said(
            doc,
            "Belarus delivered",
            2023,
            Status.DELIVERED,
            subject="BLR",
            object="KGZ",
            category=Category.AIR_DEFENCE,
        ),
        said(
            doc,
            "In May 2022",
            2022,
            Status.LOCAL_PRODUCTION,
            subject="IRN",
            object="TJK",
            weapon="Ababil-2",
            **drone,
        ),
        said(doc, "Ukrainian reporters", 2022, Status.DENIED, subject="TJK", object="RUS", **drone),
        said(
            doc,
            "In early 2023 the United States",
            2023,
            Status.AID,
            subject="USA",
            object="TJK",
            weapon="RQ-20 Puma",
            **drone,
        ),
    ]


@pytest.fixture
def found(store: Store) -> list[Disagreement]:
    import_file(store, "sipri-trade-register", REGISTER, context=Context.load())
    brief = Document.from_text(BRIEF, title="Arms race brief", date=date(2023, 9, 1))
    store.add_document(brief, brief_claims(brief))
    report = Document.from_text(REPORT, title="Investigation", date=date(2023, 10, 1))
    store.add_document(
        report,
        [
            said(
                report,
                "Leaked",
                2022,
                Status.DELIVERED,
                subject="TJK",
                object="RUS",
                category=Category.DRONE,
            )
        ],
    )
    documents = {d.id: d for d in store.documents()}
    return disagreements(store.claims(actors=["KGZ", "TJK"]), documents)


def test_finds_each_kind_of_disagreement(found: list[Disagreement]) -> None:
    assert [(d.kind, d.actors, d.years) for d in found] == [
        (DisagreementKind.NOT_IN_DATASET, ("BLR", "KGZ"), (2023,)),
        (DisagreementKind.NOT_IN_DATASET, ("USA", "TJK"), (2023,)),
        (DisagreementKind.NOT_IN_NEWS, ("RUS", "KGZ"), (2023,)),
        (DisagreementKind.NOT_IN_NEWS, ("RUS", "TJK"), (2022,)),
        (DisagreementKind.STATUS_CONFLICT, ("TJK", "RUS"), (2022,)),
    ]


def test_a_transfer_the_register_lacks_is_explained_with_both_sides(
    found: list[Disagreement],
) -> None:
    belarus = found[0]
    assert belarus.explanation == (
        "News reports say Belarus supplied Kyrgyzstan in 2023 (air defence), but the SIPRI Arms "
        "Transfers Database: trade register, which covers Kyrgyzstan up to 2023, records no "
        "transfer from Belarus to Kyrgyzstan within a year of that."
    )
    news, register = belarus.sides
    assert news.says == "reports the transfer" and len(news.claim_ids) == 1
    assert news.evidence[0].text is not None and news.evidence[0].text.startswith("Belarus")
    assert register.says == "records no such transfer" and register.claim_ids == ()


def test_supply_the_news_is_silent_about_is_explained_with_the_register_rows(
    found: list[Disagreement],
) -> None:
    russia = found[3]
    assert russia.explanation == (
        "The SIPRI Arms Transfers Database: trade register records Russia arming Tajikistan in "
        "2022 (4 TZM-T; 4 TOS-1), but the news reports in the store that cover Tajikistan in "
        "that year mention no supply from Russia."
    )
    register, news = russia.sides
    assert sorted(e.row for e in register.evidence if e.row) == [24, 40]
    assert news.says == "reports no such supply" and news.evidence  # the 2022 clash, the plant
    assert russia.to_dict()["type"] == "source_disagreement"


def test_a_denial_against_a_report_is_a_status_conflict(found: list[Disagreement]) -> None:
    conflict = found[4]
    assert conflict.explanation == (
        "Sources contradict each other on Tajikistan supplying Russia in 2022 (drone): "
        "Investigation says delivered, Arms race brief denies it."
    )
    affirmed, denied = conflict.sides
    assert [e.status for e in affirmed.evidence] == [Status.DELIVERED]
    assert [e.status for e in denied.evidence] == [Status.DENIED]


def test_agreement_and_rejected_evidence_are_not_disagreements(store: Store) -> None:
    brief = Document.from_text(BRIEF, title="Arms race brief", date=date(2023, 9, 1))
    claims = brief_claims(brief)
    store.add_document(brief, claims)
    belarus = next(c for c in store.claims(actor="BLR") if c.kind is ClaimKind.SUPPLY)
    import_file(store, "sipri-trade-register", REGISTER, context=Context.load())
    documents = {d.id: d for d in store.documents()}
    before = {d.actors for d in disagreements(store.claims(), documents)}
    assert ("BLR", "KGZ") in before and ("TUR", "KGZ") not in before
    assert belarus.id is not None
    store.review(belarus.id, Review.REJECTED, "analyst")
    after = {d.actors for d in disagreements(store.claims(), documents)}
    assert ("BLR", "KGZ") not in after
