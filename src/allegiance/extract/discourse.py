"""Carry-over across sentences: who "it", "the country" and "the two nations" are.

Kept conservative: a single anaphor is the last state (or armed group) of the paragraph
that stood as a subject, "it" only one named so in the same paragraph, a pair anaphor
is the last two such actors named together, "the alliance" the last organisation named,
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
# Hits that predicate something: an actor after one in the same clause is its object.
PREDICATES = frozenset({HitType.SUPPLY, HitType.RELATION, HitType.MEMBERSHIP})
# After these an actor completes the predicate ("has become Serbia's main supplier").
COPULAS = frozenset({"is", "was", "become", "became", "becomes", "remains", "remained"})
CLAUSE_BREAKS = (",", ";", ":", " and ", " but ", " while ", " which ", " who ", " - ", "—")
# Anaphors that stand for a state and, as subjects, carry it on.
STATES = frozenset({"single", "pronoun", "military"})
# Words after which "it" is the subject of a new clause ("..., and it bought").
SUBJECT_OPENERS = frozenset({"and", "but", "while", "as", "when", "after", "before", "because"})
SUBJECT_OPENERS |= frozenset({"since", "that", "so", "yet", "although", "though", "where"})
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
    # What may follow a state's name to make its forces ("army", "'s junta").
    forces: tuple[str, ...] = ()
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
    # The next best reading of a single anaphor, for when the best makes a state arm
    # itself ("India has become its biggest source of weapons": not India's).
    alternatives: dict[int, str] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    sentence: int = -1
    pair_at: int = -1
    group: str | None = None
    organisation: str | None = None
    military: str | None = None
    # States named as subjects in this paragraph, and the last one in this sentence.
    subjects: list[str] = field(default_factory=list)
    sentence_subject: str | None = None
    _last_party: tuple[int, str] | None = None
    _predicate_end: int = -1

    def enter(self, paragraph: int, sentence: int) -> None:
        """Start a sentence; a new paragraph forgets its predecessor's topic and year."""
        self.sentence = sentence
        self.sentence_subject = None
        if paragraph == self.paragraph:
            return
        self.paragraph = paragraph
        self.topic = Counter()
        self.recency = {}
        self.year = None
        self.transfer = None
        self.subjects = []
        self._last_party = None

    def read(self, text: str, lowered: str, hits: list[Hit], roles: dict[int, str]) -> None:
        """Take in one sentence's hits: resolve its anaphors, note its subjects and pairs."""
        self._predicate_end = -1
        for hit in hits:
            # Meanings are ranked, actors first: the first entry says whether it is one.
            first = hit.entries[0]
            if first.type in PREDICATES and lowered[hit.start - 2 : hit.start] != ", ":
                # (", given ..." opens a clause rather than taking an object.)
                self._predicate_end = hit.end
            if first.type is HitType.ACTOR:
                if first.actor_kind in PARTIES:
                    self._note_party(lowered, hit, first, roles.get(hit.start, ""))
                elif roles.get(hit.start, "") != "leader":
                    self.organisation = first.code
                continue
            anaphor = hit.first(HitType.ANAPHOR)
            if anaphor is not None:
                self._resolve(lowered, hit, anaphor)

    def _note_party(self, lowered: str, hit: Hit, actor: Entry, role: str) -> None:
        if role in ("origin", "leader"):
            return
        self.topic[actor.code] += 1
        self.counts[actor.code] += 1
        if actor.actor_kind == "group":
            self.group = actor.code
        self.recency[actor.code] = hit.start
        if actor.actor_kind == "state" and self._forces(lowered, hit.end):
            self.military = actor.code
        if not self._oblique(lowered, hit.start) and not self._object(lowered, hit.start):
            self.subject = actor.code
            if actor.actor_kind == "state":
                self.subjects.append(actor.code)
                self.sentence_subject = actor.code
        last = self._last_party
        if last is not None and last[1] != actor.code:
            gap = lowered[last[0] : hit.start]
            if _COORDINATED.match(gap):
                self.pair = (last[1], actor.code)
                self.pair_at = self.sentence
        self._last_party = (hit.end, actor.code)

    def _object(self, lowered: str, start: int) -> bool:
        """Whether a mention follows a predicate of its own clause ("expelled French troops")."""
        before = lowered[max(0, start - 24) : start].split()[-3:]
        if any(w in COPULAS for w in before) or before[-1:] in (["a"], ["an"]):
            # "has become Serbia's main supplier", "Armenia, long a Russian ally, ..."
            return True
        if self._predicate_end < 0:
            return False
        between = lowered[self._predicate_end : start]
        return not any(b in between for b in CLAUSE_BREAKS)

    def _forces(self, lowered: str, end: int) -> bool:
        """Whether a state's name is followed by its forces ("Sudanese army", "Mali's junta")."""
        after = lowered[end : end + 16].lstrip()
        return any(after.startswith(f) for f in self.forces) if after else False

    def _oblique(self, lowered: str, start: int) -> bool:
        """Whether the word before a mention (past "the", "a") is a preposition or the like."""
        words = lowered[max(0, start - 30) : start].split()
        while words and words[-1] in DETERMINERS:
            words.pop()
        return bool(words) and words[-1].strip(",;:(\"'") in self.obliques

    def _resolve(self, lowered: str, hit: Hit, anaphor: Entry) -> None:
        kind = anaphor.anaphor
        found = {
            "single": self._single(lowered, hit, anaphor),
            "group": self.group,
            "pronoun": self._pronoun(lowered, hit.start),
            "organisation": self.organisation,
            "military": self.military or (self.subjects[-1] if self.subjects else None),
        }.get(kind)
        if found is not None:
            self.resolved[hit.start] = (found,)
            other = self._other_subject() if kind in STATES else None
            if other is not None and other != found:
                self.alternatives[hit.start] = other
            if kind in STATES and not self._oblique(lowered, hit.start):
                # "The junta has received drones ..., and it has used them": still Mali.
                self.subjects.append(found)
                self.sentence_subject = found
        elif anaphor.anaphor == "pair":
            pair = self._pair()
            if pair is not None:
                self.resolved[hit.start] = pair

    def _pronoun(self, lowered: str, start: int) -> str | None:
        """ "it": as a subject, the paragraph's last subject state; as an object ("sold it
        drones", "to it"), the last one other than its own sentence's subject."""
        if self._subject_position(lowered, start):
            return self.subjects[-1] if self.subjects else None
        return self._other_subject()

    def _single(self, lowered: str, hit: Hit, anaphor: Entry) -> str | None:
        """ "the country": the last subject; as an object, not its own sentence's subject.

        A possessive ("its", "the country's") stays with the subject: "Beijing regards
        ... its internal affairs".
        """
        possessive = anaphor.text.endswith(("its", "'s"))
        if possessive or self.sentence_subject is None:
            return self.subject
        if self._subject_position(lowered, hit.start):
            return self.subject
        return self._other_subject() or self.subject

    def _other_subject(self) -> str | None:
        return next((c for c in reversed(self.subjects) if c != self.sentence_subject), None)

    @staticmethod
    def _subject_position(lowered: str, start: int) -> bool:
        words = lowered[max(0, start - 30) : start].split()
        before = words[-1].strip("\"'(") if words else ""
        return not before or before in SUBJECT_OPENERS or before[-1] in ",;:"

    def _pair(self) -> tuple[str, ...] | None:
        """The pair just named together, else the two parties the paragraph (else the text)
        names most."""
        if self.pair is not None and self.sentence - self.pair_at <= PAIR_REACH:
            return self.pair
        for counts in (self.topic, self.counts):
            top = [code for code, _ in counts.most_common(2)]
            if len(top) == 2:
                return tuple(top)
        return self.pair

    def recipient(self, supplier: str) -> str | None:
        """The party the paragraph is most about, other than ``supplier``."""
        ranked = [
            (count, self.recency.get(code, -1), code)
            for code, count in self.topic.items()
            if code != supplier
        ]
        return max(ranked)[2] if ranked else None
