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
from warlog.packs.lexicon import ViolenceWords

Pair = tuple[str, str]
NO_PIECE: Pair = ("", "no piece")  # sentinels of _outcome
REPEAT: Pair = ("", "repeat")
VIOLENT_DEMONSTRATION = ("Riots", "Violent demonstration")
EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters")
INTERVENTION = ("Protests", "Protest with intervention")
RANK = (VIOLENT_DEMONSTRATION, EXCESSIVE_FORCE, INTERVENTION)
WINDOW = 2  # sentences after the protest's own
GRIEVANCE_PREPOSITIONS = frozenset({"against", "over", "for", "about", "after", "following"})
DEMAND_VERBS = frozenset({"demand", "call", "denounce", "condemn", "decry", "seek", "urge"})
WORDS = ViolenceWords.builtin()
FORCEFUL_MODES = frozenset({None, "firearms", "beat", "primitive", "targeted", "crowd-control"})


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
            piece, role = _role(event, other, kinds)
            if piece:
                pieces.append((other, role))
        rough = _violent_means(doc, event, first, sentence_of, text)
        if not pieces and not rough:
            continue
        outcomes = [role for _, role in pieces if role is not None] + ([VIOLENT_DEMONSTRATION] if rough else [])
        code = min(outcomes, key=RANK.index) if outcomes else None
        folded.update(piece.id for piece, _ in pieces)
        out[event.id] = _with_pieces(event, [piece for piece, _ in pieces], code)
    return [out.get(e.id, e) for e in events if e.id not in folded]


def _role(protest: EventCandidate, other: EventCandidate, kinds: dict[str, str]) -> tuple[bool, Pair | None]:
    """Whether an event is a piece of the protest, and the ACLED outcome it says (None: a repeat)."""
    outcome = _outcome(protest, other, kinds)
    return (outcome is not NO_PIECE, None if outcome in (NO_PIECE, REPEAT) else outcome)


def _outcome(protest: EventCandidate, other: EventCandidate, kinds: dict[str, str]) -> Pair:
    by_state = bool(other.actors) and all(kinds.get(a) in STATE_KINDS for a in other.actors)
    by_state = by_state or (not other.actors and other.actor_kinds == (ARMED,))  # "the police dispersed them"
    by_protesters = not other.actors or set(other.actors) <= set(protest.actors)
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
            if lemma in THROWING and not _by_forces(token):
                thrown = [t for c in token.children for t in (c, *c.children) if t.dep_ in ("dobj", "pobj")]
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
    token = doc[protest.token]
    zone: set[int] = set()
    for child in token.children:
        about = child.dep_ == "prep" and child.lower_ in GRIEVANCE_PREPOSITIONS
        demand = child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in DEMAND_VERBS
        if about or demand:
            zone.update(t.i for t in child.subtree)
    if other.token in zone:
        return True
    before, at = (other.date.value if other.date else None), (protest.date.value if protest.date else None)
    return before is not None and at is not None and before[:10] < at[: len(before[:10])]


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
