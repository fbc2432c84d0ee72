"""Attributions in headlines and transcripts, where the parse of title case is poor.

- A title-case headline is cut at a reporting verb's third-person form, "<Actor> Says/Claims/Warns
  <content>", or at a colon after a speaker ("Pat Caddell: ...").
- The text's title line (`lead_line`) is cut at a colon after a speaker, a proper name included.
- A transcript's line that opens with a name in capitals and a colon ("SMITH: ...") is that person's; so
  is an interview's "Q: ..." (the interviewer's) and "A: ..." (the one interviewed).
A speaker before a colon has at most five words: a person, an organization, a poll or an unnamed source,
never a rubric ("The Latest:", "Exclusive:").
"""

from __future__ import annotations

import re

from warlog.claims.quotes import lead_line
from warlog.claims.spans import Attribution, Context, overlaps
from warlog.claims.speakers import describe_source

SPEAKING_ENTS = frozenset({"PERSON", "ORG", "NORP"})
NOT_SPEAKING_ENTS = frozenset({"GPE", "LOC", "DATE", "TIME", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})
# a title's rubric before a colon is no speaker ("The Latest: ...", "Exclusive: ..."); a poll or a
# newspaper before one is ("Poll: ...")
RUBRICS = frozenset({
    "latest", "guide", "daily", "update", "updates", "exclusive", "breaking", "analysis", "opinion", "editorial",
    "watch", "video", "live", "review", "explainer", "interview", "photos", "listen", "podcast", "timeline",
})  # fmt: skip
_SPEAKER_LINE = re.compile(r"^[\"“]?([A-Z][A-Z.' -]{1,40}: |[QA]: )", re.MULTILINE)  # "Q:", "A:" of an interview
RECORDS = frozenset({"poll", "polls", "survey", "study", "newspaper", "camp", "campaign", "report", "memo"})


def find_headline_attributions(context: Context) -> list[Attribution]:
    """The attributions of the text's headlines, its title line and its transcript lines."""
    text = context.text
    found = [a for a in (_headline(context, line) for line in context.headlines) if a is not None]
    lead = lead_line(text)
    if lead is not None and lead not in context.headlines:
        found += [a for a in (_colon_headline(context, lead, title=True),) if a is not None]
    found += [a for a in (_colon_headline(context, line) for line in _speaker_lines(context, lead)) if a is not None]
    return found


def _headline(context: Context, line: tuple[int, int]) -> Attribution | None:
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


def _colon_headline(context: Context, line: tuple[int, int], *, title: bool = False) -> Attribution | None:
    """ "Pat Caddell: Voters Worried ...", "Poll: ...": a title or a transcript's line cut by a colon after
    a speaker of at most five words (a person, an organization, a poll or an unnamed source; in a title
    also a proper name, in a transcript a name in capitals), not a rubric ("The Latest:")."""
    text = context.text[line[0] : line[1]]
    colon = text.find(": ")
    if colon <= 0 or len(text[:colon].split()) > 5 or text[colon + 2 :].strip(" .") == "":
        return None
    source = (line[0], line[0] + colon)
    if not speaks(context, source, title=title):
        return None
    return _headline_attribution(context, source, (source[1], source[1] + 1), "say", (source[1] + 2, line[1]))


def _speaker_lines(context: Context, lead: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Lines that open with a speaker's name in capitals and a colon, as transcripts do ("SMITH: ..."); a
    transcript quoted whole opens each line with a quotation mark, which is no part of the name."""
    lines = []
    for match in _SPEAKER_LINE.finditer(context.text):
        start = match.start(1)
        if match.group(1).strip(" :").isupper() and (lead is None or match.start() != lead[0]):
            lines.append((start, context.line_of(start)[1]))
    return lines


def speaks(context: Context, source: tuple[int, int], *, title: bool = False) -> bool:
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
    direct = any(overlaps(q, content) for q in context.quotes)
    return Attribution(content, source, cue, lemma, direct, described.speakers, described.kind, headline=True)


def _proper_name(context: Context, source: tuple[int, int]) -> bool:
    """Whether a title's source is a proper name (1–3 capitalized words), not a place or a date."""
    span = context.doc.char_span(*source, alignment_mode="expand")
    if span is None or not 1 <= len(span) <= 3 or any(t.ent_type_ in NOT_SPEAKING_ENTS for t in span):
        return False
    return all(t.pos_ == "PROPN" and t.text[0].isupper() for t in span if t.is_alpha)
