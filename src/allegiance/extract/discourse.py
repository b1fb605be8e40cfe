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
COPULAS |= frozenset({"been", "being", "are", "were"})
_CLAUSE_BREAK = re.compile(r"[,;:—]| (?:and|but|while|which|who|-) ")
# Anaphors that stand for a state and, as subjects, carry it on.
STATES = frozenset({"single", "pronoun", "military", "regime"})
# Words between a list and a "both" or "all" that counts it ("the US and the EU have both").
FLOATING_GAP = frozenset({"", "have", "has", "had", "are", "were", "will", "would", "can"})
# Words after which "it" is the subject of a new clause ("..., and it bought").
SUBJECT_OPENERS = frozenset({"and", "but", "while", "as", "when", "after", "before", "because"})
SUBJECT_OPENERS |= frozenset({"since", "that", "so", "yet", "although", "though", "where"})
# Relative pronouns: a party right after one is the subject of an aside.
RELATIVES = frozenset({"which", "whom"})
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
    forces: re.Pattern[str] = re.compile(r"(?!)")
    # Words that open a clause after a comma (", given", ", prompting").
    openers: frozenset[str] = frozenset()
    # What makes "the Iran-backed ..." an armed group ("movement", "militia").
    group_nouns: re.Pattern[str] = re.compile(r"(?!)")
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
    organisation: str | None = None
    military: str | None = None
    # The state last named with its forces anywhere in the text: "the junta" stays Myanmar's.
    regime: str | None = None
    # The last armed group an insurgent anaphor ("the insurgents") can stand for: not one
    # of ``pro_government`` (a private military company fights for a government).
    insurgent: str | None = None
    pro_government: frozenset[str] = frozenset()
    # Pairs the document has made hostile, latest last: "both armies" in a sentence about
    # fighting is the pair at war, not the last two states named together.
    hostile: list[tuple[str, str]] = field(default_factory=list)
    # The state of the dateline ("BANGUI — ..."): among states named as often, the one
    # "the country" means.
    home: str | None = None
    # The recipient of a transfer an earlier clause of this sentence named ("It received
    # F-16s from the US ..., and South Korean T-50s, delivered in 2017").
    clause_recipient: str | None = None
    # The first party (state or group) this sentence made a subject: "they" in a later
    # clause ("North Korea sent troops ..., where they fought ...").
    sentence_party: str | None = None
    # States named as subjects in this paragraph, and the last one in this sentence.
    subjects: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    states: set[str] = field(default_factory=set)
    first_seen: dict[str, int] = field(default_factory=dict)
    sentence_subject: str | None = None
    # The first state that stood as this sentence's subject ("It left the CSTO ... while
    # signing a partnership with Ankara": Uzbekistan, whatever came after).
    opening_subject: str | None = None
    _last_party: tuple[int, str] | None = None
    _predicate_end: int = -1

    def enter(self, paragraph: int, sentence: int) -> None:
        """Start a sentence; a new paragraph forgets its predecessor's topic and year."""
        self.sentence = sentence
        self.sentence_subject = None
        self.opening_subject = None
        self.sentence_party = None
        self.clause_recipient = None
        if paragraph == self.paragraph:
            return
        self.paragraph = paragraph
        # "The army" is the state last named with its army in this paragraph, else its subject.
        self.military = None
        self.topic = Counter()
        self.recency = {}
        self.year = None
        self.transfer = None
        self.history += self.subjects[-3:]
        self.subjects = []
        self._last_party = None

    def read(self, text: str, lowered: str, hits: list[Hit], roles: dict[int, str]) -> None:
        """Take in one sentence's hits: resolve its anaphors, note its subjects and pairs."""
        self._predicate_end = -1
        for index, hit in enumerate(hits):
            # Meanings are ranked, actors first: the first entry says whether it is one.
            first = hit.entries[0]
            if first.type in PREDICATES and not self._opens_clause(lowered, hit):
                self._predicate_end = hit.end
            if first.type is HitType.ACTOR:
                role = roles.get(hit.start, "")
                if role == "patron" and self.group and self.group_nouns.match(lowered, hit.end):
                    # "the Iran-backed movement": the armed group last named.
                    self.resolved[hit.start] = (self.group,)
                elif first.actor_kind in PARTIES:
                    self._note_party(lowered, hit, first, role)
                elif roles.get(hit.start, "") != "leader":
                    self.organisation = first.code
                continue
            anaphor = first if first.type is HitType.ANAPHOR else None
            if anaphor is None and len(hit.entries) > 1:
                anaphor = hit.first(HitType.ANAPHOR)
            if anaphor is None or _determiner(hit, hits[index + 1 : index + 2]):
                continue
            if _floating(lowered, hit, anaphor, hits[index - 1] if index else None):
                continue
            self._resolve(lowered, hit, anaphor, hits)

    def _note_party(self, lowered: str, hit: Hit, actor: Entry, role: str) -> None:
        if role in ("origin", "leader") or actor.form == "company":
            # An arms maker is what a paragraph says about its state, not what it is about.
            return
        code = actor.code
        state = actor.actor_kind == "state"
        self.topic[code] += 1
        self.counts[code] += 1
        if state:
            self.states.add(code)
            if self.forces.match(lowered, hit.end):
                self.military = self.regime = code
        elif role != "patron":
            # "a PKK-affiliated force": the patron is not the group the text goes on about.
            self.group = code
            if code not in self.pro_government:
                self.insurgent = code
        self.recency[code] = hit.start
        if code not in self.first_seen:
            self.first_seen[code] = hit.start
        before = _words_before(lowered, hit.start)
        # "Kosovo, which Serbia does not recognise, has ...": an aside's subject is not the
        # sentence's.
        aside = bool(before) and before[-1] in RELATIVES
        if not aside and not self._oblique(before) and not self._object(lowered, hit.start, before):
            self.subject = code
            self.sentence_party = self.sentence_party or code
            if state:
                self.subjects.append(code)
                self.sentence_subject = code
                self.opening_subject = self.opening_subject or code
        last = self._last_party
        if last is not None and last[1] != actor.code:
            gap = lowered[last[0] : hit.start]
            if _COORDINATED.match(gap):
                self.pair = (last[1], actor.code)
                self.pair_at = self.sentence
        self._last_party = (hit.end, actor.code)

    def _opens_clause(self, lowered: str, hit: Hit) -> bool:
        """ "..., given Washington's ...": a clause break, not a verb taking an object."""
        return lowered[hit.start - 2 : hit.start] == ", " and (
            lowered[hit.start : hit.end] in self.openers
        )

    def _object(self, lowered: str, start: int, before: list[str]) -> bool:
        """Whether a mention follows a predicate of its own clause ("expelled French troops")."""
        last = before[-3:]
        if not COPULAS.isdisjoint(last) or last[-1:] in (["a"], ["an"]):
            # "has become Serbia's main supplier", "Armenia, long a Russian ally, ..."
            return True
        if self._predicate_end < 0:
            return False
        return _CLAUSE_BREAK.search(lowered, self._predicate_end, start) is None

    def _oblique(self, before: list[str]) -> bool:
        """Whether the word before a mention (past "the", "a") is a preposition or the like."""
        index = len(before) - 1
        while index >= 0 and before[index] in DETERMINERS:
            index -= 1
        return index >= 0 and before[index].strip(",;:(\"'") in self.obliques

    def _resolve(self, lowered: str, hit: Hit, anaphor: Entry, hits: list[Hit]) -> None:
        kind = anaphor.anaphor
        found = self._antecedent(lowered, hit, anaphor)
        if found is not None:
            self.resolved[hit.start] = (found,)
            before = _words_before(lowered, hit.start)
            if kind in ("group", "insurgent") and not self._oblique(before):
                # "when the group ... began its war": "its" is the group's.
                self.subject = found
            possessive = anaphor.text.endswith(("'s", "its", "their"))
            if (
                kind in STATES
                and not possessive
                and not self._oblique(before)
                and COPULAS.isdisjoint(before[-2:])
            ):
                # "has been the junta's most dependable supplier": no subject of its own.
                # "The junta has received drones ..., and it has used them": still Mali.
                self.subjects.append(found)
                self.sentence_subject = found
                self.opening_subject = self.opening_subject or found
        elif anaphor.anaphor == "pair":
            pair = self._pair()
            if any(_hostile(h) for h in hits):
                pair = self._belligerents(pair)
            if pair is not None:
                self.resolved[hit.start] = pair

    def _antecedent(self, lowered: str, hit: Hit, anaphor: Entry) -> str | None:
        """The one actor an anaphor of one actor stands for, by its kind."""
        kind = anaphor.anaphor
        if kind == "single":
            return self._single(lowered, hit, anaphor)
        if kind == "pronoun":
            return self._pronoun(lowered, hit.start)
        if kind == "military":
            return self._military()
        if kind == "plural":
            return self._plural()
        return {
            "group": self.group,
            "insurgent": self.insurgent,
            "organisation": self.organisation,
            "regime": self.regime or self.military,
        }.get(kind)

    def _military(self) -> str | None:
        """ "the army": the state named with its forces in this paragraph, else the one the
        paragraph last saw armed, else the one last named with its forces, else the
        paragraph's last subject state."""
        if self.military is not None:
            return self.military
        if self.transfer is not None:
            return self.transfer.recipient
        return self.regime or (self.subjects[-1] if self.subjects else None)

    def _plural(self) -> str | None:
        """ "they": the one party this sentence opened with, not a list of them."""
        party = self.sentence_party
        if party is None or (self.pair_at == self.sentence and self.pair and party in self.pair):
            return None
        return party

    def _pronoun(self, lowered: str, start: int) -> str | None:
        """ "it": as a subject, the paragraph's last subject state; as an object ("sold it
        drones", "to it"), the state the paragraph is most about (the rules pass over
        one that would arm itself)."""
        if self._subject_position(lowered, start):
            return self.subjects[-1] if self.subjects else None
        return self.salient()

    def salient(
        self, other_than: str | frozenset[str] | None = None, *, paragraph: bool = False
    ) -> str | None:
        """The state the paragraph, else the text (unless ``paragraph``), is most about (the
        first named first among equals: a paragraph opens with what it is about), other than
        ``other_than``."""
        excluded = {other_than} if isinstance(other_than, str) else other_than or frozenset()
        for counts in (self.topic,) if paragraph else (self.topic, self.counts):
            best: tuple[int, int, int] | None = None
            found = None
            for code, count in counts.items():
                if code in excluded or code not in self.states:
                    continue
                key = (count, int(code == self.home), -self.first_seen[code])
                if best is None or key > best:
                    best, found = key, code
            if found is not None:
                return found
        return None

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
        return self.salient() or self.subject

    def _other_subject(self) -> str | None:
        """The last subject state other than this sentence's: in the paragraph, else before."""
        for subjects in (self.subjects, self.history):
            found = next((c for c in reversed(subjects) if c != self.sentence_subject), None)
            if found is not None:
                return found
        return None

    @staticmethod
    def _subject_position(lowered: str, start: int) -> bool:
        words = _words_before(lowered, start)
        before = words[-1].strip("\"'(") if words else ""
        # A sentence's first word is its subject too ("... its force. It received ...").
        # "since 2024 it has donated ...": a year opening the clause.
        year = len(before) == 4 and before.isdigit()
        return not before or year or before in SUBJECT_OPENERS or before[-1] in ",;:.!?"

    def _belligerents(self, pair: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """ "Both armies" beside a fighting word: the pair the text is at war about, unless
        the pair just named together is as much what it is about ("US and Chinese diplomats
        attended ... The fighting offered a look at both armies' equipment")."""
        if not self.hostile:
            return pair
        main = max(self.hostile, key=lambda p: sum(self.counts[c] for c in p))
        if pair is None or sum(self.counts[c] for c in pair) < sum(self.counts[c] for c in main):
            return main
        return pair

    def _pair(self) -> tuple[str, ...] | None:
        """The pair just named together, else the last two states the paragraph made
        subjects before this sentence's ("Russia remains the main supplier of both"),
        else the two parties the paragraph (else the text) names most."""
        if self.pair is not None and self.sentence - self.pair_at <= PAIR_REACH:
            return self.pair
        recent: list[str] = []
        for code in reversed(self.subjects):
            if code != self.sentence_subject and code not in recent:
                recent.append(code)
        if len(recent) >= 2:
            return (recent[1], recent[0])
        for counts in (self.topic, self.counts):
            top = [code for code, _ in counts.most_common(2)]
            if len(top) == 2:
                return tuple(top)
        return self.pair

    def main(self, other_than: str) -> str | None:
        """The state the whole text names most (its home among equals), other than one."""
        ranked = [
            (count, int(code == self.home), -self.first_seen.get(code, 0), code)
            for code, count in self.counts.items()
            if code != other_than and code in self.states
        ]
        return max(ranked)[3] if ranked else None

    def recipient(self, supplier: str) -> str | None:
        """The party the paragraph is most about, other than ``supplier``; in a paragraph
        that names no other, the state the text is most about."""
        # Among equals, the one named first: a paragraph opens with what it is about.
        ranked = [
            (count, -self.first_seen.get(code, 0), code)
            for code, count in self.topic.items()
            if code != supplier
        ]
        if ranked:
            return max(ranked)[2]
        return self.salient(other_than=supplier)


def _hostile(hit: Hit) -> bool:
    relation = hit.entries[0].relation
    return relation is not None and str(relation.kind) == "hostility"


def _floating(lowered: str, hit: Hit, anaphor: Entry, previous: Hit | None) -> bool:
    """ "The US and the EU both sanctioned ...": "both" counts the list just named."""
    if anaphor.text.lower() not in ("both", "all") or previous is None:
        return False
    if previous.entries[0].type not in (HitType.ACTOR, HitType.ANAPHOR):
        return False
    return lowered[previous.end : hit.start].strip() in FLOATING_GAP


def _determiner(hit: Hit, following: list[Hit]) -> bool:
    """ "both Kigali and Kinshasa": "both" before the names it counts is no anaphor."""
    return (
        bool(following)
        and following[0].start - hit.end <= 1
        and following[0].entries[0].type in (HitType.ACTOR, HitType.ANAPHOR)
    )


def _words_before(lowered: str, start: int) -> list[str]:
    """The words in the 30 characters before ``start``."""
    return lowered[max(0, start - 30) : start].split()


def forces_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """What makes a state's forces of its name: "Sudanese army", "Mali's junta"."""
    return re.compile(rf"(?:'s|')?\s+(?:{_alternatives(words)})\b")


def nouns_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A noun right after a name ("Iran-backed movement")."""
    return re.compile(rf"\s+(?:{_alternatives(words)})\b")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
