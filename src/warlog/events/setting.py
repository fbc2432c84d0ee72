"""Where and when an event happened: the place and date mentions that hang from its trigger.

A place or a date belongs to an event when it is attached to the trigger's own clause (nearest in the
tree first), else when it sits elsewhere in the sentence but belongs to no other event. An event with
neither, in the sentence right after one that has both, happened there and then (`carry_setting`). An
incident with no place of its own takes the place of another incident of its sentence, or the one town its
sentence names, or, when its sentence names none, the place that sets the scene in the sentence or two before
it, in the same paragraph (`carry_place`: "On Saturday, in Kessa, soldiers met traders at a market. A
gunfight followed.").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from warlog.actors.linker import PlaceMention
from warlog.actors.roles import LOCATIVE_PREPOSITIONS, is_locative
from warlog.events.candidate import EventCandidate
from warlog.events.roles import LIGHT_VERBS, objects_of
from warlog.geo.gazetteer import AREA_FEATURES
from warlog.temporal import DateMention

AREAS = AREA_FEATURES | {"country"}  # places that hold towns: a town named beside one is the more precise


def _clause_nodes(token: Token) -> set[int]:
    """The trigger and what it heads for: a verb with its objects, the heads of its embedding complement
    ("succeeds in pushing the rebels out") and the verb it shares its object with ("bombed and shelled
    positions in Idlib"); a noun alone, or with its light verb ("launch an offensive")."""
    if token.pos_ != "VERB":
        light = token.dep_ in ("dobj", "nsubj", "nsubjpass") and token.head.lemma_.lower() in LIGHT_VERBS
        return {token.i, token.head.i} if light else {token.i}
    objects = objects_of(token)  # its object, even an event ("signed an agreement in Moscow")
    nodes, current = {token.i, *(o.i for o in objects)}, token
    if objects and objects[0].head.i != token.i:
        nodes.add(objects[0].head.i)
    for _ in range(3):
        if current.dep_ not in ("xcomp", "pcomp", "prep") or current.head.i == current.i:
            break
        current = current.head
        nodes.add(current.i)
    return nodes


def _sentence_wide(root: Token) -> bool:
    """A time said for the whole sentence: "later that day, ...", "In early June 2015, ..."."""
    if root.dep_ == "npadvmod":
        return True
    return root.dep_ == "pobj" and root.head.i == root.sent.start


def _attachment(
    token: Token, root: Token, triggers: frozenset[int], *, through_verbs: bool = False
) -> tuple[int, int] | None:
    """How `root` (a place or a date) hangs from the event `token`: (0, depth) when it is attached to the
    trigger's own clause, (1, depth) when it is elsewhere in the sentence but belongs to no other event,
    None when it belongs to another trigger or another clause ("capture of Ramadi in May" is not the
    date of "sweeping through six villages")."""
    own = _clause_nodes(token)
    ancestors = {a.i for a in token.ancestors}
    for depth, node in enumerate([root, *root.ancestors]):
        if node.i == token.i or node.i in own:
            return 0, depth
        if node.i in ancestors:
            return 1, depth
        if node.i in triggers or (node.pos_ == "VERB" and depth > 0 and not through_verbs):
            return None
    return None


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _is_locative_place(doc: Doc, mention: PlaceMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if is_locative(span):
        return True
    before = span.start - 1  # "in northern Rif Aleppo": the preposition before the place's adjectives
    while before >= 0 and doc[before].pos_ in ("ADJ", "DET", "NUM"):
        before -= 1
    return before >= 0 and doc[before].lower_ in LOCATIVE_PREPOSITIONS - {"of", "to", "from"}


Mention = TypeVar("Mention", PlaceMention, DateMention)


def _starting_within(mentions: Sequence[Mention], lo: int, hi: int) -> Sequence[Mention]:
    """The mentions that start within [lo, hi], in order: a slice of mentions ordered by start, found by
    bisection (reading every mention for every event grows with the square of a document's length)."""
    return mentions[bisect_left(mentions, lo, key=_start) : bisect_right(mentions, hi, key=_start)]


def _start(mention: PlaceMention | DateMention) -> int:
    return mention.start


def place_for(
    token: Token, places: Sequence[PlaceMention], triggers: frozenset[int]
) -> tuple[PlaceMention, bool] | None:
    """The place the event happened at, and whether its own clause names a place: a place attached to the
    trigger's clause, else a locative place of the sentence that belongs to no other event, else one
    reached through a verb that is no event ("a protest was held in X", "explosions involving mortars
    near X"). A town or a site wins over a country or a province ("in Tijuana, Baja California",
    "forces of Artsakh located near Horadiz fired"), a place with a point over a name the gazetteer
    does not place ("the North Zone of Rio"); then the trigger's clause first, the nearest in the tree,
    locative first. `places` come ordered by start, as the linker gives them."""
    doc, sentence = token.doc, token.sent
    ranked = []
    for through_verbs in (False, True):
        for mention in _starting_within(places, sentence.start_char, sentence.end_char):
            if not (sentence.start_char <= mention.start and mention.end <= sentence.end_char):
                continue
            root = _span_root(doc, mention.start, mention.end)
            where = _attachment(token, root, triggers, through_verbs=through_verbs) if root is not None else None
            if where is None:
                continue
            locative = _is_locative_place(doc, mention)
            if (where[0] == 1 or through_verbs) and not locative:
                continue
            area = mention.place is not None and mention.place.feature in AREAS
            rank = (area, through_verbs, not mention.located, where[0], where[1], not locative)
            ranked.append((*rank, abs(mention.start - token.idx), mention))
        if ranked and not all(r[0] for r in ranked):
            break  # a town or site without going through verbs
    if not ranked:
        return None
    best = min(ranked, key=lambda r: r[:7])
    return best[7], any(r[3] == 0 and not r[1] for r in ranked)


def date_for(token: Token, dates: Sequence[DateMention], triggers: frozenset[int]) -> DateMention | None:
    """The date of the event: a date attached to its clause, else one of the sentence that belongs to
    no other event. `dates` come ordered by start, as `find_dates` gives them."""
    doc, sentence = token.doc, token.sent
    ranked = []
    for mention in _starting_within(dates, sentence.start_char, sentence.end_char):
        if not (sentence.start_char <= mention.start and mention.end <= sentence.end_char):
            continue
        root = _span_root(doc, mention.start, mention.end)
        if root is None:
            continue
        where = _attachment(token, root, triggers, through_verbs=_sentence_wide(root))
        if where is not None:
            ranked.append((where[0], where[1], abs(mention.start - token.idx), mention))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def carry_setting(events: list[EventCandidate], doc: Doc, text: str) -> list[EventCandidate]:
    """An event with no place or date of its own in a sentence that follows one that has them, in the
    same paragraph, happened there and then: "In early June 2015, the takfiris took another run at
    Aleppo, targeting ... Marea. The regime moved quickly—to bomb the rebels"."""
    out: list[EventCandidate] = []
    for event in events:
        before = out[-1] if out else None
        if (
            before is not None
            and event.place is None
            and event.date is None
            and before.place is not None
            and before.date is not None
            and not (before.toll is not None and before.toll.aggregate)
            and _adjacent(doc, text, before, event)
        ):
            event = replace(event, place=event.place or before.place, date=event.date or before.date)
        out.append(event)
    return out


def _adjacent(doc: Doc, text: str, first: EventCandidate, second: EventCandidate) -> bool:
    """`second` is in the sentence right after `first`'s, with no paragraph break between them."""
    if "\n" in text[first.end : second.start]:
        return False
    a = doc.char_span(first.start, first.end, alignment_mode="expand")
    b = doc.char_span(second.start, second.end, alignment_mode="expand")
    if a is None or b is None:
        return False
    return a.sent.end == b.sent.start


CARRY_SENTENCES = 2  # how many sentences back an incident looks for the place that sets its scene


def carry_place(
    events: list[EventCandidate], doc: Doc, text: str, places: Sequence[PlaceMention]
) -> list[EventCandidate]:
    """Each incident (an event with ACLED codes) with no place, with the place of its scene: in its own
    sentence, the place of another incident told there ("were whipped and then jailed by soldiers in
    X"), else the one town the sentence names where something is; in a sentence that names no place, the
    place that sets the scene before it (`_scene`)."""
    if not places or not doc.has_annotation("SENT_START"):
        return events
    placed: dict[int, list[EventCandidate]] = {}  # the placed incidents by their sentence's start
    for e in events:
        if e.place is not None and _incident(e) and 0 <= e.token < len(doc):
            placed.setdefault(doc[e.token].sent.start, []).append(e)
    out = []
    for event in events:
        if event.place is None and _incident(event) and 0 <= event.token < len(doc):
            sentence = doc[event.token].sent
            if _starting_within(places, sentence.start_char, sentence.end_char - 1):
                mention = _sentence_place(doc, event, sentence, placed, places)
                if mention is not None:
                    event = replace(event, place=mention)
            else:
                scene = _scene(doc, text, sentence, places)
                if scene is not None:
                    event = replace(event, place=scene.place_id)
        out.append(event)
    return out


def _incident(event: EventCandidate) -> bool:
    return "acled_event_type" in dict(event.codes)


def _sentence_place(
    doc: Doc,
    event: EventCandidate,
    sentence: Span,
    placed: dict[int, list[EventCandidate]],
    places: Sequence[PlaceMention],
) -> str | None:
    """The place of the nearest other incident of the sentence, else its one located town where something is."""
    others = placed.get(sentence.start, [])
    if others:
        return min(others, key=lambda e: abs(e.token - event.token)).place
    named = _starting_within(places, sentence.start_char, sentence.end_char - 1)
    towns = {m.place_id: m for m in named if m.located and _town(m) and _is_locative_place(doc, m)}
    return next(iter(towns)) if len(towns) == 1 else None


def _town(mention: PlaceMention) -> bool:
    return mention.place is None or mention.place.feature not in AREAS


def _scene(doc: Doc, text: str, sentence: Span, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place that sets the scene before a sentence that names none: the nearest sentence before it, at
    most CARRY_SENTENCES back and in the same paragraph, that names a place where something is ("in X",
    "near X"); of its places a town or a site with a point wins over a province or a country, then the
    first. A sentence that names places only otherwise ("from X", "X's army") ends the search."""
    current = sentence
    for _ in range(CARRY_SENTENCES):
        if current.start == 0:
            return None
        before = doc[current.start - 1].sent
        between = text[before.start_char : current.start_char]
        if "\n" in between[len(between.rstrip()) :]:
            return None  # a paragraph break (the sentence before keeps its trailing spaces): another scene
        named = _starting_within(places, before.start_char, before.end_char - 1)
        if named:
            where = [m for m in named if m.located and _is_locative_place(doc, m)]
            if not where:
                return None
            return ([m for m in where if _town(m)] or where)[0]
        current = before
    return None
