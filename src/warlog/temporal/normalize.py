"""Read a time expression against the publication date: `normalize("on Thursday night", "2015-10-10")`.

The expression is cleaned (case, dashes, clock times, parts of the day, prepositions that do not change the
date: "on", "in", "by", "during"), then read by the first reader that understands it: calendar dates,
relative and anaphoric times, then the composite forms ("since 2011", "from March to May 2015",
"the end of 2014", "early June 2015"), which read their parts with the same readers.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TypeGuard

from warlog.errors import InputError
from warlog.model import When
from warlog.temporal.absolute import read_absolute
from warlog.temporal.lexicon import WEEKDAY
from warlog.temporal.points import Context, Period, Point, Time, Unresolved, day, month, read_value
from warlog.temporal.relative import read_duration, read_relative

_CHARACTERS = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'", "(": " ", ")": " "})
_CLOCK = re.compile(
    r"\b(?:at |around |about )?\d{1,2}(?:[:.]\d{2})? ?(?:a\.m\.?|p\.m\.?|am|pm)(?=\W|$)|\b\d{1,2}:\d{2}\b"
    r"|\b(?:gmt|utc|local time)\b"
)
_PART = r"(?:morning|afternoon|evening|night)"
_REWRITES = (
    (re.compile(r"\blast night\b"), "yesterday"),
    (re.compile(rf"\btonight\b|\bthis {_PART}\b|\b(?:earlier|later) today\b"), "today"),
    (re.compile(rf"\bthe {_PART} (before|after)\b"), r"the day \1"),
    (re.compile(rf"\b(that|the next|the following|the previous|the preceding|the same) {_PART}\b"), r"\1 day"),
    (re.compile(rf"^(?:the )?(?:early |late )?(?:hours|{_PART}) of "), ""),
    (re.compile(rf"(?<=\w) (?:early |late )?{_PART}\b"), ""),
    (re.compile(r"'s$"), ""),
)
# words before a time that do not change it
_LEADING = re.compile(
    r"^(?:on|in|at|during|by|as of|over|throughout|within|around|about|approximately|roughly|nearly|almost|some"
    r"|more than|less than|at least|just|only|sometime in|some time in|sometime|as early as|as late as) "
)
_WEEKDAY_DATE = re.compile(rf"{WEEKDAY},? (?:the )?(?P<rest>.+)")
_FROM_TO = re.compile(r"(?:from|between) (?P<a>.+?)(?: ?- ?| to | until | till | through | and )(?P<b>.+)")
_RANGE = re.compile(r"(?P<a>.+?)(?: ?- ?| to | through )(?P<b>.+)")
_SINCE = re.compile(r"(?:ever since|since|from) (?P<rest>.+)")
_BOUND = re.compile(r"(?P<which>until|till|up to|up until|through|before|prior to|after|following) (?P<rest>.+)")
_MODIFIED = re.compile(
    r"(?:the )?(?:(?P<part>middle|end|close|beginning|start|turn|first half|second half"
    r"|(?:first|second|third|fourth|last) quarter) of (?P<rest>.+)|(?P<edge>early|mid|late)[- ](?P<edge_rest>.+))"
)
_QUARTERS = {"first half": (1, 6), "second half": (7, 12), "first quarter": (1, 3), "second quarter": (4, 6)}
_QUARTERS |= {"third quarter": (7, 9), "fourth quarter": (10, 12), "last quarter": (10, 12)}
_LONGEST = 80  # longer is not one time expression; the composite readers split and recombine what they read
_EVENT = re.compile(
    r"(?:the )?(?:outbreak|onset|eve|height|aftermath|wake|run-up|early days|first days|last days) of .+"
)


def normalize(text: str, published: str | None, *, anchor: str | None = None) -> When:
    """The time that `text` states, as an ISO 8601 value resolved against the publication date.

    Relative times ("on Thursday", "last year", "in May") need `published`; times relative to an earlier
    date of the text ("the next day", "later that day") need `anchor`. Without them the value is None and
    the precision is kept. Nothing is guessed: no current date, no default year.

    Args:
        text: the words of the time ("on Thursday night", "the summer of 2014", "since 2011").
        published: the publication date, ISO YYYY-MM-DD, or None when unknown.
        anchor: the ISO value of the date an anaphoric time refers to ("2015-10-09"), or None.

    Returns:
        A `When` whose value is ISO 8601 ("2015-10-08", "2015-W41", "2015-05", "2014-06/2014-08", "2015",
        "2015-10-07/2015-10-10", "2011/2015-10-10") or None, its precision ("day", "week", "month",
        "season", "year", "period", or None when `text` is not understood as a time), and `text`.

    Raises:
        InputError: `published` or `anchor` is not an ISO date.
    """
    time = read_time(text, Context(read_published(published), _read_anchor(anchor)))
    return When(value=time.value, precision=time.precision, text=text.strip() or None)


def read_published(published: str | None) -> date | None:
    """The publication date of an ISO string (a time after the date is ignored)."""
    if published is None:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError as e:
        raise InputError(
            f"published date {published!r} is not an ISO date; write it as YYYY-MM-DD, or pass None when unknown"
        ) from e


def _read_anchor(anchor: str | None) -> Point | None:
    if anchor is None:
        return None
    point = read_value(anchor)
    if point is None:
        raise InputError(f"anchor {anchor!r} is not an ISO day, week, month or year (2015-10-09, 2015-W41, 2015)")
    return point


def read_time(text: str, context: Context) -> Time:
    """What `text` says, read against `context`; `Unresolved(None, "unknown")` when it is not a time."""
    cleaned = clean(text)
    if not cleaned or len(cleaned) > _LONGEST:
        return Unresolved(None, "unknown")
    for reader in _READERS:
        time = reader(cleaned, context)
        if time is not None:
            return time
    return Unresolved(None, "unknown")


def clean(text: str) -> str:
    """Lower case, plain dashes, no clock time, part of the day, or leading word that does not change the date."""
    text = _CLOCK.sub(" ", text.lower().translate(_CHARACTERS))
    text = " ".join(text.split()).strip(" ,;:[]\"'.")
    previous = None
    while text != previous:
        previous = text
        text = _LEADING.sub("", text)
        for pattern, replacement in _REWRITES:
            text = pattern.sub(replacement, text)
        text = text.strip(" ,;:")
    return text


def _dated(time: Time | None) -> TypeGuard[Point | Period]:
    return isinstance(time, Point | Period)


def _weekday_and_date(text: str, context: Context) -> Time | None:
    """A weekday and a date ("Thursday, October 8"): the date; the weekday adds nothing."""
    match = _WEEKDAY_DATE.fullmatch(text)
    if match is None:
        return None
    time = read_time(match["rest"], context)
    return time if isinstance(time, Point | Unresolved) and time.precision == "day" else None


def _since(text: str, context: Context) -> Time | None:
    """Since a time ("since 2011"): from then to the publication date (open when it is unknown)."""
    match = _SINCE.fullmatch(text)
    if match is None:
        return None
    end = day(context.published) if context.published else None
    if match["rest"] == "then":
        return Period(context.anchor, end) if context.anchor else Unresolved("period", "anaphoric")
    time = read_time(match["rest"], context)
    start = time.start if isinstance(time, Period) else time
    if isinstance(start, Point):
        return Period(start, end)
    kind = time.kind if isinstance(time, Unresolved) else "relative"
    return Unresolved("period", "event" if kind == "unknown" else kind)


def _bound(text: str, context: Context) -> Time | None:
    """A bound: "until 2014" is open before ("../2014"), "after 2014" open after ("2014/..")."""
    match = _BOUND.fullmatch(text)
    if match is None:
        return None
    time = read_time(match["rest"], context)
    if isinstance(time, Unresolved):
        return Unresolved("period", "event" if time.kind == "unknown" else time.kind)
    if match["which"] in ("after", "following"):
        return Period(time.start if isinstance(time, Period) else time, None)
    return Period(None, time.end if isinstance(time, Period) else time)


def _modified(text: str, context: Context) -> Time | None:
    """A part of a time: "early June 2015" is June 2015, "the end of 2014" December 2014, "the first half of
    2015" a period."""
    match = _MODIFIED.fullmatch(text)
    if match is None:
        return None
    part = match["part"]
    time = read_time(match["rest"] or match["edge_rest"], context)
    if isinstance(time, Unresolved):
        if time.kind == "unknown":
            return Unresolved("period", "event") if part else None  # "the start of the uprising"
        if time.precision != "year":
            return time
        edge = part in ("end", "close", "beginning", "start")
        return Unresolved("period" if part in _QUARTERS else "month" if edge else "year", time.kind)
    year = time.first.year if isinstance(time, Point) and time.precision == "year" else None
    if part in _QUARTERS:
        first, last = _QUARTERS[part]
        return Period(month(year, first), month(year, last)) if year is not None else None
    if part in ("end", "close", "beginning", "start") and year is not None:
        return month(year, 12 if part in ("end", "close") else 1)
    return time


def _range(text: str, context: Context, pattern: re.Pattern[str] = _FROM_TO) -> Time | None:
    """A range ("from March to May 2015", "between 2012 and 2014", "7-9 October 2015"); the one end lends
    the other what it leaves out."""
    match = pattern.fullmatch(text)
    if match is None:
        return None
    first, second = match["a"], match["b"]
    start, end = read_time(first, context), read_time(second, context)
    if not re.search(r"\d{4}", first) and re.search(r"\d{4}", second):
        start = _borrow(first, second.split(), context, before=False) or start
    if _dated(start) and not _dated(end):
        end = _borrow(second, first.split(), context, before=True) or end
    if not (_dated(start) and _dated(end)):
        kinds = {time.kind for time in (start, end) if isinstance(time, Unresolved)}
        if pattern is not _FROM_TO or not kinds or "unknown" in kinds:
            return None
        return Unresolved("period", "relative" if "relative" in kinds else min(kinds))
    first_point = start.start if isinstance(start, Period) else start
    last_point = end.end if isinstance(end, Period) else end
    if first_point is None or last_point is None or first_point.first > last_point.last:
        return None
    return Period(first_point, last_point)


def _borrow(part: str, words: list[str], context: Context, *, before: bool) -> Time | None:
    """`part` completed with words of the other end: "March" + "2015", "October 7" - "9" → "October 9"."""
    for size in range(len(words) - 1, 0, -1):
        borrowed = " ".join(words[:size]) + " " + part if before else part + " " + " ".join(words[-size:])
        time = read_time(borrowed, context)
        if _dated(time):
            return time
    return None


def _bare_range(text: str, context: Context) -> Time | None:
    return _range(text, context, _RANGE)


def _duration(text: str, context: Context) -> Time | None:
    return read_duration(text)


def _event(text: str, context: Context) -> Time | None:
    return Unresolved("period", "event") if _EVENT.fullmatch(text) else None


_READERS = (
    read_absolute,
    read_relative,
    _weekday_and_date,
    _range,
    _since,
    _bound,
    _modified,
    _duration,
    _bare_range,
    _event,
)
