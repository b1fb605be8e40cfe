"""Accuracy and speed of the rule extractor.

Run: ``.venv/bin/python benchmarks/extraction.py [--articles N] [--baseline N]``

Accuracy: precision, recall and F1 over (kind, subject, object), per claim kind and
micro-averaged, on the seed article (when ../shared/seeds is here) and on the test
articles in tests/fixtures/articles (development set and the two held-out sets apart).

Speed: articles/s and MB/s of CPU time on one core (process time, so that other
work on a shared machine counts against neither side) over a corpus of ~1,000-word
articles built, with a fixed seed, from the test articles' paragraphs and filler
paragraphs written for this benchmark, against the plain spaCy pipeline (blank
English, sentencizer and a PhraseMatcher over the same gazetteer, catalogue and
trigger words) as baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allegiance.extract import RuleExtractor
from allegiance.extract.scoring import Score, compare, found_triples, gold_triples
from allegiance.model import Document
from allegiance.sources.news import read_article

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
SEED = ROOT.parent / "shared" / "seeds" / "000_df8cc909d86006aa.txt"
SEED_GOLD = ROOT / "tests" / "fixtures" / "gold" / "seed.json"
WORDS_PER_ARTICLE = 1000
# Share of paragraphs drawn from the conflict articles: a general news stream, and a
# feed of conflict analysis as dense as the seed article.
CONFLICT_SHARES = (0.25, 0.5)

SPLITS = (
    ("dev", "development articles"),
    ("heldout", "held-out set 1 (scored blind once, then read to find general fixes)"),
    ("heldout2", "held-out set 2 (blind: written after the last rule change)"),
    ("dev2", "development set 2"),
)
# Paragraphs about nothing the extractor looks for, as much of any news page is.
FILLER = [
    "The city council met on Tuesday evening to discuss the new budget for public libraries, "
    "which have seen visitor numbers climb since the renovation of the central reading room. "
    "Several members asked for longer opening hours at weekends, and the finance committee "
    "promised to look at the costs before the next session in the spring.",
    "Heavy rain is expected across the coastal region over the weekend, the meteorological "
    "office said, with up to forty millimetres falling in some valleys. Farmers welcomed the "
    "forecast after a dry summer that left reservoirs at their lowest level in a decade, but "
    "officials warned drivers to take care on mountain roads.",
    "The national football team secured its place in the final tournament with a two-goal win "
    "on Saturday night. The coach praised the young midfielders who came off the bench in the "
    "second half and said the squad would spend the winter working on set pieces.",
    "Consumer prices rose by 0.3 percent last month, slightly less than economists had "
    "expected, as cheaper fuel offset higher food costs. The central bank is expected to keep "
    "interest rates on hold at its next meeting, according to a survey of analysts.",
    "A new exhibition of early photography opened at the national museum this week, bringing "
    "together more than two hundred prints from private collections. Curators said the show "
    "traces how studio portraits gave way to street scenes as cameras became lighter.",
    "The university announced plans to build a second campus on the edge of the capital, with "
    "room for eight thousand students and a new teaching hospital. Construction is due to start "
    "next year, pending approval from the planning authority.",
    "Tourism officials reported a record number of visitors to the old town during the summer "
    "festival, which featured open-air concerts, food markets and a parade of folk dance "
    "groups. Hotel occupancy reached ninety percent in the last week of July.",
    "Doctors at the regional hospital have begun a trial of a new treatment for chronic back "
    "pain that combines physiotherapy with short courses of medication. Early results are "
    "encouraging, the lead researcher said, but the study will run for another two years.",
    "The railway company said the line between the two largest cities would close for three "
    "weekends in October while engineers replace signals and worn sections of track. Replacement "
    "buses will run every half hour, and tickets bought in advance will be refunded.",
    "A local bakery that has been run by the same family for four generations won a national "
    "award for its rye bread. The owners said the recipe had barely changed since their "
    "great-grandmother opened the shop, apart from a new oven installed last spring.",
    "Parliament passed a law on Thursday that will require new buildings to include charging "
    "points for electric cars. The measure takes effect in two years and applies to homes and "
    "offices alike, with grants available for small businesses.",
    "Scientists monitoring the lake say the number of migrating birds stopping there in autumn "
    "has doubled since wetlands along its northern shore were restored. Volunteers counted more "
    "than forty species during the annual survey last month.",
]


def pin_to_one_core() -> None:
    """Measure on one core, as the target is stated."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


# -- accuracy ----------------------------------------------------------------


def gold_documents(split: str) -> list[tuple[Document, Path]]:
    pairs = []
    for gold in sorted(ARTICLES.glob(f"{split}_*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        source = next(p for p in ARTICLES.glob(stem + ".*") if not p.name.endswith(".json"))
        pairs.append((read_article(source), gold))
    return pairs


def evaluate(extractor: RuleExtractor, pairs: list[tuple[Document, Path]]) -> dict[str, Score]:
    totals: dict[str, Score] = defaultdict(Score)
    for doc, gold in pairs:
        for kind, score in compare(
            found_triples(extractor.extract(doc)), gold_triples(gold)
        ).items():
            totals[kind] = totals[kind] + score
    totals["micro"] = totals["micro"] + Score()
    return dict(totals)


def print_scores(title: str, scores: dict[str, Score]) -> None:
    print(f"\n{title}")
    print(f"  {'kind':<11}{'P':>6}{'R':>6}{'F1':>6}   tp  fp  fn")
    for kind in [k for k in sorted(scores) if k != "micro"] + ["micro"]:
        s = scores[kind]
        print(
            f"  {kind:<11}{s.precision:6.2f}{s.recall:6.2f}{s.f1:6.2f}"
            f"  {s.true_positives:3d} {s.false_positives:3d} {s.false_negatives:3d}"
        )


def accuracy(extractor: RuleExtractor) -> None:
    if SEED.exists():
        doc = Document.from_text(SEED.read_text(encoding="utf-8"), "seed")
        scores = compare(found_triples(extractor.extract(doc)), gold_triples(SEED_GOLD))
        print_scores("seed article (tests/fixtures/gold/seed.json)", scores)
    else:
        print(f"\nseed article: skipped, {SEED} is not here (it lives only in ../shared/seeds)")
    for split, title in SPLITS:
        pairs = gold_documents(split)
        print_scores(
            f"{title} ({len(pairs)} in tests/fixtures/articles)", evaluate(extractor, pairs)
        )


# -- speed -------------------------------------------------------------------


def corpus(size: int, share: float = 0.5, seed: int = 20251127) -> list[Document]:
    """``size`` articles of ~1,000 words: test-article paragraphs mixed with filler."""
    rng = random.Random(seed)
    conflict = [
        para.strip()
        for split, _ in SPLITS
        for doc, _ in gold_documents(split)
        for para in doc.text.split("\n")
        if len(para.split()) > 20
    ]
    docs = []
    for number in range(size):
        paragraphs: list[str] = []
        while sum(len(p.split()) for p in paragraphs) < WORDS_PER_ARTICLE:
            pool = conflict if rng.random() < share else FILLER
            paragraphs.append(rng.choice(pool))
        text = "\n\n".join(paragraphs)
        docs.append(Document.from_text(text, f"bench {number}"))
    return docs


def spacy_baseline(extractor: RuleExtractor) -> Callable[[Document], object]:
    """Blank English + sentencizer + a PhraseMatcher over the same patterns."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    texts = extractor.patterns.texts()
    tokenizer: Any = nlp.tokenizer
    matcher.add("ANY", list(tokenizer.pipe(texts)))

    def run(doc: Document) -> int:
        return len(matcher(nlp(doc.text)))

    return run


def throughput(label: str, run: Callable[[Document], object], docs: list[Document]) -> float:
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    started = time.process_time()
    for doc in docs:
        run(doc)
    elapsed = time.process_time() - started
    rate = len(docs) / elapsed
    mb = size / elapsed / 1e6
    print(f"  {label:<38}{rate:7.0f} articles/s {mb:6.2f} MB/s  ({len(docs)} articles)")
    return rate


def speed(extractor: RuleExtractor, articles: int, baseline: int) -> None:
    run = spacy_baseline(extractor)
    for share in CONFLICT_SHARES:
        docs = corpus(articles, share)
        words = sum(len(d.text.split()) for d in docs) / len(docs)
        print(
            f"\nthroughput on one core: {len(docs)} articles, {words:.0f} words each on average, "
            f"{share:.0%} of paragraphs from the test articles"
        )
        for doc in docs[:20]:
            extractor.extract(doc)  # warm the tokenizer's cache, as a long run would
        mine = throughput("allegiance RuleExtractor", extractor.extract, docs)
        theirs = throughput("spaCy blank+sentencizer+PhraseMatcher", run, docs[:baseline])
        print(f"  ratio: {mine / theirs:.1f}x the spaCy baseline (target: 500 articles/s)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--baseline", type=int, default=300, help="articles for the baseline")
    args = parser.parse_args(argv)
    pin_to_one_core()
    extractor = RuleExtractor()
    print(f"extractor {extractor.name}: {extractor.patterns.size} patterns")
    accuracy(extractor)
    speed(extractor, args.articles, args.baseline)


if __name__ == "__main__":
    main(sys.argv[1:])
