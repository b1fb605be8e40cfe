"""The weapons catalogue: named systems with their makers and origins, and the generic
vocabulary ("combat drones", "night-vision goggles") the extractor recognises.

>>> from allegiance.weapons import Catalogue
>>> Catalogue.load().weapon("tb-2").origin
'TUR'
"""

from __future__ import annotations

from allegiance.weapons.catalogue import Catalogue
from allegiance.weapons.names import normalize
from allegiance.weapons.weapon import Term, Weapon

__all__ = ["Catalogue", "Term", "Weapon", "normalize"]
