"""The actor linker: a spaCy component that resolves actor mentions to the knowledge base.

It reads the parse and the entities and writes `doc._.warlog_actors` (LinkedMention, in text order),
`doc._.warlog_places` (PlaceMention), `doc._.warlog_country` (the document's country of context) and
`doc._.warlog_state_places` (the states and capitals named as places, as LinkedMention of their actor: "aid
to Mozambique"; the event extractor makes one an actor mention where an event's recipient is that state).
Rules, in order, each tagged in `LinkedMention.rule`:

- `alias`: a knowledge-base name or alias ("I.S.", "Daesh", "Islamic Revolutionary Guard Corp").
  Country names and capitals ("Moscow") count only when they act; otherwise they are places.
- `demonym`: "Iranian State propaganda", "the American plan" → the state; before a generic agent noun
  the pair is that country's agent: "Russian jets" → the Russian armed forces, "Syrian rebels".
- `agent`: generic nouns ("the regime", "the rebels", "insurgents") → a group of the country in context,
  or of the possessor: "Assad's regime" → the government Assad belongs to, "Syria's army" → Syria's army.
- `ner`: a named person or organization absent from the base becomes a new actor; an apposition
  ("Hussein Hamedani, a senior General in Iran's ... (IRGC)") gives its affiliation; later mentions of
  the surname, with or without a title ("Gen. Hamedani"), are the same actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from warlog.actors.coref import resolve_pronouns
from warlog.actors.kb import Affiliation, AliasHit, KBActor, KnowledgeBase
from warlog.actors.roles import PLACE_FEATURE_NOUNS, is_acting, is_aside, is_locative, is_possessive
from warlog.geo import Gazetteer, GeoName
from warlog.geo.focus import Focus, find_focus, nearest
from warlog.geo.geonames import COMMON_WORDS
from warlog.geo.qualify import direction_of, qualified_id
from warlog.packs.slugs import slug

RULES_VERSION = "1"
TITLES = frozenset(
    {
        "gen", "gen.", "general", "col", "col.", "colonel", "maj", "maj.", "major", "lt", "lt.", "capt",
        "capt.", "captain", "cmdr", "commander", "adm", "adm.", "admiral", "brig", "brig.", "sgt", "sgt.",
        "president", "minister", "premier", "king", "prince", "emir", "sheikh", "shaykh", "mr", "mr.",
        "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen", "sen.", "senator", "rep", "rep.",
        "gov", "gov.", "governor", "ayatollah", "imam", "mullah", "field", "marshal", "chief", "leader",
    }
)  # fmt: skip
NEW_ACTOR_KINDS = {"PERSON": "person", "ORG": "organization"}
# the last word of an organization's name that makes it armed: "the Donbass People's Militia", "the Mahdi Army"
ARMED_NAME_WORDS = {
    "militia": "militia", "militias": "militia", "army": "armed_group", "brigade": "armed_group",
    "brigades": "armed_group", "battalion": "armed_group", "battalions": "armed_group", "regiment": "armed_group",
    "forces": "armed_group", "guard": "armed_group", "guards": "armed_group", "cartel": "armed_group",
    "gang": "armed_group",
}  # fmt: skip
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# labels the small English model often gives to place names ("Palmyra" PERSON, "Aleppo" NORP)
MISLABELED_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "LANGUAGE", "WORK_OF_ART", "PRODUCT", "EVENT"})
# nouns for people who become protesters when they protest; the words that say they do
# verbs whose object protest is their subject's own: "staged a protest", "held a sit-in", "joined the march"
HOLDING_VERBS = frozenset({
    "hold", "stage", "organize", "organise", "join", "lead", "launch", "start", "begin", "continue", "mount", "call",
    "do", "carry", "conduct", "observe", "go", "take", "participate", "announce", "declare",
})  # fmt: skip
# kinds of a state's organs, whose country an event's unnamed people belong to when the text has none
STATE_ORGANS = frozenset({"state", "government", "military", "police", "intelligence"})
# the agent nouns (data/packs/actors/agents.yaml) of the groups an unnamed person belongs to, by suffix
PEOPLE_AGENTS = {"cvl": "civilians", "opp": "protesters", "uaf": "gunmen", "mil": "army"}
CROWD_NOUNS = frozenset(
    {
        "people", "resident", "worker", "student", "villager", "trader", "farmer", "teacher", "doctor", "nurse",
        "driver", "individual", "citizen", "youth", "supporter", "member", "employee", "vendor", "woman", "man",
        "inhabitant", "parent", "miner", "retiree", "pensioner", "merchant", "shopkeeper", "fisherman", "lawyer",
        "family", "relative", "hundred", "thousand", "dozen", "crowd", "group",
    }
)  # fmt: skip
PROTEST_WORDS = frozenset(
    {"protest", "demonstrate", "rally", "march", "picket", "demonstration", "sit-in", "strike", "riot", "boycott"}
)
# generic agents that still denote their group as a modifier: "rebel-held", "regime forces", "rebel positions"
MODIFIER_AGENT_KINDS = frozenset({"rebel_group", "government"})


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A span of the text resolved to an actor."""

    start: int
    end: int
    text: str
    actor: KBActor
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of the text that names a place (`place` is None when the gazetteer does not know it)."""

    start: int
    end: int
    name: str
    place: GeoName | None
    precision: int | None = None  # ACLED geo-precision of the phrase: "north of Aleppo" is 2, "Aleppo" 1
    qualifier: str | None = None  # "north of", "near", "northern", ... (None: the place itself)
    lat: float | None = None  # the phrase's point when a stated distance moved it from the place's
    lon: float | None = None
    km: float | None = None  # the stated distance ("20 km north of Aleppo")
    province: GeoName | None = None  # the province a bare town name also names ("Aleppo": the governorate)
    within: GeoName | None = None  # for a name the gazetteer does not know, the place the text puts it in

    @property
    def located(self) -> bool:
        """Whether the mention has a point: its own place, or the place the text puts it in."""
        return (self.place or self.within) is not None

    @property
    def qualified(self) -> bool:
        """Whether the words before the name make it another place: a direction from it ("north of
        Aleppo", "20 km north-east of Aleppo"). "near Aleppo" stays Aleppo, as ACLED codes it."""
        return self.place is not None and direction_of(self.qualifier) is not None

    @property
    def place_id(self) -> str:
        """The gazetteer id, `<id>~<qualifier>` for a qualified place ("gn.170063~north-of"), or
        `place.<slug>` for a name the gazetteer does not know."""
        if self.place is None:
            return "place." + slug(self.name)
        return qualified_id(self.place.id, self.qualifier or "", self.km) if self.qualified else self.place.id


@dataclass
class _Found:
    """Working state for one document."""

    actors: dict[tuple[int, int], LinkedMention] = field(default_factory=dict)  # by token span
    places: dict[tuple[int, int], PlaceMention] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)
    # a state or a capital named as a place ("aid to Mozambique", "withdraw from Lebanon"): the state it names
    state_places: dict[tuple[int, int], LinkedMention] = field(default_factory=dict)
    # kept by add_actor, so that a lookup need not walk every mention; an entry may be stale (its mention
    # since removed or replaced), and lookups check it against `actors`
    spans_at: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # token -> spans of actors over it
    named: dict[str, list[tuple[tuple[int, int], LinkedMention]]] = field(default_factory=dict)  # by name word

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))

    def add_actor(self, span: Span, actor: KBActor, rule: str, confidence: float) -> None:
        key = (span.start, span.end)
        mention = LinkedMention(span.start_char, span.end_char, span.text, actor, f"{rule}@{RULES_VERSION}", confidence)
        self.actors[key] = mention
        self.taken.update(range(span.start, span.end))
        for i in range(span.start, span.end):
            self.spans_at.setdefault(i, []).append(key)
        for word in set(actor.name.split()):
            self.named.setdefault(word, []).append((key, mention))

    def actor_spans_at(self, i: int) -> list[tuple[int, int]]:
        """The spans of the actor mentions over token `i`, in the order of `actors`."""
        keys = [k for k in dict.fromkeys(self.spans_at.get(i, ())) if k in self.actors]
        if len(keys) > 1:
            over = set(keys)
            keys = [k for k in self.actors if k in over]
        return keys

    def add_place(self, span: Span, place: GeoName | None, gazetteer: Gazetteer | None = None) -> None:
        mention = PlaceMention(span.start_char, span.end_char, span.text, place, place.precision if place else None)
        start = _qualifier_start(span)
        if gazetteer is not None and place is not None and start < span.start:
            resolved = gazetteer.resolve(span.doc[start : span.end].text, country=place.country)
            if resolved is not None and resolved.place.id == place.id:
                moved = resolved.km is not None
                mention = replace(
                    mention,
                    precision=resolved.precision,
                    qualifier=resolved.qualifier,
                    lat=resolved.lat if moved else None,
                    lon=resolved.lon if moved else None,
                    km=resolved.km,
                )
        if gazetteer is not None and place is not None and mention.qualifier is None:
            mention = replace(mention, province=gazetteer.province_named(place, span.text))
        self.places[(span.start, span.end)] = mention
        self.taken.update(range(span.start, span.end))


def register_extensions() -> None:
    """Declare the Doc attributes warlog's components write (idempotent)."""
    names = (
        "warlog_actors",
        "warlog_places",
        "warlog_country",
        "warlog_state_places",
        "warlog_people",
        "warlog_peoples",
    )
    for name, default in ((name, None) for name in names):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


class ActorLinker:
    """Resolve actor mentions; bind the knowledge base and gazetteer with `bind()` before use."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.kb: KnowledgeBase | None = None
        self.gazetteer: Gazetteer | None = None

    def bind(self, kb: KnowledgeBase, gazetteer: Gazetteer) -> ActorLinker:
        """Build the phrase matchers from the knowledge base's aliases."""
        self.kb, self.gazetteer = kb, gazetteer
        self._folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._hits: dict[str, list[AliasHit]] = {}
        folded: dict[str, Doc] = {}
        exact: dict[str, Doc] = {}
        for hit in kb.aliases():
            key = hit.alias if hit.case_sensitive else hit.alias.lower()
            self._hits.setdefault(key, []).append(hit)
            target = exact if hit.case_sensitive else folded
            if key not in target:
                target[key] = self.nlp.make_doc(hit.alias)
        for key, pattern in folded.items():
            self._folded.add(key, [pattern])
        for key, pattern in exact.items():
            self._exact.add(key, [pattern])
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.kb is None or self.gazetteer is None:
            raise RuntimeError("ActorLinker used before bind(kb, gazetteer); build pipelines with warlog.load()")
        found = _Found()
        _split_bracketed_entities(doc)
        matches = self._kb_matches(doc)
        focus = self._focus(doc, matches)
        country = focus.leading
        doc._.warlog_country = country
        for span, hits in matches:
            self._link_alias(span, hits, focus, found)
        self._link_agents(doc, country, found)
        self._link_peoples(doc, found)
        self._link_entities(doc, focus, found)
        self._settle_places(doc, focus, found)
        if country is None:  # no focus before the places were read: the one country they all lie in
            country = _placed_country(found)
            if country is not None:
                doc._.warlog_country = country
                self._link_agents(doc, country, found)
        doc._.warlog_people = self._people(country)
        organs = {m.actor.country for m in found.actors.values() if m.actor.kind in STATE_ORGANS and m.actor.country}
        doc._.warlog_peoples = {c: t for c in sorted(organs) if (t := self._people(c)) is not None}
        mentions = [(start, end, mention.actor) for (start, end), mention in found.actors.items()]
        for i, actor in resolve_pronouns(doc, mentions):
            found.add_actor(doc[i : i + 1], actor, "coref", 0.6)
            self._own_agent(doc[i], actor, found)
        _agree_with_holders(doc, found, self.gazetteer)
        _place_within(doc, found)
        doc._.warlog_actors = sorted(found.actors.values(), key=lambda m: m.start)
        doc._.warlog_places = sorted(found.places.values(), key=lambda m: m.start)
        doc._.warlog_state_places = sorted(found.state_places.values(), key=lambda m: m.start)
        return doc

    # -- knowledge-base aliases -------------------------------------------------------------------

    def _kb_matches(self, doc: Doc) -> list[tuple[Span, list[AliasHit]]]:
        """Longest non-overlapping alias matches, each with its candidate hits."""
        raw = []
        for matcher in (self._folded, self._exact):
            for match_id, start, end in matcher(doc):
                key = self.nlp.vocab.strings[match_id]
                hits = [h for h in self._hits[key] if _case_fits(h, doc[start:end])]
                if hits:
                    raw.append((start, end, hits))
        raw.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken: set[int] = set()
        chosen = []
        for start, end, hits in raw:
            if not taken.intersection(range(start, end)):
                taken.update(range(start, end))
                chosen.append((doc[start:end], hits))
        return sorted(chosen, key=lambda m: m[0].start)

    def _focus(self, doc: Doc, matches: list[tuple[Span, list[AliasHit]]]) -> Focus:
        """The document's focus countries (warlog.geo.focus): the countries it names as places ("in
        Syria", "Mali Zvornik, Serbia"), the states it names as actors, and the countries where its other
        place names may lie. An acting capital ("Moscow targeted the rebels") names an actor, not a
        place, and does not vote."""
        assert self.kb is not None and self.gazetteer is not None
        named: list[str] = []
        states: list[str] = []
        acting: set[int] = set()
        candidates = []
        for span, hits in matches:
            actor = self.kb.get(hits[0].actor_id)
            wider = self._widest_place(span)
            if wider is not span:  # "Lower Juba", not Juba
                candidates.append(self.gazetteer.lookup(wider.text))
                continue
            if any(hit.form == "metonym" for hit in hits) and not is_acting(span):
                candidates.append(self.gazetteer.lookup(span.text))  # a capital named as a place
            elif actor is not None and actor.country and span.text[:1].isupper():
                place = actor.kind == "state" and (is_locative(span) or is_aside(span))
                (named if place else states).append(actor.country)  # "in Syria"; "Syrian rebels"
            if any(hit.form == "metonym" for hit in hits) and is_acting(span) and not is_aside(span):
                acting.update(range(span.start, span.end))
        taken = {i for span, _ in matches for i in range(self._widest_place(span).start, span.end)}
        for ent in doc.ents:
            if not acting.isdisjoint(range(ent.start, ent.end)) or not taken.isdisjoint(range(ent.start, ent.end)):
                continue  # an acting capital, or a country or capital the knowledge base matched: counted above
            if ent.label_ not in PLACE_LABELS and not (
                ent.label_ in MISLABELED_PLACE_LABELS and (is_locative(ent) or is_aside(ent))
            ):
                continue
            found, _ = self.gazetteer.candidates(self._widest_place(ent).text)
            country = next((p.country for p in found if p.feature == "country" and p.country), None)
            if country is not None:
                named.append(country)
            elif found:
                candidates.append(found)
        entities = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for span in _proper_runs(doc, taken | acting | entities):
            if is_aside(span):  # "(Nellore, AP)": a holder the tagger left out votes too
                holders, _ = self.gazetteer.candidates(span.text)
                if holders:
                    candidates.append(holders)
        return find_focus(candidates, named, states)

    def _people(self, country: str | None) -> dict[str, KBActor] | None:
        """The groups an unnamed person of the document's country belongs to, by the part they play in
        an event (events.parties): a victim is a civilian, who protests or riots a protester (ACLED's
        "Protesters (X)", "Rioters (X)"), an unknown man who attacks an unidentified armed group."""
        assert self.kb is not None
        if country is None:
            return None
        people = {}
        for suffix, noun in PEOPLE_AGENTS.items():
            spec = self.kb.agent(noun)
            if spec is not None and self.kb.state(country.lower()) is not None:
                people[suffix] = self.kb.scoped_agent(spec, country)
        return people or None

    def _link_alias(self, span: Span, hits: list[AliasHit], focus: Focus, found: _Found) -> None:
        assert self.kb is not None and self.gazetteer is not None
        wider = self._widest_place(span)
        if wider is not span and found.free(wider.start, wider.end):
            # "Lower Juba", "Baja California": a longer place name holds the alias ("Juba", "California")
            return found.add_place(wider, self.gazetteer.locate(wider.text, focus), self.gazetteer)
        hit = _choose(hits, self.kb, focus.primary)
        actor = self.kb.get(hit.actor_id)
        if actor is None:
            return
        if hit.form == "demonym":
            return self._link_demonym(span, actor, found)
        if actor.kind == "state" and hit.form != "metonym" and _part_of_name(span):
            return None  # "Chuck Jordan", "Voice of America": a word of another name
        if hit.form == "metonym" or actor.kind == "state":
            if not is_acting(span) or is_aside(span) or (hit.form == "metonym" and _locating_capital(span)):
                if hit.form != "metonym":
                    place = self.gazetteer.best(span.text, country=actor.country if actor.kind == "state" else None)
                else:  # a capital's name: Tripoli in a note on Lebanon is Lebanon's
                    place = self.gazetteer.locate(span.text, focus) or self.gazetteer.best(span.text)
                found.state_places[(span.start, span.end)] = LinkedMention(
                    span.start_char, span.end_char, span.text, actor, f"place@{RULES_VERSION}", 0.8
                )
                return found.add_place(span, place, self.gazetteer)
            return found.add_actor(span, actor, "metonym" if hit.form == "metonym" else "alias", 0.9)
        spelled = _spelled_out(span)
        if spelled:  # "the Environmental Protection Agency ... the EPA": the name it stands for
            owners = [found.actors.get((name.start, name.end)) for name in spelled]
            if not any(o is not None and o.actor.id == actor.id for o in owners):  # "Islamic State ... I.S." keeps
                if owners[-1] is not None:
                    return found.add_actor(span, owners[-1].actor, "acronym", 0.9)
                if all(t.pos_ == "PROPN" for t in spelled[-1]):
                    return None  # a name the text spells out and no pack knows: not the pack's namesake
        found.add_actor(span, actor, "alias", 1.0 if hit.form == "name" else 0.95)

    def _link_demonym(self, span: Span, state: KBActor, found: _Found) -> None:
        """ "Syrian rebels" → the Syrian rebels; "Russian jets" → the Russian armed forces; else the state."""
        assert self.kb is not None
        head = span.root.head
        spec = self.kb.agent(head.lower_) if span.root.dep_ in ("amod", "compound") else None
        if spec is not None and state.country and head.i == span.end:
            actor = self.kb.scoped_agent(spec, state.country)
            return found.add_actor(span.doc[span.start : head.i + 1], actor, "agent", 0.9)
        if _one_person(span) and state.country and self.kb.agent("civilians") is not None:
            person = self.kb.scoped_agent(self.kb.agent("civilians"), state.country)  # type: ignore[arg-type]
            return found.add_actor(span.doc[span.start : head.i + 1], person, "agent", 0.75)  # "a Saudi businessman"
        if _origin(span) or _part_of_name(span):
            return None  # "Polish Americans", "of Mexican heritage", "Mark Cuban", "Armed American Radio"
        found.add_actor(span, state, "demonym", 0.85)

    # -- generic agents ---------------------------------------------------------------------------

    def _link_agents(self, doc: Doc, country: str | None, found: _Found) -> None:
        assert self.kb is not None
        for token in doc:
            if token.i in found.taken or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            spec = (
                self._crowd(token)
                or self._modified_agent(token)
                or self.kb.agent(token.lower_)
                or self.kb.agent(token.lemma_.lower())
            )
            if spec is None or _inside_name(token) or _apposed_to_actor(token, found) or _no_agent(token):
                continue
            if token.pos_ == "ADJ" and spec.kind not in MODIFIER_AGENT_KINDS:
                continue  # "terrorist targets", "military-intelligence matters": an adjective, not an actor
            owner, owner_span = self._possessor(token, found)
            if owner is not None and owner_span is not None:
                scoped = self._scope_by_owner(spec, owner)
                if scoped is None:
                    continue  # "I.S. jihadists": the owning group's own mention stands
                if owner_span[0] > token.i:  # "the forces of Armenia": both mentions stand
                    found.add_actor(_agent_span(token, found), scoped, "agent", 0.85)
                    continue
                del found.actors[owner_span]
                found.taken.difference_update(range(*owner_span))
                found.add_actor(doc[owner_span[0] : token.i + 1], scoped, "agent", 0.85)
            elif country is not None:
                found.add_actor(_agent_span(token, found), self.kb.scoped_agent(spec, country), "agent", 0.7)

    def _link_peoples(self, doc: Doc, found: _Found) -> None:
        """A plural demonym standing alone is the people of that country: "arrested 100 Palestinians",
        "Afghans fled to Pakistan" (the state's `civilians` agent). Not before a noun ("Syrian rebels" is
        the demonym rule's), not inside a name."""
        assert self.kb is not None
        civilians = self.kb.agent("civilians")
        for token in doc:
            if token.i in found.taken or token.tag_ not in ("NNPS", "NNS") or not token.text[:1].isupper():
                continue
            if not token.text.endswith("s") or token.dep_ in ("compound", "amod") or _inside_name(token):
                continue
            if not _counted(token):
                continue  # "illegal aliens kill Americans": a kind of people, not people this text is about
            hits = [h for h in self.kb.lookup(token.text[:-1]) if h.form == "demonym"]
            state = self.kb.get(hits[0].actor_id) if len(hits) == 1 else None
            if civilians is None or state is None or state.kind != "state" or not state.country:
                continue
            found.add_actor(doc[token.i : token.i + 1], self.kb.scoped_agent(civilians, state.country), "agent", 0.8)

    def _modified_agent(self, token: Token):
        """An agent noun the pack lists with its modifier, which can name another actor than the noun
        alone: "the moderate opposition" and "the armed opposition" are rebels, "the opposition" a
        political opposition."""
        assert self.kb is not None
        modifier = token.doc[token.i - 1] if token.i > 0 else None
        if modifier is None or modifier.head.i != token.i or modifier.dep_ not in ("amod", "compound"):
            return None
        return self.kb.agent(f"{modifier.lower_} {token.lower_}")

    def _crowd(self, token: Token):
        """ "residents protested", "workers staged a demonstration": people who protest are protesters (the
        `opp` agent, as ACLED codes "Protesters (X)"), whatever noun names them."""
        assert self.kb is not None
        if token.lemma_.lower() not in CROWD_NOUNS or token.dep_ not in ("nsubj", "conj"):
            return None
        members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"]  # fmt: skip
        if any(hit.form in ("name", "alias") for g in members for hit in self.kb.lookup(g.text)):
            return None  # "thousands of Kurds marched": a group the knowledge base names is who protests
        head = token.head
        while head.dep_ == "conj" and head.head is not head and head.i != head.head.i:
            head = head.head
        verbs = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ == "xcomp"}
        if head.lemma_.lower() in HOLDING_VERBS:  # "staged a protest"; not "attacked a rally"
            verbs |= {c.lemma_.lower() for c in head.children if c.dep_ == "dobj"}
        return self.kb.agent("protesters") if verbs & PROTEST_WORDS else None

    def _possessor(self, token: Token, found: _Found) -> tuple[KBActor | None, tuple[int, int] | None]:
        """The actor that owns a generic agent: "Syria's army", "Nepal Police", "the forces of Armenia"."""
        assert self.kb is not None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for key in found.actor_spans_at(pobj.i):
                        if found.actors[key].actor.kind == "state":
                            return found.actors[key].actor, key
                    for key, place in list(found.places.items()):  # "the forces of Armenia": read as a place
                        if not (key[0] <= pobj.i < key[1] and place.place and place.place.feature == "country"):
                            continue
                        state = self.kb.state(place.place.country or "")
                        if state is not None:
                            del found.places[key]
                            found.add_actor(token.doc[key[0] : key[1]], state, "alias", 0.9)
                            return state, key
        for child in token.children:
            if child.dep_ not in ("poss", "compound", "nmod", "amod") or child.i > token.i:
                continue
            if not _negated_modifier(child):
                for key in found.actor_spans_at(child.i)[:1]:
                    return found.actors[key].actor, key
        return None, None

    def _own_agent(self, pronoun: Token, owner: KBActor, found: _Found) -> None:
        """A generic agent a resolved possessive owns is the owner's: "Russia said ... Its jets bombed" are
        Russia's armed forces, not the armed forces of the document's country."""
        assert self.kb is not None
        if pronoun.dep_ != "poss":
            return
        noun = pronoun.head
        for key in found.actor_spans_at(noun.i):
            mention = found.actors[key]
            if mention.rule.startswith("agent@"):
                spec = self.kb.agent(noun.lower_) or self.kb.agent(noun.lemma_.lower())
                scoped = self._scope_by_owner(spec, owner) if spec is not None else None
                if scoped is not None and scoped.id != mention.actor.id:
                    found.actors[key] = replace(mention, actor=scoped)
                return

    def _scope_by_owner(self, spec, owner: KBActor) -> KBActor | None:
        """The agent of the owner: a state's army, a leader's government."""
        assert self.kb is not None
        if owner.kind in ("state", "government", "military") and owner.country:
            return self.kb.scoped_agent(spec, owner.country)  # "Syria's army", "the regime's air force"
        if owner.kind in PEOPLE_OWNERS and owner.country and spec.kind in ("civilians", "political_party"):
            return self.kb.scoped_agent(spec, owner.country)  # "workers of the University of Zambia" protest
        if owner.kind == "person":
            for ancestor_id in self.kb.ancestors(owner.id):
                ancestor = self.kb.get(ancestor_id)
                if ancestor is not None and ancestor.kind == spec.kind:
                    return ancestor
            if owner.country:
                return self.kb.scoped_agent(spec, owner.country)
        return None

    # -- named entities: places and new actors --------------------------------------------------

    def _link_entities(self, doc: Doc, focus: Focus, found: _Found) -> None:
        assert self.gazetteer is not None
        new_actors: dict[str, KBActor] = {}
        for ent in doc.ents:
            if not found.free(ent.start, ent.end):
                continue
            # a name already seen as a person or an organization's head noun wins over the tagger's
            # label: "Iran mourned Hamedani" (tagged GPE), "the Embassy noted" (tagged PERSON)
            known = _by_surname(ent, new_actors) or _by_head_noun(ent, found)
            if known is not None:
                found.add_actor(_with_title(ent), known, "ner", 0.8)
                continue
            ent = self._widest_place(ent)
            if not found.free(ent.start, ent.end):
                continue
            span = _extend_place(ent)
            holder = is_aside(ent)
            place = self.gazetteer.locate(span.text, focus, holder=holder) or self.gazetteer.locate(
                ent.text, focus, holder=holder
            )
            if (
                ent.label_ in PLACE_LABELS
                or (place is not None and _looks_like_place(ent, place, focus))
                or (ent.label_ in MISLABELED_PLACE_LABELS and is_locative(ent) and self._holder_after(ent))
            ):
                named = span if place is None or self.gazetteer.candidates(span.text)[0] else ent
                found.add_place(named, place, self.gazetteer)
                continue
            kind = NEW_ACTOR_KINDS.get(ent.label_)
            if kind is not None and _is_name(ent):
                actor = self._new_actor(ent, kind)
                new_actors[actor.id] = actor
                found.add_actor(_with_title(ent), actor, "ner", 0.75)
        self._affiliate(doc, new_actors, found)
        self._link_untagged_holders(doc, focus, found)
        self._link_untagged_places(doc, focus, found)

    def _link_untagged_holders(self, doc: Doc, focus: Focus, found: _Found) -> None:
        """A proper noun the tagger left out, given as the larger place around a place just named
        ("near Kamianka, Donetsk", "in Qalat (Kidal)"), is a place when the gazetteer knows it."""
        assert self.gazetteer is not None
        for span in _proper_runs(doc, found.taken):
            if is_aside(span):
                place = self.gazetteer.locate(span.text, focus, holder=True)
                if place is not None:
                    found.add_place(span, place, self.gazetteer)

    def _link_untagged_places(self, doc: Doc, focus: Focus, found: _Found) -> None:
        """A proper noun the tagger left out, where something is ("In Chipinge, traders burned tyres",
        "dockers marched through Oran"), is a place when the gazetteer places it in one of the document's focus
        countries, or, in a document without a focus, when it is a city (100,000 people or more): a
        smaller namesake abroad is likelier a misreading (a Kenyan region named like a Rwandan town)."""
        assert self.gazetteer is not None
        entities = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for span in _capitalized_runs(doc, found.taken | entities):
            if not is_locative(span) or any(t.is_stop for t in span) or span.text.lower() in COMMON_WORDS:
                continue  # "in Central Athens", "near Mine 5": ordinary words, not towns
            place = self.gazetteer.locate(span.text, focus)
            if place is None or place.feature == "country":
                continue
            if place.country in focus.countries if focus.countries else place.feature == "city":
                found.add_place(span, place, self.gazetteer)

    def _holder_after(self, ent: Span) -> bool:
        """The name is followed by a larger place the gazetteer knows, as a holder: "in Qasr (Tripoli)",
        "at Kerba, Tillaberi"; then the name is a place even when the tagger called it a person."""
        assert self.gazetteer is not None
        doc, start = ent.doc, ent.end + 1
        if start >= len(doc) or doc[ent.end].text not in ("(", ","):
            return False
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN" and end - start < 4:
            end += 1
        return any(self.gazetteer.lookup(doc[start:stop].text) for stop in range(end, start, -1))

    def _widest_place(self, span: Span) -> Span:
        """A place name the tagger or the alias matcher cut short ("Baja" and "California", "Juba" in
        "Lower Juba", "Valle" in "Valle del Cauca"): the longest run of capitalized words (and the particles
        inside names: "del", "de", "al") around the span, two more before it and four more after it at most, that
        the gazetteer knows as a whole; else the span itself."""
        assert self.gazetteer is not None
        doc, best = span.doc, span
        for start in range(span.start, max(span.start - 3, -1), -1):
            if start < span.start and not _capitalized(doc[start]):
                if doc[start].lower_ in NAME_PARTICLES:
                    continue  # "Catole do Rocha": the name began before the particle
                break
            for end in range(span.end, min(span.end + 4, len(doc)) + 1):
                if end > span.end and not _capitalized(doc[end - 1]):
                    if doc[end - 1].lower_ in NAME_PARTICLES:
                        continue  # "Valle del": the name goes on
                    break
                if end - start > len(best) and self.gazetteer.lookup(doc[start:end].text):
                    best = Span(doc, start, end, label=span.label_)
        return best

    def _settle_places(self, doc: Doc, focus: Focus, found: _Found) -> None:
        """A town's name that several towns of its country bear ("Kamianka") is the one nearest the
        document's other places whose names are unambiguous: areas, and towns their country has one of
        ("..., Donetsk")."""
        assert self.gazetteer is not None
        options: dict[tuple[int, int], tuple[GeoName, ...]] = {}
        anchors: list[tuple[str, tuple[float, float]]] = []
        for key, mention in found.places.items():
            place = mention.place
            if place is None or place.feature == "country" or place.lat is None or place.lon is None:
                continue
            candidates, _ = self.gazetteer.candidates(mention.name)
            same = [c for c in candidates if c.country == place.country and _settlement(c) == _settlement(place)]
            if len(same) > 1 and _settlement(place):
                options[key] = candidates
            else:
                anchors.append((place.id, (place.lat, place.lon)))
        for key, candidates in options.items():
            mention = found.places[key]
            assert mention.place is not None
            points = [point for place_id, point in anchors if place_id != mention.place.id]
            place = nearest(mention.place, candidates, points)
            if place is None and _held(doc, key, found):
                # none of the towns of that name lies near the place the text puts it in: unresolved
                found.places[key] = replace(mention, place=None, precision=None, province=None)
            elif place is not None and place.id != mention.place.id:
                found.add_place(doc[key[0] : key[1]], place, self.gazetteer)

    def _new_actor(self, ent: Span, kind: str) -> KBActor:
        name = re.sub(r"^(the|The)\s+", "", ent.text).strip()
        if kind == "organization" or (kind == "person" and len(ent) > 1):  # "Los Pinas Cartel", tagged a person
            kind = ARMED_NAME_WORDS.get(ent[-1].lower_, kind)
        country = self._named_country(ent) if kind != "person" else None
        return KBActor(
            id=f"new.{slug(name)}", name=name, kind=kind, country=country, cameo=None, aliases=(), demonyms=(),
            metonyms=(), parents=(), pack="ner",
        )  # fmt: skip

    def _named_country(self, ent: Span) -> str | None:
        """The one country a new organisation's name names: "University of Zambia", "Ghana Hairdressers"."""
        assert self.kb is not None
        countries = set()
        for token in ent:
            for hit in self.kb.lookup(token.text) if token.text[:1].isupper() else ():
                actor = self.kb.get(hit.actor_id)
                if actor is not None and actor.kind == "state" and actor.country and hit.form in ("name", "demonym"):
                    countries.add(actor.country)
        return countries.pop() if len(countries) == 1 else None

    def _affiliate(self, doc: Doc, new_actors: dict[str, KBActor], found: _Found) -> None:
        """Affiliation from an apposition: "Hussein Hamedani, a senior General in ... (IRGC)"."""
        assert self.kb is not None
        spans = sorted(found.actors)  # the spans stay; `updated` below only replaces their mentions
        keys_of: dict[str, list[tuple[int, int]]] = {}  # and the actor ids of the mentions stay too
        for k, m in found.actors.items():
            keys_of.setdefault(m.actor.id, []).append(k)
        for key, mention in list(found.actors.items()):
            actor = mention.actor
            if actor.id not in new_actors or actor.parents:
                continue
            root = doc[key[0] : key[1]].root
            appos = [c for c in root.children if c.dep_ == "appos"]
            if not appos:
                continue
            lo, hi = min(a.left_edge.i for a in appos), max(a.right_edge.i for a in appos)
            near = spans[bisect_left(spans, (lo, -1)) : bisect_right(spans, (hi, len(doc) + 1))]
            inside = [
                found.actors[k].actor
                for k in near
                if any(a.left_edge.i <= k[0] and k[1] - 1 <= a.right_edge.i for a in appos)
                and found.actors[k].actor is not actor
            ]
            parent = next((a for a in inside if a.kind != "state"), inside[0] if inside else None)
            if parent is None:
                continue
            updated = _replace_parents(actor, (Affiliation(parent.id),))
            new_actors[actor.id] = updated
            for k in keys_of[actor.id]:
                m = found.actors[k]
                found.actors[k] = LinkedMention(m.start, m.end, m.text, updated, m.rule, m.confidence)


def _counted(token: Token) -> bool:
    """A plural noun with a determiner, a number or a quantity ("the Palestinians", "100 Afghans", "thousands
    of Kurds"), not a bare plural, which names a kind."""
    if any(c.dep_ in ("det", "nummod", "quantmod", "poss") for c in token.children):
        return True
    if any(
        c.dep_ == "amod" and c.lower_ in ("many", "several", "some", "few", "dozens", "hundreds")
        for c in token.children
    ):
        return True
    holder = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return (
        holder is not None
        and holder.head.pos_ in ("NUM", "NOUN")
        and (
            holder.head.pos_ == "NUM"
            or holder.head.lemma_.lower() in ("hundred", "thousand", "dozen", "million", "group")
        )
    )


def _proper_runs(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """The runs of alphabetic proper nouns outside the `taken` tokens."""
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in taken and doc[end].is_alpha:
            end += 1
        if end > i:
            yield doc[i:end]
        i = max(end, i + 1)


def _capitalized_runs(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """The runs of capitalized alphabetic nouns outside the `taken` tokens (the tagger may call a town it
    does not know a common noun: "In Chipinge, ..."), none opening a sentence."""
    i = 0
    while i < len(doc):
        end = i
        while (
            end < len(doc) and end not in taken and doc[end].is_alpha and doc[end].text[:1].isupper()
            and doc[end].pos_ in ("PROPN", "NOUN") and not doc[end].is_sent_start
        ):  # fmt: skip
            end += 1
        if end > i:
            yield doc[i:end]
        i = max(end, i + 1)


def _placed_country(found: _Found) -> str | None:
    """The country most of the document's resolved towns and areas lie in (countries named as such count
    only when nothing smaller is resolved), or None on a tie."""
    places = [m.place for m in found.places.values() if m.place is not None and m.place.country]
    smaller = [p for p in places if p.feature != "country"] or places
    counts = Counter(p.country for p in smaller)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _replace_parents(actor: KBActor, parents: tuple[Affiliation, ...]) -> KBActor:
    from dataclasses import replace

    return replace(actor, parents=parents)


def _case_fits(hit: AliasHit, span: Span) -> bool:
    """A capitalized alias ("Hamas") needs a capitalized match: "is" is not "IS", "us" not "U.S."."""
    if hit.case_sensitive or not any(ch.isupper() for ch in hit.alias):
        return True
    return span.text[:1].isupper()


def _choose(hits: list[AliasHit], kb: KnowledgeBase, country: str | None) -> AliasHit:
    """Among several actors with one alias: a full name before a demonym or metonym, the context
    country's actor first, then the first pack's order."""
    forms = {"name": 0, "alias": 1, "demonym": 2, "metonym": 3}

    def score(hit: AliasHit) -> tuple[int, int]:
        actor = kb.get(hit.actor_id)
        local = 0 if actor is not None and actor.country == country else 1
        return forms.get(hit.form, 4), local

    return min(hits, key=score)


def _agent_span(token: Token, found: _Found) -> Span:
    """The agent noun with its adjectives: "moderate rebels", "non-moderate rebels"."""
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in ("amod", "compound") and child.i == start - 1 and found.free(child.i, child.i + 1):
            start = child.i
    return token.doc[start : token.i + 1]


def _split_bracketed_entities(doc: Doc) -> None:
    """An entity the tagger ran across a bracket ("Rawson (Chubut" as one organization) is two names: the
    place and the larger place that holds it. Each part keeps the label; the brackets belong to neither."""
    if not any(t.text in ("(", ")") for ent in doc.ents for t in ent):
        return
    ents = []
    for ent in doc.ents:
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or doc[i].text in ("(", ")"):
                if i > start:
                    ents.append(Span(doc, start, i, label=ent.label_))
                start = i + 1
    doc.ents = ents


NAME_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "el", "al", "of"})


def _extend_place(ent: Span) -> Span:
    """ "Kuweris airbase": a place name with the feature noun that follows it."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in PLACE_FEATURE_NOUNS:
        return doc[ent.start : ent.end + 1]
    return ent


def _looks_like_place(ent: Span, place: GeoName, focus: Focus) -> bool:
    """An entity the tagger did not call a place that the gazetteer knows, used as a place."""
    if ent.label_ not in MISLABELED_PLACE_LABELS or not ent.text[:1].isupper():
        return False
    if ent.label_ == "PERSON" and ent.start > 0 and ent.doc[ent.start - 1].lower_ in TITLES:
        return False
    return place.source != "geonames" or place.country == focus.primary or is_locative(ent) or is_aside(ent)


def _held(doc: Doc, key: tuple[int, int], found: _Found) -> bool:
    """Whether a place mention is followed by the larger place that holds it ("Kamianka, Donetsk")."""
    for other in found.places:
        between = doc[key[1] : other[0]]
        if other[0] >= key[1] and len(between) <= 2 and all(t.text in (",", "(", "[") for t in between):
            return is_aside(doc[other[0] : other[1]])
    return False


def _settlement(place: GeoName) -> bool:
    return place.feature in ("city", "town", "village")


def _holder_of(doc: Doc, key: tuple[int, int], next_key: tuple[int, int]) -> bool:
    """The place at `next_key` is the larger place that holds the one at `key`: "X (Y)", "X, Y", "X village (Y)"."""
    between = doc[key[1] : next_key[0]]
    marks = all(t.text in (",", "(", "[") or t.lower_ in PLACE_FEATURE_NOUNS for t in between)
    return len(between) <= 2 and marks and is_aside(doc[next_key[0] : next_key[1]])


def _agree_with_holders(doc: Doc, found: _Found, gazetteer: Gazetteer | None) -> None:
    """A place given with the larger place that holds it lies in that place's country: "Mambasa (Nord-Kivu)"
    is no Mombasa in Kenya. A reading in another country is replaced by the likeliest reading of the name in
    the holder's country, or, when the name has none there, left unresolved (`_place_within` then puts it
    within the holder)."""
    if gazetteer is None:
        return
    keys = sorted(found.places)
    for key, next_key in reversed(list(zip(keys, keys[1:], strict=False))):  # the outer holders settle first
        mention, holder = found.places[key], found.places[next_key]
        place, country = mention.place, holder.place.country if holder.place is not None else None
        if place is None or country is None or place.country == country or not _holder_of(doc, key, next_key):
            continue
        candidates, _ = gazetteer.candidates(mention.name)
        there = [c for c in candidates if c.country == country and c.feature != "country"]
        if there:
            found.add_place(doc[key[0] : key[1]], max(there, key=lambda c: c.population), gazetteer)
        else:
            found.places[key] = replace(mention, place=None, precision=None, province=None)


def _place_within(doc: Doc, found: _Found) -> None:
    """A name the gazetteer does not know, followed by the larger place that holds it ("Abu Salim
    (Tripoli)", "Bar-Sanguun village (Kismaayo, Lower Juba)", "Pesqueria, Nuevo Leon"), lies within that
    place: it keeps its own name, with the point of the holder at a coarser precision (ACLED codes an
    unknown village at the nearest known place)."""
    ordered = sorted(found.places.items())
    for (key, mention), (next_key, holder) in zip(ordered, ordered[1:], strict=False):
        if mention.place is not None or holder.place is None or holder.place.feature == "country":
            continue
        if _holder_of(doc, key, next_key):
            found.places[key] = replace(mention, within=holder.place)


def _capitalized(token: Token) -> bool:
    """A capitalized word that may belong to a name (not "In" or "The" opening a sentence)."""
    return token.is_alpha and token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")


def _is_name(ent: Span) -> bool:
    words = [t for t in ent if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words if t.lower_ not in ("of", "the", "al", "and"))


QUALIFIER_WORDS = frozenset(
    {
        "near", "outside", "around", "outskirts", "of", "the", "km", "kilometres", "kilometers", "miles", "mile",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
        "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northeastern",
        "northwestern", "southeastern", "southwestern", "-", "a",
    }
)  # fmt: skip


def _qualifier_start(span: Span) -> int:
    """Where the words that qualify a place begin: "near", "north of", "20 km north-east of", "northern"."""
    start = span.start
    while start > 0 and span.start - start < 6:
        before = span.doc[start - 1]
        if before.lower_ not in QUALIFIER_WORDS and not before.like_num:
            break
        start -= 1
    while start < span.start and span.doc[start].lower_ in ("the", "of", "a", "-"):
        start += 1
    return start


def _negated_modifier(token: Token) -> bool:
    """ "non-I.S. insurgents", "anti-Assad rebels": the modifier names who they are not."""
    first = token.left_edge.i
    doc = token.doc
    return first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ in ("non", "anti")


# nouns of where a person or a people comes from: a demonym before them gives an origin, not the state
ORIGIN_NOUNS = frozenset({
    "heritage", "descent", "decent", "origin", "origins", "ancestry", "roots", "extraction", "immigrant", "immigrants",
})  # fmt: skip
# name labels inside which a state's name or demonym is a word of that name
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "EVENT", "PRODUCT", "LAW"})


def _origin(span: Span) -> bool:
    """A demonym that says where people come from: "Polish American(s)", "Mexican-Peruvian", "Ukrainian and
    Lithuanian Americans", "of Mexican heritage"."""
    doc, root = span.doc, span.root
    following = doc[span.end : span.end + 8]
    joined = [t for t in following[:2] if t.text != "-"]
    hyphen = span.end < len(doc) and (doc[span.end].text == "-" or doc[span.end].text.startswith("-"))
    if hyphen and joined and joined[0].text.lstrip("-")[:1].isupper() and joined[0].dep_ not in ("amod", "compound"):
        return True  # "a Mexican-Peruvian": a person's hyphenated identity, not "the Syrian-Turkish border"
    words = [t for t in following if t.text not in ("-", ",", "and", "or")]
    for word in words:  # "Polish American", "Mexican-Peruvian", "Polish, Ukrainian, and Lithuanian Americans"
        text = word.text.lstrip("-")
        if text[:1].isupper() and text.lower().rstrip("s") in DEMONYM_NOUNS:
            return True
        if not (text[:1].isupper() and word.pos_ in ("ADJ", "PROPN")):
            break
    if words and words[0].lower_ in ORIGIN_NOUNS:
        return True
    if root.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("a", "an") for c in root.children):
        return True  # "to be an American": a person
    head = root.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.i != root.i and (head.lower_ in ORIGIN_NOUNS or head.lower_.rstrip("s") in DEMONYM_NOUNS)


def _one_person(span: Span) -> bool:
    """A demonym before a noun of one person ("a Saudi businessman", "an American citizen"): that person's
    nationality, a civilian of the country, not the state."""
    root = span.root
    head = root.head
    if not (root.dep_ == "amod" and head.i == span.end and head.lemma_.lower() in PERSON_NOUNS and head.tag_ == "NN"):
        return False
    named = head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_type_ == "PERSON"
    return not named and not any(
        c.ent_type_ == "PERSON" for c in head.children
    )  # "the Mexican billionaire Carlos Slim"


# nouns of one person, whose demonym gives that person's nationality, not the state
PERSON_NOUNS = frozenset({
    "citizen", "national", "immigrant", "billionaire", "businessman", "businesswoman", "man", "woman", "girl",
    "boy", "artist", "singer", "actor", "actress", "writer", "author", "tourist", "student", "grandmother",
    "grandfather", "mother", "father", "native",
})  # fmt: skip
# demonyms of nations of immigrants, after which another demonym gives an origin ("Polish American")
DEMONYM_NOUNS = frozenset({"american", "canadian", "australian", "british", "briton"})


# words an acronym skips ("Islamic State of Iraq and Syria": ISIS)
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "in", "on", "&"})


def _spelled_out(span: Span) -> list[Span]:
    """The names an acronym may stand for, spelled out before it in the document ("the Environmental
    Protection Agency" before "EPA"): capitalized words, skipping "of", "and", "the", whose initials are the
    acronym, in text order."""
    acronym = span.text.replace(".", "")
    if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
        return []
    return [span.doc[a:b] for a, b in _spelled_names(span.doc).get(acronym, ()) if b <= span.start]


def _spelled_names(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Every run of capitalized words (with "of", "and", "the" inside) by its initials, two to six of them,
    in text order: read once per document."""
    index = doc.user_data.get("warlog_spelled")
    if index is not None:
        return index
    index = {}
    for end in range(1, len(doc) + 1):
        if not doc[end - 1].is_title:
            continue
        initials = ""
        start = end
        while start > 0 and len(initials) < 6:
            word = doc[start - 1]
            if word.is_title:
                initials = word.text[0] + initials
                if len(initials) >= 2:
                    index.setdefault(initials, []).append((start - 1, end))
            elif word.lower_ not in ACRONYM_SKIPS:
                break
            start -= 1
    doc.user_data["warlog_spelled"] = index
    return index


def _part_of_name(span: Span) -> bool:
    """The span is a word of a longer name the tagger marked (a person, an organisation, a title), not its
    whole: "Mark Cuban", "Chuck Jordan", "Armed American Radio", "American Action Forum"."""
    doc = span.doc
    for token in span:
        if token.ent_type_ in NAME_LABELS:
            start = token.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if start < span.start or end > span.end:
                head = doc[end - 1]
                return head.lower_ not in AGENT_HEADS  # "the Syrian Army": the army, read by the agent rule
    return False


# last words of a name that make it the state's organ, not another name: read by the agent and alias rules
AGENT_HEADS = frozenset({"army", "armed", "forces", "police", "government", "ministry", "military", "navy", "guard"})


def _locating_capital(span: Span) -> bool:
    """A capital's name that locates or names, not acts: a dateline in capitals ("WASHINGTON (AP) —"), a
    modifier of a thing ("the Paris accord", "a Washington event", "Washington-based")."""
    if span.text.isupper() and len(span.text) > 3:
        return True
    if is_possessive(span):
        return False  # "Moscow's status": the state's
    root = span.root
    if root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN":
        return root.head.lemma_.lower() not in ACTING_HEADS
    after = span.doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "area", "region")


# nouns a capital before them acts in: "the Moscow government", "Washington's allies" is possessive anyway
ACTING_HEADS = frozenset({"government", "regime", "leadership", "administration", "authorities", "backing", "support"})


# organisations whose people (workers, members, students) are the people of the organisation's country
PEOPLE_OWNERS = frozenset({"organization", "media", "ngo", "political_party", "other"})
AIRCRAFT = frozenset({"aircraft", "jet", "jets", "plane", "planes", "bomber", "bombers", "pilot", "pilots", "squadron"})
# modifiers that take a group out of any one country ("foreign media", "Western media") or make it no actor
# ("social media", "a populist fighter")
NO_COUNTRY_MODIFIERS = frozenset({
    "foreign", "western", "international", "global", "world", "social", "partisan", "populist", "mainstream",
})  # fmt: skip


def _no_agent(token: Token) -> bool:
    """A generic agent noun that names no group of the country: a kind of aircraft ("fighter aircraft",
    "bombers and fighters"), a group qualified out of any one country ("foreign media", "social media"), an
    abstract sense of a singular noun with no article ("met with opposition", "the authority to regulate",
    "a certain amount of administration")."""
    if token.lower_ in ABSTRACT_SENSES and token.dep_ not in ("compound", "amod") and not _determined(token):
        return True
    if token.lower_ == "authority" and any(
        c.dep_ in ("acl", "prep")
        and c.lower_ in ("to", "under", "over")
        or (c.dep_ == "acl" and any(g.lower_ == "to" for g in c.children))
        for c in token.children
    ):
        return True  # "the authority to issue regulations", "its regulatory authority under the act"
    if token.lemma_.lower() in ("fighter",) and (
        token.head.lower_ in AIRCRAFT
        or any(c.lower_ in AIRCRAFT for c in token.children)
        or (token.dep_ == "conj" and token.head.lower_ in AIRCRAFT)
    ):
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in NO_COUNTRY_MODIFIERS for c in token.children)


# singular agent nouns with an abstract sense, which name a group only with an article or an owner
ABSTRACT_SENSES = frozenset({"opposition", "authority", "administration", "government", "regime", "military"})


def _determined(token: Token) -> bool:
    """ "the opposition", "its government", "Obama's administration", "the Syrian regime"."""
    return any(
        c.dep_ in ("det", "poss") or (c.dep_ in ("amod", "compound") and c.i < token.i and c.pos_ in ("PROPN", "ADJ"))
        for c in token.children
    )


def _inside_name(token: Token) -> bool:
    """A capitalized word of a longer name: "Infantry" in "Infantry Academy", "Army" in a title."""
    if token.ent_iob_ == "O" or not token.text[:1].isupper() or token.ent_type_ == "NORP":
        return False
    doc = token.doc
    continues = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    # a word before the end of a longer name; the name's last word is its head: "Nepal Police" is police
    return continues


def _apposed_to_actor(token: Token, found: _Found) -> bool:
    """ "the National Defence Forces (NDF), a ... sectarian militia": the apposition restates the actor."""
    if token.dep_ != "appos":
        return False
    head = token.head
    return any(start <= head.i < end for start, end in found.actors)


def _by_head_noun(ent: Span, found: _Found) -> KBActor | None:
    """ "the Embassy" after "the U.S. Embassy in Syria": the last actor whose name holds that noun."""
    text = re.sub(r"^(the|The)\s+", "", ent.text)
    if " " in text or not text[:1].isupper():
        return None
    named = [
        m
        for key, m in found.named.get(text, ())
        if found.actors.get(key) is m and m.start < ent.start_char and m.actor.kind != "person"
    ]
    latest = max((m.start for m in named), default=None)
    if sum(1 for m in named if m.start == latest) > 1:  # the first of equals in the mentions' order
        return next(m.actor for m in found.actors.values() if m.start == latest and m in named)
    return next((m.actor for m in named if m.start == latest), None)


def _with_title(ent: Span) -> Span:
    start = ent.start
    while start > 0 and ent.doc[start - 1].lower_ in TITLES and ent.doc[start - 1].text[:1].isupper():
        start -= 1
    return ent.doc[start : ent.end]


def _by_surname(ent: Span, new_actors: dict[str, KBActor]) -> KBActor | None:
    """ "Hamedani" or "Weiss" after "Hussein Hamedani" / "Michael Weiss" earlier in the document."""
    text = re.sub(r"^(the|The)\s+", "", ent.text)
    for actor in new_actors.values():
        if actor.kind == "person" and (actor.name == text or actor.name.split()[-1] == text):
            return actor
    return None


def make_actor_linker(nlp: Language, name: str) -> ActorLinker:
    """Factory for the actor linker (registered in warlog.pipeline); `bind()` it before use."""
    return ActorLinker(nlp, name)
