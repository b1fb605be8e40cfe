"""Who stands where around a trigger word: groups, nearest parties, marked obliques."""

from __future__ import annotations

from allegiance.extract.patterns import HitType
from allegiance.extract.view import Clause, Mention, View

# Tokens further than this from a trigger do not make a group "next to" it.
ADJACENT = 3
# Words that may follow a weapon's name before a relative clause about it.
ITEM_NOUN = 1
# What may stand between the members of a list a relative clause is about.
ANTECEDENT_LISTS = frozenset({"and", ",", "the", "&", "or"})


def coordinated(view: View, left: Mention, right: Mention, coordinators: frozenset[str]) -> bool:
    """Whether two mentions belong to one list ("Turkey and Belarus", "Kyrgyz-Tajik")."""
    if left.entry.anaphor == "single" or right.entry.anaphor == "single":
        return False
    return all(w in coordinators for w in view.between(left, right))


def group(
    view: View, mentions: list[Mention], index: int, coordinators: frozenset[str]
) -> list[Mention]:
    """The coordinated list of mentions that ``mentions[index]`` belongs to."""
    first = last = index
    while first > 0 and coordinated(view, mentions[first - 1], mentions[first], coordinators):
        first -= 1
    while last + 1 < len(mentions) and coordinated(
        view, mentions[last], mentions[last + 1], coordinators
    ):
        last += 1
    return mentions[first : last + 1]


def codes(mentions: list[Mention]) -> list[str]:
    """The distinct actor codes of some mentions, in order."""
    out: list[str] = []
    for mention in mentions:
        out += [c for c in mention.codes if c not in out]
    return out


def left_of(mentions: list[Mention], trigger: Mention) -> list[Mention]:
    return [m for m in mentions if m.last < trigger.first]


def right_of(mentions: list[Mention], trigger: Mention) -> list[Mention]:
    return [m for m in mentions if m.first > trigger.last]


def nearest_group(
    view: View,
    parties: list[Mention],
    trigger: Mention,
    coordinators: frozenset[str],
    *,
    left: bool,
) -> list[Mention]:
    """The list of parties nearest to the trigger on one side (empty if none)."""
    side = left_of(parties, trigger) if left else right_of(parties, trigger)
    if not side:
        return []
    index = parties.index(side[-1] if left else side[0])
    found = group(view, parties, index, coordinators)
    return [m for m in found if (m.last < trigger.first) == left]


def marked(mentions: list[Mention], marks: frozenset[str]) -> Mention | None:
    """The first mention introduced by one of ``marks`` ("to", "from", ...)."""
    return next((m for m in mentions if m.marker in marks), None)


def with_antecedent(view: View, clause: Clause, parties: list[Mention]) -> list[Mention]:
    """The parties of a clause, led by the one a ", which ..." clause is about."""
    if clause.antecedent < 0:
        return parties
    before = [m for m in view.mentions if m.party and not m.role and m.last < clause.antecedent]
    if not before:
        return parties
    # "Benin and Togo, which have suffered attacks, ...": the whole list.
    listed = group(view, before, len(before) - 1, ANTECEDENT_LISTS)
    return [m for m in listed if m not in parties] + parties


def sentence_subject(view: View) -> list[Mention]:
    """The sentence's first plain party, for a clause that goes on without naming one."""
    return [m for m in view.mentions if m.party and not m.role and not m.marker][:1]


def antecedent_items(view: View, clause: Clause) -> list[Mention]:
    """The weapon a ", which ..." clause is about ("Typhoons, which Britain will supply")."""
    if clause.antecedent < 1:
        return []
    # The weapon may be followed by its noun ("Eurofighter jets, which ...").
    near = range(clause.antecedent - ITEM_NOUN - 1, clause.antecedent)
    return [m for m in view.mentions if m.armament and m.last in near][-1:]


def is_org(mention: Mention) -> bool:
    """Whether a mention names an organisation, directly or as "the alliance"."""
    if mention.type is HitType.ANAPHOR:
        return mention.entry.anaphor == "organisation"
    return mention.type is HitType.ACTOR and mention.entry.actor_kind == "organisation"


def distance(a: Mention, b: Mention) -> int:
    """Tokens between two mentions."""
    return max(b.first - a.last, a.first - b.last) - 1
