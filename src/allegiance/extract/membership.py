"""The membership rule: which states belong to which organisations, from one clause.

"X and Y are members of the CSTO", "X's membership in the CSTO and the EAEU",
"CSTO members X and Y", "both members of the CSTO" (the pair the text is about),
"X and fellow NATO member Y" (both), "X, also in NATO and the EU", "Finland, the
alliance's newest member" (the organisation last named). Leaving, suspension and
bids are no membership.
"""

from __future__ import annotations

from allegiance.extract import roles
from allegiance.extract.draft import Draft
from allegiance.extract.lexicon import Lexicon
from allegiance.extract.modality import ModalityReader
from allegiance.extract.patterns import HitType
from allegiance.extract.view import Clause, Mention, View
from allegiance.model import ClaimKind

# An organisation further than this after "member(s)" is not what they are members of.
ORG_REACH = 12
# A membership word, or an alliance word after an organisation ("NATO allies").
TRIGGERS = frozenset({HitType.MEMBERSHIP, HitType.RELATION})
# "X and fellow NATO member Y", "X's fellow member Y": X is a member too.
FELLOW = "fellow"


class MembershipRule:
    def __init__(self, lexicon: Lexicon, modality: ModalityReader) -> None:
        self._coordinators = lexicon.words("coordinators")
        self._blockers = lexicon.membership_blockers
        self._via_words = lexicon.membership_via
        self._confidence = lexicon.membership_confidence
        self._modality = modality

    def apply(self, view: View, clause: Clause) -> list[Draft]:
        """The memberships one clause states."""
        if not view.holds(clause, TRIGGERS):
            return []
        mentions = view.in_clause(clause)
        triggers = [m for m in mentions if m.type is HitType.MEMBERSHIP or self._via(view, m)]
        if not triggers or any(w in self._blockers for w in view.words[clause.first : clause.end]):
            return []
        parties = [m for m in mentions if m.party and m.role != "leader"]
        parties = roles.with_antecedent(view, clause, parties)
        drafts = []
        for trigger in triggers:
            modality = self._modality.read(view, clause, trigger)
            if modality.drop:
                continue
            weight = self._confidence * modality.weight
            for member, organisation in self._pairs(view, parties, trigger):
                drafts.append(Draft(ClaimKind.MEMBERSHIP, member, organisation, round(weight, 4)))
        return drafts

    def _via(self, view: View, mention: Mention) -> bool:
        """ "NATO allies": an alliance word right after an organisation."""
        if (
            mention.type is not HitType.RELATION
            or mention.entry.text.lower() not in self._via_words
        ):
            return False
        before = [m for m in view.mentions if m.last == mention.first - 1]
        return bool(before) and roles.is_org(before[0])

    def _pairs(self, view: View, parties: list[Mention], trigger: Mention) -> list[tuple[str, str]]:
        orgs = [m for m in parties if roles.is_org(m)]
        members = [m for m in parties if not roles.is_org(m) and not m.role]
        after = roles.right_of(orgs, trigger)
        if after and after[0].first - trigger.last <= ORG_REACH:
            index = orgs.index(after[0])
            found = [m for m in roles.group(view, orgs, index, self._coordinators) if m in after]
            side = roles.nearest_group(view, members, trigger, self._coordinators, left=True)
        else:
            before = [m for m in roles.left_of(orgs, trigger) if trigger.first - m.last <= 3]
            found = before[-1:]
            # "CSTO members Armenia and Belarus", else the apposition "Poland, a NATO member".
            follows = [m for m in roles.right_of(members, trigger) if m.first - trigger.last <= 2]
            side = roles.nearest_group(view, members, trigger, self._coordinators, left=not follows)
            if follows and _fellow(view, trigger, found):
                side += roles.nearest_group(view, members, trigger, self._coordinators, left=True)
        return [(c, o) for o in roles.codes(found) for c in roles.codes(side) if c != o]


def _fellow(view: View, trigger: Mention, orgs: list[Mention]) -> bool:
    start = min([trigger.first, *(m.first for m in orgs)])
    return FELLOW in view.words[max(0, start - 2) : trigger.first]
