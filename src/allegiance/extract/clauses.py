"""Where one predication ends and the next begins: clause breaks, asides, sources.

Roles are read within one clause, so "Turkey sold drones to Kenya, while Iran armed
the Houthis" must be two. Breaks are words (";", ", while", ", which"); a relative
clause or an aside (", a close ally of X,") interrupts its main clause and lends it
its antecedent; a source ("according to X") is cut off what it reports.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, NamedTuple

from allegiance.extract.lexicon import Lexicon
from allegiance.extract.mention import DASHES, DETERMINERS, Clause, Mention
from allegiance.extract.patterns import HitType

RELATIVE_OPENERS = frozenset({("which",), ("who",), ("whom",), ("whose",)})
# Words that open an aside about the party before a comma (", a close ally of X,").
APPOSITION_OPENERS = frozenset({"a", "an", "the", "one", "another", "its", "long", "also"})
APPOSITION_OPENERS |= frozenset({"once", "formerly", "now", "historically", "traditionally"})
# ... and participles that open an aside (", backed by Turkey,", ", known as the FACA,").
APPOSITION_OPENERS |= frozenset({"backed", "supported", "armed", "funded", "trained", "led"})
APPOSITION_OPENERS |= frozenset({"known", "founded", "created", "based", "equipped"})
# Words that may stand before the possessor that opens an aside (", for years Iran's most
# powerful ally,", ', Pakistan's "iron brother",').
APPOSITION_LEADS = frozenset({"for", "years", "decades", "long", "once", "still", "now", "then"})
APPOSITION_LEADS |= frozenset({'"', "'", "“", "‘", "by", "far", "until", "recently"})
# How far into an aside its possessor may stand.
APPOSITION_REACH = 4
# Mentions that say something happened: after ", and X" one of them opens a new clause.
PREDICATES = frozenset({HitType.SUPPLY, HitType.RELATION, HitType.MEMBERSHIP})


class ClauseSplitter:
    """Cuts a tokenized sentence into clauses by the discourse lexicon's break words."""

    def __init__(self, tokenizer: Any, lexicon: Lexicon) -> None:
        self._tokenizer = tokenizer
        self._breaks: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._phrases(lexicon.discourse["clause_breaks"]):
            self._breaks.setdefault(phrase[0], []).append(phrase)
        self._break_words = frozenset(self._breaks) | DASHES
        self._attribution = self._phrases(lexicon.discourse["attribution"])
        self._attribution_starts = frozenset(p[0] for p in self._attribution)
        self._subordinators: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._phrases(lexicon.discourse["subordinators"]):
            self._subordinators.setdefault(phrase[0], []).append(phrase)

    def _phrases(self, phrases: tuple[str, ...]) -> list[tuple[str, ...]]:
        out = [tuple(t.lower_ for t in self._tokenizer(p.strip())) for p in phrases]
        return sorted({p for p in out if p}, key=len, reverse=True)

    def split(
        self, words: tuple[str, ...], spaced: tuple[bool, ...], mentions: tuple[Mention, ...]
    ) -> list[Clause]:
        """The clauses of a sentence's words, in order, covering every token."""
        cuts = self._break_cuts(words, spaced, mentions)
        source = 0
        apposed: dict[int, int] = {}
        if "," in words:
            # Asides, relative clauses and openings all end at a comma.
            cuts = sorted(set(cuts) | self._subordinate_ends(words, cuts))
            cuts = sorted(set(cuts) | self._relative_ends(words, cuts))
            source = self._source_end(words)
            if source:
                cuts = sorted(set(cuts) | {source})
            apposed = _appositions(words, cuts, mentions)
            if apposed:
                cuts = sorted(set(cuts) | set(apposed) | set(apposed.values()))
        clauses: list[Clause] = []
        antecedent = -1
        for first, end in pairwise(cuts):
            if _relative(words, first) or first in apposed:
                antecedent = first
            elif not (antecedent >= 0 and words[first] == "," and clauses[-1].first == antecedent):
                antecedent = -1
            attribution = self._attribution_at(words, first, end)
            resumes = next((i + 1 for i in range(attribution, end) if words[i] == ","), -1)
            clauses.append(
                Clause(first, end, attribution, antecedent, 0 < source <= first, resumes)
            )
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
        candidates = [i for i, w in enumerate(words) if w in self._break_words and i]
        if not candidates:
            return [0, len(words)]
        bounds = _Bounds(
            {m.first: m for m in mentions if m.type is not HitType.CUE},
            {m.last: m.type for m in mentions if m.type is not HitType.CUE},
            frozenset(m.first for m in mentions if m.type in PREDICATES),
        )
        cuts, resume = [0], 1
        for index in candidates:
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
        if self._attribution_starts.isdisjoint(words[first:end]):
            return end
        for index in range(first, end):
            if words[index] not in self._attribution_starts:
                continue
            for phrase in self._attribution:
                if words[index : index + len(phrase)] == phrase:
                    return index
        return end


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
    named = {i for m in mentions if m.type is HitType.ACTOR for i in range(m.first, m.last + 1)}
    out: dict[int, int] = {}
    size = len(words) - 3
    for index in [i + 1 for i in party_ends if 0 <= i < size and words[i + 1] == ","]:
        if words[index + 1] not in APPOSITION_OPENERS and not _possessor_opens(
            words, index, possessors
        ):
            continue
        stop = next((c for c in cuts if c > index), len(words))
        closing = next((i for i in range(index + 2, stop) if words[i] == ","), None)
        if closing is not None and closing < len(words) - 2:
            if all(i in named or words[i] in DETERMINERS for i in range(index + 1, closing)):
                # "The United States, the European Union, Britain and Canada": a list.
                continue
            out[index] = closing
    return out


def _possessor_opens(words: tuple[str, ...], comma: int, possessors: set[int]) -> bool:
    """Whether a possessor opens the aside after ``comma``, past a few leading words."""
    for index in range(comma + 1, min(comma + 1 + APPOSITION_REACH, len(words))):
        if index in possessors:
            return True
        if words[index] not in APPOSITION_LEADS:
            return False
    return False


def _relative(words: tuple[str, ...], first: int) -> bool:
    return words[first : first + 1] == (",",) and words[first + 1 : first + 2] in RELATIVE_OPENERS
