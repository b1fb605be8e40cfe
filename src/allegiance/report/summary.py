"""The briefing's one-paragraph summary, written from the analysis: plain, factual sentences.

Who fights, who arms each side, which alignments do not add up, who is
cross-pressured and where it tilts, and how far the graph is from two clean
camps. Every sentence restates something the findings or the sides already
hold; nothing here is new analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from allegiance.graph.analysis import Analysis
from allegiance.graph.findings import Finding, FindingType
from allegiance.graph.wording import Namer, listing, period
from allegiance.model import RELATION_STRENGTH, ClaimKind, Relation

MAX_NAMED = 5  # backers named per side before "and N others"
MAX_CASES = 3  # examples named per kind of odd alignment
MAX_PRESSURED = 6


def summary(analysis: Analysis, name: Namer) -> str:
    """The summary paragraph."""
    sentences = [
        _conflict(analysis, name),
        *(_arming(analysis, side, name) for side in analysis.conflict.sides),
        _odd(analysis, name),
        _disagreements(analysis, name),
        *_pressured(analysis, name),
        _balance(analysis, name),
    ]
    return " ".join(s for s in sentences if s)


def _conflict(analysis: Analysis, name: Namer) -> str:
    a, b = analysis.conflict.sides
    hostile = [
        c
        for c in analysis.claims.values()
        if c.kind is ClaimKind.HOSTILITY and {c.subject, c.object} == {a, b}
    ]
    if not hostile:
        return f"These sources record no hostility between {name(a)} and {name(b)}."
    relations = sorted(
        {c.relation for c in hostile if c.relation is not None},
        key=lambda r: (-RELATION_STRENGTH[r], str(r)),
    )
    what = listing(_relation(r) for r in relations) or "hostility"
    when = _period([(c.start, c.end) for c in hostile])
    return f"{name.start(a)} and {name(b)} are in conflict ({what}{when})."


def _relation(relation: Relation) -> str:
    return str(relation).replace("_", " ")


def _period(periods: Sequence[tuple[int | None, int | None]]) -> str:
    starts = [s for s, _ in periods if s is not None]
    if not starts:
        return ""
    if any(s is not None and e is None for s, e in periods):
        return f", since {min(starts)}"
    ends = [e for _, e in periods if e is not None]
    return f", {period(min(starts), max(ends))}"


def _arming(analysis: Analysis, side: str, name: Namer) -> str:
    backers = [b.actor for b in analysis.sides.get(side, ())]
    if not backers:
        return f"No supplier of {name(side)} appears in these sources."
    named = [name(code) for code in backers[:MAX_NAMED]]
    rest = len(backers) - MAX_NAMED
    if rest > 0:
        named.append(f"{rest} other{'s' if rest > 1 else ''}")
    verb = "arms" if len(backers) == 1 else "arm"
    text = listing(named)
    return f"{text[0].upper()}{text[1:]} {verb} {name(side)}."


def _odd(analysis: Analysis, name: Namer) -> str:
    odd = [f for f in analysis.findings if f.type not in _NOT_ALIGNMENTS]
    if not odd:
        return "The alignments add up: no odd alignment appears in these sources."
    parts = [
        phrase
        for kind, words in _KINDS
        if (phrase := words(name, [f for f in odd if f.type is kind]))
    ]
    count = f"{len(odd)} odd alignment{'s' if len(odd) > 1 else ''}"
    return f"The sources show {count}: {listing(parts)}."


def _cases(found: Sequence[Finding], case: Callable[[Finding], str]) -> str:
    named = [case(f) for f in found[:MAX_CASES]]
    rest = len(found) - MAX_CASES
    return "; ".join(named) + (f"; and {rest} more" if rest > 0 else "")


def _allies(name: Namer, found: Sequence[Finding]) -> str:
    if not found:
        return ""

    def case(f: Finding) -> str:
        via = f", in {name(f.via)}" if f.via else ""
        return f"{name(f.actors[0])} and {name(f.actors[1])}{via}"

    return f"allies arming opposite sides ({_cases(found, case)})"


def _enemies(name: Namer, found: Sequence[Finding]) -> str:
    if not found:
        return ""

    def case(f: Finding) -> str:
        side = f", for {name(f.via)}" if f.via else ""
        return f"{name(f.actors[0])} and {name(f.actors[1])}{side}"

    return f"hostile states arming the same side ({_cases(found, case)})"


def _alliance(name: Namer, found: Sequence[Finding]) -> str:
    if not found:
        return ""
    where = listing(dict.fromkeys(f"in {name(f.via)}" if f.via else "by treaty" for f in found))
    return f"the two sides are allies themselves ({where})"


def _dual(name: Namer, found: Sequence[Finding]) -> str:
    if not found:
        return ""
    who = listing(name(f.actors[0]) for f in found)
    return f"{'a supplier' if len(found) == 1 else 'suppliers'} arming both sides ({who})"


_NOT_ALIGNMENTS = frozenset({FindingType.CROSS_PRESSURE, FindingType.SOURCE_DISAGREEMENT})


def _disagreements(analysis: Analysis, name: Namer) -> str:
    found = [f for f in analysis.findings if f.type is FindingType.SOURCE_DISAGREEMENT]
    if not found:
        return ""
    about = _cases(found, lambda f: listing(name(code) for code in f.actors))
    return f"Sources disagree about {len(found)} claim{'s' if len(found) > 1 else ''} ({about})."


_KINDS: tuple[tuple[FindingType, Callable[[Namer, Sequence[Finding]], str]], ...] = (
    (FindingType.ALLIES_OPPOSED, _allies),
    (FindingType.ENEMIES_ALIGNED, _enemies),
    (FindingType.INTRA_ALLIANCE_CONFLICT, _alliance),
    (FindingType.DUAL_SUPPLIER, _dual),
)


def _pressured(analysis: Analysis, name: Namer) -> Iterator[str]:
    """One sentence per tilt: who is cross-pressured toward it, or with pressures in balance."""
    found = [f for f in analysis.findings if f.type is FindingType.CROSS_PRESSURE]
    tilts = dict.fromkeys(f.tilt for f in found)
    for tilt in sorted(tilts, key=lambda t: (t is None, t or "")):
        actors = [f.actors[0] for f in found if f.tilt == tilt]
        who = _named(actors, name)
        many = len(actors) > 1
        if tilt is None:
            on = "each" if many else "it"
            verb = "are" if many else "is"
            yield f"{who} {verb} cross-pressured, with the pressures on {on} in balance."
        else:
            whose = "their" if many else "its"
            yield (
                f"{who} {'are' if many else 'is'} cross-pressured; "
                f"{whose} likely tilt is toward {name(tilt)}."
            )


def _named(actors: Sequence[str], name: Namer) -> str:
    named = [name(code) for code in actors[:MAX_PRESSURED]]
    rest = len(actors) - MAX_PRESSURED
    if rest > 0:
        named.append(f"{rest} other{'s' if rest > 1 else ''}")
    text = listing(named)
    return text[0].upper() + text[1:]


def _balance(analysis: Analysis, name: Namer) -> str:
    result = analysis.frustration
    exact = "" if result.exact else f", a heuristic bound (at least {result.lower_bound:g})"
    ties = f"{result.index:g} tie{'' if result.index == 1 else 's'}"
    camp_a, _ = analysis.camps()
    together = (
        f" In the best split {name(analysis.conflict.side_a)} and "
        f"{name(analysis.conflict.side_b)} fall in the same camp."
        if analysis.conflict.side_b in camp_a
        else ""
    )
    return (
        f"Splitting the actors into two camps, friendly inside and hostile across, "
        f"leaves {ties} out of place (the frustration index{exact}).{together}"
    )
