"""The event extractor: a spaCy component that codes events from triggers and the parse.

It runs after the actor linker and writes `doc._.warlog_events` (EventCandidate, in text order).
For each trigger from the lexicon (a verb with its particle, a noun, a multiword noun phrase) it reads
the roles (events.roles), the status (events.status), the place and the date (events.setting; dates by
temporal.find_dates, normalized against the publication date in `doc._.warlog_published`) and the toll
(events.tolls). An attack and the killing it caused, and one event told twice, become one event
(events.merge); then each event is coded in PLOVER, ACLED and CAMEO (events.codes).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warlog.actors.linker import LinkedMention, PlaceMention
from warlog.doctext import doc_text
from warlog.events.candidate import EventCandidate
from warlog.events.clauses import mark_background, told_in_background
from warlog.events.codes import (
    ARMED_KINDS,
    BATTLE,
    TERRITORY_CODES,
    VIOLENT_TYPES,
    acled_code,
    acled_to_case,
    cameo_code,
    quad_class,
)
from warlog.events.confidence import score
from warlog.events.coreference import merge_mentions
from warlog.events.happenings import drop_happened, find_happenings
from warlog.events.history import mark_history
from warlog.events.idioms import idiom_tokens
from warlog.events.means import ARMED as ARMED_KIND
from warlog.events.means import (
    CIVILIAN,
    actor_heads,
    actor_kinds,
    off_duty_targets,
    target_kind,
    target_kinds,
    weapon_topic,
    with_means,
)
from warlog.events.means import MILITIA as MILITIA_KIND
from warlog.events.mentions import bare_mentions
from warlog.events.merge import (
    absorb_outcomes,
    merge_aftermath,
    merge_coordinated,
    merge_devices,
    merge_ground,
    merge_participles,
    merge_repeats,
    nominal_verb,
)
from warlog.events.parties import name_people
from warlog.events.protests import fold_protests
from warlog.events.roles import (
    LIGHT_VERBS,
    MentionIndex,
    attributive_modifiers,
    further_recipients,
    noun_roles,
    objects_of,
    own_objects,
    verb_roles,
    with_conjuncts,
)
from warlog.events.setting import carry_place, carry_setting, date_for, place_for
from warlog.events.status import Status, declared_intent, find_status, said_status
from warlog.events.tolls import TollMention, find_tolls
from warlog.packs.cameo_triggers import singular
from warlog.packs.cues import CuePack
from warlog.packs.lexicon import HazardWords, RoleWords, ViolenceWords
from warlog.packs.ontology import Ontology, Trigger
from warlog.temporal import DateMention, find_dates

RULES_VERSION = "2"
GROUND_PREPOSITIONS = frozenset({"through", "of", "out", "from", "into", "across"})
SEIZE_OBJECTS = frozenset({
    "village", "town", "city", "area", "territory", "position", "base", "airbase", "district", "neighbourhood",
    "neighborhood", "checkpoint", "hill", "road", "academy", "airport", "stronghold", "outpost", "barracks", "camp",
    "highway", "bridge", "crossing", "port", "locality", "region", "province", "suburb", "island", "oilfield",
})  # fmt: skip
VIOLENCE = ViolenceWords.builtin()
TOLL_WORDS = frozenset({"casualty", "fatality", "injury", "corpse"})
TOLL_STATES = frozenset({"dead", "wounded", "injured", "killed"})
NON_VIOLENT_TARGETS = RoleWords.builtin().non_violent_targets  # data/packs/lexicon/roles.yaml, explained there
NON_VIOLENT_AGENTS = RoleWords.builtin().non_violent_agents  # the same
GEOGRAPHIC_NOUNS = RoleWords.builtin().geographic_nouns  # "the outskirts", "the north": ground
TARGET_PREPOSITIONS = frozenset({"for", "against", "on", "into"})
# the types whose recipient is only ever the trigger's own object or preposition (events.roles.verb_roles,
# noun_roles): a victim is named where the violence is told, and ACLED's second actor is that victim
DIRECT_TYPES = frozenset({"ASSAULT"})
# the types whose recipient may be a state named as a place ("promised aid to Mozambique", "will withdraw its
# troops from Lebanon", "visited Senegal"): dealings between states, not force used at a place (where the
# place is where it happened, ACLED's location, and no party)
STATE_RECIPIENT_TYPES = frozenset({
    "AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REJECT", "THREATEN", "SANCTION",
    "REQUEST", "ACCUSE",
})  # fmt: skip


def register_extensions() -> None:
    for name in ("warlog_events", "warlog_published", "warlog_dates", "warlog_happenings"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every event of a document is read against."""

    index: MentionIndex
    places: list[PlaceMention]
    dates: list[DateMention]
    tolls: list[TollMention]
    triggers: frozenset[int]
    rules: dict[int, Trigger]  # the trigger of each trigger token
    place_tokens: frozenset[int]  # the tokens of place mentions
    date_tokens: frozenset[int]  # the tokens of date mentions
    text: str  # doc_text(doc): doc.text, built once
    cues: CuePack  # the reporting verbs, which set an event's status and hide no subject
    states: MentionIndex  # the states named as places ("aid to Mozambique"), recipients of some types
    killed: KilledTolls  # the killed-counts among `tolls`, by the verb that states them and by position


class EventExtractor:
    """Find and code events; bind the ontology and the cue pack with `bind()` before use."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.ontology: Ontology | None = None
        self.cues: CuePack | None = None

    def bind(self, ontology: Ontology, cues: CuePack) -> EventExtractor:
        """Take the pipeline's ontology and cue pack; index the multiword triggers by their first word."""
        self.ontology = ontology
        self.cues = cues
        self._phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
        for trigger in ontology.phrases():
            words = tuple(t.lower_ for t in self.nlp.make_doc(trigger.lemma))
            self._phrases.setdefault(words[0], []).append((words, trigger))
        for entries in self._phrases.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.ontology is None or self.cues is None:
            raise RuntimeError("EventExtractor used before bind(ontology, cues); build pipelines with warlog.load()")
        index = MentionIndex(doc, doc._.warlog_actors or [])
        kinds = {m.actor.id: m.actor.kind for m in doc._.warlog_actors or []}
        dates = find_dates(doc, doc._.warlog_published)
        doc._.warlog_dates = dates
        tolls = find_tolls(doc)
        date_tokens = _date_tokens(doc, dates)
        found = list(self._triggers(doc, date_tokens))
        rules = {token.i: trigger for token, _, trigger in found}
        places = doc._.warlog_places or []
        states = MentionIndex(doc, doc._.warlog_state_places or [])
        context = _Context(
            index, places, dates, tolls, frozenset(rules), rules, _place_tokens(doc, places), date_tokens,
            doc_text(doc), self.cues, states, KilledTolls(doc, tolls),
        )  # fmt: skip
        candidates = [self._event(token, span, trigger, context) for token, span, trigger in found]
        events = merge_devices(doc, [e for e in candidates if e is not None])
        events = absorb_outcomes(doc, context.text, events, tolls, index)
        events = merge_repeats(merge_ground(doc, merge_coordinated(doc, merge_participles(doc, events))))
        events = merge_aftermath(doc, context.text, events, tolls, index, places)
        events = [_coded(event, kinds, doc) for event in events]
        events = attach_other_tolls(carry_setting(events, doc, context.text), tolls)
        events = _literal(doc, events, kinds)
        happenings = find_happenings(
            doc, context.text, tolls=tolls, places=places, dates=dates, triggers=context.triggers
        )
        doc._.warlog_happenings = [happening for happening, _ in happenings]
        events = fold_protests(doc, context.text, drop_happened(events, happenings), kinds)
        events, people = name_people(doc, score(doc, mark_background(doc, events)), kinds)
        events = carry_place(bare_mentions(doc, events, rules), doc, context.text, places)
        events = mark_history(doc, merge_mentions(doc, events, places), rules)
        doc._.warlog_events = events
        doc._.warlog_actors = _with_state_recipients(doc, events, people)
        return doc

    # -- triggers -----------------------------------------------------------------------------

    def _triggers(self, doc: Doc, date_tokens: frozenset[int]):
        """(head token, evidence anchor span, trigger) for every trigger, phrases first, in text order; a
        noun inside a date is none ("in March")."""
        assert self.ontology is not None
        taken: set[int] = set()
        found = []
        for start, end, trigger in self._phrase_matches(doc):
            if taken.intersection(range(start, end)):
                continue
            span = doc[start:end]
            taken.update(range(start, end))
            found.append((span.root, span, trigger))
        taken |= idiom_tokens(doc)  # "made a killing", "beat the drum": no trigger (a trigger phrase first)
        for token in doc:
            if token.i in taken or token.pos_ not in ("VERB", "NOUN", "PROPN"):
                continue
            pos = "VERB" if token.pos_ == "VERB" and not nominal_verb(token) else "NOUN"
            if pos == "NOUN" and token.i in date_tokens:
                continue
            trigger = _pick(self.ontology.triggers(token.lemma_.lower(), pos), token)
            for base in _bases(token, pos) if trigger is None else ():
                trigger = _pick(self.ontology.triggers(base, pos), token)
                if trigger is not None:
                    break
            if trigger is not None:
                found.append((token, doc[token.i : token.i + 1], trigger))
        found += self._bodies_found(doc, taken | {token.i for token, _, _ in found})
        return sorted(found, key=lambda item: item[1].start)

    def _bodies_found(self, doc: Doc, taken: set[int]):
        """ "The body of a man was found ...", "police found the bodies of three men": read as the
        `find dead` trigger on the verb (an attack only with a mark of violence, see `_event`)."""
        assert self.ontology is not None
        rule = next((t for t in self.ontology.phrases() if t.lemma in BODY_FOUND), None)
        found = []
        for token in doc:
            verb = token.head
            if rule is None or token.lemma_.lower() not in BODY_NOUNS or token.dep_ not in ("nsubjpass", "dobj"):
                continue
            if verb.lemma_.lower() in FINDING_VERBS and verb.pos_ == "VERB" and verb.i not in taken:
                taken.add(verb.i)
                found.append((verb, doc[verb.i : verb.i + 1], rule))
        return found

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

    def _event(self, token: Token, anchor: Span, trigger: Trigger, context: _Context) -> EventCandidate | None:
        """The event of one trigger, uncoded (see `_coded`)."""
        index = context.index
        if trigger.type == "ASSAULT" and _abstract_object(token):
            return None  # "killed the possibility of a no-fly zone"
        if trigger.type == "RETREAT" and _published(token):
            return None  # "released a statement", "released a video of the hostages": a text made public
        if _non_violent_target(token, trigger):
            return None  # "attacked his rivals", "the battle for second place", "stocks hit bottom"
        if _crowd_verb_with_object(token, trigger):
            return None  # "investigators gathered evidence", "the facts are being gathered", "rallied support"
        if trigger.type == "PROTEST" and trigger.lemma in PROTESTERS and not _protesters_act(token, context.rules):
            return None  # "police arrested 20 protesters", "protesters marched": another event tells it
        if _disease_toll(token, trigger):
            return None  # "the epidemic killed 300", "introducing cholera to the island, killing thousands"
        if _non_violent_agent(token, trigger):
            return None  # "an ad hitting the governor", "the population exploded", "the court struck it down"
        if _classifier(token, anchor):
            return None  # "riot police", "attack helicopters": a kind of thing, not an event
        if _seized_weapon(token, trigger, context.rules):
            return None  # "found a cache of rifles and grenades": the grenades are what was found
        if _fallen_thing(token, trigger, context.place_tokens):
            return None  # "shells fell in the village": only ground falls to a captor
        if trigger.lemma in BODY_FOUND and not _marked_death(token):
            return None  # "found dead" is a killing only with a mark of violence: shot, tied, beheaded
        if trigger.mode == "seize" and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
            return None  # "took over as speaker": an office taken, not ground
        if _charge(token):
            return None  # "people accused of rape or murder": the name of a charge, not an incident
        if _hyphen_modifier(token, trigger) or _every(token) or _dismissal(token, trigger) or _tally(token):
            return None  # "coal-fired plants", "every shooting", "5,300 employees were fired"
        if _retort(token, trigger) or _risen(token, trigger) or _named_work(token, trigger) or _word_itself(token):
            return None  # "Trump shot back", "debt shot up", "the Convention against Torture", "the word genocide"
        if trigger.lemma in PLURAL_SENSE and token.tag_ != "NNS":
            return None  # "hostility" is a feeling; "hostilities" are fighting
        if trigger.type == "PROTEST" and trigger.lemma in THROWING and ARMED_KIND in actor_kinds(token):
            return None  # "police threw stones back at them": no crowd rioting (the protest reads it as force)
        if _to_be_ended(token, trigger):
            return None  # "an agreement was reached to end the clashes": the clashes are the agreement's aim
        if _raid_of_arrest(token, trigger, context.rules):
            return None  # "arrested four men during raids": the raid is where the arrest was made
        if _self_harm(token, trigger):
            return None  # "he shot himself", "veterans killing themselves", "shooting itself in the foot"
        trigger = with_means(token, _refined(token, anchor, _labour(token, trigger), context.rules), context.triggers)
        if token.pos_ == "VERB":
            actors, recipients = verb_roles(token, index, trigger.recipient_preps, context.cues)
        else:
            actors, recipients = noun_roles(token, index, trigger.recipient_preps, context.cues)
        if trigger.lemma in BODY_FOUND or (trigger.type == "ASSAULT" and trigger.lemma in OBSERVERS):
            actors = ()  # who found the body did not kill; who counted the shots did not fire them
        if trigger.type not in DIRECT_TYPES:  # "withdrew its troops from Mali": the troops are the actor's
            owned = own_objects(token, index)
            recipients = tuple(r for r in recipients if r not in owned)
            if not recipients:
                recipients = further_recipients(token, index, actors + owned, trigger.type, own=True)
        if not recipients and trigger.type in STATE_RECIPIENT_TYPES:  # "promised aid to Mozambique"
            recipients = further_recipients(token, context.states, actors, trigger.type, own=True)
        toll = context.killed.stated_by(token)
        if not (actors or recipients or toll) and _generic(token, trigger, context):
            return None  # "illegal aliens kill Americans", "police shootings are changing the debate"
        place, own_place = place_for(token, context.places, context.triggers) or (None, False)
        territory = trigger.type == "COERCE" and trigger.mode == "seize" or _gives_ground(token, trigger)
        territory = territory and _takes_ground(token, anchor, place, context.place_tokens)
        forces = trigger.type == "COERCE" and ARMED_KIND in actor_kinds(token)  # "The police dispersed the crowd"
        bare = not (actors or recipients or toll or forces)
        if bare and not (trigger.type in ("ASSAULT", "PROTEST") or trigger.acled == DISRUPTED):
            argument = token.pos_ != "VERB" and token.head.i in context.triggers  # "signed an agreement"
            if argument or not (own_place and _in_scope(trigger, territory)):
                return None  # a bare "support" or "talks" with nobody involved says nothing
        status = find_status(token, index, context.cues)
        trigger, status = _declared(token, trigger, status, index, context.cues)
        actors, recipients, status = _said_by(token, actors, recipients, status)
        if trigger.context == DECLARED and trigger.type == "REQUEST" and status.speaker is not None:
            # "Russia said Sudan must return the helicopter": Russia asks, Sudan is asked
            actors, recipients = (status.speaker,), tuple(a for a in actors or recipients if a != status.speaker)
        evidence = _evidence(token, anchor)
        if trigger.type == "PROTEST" and trigger.lemma in PROTESTERS:  # what they did: "protesters sang songs"
            subject = token.head.head if token.head.lower_ == "of" else token  # "a group of protesters"
            clause = _evidence(subject.head, anchor)
            evidence = token.doc[min(evidence.start, clause.start) : max(evidence.end, clause.end)]
        date = date_for(token, context.dates, context.triggers)
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
            codes=(),
            start=evidence.start_char,
            end=evidence.end_char,
            text=evidence.text,
            trigger=anchor.text,
            confidence=0.0,
            token=token.i,
            rule=trigger,
            territory=territory,
            actor_kinds=actor_kinds(token) if trigger.type in ("ASSAULT", "COERCE") else (),
            target_kinds=target_kinds(token) if trigger.type == "ASSAULT" else (),
            struck_ground=trigger.type == "ASSAULT" and _struck_ground(token, context),
            background=told_in_background(token, context.rules),
        )


FIRED_THINGS = frozenset({"shot", "round", "salvo", "volley", "bullet", "flare", "burst", "weapon", "gun", "warning"})
GENERIC_DETERMINERS = frozenset({"every", "any", "each"})


LABOUR_MARKS = frozenset({
    "hour", "day", "week", "month", "indefinite", "general", "national", "nationwide", "labour", "labor", "hunger",
    "warning", "wildcat", "sit-down", "teacher", "worker", "doctor", "nurse", "union", "open", "ended",
})  # fmt: skip
LABOUR_PURPOSES = frozenset({"demand", "protest", "press", "push", "call"})


def _labour(token: Token, trigger: Trigger) -> Trigger:
    """A "strike" that is a stoppage of work, a protest: "teachers on strike", "a 48-hour strike", "a general
    strike", "started a strike to demand ..." (an air or missile strike takes its target with "on")."""
    if trigger.lemma != "strike" or trigger.type != "ASSAULT" or token.pos_ == "VERB":
        return trigger
    on_strike = token.dep_ == "pobj" and token.head.lower_ == "on"
    marked = any(t.lemma_.lower() in LABOUR_MARKS for c in token.children if c.i < token.i for t in c.subtree)
    purpose = any(c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in LABOUR_PURPOSES for c in token.children)
    purpose = purpose or any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in LABOUR_PURPOSES for c in token.head.children
    )
    target = any(
        c.dep_ == "prep" and c.lower_ in trigger.recipient_preps and not _dated(c) for c in token.children
    )  # "strikes on Raqqa", not "a strike on Monday"
    if on_strike or ((marked or purpose) and not target):
        return replace(
            trigger, type="PROTEST", mode="strike", acled=("Protests", "Peaceful protest"), cameo=None,
            recipient_preps=("against",),
        )  # fmt: skip
    return trigger


DISRUPTED = ("Strategic developments", "Disrupted weapons use")


def _seized_weapon(token: Token, trigger: Trigger, rules: dict[int, Trigger]) -> bool:
    """A device noun (grenade, bomb, mine) inside the object of a seizure of weapons is what was seized,
    not an explosion of its own."""
    if trigger.type != "ASSAULT" or token.pos_ == "VERB":
        return False
    current = token
    for _ in range(6):
        if current.dep_ not in ("dobj", "pobj", "conj", "prep", "nsubjpass", "appos", "compound"):
            return False
        current = current.head
        rule = rules.get(current.i)
        if rule is not None:
            return rule.acled == DISRUPTED
    return False


def _dated(preposition: Token) -> bool:
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in preposition.children)


def _hyphen_modifier(token: Token, trigger: Trigger) -> bool:
    """A trigger word that is the second half of a hyphenated modifier ("coal-fired", "war-torn",
    "battle-hardened") qualifies a noun; an attributive trigger ("Iran-backed") is read apart."""
    doc = token.doc
    hyphen = token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    modifier = token.dep_ in ("amod", "compound", "advmod", "acomp")
    modifier = modifier or (token.dep_ == "conj" and token.head.dep_ in ("amod", "compound"))  # "coal- and gas-fired"
    return hyphen and not trigger.attributive and modifier


TALLY_WORDS = frozenset({"hundreds", "thousands", "millions", "tens", "percent", "share", "proportion", "majority"})
TALLIED = frozenset({"incident", "case", "attack", "shooting", "killing", "murder", "operation"})


def _tally(token: Token) -> bool:
    """A count of events over time, not one of them: "thousands of shootings", "2,521 shooting incidents",
    "you get shot" (anyone, anywhere)."""
    if token.pos_ == "VERB":
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:  # "the fourth person shot and killed"
            first = first.head
        if first.dep_ == "acl" and _ranked(first.head):
            return True  # "the fourth person shot by the police this year": a count kept over time
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in token.children)
    head = token.head if token.dep_ == "compound" else token
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in TALLY_WORDS:
        return True
    if head.lemma_.lower() not in TALLIED:  # "100 grenades were hurled" is one incident
        return False
    return any(c.dep_ == "nummod" and c.ent_type_ != "DATE" and _at_least(c.text, 100) for c in head.children)


def _ranked(noun: Token) -> bool:
    """A noun ranked by an ordinal past the first ("the fourth person", "the 12th journalist")."""
    ranks = (c for c in noun.children if c.dep_ == "amod" and c.ent_type_ == "ORDINAL")
    return any(c.lower_ not in ("first", "1st", "last") for c in ranks)


def _at_least(number: str, floor: int) -> bool:
    digits = number.replace(",", "")
    return digits.isdigit() and int(digits) >= floor


CHARGING_WORDS = frozenset({
    "accuse", "charge", "convict", "suspect", "indict", "acquit", "try", "sentence", "jail", "arrest", "prosecute",
    "conviction", "count",
})  # fmt: skip


def _charge(token: Token) -> bool:
    """A bare event noun (no determiner, number, possessive or modifier) that names what someone is accused,
    charged, convicted or tried of is a charge, not an incident: "people accused of rape or murder", "was
    convicted of manslaughter", "charges of murder"."""
    if token.pos_ == "VERB":
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ not in ("of", "with", "for"):
        return False
    charged = first.head.head
    if charged.lemma_.lower() not in CHARGING_WORDS and charged.lower_ not in ("charges", "counts"):
        return False
    return not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep")
        for noun in (token, first)
        for c in noun.children
    )


def _every(token: Token) -> bool:
    """ "every shooting", "any attack": a kind of event in general, not one that happened."""
    return token.pos_ != "VERB" and any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in token.children)


# nouns whose event sense is their plural only
PLURAL_SENSE = frozenset({"hostility"})
RETORT_VERBS = frozenset({"shoot", "fire", "hit", "strike", "punch", "swing"})
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})


def _retort(token: Token, trigger: Trigger) -> bool:
    """ "shot back" or "fired back" with nothing shot, said in reply: the sentence quotes what was said
    ("'Jeb wants to be a tough guy,' Trump shot back") or the reply is "over" a matter ("fired back at the
    governor over the budget"). "Police fired back at the gunmen" stays a clash."""
    if token.pos_ not in ("VERB", "NOUN") or token.lemma_.lower() not in RETORT_VERBS | {"shot"}:
        return False
    children = list(token.children)
    if not any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in children):
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        return False
    over = any(c.dep_ == "prep" and c.lower_ == "over" for c in children)
    return over or any(t.text in QUOTE_MARKS for t in token.sent)


def _risen(token: Token, trigger: Trigger) -> bool:
    """ "shot up" with nothing shot is a rise ("the debt had shot up"); "gunmen shot up a bar" stays."""
    if token.lemma_.lower() != "shoot" or trigger.type != "ASSAULT":
        return False
    children = list(token.children)
    return any(c.lower_ == "up" and c.dep_ in ("prt", "advmod") for c in children) and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in children
    )


NAMED_ENTITIES = frozenset({"LAW", "WORK_OF_ART", "ORG"})


def _named_work(token: Token, trigger: Trigger) -> bool:
    """A word of violence capitalized inside the name of a law, a treaty, a body or a work ("the Convention
    against Torture", a book called "Army of Terror"): a title, not an event. A headline, whose every word
    is capitalized, is read as a sentence; a march or a rally named ("the Peace March of Kessa") is one."""
    named = token.is_title and token.ent_type_ in NAMED_ENTITIES and token.ent_iob_ == "I"
    if trigger.type == "PROTEST" or not named:
        return False
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return sum(t.is_title or t.is_upper for t in words) <= len(words) / 2


# nouns that name a word, not what it means ("coined the word genocide", "the term 'terrorist attack'")
WORD_NOUNS = frozenset({"word", "term", "phrase", "label", "expression", "definition", "concept", "notion"})


def _word_itself(token: Token) -> bool:
    """The event noun is named as a word ("the word genocide", "the term massacre", "the label of terror")."""
    if token.pos_ == "VERB":
        return False
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in WORD_NOUNS for c in token.children):
        return True
    head = token.head
    if token.dep_ == "appos" and head.lemma_.lower() in WORD_NOUNS:
        return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in WORD_NOUNS


def _dismissal(token: Token, trigger: Trigger) -> bool:
    """ "fire" as dismissal: someone is fired (an object or a passive subject that is no weapon, shot or
    round), and nothing is fired at or on anyone ("the bank fired 5,300 employees", "or be fired")."""
    if trigger.lemma != "fire" or token.pos_ != "VERB" or trigger.particle:
        return False
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in trigger.recipient_preps]
    if preps:  # "fired on the convoy"; but "who was fired on June 20" lost a job
        people = [c for c in token.children if c.dep_ == "nsubjpass"]
        return all(_dated(p) for p in preps) and bool(people) and all(_a_person(p) for p in people)
    fired = _objects_of(token)
    if not fired:
        return any(c.dep_ == "auxpass" for c in token.children)  # "or be fired", "was fired last week"
    words = VIOLENCE.weapons.keys() | FIRED_THINGS
    return not any(o.lemma_.lower() in words or o.lower_ in words for o in fired)


def _a_person(token: Token) -> bool:
    """A named person or a pronoun that stands for one."""
    return token.ent_type_ == "PERSON" or token.lower_ in ("who", "he", "she", "whom")


GROUND_TARGET_PREPOSITIONS = frozenset({"for", "on", "against", "of", "at", "into"})


def _struck_ground(token: Token, context: _Context) -> bool:
    """A target of the trigger is a place named, ground or a position ("the battle for the airport",
    "strikes on the port of Zemla", "bombarded the districts"), or another attack ("beat back an assault")."""
    targets = _objects_of(token) if token.pos_ == "VERB" else []
    targets += [g for c in token.children if c.dep_ == "prep" and c.lower_ in GROUND_TARGET_PREPOSITIONS
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for head in (h for target in targets for h in with_conjuncts(target)):
        nouns = [head, *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
        for noun in nouns:
            mention = context.index.at(noun)
            if noun.ent_type_ == "PERSON" or (mention is not None and mention.actor.kind == "person"):
                continue  # "beat Clinton", "attacks against Rubio": a person, whatever place bears the name
            if noun.i in context.place_tokens or noun.ent_type_ in ("GPE", "LOC", "FAC"):
                return True
            if noun.lemma_.lower() in SEIZE_OBJECTS:
                return True
            rule = context.rules.get(noun.i)
            if rule is not None and rule.type == "ASSAULT" and token.lemma_.lower() not in COGNATE_VERBS:
                return True  # not "fought the battle": the fighting itself, not a second attack
    return False


COGNATE_VERBS = frozenset({"fight", "wage"})


def _literal(doc: Doc, events: list[EventCandidate], kinds: dict[str, str]) -> list[EventCandidate]:
    """The events without the figurative ones (`_figurative`); "the attacks" after an attack kept is
    that attack told again."""
    kept: list[EventCandidate] = []
    told: set[str] = set()
    signed: dict[int, bool] = {}
    own: dict[int, bool] = {}
    for event in events:
        token = doc[event.token]
        sentence = token.sent
        if sentence.start not in signed:  # the sentence, or the next one ("... attacked X. Several wounded.")
            following = doc[sentence.end].sent if sentence.end < len(doc) else None
            own[sentence.start] = _violent_sentence(sentence)
            signed[sentence.start] = own[sentence.start] or (following is not None and _violent_sentence(following))
        again = token.pos_ != "VERB" and event.rule is not None and event.rule.lemma in told
        again = again and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in token.children)
        if not signed[sentence.start] and (
            _won_in_vote(token, event, kinds)
            or _in_words(token, event)
            or _blamed_with(token, event, kinds)
            or _fired_at_people(token, event, kinds)
            or (_unanchored(token, event) and not _violence_before(kept, sentence))
        ):
            continue  # "She won one primary and captured another state", "attacked her rival in a tweet"
        if not own[sentence.start] and (
            _lifeless_patients(token, event) or _quarrel(token, event, kinds) or _faulted_for(token, event, kinds)
        ):
            continue  # "eliminated the fees", "clashed with the host", "hit him on trade": whatever the next
            # sentence tells, these read the patients, the parties and the matter of their own clause
        if _campaign_rally(token, event, kinds):
            continue  # "attended a Trump rally", "his rally in San Jose": a candidate's event, not a protest
        if signed[sentence.start] or again or not _figurative(token, event, kinds):
            kept.append(event)
            if event.rule is not None and event.type == "ASSAULT":
                told.add(event.rule.lemma)
    return kept


# verbs of holding an event ("held rallies", "staged a rally"): their subject is the rally's holder
HOLDING_VERBS = frozenset({"hold", "stage", "host", "headline", "have"})
RALLIES = frozenset({"rally"})


def _campaign_rally(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """A rally that one person holds is that person's event (a candidate's campaign rally: "a Trump rally",
    "Cruz's rally", "his rally", "Trump held rallies", "she rallied in Ohio"), not a demonstration against
    anyone: a rally of a party, of supporters or for a cause ("a pro-Trump rally", "supporters rallied")
    stays a protest."""
    if event.type != "PROTEST" or token.lemma_.lower() not in RALLIES:
        return False
    if token.pos_ == "VERB":
        holders = [c for c in token.children if c.dep_ == "nsubj"]
    else:
        holders = [c for c in token.children if c.dep_ in ("poss", "compound")]
        if token.dep_ == "dobj" and token.head.lemma_ in HOLDING_VERBS:
            holders += [c for c in token.head.children if c.dep_ == "nsubj"]
    people = {a for a in event.actors if kinds.get(a) == "person"}
    return (
        bool(holders)
        and all(
            _a_person(h) or h.lower_ in ("his", "her") or (people and h.ent_type_ != "NORP" and h.pos_ == "PROPN")
            for h in holders
        )
        and set(event.actors) <= people
    )


def _fired_at_people(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """A person who "fired at" (or "fired back at") people, in a sentence that names no weapon, no toll and
    no armed men, fired words ("Bush fired at Trump, Cruz and Rubio", "fired back at the columnist")."""
    if event.rule is None or event.rule.lemma != "fire" or token.pos_ != "VERB":
        return False
    subjects = _clause_subjects(token)  # "went on the radio to fire back at the critic": he
    targets = [h for c in token.children if c.dep_ == "prep" and c.lower_ == "at"
               for g in c.children if g.dep_ == "pobj" for h in with_conjuncts(g)]  # fmt: skip
    if not subjects or not targets:
        return False

    def people(heads: list[Token], linked: tuple[str, ...]) -> bool:
        named = all(_a_person(h) for h in heads)
        return named or (bool(linked) and all(kinds.get(a) == "person" for a in linked))

    return people(subjects, event.actors) and people(targets, event.recipients)


PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "i", "me", "you", "we", "us", "they", "them", "who", "whom"})
PEOPLE_WORDS = (
    VIOLENCE.armed_men | VIOLENCE.armed_targets | VIOLENCE.civilian_targets | VIOLENCE.crowd_actors
    | VIOLENCE.militia_actors | VIOLENCE.protesters | VIOLENCE.kin | VIOLENCE.unknown_men
)  # fmt: skip
QUARREL_PREPOSITIONS = frozenset({"with", "against", "between"})
# words of civilians and kin that, in the singular, name one party ("a journalist", "his wife"), not a body of
# people (a crowd, a family, a community)
ONE_PERSON_WORDS = (VIOLENCE.civilian_targets | VIOLENCE.kin) - VIOLENCE.crowd_actors - {"family", "community"}


def _clause_subjects(token: Token) -> list[Token]:
    """The subjects of a verb, or of the clause a subjectless participle or gerund hangs on ("a politician
    clashing with a journalist": the politician; "he was fired after clashing with her": he)."""
    current = token
    for _ in range(4):
        found = [h for c in current.children if c.dep_ in ("nsubj", "nsubjpass") for h in with_conjuncts(c)]
        if found:
            return found
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return with_conjuncts(current.head)
        if current.dep_ not in ("pcomp", "advcl", "xcomp", "conj", "prep") or current.head.i == current.i:
            return []
        current = current.head
    return []


def _quarrel(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """A clash that news also tells of words (data/packs/lexicon/violence.yaml `quarrels`), in a sentence with
    no weapon, toll or armed men (the caller checks), is a quarrel when a side of it is one person ("the
    senator clashed with a radio host", "clashing with Nancy"), or an idea or a rule ("his views clashed with
    hers", "a rules clash"), or when it is over how to do something or over words or a rule ("clashed over
    how to publish the files", "clashed over leaked emails"). Armed parties, a toll or ground taken keep it a clash."""
    rule = event.rule
    if rule is None or rule.lemma not in VIOLENCE.quarrels:
        return False
    if {kinds.get(a) for a in (*event.actors, *event.recipients)} & ARMED_KINDS or ARMED_KIND in event.actor_kinds:
        return False
    if event.toll is not None or event.wounded is not None or event.territory:
        return False
    sides = _clause_subjects(token) if token.pos_ == "VERB" else []
    if token.pos_ != "VERB":  # "the Muhammad Ali-Joe Frazier fight", "a rules clash"
        named = [c for c in token.children if c.dep_ in ("compound", "poss", "nsubj")]
        sides += named + [t for c in named for t in c.subtree if t.dep_ in ("compound", "poss")]
    sides += [h for c in token.children if c.dep_ == "prep" and c.lower_ in QUARREL_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj" for h in with_conjuncts(g)]  # fmt: skip
    over = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "over" for g in c.children]
    if any(g.dep_ == "pcomp" or (g.dep_ == "pobj" and _an_idea(g, with_texts=True)) for g in over):
        return True  # "clashed over how to release the files", "clashed over leaked emails"
    sides += [c for side in sides for c in side.children if c.dep_ == "appos"]  # "the new face of the party, Jane Roe"
    if any(target_kind(side) == ARMED_KIND for side in sides):
        return False  # "a journalist clashed with police"
    for side in sides:
        one_person = side.ent_type_ == "PERSON" and side.tag_ in ("NNP", "NN")
        one_person = one_person or side.lower_ in PERSON_PRONOUNS - {"we", "us", "they", "them", "who", "whom"}
        one_person = one_person or (side.tag_ == "NN" and side.lemma_.lower() in ONE_PERSON_WORDS)  # "a journalist"
        if one_person or _an_idea(side):
            return True
    return False


def _an_idea(token: Token, *, with_texts: bool = False) -> bool:
    """A head noun of a view, a rule or another thing of words, not of people (`with_texts`: or a text,
    "emails", "an ad")."""
    kind = NON_VIOLENT_TARGETS.get(token.lemma_.lower()) or NON_VIOLENT_TARGETS.get(token.lower_)
    if with_texts:
        text = NON_VIOLENT_AGENTS.get(token.lemma_.lower()) == "text"
        return text or kind in ("speech", "law", "cyber")
    return kind in ("speech", "law")


def _living(head: Token) -> bool:
    """A patient that can be killed: a person or a group (a pronoun of people, a name of a person, a people,
    an organisation or a country, a counted noun, a word of people), as far as the words tell."""
    if head.pos_ == "PRON":
        return head.lower_ in PERSON_PRONOUNS
    if head.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    if any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in head.children):
        return True
    if target_kind(head) is not None:
        return True  # "an army unit", "party members", a building or a vehicle people are in
    return head.lemma_.lower() in PEOPLE_WORDS or head.lower_ in PEOPLE_WORDS


def _violence_before(kept: list[EventCandidate], sentence: Span) -> bool:
    """An assault is kept before this sentence, or the sentence before it speaks of armed violence."""
    if any(k.type == "ASSAULT" for k in kept):
        return True
    return sentence.start > 0 and _violent_sentence(sentence.doc[sentence.start - 1].sent)


BODY_PARTS = frozenset({
    "arm", "back", "body", "chest", "eye", "face", "hand", "head", "leg", "mouth", "neck", "nose", "shoulder",
    "side", "stomach",
})  # fmt: skip
MATTER_PREPOSITIONS = frozenset({"on", "for", "over"})  # "hit her on trade", "for job losses"
STANCE_OWNERS = frozenset({"his", "her"})


def _faulted_for(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """A word of `figurative` done to people for or on a matter, in a sentence with no weapon, toll or armed
    men (the caller checks), is done in words: "hit her rival on trade", "hitting the governor for job
    losses", "hit him back by accusing him of lying"; so is one done to what a person holds or does
    ("attacks on her willingness to take donations", "on Clinton's record"). The matter is no
    place, date or part of the body ("hit him on the head", "attacked the village on Monday")."""
    rule = event.rule
    if rule is None or rule.lemma not in VIOLENCE.figurative or event.toll is not None or event.territory:
        return False
    if rule.particle:
        return False  # "beat up a driver for no reason": a phrasal verb of the body
    if event.actor_kinds or {kinds.get(a) for a in event.actors} & (
        ARMED_KINDS - {"state", "government"} | {"civilians"}
    ):
        return False  # "a mob attacked a shopkeeper over fears ...": a crowd or armed men strike bodies; a
        # state or a government "targeting officials over corruption" does it by sanctions or in words
    if token.pos_ != "VERB":
        heads = [h for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                 for g in c.children if g.dep_ == "pobj" for h in with_conjuncts(g)]  # fmt: skip
        return bool(heads) and all(_held_by_a_person(h) for h in heads)
    objects = [h for o in objects_of(token) for h in with_conjuncts(o)]
    if not objects or any(
        target_kind(o) == ARMED_KIND or o.ent_type_ in PLACE_ENTITIES or o.lemma_.lower() in VIOLENCE.figurative
        for o in objects
    ):
        return False  # "beat back a night assault on the barracks": an attack is no person
    for child in token.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "by"
            and any(g.dep_ == "pcomp" and g.lemma_.lower() in VIOLENCE.words_of_blame for g in child.children)
        ):
            return True  # "hit him back by accusing him of lying"
        if child.dep_ != "prep" or child.lower_ not in MATTER_PREPOSITIONS:
            continue
        for matter in (g for g in child.children if g.dep_ == "pobj"):
            if matter.ent_type_ in PLACE_ENTITIES | {"DATE", "TIME", "CARDINAL", "QUANTITY"}:
                continue
            if matter.lemma_.lower() in BODY_PARTS or matter.lemma_.lower() in GEOGRAPHIC_NOUNS:
                continue
            if target_kind(matter) is not None:
                continue  # "on the barracks", "on a bus"
            return True
    return False


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _held_by_a_person(head: Token) -> bool:
    """A thing a person holds or does, owned by a named person or by "his"/"her" ("Clinton's positions", "her
    willingness"), that is no person, place, building or vehicle (data/packs/lexicon/violence.yaml)."""
    owned = any(c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in STANCE_OWNERS) for c in head.children)
    if not owned or head.ent_type_ in PLACE_ENTITIES or head.pos_ == "PROPN":
        return False
    lemma = head.lemma_.lower()
    return lemma not in PEOPLE_WORDS and lemma not in BODY_PARTS  # not "her home", "his convoy"


def _unanchored(token: Token, event: EventCandidate) -> bool:
    """A word of violence that news also uses of words (`figurative`, `quarrels`), named bare with "the" or
    "this" ("The clash raised doubts about the funding") in a sentence with no weapon, toll or armed men, and
    told of nothing before it that it could name again (the caller checks), names what came before in words:
    no parties, no toll, no modifier of its own. (The caller asks only while no event is kept before it.)"""
    rule = event.rule
    if rule is None or token.pos_ != "NOUN" or rule.lemma not in VIOLENCE.figurative | VIOLENCE.quarrels:
        return False
    if event.actors or event.recipients or event.toll is not None or event.wounded is not None or event.territory:
        return False
    children = [c for c in token.children if c.dep_ != "punct"]
    return bool(children) and all(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)


def _lifeless_patients(token: Token, event: EventCandidate) -> bool:
    """A verb whose violent sense needs a living patient (data/packs/lexicon/violence.yaml `living_patients`:
    "eliminate", "strike down") done to things only ("eliminated the fees", "struck down limits on
    donations", "eliminated all but a handful of the parties"), or one "eliminated from" a contest ("from
    winning the nomination", "from the race"), with no toll, acts on things. Its patients are read, not the
    actors linked in them ("striking down a Texas law" links Texas)."""
    rule = event.rule
    if rule is None or token.pos_ != "VERB":
        return False
    if rule.lemma not in VIOLENCE.living_patients and f"{rule.lemma} {rule.particle}" not in VIOLENCE.living_patients:
        return False
    if event.toll is not None or event.wounded is not None:
        return False
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
        if any(g.dep_ == "pcomp" or NON_VIOLENT_TARGETS.get(g.lemma_.lower()) == "contest" for g in prep.children):
            return True  # "eliminated from winning the nomination", "from the race"
    # one "struck down" in the passive is as often a person felled ("a general was struck down") as a law
    patients = objects_of(token) if rule.particle else _objects_of(token)
    heads = [h for o in patients for h in with_conjuncts(o)]
    return bool(heads) and not any(_living(h) for h in heads)


def _violent_sentence(sentence: Span) -> bool:
    """The sentence speaks of armed violence: it names the dead or the wounded, a weapon, or armed men
    ("Unidentified gunmen ... leaving four dead"). Such a sentence, and the one before it, keep their
    figurative-capable words as violence."""
    idioms = idiom_tokens(sentence.doc)  # "bit the bullet", "a smoking gun"
    for token in sentence:
        if token.i in idioms:
            continue
        lemma = token.lemma_.lower()
        weapon = lemma in VIOLENCE.weapons and token.pos_ in ("NOUN", "PROPN")  # not "sticking to his message"
        weapon = weapon and not weapon_topic(token)  # not "his record on guns", "gun control"
        if lemma in VIOLENCE.armed_men or lemma in TOLL_WORDS or weapon:
            return True
        armed = token.lower_ == "armed" and token.dep_ == "amod"
        if token.lower_ in TOLL_STATES or armed:
            return True
    return False


def _figurative(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """A word of violence that news also uses of words and votes ("attacked Machado in a tweet", "an ad
    hitting Trump", "the fight against the Alt Right") is violence only with a sign of it: an armed party
    or a crowd, people or things struck as a body is struck (by their head noun: a named person is as
    often attacked in words, and one "beaten" is as often beaten in a vote), a weapon named, a toll,
    ground taken (data/packs/lexicon/violence.yaml `figurative`)."""
    rule = event.rule
    if rule is None or rule.type != "ASSAULT" or rule.lemma not in VIOLENCE.figurative:
        return False
    parties = {kinds.get(a) for a in event.actors} | {kinds.get(r) for r in event.recipients}
    signs = (
        parties & ARMED_KINDS
        or "civilians" in {kinds.get(a) for a in event.actors}  # a crowd; one person acting says nothing
        or event.actor_kinds
        or (set(event.target_kinds) - {"person"} and not _kin_only(token))  # a named person, or "his wife",
        # is attacked in words as often as in the flesh
        or (event.mode is not None and not (event.mode == "beat" and event.target_kinds == ("person",)))
        or event.toll is not None
        or event.wounded is not None
        or event.territory
        or event.struck_ground
        or any(c.dep_ in ("amod", "compound") and c.lower_ in VIOLENCE.violent_modifiers for c in token.children)
    )
    return not signs


def _kin_only(token: Token) -> bool:
    """The targets are all kin owned by someone ("attacked his wife and his father"): particular people, as a
    name is (data/packs/lexicon/violence.yaml `kin`)."""
    targets = _objects_of(token) if token.pos_ == "VERB" else []
    heads = [head for target in targets for head in with_conjuncts(target)]
    return bool(heads) and all(
        h.lemma_.lower() in VIOLENCE.kin and any(c.dep_ == "poss" for c in h.children) for h in heads
    )


def _won_in_vote(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """Ground "captured" or "taken" by one person (a name, "he", "she") who is no armed party, in a paragraph
    that speaks of a vote, is won in the vote ("She won the primary in one state and captured another", "Jane
    Roe has captured three states"): data/packs/lexicon/violence.yaml `vote_words`. Forces take ground; a
    commander said to take it is named with them or with arms, which sign the sentence as violence."""
    if not (event.type == "COERCE" and event.mode == "seize") or event.toll is not None or token.pos_ != "VERB":
        return False
    if {kinds.get(a) for a in event.actors} & ARMED_KINDS or ARMED_KIND in event.actor_kinds:
        return False
    subjects = [h for c in token.children if c.dep_ == "nsubj" for h in with_conjuncts(c)]
    if not subjects or not all(h.ent_type_ == "PERSON" or h.lower_ in ("he", "she") for h in subjects):
        return False
    doc = token.doc
    text = doc_text(doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    paragraph = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return paragraph is not None and any(t.lemma_.lower() in VIOLENCE.vote_words for t in paragraph)


def _quoted(clause: Token) -> bool:
    """A clause that is what someone says: a "that" clause, or one after a quotation mark or a colon."""
    if clause.dep_ not in ("ccomp", "parataxis", "conj") or clause.i < clause.head.i:
        return False
    first = clause.left_edge
    if clause.dep_ == "conj":  # "shot back, “I ...”"
        return first.is_quote
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    before = clause.doc[first.i - 1] if first.i > 0 else None
    return first.is_quote or (before is not None and (before.is_quote or before.text in (":", ",")))


WORDS_PREPOSITIONS = frozenset({"in", "with", "via", "through", "by", "at", "on", "during", "including", "among"})


def _in_words(token: Token, event: EventCandidate) -> bool:
    """A violent event that happens in, with or by speech, a text, a broadcast or a debate ("attacked her rival
    in a tweet", "hit him with an ad", "clashed with him at the debate"), or in an outburst ("the audience
    exploded in applause"), is one of words or feelings; so is a word of `figurative` that happens in a
    contest ("beat his rival in the caucuses", "in his fourth win", "with 47 percent"), or that a modifier
    makes one of words or votes ("a general election fight", "a media attack", "withering attacks")
    (data/packs/lexicon/violence.yaml `figurative_settings`, `figurative_modifiers`)."""
    rule = event.rule
    if rule is None or not (rule.type == "ASSAULT" or event.type == "ASSAULT"):
        return False
    if token.pos_ == "VERB" and not _objects_of(token) and any(_quoted(c) for c in token.children):
        return True  # "she shot back that ...", "he hit back: ...": a retort
    figurative = rule.lemma in VIOLENCE.figurative
    if figurative and any(
        c.dep_ in ("amod", "compound") and c.lower_ in VIOLENCE.figurative_modifiers for c in token.children
    ):
        return True
    if figurative and any(c.ent_type_ == "PERCENT" and c.dep_ in ("npadvmod", "dobj") for c in token.children):
        return True  # "beat her 51% to 36%": a share of the vote
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in WORDS_PREPOSITIONS:
            continue
        for setting in (g for g in child.children if g.dep_ == "pobj"):
            kind = VIOLENCE.figurative_settings.get(setting.lemma_.lower()) or VIOLENCE.figurative_settings.get(
                setting.lower_
            )
            if kind in ("speech", "outburst") or (kind == "contest" and figurative):
                return True
    return False


BODY_FOUND = frozenset({"find dead"})
OBSERVERS = frozenset({"observe", "record", "register"})  # "the mission observed 24 shots": counted, not fired
BODY_NOUNS = frozenset({"body", "corpse", "remains"})
FINDING_VERBS = frozenset({"find", "discover", "recover", "dump", "retrieve", "exhume"})


def _marked_death(token: Token) -> bool:
    """A body found with a mark of violence in its sentence or the next one of its paragraph ("was found
    dead with gunshot wounds", "... found dead. The victim had been beheaded", "with the hands tied")."""
    sentence = token.sent
    tokens = list(sentence)
    doc = token.doc
    if sentence.end < len(doc) and "\n" not in doc_text(doc)[sentence.end_char : doc[sentence.end].idx]:
        tokens += list(token.doc[sentence.end].sent)
    if any(t.lemma_.lower() in VIOLENCE.death_signs or t.lower_ in VIOLENCE.death_signs for t in tokens):
        return True
    lemmas = {t.lemma_.lower() for t in tokens}
    return bool(lemmas & {"tie", "bind"} and lemmas & {"hand", "leg", "foot", "wrist", "ankle", "body"})


EVENT_NOUNS = frozenset({"incident", "case", "spree", "wave", "series", "attempt", "campaign", "effort"})


def _classifier(token: Token, anchor: Span) -> bool:
    """A trigger noun that classifies the noun it modifies ("riot police", "attack helicopters"), unless
    that noun names an event itself ("rape incidents", "a shooting spree")."""
    head = token.head
    classifying = token.dep_ == "compound" or (token.dep_ == "amod" and token.pos_ == "NOUN")  # "shooting victims"
    if not classifying or head.pos_ not in ("NOUN", "PROPN") or anchor.end > head.i:
        return False
    return head.lemma_.lower() not in EVENT_NOUNS


def _refined(token: Token, anchor: Span, trigger: Trigger, rules: dict[int, Trigger]) -> Trigger:
    """The trigger, or the one of a modifier that says more of the same event ("a grenade explosion")."""
    for child in token.children:
        rule = rules.get(child.i)
        if child.dep_ == "compound" and child.i < anchor.start and rule is not None and rule.type == trigger.type:
            if rule.mode is not None and (rule.mode, rule.acled) != (trigger.mode, trigger.acled):
                return rule
    return trigger


COOPERATIVE_QUADS = ("verbal_cooperation", "material_cooperation")
DECLARED = "declared intent"  # the context of a trigger re-coded as its actor's declaration (no ACLED code)


def _declared(
    token: Token, trigger: Trigger, status: Status, index: MentionIndex, cues: CuePack
) -> tuple[Trigger, Status]:
    """An act its actor declares it will do is, in PLOVER, the declaration: AGREE for cooperation
    ("Libya offered to hand over the suspects", "Syria says it is willing to withdraw"), THREATEN for
    conflict or for cooperation withheld unless a condition is met ("they would boycott the talks",
    "will withdraw its force unless ..."). The declaration's status is the clause that says it. Cooperation
    its actor says it will not give, or failed to give, is a refusal, REJECT ("Syria says it will not accept
    more refugees", "the two sides failed to reach an agreement")."""
    if (status.value == "negated" or _failed(token)) and quad_class(trigger.type) in COOPERATIVE_QUADS:
        refused = replace(
            trigger, type="REJECT", mode=None, acled=None, cameo=None, objects=(), needs_object=False, context=DECLARED,
        )  # fmt: skip
        return refused, find_status(token, index, cues, own_mood=False)
    if status.value in ("negated", "denied"):
        return trigger, status
    if trigger.type not in ("REQUEST", "THREATEN") and _told_obligation(token, cues):
        demanded = replace(
            trigger, type="REQUEST", mode=None, acled=None, cameo=None, objects=(), needs_object=False,
            context=DECLARED,
        )  # fmt: skip
        return demanded, status
    if trigger.type in ("AGREE", "THREATEN"):
        return trigger, status
    holder = declared_intent(token)
    if holder is None:
        return trigger, status
    unless = any(c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children) for c in holder.children)
    cooperative = quad_class(trigger.type) in COOPERATIVE_QUADS and not unless
    declared = replace(
        trigger, type="AGREE" if cooperative else "THREATEN", mode=None, acled=None, cameo=None, objects=(),
        needs_object=False, context=DECLARED,
    )  # fmt: skip
    said = find_status(holder, index, cues, own_mood=holder.i != token.i)
    if holder.i == token.i and said.value not in ("reported", "claimed"):
        return trigger, status  # "Turkey will deploy troops": a plan told, not a declaration
    return declared, said


OBLIGATION_AUX = frozenset({"must", "should"})
FAILING = frozenset({"fail"})


def _failed(token: Token) -> bool:
    """The act is what its actor failed to do: "failed to reach an agreement", "failed to agree"."""
    verb = token.head if token.pos_ != "VERB" and token.dep_ in ("dobj", "pobj") else token
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAILING


def _told_obligation(token: Token, cues: CuePack) -> bool:
    """An act someone says another must do is, in PLOVER, the speaker's demand ("Russia said Sudan must
    return the helicopter", "the rebels announced that Kigali must agree to reforms")."""
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in LIGHT_VERBS:
        token = token.head  # "said the two sides must reach an agreement"
    if token.pos_ != "VERB" or token.dep_ != "ccomp" or token.head.pos_ != "VERB":
        return False
    obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children)
    own = any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children)  # "said it must act": its intent
    return obliged and not own and said_status(token.head.lemma_.lower(), cues) in ("reported", "claimed")


def _said_by(
    token: Token, actors: tuple[str, ...], recipients: tuple[str, ...], status: Status
) -> tuple[tuple[str, ...], tuple[str, ...], Status]:
    """An actor that reports its own deed claims it ("Russia said it had killed 200 ..."); who claims
    responsibility for an attack is its actor ("Al Shabaab claimed responsibility for the attack")."""
    speaker = status.speaker
    if status.value == "reported" and speaker is not None and speaker in actors:
        status = replace(status, value="claimed")
    responsibility = token.dep_ == "pobj" and token.head.lower_ == "for"
    responsibility = responsibility and token.head.head.lemma_.lower() == "responsibility"
    if not actors and status.value == "claimed" and speaker is not None and responsibility:
        actors, recipients = (speaker,), tuple(r for r in recipients if r != speaker)
    return actors, recipients, status


def _with_state_recipients(doc: Doc, events: list[EventCandidate], people: list[LinkedMention]) -> list[LinkedMention]:
    """The document's actor mentions, with the states named as places that are the recipients of an event
    between states ("aid to Mozambique": Mozambique is a party to the aid as well as where it goes) and the
    unnamed people of the events' roles (events.parties)."""
    mentions = list(doc._.warlog_actors or [])
    recipients = {r for event in events if event.type in STATE_RECIPIENT_TYPES for r in event.recipients}
    used = [m for m in doc._.warlog_state_places or [] if m.actor.id in recipients] + people
    return sorted(mentions + used, key=lambda m: m.start) if used else mentions


def _in_scope(trigger: Trigger, territory: bool) -> bool:
    """An event ACLED codes, at a place its own clause names, is news even when its actor is unknown
    ("government forces recaptured Palmyra"): it keeps empty roles rather than a guess."""
    return trigger.acled is not None and (territory or trigger.acled not in TERRITORY_CODES)


def _place_tokens(doc: Doc, places: list[PlaceMention]) -> frozenset[int]:
    return _tokens_of(doc, ((m.start, m.end) for m in places))


def _date_tokens(doc: Doc, dates: list[DateMention]) -> frozenset[int]:
    return _tokens_of(doc, ((m.start, m.end) for m in dates))


def _tokens_of(doc: Doc, spans) -> frozenset[int]:
    tokens: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return frozenset(tokens)


def _coded(event: EventCandidate, kinds: dict[str, str], doc: Doc | None = None) -> EventCandidate:
    """The event with its PLOVER, ACLED, CASE and CAMEO codes (its confidence comes last: events.confidence)."""
    rule = event.rule
    assert rule is not None
    acled = (
        None
        if rule.context == DECLARED
        else acled_code(
            event.type,
            event.mode,
            default=rule.acled,
            actor_kinds=_actor_kinds(event, kinds),
            recipient_kinds=_recipient_kinds(event, kinds, doc),
            territory=event.territory,
            mutual=rule.acled == BATTLE and bool({"with", "between"} & set(rule.recipient_preps)),
            unnamed=_unnamed(event) or (doc is not None and _unnamed_men(doc, event)),
        )
    )
    codes = [("cameo", cameo_code(event.type, event.mode, rule.cameo))]
    aggregate = event.toll is not None and event.toll.aggregate
    if acled is not None and not aggregate:  # a total over a period ("so far this year") is no incident
        codes += [("acled_event_type", acled[0]), ("acled_sub_event_type", acled[1])]
        case = acled_to_case(*acled)
        if case:
            codes.append(("case", case))
    if aggregate:
        codes.append(("aggregate", "true"))
    return replace(event, codes=tuple(codes))


PARTY_KINDS = frozenset({"political_party", "civilians", "person", "organization", "other"})
STATE_ARMED = frozenset({"military", "police"})  # the forces whose members may be struck off duty


def _recipient_kinds(event: EventCandidate, kinds: dict[str, str], doc: Doc | None) -> tuple[str, ...]:
    """The kinds of the recipients: the linked recipients', else those their head nouns tell; police or soldiers
    struck off duty ("two constables were shot dead at home") are civilians, as ACLED codes them,
    though the words link them to their force."""
    linked = _kinds_of(event.recipients, kinds)
    if linked and doc is not None and 0 <= event.token < len(doc) and set(linked) <= STATE_ARMED:
        if event.target_kinds == (CIVILIAN,) and off_duty_targets(doc[event.token]):
            return (CIVILIAN,)
    return linked or event.target_kinds


def _unnamed(event: EventCandidate) -> bool:
    """The perpetrators are armed men the text does not name, linked as the armed groups of a country
    ("unidentified gunmen": "<country>.uaf", warlog.actors.linker)."""
    return bool(event.actors) and all(a.endswith(".uaf") for a in event.actors)


# head nouns of armed men who belong to no force the words name ("gunmen attacked the village")
UNNAMED_ARMED = frozenset(
    {"assailant", "attacker", "bandit", "gunman", "insurgent", "jihadist", "militant", "terrorist"}
)


def _unnamed_men(doc: Doc, event: EventCandidate) -> bool:
    """No actor is linked and the subject is armed men of no named force ("Gunmen attack and rape IDPs")."""
    if event.actors or not 0 <= event.token < len(doc):
        return False
    heads = actor_heads(doc[event.token])
    return bool(heads) and all(h.lemma_.lower() in UNNAMED_ARMED or h.lower_ in UNNAMED_ARMED for h in heads)


def _actor_kinds(event: EventCandidate, kinds: dict[str, str]) -> tuple[str, ...]:
    """The kinds of the actors: the linked actors', else those their head nouns tell; a party whose "cadres",
    "thugs" or "forces" act is its militia."""
    linked = _kinds_of(event.actors, kinds)
    if linked and set(linked) <= PARTY_KINDS and {MILITIA_KIND, ARMED_KIND} & set(event.actor_kinds):
        return (MILITIA_KIND,)  # "ruling party cadres", "opposition forces": the party's armed men
    return linked or event.actor_kinds


def _kinds_of(ids: tuple[str, ...], kinds: dict[str, str]) -> tuple[str, ...]:
    """The kinds of linked actors; none when no linked actor has a kind that says anything. An
    organization known only by its name in the text ("new." ids) may be a company or a militia, so its
    kind says nothing of who fought whom."""
    found = tuple(
        "other" if i.startswith("new.") and kinds.get(i) == "organization" else kinds.get(i, "other") for i in ids
    )
    return found if any(k != "other" for k in found) else ()


# past forms of verbs of violence the lemmatizer leaves as they are when the tagger takes them for a base form
IRREGULAR_PAST = {
    "shot": "shoot", "struck": "strike", "fought": "fight", "slain": "slay", "slew": "slay", "beaten": "beat",
    "burnt": "burn", "blew": "blow", "blown": "blow", "threw": "throw", "thrown": "throw", "stole": "steal",
    "stolen": "steal", "hung": "hang", "shook": "shake", "overran": "overrun", "overtook": "overtake",
    "overtaken": "overtake", "retook": "retake", "retaken": "retake",
}  # fmt: skip


def _bases(token: Token, pos: str) -> tuple[str, ...]:
    """What a word may be the form of when the lemmatizer missed it: a noun's own text, a regular verb's
    stem ("raped" lemmatized as "rap" is "rape")."""
    lower = token.lower_
    if pos == "NOUN":
        return (lower,)
    if lower in IRREGULAR_PAST:
        return (IRREGULAR_PAST[lower],)  # "was tased and then shot" tagged VB with the lemma "shot"
    for suffix in ("ed", "ing", "es", "s"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            return (stem + "e", stem) if suffix in ("ed", "ing") else (stem,)
    return ()


def _word_fits(token: Token, word: str) -> bool:
    lower, lemma = token.lower_, token.lemma_.lower()
    return word in (lower, lemma) or lower in (word + "s", word + "es")


def _objects_of(token: Token) -> list[Token]:
    """The objects of a verb, shared with a verb coordinated after it ("bombed and shelled the town"), or
    its passive subject ("the town was shelled")."""
    return objects_of(token) + [c for c in token.children if c.dep_ == "nsubjpass"]


def _object_fits(trigger: Trigger, token: Token) -> bool:
    """A trigger that needs an object ("hit", "send") has one, of the listed kinds when it lists them; one
    that lists subjects has one of them ("a mortar shell landed")."""
    if trigger.subjects and not _subject_fits(trigger, token):
        return False
    if not (trigger.needs_object or trigger.objects) or token.pos_ != "VERB":
        return True
    objects = _objects_of(token)
    if not trigger.objects:
        passive = any(c.dep_ == "auxpass" for c in token.children)  # "In X, a man was beaten": a patient
        that_clause = (trigger.type == "REQUEST" and _that_clause(token)) or (
            trigger.type == "CONCEDE" and _let_clause(token)
        )
        return bool(objects) or passive or that_clause or _refused_act(trigger, token)
    objects = [h for o in objects for h in with_conjuncts(o)]  # "IEDs, mortars and rifles were found"
    objects += [g for o in objects if o.lemma_.lower() in QUANTITY_NOUNS | CONTAINERS for c in o.children
                if c.dep_ == "prep" and c.lower_ == "of" for g in with_conjuncts_of(c)]  # fmt: skip
    objects += [g for o in objects for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in CONTAINING
                for g in c.children if g.dep_ == "dobj"]  # fmt: skip  # "packages containing grenades"
    # "aid deliveries", "explosive devices": the kind is often the modifier
    objects += [c for o in objects for c in o.children if c.dep_ in ("compound", "amod")]
    return any(o.lemma_.lower() in trigger.objects or o.lower_ in trigger.objects for o in objects)


def _subject_fits(trigger: Trigger, token: Token) -> bool:
    """The verb's subject (or a conjunct of it, or their modifier: "two mortar rounds") is one the trigger lists."""
    verb = token
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "a shell hit the school and landed in the yard"
    subjects = [h for c in verb.children if c.dep_ == "nsubj" for h in with_conjuncts(c)]
    if verb.dep_ == "acl":  # the parser may hang the verb on its subject: "A rocket impacted near the depot"
        subjects.append(verb.head)
    subjects += [c for s in subjects for c in s.children if c.dep_ in ("compound", "amod")]
    # a capitalised plural is tagged a proper noun with itself for lemma ("Rockets landed")
    return any(s.lemma_.lower() in trigger.subjects or singular(s.lower_) in trigger.subjects for s in subjects)


# what holds weapons found or seized ("a stash of projectiles", "caches containing ammunition")
CONTAINERS = frozenset({"bag", "box", "cache", "container", "crate", "depot", "package", "parcel", "stash", "stock"})
CONTAINING = frozenset({"contain", "carry", "hold", "pack"})


QUANTITY_NOUNS = frozenset(
    {
        "number",
        "series",
        "couple",
        "pair",
        "batch",
        "lot",
        "range",
        "set",
        "total",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "quantity",
        "amount",
        "haul",
        "consignment",
        "state",  # a state of emergency, of siege
        "ton",
        "tonne",
        "part",
        "shipment",
    }
)


def with_conjuncts_of(preposition: Token) -> list[Token]:
    """The objects of a preposition with their conjuncts ("a number of barracks and posts")."""
    return [h for g in preposition.children if g.dep_ == "pobj" for h in with_conjuncts(g)]


UNSAID = frozenset({
    "comment", "say", "speak", "elaborate", "discuss", "confirm", "answer", "respond", "identify", "name",
    "disclose", "reveal", "specify", "give", "provide", "be",
})  # fmt: skip


def _refused_act(trigger: Trigger, token: Token) -> bool:
    """A rejection whose object is the act refused ("declined to resign"), not a question left unanswered
    ("declined to comment", "declined to be named")."""
    return trigger.type == "REJECT" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() not in UNSAID for c in token.children
    )


def _let_clause(token: Token) -> bool:
    """A concession whose object is a clause with its own subject: "decided to allow the candidate to run"."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in token.children)


def _that_clause(token: Token) -> bool:
    """A demand whose object is a clause: "demanded that the US cancel the sale"."""
    return any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in token.children
    )


def _pick(triggers: tuple[Trigger, ...], token: Token) -> Trigger | None:
    """A phrasal trigger whose particle is there ("took over") before the bare verb ("took"); a trigger
    whose object constraint the parse does not meet is no trigger; an attributive trigger counts only as
    a hyphenated participle before its noun ("Iran-backed militias") and wins there."""
    if not triggers:  # most tokens: no lexicon entry, nothing to read off the parse
        return None
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
    fitting = [t for t in triggers if _object_fits(t, token)]
    attributive = [t for t in triggers if t.attributive]
    if attributive and attributive_modifiers(token):
        return attributive[0]
    fitting = [t for t in fitting if not t.attributive]
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


ABSTRACT_OBJECTS = frozenset({
    "possibility", "hope", "chance", "deal", "plan", "idea", "talks", "process", "bill", "proposal", "momentum",
    "prospect", "prospects", "story", "project", "initiative"
})  # fmt: skip


# what is released or issued as a text or a recording, not as a captive
PUBLISHED_THINGS = frozenset({
    "statement", "report", "video", "footage", "document", "figure", "list", "result", "data", "photo",
    "photograph", "image", "picture", "audio", "recording", "tape", "detail", "communique", "declaration",
    "letter", "message", "book", "album", "film", "version", "update", "plan", "budget", "guideline",
})  # fmt: skip


def _published(token: Token) -> bool:
    """The object is a text or a recording made public ("released a statement"), not a person freed."""
    objects = objects_of(token) if token.pos_ == "VERB" else []
    return bool(objects) and all(o.lemma_.lower() in PUBLISHED_THINGS for o in objects)


def _abstract_object(token: Token) -> bool:
    return any(c.lemma_.lower() in ABSTRACT_OBJECTS for c in objects_of(token))


def _non_violent_target(token: Token, trigger: Trigger) -> bool:
    """A violent trigger (ASSAULT, or one whose ACLED type is violence) whose targets are all a contest or
    its stake, a rival in it, an economic object or an idea is a figure of speech, not an event ("beat his
    opponent", "attacked his rivals", "the battle for second place", "stocks hit bottom", "attacked the
    plan"). A target is a direct object or the passive subject, else the object of "for", "against" or
    "on" hung on the trigger, and each of its conjuncts; only its head noun counts ("rival militias" and "a
    polling station" stay violent). A pronoun, a person's name or a counted noun ("attacked three
    candidates") is people, who stay a target; a riot or a protest "against" a policy names a grievance."""
    violent = trigger.type == "ASSAULT" or (trigger.acled is not None and trigger.acled[0] in VIOLENT_TYPES)
    if trigger.type == "PROTEST" or not violent:
        return False
    objects = _objects_of(token) if token.pos_ == "VERB" else []
    targets = [t for t in objects if not _fired_weapon(t)]  # "fired missiles into the sea": the sea is struck
    for child in token.children if not targets else ():  # "hit bottom on Monday": Monday is no target
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            targets += [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    heads = [head for target in targets or objects for head in with_conjuncts(target)]
    killing = trigger.lemma in VIOLENCE.killing_verbs  # "executed it perfectly": a thing is killed by no one
    return bool(heads) and all(
        _not_a_victim(head) or (killing and (head.lower_ in THINGS or head.lemma_.lower() in VIOLENCE.carried_out))
        for head in heads
    )


CROWD_VERBS = frozenset({"gather", "rally", "assemble", "congregate", "converge"})


# nouns of people protesting that are a protest when they do something ("protesters blockading the road caused
# a pile-up", "a group of demonstrators sang songs outside the offices"): data/packs/events/triggers.yaml
PROTESTERS = frozenset({"protester", "demonstrator"})


def _protesters_act(token: Token, rules: dict[int, Trigger]) -> bool:
    """The protesters are the subject of a clause, or a group of them is ("a group of protesters sang"), whose
    verb tells neither a protest nor violence of its own (`rules`: the triggers by token; "protesters marched",
    "protesters clashed with police" are told by their verb, coded as a protest by how it went; what their
    verb's object tells, "protesters hurled stones", is a piece of their protest)."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("group", "crowd"):
        token = token.head.head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    verb = token.head
    told = verb.i in rules and rules[verb.i].type in ("PROTEST", "ASSAULT")
    return token.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_ not in ("be", "say") and not told


def _crowd_verb_with_object(token: Token, trigger: Trigger) -> bool:
    """A verb of a crowd coming together is a protest only as people coming together: with a direct object or
    in the passive it is collecting ("investigators gathered evidence", "facts are being gathered") or winning
    over ("rallied his supporters", "rallied support")."""
    if trigger.type != "PROTEST" or token.pos_ != "VERB" or trigger.lemma not in CROWD_VERBS:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children)


def _fired_weapon(token: Token) -> bool:
    """A direct object that is a weapon or a projectile fired, not what is struck."""
    lemma = token.lemma_.lower()
    return token.dep_ == "dobj" and (lemma in VIOLENCE.weapons or token.lower_ in VIOLENCE.weapons)


THINGS = frozenset({"it", "itself", "something", "everything", "anything", "nothing", "this", "that"})


def _blamed_with(token: Token, event: EventCandidate, kinds: dict[str, str]) -> bool:
    """A word of `figurative` coordinated with a verb of blaming or judging is one of words ("attacked the
    police and blamed the shootings on bias", "mocked and attacked her rival") when a person does it (a name,
    "she", "we"), not an armed party (data/packs/lexicon/violence.yaml `words_of_blame`; the caller checks
    the sentence for arms and tolls)."""
    rule = event.rule
    if token.pos_ != "VERB" or rule is None or rule.lemma not in VIOLENCE.figurative:
        return False
    if not any(c.pos_ == "VERB" and c.lemma_.lower() in VIOLENCE.words_of_blame for c in token.conjuncts):
        return False
    if {kinds.get(a) for a in event.actors} & ARMED_KINDS or ARMED_KIND in event.actor_kinds:
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    subjects = [s for c in first.children if c.dep_ == "nsubj" for s in with_conjuncts(c)]
    return bool(subjects) and all(s.ent_type_ == "PERSON" or s.lower_ in SPEAKING_PRONOUNS for s in subjects)


SPEAKING_PRONOUNS = frozenset({"i", "you", "he", "she", "we"})  # one person, or a campaign speaking as one


ENDING_VERBS = frozenset({"end", "halt", "stop", "cease", "resolve", "defuse", "de-escalate", "calm", "settle"})


def _to_be_ended(token: Token, trigger: Trigger) -> bool:
    """Fighting named bare as what an act aims to end ("talks to end the clashes", "a deal to halt the
    fighting") is that act's aim, no incident told, unless its sentence counts dead or wounded; told with its
    own ground or parties ("urged them to stop the shelling of Kessa") it is one."""
    if trigger.type != "ASSAULT" or token.pos_ != "NOUN" or token.dep_ != "dobj":
        return False
    if any(c.dep_ in ("prep", "compound", "amod", "nummod", "poss", "acl", "relcl") for c in token.children):
        return False  # "to stop the shelling of Kessa": the shelling told with its own ground
    verb = token.head
    if verb.lemma_.lower() not in ENDING_VERBS or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return not any(t.lemma_.lower() in TOLL_WORDS or t.lower_ in TOLL_STATES for t in token.sent)


RAIDS = frozenset({"raid", "incursion"})
THROWING = frozenset({"throw", "pelt"})


def _raid_of_arrest(token: Token, trigger: Trigger, rules: dict[int, Trigger]) -> bool:
    """A raid in which something else is done ("arrested four men during raids in the city", "seized
    weapons in a raid") is the setting of that deed, which ACLED codes (an arrest, a seizure), unless its
    sentence tells of weapons or a toll."""
    if trigger.lemma not in RAIDS or token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    if token.head.lower_ not in ("during", "in"):
        return False
    host = rules.get(token.head.head.i)
    if host is None or host.type != "COERCE":
        return False
    for t in token.sent:  # weapons or harm: "a raid in which two were killed", "a raid with gunfire"
        weapon = t.lemma_.lower() in VIOLENCE.weapons and t.pos_ in ("NOUN", "PROPN")
        if weapon or t.lemma_.lower() in TOLL_WORDS or t.lower_ in TOLL_STATES:
            return False
    return True


EXPLODE_VERBS = frozenset({"blow", "detonate", "explode", "immolate"})
REFLEXIVES = frozenset({
    "myself", "yourself", "himself", "herself", "itself", "oneself", "ourselves", "yourselves", "themselves",
})  # fmt: skip


def _self_harm(token: Token, trigger: Trigger) -> bool:
    """A violent verb whose only patient is its own agent, a reflexive pronoun, is self-harm or an idiom ("he
    shot himself", "veterans are killing themselves", "the party shot itself in the foot"), no political
    violence between parties. An explosion stays one: "the bomber blew himself up" is a suicide attack."""
    violent = trigger.type == "ASSAULT" or (trigger.acled is not None and trigger.acled[0] in VIOLENT_TYPES)
    explosive = trigger.acled is not None and trigger.acled[0] == VIOLENT_TYPES[-1]  # Explosions/Remote violence
    if not violent or token.pos_ != "VERB" or explosive or token.lemma_.lower() in EXPLODE_VERBS:
        return False
    objects = [h for o in _objects_of(token) for h in with_conjuncts(o)]
    return bool(objects) and all(o.lower_ in REFLEXIVES for o in objects)


def _disease_toll(token: Token, trigger: Trigger) -> bool:
    """Deaths a disease or hunger caused: the subject of the killing is one ("cholera killed 300"), or the
    killing is a participle on a clause that names one ("spreading cholera, killing thousands")."""
    if trigger.type != "ASSAULT" or token.pos_ != "VERB":
        return False
    nouns = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ in ("advcl", "xcomp", "conj") and token.tag_ == "VBG":
        own = {t.i for t in token.subtree}  # the rest of the clause it hangs on ("blamed for introducing cholera")
        nouns += [t for t in token.head.subtree if t.i not in own and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")]
    words = [n for noun in nouns for n in (noun, *(c for c in noun.children if c.dep_ == "compound"))]
    return any(w.lemma_.lower() in DISEASES or w.lower_ in DISEASES for w in words)


DISEASES = HazardWords.builtin().diseases


def _non_violent_agent(token: Token, trigger: Trigger) -> bool:
    """A violent verb whose agents are all things that wield no violence is a figure of speech: a text or a
    broadcast ("an ad hitting the governor", "a tweet attacking her"), a quantity or a market ("the prison
    population exploded", "prices hit a record"), an audience ("the audience exploded in applause"), a court
    or a law ("the court may strike the rule down"). The agents are the subject (a relative pronoun stands
    for the noun its clause qualifies), the "by" object of a passive, or the noun that a participle qualifies
    ("tweets targeting the actress"); only their head nouns count (data/packs/lexicon/roles.yaml)."""
    violent = trigger.type == "ASSAULT" or (trigger.acled is not None and trigger.acled[0] in VIOLENT_TYPES)
    if not violent or token.pos_ != "VERB":
        return False
    agents = [c for c in token.children if c.dep_ == "nsubj"]
    agents += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not agents and token.dep_ == "conj" and token.head.pos_ == "VERB":  # "the population stood at ... and exploded"
        agents = [c for c in token.head.children if c.dep_ == "nsubj"]
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "acl" and token.tag_ == "VBG":
            agents.append(token.head)  # "a tweet attacking her"
        agents = [token.head if a.tag_ in ("WDT", "WP") else a for a in agents]  # "the ad that hit him"
    heads = [head for agent in agents for head in with_conjuncts(agent)]
    return bool(heads) and all(
        h.pos_ in ("NOUN", "PROPN") and (h.lemma_.lower() in NON_VIOLENT_AGENTS or h.lower_ in NON_VIOLENT_AGENTS)
        for h in heads
    )


SETTING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _generic(token: Token, trigger: Trigger, context: _Context) -> bool:
    """A violent event of a kind, told of no one in particular at no place or time, is no incident: a verb
    whose agents and patients are all bare plurals ("illegal immigrants kill Americans", "families of people
    killed by drunk drivers", "officers shooting unarmed men"), or a bare plural event noun in a clause whose
    subject is itself or a bare plural ("police shootings are changing the debate", "people prone to bomb
    attacks"). A bare plural has no determiner, number or possessive. A clause in the past tense ("Gunmen
    attacked villagers"), a place, a date, a number, a party ("clashes with the army") or a named party (the
    caller checks the names) makes it an incident."""
    violent = trigger.type == "ASSAULT" or (trigger.acled is not None and trigger.acled[0] in VIOLENT_TYPES)
    clause = _finite_clause(token)
    if not violent or (clause is not None and _past(clause)):
        return False
    if clause is not None and _habitual(clause):
        return True  # "victims are usually murdered by someone they know"
    scope = _generic_verb(token) if token.pos_ == "VERB" else _generic_noun(token, clause)
    return scope is not None and not any(
        t.ent_type_ in SETTING_ENTITIES or t.pos_ == "NUM" or _named_place(t) or t.i in context.place_tokens
        or t.i in context.date_tokens
        for t in scope
    )  # fmt: skip


HABITUAL_ADVERBS = frozenset({
    "usually", "often", "typically", "generally", "normally", "frequently", "routinely", "regularly", "rarely",
    "seldom", "commonly", "always", "sometimes",
})  # fmt: skip


def _habitual(clause: Token) -> bool:
    """A clause in the simple present with an adverb of frequency and a bare plural subject tells what happens
    as a rule: "victims are usually killed by someone they know", "gangs often rob travellers" (not "troops
    have often been targeted", not "the hospital is often shelled")."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
    present = clause.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in clause.children
    )
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    kind = bool(subjects) and all(_bare_plural(_antecedent(s)) for s in subjects)  # not "the hospital is often hit"
    frequent = any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in clause.children)
    return present and not perfect and kind and frequent


def _generic_verb(token: Token) -> list[Token] | None:
    """The tokens of the clause of a verb whose agents and patients are all bare plurals, else None."""
    agents = [c for c in token.children if c.dep_ == "nsubj"]
    agents += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    patients = _objects_of(token)
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        (agents if token.tag_ == "VBG" else patients).append(token.head)  # "officers shooting", "people killed"
        agents = [_antecedent(a) for a in agents]
        patients = [_antecedent(p) for p in patients]
    parties = [h for party in agents + patients for h in with_conjuncts(party)]
    intransitive = (
        not patients
        and _simple_present(token)
        and not any(c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS for c in token.children)
    )  # "because people fight over water"
    if not agents or not (patients or intransitive) or not all(_bare_plural(h) for h in parties):
        return None
    return [t for party in [token, *parties] for t in party.subtree]


def _simple_present(verb: Token) -> bool:
    """The verb is in the simple present ("fight", "kills"), not progressive or perfect ("are fighting")."""
    return verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _generic_noun(token: Token, clause: Token | None) -> list[Token] | None:
    """The tokens of the clause of a bare plural event noun with no party and no past deed of its own
    ("clashes which began on Monday"), whose clause's subject is itself or a bare plural, or of a bare
    singular one that qualifies another noun ("women in combat", "the sound of gunfire"), else None."""
    if clause is not None and _bare(token) and token.dep_ == "pobj" and token.head.lower_ == "in":
        if token.head.head.pos_ == "NOUN":  # "veterans in combat" (not "reports of torture", a claim)
            return list(clause.subtree)
    if clause is None or not _bare_plural(token):
        return None
    if any(c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS for c in token.children):
        return None
    if any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and _past(c) for c in token.children):
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "attr")]
    if clause.dep_ == "relcl":  # "people who are prone to bomb attacks"
        subjects = [_antecedent(s) for s in subjects]
    if not all(s.i == token.i or _bare_plural(s) for s in subjects):
        return None  # "Both sides are implicated in beatings": sides told before
    return list(clause.subtree)


def _bare(token: Token) -> bool:
    """A singular noun with no determiner, possessive, number or modifier of its own ("in combat")."""
    return token.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep", "acl", "relcl") for c in token.children
    )


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("people who ..."), else the token."""
    relative = token.tag_ in ("WDT", "WP") and token.head.dep_ in ("relcl", "acl") and token.head.head.i != token.i
    return token.head.head if relative else token


def _named_place(token: Token) -> bool:
    """A name or a noun of ground after a preposition of place, known to no gazetteer or not ("in Kessa",
    "near Um Arda", "in the north", "across the border")."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    ground = token.pos_ == "PROPN" or token.lower_ in GEOGRAPHIC_NOUNS
    return ground and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


PARTY_PREPOSITIONS = TARGET_PREPOSITIONS | {"between", "with", "by", "of", "at"}
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "from", "across", "into", "off"})


def _past(verb: Token) -> bool:
    """The verb is in the past tense, itself or by its auxiliary ("attacked", "was attacked", "did attack")."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _finite_clause(token: Token) -> Token | None:
    """The finite verb whose clause tells the trigger (itself, or the verb above it), None when the trigger
    hangs on no finite verb (a participle on a noun, "people killed by ...", has no tense of its own)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX"):
            if current.tag_ in FINITE_TAGS or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in current.children
            ):
                return current
            if current.dep_ in ("acl", "relcl") and current.tag_ in ("VBN", "VBG"):
                return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _bare_plural(head: Token) -> bool:
    """A plural common noun with no determiner, number or possessive: a kind ("civilians", "police shootings")."""
    if head.tag_ not in ("NNS", "NNPS") or head.ent_type_ in ("PERSON", "ORG", "GPE"):
        return False
    if head.lemma_.lower() in VIOLENCE.weapons or head.lower_ in VIOLENCE.weapons:
        return False  # "stray bullets", "explosive devices": things, not a kind of people or of events
    return not any(c.dep_ in ("det", "poss", "nummod", "quantmod", "predet") for c in head.children)


def _not_a_victim(head: Token) -> bool:
    counted = any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in head.children)  # not "the 2016 campaign trail"
    if head.pos_ == "PRON" or head.ent_type_ == "PERSON" or counted:
        return False
    lemma = head.lemma_.lower()
    if len(lemma) > 5 and lemma.endswith("ism"):
        return True  # "fight racism", "fight terrorism": a cause, not an enemy in the field
    return lemma in NON_VIOLENT_TARGETS or head.lower_ in NON_VIOLENT_TARGETS


def attach_other_tolls(events: list[EventCandidate], tolls: list[TollMention]) -> list[EventCandidate]:
    """The wounded and the captured of each event, counted apart from its dead: a toll stated by the
    event's own trigger, else the first one inside its evidence (a fragment folded into it included: "Dozens
    were injured as police fired"); each toll goes to one event."""
    out, used = [], set()
    for event in events:
        found: dict[str, TollMention] = {}
        spans = [(event.start, event.end), *((start, end) for start, end, _ in event.also)]
        for kind in ("wounded", "captured"):
            of_kind = [t for t in tolls if t.kind == kind and (t.start, t.kind) not in used and not t.aggregate]
            own = [t for t in of_kind if t.trigger == event.token]
            inside = [t for t in of_kind if any(start <= t.start and t.end <= end for start, end in spans)]
            toll = own[0] if own else inside[0] if inside else None
            if toll is not None:
                found[kind] = toll
                used.add((toll.start, kind))
        if found:
            event = replace(
                event, wounded=found.get("wounded", event.wounded), captured=found.get("captured", event.captured)
            )
        out.append(event)
    return out


class KilledTolls:
    """A document's killed-counts, looked up by the verb that states them and by position (reading
    every toll for every trigger grows with the square of a document's length)."""

    def __init__(self, doc: Doc, tolls: list[TollMention]) -> None:
        self._by_verb: dict[int, TollMention] = {}  # the first toll of each verb, in the tolls' order
        loose = []  # the counts no verb states: (start, order, toll)
        for n, toll in enumerate(tolls):
            if toll.kind != "killed":
                continue
            if toll.trigger is not None:
                self._by_verb.setdefault(_verb_of(doc[toll.trigger]).i, toll)
            else:
                loose.append((toll.start, n, toll))
        self._loose = sorted(loose, key=lambda item: item[:2])
        self._starts = [start for start, _, _ in self._loose]

    def stated_by(self, token: Token) -> TollMention | None:
        """A killed-count stated by this trigger (or by its result: "shot dead"), else the first (in the
        tolls' order) of those no verb states inside its clause."""
        own = self._by_verb.get(token.i)
        if own is not None:
            return own
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        inside = self._loose[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        return min(inside, key=lambda item: item[1])[2] if inside else None


def _verb_of(token: Token) -> Token:
    """The token if it is a verb, else the nearest verb above it ("shot dead two protesters": shot)."""
    current = token
    while current.pos_ != "VERB" and current.head.i != current.i:
        current = current.head
    return current


def _gives_ground(token: Token, trigger: Trigger) -> bool:
    """A withdrawal or a handover that may give ground up ("withdrew from the base", "handed the territory
    over"): ACLED's non-violent transfer of territory when the ground is named (`_takes_ground`); people
    fleeing or evacuated are no force giving ground up."""
    if trigger.type != "RETREAT" or trigger.lemma.split()[0] not in GIVING_GROUND or token.dep_ == "relcl":
        return False  # "rebels who withdrew" is the background of the ground the other side took
    return CIVILIAN not in actor_kinds(token)


# the verbs of giving ground up; defecting, fleeing or being evacuated are not
GIVING_GROUND = frozenset({"withdraw", "withdrawal", "pull", "pullout", "retreat", "hand", "handover", "cede"})


def _fallen_thing(token: Token, trigger: Trigger, place_tokens: frozenset[int]) -> bool:
    """A verb of ground taken whose captor comes after "to" ("Palmyra fell to IS") with a subject that is no
    ground ("shells fell in the village", "the rockets fell short", "with balloons falling in the arena")."""
    if trigger.type != "COERCE" or "to" not in trigger.actor_preps or token.pos_ != "VERB":
        return False
    if any(c.lemma_.lower() in ("victim", "prey") for c in token.children):
        return True  # "fell victim to politics"
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        subjects = [token.head]  # "with balloons falling in the arena"
    ground = [s for s in subjects if s.i in place_tokens or s.lemma_.lower() in SEIZE_OBJECTS or s.pos_ == "PROPN"]
    return bool(subjects) and not ground


def _takes_ground(token: Token, anchor: Span, place: PlaceMention | None, place_tokens: frozenset[int]) -> bool:
    """ "took over a rebel-held Infantry Academy", "captured six villages", "pushed I.S. out of Palmyra",
    "the capture of Ramadi", "took control of a stronghold": the object is ground. "seized a vehicle"
    takes none; without an object (or with a pronoun), the event's own place is what was taken."""
    heads = [token, *(t for t in anchor if t.i != token.i)]  # "took control": what control is of
    children = [c for head in heads for c in head.children if c.i not in range(anchor.start, anchor.end)]
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ != "PRON"]
    reached, preps = [], [c for c in children if c.dep_ == "prep" and c.lower_ in GROUND_PREPOSITIONS]
    while preps:
        prep = preps.pop()
        reached += [g for g in prep.children if g.dep_ == "pobj"]
        preps += [g for g in prep.children if g.dep_ == "prep" and g.lower_ in GROUND_PREPOSITIONS]
    if token.pos_ != "VERB":
        objects += [g for g in reached if g.head.lower_ == "of"]  # "the capture of two soldiers"
    for head in objects + reached:  # the noun, its compounds, and its "of" ("the town of Sirte")
        nouns = [head, *(c for c in head.children if c.dep_ == "compound")]
        nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if any(n.lemma_.lower() in SEIZE_OBJECTS or n.i in place_tokens for n in nouns):
            return True
    return not objects and place is not None


def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """Factory for the event extractor (registered in warlog.pipeline); `bind()` it before use."""
    return EventExtractor(nlp, name)
