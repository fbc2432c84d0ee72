"""find_dates: the times a parsed document states, with their character offsets and normalized values.

Candidates are the model's DATE and TIME entities and the patterns below, for what the small English model
misses or splits ("2 July 2016" as "2" + "July 2016", "9-May-20", "since 2011" as "2011"). Touching
candidates are joined when together they read as one time ("Thursday" + "night"), widened over words that
change the time ("since", "the previous", "early") and trimmed of those that do not ("on", "in", "by").

Durations that are not times ("for years", "twenty-four hours", "many months") are skipped, as are
entities that do not read as a time at all (clock times alone, "annual"). Anaphoric times ("the next day",
"later that day", "the previous twenty-four hours") are read against the latest dated mention of the same or
the previous sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warlog.doctext import doc_text
from warlog.model import When
from warlog.temporal.lexicon import MONTH, MONTHS, NUMBER, SEASON, UNIT, WEEKDAYS
from warlog.temporal.normalize import read_published, read_time
from warlog.temporal.points import Context, Point, Time, Unresolved, read_value

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LABELS = ("DATE", "TIME")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_FULL_WEEKDAY = "|".join(name for name in WEEKDAYS if len(name) > 4)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


_PATTERNS = tuple(
    _compile(pattern)
    for pattern in (
        rf"\b{_DAY} (?:of )?{MONTH},? \d{{4}}\b",
        rf"\b{MONTH} {_DAY}(?:,? \d{{4}})?\b(?!-)",
        rf"\b{_DAY} (?:of )?{MONTH}(?!\w)",
        rf"\b\d{{1,2}}-{MONTH}-\d{{2}}(?:\d{{2}})?\b",
        r"\b\d{4}-\d{2}-\d{2}\b",
        rf"\b(?:{_FULL_WEEKDAY})(?: (?:morning|afternoon|evening|night))?\b",
        r"\b(?:yesterday|today|tonight|tomorrow|last night)\b",
        r"\b(?:this|last|next) (?:week|month|year|weekend)\b",
        rf"\b(?:the )?(?:last|past|previous|preceding) (?:{NUMBER} )?{UNIT}\b",
        rf"\b{NUMBER} {UNIT} (?:ago|later|earlier)\b",
        rf"\b(?:the )?{SEASON} (?:of )?\d{{4}}\b",
        r"\b(?:in|since|by|until|during|from|before|after) (?P<core>1[89]\d\d|20\d\d)\b",
        r"\b(?:the )?(?:next|following|previous|preceding|same) (?:day|morning|night)\b"
        r"|\bthat (?:day|night|morning|evening|afternoon)\b",
    )
)
# between two candidates that may be one time: "Thursday night", "Thursday, October 8", "2012 to 2014"
_GAP = re.compile(r"\s*(?:,|-|–|—|to|and|until|till|through|of|on)?\s*", re.IGNORECASE)
# words before a candidate that change the time it states
_WIDEN = re.compile(
    r"(?:\b(?:ever\s+)?since|\bfrom|\bbetween|\b(?:the\s+)?(?:last|past|previous|preceding)|\bearly|\blate|\bmid-?"
    r"|\bthe\s+(?:end|beginning|start|middle)\s+of|\bearlier|\blater)\s*$",
    re.IGNORECASE,
)
# words before a time that do not change it
_NEUTRAL = re.compile(r"(?:on|in|at(?!\s+least)|during|by|as\s+of|over|throughout|within)\s+", re.IGNORECASE)
_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time stated in the text: `text == doc.text[start:end]`, and what it means."""

    start: int
    end: int
    text: str
    when: When


def find_dates(doc: Doc, published: str | None) -> list[DateMention]:
    """The times stated in `doc`, in text order, each normalized against the publication date.

    Args:
        doc: a parsed document (entities used when there are any; sentences, when parsed, for anaphors).
        published: the publication date, ISO YYYY-MM-DD, or None when unknown.

    Returns:
        One `DateMention` per time, its offsets into `doc.text` and its `When`.

    Raises:
        InputError: `published` is not an ISO date.
    """
    text = doc_text(doc)
    context = Context(read_published(published))
    candidates = {(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in _LABELS}
    candidates |= set(_pattern_spans(doc))
    sentences = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else None
    mentions: list[DateMention] = []
    anchors: list[tuple[int, Point]] = []
    for start, end in _join(text, sorted(candidates), context):
        start, end = _trim(text, *_widen(text, start, end, context))
        if start >= end or (mentions and start < mentions[-1].end):
            continue
        anchor = _anchor(anchors, sentences, start)
        time = read_time(text[start:end], Context(context.published, anchor))
        if not _is_time(time):
            continue
        mentions.append(DateMention(start, end, text[start:end], When(time.value, time.precision, text[start:end])))
        point = read_value(time.value) if time.value else None
        if point is not None:
            anchors.append((start, point))
    return mentions


def _is_time(time: Time) -> bool:
    return not (isinstance(time, Unresolved) and time.kind in ("duration", "unknown"))


def _reads(text: str, start: int, end: int, context: Context) -> bool:
    return _is_time(read_time(text[start:end], context))


def _joins(text: str, start: int, end: int, context: Context) -> bool:
    time = read_time(text[start:end], context)
    return not (isinstance(time, Unresolved) and time.kind in ("duration", "unknown", "event"))


def _pattern_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    """Spans of the patterns, unless a month or weekday name is not capitalized ("may") or the model calls
    the whole span something else ("by 2000 troops": a CARDINAL)."""
    others = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ not in _LABELS]
    lefts = [left for left, _ in others]  # entities are ordered and never overlap
    text = doc_text(doc)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("core") if "core" in pattern.groupindex else match.span()
            words = re.findall(r"[A-Za-z]+", match.group())
            if any(word.lower() in _NAMES and not word[0].isupper() for word in words):
                continue
            at = bisect_right(lefts, start) - 1  # the entity that may hold the span: the last starting before it
            if at >= 0 and end <= others[at][1]:
                continue
            yield start, end


def _join(text: str, spans: list[tuple[int, int]], context: Context) -> list[tuple[int, int]]:
    """Overlapping spans as one; touching ones too when together they read as one time."""
    # spans come sorted by start, so each is joined to the last one kept or starts a new one
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            if start < last_end:  # together if they read so, else the one that reads
                union = (last_start, max(last_end, end))
                if _reads(text, *union, context) or not _reads(text, start, end, context):
                    joined[-1] = union
                elif not _reads(text, last_start, last_end, context):
                    joined[-1] = (start, end)
                continue
            if _GAP.fullmatch(text, last_end, start) and _joins(text, *_widen(text, last_start, end, context), context):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


def _widen(text: str, start: int, end: int, context: Context) -> tuple[int, int]:
    """Over the words before the span that change its time, while it still reads as one."""
    while match := _WIDEN.search(text, max(0, start - 40), start):
        if match.start() == start or not _reads(text, match.start(), end, context):
            break
        start = match.start()
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the words before it that do not change the time, and spaces or punctuation around it."""
    while start < end:
        if text[start].isspace():
            start += 1
        elif match := _NEUTRAL.match(text, start, end):
            start = match.end()
        else:
            break
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _anchor(anchors: list[tuple[int, Point]], sentences: list[int] | None, start: int) -> Point | None:
    """The latest dated mention before `start` in the same or the previous sentence."""
    if not anchors or sentences is None:
        return None
    here = bisect_right(sentences, start) - 1
    offset, point = anchors[-1]
    return point if bisect_right(sentences, offset) - 1 >= here - 1 else None
