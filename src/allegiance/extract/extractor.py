"""The default extractor: reference data plus rules, deterministic and offline.

One Aho–Corasick pass finds every actor, weapon, trigger word and cue in a
document; sentences are split by pattern; only sentences whose mentions could
make a claim are tokenized (spaCy's tokenizer) and handed to the rules. The
discourse state (who "it" is, what the paragraph is about, its last year) is kept
up to date on every sentence from the cheap hits alone; a sentence of cues alone
("said", "will") is not looked at, and a headline (a first line without a full stop)
is skipped: the article states in full what it announces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import spacy

from allegiance.extract.amounts import AmountReader
from allegiance.extract.discourse import Discourse, Transfer, forces_pattern, nouns_pattern
from allegiance.extract.draft import Draft
from allegiance.extract.lexicon import Lexicon, load_lexicon
from allegiance.extract.membership import MembershipRule
from allegiance.extract.modality import ModalityReader
from allegiance.extract.normal import normalise, plain
from allegiance.extract.patterns import Hit, HitType, Patterns, build_patterns
from allegiance.extract.phrases import PhraseAnaphors
from allegiance.extract.protocol import CatalogueLike, GazetteerLike
from allegiance.extract.relations import RelationRule, strongest
from allegiance.extract.sentences import Sentence, split_sentences
from allegiance.extract.supply import SupplyRule
from allegiance.extract.view import Clause, View, ViewBuilder
from allegiance.extract.years import Period, YearReader
from allegiance.model import Claim, ClaimKind, Document, Evidence, Status

_SUFFIX = re.compile(r"-(\w+)")
_DIGIT = re.compile(r"\d")
# What a transfer word like "provided" needs beside it to be about arms.
ARMS = frozenset({HitType.WEAPON, HitType.TERM, HitType.OBJECT})
# A sentence whose hits are all of other kinds (cues, triggers) is neither tracked nor read.
SUBSTANTIVE = frozenset({HitType.ACTOR, HitType.ANAPHOR, HitType.CONFLICT, HitType.WEAPON})
# A first line that ends with one of these is a sentence, not a headline.
HEADLINE_ENDS = frozenset('.!?"”')
# An earlier allegation a denial can answer: at most this many sentences back.
DENIAL_REACH = 3
# Hits that need a look at their context before they count.
CHECKED = frozenset({HitType.ACTOR, HitType.WEAPON})
# A dateline opens one of the first lines of an article.
DATELINE_LINES = 4
# How much text after a relation word holds the words it may require.
REQUIRED_CHARS = 100
# How many words after "NATO's" may hold its rank noun ("second-largest army").
RANK_WORDS = 4
# A dateline opening a paragraph ("SEOUL, 18 November 2025 — ", "PEMBA, Mozambique, 16 June
# 2025 — ", "BANGUI — "): where the reporter filed from, no party to what follows.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’. -]{2,}(?:,[^\n—–]{0,60}?)?[ \t]+[—–][ \t]", re.MULTILINE
)
# Particles inside a place name: "Mocímboa da Praia" is no mention of Cabo Verde's capital.
PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "du", "la", "le"})


@dataclass(frozen=True, slots=True)
class _Read:
    """One document under way: its text in the forms the steps need."""

    doc: Document
    plain: str
    lowered: str
    today: int | None
    month: int | None


class RuleExtractor:
    """Sourced claims from news text by gazetteer, catalogue and reviewed rules.

    ``gazetteer`` and ``catalogue`` default to the shipped ones; tests hand in
    small stand-ins.
    """

    def __init__(
        self,
        gazetteer: GazetteerLike | None = None,
        catalogue: CatalogueLike | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        if gazetteer is None:
            from allegiance.actors import Gazetteer

            gazetteer = Gazetteer.load()
        if catalogue is None:
            from allegiance.weapons import Catalogue

            catalogue = Catalogue.load()
        self.lexicon = lexicon or load_lexicon()
        self.name = f"rules/{self.lexicon.version}"
        self.patterns: Patterns = build_patterns(self.lexicon, gazetteer, catalogue)
        tokenizer: Any = spacy.blank("en").tokenizer
        self._views = ViewBuilder(tokenizer, self.lexicon)
        self._abbreviations = self.lexicon.words("abbreviations")
        self._object_verbs = self.lexicon.words("object_verbs")
        self._forces = forces_pattern(self.lexicon.discourse["forces"])
        breaks = self.lexicon.discourse["clause_breaks"]
        self._openers = frozenset(b[2:] for b in breaks if b.startswith(", "))
        self._group_nouns = nouns_pattern(self.lexicon.discourse["group_nouns"])
        self._pro_government = self.lexicon.words("pro_government")
        self._phrases = PhraseAnaphors(self.lexicon)
        modality = ModalityReader(self.lexicon)
        self._modality = modality
        self._supply = SupplyRule(self.lexicon, modality, AmountReader(self.lexicon))
        self._relations = RelationRule(self.lexicon, modality)
        self._membership = MembershipRule(self.lexicon, modality)
        self._years = YearReader(self.lexicon)

    def extract(self, doc: Document) -> list[Claim]:
        """Every claim the document states, each with one piece of evidence (its sentence)."""
        if not doc.text.strip():
            return []
        day = doc.date
        read = _Read(
            doc,
            plain(doc.text),
            normalise(doc.text),
            day.year if day else None,
            day.month if day else None,
        )
        found = self._phrases.add(self.patterns.scan_forms(read.plain, read.lowered), read.lowered)
        datelines = _datelines(doc.text)
        unnamed = _unnamed_starts(found, read.lowered)
        hits = _one_actor_each(
            [
                h
                for h in found
                if h.entries[0].type not in CHECKED
                or (_credible(doc.text, h) and _named(read, h, datelines, unnamed))
            ]
        )
        home = _home(found, datelines)
        discourse = Discourse(
            self.lexicon.words("obliques"),
            self._forces,
            self._openers,
            self._group_nouns,
            pro_government=self._pro_government,
            home=home,
        )
        sentences = _without_headline(doc.text, split_sentences(doc.text, self._abbreviations))
        claims: list[Claim] = []
        for sentence, own in _by_sentence(sentences, hits):
            claims += self._sentence(read, sentence, own, discourse)
        return claims

    def _sentence(
        self, read: _Read, sentence: Sentence, hits: list[Hit], discourse: Discourse
    ) -> list[Claim]:
        discourse.enter(sentence.paragraph, sentence.index)
        dated = _DIGIT.search(read.lowered, sentence.start, sentence.end) is not None
        lowered = _dates(read.lowered, sentence, hits) if dated else ""
        claims: list[Claim] = []
        if hits and (discourse.alleged or any(h.entries[0].type in SUBSTANTIVE for h in hits)):
            # (A sentence of cues alone, "said", "will", has nothing to track or claim.)
            roles = self._roles(read.lowered, hits)
            discourse.read(read.plain, read.lowered, hits, roles)
            if self._worth_reading(read, hits, discourse, roles):
                lowered = lowered or _dates(read.lowered, sentence, hits)
                period = self._years.read(lowered, discourse.year, read.today, read.month)
                view = self._views.build(
                    read.plain, read.lowered, sentence, hits, discourse.resolved
                )
                claims = self._claims(read, view, period, discourse)
        if dated:
            # Most sentences of most pages: only their years matter to what follows.
            discourse.year = YearReader.last(lowered) or discourse.year
        return claims

    def _roles(self, lowered: str, hits: list[Hit]) -> dict[int, str]:
        roles = {}
        for hit in hits:
            actor = hit.entries[0]
            if actor.type is not HitType.ACTOR:
                continue
            if (
                lowered[hit.end : hit.end + 1] != "-"
                and actor.form != "origin"
                and "-" not in actor.text
            ):
                continue
            found = _SUFFIX.match(lowered, hit.end)
            role = self._views.role_of(actor, found.group(1) if found else "")
            if role:
                roles[hit.start] = role
        return roles

    def _worth_reading(
        self, read: _Read, hits: list[Hit], discourse: Discourse, roles: dict[int, str]
    ) -> bool:
        """Whether a sentence's mentions could make a claim: the prefilter's verdict.

        A relation needs two parties, a membership an organisation and a party, a
        transfer one party (the other may be the paragraph's topic) or a weapon the
        paragraph's last transfer goes on about.
        """
        kinds = {e.type for h in hits for e in h.entries}
        if HitType.CONFLICT in kinds:
            return True
        codes = {e.code for h in hits for e in h.entries if e.type is HitType.ACTOR}
        for hit in hits:
            codes.update(discourse.resolved.get(hit.start, ()))
        if HitType.SUPPLY in kinds and (kinds & ARMS or not self._needs_object(hits)):
            return bool(codes) or (discourse.transfer is not None and HitType.WEAPON in kinds)
        if HitType.SUPPLY in kinds and len(codes) >= 2 and self._armies(read, hits):
            return True
        if HitType.MEMBERSHIP in kinds or (
            HitType.RELATION in kinds
            and any(self._stands(read, h) for h in hits if h.entries[0].type is HitType.RELATION)
        ):
            # "Relations with Moscow, strained ever since": the other is the text's state.
            return len(codes) >= 2 or (len(codes) == 1 and any(_with_after(read, h) for h in hits))
        if len(codes) >= 2 and self._ranks(read, hits):
            # "Poland, one of NATO's biggest spenders": a rank in a bloc.
            return True
        if "origin" in roles.values() and kinds & {HitType.TERM, HitType.WEAPON, HitType.OBJECT}:
            return True
        if kinds & {HitType.OBJECT, HitType.TERM} and len(codes) >= 2 and self._verb_objects(hits):
            return True
        return bool(discourse.alleged) and any("denial" in e.cues for h in hits for e in h.entries)

    def _ranks(self, read: _Read, hits: list[Hit]) -> bool:
        """Whether an organisation ranks a member ("NATO's biggest spenders")."""
        for hit in hits:
            if hit.entries[0].actor_kind != "organisation":
                continue
            if read.lowered[hit.end : hit.end + 2] not in ("'s", "' "):
                continue
            after = read.lowered[hit.end + 2 : hit.end + REQUIRED_CHARS].split()[:RANK_WORDS]
            if any(w.strip(".,;:") in self.lexicon.membership_ranks for w in after):
                return True
        return False

    @staticmethod
    def _stands(read: _Read, hit: Hit) -> bool:
        """Whether a relation word has the word it requires after it ("driven" ... "out")."""
        relation = hit.entries[0].relation
        if relation is None or hit.entries[0].type is not HitType.RELATION:
            return False
        if not relation.requires:
            return True
        after = read.lowered[hit.end : hit.end + REQUIRED_CHARS].split()[: relation.reach]
        return any(w.strip(".,;:'\"") in relation.requires for w in after)

    def _armies(self, read: _Read, hits: list[Hit]) -> bool:
        """Whether a transfer goes to someone's forces ("to Ukraine's military")."""
        return self._forces.search(read.lowered, hits[0].start, hits[-1].end + 40) is not None

    def _verb_objects(self, hits: list[Hit]) -> bool:
        """Whether an arms noun here may be a verb ("Iran arms Hezbollah")."""
        return any(h.entries[0].text.lower() in self._object_verbs for h in hits)

    @staticmethod
    def _needs_object(hits: list[Hit]) -> bool:
        """Whether every transfer word here needs a weapon named with it ("provided")."""
        return all(e.supply.needs_object for h in hits for e in h.entries if e.supply is not None)

    def _claims(self, read: _Read, view: View, period: Period, discourse: Discourse) -> list[Claim]:
        relations: list[tuple[Draft, Period]] = []
        dated: list[tuple[Draft, Period]] = []
        for clause in view.clauses:
            own = self._clause_period(read, view, clause, period, discourse)
            supplied = self._supply.apply(view, clause, discourse)
            dated += [(d, own) for d in supplied]
            if supplied:
                discourse.clause_recipient = supplied[-1].object
            dated += [(d, own) for d in self._membership.apply(view, clause, discourse)]
            relations += [(d, own) for d in self._relations.apply(view, clause, discourse)]
        dated = _named_over_inferred(dated) + strongest(_not_members(relations, dated))
        if not dated and discourse.alleged:
            return self._denials(read, view, discourse)
        claims = _unique([self._claim(read, view, d, p) for d, p in dated])
        self._remember(claims, discourse, view)
        return claims

    def _clause_period(
        self, read: _Read, view: View, clause: Clause, period: Period, discourse: Discourse
    ) -> Period:
        """A clause's own year when it names one ("..., and Germany delivered tanks in 2023")."""
        text = view.clause_text(clause)
        if len(view.clauses) == 1 or not _DIGIT.search(text):
            return period
        own = self._years.read(normalise(text), None, None)
        return own if own.explicit else period

    def _claim(self, read: _Read, view: View, draft: Draft, period: Period) -> Claim:
        sentence = view.sentence
        if draft.opens and period.since is not None:
            # "Finland joined NATO in 2023": a member from then on.
            period = Period(period.since, None, period.explicit)
        evidence = Evidence(
            document_id=read.doc.id,
            method=self.name,
            confidence=draft.confidence,
            start=sentence.start,
            end=sentence.end,
            text=read.doc.text[sentence.start : sentence.end],
            status=draft.status,
            since=period.since,
            until=period.until,
        )
        return Claim(
            kind=draft.kind,
            subject=draft.subject,
            object=draft.object,
            start=period.since,
            # A supply claim is dated by its year; any other claim holds over its period,
            # a point in time included (since == until): only an open one runs on.
            end=period.until
            if draft.kind is not ClaimKind.SUPPLY or period.until != period.since
            else None,
            weapon=draft.weapon,
            category=draft.category,
            quantity=draft.quantity,
            status=draft.status,
            value=draft.value,
            value_unit=draft.value_unit,
            relation=draft.relation,
            confidence=draft.confidence,
            evidence=(evidence,),
        )

    def _remember(self, claims: list[Claim], discourse: Discourse, view: View) -> None:
        for claim in claims:
            if claim.kind is ClaimKind.HOSTILITY:
                pair = (claim.subject, claim.object)
                discourse.hostile = [p for p in discourse.hostile if p != pair] + [pair]
        supply = [c for c in claims if c.kind is ClaimKind.SUPPLY]
        if supply:
            last = supply[-1]
            discourse.transfer = Transfer(last.subject, last.object, last)
        alleged = [c for c in supply if c.status is Status.ALLEGED]
        if alleged:
            discourse.alleged = alleged
            discourse.alleged_at = view.sentence.index

    def _denials(self, read: _Read, view: View, discourse: Discourse) -> list[Claim]:
        """ "Officials denied the allegations": the last allegations, now also denied."""
        if view.sentence.index - discourse.alleged_at > DENIAL_REACH:
            return []
        cues = {c for m in view.mentions if m.type is HitType.CUE for c in m.entry.cues}
        if "denial" not in cues or "negation" in cues:
            return []
        deniers = {c for m in view.mentions if m.party for c in m.codes}
        objects = self.lexicon.cues["denial_objects"]
        about = any(w in objects for w in view.words)
        out = []
        for claim in discourse.alleged:
            if about or deniers & {claim.subject, claim.object}:
                out.append(_denied(claim, read, view, self.name))
        return out


def _denied(claim: Claim, read: _Read, view: View, method: str) -> Claim:
    sentence = view.sentence
    source = claim.evidence[0]
    evidence = replace(
        source,
        method=method,
        start=sentence.start,
        end=sentence.end,
        text=read.doc.text[sentence.start : sentence.end],
        status=Status.DENIED,
    )
    return replace(claim, status=Status.DENIED, evidence=(evidence,))


def _home(hits: list[Hit], datelines: list[int]) -> str | None:
    """The state a dateline names ("PEMBA, Mozambique, 16 June 2025 —"), if any."""
    if not datelines:
        return None
    last = max(datelines)
    for hit in hits:
        if hit.start > last:
            break
        entry = hit.entries[0]
        if (
            entry.type is HitType.ACTOR
            and entry.actor_kind == "state"
            and any(end - 80 < hit.start < end for end in datelines)
        ):
            return entry.code
    return None


def _datelines(text: str) -> list[int]:
    """Where the datelines among the first lines of an article end."""
    ends, start = [], 0
    for _ in range(DATELINE_LINES):
        found = _DATELINE.match(text, start)
        if found is not None:
            ends.append(found.end())
        start = text.find("\n", start) + 1
        if start <= 0:
            break
    return ends


def _unnamed_starts(hits: list[Hit], lowered: str) -> set[int]:
    """Where an actor named after "known as", "non-", "the size of" would start."""
    starts = set()
    for hit in hits:
        entry = hit.entries[0]
        if entry.type is not HitType.CUE or "unnamed" not in entry.cues:
            continue
        position = hit.end
        while position < len(lowered) and lowered[position] == " ":
            position += 1
        if lowered.startswith("the ", position):
            position += 4
        starts.add(position)
    return starts


def _named(read: _Read, hit: Hit, datelines: list[int], unnamed: set[int]) -> bool:
    """Whether an actor hit names a party: not in a dateline, not "non-NATO", not a name
    given to something else ("known locally as al-Shabaab"), not a measure ("a country the
    size of France"), not a currency ("US$700 million")."""
    if hit.entries[0].type is not HitType.ACTOR:
        return True
    if hit.start in unnamed or read.plain[hit.end : hit.end + 1] == "$":
        return False
    return not datelines or not any(end - 80 < hit.start < end for end in datelines)


def _credible(text: str, hit: Hit) -> bool:
    """Drop mentions an ambiguous alias makes in lower case ("turkey"), as a bare code, or
    inside a place name ("Mocímboa da Praia")."""
    entry = hit.entries[0]
    if entry.type is HitType.ACTOR and entry.ambiguous:
        before = text[max(0, hit.start - 6) : hit.start].split()
        if before and before[-1] in PARTICLES:
            return False
        return entry.form != "code" and text[hit.start].isupper()
    if entry.type is HitType.WEAPON and len(hit.entries) == 1:
        return not entry.ambiguous or text[hit.start].isupper()
    return True


@cache
def default_extractor() -> RuleExtractor:
    """The rule extractor over the shipped reference data, built once per process."""
    return RuleExtractor()


def _one_actor_each(hits: list[Hit]) -> list[Hit]:
    """Settle names shared by several actors ("Congo") by the actors the text names plainly.

    "Congo" next to "Kinshasa" or "Congolese" is the DRC; with no such hint, or with
    hints for both, the name is left out rather than guessed.
    """
    # Meanings are ranked, actors first: a shared name has an actor as its second meaning.
    shared = [h for h in hits if len(h.entries) > 1 and h.entries[1].type is HitType.ACTOR]
    if not shared:
        return hits
    plain = {
        codes.pop()
        for h in hits
        if h.entries[0].type is HitType.ACTOR
        and len(codes := {e.code for e in h.entries if e.type is HitType.ACTOR}) == 1
    }
    out = []
    for hit in hits:
        codes = {e.code for e in hit.entries if e.type is HitType.ACTOR}
        if len(codes) < 2:
            out.append(hit)
            continue
        known = codes & plain
        keep = tuple(
            e
            for e in hit.entries
            if e.type is not HitType.ACTOR or (len(known) == 1 and e.code in known)
        )
        if keep:
            out.append(hit._replace(entries=keep))
    return out


def _dates(lowered: str, sentence: Sentence, hits: list[Hit]) -> str:
    """The sentence's text for its years: a weapon's number ("Mirage 2000") is no year."""
    text = lowered[sentence.start : sentence.end]
    for hit in hits:
        if hit.entries[0].type is HitType.WEAPON and _DIGIT.search(lowered, hit.start, hit.end):
            start, end = hit.start - sentence.start, hit.end - sentence.start
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _without_headline(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences after a headline: a first line of its own with no full stop.

    Headlines drop the words that say how things relate ("Ankara, Cairo and the fight
    against al-Shabaab"); what they announce, the article states again in full.
    """
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return sentences
    if text[sentences[0].end - 1] in HEADLINE_ENDS:
        return sentences
    return sentences[1:]


def _by_sentence(
    sentences: list[Sentence], hits: list[Hit]
) -> Iterator[tuple[Sentence, list[Hit]]]:
    """Each sentence with the hits inside it (both lists are in text order)."""
    index = 0
    for sentence in sentences:
        while index < len(hits) and hits[index].start < sentence.start:
            index += 1
        own = []
        while index < len(hits) and hits[index].end <= sentence.end:
            own.append(hits[index])
            index += 1
        yield sentence, own


def _named_over_inferred(dated: list[tuple[Draft, Period]]) -> list[tuple[Draft, Period]]:
    """Drop a supplier guessed from the catalogue when the sentence names one for that
    recipient and item.

    "Turkey plans to buy Eurofighters, which Britain is expected to supply": Britain,
    not the consortium's lead, Germany. Another item keeps its maker ("... US-built F-16s,
    ... and its army used ATMOS 2000 howitzers": Israel's).
    """
    named = {
        (d.object, d.weapon) for d, _ in dated if d.kind is ClaimKind.SUPPLY and not d.inferred
    }
    return [
        (d, p)
        for d, p in dated
        if not (d.inferred and ((d.object, d.weapon) in named or (d.object, None) in named))
    ]


def _not_members(
    relations: list[tuple[Draft, Period]], dated: list[tuple[Draft, Period]]
) -> list[tuple[Draft, Period]]:
    """Drop a tie between a state and a bloc the sentence makes it a member of ("Egypt and
    Ethiopia both became members of BRICS, ... two rivals inside the same club")."""
    members = {frozenset((d.subject, d.object)) for d, _ in dated if d.kind is ClaimKind.MEMBERSHIP}
    if not members:
        return relations
    return [(d, p) for d, p in relations if frozenset((d.subject, d.object)) not in members]


def _unique(claims: list[Claim]) -> list[Claim]:
    """One claim per identity and sentence, the most confident kept."""
    best: dict[str, Claim] = {}
    for claim in claims:
        held = best.get(claim.key)
        if held is None or claim.confidence > held.confidence:
            best[claim.key] = claim
    return list(best.values())


def _with_after(read: _Read, hit: Hit) -> bool:
    """Whether "with" follows a relation word ("the rivalry with Beijing")."""
    return hit.entries[0].type is HitType.RELATION and read.lowered.startswith(" with ", hit.end)
