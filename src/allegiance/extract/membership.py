"""The membership rule: which states belong to which organisations, from one clause.

"X and Y are members of the CSTO", "X's membership in the CSTO and the EAEU",
"CSTO members X and Y", "both members of the CSTO" (the pair the text is about),
"X and fellow NATO member Y" (both), "X, also in NATO and the EU", "Finland, the
alliance's newest member" (the organisation last named), "the bloc's member states,
among them X and Y", "X joined the SCO in 2023 and BRICS in 2024", "X, one of NATO's
biggest spenders" (a rank in the bloc), "X and Y, fellow members of ASEAN" (and the state
the text is about). Leaving, suspension and bids are no membership.
"""

from __future__ import annotations

from allegiance.extract import roles
from allegiance.extract.discourse import Discourse
from allegiance.extract.draft import Draft
from allegiance.extract.lexicon import Lexicon
from allegiance.extract.modality import ModalityReader
from allegiance.extract.patterns import HitType
from allegiance.extract.view import DASHES, POSSESSIVE, Clause, Mention, View
from allegiance.model import ClaimKind

# An organisation further than this after "member(s)" is not what they are members of.
ORG_REACH = 12
# A membership word, or an alliance word after an organisation ("NATO allies").
TRIGGERS = frozenset({HitType.MEMBERSHIP, HitType.RELATION})
# "X and fellow NATO member Y", "X's fellow member Y": X is a member too.
FELLOW = "fellow"
# A word that blocks a membership ("bid", "left") counts before it or this close after it.
BLOCK_AFTER = 6
# Words that may introduce the members after "member states" (", among them X").
INTRODUCERS = frozenset({",", "among", "them", "including", "such", "as", "notably", "namely"})
INTRODUCED_REACH = 5
# How far after "NATO's" its rank noun may stand ("NATO's second-largest army").
RANK_REACH = 5
# Words after an organisation that add its other members ("in the Quad alongside India").
COMPANIONS = frozenset({"alongside", "along", "together", "with"})
# What may stand between two organisations a state joined ("the SCO in 2023 and BRICS").
LIST_GAP = 8
# "the bloc to which X and Y belong", "the alliance of which X is a member".
RELATIVE_MARKS = frozenset({"to", "of"})
RELATIVE_GAP = 8
# Articles that open an apposition naming one member ("Hungary, the most friendly EU member").
APPOSITION_ARTICLES = frozenset({"the", "a", "an"})


class MembershipRule:
    def __init__(self, lexicon: Lexicon, modality: ModalityReader) -> None:
        self._coordinators = lexicon.words("coordinators")
        self._blockers = lexicon.membership_blockers
        self._via_words = lexicon.membership_via
        self._confidence = lexicon.membership_confidence
        self._joining = lexicon.joining
        self._ranks = lexicon.membership_ranks
        self._modality = modality

    def apply(self, view: View, clause: Clause, discourse: Discourse | None = None) -> list[Draft]:
        """The memberships one clause states."""
        mentions = view.in_clause(clause)
        ranked = [m for m in mentions if m.possessive and self._ranked(view, m)]
        if not ranked and not view.holds(clause, TRIGGERS):
            return []
        triggers = [m for m in mentions if m.type is HitType.MEMBERSHIP or self._via(view, m)]
        triggers = [t for t in triggers + ranked if not self._blocked(view, clause, t)]
        if not triggers:
            return []
        parties = [
            m for m in mentions if m.party and m.role != "leader" and m.entry.form != "company"
        ]
        parties = roles.with_antecedent(view, clause, parties)
        drafts = []
        for trigger in triggers:
            modality = self._modality.read(view, clause, trigger)
            if modality.drop:
                continue
            weight = round(self._confidence * modality.weight, 4)
            opens = trigger.entry.text.lower() in self._joining
            if trigger in ranked:
                pairs = self._rank_pairs(view, clause, parties, trigger)
            else:
                pairs = self._pairs(view, parties, trigger) + self._fellows(
                    view, parties, trigger, discourse
                )
            for member, organisation in dict.fromkeys(pairs):
                drafts.append(
                    Draft(ClaimKind.MEMBERSHIP, member, organisation, weight, opens=opens)
                )
        return drafts

    def _blocked(self, view: View, clause: Clause, trigger: Mention) -> bool:
        """A bid, a withdrawal, a suspension before the word or right after it ("readmitted
        to the Arab League after twelve years of suspension" is a membership)."""
        end = min(clause.end, trigger.last + 1 + BLOCK_AFTER)
        start = clause.first
        for i in range(trigger.first - 1, clause.first - 1, -1):
            if view.words[i] == "and":
                # A verb of its own after "and" starts afresh: "left ECOWAS and formed the AES".
                start = i + 1
                break
        return any(w in self._blockers for w in view.words[start:end])

    def _ranked(self, view: View, mention: Mention) -> bool:
        """ "NATO's second-largest army", "one of NATO's biggest spenders": a rank in a bloc."""
        if not (mention.possessive and roles.is_org(mention)):
            return False
        start = mention.last + 1
        if start < len(view.words) and view.words[start] in POSSESSIVE:
            start += 1
        for word in view.words[start : start + RANK_REACH]:
            if word in self._ranks:
                return True
            if word not in DASHES and not word.replace("-", "").isalpha():
                return False
        return False

    def _rank_pairs(
        self, view: View, clause: Clause, parties: list[Mention], trigger: Mention
    ) -> list[tuple[str, str]]:
        """The member holding the rank: the one an aside is about, else the nearest before."""
        members = [m for m in parties if not roles.is_org(m) and not m.role]
        if clause.antecedent >= 0 and members and members[0].last < clause.first:
            side = members[:1]
        else:
            side = roles.nearest_group(view, members, trigger, self._coordinators, left=True)
        return [(c, o) for o in trigger.codes for c in roles.codes(side) if c != o]

    def _fellows(
        self,
        view: View,
        parties: list[Mention],
        trigger: Mention,
        discourse: Discourse | None,
    ) -> list[tuple[str, str]]:
        """ "Vietnam, Malaysia and Brunei, fellow members of ASEAN": and the state the text
        is about is one too."""
        if discourse is None or not trigger.entry.text.lower().startswith(FELLOW):
            return []
        orgs = [m for m in roles.right_of(parties, trigger) if roles.is_org(m)][:1]
        listed = [m for m in roles.left_of(parties, trigger) if not roles.is_org(m)]
        if not orgs or not listed:
            return []
        other = discourse.salient(other_than=frozenset(roles.codes(listed)), paragraph=True)
        return [(other, o) for o in orgs[0].codes] if other else []

    def _alongside(self, view: View, members: list[Mention], org: Mention) -> list[Mention]:
        """ "X is a member of the Quad alongside the US, Australia and India": those too."""
        after = [m for m in members if m.first > org.last and not m.possessive]
        if not after:
            return []
        gap = view.words[org.last + 1 : after[0].first]
        if not gap or gap[0] not in COMPANIONS or not set(gap) <= COMPANIONS | {"the"}:
            return []
        return roles.group(view, members, members.index(after[0]), self._coordinators)

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
            found += _joined_later(view, parties, orgs, found[-1])
            side = roles.nearest_group(view, members, trigger, self._coordinators, left=True)
            side += self._alongside(view, members, found[-1])
        else:
            before = [m for m in roles.left_of(orgs, trigger) if trigger.first - m.last <= 3]
            # "CSTO members Armenia and Belarus", else the apposition "Poland, a NATO member".
            follows = [m for m in roles.right_of(members, trigger) if _introduced(view, trigger, m)]
            found = before[-1:] or (_its(view, orgs, trigger) if follows else [])
            side = roles.nearest_group(view, members, trigger, self._coordinators, left=not follows)
            if follows and _fellow(view, trigger, found):
                side += roles.nearest_group(view, members, trigger, self._coordinators, left=True)
            if not found and side and not follows:
                found = _relative(view, orgs, side[0])
            if not follows and len(side) > 1 and _apposed(view, trigger, side[-1]):
                # "between Serbia and Hungary, the most friendly EU member state": the last.
                side = side[-1:]
        return [(c, o) for o in roles.codes(found) for c in roles.codes(side) if c != o]


def _relative(view: View, orgs: list[Mention], first: Mention) -> list[Mention]:
    """ "IGAD, the regional bloc to which both South Sudan and Uganda belong": the bloc a
    "to which" clause is about."""
    before = [m for m in orgs if m.last < first.first][-1:]
    if not before:
        return []
    gap = view.words[before[0].last + 1 : first.first]
    if len(gap) > RELATIVE_GAP or "which" not in gap:
        return []
    index = gap.index("which")
    return before if index > 0 and gap[index - 1] in RELATIVE_MARKS else []


def _its(view: View, orgs: list[Mention], trigger: Mention) -> list[Mention]:
    """ "The African Union's mission drew soldiers from its member states": the bloc the
    sentence named before "its"."""
    if trigger.first == 0 or view.words[trigger.first - 1] not in ("its", "their"):
        return []
    return roles.left_of(orgs, trigger)[-1:]


def _introduced(view: View, trigger: Mention, member: Mention) -> bool:
    """Whether a member follows the word at once, or after ", among them" or "including"."""
    if member.possessive:
        # "an EU member state from Belgrade's point of view": whose view, no member.
        return False
    gap = view.words[trigger.last + 1 : member.first]
    return len(gap) <= 1 or (len(gap) <= INTRODUCED_REACH and all(w in INTRODUCERS for w in gap))


def _apposed(view: View, trigger: Mention, member: Mention) -> bool:
    """ "..., Hungary, the most friendly EU member state": one member set off by a comma and
    an article before a singular membership word."""
    gap = view.words[member.last + 1 : trigger.first]
    return (
        len(gap) >= 2
        and gap[0] == ","
        and gap[1] in APPOSITION_ARTICLES
        and "," not in gap[1:]
        and "and" not in gap
        and not view.words[trigger.last].endswith("s")
    )


def _joined_later(
    view: View, parties: list[Mention], orgs: list[Mention], last: Mention
) -> list[Mention]:
    """ "joined the SCO in 2023 and BRICS at the start of 2024": the next bloc of the list."""
    out: list[Mention] = []
    for org in [m for m in orgs if m.first > last.last]:
        gap = view.words[last.last + 1 : org.first]
        between = [m for m in parties if last.last < m.first < org.first]
        if between or len(gap) > LIST_GAP or not {"and", ","} & set(gap):
            break
        out.append(org)
        last = org
    return out


def _fellow(view: View, trigger: Mention, orgs: list[Mention]) -> bool:
    start = min([trigger.first, *(m.first for m in orgs)])
    return FELLOW in view.words[max(0, start - 2) : trigger.first]
