"""Publication dates to ISO YYYY-MM-DD, from whatever form metadata and feeds give them in."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_tz

from warlog.temporal.lexicon import MONTHS as _MONTHS

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
# ISO 8601 and its look-alikes (2015-10-24, 2015/10/24, 2015-10-24T10:00:00Z, 20151024)
_NUMERIC = re.compile(r"(?P<year>\d{4})(?P<sep>[-/.]?)(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])")
_DAY_MONTH_YEAR = re.compile(rf"{_WEEKDAY}{_DAY}(?:\s+|-){_MONTH},?(?:\s+|-){_YEAR}\b")
_MONTH_DAY_YEAR = re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")


def parse_date(value: str) -> str | None:
    """The date in `value` as ISO YYYY-MM-DD, or None when it cannot be read.

    Accepts ISO 8601 (with or without a time), RFC 2822 as in feeds ("Sat, 24 Oct 2015 10:00:00 +0000"),
    "24 October 2015", "October 24, 2015", "24th Oct. 2015" and the like. A date and time keeps the
    date as written, in its own time zone. Partial dates ("October 2015") give None.

    Args:
        value: the text of the date.

    Returns:
        The ISO date, or None.
    """
    value = value.strip()
    match = _NUMERIC.match(value)
    if match and (match["sep"] or len(value) == 8 or value[8:9] == "T"):
        return _iso(match["year"], match["month"], match["day"])
    rfc = parsedate_tz(value)
    if rfc is not None:
        return _iso(rfc[0], rfc[1], rfc[2])
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(value)
        if match and match["month"].lower() in _MONTHS:
            return _iso(match["year"], _MONTHS[match["month"].lower()], match["day"])
    return None


def _iso(year: int | str, month: int | str, day: int | str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
