"""Nouns and adjectives of saying and taking sides: "her support for the bill", "the mayor is eager to
settle".

A noun of the cue pack's `nouns` with an owner (a possessive: "her", "the senator's") and one of its
prepositions attributes the preposition's object to the owner; the cue is the noun and the preposition.
With no such preposition, a clause that "that" opens after the noun is what the owner holds ("the
senator's claim that the port is safe"); the cue is the noun.
A noun with no owner ("support for the bill grew") attributes nothing: no one is said to hold it.
An adjective of attitude of the pack's `adjectives` after a copula attributes its infinitive, its clause
or the object of one of its prepositions to the copula's subject, when the subject can hold a view ("the
mayor is eager to settle", "she was critical of the plan"; not "the road is ready to open").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from warlog.claims.spans import Attribution, Context, edges, end_of, make_attribution, snap
from warlog.claims.speakers import describe_source

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def noun_cue(context: Context, noun: Token) -> Attribution | None:
    """The attribution of a cue noun with an owner and one of its prepositions, or None."""
    entry = context.pack.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if entry is None:
        return None
    _kind, preps = entry
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
    if not owners:
        return None
    owner = owners[0]
    source_span = (owner.left_edge.idx, end_of(owner))  # "the senator", without its "'s"
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if prep is not None and objects:
        content, cue_end = snap(context, edges(objects[0]), noun.idx), end_of(prep)
    else:  # "the senator's claim that the port is safe": the clause "that" opens
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
            m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)), None)  # fmt: skip
        if clause is None:
            return None
        start = context.doc[clause.left_edge.i + 1]
        content, cue_end = snap(context, (start.idx, end_of(clause.right_edge)), noun.idx), end_of(noun)
    source = describe_source(context.doc, owner, source_span, context.index, context.pack)
    return make_attribution(context, content, source, (noun.idx, cue_end), noun.lemma_.lower(), None, None)


def attitude_cue(context: Context, adjective: Token, *, holds_views) -> Attribution | None:
    """The attribution of an adjective of attitude after a copula ("is eager to settle"), or None;
    `holds_views(context, subject)` tells whether the subject can hold a view."""
    entry = context.pack.adjectives.get(adjective.lower_) if adjective.dep_ == "acomp" else None
    copula = adjective.head
    if entry is None or copula.lemma_ != "be":
        return None
    subjects = [c for c in copula.children if c.dep_ in SUBJECTS and c.i < copula.i]
    if not subjects or not holds_views(context, subjects[0]):
        return None
    _kind, preps = entry
    end = end_of(adjective)
    complement = next((c for c in adjective.rights if c.dep_ in ("xcomp", "ccomp")), None)
    if complement is None:
        prep = next((c for c in adjective.rights if c.dep_ == "prep" and c.lower_ in preps), None)
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
        if prep is not None and objects:
            complement, end = objects[0], end_of(prep)
    if complement is None:
        complement = next((c for c in copula.rights if c.dep_ == "ccomp" and c.i > adjective.i), None)
    if complement is None:
        return None
    start = complement.left_edge
    while start.i < complement.i and start.lower_ == "that" and start.tag_ == "IN":
        start = context.doc[start.i + 1]
    content = snap(context, (start.idx, end_of(complement.right_edge)), adjective.idx)
    source = describe_source(context.doc, subjects[0], edges(subjects[0]), context.index, context.pack)
    made = make_attribution(context, content, source, (adjective.idx, end), adjective.lower_, None, None)
    return replace(made, cue_words=(copula.idx, end)) if made is not None and copula.i < adjective.i else made
