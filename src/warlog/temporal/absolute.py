"""Calendar dates as written: ISO, "2 July 2016", "July 2", "9-May-20", "May 2015", "2014", "the 1990s", seasons.

A date without a year takes the publication year, or the year before when its month comes after the
publication month ("in May" published in October 2015 is May 2015; "in November" is November 2014).
"""

from __future__ import annotations

import re
from datetime import date

from warlog.temporal.lexicon import MONTH, MONTHS, SEASON, SEASONS
from warlog.temporal.points import Context, Period, Point, Time, Unresolved, day, month, read_value, season, year

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DAY_MONTH = re.compile(rf"(?:the )?{_DAY}(?: of)? (?P<month>{MONTH}),?(?: {_YEAR})?")
_MONTH_DAY = re.compile(rf"(?P<month>{MONTH}) (?:the )?{_DAY},?(?: {_YEAR})?")
_ACLED = re.compile(rf"{_DAY}[- ](?P<month>{MONTH})[- ](?P<year>\d{{2}}|\d{{4}})")  # 9-May-20, 09-May-2020
_MONTH_YEAR = re.compile(
    rf"(?:(?P<which>last|this|next|past|this past|coming) )?(?P<month>{MONTH}),?(?: (?:of )?{_YEAR})?"
)
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")
_YEAR_ONLY = re.compile(r"(?:the year )?(?P<year>1[89]\d\d|2[01]\d\d)")
_DECADE = re.compile(r"(?:the )?(?P<decade>1[89]\d|2[01]\d)0'?s")
_SEASON = re.compile(
    rf"(?:the )?(?:(?P<which>this|last|next|past|this past|coming) )?(?P<season>{SEASON})"
    rf"(?: (?:of )?{_YEAR}(?:[-/](?P<to>\d{{2}}|\d{{4}}))?)?"
)
_ISO = re.compile(r"\d{4}-(?:W\d{2}|\d{2}(?:-\d{2})?)", re.IGNORECASE)


def read_absolute(text: str, context: Context) -> Time | None:
    """A calendar date, month, year, decade or season, or None when `text` is none of these."""
    if _ISO.fullmatch(text):
        return read_value(text.upper())
    for pattern in (_ACLED, _DAY_MONTH, _MONTH_DAY):
        match = pattern.fullmatch(text)
        if match:
            return _day_of_month(match, context)
    if match := _NUMERIC.fullmatch(text):
        return _numeric(match)
    if match := _MONTH_YEAR.fullmatch(text):
        return _month(match, context)
    if match := _YEAR_ONLY.fullmatch(text):
        return year(int(match["year"]))
    if match := _DECADE.fullmatch(text):
        first = int(match["decade"]) * 10
        return Period(year(first), year(first + 9))
    if match := _SEASON.fullmatch(text):
        return _season(match, context)
    return None


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _day_of_month(match: re.Match[str], context: Context) -> Time | None:
    number = _month_number(match["month"])
    written = match["year"]
    if written is None:
        if context.published is None:
            return Unresolved("day", "relative")
        found = _year_of_month(number, context.published)
    else:
        found = _full_year(written, context.published)
    try:
        return day(date(found, number, int(match["day"])))
    except ValueError:
        return None


def _full_year(written: str, published: date | None) -> int:
    """A year as written; two digits ("9-May-20") take the century nearest the publication year."""
    if len(written) == 4:
        return int(written)
    short = int(written)
    if published is None:
        return (2000 if short < 69 else 1900) + short  # the POSIX strptime %y rule
    return min((century + short for century in (1900, 2000, 2100)), key=lambda y: abs(y - published.year))


def _year_of_month(number: int, published: date) -> int:
    """The year of the latest such month at or before the publication month."""
    return published.year - 1 if number > published.month else published.year


def _numeric(match: re.Match[str]) -> Time | None:
    first, second = int(match["a"]), int(match["b"])
    if first > 12 >= second or first == second:
        number_of_day, number = first, second
    elif second > 12 >= first:
        number_of_day, number = second, first
    else:
        return Unresolved("day", "ambiguous")  # 02/07/2016: 2 July or February 7
    try:
        return day(date(int(match["year"]), number, number_of_day))
    except ValueError:
        return None


def _month(match: re.Match[str], context: Context) -> Time | None:
    number = _month_number(match["month"])
    if match["year"]:
        return month(int(match["year"]), number)
    published = context.published
    if published is None:
        return Unresolved("month", "relative")
    which = match["which"]
    if which is None:
        found = _year_of_month(number, published)
    elif which == "this":
        found = published.year
    elif which in ("next", "coming"):
        found = published.year if number > published.month else published.year + 1
    else:  # last, past: strictly before the publication month
        found = published.year if number < published.month else published.year - 1
    return month(found, number)


def _season(match: re.Match[str], context: Context) -> Time | None:
    first_month = SEASONS[match["season"]]
    if match["year"]:
        written = int(match["year"])
        if match["to"]:  # "the winter of 2014-15"
            return season(written, 12) if first_month == 12 else None
        # "the winter of 2014" is the winter that 2014 opens with: December 2013 to February 2014
        return season(written - 1 if first_month == 12 else written, first_month)
    published = context.published
    if published is None:
        return Unresolved("season", "relative")
    candidates = [season(number, first_month) for number in range(published.year - 2, published.year + 2)]
    which = match["which"]
    if which is None:  # the latest that has begun
        return max((c for c in candidates if c.first <= published), key=lambda c: c.first)
    if which == "this":  # the nearest
        return min(candidates, key=lambda c: _distance(c, published))
    if which in ("next", "coming"):
        return min((c for c in candidates if c.first > published), key=lambda c: c.first)
    return max((c for c in candidates if c.last < published), key=lambda c: c.first)  # last, past: over


def _distance(point: Point, when: date) -> int:
    if point.first <= when <= point.last:
        return 0
    return min(abs((point.first - when).days), abs((point.last - when).days))
