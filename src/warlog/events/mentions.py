"""Bare mentions of violence: "the shooting", "after the attacks", "the sound of gunfire in a novel", "the next attack".

An event of political violence is codable when the text pins it down with at least one anchor: who did it
(actors), to whom (recipients), where (a place: ACLED codes no event without one), when (its own date) or
with what toll. A violent event said to have taken place (asserted, reported or claimed) with none of them
is a bare mention; one denied, negated or only possible keeps its codes ("it was not a terrorist attack"
says what did not happen). Two kinds:

- A **reference** back (or ahead) to an incident the text tells with its anchors: "Gunmen shot a driver in
  Kessa on Friday. ... Prosecutors opened an inquiry into the shooting." The mention is definite or
  has no determiner, and an anchored violent event of the same PLOVER type is in the document: the mention
  is folded into it as further evidence (`Event.also`), so one incident is one event. The nearest such event
  before the mention wins, else the nearest after it (a headline tells the incident before the story does).
- A mention of violence that tells **no incident** ("the next attack", "a fight for territory", "the sound
  of gunfire in a novel", "after a shooting" with nothing else told of it; a noun of a state of conflict,
  "the war against the militia", "a two-front war", with no place and date or toll of its own): it stays
  a PLOVER event of the report, without ACLED (and CASE) codes, so it is outside ACLED's scope. The ACLED
  export leaves it out, and so does the count of violent events (warlog eval polnear-alarms).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.events.candidate import EventCandidate
from warlog.events.confidence import VIOLENT, violent
from warlog.model import HAPPENED
from warlog.packs.ontology import Trigger

ACLED_CODES = frozenset({"acled_event_type", "acled_sub_event_type", "case"})
# a determiner or a modifier that makes a mention a new or a possible incident, not one already told
NEW_INCIDENT = frozenset({
    "a", "an", "another", "any", "every", "each", "some", "no", "next", "future", "new", "possible", "potential",
    "further", "more", "such",
})  # fmt: skip
# nouns of a state of conflict, not of one incident ("the war", "a two-front war", "the occupation"): an
# incident only with a place and its own date or toll ("the war in the valley killed 40 this week"), whoever
# wages it; a battle, a clash, fighting, an invasion are incidents (the team's gold counts "Russia's invasion
# of Ukraine" as one)
STATES = frozenset({
    "war", "warfare", "conflict", "insurgency", "struggle", "campaign", "hostility", "occupation", "incursion",
})  # fmt: skip
WAGING = frozenset({"engage", "wage", "conduct", "continue", "pursue"})
ROLE_PREPOSITIONS = frozenset({"of", "by", "between", "with", "against", "on"})
PARTICIPANTS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
TIMES = frozenset({"DATE", "TIME"})


def anchored(doc: Doc, event: EventCandidate, rules: Mapping[int, Trigger]) -> bool:
    """Whether the text gives the event an actor or a recipient (linked, or only a common noun that says who:
    "suspects", "a police station", or the subject, object or agent of any violent verb or noun of its
    evidence: "a patrol was ambushed by bandits"), a place, its own date or a toll. `rules` holds the
    trigger of each trigger token."""
    parties = event.actors or event.recipients or event.actor_kinds or event.target_kinds or event.struck_ground
    tolls = (event.toll, event.wounded, event.captured)
    if 0 <= event.token < len(doc) and _state_of_conflict(doc[event.token]):
        return event.place is not None and (event.date is not None or any(tolls))
    if parties or event.place is not None or event.date is not None or any(tolls):
        return True
    span = doc.char_span(event.start, event.end, alignment_mode="expand")  # a merged telling spans its verbs
    tokens = list(span) if span is not None else [doc[event.token]] if 0 <= event.token < len(doc) else []
    return any(_participants(t) for t in tokens if t.i in rules and _violent_trigger(rules[t.i]))


def _state_of_conflict(token: Token) -> bool:
    """Whether an event's word is a noun of a state of conflict ("the war"), or a verb that only wages one
    ("engaged in a war", "waging a war")."""
    if token.pos_ == "NOUN":
        return token.lemma_ in STATES
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return token.lemma_ in WAGING and any(o.lemma_ in STATES for o in objects)


def _violent_trigger(trigger: Trigger) -> bool:
    return trigger.type == "ASSAULT" or (trigger.acled is not None and trigger.acled[0] in VIOLENT)


def _participants(token: Token) -> bool:
    """A verb with a noun, a pronoun or a number for its subject, object or agent ("militants attacked a
    convoy, kidnapping three"), or an event noun with one after a preposition of its roles ("killings of
    albinos", "clashes between rival supporters", "the attack by gunmen")."""
    if token.pos_ == "VERB":
        nouns = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        preps = [c for c in token.children if c.dep_ == "agent"]
    else:
        nouns, preps = [], [c for c in token.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPOSITIONS]
    nouns += [g for c in preps for g in c.children if g.dep_ == "pobj"]
    return any(n.pos_ in PARTICIPANTS and n.tag_ not in ("WDT", "EX") and n.ent_type_ not in TIMES for n in nouns)


def bare_mentions(doc: Doc, events: list[EventCandidate], rules: Mapping[int, Trigger]) -> list[EventCandidate]:
    """The events with their bare violent mentions folded into the incident they refer to, or stripped of
    their ACLED and CASE codes when they refer to none (see the module docstring). `rules` holds the
    trigger of each trigger token."""
    told: dict[str, list[int]] = {}  # the anchored violent events said to have happened, by type, in order
    for i, e in enumerate(events):
        if violent(e) and e.status.value in HAPPENED and anchored(doc, e, rules):
            told.setdefault(e.type, []).append(i)
    hosts: dict[int, list[int]] = {}
    out: dict[int, EventCandidate] = {}
    for i, event in enumerate(events):
        if not violent(event) or event.status.value not in HAPPENED or anchored(doc, event, rules):
            out[i] = event
            continue
        host = _referent(events, told, i) if _definite(doc, event) else None
        if host is None:
            out[i] = replace(event, codes=tuple(c for c in event.codes if c[0] not in ACLED_CODES))
        else:
            hosts.setdefault(host, []).append(i)
    for host, mentions in hosts.items():
        extra = tuple(t for m in mentions for t in ((events[m].start, events[m].end, events[m].text), *events[m].also))
        out[host] = replace(out[host], also=out[host].also + extra)
    return [out[i] for i in sorted(out)]


def _definite(doc: Doc, event: EventCandidate) -> bool:
    """The mention names an incident already known: no determiner or modifier of a new or a possible one."""
    if not 0 <= event.token < len(doc):
        return False
    token: Token = doc[event.token]
    return not any(c.lower_ in NEW_INCIDENT for c in token.children if c.dep_ in ("det", "amod", "advmod"))


def _referent(events: list[EventCandidate], told: dict[str, list[int]], i: int) -> int | None:
    """The anchored violent event of the same type, said to have taken place, that the mention at `i` refers
    to: the nearest before it, else the nearest after it (`told` holds their indexes by type, in order)."""
    same = told.get(events[i].type, [])
    at = bisect_left(same, i)
    if at > 0:
        return same[at - 1]
    return same[at] if at < len(same) else None
