"""Denials and rebuttals read from the parse: who denies what, and which claim or event of the document
that denies (`find_denials`).

A denial is one of (precision first: each needs its object to be something said or done):
- a denying verb (deny, dismiss, reject, refute, dispute, rebut, contradict, ...), not negated, whose
  object is a clause ("denied that its jets struck"), a gerund ("denied carrying out"), an account
  ("rejected that argument", "dismissed the accusations", "contradicting the police's claim"), a part in
  a deed ("denied any involvement in the attacks") or an event ("denied the strike"). A request, a plan
  or a person is no object of a denial ("rejected a request", "dismissed Estonia");
- an account, or what a pronoun points to, called false ("called the charges fabricated", "said the
  claims are unfounded", "That comment is a lie", "called it absurd"); strong nouns (hoax, myth, lie,
  conspiracy theory) make anything they name false ("called climate change a hoax");
- someone said to be lying about something ("says X is lying about her support").

What is denied is linked to the claim or event it denies, looking only at the sentences around the
denial (an index by sentence, never all pairs): a word that points back ("that argument", "those
reports", "it") to the nearest earlier claim of another source; otherwise the claims and events nearby of
another source that share the denied words' content lemmas (two, or one and an actor) or an event of the
same type with an actor in common. A denied event with no such telling still stands against its denier.
The denier is the speaker of the enclosing claim, else the author.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warlog.doctext import doc_text
from warlog.events.candidate import EventCandidate

DENYING_VERBS = frozenset({
    "deny", "dismiss", "reject", "refute", "dispute", "rebut", "contest", "debunk", "contradict", "disavow",
    "discredit", "repudiate",
})  # fmt: skip
# verbs whose clause ("denied that ...") is what they deny; the others deny only an object
CLAUSAL = frozenset({"deny", "dispute", "contest"})
# the nouns of an account, which can be true or false
ACCOUNT_NOUNS = frozenset({
    "claim", "report", "allegation", "accusation", "charge", "criticism", "argument", "idea", "notion",
    "suggestion", "assertion", "statement", "comment", "remark", "story", "rumor", "rumour", "account",
    "version", "tweet", "post", "theory", "assessment", "finding", "conclusion", "rationale", "advice",
    "recommendation", "characterization", "description", "narrative", "speculation", "view",
    "contention", "premise", "reporting", "depiction", "explanation", "excuse", "figure", "estimate",
    "number", "toll", "insinuation", "implication", "attack",
})  # fmt: skip
# a part in a deed: "denied any involvement in ..."
PART_NOUNS = frozenset({
    "involvement", "role", "responsibility", "wrongdoing", "link", "connection", "participation",
    "complicity", "knowledge", "presence", "hand", "culpability", "guilt",
})  # fmt: skip
POINTING = frozenset({"it", "this", "that", "these", "those", "they", "them"})
POINTING_DETERMINERS = frozenset({"this", "that", "these", "those", "the", "such"})
# words that call an account false; STRONG ones make anything they name false ("a hoax")
FALSE_WORDS = frozenset({
    "absurd", "baseless", "false", "untrue", "unfounded", "unsubstantiated", "fabricated", "ridiculous",
    "nonsense", "lie", "bogus", "wrong", "inaccurate", "misleading", "groundless", "fake", "fiction",
    "fabrication", "slander", "smear", "disinformation", "misinformation", "preposterous", "laughable",
    "falsehood", "hoax", "myth", "propaganda", "ludicrous", "incorrect", "unfair", "distortion", "theory",
})  # fmt: skip
STRONG = frozenset({"hoax", "myth", "lie", "fiction", "fabrication", "falsehood", "theory", "propaganda"})
CALLING = frozenset({"call", "label", "describe", "brand", "dismiss", "deem", "term", "characterize", "reject"})
STOP_LEMMAS = frozenset({"be", "have", "do", "say", "make", "get", "go", "take", "come", "-PRON-", "year"})
WINDOW_BEFORE, WINDOW_AFTER = 4, 2  # sentences searched for what a denial denies
CALLING_REACH = 20  # tokens back from "as" to the verb that calls something so
POINTING_BEFORE = 3  # sentences back to an account a pointing word names


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


@dataclass(frozen=True, slots=True)
class Said:
    """What the linking needs of a claim: its id, content span, source span and speakers."""

    id: str
    content: tuple[int, int]
    speakers: tuple[str, ...]
    source_kind: str


def find_denials(doc: Doc, claims: Sequence[Said], events: Sequence[EventCandidate]) -> list[Denial]:
    """The document's denials and rebuttals, each linked to the claims and events it denies."""
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    found: list[Denial] = []
    seen: set[tuple[int, int]] = set()
    for token in doc:
        denial = _denial_at(doc, token)
        if denial is None or denial.denied in seen:
            continue
        seen.add(denial.denied)
        found.append(_link(doc, denial, claims, events, starts))
    return found


def _denial_at(doc: Doc, token: Token) -> Denial | None:
    if token.lemma_ in DENYING_VERBS and token.pos_ == "VERB" and not _negated(token):
        denied = _denied_object(token)
        if denied is not None:
            return Denial(_span(token), denied, _subject(token))
    if token.lemma_ == "lie" and token.pos_ == "VERB":
        about = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "about"), None)
        if token.tag_ == "VBG" and about is not None and not _negated(token):
            return Denial(_span(token), _subtree(about, skip_head=True), None)
        return None
    if (
        (token.lemma_ in FALSE_WORDS or token.lower_ in FALSE_WORDS)
        and not _negated(token.head)
        and not _negated(token)
    ):
        return _called_false(doc, token)
    return None


def _denied_object(verb: Token) -> tuple[int, int] | None:
    """What a denying verb denies: its clause, gerund or account object (see the module docstring)."""
    for child in verb.children:
        if child.dep_ == "ccomp" and verb.lemma_ in CLAUSAL:
            return _subtree(child)
        if child.dep_ in ("xcomp", "pcomp") and child.tag_ == "VBG":
            return _subtree(child)
        if child.dep_ in ("dobj", "nsubjpass") and _deniable(child):
            return _subtree(child)
    return None


def _deniable(noun: Token) -> bool:
    if noun.lemma_.lower() in ACCOUNT_NOUNS or noun.lemma_.lower() in PART_NOUNS:
        return True
    if noun.lower_ in POINTING and noun.pos_ == "PRON":
        return True
    return bool(noun.ent_type_ == "" and noun.pos_ == "NOUN" and _is_event_noun(noun))


EVENT_NOUNS = frozenset({
    "attack", "strike", "airstrike", "bombing", "shelling", "killing", "massacre", "raid", "hacking", "hack",
    "assault", "abuse", "torture", "shooting", "use", "incursion", "violation", "breach", "leak", "interference",
})  # fmt: skip


def _is_event_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in EVENT_NOUNS


def _called_false(doc: Doc, word: Token) -> Denial | None:
    """ "called the charges fabricated", "said the claims are unfounded", "That comment is a lie"."""
    head = word.head
    strong = word.lemma_ in STRONG or word.lower_ in STRONG
    if word.lemma_ == "theory" and not any(c.lower_ == "conspiracy" for c in word.children):
        return None
    # "called X false" / "dismissed X as false": X is the verb's object, up to "as"
    verb = _calling_verb(word)
    if verb is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < word.i), None)
        if obj is not None and (strong or _account(obj)):
            start, end = _subtree(obj)
            if head.lemma_ == "as" and head.i > obj.i:
                end = doc[head.i - 1].idx + len(doc[head.i - 1].text)
            return Denial(_span(verb), (start, end), _subject(verb))
    # "X is false": X is the copula's subject
    if word.dep_ in ("acomp", "attr") and head.lemma_ == "be":
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (_account(subject) or (strong and subject.pos_ != "PRON")):
            return Denial(_span(word), _subtree(subject), None)
    # "false claims that ...", "an unfounded conspiracy theory": the account the word qualifies
    if word.dep_ == "amod" and _account(head) and word.lemma_ not in ("wrong", "unfair"):
        return Denial(_span(word), _subtree(head), None)
    return None


def _calling_verb(word: Token) -> Token | None:
    """The verb that calls something `word`: "called X absurd", "dismissed X as a hoax" (the "as" may hang
    from a noun of X in the parse: the verb is then the nearest calling verb above it)."""
    head = word.head
    if word.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "attr", "acomp") and head.lemma_ in CALLING:
        return head
    if word.dep_ == "pobj" and head.lower_ == "as":
        for above in head.ancestors:
            if above.lemma_ in CALLING and above.pos_ == "VERB":
                return above
            if above.pos_ in ("VERB", "AUX"):
                break
        # a parse that hangs "as" elsewhere: the nearest calling verb before it, in its sentence
        sent = head.sent
        for i in range(head.i - 1, max(sent.start, head.i - CALLING_REACH) - 1, -1):
            verb = head.doc[i]
            if verb.lemma_ in CALLING and verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children):
                return verb
    return None


def _account(noun: Token) -> bool:
    return noun.lemma_.lower() in ACCOUNT_NOUNS or (noun.lower_ in POINTING and noun.pos_ in ("PRON", "DET"))


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _subject(verb: Token) -> tuple[int, int] | None:
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "who", "that") for c in verb.children):
        return _span(verb.head)
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            return _subtree(child, skip_head=child.dep_ == "agent")
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _subtree(token: Token, *, skip_head: bool = False) -> tuple[int, int]:
    tokens = [t for t in token.subtree if not (skip_head and t.i == token.i)] or [token]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


# -- linking -------------------------------------------------------------------------------------


def _link(
    doc: Doc, denial: Denial, claims: Sequence[Said], events: Sequence[EventCandidate], starts: list[int]
) -> Denial:
    own = next((c for c in claims if c.content[0] <= denial.cue[0] < c.content[1]), None)
    here = bisect_right(starts, denial.cue[0]) - 1
    lo = starts[max(0, here - WINDOW_BEFORE)]
    hi = starts[here + WINDOW_AFTER + 1] if here + WINDOW_AFTER + 1 < len(starts) else len(doc_text(doc))
    inside = [e for e in events if denial.denied[0] <= _at(doc, e) < denial.denied[1]]
    denier = set(own.speakers) if own is not None else set()
    others = [
        c for c in claims
        if lo <= c.content[0] < hi and c is not own and c.source_kind != "scare_quote"
        and not (denier and denier & set(c.speakers)) and not _overlaps(c.content, denial.denied)
        and not _overlaps(c.content, denial.cue)
    ]  # fmt: skip
    pointed = _pointing(doc, denial.denied)
    if pointed:
        back = starts[max(0, here - POINTING_BEFORE)]
        named = denial.denier is not None or (own is not None and own.source_kind != "author")
        earlier = [
            c for c in others
            if back <= c.content[0] and c.content[1] <= denial.cue[0] and (named or c.source_kind != "author")
        ]  # fmt: skip
        if earlier:
            return _with(denial, (earlier[-1].id,), inside)
    lemmas = _lemmas(doc, denial.denied)
    actors = {a for e in inside for a in (*e.actors, *e.recipients)}
    targets = [c.id for c in others if _shares(doc, c.content, lemmas, actors, events)]
    told = [
        e.id for e in events
        if lo <= e.start < hi and e not in inside and e.status.value in ("asserted", "reported", "claimed")
        and any(e.type == d.type and _share_actor(e.actors, d.actors) for d in inside)
    ]  # fmt: skip
    return _with(denial, tuple(dict.fromkeys(targets + told)), inside)


def _share_actor(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two actor lists name one actor, or one and a part of it ("rus" and "rus.mil")."""
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def _with(denial: Denial, targets: tuple[str, ...], inside: list[EventCandidate]) -> Denial:
    return Denial(denial.cue, denial.denied, denial.denier, targets, tuple(e.id for e in inside))


def _pointing(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the denied words point back to an account told before: "it", "that argument", "those
    reports", "his comments", "the president's claims about ...", not "the claim that ..." (which says
    what it is)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    if len(words) == 1:
        return words[0].lower_ in POINTING
    root = words.root
    if root.lemma_.lower() not in ACCOUNT_NOUNS or any(c.dep_ in ("acl", "relcl", "ccomp") for c in root.children):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS) for c in root.children)


def _lemmas(doc: Doc, span: tuple[int, int]) -> set[str]:
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return set()
    return {t.lemma_.lower() for t in words if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop
            and t.lemma_ not in STOP_LEMMAS and t.lemma_.lower() not in ACCOUNT_NOUNS}  # fmt: skip


def _shares(
    doc: Doc, span: tuple[int, int], lemmas: set[str], actors: set[str], events: Sequence[EventCandidate]
) -> bool:
    common = lemmas & _lemmas(doc, span)
    if len(common) >= 2:
        return True
    if not common or not actors:
        return False
    return any(span[0] <= e.start < span[1] and actors & {*e.actors, *e.recipients} for e in events)


def _at(doc: Doc, event: EventCandidate) -> int:
    return doc[event.token].idx if 0 <= event.token < len(doc) else event.start


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


__all__ = ["Denial", "Said", "find_denials"]
