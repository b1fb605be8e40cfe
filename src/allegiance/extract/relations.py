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

from dataclasses import replace
from itertools import combinations
from typing import TypeVar

from allegiance.extract import roles
from allegiance.extract.discourse import Discourse
from allegiance.extract.draft import Draft
from allegiance.extract.lexicon import Lexicon, RelationTrigger
from allegiance.extract.modality import ModalityReader
from allegiance.extract.patterns import HitType
from allegiance.extract.sides import Camps, SideWords, camps, listed
from allegiance.extract.view import Clause, Mention, View
from allegiance.model import RELATION_STRENGTH, ClaimKind, Relation, Status

T = TypeVar("T")

HEDGE_GAP = 2
# "decertified Colombia as a partner": a revoking verb a few words before an affinity word.
REVOKE_GAP = 5
# Who can be a party to a relation: plain mentions, "American warships", "the Saudi-led".
PARTY_ROLES = frozenset({"", "modifier", "leader"})
# Tokens from a "-led" leader to the organisation it leads ("Russia - led CSTO").
LED_GAP = 3
NAMED_WAR = 0.8
# How much a tie keeps when its other party is the text's subject, not named in the clause.
IMPLIED = 0.8
# "Turkish-backed factions of the SNA": a patron's tie to the group it backs.
PATRONAGE = 0.7
# How far before a relation word "bilateral" may stand ("a bilateral defence agreement").
BILATERAL_REACH = 3
TRIGGERS = frozenset({HitType.RELATION, HitType.CONFLICT})
# Forms of a name that place a war rather than wage it ("the Yemen war").
PLACE_FORMS = frozenset({"name", "short"})
COMPANY = "company"
OF_MARKS = frozenset({"of", "from"})
# How far a possessive may stand before the relation word it owns ("Argentina's natural allies").
OWNER_REACH = 2
# How long a list on one side of a relation word must be to tie every pair in it.
LIST_PARTNERS = 3
# "the border with X": a place, not a party.
BORDER_NOUNS = frozenset({"border", "frontier", "borders"})
BORDER_GAP = 3
# How far before a one-sided relation word a blocker may stand ("obstacle to closer ties").
UNSAID_REACH = 4
# What may stand between a list and the possessive that owns its tie ("X and Y are Z's allies").
COPULAS = frozenset({"are", "were", "remain", "remained", "became", "become", "as"})


class RelationRule:
    def __init__(self, lexicon: Lexicon, modality: ModalityReader) -> None:
        self._coordinators = lexicon.words("coordinators")
        self._places = lexicon.words("places")
        self._modality = modality
        self._souring = lexicon.souring_confidence
        self._partners = lexicon.words("partner_marks")
        self._sides = SideWords(
            lexicon.words("together_marks"),
            lexicon.words("against_marks"),
            lexicon.words("listing_verbs"),
        )
        self._apart = lexicon.words("apart_marks")
        self._backed_nouns = lexicon.words("backed_nouns")
        # What a word means alone, when a longer phrase it opens does not apply here.
        self._fallbacks = lexicon.relations
        self._passive = lexicon.words("passive_marks")
        self._copulas = COPULAS
        self._unsaid_blockers = lexicon.words("unsaid_blockers")

    def apply(self, view: View, clause: Clause, discourse: Discourse | None = None) -> list[Draft]:
        """The hostile and friendly ties one clause states."""
        backed = self._patronage(view, clause)
        if not view.holds(clause, TRIGGERS):
            return backed
        mentions = view.in_clause(clause)
        parties = [m for m in mentions if _party(m, mentions)]
        parties = roles.with_antecedent(view, clause, parties)
        # A place ("in northern Yemen") is a party only when nothing else is.
        core = [m for m in parties if m.marker not in self._places]
        # "NATO allies": the bloc names the kind of tie; "the UN arms embargo" is the UN's.
        core = [m for m in core if not (roles.is_org(m) and _modifies(m, mentions))]
        parties = core if len(roles.codes(core)) >= 2 else parties
        # "along the border with Venezuela" places the fighting; "Armenia's border with
        # Azerbaijan" and "clashed with Venezuelan troops" name a party.
        parties = [m for m in parties if not _border(view, m)]
        drafts: list[Draft] = list(backed)
        for trigger in mentions:
            if trigger.type is HitType.CONFLICT:
                drafts += self._named(view, clause, trigger)
            elif trigger.type is HitType.RELATION:
                drafts += self._stated(view, clause, parties, trigger, discourse)
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
        self,
        view: View,
        clause: Clause,
        parties: list[Mention],
        trigger: Mention,
        discourse: Discourse | None,
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
        found = camps(view, parties, trigger, self._sides, self._coordinators)
        if found is not None:
            return _camp_drafts(found, relation, round(weight, 4))
        if relation.implicit and discourse is not None:
            implied = self._implied(view, parties, trigger, relation, discourse)
            if implied:
                return [replace(d, confidence=round(weight * IMPLIED, 4)) for d in implied]
        if relation.kind is ClaimKind.AFFINITY:
            # "the CSTO, the Russian-led security alliance" names what the bloc is: ties
            # to a bloc are memberships, and leading one is none.
            parties = [m for m in parties if m.role != "leader" and not roles.is_org(m)]
        found_pairs = self.pairs(
            view, parties, trigger, transitive=relation.transitive, until=_required(view, trigger)
        )
        if not found_pairs and discourse is not None:
            found_pairs = self._bilateral(view, parties, trigger, relation, discourse)
        return [
            Draft(relation.kind, a, b, round(weight, 4), relation=relation.relation)
            for a, b in found_pairs
        ] + self._aside(view, clause, parties, trigger, relation)

    def _patronage(self, view: View, clause: Clause) -> list[Draft]:
        """ "Turkish-backed factions of the Syrian National Army": the patron backs the group."""
        mentions = view.in_clause(clause)
        drafts: list[Draft] = []
        if all(m.role != "patron" for m in mentions):
            return drafts
        for index, patron in enumerate(mentions):
            if patron.role != "patron" or patron.type is not HitType.ACTOR:
                continue
            backed = next((m for m in mentions[index + 1 :] if m.party), None)
            if backed is None or not all(
                w in self._backed_nouns for w in view.between(patron, backed)
            ):
                continue
            drafts += [
                Draft(ClaimKind.AFFINITY, a, b, PATRONAGE, relation=Relation.PARTNERSHIP)
                for a in patron.codes
                for b in backed.codes
                if a != b
            ]
        return drafts

    def _bilateral(
        self,
        view: View,
        parties: list[Mention],
        trigger: Mention,
        relation: RelationTrigger,
        discourse: Discourse,
    ) -> list[tuple[str, str]]:
        """ "Rwanda, which sent troops under a bilateral defence agreement", "the rivalry
        with Beijing": with the state the text is about."""
        near = view.words[max(0, trigger.first - BILATERAL_REACH) : trigger.last + 1]
        codes = roles.codes(parties)
        if len(codes) != 1:
            return []
        stated = relation.kind is ClaimKind.AFFINITY and "bilateral" in near
        if not stated and not _one_sided(view, parties, trigger):
            return []
        before = view.words[max(0, trigger.first - UNSAID_REACH) : trigger.first]
        if self._unsaid_blockers.intersection(before):
            # "the main obstacle to closer defence ties with London": no tie is stated.
            return []
        # "It left the CSTO ..., while signing a strategic partnership with Ankara": the
        # sentence's own subject, else the state the paragraph is about.
        other = next(
            (
                c
                for c in (discourse.opening_subject, discourse.sentence_subject)
                if c and c != codes[0]
            ),
            None,
        ) or discourse.salient(other_than=codes[0])
        return [(codes[0], other)] if other else []

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
        if relation.unless:
            after = view.words[trigger.last + 1 : trigger.last + 1 + relation.reach]
            if any(w in relation.unless for w in after):
                # "the half-light in which it was fought for most of two decades": "fought".
                relation = self._fallbacks.get(trigger.entry.text.lower().split()[0])
                if relation is None:
                    return None
        if relation.requires:
            after = view.words[trigger.last + 1 : trigger.last + 1 + relation.reach]
            if not any(w in relation.requires for w in after):
                return None
        if relation.flips and self._modality.cue_in(view, clause, "souring"):
            return RelationTrigger(ClaimKind.HOSTILITY, Relation.RIVALRY, self._souring)
        return None if relation.neutral else relation

    def _blocked(self, view: View, clause: Clause, trigger: Mention, kind: ClaimKind) -> bool:
        if kind is ClaimKind.AFFINITY:
            return self._modality.cue_near(
                view, clause, trigger, "hedge", HEDGE_GAP
            ) or self._modality.cue_near(view, clause, trigger, "revocation", REVOKE_GAP)
        return self._modality.cue_near(view, clause, trigger, "deescalation", 99)

    def _implied(
        self,
        view: View,
        parties: list[Mention],
        trigger: Mention,
        relation: RelationTrigger,
        discourse: Discourse,
    ) -> list[Draft]:
        """ "The US, the EU, Britain and Canada have all sanctioned the fuel suppliers": the
        ones sanctioned are the state the text is about, when the clause names none."""
        if any(m.first > trigger.last for m in parties) or self._passive.intersection(
            view.words[max(0, trigger.first - 2) : trigger.first]
        ):
            return []
        left = roles.nearest_group(view, parties, trigger, self._coordinators, left=True)
        subjects = roles.codes(left)
        target = discourse.salient(other_than=frozenset(subjects)) if subjects else None
        if target is None:
            return []
        return [Draft(relation.kind, a, target, 0.0, relation=relation.relation) for a in subjects]

    def pairs(
        self,
        view: View,
        parties: list[Mention],
        trigger: Mention,
        *,
        transitive: bool = False,
        until: int = -1,
    ) -> list[tuple[str, str]]:
        """The pairs of actors the relation word ties; ``until`` ends its object list ("designated
        the Viv Ansanm coalition and Gran Grif as terrorist organisations")."""
        left = roles.nearest_group(
            view, _subjects(view, parties, trigger), trigger, self._coordinators, left=True
        )
        right = roles.nearest_group(view, parties, trigger, self._coordinators, left=False)
        if right and until > 0 and transitive:
            right = [m for m in parties if trigger.last < m.first < until] or right
        pair = [
            m
            for m in roles.left_of(parties, trigger)
            if m.type is HitType.ANAPHOR and len(m.codes) == 2
        ]
        if pair and not transitive:
            # "The two countries ... signed a strategic partnership": the pair itself.
            return [(pair[-1].codes[0], pair[-1].codes[1])]
        owners = self._owned(view, parties, left, trigger)
        if owners and not transitive:
            # "called the United States and Israel Argentina's natural allies", "Paris and
            # Berlin are Kyiv's allies": each with the owner, not with each other.
            return [(a, b) for a in roles.codes(owners) for b in left[-1].codes if a != b]
        # "Uganda keeps close ties with both Kigali and Kinshasa": one with each.
        across = transitive or (left and right and right[0].marker in self._partners)
        for side in () if across else (left, right):
            found = roles.codes(side)
            near = side and min(roles.distance(m, trigger) for m in side) <= roles.ADJACENT
            if len(found) >= 2 and near:
                return list(combinations(found, 2))
        if left and right:
            return [(a, b) for a in roles.codes(left) for b in roles.codes(right) if a != b]
        if transitive:
            found_lists = listed(view, parties, trigger, self._sides)
            if found_lists is not None:
                # "X and Y added Russian officials to their sanctions lists".
                listers, targets = found_lists
                return [
                    (a, b) for a in roles.codes(listers) for b in roles.codes(targets) if a != b
                ]
        return self._one_side(view, parties, trigger, left, right, transitive=transitive)

    def _owned(
        self, view: View, parties: list[Mention], left: list[Mention], trigger: Mention
    ) -> list[Mention]:
        """The list a possessive before a relation word owns the word for: "the US and
        Israel Argentina's allies", "Paris and Berlin are Kyiv's allies"."""
        if not left or not left[-1].possessive or left[-1].type is not HitType.ACTOR:
            return []
        owner = left[-1]
        if roles.distance(owner, trigger) > OWNER_REACH:
            return []
        if len(left) >= 2:
            return left[:-1] if not view.between(left[-2], owner) else []
        before = roles.nearest_group(view, parties, owner, self._coordinators, left=True)
        if len(before) < 2 or not set(view.between(before[-1], owner)) <= self._copulas:
            return []
        return before

    def _one_side(
        self,
        view: View,
        parties: list[Mention],
        trigger: Mention,
        left: list[Mention],
        right: list[Mention],
        *,
        transitive: bool,
    ) -> list[tuple[str, str]]:
        """The two nearest parties on the one side that has any ("Turkey's backing for
        Kyrgyzstan is rooted in kinship")."""
        side_all = roles.left_of(parties, trigger)[::-1] or roles.right_of(parties, trigger)
        found = roles.codes(side_all)
        if len(found) < 2 or (transitive and len(roles.codes(left or right)) >= 2):
            # A verb's subjects never act on each other ("Benin and Togo suffered attacks").
            return []
        first = next(m for m in side_all if found[0] in m.codes)
        second = next(m for m in side_all if found[1] in m.codes)
        if first.last > trigger.last:
            span = view.words[trigger.last + 1 : second.first]
        else:
            span = view.words[second.last + 1 : trigger.first]
        if self._apart.intersection(span):
            # "The fighting came days after the Taliban minister visited New Delhi", "the
            # Turkish minister visited Baghdad days after the fighting".
            return []
        if first.last > trigger.last and transitive and first.marker == second.marker:
            # "strikes flown by Israeli jets, supplied by the United States": both "by".
            return []
        listed_codes = roles.codes(left or right)
        if not transitive and len(listed_codes) >= LIST_PARTNERS and found[0] in listed_codes:
            # "Croatia, Albania and Kosovo signed a joint declaration": every pair of the list.
            return list(combinations(listed_codes, 2))
        return [(found[0], found[1])]


def _border(view: View, mention: Mention) -> bool:
    """Whether a mention only says whose border the place is on ("along the border with
    Venezuela")."""
    if mention.first < BORDER_GAP or mention.role or mention.possessive:
        return False
    before = view.words[mention.first - BORDER_GAP : mention.first]
    return before[0] == "the" and before[1] in BORDER_NOUNS and before[2] == "with"


def _one_sided(view: View, parties: list[Mention], trigger: Mention) -> bool:
    """ "The rivalry with Beijing", "relations with Moscow": a tie with one state and, left
    unsaid, the one the text is about."""
    if roles.left_of(parties, trigger) or trigger.last + 2 >= len(view.words):
        return False
    if view.words[trigger.last + 1] != "with":
        return False
    first = roles.right_of(parties, trigger)[0]
    if first.type is not HitType.ACTOR or first.role or first.possessive:
        return False
    return first.first == trigger.last + 2 or (
        first.first == trigger.last + 3 and view.words[trigger.last + 2] == "the"
    )


def _subjects(view: View, parties: list[Mention], trigger: Mention) -> list[Mention]:
    """The parties, less, before a gerund after "of", those on the left that only complete a
    noun ("accused Eritrea of arming a faction of the TPLF and of backing Fano militias":
    Eritrea backs them)."""
    if trigger.first == 0 or view.words[trigger.first - 1] != "of":
        return parties
    heads = [m for m in parties if m.last >= trigger.first or m.marker not in OF_MARKS]
    return heads if any(m.last < trigger.first for m in heads) else parties


def _party(mention: Mention, mentions: list[Mention]) -> bool:
    """Who can be a party to a relation: not where fighters came from ("jihadists crossing
    from Burkina Faso"), nor the maker of a weapon ("Israeli Harop munitions")."""
    if not mention.party or mention.role not in PARTY_ROLES:
        return False
    if mention.marker == "from" and not _modifies_hostility(mention, mentions):
        return False
    if mention.entry.form == COMPANY:
        # An arms maker stands for its state only as a supplier.
        return False
    if mention.role == "leader" and _leads(mention, mentions):
        # "the Russia-led CSTO ... fought each other": the organisation's leader is no party
        # beside it.
        return False
    if mention.role == "modifier":
        following = next((m for m in mentions if m.first > mention.last), None)
        return following is None or following.type is not HitType.WEAPON
    return True


def _leads(leader: Mention, mentions: list[Mention]) -> bool:
    """Whether the organisation a "-led" names comes right after it ("the Russia-led CSTO")."""
    following = next((m for m in mentions if m.first > leader.last), None)
    return (
        following is not None
        and following.type is HitType.ACTOR
        and following.entry.actor_kind not in ("state", "")
        and following.first - leader.last <= LED_GAP
    )


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
    """Whether an organisation names the kind of a friendly word right after it ("NATO allies");
    before a hostile one it is a party ("the UN arms embargo")."""
    return any(
        m.type is HitType.RELATION
        and m.first == organisation.last + 1
        and m.entry.relation is not None
        and m.entry.relation.kind is ClaimKind.AFFINITY
        for m in mentions
    )


def _required(view: View, trigger: Mention) -> int:
    """Where the word a trigger requires stands ("designated ... as terrorist"), or -1."""
    relation = trigger.entry.relation
    if relation is None or not relation.requires:
        return -1
    end = min(len(view.words), trigger.last + 1 + relation.reach)
    return next((i for i in range(trigger.last + 1, end) if view.words[i] in relation.requires), -1)


def _modifies_hostility(mention: Mention, mentions: list[Mention]) -> bool:
    """ "an exemption from the UN arms embargo": the bloc imposes the embargo."""
    return any(
        m.type is HitType.RELATION
        and m.first == mention.last + 1
        and m.entry.relation is not None
        and m.entry.relation.kind is ClaimKind.HOSTILITY
        for m in mentions
    )


def _camp_drafts(found: Camps, relation: RelationTrigger, weight: float) -> list[Draft]:
    """Allies with each other and with the subjects; both against the enemy."""
    hostile = relation.relation if relation.kind is ClaimKind.HOSTILITY else Relation.ARMED_CLASH
    friends = roles.codes(found.subjects)
    allies = roles.codes(found.allies)
    enemies = roles.codes(found.enemies)
    drafts = [
        Draft(ClaimKind.AFFINITY, a, b, weight, relation=Relation.ALLIANCE)
        for a in friends
        for b in allies
        if a != b
    ]
    drafts += [
        Draft(ClaimKind.HOSTILITY, a, b, weight, relation=hostile)
        for a in dict.fromkeys(friends + allies)
        for b in enemies
        if a != b
    ]
    return drafts


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
