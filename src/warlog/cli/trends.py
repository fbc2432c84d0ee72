"""`warlog trends`: events or fatalities per period by type, actor, country or region. Parse, call
`Store.trends`, print a table (a row per period, a column per series), CSV or JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from warlog.store.trends import Trends

FORMATS = ("table", "csv", "json")


def _one_of(flag: str, value: str, valid: tuple[str, ...]) -> str:
    from warlog.errors import SettingsError

    if value not in valid:
        raise SettingsError(f"{flag} {value!r} is not one of: {', '.join(valid)}")
    return value


def trends(
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: the user's data directory)")] = None,
    period: Annotated[str, typer.Option(help="day, week, month or year")] = "week",
    by: Annotated[str, typer.Option(help="a series per type, actor, country or admin1")] = "type",
    metric: Annotated[str, typer.Option(help="events, or fatalities (their lower bounds)")] = "events",
    top: Annotated[int, typer.Option(help="the largest series kept (1 to 50); the rest summed as 'other'")] = 8,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
    since: Annotated[str | None, typer.Option(help="from this date (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    actor: Annotated[str | None, typer.Option(help="actor id or name (as actor or recipient)")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT")] = None,
    status: Annotated[str | None, typer.Option(help="event status (default: the events that happened)")] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code of the event's place")] = None,
) -> None:
    """Events or fatalities per day, week, month or year, by event type, actor, country or admin1 region.

    An event counts when its whole date lies in one period (rules: warlog.store.trends)."""
    from warlog.cli.common import date_option, open_store, run
    from warlog.store import Filters
    from warlog.store.trends import GROUPINGS, METRICS, PERIODS

    def action() -> None:
        chosen = _one_of("--format", format, FORMATS)
        for flag, value, valid in (
            ("--period", period, PERIODS),
            ("--by", by, GROUPINGS),
            ("--metric", metric, METRICS),
        ):
            _one_of(flag, value, valid)
        filters = Filters(
            since=date_option("--since", since), until=date_option("--until", until), actor=actor, type=type,
            status=status, country=country,
        )  # fmt: skip
        with open_store(db) as store:
            found = store.trends(filters, period=period, by=by, metric=metric, top=top)
        if chosen == "json":
            sys.stdout.write(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n")
        elif chosen == "csv":
            from warlog.export.trends import write_trends_csv

            write_trends_csv(found, sys.stdout)
        else:
            _print_table(found)

    run(action)


def _print_table(found: Trends) -> None:
    console = Console()
    table = Table(title=f"{found.metric} per {found.period} by {found.by}", title_justify="left")
    table.add_column(found.period)
    for series in found.series:
        table.add_column(f"{series.label} ({series.total:g})", justify="right", overflow="fold")
    for index, period in enumerate(found.periods):
        table.add_row(period, *(f"{series.values[index]:g}" for series in found.series))
    console.print(table)
    left = f"{found.coarse} dated more coarsely than a {found.period} and {found.undated} undated are left out"
    Console(stderr=True).print(f"{found.counted} events counted; {left}.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add `trends` to the main CLI."""
    app.command("trends")(trends)
