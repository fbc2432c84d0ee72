"""Trends: the stored events (or their dead) per day, week, month or year, one series per event type,
actor, country or first-level region, computed in one DuckDB query.

Rules:
- An event counts in a period when its whole date lies inside that period: a day counts in its week,
  a month ("2016-03") in its month and year but not in a week, a period ("2016-03-01/2016-03-05") where
  its first and last days fall. The others (undated, or dated more coarsely than the period) are not
  spread over periods they may not belong to: `coarse` and `undated` count them.
- `by`: "type" the PLOVER type; "actor" every actor and recipient of the event (an event of two actors
  counts in both series, so the series of actors do not add up to the total); "country" the country of
  the event's place; "admin1" the place when it is itself a first-level region (an `adm1.` place), else
  "finer place, region unknown" (the store keeps no region for a town).
- `metric`: "events" counts event reports; "fatalities" adds their lower bounds of the dead (an event
  without a toll adds 0). Events are told per document: an incident three documents tell counts three
  times (warlog.incidents groups them).
- The filters are the event listing's (warlog.store.query); without `status` only the
  events that happened count (asserted, reported, claimed), as in the actor graph and the exports.
- The `top` largest series are kept by their total; the rest are summed into one "other" series. A
  series of zeros is left out (by fatalities, the groups whose events tell no dead).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from warlog.errors import StoreError
from warlog.model import HAPPENED
from warlog.store import listings
from warlog.store.query import Filters

PERIODS = ("day", "week", "month", "year")
GROUPINGS = ("type", "actor", "country", "admin1")
METRICS = ("events", "fatalities")
MAX_PERIODS = 2000  # a day series over five years; beyond it ask for a coarser period
OTHER = "other"
NO_GROUP = "unknown"
NO_GROUP_LABELS = {"type": "no type", "actor": "no actor named", "country": "no place", "admin1": "no region known"}

# The first and last day an ISO date or period covers (NULL when it is not ISO).
_VALUE = 'e."date"."value"'
_FIRST = f"left(split_part({_VALUE}, '/', 1), 10)"
_LAST = f"left(CASE WHEN contains({_VALUE}, '/') THEN split_part({_VALUE}, '/', 2) ELSE {_VALUE} END, 10)"


def _first_day(text: str) -> str:
    return f"""TRY_CAST(CASE length({text}) WHEN 4 THEN {text} || '-01-01' WHEN 7 THEN {text} || '-01'
        ELSE {text} END AS DATE)"""


def _last_day(text: str) -> str:
    return f"""CASE length({text}) WHEN 4 THEN TRY_CAST({text} || '-12-31' AS DATE)
        WHEN 7 THEN last_day(TRY_CAST({text} || '-01' AS DATE)) ELSE TRY_CAST({text} AS DATE) END"""


_KEYS = {
    "type": 'SELECT e."type" AS key',
    "actor": "SELECT unnest(list_distinct(list_concat(e.actors, e.recipients))) AS key",
    "country": f"SELECT coalesce(p.country, '{NO_GROUP}') AS key",
    "admin1": f"SELECT CASE WHEN starts_with(p.id, 'adm1.') THEN p.id ELSE '{NO_GROUP}' END AS key",
}
_LABELS = {
    "actor": 'SELECT id AS key, "name" AS label FROM actors',
    # a country's name is its state actor's, when the store has one
    "country": """SELECT country AS key, min("name") AS label FROM actors
        WHERE kind = 'state' AND country IS NOT NULL GROUP BY country""",
    "admin1": "SELECT id AS key, \"name\" || coalesce(' (' || country || ')', '') AS label FROM places",
}


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a trend: its group (an id or a type), the name a person reads, a value per period."""

    key: str
    label: str
    values: tuple[float, ...]
    total: float


@dataclass(frozen=True, slots=True)
class Trends:
    """The series of a trend over consecutive periods (each named by its first day, ISO)."""

    period: str
    by: str
    metric: str
    periods: tuple[str, ...]
    series: tuple[Series, ...]
    counted: int  # events counted in a period
    coarse: int  # events dated, but more coarsely than the period
    undated: int

    def to_dict(self) -> dict[str, Any]:
        """`{period, by, metric, periods, series: [{key, label, values, total}], counted, coarse, undated}`."""
        series = [{"key": s.key, "label": s.label, "values": list(s.values), "total": s.total} for s in self.series]
        return {"period": self.period, "by": self.by, "metric": self.metric, "periods": list(self.periods),
                "series": series, "counted": self.counted, "coarse": self.coarse, "undated": self.undated}  # fmt: skip

    def rows(self) -> list[tuple[str, str, str, float]]:
        """One (period, key, label, value) row per period and series, for a CSV."""
        return [(p, s.key, s.label, v) for s in self.series for p, v in zip(self.periods, s.values, strict=True)]


def _check(period: str, by: str, metric: str, top: int) -> None:
    for name, value, valid in (("period", period, PERIODS), ("by", by, GROUPINGS), ("metric", metric, METRICS)):
        if value not in valid:
            raise StoreError(f"unknown trend {name} {value!r}; valid choices: {', '.join(valid)}")
    if not 1 <= top <= 50:
        raise StoreError(f"top must be from 1 to 50, not {top}")


def _conditions(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """The event listing's conditions for `filters` (on `e`), and the default statuses."""
    given = filters.given()
    chosen = listings.listing("events")
    unknown = sorted(set(given) - set(chosen.filters))
    if unknown:
        valid = ", ".join(chosen.filters)
        raise StoreError(f"trends take no filter {', '.join(unknown)}; valid choices: {valid}")
    conditions, params = [], {}
    for name, value in given.items():
        fragment = chosen.filters[name]
        condition, used = fragment(con, value) if callable(fragment) else (fragment, {name: value})
        conditions.append(condition)
        params.update(used)
    if "status" not in given:
        conditions.append("list_contains($happened, e.status)")
        params["happened"] = list(HAPPENED)
    return conditions, params


def trends(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    period: str = "week",
    by: str = "type",
    metric: str = "events",
    top: int = 8,
) -> Trends:
    """The trend of the events `filters` keep (rules above).

    Raises:
        StoreError: an unknown period, grouping, metric or filter, a bad filter value, or more than
            MAX_PERIODS periods; the message says what to change.
    """
    _check(period, by, metric, top)
    conditions, params = _conditions(con, filters)
    where = " AND ".join(conditions) or "true"
    value = 'coalesce(e.fatalities."min", e.fatalities."max", 0)' if metric == "fatalities" else "1"
    dated = f"""SELECT e.*, date_trunc('{period}', {_first_day(_FIRST)}) AS first_period,
            date_trunc('{period}', {_last_day(_LAST)}) AS last_period
        FROM events e WHERE {where}"""
    counts = con.execute(
        f"""SELECT count(*) FILTER (WHERE first_period = last_period),
            count(*) FILTER (WHERE first_period <> last_period),
            count(*) FILTER (WHERE first_period IS NULL OR last_period IS NULL) FROM ({dated})""",
        params,
    ).fetchone()
    assert counts is not None  # an aggregate answers one row
    grouped = f"""WITH kept AS (SELECT * FROM ({dated}) e WHERE first_period = last_period),
        keyed AS ({_KEYS[by]}, e.first_period AS period_start, {value} AS v
            FROM kept e LEFT JOIN places p ON p.id = e.place)
        SELECT coalesce(key, '{NO_GROUP}'), period_start::DATE, sum(v) FROM keyed GROUP BY ALL"""
    cells = con.execute(grouped, params).fetchall()
    periods = _periods(con, period, [row[1] for row in cells])
    labels = dict(con.execute(f"SELECT * FROM ({_LABELS[by]})").fetchall()) if by != "type" else {}
    labels[NO_GROUP] = NO_GROUP_LABELS[by]
    return Trends(
        period=period, by=by, metric=metric, periods=periods, series=_series(cells, periods, labels, top),
        counted=int(counts[0]), coarse=int(counts[1]), undated=int(counts[2]),
    )  # fmt: skip


def _periods(con: duckdb.DuckDBPyConnection, period: str, starts: list[Any]) -> tuple[str, ...]:
    """Every period from the first to the last of `starts`, gaps included."""
    if not starts:
        return ()
    sql = f"SELECT unnest(range(min(s), max(s) + INTERVAL 1 {period}, INTERVAL 1 {period}))::DATE FROM unnest($s) t(s)"
    found = [row[0].isoformat() for row in con.execute(sql, {"s": starts}).fetchall()]
    if len(found) > MAX_PERIODS:
        raise StoreError(
            f"a trend by {period} over these events has {len(found)} periods (at most {MAX_PERIODS}); "
            "choose a coarser period or a shorter time span (since, until)"
        )
    return tuple(found)


def _series(
    cells: list[tuple[Any, ...]], periods: tuple[str, ...], labels: dict[str, str], top: int
) -> tuple[Series, ...]:
    """The `top` series with the largest totals, and the rest summed as "other"; a series of zeros (a
    type without a toll, by fatalities) is left out."""
    index = {p: i for i, p in enumerate(periods)}
    values: dict[str, list[float]] = {}
    for key, at, number in cells:
        values.setdefault(key, [0.0] * len(periods))[index[at.isoformat()]] += float(number)
    ranked = sorted((key for key in values if sum(values[key])), key=lambda key: (-sum(values[key]), key))
    kept = [Series(key, labels.get(key) or key, tuple(values[key]), sum(values[key])) for key in ranked[:top]]
    if len(ranked) > top:
        rest = [sum(values[key][i] for key in ranked[top:]) for i in range(len(periods))]
        kept.append(Series(OTHER, f"other ({len(ranked) - top})", tuple(rest), sum(rest)))
    return tuple(kept)
