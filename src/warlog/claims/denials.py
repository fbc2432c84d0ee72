"""Denials and rebuttals read from the parse: who denies what (`read_denials`); what each denies is
linked to the document's claims and events by warlog.claims.denial_links. The words are the denial pack's
(data/packs/claims/denials.yaml, warlog.packs.denials).

A denial is one of (precision first: each needs its object to be something said or done):
- a denying verb (deny, dismiss, reject, refute, dispute, rebut, contradict, ...), not negated, whose
  object is a clause ("denied that its jets struck"), a gerund ("denied carrying out"), an account
  ("rejected that argument", "dismissed the accusations", "contradicting the police's claim"), a part in
  a deed ("denied any involvement in the attacks") or an event ("denied the strike"). A request, a plan
  or a person is no object of a denial ("rejected a request", "dismissed Estonia");
- an account, or what a pronoun points to, called false ("called the charges fabricated", "said the
  claims are unfounded", "That comment is a lie", "called it absurd"), unless a verb above negates it
  ("I don't think this is absurd"); strong nouns (hoax, myth, lie, conspiracy theory) make anything they
  name false ("called climate change a hoax");
- someone said to be lying about something ("says X is lying about her support").
A denial given up since ("had previously dismissed") is marked `retracted`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warlog.packs.denials import DenialPack

POINTING = frozenset({"it", "this", "that", "these", "those", "they", "them"})
POINTING_DETERMINERS = frozenset({"this", "that", "these", "those", "the", "such"})
MODALS = frozenset({"would", "could", "might", "may", "should"})  # a copula of supposition
CALLING_REACH = 20  # tokens back from "as" to the verb that calls something so


@dataclass(frozen=True, slots=True)
class Denial:
    """A denial or rebuttal (offsets are characters): its words, what it denies, and the ids of the
    claims and events of the document it denies (none when only the denied words are known)."""

    cue: tuple[int, int]
    denied: tuple[int, int]
    denier: tuple[int, int] | None
    targets: tuple[str, ...] = ()
    events: tuple[str, ...] = ()  # the events told inside the denied words
    claim: str | None = None  # the claim that denies (set by the claim finder)
    accuser: tuple[int, int] | None = None  # who made the denied account: "allegations by X", "X's claim"
    retracted: tuple[int, int] | None = None  # the word that says the denial was given up ("had previously")
    proposition: tuple[int, int] | None = None  # what is denied, told in the denial: None when it points back
    form: str = "denial"  # denial | existence ("there was no attack") | predication ("not a combat mission")


@dataclass(frozen=True, slots=True)
class Said:
    """What the linking needs of a claim: its id, content span, source span and speakers."""

    id: str
    content: tuple[int, int]
    speakers: tuple[str, ...]
    source_kind: str


def read_denials(doc: Doc, pack: DenialPack) -> list[Denial]:
    """The document's denials and rebuttals in text order, one per denied span, not yet linked."""
    found: list[Denial] = []
    seen: set[tuple[int, int]] = set()
    for token in doc:
        denial = _denial_at(pack, doc, token)
        if denial is None or denial.denied in seen or _asked(token) or _result_clause(token):
            continue
        seen.add(denial.denied)
        found.append(denial)
    return found


def _denial_at(pack: DenialPack, doc: Doc, token: Token) -> Denial | None:
    if token.lemma_ in pack.denying_verbs and token.pos_ == "VERB" and not _negated(token):
        denied = _denied_object(pack, token)
        if denied is not None:
            return Denial(_span(token), denied, subject_span(token), retracted=_retracted(pack, token))
    if token.lemma_ == "lie" and token.pos_ == "VERB":
        about = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "about"), None)
        if token.tag_ == "VBG" and about is not None and not _negated(token):
            return Denial(_span(token), subtree_span(about, skip_head=True), None)
        return None
    if (token.lemma_ in pack.false_words or token.lower_ in pack.false_words) and not _negated_above(token):
        return None if _supposed(token) else _called_false(pack, doc, token)
    if token.lower_ == "no" and token.dep_ == "det":
        return _no_such_deed(pack, token.head)
    if token.dep_ == "attr" and token.pos_ == "NOUN" and token.head.lemma_ == "be" and _negated(token.head):
        return _not_such(token)
    return None


def _supposed(word: Token) -> bool:
    """Whether a copula calls a thing false only in supposition ("that would be absurd")."""
    verb = word.head
    return verb.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _asked(token: Token) -> bool:
    """Whether the word's sentence is a question ("do you think it's a hoax?"), which denies nothing."""
    sent = token.sent
    return any(t.text == "?" for t in sent[-3:])


def _result_clause(token: Token) -> bool:
    """Whether the word lies in the result clause of a degree ("so vague that it's laughable"), which
    says how much, not that an account is false."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None:
        return False
    return any(t.lower_ in ("so", "such") for t in token.doc[max(token.sent.start, mark.i - 12) : mark.i])


def _no_such_deed(pack: DenialPack, noun: Token) -> Denial | None:
    """ "there was no attack", "no airstrike took place": a deed said not to exist."""
    if noun.lemma_.lower() not in pack.event_nouns | pack.existence_nouns:
        return None
    verb = noun.head
    there = noun.dep_ == "attr" and verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)
    took_place = verb.lemma_ == "take" and any(c.lower_ == "place" for c in verb.children)
    happened = noun.dep_ == "nsubj" and (verb.lemma_ in ("happen", "occur") or took_place)
    if not (there or happened) or _negated(verb):
        return None
    # the deed with where and when it is denied ("no attack on the village", "... in the town on Monday")
    parts = [noun, verb, *(t for c in verb.children if c.dep_ in ("expl", "prep", "npadvmod") for t in c.subtree)]
    parts += list(noun.subtree)
    first, last = min(parts, key=lambda t: t.i), max(parts, key=lambda t: t.i)
    return Denial(_span(verb), (first.idx, last.idx + len(last.text)), None, form="existence")


def _not_such(noun: Token) -> Denial | None:
    """ "the deployment was not a combat mission": a thing said not to be of a kind (named by the noun's
    modifiers, else the noun), denied of a subject the sentence names."""
    verb = noun.head
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return None
    neg = next(c for c in verb.children if c.dep_ == "neg")
    return Denial(_span(neg), subtree_span(noun), None, form="predication")


def _denied_object(pack: DenialPack, verb: Token) -> tuple[int, int] | None:
    """What a denying verb denies: its clause, gerund or account object (see the module docstring)."""
    for child in verb.children:
        if child.dep_ == "ccomp" and verb.lemma_ in pack.clausal:
            return subtree_span(child)
        if child.dep_ in ("xcomp", "pcomp") and child.tag_ == "VBG":
            return subtree_span(child)
        if child.dep_ in ("dobj", "nsubjpass") and _deniable(pack, child):
            return subtree_span(child)
    return None


def _deniable(pack: DenialPack, noun: Token) -> bool:
    noun = _whole(pack, noun)
    if noun.lemma_.lower() in pack.account_nouns or noun.lemma_.lower() in pack.part_nouns:
        return True
    if noun.lower_ in POINTING and noun.pos_ == "PRON":
        return not (noun.tag_ == "WDT" or noun.head.dep_ == "relcl")  # "the ways that were disputed"
    return bool(noun.ent_type_ == "" and noun.pos_ == "NOUN" and noun.lemma_.lower() in pack.event_nouns)


def _called_false(pack: DenialPack, doc: Doc, word: Token) -> Denial | None:
    """ "called the charges fabricated", "said the claims are unfounded", "That comment is a lie"."""
    head = word.head
    strong = word.lemma_ in pack.strong or word.lower_ in pack.strong
    if word.lemma_ == "theory" and not any(t.lower_ == "conspiracy" for t in word.subtree if t.i < word.i):
        return None
    # "called X false" / "dismissed X as false": X is the verb's object, up to "as"
    verb = _calling_verb(pack, word)
    if verb is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < word.i), None)
        if obj is not None and (strong or _account(pack, obj)):
            start, end = subtree_span(obj)
            if head.lemma_ == "as" and head.i > obj.i:
                end = doc[head.i - 1].idx + len(doc[head.i - 1].text)
            return Denial(_span(verb), (start, end), subject_span(verb), retracted=_retracted(pack, verb))
    # "X is false": X is the copula's subject
    if word.dep_ in ("acomp", "attr") and head.lemma_ == "be":
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (_account(pack, subject) or (strong and subject.pos_ != "PRON")):
            return Denial(_span(word), subtree_span(subject), None)
    # "false claims that ...", "an unfounded conspiracy theory": the account the word qualifies (not one
    # that is itself what something is called: "this is a ridiculous idea" calls "this"; not by a word
    # that judges more than it calls untrue: "his ridiculous tweets")
    if word.dep_ == "amod" and _account(pack, head) and word.lemma_ not in pack.judging and head.dep_ != "attr":
        return Denial(_span(word), subtree_span(head), None)
    return None


def _calling_verb(pack: DenialPack, word: Token) -> Token | None:
    """The verb that calls something `word`: "called X absurd", "dismissed X as a hoax" (the "as" may hang
    from a noun of X in the parse: the verb is then the nearest calling verb above it)."""
    head = word.head
    if word.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "attr", "acomp") and head.lemma_ in pack.calling_verbs:
        return head
    if word.dep_ == "pobj" and head.lower_ == "as":
        for above in head.ancestors:
            if above.lemma_ in pack.calling_verbs and above.pos_ == "VERB":
                return above
            if above.pos_ in ("VERB", "AUX"):
                break
        # a parse that hangs "as" elsewhere: the nearest calling verb before it, in its sentence
        sent = head.sent
        for i in range(head.i - 1, max(sent.start, head.i - CALLING_REACH) - 1, -1):
            verb = head.doc[i]
            if (
                verb.lemma_ in pack.calling_verbs
                and verb.pos_ == "VERB"
                and any(c.dep_ == "dobj" for c in verb.children)
            ):
                return verb
    return None


def _account(pack: DenialPack, noun: Token) -> bool:
    if _whole(pack, noun).lemma_.lower() in pack.account_nouns:
        return True
    return noun.lower_ in POINTING and noun.pos_ in ("PRON", "DET")


def _whole(pack: DenialPack, noun: Token) -> Token:
    """The noun a part of it stands for: "half of his advice" -> advice."""
    if noun.lemma_.lower() not in pack.partitives:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None else noun


def _retracted(pack: DenialPack, verb: Token) -> tuple[int, int] | None:
    """The word that tells a denial given up since: "had previously dismissed", "once denied"."""
    word = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in pack.retracted), None)
    return _span(word) if word is not None else None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


CLIMBED = frozenset({"ccomp", "xcomp", "attr", "acomp", "oprd", "amod", "conj"})  # deps a negation reaches through


def _negated_above(token: Token) -> bool:
    """Whether the word, its head or a verb that governs its clause is negated ("is not false", "I don't
    think this is absurd", "it isn't because they were wrong"); the climb stops at a verb whose clause
    is not a complement (nor a "because" clause) of the verb above."""
    if _negated(token):
        return True
    for above in token.ancestors:
        if _negated(above):
            return True
        because = above.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "because" for c in above.children)
        if above.dep_ not in CLIMBED and not because and above.pos_ in ("VERB", "AUX"):
            return False
    return False


def subject_span(verb: Token) -> tuple[int, int] | None:
    """The span of a verb's subject (or passive agent), inherited from the verb it hangs from."""
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "who", "that") for c in verb.children):
        return _span(verb.head)
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            return subtree_span(child, skip_head=child.dep_ == "agent")
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_span(verb.head)
    return None


def _span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def subtree_span(token: Token, *, skip_head: bool = False, skip_case: bool = False) -> tuple[int, int]:
    """The characters of a token's subtree, without the token itself or a possessive "'s" if asked."""
    tokens = [
        t for t in token.subtree if not (skip_head and t.i == token.i) and not (skip_case and t.dep_ == "case")
    ] or [token]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


__all__ = ["Denial", "Said", "read_denials", "subject_span", "subtree_span"]
