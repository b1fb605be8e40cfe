"""The seed article end to end against its gold annotation (tests/fixtures/gold/seed.json).

The article is third-party text that lives only in ../shared/seeds; the gold file holds
claims and character offsets, never the text. Without the article these tests skip.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from allegiance.extract import default_extractor
from allegiance.extract.scoring import compare, found_triples, gold_triples
from allegiance.model import Claim, ClaimKind, Document, Status

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "seed.json"


@cache
def _extracted(text: str) -> tuple[Document, list[Claim]]:
    doc = Document.from_text(text, "seed")
    return doc, default_extractor().extract(doc)


@pytest.fixture
def seed_claims(seed_text: str) -> tuple[Document, list[Claim]]:
    return _extracted(seed_text)


@pytest.mark.seed
def test_the_gold_file_points_into_the_seed(seed_text: str) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert gold["document_id"] == Document.from_text(seed_text, "seed").id
    for claim in gold["claims"]:
        span = seed_text[claim["evidence"]["start"] : claim["evidence"]["end"]]
        assert span and span == span.strip()


@pytest.mark.seed
def test_every_gold_relation_is_found_and_nothing_else(
    seed_claims: tuple[Document, list[Claim]],
) -> None:
    _, claims = seed_claims
    found, gold = found_triples(claims), gold_triples(GOLD)
    assert sorted(gold - found) == []
    assert sorted(found - gold) == []
    assert compare(found, gold)["micro"].f1 == 1.0


@pytest.mark.seed
def test_the_seeds_weapons_years_and_statuses(seed_claims: tuple[Document, list[Claim]]) -> None:
    _, claims = seed_claims
    supply = {(c.subject, c.object, c.weapon, c.start, c.status) for c in claims}
    assert ("TUR", "KGZ", "Bayraktar TB2", 2021, Status.DELIVERED) in supply
    assert ("TUR", "KGZ", "TAI Aksungur", 2023, Status.DELIVERED) in supply
    assert ("IRN", "TJK", "Ababil-2", 2022, Status.LOCAL_PRODUCTION) in supply
    assert ("TJK", "RUS", None, 2022, Status.ALLEGED) in supply
    assert ("TJK", "RUS", None, 2022, Status.DENIED) in supply
    puma = next(c for c in claims if c.weapon == "RQ-20 Puma")
    assert (puma.subject, puma.object, puma.status, puma.value) == ("USA", "TJK", Status.AID, 2e7)


@pytest.mark.seed
def test_the_seeds_evidence_is_its_sentences(seed_claims: tuple[Document, list[Claim]]) -> None:
    doc, claims = seed_claims
    for claim in claims:
        (evidence,) = claim.evidence
        assert evidence.text == doc.text[evidence.start : evidence.end]
    hedged = [c for c in claims if "not intended to bolster" in (c.evidence[0].text or "")]
    assert [c.kind for c in hedged] == [ClaimKind.SUPPLY]  # the aid, not the negated bolstering
