"""Whether an event happened, is claimed, denied, negated, hypothetical or planned — from the parse.

The status is what a user filters on, so each rule is narrow:
- `negated`: a negation on the trigger or its auxiliaries ("did not strike", "no airstrikes").
- `hypothetical`: the trigger sits in an "if"/"unless" clause or under would/could/might/can (an ability).
- `hypothetical` too: what is asked for ("urged them to attack", "called for airstrikes"), an act played
  ("simulated an attack"), an imperative ("Defeat them in the field"), what a tale, a myth, a rumour or
  a story called untrue tells ("a discredited story about a general shooting prisoners").
- `planned`: under will/shall/"going to", or the complement of seek/plan/intend/aim/try/want/threaten,
  or of expected/set/due/likely ("the army is expected to attack"), or a "to" infinitive of purpose ("a
  counterattack to retake Sirte was repelled"), or what one is bent, intent or eager on ("terrorists bent on
  attacking the city").
- `negated` too: what happened "without" it ("took the town without a shot being fired").
- an event named as what a record, an inquiry or a memory is of ("no plans to release recordings of the
  shooting") took place: the mood of the clauses above the record is not its own.
- `reported` / `claimed` too: a clause told "reportedly" or "allegedly".
- `claimed` / `reported` / `denied`: the trigger's clause is what someone says; the speaker is the
  reporting verb's subject ("Russia announced that it had hit ..."): the verb's kind in the cue pack
  (data/packs/claims/cues.yaml) decides — claim/announce/allege give `claimed`, deny `denied`,
  say/report/state/tell `reported`; "according to X" is reported.
- otherwise `asserted`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from warlog.events.roles import MentionIndex, actors_of
from warlog.packs.cues import CuePack

# a reporting verb's kind (data/packs/claims/cues.yaml) sets the status of what it says
CUE_STATUS = {"claim": "claimed", "deny": "denied", "report": "reported"}
INTENT_VERBS = frozenset(
    {"seek", "plan", "intend", "aim", "try", "want", "threaten", "prepare", "vow", "pledge", "promise", "hope"}
)
# verbs of a resolve whose infinitive complement is intended, not done: "resolved to fight ISIS", "a drive
# determined to defeat it" (only for the complement: "investigators determined that ..." reports)
RESOLVE_VERBS = frozenset({"resolve", "determine"})
# adjectives of a resolve whose "on" object or infinitive is intended, not done: "terrorists bent on attacking
# the city", "a group intent on killing them", "eager to strike"
INTENT_ADJECTIVES = frozenset({"bent", "intent", "eager", "keen", "hellbent", "hell-bent"})
# adverbs that hand what their clause tells to others: reports ("reportedly") or claims ("allegedly")
HEARSAY_ADVERBS = {"reportedly": "reported", "allegedly": "claimed", "purportedly": "claimed", "supposedly": "claimed"}
# adjectives of an ability: "powers able to deliver bombs" (in the present; "was able to take" took it)
ABILITY_WORDS = frozenset({"able", "capable", "unable", "incapable"})
# nouns of an act that may come, whose "of" or "for" object is not done: "threats of airstrikes", "the risk
# of clashes", "plans for an offensive"
PROSPECT_NOUNS = frozenset({
    "threat", "risk", "fear", "danger", "possibility", "prospect", "option", "scenario", "spectre", "specter",
    "plan", "plot", "proposal", "intention", "idea", "contingency",
})  # fmt: skip
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# frames of an event to come, for their complement only: "is expected to attack", "is set to sign"
FUTURE_FRAMES = frozenset({"expect", "set", "due", "poise", "poised", "likely", "schedule", "slate", "about"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "can", "ca"})  # "can fire missiles": an ability
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "pcomp", "prep", "relcl", "acl", "dobj", "pobj", "csubj"})
# an adjective or a noun whose verb complement the trigger is: "would have been able to kill", "is prone to attack"
# (not "responsible for the attack", whose attack is the content of a charge)
COMPLEMENTED_DEPS = frozenset({"acomp", "oprd", "attr", "amod"})
# prepositions of a phrase that sets the scene of its clause ("amid clashes", "after the attack"): what it
# tells stands apart from the clause's mood ("urged them to send aid amid the fighting")
SETTING_PREPOSITIONS = frozenset({"after", "amid", "amidst", "following", "since", "despite", "during", "before"})
# nouns of a record, an inquiry or a memory of an event, whose "of"/"about"/"into" object took place whatever is
# planned or asked for the record ("no plans to release recordings of the shooting", "called for more
# information about the killing", "demanded an inquiry into the attack")
RECORD_NOUNS = frozenset({
    "account", "aftermath", "anniversary", "circumstance", "coverage", "description", "detail", "evidence",
    "fact", "footage", "image", "information", "inquiry", "investigation", "memorial", "memory", "news",
    "photo", "photograph", "picture", "probe", "recording", "report", "survivor", "tape", "victim", "video",
})  # fmt: skip
RECORD_PREPOSITIONS = frozenset({"of", "about", "into", "on", "surrounding"})
# verbs whose complement is what someone asks another to do ("called on the US to step up the fight", "urged
# them to retake the town", "called for airstrikes"): asked for, not done
REQUEST_VERBS = frozenset({"urge", "call", "ask", "appeal", "encourage", "exhort", "implore", "beg"})
# verbs of a phase of an act under way: what they take goes on already ("urged them to stop the shelling")
ASPECT_VERBS = frozenset({"stop", "cease", "halt", "quit", "end", "continue", "keep", "resume"})
# verbs whose object is an act played, not done ("simulated an attack on the island", "rehearsed a landing")
FEIGNING_VERBS = frozenset({"simulate", "rehearse", "feign", "fake", "mimic", "pretend", "imagine", "practise"})


@dataclass(frozen=True, slots=True)
class Status:
    """An event's status, the speaker (actor id) when it is said by someone, and the cue word."""

    value: str
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None


NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "no one", "noone", "neither"})


# intransitive verbs whose subject is an event that takes place: "bombs did not fall", "the attack never happened"
OCCURRENCE_VERBS = frozenset({"happen", "occur", "fall", "erupt", "take", "break", "come", "begin", "start"})


def _negated(token: Token) -> bool:
    """ "did not strike", "no airstrikes", "nobody attacked" — but not "not even when ..." or "not only".
    An event noun is negated with the verb that says it took place ("bombs did not fall", "the attack never
    happened") or that it is one ("it was not a terrorist attack")."""
    head = token.head
    if token.pos_ != "VERB" and head.i != token.i and _negated_verb(head):
        if token.dep_ == "attr" and head.lemma_ == "be":
            return True
        if (
            token.dep_ == "nsubj"
            and head.lemma_.lower() in OCCURRENCE_VERBS
            and not any(c.dep_ == "dobj" for c in head.children)
        ):
            return True
    return _negated_verb(token)


def _negated_verb(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg":
            after = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
            if after is None or after.lower_ not in ("even", "only", "just"):
                return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in NEGATIVE_SUBJECTS:
            return True
    return False


def _clause_chain(token: Token):
    """The trigger, then the heads of the clauses it is embedded in, up to the sentence root."""
    current, below = token, token
    for _ in range(8):
        yield current
        if current.head.i == current.i:
            return
        if current.dep_ not in CLAUSE_DEPS and not (current.dep_ in COMPLEMENTED_DEPS and below.dep_ == "xcomp"):
            return
        current, below = current.head, current


def find_status(trigger: Token, index: MentionIndex, cues: CuePack, *, own_mood: bool = True) -> Status:
    """The status of the event whose trigger is `trigger`; `cues` are the reporting verbs (the pipeline's).
    With `own_mood=False` the trigger's own auxiliaries and marks are not read (the status of a
    declaration whose will/would is what it declares: "Syria says it will withdraw" is reported)."""
    if own_mood and _negated(trigger):
        return Status("negated")
    if own_mood and _purpose(trigger):
        return Status("planned")
    if _fiction(trigger):
        return Status("hypothetical")
    below, setting, told = trigger, False, trigger.dep_ in ("acl", "relcl")
    for depth, clause in enumerate(_clause_chain(trigger)):
        children = list(clause.children)
        if depth and below.dep_ == "xcomp" and clause.lemma_.lower() in FUTURE_FRAMES:
            return Status("planned")
        below_clause, below = below, clause
        if not depth and not own_mood:
            continue
        setting = setting or (clause.dep_ == "prep" and clause.lower_ in SETTING_PREPOSITIONS) or _record_of(clause)
        if setting:  # "urged them to send aid amid the fighting": the fighting is not asked for
            if depth and clause.pos_ == "VERB" and (value := said_status(clause.lemma_, cues)) is not None:
                return _said(clause, value, index)
            continue
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return Status("hypothetical")
        if any(c.dep_ == "advmod" and c.lower_ == "how" for c in children) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children
        ):
            return Status("hypothetical")  # "figured out how to neutralize a gunman": a way to do it, not a deed
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in children):
            return Status("hypothetical")
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
            return Status("planned")
        if depth and clause.lemma_ in INTENT_VERBS:
            return Status("planned")
        if depth and clause.lower_ in INTENT_ADJECTIVES and below_clause.dep_ in ("prep", "xcomp"):
            return Status("planned")  # "terrorists bent on attacking the city"
        if depth and clause.dep_ == "prep" and clause.lower_ == "without":
            return Status("negated")  # "took the town without a shot being fired"
        hearsay = next((c for c in children if c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS), None)
        # not of a verb coordinated with the attack ("attacked X and reportedly wounded one"): a hedged piece of it
        if hearsay is not None and (not told or not depth) and clause.dep_ != "conj":
            return Status(HEARSAY_ADVERBS[hearsay.lower_], cue=hearsay.lower_)
        if depth and below_clause.dep_ == "xcomp" and clause.lemma_.lower() in RESOLVE_VERBS:
            return Status("planned")
        if depth and below_clause.dep_ in ("xcomp", "attr", "ccomp") and _wanted(clause):
            return Status("planned")  # "what Washington wants is to besiege ISIS"
        if depth and clause.lower_ in ABILITY_WORDS and not _past_copula(clause):
            return Status("hypothetical")  # "powers able to deliver bombs from planes"
        if depth and clause.pos_ == "NOUN" and clause.lemma_.lower() in PROSPECT_NOUNS:
            if below_clause.dep_ == "prep" and below_clause.lower_ in ("of", "for"):
                return Status("hypothetical")  # "threats of airstrikes against Syria"
        if depth and clause.pos_ == "VERB" and not told and _requested(clause, below_clause, trigger):
            return Status("hypothetical")
        if depth and clause.pos_ == "VERB" and not told and clause.lemma_.lower() in FEIGNING_VERBS:
            return Status("hypothetical")
        # what a relative clause or a participle says of a noun is told as fact ("called for the release of a
        # journalist detained last week"); an act asked to stop goes on ("urged them to stop the shelling")
        told = told or clause.dep_ in ("acl", "relcl") or (depth > 0 and clause.lemma_.lower() in ASPECT_VERBS)
        if _imperative(clause):
            return Status("hypothetical")
        if depth and clause.pos_ == "VERB":
            value = said_status(clause.lemma_, cues)
            if value is not None:
                return _said(clause, value, index)
    aside = _parenthetical_cue(trigger, cues)
    if aside is not None:  # "The regime is not only avoiding I.S., the Embassy noted, ..."
        return _said(aside, said_status(aside.lemma_, cues) or "reported", index)
    according = _according_to(trigger)
    if according is not None:
        speakers = actors_of([according], index)
        return Status("reported", speakers[0] if speakers else None, _phrase(according), "according to")
    return Status("asserted")


# nouns of a story not held true, and the words that make a story one ("a discredited story about ...")
FICTION_NOUNS = frozenset(
    {"tale", "legend", "myth", "fable", "parable", "rumor", "rumour", "hoax", "fantasy", "fiction"}
)
UNTRUE = frozenset({
    "discredited", "false", "fake", "fabricated", "apocryphal", "unsubstantiated", "debunked", "bogus", "invented",
    "made-up", "fictional", "fictitious", "untrue", "baseless",
})  # fmt: skip


def _fiction(trigger: Token) -> bool:
    """The event is what a tale, a legend, a myth or a rumour tells, or a story called untrue ("the tale of a
    general shooting prisoners", "a discredited story about ..."): not held to have happened."""
    current = trigger
    for _ in range(10):
        head = current.head
        if head.i == current.i:
            return False
        content = current.dep_ == "prep" and current.lower_ in ("of", "about")
        content = content or (current.dep_ in ("acl", "relcl") and any(c.lower_ == "that" for c in current.children))
        if content and head.pos_ == "NOUN":
            lemma = head.lemma_.lower()
            untrue = any(c.dep_ == "amod" and c.lower_ in UNTRUE for c in head.children)
            if lemma in FICTION_NOUNS or (lemma in ("story", "account", "claim") and untrue):
                return True
        current = head
    return False


def _wanted(clause: Token) -> bool:
    """A copula whose subject is what someone wants, hopes or plans ("what Washington wants is ...")."""
    return clause.lemma_ == "be" and any(
        c.dep_ == "csubj" and c.lemma_.lower() in INTENT_VERBS for c in clause.children
    )


def _past_copula(adjective: Token) -> bool:
    """The ability adjective is said in the past ("was able to take the town": it did)."""
    verb = adjective.head if adjective.dep_ in ("acomp", "attr") else adjective
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _record_of(clause: Token) -> bool:
    """The clause is the preposition of a record of the event ("recordings of", "an inquiry into"): RECORD_NOUNS."""
    head = clause.head
    return clause.dep_ == "prep" and clause.lower_ in RECORD_PREPOSITIONS and head.lemma_.lower() in RECORD_NOUNS


def _requested(verb: Token, below: Token, trigger: Token) -> bool:
    """The clause below `verb` is what it asks someone to do: the complement of "urge", "call on", "ask" ("called
    on the US to step up the fight"), or the object of "call for" ("called for more airstrikes"); not an event
    named inside what is asked for ("called for more information about the shooting": the shooting was)."""
    if verb.lemma_.lower() not in REQUEST_VERBS:
        return False
    if below.dep_ == "advcl":  # "called for the US to step up the fight"
        return any(c.dep_ == "mark" and c.lower_ == "for" for c in below.children)
    if below.dep_ == "prep" and below.lower_ == "for":
        asked = [g for c in below.children if c.dep_ == "pobj" for g in (c, *c.conjuncts)]
        return not asked or trigger in asked or trigger.pos_ == "VERB"  # "called for troops to be sent"
    return below.dep_ in ("xcomp", "ccomp")


def _imperative(clause: Token) -> bool:
    """The sentence's main verb is an imperative: a bare verb with no subject and no auxiliary ("Defeat them
    in the field", "Hit them hard"), an exhortation, not a report."""
    if clause.head.i != clause.i or clause.tag_ != "VB" or clause.pos_ != "VERB":
        return False
    # a "compound" on a verb is a subject the parser glued to it in a title ("Gunmen attack and loot traders")
    return not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "csubj", "compound") for c in clause.children
    )


ATTEMPTS = frozenset({"attempt", "bid", "effort"})
DECLARING_VERBS = frozenset({"offer", "promise", "pledge", "vow", "agree", "threaten", "undertake", "propose", "swear"})
DECLARING_ADJECTIVES = frozenset({"willing", "prepared", "ready", "determined", "unwilling"})


def declared_intent(trigger: Token) -> Token | None:
    """The clause in which the actor declares the event its own intent, or None: the trigger itself under
    will/would ("Syria said it will withdraw", "they would boycott"), the verb of an offer, a promise, a
    vow or a threat it completes ("offered to hand over"), or "is willing/prepared/ready to". An expected
    or scheduled event ("is expected to attack") is no declaration."""
    if trigger.pos_ != "VERB":
        return None
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in trigger.children):
        return trigger
    if trigger.dep_ != "xcomp":
        return None
    head = trigger.head
    if head.pos_ == "VERB" and head.lemma_.lower() in DECLARING_VERBS:
        return head
    if head.pos_ == "ADJ" and head.lower_ in DECLARING_ADJECTIVES and head.head.i != head.i:
        return head.head
    return None


# acts a crowd does by gathering, and the verbs of its gathering: "gathered to protest", "marched to demand"
ACTS_BY_GATHERING = frozenset({
    "protest", "demonstrate", "demand", "denounce", "condemn", "decry", "voice", "express", "mourn", "commemorate",
    "rally", "march", "picket",
})  # fmt: skip
GATHERING_VERBS = frozenset({
    "gather", "assemble", "go", "take", "march", "rally", "converge", "come", "mass", "congregate", "meet", "walk",
    "drive", "ride", "block", "occupy", "stage", "hold", "turn", "join", "stand", "sit", "camp", "flock",
})  # fmt: skip


def _purpose(trigger: Token) -> bool:
    """A "to" infinitive of purpose is what someone set out to do, not what was done: "a counterattack to
    retake Sirte was repelled", "troops moved in to capture the town", "reinforcements were sent to attack"
    (a complement of "managed" or "tried" is read by the verb above it, not here)."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in ("acl", "advcl", "relcl"):
        return False
    if trigger.head.lemma_.lower() in ATTEMPTS:
        return False  # "made two attempts to attack the post": an attack was made, and failed
    if trigger.lemma_.lower() in ACTS_BY_GATHERING and trigger.head.lemma_.lower() in GATHERING_VERBS:
        return False  # "residents took to the streets to protest": gathering to protest is protesting
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)


def said_status(lemma: str, cues: CuePack) -> str | None:
    """The status a reporting verb of `cues` gives what it says: claimed, denied or reported; None for
    another verb."""
    verb = cues.verb(lemma)
    return CUE_STATUS[verb.kind] if verb is not None else None


def _said(verb: Token, value: str, index: MentionIndex) -> Status:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return Status(value, cue=verb.lemma_)
    speakers = actors_of(subjects, index)
    return Status(value, speakers[0] if speakers else None, _phrase(subjects[0]), verb.text)


def _parenthetical_cue(trigger: Token, cues: CuePack) -> Token | None:
    """A reporting verb set in the sentence as an aside (parataxis), outside the trigger's own clause."""
    for token in trigger.sent:
        if token.dep_ == "parataxis" and said_status(token.lemma_, cues) in ("reported", "claimed"):
            if not (token.left_edge.i <= trigger.i <= token.right_edge.i):
                return token
    return None


def _according_to(trigger: Token) -> Token | None:
    sentence = trigger.sent
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            for child in token.nbor().children:
                if child.dep_ == "pobj":
                    return child
    return None


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text
