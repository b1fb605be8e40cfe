"""The prefilter: one Aho–Corasick automaton over every name the rules care about.

Actor aliases, weapon names, generic weapon terms, trigger words and modality cues
are all patterns of one automaton, so a single pass over an article finds every
mention; only sentences with the right mix of mentions go on to the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, NamedTuple

import ahocorasick

from allegiance.extract.lexicon import Lexicon, NamedConflict, RelationTrigger, SupplyTrigger
from allegiance.extract.normal import normalise, plain
from allegiance.extract.protocol import CatalogueLike, GazetteerLike
from allegiance.model import Category

CUE_LISTS: tuple[str, ...] = ("negation", "hypothetical", "planned", "allegation", "denial")
CUE_LISTS += ("reported", "hedge", "deescalation", "souring", "commitment")
CUE_LISTS += ("cancellation", "unnamed", "revocation")


# Anaphor lists of discourse.toml, by what they stand for (see extract/discourse.py).
ANAPHOR_KINDS: tuple[str, ...] = ("single", "pair", "group", "pronoun", "organisation", "military")
ANAPHOR_KINDS += ("insurgent", "plural", "regime")


class HitType(StrEnum):
    ACTOR = "actor"
    WEAPON = "weapon"
    TERM = "term"
    OBJECT = "object"
    SUPPLY = "supply"
    RELATION = "relation"
    CONFLICT = "conflict"
    MEMBERSHIP = "membership"
    CUE = "cue"
    ANAPHOR = "anaphor"
    IGNORE = "ignore"


@dataclass(frozen=True, slots=True)
class Entry:
    """What one pattern means; a pattern may mean several things."""

    type: HitType
    text: str
    case_sensitive: bool = False
    code: str = ""
    actor_kind: str = ""
    form: str = ""
    ambiguous: bool = False
    weapon: str | None = None
    origin: str | None = None
    category: Category | None = None
    supply: SupplyTrigger | None = None
    relation: RelationTrigger | None = None
    conflict: NamedConflict | None = None
    cues: frozenset[str] = field(default_factory=frozenset)
    anaphor: str = ""


# Which meaning of a pattern with several the rules see first.
PRIORITY = (
    HitType.ACTOR,
    HitType.CONFLICT,
    HitType.WEAPON,
    HitType.SUPPLY,
    HitType.RELATION,
    HitType.MEMBERSHIP,
    HitType.TERM,
    HitType.OBJECT,
    HitType.ANAPHOR,
    HitType.CUE,
    HitType.IGNORE,
)
_RANK = {kind: rank for rank, kind in enumerate(PRIORITY)}


class Hit(NamedTuple):
    """A pattern found in a document: its span and what it means there (first meaning first).

    A named tuple rather than a frozen dataclass: hundreds are made per article, and
    building a tuple costs a fraction of a frozen dataclass's checked set-up.
    """

    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, kind: HitType) -> Entry | None:
        for entry in self.entries:
            if entry.type is kind:
                return entry
        return None

    def has(self, kind: HitType) -> bool:
        return any(e.type is kind for e in self.entries)


class Patterns:
    """Two automata (case-blind, and case-exact for "US" or "may") and their checks.

    Case-exact patterns are matched against the text as written, so a short code
    such as "US" never fires inside ordinary lower-case words.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        blind: dict[str, list[Entry]] = defaultdict(list)
        exact: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            table, key = (
                (exact, plain(entry.text))
                if entry.case_sensitive
                else (
                    blind,
                    normalise(entry.text),
                )
            )
            if key.strip() and entry not in table[key]:
                table[key].append(entry)
        self._blind = _automaton(blind)
        self._exact = _automaton(exact)
        self._texts = sorted(
            {e.text for found in (*blind.values(), *exact.values()) for e in found}
        )
        self.size = len(blind) + len(exact)

    def texts(self) -> list[str]:
        """Every pattern as written (for comparisons with other matchers)."""
        return list(self._texts)

    def scan(self, text: str) -> list[Hit]:
        """Every mention in ``text``: word-bounded, longest first, in text order."""
        return self.scan_forms(plain(text), normalise(text))

    def scan_forms(self, plain_text: str, lowered: str) -> list[Hit]:
        """:meth:`scan` for a text already in its plain and lowered forms (same length)."""
        candidates = _matches(self._blind, lowered, lowered, 0)
        candidates += _matches(self._exact, plain_text, lowered, len(candidates))
        return _longest(candidates)


# A match as the scan sorts it: start, minus its length, a serial number (for ties),
# end, its meanings, and whether it is a phrase to ignore.
_Match = tuple[int, int, int, int, tuple[Entry, ...], bool]


def _automaton(table: dict[str, list[Entry]]) -> Any:
    automaton = ahocorasick.Automaton()
    for key, found in table.items():
        ranked = _with_cues(tuple(sorted(found, key=lambda e: _RANK[e.type])))
        # Only an edge that is a letter or digit needs a word boundary beside it ("n't" never).
        left = key[0].isalnum() and not key.startswith("n'")
        ignore = any(e.type is HitType.IGNORE for e in ranked)
        automaton.add_word(key, (len(key), ranked, left, key[-1].isalnum(), ignore))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _with_cues(ranked: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A word that is a cue and something else ("sources", "claimed") keeps the cue's meaning."""
    cues = frozenset().union(*(e.cues for e in ranked if e.type is HitType.CUE))
    if not cues or ranked[0].type is HitType.CUE:
        return ranked
    return (replace(ranked[0], cues=ranked[0].cues | cues), *ranked[1:])


def _matches(automaton: Any, haystack: str, lowered: str, serial: int) -> list[_Match]:
    if not len(automaton):
        return []
    found: list[_Match] = []
    append = found.append
    size = len(lowered)
    for last, (length, entries, left, right, ignore) in automaton.iter(haystack):
        end = last + 1
        start = end - length
        # A whole word (or words), not part of one.
        if left and start and lowered[start - 1].isalnum():
            continue
        if right and end < size and lowered[end].isalnum():
            continue
        serial += 1
        append((start, -length, serial, end, entries, ignore))
    return found


def _longest(candidates: list[_Match]) -> list[Hit]:
    """The longest of overlapping matches (leftmost on ties), in text order; ignores dropped.

    One sweep in text order: a match that overlaps the last one kept replaces it when
    it is longer, else goes.
    """
    candidates.sort()
    kept: list[_Match] = []
    last_end = -1
    for match in candidates:
        if match[0] >= last_end:
            kept.append(match)
            last_end = match[3]
        elif match[1] < kept[-1][1]:
            kept[-1] = match
            last_end = match[3]
    return [Hit(m[0], m[3], m[4]) for m in kept if not m[5]]


def build_patterns(
    lexicon: Lexicon, gazetteer: GazetteerLike, catalogue: CatalogueLike
) -> Patterns:
    """The automaton over the gazetteer, the catalogue and the lexicon."""
    entries: list[Entry] = []
    entries += _actor_entries(gazetteer)
    entries += _weapon_entries(catalogue, lexicon)
    entries += _lexicon_entries(lexicon)
    return Patterns(entries)


def _actor_entries(gazetteer: GazetteerLike) -> list[Entry]:
    kinds: dict[str, str] = {}
    out = []
    for alias in gazetteer.aliases():
        if alias.ambiguous and str(alias.form) == "code":
            # "IN", "IT", "AM": bare codes that collide with words are no mention.
            continue
        code = alias.code
        if code not in kinds:
            kinds[code] = str(gazetteer.actor(code).kind)
        out.append(
            Entry(
                HitType.ACTOR,
                alias.text,
                case_sensitive=bool(alias.case_sensitive),
                code=code,
                actor_kind=kinds[code],
                form=str(alias.form),
                ambiguous=bool(alias.ambiguous),
            )
        )
    return out


def _term_triggers(lexicon: Lexicon) -> dict[Category, SupplyTrigger]:
    """The trigger a generic term stands for when it names a plant or an aid package."""
    found: dict[Category, SupplyTrigger] = {}
    for trigger in lexicon.supply.values():
        if trigger.category in (Category.PRODUCTION_FACILITY, Category.AID_PACKAGE):
            found.setdefault(trigger.category, trigger)
    return found


def _weapon_entries(catalogue: CatalogueLike, lexicon: Lexicon) -> list[Entry]:
    out = []
    for text, weapon in catalogue.aliases():
        category = Category(str(weapon.category)) if weapon.category else None
        for variant in (text, text + "s") if text[-1:].isalnum() else (text,):
            out.append(
                Entry(
                    HitType.WEAPON,
                    variant,
                    weapon=weapon.designation,
                    origin=weapon.origin,
                    category=category,
                )
            )
    triggers = _term_triggers(lexicon)
    for term in catalogue.terms():
        category = Category(str(term.category)) if term.category else Category.OTHER
        trigger = triggers.get(category)
        if trigger is not None:
            out.append(Entry(HitType.SUPPLY, term.text, supply=trigger, category=category))
        else:
            out.append(Entry(HitType.TERM, term.text, category=category))
    return out


def _lexicon_entries(lexicon: Lexicon) -> list[Entry]:
    # An arms noun that is also a verb ("arms") stays a noun here; the supply rule reads
    # it as a verb only between two parties.
    verbs = lexicon.words("object_verbs")
    out = [Entry(HitType.SUPPLY, w, supply=t) for w, t in lexicon.supply.items() if w not in verbs]
    out += [Entry(HitType.RELATION, w, relation=t) for w, t in lexicon.relations.items()]
    out += [Entry(HitType.CONFLICT, w, conflict=c) for w, c in lexicon.conflicts.items()]
    out += [Entry(HitType.MEMBERSHIP, w) for w in lexicon.membership]
    out += [Entry(HitType.OBJECT, w, category=Category.OTHER) for w in lexicon.objects]
    out += [Entry(HitType.IGNORE, w) for w in lexicon.ignore]
    cues: dict[str, set[str]] = defaultdict(set)
    for name in CUE_LISTS:
        for word in lexicon.cues[name]:
            cues[word].add(name)
    out += [
        Entry(HitType.CUE, w, case_sensitive=w in lexicon.cased_cues, cues=frozenset(names))
        for w, names in cues.items()
    ]
    for kind in ANAPHOR_KINDS:
        out += [Entry(HitType.ANAPHOR, w, anaphor=kind) for w in lexicon.discourse[kind]]
    return out
