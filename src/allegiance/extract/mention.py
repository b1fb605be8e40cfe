"""What the rules read a sentence as: mentions on tokens, grouped into clauses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from allegiance.extract.patterns import Entry, HitType

# Words that stand before a noun without changing whom it names.
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "both", "either"})
POSSESSIVE = frozenset({"'s", "'", "’s", "’"})
DASHES = frozenset({"—", "–", "-", "--"})


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
    # Where the clause goes on after a source set off by commas ("..., according to UN
    # investigators, shipped weapons to ...").
    resumes: int = -1

    def holds(self, mention: Mention) -> bool:
        return self.first <= mention.first and (
            mention.last < self.attribution or 0 <= self.resumes <= mention.first
        )
