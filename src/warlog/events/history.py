"""Events told as history: PLOVER's auxiliary mode `historical`, the background of the news, not its news.

News tells past incidents as the background of what it reports: "the 2012 attack in Benghazi", "since
the attacks in Paris", "after the Orlando massacre". An event dataset that codes them as new events
has a known error (GDELT's "historical references"): the incident comes back as a row on every day
some article names it, dated on that article's day. PLOVER has a mode for it, `historical` ("During
the decolonization struggle, Angolan forces..."), that the coder puts in the event's context. warlog
gives an event the code ("context", "historical") when the text tells it as history, of a document
with a publication date:

- **dated long before**: the event's own date ends more than HISTORY_DAYS before the publication
  date ("in the 2001 attacks", "the sergeant was shot dead at a ranch in 2014");
- **named, not told**: the event has no toll, and every mention of it is a noun phrase that names an
  incident the reader knows: a definite one ("the shooting", "those attacks"), a possessive one ("his
  assassination"), or one named by a place or a group ("Paris terror attacks"), never a verb ("gunmen
  shot a driver") or a new incident ("a shooting at a clinic"); and it has no date of its own, or one that
  ends more than NAMED_DAYS before the publication ("after the attacks in Paris last month"). News tells
  what it reports with a verb, a date or a toll; an incident it only names is one it takes as known, and
  an undated one's day is not the publication day.

A historical event is still an event of the report, with all its codes: the PLOVER export lists its
context, and the ACLED export (warlog.export.acled), which codes events as they are reported, and the
count of false alarms (warlog eval polnear-alarms) leave it out.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from warlog.events.candidate import EventCandidate
from warlog.incidents.differences import date_interval
from warlog.model import Event

CONTEXT = "context"
HISTORICAL = "historical"
HISTORY_DAYS = 365
# an incident only named is background once it lies more than a week before the news (news tells what it
# reports within days; ACLED codes by the week)
NAMED_DAYS = 7
# determiners of an incident the reader knows ("the attack", "those shootings")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# entity types of a name that names an incident ("Paris attacks", "Taliban attack")
NAMING = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG", "EVENT"})


def historical(event: EventCandidate | Event) -> bool:
    """Whether the event (found, or of a report) carries the code of PLOVER's auxiliary mode `historical`."""
    return (CONTEXT, HISTORICAL) in event.codes


def mark_history(doc: Doc, events: list[EventCandidate], triggers: Collection[int]) -> list[EventCandidate]:
    """The events, those told as history coded ("context", "historical") (the module docstring); none of a
    document without a publication date. `triggers` holds the indexes of the trigger tokens."""
    published = date_interval(doc._.warlog_published)
    if published is None:
        return events
    before = published[0] - timedelta(days=HISTORY_DAYS)
    weeks_before = published[0] - timedelta(days=NAMED_DAYS)

    def told_as_history(event: EventCandidate) -> bool:
        if _dated_before(event, before):
            return True
        recent = event.date is not None and not _dated_before(event, weeks_before)
        return not recent and _named_only(doc, event, triggers)

    return [
        replace(e, codes=(*e.codes, (CONTEXT, HISTORICAL))) if not historical(e) and told_as_history(e) else e
        for e in events
    ]


def _dated_before(event: EventCandidate, before: date) -> bool:
    interval = date_interval(event.date.value) if event.date is not None else None
    return interval is not None and interval[1] != date.max and interval[1] < before


def _named_only(doc: Doc, event: EventCandidate, triggers: Collection[int]) -> bool:
    """No toll, and every mention a noun phrase that names a known incident: the words that tell each
    mention (its trigger words among `triggers`, else the head of its words) are such nouns, and none is a
    verb."""
    if event.toll or event.wounded or event.captured:
        return False
    heads = [doc[event.token]] if 0 <= event.token < len(doc) else []
    for start, end in [(event.start, event.end), *((start, end) for start, end, _ in event.also)]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        told = [t for t in span if t.i in triggers]
        if any(t.pos_ in ("VERB", "AUX") and not _nominal(t) for t in told):
            return False  # "police shot a man, and the shooting ...": a verb tells it
        head = _head(span)
        heads += told or ([head] if head is not None else [])
    return bool(heads) and all(_names_incident(head) for head in heads)


def _head(span: Span) -> Token | None:
    """The head of a mention's words, the noun of its phrase when it is one ("after the attacks")."""
    root = span.root
    if root.pos_ == "ADP":
        return next((c for c in root.children if c.dep_ == "pobj"), None)
    return root


def _nominal(token: Token) -> bool:
    """A word the tagger took for a verb that is a noun by its determiner ("the Oklahoma City bombing", "the
    Paris attacks")."""
    return any(c.dep_ in ("det", "poss") and c.i < token.i for c in token.children)


def _names_incident(token: Token) -> bool:
    """A noun with a definite determiner, a possessive, or a name of a place or group before it."""
    if token.pos_ not in ("NOUN", "PROPN") and not _nominal(token):
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:  # "the attacks and the shooting": shared det
        first = first.head
    children = [c for t in {token, first} for c in t.children if c.i < t.i]
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE)
        or c.dep_ == "poss"
        or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in NAMING)
        for c in children
    )
