"""The gazetteer: every actor, every name it goes by, and who belongs to what and when."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib.resources.abc import Traversable
from itertools import chain
from typing import TypeVar

from allegiance.actors import loading
from allegiance.actors.aliases import (
    best_per_text,
    flagged,
    named_aliases,
    origin_forms,
    state_aliases,
    with_ascii,
    with_plurals,
)
from allegiance.actors.index import AliasIndex
from allegiance.actors.names import fold
from allegiance.actors.records import (
    Alias,
    AliasForm,
    Group,
    Membership,
    MembershipStatus,
    Organisation,
    State,
)
from allegiance.errors import InputError, NotFoundError
from allegiance.model import Actor, ActorKind

_KIND_ORDER = {kind: i for i, kind in enumerate(ActorKind)}
_T = TypeVar("_T")


class Gazetteer:
    """States, organisations and armed groups; their aliases; and organisation memberships.

    ``Gazetteer.load()`` gives the shipped one. Tests and tools can build a
    small one from records: aliases implied by the records themselves (names,
    codes, capitals, plurals, origin forms) are generated either way.
    """

    def __init__(
        self,
        *,
        states: Iterable[State] = (),
        organisations: Iterable[Organisation] = (),
        groups: Iterable[Group] = (),
        aliases: Iterable[Alias] = (),
        memberships: Iterable[Membership] = (),
        suffixes: Iterable[str] = (),
        homonyms: Iterable[str] = (),
    ) -> None:
        self._states = {s.code: s for s in states}
        self._organisations = {o.code: o for o in organisations}
        self._groups = {g.code: g for g in groups}
        self._suffixes = tuple(suffixes)
        display = self._display_names()
        base = self._base_aliases(aliases, display)
        index = AliasIndex(base, self._suffixes, display)
        self._index = index
        self._display = display
        self._shared = index.shared_keys()
        self._aliases = flagged(base, self._shared, {fold(h) for h in homonyms})
        self._actors = self._build_actors()
        self._by_cow = {s.cow: s.code for s in self._states.values() if s.cow is not None}
        self._memberships = tuple(memberships)
        self._by_org, self._by_member = self._index_memberships()

    @classmethod
    def load(cls, folder: Traversable | None = None) -> Gazetteer:
        """The gazetteer read from ``folder``; by default the shipped one, read once."""
        if folder is None:
            return _shipped()
        tables = loading.Tables.read(folder)
        return cls(
            states=tables.states,
            organisations=tables.organisations,
            groups=tables.groups,
            aliases=tables.aliases,
            memberships=tables.memberships,
            suffixes=tables.suffixes,
            homonyms=tables.homonyms,
        )

    # --- building ------------------------------------------------------------------------

    def _display_names(self) -> dict[str, str]:
        records: Iterable[State | Organisation | Group] = chain(
            self._states.values(), self._organisations.values(), self._groups.values()
        )
        display: dict[str, str] = {}
        for record in records:
            if record.code in display:
                raise InputError(f"two actors share the code {record.code}")
            display[record.code] = record.name
        return display

    def _base_aliases(self, curated: Iterable[Alias], display: dict[str, str]) -> list[Alias]:
        implied = chain(
            chain.from_iterable(state_aliases(s) for s in self._states.values()),
            chain.from_iterable(named_aliases(o) for o in self._organisations.values()),
            chain.from_iterable(named_aliases(g) for g in self._groups.values()),
        )
        base = best_per_text(with_plurals(chain(implied, curated)), set(display))
        unknown = sorted({a.code for a in base} - display.keys())
        if unknown:
            raise InputError(f"aliases name unknown actors: {', '.join(unknown)}")
        return base

    def _build_actors(self) -> dict[str, Actor]:
        names: dict[str, list[str]] = defaultdict(list)
        for alias in self._aliases:
            if alias.form is not AliasForm.CODE:
                names[alias.code].append(alias.text)
        actors = {}
        for state in self._states.values():
            actors[state.code] = Actor(
                state.code,
                state.name,
                ActorKind.STATE,
                iso3=state.code,
                cow=state.cow,
                aliases=tuple(names[state.code]),
            )
        for org in self._organisations.values():
            actors[org.code] = Actor(
                org.code, org.name, ActorKind.ORGANISATION, aliases=tuple(names[org.code])
            )
        for group in self._groups.values():
            actors[group.code] = Actor(
                group.code, group.name, group.kind, aliases=tuple(names[group.code])
            )
        return actors

    def _index_memberships(
        self,
    ) -> tuple[dict[str, list[Membership]], dict[str, list[Membership]]]:
        by_org: dict[str, list[Membership]] = defaultdict(list)
        by_member: dict[str, list[Membership]] = defaultdict(list)
        for m in self._memberships:
            if m.organisation not in self._organisations or m.member not in self._actors:
                raise InputError(f"membership row {m.row} names an unknown actor")
            by_org[m.organisation].append(m)
            by_member[m.member].append(m)
        return dict(by_org), dict(by_member)

    # --- actors --------------------------------------------------------------------------

    def get(self, code: str) -> Actor | None:
        """The actor with this code (ISO3, organisation or group code), or None."""
        return self._actors.get(code.strip().upper())

    def actor(self, code: str) -> Actor:
        """The actor with this code; ``NotFoundError`` when there is none."""
        found = self.get(code)
        if found is None:
            raise NotFoundError(f"no actor with code {code!r}")
        return found

    def actors(self, kind: ActorKind | None = None) -> list[Actor]:
        """All actors (states, then organisations, then groups), or those of one kind."""
        return [a for a in self._actors.values() if kind is None or a.kind is kind]

    def by_cow(self, cow: int) -> Actor | None:
        """The state with this Correlates of War code (703 -> KGZ), or None."""
        code = self._by_cow.get(cow)
        return self._actors[code] if code else None

    def resolve(self, text: str) -> list[Actor]:
        """The actors a name may refer to, best fit first; [] when nothing matches.

        Takes names, demonyms, capitals, seats of power, codes and origin forms
        ("Turkish-made"), ignoring case, diacritics and a leading "the" --
        except that all-caps forms ("US") match only in capitals.
        """
        hits = self._index.lookup(text.strip())
        order = sorted(
            hits.items(), key=lambda h: (h[1], _KIND_ORDER[self._actors[h[0]].kind], h[0])
        )
        return [self._actors[code] for code, _ in order]

    def aliases(self) -> Iterator[Alias]:
        """Every alias, with ASCII spellings and origin forms, for a multi-pattern matcher."""
        seen: set[tuple[str, str]] = set()
        derived = (
            origin_forms(a, self._suffixes, self._shared, self._display) for a in self._aliases
        )
        for alias in chain(self._aliases, chain.from_iterable(derived)):
            for item in with_ascii(alias):
                if (item.text, item.code) not in seen:
                    seen.add((item.text, item.code))
                    yield item

    # --- records -------------------------------------------------------------------------

    def state(self, code: str) -> State:
        return _found(self._states, code, "state")

    def states(self) -> list[State]:
        return list(self._states.values())

    def organisation(self, code: str) -> Organisation:
        """An organisation's name, type and leading state; ``NotFoundError`` if unknown."""
        return _found(self._organisations, code, "organisation")

    def organisations(self) -> list[Organisation]:
        return list(self._organisations.values())

    def group(self, code: str) -> Group:
        return _found(self._groups, code, "group")

    def groups(self) -> list[Group]:
        return list(self._groups.values())

    # --- memberships ---------------------------------------------------------------------

    def memberships(
        self, organisation: str | None = None, member: str | None = None, year: int | None = None
    ) -> list[Membership]:
        """Membership rows, filtered by organisation, member and a year they cover.

        With no ``year`` every period is returned, past ones included.
        """
        org = self.organisation(organisation).code if organisation is not None else None
        who = self.actor(member).code if member is not None else None
        rows: Iterable[Membership] = self._memberships
        if org is not None:
            rows = self._by_org.get(org, [])
        elif who is not None:
            rows = self._by_member.get(who, [])
        return [
            m for m in rows if (who is None or m.member == who) and (year is None or m.active(year))
        ]

    def members(
        self,
        organisation: str,
        year: int | None = None,
        status: MembershipStatus = MembershipStatus.FULL,
    ) -> list[str]:
        """Codes of the organisation's members (full ones by default), in a year or ever."""
        rows = self.memberships(organisation, year=year)
        return sorted({m.member for m in rows if m.status is status})


def _found(table: dict[str, _T], code: str, what: str) -> _T:
    found = table.get(code.strip().upper())
    if found is None:
        raise NotFoundError(f"no {what} with code {code!r}")
    return found


@functools.cache
def _shipped() -> Gazetteer:
    return Gazetteer.load(loading.shipped())
