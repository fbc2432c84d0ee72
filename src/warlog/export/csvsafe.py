"""CSV cells a spreadsheet shows as text, never runs as a formula (OWASP's advice on CSV injection).

A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` as a formula (`=cmd|' /C calc'!A0` in a
note starts a program in some), and one that begins with a tab or a carriage return as well, once it has
trimmed that character. Every CSV warlog writes (the ACLED export, `warlog query --format csv`) passes
its cells through `neutralize`, which puts a single quote before such a string: the spreadsheet shows
the cell as text and hides the quote; other readers (Python's csv module, pandas) see it.

Only strings are changed. Numbers (int, float) are written as they are, so a longitude of -7.97 or a
count stays a number a spreadsheet can sum. Text from the reporting (names, notes, sources) always
reaches a cell as a string, and coordinates, counts and codes as numbers; a string that merely looks
like a negative number ("-5") is quoted like any other.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """The value to write in a CSV cell: a string that begins a formula behind a `'`, anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralize_row(values: Iterable[object]) -> list[object]:
    """`neutralize` of each cell of a row."""
    return [neutralize(value) for value in values]
