"""Calendar units and periods, their arithmetic, and how they are written as ISO 8601 values."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar unit from its first to its last day; precision "day", "week", "month", "season" or "year"."""

    first: date
    last: date
    precision: str

    @property
    def value(self) -> str:
        if self.precision == "day":
            return self.first.isoformat()
        if self.precision == "week":
            year, week, _ = self.first.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision == "month":
            return f"{self.first:%Y-%m}"
        if self.precision == "season":
            return f"{self.first:%Y-%m}/{self.last:%Y-%m}"
        return f"{self.first.year:04d}"

    def starts(self) -> str:
        """How the point is written as the start of an interval."""
        return {"week": self.first.isoformat(), "season": f"{self.first:%Y-%m}"}.get(self.precision, self.value)

    def ends(self) -> str:
        """How the point is written as the end of an interval."""
        return {"week": self.last.isoformat(), "season": f"{self.last:%Y-%m}"}.get(self.precision, self.value)


@dataclass(frozen=True, slots=True)
class Period:
    """From one point to another; an end is None when it is open ("since 2011" with no publication date)."""

    start: Point | None
    end: Point | None
    precision = "period"

    @property
    def value(self) -> str:
        return f"{self.start.starts() if self.start else '..'}/{self.end.ends() if self.end else '..'}"


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A time whose value cannot be known from what is given; `kind` says why.

    "relative" needs the publication date, "anaphoric" an earlier date of the text, "event" is dated by an
    event ("the start of the uprising"), "duration" is a length and not a time ("for years"), "ambiguous"
    reads two ways (02/07/2016), "unknown" is not understood.
    """

    precision: str | None
    kind: str
    value = None


Time = Point | Period | Unresolved


def day(when: date) -> Point:
    return Point(when, when, "day")


def week(when: date) -> Point:
    monday = when - timedelta(days=when.weekday())
    return Point(monday, monday + timedelta(days=6), "week")


def month(year: int, number: int) -> Point:
    return Point(date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1]), "month")


def season(year: int, first_month: int) -> Point:
    """The three months from `first_month` of `year` (winter runs into the next year)."""
    last = shift_months(date(year, first_month, 1), 2)
    return Point(date(year, first_month, 1), month(last.year, last.month).last, "season")


def year(number: int) -> Point:
    return Point(date(number, 1, 1), date(number, 12, 31), "year")


def shift_months(when: date, months: int) -> date:
    """`when` moved by whole months, the day clamped to the length of the month (March 31 - 1 = February 28)."""
    index = when.year * 12 + when.month - 1 + months
    number_of_year, number = divmod(index, 12)
    return date(number_of_year, number + 1, min(when.day, calendar.monthrange(number_of_year, number + 1)[1]))


# which units a unit of each precision can be taken from: "that week" from a day, "that year" from anything
_HOLDS = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "month"),
    "year": ("day", "week", "month", "season", "year"),
}


def within(point: Point, precision: str) -> Point | None:
    """The unit of `precision` that holds `point`, or None when `point` is coarser ("that day" of a month)."""
    if point.precision not in _HOLDS.get(precision, ()):
        return None
    first = point.first
    if precision == "week":
        return week(first)
    if precision == "month":
        return month(first.year, first.month)
    if precision == "year":
        return year(first.year)
    return day(first)


_POINT = re.compile(r"(\d{4})(?:-(W)?(\d{2})(?:-(\d{2}))?)?")


def read_value(value: str) -> Point | None:
    """The point an ISO value of one unit stands for ("2015-10-08", "2015-W41", "2015-10", "2015"), or None."""
    match = _POINT.fullmatch(value)
    if match is None:
        return None
    number, is_week, middle, number_of_day = match.groups()
    try:
        if middle is None:
            return year(int(number))
        if is_week:
            return None if number_of_day else week(date.fromisocalendar(int(number), int(middle), 1))
        if number_of_day is None:
            return month(int(number), int(middle))
        return day(date(int(number), int(middle), int(number_of_day)))
    except ValueError:
        return None


def date_bounds(value: str) -> tuple[date | None, date | None] | None:
    """The first and last day a `When.value` covers; None for an open end, None altogether when unreadable.

    Args:
        value: an ISO 8601 value as `normalize` writes it: a day, week, month, year, or an interval of them.

    Returns:
        (first day, last day), either of them None for an open interval ("2011/.."); None if unreadable.
    """
    if "/" not in value:
        point = read_value(value)
        return None if point is None else (point.first, point.last)
    left, right = value.split("/", 1)
    start = None if left == ".." else read_value(left)
    end = None if right == ".." else read_value(right)
    if (start is None and left != "..") or (end is None and right != ".."):
        return None
    return (start.first if start else None, end.last if end else None)


@dataclass(frozen=True, slots=True)
class Context:
    """What a time expression is read against: the publication date and the date an anaphor refers to."""

    published: date | None
    anchor: Point | None = None
