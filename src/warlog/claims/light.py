"""Light-verb phrases of saying and believing: "made the case that", "has no idea whether", "took issue with".

A light verb (make, have, take, express, voice, raise, offer, give) whose object is a noun of saying or
belief attributes what the noun governs to the verb's subject: a clause ("that ...", "whether ..."), a
clause or object after one of the noun's prepositions ("the question of whether ...", "concern about the
plan"), or a clause the parse gave the verb. "Made (it) clear that ..." reads the same way. The cue is
the verb through the noun ("made the case"), with the preposition when that marks the content
("took issue with"). The subject must be able to hold a view (`holds_views`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from warlog.claims.spans import Attribution, Context, edges, end_of, make_attribution, snap
from warlog.claims.speakers import describe_source

LIGHT_VERBS = frozenset({"make", "have", "take", "express", "voice", "raise", "offer", "give"})
_ABOUT = ("about", "over", "on", "regarding")
# a noun of saying or belief and the prepositions whose object is what it holds
NOUNS: dict[str, tuple[str, ...]] = {
    "case": ("for", "against"), "argument": ("for", "against", "about"), "point": ("about",),
    "claim": ("about",), "view": _ABOUT, "idea": ("about", "of"), "hope": ("for", "of"),
    "concern": (*_ABOUT, "for"), "confidence": ("in",), "fear": (*_ABOUT, "of"), "doubt": (*_ABOUT, "of"),
    "question": ("of", "about", "over"), "secret": ("of",), "promise": ("of",), "pledge": ("of",),
    "assurance": ("of",), "warning": ("about", "of", "against"), "opinion": _ABOUT, "belief": ("in",),
    "issue": ("with",), "apology": ("for",), "prediction": ("about",), "accusation": ("against", "of"),
    "allegation": ("against", "of", "about"), "objection": ("to",), "complaint": ("about", "against"),
    "criticism": ("of",), "skepticism": ("about", "of", "over"), "optimism": ("about", "over"),
    "worry": ("about", "over"), "suspicion": ("of", "about"), "support": ("for",), "opposition": ("to",),
    "frustration": ("with", "over", "about"), "dismay": ("at", "over"), "outrage": ("at", "over"),
    "regret": ("for", "over", "about"), "condolence": ("to",), "praise": ("for",), "vow": (),
    "suggestion": (), "impression": (), "notion": (), "sense": (), "statement": (), "threat": (),
    "stance": ("on", "against"), "position": ("on", "against"), "stand": ("on", "against"), "aim": ("at",),
    "exception": ("to",), "umbrage": ("at",), "swipe": ("at",), "credit": ("for",), "responsibility": ("for",),
    "indication": (), "hint": (), "guarantee": (), "reassurance": (), "endorsement": ("of", "to"),
}  # fmt: skip
CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl", "advcl"})
THINGS_DO = frozenset({"raise", "give"})  # "the vote raised the question of ...": a thing's doing
CUE_LEFT = frozenset({"aux", "neg", "advmod"})
MARKS = frozenset({"that", "whether", "if"})


def light_cue(context: Context, verb: Token, *, holds_views) -> Attribution | None:
    """The attribution of a light verb with a noun of saying or belief for its object, or None;
    `holds_views(context, subject)` tells whether the subject can hold a view."""
    if verb.lemma_.lower() not in LIGHT_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects or not _may_hold(context, verb, subjects[0], holds_views):
        return None
    found = _made_clear(verb) if verb.lemma_.lower() == "make" else None
    found = found or _noun_content(context, verb)
    if found is None:
        return None
    content, cue_end = found
    content = snap(context, content, verb.idx)
    source = describe_source(context.doc, subjects[0], edges(subjects[0]), context.index, context.pack)
    made = make_attribution(context, content, source, (verb.idx, cue_end), verb.lemma_.lower(), None, None)
    return replace(made, cue_words=(_first_word(verb).idx, cue_end)) if made is not None else None


def _first_word(verb: Token) -> Token:
    """The verb with the auxiliaries, negation and adverbs right before it ("has also made")."""
    first = verb
    while first.i > 0 and verb.doc[first.i - 1].head.i == verb.i and verb.doc[first.i - 1].dep_ in CUE_LEFT:
        first = verb.doc[first.i - 1]
    return first


def _may_hold(context: Context, verb: Token, subject: Token, holds_views) -> bool:
    """Whether a subject can hold what the phrase says: one who can hold a view, or any noun but for
    "raise" and "give", whose subject is often a thing ("the vote raised the question")."""
    if holds_views(context, subject):
        return True
    return subject.pos_ == "NOUN" and verb.lemma_.lower() not in THINGS_DO


def _noun_content(context: Context, verb: Token) -> tuple[tuple[int, int], int] | None:
    """ "made the case that ...", "raised the question of whether ...", "expressed concern about ..."."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOUNS:
        return None
    if any(c.dep_ == "poss" for c in noun.children):  # "made his case": a noun cue reads an owner's noun
        return None
    clause = next((c for c in noun.rights if c.dep_ in CLAUSE_DEPS and _marked(c)), None)
    if clause is None:  # the parse may give the clause to the verb: "has no idea whether ..."
        clause = next((c for c in verb.rights if c.i > noun.i and c.dep_ in ("ccomp", "advcl") and _marked(c)), None)
    if clause is not None:
        return _clause(clause), end_of(noun)
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in NOUNS[noun.lemma_.lower()]), None)
    if prep is None:  # "took issue with the plan": the parse gives the preposition to the verb
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == noun.i + 1
                     and c.lower_ in NOUNS[noun.lemma_.lower()]), None)  # fmt: skip
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if prep is None or not objects:
        return None
    return edges(objects[0]), end_of(prep)


def _made_clear(verb: Token) -> tuple[tuple[int, int], int] | None:
    """ "made (it) clear that ...": the clause after "clear"."""
    clear = next((c for c in verb.rights if c.lower_ == "clear" and c.i <= verb.i + 3), None)
    if clear is None:
        return None
    clause = next((c for c in clear.rights if c.dep_ in CLAUSE_DEPS and _marked(c)), None)
    clause = clause or next((c for c in verb.rights if c.i > clear.i and c.dep_ in ("ccomp", "advcl")), None)
    if clause is None:
        return None
    return _clause(clause), end_of(clear)


def _marked(clause: Token) -> bool:
    """Whether a clause opens with "that", "whether" or "if" (not a relative clause: "the case he made")."""
    first = clause.left_edge
    return (first.lower_ in MARKS and first.dep_ == "mark") or (first.lower_ == "that" and first.tag_ == "IN")


def _clause(clause: Token) -> tuple[int, int]:
    """A clause's span without its "that"."""
    start = clause.left_edge
    if start.lower_ == "that" and start.i < clause.i:
        start = clause.doc[start.i + 1]
    return start.idx, end_of(clause.right_edge)
