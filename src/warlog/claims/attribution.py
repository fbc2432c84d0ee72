"""Attribution: who says what, with character offsets for the source, the cue and the content.

`find_attributions(doc)` reads a doc processed by warlog's pipeline. Rules, each narrow:
- Quotes are found in the text, not the parse: straight and curly marks, paired within a line; a quote
  still open at the end of its line closes there (news reopens it in the next paragraph); a curly opening
  mark after a word and before a space closes ("“Daesh terrorists“").
- Headlines (title-case lines without final punctuation) are cut at a reporting verb's third-person form,
  "<Actor> Says/Claims/Warns <content>", or at a colon after a name ("Pat Caddell: ..."): the parse of
  title case is poor, so no other rule reads them.
- A reporting verb of the cue pack (said, claimed, announced, wrote, told, denied, noted, ...) attributes
  its content to its subject (the object of "prompted X to declare", the noun of "a statement saying",
  the subject shared by coordinated verbs). Its content is, in order: what follows a colon after the
  verb's own words ("said to The New York Times: “...”"), its complement clause without "that", the quote
  right after it ("the Embassy noted, “...”"), the quote right before it ("“...,” as Weiss wrote"), the
  clause it is an aside to ("..., officials said."), or its object for verbs that take one ("denied the
  report"). A verb with none of these ("I wrote on this blog") attributes nothing.
- Cue phrases: "according to X" and "in the words of X" (X is the source; the content is the rest of the
  sentence on the other side of the phrase or the adjacent quote), and "as X put it" — also when the
  source is glued to the cue by a typo ("commanderput it"): a word that ends in "put" before "it" is cut.
- A content that begins at a quote's opening covers the whole quote, across sentences; one that ends at a
  quote's closing takes the closing marks. `direct` is True when the content holds quoted text.
- Quotes no cue covers: 1–4 words inside the author's sentence are scare quotes (source None); a longer
  one continues the last direct quote's speaker when it follows it within two sentences, else it is
  kept with no source as unnamed.
- Where two contents overlap, the one whose cue lies inside the other's content is dropped (it is said
  inside a quote or a reported clause); otherwise the earlier rule wins. Attributions come in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from warlog.claims.quotes import find_quotes, headline_lines, lead_line
from warlog.claims.speakers import Source, describe_source, find_outlet, find_work
from warlog.doctext import doc_text, sentence_starts, sentences
from warlog.events.roles import MentionIndex
from warlog.packs.cues import CuePack, CueVerb

RULES_VERSION = "1"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
RELATIVE = frozenset({"who", "which", "that"})
_ALNUM = re.compile(r"\w")
_SPACE = " \t\u00a0"
SCARE_MAX_WORDS = 4
_PUT = "put"
ACCUSING = frozenset({"accuse", "blame", "charge"})
CUE_LEFT = frozenset({"aux", "auxpass", "neg", "advmod"})
CUE_RIGHT = frozenset({"prep", "advmod", "npadvmod", "prt"})
CORE_COMPLEMENTS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd"})
COMPLEMENTS = CORE_COMPLEMENTS | {"attr", "acomp"}
SPEAKING_ENTS = frozenset({"PERSON", "ORG", "NORP"})
NOT_SPEAKING_ENTS = frozenset({"GPE", "LOC", "DATE", "TIME", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})
# a title's rubric before a colon is no speaker ("The Latest: ...", "Exclusive: ..."); a poll or a
# newspaper before one is ("Poll: ...")
RUBRICS = frozenset({
    "latest", "guide", "daily", "update", "updates", "exclusive", "breaking", "analysis", "opinion", "editorial",
    "watch", "video", "live", "review", "explainer", "interview", "photos", "listen", "podcast", "timeline",
})  # fmt: skip
RECORDS = frozenset({"poll", "polls", "survey", "study", "newspaper", "camp", "campaign", "report", "memo"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what: character spans of content, source and cue, and the source's actors."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    cue_lemma: str | None
    direct: bool
    speakers: tuple[str, ...]
    source_kind: str
    outlet: str | None = None
    work: str | None = None
    headline: bool = False
    more: tuple[tuple[int, int], ...] = ()  # the content's further parts: “A,” she said. “B.” has B
    cue_words: tuple[int, int] | None = None  # the cue with its auxiliaries and phrase: "has also said"


@dataclass
class _Context:
    doc: Doc
    text: str
    quotes: list[tuple[int, int]]
    index: MentionIndex
    pack: CuePack
    headlines: list[tuple[int, int]]
    breaks: list[int] = field(default_factory=list)  # the offsets of the text's line breaks

    def in_headline(self, char: int) -> bool:
        at = bisect_right(self.headlines, (char, len(self.text))) - 1  # the last headline starting at or before
        return at >= 0 and char < self.headlines[at][1]

    def line_of(self, char: int) -> tuple[int, int]:
        """The line (paragraph) holding `char`: the parse may join paragraphs into one sentence."""
        at = bisect_right(self.breaks, char - 1)
        start = self.breaks[at - 1] + 1 if at else 0
        return start, self.breaks[at] if at < len(self.breaks) else len(self.text)

    def clip(self, span: tuple[int, int], anchor: int) -> tuple[int, int]:
        """A content cut to the line of its cue."""
        start, end = self.line_of(anchor)
        return max(span[0], start), min(span[1], end)


def find_attributions(doc: Doc, *, pack: CuePack | None = None) -> list[Attribution]:
    """The attributions of a doc processed by warlog's pipeline, in text order, no two contents overlapping."""
    pack = pack or CuePack.load()
    text = doc_text(doc)
    context = _Context(doc, text, find_quotes(text), MentionIndex(doc, doc._.warlog_actors or ()), pack,
                       headline_lines(text), [m.start() for m in re.finditer("\n", text)])  # fmt: skip
    found = [a for a in (_headline(context, line) for line in context.headlines) if a is not None]
    lead = lead_line(text)
    if lead is not None and lead not in context.headlines:
        found += [a for a in (_colon_headline(context, lead, title=True),) if a is not None]
    found += [a for a in (_colon_headline(context, line) for line in _speaker_lines(context, lead)) if a is not None]
    for token in doc:
        if context.in_headline(token.idx):
            continue
        attribution = _verb_cue(context, token) or _phrase_cue(context, token) or _put_it(context, token)
        if attribution is not None:
            found.append(attribution)
    kept = _without_overlaps(found)
    kept += _uncovered_quotes(context, kept)
    return sorted(kept, key=lambda a: a.content)


# -- quotes and headlines ---------------------------------------------------------------------------


def _headline(context: _Context, line: tuple[int, int]) -> Attribution | None:
    """ "U.S. Says Syria Is Buying Oil From Islamic State"; "Pat Caddell: Voters Worried ..."."""
    text = context.text[line[0] : line[1]]
    forms = context.pack.headline_forms()
    for match in re.finditer(r"[A-Za-z]+", text):
        verb = forms.get(match.group().lower())
        if verb is None or not match.group()[0].isupper() or match.start() == 0:
            continue
        source = (line[0], line[0] + len(text[: match.start()].rstrip()))
        if len(text[: match.start()].split()) > 6:
            return None
        content = (line[0] + match.end() + 1, line[1])
        cue = (line[0] + match.start(), line[0] + match.end())
        return _headline_attribution(context, source, cue, verb.lemma, content)
    return _colon_headline(context, line)


def _colon_headline(context: _Context, line: tuple[int, int], *, title: bool = False) -> Attribution | None:
    """ "Pat Caddell: Voters Worried ...", "Poll: ...": a title or a transcript's line cut by a colon after
    a speaker of at most five words (a person, an organization, a poll or an unnamed source; in a title
    also a proper name, in a transcript a name in capitals), not a rubric ("The Latest:")."""
    text = context.text[line[0] : line[1]]
    colon = text.find(": ")
    if colon <= 0 or len(text[:colon].split()) > 5 or text[colon + 2 :].strip(" .") == "":
        return None
    source = (line[0], line[0] + colon)
    if not _speaks(context, source, title=title):
        return None
    return _headline_attribution(context, source, (source[1], source[1] + 1), "say", (source[1] + 2, line[1]))


def _speaker_lines(context: _Context, lead: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Lines that open with a speaker's name in capitals and a colon, as transcripts do ("SMITH: ...")."""
    lines = []
    for match in re.finditer(r"^[A-Z][A-Z.' -]{1,40}: ", context.text, re.MULTILINE):
        if match.group().strip(" :").isupper() and (lead is None or match.start() != lead[0]):
            lines.append((match.start(), context.line_of(match.start())[1]))
    return lines


def _speaks(context: _Context, source: tuple[int, int], *, title: bool = False) -> bool:
    said = context.text[source[0] : source[1]]
    words = said.lower().replace("-", " ").split()
    if not words or words[-1] in RUBRICS:
        return False
    if said.isupper() and len(words) <= 3:
        return True
    if title and _proper_name(context, source):
        return True
    if words[-1] in context.pack.unnamed or words[-1] in context.pack.channels or words[-1] in RECORDS:
        return True
    if any(source[0] <= m.start and m.end <= source[1] and m.actor.kind != "place"
           for m in context.doc._.warlog_actors or ()):  # fmt: skip
        return True
    return any(ent.label_ in SPEAKING_ENTS and source[0] <= ent.start_char and ent.end_char <= source[1]
               for ent in context.doc.ents)  # fmt: skip


def _headline_attribution(context, source, cue, lemma, content) -> Attribution | None:
    span = context.doc.char_span(*source, alignment_mode="expand")
    if span is None or content[0] >= content[1]:
        return None
    described = describe_source(context.doc, span.root, source, context.index, context.pack)
    direct = any(_overlaps(q, content) for q in context.quotes)
    return Attribution(content, source, cue, lemma, direct, described.speakers, described.kind, headline=True)


# -- reporting verbs --------------------------------------------------------------------------------


def _verb_cue(context: _Context, verb: Token) -> Attribution | None:
    cue = context.pack.verb(verb.lemma_)
    if cue is None or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return _passive_cue(context, verb, cue)
    subject = _speaker_of(verb)
    content = _verb_content(context, verb, cue, subject)
    if content is None and verb.lemma_ in ACCUSING:  # "accused Hezbollah of firing rockets"
        reason = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "for")]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        content = (objects[0].left_edge.idx, _end_of(reason[0].right_edge)) if reason and objects else None
    cue_end = verb.idx + len(verb)
    for prep in (
        p for p in verb.children if content is None and p.dep_ == "prep" and p.i > verb.i and p.lower_ in cue.preps
    ):
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        content, cue_end = (_edges(objects[0]), _end_of(prep)) if objects else (None, cue_end)
    if content is None and cue.object:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        content = _edges(objects[0]) if objects and context.index.at(objects[0]) is None else None
    if content is None and cue.complement:
        content = _complement(context, verb)
    if content is None:
        return None
    source = None
    if subject is not None:
        span = _edges(subject)
        if span[0] <= verb.idx < span[1]:  # "some who had said ...": the noun without its clause
            span = (span[0], max(span[0], verb.left_edge.idx - 1))
        source = describe_source(context.doc, subject, span, context.index, context.pack)
    outlet, _ = find_outlet(verb, context.index)
    work, _ = find_work(verb)
    if cue.complement and not _speaker_like(context, verb, subject, source):
        return None
    words = _cue_words(context, verb, cue_end, content, source.span if source is not None else None)
    made = _make(context, content, source, (verb.idx, cue_end), cue.lemma, outlet, work)
    return replace(made, cue_words=words) if made is not None else None


def _passive_cue(context: _Context, verb: Token, cue: CueVerb) -> Attribution | None:
    """ "It was reported that ...", "it has been claimed by the ministry that ...": a passive reporting
    verb with a clause says it; the source is the agent, when there is one."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not clauses:
        return None
    start = clauses[0].left_edge
    while start.i < clauses[0].i and start.lower_ == "that" and start.tag_ == "IN":
        start = context.doc[start.i + 1]
    content = _snap(context, (start.idx, _end_of(clauses[0].right_edge)), verb.idx)
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    source = describe_source(context.doc, agents[0], _edges(agents[0]), context.index, context.pack) if agents else None
    made = _make(context, content, source, (verb.idx, _end_of(verb)), cue.lemma, None, None)
    words = _cue_words(context, verb, _end_of(verb), content, None)
    return replace(made, cue_words=words) if made is not None else None


def _speaker_like(context: _Context, verb: Token, subject: Token | None, source: Source | None) -> bool:
    """Whether a verb of judging has someone who judges: a subject, not the object of the verb it
    completes unless that is an actor, a name, a pronoun or an unnamed source ("used such terms to
    describe" has none)."""
    if subject is None or source is None:
        return True
    if subject.dep_ not in ("dobj", "dative") or source.speakers or subject.pos_ in ("PROPN", "PRON"):
        return True
    return subject.lemma_.lower() in context.pack.unnamed


def _cue_words(context: _Context, verb: Token, end: int, content: tuple[int, int], source) -> tuple[int, int]:
    """The cue with the words that go with the verb: auxiliaries, a negation and adverbs right before it
    ("has not said", "also noted"), its particle ("pointed out"); when what is said comes before it and
    no source follows it, the rest of its phrase too ("said in a statement on Tuesday")."""
    doc = context.doc
    first = verb
    while first.i > 0 and doc[first.i - 1].head.i == verb.i and doc[first.i - 1].dep_ in CUE_LEFT:
        first = doc[first.i - 1]
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = max(end, _end_of(child))
    if content[1] <= verb.idx and (source is None or source[1] <= verb.idx):
        for child in verb.rights:  # its phrase, not whom it is told to ("told Reuters")
            if child.dep_ not in CUE_RIGHT:
                break
            end = max(end, _end_of(child.right_edge))
    return first.idx, end


def _complement(context: _Context, verb: Token) -> tuple[int, int] | None:
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
    return _snap(context, (parts[0].left_edge.idx, _end_of(parts[-1].right_edge)), verb.idx)


def _speaker_of(verb: Token) -> Token | None:
    """The verb's subject; for "prompted X to declare" the object X; for "a statement saying" the noun;
    for coordinated or participial verbs ("announced ... and said", ", saying ...") the head's subject."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "xcomp":
        objects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
        if objects:
            return objects[0]
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return _speaker_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    return None


def _verb_content(context: _Context, verb: Token, cue: CueVerb, subject: Token | None) -> tuple[int, int] | None:
    sentence = verb.sent
    own = {t.i for t in verb.subtree}
    line = context.line_of(verb.idx)
    clauses = [c for c in verb.children if (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.i > verb.i))
               and line[0] <= c.idx < line[1]]  # fmt: skip
    for token in sentence[verb.i - sentence.start + 1 :]:  # a colon after the verb's own words
        if token.text == ":" and (token.i in own or token.head.i == verb.i or all(
                i in own or context.doc[i].is_punct for i in range(verb.i + 1, token.i))):  # fmt: skip
            if not any(token.i > c.i and c.right_edge.i > token.i for c in clauses if c.i < token.i):
                after = _after_colon(context, token)
                if after is not None:
                    return after
            break
        if token.i not in own and not token.is_punct:
            break
    for clause in clauses:
        if clause.dep_ == "xcomp" and cue.kind != "claim":
            continue
        start = clause.left_edge
        while start.i < clause.i and start.lower_ == "that" and start.tag_ == "IN":
            start = context.doc[start.i + 1]
        return _snap(context, (start.idx, _end_of(clause.right_edge)), verb.idx)
    clause_start = min(verb.idx, subject.left_edge.idx if subject is not None else verb.idx)
    clause_end = _end_of(_clause_end(context, verb))
    return _adjacent_quote(context, clause_start, clause_end) or _aside_of(context, verb, subject)


def _clause_end(context: _Context, cue: Token) -> Token:
    """The last word of a cue's own phrase: its adverbs, objects and prepositions right after it
    ("noted", "said to The New York Times", "put it at the time"), up to punctuation, a quote or a clause."""
    accepted = {cue.i}
    last = cue
    for token in cue.doc[cue.i + 1 : cue.sent.end]:
        if token.is_punct or token.is_space or token.dep_ in ("ccomp", "conj", "cc", "parataxis", "mark"):
            break
        if token.head.i not in accepted and not any(a in accepted for a in (t.i for t in token.ancestors)):
            break
        accepted.add(token.i)
        last = token
    return last


def _after_colon(context: _Context, colon: Token) -> tuple[int, int] | None:
    """What follows a colon: the quote that opens there, else the rest of the sentence; a colon that ends
    its line introduces the quote that opens the next paragraph."""
    text = context.text
    start = colon.idx + 1
    while start < len(text) and text[start] in _SPACE:
        start += 1
    if start < len(text) and text[start] == "\n":
        while start < len(text) and text[start].isspace():
            start += 1
        quote = next((q for q in context.quotes if q[0] == start), None)
        return quote
    quote = next((q for q in context.quotes if q[0] == start), None)
    if quote is not None:
        return quote
    sentence = colon.sent
    return _snap(context, (start, _end_of(sentence[-1])), colon.idx) if sentence.end > colon.i + 1 else None


def _adjacent_quote(context: _Context, start: int, end: int) -> tuple[int, int] | None:
    """A quote right after the cue's clause ("noted, “...”") or right before it ("“...,” as X wrote")."""
    text = context.text
    run = _GAP.match(text, end)  # the spaces, commas and colons right after the clause (always matches)
    gap = run.end() if run is not None else end
    lo = start  # no quote ending before the run of spaces, commas and "as" before the clause is adjacent
    while lo > 0 and (text[lo - 1].isspace() or text[lo - 1] in ",aAsS\u017f"):
        lo -= 1
    for quote in context.quotes:  # integer tests first: reading the text to every quote is quadratic
        if end <= quote[0] <= gap:
            return quote
        if lo <= quote[1] <= start and _AS.fullmatch(text, quote[1], start):
            return quote
    return None


_GAP = re.compile("[ ,:\u00a0]*")
_AS = re.compile(r"[\s,]*(?:as\s+)?", re.I)


def _aside_of(context: _Context, verb: Token, subject: Token | None) -> tuple[int, int] | None:
    """ "..., officials said." — the clause before a cue set off by a comma at the end of its sentence."""
    if subject is None or subject.i > verb.i:
        first = verb.i
    else:
        first = subject.left_edge.i
    sentence = verb.sent
    if first - 2 < sentence.start or context.doc[first - 1].text != ",":
        return None
    end = _clause_end(context, verb)
    rest = [t for t in sentence[end.i - sentence.start + 1 :] if not t.is_space]
    if rest and rest[0].text == "," and not all(t.is_punct for t in rest):  # "The attack, X noted, was ..."
        return _snap(context, (sentence[0].idx, _end_of(rest[-1])), verb.idx)
    if rest and not all(t.is_punct for t in rest):
        return None
    return _snap(context, (sentence[0].idx, _end_of(context.doc[first - 2])), verb.idx)


# -- cue phrases ------------------------------------------------------------------------------------


def _phrase_cue(context: _Context, token: Token) -> Attribution | None:
    """ "according to X, ..." / "..., according to X." / "in the words of X, “...”"."""
    doc = context.doc
    for words, _kind in context.pack.phrases:
        end = token.i + len(words)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != words:
            continue
        last = doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"] or ([doc[end]] if end < len(doc) else [])
        if not objects:
            return None
        head = objects[0]
        source_end = _clip_at_comma(doc, head.left_edge.i, head.right_edge.i)
        source_span = (doc[head.left_edge.i].idx, _end_of(doc[source_end]))
        source = describe_source(doc, head, source_span, context.index, context.pack)
        content = _side_content(context, token, doc[source_end])
        if content is None:
            return None
        return _make(context, content, source, (token.idx, _end_of(last)), " ".join(words), None, None)
    return None


def _put_it(context: _Context, token: Token) -> Attribution | None:
    """ "as X put it"; a source glued to "put" by a typo ("one rebel commanderput it") is cut at "put"."""
    doc = context.doc
    if token.lower_ != "it" or token.i < 2:
        return None
    put = doc[token.i - 1]
    glued = put.lower_.endswith(_PUT) and len(put) > len(_PUT) + 2 and put.is_alpha
    if put.lower_ != _PUT and not glued:
        return None
    sentence = token.sent
    first = next((t for t in reversed(doc[max(sentence.start, put.i - 8) : put.i]) if t.lower_ == "as"), None)
    if first is None or (first.i + 1 == put.i and not glued):
        return None
    cut = put.idx + len(put) - len(_PUT)
    source_span = (doc[first.i + 1].idx, cut if glued else _end_of(doc[put.i - 1]))
    head = put if glued else doc[first.i + 1 : put.i].root
    word = put.lower_[: -len(_PUT)] if glued else None
    source = describe_source(doc, head, source_span, context.index, context.pack, head_word=word)
    content = _side_content(context, first, _clause_end(context, put), colon=True)
    if content is None:
        return None
    return _make(context, content, source, (cut, _end_of(token)), "put it", None, None)


def _side_content(context: _Context, first: Token, last: Token, *, colon: bool = False) -> tuple[int, int] | None:
    """The content around a cue phrase spanning `first`..`last`: a colon or quote after it, the quote
    before it, else the rest of the sentence on the other side of it."""
    doc = context.doc
    if colon and last.i + 1 < len(doc) and doc[last.i + 1].text == ":":
        return _after_colon(context, doc[last.i + 1])
    quote = _adjacent_quote(context, first.idx, _end_of(last))
    if quote is not None:
        return quote
    sentence = first.sent
    before = [t for t in doc[sentence.start : first.i] if not (t.is_punct or t.is_space or t.pos_ == "CCONJ")]
    if len(before) <= 1:  # "According to X, ...": the rest of the sentence
        rest = [t for t in doc[last.i + 1 : sentence.end] if not (t.is_punct or t.is_space)]
        return _snap(context, (rest[0].idx, _end_of(rest[-1])), first.idx) if rest else None
    return _snap(context, (before[0].idx, _end_of(before[-1])), first.idx)


# -- shared -----------------------------------------------------------------------------------------


def _make(context, content, source: Source | None, cue, lemma, outlet, work) -> Attribution | None:
    content = _trim(context.text, content)
    if content is None:
        return None
    direct = any(_overlaps(q, content) for q in context.quotes)
    if source is None:
        return Attribution(content, None, cue, lemma, direct, (), "unnamed", outlet, work)
    span = _trim(context.text, source.span)
    return Attribution(content, span, cue, lemma, direct, source.speakers, source.kind, outlet, work)


def _snap(context: _Context, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    """Cut a content to the line of its cue at `anchor`, then widen it to the quotes it opens or closes
    (see the module docstring)."""
    start, end = context.clip(span, anchor)
    text = context.text
    for q_start, q_end in context.quotes:
        if q_start <= start < q_end and not _ALNUM.search(text[q_start:start]):
            start, end = q_start, max(end, q_end)
        elif start <= q_start < end < q_end:
            end = q_end
    return start, end


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return (start, end) if _ALNUM.search(text[start:end]) else None


def _edges(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, _end_of(token.right_edge)


def _end_of(token: Token) -> int:
    return token.idx + len(token.text)


def _clip_at_comma(doc: Doc, first: int, last: int) -> int:
    for i in range(first, last + 1):
        if doc[i].text in (",", ":", ";"):
            return max(first, i - 1)
    return last


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _without_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose cue is inside another's content, then the later of two that overlap."""
    inner = {i for i, a in enumerate(found) for b in found
             if a is not b and a.cue is not None and b.content[0] <= a.cue[0] < b.content[1]}  # fmt: skip
    kept: list[Attribution] = []
    for i, attribution in enumerate(found):
        if i not in inner and not any(_overlaps(attribution.content, k.content) for k in kept):
            kept.append(attribution)
    return kept


def _uncovered_quotes(context: _Context, kept: list[Attribution]) -> list[Attribution]:
    """Scare quotes, continued quotes and quotes with no source, for quotes no attribution covers; a
    quote right after the cue that split it from its first part (“A,” she said. “B.”) joins that part."""
    out: list[Attribution] = []
    text = context.text
    for quote in context.quotes:
        if any(_overlaps(quote, a.content) for a in kept) or context.in_headline(quote[0]):
            continue
        split = next((i for i, a in enumerate(kept) if _splits(text, a, quote)), None)
        if split is not None:
            kept[split] = replace(kept[split], more=(*kept[split].more, quote))
            continue
        words = len(text[quote[0] : quote[1]].split())
        sentence = _sentence_at(context.doc, quote[0])
        inside = sentence is not None and _ALNUM.search(
            text[sentence.start_char : quote[0]] + text[quote[1] : sentence.end_char]
        )
        if words <= SCARE_MAX_WORDS and inside:
            out.append(Attribution(quote, None, None, None, True, (), "scare_quote"))
            continue
        previous = [a for a in kept + out if a.content[1] <= quote[0] and a.direct and a.source_kind != "scare_quote"]
        last = max(previous, key=lambda a: a.content[1], default=None)
        if last is not None and _sentences_between(context.doc, last.content[1], quote[0]) <= 2:
            out.append(replace(last, content=quote, source=None, cue=None, cue_lemma=None, headline=False, more=()))
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


def _proper_name(context: _Context, source: tuple[int, int]) -> bool:
    """Whether a title's source is a proper name (1–3 capitalized words), not a place or a date."""
    span = context.doc.char_span(*source, alignment_mode="expand")
    if span is None or not 1 <= len(span) <= 3 or any(t.ent_type_ in NOT_SPEAKING_ENTS for t in span):
        return False
    return all(t.pos_ == "PROPN" and t.text[0].isupper() for t in span if t.is_alpha)
