"""One sentence as the rules see it: spaCy tokens, the mentions on them, and clauses.

Only sentences that pass the prefilter get here; they are tokenized with spaCy's
tokenizer and every prefilter hit is laid onto tokens, so the rules can ask what
stands before or after a mention ("to", "from", "'s") and where a clause ends.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDX, LENGTH, SPACY

from allegiance.extract.clauses import ClauseSplitter
from allegiance.extract.lexicon import Lexicon
from allegiance.extract.mention import DASHES, DETERMINERS, POSSESSIVE, Clause, Mention
from allegiance.extract.patterns import Entry, Hit, HitType
from allegiance.extract.sentences import Sentence

__all__ = ["DASHES", "POSSESSIVE", "Clause", "Mention", "View", "ViewBuilder"]

ARRAY = [IDX, LENGTH, SPACY]
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
# The marker of a party that holds a place ("positions held by the KIA").
HELD = "held"
# The role of a maker named after its item ("drones made in Iran").
MAKER = "maker"
MODIFIER_FORMS = frozenset({"demonym", "adjective", "origin"})


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
    kinds: dict[tuple[int, int], frozenset[HitType]]

    def between(self, left: Mention, right: Mention) -> tuple[str, ...]:
        return self.words[left.last + 1 : right.first]

    def in_clause(self, clause: Clause) -> list[Mention]:
        """The mentions of one clause, outside its attribution (do not modify)."""
        return self.members[(clause.first, clause.end)]

    def holds(self, clause: Clause, kinds: frozenset[HitType]) -> bool:
        """Whether the clause (outside its attribution) has a mention of one of ``kinds``."""
        return not self.kinds[(clause.first, clause.end)].isdisjoint(kinds)

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
        self._splitter = ClauseSplitter(tokenizer, lexicon)
        self._obliques = lexicon.words("obliques") | lexicon.words("places")
        self._holding = lexicon.words("holding_verbs")
        self._roles: dict[tuple[str, str, str], str] = {}
        self._origin = lexicon.words("origin_suffixes")
        self._patron = lexicon.words("patron_suffixes")
        self._leader = lexicon.words("leader_suffixes")
        self._based = {tuple(p.split()) for p in lexicon.discourse["based_marks"]}
        self._made = {(w,) for w in lexicon.discourse["made_marks"]}
        # Words that cannot stand between a demonym and the weapon it describes.
        self._apart = lexicon.words("prepositions") | {",", ";", ":", "(", ")"}

    def build(
        self,
        plain: str,
        lowered: str,
        sentence: Sentence,
        hits: list[Hit],
        resolved: dict[int, tuple[str, ...]],
    ) -> View:
        """The sentence's tokens (``plain`` and ``lowered`` are the document's forms)."""
        offset = sentence.start
        text = plain[offset : sentence.end]
        low = lowered[offset : sentence.end]
        # Arrays, not Token objects: making a Token per word costs more than tokenizing.
        rows = self._tokenizer(text).to_array(ARRAY).tolist()
        starts = [row[0] for row in rows]
        words = tuple([low[a : a + n] for a, n, _ in rows])
        spaced = tuple([bool(row[2]) for row in rows])
        mentions = []
        for hit in hits:
            mention = self._mention(hit, offset, starts, words, resolved)
            if mention is not None:
                mentions.append(mention)
        found = tuple(_mark_modifiers(mentions, words, self._apart))
        clauses = tuple(self._splitter.split(words, spaced, found))
        members = _members(clauses, found)
        kinds = {key: frozenset([m.type for m in held]) for key, held in members.items()}
        return View(sentence, text, words, spaced, tuple(starts), found, clauses, members, kinds)

    def _mention(
        self,
        hit: Hit,
        offset: int,
        starts: list[int],
        words: tuple[str, ...],
        resolved: dict[int, tuple[str, ...]],
    ) -> Mention | None:
        entry = hit.entries[0]
        kind = entry.type
        if kind is HitType.IGNORE:
            return None
        first = bisect_right(starts, hit.start - offset) - 1
        first = max(first, 0)
        last = bisect_left(starts, hit.end - offset) - 1
        last = max(last, first)
        codes: tuple[str, ...]
        if kind is HitType.ACTOR and hit.start in resolved:
            # "the Iran-backed movement": the group the text goes on about.
            kind, codes = HitType.ANAPHOR, resolved[hit.start]
        elif kind is HitType.ACTOR:
            codes = (entry.code,)
        elif kind is HitType.ANAPHOR:
            codes = resolved.get(hit.start, ())
        else:
            # Only parties need what stands around them.
            return Mention(kind, entry, first, last, hit.start, hit.end)
        size = len(words)
        after = words[last + 1] if last + 1 < size else ""
        # "the Russian army's use": the possessor's head noun stands in between.
        after_next = words[last + 2] if last + 2 < size else ""
        possessive = (
            after in POSSESSIVE
            or (after_next in POSSESSIVE and after.isalpha())
            or words[last].endswith("'s")
            or (kind is HitType.ANAPHOR and words[last] in POSSESSIVE_PRONOUNS)
        )
        role = self._role(entry, words, last) if kind is HitType.ACTOR else ""
        marker = self._marker(words, first)
        if marker == "in" and _before(words, first, 2) in self._based:
            # "a company based in the United Arab Emirates" is "a UAE-based company".
            role, marker = "based", ""
        elif marker == "in" and _before(words, first, 2)[:1] in self._made:
            # "drones made in Iran" are "Iranian-made drones".
            role, marker = MAKER, ""
        return Mention(
            kind, entry, first, last, hit.start, hit.end, codes, role, possessive, marker
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
        if index < 0 or words[index] not in self._obliques:
            return ""
        if words[index] == "by" and index and words[index - 1] in self._holding:
            # "positions held by the KIA": where it is, not who acts.
            return HELD
        return words[index]


def _before(words: tuple[str, ...], first: int, size: int) -> tuple[str, ...]:
    """The ``size`` words before ``first``, past any determiners ("based in the")."""
    index = first
    while index > 0 and words[index - 1] in DETERMINERS:
        index -= 1
    return words[max(0, index - size) : index]


def _members(
    clauses: tuple[Clause, ...], mentions: tuple[Mention, ...]
) -> dict[tuple[int, int], list[Mention]]:
    """Each clause's mentions outside its attribution (both lists are in text order)."""
    return {(c.first, c.end): [m for m in mentions if c.holds(m)] for c in clauses}


def _names_membership(mention: Mention, following: Mention | None) -> bool:
    return (
        following is not None
        and following.type is HitType.MEMBERSHIP
        and following.first == mention.last + 1
        and mention.entry.actor_kind == "organisation"
    )


def _maker(mention: Mention, following: Mention | None, words: tuple[str, ...]) -> bool:
    """Whether a possessive names the maker of the weapon right after it ("Israel's SPYDER")."""
    if following is None or following.type is not HitType.WEAPON:
        return False
    gap = words[mention.last + 1 : following.first]
    return all(w in POSSESSIVE for w in gap) and following.entry.origin in mention.codes


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
        following = out[i + 1] if i + 1 < len(out) else None
        if mention.type is not HitType.ACTOR:
            continue
        if mention.possessive:
            if _maker(mention, following, words):
                # "Israel's SPYDER batteries": the maker, not the owner.
                out[i] = mention._replace(role="modifier", possessive=False)
            continue
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
