"""Reading the shipped tables in ``allegiance/data/actors`` into records.

Each file is plain UTF-8 CSV with a header row; ``SOURCES.md`` beside them
names the source and date of each.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from allegiance.actors.aliases import make
from allegiance.actors.records import (
    Alias,
    AliasForm,
    Group,
    Membership,
    MembershipStatus,
    Organisation,
    OrgType,
    State,
    StateStatus,
)
from allegiance.errors import InputError
from allegiance.model import ActorKind

# Curated alias files and the forms their rows may take.
ALIAS_FILES = {
    "state_names.csv": {AliasForm.NAME, AliasForm.HISTORICAL},
    "demonyms.csv": {AliasForm.ADJECTIVE, AliasForm.DEMONYM},
    "seats.csv": {AliasForm.SEAT, AliasForm.CAPITAL, AliasForm.HISTORICAL},
    "variants.csv": {AliasForm.NAME, AliasForm.SHORT, AliasForm.ADJECTIVE, AliasForm.HISTORICAL},
}
# Curated files of proper names, one form each: they match only as written.
NAMED_FILES = {"leaders.csv": AliasForm.LEADER, "companies.csv": AliasForm.COMPANY}
_FLAGS = {"": None, "yes": True, "no": False}
# Enum lookups by value through a dict: calling the enum costs more per row.
_FORMS = {f.value: f for f in AliasForm}
_STATUSES = {s.value: s for s in MembershipStatus}


def shipped() -> Traversable:
    """The folder of reference tables inside the installed package."""
    return files("allegiance") / "data" / "actors"


def rows(folder: Traversable, name: str) -> list[dict[str, str]]:
    text = (folder / name).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    # A comprehension over csv.reader is about twice as fast as csv.DictReader,
    # which matters for the load-time budget.
    return [dict(zip(header, row, strict=True)) for row in reader]


def _int(text: str) -> int | None:
    return int(text) if text else None


def states(folder: Traversable) -> list[State]:
    return [
        State(
            code=r["code"],
            name=r["name"],
            iso2=r["iso2"] or None,
            cow=_int(r["cow"]),
            cow_abb=r["cow_abb"] or None,
            official_name=r["official_name"] or None,
            capital=r["capital"] or None,
            status=StateStatus(r["status"]),
        )
        for r in rows(folder, "states.csv")
    ]


def organisations(folder: Traversable) -> list[Organisation]:
    return [
        Organisation(
            code=r["code"],
            name=r["name"],
            type=OrgType(r["type"]),
            led_by=r["led_by"] or None,
            founded=_int(r["founded"]),
            dissolved=_int(r["dissolved"]),
        )
        for r in rows(folder, "organisations.csv")
    ]


def groups(folder: Traversable) -> list[Group]:
    return [
        Group(r["code"], r["name"], ActorKind(r["kind"]), r["home"] or None, r["note"])
        for r in rows(folder, "groups.csv")
    ]


def memberships(folder: Traversable) -> list[Membership]:
    """Every membership row, numbered from 1 as evidence cites it."""
    return [
        Membership(
            member=r["member"],
            organisation=r["organisation"],
            since=_int(r["since"]),
            until=_int(r["until"]),
            source=r["source"],
            row=number,
            status=_STATUSES[r["status"]],
            note=r["note"],
        )
        for number, r in enumerate(rows(folder, "memberships.csv"), start=1)
    ]


def aliases(folder: Traversable) -> list[Alias]:
    """The curated and library-derived names in the alias files."""
    out = []
    for name, forms in ALIAS_FILES.items():
        for r in rows(folder, name):
            form = _FORMS.get(r["form"])
            if form is None or form not in forms:
                raise InputError(f"{name}: form {r['form']!r} does not belong in this file")
            out.append(make(r["text"], r["code"], form, _FLAGS[r.get("case_sensitive") or ""]))
    for name, form in NAMED_FILES.items():
        out += [make(r["text"], r["code"], form, case_sensitive=True) for r in rows(folder, name)]
    return out


def words(folder: Traversable, name: str, column: str) -> list[str]:
    return [r[column] for r in rows(folder, name)]


@dataclass(frozen=True, slots=True)
class Tables:
    """Everything a gazetteer is built from, as read from one folder."""

    states: list[State]
    organisations: list[Organisation]
    groups: list[Group]
    aliases: list[Alias]
    memberships: list[Membership]
    suffixes: list[str]
    homonyms: list[str]

    @classmethod
    def read(cls, folder: Traversable) -> Tables:
        return cls(
            states=states(folder),
            organisations=organisations(folder),
            groups=groups(folder),
            aliases=aliases(folder),
            memberships=memberships(folder),
            suffixes=words(folder, "suffixes.csv", "suffix"),
            homonyms=words(folder, "homonyms.csv", "text"),
        )
