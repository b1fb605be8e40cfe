"""Dyad-years into claims: one claim per pair of states, one piece of evidence per run of years.

Directed dyad-year files list each pair twice (A→B and B→A); both land on
the same undirected pair here, so the tie is counted once and its evidence
row is the first line, in either direction, of each run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from allegiance.model import RELATION_STRENGTH, Claim, ClaimKind, Evidence, Relation
from allegiance.sources.dataset import DATASET_CONFIDENCE
from allegiance.sources.runs import Run, runs

Pair = tuple[str, str]
# Renders one run as evidence text: the pair, the run, and the labels seen in it.
RunText = Callable[[Pair, Run, list[str]], str]


def pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


@dataclass
class DyadYears:
    """The years each undirected pair is tied, with the first line and labels of each year."""

    lines: dict[Pair, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    labels: dict[Pair, dict[int, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )
    relations: dict[Pair, dict[int, Relation]] = field(default_factory=lambda: defaultdict(dict))

    def add(
        self,
        a: str,
        b: str,
        year: int,
        line: int,
        labels: Iterable[str] = (),
        relation: Relation | None = None,
    ) -> None:
        key = pair(a, b)
        years = self.lines[key]
        years[year] = min(years.get(year, line), line)
        self.labels[key][year].update(labels)
        if relation is not None:
            self.relations[key][year] = _stronger(self.relations[key].get(year), relation)

    def claims(
        self, kind: ClaimKind, relation: Relation, method: str, document_id: str, text: RunText
    ) -> list[Claim]:
        """One claim per pair; ``relation`` unless a year recorded a stronger one."""
        return [
            self._claim(key, kind, relation, method, document_id, text)
            for key in sorted(self.lines)
        ]

    def _claim(
        self,
        key: Pair,
        kind: ClaimKind,
        relation: Relation,
        method: str,
        document_id: str,
        text: RunText,
    ) -> Claim:
        found = runs(self.lines[key])
        evidence = tuple(
            Evidence(
                document_id=document_id,
                method=method,
                confidence=DATASET_CONFIDENCE,
                row=run.line,
                since=run.since,
                until=run.until,
                text=text(key, run, self._labels(key, run)),
            )
            for run in found
        )
        strongest = relation
        for year_relation in self.relations[key].values():
            strongest = _stronger(strongest, year_relation)
        return Claim(
            kind,
            key[0],
            key[1],
            start=found[0].since,
            end=found[-1].until,
            relation=strongest,
            evidence=evidence,
        )

    def _labels(self, key: Pair, run: Run) -> list[str]:
        seen: set[str] = set()
        for year in range(run.since, run.until + 1):
            seen |= self.labels[key].get(year, set())
        return sorted(seen)

    def relation_in(self, key: Pair, run: Run, default: Relation) -> Relation:
        """The strongest relation recorded in one run's years."""
        strongest = default
        for year in range(run.since, run.until + 1):
            found = self.relations[key].get(year)
            strongest = _stronger(strongest, found) if found else strongest
        return strongest


def _stronger(old: Relation | None, new: Relation) -> Relation:
    if old is None or RELATION_STRENGTH[new] > RELATION_STRENGTH[old]:
        return new
    return old


def years_text(run: Run) -> str:
    return str(run.since) if run.since == run.until else f"{run.since}–{run.until}"
