"""Pronouns and possessives that stand for an actor named before them: a rule-based resolver over the parse.

"Russia said it had struck ... its jets": it and its are Russia. "The rebels ... They now claim": they are
the rebels. "Putin met Obama. He said": he is Putin, the subject before, not the nearer name. A pronoun is
linked only where a reader would link it:

- Agreement: he/him/his/she/her stand for a person; it/its for one group, state or organisation (not a
  person, not a plural noun: "the militants ... it" is no pair); they/them/their for a plural group
  ("the rebels", "militants", "security forces") or an organisation named by a plural or collective noun.
- Candidates: the actor mentions before the pronoun in its sentence and the two sentences before it.
- Salience: in the pronoun's own sentence, a subject before it ("Russia said it ...") with no other actor
  between them; then the subject of the nearest sentence before that has a fitting subject; for he/she, a
  person who is the only one in the window.
- Left alone: two fitting subjects equally near ("Russia and Iran said it ..."), no fitting actor, "it" that
  stands for no one ("it is clear that", "it was reported", "it rained"), and "they"/"it" that stands for a
  thing ("the talks ... they failed": no actor is a fitting subject).

The linker adds each resolved pronoun as a mention of its antecedent's actor (rule `coref`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from warlog.actors.kb import KBActor
from warlog.packs.lexicon import GivenNames

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
FEMALE_PRONOUNS = frozenset({"she", "her"})
TITLES = {"mrs": "female", "ms": "female", "miss": "female", "madam": "female", "mr": "male", "sir": "male"}
NAMES = GivenNames.builtin()
SINGULAR_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
SENTENCES_BACK = 2
GROUP_KINDS = frozenset({
    "state", "government", "military", "police", "intelligence", "armed_group", "rebel_group", "militia",
    "political_party", "organization", "igo", "ngo", "media",
})  # fmt: skip
PLURAL_KINDS = frozenset({
    "military", "police", "armed_group", "rebel_group", "militia", "civilians", "ethnic_group", "religious_group",
})  # fmt: skip
# groups named in the singular that news calls "they" as often as "it": "the Taliban ... they attacked"
COLLECTIVE_KINDS = frozenset({"armed_group", "rebel_group", "militia"})
# verbs whose "it" subject stands for no one: "it is clear", "it seems", "it remains to be seen"
EMPTY_IT_VERBS = frozenset({
    "be", "seem", "appear", "remain", "become", "take", "matter", "mean", "happen", "rain", "cost", "look", "sound",
    "feel", "make", "get", "come", "go",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Antecedent:
    """An actor mention that a pronoun may stand for."""

    start: int  # token span
    end: int
    actor: KBActor
    subject: bool
    plural: bool
    coordinated: bool  # "Russia and Iran": a pronoun for both stands for no one actor
    gender: str | None  # of a person: "female", "male", or None when neither a title nor the name tells
    sentence: int  # the start token of its sentence
    verb: int  # the token its subject's verb, or -1


def resolve_pronouns(doc: Doc, mentions: Sequence[tuple[int, int, KBActor]]) -> list[tuple[int, KBActor]]:
    """(pronoun token index, actor) for each pronoun of the document that stands for an actor of the
    `mentions` (token start, token end, actor), by the rules of the module docstring."""
    genders = _genders(doc, mentions)
    antecedents = sorted(
        (_antecedent(doc, s, e, actor, genders.get(actor.id)) for s, e, actor in mentions),
        key=lambda a: (a.start, a.end),
    )
    if not antecedents:
        return []
    taken = {i for a in antecedents for i in range(a.start, a.end)}
    found: list[tuple[int, KBActor]] = []
    first = 0
    for token in doc:
        word = token.lower_
        if token.pos_ != "PRON" and token.tag_ != "PRP$" or token.i in taken:
            continue
        if word not in PERSON_PRONOUNS | SINGULAR_PRONOUNS | PLURAL_PRONOUNS or _empty(token):
            continue
        window = _window_start(token)
        while first < len(antecedents) and antecedents[first].sentence < window:
            first += 1  # the antecedents are in text order, and so are the pronouns
        before = [a for a in antecedents[first:] if a.end <= token.i and _fits(word, a) and not _bound(token, a)]
        actor = _choose(token, before)
        if actor is not None:
            found.append((token.i, actor))
    return found


def _genders(doc: Doc, mentions: Sequence[tuple[int, int, KBActor]]) -> dict[str, str]:
    """The gender of each person the document names: a title before a mention ("Mrs. Roe", "Mr. Doe"), else
    the given name (data/packs/lexicon/given_names.yaml)."""
    found: dict[str, str] = {}
    for start, _end, actor in mentions:
        if actor.kind != "person":
            continue
        title = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
        first = doc[start].lower_.rstrip(".")
        marked = TITLES.get(title) or TITLES.get(first)
        if marked is not None:
            found[actor.id] = marked
    for _start, _end, actor in mentions:
        if actor.kind == "person" and actor.id not in found:
            gender = NAMES.gender(actor.name)
            if gender is not None:
                found[actor.id] = gender
    return found


def _antecedent(doc: Doc, start: int, end: int, actor: KBActor, gender: str | None) -> Antecedent:
    span = doc[start:end]
    root = _nominal_head(span.root)
    coordinated = any(c.dep_ == "conj" for c in root.children) or root.dep_ == "conj"
    plural = root.tag_ in ("NNS", "NNPS") or coordinated
    subject = _is_subject(root)
    verb = _clause_head(root).head.i if subject else -1
    return Antecedent(start, end, actor, subject, plural, coordinated, gender, span.sent.start, verb)


def _fits(word: str, antecedent: Antecedent) -> bool:
    kind = antecedent.actor.kind
    if word in PERSON_PRONOUNS:  # "she" only for a woman the text or her name shows; "he" for no woman
        wanted = "female" if word in FEMALE_PRONOUNS else None
        fits_gender = antecedent.gender == "female" if wanted else antecedent.gender != "female"
        return kind == "person" and not antecedent.plural and fits_gender
    if word in SINGULAR_PRONOUNS:
        return kind in GROUP_KINDS and not antecedent.plural
    return (antecedent.plural and (kind in PLURAL_KINDS or kind in GROUP_KINDS)) or kind in COLLECTIVE_KINDS


def _choose(pronoun: Token, before: list[Antecedent]) -> KBActor | None:
    """The antecedent a reader would pick, or None when no one or more than one stands out."""
    if not before:
        return None
    sentence = pronoun.sent.start
    if pronoun.lower_ not in PERSON_PRONOUNS | {"its"}:
        # "it", "they": only the subject whose clause holds the pronoun ("Russia said it ...", "the rebels
        # said they ..."), or an armed group or forces that were the last subject ("The Taliban ... they")
        before = [a for a in before if a.sentence == sentence or _group(a)]
    own = [a for a in before if a.sentence == sentence and a.subject]
    if own:
        subject = own[-1]
        between = [a for a in before if a.start > subject.start and a.actor.id != subject.actor.id]
        if between:  # "the army clashed with the militants after they ...": either could be meant
            return None
        return _one([subject]) if len({a.actor.id for a in own}) == 1 or _governs(subject, pronoun) else None
    rivals = {a.actor.id for a in before if a.sentence == sentence}
    for start in sorted({a.sentence for a in before}, reverse=True):
        subjects = [a for a in before if a.sentence == start and a.subject]
        if subjects:
            if rivals - {a.actor.id for a in subjects}:
                return None  # "Since Russia's intervention began, it ...": a nearer actor could be meant
            return _one(subjects)
    # a person named once nearby is who "he" is; a group or a thing that is no subject is too weak a lead for
    # "it" or "they" ("... responding to social media calls. They clashed ...": the crowd, not the media)
    return _one(before) if pronoun.lower_ in PERSON_PRONOUNS else None


def _group(antecedent: Antecedent) -> bool:
    """An armed group, or forces, police or people named in the plural ("FARDC soldiers ... They")."""
    kind = antecedent.actor.kind
    return kind in COLLECTIVE_KINDS or (antecedent.plural and not antecedent.coordinated and kind in PLURAL_KINDS)


def _one(candidates: list[Antecedent]) -> KBActor | None:
    actors = {a.actor.id: a.actor for a in candidates}
    if len(actors) != 1 or any(a.coordinated for a in candidates):
        return None
    return next(iter(actors.values()))


def _bound(pronoun: Token, antecedent: Antecedent) -> bool:
    """An object pronoun never stands for the subject of its own verb ("Russia bombed the town and shelled
    it": it is not Russia; that would be "itself")."""
    return pronoun.dep_ in ("dobj", "pobj", "dative", "iobj") and antecedent.verb == _verb_of(pronoun)


def _verb_of(token: Token) -> int:
    """The verb of the pronoun's clause, or the first of the verbs coordinated with it ("bombed ... and
    shelled them": bombed), whose subject they share."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.i


def _clause_head(token: Token) -> Token:
    while token.dep_ in ("compound", "appos", "flat") and token.head.i != token.i:
        token = token.head
    return token


def _governs(antecedent: Antecedent, pronoun: Token) -> bool:
    """The antecedent is the subject of a verb whose clause holds the pronoun: "Russia said it ..."."""
    head = antecedent_token = pronoun.doc[antecedent.start : antecedent.end].root
    while head.dep_ in ("compound", "appos", "flat", "amod") and head.head.i != head.i:
        head = head.head
    verb = head.head
    return verb.i != antecedent_token.i and any(t.i == pronoun.i for t in verb.subtree)


def _empty(token: Token) -> bool:
    """ "it" that stands for no one: the subject of a copula or of a verb of seeming, or of a passive
    reporting verb ("it was reported"), or "it" before an extraposed clause."""
    if token.lower_ != "it":
        return False
    if token.dep_ not in ("nsubj", "nsubjpass", "expl"):
        return True  # "it" as an object is most often a thing: only a subject "it" and "its" are read
    verb = token.head
    if token.dep_ in ("nsubjpass", "expl") or verb.lemma_.lower() in EMPTY_IT_VERBS or verb.lower_ in ("’s", "'s"):
        return True
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and _extraposed(c) for c in verb.children)


def _extraposed(clause: Token) -> bool:
    """ "it is likely that ...", "it helps to ...": a clause after the verb that the "it" announces."""
    return any(c.lower_ in ("that", "to", "whether", "if") and c.i < clause.i for c in clause.children)


def _window_start(token: Token) -> int:
    sentence: Span = token.sent
    for _ in range(SENTENCES_BACK):
        if sentence.start == 0:
            break
        sentence = token.doc[sentence.start - 1].sent
    return sentence.start


def _nominal_head(token: Token) -> Token:
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def _is_subject(token: Token) -> bool:
    while token.dep_ in ("compound", "appos", "flat", "poss") and token.head.i != token.i:
        if token.dep_ == "poss":
            return False
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")
