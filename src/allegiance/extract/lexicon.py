"""The reviewed word lists the rules read, loaded from ``allegiance/data/extract``.

The lists are dated data files, reviewed like code; nothing in the rules names a
trigger word. :func:`load_lexicon` reads them once per process.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from allegiance.errors import InputError
from allegiance.model import Category, ClaimKind, Relation, Status

DATA = "data/extract"
FRAMES = frozenset({"giver", "arming", "agent", "receiver", "user", "production", "licensee"})
FRAMES |= frozenset({"service"})


@dataclass(frozen=True, slots=True)
class SupplyTrigger:
    """A word saying one actor arms another, and where the two stand around it."""

    frame: str
    status: Status
    confidence: float
    needs_object: bool
    category: Category | None
    needs_source: bool = False
    secondary: bool = False
    # The word moves arms about; only a recipient named in the clause makes it a transfer.
    needs_recipient: bool = False


@dataclass(frozen=True, slots=True)
class RelationTrigger:
    """A word saying two actors are hostile to or close to each other."""

    kind: ClaimKind
    relation: Relation
    confidence: float
    transitive: bool = False
    # One of these words must stand within ``reach`` tokens after the trigger.
    requires: frozenset[str] = frozenset()
    reach: int = 0
    # "relations", "ties": hostile beside a souring word; ``neutral`` ones say nothing else.
    flips: bool = False
    neutral: bool = False
    # A verb whose object, when the clause names none, is the state the text is about.
    implicit: bool = False
    # None of these may stand within ``reach`` after it ("fought for" is no alliance in
    # "fought for most of two decades": it is "fought").
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class NamedConflict:
    """A war whose name alone gives both parties ("the Ukraine war")."""

    parties: tuple[str, str]
    relation: Relation


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the rule extractor uses, by role."""

    version: str
    supply: dict[str, SupplyTrigger]
    relations: dict[str, RelationTrigger]
    conflicts: dict[str, NamedConflict]
    membership: frozenset[str]
    membership_confidence: float
    membership_blockers: frozenset[str]
    membership_via: frozenset[str]
    membership_ranks: frozenset[str]
    objects: frozenset[str]
    ignore: frozenset[str]
    cues: dict[str, frozenset[str]]
    cased_cues: frozenset[str]
    reported_future: frozenset[str]
    near_cues: frozenset[str]
    after_window: int
    discourse: dict[str, tuple[str, ...]]
    numbers: dict[str, int]
    scales: dict[str, int]
    currency_prefix: dict[str, str]
    currency_suffix: dict[str, str]
    since_words: frozenset[str]
    until_words: frozenset[str]
    same_year: tuple[str, ...]
    relative_years: dict[str, int]
    carried_years: dict[str, int]
    months: dict[str, int]
    # Phrases that leave a period open ("for years"), and membership words that open one.
    open_spans: tuple[str, ...]
    joining: frozenset[str]
    souring_confidence: float

    def words(self, name: str) -> frozenset[str]:
        """One discourse word list as a set."""
        return frozenset(self.discourse[name])


def _read(name: str) -> dict[str, Any]:
    path = resources.files("allegiance").joinpath(f"{DATA}/{name}.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"extraction lexicon {name}.toml is unreadable: {exc}") from exc


def _supply(data: dict[str, Any]) -> dict[str, SupplyTrigger]:
    out: dict[str, SupplyTrigger] = {}
    for group in data["trigger"]:
        if group["frame"] not in FRAMES:
            raise InputError(f"supply.toml: unknown frame {group['frame']!r}")
        trigger = SupplyTrigger(
            frame=group["frame"],
            status=Status(group["status"]),
            confidence=float(group["confidence"]),
            needs_object=bool(group.get("needs_object", False)),
            category=Category(group["category"]) if "category" in group else None,
            needs_source=bool(group.get("needs_source", False)),
            secondary=bool(group.get("secondary", False)),
            needs_recipient=bool(group.get("needs_recipient", False)),
        )
        for word in group["words"]:
            out.setdefault(word.lower(), trigger)
    return out


def _relations(data: dict[str, Any]) -> dict[str, RelationTrigger]:
    out: dict[str, RelationTrigger] = {}
    for group in data["trigger"]:
        trigger = RelationTrigger(
            ClaimKind(group["kind"]),
            Relation(group["relation"]),
            float(group["confidence"]),
            bool(group.get("transitive", False)),
            _lower(group.get("requires", [])),
            int(group.get("reach", 0)),
            implicit=bool(group.get("implicit_object", False)),
            unless=_lower(group.get("unless", [])),
        )
        for word in group["words"]:
            out.setdefault(word.lower(), trigger)
    plain = RelationTrigger(ClaimKind.AFFINITY, Relation.PARTNERSHIP, 0.0, neutral=True)
    for word in _lower(data["souring"]["neutral"]):
        out[word] = replace(out.get(word, plain), flips=True)
    return out


def _conflicts(data: dict[str, Any]) -> dict[str, NamedConflict]:
    out: dict[str, NamedConflict] = {}
    for group in data.get("conflict", []):
        a, b = group["parties"]
        named = NamedConflict((a, b), Relation(group["relation"]))
        out |= {word.lower(): named for word in group["words"]}
    return out


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@cache
def load_lexicon() -> Lexicon:
    """The shipped lexicon (read once)."""
    supply, relations = _read("supply"), _read("relations")
    modality, discourse = _read("modality"), _read("discourse")
    amounts, time = _read("amounts"), _read("time")
    cue_names: tuple[str, ...] = ("negation", "transparent", "hypothetical", "planned")
    cue_names += ("allegation", "denial", "denial_objects", "reported", "hedge", "deescalation")
    cue_names += ("commitment", "cancellation", "revocation")
    return Lexicon(
        version=supply["version"],
        supply=_supply(supply),
        relations=_relations(relations),
        conflicts=_conflicts(relations),
        membership=_lower(relations["membership"]["words"]),
        membership_confidence=float(relations["membership"]["confidence"]),
        membership_blockers=_lower(relations["membership"]["blockers"]),
        membership_via=_lower(relations["membership"]["via_alliance"]),
        membership_ranks=_lower(relations["membership"]["ranks"]),
        objects=_lower(supply["objects"]["words"]),
        ignore=_lower(supply["ignore"]["words"] + relations["ignore"]["words"]),
        cues={name: _lower(modality[name]) for name in cue_names}
        | {"souring": _lower(relations["souring"]["words"])}
        | {"unnamed": _lower(discourse["not_named_after"])},
        cased_cues=_lower(modality["cased"]),
        reported_future=_lower(modality["reported_future"]),
        near_cues=_lower(modality["near_only"]),
        after_window=int(modality["after_window"]),
        discourse={
            key: tuple(value) for key, value in discourse.items() if isinstance(value, list)
        },
        numbers={k.lower(): int(v) for k, v in amounts["numbers"].items()},
        scales={k.lower(): int(v) for k, v in amounts["scales"].items()},
        currency_prefix=dict(amounts["currency_prefix"]),
        currency_suffix={k.lower(): v for k, v in amounts["currency_suffix"].items()},
        since_words=_lower(time["since"]),
        until_words=_lower(time["until"]),
        same_year=tuple(time["same_year"]),
        relative_years={k.lower(): int(v) for k, v in time["relative"].items()},
        carried_years={k.lower(): int(v) for k, v in time["relative_to_carried"].items()},
        months={k.lower(): int(v) for k, v in time["months"].items()},
        open_spans=tuple(w.lower() for w in time["open"]),
        joining=_lower(relations["membership"]["joining"]),
        souring_confidence=float(relations["souring"]["confidence"]),
    )
