"""A protest and what happened at it are one incident.

News tells a protest in pieces: "residents marched in X. They burned tyres and blocked the road. Police
dispersed them with tear gas and arrested 60." ACLED codes the whole as one event whose sub-event type
says how it went, and so does warlog: the protest takes the pieces that follow it (in its sentence and
the next two, in its paragraph, up to the next protest of other people) as further evidence, and its
ACLED sub-event type from them, in ACLED's order:

1. the protesters turn violent (a riot or vandalism; an attack, a burning or a looting by the protesters
   or by no one named; tyres or barricades burned, stones thrown) -> Riots, Violent demonstration;
2. the authorities use lethal or injuring force (an attack by the state with dead or wounded) ->
   Protests, Excessive force against protesters;
3. the authorities intervene (disperse, tear gas, arrest, any coercion by the state or by no one named)
   -> Protests, Protest with intervention;
4. otherwise it stays what its trigger said (a peaceful protest).

What the pieces say is read off the words too, where no event was found for it: the protest "turned
violent", "scuffles broke out", protesters "smashed windows" or clashed with the police (1); the police
"suppressed" or "broke up" the protest (3). And force used on protesters is coded as ACLED codes it even when
the text names no protest event: "security forces opened fire on demonstrators" is Excessive force against
protesters (with dead or wounded) or a Protest with intervention, and "clashes between police and
protesters" a Violent demonstration; the words are data/packs/lexicon/violence.yaml.

A piece folded into the protest is no event of its own (one incident, one event, one ACLED row); a
piece by other actors (soldiers attacking a village the same day) is left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.events.candidate import EventCandidate
from warlog.events.codes import STATE_KINDS, acled_to_case
from warlog.events.means import ARMED, actor_kinds
from warlog.events.roles import with_conjuncts
from warlog.packs.lexicon import ViolenceWords

Pair = tuple[str, str]
# the kinds of an unnamed crowd that protests: its people (civilians) or the protesters themselves
CROWD_KINDS = frozenset({"civilians", "political_party"})
NO_PIECE: Pair = ("", "no piece")  # sentinels of _outcome
REPEAT: Pair = ("", "repeat")
VIOLENT_DEMONSTRATION = ("Riots", "Violent demonstration")
EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters")
INTERVENTION = ("Protests", "Protest with intervention")
RANK = (VIOLENT_DEMONSTRATION, EXCESSIVE_FORCE, INTERVENTION)
WINDOW = 2  # sentences after the protest's own
GRIEVANCE_PREPOSITIONS = frozenset({"against", "over", "for", "about", "after", "following"})
DEMAND_VERBS = frozenset({"demand", "call", "denounce", "condemn", "decry", "seek", "urge"})
# verbs by which an event causes a protest ("the shooting sparked protests", "the killing led to protests"):
# what is told before such a verb is the protest's cause, not what happened at it
CAUSING_VERBS = frozenset({
    "spark", "trigger", "prompt", "provoke", "ignite", "fuel", "cause", "unleash", "spur", "inspire", "lead",
    "touch", "set",
})  # fmt: skip
WORDS = ViolenceWords.builtin()
FORCEFUL_MODES = frozenset({None, "firearms", "beat", "primitive", "targeted", "crowd-control"})
# coercion by decree, which answers a protest but is no intervention at it
POLICY_MODES = frozenset({"curfew", "martial-law"})


def fold_protests(doc: Doc, text: str, events: list[EventCandidate], kinds: dict[str, str]) -> list[EventCandidate]:
    """The events with each protest's pieces folded into it (see the module docstring)."""
    sentence_of = _sentence_index(doc, events)
    folded: set[str] = set()
    out: dict[str, EventCandidate] = {}
    for event in events:
        if event.id in folded or event.type != "PROTEST" or event.mode in ("riot", "vandalize"):
            continue
        first = sentence_of[event.id]
        pieces: list[tuple[EventCandidate, Pair | None]] = []
        casualties: list[EventCandidate] = []  # the dead or wounded of its sentence that no one is named for
        for other in events:
            if other.id == event.id or other.id in folded or other.id in out:
                continue
            at = sentence_of[other.id]
            if at < first or at > first + WINDOW or other.start < event.start and at != first:
                continue
            if "\n\n" in text[min(event.start, other.start) : max(event.end, other.end)]:
                continue
            if other.type == "PROTEST" and other.actors and event.actors and set(other.actors) != set(event.actors):
                break  # another protest, by other people
            if _grievance(doc, event, other):
                continue
            piece, role = _role(doc, event, other, kinds)
            if piece:
                pieces.append((other, role))
            elif at == first and _unclaimed_casualties(other):
                casualties.append(other)
        rough = _violent_means(doc, event, first, sentence_of, text) or _turned_violent(doc, event, first, text)
        broken_up = _suppressed(doc[event.token])
        if not pieces and not rough and not broken_up:
            continue
        outcomes = [role for _, role in pieces if role is not None] + ([VIOLENT_DEMONSTRATION] if rough else [])
        outcomes += [INTERVENTION] if broken_up else []
        code = min(outcomes, key=RANK.index) if outcomes else None
        if code == INTERVENTION and casualties:  # "two were killed after police dispersed the protest"
            code = EXCESSIVE_FORCE
            pieces += [(c, EXCESSIVE_FORCE) for c in casualties]
        folded.update(piece.id for piece, _ in pieces)
        out[event.id] = _with_pieces(event, [piece for piece, _ in pieces], code)
    kept = [out.get(e.id, e) for e in events if e.id not in folded]
    return [_force_on_protesters(doc, e, kinds) if e.id not in out else e for e in kept]


def _force_on_protesters(doc: Doc, event: EventCandidate, kinds: dict[str, str]) -> EventCandidate:
    """An attack on protesters, or a clash with them, that no protest of the text took: coded as ACLED codes
    force at a protest (see the module docstring)."""
    if event.type != "ASSAULT" or event.territory or not 0 <= event.token < len(doc):
        return event
    code = _protest_outcome(doc, event, kinds)
    return _with_pieces(event, [], code) if code is not None else event


def _protest_outcome(doc: Doc, event: EventCandidate, kinds: dict[str, str]) -> Pair | None:
    """What an assault says of a protest from its words: a clash of protesters with the police (a violent
    demonstration), or force by the state or by no one named on protesters (excessive force when it killed
    or wounded, else an intervention); None when it is neither."""
    if event.type != "ASSAULT" or event.mode not in FORCEFUL_MODES:
        return None
    token = doc[event.token]
    sides = _sides(token)
    if any(_is_protester(t) for t in sides) and any(_is_force(t) for t in sides):
        return VIOLENT_DEMONSTRATION  # "clashes between police and protesters", "protesters clashed with police"
    by_state = bool(event.actors) and all(kinds.get(a) in STATE_KINDS for a in event.actors)
    by_state = by_state or (not event.actors and ARMED in event.actor_kinds)
    struck = [t for t in _struck(token) if _is_protester(t)]
    if struck and any(_violent_crowd(t) for t in struck):
        return VIOLENT_DEMONSTRATION  # ACLED: the protesters' violence decides, whatever the police did
    if struck and (by_state or (not event.actors and not event.actor_kinds)):
        return EXCESSIVE_FORCE if _harmed(event) else INTERVENTION
    if event.mode == "crowd-control" and _harmed(event) and (by_state or not event.actors):
        return EXCESSIVE_FORCE  # "dozens were injured as police fired rubber bullets": force on a crowd
    return None


def _is_protester(token: Token) -> bool:
    return token.lemma_.lower() in WORDS.protesters or token.lower_ in WORDS.protesters


def _is_force(token: Token) -> bool:
    return token.lemma_.lower() in WORDS.armed_targets or token.lower_ in WORDS.armed_targets


def _sides(token: Token) -> list[Token]:
    """The parties of a clash: its subject and the objects of its "between"/"with"/"against" phrases, for a
    noun trigger also those of the verb it is the subject of ("clashes erupted between police and ...")."""
    heads = [token]
    if token.pos_ != "VERB" and token.dep_ in ("nsubj", "nsubjpass"):
        heads.append(token.head)
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubj", "compound"):
                found.extend(with_conjuncts(child))
            elif child.dep_ == "prep" and child.lower_ in ("between", "with", "against"):
                found.extend(t for g in child.children if g.dep_ == "pobj" for t in with_conjuncts(g))
    return found


def _struck(token: Token) -> list[Token]:
    """Whom an attack struck, as words: its object, its passive subject ("protesters were killed"), the
    object of its "on"/"at"/"against" phrase ("opened fire on demonstrators"), and the object of a purpose
    that breaks up a crowd ("fired tear gas to disperse the protesters")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.extend(with_conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in ("on", "at", "against", "into"):
            found.extend(t for g in child.children if g.dep_ == "pobj" for t in with_conjuncts(g))
        elif child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in WORDS.suppressed_protest:
            found.extend(t for g in child.children if g.dep_ == "dobj" for t in with_conjuncts(g))
    if token.lemma_.lower() == "open":  # "opened fire on demonstrators": the phrase hangs on "fire"
        for fire in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"):
            found.extend(_struck(fire))
    return found


def _suppressed(token: Token) -> bool:
    """The protest is what the authorities broke up: the object (or passive subject) of a verb of
    suppressing ("police suppressed a student demonstration", "the rally was dispersed", "cracked down on
    the protest", "broke up the march")."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "on":
        head = head.head  # "cracked down on the protest"
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if head.pos_ != "VERB" or head.lemma_.lower() not in WORDS.suppressed_protest:
        return False
    if head.lemma_.lower() in ("break", "crack"):  # "broke up", "cracked down": not "broke the law"
        return any(c.dep_ == "prt" and c.lower_ in ("up", "down") for c in head.children)
    return True


def _turned_violent(doc: Doc, protest: EventCandidate, first: int, text: str) -> bool:
    """The protest turned violent, in its words ("the protest turned violent", "scuffles broke out", "a
    violent demonstration", "protesters smashed windows"), in its sentence or the next two of its
    paragraph (only its own when that one calls it peaceful), outside what it is against ("a march against
    gun violence") and not by the police."""
    sentences = list(doc.sents)
    zone = _grievance_zone(doc[protest.token])
    own = sentences[first]
    calm = any(t.lower_ in WORDS.peaceful and not _negated(t) for t in own)  # "the marches were peaceful"
    for sentence in sentences[first : first + (1 if calm else WINDOW + 1)]:
        if "\n\n" in text[protest.start : max(protest.start, sentence.start_char)]:
            break
        for token in sentence:
            if token.i in zone or _negated(token):
                continue
            lemma = token.lemma_.lower()
            if lemma in WORDS.violent_turn or token.lower_ in WORDS.violent_turn:
                if token.head.dep_ == "prep" and token.head.lower_ in GRIEVANCE_PREPOSITIONS:
                    continue  # "protested against violence"
                if _by_forces(token):
                    continue  # "police responded with violence": force on the protest, not its violence
                return True
            if token.pos_ == "VERB" and lemma in WORDS.wrecked_in_protest and _by_crowd(token):
                if lemma not in ("tear", "pull") or any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
                    return True
    return False


def _negated(token: Token) -> bool:
    """ "not violent", "non-violent", "without violence", "no violence"."""
    before = token.doc[max(token.i - 2, 0) : token.i]
    if any(t.lower_ in ("non", "nonviolent", "without", "no") for t in before):
        return True
    return any(c.dep_ == "neg" for c in (*token.children, *token.head.children))


def _by_crowd(verb: Token) -> bool:
    """The protesters (or a crowd, or a pronoun for them) do it, or no one named does (a passive)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("acl", "relcl"):
        subjects = [verb.head]  # "demonstrators barricading main roads", "protesters who smashed windows"
    if not subjects:
        return any(c.dep_ == "nsubjpass" for c in verb.children) and not _by_forces(verb)
    return all(_crowd(s) for s in subjects)


def _crowd(token: Token) -> bool:
    """A crowd's word, or a quantity of one ("a large number of demonstrators", "hundreds of them")."""
    if token.lemma_.lower() in CROWD or token.lower_ in CROWD:
        return True
    members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(g.dep_ == "pobj" and (g.lemma_.lower() in CROWD or g.lower_ in CROWD) for g in members)


def _violent_crowd(token: Token) -> bool:
    """Protesters told as doing violence themselves ("demonstrators who pelted stones at the police",
    "protesters smashing windows")."""
    for verb in (c for c in token.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
        lemma = verb.lemma_.lower()
        if lemma in WORDS.wrecked_in_protest and lemma not in ("tear", "pull"):
            return True
        thrown = [t for c in verb.children for t in (c, *c.children) if t.dep_ in ("dobj", "pobj")]
        if lemma in THROWING and any(t.lemma_.lower() in WORDS.thrown_in_protest for t in thrown):
            return True
    return False


def _grievance_zone(token: Token) -> set[int]:
    zone: set[int] = set()
    for child in token.children:
        about = child.dep_ == "prep" and child.lower_ in GRIEVANCE_PREPOSITIONS
        # "protested after police shot a man": a clause that says what the protest answers
        about = about or (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in GRIEVANCE_PREPOSITIONS for m in child.children)
        )
        demand = child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in DEMAND_VERBS
        if about or demand:
            zone.update(t.i for t in child.subtree)
    return zone


def _role(doc: Doc, protest: EventCandidate, other: EventCandidate, kinds: dict[str, str]) -> tuple[bool, Pair | None]:
    """Whether an event is a piece of the protest, and the ACLED outcome it says (None: a repeat)."""
    outcome = _outcome(protest, other, kinds)
    said = _protest_outcome(doc, other, kinds) if 0 <= other.token < len(doc) else None
    if said is not None and (outcome in (NO_PIECE, REPEAT) or RANK.index(said) < RANK.index(outcome)):
        outcome = said  # the words say more: "police clashed with rioters" is the rioters' violence
    return (outcome is not NO_PIECE, None if outcome in (NO_PIECE, REPEAT) else outcome)


def _outcome(protest: EventCandidate, other: EventCandidate, kinds: dict[str, str]) -> Pair:
    by_state = bool(other.actors) and all(kinds.get(a) in STATE_KINDS for a in other.actors)
    by_state = by_state or (not other.actors and other.actor_kinds == (ARMED,))  # "the police dispersed them"
    by_protesters = not other.actors or set(other.actors) <= set(protest.actors)
    # "workers staged a demonstration. They clashed with police": a crowd named again is the protesters
    crowd = other.type != "PROTEST" and not protest.actors and all(kinds.get(a) in CROWD_KINDS for a in other.actors)
    by_protesters = by_protesters or crowd
    by_protesters = by_protesters and not (set(other.actor_kinds) - {"civilians"})
    if other.type == "PROTEST":
        if other.mode in ("riot", "vandalize"):
            return VIOLENT_DEMONSTRATION if by_protesters else NO_PIECE
        return REPEAT if by_protesters else NO_PIECE  # "the demonstrations", "they blocked the road"
    if other.type == "ASSAULT" and _fighting(other) and (by_protesters or by_state):
        return VIOLENT_DEMONSTRATION  # "they clashed with police", "police clashed with the demonstrators"
    if other.type == "ASSAULT" and other.mode == "crowd-control":
        return EXCESSIVE_FORCE if _harmed(other) else INTERVENTION
    if other.type == "ASSAULT" and by_state and other.mode in FORCEFUL_MODES:
        return EXCESSIVE_FORCE if _harmed(other) else INTERVENTION
    if other.type == "COERCE" and other.mode in POLICY_MODES:
        return NO_PIECE  # "imposed a curfew after the demonstration": a measure of its own, not a piece of it
    if other.type == "COERCE" and (by_state or (not other.actors and other.mode == "restrict")):
        return INTERVENTION  # "police dispersed them"; a passive "was arrested" may be the grievance
    if other.type in ("ASSAULT", "COERCE") and by_protesters and other.actors:
        return VIOLENT_DEMONSTRATION  # "protesters burned tyres", "the demonstrators looted shops"
    if other.type == "ASSAULT" and not other.actors and other.mode in ("destroy", "primitive"):
        return VIOLENT_DEMONSTRATION  # "tyres were burned", "stones were thrown"
    return NO_PIECE


def _fighting(event: EventCandidate) -> bool:
    """A word of fighting between sides ("clashed with", "a clash between"): the protesters fought, whoever
    the word names first, and ACLED codes a demonstration that turns to fighting as a violent one."""
    rule = event.rule
    return (
        rule is not None
        and rule.acled == ("Battles", "Armed clash")
        and bool({"with", "between"} & set(rule.recipient_preps))
    )


BURNING = frozenset({"burn", "burning", "burned", "burnt", "fire", "alight", "ablaze", "torch", "blaze"})
THROWING = frozenset({"throw", "hurl", "pelt", "lob"})
CROWD = WORDS.crowd_actors | WORDS.protesters | {"they", "some", "many", "others", "several", "dozens", "hundreds",
                                                 "thousands"}  # fmt: skip


def _violent_means(doc: Doc, protest: EventCandidate, first: int, sentence_of: dict[str, int], text: str) -> bool:
    """The protesters burned tyres or barricades, or threw stones, in the protest's sentence or the next two
    of its paragraph ("blocked the road with burning tyres", "They threw stones at the centre"); what the
    police or armed men threw is theirs."""
    sentences = list(doc.sents)
    for sentence in sentences[first : first + WINDOW + 1]:
        if "\n\n" in text[protest.start : max(protest.start, sentence.start_char)]:
            break
        for token in sentence:
            lemma = token.lemma_.lower()
            if lemma in WORDS.burned_in_protest or token.lower_ in WORDS.burned_in_protest:
                near = sentence.doc[max(token.i - 3, sentence.start) : min(token.i + 4, sentence.end)]
                if any(t.lemma_.lower() in BURNING or t.lower_ in BURNING for t in near) and not _by_forces(token):
                    return True
            if _blockade(token) and not _by_forces(token):
                return True
            if lemma in THROWING and not _by_forces(token):  # "threw stones", "projectiles were thrown at"
                thrown = [
                    t for c in token.children for t in (c, *c.children) if t.dep_ in ("dobj", "pobj", "nsubjpass")
                ]
                if any(t.lemma_.lower() in WORDS.thrown_in_protest for t in thrown):
                    return True
    return False


def _blockade(token: Token) -> bool:
    """The road barricaded, or blocked with stones, tyres or burning things ("barricaded the main roads",
    "blocked the highway with rocks"): ACLED's violent demonstration. A road blocked by a sit-in is not."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma == "barricade":
        return True
    if lemma not in ("block", "close", "obstruct"):
        return False
    holders = [token, *(c for c in token.children if c.dep_ == "dobj")]  # the parser may hang "with" on the road
    used = [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    material = WORDS.burned_in_protest | WORDS.thrown_in_protest | {"barricade", "debris"}
    return any(
        g.lemma_.lower() in material or g.lower_ in material or any(c.lower_ in BURNING for c in g.children)
        for g in used
    )


def _by_forces(token: Token) -> bool:
    """Police or armed men do it ("police burned the barricades", "soldiers threw tear gas")."""
    verb = token
    while verb.pos_ != "VERB" and verb.head != verb:
        verb = verb.head
    return ARMED in actor_kinds(verb)


def _grievance(doc: Doc, protest: EventCandidate, other: EventCandidate) -> bool:
    """What the protest is about, not what happened at it: an event inside its "against"/"over"/"for"
    phrase or its demand ("protested against the arrest of X", "for ceasefire violations and targeting
    civilians", "demanding the arrest of the killers"), or one with a date of its own before the protest's."""
    if other.token in _grievance_zone(doc[protest.token]):
        return True
    cause = _causing_verb(doc[protest.token])
    if cause is not None and other.start < cause.idx:
        return True
    before, at = (other.date.value if other.date else None), (protest.date.value if protest.date else None)
    return before is not None and at is not None and before[:10] < at[: len(before[:10])]


def _causing_verb(token: Token) -> Token | None:
    """The verb that says what caused the protest, when its trigger is what the verb caused ("sparked
    protests", "protests were triggered by", "led to protests", "set off demonstrations")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ == "lead":
        return head.head
    if token.dep_ in ("dobj", "nsubjpass") and head.lemma_ in CAUSING_VERBS:
        return head
    return None


def _unclaimed_casualties(event: EventCandidate) -> bool:
    """A killing or a wounding that names no one who did it and no weapon of war ("two people were killed",
    "dozens were injured")."""
    return (
        event.type == "ASSAULT"
        and not event.actors
        and not event.actor_kinds
        and event.mode in (None, "firearms")
        and _harmed(event)
    )


def _harmed(event: EventCandidate) -> bool:
    return event.toll is not None or event.wounded is not None


def _with_pieces(protest: EventCandidate, pieces: list[EventCandidate], code: Pair | None) -> EventCandidate:
    codes = dict(protest.codes)
    if code is not None:
        codes.update(acled_event_type=code[0], acled_sub_event_type=code[1])
        case = acled_to_case(*code)
        if case:
            codes["case"] = case
    also = protest.also + tuple(item for p in pieces for item in ((p.start, p.end, p.text), *p.also))
    tolls = [p.toll for p in pieces if p.toll is not None]
    # whom the protesters fought is the other side of the protest ("they clashed with police")
    sides = [a for p in pieces if _fighting(p) for a in (*p.actors, *p.recipients) if a not in protest.actors]
    return replace(
        protest,
        recipients=protest.recipients or tuple(dict.fromkeys(sides)),
        codes=tuple(codes.items()),
        also=also,
        place=protest.place or next((p.place for p in pieces if p.place), None),
        date=protest.date or next((p.date for p in pieces if p.date), None),
        toll=protest.toll or (tolls[0] if tolls else None),
        wounded=protest.wounded or next((p.wounded for p in pieces if p.wounded), None),
        captured=protest.captured or next((p.captured for p in pieces if p.captured), None),
    )


def _sentence_index(doc: Doc, events: list[EventCandidate]) -> dict[str, int]:
    starts = [sentence.start_char for sentence in doc.sents]
    return {event.id: max(bisect_right(starts, event.start) - 1, 0) for event in events}
