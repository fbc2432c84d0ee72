"""Who did it and to whom, read off the dependency parse around an event trigger.

Verbs: the subject acts and the object receives ("Russia targeted the rebels"); in the passive the
subject receives and the "by" object acts ("Hamedani was struck down", "killed by Daesh terrorists").
A clause without its own subject borrows it from the clause it hangs on ("announced that it had hit ...
and killed ...", "succeeds in pushing the rebels out"), and acts even when that clause is passive ("the
army is expected to attack"); coordinated verbs share the object of the last ("bombed and shelled rebel
positions"); a relative pronoun stands for its noun ("the rebels who have been keeping I.S. out");
"it"/"they" in a reported clause is the reporter, and "its"/"their" forces the reporter's ("Russia
announced that it had hit ...", "Russia denied that its jets had bombed ..."); a name in apposition says
who a common noun is ("the group, Boko Haram, ..."). Nouns: the possessor or a modifier acts ("Russia's
intervention", "the rebel offensive"), the object of "against"/"on" receives ("an offensive against
I.S."), the subject of a light verb acts ("launched an offensive", "dropped barrel bombs"), and so does
the subject of the verb a carrier noun hangs on ("launched a mediation effort", "arrived for talks").

Where a non-violent event's own object names nobody, `further_recipients` looks one step further: the
subject of what is demanded, what a declared or refused act is done to, who made or is named in the
object, whom a protest's purpose is aimed at ("demanded that the US cancel ...", "threatened to break
relations with Russia", "rejected calls by X", "marched to demand the resignation of X").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from warlog.actors.linker import LinkedMention
from warlog.packs.cues import CuePack

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj"})
# a clause without its own subject borrows that of the clause it hangs on; an adjective of will or
# readiness ("is willing to withdraw", "is ready to talk") passes its copula's subject to its complement
BORROWING = frozenset({"xcomp", "conj", "pcomp", "prep", "acl", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# verbs whose object is the event and whose subject its actor: "launched an offensive", "dropped barrel bombs"
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "make", "begin", "start", "continue", "step", "wage", "resume",
    "intensify", "escalate", "unleash", "drop", "fire", "lob", "hurl", "throw", "detonate", "impose", "lodge",
    "issue", "open", "declare", "announce", "reach", "conclude", "hold", "order",
})  # fmt: skip


class MentionIndex:
    """Actor mentions of a document, looked up by token."""

    def __init__(self, doc, mentions: Iterable[LinkedMention]) -> None:
        self._by_token: dict[int, LinkedMention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self._by_token[token.i] = mention

    def at(self, token: Token) -> LinkedMention | None:
        return self._by_token.get(token.i)

    def in_phrase(self, head: Token) -> LinkedMention | None:
        """The mention a noun phrase denotes: its head's own, else the first inside its modifiers
        ("two-hundred I.S. jihadists" → I.S.), not looking into clauses or most prepositions."""
        own = self.at(head)
        if own is not None:
            return own
        for child in head.children:  # "the group, Boko Haram, ...": a name in apposition before any modifier
            if child.dep_ == "appos" and _after_comma(child) and self.at(child) is not None:
                return self.at(child)
        pronoun: LinkedMention | None = None  # "its European Community partners": the name, not "its"
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss", "appos", "nummod") and child.i < head.i:
                found = self.at(child) or self.in_phrase(child)
                if found is not None and child.pos_ == "PRON":
                    pronoun = pronoun or found
                elif found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ == "of":  # "hundreds of people", "members of Hamas"
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        found = self.in_phrase(grandchild)
                        if found is not None:
                            return found
        return pronoun


def _after_comma(token: Token) -> bool:
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it: "Iran and Russia"."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(with_conjuncts(child))
    return out


def actors_of(tokens: Iterable[Token], index: MentionIndex) -> tuple[str, ...]:
    ids: list[str] = []
    for token in tokens:
        for member in with_conjuncts(token):
            mention = index.in_phrase(member)
            if mention is not None and mention.actor.id not in ids:
                ids.append(mention.actor.id)
            if mention is not None and index.at(member) is None:  # "scores of Sierra Leonean and Liberian refugees"
                for other in _counted_members(member)[1:]:
                    more = index.in_phrase(other)
                    if more is not None and more.actor.id not in ids:
                        ids.append(more.actor.id)
    return tuple(ids)


def _counted_members(head: Token) -> list[Token]:
    """What a number or a quantity is of, with its conjuncts: "scores of X and Y" -> X, Y."""
    if head.lemma_.lower() not in ("score", "dozen", "hundred", "thousand", "group", "number") and head.pos_ != "NUM":
        return []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return with_conjuncts(pobj)
    return []


def objects_of(verb: Token) -> list[Token]:
    """The objects of a verb; a verb coordinated before another shares its object ("bombed and shelled
    rebel positions")."""
    own = [c for c in verb.children if c.dep_ in OBJECTS]
    if own:
        return own
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > verb.i:
            shared = [c for c in child.children if c.dep_ in OBJECTS]
            if shared:
                return shared
    return []


def _subject(verb: Token, cues: CuePack) -> tuple[Token | None, bool]:
    """The verb's subject (climbing to the clause it borrows from) and whether the verb is passive. A
    subject raised from a passive clause acts in an active complement ("the army is expected to attack",
    "X was accused of attacking Y"); a bare participle is passive ("Hamedani was reported killed")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) and not _stative(verb)
    passive = passive or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "xcomp", "oprd"))
    current, raised = verb, False
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
                child = participle_subject(child)
                return child, passive or (child.dep_ in PASSIVE_SUBJECTS and not raised and not _stative(current))
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ == "acl" and current.tag_ == "VBN":  # "60-70 Iranians killed in Syria"
            return current.head, True
        participle = current.dep_ == "advcl" and current.tag_ == "VBG"  # "took a run at Aleppo, targeting ..."
        if _said_by_statement(current):  # "issued a statement condemning the attack": the issuer condemns
            current = current.head.head
            continue
        if (current.dep_ not in BORROWING and not participle) or current.head.i == current.i:
            break
        raised = raised or current.dep_ in ("xcomp", "pcomp")
        current = current.head
        if _aside(current, cues) and verb.dep_ != "parataxis":  # "not only X, the Embassy noted, but Y"
            current = current.head
    return orphan_subject(verb), passive


def participle_subject(subject: Token) -> Token:
    """The noun of a clausal subject the parser made of a noun and its participle ("armed men driving a
    pickup attacked": "driving" is the subject, "men" its own), else the subject itself."""
    if subject.dep_ == "csubj" and subject.tag_ == "VBG":
        nouns = [c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        if nouns:
            return nouns[0]
    return subject


# the dependencies of a noun the parser set apart from the verb it is the subject of
ORPHAN_DEPS = frozenset({"appos", "npadvmod", "nsubj"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
ORPHAN_HOLDERS = frozenset({"GPE", "LOC", "FAC", "PERSON"})  # a place name, or one the tagger took for a person


def orphan_subject(verb: Token) -> Token | None:
    """The subject of a main verb the parser left without one, in the "On <date>, in <place>, <who> <did>"
    style of event notes: a noun it hung on the place before ("in Manaus, Amazonas, a man was beaten": an
    apposition of the place), or the subject of a participle that describes it ("armed men driving two
    vehicles attacked a patrol"). Only a noun before the verb with no finite verb between them."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return None
    for i in range(verb.i - 1, verb.sent.start - 1, -1):
        token = verb.doc[i]
        if token.head.i == verb.i and token.dep_ in ("aux", "auxpass", "neg", "advmod"):
            continue  # "was", "has", "not": the verb's own words
        if (token.tag_ in FINITE_TAGS and token.dep_ != "relcl") or token.text in (";", ":"):
            return None  # "armed men who arrived on motorcycles attacked": a relative clause does not stop it
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ORPHAN_DEPS or token.head.i == verb.i:
            continue
        head = token.head
        if token.dep_ == "nsubj" and head.tag_ == "VBG" and head.dep_ in ("prep", "acl", "advcl") and head.i < verb.i:
            return token  # "armed men driving two vehicles attacked"
        if token.dep_ in ("appos", "npadvmod") and head.pos_ == "PROPN" and head.ent_type_ in ORPHAN_HOLDERS:
            return token  # "in Manaus, Amazonas, a man was beaten"
    return None


# nouns of a text that says something: a participle on one ("a statement condemning X") speaks for whoever
# issued it
STATEMENT_NOUNS = frozenset({
    "statement", "declaration", "communique", "communiqué", "letter", "message", "resolution", "note", "appeal",
})  # fmt: skip


def _said_by_statement(clause: Token) -> bool:
    """ "issued a declaration demanding that ...": a present participle on a statement that is the object of
    a verb."""
    noun = clause.head
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBG"
        and noun.lemma_.lower() in STATEMENT_NOUNS
        and noun.dep_ in OBJECTS
        and noun.head.pos_ == "VERB"
    )


# participles that say a state of their subject, not what was done to it: "Vietnam is committed to reform",
# "the army is determined to retake the town"
STATIVE_PARTICIPLES = frozenset({"commit", "determine", "resolve", "dedicate"})


def _stative(verb: Token) -> bool:
    """ "is committed to X": the subject holds the commitment; no agent acted on it."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children)


def _aside(token: Token, cues: CuePack) -> bool:
    """A reporting verb (of `cues`) set in the sentence as an aside ("..., the Embassy noted, ..."): what
    is coordinated with it continues the clause it interrupts."""
    return token.dep_ == "parataxis" and cues.verb(token.lemma_) is not None


def _resolve_pronoun(subject: Token, index: MentionIndex) -> Token | None:
    """ "Russia announced that it had hit ...": the reporter; "Russia denied that its jets had bombed ...":
    the reporter's own; "the rebels who ...": the noun."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is not None and subject.pos_ == "NOUN":
        return _reporter(subject.head, index) or subject
    if subject.lower_ not in PRONOUNS:
        return subject
    return _reporter(subject.head, index) or (subject if index.at(subject) is not None else None)


def _reporter(clause: Token, index: MentionIndex) -> Token | None:
    """The subject of the verb whose reported clause `clause` is, when it names an actor."""
    while clause.dep_ in ("conj",) and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp":
        for child in clause.head.children:
            if child.dep_ in SUBJECTS and index.in_phrase(child) is not None:
                return child
    return None


def attributive_modifiers(token: Token) -> list[Token]:
    """The hyphenated modifiers of a participle set before its noun — "Iran" in "Iran-backed militias",
    "U.S." in "the U.S.-supported opposition" — or [] when the token is not such a participle."""
    if token.dep_ != "amod" or token.tag_ not in ("VBN", "JJ") or token.i == 0 or token.nbor(-1).text != "-":
        return []
    return [c for c in token.children if c.i < token.i and c.dep_ in ("npadvmod", "compound", "nmod", "amod")]


def verb_roles(
    verb: Token, index: MentionIndex, recipient_preps: tuple[str, ...], cues: CuePack
) -> tuple[tuple, tuple]:
    """(actor ids, recipient ids) of a verbal trigger; a hyphenated participle's modifier acts on the
    noun it qualifies ("Iran-backed militias": Iran backs the militias). `cues` are the reporting verbs
    (an aside, "..., the Embassy noted, ...", does not hide the subject)."""
    modifiers = attributive_modifiers(verb)
    if modifiers:
        actors = actors_of(modifiers, index)
        own = index.at(verb.head)
        recipients: tuple[str, ...] = (own.actor.id,) if own is not None else ()
        return actors, tuple(r for r in recipients if r not in actors)
    subject, passive = _subject(verb, cues)
    if subject is None and _infinitive_on_noun(verb):  # "signed an accord to supply Syria": Russia supplies
        noun = verb.head
        if index.in_phrase(noun) is not None:  # "sent troops to fight the rebels": the troops fight
            subject, passive = noun, False
        elif noun.dep_ in OBJECTS and noun.head.pos_ == "VERB":
            subject, _ = _subject(noun.head, cues)
    if subject is not None:
        subject = _resolve_pronoun(subject, index)
    agents = passive_agents(verb) if passive else []
    objects = objects_of(verb)
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in recipient_preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if passive:
        actors = actors_of(agents, index)
        recipients = actors_of([subject] if subject is not None else [], index)
    else:
        actors = actors_of([subject] if subject is not None else [], index)
        if not objects and verb.dep_ == "relcl" and subject is not None and subject.i != verb.head.i:
            objects = [verb.head]  # "the hundreds of people Russia killed": the noun is the object
        recipients = actors_of(objects, index) or actors_of([_identified(o) for o in objects], index)
    return actors, tuple(r for r in recipients if r not in actors)


def passive_agents(verb: Token) -> list[Token]:
    """The "by" objects of a passive verb, also where the parser took "by" for a plain preposition ("was
    beaten to death by 15 men"); not a time ("by Monday")."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents or verb.tag_ != "VBN":
        return agents
    return [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
        for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.ent_type_ not in ("DATE", "TIME")
    ]  # fmt: skip


def _infinitive_on_noun(verb: Token) -> bool:
    """ "an accord to supply X", "troops to fight": a "to" infinitive on a noun."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _identified(noun: Token) -> Token:
    """What a copula says the noun is: "the hundreds of people Russia killed ... were the rebels"."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ == "be":
        for child in noun.head.children:
            if child.dep_ == "attr":
                return child
    return noun


def noun_roles(
    noun: Token, index: MentionIndex, recipient_preps: tuple[str, ...], cues: CuePack
) -> tuple[tuple, tuple]:
    """(actor ids, recipient ids) of a nominal trigger: "Russia's intervention", "airstrikes on X"."""
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i]
    # "U.S. anti-I.S. strikes": an anti- modifier names the target, not the actor
    against = [m for m in modifiers if _is_anti(m)]
    modifiers = [m for m in modifiers if m not in against]
    actors = actors_of(modifiers, index)
    possessive = next((m for m in modifiers if m.dep_ == "poss" and m.lower_ in POSSESSIVE_PRONOUNS), None)
    if not actors and possessive is not None:  # "I.S. made gains since its capture of Ramadi"
        actors = _clause_subject(noun, index, cues)
    by = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    actors = actors or actors_of(by, index)
    carrier = _carrier(noun)  # "a mediation effort", "ten days of war games": the phrase's roles are the carrier's
    if not actors and carrier.i != noun.i:
        actors = actors_of([c for c in carrier.children if c.dep_ in ("poss", "compound", "amod") and c.i < noun.i],
                           index)  # fmt: skip
    light = carrier.head if carrier.dep_ in OBJECTS and carrier.head.lemma_ in LIGHT_VERBS else None
    if not actors and light is not None:
        actors, _ = verb_roles(light, index, (), cues)
    if not actors and _travelled_for(carrier):  # "negotiators return to Geneva for talks"
        actors, _ = verb_roles(carrier.head.head, index, (), cues)
    # the light verb's prepositions too: "launched an effort on Saturday between X and Y"
    heads = [noun, *([carrier] if carrier.i != noun.i else []), *([light] if light is not None else [])]
    targets = [
        g
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in recipient_preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    recipients = actors_of(targets, index) or _anti_targets(against, index)
    return actors, tuple(r for r in recipients if r not in actors)


POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
# nouns that carry an event noun and take its roles: "launched a mediation effort between X and Y", "began ten
# days of war games", "held a round of talks with X"
CARRIERS = frozenset({
    "effort", "attempt", "bid", "initiative", "mission", "day", "week", "month", "hour", "round", "series", "wave",
    "spate",
})  # fmt: skip
# verbs of going somewhere, whose purpose "for talks" tells an event of their subject ("arrived for talks")
TRAVEL_VERBS = frozenset({"return", "arrive", "travel", "go", "come", "fly", "head", "gather", "convene", "leave"})


def _carrier(noun: Token) -> Token:
    """The noun that carries an event noun ("effort" of "a mediation effort", "days" of "ten days of war
    games"), or the noun itself."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in CARRIERS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CARRIERS:
        return noun.head.head
    return noun


def _travelled_for(noun: Token) -> bool:
    """ "returned to Geneva for talks": the noun is the purpose of a journey."""
    preposition = noun.head
    return noun.dep_ == "pobj" and preposition.lower_ == "for" and preposition.head.lemma_.lower() in TRAVEL_VERBS


def _is_anti(modifier: Token) -> bool:
    doc = modifier.doc
    if any(t.lower_.startswith("anti") for t in modifier.subtree):
        return True
    first = modifier.left_edge.i
    return first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ == "anti"


def _clause_subject(token: Token, index: MentionIndex, cues: CuePack) -> tuple[str, ...]:
    """The actors of the nearest verb above `token`: who "its"/"their" refers to."""
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return ()
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            subject, _ = _subject(current, cues)
            return actors_of([subject], index) if subject is not None else ()
    return ()


def _anti_targets(modifiers: list[Token], index: MentionIndex) -> tuple[str, ...]:
    ids: list[str] = []
    for modifier in modifiers:
        for token in modifier.subtree:
            mention = index.at(token)
            if mention is not None and mention.actor.id not in ids:
                ids.append(mention.actor.id)
    return tuple(ids)


# prepositions whose object may be what an event is done to, with, or against, when it is reached through
# the event's content or its object ("threatened to break relations with Russia", "rejected calls by X",
# "welcomed the resumption of ties with X", "condemned an attack by X's soldiers")
CONTENT_PREPS = frozenset({"with", "to", "against", "from", "on", "into", "at", "for", "of", "by", "toward", "towards"})
# the types whose content clause says what is asked, alleged, threatened or allowed of its subject
# ("demanded that the US cancel the sale": the US is asked; "allowed the candidate to run")
ASKING_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "CONCEDE"})
# verbs of a purpose that names whom a protest or an act is aimed at ("to demand the resignation of X",
# "calling for independence from X", "to press their demands on X's government")
PURPOSE_VERBS = frozenset({"demand", "call", "press", "protest", "seek", "urge", "push", "denounce", "condemn"})
NOMINAL_DEPS = frozenset({"dobj", "obj", "dative", "pobj", "nsubjpass", "attr", "oprd"})


def further_recipients(
    token: Token, index: MentionIndex, actors: tuple[str, ...], event_type: str, *, own: bool = False
) -> tuple[str, ...]:
    """The recipients of an event whose own object and prepositions name none, found one step further, in
    this order: the subject of the content clause of a demand, an allegation, a threat or a concession
    ("demanded that the US cancel ...", "allowed the candidate to run"); what the act it declares, refuses
    or offers is done to ("threatened to break relations with Russia", "offered to hand over two suspects
    to Britain"); who made or is named in its object ("rejected calls by Belarus's rulers", "suspended a
    program for Bosnia"); whom the purpose it serves is aimed at ("staged demonstrations to demand reforms
    by X's government"). The first step that names an actor other than the event's own actors gives the
    recipients; a party named only as where the event took place ("delivered food in X") is none. With
    `own`, the trigger's own object and prepositions come first (for an index of other mentions than the
    actors': the states named as places)."""
    verb = (
        token if token.pos_ == "VERB" else token.head if token.dep_ in OBJECTS and token.head.pos_ == "VERB" else None
    )
    if verb is not None and any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children) and not _stative(verb):
        return ()  # "was arrested for collaborating with Israel": the patient is the subject, named or not
    heads = [token] if verb is None or verb.i == token.i else [token, verb]
    # the trigger's own arguments, but not "by" (an actor) nor "of" ("the deployment of NATO troops": who
    # deploys, or what is deployed)
    mine = [n for head in heads for n in _arguments(head) if n.head.lower_ not in ("by", "of")]
    steps: list[list[Token]] = [mine] if own else []
    if event_type in ASKING_TYPES:
        steps.append([c for head in heads for clause in head.children if clause.dep_ in ("ccomp", "acl")
                      for c in clause.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"])  # fmt: skip
    content = [c for c in (verb or token).children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    done = [n for clause in content for n in _arguments(clause)]
    steps.append([*done, *_nested_all(done)])
    if event_type == "THREATEN":  # "threatened to stop the talks if the United States goes ahead": who must yield
        conditions = [c for h in (*heads, *content) for c in h.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]  # fmt: skip
        steps.append([s for c in conditions for s in c.children if s.dep_ in SUBJECTS])
    steps.append([n for start in _arguments(token) for n in _nested(start)])
    purposes = [c for head in heads for c in head.children if c.dep_ in ("advcl", "xcomp", "acl", "prep")
                and (c.lemma_.lower() in PURPOSE_VERBS or _in_protest(c))]  # fmt: skip
    # "signed an accord to supply X": the purpose told on the object
    purposes += [c for o in objects_of(verb or token) for c in o.children if _infinitive_on_noun(c)]
    aims = [n for clause in purposes for n in _arguments(clause)]
    steps.append([*aims, *_nested_all(aims)])
    for nouns in steps:
        found = tuple(r for r in actors_of(nouns, index) if r not in actors)
        if found:
            return found
    return ()


def _arguments(head: Token) -> list[Token]:
    """The objects of a verb (or of a noun, its prepositions' objects), and the objects of its prepositions
    that may name a recipient."""
    if head.dep_ == "prep":  # "in protest of X"
        return [g for g in head.children if g.dep_ == "pobj"]
    found = [c for c in head.children if c.dep_ in NOMINAL_DEPS] if head.pos_ == "VERB" else []
    found += [g for c in head.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if head.pos_ == "VERB":
        found += [g for c in head.children if c.dep_ == "prt" for g in c.children if g.dep_ == "pobj"]
    return found


def _nested(noun: Token) -> list[Token]:
    """The nouns a noun phrase leads to through its possessor and its prepositions, nearest first:
    "calls by Belarus's rulers" -> rulers, Belarus."""
    found = [c for c in noun.children if c.dep_ == "poss"]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found += [grandchild, *(c for c in grandchild.children if c.dep_ == "poss")]
                    found += [g for c in grandchild.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
                              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return found


def own_objects(verb: Token, index: MentionIndex) -> tuple[str, ...]:
    """The actors that the objects of a verb owned by its subject are ("withdrew its troops", "deployed their
    police"): the actor's own, moved or used, and no recipient of what it does ("its blockade of Kessa":
    Kessa is no part of the actor)."""
    if verb.pos_ != "VERB":
        return ()
    owned = [
        o for o in objects_of(verb) if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in o.children)
    ]
    return tuple(dict.fromkeys(m.actor.id for o in owned if (m := index.at(o)) is not None))


def _nested_all(nouns: list[Token]) -> list[Token]:
    return [n for noun in nouns for n in _nested(noun)]


def _in_protest(prep: Token) -> bool:
    """ "in protest of/against X": the prepositional phrase of a grievance."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(g.dep_ == "pobj" and g.lemma_.lower() == "protest" for g in prep.children)
    )
