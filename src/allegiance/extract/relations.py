"""The hostility and affinity rule: which two actors a relation word ties, from one clause.

A coordinated pair next to the word ("Iranian-Tajik ties", "clashes between Kyrgyz and
Tajik forces", "enemies, the United States and Iran") is tied together; otherwise the
nearest actor on each side ("Russia's relationship with Iran", "X shelled Y"), or the
two nearest on the one side that has any ("Turkey's backing for Kyrgyzstan is rooted
in kinship"). A list after "with" or "against" is tied to the subject one by one
("ties with both Kigali and Kinshasa"); verbs that act on someone never tie their
subjects to each other.

Some words need a neighbour ("expelled" an envoy, a "claim to" territory); "relations"
and "ties" turn hostile beside a souring word ("relations soured", "strained ties").
"""

from __future__ import annotations

from itertools import combinations
from typing import TypeVar

from allegiance.extract import roles
from allegiance.extract.draft import Draft
from allegiance.extract.lexicon import Lexicon, RelationTrigger
from allegiance.extract.modality import ModalityReader
from allegiance.extract.patterns import HitType
from allegiance.extract.view import Clause, Mention, View
from allegiance.model import RELATION_STRENGTH, ClaimKind, Relation, Status

T = TypeVar("T")

HEDGE_GAP = 2
# Who can be a party to a relation: plain mentions, "American warships", "the Saudi-led".
PARTY_ROLES = frozenset({"", "modifier", "leader"})
NAMED_WAR = 0.8
TRIGGERS = frozenset({HitType.RELATION, HitType.CONFLICT})
# Forms of a name that place a war rather than wage it ("the Yemen war").
PLACE_FORMS = frozenset({"name", "short"})


class RelationRule:
    def __init__(self, lexicon: Lexicon, modality: ModalityReader) -> None:
        self._coordinators = lexicon.words("coordinators")
        self._places = lexicon.words("places")
        self._modality = modality
        self._souring = lexicon.souring_confidence
        self._partners = lexicon.words("partner_marks")

    def apply(self, view: View, clause: Clause) -> list[Draft]:
        """The hostile and friendly ties one clause states."""
        if not view.holds(clause, TRIGGERS):
            return []
        mentions = view.in_clause(clause)
        parties = [m for m in mentions if _party(m, mentions)]
        parties = roles.with_antecedent(view, clause, parties)
        # A place ("in northern Yemen") is a party only when nothing else is.
        core = [m for m in parties if m.marker not in self._places]
        core = [m for m in core if not (roles.is_org(m) and _modifies(m, mentions))]
        parties = core if len(roles.codes(core)) >= 2 else parties
        drafts: list[Draft] = []
        for trigger in mentions:
            if trigger.type is HitType.CONFLICT:
                drafts += self._named(view, clause, trigger)
            elif trigger.type is HitType.RELATION:
                drafts += self._stated(view, clause, parties, trigger)
        return drafts

    def _named(self, view: View, clause: Clause, trigger: Mention) -> list[Draft]:
        conflict = trigger.entry.conflict
        assert conflict is not None
        modality = self._modality.read(view, clause, trigger)
        if modality.drop:
            return []
        a, b = conflict.parties
        weight = NAMED_WAR * modality.weight
        return [Draft(ClaimKind.HOSTILITY, a, b, weight, relation=conflict.relation)]

    def _stated(
        self, view: View, clause: Clause, parties: list[Mention], trigger: Mention
    ) -> list[Draft]:
        relation = self._reading(view, clause, trigger)
        if relation is None:
            return []
        modality = self._modality.read(view, clause, trigger)
        if modality.drop or (modality.status is Status.PLANNED and not modality.committed):
            return []
        if self._blocked(view, clause, trigger, relation.kind) or _located(view, trigger):
            return []
        weight = relation.confidence * modality.weight
        if any(m.type is HitType.ANAPHOR for m in parties):
            weight *= 0.9
        if relation.kind is ClaimKind.AFFINITY:
            # "the CSTO, the Russian-led security alliance" names what the bloc is: ties
            # to a bloc are memberships, and leading one is none.
            parties = [m for m in parties if m.role != "leader" and not roles.is_org(m)]
        return [
            Draft(relation.kind, a, b, round(weight, 4), relation=relation.relation)
            for a, b in self.pairs(view, parties, trigger, transitive=relation.transitive)
        ] + self._aside(view, clause, parties, trigger, relation)

    def _aside(
        self,
        view: View,
        clause: Clause,
        parties: list[Mention],
        trigger: Mention,
        relation: RelationTrigger,
    ) -> list[Draft]:
        """ "Chad, a partner of Washington in the fight against Boko Haram": Chad fights too."""
        if not relation.transitive or clause.antecedent < 0 or not parties:
            return []
        subject = parties[0]
        if subject.last >= clause.first:
            return []
        right = roles.nearest_group(view, parties, trigger, self._coordinators, left=False)
        weight = round(relation.confidence * 0.9, 4)
        return [
            Draft(relation.kind, a, b, weight, relation=relation.relation)
            for a in subject.codes
            for b in roles.codes(right)
            if a != b
        ]

    def _reading(self, view: View, clause: Clause, trigger: Mention) -> RelationTrigger | None:
        """What the word says here: "relations" sour into a rivalry; "expelled" needs an envoy."""
        relation = trigger.entry.relation
        assert relation is not None
        if relation.requires:
            after = view.words[trigger.last + 1 : trigger.last + 1 + relation.reach]
            if not any(w in relation.requires for w in after):
                return None
        if relation.flips and self._modality.cue_in(view, clause, "souring"):
            return RelationTrigger(ClaimKind.HOSTILITY, Relation.RIVALRY, self._souring)
        return None if relation.neutral else relation

    def _blocked(self, view: View, clause: Clause, trigger: Mention, kind: ClaimKind) -> bool:
        if kind is ClaimKind.AFFINITY:
            return self._modality.cue_near(view, clause, trigger, "hedge", HEDGE_GAP)
        return self._modality.cue_near(view, clause, trigger, "deescalation", 99)

    def pairs(
        self, view: View, parties: list[Mention], trigger: Mention, *, transitive: bool = False
    ) -> list[tuple[str, str]]:
        """The pairs of actors the relation word ties."""
        left = roles.nearest_group(view, parties, trigger, self._coordinators, left=True)
        right = roles.nearest_group(view, parties, trigger, self._coordinators, left=False)
        pair = [m for m in left if m.type is HitType.ANAPHOR and len(m.codes) == 2]
        if pair and not transitive:
            # "The two countries ... signed a strategic partnership": the pair itself.
            return [(pair[-1].codes[0], pair[-1].codes[1])]
        # "Uganda keeps close ties with both Kigali and Kinshasa": one with each.
        across = transitive or (left and right and right[0].marker in self._partners)
        for side in () if across else (left, right):
            found = roles.codes(side)
            near = side and min(roles.distance(m, trigger) for m in side) <= roles.ADJACENT
            if len(found) >= 2 and near:
                return list(combinations(found, 2))
        if left and right:
            return [(a, b) for a in roles.codes(left) for b in roles.codes(right) if a != b]
        side_all = roles.left_of(parties, trigger)[::-1] or roles.right_of(parties, trigger)
        found = roles.codes(side_all)
        if len(found) < 2 or (transitive and len(roles.codes(left or right)) >= 2):
            # A verb's subjects never act on each other ("Benin and Togo suffered attacks").
            return []
        return [(found[0], found[1])]


def _party(mention: Mention, mentions: list[Mention]) -> bool:
    """Who can be a party to a relation: not where fighters came from ("jihadists crossing
    from Burkina Faso"), nor the maker of a weapon ("Israeli Harop munitions")."""
    if not mention.party or mention.role not in PARTY_ROLES or mention.marker == "from":
        return False
    if mention.role == "modifier":
        following = next((m for m in mentions if m.first > mention.last), None)
        return following is None or following.type is not HitType.WEAPON
    return True


def _located(view: View, trigger: Mention) -> bool:
    """ "the Yemen war", "in the Syria conflict": one country's name places the fighting."""
    if trigger.entry.relation is None or trigger.entry.relation.relation is not Relation.WAR:
        return False
    before = [m for m in view.mentions if m.last == trigger.first - 1]
    if len(before) != 1 or not before[0].party or before[0].possessive:
        return False
    named = before[0]
    previous = view.words[named.first - 1] if named.first else ""
    return previous == "the" and named.entry.form in PLACE_FORMS


def _modifies(organisation: Mention, mentions: list[Mention]) -> bool:
    """Whether an organisation names the kind of a relation word right after it ("NATO allies")."""
    return any(m.type is HitType.RELATION and m.first == organisation.last + 1 for m in mentions)


def strongest(drafts: list[tuple[Draft, T]]) -> list[tuple[Draft, T]]:
    """One draft per tie and sentence, keeping the strongest relation ("ally" over "partner")."""
    best: dict[tuple[str, str, str], tuple[Draft, T]] = {}
    for draft, extra in drafts:
        a, b = sorted((draft.subject, draft.object))
        key = (str(draft.kind), a, b)
        held = best.get(key)
        if held is None or _rank(draft) > _rank(held[0]):
            best[key] = (draft, extra)
    return list(best.values())


def _rank(draft: Draft) -> tuple[int, float]:
    strength = RELATION_STRENGTH.get(draft.relation, 0) if draft.relation else 0
    return (strength, draft.confidence)
