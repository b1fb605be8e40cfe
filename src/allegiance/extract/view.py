"""One sentence as the rules see it: spaCy tokens, the mentions on them, and clauses.

Only sentences that pass the prefilter get here; they are tokenized with spaCy's
tokenizer and every prefilter hit is laid onto tokens, so the rules can ask what
stands before or after a mention ("to", "from", "'s") and where a clause ends.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

from spacy.attrs import IDX, LENGTH, SPACY

from allegiance.extract.lexicon import Lexicon
from allegiance.extract.patterns import Entry, Hit, HitType
from allegiance.extract.sentences import Sentence

DETERMINERS = frozenset({"the", "a", "an", "its", "their"})
POSSESSIVE = frozenset({"'s", "'", "’s", "’"})
MODIFIER_FORMS = frozenset({"demonym", "adjective", "origin"})
RELATIVE_OPENERS = frozenset({("which",), ("who",), ("whose",)})
# Words that open an aside about the party before a comma (", a close ally of X,").
APPOSITION_OPENERS = frozenset({"a", "an", "the", "one", "another", "its", "long", "also"})
DASHES = frozenset({"—", "–", "-", "--"})
# Mentions that say something happened: after ", and X" one of them opens a new clause.
PREDICATES = frozenset({HitType.SUPPLY, HitType.RELATION, HitType.MEMBERSHIP})


class Mention(NamedTuple):
    """A prefilter hit laid onto tokens, with what the words around it say about it.

    A named tuple for the same reason as :class:`Hit`: many per sentence, made fast.

    ``role`` is "origin" ("Turkish-made drones"), "modifier" (a demonym before a
    weapon: "Iranian drones"), "based" ("a UAE-based company"), "patron"
    ("Iran-backed"), "leader" ("Russia-led"), "member" (an organisation naming a
    membership: "an EU member state") or "" for a plain mention.
    """

    type: HitType
    entry: Entry
    first: int
    last: int
    start: int
    end: int
    codes: tuple[str, ...] = ()
    role: str = ""
    possessive: bool = False
    marker: str = ""

    @property
    def party(self) -> bool:
        """Whether the mention names actors (directly or through an anaphor)."""
        return bool(self.codes) and self.type in (HitType.ACTOR, HitType.ANAPHOR)

    @property
    def armament(self) -> bool:
        return self.type in (HitType.WEAPON, HitType.TERM)


@dataclass(frozen=True, slots=True)
class Clause:
    """A token range that holds one predication; ``attribution`` starts its source part.

    A relative clause (", which ...") and the main clause it interrupts have an
    ``antecedent``: the token before which their unnamed subject was last named.
    """

    first: int
    end: int
    attribution: int
    antecedent: int = -1
    # The sentence opened with its source ("According to the Pentagon, ...").
    reported: bool = False

    def holds(self, mention: Mention) -> bool:
        return self.first <= mention.first and mention.last < self.attribution


@dataclass(frozen=True, slots=True)
class View:
    sentence: Sentence
    text: str
    words: tuple[str, ...]
    spaced: tuple[bool, ...]
    starts: tuple[int, ...]
    mentions: tuple[Mention, ...]
    clauses: tuple[Clause, ...]
    members: dict[tuple[int, int], list[Mention]]

    def between(self, left: Mention, right: Mention) -> tuple[str, ...]:
        return self.words[left.last + 1 : right.first]

    def in_clause(self, clause: Clause) -> list[Mention]:
        """The mentions of one clause, outside its attribution (do not modify)."""
        return self.members[(clause.first, clause.end)]

    def clause_text(self, clause: Clause) -> str:
        end = self.starts[clause.end] if clause.end < len(self.starts) else len(self.text)
        return self.text[self.starts[clause.first] : end]

    def opens_with(self, phrases: tuple[str, ...]) -> bool:
        """Whether the sentence opens with one of ``phrases`` ("The plant ...", "The deal ...")."""
        head = self.text[:40].lower()
        return any(head.startswith(p + " ") for p in phrases)


class ViewBuilder:
    """Tokenizes a sentence and lays its hits onto the tokens."""

    def __init__(self, tokenizer: Any, lexicon: Lexicon) -> None:
        self._tokenizer = tokenizer
        self._obliques = lexicon.words("obliques") | lexicon.words("places")
        self._roles: dict[tuple[str, str, str], str] = {}
        self._origin = lexicon.words("origin_suffixes")
        self._patron = lexicon.words("patron_suffixes")
        self._leader = lexicon.words("leader_suffixes")
        self._coordinators = lexicon.words("coordinators")
        # Words that cannot stand between a demonym and the weapon it describes.
        self._apart = lexicon.words("prepositions") | {",", ";", ":", "(", ")"}
        self._breaks: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._phrases(lexicon.discourse["clause_breaks"]):
            self._breaks.setdefault(phrase[0], []).append(phrase)
        self._break_words = frozenset(self._breaks) | DASHES
        self._attribution = self._phrases(lexicon.discourse["attribution"])
        self._attribution_starts = {p[0] for p in self._attribution}
        self._subordinators: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._phrases(lexicon.discourse["subordinators"]):
            self._subordinators.setdefault(phrase[0], []).append(phrase)

    def _phrases(self, phrases: tuple[str, ...]) -> list[tuple[str, ...]]:
        out = [tuple(t.lower_ for t in self._tokenizer(p.strip())) for p in phrases]
        return sorted({p for p in out if p}, key=len, reverse=True)

    def build(
        self, plain: str, sentence: Sentence, hits: list[Hit], resolved: dict[int, tuple[str, ...]]
    ) -> View:
        text = plain[sentence.start : sentence.end]
        doc = self._tokenizer(text)
        # Arrays, not Token objects: making a Token per word costs more than tokenizing.
        rows = doc.to_array([IDX, LENGTH, SPACY]).tolist()
        lowered = text.lower() if len(text.lower()) == len(text) else text
        starts = [row[0] for row in rows]
        words = tuple([lowered[row[0] : row[0] + row[1]] for row in rows])
        spaced = tuple([bool(row[2]) for row in rows])
        mentions = [self._mention(hit, sentence.start, starts, words, resolved) for hit in hits]
        found = tuple(_mark_modifiers([m for m in mentions if m is not None], words, self._apart))
        clauses = tuple(self._clauses(words, spaced, found))
        members = {(c.first, c.end): [m for m in found if c.holds(m)] for c in clauses}
        return View(sentence, text, words, spaced, tuple(starts), found, clauses, members)

    def _mention(
        self,
        hit: Hit,
        offset: int,
        starts: list[int],
        words: tuple[str, ...],
        resolved: dict[int, tuple[str, ...]],
    ) -> Mention | None:
        entry = hit.entries[0]
        if entry.type is HitType.IGNORE:
            return None
        first = max(0, bisect_right(starts, hit.start - offset) - 1)
        last = max(first, bisect_left(starts, hit.end - offset) - 1)
        codes: tuple[str, ...] = ()
        if entry.type is HitType.ACTOR:
            codes = (entry.code,)
        elif entry.type is HitType.ANAPHOR:
            codes = resolved.get(hit.start, ())
        after = words[last + 1] if last + 1 < len(words) else ""
        # "the Russian army's use": the possessor's head noun stands in between.
        after_next = words[last + 2] if last + 2 < len(words) else ""
        possessive = (
            after in POSSESSIVE
            or (after.isalpha() and after_next in POSSESSIVE)
            or words[last].endswith("'s")
        )
        role = self._role(entry, words, last) if entry.type is HitType.ACTOR else ""
        marker = self._marker(words, first)
        return Mention(
            entry.type, entry, first, last, hit.start, hit.end, codes, role, possessive, marker
        )

    def _role(self, entry: Entry, words: tuple[str, ...], last: int) -> str:
        if entry.type is not HitType.ACTOR:
            return ""
        following = words[last + 2] if last + 2 < len(words) and words[last + 1] in DASHES else ""
        return self.role_of(entry, following)

    def role_of(self, entry: Entry, following: str) -> str:
        """What a hyphenated suffix makes of an actor: "origin", "patron", "leader" or ""."""
        key = (entry.text, entry.form, following)
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = self._suffix_role(entry, following)
        return found

    def _suffix_role(self, entry: Entry, following: str) -> str:
        head, dash, tail = entry.text.rpartition("-")
        suffix = tail.lower() if dash and head else following
        for role, suffixes in (
            ("origin", self._origin),
            ("patron", self._patron),
            ("leader", self._leader),
        ):
            if suffix in suffixes:
                return role
        return "origin" if entry.form == "origin" else ""

    def _marker(self, words: tuple[str, ...], first: int) -> str:
        index = first - 1
        while index >= 0 and words[index] in DETERMINERS:
            index -= 1
        return words[index] if index >= 0 and words[index] in self._obliques else ""

    def _clauses(
        self, words: tuple[str, ...], spaced: tuple[bool, ...], mentions: tuple[Mention, ...]
    ) -> list[Clause]:
        cuts = self._break_cuts(words, spaced, mentions)
        cuts = sorted(set(cuts) | self._subordinate_ends(words, cuts))
        cuts = sorted(set(cuts) | self._relative_ends(words, cuts))
        source = self._source_end(words)
        if source:
            cuts = sorted(set(cuts) | {source})
        apposed = _appositions(words, cuts, mentions)
        cuts = sorted(set(cuts) | set(apposed) | set(apposed.values()))
        clauses: list[Clause] = []
        antecedent = -1
        for first, end in pairwise(cuts):
            if _relative(words, first) or first in apposed:
                antecedent = first
            elif not (antecedent >= 0 and words[first] == "," and clauses[-1].first == antecedent):
                antecedent = -1
            attribution = self._attribution_at(words, first, end)
            clauses.append(Clause(first, end, attribution, antecedent, 0 < source <= first))
        return clauses

    def _source_end(self, words: tuple[str, ...]) -> int:
        """Where "According to X," that opens a sentence ends (0 if it does not open with one)."""
        if not words or words[0] not in self._attribution_starts:
            return 0
        if not any(words[: len(p)] == p for p in self._attribution):
            return 0
        return next((i for i, w in enumerate(words) if w == ","), 0)

    def _break_cuts(
        self, words: tuple[str, ...], spaced: tuple[bool, ...], mentions: tuple[Mention, ...]
    ) -> list[int]:
        """Token indices where a clause break word ("; ", ", while", ", which") starts."""
        bounds = _Bounds(
            {m.first: m for m in mentions if m.type is not HitType.CUE},
            {m.last: m.type for m in mentions if m.type is not HitType.CUE},
            frozenset(m.first for m in mentions if m.type in PREDICATES),
        )
        cuts, resume = [0], 1
        for index in [i for i, w in enumerate(words) if w in self._break_words and i]:
            if index < resume:
                continue
            width = self._break_at(words, spaced, index, bounds)
            if width:
                cuts.append(index)
                resume = index + width
        return [*cuts, len(words)]

    @staticmethod
    def _relative_ends(words: tuple[str, ...], cuts: list[int]) -> set[int]:
        """Where ", which ..., " closes and the main clause it interrupted goes on."""
        ends = set()
        for first, end in pairwise(cuts):
            if _relative(words, first):
                comma = next((i for i in range(first + 2, end) if words[i] == ","), None)
                if comma is not None:
                    ends.add(comma)
        return ends

    def _subordinate_ends(self, words: tuple[str, ...], cuts: list[int]) -> set[int]:
        """Where a sentence that opens with "Just as", "While", "Since"... reaches its main clause.

        Only at the start of a sentence: a ", while ..." in mid-sentence runs to its end.
        """
        index = 1 if words[:1] in (("and",), ("but",)) else 0
        opening = self._subordinators.get(words[index], []) if index < len(words) else []
        if not any(words[index : index + len(p)] == p for p in opening):
            return set()
        end = cuts[1] if len(cuts) > 1 else len(words)
        comma = next((i for i in range(index + 1, end) if words[i] == ","), None)
        return {comma} if comma is not None else set()

    def _break_at(
        self,
        words: tuple[str, ...],
        spaced: tuple[bool, ...],
        index: int,
        bounds: _Bounds,
    ) -> int:
        if words[index] in DASHES:
            return 1 if spaced[index - 1] and index + 1 < len(words) else 0
        for phrase in self._breaks.get(words[index], ()):
            if words[index : index + len(phrase)] != phrase:
                continue
            follow = index + len(phrase)
            if self._coordinating(phrase, words, index, follow, bounds):
                return 0
            return len(phrase)
        return 0

    @staticmethod
    def _coordinating(
        phrase: tuple[str, ...],
        words: tuple[str, ...],
        index: int,
        follow: int,
        bounds: _Bounds,
    ) -> bool:
        """Whether ", and" or ", as" continues a list rather than opening a new clause.

        ", and" continues a list when a mention ends right before it and one of the
        same kind starts right after it ("Turkey, Belarus, and Russia") -- unless a
        predicate follows that one ("..., and the Netherlands handed over ...").
        """
        if phrase[-1] == "as":
            return follow < len(words) and words[follow] == "well"
        if phrase[-1] != "and":
            return False
        while follow < len(words) and words[follow] in DETERMINERS:
            follow += 1
        before = bounds.ends.get(index - 1)
        after = bounds.starts.get(follow)
        if before is None or after is None or after.type is not before:
            return False
        return not any(i in bounds.predicates for i in range(after.last + 1, after.last + 4))

    def _attribution_at(self, words: tuple[str, ...], first: int, end: int) -> int:
        for index in range(first, end):
            if words[index] not in self._attribution_starts:
                continue
            for phrase in self._attribution:
                if words[index : index + len(phrase)] == phrase:
                    return index
        return end


def _names_membership(mention: Mention, following: Mention | None) -> bool:
    return (
        following is not None
        and following.type is HitType.MEMBERSHIP
        and following.first == mention.last + 1
        and mention.entry.actor_kind == "organisation"
    )


class _Bounds(NamedTuple):
    """Where the mentions of a sentence start and end, and where its predicates stand."""

    starts: dict[int, Mention]
    ends: dict[int, HitType]
    predicates: frozenset[int]


def _appositions(
    words: tuple[str, ...], cuts: list[int], mentions: tuple[Mention, ...]
) -> dict[int, int]:
    """Where ", a close ally of X," interrupts the clause of the party before it.

    Maps the opening comma to the closing one: "Japan, a close ally of the United
    States, signed a pact with Manila" is about Japan on both sides of the aside.
    """
    party_ends = {m.last for m in mentions if m.type is HitType.ACTOR}
    possessors = {m.first for m in mentions if m.type is HitType.ACTOR and m.possessive}
    out: dict[int, int] = {}
    for index, word in enumerate(words[:-3]):
        if word != "," or index - 1 not in party_ends:
            continue
        if words[index + 1] not in APPOSITION_OPENERS and index + 1 not in possessors:
            continue
        stop = next((c for c in cuts if c > index), len(words))
        closing = next((i for i in range(index + 2, stop) if words[i] == ","), None)
        if closing is not None and closing < len(words) - 2:
            out[index] = closing
    return out


def _relative(words: tuple[str, ...], first: int) -> bool:
    return words[first : first + 1] == (",",) and words[first + 1 : first + 2] in RELATIVE_OPENERS


def _mark_modifiers(
    mentions: list[Mention], words: tuple[str, ...], apart: frozenset[str]
) -> list[Mention]:
    """Tell a weapon's origin ("Iranian drones", "Turkish-made TB2s") from a party.

    A demonym right before a weapon is its origin ("the Somali army with armoured
    vehicles" is no origin: a preposition stands between); an origin form before
    anything else ("a UAE-based company") names a party by where it is based.
    """
    out = list(mentions)
    for i, mention in enumerate(out):
        if mention.type is not HitType.ACTOR or mention.possessive:
            continue
        following = out[i + 1] if i + 1 < len(out) else None
        modifies = (
            following is not None
            and (following.armament or following.type is HitType.OBJECT)
            and following.first - mention.last <= 3
            and not any(w in apart for w in words[mention.last + 1 : following.first])
        )
        if _names_membership(mention, following):
            # "an EU member state", "fellow NATO member": the organisation is no party.
            out[i] = mention._replace(role="member")
        elif mention.role == "origin" and not modifies:
            out[i] = mention._replace(role="based")
        elif not mention.role and modifies and mention.entry.form in MODIFIER_FORMS:
            out[i] = mention._replace(role="modifier")
    return out
