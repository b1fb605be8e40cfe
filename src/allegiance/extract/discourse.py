"""Carry-over across sentences: who "it", "the country" and "the two nations" are.

Kept conservative: a single anaphor is the last state (or armed group) of the paragraph
that stood as a subject, a pair anaphor is the last two such actors named together,
and a recipient left unsaid is the one the paragraph is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from allegiance.extract.patterns import Entry, Hit, HitType
from allegiance.model import Claim

PARTIES = frozenset({"state", "group"})
# A pair named together stays "the two countries" for this many sentences.
PAIR_REACH = 1
DETERMINERS = frozenset({"the", "a", "an"})
_COORDINATED = re.compile(r"^(?:\s*(?:and|or|&|,|-|–|'s|'|the)\s*)+$")


@dataclass(frozen=True, slots=True)
class Transfer:
    """The last transfer a paragraph described, for sentences that go on about it."""

    supplier: str
    recipient: str
    claim: Claim


@dataclass(slots=True)
class Discourse:
    """What the text has said so far, read in order, hit by hit."""

    obliques: frozenset[str]
    paragraph: int = -1
    subject: str | None = None
    pair: tuple[str, ...] | None = None
    topic: Counter[str] = field(default_factory=Counter)
    recency: dict[str, int] = field(default_factory=dict)
    year: int | None = None
    transfer: Transfer | None = None
    alleged: list[Claim] = field(default_factory=list)
    alleged_at: int = -1
    resolved: dict[int, tuple[str, ...]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    sentence: int = -1
    pair_at: int = -1
    group: str | None = None
    _last_party: tuple[int, str] | None = None

    def enter(self, paragraph: int, sentence: int) -> None:
        """Start a sentence; a new paragraph forgets its predecessor's topic and year."""
        self.sentence = sentence
        if paragraph == self.paragraph:
            return
        self.paragraph = paragraph
        self.topic = Counter()
        self.recency = {}
        self.year = None
        self.transfer = None
        self._last_party = None

    def read(self, text: str, lowered: str, hits: list[Hit], roles: dict[int, str]) -> None:
        """Take in one sentence's hits: resolve its anaphors, note its subjects and pairs."""
        for hit in hits:
            # Meanings are ranked, actors first: the first entry says whether it is one.
            first = hit.entries[0]
            if first.type is HitType.ACTOR:
                if first.actor_kind in PARTIES:
                    self._note_party(lowered, hit, first, roles.get(hit.start, ""))
                continue
            anaphor = hit.first(HitType.ANAPHOR)
            if anaphor is not None:
                self._resolve(hit, anaphor)

    def _note_party(self, lowered: str, hit: Hit, actor: Entry, role: str) -> None:
        if role in ("origin", "leader"):
            return
        self.topic[actor.code] += 1
        self.counts[actor.code] += 1
        if actor.actor_kind == "group":
            self.group = actor.code
        self.recency[actor.code] = hit.start
        if not self._oblique(lowered, hit.start):
            self.subject = actor.code
        last = self._last_party
        if last is not None and last[1] != actor.code:
            gap = lowered[last[0] : hit.start]
            if _COORDINATED.match(gap):
                self.pair = (last[1], actor.code)
                self.pair_at = self.sentence
        self._last_party = (hit.end, actor.code)

    def _oblique(self, lowered: str, start: int) -> bool:
        """Whether the word before a mention (past "the", "a") is a preposition or the like."""
        words = lowered[max(0, start - 30) : start].split()
        while words and words[-1] in DETERMINERS:
            words.pop()
        return bool(words) and words[-1].strip(",;:(\"'") in self.obliques

    def _resolve(self, hit: Hit, anaphor: Entry) -> None:
        if anaphor.anaphor == "single" and self.subject is not None:
            self.resolved[hit.start] = (self.subject,)
        elif anaphor.anaphor == "group" and self.group is not None:
            self.resolved[hit.start] = (self.group,)
        elif anaphor.anaphor == "pair":
            pair = self._pair()
            if pair is not None:
                self.resolved[hit.start] = pair

    def _pair(self) -> tuple[str, ...] | None:
        """The pair just named together, else the two parties the text names most."""
        if self.pair is not None and self.sentence - self.pair_at <= PAIR_REACH:
            return self.pair
        top = [code for code, _ in self.counts.most_common(2)]
        return tuple(top) if len(top) == 2 else self.pair

    def recipient(self, supplier: str) -> str | None:
        """The party the paragraph is most about, other than ``supplier``."""
        ranked = [
            (count, self.recency.get(code, -1), code)
            for code, count in self.topic.items()
            if code != supplier
        ]
        return max(ranked)[2] if ranked else None
