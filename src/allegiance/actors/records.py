"""The gazetteer's records: aliases, states, organisations, memberships and armed groups.

``model.Actor`` is what the rest of the program passes around; these records
carry what only the gazetteer knows about an actor (codes, capitals, leaders,
membership periods) and cross module boundaries as frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from allegiance.model import ActorKind


class AliasForm(StrEnum):
    """What kind of string an alias is; the extractor trusts some forms more than others."""

    NAME = "name"
    SHORT = "short"
    DEMONYM = "demonym"
    ADJECTIVE = "adjective"
    ORIGIN = "origin"
    CAPITAL = "capital"
    SEAT = "seat"
    CODE = "code"
    HISTORICAL = "historical"
    # A head of state or government named for the state ("Putin", "al-Sisi").
    LEADER = "leader"
    # An arms maker named for its home state ("PZL Mielec", "Baykar"): a supplier,
    # never a party to an alliance or a rivalry.
    COMPANY = "company"


@dataclass(frozen=True, slots=True)
class Alias:
    """One string that names an actor.

    ``case_sensitive`` aliases ("US", "UK", codes) match only as written, so
    that "us" in "let us" never resolves. ``ambiguous`` ones ("Chad", "Turkey",
    "Congo", "Korea") are real mentions only in context: the extractor should
    ask for corroboration before it trusts them.
    """

    text: str
    code: str
    form: AliasForm
    case_sensitive: bool = False
    ambiguous: bool = False


class StateStatus(StrEnum):
    UN_MEMBER = "un_member"
    UN_OBSERVER = "un_observer"
    # Kosovo, Taiwan, Western Sahara: not in the UN, but reported as states.
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class State:
    """What the gazetteer knows about a state beyond its ``Actor``."""

    code: str
    name: str
    iso2: str | None
    cow: int | None
    cow_abb: str | None
    official_name: str | None
    capital: str | None
    status: StateStatus


class OrgType(StrEnum):
    """How much co-membership says about alignment, strongest first."""

    MILITARY_ALLIANCE = "military_alliance"
    SECURITY = "security"
    POLITICAL = "political"
    ECONOMIC = "economic"
    # A standing conference whose members include rivals and bind themselves
    # to nothing (OSCE, CICA, EAPC): co-membership says next to nothing.
    FORUM = "forum"
    # The UN: everyone is in it, so co-membership says nothing.
    UNIVERSAL = "universal"


@dataclass(frozen=True, slots=True)
class Organisation:
    """An intergovernmental organisation and, where there is one, the state that leads it."""

    code: str
    name: str
    type: OrgType
    led_by: str | None = None
    founded: int | None = None
    dissolved: int | None = None


class MembershipStatus(StrEnum):
    FULL = "full"
    ASSOCIATE = "associate"
    OBSERVER = "observer"


@dataclass(frozen=True, slots=True)
class Membership:
    """One period of one state's membership of one organisation.

    ``since`` and ``until`` are the years it joined and left (``until`` is None
    while it is a member); a state counts as a member in every year from one
    to the other, both included. ``row`` is the 1-based data row of
    ``memberships.csv``, which evidence cites; ``source`` names where the row
    comes from.
    """

    member: str
    organisation: str
    since: int | None
    until: int | None
    source: str
    row: int
    status: MembershipStatus = MembershipStatus.FULL
    note: str = ""

    def active(self, year: int) -> bool:
        """Whether the state was a member at any time in ``year``."""
        started = self.since is None or self.since <= year
        return started and (self.until is None or year <= self.until)


@dataclass(frozen=True, slots=True)
class Group:
    """A non-state armed group (or a private military company) and the state it is based in."""

    code: str
    name: str
    kind: ActorKind
    home: str | None
    note: str = ""
