"""The supply rule: who arms whom with what, from one clause.

The first trigger word of a clause sets its frame (see data/extract/supply.toml):
where the supplier and the recipient stand. A supplier the clause does not name
comes from the weapon's origin ("Turkish-made", "Iranian drones", else the
catalogue's origin of a named system, at lower confidence); a recipient it does
not name comes from the paragraph's topic, at lower confidence.

Beyond the frames: lists on either side ("to Poland, Ukraine and Morocco"), one
supplier per item ("drones from Iran and TB2s from Turkey"), a clause that goes on
the sentence without a subject ("..., and shipped weapons to the RSF"), the object
of a relative clause ("Typhoons, which Britain will supply"), buying for someone
("bought shells for Ukraine") and an arms noun used as a verb ("Iran arms Hezbollah").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from allegiance.extract import roles
from allegiance.extract.amounts import AmountReader
from allegiance.extract.discourse import Discourse
from allegiance.extract.draft import Draft
from allegiance.extract.lexicon import Lexicon, SupplyTrigger
from allegiance.extract.modality import ModalityReader
from allegiance.extract.patterns import HitType
from allegiance.extract.recipients import before_purpose, holders, in_service, partitive
from allegiance.extract.view import DASHES, POSSESSIVE, Clause, Mention, View
from allegiance.model import Category, ClaimKind, Status

PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"})
# How much a claim keeps when a role had to be inferred rather than read.
FROM_ORIGIN = 0.85
FROM_CATALOGUE = 0.7
FROM_TOPIC = 0.8
FROM_ANAPHOR = 0.9
ORIGIN_ONLY = 0.7
MAKER = "maker"
ORIGINS = frozenset({"origin", "modifier", MAKER})
SUPPLIER_ROLES = frozenset({"", "based", "patron"})
NOUNS = (HitType.OBJECT, HitType.TERM)
# "Kyiv's second-largest military backer": how far a possessor may stand from the noun.
OWNER_REACH = 6
# A supplier this close after an item ("drones supplied by the UAE") is that item's.
SUPPLIER_REACH = 6
# A clause can state a transfer only with a transfer word, or an origin beside arms.
CANDIDATES = frozenset({HitType.SUPPLY, HitType.WEAPON, HitType.TERM, HitType.OBJECT})
# Roles that never make a supplier or a recipient: "Russia-led", "an EU member state".
NOT_PARTIES = frozenset({"leader", "member"})
# A giver named again within this many tokens is its own recipient ("bolstered its navy").
ITEM_REACH = 3
# What may stand between two places of one route ("through Iraq and Turkey").
ROUTE_LISTS = frozenset({"and", "or", ","})
# Frames of a second transfer word whose "by" names the supplier, not the recipient.
MAKERS_BY = frozenset({"giver", "production", "licensee"})
# "given part of the fleet": the weapon named before the clause.
FLEET_NOUNS = frozenset({"fleet", "fleets"})
FLEET_OWNERS = frozenset({"the", "its", "their", "this", "that"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Suppliers and recipients one clause names, and how directly."""

    suppliers: tuple[Mention, ...] = ()
    recipients: tuple[Mention, ...] = ()


class SupplyRule:
    def __init__(self, lexicon: Lexicon, modality: ModalityReader, amounts: AmountReader) -> None:
        self._coordinators = lexicon.words("coordinators")
        self._to = lexicon.words("recipient_marks")
        self._in = lexicon.words("place_marks")
        self._from = lexicon.words("supplier_marks")
        self._not_subject = lexicon.words("prepositions") | lexicon.words("places")
        self._frames = lexicon.discourse["frame"]
        self._transfer_suffixes = lexicon.words("transfer_suffixes")
        self._object_verbs = {w: lexicon.supply[w] for w in lexicon.words("object_verbs")}
        self._joint = lexicon.words("joint_marks")
        self._forces = {tuple(f.split()) for f in lexicon.discourse["forces"]}
        self._beneficiary = frozenset({"for"})
        self._transit = lexicon.words("transit_marks")
        self._partitives = lexicon.words("partitives")
        self._purposes = lexicon.words("purpose_verbs")
        self._national_groups = lexicon.words("national_groups")
        self._modality = modality
        self._amounts = amounts

    def apply(self, view: View, clause: Clause, discourse: Discourse) -> list[Draft]:
        """The transfers one clause states."""
        if not view.holds(clause, CANDIDATES):
            return []
        mentions = self._verbs_of_objects(view, clause, view.in_clause(clause))
        found = [m for m in mentions if m.type is HitType.SUPPLY]
        triggers = [m for m in found if not _suffix(view, m) and self._sourced(m, mentions)]
        # A secondary word ("paid for") leads only when no other transfer word is there.
        triggers.sort(key=lambda m: _trigger(m).secondary)
        if not triggers:
            return self._origin_frame(view, clause, discourse, mentions)
        primary = triggers[0]
        frame = _trigger(primary).frame
        modality = self._modality.read(view, clause, primary)
        arms = (
            [m for m in mentions if m.armament]
            or roles.antecedent_items(view, clause)
            or _fleet_items(view, clause, primary)
        )
        if modality.drop or not self._has_object(view, mentions, triggers, arms):
            return []
        parties = self._parties(view, mentions)
        parties = roles.with_antecedent(view, clause, parties)
        givers = tuple(m for m in triggers[1:] if _trigger(m).frame in MAKERS_BY)
        found_roles = self._roles(view, clause, frame, parties, primary, arms, givers)
        status = modality.status or _status(triggers or found, frame)
        weight = _trigger(primary).confidence * modality.weight
        if not found_roles.recipients and any(
            m.first > primary.last and m.party and self._nationality(view, m) for m in mentions
        ):
            # "denied arming any Colombian group": an unnamed group, not the paragraph's topic.
            return []
        if _trigger(primary).needs_recipient and not found_roles.recipients:
            # "flown into northern Luzon for an exercise": a deployment, not a transfer.
            return []
        # "The equipment had been bought from Russia": the buyer is the state the text is about.
        bought = frame == "receiver" and _passive(view, primary)
        return self._drafts(
            view, clause, discourse, frame, found_roles, arms, status, weight, bought=bought
        )

    def _parties(self, view: View, mentions: list[Mention]) -> list[Mention]:
        """The clause's possible suppliers and recipients; a route's list stays a route
        ("through Iraq and Turkey")."""
        parties = [
            m
            for m in mentions
            if self._takes_part(m)
            and not _sanctioner(m, mentions)
            and not self._nationality(view, m)
        ]
        routes = [m for m in mentions if m.party and m.marker in self._transit]
        if not routes:
            return parties
        listed = set()
        for route in routes:
            after = [m for m in parties if m.first > route.last]
            if after and all(w in ROUTE_LISTS for w in view.between(route, after[0])):
                listed.add(after[0].first)
        return [m for m in parties if m.first not in listed]

    def _takes_part(self, mention: Mention) -> bool:
        """Whether a mention can supply or receive: not "Russia-led", not a route ("smuggled
        through Iraq"), not an enemy ("used against the KIA")."""
        return (
            mention.party
            and mention.role not in NOT_PARTIES
            and mention.marker not in self._transit
        )

    def _nationality(self, view: View, mention: Mention) -> bool:
        """ "any Colombian group": a demonym that says where a group is from, not a state."""
        after = mention.last + 1
        return (
            mention.entry.form in ("demonym", "adjective")
            and after < len(view.words)
            and view.words[after].lower() in self._national_groups
        )

    def _sourced(self, trigger: Mention, mentions: list[Mention]) -> bool:
        """A word like "sources" is a transfer only with a supplier after "from"."""
        if not _trigger(trigger).needs_source:
            return True
        return any(m.party and m.marker in self._from and m.first > trigger.last for m in mentions)

    def _verbs_of_objects(
        self, view: View, clause: Clause, mentions: list[Mention]
    ) -> list[Mention]:
        """ "Iran arms Hezbollah with rockets": an arms noun used as a verb between two parties."""
        if not any(m.type in NOUNS and m.entry.text in self._object_verbs for m in mentions):
            return mentions
        out = list(mentions)
        for i, mention in enumerate(out):
            verb = self._object_verbs.get(mention.entry.text)
            if verb is None or mention.type not in NOUNS or i == 0:
                continue
            before, after = out[i - 1], out[i + 1] if i + 1 < len(out) else None
            # "... Hezbollah with rockets", or "the rebels, whom Rwanda arms and commands".
            gap = after is None and clause.antecedent >= 0
            if (
                before.party
                and mention.first - before.last == 1
                and (gap or (after is not None and after.party and after.first - mention.last <= 2))
            ):
                entry = replace(mention.entry, type=HitType.SUPPLY, supply=verb)
                out[i] = mention._replace(type=HitType.SUPPLY, entry=entry)
        return out

    def _origin_frame(
        self, view: View, clause: Clause, discourse: Discourse, mentions: list[Mention]
    ) -> list[Draft]:
        """ "American-supplied equipment": a transfer named by a hyphenated origin alone."""
        origin = next((m for m in mentions if self._origin_frame_opener(view, m)), None)
        arms = [m for m in mentions if m.armament]
        if origin is None or not (arms or any(m.type is HitType.OBJECT for m in mentions)):
            return []
        modality = self._modality.read(view, clause, origin)
        if modality.drop:
            return []
        parties = [m for m in mentions if self._takes_part(m)]
        found = self._origin_only(view, parties)
        status = modality.status or Status.DELIVERED
        weight = ORIGIN_ONLY * modality.weight
        return self._drafts(view, clause, discourse, "origin", found, arms, status, weight)

    def _origin_frame_opener(self, view: View, mention: Mention) -> bool:
        """ "American-supplied kit", or any origin after an owner ("India's French-built jets")."""
        if mention.role not in ORIGINS:
            return False
        if mention.role == "origin" and self._transfers(mention):
            return True
        return _owned(view, mention)

    def _transfers(self, mention: Mention) -> bool:
        text = mention.entry.text.lower()
        tail = text.rpartition("-")[2] if "-" in text else ""
        return tail in self._transfer_suffixes

    def _has_object(
        self, view: View, mentions: list[Mention], triggers: list[Mention], arms: list[Mention]
    ) -> bool:
        if arms or not all(_trigger(t).needs_object for t in triggers):
            return True
        if any(m.type is HitType.OBJECT for m in mentions):
            return True
        # "pledged 0.25 percent of their GDP to Ukraine's military": whatever goes to an
        # army is military aid.
        return any(
            m.party and m.marker in self._beneficiary | {"to"} and self._forces_after(view, m)
            for m in mentions
        )

    def _forces_after(self, view: View, mention: Mention) -> bool:
        index = mention.last + 1
        if index < len(view.words) and view.words[index] in POSSESSIVE:
            index += 1
        return view.words[index : index + 2] in self._forces or (
            view.words[index : index + 1] in self._forces
        )

    # -- roles by frame ----------------------------------------------------

    def _roles(
        self,
        view: View,
        clause: Clause,
        frame: str,
        parties: list[Mention],
        trigger: Mention,
        arms: list[Mention],
        givers: tuple[Mention, ...] = (),
    ) -> Roles:
        # Only an actor no preposition introduces can be the subject on the left; the
        # holder of an arms noun ("the group's arsenal") is none either.
        held = holders(view, parties)
        subjects = [
            m
            for m in parties
            if (m.possessive or m.marker not in self._not_subject or m.last > trigger.last)
            and m not in held
        ]
        left = roles.nearest_group(view, subjects, trigger, self._coordinators, left=True)
        right = roles.right_of(parties, trigger)
        plain_right = [m for m in right if not m.role and m.marker not in self._from]
        if frame == "user" and roles.marked(right, self._to):
            # "deployed drones to Libya", "flew missiles to Belgrade": it changed hands.
            frame = "giver"
        if frame in ("giver", "arming"):
            plain_right = before_purpose(view, trigger, plain_right, self._purposes)
            found = self._giver(view, clause, frame, parties, trigger, (left, right, plain_right))
            if found.recipients or not held:
                return found
            # "rebuild the group's arsenal by smuggling rockets": the holder gets them.
            return Roles(found.suppliers, tuple(m for m in held if m not in found.suppliers))
        if frame == "service":
            return Roles((), _one(in_service(view, trigger, parties)))
        if frame == "agent":
            return self._agent(view, parties, trigger, left, right)
        if frame in ("receiver", "user"):
            # "the largest recipient of US military aid": "of" names the giver there.
            marks = self._from - {"by"} | ({"of"} if trigger.entry.text.endswith(" of") else set())
            suppliers = self._all_marked(view, parties, right, frozenset(marks))
            by = roles.marked(right, frozenset({"by"}))
            if by and any(trigger.last < g.last < by.first for g in givers):
                # "operates drones supplied by Turkey", "bought frigates built by Mitsubishi":
                # the "by" of a giver's or a maker's word names the supplier.
                suppliers = (*suppliers, *(m for m in (by,) if m not in suppliers))
                by = None
            recipients = [by] if by else [m for m in left if not m.role]
            beneficiary = roles.marked(right, self._beneficiary)
            buyers = set(roles.codes(left))
            if beneficiary and frame == "receiver" and not set(beneficiary.codes) <= buyers:
                # "the Czechs bought shells for Ukraine": the buyer supplies Ukraine.
                return Roles(suppliers or _supplying(left), (beneficiary,))
            return Roles(suppliers, tuple(recipients))
        if frame == "production":
            place = roles.marked(right, self._in)
            if place is not None:
                return Roles(_supplying(left), _one(place))
            # "Algeria assembles Russian-designed vehicles": the maker is the recipient.
            return Roles((), tuple(m for m in left if not m.role))
        if frame == "licensee":
            suppliers = self._all_marked(view, parties, right, self._from | self._joint)
            makers = tuple(m for m in left if not m.role)
            return Roles(suppliers, makers) if suppliers else _partners(makers, arms)
        return self._origin_only(view, parties)

    def _all_marked(
        self, view: View, parties: list[Mention], right: list[Mention], marks: frozenset[str]
    ) -> tuple[Mention, ...]:
        """Every party a mark introduces, with the ones listed beside it ("from X and Y")."""
        out: list[Mention] = []
        for mention in right:
            if mention.marker in marks and mention not in out:
                found = roles.group(view, parties, parties.index(mention), self._coordinators)
                out += [m for m in found if m in right and not m.role and m not in out]
        return tuple(out)

    def _giver(
        self,
        view: View,
        clause: Clause,
        frame: str,
        parties: list[Mention],
        trigger: Mention,
        sides: tuple[list[Mention], list[Mention], list[Mention]],
    ) -> Roles:
        left, right, plain_right = sides
        buyers = _buyers(view, trigger, right)
        right = [m for m in right if m not in buyers]
        marked = self._all_marked(view, parties, right, self._from)
        recipients = self._all_marked(view, parties, right, self._to) + buyers
        if not left and _continues(view, clause, trigger):
            # "..., and shipped weapons to the RSF": the sentence's subject goes on.
            left = roles.sentence_subject(view)
        # The giver named again later ("..., part of a relationship Taipei calls ...") is no
        # recipient.
        giving = set(roles.codes(left))
        plain_right = [
            m
            for m in plain_right
            if m.first - trigger.last <= ITEM_REACH or not set(m.codes) <= giving
        ]
        forces = [m for m in left if m.possessive and self._forces_after(view, m)]
        if forces and not recipients and frame == "giver":
            # "Thailand's air force sent US-built F-16s to strike ...": its own jets.
            return Roles((), tuple(forces))
        # A supplier listed after "by" or "from" is none of the plain recipients.
        plain_right = [m for m in plain_right if m not in marked]
        # "deliveries of weapons from the West": the supplier is named, but is no actor.
        unnamed = not marked and "from" in view.words[trigger.last + 1 : trigger.last + 8]
        if frame == "arming":
            # "trained and paid the Somaliland coast guard": past a second verb.
            reach = 4 if view.words[trigger.last + 1 : trigger.last + 2] == ("and",) else 2
            near = next((m for m in plain_right if m.first - trigger.last <= reach), None)
            # "arming a breakaway faction of the TPLF": past words naming part of a group.
            near = near or partitive(view, trigger, plain_right, self._partitives)
            if near is None and clause.antecedent >= 0:
                # "the rebels, whom Rwanda arms": the one the relative clause is about.
                near = next((m for m in parties if m.last < trigger.first - 2), None)
            if near is None or near in left:
                return Roles()
            recipients = (near,)
        passive = _passive(view, trigger)
        if marked and marked[0].marker != "by" and not recipients and not passive:
            # "India leased a submarine from Russia": said by the one who got it.
            return Roles(marked, tuple(m for m in left if not m.role))
        reduced = _reduced(view, trigger) and not _paid_for(view, clause, trigger)
        suppliers = marked if marked else () if passive or unnamed or reduced else _supplying(left)
        if recipients:
            return Roles(suppliers, recipients)
        owner = _owner_of_items(view, trigger, parties)
        if owner is not None:
            return Roles(suppliers, (owner,))
        recipient = next((m for m in reversed(left) if not m.role), None) if passive else None
        if recipient is None and plain_right:
            # "gave boats to a dozen states, including Fiji and Tonga": the whole list.
            listed = roles.group(view, parties, parties.index(plain_right[0]), self._coordinators)
            return Roles(suppliers, tuple(m for m in listed if m in plain_right))
        recipient = recipient or roles.marked(right, self._in)
        recipient = recipient or roles.marked(parties, self._to)
        return Roles(suppliers, _one(recipient))

    def _agent(
        self,
        view: View,
        parties: list[Mention],
        trigger: Mention,
        left: list[Mention],
        right: list[Mention],
    ) -> Roles:
        """ "X is Z's main arms supplier" / "X, a supplier to Z" / "the parts supplier for Z"."""
        if left and left[-1].possessive and trigger.first - left[-1].last <= OWNER_REACH:
            before = [m for m in parties if m.last < left[0].first]
            if not before:
                # "Pakistan's main arms supplier is China".
                after = [m for m in right if not m.role and m.first - trigger.last <= 3]
                return Roles(_supplying(after[:1]), tuple(left))
            index = parties.index(before[-1])
            suppliers = roles.group(view, parties, index, self._coordinators)
            return Roles(_supplying(suppliers), tuple(left))
        recipient = roles.marked(right, self._to | self._in | {"of"})
        return Roles(_supplying(left), _one(recipient))

    def _origin_only(self, view: View, parties: list[Mention]) -> Roles:
        """ "American-supplied equipment": the maker is named, the holder perhaps as owner,
        or as the forces it equipped ("the US-funded Afghan army")."""
        origins = [m for m in parties if m.role in ORIGINS]
        owners = [m for m in parties if m.possessive and not m.role]
        if not owners and origins:
            owners = [
                m
                for m in parties
                if m.first == origins[0].last + 1 and not m.role and self._forces_after(view, m)
            ]
        return Roles(tuple(origins[:1]), tuple(owners[:1]))

    # -- drafts ------------------------------------------------------------

    def _drafts(
        self,
        view: View,
        clause: Clause,
        discourse: Discourse,
        frame: str,
        found: Roles,
        arms: list[Mention],
        status: Status,
        weight: float,
        *,
        bought: bool = False,
    ) -> list[Draft]:
        items: list[Mention | None] = list(self._items(frame, arms, found)) or [None]
        money = self._amounts.money(view.clause_text(clause))
        drafts = []
        for item in items:
            suppliers = self._own_suppliers(view, clause, found, item, discourse)
            taken = _taken(found, suppliers)
            for supplier, s_weight in suppliers:
                if supplier in taken:
                    continue
                for recipient, r_weight in self._recipients(
                    view, found, supplier, discourse, frame, bought=bought
                ):
                    if supplier == recipient:
                        continue
                    drafts.append(
                        Draft(
                            ClaimKind.SUPPLY,
                            supplier,
                            recipient,
                            round(min(1.0, weight * s_weight * r_weight), 4),
                            weapon=item.entry.weapon if item else None,
                            category=_category(frame, item, view, clause),
                            quantity=self._amounts.quantity(view.words, item.first)
                            if item
                            else None,
                            status=status,
                            value=money.value if money else None,
                            value_unit=money.unit if money else None,
                            inferred=s_weight == FROM_CATALOGUE,
                        )
                    )
        return drafts

    def _items(self, frame: str, arms: list[Mention], found: Roles) -> list[Mention]:
        named = [m for m in arms if m.type is HitType.WEAPON]
        if frame == "user" and arms:
            return [m for m in (named or arms)][:2]
        if named:
            return _unique_weapons(named)
        return arms[:1]

    def _own_suppliers(
        self, view: View, clause: Clause, found: Roles, item: Mention | None, discourse: Discourse
    ) -> list[tuple[str, float]]:
        """The suppliers; "Vietnam bolstered its navy with Russian-built submarines" is no
        self-supply: the item's origin supplies it."""
        suppliers = self._suppliers(view, clause, found, item, discourse)
        # "Washington donated drones to the navy": "the navy" is the text's state, not the
        # giver's own ("bolstered its navy" is).
        own = set(roles.codes([m for m in found.recipients if not _definite(m)]))
        if found.suppliers and own and {c for c, _ in suppliers} <= own:
            return self._suppliers(view, clause, Roles((), found.recipients), item, discourse)
        return suppliers

    def _suppliers(
        self, view: View, clause: Clause, found: Roles, item: Mention | None, discourse: Discourse
    ) -> list[tuple[str, float]]:
        if found.suppliers:
            own = _paired(view, found.suppliers, item, self._coordinators)
            origin = _own_origin(view, clause, item, own)
            if origin is not None:
                return [(c, FROM_ORIGIN) for c in origin.codes]
            return [(c, _anaphoric(m)) for m in own for c in m.codes]
        transfer = discourse.transfer
        if transfer is not None and not found.recipients and view.opens_with(self._frames):
            return [(transfer.supplier, FROM_ANAPHOR)]
        origins = [m for m in view.in_clause(clause) if m.role in ORIGINS and m.codes]
        before = [m for m in origins if item is None or m.first < item.first]
        # "The drones, all of them made in Iran, ...": a maker named after its item.
        before = before or [m for m in origins if m.role == MAKER][:1]
        if before:
            return [(c, FROM_ORIGIN) for c in before[-1].codes]
        if item is not None and item.entry.origin:
            return [(item.entry.origin, FROM_CATALOGUE)]
        return []

    def _recipients(
        self,
        view: View,
        found: Roles,
        supplier: str,
        discourse: Discourse,
        frame: str,
        *,
        bought: bool = False,
    ) -> list[tuple[str, float]]:
        if found.recipients:
            return [
                (_other(m, c, supplier, discourse), _anaphoric(m))
                for m in found.recipients
                for c in m.codes
            ]
        transfer = discourse.transfer
        if transfer is not None and transfer.supplier == supplier and view.opens_with(self._frames):
            return [(transfer.recipient, FROM_ANAPHOR)]
        if frame in ("user", "production", "service"):
            return []
        if discourse.clause_recipient is not None and discourse.clause_recipient != supplier:
            # "It received F-16s from the US ..., and South Korean T-50s, delivered in 2017".
            return [(discourse.clause_recipient, FROM_ANAPHOR)]
        main = discourse.main(supplier) if bought else None
        if main is not None:
            return [(main, FROM_TOPIC)]
        if transfer is not None and transfer.recipient != supplier:
            # "Pyongyang has shipped shells to Russia. ... the North has sent guns": the
            # paragraph goes on about who arms the one it last saw armed.
            return [(transfer.recipient, FROM_TOPIC)]
        topic = discourse.recipient(supplier)
        return [(topic, FROM_TOPIC)] if topic else []


def _paid_for(view: View, clause: Clause, trigger: Mention) -> bool:
    """ "Berlin paid for most of the ammunition sent to Ukraine": the payer gives what the
    participle sends, unless the item names its maker ("the Turkish drones sold to ...")."""
    before = [m for m in view.in_clause(clause) if m.last < trigger.first]
    paying = any(m.type is HitType.SUPPLY and _trigger(m).secondary for m in before)
    item = next((m for m in reversed(before) if m.armament or m.type is HitType.OBJECT), None)
    origin = item is not None and any(
        m.role in ORIGINS and item.first - m.last <= 2 for m in before if m.last < item.first
    )
    return paying and not origin


def _fleet_items(view: View, clause: Clause, trigger: Mention) -> list[Mention]:
    """ "replacing its F-16s ..., and has given a large part of the fleet to Ukraine": the
    weapon named before the clause that "the fleet" takes up."""
    words = view.words[trigger.last + 1 : clause.end]
    if not any(w in FLEET_NOUNS and v in FLEET_OWNERS for v, w in pairwise(words)):
        return []
    named = [m for m in view.mentions if m.type is HitType.WEAPON and m.last < clause.first]
    # "replacing its F-16s with the F-35": the fleet is the one it has.
    owned = [m for m in named if m.first and view.words[m.first - 1] in ("its", "their")]
    return (owned or named)[-1:]


def _definite(mention: Mention) -> bool:
    """An anaphor like "the army", "the armed forces" (not "its army")."""
    return mention.type is HitType.ANAPHOR and mention.entry.text.lower().startswith("the ")


def _sanctioner(mention: Mention, mentions: list[Mention]) -> bool:
    """ "an exemption from the UN arms embargo": the bloc that imposes it supplies nothing."""
    return roles.is_org(mention) and any(
        m.type is HitType.RELATION
        and m.first == mention.last + 1
        and m.entry.relation is not None
        and m.entry.relation.kind is ClaimKind.HOSTILITY
        for m in mentions
    )


def _buyers(view: View, trigger: Mention, right: list[Mention]) -> tuple[Mention, ...]:
    """ "flew in carriers bought by the Haitian government": "by" after a receiving word
    names who got them, not who gave them."""
    receivers = [
        m
        for m in view.mentions
        if m.type is HitType.SUPPLY and m.first > trigger.last and _receives(m)
    ]
    if not receivers:
        return ()
    return tuple(m for m in right if m.marker == "by" and any(r.last < m.first for r in receivers))


def _receives(mention: Mention) -> bool:
    supply = mention.entry.supply
    return supply is not None and supply.frame == "receiver"


def _paired(
    view: View, suppliers: tuple[Mention, ...], item: Mention | None, coordinators: frozenset[str]
) -> tuple[Mention, ...]:
    """ "drones from Iran and TB2s from Turkey": each item with the supplier named after it."""
    if item is None or len(suppliers) < 2:
        return suppliers
    after = [m for m in suppliers if m.first > item.last]
    if not after:
        return suppliers
    return tuple(roles.group(view, list(suppliers), suppliers.index(after[0]), coordinators))


def _taken(found: Roles, suppliers: list[tuple[str, float]]) -> frozenset[str]:
    """Suppliers that are the state an anaphoric recipient stands for, when another supplier
    is named: "Under Plan Colombia, Washington delivered Black Hawks to the army": the army
    is Colombia's, so Colombia gives nothing."""
    own = {c for m in found.recipients if m.type is HitType.ANAPHOR for c in m.codes}
    givers = {c for c, _ in suppliers}
    return frozenset(own & givers) if givers - own else frozenset()


def _other(mention: Mention, code: str, supplier: str, discourse: Discourse) -> str:
    """An anaphor read as the supplier itself stands for the state named before."""
    if code != supplier or mention.type is not HitType.ANAPHOR:
        return code
    return discourse.salient(other_than=code) or code


def _partners(makers: tuple[Mention, ...], arms: list[Mention]) -> Roles:
    """ "China and Pakistan jointly produce the JF-17": the design's home gets it from the other."""
    origins = {m.entry.origin for m in arms if m.entry.origin}
    home = tuple(m for m in makers if set(m.codes) & origins)
    if not home or len(home) == len(makers):
        return Roles((), makers)
    return Roles(tuple(m for m in makers if m not in home), home)


def _own_origin(
    view: View, clause: Clause, item: Mention | None, suppliers: tuple[Mention, ...]
) -> Mention | None:
    """ "Turkish TB2s, Chinese-made drones supplied by the UAE and Iranian Mohajer-6s": an
    item with its own origin, in a list where the named supplier follows another item."""
    if item is None or not all(m.marker in ("by", "from") for m in suppliers[:1]):
        return None
    if any(item.last < m.first <= item.last + SUPPLIER_REACH for m in suppliers):
        return None
    before = [m for m in view.in_clause(clause) if m.role in ORIGINS and m.last < item.first]
    if not before or item.first - before[-1].last > 1:
        return None
    return before[-1] if set(before[-1].codes) - {c for m in suppliers for c in m.codes} else None


def _trigger(mention: Mention) -> SupplyTrigger:
    assert mention.entry.supply is not None
    return mention.entry.supply


def _suffix(view: View, mention: Mention) -> bool:
    """Whether a trigger is the "-supplied" of "American-supplied" rather than a verb."""
    index = mention.first
    return index >= 2 and view.words[index - 1] in DASHES and not view.spaced[index - 2]


def _owned(view: View, mention: Mention) -> bool:
    """Whether an owner stands right before an origin ("Azerbaijan's Turkish-made drones")."""
    before = [m for m in view.mentions if m.party and m.last < mention.first]
    return bool(before) and before[-1].possessive and mention.first - before[-1].last <= 3


def _continues(view: View, clause: Clause, trigger: Mention) -> bool:
    """Whether the trigger's clause goes on the sentence without a subject of its own."""
    opening = view.words[clause.first : clause.first + 2]
    if "and" not in opening or clause.first == 0:
        return False
    return not any(m.party and m.first < trigger.first for m in view.in_clause(clause))


def _reduced(view: View, trigger: Mention) -> bool:
    """ "Turkish drones sold to Somalia": a participle after its item, whose maker sells it."""
    if trigger.first == 0 or view.words[trigger.first].endswith("ing"):
        return False
    return any(m.armament and m.last == trigger.first - 1 for m in view.mentions)


def _passive(view: View, trigger: Mention) -> bool:
    """ "was supplied", "were sold" (but not "are providing")."""
    if view.words[trigger.first].endswith("ing"):
        return False
    before = view.words[max(0, trigger.first - 2) : trigger.first]
    return any(w in PASSIVE for w in before)


def _owner_of_items(view: View, trigger: Mention, parties: list[Mention]) -> Mention | None:
    """ "Ukraine's Patriot batteries, all of them supplied by Germany": a participle with
    "by" after the items of an owner; the owner got them."""
    if view.words[trigger.last + 1 : trigger.last + 2] != ("by",) or _passive(view, trigger):
        return None
    items = {m.first for m in view.mentions if m.armament and m.last < trigger.first}
    return next(
        (
            m
            for m in parties
            if m.possessive and not m.role and m.last + 2 in items | {i - 1 for i in items}
        ),
        None,
    )


def _supplying(mentions: list[Mention]) -> tuple[Mention, ...]:
    return tuple(m for m in mentions if m.role in SUPPLIER_ROLES)


def _one(mention: Mention | None) -> tuple[Mention, ...]:
    return (mention,) if mention is not None else ()


def _anaphoric(mention: Mention) -> float:
    return FROM_ANAPHOR if mention.type is HitType.ANAPHOR else 1.0


def _status(triggers: list[Mention], frame: str) -> Status:
    statuses = [_trigger(t).status for t in triggers]
    if Status.AID in statuses:
        return Status.AID
    return statuses[0] if frame != "origin" else Status.DELIVERED


def _unique_weapons(named: list[Mention]) -> list[Mention]:
    seen: set[str | None] = set()
    out = []
    for mention in named:
        if mention.entry.weapon not in seen:
            seen.add(mention.entry.weapon)
            out.append(mention)
    return out


def _category(frame: str, item: Mention | None, view: View, clause: Clause) -> Category | None:
    """The item's category; for a plant, the plant; with no item, the trigger's own."""
    if item is not None and item.type is HitType.WEAPON:
        return item.entry.category
    if frame == "production":
        return Category.PRODUCTION_FACILITY
    if item is not None:
        return item.entry.category
    for mention in view.in_clause(clause):
        supply = mention.entry.supply
        if supply is not None and supply.category is not None:
            return supply.category
    return Category.OTHER
