"""Attribution: who says what, with character offsets for the source, the cue and the content.

`find_attributions(doc)` reads a doc processed by warlog's pipeline. Rules, each narrow:
- Quotes are found in the text, not the parse: straight and curly marks, paired within a line; a quote
  still open at the end of its line closes there (news reopens it in the next paragraph); a curly opening
  mark after a word and before a space closes ("“Daesh terrorists“").
- Headlines, the title line and transcript lines are read by `warlog.claims.headlines`.
- A reporting verb of the cue pack (said, claimed, announced, wrote, told, denied, noted, ...) attributes
  its content to its subject (the object of "prompted X to declare", the noun of "a statement saying",
  the subject shared by coordinated verbs). Its content is, in order: what follows a colon after the
  verb's own words ("said to The New York Times: “...”"), its complement clause without "that", the quote
  right after it ("the Embassy noted, “...”"), the quote right before it ("“...,” as Weiss wrote"), the
  clause it is an aside to ("..., officials said."), or its object for verbs that take one ("denied the
  report"). A verb with none of these ("I wrote on this blog") attributes nothing.
- A verb of belief or intention (want, expect, know, seem; `belief` in the cue pack) attributes only a
  clause or an infinitive right after it, and only to a name, an actor, he/she/they or an unnamed source.
- A verb of taking sides (back, challenge, offer, apologize for; `act` in the cue pack) attributes only
  what it governs, and only to a subject who can hold a view or a group counted as a whole.
- Cue phrases ("according to X", "in the words of X", "as X put it") are read by `warlog.claims.phrases`.
- A content that begins at a quote's opening covers the whole quote, across sentences; one that ends at a
  quote's closing takes the closing marks. `direct` is True when the content holds quoted text.
- Quotes no cue covers: 1–4 words inside the author's sentence are scare quotes (source None); a longer
  one that follows the last direct quote within two sentences is a further part of its content (`more`:
  the same source and cue, as PolNeAR keeps a paragraph of quotes), else it is kept with no source as
  unnamed.
- A cue said inside a quote, with its source ("“I think we won,” she said"; "“They told us to leave,” he
  said"), attributes nothing of its own: the quote's speaker says it all, and the quote is attributed
  whole. PolNeAR marks almost no attribution nested in a quote; on its dev split this rule moved overlap
  precision from 0.85 to 0.89 at the same recall.
- Where two contents overlap, the one whose cue lies inside the other's content is dropped (it is said
  inside a quote or a reported clause); otherwise the earlier rule wins. Attributions come in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from warlog.claims.colon import find_colon_quotes
from warlog.claims.headlines import find_headline_attributions
from warlog.claims.light import light_cue
from warlog.claims.nouns import attitude_cue, noun_cue
from warlog.claims.phrases import in_record, phrase_cue, put_it
from warlog.claims.quotes import find_quotes, headline_lines
from warlog.claims.spans import (
    ALNUM,
    Attribution,
    Context,
    adjacent_quote,
    after_colon,
    clause_end,
    edges,
    end_of,
    make_attribution,
    overlaps,
    snap,
)
from warlog.claims.speakers import Source, describe_source, find_outlet, find_work
from warlog.doctext import doc_text, sentence_starts, sentences
from warlog.events.roles import MentionIndex
from warlog.packs.cues import CuePack, CueVerb

__all__ = ["Attribution", "find_attributions"]

RULES_VERSION = "1"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
RELATIVE = frozenset({"who", "which", "that"})
SCARE_MAX_WORDS = 4
ACCUSING = frozenset({"accuse", "blame", "charge"})
# people counted as a whole, who take sides as one ("half of the voters backed", "a group backing")
GROUPS = frozenset({
    "voter", "percent", "group", "majority", "minority", "half", "third", "quarter", "most", "many", "some",
    "people", "supporter", "delegate", "population", "electorate", "pac", "campaign", "committee", "party",
})  # fmt: skip
# a reporting verb and a particle that together make another verb: "call off" (cancel), "back down"
OTHER_VERBS = frozenset({
    ("call", "off"), ("call", "up"), ("call", "in"), ("back", "down"), ("back", "out"), ("back", "away"),
    ("back", "off"), ("offer", "up"), ("point", "up"), ("question", "out"),
})  # fmt: skip
BELIEF_OBJECTS = frozenset({"want", "prefer", "expect", "see", "fear", "plan", "hope", "wish", "like", "remember"})
THIRD_PERSONS = frozenset({"he", "she", "they"})
_NOBODY = re.compile(r"\b(?:nobody|no one|everybody|everyone|anyone|anybody)\b", re.IGNORECASE)
CUE_LEFT = frozenset({"aux", "auxpass", "neg", "advmod"})
CUE_RIGHT = frozenset({"prep", "advmod", "npadvmod", "prt"})
CORE_COMPLEMENTS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd"})
COMPLEMENTS = CORE_COMPLEMENTS | {"attr", "acomp"}
FRONTED = frozenset({"prep", "advmod", "npadvmod", "advcl", "intj", "mark"})  # what sets a cue's scene


def find_attributions(doc: Doc, *, pack: CuePack | None = None) -> list[Attribution]:
    """The attributions of a doc processed by warlog's pipeline, in text order, no two contents overlapping."""
    pack = pack or CuePack.load()
    text = doc_text(doc)
    context = Context(doc, text, find_quotes(text), MentionIndex(doc, doc._.warlog_actors or ()), pack,
                       headline_lines(text), [m.start() for m in re.finditer("\n", text)])  # fmt: skip
    found = find_headline_attributions(context)
    for token in doc:
        if context.in_headline(token.idx):
            continue
        attribution = (
            light_cue(context, token, holds_views=_holds_beliefs)
            or _verb_cue(context, token)
            or phrase_cue(context, token)
            or put_it(context, token)
            or in_record(context, token)
            or noun_cue(context, token)
            or attitude_cue(context, token, holds_views=_holds_beliefs)
        )
        if attribution is not None and not _quoted(context, attribution):
            found.append(attribution)
    kept = _without_overlaps(found + find_colon_quotes(context))
    kept += _uncovered_quotes(context, kept)
    return sorted(kept, key=lambda a: a.content)


# -- reporting verbs --------------------------------------------------------------------------------


def _verb_cue(context: Context, verb: Token) -> Attribution | None:
    cue = context.pack.verb(verb.lemma_, form=verb.lower_)
    if cue is None or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "prt" and (verb.lemma_, c.lower_) in OTHER_VERBS for c in verb.children):
        return None  # "called off the deal": a particle that makes another verb
    if (cue.complement or cue.act) and verb.tag_ == "VB" and verb.i == verb.sent.start:
        return None  # "Call it a retreat": the author's imperative, no one's report
    if any(c.dep_ == "auxpass" for c in verb.children):
        return _passive_cue(context, verb, cue)
    if cue.raising:
        return _raising_cue(context, verb, cue, None)
    if cue.belief:
        return _belief_cue(context, verb, cue)
    subject = _speaker_of(verb) or _after_quote(context, verb)
    if cue.act and (subject is None or not _takes_sides(context, subject)):
        return None  # "the speech focused on jobs": only someone takes a side
    content = None if cue.act else _verb_content(context, verb, cue, subject)
    if content is None and verb.lemma_ in ACCUSING:  # "accused Hezbollah of firing rockets"
        reason = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "for")]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        content = (objects[0].left_edge.idx, end_of(reason[0].right_edge)) if reason and objects else None
    cue_end = verb.idx + len(verb)
    for prep in (
        p for p in verb.children if content is None and p.dep_ == "prep" and p.i > verb.i and p.lower_ in cue.preps
    ):
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        content, cue_end = (edges(objects[0]), end_of(prep)) if objects else (None, cue_end)
    if content is None and cue.preps:  # "called for all parties to return": the preposition marks a clause
        content, cue_end = _marked_clause(context, verb, cue) or (None, cue_end)
    if content is None and cue.object:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        content = edges(objects[0]) if objects and context.index.at(objects[0]) is None else None
    if content is None and cue.complement:
        content = _complement(context, verb)
    if content is None:
        return None
    source = None
    if subject is not None:
        span = (_subject_start(context, subject), edges(subject)[1])
        if span[0] <= verb.idx < span[1]:  # "some who had said ...": the noun without its clause
            span = (span[0], max(span[0], verb.left_edge.idx - 1))
        span = context.clip(span, verb.idx)  # a title or a time stamp the parse joined to the subject's line
        if not span[0] <= subject.idx < span[1]:
            subject, span = _line_subject(context, verb) or (subject, (0, 0))
        if span[0] < span[1]:
            source = describe_source(context.doc, subject, span, context.index, context.pack)
    outlet, _ = find_outlet(verb, context.index)
    work, _ = find_work(verb)
    if cue.complement and not _speaker_like(context, verb, subject, source):
        return None
    words = _cue_words(context, verb, cue_end, content, source.span if source is not None else None)
    made = make_attribution(context, content, source, (verb.idx, cue_end), cue.lemma, outlet, work)
    return replace(made, cue_words=words) if made is not None else None


def _quoted(context: Context, attribution: Attribution) -> bool:
    """Whether an attribution is said inside a quote, its source and cue both ("“I think we won,” she said";
    "“They told us they would leave,” he said"): the quote's speaker says it all, and the quote is
    attributed whole, to its speaker or as a quote with no cue."""
    source, cue = attribution.source, attribution.cue
    if source is None or cue is None:
        return False
    at = bisect_right(context.quotes, (cue[0], len(context.text))) - 1  # the last quote opening before the cue
    return at >= 0 and context.quotes[at][0] < source[0] and cue[1] <= context.quotes[at][1]


def _after_quote(context: Context, verb: Token) -> Token | None:
    """The name between a closing quote and its cue that the parse left without a role ("“...,” Lund, the
    mayor, said"): its first proper noun, when the words after the quote are all a noun phrase."""
    doc = context.doc
    first = verb.i
    while first > max(0, verb.i - 10) and doc[first - 1].text not in ("”", '"', "''"):
        first -= 1
    words = [t for t in doc[first : verb.i] if not t.is_space]
    if first == max(0, verb.i - 10) or not words:
        return None
    if any(t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT", "PART", "ADP") for t in words):
        return None
    return next((t for t in words if t.pos_ == "PROPN"), None)


def _subject_start(context: Context, subject: Token) -> int:
    """Where a subject's phrase starts: its left edge, or the end of a quote that closes between that edge
    and the subject ("“Taxes are high,” Lund said": the parse may tie the quote's words to the name)."""
    start = subject.left_edge.idx
    at = bisect_right(context.quotes, (subject.idx, subject.idx)) - 1  # the last quote opening before it
    return context.quotes[at][1] if at >= 0 and start < context.quotes[at][1] <= subject.idx else start


def _line_subject(context: Context, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """The noun phrase that opens the verb's line right before it ("9:30 p.m.\n\nGovernor Lund says"), when
    the parse took a word of the line before for its subject."""
    start = context.line_of(verb.idx)[0]
    words = [t for t in verb.doc[max(0, verb.i - 8) : verb.i] if t.idx >= start and not t.is_space]
    if not words or any(t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT") for t in words):
        return None
    heads = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
    return (heads[-1], (words[0].idx, end_of(words[-1]))) if heads else None


def _marked_clause(context: Context, verb: Token, cue: CueVerb) -> tuple[tuple[int, int], int] | None:
    """A clause after the verb that one of its prepositions opens ("called for all parties to return"):
    the clause after the preposition, and the preposition's end (it joins the cue)."""
    for clause in (c for c in verb.rights if c.dep_ in ("advcl", "xcomp", "ccomp")):
        mark = clause.left_edge
        if mark.dep_ == "mark" and mark.head.i == clause.i and mark.lower_ in cue.preps and mark.i + 1 < clause.i:
            start = context.doc[mark.i + 1]
            return snap(context, (start.idx, end_of(clause.right_edge)), verb.idx), end_of(mark)
    return None


def _passive_cue(context: Context, verb: Token, cue: CueVerb) -> Attribution | None:
    """ "It was reported that ...", "it has been claimed by the ministry that ...": a passive reporting
    verb with a clause says it; the source is the agent, when there is one. With no clause, the object
    of one of its prepositions is what is said ("was asked about the tax")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    preps = [p for p in verb.children if p.dep_ == "prep" and p.i > verb.i and p.lower_ in cue.preps]
    objects = [c for p in preps[:1] for c in p.children if c.dep_ in ("pobj", "pcomp")]
    cue_end = end_of(verb)
    if clauses:
        start = clauses[0].left_edge
        while start.i < clauses[0].i and start.lower_ == "that" and start.tag_ == "IN":
            start = context.doc[start.i + 1]
        content = snap(context, (start.idx, end_of(clauses[0].right_edge)), verb.idx)
    elif objects:
        content, cue_end = snap(context, edges(objects[0]), verb.idx), end_of(preps[0])
    else:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return _raising_cue(context, verb, cue, agents[0] if agents else None)
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    source = describe_source(context.doc, agents[0], edges(agents[0]), context.index, context.pack) if agents else None
    made = make_attribution(context, content, source, (verb.idx, cue_end), cue.lemma, None, None)
    words = _cue_words(context, verb, cue_end, content, None)
    return replace(made, cue_words=words) if made is not None else None


def _raising_cue(context: Context, verb: Token, cue: CueVerb, agent: Token | None) -> Attribution | None:
    """ "The deal seems to hold", "the vote is expected to pass (by analysts)": the subject and the
    infinitive are what is said, in two parts, by no one but the agent. "It seems (that) ..." attributes
    nothing: an aside of the author's, whose clause may hold a report of its own."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    infinitives = [c for c in verb.children if _infinitive_after(verb, c)]
    if not subjects or not infinitives or any(t.tag_ in ("WDT", "WP", "WP$") for t in subjects[0].subtree):
        return None
    content = snap(context, edges(subjects[0]), verb.idx)
    more = (snap(context, (infinitives[0].left_edge.idx, end_of(infinitives[0].right_edge)), verb.idx),)
    source = describe_source(context.doc, agent, edges(agent), context.index, context.pack) if agent else None
    made = make_attribution(context, content, source, (verb.idx, end_of(verb)), cue.lemma, None, None)
    if made is None:
        return None
    return replace(made, more=more, cue_words=_cue_words(context, verb, end_of(verb), made.content, made.source))


def _belief_cue(context: Context, verb: Token, cue: CueVerb) -> Attribution | None:
    """ "Trump wants to build a wall", "officials believe that ...": a verb of belief or intention
    attributes the clause after it, and only to a subject who can hold one (see `_holds_beliefs`)."""
    subject = _speaker_of(verb)
    clauses = [c for c in verb.children if (c.dep_ == "ccomp" and c.i > verb.i) or _infinitive_after(verb, c)]
    if subject is None or not (_holds_beliefs(context, subject) or (not clauses and _takes_sides(context, subject))):
        return None
    if clauses:
        start = clauses[0].left_edge
        while start.i < clauses[0].i and start.lower_ == "that" and start.tag_ == "IN":
            start = context.doc[start.i + 1]
        content: tuple[int, int] | None = snap(context, (start.idx, end_of(clauses[0].right_edge)), verb.idx)
    else:  # "most farmers want a new subsidy", "she sees the plan as a failure": a thing wanted or seen as
        objects = [c for c in verb.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        wanted = objects and verb.lemma_ in BELIEF_OBJECTS and _takes_sides(context, subject)
        content = _complement(context, verb) if wanted else None
    if content is None:
        return None
    source = describe_source(context.doc, subject, edges(subject), context.index, context.pack)
    made = make_attribution(context, content, source, (verb.idx, end_of(verb)), cue.lemma, None, None)
    words = _cue_words(context, verb, end_of(verb), content, source.span)
    return replace(made, cue_words=words) if made is not None else None


def _infinitive_after(verb: Token, child: Token) -> bool:
    """Whether a verb's child is an infinitive right after it ("wants to", "seems to", "plans not to"),
    not one that an object or an aside comes between ("knows him to be", "as X knows — to ...")."""
    if child.dep_ != "xcomp" or child.i < verb.i:
        return False
    return all(t.dep_ in ("advmod", "neg") for t in verb.doc[verb.i + 1 : child.left_edge.i])


def _holds_beliefs(context: Context, subject: Token) -> bool:
    """Whether a subject can believe or intend: a name, an actor, a person or group pronoun (not "I",
    "you" or "it": the author's and the reader's thoughts are no one's report), a noun that a "who"
    clause tells for a person, or an unnamed source."""
    if subject.pos_ == "PRON":
        return subject.lower_ in THIRD_PERSONS
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ == "nsubj" for w in c.children)
           for c in subject.children):  # fmt: skip
        return True  # "voters who wanted a break": "who" tells a person
    mention = context.index.at(subject)
    if mention is not None and mention.actor.kind != "place":
        return True
    return subject.lemma_.lower() in context.pack.unnamed


def _takes_sides(context: Context, subject: Token) -> bool:
    """Whether a subject can take a side: one who can hold a belief or a group counted as a whole ("half
    of the voters backed")."""
    return _holds_beliefs(context, subject) or subject.lemma_.lower() in GROUPS


def _speaker_like(context: Context, verb: Token, subject: Token | None, source: Source | None) -> bool:
    """Whether a verb of judging has someone who judges: a subject, not the object of the verb it
    completes unless that is an actor, a name, a pronoun or an unnamed source ("used such terms to
    describe" has none)."""
    if subject is None or source is None:
        return True
    if _NOBODY.search(context.text[source.span[0] : source.span[1]]):  # "nobody can support it": no one's view
        return False
    if subject.dep_ not in ("dobj", "dative") or source.speakers or subject.pos_ in ("PROPN", "PRON"):
        return True
    return subject.lemma_.lower() in context.pack.unnamed


def _cue_words(context: Context, verb: Token, end: int, content: tuple[int, int], source) -> tuple[int, int]:
    """The cue with the words that go with the verb: auxiliaries, a negation and adverbs right before it
    ("has not said", "also noted"), its particle ("pointed out"); when what is said comes before it and
    no source follows it, the rest of its phrase too ("said in a statement on Tuesday")."""
    doc = context.doc
    first = verb
    while first.i > 0 and doc[first.i - 1].head.i == verb.i and doc[first.i - 1].dep_ in CUE_LEFT:
        first = doc[first.i - 1]
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = max(end, end_of(child))
    if content[1] <= verb.idx and (source is None or source[1] <= verb.idx):
        for child in verb.rights:  # its phrase, not whom it is told to ("told Reuters")
            if child.dep_ not in CUE_RIGHT:
                break
            end = max(end, end_of(child.right_edge))
    return first.idx, end


def _complement(context: Context, verb: Token) -> tuple[int, int] | None:
    """What a verb of judging governs after it: its objects and complements with the phrases that go with
    them ("praised her effort", "criticized Clinton for her vote", "refused to answer")."""
    parts: list[Token] = []
    for child in verb.rights:
        if child.dep_ in ("punct", "cc", "conj", "advcl", "parataxis", "relcl") or child.is_space:
            break
        if child.dep_ in COMPLEMENTS or (parts and child.dep_ in ("prep", "advmod", "npadvmod")):
            parts.append(child)
    if not any(p.dep_ in CORE_COMPLEMENTS for p in parts):
        return None
    return snap(context, (parts[0].left_edge.idx, end_of(parts[-1].right_edge)), verb.idx)


def _speaker_of(verb: Token) -> Token | None:
    """The verb's subject (or a name right before it that the parse took for a compound); for "prompted X
    to declare" the object X; for "a statement saying" the noun;
    for coordinated or participial verbs ("announced ... and said", ", saying ...") the head's subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:  # of two, the one nearer before the verb: a quote's words the parse gave it come first
        child = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
        return verb.head if child.lower_ in RELATIVE and verb.dep_ == "relcl" else child
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    named = verb.doc[verb.i - 1] if verb.i else None  # "Lund notes, ...": a name the parse took for a compound
    if named is not None and named.head.i == verb.i and named.dep_ in ("compound", "npadvmod") and named.is_title:
        return named
    if verb.dep_ == "xcomp":
        objects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
        if objects:
            return objects[0]
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return _speaker_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    clause = verb.head.head  # "Lund, after saying he would run, ...": the subject of the clause of "after"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and clause.pos_ in ("VERB", "AUX"):
        return _speaker_of(clause) if clause.i != verb.i else None
    return _stranded_subject(verb) if verb.dep_ == "ROOT" else None


def _stranded_subject(verb: Token) -> Token | None:
    """The name right before a verb that lacks a subject, which the parse gave to a fronted phrase
    ("Worried by the floods upstream, Governor Lund, a former engineer, said ..."): the name, or the
    head of its appositive, after which only a comma comes."""
    doc = verb.doc
    i = verb.i - 1
    while i > verb.sent.start and (doc[i].text == "," or doc[i].is_space):
        i -= 1
    if i == verb.i - 1 or i <= verb.sent.start:
        return None  # "X said": a subject the parse would have found; with nothing but a comma, none
    name = doc[i]
    while name.dep_ in ("appos", "compound") and name.head.i < verb.i and name.head.i != name.i:
        name = name.head
    if name.pos_ != "PROPN" or name.dep_ not in ("conj", "pobj", "appos", "dobj"):
        return None
    between = doc[name.i + 1 : verb.i]
    return None if any(t.pos_ in ("VERB", "AUX") for t in between) else name


def _verb_content(context: Context, verb: Token, cue: CueVerb, subject: Token | None) -> tuple[int, int] | None:
    sentence = verb.sent
    conjoined = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    own = {t.i for t in verb.subtree} - conjoined  # "noted that ... and added: “...”": the quote is added's
    line = context.line_of(verb.idx)
    clauses = [c for c in verb.children if (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.i > verb.i))
               and line[0] <= c.idx < line[1]]  # fmt: skip
    clauses = clauses or _stranded_clause(verb)
    for token in sentence[verb.i - sentence.start + 1 :]:  # a colon after the verb's own words
        if token.text == ":" and (token.i in own or token.head.i == verb.i or all(
                i in own or context.doc[i].is_punct for i in range(verb.i + 1, token.i))):  # fmt: skip
            if not any(token.i > c.i and c.right_edge.i > token.i for c in clauses if c.i < token.i):
                after = after_colon(context, token)
                if after is not None:
                    return after
            break
        if token.i not in own and not token.is_punct:
            break
    for clause in clauses:
        if clause.dep_ == "xcomp" and cue.kind != "claim" and not _misparsed_clause(clause):
            continue
        start = clause.left_edge
        while start.i < clause.i and start.lower_ == "that" and start.tag_ == "IN":
            start = context.doc[start.i + 1]
        return snap(context, (start.idx, end_of(clause.right_edge)), verb.idx)
    misparsed = _said_object(verb)
    if misparsed is not None:
        return snap(context, (misparsed.left_edge.idx, end_of(misparsed.right_edge)), verb.idx)
    clause_start = min(verb.idx, _subject_start(context, subject) if subject is not None else verb.idx)
    phrase_end = end_of(clause_end(context, verb))
    quote = adjacent_quote(context, clause_start, phrase_end)
    return quote or _aside_of(context, verb, subject) or _as_clause(context, verb) or _said_word(verb)


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _misparsed_clause(clause: Token) -> bool:
    """Whether a verb's "xcomp" is a clause the parse took for an infinitive: a finite verb ("the cuts,
    which they say closed the clinics") or a gerund subject with a finite verb of its own ("said closing
    the mine could cost hundreds of jobs")."""
    if clause.tag_ in FINITE:
        return True
    return clause.tag_ == "VBG" and any(c.dep_ == "ccomp" and (c.tag_ in FINITE or any(
        a.tag_ == "MD" for a in c.children)) for c in clause.rights)  # fmt: skip


def _stranded_clause(verb: Token) -> list[Token]:
    """A "that" clause the parse hung on a noun of the verb's phrase as a relative clause ("told farmers at
    a market in the town that the dam could open"): "that" is its complementizer (a relative "that" is the
    clause's subject or object), and the noun is the object of one of the verb's prepositions after it."""
    nouns, found = [verb], []
    for _ in range(3):  # prepositions in a row: "during a conference in the capital that ..."
        nouns = [o for n in nouns for p in n.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        found += [c for n in nouns for c in n.rights if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX") and any(
            m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)]  # fmt: skip
    return found[:1]


def _said_word(verb: Token) -> tuple[int, int] | None:
    """ "Half of them said so", "he said yes", "she said the same": a word that stands for what is said,
    right after "say" and ending its phrase."""
    if verb.lemma_.lower() != "say" or verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.head.i == verb.i and word.lower_ in ("so", "yes", "no"):
        return word.idx, end_of(word)
    if word.head.i == verb.i and word.dep_ == "dobj" and word.lemma_.lower() in SAID_WORDS:
        return edges(word) if word.right_edge.i - word.i < 4 else None
    if word.lower_ == "the" and word.head.head.i == verb.i and word.head.lower_ == "same":
        return edges(word.head)
    return None


def _as_clause(context: Context, verb: Token) -> tuple[int, int] | None:
    """ "As the paper reported, the talks failed": a cue in an "as" clause before the clause it is an
    aside to says that clause, from after the comma to the clause's end."""
    head = verb.head
    if (
        verb.dep_ != "advcl"
        or head.i <= verb.i
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        return None
    after = context.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(context.doc) else None
    if after is None or after.text != "," or after.i + 1 > head.right_edge.i:
        return None
    return snap(context, (context.doc[after.i + 1].idx, end_of(head.right_edge)), verb.idx)


# what one says as a thing, not as a clause: "said a prayer", "says nothing", "said the words"
SAID_THINGS = frozenset({
    "prayer", "goodbye", "word", "thing", "nothing", "something", "anything", "everything", "this", "that", "so",
    "much", "little", "yes", "no", "grace", "name", "line", "hello", "sorry", "mass", "it", "what", "which",
})  # fmt: skip


SAID_WORDS = frozenset({"same", "it", "this", "that", "thing", "something", "nothing", "anything", "much"})


def _said_object(verb: Token) -> Token | None:
    """The object of "say" that the parser took for a noun phrase where a clause follows it ("says the
    populist movement sweeping the country appeals to anger": "movement ... appeals" is what is said): a
    phrase of four words or more with a verb in it, whose head is not a thing one says ("said a prayer")."""
    if verb.lemma_.lower() != "say":
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i and child.lemma_.lower() not in SAID_THINGS:
            subtree = list(child.subtree)
            if len(subtree) >= 4 and any(t.pos_ in ("VERB", "AUX") and t.i > child.i for t in subtree):
                return child
    return None


def _aside_of(context: Context, verb: Token, subject: Token | None) -> tuple[int, int] | None:
    """ "..., officials said." — the clause before a cue set off by a comma at the end of its sentence. Only
    a verb with a subject of its own has one ("..., she said, hoping to ..." does not make "hoping" an aside),
    and not in a relative clause ("..., whose leaders have called for ...")."""
    if subject is not None and subject.head.i != verb.i and subject.i < verb.i:
        return None
    if verb.dep_ in ("relcl", "acl") or (subject is not None and any(t.tag_ == "WP$" for t in subject.subtree)):
        return None
    if subject is None or subject.i > verb.i:
        first = verb.i
    else:
        first = subject.left_edge.i
    sentence = verb.sent
    if first - 2 < sentence.start or context.doc[first - 1].text != ",":
        return None
    end = clause_end(context, verb)
    rest = [t for t in sentence[end.i - sentence.start + 1 :] if not t.is_space]
    if rest and rest[0].text == "," and not all(t.is_punct for t in rest):  # "The attack, X noted, was ..."
        return snap(context, (sentence[0].idx, end_of(rest[-1])), verb.idx)
    if rest and not all(t.is_punct for t in rest):
        return None
    before = context.doc[sentence.start : first - 1]
    if any(t.head.i == verb.i and t.dep_ in FRONTED for t in before):  # "On Tuesday, she criticized ..."
        return None
    return snap(context, (sentence[0].idx, end_of(context.doc[first - 2])), verb.idx)


# -- shared -----------------------------------------------------------------------------------------


def _without_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose cue is inside another's content, then the later of two that overlap."""

    def within(a: Attribution, b: Attribution) -> bool:
        return a is not b and a.cue is not None and b.content[0] <= a.cue[0] < b.content[1]

    # of two that hold each other's cue (a parse that made each the other's clause), neither is inner:
    # the earlier is kept below
    inner = {i for i, a in enumerate(found) for b in found if within(a, b) and not within(b, a)}
    kept: list[Attribution] = []
    for i, attribution in enumerate(found):
        if i not in inner and not any(overlaps(attribution.content, k.content) for k in kept):
            kept.append(attribution)
    return kept


def _uncovered_quotes(context: Context, kept: list[Attribution]) -> list[Attribution]:
    """Scare quotes, continued quotes and quotes with no source, for quotes no attribution covers; a
    quote right after the cue that split it from its first part (“A,” she said. “B.”) joins that part."""
    out: list[Attribution] = []
    text = context.text
    for quote in context.quotes:
        if any(overlaps(quote, a.content) for a in kept) or context.in_headline(quote[0]):
            continue
        split = next((i for i, a in enumerate(kept) if _splits(text, a, quote)), None)
        if split is not None:
            kept[split] = replace(kept[split], more=(*kept[split].more, quote))
            continue
        words = len(text[quote[0] : quote[1]].split())
        sentence = _sentence_at(context.doc, quote[0])
        inside = sentence is not None and ALNUM.search(
            text[sentence.start_char : quote[0]] + text[quote[1] : sentence.end_char]
        )
        if words <= SCARE_MAX_WORDS and inside:
            out.append(Attribution(quote, None, None, None, True, (), "scare_quote"))
            continue
        previous = [a for a in kept + out if a.content[1] <= quote[0] and a.direct and a.source_kind != "scare_quote"]
        last = max(previous, key=lambda a: a.content[1], default=None)
        if last is not None and _sentences_between(context.doc, last.content[1], quote[0]) <= 2:
            grown = replace(last, more=(*last.more, quote))
            if last in out:
                out[out.index(last)] = grown
            else:
                kept[kept.index(last)] = grown
        elif words > SCARE_MAX_WORDS:
            out.append(Attribution(quote, None, None, None, True, (), "unnamed"))
    return out


def _splits(text: str, attribution: Attribution, quote: tuple[int, int]) -> bool:
    """Whether a quote goes on from an attribution's quoted content that its own source and cue cut off:
    the content is a quote ending before them, and the quote opens right after them on the same line."""
    cue, content = attribution.cue, attribution.content
    if cue is None or not attribution.direct or attribution.more or content[1] > cue[0]:
        return False
    after = max(cue[1], attribution.source[1] if attribution.source is not None else 0)
    gap = _SPLIT_GAP.fullmatch(text, after, quote[0]) if after <= quote[0] else None  # not a slice: quadratic
    return gap is not None and text[content[1] - 1] in "\"”’'"


_SPLIT_GAP = re.compile("[ ,.;:\u00a0]*")


def _sentence_at(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, min(char + 1, _length(doc)), alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _sentences_between(doc: Doc, start: int, end: int) -> int:
    """The sentences within [start, end]: ordered, so a run of them found by bisection."""
    every = sentences(doc)
    first = bisect_left(sentence_starts(doc), start)
    return max(0, bisect_right(every, end, lo=first, key=lambda s: s.end_char) - first)


def _length(doc: Doc) -> int:
    """len(doc.text) without building the text."""
    last = doc[-1] if len(doc) else None
    return 0 if last is None else last.idx + len(last.text_with_ws)
