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


# A date in a file name or URL, between non-digits: 2016-10-09, 2016_10_09, 2016.10.09, 20161009, /2016/10/09/.
_YMD = r"(?P<year>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<month>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])"
_IN_NAME = re.compile(rf"(?<![\d]){_YMD}(?![\d])")
_IN_PATH = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>0[1-9]|1[0-2])/(?P<day>0[1-9]|[12]\d|3[01])(?:/|$|[^\d])")


def date_in_name(name: str) -> str | None:
    """The date a file name or URL carries (`..._2016-10-09_...`, `/2016/10/09/`, `20161009`), as ISO
    YYYY-MM-DD; None when it carries none, two different ones (no guessing between them) or a future one.

    A file path is searched in its last part and in `/YYYY/MM/DD/` folders; a URL in its path."""
    found = {iso for match in _IN_PATH.finditer(name) if (iso := _iso(match["year"], match["month"], match["day"]))}
    last = name.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    for match in _IN_NAME.finditer(last):
        if iso := _iso(match["year"], match["month"], match["day"]):
            found.add(iso)
    found = {iso for iso in found if iso <= date.today().isoformat()}  # a publication date is not to come
    return found.pop() if len(found) == 1 else None
