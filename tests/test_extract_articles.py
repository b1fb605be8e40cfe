"""Our own test articles about other conflicts, against the gold beside each."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.extract import default_extractor
from allegiance.extract.scoring import Score, compare, found_triples, gold_triples
from allegiance.sources.news import read_article

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
GOLD = sorted(ARTICLES.glob("*.gold.json"))


def source_of(gold: Path) -> Path:
    stem = gold.name.removesuffix(".gold.json")
    return next(p for p in ARTICLES.glob(stem + ".*") if not p.name.endswith(".json"))


def test_there_are_development_and_held_out_articles() -> None:
    splits = [g.name.split("_")[0] for g in GOLD]
    assert splits.count("dev") >= 8
    assert splits.count("heldout") + splits.count("heldout2") >= 4


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_offsets_point_at_sentences(gold: Path) -> None:
    import json

    doc = read_article(source_of(gold))
    data = json.loads(gold.read_text(encoding="utf-8"))
    assert data["document_id"] == doc.id
    for claim in data["claims"]:
        span = doc.text[claim["evidence"]["start"] : claim["evidence"]["end"]]
        assert span and span == span.strip()


def test_development_articles_reach_the_accuracy_target() -> None:
    total = Score()
    for gold in [g for g in GOLD if g.name.startswith("dev_")]:
        claims = default_extractor().extract(read_article(source_of(gold)))
        total = total + compare(found_triples(claims), gold_triples(gold))["micro"]
    assert total.f1 >= 0.85, total


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_every_claims_evidence_is_a_span_of_its_document(gold: Path) -> None:
    doc = read_article(source_of(gold))
    for claim in default_extractor().extract(doc):
        (evidence,) = claim.evidence
        assert doc.text[evidence.start : evidence.end] == evidence.text
        assert 0 < evidence.confidence <= 1
