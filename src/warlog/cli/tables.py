"""How `warlog query` shows rows: names where a person reads, ids where a program reads.

- json: the store's rows as they are, ids and all (`--columns` keeps some keys).
- csv: a column of actor or place ids holds their names joined with "; ", the ids beside it in their own
  column (`actors`, then `actor_ids`); any other list is joined the same way, never a Python list.
- table: the kind's most useful columns that some row fills (`--columns` chooses others), one line a
  row, fitted to the terminal's width (100 columns when the output is no terminal and COLUMNS is unset).
  Id columns and numbers are printed whole, so an id piped to `warlog correct` is never cut; other text
  is cut with "…", and when even that does not fit, the last columns that hold no ids are left out.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from warlog.errors import SettingsError
from warlog.store.names import Names
from warlog.store.query import Page

# a column of ids -> (what they name, the column that keeps the ids beside the names)
NAMED = {
    "actors": ("actor", "actor_ids"),
    "recipients": ("actor", "recipient_ids"),
    "speaker": ("actor", "speaker_id"),
    "co_speakers": ("actor", "co_speaker_ids"),
    "place": ("place", "place_id"),
}

# a column made from the others of a readable row (tables and `--columns`; CSV shows them when asked)
Derived = Callable[[dict[str, Any]], Any]


def _toll(row: dict[str, Any], name: str) -> str | None:
    low, high = row.get(f"{name}_min"), row.get(f"{name}_max")
    if low is None and high is None:
        return None
    return str(low if low == high or high is None else f"{low or 0}-{high}")


DERIVED: dict[str, dict[str, Derived]] = {  # by kind
    "events": {
        "who": lambda row: f"{row['actors'] or '—'} → {row['recipients'] or '—'}",
        "deaths": lambda row: _toll(row, "fatalities"),
        "wounded": lambda row: _toll(row, "wounded"),
    },
}

TABLE_COLUMNS = {
    "documents": ("id", "published", "title", "source", "events", "claims"),
    "actors": ("id", "name", "kind", "country", "documents", "mentions"),
    "places": ("id", "name", "country", "feature", "documents", "mentions"),
    "events": ("document", "id", "date", "type", "who", "place", "deaths"),
    "claims": ("document", "id", "speaker", "cue", "text", "stance"),
    "contradictions": ("document", "id", "kind", "explanation"),
    "failures": ("source", "reason", "message"),
}
SEPARATOR = "  "
NARROWEST = 10  # a text column is cut to no fewer characters than this (or its header): a whole date


def ids_in(page: Page) -> tuple[list[str], list[str]]:
    """The actor ids and place ids that the page's named columns hold, to look their names up."""
    found: dict[str, list[str]] = {"actor": [], "place": []}
    for column, (what, _) in NAMED.items():
        if column in page.columns:
            index = page.columns.index(column)
            for row in page.rows:
                value = row[index]
                found[what].extend(value if isinstance(value, list | tuple) else [value] if value else [])
    return found["actor"], found["place"]


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v is not None)


def _cell(value: Any) -> Any:
    """A cell a person can read: a list joined, a nested record by its text (or as JSON)."""
    if isinstance(value, list | tuple):
        return _joined(value)
    if isinstance(value, dict):
        return value.get("text") or json.dumps(value, ensure_ascii=False, default=str)
    return value


def readable(what: str, page: Page, names: Names) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The page's columns with names for ids (each id column beside its names) and lists joined, and
    its rows as dicts of those columns plus the derived ones of the kind."""
    columns: list[str] = []
    for column in page.columns:
        columns.append(column)
        if column in NAMED:
            columns.append(NAMED[column][1])
    rows = []
    for raw in page.to_dicts():
        row: dict[str, Any] = {}
        for column, value in raw.items():
            if column in NAMED:
                what_it_names, id_column = NAMED[column]
                ids = list(value) if isinstance(value, list | tuple) else [value] if value else []
                name = names.actor if what_it_names == "actor" else names.place
                row[column] = _joined(map(name, ids)) or (raw.get("speaker_text") if column == "speaker" else None)
                row[id_column] = _joined(ids) or None
            else:
                row[column] = _cell(value)
        for column, make in DERIVED.get(what, {}).items():
            row[column] = make(row)
        rows.append(row)
    return (*columns, *DERIVED.get(what, {})), rows


def choose_columns(what: str, available: Sequence[str], wanted: str | None, default: Sequence[str]) -> list[str]:
    """The columns `--columns a,b,c` names (or the default ones); SettingsError for an unknown one."""
    if not wanted:
        return [c for c in default if c in available]
    chosen = [c.strip() for c in wanted.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in available]
    if unknown or not chosen:
        name = unknown[0] if unknown else wanted
        raise SettingsError(f"--columns: no column {name!r} in {what}; valid choices: {', '.join(available)}")
    return chosen


def is_id_column(column: str) -> bool:
    return column in ("id", "document", "document_id", "incident", "target") or column.endswith(("_id", "_ids"))


def filled(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns that some row fills (all of them when there are no rows)."""
    if not rows:
        return list(columns)
    return [c for c in columns if any(row.get(c) not in (None, "") for row in rows)]


def period_text(first: str, last: str) -> str:
    """A period compactly: one day, a whole month ("2015-10") or year ("2015"), else "first/last"."""
    if first == last:
        return first
    if first[4:] == "-01-01" and last[4:] == "-12-31" and first[:4] == last[:4]:
        return first[:4]
    if first[:7] == last[:7] and first[8:] == "01" and last[8:] >= "28":
        import calendar

        year, month = int(first[:4]), int(first[5:7])
        if int(last[8:]) == calendar.monthrange(year, month)[1]:
            return first[:7]
    return f"{first}/{last}"


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def table_width() -> int:
    """The terminal's width, or COLUMNS, or 100 when the output is no terminal."""
    return shutil.get_terminal_size((100, 24)).columns


def fit_widths(headers: Sequence[str], cells: Sequence[Sequence[str]], fixed: Sequence[bool], width: int) -> list[int]:
    """Column widths whose sum (with separators) fits `width`: fixed columns keep their natural width,
    the others are cut evenly from the widest down, to no fewer than NARROWEST characters or the header."""
    natural = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(headers)]
    budget = width - len(SEPARATOR) * (len(headers) - 1) - sum(w for w, f in zip(natural, fixed, strict=True) if f)
    floors = [min(w, max(NARROWEST, len(h))) for w, h in zip(natural, headers, strict=True)]
    free = [i for i, f in enumerate(fixed) if not f]

    def total(cap: int) -> int:
        return sum(min(natural[i], max(cap, floors[i])) for i in free)

    cap = max((natural[i] for i in free), default=0)
    while cap > 0 and total(cap) > budget:
        cap -= 1
    return [w if fixed[i] else min(w, max(cap, floors[i])) for i, w in enumerate(natural)]


def render_table(
    columns: Sequence[str], rows: Sequence[dict[str, Any]], width: int, *, headers: Mapping[str, str] | None = None
) -> str:
    """The rows as a plain-text table of these columns, fitted to `width` (rules: the module docstring);
    when even the narrowest text columns do not fit, the last columns that hold no ids are left out."""
    columns = list(columns)
    while True:
        cells = [[_text(row.get(c)) for c in columns] for row in rows]
        numeric = [all(isinstance(row.get(c), int | float) or row.get(c) is None for row in rows) for c in columns]
        fixed = [is_id_column(c) or n for c, n in zip(columns, numeric, strict=True)]
        titles = [(headers or {}).get(c, c) for c in columns]
        widths = fit_widths(titles, cells, fixed, width)
        spare = [i for i, c in enumerate(columns) if not is_id_column(c)]
        if sum(widths) + len(SEPARATOR) * (len(columns) - 1) <= width or len(spare) <= 1:
            break
        del columns[spare[-1]]

    def line(values: Sequence[str]) -> str:
        parts = []
        for value, w, right in zip(values, widths, numeric, strict=True):
            text = _cut(value, w)
            parts.append(text.rjust(w) if right else text.ljust(w))
        return SEPARATOR.join(parts).rstrip()

    out = [line(titles), SEPARATOR.join("─" * w for w in widths)]
    out += [line(row) for row in cells]
    return "\n".join(out) + "\n"
