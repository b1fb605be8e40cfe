"""What a clause says about whether its relation holds: negated, hypothetical, alleged...

A cue counts when it stands in the clause before the trigger word, or right after it
("fighting could"); a negated reporting verb ("did not disclose how ...") leaves
what it reports standing.
"""

from __future__ import annotations

from dataclasses import dataclass

from allegiance.extract.lexicon import Lexicon
from allegiance.extract.view import Clause, Mention, View
from allegiance.model import Status

SKIPPABLE = frozenset({"do", "does", "did", "have", "has", "had", "be", "is", "was", "were"})
# How much a claim's confidence keeps when its source is second-hand or an allegation.
REPORTED = 0.9
ALLEGED = 0.8
# A negation further than this many tokens before the word negates something else.
NEGATION_REACH = 10


@dataclass(frozen=True, slots=True)
class Modality:
    """The verdict on one trigger: drop it, or keep it with this status and weight."""

    drop: bool = False
    status: Status | None = None
    weight: float = 1.0
    # A plan that is a commitment already made ("pledged to"), not a mere intention.
    committed: bool = False


class ModalityReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self._transparent = lexicon.cues["transparent"]
        self._future = lexicon.reported_future
        self._window = lexicon.after_window
        self._near = lexicon.near_cues

    def read(self, view: View, clause: Clause, trigger: Mention) -> Modality:
        """The modality of ``trigger`` from the cues of its clause."""
        cues = self._cues(view, clause, trigger)
        if "negation" in cues or "hypothetical" in cues:
            return Modality(drop=True)
        attributed = clause.reported or clause.attribution < clause.end
        weight = REPORTED if "reported" in cues or attributed else 1.0
        if "denial" in cues:
            return Modality(status=Status.DENIED, weight=weight)
        if "allegation" in cues:
            return Modality(status=Status.ALLEGED, weight=weight * ALLEGED)
        if "planned" in cues:
            return Modality(status=Status.PLANNED, weight=weight, committed="commitment" in cues)
        return Modality(weight=weight)

    def _cues(self, view: View, clause: Clause, trigger: Mention) -> set[str]:
        found: set[str] = set()
        reported = False
        limit = trigger.last + self._window
        for mention in view.mentions:
            if not mention.entry.cues or mention is trigger:
                continue
            if not clause.first <= mention.first < clause.end:
                continue
            if mention.first > limit and "cancellation" in mention.entry.cues:
                # "A planned purchase of Mi-17s ... was scrapped in 2021".
                found.add("negation")
            elif mention.first < trigger.first or trigger.last < mention.first <= limit:
                names = set(mention.entry.cues)
                if "negation" in names and self._transparent_after(view, mention):
                    names.discard("negation")
                if trigger.first - mention.last > NEGATION_REACH:
                    # "said the North had "no interest" in talks with Seoul and described
                    # South Korea as its most hostile state": another verb's negation.
                    names.discard("negation")
                    if mention.entry.text.lower() in self._near:
                        names.discard("hypothetical")
                if reported and view.words[mention.first] in self._future:
                    names = (names - {"hypothetical"}) | {"planned"}
                reported = reported or "reported" in names
                found |= names
        return found

    def _transparent_after(self, view: View, negation: Mention) -> bool:
        """Whether the negated verb only reports ("did not disclose how ...")."""
        index = negation.last + 1
        while index < len(view.words) and view.words[index] in SKIPPABLE:
            index += 1
        return index < len(view.words) and view.words[index] in self._transparent

    def cue_in(self, view: View, clause: Clause, name: str) -> bool:
        """Whether a cue of list ``name`` stands anywhere in the clause."""
        return any(
            name in m.entry.cues and clause.first <= m.first < clause.end for m in view.mentions
        )

    def cue_near(self, view: View, clause: Clause, trigger: Mention, name: str, gap: int) -> bool:
        """Whether a cue of list ``name`` stands at most ``gap`` tokens before ``trigger``."""
        return any(
            name in m.entry.cues and clause.first <= m.first and 0 < trigger.first - m.last <= gap
            for m in view.mentions
        )
