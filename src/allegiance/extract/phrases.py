"""Anaphors with words inside them: "Africa's two most populous countries", "the ten-member bloc".

The automaton matches fixed phrases ("the two countries", "the bloc"); these take a few
words between a determiner and the head noun, so they are found by pattern, and only
where no other mention stands.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from allegiance.extract.lexicon import Lexicon
from allegiance.extract.patterns import Entry, Hit, HitType

# How many words may stand between "two" and the noun ("two most populous countries").
PAIR_WORDS = 3
# Words before "two" that make it an anaphor ("the two", "both two"..., "Africa's two").
PAIR_LEADS = ("the ", "both ", "'s ")
# How far before its noun an organisation anaphor may start ("the ten-member regional bloc").
ORGANISATION_REACH = 40
# Mentions a phrase anaphor never overlaps.
NAMES = frozenset({HitType.ACTOR, HitType.WEAPON, HitType.CONFLICT})


class PhraseAnaphors:
    """Finds pair and organisation anaphors written with modifiers inside them.

    Both are anchored on a rare word ("two", the organisation noun) found first, so that
    the patterns run only where one stands.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        pairs = _alternatives(lexicon.discourse["pair_heads"])
        foes = _alternatives(lexicon.discourse["hostile_pair_heads"])
        # "Africa's two most populous countries", after "the", "both" or a possessive.
        self._pair = re.compile(rf"two\s+(?:[a-z-]+\s+){{0,{PAIR_WORDS}}}?(?:{pairs})\b")
        # "put two old rivals in one club": the pair, with the hostile noun left to say so.
        self._foes = re.compile(rf"(two(?:\s+[a-z-]+){{0,{PAIR_WORDS}}}?)\s+(?:{foes})\b")
        heads = _alternatives(lexicon.discourse["organisation_heads"])
        kinds = _alternatives(lexicon.discourse["organisation_kinds"])
        self._heads = tuple(lexicon.discourse["organisation_heads"])
        self._organisation = re.compile(
            rf"\bthe\s+(?:[a-z0-9]+-member|{kinds})\s+(?:[a-z-]+\s+)?(?:{heads})$"
        )

    def add(self, hits: list[Hit], lowered: str) -> list[Hit]:
        """The hits with these anaphors added where nothing else was found (in text order)."""
        extra = self._pairs(lowered) + self._organisations(lowered)
        if not extra:
            return hits
        # A name blocks the phrase; a word inside it ("member" in "the ten-member bloc") goes.
        starts = [h.start for h in hits]
        free: list[Hit] = []
        replaced: set[int] = set()
        for phrase in extra:
            inside = _overlapping(hits, starts, phrase)
            if not any(hits[i].entries[0].type in NAMES for i in inside):
                free.append(phrase)
                replaced.update(inside)
        if not free:
            return hits
        kept = [h for i, h in enumerate(hits) if i not in replaced]
        return sorted(kept + free, key=lambda h: h.start)

    def _pairs(self, lowered: str) -> list[Hit]:
        out = []
        start = lowered.find("two ")
        while start >= 0:
            if start == 0 or not lowered[start - 1].isalnum():
                found = self._pair.match(lowered, start)
                if found is not None and lowered[max(0, start - 6) : start].endswith(PAIR_LEADS):
                    out.append(self._hit(start, found.end(), "pair", lowered))
                else:
                    foe = self._foes.match(lowered, start)
                    if foe is not None:
                        out.append(self._hit(start, foe.end(1), "pair", lowered))
            start = lowered.find("two ", start + 4)
        return out

    def _organisations(self, lowered: str) -> list[Hit]:
        out = []
        for head in self._heads:
            # str.find scans far faster than a pattern with alternatives.
            start = lowered.find(head)
            while start >= 0:
                end = start + len(head)
                if end == len(lowered) or not lowered[end].isalnum():
                    window = max(0, start - ORGANISATION_REACH)
                    found = self._organisation.search(lowered, window, end)
                    if found is not None:
                        out.append(self._hit(found.start(), end, "organisation", lowered))
                start = lowered.find(head, end)
        return out

    @staticmethod
    def _hit(start: int, end: int, kind: str, lowered: str) -> Hit:
        return Hit(start, end, (Entry(HitType.ANAPHOR, lowered[start:end], anaphor=kind),))


def _overlapping(hits: list[Hit], starts: list[int], phrase: Hit) -> list[int]:
    """The indices of the hits (in text order, not overlapping each other) a phrase overlaps."""
    index = bisect_left(starts, phrase.end) - 1
    out = []
    while index >= 0 and hits[index].end > phrase.start:
        out.append(index)
        index -= 1
    return out


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
