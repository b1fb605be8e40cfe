"""Reference data for event aggregation: CAMEO country codes and the event-class codebook.

Both are reviewed, dated data files shipped in ``allegiance/data/events``.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from allegiance.errors import InputError

_DATA = ("data", "events")


def _read_text(name: str) -> str:
    return resources.files("allegiance").joinpath(*_DATA, name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class CountryMap:
    """CAMEO country codes that differ from ISO3: code -> ISO3, or None for a non-state."""

    exceptions: Mapping[str, str | None]

    @classmethod
    def load(cls) -> CountryMap:
        """The shipped mapping (``cameo_countries.tsv``)."""
        lines = [ln for ln in _read_text("cameo_countries.tsv").splitlines() if ln[:1] != "#"]
        rows = csv.DictReader(lines, delimiter="\t")
        return cls({row["cameo"]: row["iso3"] or None for row in rows})

    def iso3(self, code: str) -> str | None:
        """The ISO3 code of the state a CAMEO country code names, None if it is not a state."""
        return self.exceptions.get(code, code)


@dataclass(frozen=True, slots=True)
class Classes:
    """The CAMEO codes behind each event class."""

    cooperation_quad: tuple[int, ...]
    conflict_quad: tuple[int, ...]
    fighting_roots: tuple[str, ...]
    military_cooperation: tuple[str, ...]
    military_aid: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a dyad-period tie becomes a claim, and how confident the claim is."""

    clash_min_events: int
    clash_min_share: float
    partnership_min_events: int
    aid_min_events: int
    confidence_floor: float
    confidence_span: float
    confidence_scale: float
    confidence_ceiling: float


@dataclass(frozen=True, slots=True)
class Codebook:
    """Event classes and thresholds, as one reviewed data file (``gdelt.toml``) states them."""

    version: str
    classes: Classes
    thresholds: Thresholds

    @classmethod
    def load(cls, text: str | None = None) -> Codebook:
        """The shipped codebook, or one given as TOML text (for tests and experiments)."""
        try:
            data = tomllib.loads(text if text is not None else _read_text("gdelt.toml"))
            return cls(str(data["version"]), _classes(data["classes"]), _thresholds(data))
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"bad event codebook: {exc}") from exc


def _classes(raw: dict[str, Any]) -> Classes:
    return Classes(
        cooperation_quad=tuple(int(q) for q in raw["cooperation_quad"]),
        conflict_quad=tuple(int(q) for q in raw["conflict_quad"]),
        fighting_roots=tuple(str(c) for c in raw["fighting_roots"]),
        military_cooperation=tuple(str(c) for c in raw["military_cooperation"]),
        military_aid=tuple(str(c) for c in raw["military_aid"]),
    )


def _thresholds(raw: dict[str, Any]) -> Thresholds:
    conf = raw["confidence"]
    return Thresholds(
        clash_min_events=int(raw["armed_clash"]["min_events"]),
        clash_min_share=float(raw["armed_clash"]["min_share"]),
        partnership_min_events=int(raw["partnership"]["min_events"]),
        aid_min_events=int(raw["aid"]["min_events"]),
        confidence_floor=float(conf["floor"]),
        confidence_span=float(conf["span"]),
        confidence_scale=float(conf["scale"]),
        confidence_ceiling=float(conf["ceiling"]),
    )
