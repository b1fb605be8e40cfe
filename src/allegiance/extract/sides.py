"""Who stands with and who against whom around one fighting or listing word.

"Eritrean troops fought alongside Ethiopian forces against the TPLF" and "the Peshmerga
fought the Islamic State alongside the US-led coalition" name allies and a common enemy;
"the US and the EU added Russian officials to their sanctions lists" names who lists whom
on one side of the word. The relation rule asks here first and falls back on its nearest
parties when neither shape is there.
"""

from __future__ import annotations

from typing import NamedTuple

from allegiance.extract import roles
from allegiance.extract.view import Mention, View


class Camps(NamedTuple):
    """The subjects of a fighting word, the ones they fight beside, and their enemy."""

    subjects: list[Mention]
    allies: list[Mention]
    enemies: list[Mention]


class SideWords(NamedTuple):
    """The words that mark allies ("alongside"), enemies ("against") and listing ("added")."""

    together: frozenset[str]
    against: frozenset[str]
    listing: frozenset[str]


def camps(
    view: View,
    parties: list[Mention],
    trigger: Mention,
    words: SideWords,
    coordinators: frozenset[str],
) -> Camps | None:
    """Allies and enemies around a fighting word, or None when the clause names no camps.

    The trigger either holds the ally word ("fought alongside X against Y") or is followed
    by it ("fought Y alongside X").
    """
    text = trigger.entry.text.lower().split()
    holds = not words.together.isdisjoint(text)
    following = view.words[trigger.last + 1 :]
    if (words.against if holds else words.together).isdisjoint(following):
        return None
    after = [m for m in parties if m.first > trigger.last]
    subjects = roles.nearest_group(view, parties, trigger, coordinators, left=True)
    if not subjects or not after:
        return None
    if holds:
        against = _first(view, trigger.last + 1, words.against)
        if against is None:
            return None
        allies = [m for m in after if m.last < against]
        enemies = [m for m in after if m.first > against]
    else:
        together = _first(view, trigger.last + 1, words.together)
        if together is None:
            return None
        enemies = [m for m in after if m.last < together]
        allies = [m for m in after if m.first > together]
    if not allies or not enemies:
        return None
    return Camps(subjects, allies, enemies)


def listed(
    view: View, parties: list[Mention], trigger: Mention, words: SideWords
) -> tuple[list[Mention], list[Mention]] | None:
    """ "X and Y added Russian officials to their sanctions lists": (listers, listed)."""
    if words.listing.isdisjoint(view.words[: trigger.first]):
        return None
    before = [m for m in parties if m.last < trigger.first]
    if not before or any(m.first > trigger.last for m in parties):
        return None
    verb = _first(view, before[0].last + 1, words.listing, trigger.first)
    if verb is None:
        return None
    listers = [m for m in before if m.last < verb]
    targets = [m for m in before if m.first > verb]
    return (listers, targets) if listers and targets else None


def _first(view: View, start: int, words: frozenset[str], end: int | None = None) -> int | None:
    """The index of the first of ``words`` from ``start`` (to ``end``), if any."""
    stop = len(view.words) if end is None else end
    return next((i for i in range(start, stop) if view.words[i] in words), None)
