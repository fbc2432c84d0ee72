"""Unnamed people in an event's roles, named as ACLED names them: by what they do, in the document's country.

"A man was shot dead" is an attack on Civilians (Mexico); "residents blocked the road to protest" is done
by Protesters (India); "armed men", "15 men" who attack are an Unidentified Armed Group (Brazil). The actor
linker links a generic noun only when its word says who it is ("the police", "rebels", "civilians"); this
step links the rest, only where the noun fills an empty role of an event and the document has a country
(`doc._.warlog_people`, from the linker):

- the victim of violence (an attack, an abduction): a person or a civilian place ("a man", "two
  teachers", "a house") is the country's civilians, protesters its protesters ("opened fire on
  demonstrators"), and the state's posts its army ("the governmental positions");
- who protests, or a crowd that turns violent ("villagers", "hundreds of workers", "a mob"): the country's
  protesters (ACLED's "Protesters (X)" and "Rioters (X)");
- an unknown man who attacks ("15 men", "an armed man", "unknown persons"): an armed group of the country.

A role a named actor fills is left alone. Without a country of the text, the country of the state whose organs
act in the event stands in ("Egyptian police fired on demonstrators"); without either the role stays empty. The
mention keeps the noun's own words, so a reader sees "a man" linked to Mexican civilians.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from warlog.actors.kb import KBActor
from warlog.actors.linker import RULES_VERSION, STATE_ORGANS, LinkedMention
from warlog.events.candidate import EventCandidate
from warlog.events.means import ARMED, CIVILIAN, WORDS, actor_heads, actor_kind, target_heads, target_kind

RULE = f"people@{RULES_VERSION}"
CONFIDENCE = 0.6
# ACLED event types whose victims are civilians when no armed party is named
VICTIM_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence", "Riots"})
CROWD_TYPES = frozenset({"Protests", "Riots"})
# ACLED event types whose dead, counted by the toll and not otherwise named, are civilians
TOLL_VICTIM_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
NUMBER_WORDS = frozenset({"hundred", "thousand", "dozen", "score", "group", "number", "crowd"})
MAX_WORDS = 6  # a mention is the head noun with its modifiers before it, this long at most
TOLD = frozenset({"asserted", "reported", "claimed"})  # statuses of an event said to have taken place


def name_people(
    doc: Doc, events: list[EventCandidate], kinds: dict[str, str]
) -> tuple[list[EventCandidate], list[LinkedMention]]:
    """The events with their empty roles filled by the unnamed people who play them (see the module
    docstring), and the mentions of those people. `kinds` (actor id -> kind) learns the new actors."""
    default: dict[str, KBActor] | None = doc._.warlog_people
    tables: dict[str, dict[str, KBActor]] = doc._.warlog_peoples or {}
    if not default and not tables:
        return events, []
    countries = {m.actor.id: m.actor.country for m in doc._.warlog_actors or () if m.actor.kind in STATE_ORGANS}
    mentions: dict[int, LinkedMention] = {}
    out = []
    where = {m.place_id: (m.place or m.within) for m in doc._.warlog_places or ()}
    placed = {p.country for p in where.values() if p is not None and p.country}
    for event in events:
        # the unnamed people of an event are the text's country's; at a place the gazetteer cannot put in a
        # country ("struck a school in Ariha") in a text none of whose places lies in that country (its country
        # comes from the states that act: "Russian jets"), nobody's: no guess
        place = where.get(event.place) if event.place is not None else None
        unplaced = event.place is not None and event.place in where and (place is None or not place.country)
        if unplaced and default and _country_of(default) not in placed:
            out.append(event)
            continue
        people = default or _organs_people(event, countries, tables)
        if not people:
            out.append(event)
            continue
        acled = dict(event.codes).get("acled_event_type")
        token = doc[event.token]
        actors, recipients = event.actors, event.recipients
        violent = event.type == "ASSAULT" or acled == "Violence against civilians"
        if not recipients and violent and acled in VICTIM_TYPES | {"Protests"}:
            recipients = _link(doc, _protesting(token), people.get("opp"), mentions)
        if not recipients and violent and acled in VICTIM_TYPES:
            recipients = _link(doc, _victims(token, acled), people.get("cvl"), mentions)
            recipients = recipients or _link(doc, _state_posts(token), people.get("mil"), mentions)
        if not recipients and violent and acled in TOLL_VICTIM_TYPES and event.toll is not None:
            # "mortar rounds hit a market, killing three shoppers": the dead the toll counts are its victims
            recipients = _link(doc, _counted_victims(doc, event), people.get("cvl"), mentions)
        if not actors and acled in CROWD_TYPES | VICTIM_TYPES:
            for suffix, heads in _doers(token, event.type, acled):
                actors = _link(doc, heads, people.get(suffix), mentions)
                if actors:
                    break
        if not actors and (event.type == "PROTEST" or acled in CROWD_TYPES) and event.status.value in TOLD:
            # a protest or a riot whose crowd the text does not name was held by protesters or rioters: the
            # mention is an unresolved pronoun subject ("they protested") or the event's own word
            actors = _link(doc, _crowd_word(token), people.get("opp"), mentions)
        if (event.type == "PROTEST" or acled in CROWD_TYPES) and "cvl" in people and "opp" in people:
            # "residents blocked the road to demand ...": civilians who protest or riot are the protesters
            actors = tuple(dict.fromkeys(people["opp"].id if a == people["cvl"].id else a for a in actors))
        recipients = tuple(r for r in recipients if r not in actors)
        if (actors, recipients) != (event.actors, event.recipients):
            event = replace(event, actors=actors, recipients=recipients)
        out.append(event)
    for mention in mentions.values():
        kinds[mention.actor.id] = mention.actor.kind
    return out, sorted(mentions.values(), key=lambda m: m.start)


def _country_of(people: dict[str, KBActor]) -> str | None:
    return next((actor.country for actor in people.values() if actor.country), None)


def _organs_people(
    event: EventCandidate, countries: dict[str, str | None], tables: dict[str, dict[str, KBActor]]
) -> dict[str, KBActor] | None:
    """Without a country of the text, that of the state whose organs act ("Egyptian police opened fire on
    demonstrators": Egyptian protesters), when the event's actors name one state only."""
    found = {countries[a] for a in event.actors if countries.get(a)}
    return tables.get(found.pop()) if len(found) == 1 else None  # type: ignore[arg-type]


def _victims(token: Token, acled: str | None) -> list[Token]:
    """The unnamed victims: people or civilian places; where the attack is already one on civilians or a
    riot, any unnamed target that is not armed ("an economic operator", "photojournalists")."""
    heads = [head for head in target_heads(token) if _unnamed(head)]
    if acled in ("Violence against civilians", "Riots"):
        return [head for head in heads if target_kind(head) in (CIVILIAN, None) and not _abstract(head)]
    return [head for head in heads if target_kind(head) == CIVILIAN]


def _counted_victims(doc: Doc, event: EventCandidate) -> list[Token]:
    """The head noun of the dead the event's toll counts, when it is civilians: "two people", "five
    villagers" (not "two soldiers", nor "five militants", nor a bare number: "killing five")."""
    toll = event.toll
    span = doc.char_span(*toll.victims, alignment_mode="expand") if toll is not None and toll.victims else None
    if span is None:
        return []
    head = span.root
    civilians = (
        head.pos_ == "NOUN"
        and not head.like_num
        and _unnamed(head)
        and target_kind(head) == CIVILIAN
        and not _abstract(head)
    )
    return [head] if civilians else []  # "killing five": a number says not who died


def _protesting(token: Token) -> list[Token]:
    """Victims who are protesters ("opened fire on demonstrators", "to disperse the marchers"), also the
    object of a purpose clause on the trigger ("opened fire to disperse ... demonstrators")."""
    heads = list(target_heads(token))
    for clause in token.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.pos_ == "VERB":
            heads += [h for o in clause.children if o.dep_ in ("dobj", "obj") for h in (o, *o.conjuncts)]
    return [h for h in heads if _unnamed(h) and _member(h).lemma_.lower() in WORDS.protesters]


def _state_posts(token: Token) -> list[Token]:
    """What the state's forces hold, said to be theirs: "the governmental positions", "an army checkpoint",
    "a military convoy"."""
    return [
        head for head in target_heads(token)
        if _unnamed(head) and target_kind(head) == ARMED and head.lemma_.lower() in POSTS
        and any(c.dep_ in ("amod", "compound") and c.lower_ in STATE_MARKS for c in head.children)
    ]  # fmt: skip


# what armed forces hold or move in, and the words that make it the state's
POSTS = frozenset({"position", "checkpoint", "convoy", "base", "barracks", "outpost", "patrol", "post", "camp"})
STATE_MARKS = frozenset({"government", "governmental", "army", "military", "state", "regime", "pro-government"})


def _abstract(head: Token) -> bool:
    """Not a person nor a thing one attacks: a time, a measure ("two hours", "the lockdown")."""
    return head.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY") or head.lemma_.lower() in ABSTRACT


# target nouns that are no victims: what was violated, enforced or fought over
ABSTRACT = frozenset({"measure", "lockdown", "curfew", "restriction", "order", "rule", "law", "right", "dispute"})


def _doers(token: Token, event_type: str, acled: str | None) -> list[tuple[str, list[Token]]]:
    """(agent suffix, heads) to try in turn for who did it."""
    heads = actor_heads(token)
    if not heads and token.pos_ != "VERB" and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
        heads = actor_heads(token.head)  # "staged a protest", "carried out a drive-by shooting"
    if not heads and event_type == "PROTEST" and token.dep_ == "acl" and token.tag_ == "VBN":
        heads = [token.head]  # "hundreds of musicians protested", parsed as a participle on its subject
        if token.head.dep_ == "pobj" and token.head.head.lower_ == "of":
            heads.append(token.head.head.head)  # "80 workers of a company protested": the workers
    heads = [head for head in heads if _unnamed(head)]
    if not heads:
        return []
    if event_type == "PROTEST" or acled == "Protests":
        return [("opp", [h for h in heads if _people(h)])]
    armed = [h for h in heads if _unknown_man(h)]
    crowd = [h for h in heads if h not in armed and (actor_kind(h) == CIVILIAN or _member(h).lemma_.lower()
                                                     in WORDS.protesters)]  # fmt: skip
    return [("uaf", armed), ("opp", crowd)]


def _crowd_word(token: Token) -> list[Token]:
    """The word that stands for an unnamed crowd: the pronoun subject of its verb ("they protested"), else
    the event's own word ("a sit-in", "protested"). None where the event is the setting or the manner of
    another ("said at a rally", "despite their protests", "chained herself to a chair in protest") or a verb
    says what something shows ("demonstrating that ...")."""
    if token.pos_ != "VERB" and token.dep_ == "pobj" and _setting(token):
        return []
    if token.lemma_.lower() == "demonstrate" and any(c.dep_ == "ccomp" for c in token.children):
        return []
    verb = token if token.pos_ == "VERB" else token.head if token.dep_ in ("dobj", "obj") else None
    pronouns = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("they", "them")] if verb else []
    return pronouns or [token]


# prepositions of a phrase that sets another event's scene: "said at a rally", "despite their protests"
SETTING_PREPOSITIONS = frozenset({"at", "during", "despite", "after", "before", "amid", "following", "since"})


def _setting(noun: Token) -> bool:
    """The event noun sets the scene of another ("at a rally") or is its manner ("in protest", bare)."""
    preposition = noun.head.lower_
    bare = not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in noun.children)
    return preposition in SETTING_PREPOSITIONS or (preposition == "in" and bare)


def _people(head: Token) -> bool:
    """A noun of people: a crowd, a trade, a number of them ("hundreds of musicians")."""
    member = _member(head)
    lemma = member.lemma_.lower()
    if lemma in WORDS.crowd_actors or lemma in WORDS.protesters or lemma in WORDS.unknown_men:
        return True
    if lemma in WORDS.civilian_targets and not _thing(member):
        return True
    return member.pos_ == "NOUN" and member.tag_ == "NNS" and member.ent_type_ == "" and not _thing(member)


def _thing(noun: Token) -> bool:
    return noun.lemma_.lower() in PLACES_AND_THINGS


# the civilian targets that are not people (data/packs/lexicon/violence.yaml civilian_targets)
PLACES_AND_THINGS = frozenset({
    "bus", "car", "church", "building", "compound", "consulate", "embassy", "farm", "hamlet", "home", "hospital",
    "house", "household", "market", "mosque", "school", "settlement", "shop", "temple", "truck", "vehicle",
    "village", "bakery", "bar", "cafe", "cafeteria", "cinema", "clinic", "college", "hotel", "mall", "nightclub",
    "office", "pharmacy", "restaurant", "stadium", "supermarket", "teahouse", "theatre", "university", "wedding",
})  # fmt: skip


def _unknown_man(head: Token) -> bool:
    """An unnamed man or men, armed or unknown: "15 men", "an armed man", "unknown persons", "thugs", "an
    unknown party", "armed inmates"."""
    member = _member(head)
    lemma = member.lemma_.lower()
    modifiers = (*head.children, *member.children)
    marked = any(c.dep_ in ("amod", "compound") and c.lower_ in UNKNOWN_MARKS for c in modifiers)
    return marked or lemma in WORDS.unknown_men or lemma in WORDS.armed_men or lemma in WORDS.militia_actors


UNKNOWN_MARKS = frozenset({"armed", "unknown", "unidentified", "masked", "hooded", "suspected"})


def _member(head: Token) -> Token:
    """What a number or a group is of: "hundreds of musicians" -> musicians."""
    if head.lemma_.lower() in NUMBER_WORDS or head.pos_ == "NUM":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for member in child.children:
                    if member.dep_ == "pobj":
                        return member
    return head


def _unnamed(head: Token) -> bool:
    """A common noun (or a number of people), not a name, a pronoun or a place."""
    if head.pos_ not in ("NOUN", "NUM") or head.ent_type_ not in ("", "CARDINAL"):
        return False
    return not (head.pos_ == "NUM" and _member(head) is head and head.lemma_.lower() not in NUMBER_WORDS)


def _link(doc: Doc, heads: list[Token], actor: KBActor | None, mentions: dict[int, LinkedMention]) -> tuple[str, ...]:
    if actor is None or not heads:
        return ()
    linked = _linked(doc)
    for head in heads:
        if head.i in linked:
            continue  # the linker named it already ("taxi drivers" protesting): the role is that actor's
        if head.i not in mentions:
            span = _phrase(doc, head)
            mentions[head.i] = LinkedMention(span.start_char, span.end_char, span.text, actor, RULE, CONFIDENCE)
    return (actor.id,)


def _linked(doc: Doc) -> frozenset[int]:
    """The tokens of the linker's actor mentions."""
    spans = (doc.char_span(m.start, m.end, alignment_mode="expand") for m in doc._.warlog_actors or [])
    return frozenset(t.i for span in spans if span is not None for t in span)


def _phrase(doc: Doc, head: Token) -> Span:
    """The head noun with the modifiers before it: "two armed men", "a civilian vehicle"."""
    start = head.i
    for child in head.children:
        if child.i < head.i and child.dep_ in ("det", "amod", "compound", "nummod", "quantmod", "nmod"):
            start = min(start, child.left_edge.i)
    start = max(start, head.i - MAX_WORDS + 1)
    return doc[start : head.i + 1]
