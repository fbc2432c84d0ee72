"""Happenings: disasters, accidents and crimes that news tells in the words of attacks, and are no conflict.

"An earthquake killed eight", "a boiler exploded", "a bus plunged off a bridge", "police seized two tonnes
of cocaine": the words (data/packs/lexicon/hazards.yaml) are read off the parse, never as bare keywords -

- a hazard of nature is a noun that is an argument of its clause ("the flood", not "a flood of refugees"),
  or the subject of "erupted" ("the volcano erupted", not "clashes erupted");
- an accident is a mishap (exploded, collapsed, crashed, leaked; an explosion, a crash) whose subject, or
  whose noun's modifier or "of"/"at" phrase, is an industrial thing (a boiler, a gas cylinder, a plant) or,
  for crashes and sinkings, a vehicle; a bomb, a mine or a car never is one;
- a crime is a crime noun or a criminal, a seizure of drugs or contraband, or an arrest of criminals.

A sentence that names a weapon or an armed party tells of conflict: it has no happening. The events a
disaster's own clause makes (the ASSAULT of "killed", the bombing of "exploded", the expulsion of
"displaced") are dropped unless an actor of their own did them, and so is an event of its sentence that no
one did (`drop_happened`: "six were killed when a plant exploded"); a crime drops none: the
arrest of smugglers is still an arrest, and "gunmen robbed" still an attack.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from warlog.actors.linker import PlaceMention
from warlog.events.candidate import EventCandidate
from warlog.events.setting import date_for, place_for
from warlog.events.tolls import TollMention
from warlog.model import Evidence, Happening, Toll
from warlog.packs.lexicon import HazardWords, ViolenceWords
from warlog.temporal import DateMention

RULES_VERSION = "1"
HAZARDS = HazardWords.builtin()
_VIOLENCE = ViolenceWords.builtin()
WEAPON_WORDS = frozenset(w for w in _VIOLENCE.weapons if " " not in w)
# the words of a sentence that tell of conflict: weapons (but the tank or the jet of an accident), armed men
ARMED_WORDS = (
    (frozenset(w for w in _VIOLENCE.weapons if " " not in w) - HAZARDS.things - HAZARDS.vehicles)
    | _VIOLENCE.armed_men
    | frozenset({"arms", "ammunition", "weapon", "explosive", "attack", "bombing", "army"})
)
CRASHES = frozenset({"capsize", "collide", "collision", "crash", "derail", "derailment", "overturn", "plunge",
                     "sink", "topple"})  # fmt: skip
POLITICAL = frozenset({"election", "electoral", "vote", "voter", "poll", "ballot", "voting"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "compound", "attr", "npadvmod"})
DROPPED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
RULE = f"happening@{RULES_VERSION}"


def find_happenings(
    doc: Doc,
    text: str,
    *,
    tolls: Sequence[TollMention],
    places: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    triggers: frozenset[int],
) -> list[tuple[Happening, Token]]:
    """The happenings of a parsed Doc in text order, each with the verb of its clause (or its own token)."""
    found: list[tuple[Happening, Token]] = []
    for sentence in doc.sents:
        if any(_lemma(t) in ARMED_WORDS or t.lower_ in ARMED_WORDS for t in sentence):
            continue
        for token in sentence:
            kind = _kind(token)
            if kind is None or any(g.i == _governor(token).i for _, g in found):
                continue
            found.append((_happening(token, kind, text, sentence, tolls, places, dates, triggers), _governor(token)))
    return found


def drop_happened(events: list[EventCandidate], found: Sequence[tuple[Happening, Token]]) -> list[EventCandidate]:
    """The events without those a happening's own clause states and no actor of theirs did."""
    if not found:
        return events
    doc = found[0][1].doc
    disasters = [governor for happening, governor in found if happening.kind != "crime"]
    clauses = {t.i for governor in disasters for t in _clause(governor)}
    sentences = {governor.sent.start for governor in disasters}
    kept = []
    for event in events:
        token = doc[event.token] if event.token >= 0 else None
        if token is None or event.type not in DROPPED_TYPES:
            kept.append(event)
        elif token.i in clauses and not (event.actors and _has_own_subject(token, clauses)):
            continue
        elif token.sent.start in sentences and not event.actors:
            continue  # "six were killed when a plant exploded": a sentence with no weapon, no armed party
        else:
            kept.append(event)
    return kept


def _kind(token: Token) -> str | None:
    lemma = _lemma(token)
    if token.pos_ == "NOUN" and lemma in HAZARDS.natural and _argument(token):
        return "natural_disaster"
    if token.pos_ == "VERB" and lemma in HAZARDS.natural_verbs and any(_natural(s) for s in _subjects(token)):
        return "natural_disaster"
    if lemma in HAZARDS.mishaps and _mishap(token, lemma):
        return "man_made_disaster"
    if token.pos_ == "NOUN" and lemma in HAZARDS.accidents and _argument(token):
        return "man_made_disaster"
    if _crime(token, lemma):
        return "crime"
    return None


def _mishap(token: Token, lemma: str) -> bool:
    """A thing exploded, burned, leaked or collapsed; a vehicle crashed or sank."""
    things = HAZARDS.things | (HAZARDS.vehicles if lemma in CRASHES else frozenset())
    if token.pos_ == "VERB":
        if lemma == "fire" or (lemma == "catch" and not any(_lemma(c) == "fire" for c in token.children)):
            return False  # "fired at", "caught the suspects"
        if lemma == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            return False
        nouns = _subjects(token)
        if lemma in ("leak", "spill"):
            nouns += [c for c in token.children if c.dep_ == "dobj"]
        # "a number of gas containers exploded", "a bunker at a treatment plant exploded"
        nouns += [g for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "at")
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        return any(_named(n, things) for n in nouns)
    if token.pos_ != "NOUN" or not _argument(token):
        return False
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    holders = [token]
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        holders.append(token.head)  # "an explosion ripped through a warehouse"
    modifiers += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in MISHAP_SITES
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return any(_named(m, things - WEAPON_WORDS) for m in modifiers)  # "tank fire" is shooting


MISHAP_SITES = frozenset({"of", "at", "in", "on", "from", "through", "inside"})


def _crime(token: Token, lemma: str) -> bool:
    """A crime or a criminal named as an argument, a seizure of contraband, an arrest of criminals."""
    if token.pos_ == "NOUN" and lemma in HAZARDS.crimes:
        related = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        related += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return _crime_argument(token) and not any(_lemma(r) in POLITICAL for r in related)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] if token.pos_ == "VERB" else []
    if lemma in HAZARDS.seizures and any(_named(o, HAZARDS.contraband, of=True) for o in objects):
        return True  # a verb may be both ("intercepted cocaine", "intercepted smugglers")
    if token.pos_ == "NOUN" and lemma in ("seizure", "haul", "bust"):
        return _named(token, HAZARDS.contraband, of=True)
    if lemma in HAZARDS.arrests:
        return any(_named(o, HAZARDS.criminals | HAZARDS.contraband) for o in objects)
    return False


def _crime_argument(token: Token) -> bool:
    """The crime is what the clause is about ("a fraud ring was busted", "smuggling rose"), not the
    background of a victim or of an operation ("accused of fraud", "an operation against drug trafficking")."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "in" and _lemma(token.head.head) in INVOLVED:
        return True  # "were involved in a scam": the crime is what the clause is about
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "appos") or (
        token.dep_ == "compound" and token.head.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT")
    )


INVOLVED = frozenset({"involve", "engage", "implicate", "participate"})


def _named(noun: Token, words: frozenset[str], *, of: bool = False) -> bool:
    """The noun, one of its compounds or modifiers (or, with `of`, what it is "of": "a tonne of cocaine")
    is one of the words."""
    nouns = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "conj"))]
    if of:
        nouns += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        nouns += [g for n in nouns[1:] for g in n.children if g.dep_ == "conj"]
    return any(_lemma(n) in words or n.lower_ in words for n in nouns)


def _natural(subject: Token) -> bool:
    """ "the volcano", "Mount Merapi", "Etna" as the subject of "erupted"."""
    names = [subject, *(c for c in subject.children if c.dep_ == "compound")]
    return any(_lemma(n) in HAZARDS.natural or n.lower_ in ("mount", "mt", "mt.") for n in names)


def _argument(token: Token) -> bool:
    """A noun that stands for a happening: an argument of its clause, not "a flood of refugees", "a storm
    of criticism" or a likeness ("like a storm")."""
    if token.dep_ not in ARGUMENTS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and not _counted(c) for c in token.children):
        return False
    return not (token.dep_ == "pobj" and token.head.lower_ in ("like", "as"))


def _counted(preposition: Token) -> bool:
    """ "the collapse of a building" names the thing, not a flood of something."""
    return any(_lemma(g) in HAZARDS.things | HAZARDS.vehicles for g in preposition.children)


def _subjects(token: Token) -> list[Token]:
    """The verb's subjects; a participle's is the noun it qualifies ("gas leaked from a factory")."""
    found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found or ([token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else [])


def _governor(token: Token) -> Token:
    """The verb whose clause the happening's word stands in ("an earthquake killed": killed)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i and current.dep_ in ARGUMENTS | {"prep"}:
        current = current.head
    return current


def _clause(verb: Token) -> list[Token]:
    """The verb and the words of its clause that open no clause with a subject of its own."""
    out, queue = [verb], [c for c in verb.children if c.dep_ not in ("ccomp", "relcl", "parataxis")]
    while queue:
        token = queue.pop()
        out.append(token)
        queue += [c for c in token.children if c.dep_ not in ("ccomp", "relcl", "parataxis", "nsubj")]
    return out


def _has_own_subject(token: Token, clauses: set[int]) -> bool:
    return any(s.i not in clauses for s in _subjects(token)) or bool(_subjects(token)) and token.dep_ == "conj"


def _happening(
    token: Token,
    kind: str,
    text: str,
    sentence: Span,
    tolls: Sequence[TollMention],
    places: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    triggers: frozenset[int],
) -> Happening:
    governor = _governor(token)
    heads = [token, *(c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    near = ("compound", "amod", "nummod")
    words = sorted(
        {governor.i}
        | {t.i for h in heads for t in (h, *h.children) if t is h or (t.dep_ in near and abs(t.i - h.i) <= 3)}
    )
    start = token.doc[words[0]].idx
    end = token.doc[words[-1]].idx + len(token.doc[words[-1]])
    if end - start > 120:  # a far governor: the word alone
        start, end = token.idx, token.idx + len(token)
    place = place_for(token, places, triggers)
    date = date_for(token, dates, triggers)
    inside = [t for t in tolls if sentence.start_char <= t.start < sentence.end_char and not t.aggregate]
    key = f"{start}:{end}:{kind}"
    return Happening(
        id="hp_" + hashlib.sha1(f"{text[:64]}|{key}".encode()).hexdigest()[:12],
        kind=kind,
        evidence=Evidence(start, end, text[start:end], RULE),
        place=place[0].place_id if place is not None else None,
        date=date.when if date is not None else None,
        fatalities=_toll(inside, "killed"),
        wounded=_toll(inside, "wounded"),
    )


def _toll(tolls: Sequence[TollMention], kind: str) -> Toll | None:
    toll = next((t for t in tolls if t.kind == kind), None)
    return Toll(toll.min, toll.max, toll.text) if toll is not None else None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
