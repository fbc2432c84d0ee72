"""Events read twice become one: an attack and the killing it caused, and one event told twice.

- Outcomes: "Russian airstrikes on Raqqa killed 15 civilians", "two people were killed and 18 wounded in
  a mortar attack", "five soldiers died in clashes", "struck Kurdish positions, killing 20 fighters":
  the killing (or the deaths) is what the attack did, not an event of its own. The attack (a nominal
  trigger, the subject of the outcome verb or the object of its "in"/"during"/"by"/"from"; or a verb with the
  outcome as its participle) takes the outcome's toll and victims, and the actors, place and date it
  lacks.
- Side phrases: a participle that tells how or at whom an attack was made ("attacked a patrol using
  grenades", "conducted airstrikes targeting LNA positions") is part of that attack (`merge_participles`).
- Aftermath: the toll of an incident told in a clause or a sentence of its own ("armed men attacked a
  patrol in X. Three officers died.", "Militants attacked a post. Two were killed, one from each side.",
  "... clashed with rebels, which resulted in 23 rebels dead"): the attack before it takes the toll, and a
  killing told without a perpetrator of its own is folded into it (`merge_aftermath`).
- Repeats: one event told twice ("Boko Haram attacked Maiduguri on Sunday. ... The Sunday attack on
  Maiduguri by Boko Haram ...") is one event with both evidence spans. When two candidates are one event
  is the `IN_DOCUMENT` preset of the incident rule, written once in warlog.incidents.policy: the same
  type, status and actors, compatible recipients and mode, no conflicting place or date, and the same
  place, date or killed count (or the same clause read twice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.actors.linker import PlaceMention
from warlog.doctext import doc_text, sentence_number
from warlog.events.candidate import EventCandidate
from warlog.events.roles import MentionIndex, actors_of
from warlog.events.tolls import VERB_KINDS, TollMention, singular_victims
from warlog.incidents.policy import IN_DOCUMENT, Telling
from warlog.packs.lexicon import ViolenceWords
from warlog.packs.ontology import Trigger

FIGURATIVE = ViolenceWords.builtin().figurative
REMOTE_TYPE = "Explosions/Remote violence"
CAUSE_PREPOSITIONS = frozenset({"in", "during", "by", "from", "due", "because", "owing"})  # "due to", "because of"


def absorb_outcomes(
    doc: Doc, text: str, events: list[EventCandidate], tolls: list[TollMention], index: MentionIndex
) -> list[EventCandidate]:
    """Each attack with the outcome verbs that report what it did folded into it."""
    by_token = {event.token: event for event in events}
    absorbed: set[int] = set()
    counted = {event.toll.start for event in events if event.toll is not None}
    merged: dict[int, EventCandidate] = {}
    for event in events:
        if not _causes(event) or event.token in absorbed:
            continue
        for verb in _outcome_verbs(doc[event.token]):
            outcome = by_token.get(verb.i)
            # what the attack itself did is its outcome, whatever it is ("the explosion destroyed vehicles")
            acted = outcome is not None and (doc[event.token].dep_ == "nsubj" or _outcome(outcome))
            if outcome is not None and outcome.type == "ASSAULT" and verb.i not in absorbed and acted:
                event = _fold(doc, text, event, outcome)
                absorbed.add(verb.i)
            elif event.toll is None and (toll := _toll_of(verb, tolls)) is not None and toll.start not in counted:
                event = _with_toll(doc, text, event, toll, index)
                counted.add(toll.start)
        merged[event.token] = event
    return [merged.get(e.token, e) for e in events if e.token not in absorbed]


def _outcome(event: EventCandidate) -> bool:
    """An act that is what an attack did to people (killed, wounded, shot), not an act of its own done
    during it: villages torched, people abducted or raped during a battle are events of their own."""
    return event.mode not in NOT_LETHAL or event.toll is not None


def _causes(event: EventCandidate) -> bool:
    """An attack or a riot causes deaths; a peaceful protest is where they happened, not what caused them."""
    return event.type == "ASSAULT" or (event.type == "PROTEST" and event.mode == "riot")


def nominal_verb(token: Token) -> bool:
    """A plural noun the tagger took for a verb after a run of names ("in Egyptian Air Force strikes"): a
    present-tense verb as the object of a preposition."""
    return token.tag_ in ("VBZ", "VBP") and token.dep_ == "pobj"


def _outcome_verbs(cause: Token) -> list[Token]:
    """The verbs that tell what `cause` did: for a noun, the verb it is the subject of ("airstrikes
    killed"), or the verb whose "in"/"during"/"by" it follows ("killed in a mortar attack"), with the
    verbs coordinated with it ("were killed and 18 wounded in ..."); for a verb, its participle without a
    subject of its own ("struck Kurdish positions, killing 20 fighters")."""
    if cause.pos_ == "VERB" and not nominal_verb(cause):
        verbs = [c for c in cause.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not _has_subject(c)]
        return [v for verb in verbs for v in (verb, *_conjuncts(verb))]
    if cause.dep_ == "nsubj":
        verb = cause.head
    elif cause.dep_ == "pobj" and cause.head.lower_ in CAUSE_PREPOSITIONS and cause.head.dep_ in ("prep", "agent"):
        verb = cause.head.head
    else:
        return []
    if verb.pos_ != "VERB":
        return []
    gapped = verb.dep_ == "acl" and verb.head.dep_ == "conj" and verb.head.head.pos_ == "VERB"
    root = verb.head.head if gapped else verb  # "one was killed and two others injured in the blast"
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return [root, *_conjuncts(root), *([verb] if gapped else [])]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _conjuncts(verb: Token) -> list[Token]:
    out = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            out += [child, *_conjuncts(child)]
    return out


def _toll_of(verb: Token, tolls: list[TollMention]) -> TollMention | None:
    """The killed-count a verb states ("five soldiers died") or its result does ("left five dead")."""
    for toll in tolls:
        if toll.kind == "killed" and toll.trigger is not None:
            said = verb.doc[toll.trigger]
            if said.i == verb.i or said.head.i == verb.i:
                return toll
    return None


def _with_toll(doc: Doc, text: str, event: EventCandidate, toll: TollMention, index: MentionIndex) -> EventCandidate:
    """The event with a toll its outcome states, the dead as recipients when it has none ("five Somali
    soldiers died in an ambush"), and the toll inside its evidence."""
    recipients = event.recipients
    if not recipients and toll.victims is not None:
        victims = doc.char_span(*toll.victims, alignment_mode="expand")
        found = actors_of([victims.root], index) if victims is not None else ()
        recipients = tuple(r for r in found if r not in event.actors)
    start, end = _within_sentence(doc, event, min(event.start, toll.start), max(event.end, toll.end))
    return replace(event, toll=toll, recipients=recipients, start=start, end=end, text=text[start:end])


def _within_sentence(doc: Doc, event: EventCandidate, start: int, end: int) -> tuple[int, int]:
    sentence = doc[event.token].sent
    return max(start, sentence.start_char), min(end, sentence.end_char)


def _fold(doc: Doc, text: str, cause: EventCandidate, outcome: EventCandidate) -> EventCandidate:
    """The cause with its outcome's toll, victims, and the actors, place and date it lacks. A clash's
    dead are one of its sides ("killed in clashes with Somali troops"); a verb's own object is its target
    ("struck Kurdish positions, killing 20 fighters"); a noun's victims are the outcome's."""
    start, end = _within_sentence(doc, cause, min(cause.start, outcome.start), max(cause.end, outcome.end))
    actors = cause.actors or outcome.actors
    verbal = doc[cause.token].pos_ == "VERB"
    if _reciprocal(cause):
        recipients = tuple(dict.fromkeys(outcome.recipients + cause.recipients))
    elif verbal:
        recipients = cause.recipients or outcome.recipients
    else:
        recipients = outcome.recipients or cause.recipients
    borrow = cause.mode is None and cause.type == outcome.type  # "killed in an attack": told by "killed"
    borrow = borrow and (outcome.mode is not None or not (verbal or _reciprocal(cause)))
    remote = cause.rule is not None and cause.rule.acled is not None and cause.rule.acled[0] == REMOTE_TYPE
    borrow = borrow and not remote  # "killed in air strikes": the strikes say how, the killing does not
    return replace(
        cause,
        actors=actors,
        recipients=tuple(r for r in recipients if r not in actors),
        toll=cause.toll or outcome.toll,
        place=cause.place or outcome.place,
        date=cause.date or outcome.date,
        status=outcome.status if cause.status.value == "asserted" and not verbal else cause.status,
        mode=outcome.mode if borrow else cause.mode,
        rule=outcome.rule if borrow else cause.rule,
        actor_kinds=cause.actor_kinds or outcome.actor_kinds,
        target_kinds=_target_kinds(cause, outcome, verbal),
        struck_ground=cause.struck_ground or outcome.struck_ground,
        start=start,
        end=end,
        text=text[start:end],
        also=cause.also + outcome.also,
    )


def _target_kinds(cause: EventCandidate, outcome: EventCandidate, verbal: bool) -> tuple[str, ...]:
    """Who the merged attack struck, as read off common nouns: a clash's dead are one of its sides and
    say nothing of the other; a verb's own object is its target; a noun's victims are the outcome's."""
    if _reciprocal(cause):
        return cause.target_kinds
    if verbal:
        return cause.target_kinds or outcome.target_kinds
    return outcome.target_kinds or cause.target_kinds


def _reciprocal(event: EventCandidate) -> bool:
    """A clash or a battle (its lexicon entry takes partners "with"/"between") is fought by both sides,
    whoever dies in it; a one-sided word ("attack", "raid") says less than the killing it caused."""
    return event.rule is not None and bool({"with", "between"} & set(event.rule.recipient_preps))


# the modes of an attack told by several verbs, the one ACLED codes first (warlog.events.means.REMOTE)
MODE_RANK = ("suicide-attack", "unconventional", "drone", "aerial", "explosives", "heavy-weapons")


def merge_coordinated(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """Attacks told by verbs coordinated under one subject are one incident ("the rebels fired mortars at
    and dropped grenades from a drone on positions near X"): the first verb's event takes the others'
    evidence, recipients, place, date and toll, and the means ACLED ranks first (a drone before
    artillery)."""
    out: list[EventCandidate] = []
    verbs: list[Token | None] = []
    for event in events:
        verb = _verb_of_event(doc, event)
        into = None
        if verb is not None and verb.dep_ == "conj" and not _has_subject(verb) and event.type == "ASSAULT":
            chain = _conjunct_heads(verb)
            into = next(
                (
                    i
                    for i, v in enumerate(verbs)
                    if v is not None and v.i in chain and (_joinable(out[i], event) or _dangling(v))
                ),
                None,
            )
        if into is None:
            out.append(event)
            verbs.append(verb)
            continue
        first = out[into]
        lead = first if (_mode_rank(first), _figurative(first)) <= (_mode_rank(event), _figurative(event)) else event
        out[into] = _joined(first, event, lead.mode, lead.rule)
    return out


def _joined(first: EventCandidate, event: EventCandidate, mode: str | None, rule: Trigger | None) -> EventCandidate:
    """`first` told once more by `event`: its evidence, the recipients, place, date, toll and targets it
    lacks, and the given means."""
    return replace(
        first,
        mode=mode,
        rule=rule,
        actors=first.actors or event.actors,  # "thwarted an attack and killed a fighter": the killers'
        recipients=tuple(dict.fromkeys(first.recipients + event.recipients)),
        place=first.place or event.place,
        date=first.date or event.date,
        toll=first.toll or event.toll,
        target_kinds=first.target_kinds or event.target_kinds,
        struck_ground=first.struck_ground or event.struck_ground,
        also=first.also + ((event.start, event.end, event.text), *event.also),
    )


PARTICIPLE_DEPS = frozenset({"advcl", "acl", "xcomp"})


def merge_participles(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """An attack told by a participle hung on another attack, with no subject of its own, is that attack:
    "attacked a police patrol using grenades and firearms", "conducted nine airstrikes targeting LNA
    positions", "opened fire on the convoy, targeting its escort". The host keeps its evidence and takes
    the participle's evidence, the recipients and place it lacks, and the means ACLED ranks first (a
    clash keeps its own: fought with artillery, it is still a clash)."""
    by_token = {event.token: i for i, event in enumerate(events)}
    out = list(events)
    folded: set[int] = set()
    for i, event in enumerate(events):
        host = _participle_host(doc, event, by_token)
        if host is None or host in folded or event.type != "ASSAULT" or out[host].type != "ASSAULT":
            continue
        first = out[host]
        if first.status.value != event.status.value:
            continue
        if event.actors and event.actors != first.actors and (first.actors or not _qualifies(doc[event.token])):
            continue
        if set(event.recipients) & set(first.actors):  # "foiled the bandits' attack, killing nine bandits"
            continue
        if event.place and first.place and event.place != first.place:
            continue
        # a clash fought with artillery is still a clash ("a clash between X and Y, involving heavy artillery fire")
        clash = _reciprocal(first)
        lead = first if clash or _mode_rank(first) <= _mode_rank(event) else event
        mode = first.mode if clash else lead.mode or first.mode or event.mode
        out[host] = _joined(first, event, mode, lead.rule if lead.mode and not clash else first.rule)
        folded.add(i)
    return [event for i, event in enumerate(out) if i not in folded]


def merge_devices(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """A device named as what exploded is that explosion's means, not an attack of its own: "the explosion
    of a landmine", "a blast from a car bomb", "an improvised explosive device (IED)"; and what a relative
    clause says an attack did is that attack ("an IED that targeted their vehicle"); a means of crowd control
    that a verb of attack fires is that attack's means ("police fired tear gas at the crowd")."""
    by_token = {event.token: i for i, event in enumerate(events)}
    out = list(events)
    into: dict[int, int] = {}  # a folded device's position -> the position it was folded into
    for i, event in enumerate(events):
        token = doc[event.token]
        if event.type != "ASSAULT" or event.actors:
            continue
        relative = token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in token.children)
        verbal = False
        if token.pos_ not in ("NOUN", "PROPN") and not relative:
            continue
        if relative:  # "an IED that targeted their vehicle": the device's attack, at whom
            host = by_token.get(token.head.i)
        elif token.dep_ == "pobj" and token.head.lower_ in ("of", "from"):
            host = by_token.get(token.head.head.i)
        elif token.dep_ == "appos":
            host = by_token.get(token.head.i)
        elif event.mode == "crowd-control" and (fired := _fired_object(token)) is not None:
            host = by_token.get(fired.head.i)  # "police fired tear gas at them": the firing is its use
            verbal = True
        else:
            continue
        while host in into:  # "the blast of a buried explosive device (IED)": the IED is that device
            host = into[host]
        if host is None or host == i or out[host].type != "ASSAULT":
            continue
        first = out[host]
        if first.status.value != event.status.value or (doc[first.token].pos_ not in ("NOUN", "PROPN") and not verbal):
            continue
        if first.mode and event.mode and first.mode != event.mode and not verbal:
            continue
        lead = event if verbal else first if first.mode or not event.mode else event
        out[host] = _joined(first, event, lead.mode, lead.rule)
        into[i] = host
    return [event for i, event in enumerate(out) if i not in into]


def _fired_object(token: Token) -> Token | None:
    """The direct object a noun is, or is a conjunct of ("fired rubber bullets and tear gas"), or None."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first if first.dep_ == "dobj" else None


def _participle_host(doc: Doc, event: EventCandidate, by_token: dict[int, int]) -> int | None:
    """The index of the event a participle (or the object of one: "using grenades") is hung on: the verb it
    hangs on, that verb's object or its subject ("an IED exploded targeting ..."), the attack whose object
    the parser hung it on, or the verb whose subject a past participle qualifies ("shells fired by X fell")."""
    token = doc[event.token]
    if _qualifies(token) and token.head.head.i in by_token:
        return by_token[token.head.head.i]  # "shells fired by the militia fell on the market": who fired them
    verb = token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else token
    if verb.tag_ != "VBG" or verb.dep_ not in PARTICIPLE_DEPS or _has_subject(verb) or verb.head.i == verb.i:
        return None
    head = verb.head
    if head.i in by_token:
        return by_token[head.i]
    for child in head.children:  # "conducted airstrikes, targeting ...": the light verb's object; "an IED
        # exploded targeting a patrol": the subject of a verb that tells no event of its own
        if child.dep_ in ("dobj", "nsubj") and child.i in by_token:
            return by_token[child.i]
    for _ in range(2):  # the parser hangs the participle on the attack's object: "attacked a patrol using
        # grenades", "a clash between two militias, involving heavy artillery fire"
        if head.dep_ == "dobj":
            head = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head
        else:
            return None
        if head.i in by_token:
            return by_token[head.i]
    return None


def _qualifies(token: Token) -> bool:
    """A past participle that qualifies the subject of a verb ("shells fired by the militia fell ..."): its
    agent is the perpetrator of what the verb tells."""
    return token.tag_ == "VBN" and token.dep_ == "acl" and token.head.dep_ == "nsubj"


def _conjunct_heads(verb: Token) -> set[int]:
    """The verbs a conjunct hangs on, up its chain of conjuncts."""
    heads = set()
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        heads.add(verb.i)
    return heads


def _verb_of_event(doc: Doc, event: EventCandidate) -> Token | None:
    token = doc[event.token]
    if token.pos_ == "VERB":
        return token
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":  # "dropped grenades"
        return token.head
    return None


def _dangling(verb: Token) -> bool:
    """The verb shares the target of the verb coordinated after it: its preposition has no object ("fired
    mortars at and dropped grenades on the positions"), so the two verbs tell one attack."""
    return any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def _joinable(first: EventCandidate, second: EventCandidate) -> bool:
    """One attack told twice over: one verb says no more than the other ("attacked X and killed two
    residents", "shot and killed") or one is told without its place ("fired at and dropped grenades on
    positions near X"). Other acts (killed and abducted) stay apart, and so do two named means at one
    place ("bombed and shelled rebel positions in Idlib": an air strike and a shelling)."""
    means = (*MODE_RANK, "firearms", None)
    plain = first.mode in ("firearms", None) or second.mode in ("firearms", None)
    one_place = first.place is None or second.place is None or first.place == second.place
    plain = plain and (one_place or bool(second.actors))  # "attacked X in Y and killed two residents"
    return (
        first.type == "ASSAULT"
        and first.mode in means
        and second.mode in means
        and first.status.value == second.status.value
        and (not second.actors or not first.actors or first.actors == second.actors)
        and (plain or (one_place and (first.place is None) != (second.place is None)))
    )


def _figurative(event: EventCandidate) -> bool:
    """A word that news also uses of words ("attacked and injured the mayor": injured says more)."""
    return event.rule is not None and event.rule.lemma in FIGURATIVE


def _mode_rank(event: EventCandidate) -> int:
    return MODE_RANK.index(event.mode) if event.mode in MODE_RANK else len(MODE_RANK)


FIGHTING = (None, "firearms", "heavy-weapons", "aerial", "drone", "explosives")


def merge_ground(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """Fighting and the ground it took, told in one sentence or the next, are one battle ("AMISOM forces clashed with
    al Shabaab and retook Goof Guduud; two militants died", "three troops were killed in clashes in Sirte
    after taking control of the city centre"): the taking of ground keeps the fighting's evidence, toll,
    parties and place it lacks, as ACLED codes one battle that changed hands."""
    taken = [e for e in events if e.territory]
    if not taken:
        return events
    folded: set[int] = set()
    out: dict[int, EventCandidate] = {}
    by_sentence = _by_sentence(doc, events)
    for ground in taken:
        sentence = doc[ground.token].sent
        current = out.get(ground.token, ground)
        for fight in (events[i] for i in _around(doc, by_sentence, sentence.start_char)):
            if fight.type != "ASSAULT" or fight.token in folded or fight.territory or fight.mode not in FIGHTING:
                continue  # an execution or an abduction beside the capture is an event of its own
            if not _near(doc[fight.token].sent, sentence) or fight.status.value != ground.status.value:
                continue
            if current.place and fight.place and current.place != fight.place:
                continue  # fighting elsewhere
            sides = set(fight.actors) | set(fight.recipients)
            own_sentence = doc[fight.token].sent.start == sentence.start
            if current.actors and sides and not sides & set(current.actors):
                if fight.actors or not own_sentence:
                    continue  # other fighters
                # "HTS took the village after clashes with regime forces": the taker fought the other side
            current = replace(
                current,
                actors=current.actors or fight.actors,
                recipients=current.recipients or tuple(r for r in fight.recipients if r not in current.actors),
                toll=current.toll or fight.toll,
                place=current.place or fight.place,
                date=current.date or fight.date,
                also=current.also + ((fight.start, fight.end, fight.text), *fight.also),
            )
            folded.add(fight.token)
        out[ground.token] = current
    return [out.get(e.token, e) for e in events if e.token not in folded]


def _near(one, other) -> bool:
    """The same sentence, or the one right before or after it in the same paragraph."""
    if one.start == other.start:
        return True
    first, second = (one, other) if one.start < other.start else (other, one)
    between = doc_text(first.doc)[first.start_char : second.start_char]
    return first.end == second.start and "\n" not in between.strip(" ")


HAPPENED = frozenset({"asserted", "reported", "claimed"})
NOT_LETHAL = frozenset({"abduct", "sexual", "crowd-control", "destroy"})  # the dead told after are another act's
INJURING = frozenset({"crowd-control"})  # but the wounded told with it are its own ("injured as police fired tear gas")


def merge_aftermath(
    doc: Doc,
    text: str,
    events: list[EventCandidate],
    tolls: list[TollMention],
    index: MentionIndex,
    places: Sequence[PlaceMention] = (),
) -> list[EventCandidate]:
    """Each attack that states no toll takes the one told right after it (see the module docstring).

    Three kinds of aftermath, in the attack's sentence after it or in the next sentence of its paragraph:
    - a killing that names no perpetrator but the attack's own ("Two were killed", "Al Shabaab claimed to
      have killed two soldiers"), with no means, place or date of its own that differ: folded into the
      attack, whose evidence it joins;
    - the attack named again in the next sentence ("At least 9 people were killed in the attack", "the
      clashes", "the fighting"): folded the same way, toll and all;
    - a killed-count no event took ("Three officers died.", "resulting in 23 rebels dead", "23 dead when
      herdsmen clashed with farmers"), or one victim killed when no count was told ("The victim died."):
      the attack's toll, its span added to the attack's evidence.
    The nearest attack before it wins; an attack that already has a toll takes none (a second count is
    another incident, or the same one told again), and neither does an event that did not happen.
    """
    out = list(events)
    named = {place.place_id: place for place in places}
    singles = singular_victims(doc)
    for position, event in enumerate(out):  # "Security forces shot him and killed him"
        own = next((t for t in singles if event.toll is None and t.trigger == event.token), None)
        if own is not None and event.type == "ASSAULT":
            out[position] = replace(event, toll=own)
    out = _fold_later(doc, out, index, named, again=False)
    out = _fold_later(doc, out, index, named, again=True)
    counted = {event.toll.start for event in out if event.toll is not None}
    by_sentence = _by_sentence(doc, out)  # the triggers stay where they are as tolls are attached
    for toll in [*tolls, *singles]:  # a count first; one named victim when no count was told
        if toll.kind != "killed" or toll.aggregate or toll.start in counted or toll.trigger is None:
            continue
        target = _attack_for(doc, out, len(out), toll.start, set(), following=True, by_sentence=by_sentence)
        if target is None:
            continue
        attack = out[target]
        recipients = attack.recipients
        if not recipients and toll.victims is not None:
            victims = doc.char_span(*toll.victims, alignment_mode="expand")
            found = actors_of([victims.root], index) if victims is not None else ()
            recipients = tuple(r for r in found if r not in attack.actors)
        span = (toll.start, toll.end, text[toll.start : toll.end])
        out[target] = replace(attack, toll=toll, recipients=recipients, also=(*attack.also, span))
        counted.add(toll.start)
    return out


AREAS = frozenset({"country", "admin1", "admin2", "region", "province", "district", "area"})


def same_ground(one: str, other: str, named: dict[str, PlaceMention]) -> bool:
    """Two places of one incident: the same place, a town and the area it lies in, a name the gazetteer
    lacks and the place the text puts it in (or any located place: "clashes in the Rutshuru area ... two
    killed in Katsiro locality"); places in two countries never are."""
    if one == other:
        return True
    first, second = named.get(one), named.get(other)
    if first is None or second is None:
        return False
    a, b = first.place or first.within, second.place or second.within
    if (a is None) != (b is None):
        return True  # a name no gazetteer places may lie in the other ("in Rutshuru ... in Katsiro locality")
    if a is None or b is None or a.country != b.country:
        return False
    if first.within is not None and first.within.id == b.id or second.within is not None and second.within.id == a.id:
        return True
    return a.feature in AREAS or b.feature in AREAS or a.precision >= 3 or b.precision >= 3


def _fold_later(
    doc: Doc, events: list[EventCandidate], index: MentionIndex, named: dict[str, PlaceMention], *, again: bool
) -> list[EventCandidate]:
    """The events told as the aftermath of an attack before them folded into it: a killing or the attack
    named again (see `merge_aftermath`), or, with `again`, the fighting told once more in the next sentence
    with its toll (`_told_again`), once the killings have been folded into their fighting."""
    out = list(events)
    folded: set[int] = set()
    by_sentence = _by_sentence(doc, out)  # the triggers stay where they are as events are folded
    for position, later in enumerate(list(out)):
        anaphor = _anaphor(doc, later)
        if again:
            if anaphor or _aftermath_killing(doc, later) or not _told_again(doc, later):
                continue
        elif not (anaphor or _aftermath_killing(doc, later)):
            continue
        # a killing told before the fighting that is its circumstance takes that ("a man was killed after
        # exchanging fire with the police")
        following = not again and not anaphor
        besides = not again and _besides(doc, later)  # "Three attackers were also killed": more dead of it
        target = _attack_for(
            doc, out, position, later.start, folded, anaphor=anaphor, following=following,
            tolled=later.toll is None or besides, by_sentence=by_sentence,
            wounding=later.toll is None,  # "dozens were injured" (its count is attached later)
        )  # fmt: skip
        if target is None:
            continue
        attack = out[target]
        if besides and attack.toll is not None and doc[attack.token].sent == doc[later.token].sent:
            continue  # "... killing five; three others were also killed" in one sentence is told by the tolls
        if again and (doc[attack.token].sent == doc[later.token].sent or not _same_means(attack, later)):
            continue
        sides = set(attack.actors) | set(attack.recipients)
        if set(later.actors) - _victims(doc, later.toll, index) - sides:
            continue  # another perpetrator; a headline's "three soldiers killed" names the dead, not a killer
        if (later.place and attack.place and not same_ground(later.place, attack.place, named)) or (
            later.date and attack.date and later.date.value != attack.date.value
        ):
            continue
        recipients, target_kinds = attack.recipients, attack.target_kinds
        if not recipients and not target_kinds:
            # the dead told later are its target only when it names none ("opened fire, killing one"); who they
            # were tells whom it struck when it names no one ("an ambush on the outskirts of X")
            if not _names_target(doc[attack.token]):
                recipients = tuple(r for r in later.recipients if r not in attack.actors)
            target_kinds = later.target_kinds
        toll = attack.toll or later.toll
        if besides and attack.toll is not None and later.toll is not None:
            toll = _added(attack.toll, later.toll)
        out[target] = replace(
            attack,
            target_kinds=target_kinds,
            toll=toll,
            recipients=recipients,
            place=attack.place or later.place,
            date=attack.date or later.date,
            also=attack.also + ((later.start, later.end, later.text), *later.also),
        )
        folded.add(position)
    return [event for position, event in enumerate(out) if position not in folded]


def _names_target(token: Token) -> bool:
    """The attack names whom it struck, linked to an actor or not ("attacked three militia camps")."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and _has_pobj(c) for c in token.children)


def _has_pobj(token: Token) -> bool:
    return any(c.dep_ == "pobj" for c in token.children)


CIRCUMSTANCE_MARKS = frozenset({"when", "as", "after", "while"})
CIRCUMSTANCE_PREPOSITIONS = frozenset({"after", "following", "amid", "during"})


def _circumstance(token: Token) -> bool:
    """An attack told as the circumstance of what came before it: "23 dead when herdsmen clashed", "eight
    feared dead following a clash"."""
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in CIRCUMSTANCE_PREPOSITIONS:
        return True  # "following a clash", "killed after exchanging fire with the police"
    verb = token
    while verb.pos_ != "VERB" and verb.head.i != verb.i:  # "when he was hit by a landmine": the landmine's verb
        verb = verb.head
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in CIRCUMSTANCE_MARKS for c in verb.children)


def _victims(doc: Doc, toll: TollMention | None, index: MentionIndex) -> set[str]:
    """The actors a toll counts among the dead."""
    if toll is None or toll.victims is None:
        return set()
    victims = doc.char_span(*toll.victims, alignment_mode="expand")
    return set(actors_of([victims.root], index)) if victims is not None else set()


BESIDES = frozenset({"also", "too", "additionally"})


def _besides(doc: Doc, event: EventCandidate) -> bool:
    """A killing told with "also" or "too" after an attack that has its toll adds to it ("Five police officers
    were killed. Three attackers were also killed."): ACLED counts all the dead of an incident."""
    toll = event.toll
    if toll is None or toll.kind != "killed" or toll.min is None or not _aftermath_killing(doc, event):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in BESIDES for c in doc[event.token].children)


def _added(first: TollMention, second: TollMention) -> TollMention:
    """The dead of two counts of one incident together (the first count's span stands for both)."""
    low = (first.min or 0) + (second.min or 0)
    high = None if first.max is None or second.max is None else first.max + second.max
    return replace(first, min=low, max=high)


def _aftermath_killing(doc: Doc, event: EventCandidate) -> bool:
    """A killing or a wounding told for its toll, by no named means: an assault whose own trigger states the
    dead ("Two were killed"), or a verb of wounding with no perpetrator ("another one was injured")."""
    if event.type != "ASSAULT" or event.territory or event.status.value not in HAPPENED:
        return False
    if event.mode not in (None, "firearms"):
        return False
    if event.toll is None:
        token = doc[event.token]
        wounding = token.pos_ == "VERB" and VERB_KINDS.get(token.lemma_.lower()) == "wounded"
        return wounding and not event.actors and not event.actor_kinds
    if event.toll.aggregate:
        return False
    trigger = event.toll.trigger
    return trigger is not None and (trigger == event.token or doc[trigger].head.i == event.token)


SEPARATE = frozenset({"separate", "another", "earlier", "previous", "prior", "later", "subsequent", "different"})


def _told_again(doc: Doc, event: EventCandidate) -> bool:
    """The fighting of the sentence before told once more with its toll ("Gunmen attacked a post. After heavy
    gunfire, they claimed to have killed three officers.", "Rebels shelled army positions. Stray shells also
    hit a market, killing four."): an assault with a count of its own dead, in a sentence that does not set
    it apart as another incident ("in a separate attack", "an earlier clash"). `merge_aftermath` folds it
    into an attack of the sentence before that has no toll, by the same means or by plain fire."""
    if event.type != "ASSAULT" or event.territory or event.status.value not in HAPPENED:
        return False
    if event.toll is None or event.toll.aggregate:
        return False
    return not any(t.lower_ in SEPARATE for t in doc[event.token].sent)


def _same_means(one: EventCandidate, other: EventCandidate) -> bool:
    return one.mode == other.mode or (one.mode in (None, "firearms") and other.mode in (None, "firearms"))


def _earlier(doc: Doc, event: EventCandidate) -> bool:
    """An attack told as one before the incident ("to break up an earlier clash", "a previous attack"): the
    dead told after it are not its own."""
    return any(c.dep_ == "amod" and c.lower_ in SEPARATE for c in doc[event.token].children)


ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})


def _anaphor(doc: Doc, event: EventCandidate) -> bool:
    """An attack named again by a definite noun ("killed in the attack", "the clashes", "the fighting")."""
    token = doc[event.token]
    if event.type != "ASSAULT" or token.pos_ != "NOUN" or event.status.value not in HAPPENED or event.territory:
        return False
    return any(child.dep_ == "det" and child.lower_ in ANAPHORIC for child in token.children)


def _attack_for(
    doc: Doc,
    events: list[EventCandidate],
    stop: int,
    start: int,
    skip: set[int],
    *,
    anaphor: bool = False,
    following: bool = False,
    tolled: bool = False,
    by_sentence: dict[int, list[int]] | None = None,
    wounding: bool = False,
) -> int | None:
    """The index of the attack a later telling at `start` belongs to (events[stop] is that telling, when
    it is an event), or None: the nearest attack before it with no toll yet, in the same sentence or,
    when that sentence tells no attack of its own, the one before it in the paragraph. An anaphor ("the
    attack") names an attack of the sentence before, toll or not; with `following`, a count told before
    its attack in one sentence takes the attack after it when that is told as its circumstance ("23 dead
    when herdsmen clashed with farmers"); with `tolled`, an attack with a toll will do (a wounding told
    after the killing: "two were killed and one was wounded when ..."); with `wounding` (a telling of the
    wounded alone), an attack of crowd control will do too. `by_sentence` (`_by_sentence` of the events)
    spares building it."""
    sentence = doc.char_span(start, start + 1, alignment_mode="expand")
    if sentence is None:
        return None
    here = sentence.sent
    near = _around(doc, by_sentence or _by_sentence(doc, events), sentence[0].idx)  # what _near allows

    def fits(event: EventCandidate) -> bool:
        if (event.toll is not None and not (anaphor or tolled)) or not _causes(event):
            return False
        if event.mode in NOT_LETHAL and not (wounding and event.mode in INJURING):
            return False
        if _earlier(doc, event):
            return False
        return event.status.value in HAPPENED and not event.territory

    # an attack of its own in the sentence is the toll's ("40 men were killed as a result of the clash")
    own = any(
        _causes(e) and doc[e.token].sent == here and not _anaphor(doc, e) and not _aftermath_killing(doc, e)
        for i, e in ((i, events[i]) for i in near)
        if i != stop and i not in skip
    )
    best = None
    for i, event in ((i, events[i]) for i in near if i < stop):
        if i in skip or event.start >= start or not fits(event):
            continue
        seen = doc[event.token].sent
        if not _near(seen, here) or (own and seen != here) or (anaphor and seen == here):
            continue
        if best is None or event.start > events[best].start:
            best = i
    if best is None and following:
        after = [
            i
            for i, e in ((i, events[i]) for i in near)
            if e.start > start and doc[e.token].sent == here and fits(e) and _circumstance(doc[e.token])
        ]
        best = min(after, key=lambda i: events[i].start, default=None)
    return best


def _by_sentence(doc: Doc, events: Sequence[EventCandidate]) -> dict[int, list[int]]:
    """The positions of the events by the sentence of their trigger (`doctext.sentence_number`)."""
    found: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        found.setdefault(sentence_number(doc, doc[event.token].idx), []).append(i)
    return found


def _around(doc: Doc, by_sentence: dict[int, list[int]], char: int) -> list[int]:
    """The positions, in order, of the events told in the sentence that holds `char` or in the sentence
    right before or after it: all that `_near` can allow, without reading every event."""
    n = sentence_number(doc, char)
    return sorted(i for m in (n - 1, n, n + 1) for i in by_sentence.get(m, ()))


def merge_repeats(events: list[EventCandidate]) -> list[EventCandidate]:
    """One event told twice is one event with both evidence spans (see the module docstring)."""
    merged: list[EventCandidate] = []
    tellings: list[Telling] = []
    # IN_DOCUMENT needs the same type and the same actors: only those are compared, in the same order
    alike: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for event in events:
        telling = _telling(event)
        same = alike.setdefault((telling.type, telling.actors), [])
        index = next((i for i in same if IN_DOCUMENT.same_incident(tellings[i], telling)), None)
        if index is None:
            if telling.actors:  # without actors, same_participants matches none
                same.append(len(merged))
            merged.append(event)
            tellings.append(telling)
            continue
        twin = merged[index]
        merged[index] = replace(
            twin,
            also=twin.also + ((event.start, event.end, event.text), *event.also),
            recipients=twin.recipients or event.recipients,
            mode=twin.mode or event.mode,
            rule=twin.rule if twin.mode or not event.mode else event.rule,
            place=twin.place or event.place,
            date=twin.date or event.date,
            toll=twin.toll or event.toll,
            actor_kinds=twin.actor_kinds or event.actor_kinds,
            target_kinds=twin.target_kinds or event.target_kinds,
            struck_ground=twin.struck_ground or event.struck_ground,
        )
        tellings[index] = _telling(merged[index])
    return merged


def _telling(event: EventCandidate) -> Telling:
    """What the incident rule reads of a candidate: its place is a place id, its date as resolved."""
    return Telling(
        type=event.type,
        mode=event.mode,
        status=event.status.value,
        actors=event.actors,
        recipients=event.recipients,
        place=event.place,
        date=event.date,
        killed=None if event.toll is None else (event.toll.min, event.toll.max),
        span=(event.start, event.end),
    )
