"""SIPRI trade register: the publisher's file in, supply claims and per-record TIV out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from allegiance.model import (
    Category,
    Claim,
    ClaimKind,
    Document,
    DocumentKind,
    Evidence,
    Status,
)
from allegiance.sources import sipri
from allegiance.sources.dataset import Context, IssueKind, Parsed, Source
from allegiance.sources.importer import import_file, parse, store_parsed
from allegiance.sources.table import Record, RowError
from allegiance.store import Store
from allegiance.store.transfers import records

DATA = Path(__file__).resolve().parent / "fixtures" / "data"
PUBLISHER = DATA / "sipri_trade-register_cp1252-crlf.csv"
SUBSET = DATA / "sipri_trade-register_utf8-lf_kgz.csv"


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


@pytest.fixture(scope="module")
def parsed(context: Context) -> Parsed:
    return parse("sipri-trade-register", Source.from_path(PUBLISHER), context)


def by_row(parsed: Parsed, line: int) -> Claim:
    (found,) = [c for c in parsed.claims if c.evidence[0].row == line]
    return found


def test_the_fixture_is_in_the_publishers_encoding_and_line_endings() -> None:
    data = PUBLISHER.read_bytes()
    assert b"\r\n" in data
    assert "Kiliç".encode("cp1252") in data and "Türkiye".encode("cp1252") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_reads_every_record_and_reports_what_it_skips(parsed: Parsed) -> None:
    # 45 records: 15 Kyrgyz, 25 Tajik, the two-line Thai one, Kiliç, DR Congo, Uzbekistan, a bad one
    assert parsed.rows == 45
    assert len(parsed.claims) == 42
    assert [(i.line, i.kind) for i in parsed.issues] == [
        (11, IssueKind.UNATTRIBUTED),
        (45, IssueKind.UNATTRIBUTED),
        (47, IssueKind.MALFORMED),
    ]
    assert str(parsed.issues[2]) == "line 47: year of order is not a number: '2O21'"


def test_a_record_broken_by_a_line_break_in_comments_is_joined_and_keeps_its_first_line(
    parsed: Parsed,
) -> None:
    thai = by_row(parsed, 42)
    assert (thai.subject, thai.object, thai.weapon) == ("UKR", "THA", "BTR-3")
    assert (thai.quantity, thai.delivered, thai.delivery_years) == (14, 13, (2010, 2012))
    assert thai.value == 3.5 and thai.value_unit == "TIV"


def test_windows_1252_names_are_read_and_resolved(parsed: Parsed) -> None:
    kilic = by_row(parsed, 44)
    assert (kilic.subject, kilic.object, kilic.weapon) == ("DEU", "TUR", "Kiliç")
    assert kilic.status is Status.LOCAL_PRODUCTION  # "produced under licence in Turkey"
    uzbek = by_row(parsed, 46)
    assert uzbek.subject == "TUR"  # "Türkiye"
    assert uzbek.evidence[0].text is not None and "Türkiye" in uzbek.evidence[0].text


def test_bracketed_uncertain_numbers_are_numbers(parsed: Parsed) -> None:
    uzbek = by_row(parsed, 46)
    assert (uzbek.quantity, uzbek.delivered, uzbek.delivery_years) == (4, 4, (2023,))


def test_a_multi_year_delivery_list_sets_delivery_years_and_the_end(parsed: Parsed) -> None:
    tb2 = next(c for c in parsed.claims if c.weapon == "Bayraktar TB2" and c.object == "KGZ")
    assert (tb2.start, tb2.end, tb2.delivery_years) == (2021, 2022, (2021, 2022))
    assert tb2.category is Category.DRONE and tb2.status is Status.DELIVERED
    assert tb2.value == 7.2
    (piece,) = tb2.evidence
    assert piece.row == 15 and (piece.since, piece.until) == (2021, 2022)
    assert piece.text == (
        "SIPRI: Turkiye → Kyrgyzstan, 3 Bayraktar TB2 (armed UAV), ordered 2021, "
        "delivered 2021; 2022"
    )


def test_designations_are_the_catalogues_where_it_knows_the_weapon(parsed: Parsed) -> None:
    weapons = {c.evidence[0].row: c.weapon for c in parsed.claims}
    assert weapons[2] == "Bayraktar Akinci"  # SIPRI: "Akinci"
    assert weapons[19] == "Tiger (China)"  # China's APV, not Russia's Tigr
    assert weapons[27] == "Tigr"  # Russia's


def test_an_order_not_yet_delivered_is_ordered(parsed: Parsed) -> None:
    anka = next(c for c in parsed.claims if c.weapon == "TAI Anka")
    assert (anka.status, anka.delivered, anka.delivery_years) == (Status.ORDERED, 0, ())
    assert (anka.start, anka.end) == (2022, 2022)


@pytest.mark.parametrize(
    ("delivered", "comments", "status"),
    [
        (2, "", Status.DELIVERED),
        (0, "", Status.ORDERED),
        (None, "Delivery from 2024", Status.ORDERED),
        (9, "Second-hand; aid; P-18 version", Status.AID),
        (1, "Aid", Status.AID),
        (10, "Possibly aid", Status.DELIVERED),
        (0, "Produced under licence in Tajikistan", Status.LOCAL_PRODUCTION),
        (0, "Assembled/produced under licence in Kazakhstan", Status.LOCAL_PRODUCTION),
        (5, "Licensed production in Turkey", Status.LOCAL_PRODUCTION),
        (131, "possibly assembled or produced under licence in Kazakhstan", Status.DELIVERED),
    ],
)
def test_status_follows_deliveries_and_the_comments(
    delivered: int | None, comments: str, status: Status
) -> None:
    assert sipri.status(delivered, comments) is status


def test_a_record_with_the_wrong_number_of_fields_is_malformed() -> None:
    with pytest.raises(RowError, match="expected 16 fields, found 3"):
        sipri.parse_row(Record(7, ("Kyrgyzstan", "Turkiye", "2021")))


def test_the_utf8_subset_reads_like_the_publishers_export(context: Context) -> None:
    def facts(path: Path) -> set[tuple[object, ...]]:
        found = parse("sipri-trade-register", Source.from_path(path), context)
        return {
            (c.subject, c.object, c.weapon, c.start, c.end, c.quantity, c.delivered, c.value)
            for c in found.claims
            if c.object == "KGZ"
        }

    subset = facts(SUBSET)
    assert len(subset) == 14
    assert subset == facts(PUBLISHER)


def test_import_stores_claims_evidence_rows_and_the_dataset(store: Store, context: Context) -> None:
    report = import_file(store, "sipri-trade-register", PUBLISHER, context=context)
    assert report.added and report.rows == 45 and report.values == 42
    (doc,) = store.documents()
    assert doc.kind is DocumentKind.DATASET
    assert doc.title == "SIPRI Arms Transfers Database: trade register"
    assert doc.version == "export, data to 2023" and doc.licence and "SIPRI" in doc.licence
    assert doc.path == str(PUBLISHER)
    claims = store.claims(kind=ClaimKind.SUPPLY)
    assert sum(len(c.evidence) for c in claims) == 42
    assert sorted(e.row for c in claims for e in c.evidence if e.row is not None)[:3] == [2, 3, 4]
    # Two Tajik BTR-70 orders a year apart (2015, 2017) are one transfer to the store...
    btr = [c for c in claims if c.object == "TJK" and c.weapon == "BTR-70"]
    assert len(btr) == 1 and sorted(e.row for e in btr[0].evidence) == [28, 32]
    # ...but each record keeps its numbers for the build-up.
    assert len(records(store, ["TJK"])) == 25


def test_importing_the_same_file_again_changes_nothing(store: Store, context: Context) -> None:
    import_file(store, "sipri-trade-register", PUBLISHER, context=context)
    before = store.counts()
    again = import_file(store, "sipri-trade-register", PUBLISHER, context=context)
    assert not again.added
    assert store.counts() == before


def test_a_failure_mid_import_leaves_the_store_as_it_was(store: Store, context: Context) -> None:
    article = Document.from_text("Ankara sold drones to Bishkek in 2021.", title="News")
    store.add_document(article, [news_claim(article, "Bayraktar TB2", 2021)])
    before = store.counts()
    found = parse("sipri-trade-register", Source.from_path(PUBLISHER), context)

    def crash(done: int) -> None:
        if done == 20:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        store_parsed(store, "sipri-trade-register", found, progress=crash)
    assert store.counts() == before
    assert store.conn.execute("SELECT count(*) FROM transfer_records").fetchone()[0] == 0
    assert import_file(store, "sipri-trade-register", PUBLISHER, context=context).added


def test_a_failure_writing_the_tiv_records_rolls_the_claims_back(
    store: Store, context: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = parse("sipri-trade-register", Source.from_path(PUBLISHER), context)

    def broken(*_: object) -> Iterator[int]:
        raise RuntimeError("constraint failed")

    broke = Parsed(found.document, found.claims, found.rows, found.issues, broken)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        store_parsed(store, "sipri-trade-register", broke)
    assert store.counts() == {"documents": 0, "claims": 0, "evidence": 0, "reviews": 0}


def news_claim(doc: Document, weapon: str, year: int) -> Claim:
    return Claim(
        ClaimKind.SUPPLY,
        "TUR",
        "KGZ",
        start=year,
        weapon=weapon,
        category=Category.DRONE,
        status=Status.DELIVERED,
        evidence=(
            Evidence(
                document_id=doc.id,
                method="rules",
                confidence=0.7,
                start=0,
                end=len(doc.text),
                text=doc.text,
                status=Status.DELIVERED,
                since=year,
                until=year,
            ),
        ),
    )


def test_a_news_report_and_a_register_row_of_one_transfer_are_one_claim(
    store: Store, context: Context
) -> None:
    text = (
        "In late 2021 Kyrgyzstan received Bayraktar TB2 drones from Turkey. "
        "In early 2023 Bishkek added Turkish-made Aksungur drones."
    )
    article = Document.from_text(text, title="Brief", date=date(2023, 9, 1))
    store.add_document(
        article,
        [news_claim(article, "Bayraktar TB2", 2021), news_claim(article, "TAI Aksungur", 2023)],
    )
    import_file(store, "sipri-trade-register", PUBLISHER, context=context)
    drones = {c.weapon: c for c in store.claims(actor="KGZ", kind="supply") if c.subject == "TUR"}
    for weapon, row in (("Bayraktar TB2", 15), ("TAI Aksungur", 12)):
        claim = drones[weapon]
        assert {e.document_id for e in claim.evidence} == {article.id, store.documents()[1].id}
        assert sorted(e.row for e in claim.evidence if e.row is not None) == [row]
    # SIPRI dates the Aksungur deal by its order (2022); the news by the delivery (2023).
    assert drones["TAI Aksungur"].start == 2023
    assert drones["TAI Aksungur"].quantity == 2
