"""The actor gazetteer: states, organisations and armed groups, their names, and memberships.

from allegiance.actors import Gazetteer
gaz = Gazetteer.load()
gaz.resolve("Bishkek")            # [Actor(code='KGZ', ...)]
gaz.members("NATO", year=2024)    # ['ALB', 'BEL', ..., 'SWE', 'TUR', 'USA']
"""

from __future__ import annotations

from allegiance.actors.gazetteer import Gazetteer
from allegiance.actors.names import fold
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

__all__ = [
    "Alias",
    "AliasForm",
    "Gazetteer",
    "Group",
    "Membership",
    "MembershipStatus",
    "OrgType",
    "Organisation",
    "State",
    "StateStatus",
    "fold",
]
