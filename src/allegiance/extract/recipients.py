"""Where the one who gets arms stands when the frames alone miss it.

"arming a breakaway faction of the TPLF" (past the words that pick out part of a group),
"rebuild the group's arsenal" (the holder of the arms noun), "first seen in Ethiopian
service" (the service the weapon entered), and what is no recipient: "sent F-16s to
strike Cambodian positions" (a purpose, not a destination).
"""

from __future__ import annotations

from allegiance.extract.patterns import HitType
from allegiance.extract.view import POSSESSIVE, Mention, View

# How far past the arming word a group may stand behind partitive words.
PARTITIVE_REACH = 6
# Words before "service" that put a weapon into someone's service.
SERVICE_MARKS = frozenset({"in", "into", "entered", "entering", "enters"})
# What a holder's possessive may own: arms nouns ("the group's arsenal").
HELD = frozenset({HitType.OBJECT, HitType.TERM})


def partitive(
    view: View, trigger: Mention, parties: list[Mention], partitives: frozenset[str]
) -> Mention | None:
    """ "arming a breakaway faction of the TPLF": the group behind words naming part of it."""
    for mention in parties:
        if mention.first <= trigger.last:
            continue
        gap = view.words[trigger.last + 1 : mention.first]
        if len(gap) <= PARTITIVE_REACH and all(w in partitives for w in gap):
            return mention
        return None
    return None


def before_purpose(
    view: View, trigger: Mention, parties: list[Mention], verbs: frozenset[str]
) -> list[Mention]:
    """The parties before a purpose ("sent F-16s to strike Cambodian positions")."""
    for index in range(trigger.last + 1, len(view.words) - 1):
        if view.words[index] == "to" and view.words[index + 1] in verbs:
            return [m for m in parties if m.last < index]
    return parties


def holders(view: View, parties: list[Mention]) -> list[Mention]:
    """Possessors of an arms noun ("the group's arsenal"): who holds the arms, not who gives."""
    owned = {m.first for m in view.mentions if m.type in HELD}
    out = []
    for mention in parties:
        if not mention.possessive:
            continue
        index = mention.last + 1
        if index < len(view.words) and view.words[index] in POSSESSIVE:
            index += 1
        if index in owned or (index + 1 in owned and view.words[index] == "own"):
            out.append(mention)
    return out


def in_service(view: View, trigger: Mention, parties: list[Mention]) -> Mention | None:
    """ "first seen in Ethiopian service": the state whose service the weapon entered."""
    before = [m for m in parties if m.last == trigger.first - 1]
    if not before or before[0].first == 0:
        return None
    return before[0] if view.words[before[0].first - 1] in SERVICE_MARKS else None
