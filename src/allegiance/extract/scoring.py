"""How well an extractor agrees with gold annotations: precision, recall and F1 by kind.

Claims are compared on what the alignment graph uses: (kind, subject, object), the
pair sorted for undirected kinds. Gold files are JSON with a ``claims`` list (see
tests/fixtures/gold/seed.json).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from allegiance.errors import InputError
from allegiance.model import UNDIRECTED, Claim, ClaimKind

Triple = tuple[str, str, str]


def triple(kind: str, subject: str, obj: str) -> Triple:
    """The comparable form of a claim: undirected pairs in sorted order."""
    if ClaimKind(kind) in UNDIRECTED and subject > obj:
        subject, obj = obj, subject
    return (kind, subject, obj)


def found_triples(claims: Iterable[Claim]) -> set[Triple]:
    return {triple(str(c.kind), c.subject, c.object) for c in claims}


def gold_triples(path: Path) -> set[Triple]:
    """The (kind, subject, object) triples a gold file records."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {triple(c["kind"], c["subject"], c["object"]) for c in data["claims"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a gold file ({exc})") from exc


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of agreement, and the measures they give."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(found: set[Triple], gold: set[Triple]) -> dict[str, Score]:
    """Scores per claim kind, and over all kinds under "micro"."""
    scores: dict[str, Score] = {}
    for kind in sorted({t[0] for t in found | gold}):
        mine = {t for t in found if t[0] == kind}
        theirs = {t for t in gold if t[0] == kind}
        scores[kind] = Score(len(mine & theirs), len(mine - theirs), len(theirs - mine))
    scores["micro"] = sum(scores.values(), Score())
    return scores
