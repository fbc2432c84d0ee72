"""Times said relative to the publication date ("yesterday", "last week", "on Thursday", "the past few days")
or to an earlier date of the text ("the next day", "later that day", "two days later").

Without the date they are relative to, they keep their precision and have no value.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from warlog.temporal.lexicon import NUMBER, RECENT, UNIT, WEEKDAY, WEEKDAYS, count
from warlog.temporal.points import (
    Context,
    Period,
    Point,
    Time,
    Unresolved,
    day,
    month,
    shift_months,
    week,
    within,
    year,
)

_DEICTIC = {"today": 0, "yesterday": -1, "the day before yesterday": -2, "tomorrow": 1, "the day after tomorrow": 2}
_AGO = re.compile(rf"(?P<n>{NUMBER}) (?P<unit>{UNIT}) ago")
_CALENDAR = re.compile(r"(?P<which>this|last|next|this coming|the coming) (?P<unit>week|month|year)")
_WEEKEND = re.compile(r"(?:(?P<which>this|last|the|this past|the past) )?weekend")
_PART_OF = re.compile(r"(?P<which>earlier|later) (?:this|today's) (?P<unit>week|month|year)")
# "the year" as in "by the end of the year": the year of the date the text is about
_SAME = re.compile(r"(?:(?:earlier|later) )?(?:that|the same) (?P<unit>day|week|month|year)|the (?P<the>month|year)")
_NEXT = re.compile(r"the (?P<which>next|following|previous|preceding|prior) (?P<unit>day|week|month|year)")
_DAY_BEFORE = re.compile(r"the (?P<unit>day|week|month|year) (?P<which>before|after)")
_LATER = re.compile(rf"(?P<n>{NUMBER}) (?P<unit>{UNIT}) (?P<which>later|after|afterwards|earlier|before)")
_LOOKBACK = re.compile(
    rf"(?:the |this )?(?P<which>last|past|previous|preceding|prior) (?:(?P<n>{NUMBER}) )?(?P<unit>{UNIT})"
    rf"|(?P<recent>recent) (?P<recent_unit>{UNIT})"
)
_WEEKDAY = re.compile(rf"(?:(?P<which>last|this|next|past|this past|coming|this coming) )?(?P<weekday>{WEEKDAY})")
_DURATION = re.compile(
    rf"(?:for |a |an )?(?:(?:{NUMBER}|many|some|countless|numerous) )?(?:long |full )?"
    rf"(?:{UNIT}|minutes?|seconds?|centuries)(?: long| old| of age)?"
    rf"|(?:the )?age of \d+|\d+[- ](?:year|month|week|day)[- ](?:old|long)"
)
_BACK = {"last", "past", "previous", "preceding", "prior", "before", "earlier", "this past", "the past"}


def read_relative(text: str, context: Context) -> Time | None:
    """A time relative to the publication date or to an earlier date, or None when `text` is not one."""
    for reader in (_deictic, _ago, _calendar, _weekend, _part_of, _anaphoric, _lookback, _weekday):
        time = reader(text, context)
        if time is not None:
            return time
    return None


def read_duration(text: str) -> Time | None:
    """A length of time that is not a time ("for years", "twenty-four hours", "many months")."""
    return Unresolved("period", "duration") if _DURATION.fullmatch(text) else None


def _deictic(text: str, context: Context) -> Time | None:
    if text not in _DEICTIC:
        return None
    if context.published is None:
        return Unresolved("day", "relative")
    return day(context.published + timedelta(days=_DEICTIC[text]))


def _unit(name: str) -> str:
    return name.removesuffix("s")


def _shift(point: Point | date, unit: str, steps: int) -> Point:
    """The unit of time `steps` units from `point` (a day, week, month or year), at that unit's precision."""
    when = point if isinstance(point, date) else point.first
    if unit == "day":
        return day(when + timedelta(days=steps))
    if unit == "week":
        return week(when + timedelta(weeks=steps))
    if unit == "month":
        moved = shift_months(when, steps)
        return month(moved.year, moved.month)
    return year(when.year + steps * (10 if unit == "decade" else 1))


def _ago(text: str, context: Context) -> Time | None:
    match = _AGO.fullmatch(text)
    if match is None or (steps := count(match["n"])) is None or _unit(match["unit"]) == "hour":
        return None
    if context.published is None:
        return Unresolved(_precision(_unit(match["unit"])), "relative")
    return _shift(context.published, _unit(match["unit"]), -steps)


def _precision(unit: str) -> str:
    return "year" if unit == "decade" else unit


def _calendar(text: str, context: Context) -> Time | None:
    match = _CALENDAR.fullmatch(text)
    if match is None:
        return None
    if context.published is None:
        return Unresolved(match["unit"], "relative")
    steps = -1 if match["which"] in _BACK else 1 if match["which"] != "this" else 0
    return _shift(context.published, match["unit"], steps)


def _weekend(text: str, context: Context) -> Time | None:
    """The latest weekend whose Saturday is before the publication date; "this weekend": the one of its week."""
    match = _WEEKEND.fullmatch(text)
    if match is None:
        return None
    if context.published is None:
        return Unresolved("period", "relative")
    published = context.published
    if match["which"] == "this":  # the coming one on a weekday, the current one at the weekend
        saturday = published + timedelta(days=5 - published.weekday())
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    return Period(day(saturday), day(saturday + timedelta(days=1)))


def _part_of(text: str, context: Context) -> Time | None:
    """Part of the current unit: "earlier this year" up to the publication date, "later this month" after it."""
    match = _PART_OF.fullmatch(text)
    if match is None:
        return None
    if context.published is None:
        return Unresolved("period", "relative")
    unit = _shift(context.published, match["unit"], 0)
    if match["which"] == "earlier":
        return Period(day(unit.first), day(context.published))
    return Period(day(context.published), day(unit.last))


def _anaphoric(text: str, context: Context) -> Time | None:
    """Relative to an earlier date of the text: "that day", "the next day", "the day before", "two days later"."""
    if match := _SAME.fullmatch(text):
        unit, steps = match["unit"] or match["the"], 0
    elif match := (_NEXT.fullmatch(text) or _DAY_BEFORE.fullmatch(text)):
        unit, steps = match["unit"], -1 if match["which"] in _BACK else 1
    elif (match := _LATER.fullmatch(text)) and (number := count(match["n"])) is not None:
        unit = _unit(match["unit"])
        steps = -number if match["which"] in _BACK else number
        if unit in ("hour", "decade"):
            return None
    else:
        return None
    anchor = context.anchor and within(context.anchor, unit)
    if anchor is None:
        return Unresolved(unit, "anaphoric")
    return _shift(anchor, unit, steps)


def _lookback(text: str, context: Context) -> Time | None:
    """A period up to the publication date: "the past few days", "the previous twenty-four hours", "recent weeks".

    "previous" and "preceding" count back from the earlier date of the text when there is one.
    """
    match = _LOOKBACK.fullmatch(text)
    if match is None:
        return None
    steps: int | None
    if match["recent"]:
        unit, steps = _unit(match["recent_unit"]), RECENT
    else:
        unit, steps = _unit(match["unit"]), count(match["n"]) if match["n"] else 1
    if steps is None:
        return None
    end = context.published
    if match["which"] in ("previous", "preceding", "prior") and context.anchor and context.anchor.precision == "day":
        end = context.anchor.first
    if end is None:
        return Unresolved("period", "relative")
    if unit == "hour":
        start = end - timedelta(days=max(1, math.ceil(steps / 24)))
    elif unit in ("day", "week"):
        start = end - timedelta(days=steps * (7 if unit == "week" else 1))
    else:
        start = shift_months(end, steps * {"month": 1, "year": 12, "decade": 120}[unit] * -1)
    return Period(day(start), day(end))


def _weekday(text: str, context: Context) -> Time | None:
    """A weekday: the latest one strictly before the publication date; "next": the first after it;
    "this": the one in the publication week."""
    match = _WEEKDAY.fullmatch(text)
    if match is None:
        return None
    published = context.published
    if published is None:
        return Unresolved("day", "relative")
    number = WEEKDAYS[match["weekday"].rstrip(".")]
    which = match["which"]
    if which in ("next", "coming", "this coming"):
        return day(published + timedelta(days=(number - published.weekday()) % 7 or 7))
    if which == "this":
        return day(published + timedelta(days=number - published.weekday()))
    return day(published - timedelta(days=(published.weekday() - number) % 7 or 7))
