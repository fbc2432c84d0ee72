"""The event extractor: a spaCy component that codes events from triggers and the parse.

It runs after the actor linker and writes `doc._.warlog_events` (EventCandidate, in text order).
For each trigger from the lexicon (a verb with its particle, a noun, a multiword noun phrase) it reads
the roles (events.roles), the status (events.status), the place (the nearest locative place mention of
the trigger's clause), the date (temporal.find_dates, normalized against the publication date in
`doc._.warlog_published`) and the toll (events.tolls), then codes it in PLOVER, ACLED and CAMEO
(events.codes). One event told twice in a document becomes one event with both evidence spans.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warlog.actors.linker import PlaceMention
from warlog.actors.roles import LOCATIVE_PREPOSITIONS, is_locative
from warlog.events.codes import acled_code, acled_to_case, cameo_code
from warlog.events.ontology import Ontology, Trigger
from warlog.events.roles import LIGHT_VERBS, MentionIndex, noun_roles, verb_roles
from warlog.events.status import Status, find_status
from warlog.events.tolls import TollMention, find_tolls
from warlog.model import When
from warlog.temporal import DateMention, find_dates

RULES_VERSION = "1"
SEIZE_OBJECTS = frozenset({"village", "town", "city", "area", "territory", "position", "base", "airbase", "district",
                           "neighbourhood", "neighborhood", "checkpoint", "hill", "road", "academy", "airport"})


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event found in a Doc, before it becomes a model.Event."""

    id: str
    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str | None
    date: When | None
    toll: TollMention | None
    status: Status
    codes: tuple[tuple[str, str], ...]
    start: int
    end: int
    text: str
    trigger: str
    confidence: float
    also: tuple[tuple[int, int, str], ...] = ()


def register_extensions() -> None:
    for name in ("warlog_events", "warlog_published", "warlog_dates"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class EventExtractor:
    """Find and code events; bind the ontology with `bind()` before use."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.ontology: Ontology | None = None

    def bind(self, ontology: Ontology) -> EventExtractor:
        """Index the multiword triggers by their first word."""
        self.ontology = ontology
        self._phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
        for trigger in ontology.phrases():
            words = tuple(t.lower_ for t in self.nlp.make_doc(trigger.lemma))
            self._phrases.setdefault(words[0], []).append((words, trigger))
        for entries in self._phrases.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.ontology is None:
            raise RuntimeError("EventExtractor used before bind(ontology); build pipelines with warlog.load()")
        published = doc._.warlog_published
        index = MentionIndex(doc, doc._.warlog_actors or [])
        kinds = {m.actor.id: m.actor.kind for m in doc._.warlog_actors or []}
        places = doc._.warlog_places or []
        dates = find_dates(doc, published)
        doc._.warlog_dates = dates
        tolls = find_tolls(doc)
        found = list(self._triggers(doc))
        context = _Context(index, kinds, places, dates, tolls, frozenset(t.i for t, _, _ in found), doc.text)
        events = [self._event(doc, token, span, trigger, context) for token, span, trigger in found]
        doc._.warlog_events = carry_setting(merge_repeats([e for e in events if e is not None]), doc, context.text)
        return doc

    # -- triggers -----------------------------------------------------------------------------

    def _triggers(self, doc: Doc):
        """(head token, evidence anchor span, trigger) for every trigger, phrases first."""
        assert self.ontology is not None
        taken: set[int] = set()
        for start, end, trigger in self._phrase_matches(doc):
            if taken.intersection(range(start, end)):
                continue
            span = doc[start:end]
            taken.update(range(start, end))
            yield span.root, span, trigger
        for token in doc:
            if token.i in taken or token.pos_ not in ("VERB", "NOUN", "PROPN"):
                continue
            pos = "VERB" if token.pos_ == "VERB" else "NOUN"
            trigger = _pick(self.ontology.triggers(token.lemma_.lower(), pos), token)
            if trigger is None and pos == "NOUN":
                trigger = _pick(self.ontology.triggers(token.lower_, pos), token)
            if trigger is not None:
                yield token, doc[token.i : token.i + 1], trigger

    def _phrase_matches(self, doc: Doc):
        """Multiword triggers, each word matching a token's lemma or its lower-case text ("held talks"
        matches `hold talk`, "car bombs" matches `car bomb`); the longest at each position."""
        for token in doc:
            for first in {token.lower_, token.lemma_.lower()}:
                for words, trigger in self._phrases.get(first, ()):
                    end = token.i + len(words)
                    if end <= len(doc) and all(_word_fits(doc[token.i + k], w) for k, w in enumerate(words)):
                        if _object_fits(trigger, doc[token.i : end].root):
                            yield token.i, end, trigger
                            break

    # -- one event ----------------------------------------------------------------------------

    def _event(self, doc, token, anchor, trigger, context: _Context) -> EventCandidate | None:
        index, kinds = context.index, context.kinds
        if trigger.type == "ASSAULT" and _abstract_object(token):
            return None  # "killed the possibility of a no-fly zone"
        if token.pos_ == "VERB":
            actors, recipients = verb_roles(token, index, trigger.recipient_preps)
        else:
            actors, recipients = noun_roles(token, index, trigger.recipient_preps)
        toll = _toll_for(token, context.tolls)
        if not actors and not recipients and toll is None and trigger.type not in ("ASSAULT", "PROTEST"):
            return None  # a bare "support" or "talks" with nobody involved says nothing
        status = find_status(token, index)
        evidence = _evidence(token, anchor)
        place = _place_for(token, context)
        territory = trigger.type == "COERCE" and trigger.mode == "seize" and _takes_ground(token, place)
        date = _date_for(token, context)
        acled = acled_code(
            trigger.type,
            trigger.mode,
            default=trigger.acled,
            actor_kinds=tuple(kinds.get(a, "other") for a in actors),
            recipient_kinds=tuple(kinds.get(r, "other") for r in recipients),
            territory=territory,
        )
        codes = [("cameo", cameo_code(trigger.type, trigger.mode, trigger.cameo))]
        if acled is not None:
            codes += [("acled_event_type", acled[0]), ("acled_sub_event_type", acled[1])]
            case = acled_to_case(*acled)
            if case:
                codes.append(("case", case))
        if toll is not None and toll.aggregate:
            codes.append(("aggregate", "true"))
        confidence = 0.5 + 0.2 * bool(actors) + 0.2 * bool(recipients) + 0.05 * (place is not None)
        key = f"{evidence.start_char}:{evidence.end_char}:{trigger.type}:{token.i}"
        return EventCandidate(
            id="ev_" + hashlib.sha1(f"{context.text[:64]}|{key}".encode()).hexdigest()[:12],
            type=trigger.type,
            mode=trigger.mode,
            actors=actors,
            recipients=recipients,
            place=place.place_id if place is not None else None,
            date=date.when if date is not None else None,
            toll=toll,
            status=status,
            codes=tuple(codes),
            start=evidence.start_char,
            end=evidence.end_char,
            text=evidence.text,
            trigger=anchor.text,
            confidence=round(min(confidence, 0.95), 2),
        )


def _word_fits(token: Token, word: str) -> bool:
    lower, lemma = token.lower_, token.lemma_.lower()
    return word in (lower, lemma) or lower in (word + "s", word + "es")


def _objects_of(token: Token) -> list[Token]:
    """The direct objects of a verb, or its passive subject ("the town was shelled")."""
    return [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")]


def _object_fits(trigger: Trigger, token: Token) -> bool:
    """A trigger that needs an object ("hit", "send") has one, of the listed kinds when it lists them."""
    if not (trigger.needs_object or trigger.objects) or token.pos_ != "VERB":
        return True
    objects = _objects_of(token)
    if not trigger.objects:
        return bool(objects)
    return any(o.lemma_.lower() in trigger.objects or o.lower_ in trigger.objects for o in objects)


def _pick(triggers: tuple[Trigger, ...], token: Token) -> Trigger | None:
    """A phrasal trigger whose particle is there ("took over") before the bare verb ("took"); a trigger
    whose object constraint the parse does not meet is no trigger."""
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
    fitting = [t for t in triggers if _object_fits(t, token)]
    with_particle = [t for t in fitting if t.particle and t.particle in particles]
    if with_particle:
        return with_particle[0]
    plain = [t for t in fitting if not t.particle]
    return plain[0] if plain else None


def _evidence(token: Token, anchor: Span) -> Span:
    """The clause of a verb (without its subordinate clauses) or the phrase of a noun, in its sentence."""
    sentence = token.sent
    skip = {"ccomp", "advcl", "relcl", "conj", "parataxis", "punct"} if token.pos_ == "VERB" else {"relcl", "punct"}
    left, right = min(token.i, anchor.start), max(token.i, anchor.end - 1)
    for child in token.children:
        if child.dep_ in skip or child.dep_ == "cc":
            continue
        left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "pobj") and token.head.pos_ in ("VERB", "ADP"):
        left = min(left, token.head.i)
    left, right = max(left, sentence.start), min(right, sentence.end - 1)
    return token.doc[left : right + 1]


@dataclass(frozen=True, slots=True)
class _Context:
    """What every event of a document is read against."""

    index: MentionIndex
    kinds: dict[str, str]
    places: list[PlaceMention]
    dates: list[DateMention]
    tolls: list[TollMention]
    triggers: frozenset[int]
    text: str  # doc.text, which spaCy rebuilds on every access


def _clause_nodes(token: Token) -> set[int]:
    """The trigger and what it heads for: a verb with the heads of its embedding complement ("succeeds in
    pushing the rebels out"); a noun alone, or with its light verb ("launch an offensive")."""
    if token.pos_ != "VERB":
        light = token.dep_ in ("dobj", "nsubj", "nsubjpass") and token.head.lemma_.lower() in LIGHT_VERBS
        return {token.i, token.head.i} if light else {token.i}
    nodes, current = {token.i}, token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "pcomp", "prep") or current.head is current:
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


def _place_for(token: Token, context: _Context) -> PlaceMention | None:
    """The place the event happened at: a place attached to the trigger's clause (nearest in the tree,
    locative first), else a locative place of the sentence that belongs to no other event."""
    doc, sentence = token.doc, token.sent
    ranked = []
    for mention in context.places:
        if not (sentence.start_char <= mention.start and mention.end <= sentence.end_char):
            continue
        root = _span_root(doc, mention.start, mention.end)
        where = _attachment(token, root, context.triggers) if root is not None else None
        if where is None:
            continue
        locative = _is_locative_place(doc, mention)
        if where[0] == 1 and not locative:
            continue
        ranked.append((where[0], where[1], not locative, abs(mention.start - token.idx), mention))
    return min(ranked, key=lambda r: r[:4])[4] if ranked else None


def _date_for(token: Token, context: _Context) -> DateMention | None:
    """The date of the event: a date attached to its clause, else one of the sentence that belongs to
    no other event."""
    doc, sentence = token.doc, token.sent
    ranked = []
    for mention in context.dates:
        if not (sentence.start_char <= mention.start and mention.end <= sentence.end_char):
            continue
        root = _span_root(doc, mention.start, mention.end)
        if root is None:
            continue
        where = _attachment(token, root, context.triggers, through_verbs=_sentence_wide(root))
        if where is not None:
            ranked.append((where[0], where[1], abs(mention.start - token.idx), mention))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


ABSTRACT_OBJECTS = frozenset({"possibility", "hope", "chance", "deal", "plan", "idea", "talks", "process", "bill",
                              "proposal", "momentum", "prospect", "prospects", "story", "project", "initiative"})


def _abstract_object(token: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ABSTRACT_OBJECTS for c in token.children)


def _toll_for(token: Token, tolls: list[TollMention]) -> TollMention | None:
    """A killed-count stated by this trigger, or inside its clause."""
    killed = [t for t in tolls if t.kind == "killed"]
    own = [t for t in killed if t.trigger == token.i]
    if own:
        return own[0]
    subtree = range(token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
    return next((t for t in killed if t.start in subtree and t.trigger is None), None)


def _takes_ground(token: Token, place: PlaceMention | None) -> bool:
    """"took over a rebel-held Infantry Academy", "captured six villages": the object is ground."""
    if place is not None:
        return True
    for child in token.children:
        if child.dep_ in ("dobj", "pobj") and child.lemma_.lower() in SEIZE_OBJECTS:
            return True
        if child.dep_ == "prep":
            if any(g.dep_ == "pobj" and g.lemma_.lower() in SEIZE_OBJECTS for g in child.children):
                return True
    return False


def merge_repeats(events: list[EventCandidate]) -> list[EventCandidate]:
    """One event told twice is one event with both evidence spans: same type, mode, actors and
    recipients (at least one of them known), same status, and no conflicting place or date."""
    merged: list[EventCandidate] = []
    for event in events:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        index = merged.index(twin)
        merged[index] = replace(
            twin,
            also=twin.also + ((event.start, event.end, event.text),),
            place=twin.place or event.place,
            date=twin.date or event.date,
            toll=twin.toll or event.toll,
        )
    return merged


def _same(a: EventCandidate, b: EventCandidate) -> bool:
    def signature(e: EventCandidate) -> tuple:
        return e.type, e.mode, e.actors, e.recipients, e.status.value

    if signature(a) != signature(b):
        return False
    if not (a.actors and a.recipients):
        return False
    if a.start <= b.start < a.end:  # the same clause read twice (a verb and its nominal)
        return True
    if a.place and b.place and a.place != b.place:
        return False
    return not (a.date and b.date and a.date.value != b.date.value)


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
            event = replace(
                event,
                place=event.place or before.place,
                date=event.date or before.date,
                confidence=round(event.confidence - 0.05, 2),
            )
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


def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """Factory for the event extractor (registered in warlog.pipeline); `bind()` it before use."""
    return EventExtractor(nlp, name)
