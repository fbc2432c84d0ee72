"""Counts of people as war reporting states them: "two-hundred", "1,200", "60-70", "dozens", "at least 12".

A count is a range `(min, max)`; `None` is an open end. Vague words follow ACLED's coding conventions,
so a toll can be compared with ACLED's `fatalities`:

- "dozens" → (12, None), "hundreds" → (100, None), "thousands" → (1000, None), "scores" → (20, None),
  "tens" → (10, None); "tens/hundreds of thousands" → (10000, None) / (100000, None).
- "several", "some", "many", "numerous", "a number" → (3, None): ACLED codes "several" and "some" as 3.
  "a few", "a handful" → (2, None); "a couple", "both" → (2, 2). "several hundred" → (300, None).
- Lower bounds keep the stated number, as ACLED codes it: "at least 12", "more than 20", "over 20",
  "20 or more" → (n, None), not (21, None).
- Upper bounds leave the minimum open: "up to 30", "as many as 30", "nearly 30", "fewer than 30" → (None, n).
- Approximations are the stated number: "about 30", "some 30", "an estimated 30", "a total of 30" → (30, 30).
- Zero: "no one", "nobody", "none", and the determiners "no" and "neither" → (0, 0).
- "a", "an", "one", "another" → (1, 1).

The vague words and the bounds are data: data/packs/lexicon/counts.yaml (warlog.packs.lexicon), read once
when this module is imported. The numerals and the grammar of ranges are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warlog.packs.lexicon import CountWords

Range = tuple[int | None, int | None]

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MULTIPLIABLE = {"dozen": 12, "hundred": 100, **SCALES}
_WORDS = CountWords.builtin()  # data/packs/lexicon/counts.yaml, where each list is explained
VAGUE_PLURALS = _WORDS.vague_plurals  # "dozens", "hundreds" (ACLED: dozens = 12, hundreds = 100)
VAGUE = _WORDS.vague  # a vague quantity that can multiply a scale: "several hundred"
VAGUE_PHRASES = _WORDS.vague_phrases  # "both", "a couple", "a few" (which can multiply: "a few dozen")
ZERO = _WORDS.zero
ONE = _WORDS.one
LOWER = _WORDS.lower  # "at least 12"
UPPER = _WORDS.upper  # "up to 30"
APPROXIMATE = _WORDS.approximate  # "about 30"
RANGE_WORDS = ("-", "–", "—", "to", "or")
OR_MORE = (("or", "more"), ("and", "more"), ("plus",), ("-", "plus"), ("+",))

# a number (with thousands separators or a decimal part), a word, or a dash; digits glued to letters ("5km",
# "1st") are kept whole so that they never read as a count
_WORD = re.compile(r"\d+(?:[.,]\d+)*[A-Za-z]*|[A-Za-z]+|[-–—+]")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Count:
    """A count found in a text: `text[start:end]` states `(min, max)`."""

    start: int
    end: int
    min: int | None
    max: int | None


def parse_count(text: str) -> Range | None:
    """Read a count of people.

    Args:
        text: the words of the count alone, e.g. "two-hundred", "60 to 70", "at least 12", "dozens".

    Returns:
        `(min, max)` with `None` for an open end, or None when the text is not a count.
    """
    words = [m.group().lower() for m in _WORD.finditer(text)]
    if not words or re.sub(r"[\w\s,.+–—-]", "", text).strip():
        return None
    found = _count_at(words, 0, ranged=True)
    if found is None or found[2] != len(words):
        return None
    return found[0], found[1]


def find_counts(text: str) -> list[Count]:
    """Every count in a text, longest first and without overlaps, in text order."""
    matches = list(_WORD.finditer(text))
    words = [m.group().lower() for m in matches]
    counts = []
    i = 0
    while i < len(words):
        found = _count_at(words, i, ranged=i == 0 or words[i - 1] != "from")  # "rose from 10 to 20" is no range
        if found is None:
            i += 1
            continue
        low, high, j = found
        counts.append(Count(matches[i].start(), matches[j - 1].end(), low, high))
        i = j
    return counts


def _by_first_word(phrases) -> dict[str, tuple[str, ...]]:
    """Phrases grouped by their first word, in their order: `_count_at` tries only those that can start."""
    grouped: dict[str, list[str]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase.split()[0], []).append(phrase)
    return {word: tuple(group) for word, group in grouped.items()}


def _starts(words: list[str], i: int, phrase: str) -> int | None:
    """The index after `phrase` when the words at `i` spell it, else None."""
    parts = phrase.split()
    return i + len(parts) if words[i : i + len(parts)] == parts else None


def _count_at(words: list[str], i: int, *, ranged: bool) -> tuple[int | None, int | None, int] | None:
    """The longest count that starts at words[i]: (min, max, index after it)."""
    if i >= len(words):
        return None
    if words[i] == "between":
        between = _between(words, i + 1)
        if between is not None:
            return between
    for phrases, bound in ((_LOWER_BY_FIRST, "lower"), (_UPPER_BY_FIRST, "upper"), (_APPROX_BY_FIRST, "approximate")):
        for phrase in phrases.get(words[i], ()):
            j = _starts(words, i, phrase)
            found = _quantity(words, j, ranged=ranged) if j is not None else None
            if found is not None and words[j : found[2]] not in (["a"], ["an"]):  # "over a period" is no count
                low, high, j = found
                if bound == "lower":
                    return low, None, j
                if bound == "upper":
                    return None, high if high is not None else low, j
                return low, high, j
    for phrase in _ZERO_BY_FIRST.get(words[i], ()):
        j = _starts(words, i, phrase)
        if j is not None:
            return 0, 0, j
    return _quantity(words, i, ranged=ranged)


def _between(words: list[str], i: int) -> tuple[int, int, int] | None:
    """ "between 60 and 70", "between five hundred and five hundred and one": the "and" that splits the two."""
    for low, j in reversed(_exact_prefixes(words, i)):
        if words[j : j + 1] == ["and"]:
            high = _quantity(words, j + 1, ranged=False)
            if high is not None and high[1] is not None and high[1] > low:
                return low, high[1], high[2]
    return None


def _quantity(words: list[str], i: int, *, ranged: bool) -> tuple[int | None, int | None, int] | None:
    """A number, a range of numbers or a vague quantity at words[i], with an "or more" after it."""
    vague = _vague(words, i)  # before exact numbers, so that "a few" is not "a"
    if vague is not None:
        return _open_ended(words, *vague)
    found = _exact(words, i)
    if found is None:
        return None
    low, j = found
    if ranged and j + 1 < len(words) and words[j] in RANGE_WORDS:
        second = _exact(words, j + 1)
        if second is not None and second[0] > low:
            return _open_ended(words, low, second[0], second[1])
    return _open_ended(words, low, low, j)


def _open_ended(words: list[str], low: int | None, high: int | None, j: int) -> tuple[int | None, int | None, int]:
    """ "20 or more", "20-plus": the upper end opens."""
    for phrase in OR_MORE:
        if tuple(words[j : j + len(phrase)]) == phrase:
            return low, None, j + len(phrase)
    return low, high, j


def _vague(words: list[str], i: int) -> tuple[int | None, int | None, int] | None:
    """ "dozens", "hundreds of thousands", "several hundred", "both", "a few", "a couple"."""
    word = words[i] if i < len(words) else ""
    if word in VAGUE_PLURALS:
        if words[i + 1 : i + 2] == ["of"] and words[i + 2 : i + 3] and words[i + 2] in VAGUE_PLURALS:
            if VAGUE_PLURALS[words[i + 2]] >= 1_000:  # "hundreds of thousands", not "dozens of hundreds"
                return VAGUE_PLURALS[word] * VAGUE_PLURALS[words[i + 2]], None, i + 3
        return VAGUE_PLURALS[word], None, i + 1
    for phrase, low, high in VAGUE_PHRASES:
        j = _starts(words, i, phrase)
        if j is not None:
            if high is None and j < len(words) and words[j] in MULTIPLIABLE:
                return low * MULTIPLIABLE[words[j]], None, j + 1
            return low, high, j
    if word in VAGUE:
        if i + 1 < len(words) and words[i + 1] in MULTIPLIABLE:
            return VAGUE[word] * MULTIPLIABLE[words[i + 1]], None, i + 2
        return VAGUE[word], None, i + 1
    return None


def _exact(words: list[str], i: int) -> tuple[int, int] | None:
    """The longest exact number at words[i]: (value, index after it)."""
    prefixes = _exact_prefixes(words, i)
    return prefixes[-1] if prefixes else None


def _exact_prefixes(words: list[str], i: int) -> list[tuple[int, int]]:
    """Every exact number that starts at words[i], shortest first: digits, words, "a hundred", "two dozen"."""
    if i >= len(words):
        return []
    if words[i : i + 3] == ["half", "a", "dozen"]:
        return [(6, i + 3)]
    digits = _digits(words, i)
    prefixes = [digits] if digits is not None else _number_words(words, i)
    if not prefixes and words[i] in ONE:
        prefixes = [(1, i + 1)]
        if i + 1 < len(words) and words[i + 1] in MULTIPLIABLE:  # "a hundred", "a dozen"
            prefixes.append((MULTIPLIABLE[words[i + 1]], i + 2))
    return [(value * 12, j + 1) if words[j : j + 1] == ["dozen"] else (value, j) for value, j in prefixes]


def _digits(words: list[str], i: int) -> tuple[int, int] | None:
    """ "200", "1,200", "2.5 million", "3 thousand"."""
    if not _DIGITS.fullmatch(words[i]):
        return None
    value = float(words[i].replace(",", ""))
    j = i + 1
    if j < len(words) and words[j] in MULTIPLIABLE and words[j] != "dozen":
        value *= MULTIPLIABLE[words[j]]
        j += 1
    return (int(value), j) if value == int(value) else None


def _kind(word: str) -> str | None:
    if word in UNITS:
        return "unit"
    if word in TEENS:
        return "teen"
    if word in TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    return "scale" if word in SCALES else None


# which kind of number word may follow which: "twenty-one", "one hundred and five", "three thousand"
_FOLLOWS = {
    "unit": (None, "tens", "hundred", "scale"),
    "teen": (None, "hundred", "scale"),
    "tens": (None, "hundred", "scale"),
    "hundred": ("unit", "teen"),
    "scale": ("unit", "teen", "tens", "hundred"),
}


def _number_words(words: list[str], i: int) -> list[tuple[int, int]]:
    """Every number spelled in words from words[i], shortest first: "two", "ninety-nine", "two-hundred",
    "one hundred and twenty", "three thousand"."""
    total = current = 0
    last: str | None = None
    last_scale = 10**12
    prefixes = []
    j = i
    while j < len(words):
        word, joined = words[j], False
        if word in ("-", "and") and last is not None and j + 1 < len(words):
            if word == "and" and last not in ("hundred", "scale"):
                break
            word, joined = words[j + 1], True
        kind = _kind(word)
        if kind is None or last not in _FOLLOWS[kind] or (kind == "scale" and SCALES[word] >= last_scale):
            break
        if kind == "hundred" and current >= 100:  # "five hundred and five hundred" is two numbers
            break
        if kind == "hundred":
            current *= 100
        elif kind == "scale":
            total, current, last_scale = total + current * SCALES[word], 0, SCALES[word]
        else:
            current += UNITS.get(word) or TEENS.get(word) or TENS[word]
        last = kind
        j += 2 if joined else 1
        prefixes.append((total + current, j))
    return prefixes


_LOWER_BY_FIRST = _by_first_word(LOWER)
_UPPER_BY_FIRST = _by_first_word(UPPER)
_APPROX_BY_FIRST = _by_first_word(APPROXIMATE)
_ZERO_BY_FIRST = _by_first_word(ZERO)
