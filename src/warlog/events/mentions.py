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
  "the war against the militia", "a two-front war", with no place and date or toll of its own; violence
  that goes on, told in the present or as a campaign against an enemy, "civilians are being killed", "its
  battle against the militia", "years of fighting the rebels", or as what something is, "the danger is a
  battle for land", on the same terms; a bare plural of violence, "raids on villages stepped up",
  with no place or toll): it stays
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
from warlog.events.roles import LIGHT_VERBS
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
# words of fighting that name a campaign when they take an enemy, not a place: "its battle against the
# militia", "years of fighting the insurgents" (a battle for a town, or fighting in one, is an incident)
CAMPAIGNS = frozenset({"battle", "fight", "fighting"})
CAMPAIGN_PREPOSITIONS = frozenset({"of", "in", "for", "at", "by", "after", "since", "with"})
# auxiliaries of the present: "people are being killed", "children are beaten while begging"
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
COPULAS = frozenset({"be"})
# what makes a plural a count of incidents, not a kind of them ("two attacks", "the attacks", "their raids")
COUNTED = frozenset({"det", "poss", "nummod", "quantmod"})
# devices and agents read as the event they serve (triggers.yaml): "grenades were used", "bombs went off" tell
# incidents, not a kind of them
DEVICES = frozenset({
    "bomb", "grenade", "mine", "landmine", "ied", "vbied", "svbied", "device", "trap", "vest", "bomber", "attacker",
    "explosive",
})  # fmt: skip
ROLE_PREPOSITIONS = frozenset({"of", "by", "between", "with", "against", "on"})
PARTICIPANTS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
TIMES = frozenset({"DATE", "TIME"})


def anchored(
    doc: Doc, event: EventCandidate, rules: Mapping[int, Trigger], counted: frozenset[int] = frozenset()
) -> bool:
    """Whether the text gives the event an actor or a recipient (linked, or only a common noun that says who:
    "suspects", "a police station", or the subject, object or agent of any violent verb or noun of its
    evidence: "a patrol was ambushed by bandits"), a place, its own date or a toll. `rules` holds the
    trigger of each trigger token; `counted` the starts of the sentences where an event has a toll (a bare
    plural there is the incident the toll counts: "two killed in clashes between rival supporters")."""
    parties = event.actors or event.recipients or event.actor_kinds or event.target_kinds or event.struck_ground
    tolls = (event.toll, event.wounded, event.captured)
    token = doc[event.token] if 0 <= event.token < len(doc) else None
    if token is not None and (_state_of_conflict(token) or _generic(token)):
        return event.place is not None and (event.date is not None or any(tolls))
    if (
        token is not None and event.type != "PROTEST" and token.sent.start not in counted
        and _kind_of_violence(token)
    ):  # fmt: skip
        return event.place is not None or any(tolls)
    if parties or event.place is not None or event.date is not None or any(tolls):
        return True
    if event.type == "PROTEST" and event.also:
        return True  # a protest told with what happened at it (events.protests): "throwing petrol bombs"
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


def _generic(token: Token) -> bool:
    """Whether an event's word tells violence that goes on, not an incident: what goes on in the present
    ("people are being killed", "children are beaten while begging"), what something is called ("the danger
    is a battle for land"), or fighting an enemy ("its battle against the militia", "years of fighting
    the rebels")."""
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "attr" and token.head.lemma_ in COPULAS:
            return not _free_relative(token.head)
        if token.lemma_ in CAMPAIGNS and any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children):
            return True
        return False
    if token.pos_ != "VERB":
        return False
    if token.lemma_ in CAMPAIGNS and token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj"):
        return token.head.lower_ in CAMPAIGN_PREPOSITIONS and any(c.dep_ == "dobj" for c in token.children)
    present = any(c.dep_ in ("aux", "auxpass") and c.lower_ in PRESENT_AUX for c in token.children)
    return present and token.tag_ in ("VBN", "VBG")


def _free_relative(copula: Token) -> bool:
    """A copula whose subject is "what" ("in what looked like a planned raid"): the noun it takes is
    the event itself ("in an apparent attack"), not what something else is called."""
    verbs = [copula, copula.head] if copula.dep_ == "xcomp" else [copula]
    return any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for v in verbs for c in v.children)


def _kind_of_violence(token: Token) -> bool:
    """A bare plural tells a kind of violence unless a place or a toll makes it incidents ("attacks on the
    homeland stepped up", "as a result of police shootings"; not "airstrikes on Raqqa killed 15"). Not so
    what someone carries out ("the air force carried out strikes on a camp"), nor protests, which are told so
    when they happen ("protests broke out": `anchored` leaves them out)."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:  # "the violence and clashes": the det is shared
        first = first.head
    counted = any(c.dep_ in COUNTED for t in {token, first} for c in t.children)
    if token.lemma_.lower() in DEVICES:
        return False
    if (
        token.dep_ == "dobj"
        and token.head.lemma_ in LIGHT_VERBS
        and any(c.dep_ == "nsubj" for c in token.head.children)
    ):
        return False  # "the air force carried out strikes on a camp": someone's acts
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and not counted and token.dep_ not in ("compound", "appos")


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
    counted = frozenset(
        doc[e.token].sent.start for e in events if 0 <= e.token < len(doc) and (e.toll or e.wounded or e.captured)
    )
    told: dict[str, list[int]] = {}  # the anchored violent events said to have happened, by type, in order
    for i, e in enumerate(events):
        if violent(e) and e.status.value in HAPPENED and anchored(doc, e, rules, counted):
            told.setdefault(e.type, []).append(i)
    hosts: dict[int, list[int]] = {}
    out: dict[int, EventCandidate] = {}
    for i, event in enumerate(events):
        if not violent(event) or event.status.value not in HAPPENED or anchored(doc, event, rules, counted):
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
