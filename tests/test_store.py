"""The claim store: round trips, idempotent and atomic ingest, merging, review, queries."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from allegiance.errors import InputError, NotFoundError, StoreError
from allegiance.model import (
    Category,
    Claim,
    ClaimKind,
    Document,
    DocumentKind,
    Evidence,
    Relation,
    Review,
    Status,
)
from allegiance.store import Store
from allegiance.store.connection import migrations

TEXT = (
    "Ankara sold four drones to Bishkek in 2021. "
    "Border guards of the two states clashed in 2022. "
    "Minsk delivered air defence systems to Bishkek in 2023."
)


def article(text: str = TEXT, published: date | None = date(2023, 9, 1)) -> Document:
    return Document.from_text(text, title="A brief", publisher="Desk", date=published)


def span(doc: Document, sentence: str) -> dict[str, object]:
    start = doc.text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def ev(doc: Document, sentence: str, **extra: object) -> Evidence:
    fields = {"method": "test", "confidence": 0.8} | span(doc, sentence) | extra
    return Evidence(document_id=doc.id, **fields)  # type: ignore[arg-type]


def sample_claims(doc: Document) -> list[Claim]:
    first, second, third = (s + "." for s in doc.text.split(". ") if s)
    return [
        Claim(
            ClaimKind.SUPPLY,
            "TUR",
            "KGZ",
            start=2021,
            end=2021,
            weapon="Bayraktar TB2",
            category=Category.DRONE,
            quantity=4,
            status=Status.DELIVERED,
            evidence=(ev(doc, first, status=Status.DELIVERED, since=2021, until=2021),),
        ),
        Claim(
            ClaimKind.HOSTILITY,
            "TJK",
            "KGZ",
            relation=Relation.ARMED_CLASH,
            evidence=(ev(doc, second, since=2022, until=2022),),
        ),
        Claim(
            ClaimKind.SUPPLY,
            "BLR",
            "KGZ",
            start=2023,
            end=2023,
            category=Category.AIR_DEFENCE,
            status=Status.DELIVERED,
            evidence=(ev(doc, third.rstrip("."), status=Status.DELIVERED, since=2023),),
        ),
    ]


def test_round_trip_keeps_claims_evidence_and_document(store: Store) -> None:
    doc = article()
    result = store.add_document(doc, sample_claims(doc))

    assert (result.added, result.claims_new, result.evidence) == (True, 3, 3)
    stored = {c.key: c for c in store.claims()}
    tb2 = stored["supply|TUR|KGZ|Bayraktar TB2|2021"]
    assert (tb2.weapon, tb2.quantity, tb2.category, tb2.status) == (
        "Bayraktar TB2",
        4,
        Category.DRONE,
        Status.DELIVERED,
    )
    (piece,) = tb2.evidence
    assert (
        doc.text[piece.start : piece.end]
        == piece.text
        == "Ankara sold four drones to Bishkek in 2021."
    )
    # Undirected claims are kept in code order, whatever order the source gave.
    clash = stored["hostility|KGZ|TJK"]
    assert (clash.subject, clash.object, clash.start, clash.end) == ("KGZ", "TJK", 2022, 2022)
    again = store.document(doc.id)
    assert (again.title, again.date, again.text) == ("A brief", date(2023, 9, 1), TEXT)


def test_ingesting_the_same_document_twice_adds_nothing(store: Store) -> None:
    doc = article()
    store.add_document(doc, sample_claims(doc))
    before = store.counts()

    result = store.add_document(doc, sample_claims(doc))

    assert result.added is False
    assert store.counts() == before


def test_a_failure_mid_ingest_leaves_the_store_exactly_as_before(store: Store) -> None:
    first = article()
    store.add_document(first, sample_claims(first))
    before = store.counts()
    dump_before = list(store.conn.iterdump())
    second = article(TEXT.replace("2021", "2020"))

    def failing() -> object:
        claims = sample_claims(second)
        yield claims[0]
        yield claims[1]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add_document(second, failing())  # type: ignore[arg-type]

    assert store.counts() == before
    assert list(store.conn.iterdump()) == dump_before


def test_a_sqlite_failure_mid_ingest_rolls_back_too(store: Store) -> None:
    doc = article()
    good = sample_claims(doc)
    foreign = Evidence(document_id="elsewhere", method="t", confidence=0.5, row=3)
    bad = Claim(ClaimKind.HOSTILITY, "ARM", "AZE", evidence=(foreign,))

    with pytest.raises(InputError, match="another document"):
        store.add_document(doc, [*good, bad])

    assert store.counts() == {"documents": 0, "claims": 0, "evidence": 0, "reviews": 0}


def test_two_sources_saying_the_same_thing_make_one_claim(store: Store) -> None:
    one = article()
    store.add_document(one, sample_claims(one))
    other_text = "Turkish TB2 drones reached Kyrgyzstan in 2021, officials said."
    other = Document.from_text(other_text, title="Second", date=date(2023, 10, 1))
    claim = Claim(
        ClaimKind.SUPPLY,
        "TUR",
        "KGZ",
        start=2021,
        end=2021,
        weapon="Bayraktar TB2",
        evidence=(ev(other, other_text, confidence=0.6, status=Status.DELIVERED),),
    )

    result = store.add_document(other, [claim])

    assert (result.claims_new, result.claims_merged) == (0, 1)
    (merged,) = store.claims(kind="supply", actor="TUR")
    assert {e.document_id for e in merged.evidence} == {one.id, other.id}
    # Two independent sources are surer than either: 1 - 0.2 * 0.4.
    assert merged.confidence == pytest.approx(0.92)
    assert merged.quantity == 4


def test_a_specific_category_replaces_a_vague_one_on_merging(store: Store) -> None:
    vague = article("Belarus is now a main source of weapons for Kyrgyzstan.")
    store.add_document(
        vague,
        [
            Claim(
                ClaimKind.SUPPLY,
                "BLR",
                "KGZ",
                start=2023,
                category=Category.OTHER,
                evidence=(ev(vague, vague.text),),
            )
        ],
    )
    exact = article("Belarus delivered air defence systems to Kyrgyzstan in 2023.")
    claim = Claim(
        ClaimKind.SUPPLY,
        "BLR",
        "KGZ",
        start=2023,
        category=Category.AIR_DEFENCE,
        evidence=(ev(exact, exact.text),),
    )

    store.add_document(exact, [claim])

    (merged,) = store.claims(kind="supply", actor="BLR")
    assert (merged.category, len(merged.evidence)) == (Category.AIR_DEFENCE, 2)


def test_a_transfer_dated_a_year_apart_by_two_sources_is_one_claim(store: Store) -> None:
    register = Document(id="d" * 64, title="Register", kind=DocumentKind.DATASET)
    row = Evidence(document_id=register.id, method="register", confidence=0.9, row=12)
    ordered = Claim(
        ClaimKind.SUPPLY, "TUR", "KGZ", start=2022, end=2023, weapon="Aksungur", evidence=(row,)
    )
    store.add_document(register, [ordered])
    news = article("Kyrgyzstan acquired Aksungur drones in 2023.")
    reported = Claim(
        ClaimKind.SUPPLY,
        "TUR",
        "KGZ",
        start=2023,
        weapon="Aksungur",
        evidence=(ev(news, news.text),),
    )

    store.add_document(news, [reported])

    (claim,) = store.claims(kind="supply")
    assert (claim.start, claim.end, len(claim.evidence)) == (2022, 2023, 2)


def test_different_weapons_or_years_stay_apart(store: Store) -> None:
    doc = article()
    claims = sample_claims(doc)
    store.add_document(doc, claims)
    later = article("Ankara sold more drones to Bishkek in 2025.")
    store.add_document(
        later,
        [
            Claim(
                ClaimKind.SUPPLY,
                "TUR",
                "KGZ",
                start=2025,
                weapon="Bayraktar TB2",
                evidence=(ev(later, later.text),),
            )
        ],
    )
    assert len(store.claims(kind="supply", actor="TUR")) == 2


def test_review_is_kept_as_an_audit_trail_and_rejected_claims_drop_out(store: Store) -> None:
    doc = article()
    store.add_document(doc, sample_claims(doc))
    clash = next(c for c in store.claims() if c.kind is ClaimKind.HOSTILITY)
    assert clash.id is not None

    store.review(clash.id, "accepted", "ana")
    rejected = store.review(clash.id, Review.REJECTED, "ben", note="misread")

    assert rejected.review is Review.REJECTED
    assert clash.id not in {c.id for c in store.claims()}
    assert clash.id in {c.id for c in store.claims(include_rejected=True)}
    trail = store.reviews(clash.id)
    assert [(r.decision, r.reviewer, r.note) for r in trail] == [
        (Review.ACCEPTED, "ana", None),
        (Review.REJECTED, "ben", "misread"),
    ]
    assert all(r.at.endswith("+00:00") for r in trail)


def test_rejecting_one_piece_of_evidence_keeps_the_claim(store: Store) -> None:
    doc = article()
    store.add_document(doc, sample_claims(doc))
    other = article("Kyrgyz and Tajik troops fought again in 2022.")
    store.add_document(
        other,
        [
            Claim(
                ClaimKind.HOSTILITY,
                "KGZ",
                "TJK",
                relation=Relation.ARMED_CLASH,
                evidence=(ev(other, other.text, since=2022, until=2022),),
            )
        ],
    )
    (clash,) = store.claims(kind="hostility")
    assert clash.id is not None
    first = clash.evidence[0].id

    store.review(clash.id, "rejected", "ana", evidence_id=first)

    (still,) = store.claims(kind="hostility")
    assert [e.document_id for e in still.evidence] == [other.id]


def test_review_of_unknown_claim_or_bad_decision_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no claim 42"):
        store.review(42, "accepted", "ana")
    doc = article()
    store.add_document(doc, sample_claims(doc))
    with pytest.raises(InputError, match="'maybe'"):
        store.review(1, "maybe", "ana")
    with pytest.raises(InputError, match="reviewer"):
        store.review(1, "accepted", "  ")


def test_queries_filter_by_actor_kind_and_period(store: Store) -> None:
    doc = article()
    store.add_document(doc, sample_claims(doc))

    assert {c.subject for c in store.claims(kind="supply")} == {"TUR", "BLR"}
    assert {c.key for c in store.claims(actor="BLR")} == {"supply|BLR|KGZ||2023"}
    assert {c.subject for c in store.claims(since=2022, kind="supply")} == {"BLR"}
    assert {c.kind for c in store.claims(until=2021)} == {ClaimKind.SUPPLY}
    assert len(store.claims(actors={"TJK", "BLR"})) == 2
    with pytest.raises(InputError, match="'spy'"):
        store.claims(kind="spy")


def test_as_of_keeps_only_what_was_published_by_then(store: Store) -> None:
    early = article("Ankara sold drones to Bishkek in 2021.", published=date(2021, 12, 1))
    late = article(TEXT)
    store.add_document(early, [_tb2(early)])
    store.add_document(late, sample_claims(late))

    then = store.claims(as_of=date(2022, 1, 1))
    now = store.claims(as_of=date(2024, 1, 1))

    assert [len(c.evidence) for c in then] == [1]
    assert sorted(len(c.evidence) for c in now) == [1, 1, 2]


def _tb2(doc: Document) -> Claim:
    return Claim(
        ClaimKind.SUPPLY,
        "TUR",
        "KGZ",
        start=2021,
        weapon="Bayraktar TB2",
        evidence=(ev(doc, doc.text),),
    )


def test_claims_without_evidence_are_refused(store: Store) -> None:
    doc = article()
    with pytest.raises(InputError, match="provenance"):
        store.add_document(doc, [Claim(ClaimKind.HOSTILITY, "KGZ", "TJK")])
    assert store.counts()["documents"] == 0


def test_the_file_is_wal_with_foreign_keys_and_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with Store.open(path) as opened:
        assert opened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert opened.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    raw = sqlite3.connect(path)
    versions = [r[0] for r in raw.execute("SELECT version FROM schema_migrations")]
    assert versions == [v for v, _, _ in migrations()]
    raw.close()
    # Opening again applies nothing twice.
    Store.open(path).close()


def test_the_default_path_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLEGIANCE_DB", str(tmp_path / "env.db"))
    with Store.open() as opened:
        assert opened.path == tmp_path / "env.db"
    monkeypatch.delenv("ALLEGIANCE_DB")
    monkeypatch.chdir(tmp_path)
    with Store.open() as opened:
        assert opened.path == Path("allegiance.db")


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 definitely not sqlite " * 200)
    with pytest.raises(StoreError, match="not a usable allegiance store"):
        Store.open(junk)
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)
