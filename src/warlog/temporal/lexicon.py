"""The English words of time: month, weekday and season names, counts, and the regex fragments built on them.

Grammar rather than knowledge of the world, so it lives here as constants and not in a data pack.
"""

from __future__ import annotations

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
# the first month of each season, northern hemisphere, meteorological (three months each)
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# vague counts, as the span they are taken to cover: "the last few days" is the last three days
VAGUE_COUNTS = {"a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 5}
RECENT = 3  # "in recent weeks": the last three weeks


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


MONTH = rf"(?:{_alternation(MONTHS)})\.?"
WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})\.?"
SEASON = rf"(?:{_alternation(SEASONS)})"
_NUMBER_WORD = rf"(?:(?:{_alternation(_TENS)})(?:[-\s](?:{_alternation(_UNITS[1:10])}))?|{_alternation(_UNITS)})"
# a count: digits, number words up to ninety-nine, "a"/"an", or a vague count ("a few", "several")
NUMBER = rf"(?:\d+|{_alternation(VAGUE_COUNTS)}|{_NUMBER_WORD}|an?)"
UNIT = r"(?:hour|day|week|month|year|decade)s?"


def count(words: str) -> int | None:
    """The number that `words` say ("24", "twenty-four", "a", "a few"), or None."""
    words = words.strip().lower()
    if words.isdigit():
        return int(words)
    if words in ("a", "an"):
        return 1
    if words in VAGUE_COUNTS:
        return VAGUE_COUNTS[words]
    total = 0
    for word in words.replace("-", " ").split():
        if word in _TENS:
            total += _TENS[word]
        elif word in _UNITS:
            total += _UNITS.index(word)
        else:
            return None
    return total
