"""`warlog export`, `warlog correct ...` and `warlog corrections`: parse, call the library, print.

Registered in the main CLI by `register(app)`; errors go through its one-line handler, so `--debug` and
`--config` apply.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from warlog.store.correction import Who

correct_app = typer.Typer(
    help="Correct the store, with an audit trail kept across re-analysis (`warlog corrections` lists it).",
    no_args_is_help=True,
)

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: the user's data directory)")]
NoteOption = Annotated[str | None, typer.Option("--note", help="why (kept in the audit trail)")]
AuthorOption = Annotated[str | None, typer.Option("--author", help="who (default: the login name)")]


def export(
    db: DbOption = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="acled-csv, plover-json, jsonl, parquet, graphml or gexf")
    ] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="file to write (parquet: a folder; default: standard output)")
    ] = None,
    since: Annotated[str | None, typer.Option(help="from this date (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    actor: Annotated[str | None, typer.Option(help="actor id or name")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT")] = None,
    country: Annotated[
        str | None, typer.Option(help="ISO code of the events' country, e.g. SYR (acled-csv, plover-json)")
    ] = None,
    status: Annotated[
        str | None, typer.Option(help="event status, or 'any' (default: the events that happened)")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence", help="0 to 1: only events of at least this confidence (acled-csv, plover-json)"
        ),
    ] = None,
    per_event: Annotated[
        bool, typer.Option("--per-event", help="acled-csv: one row per event, not one per incident")
    ] = False,
    reviewed: Annotated[
        bool,
        typer.Option("--reviewed", help="only what an analyst accepted (acled-csv, plover-json, jsonl)"),
    ] = False,
) -> None:
    """Export the store as ACLED CSV, PLOVER JSON Lines, report JSON Lines, Parquet, GraphML or GEXF."""
    from warlog.cli.common import date_option, open_store, run

    def action() -> None:
        from warlog.errors import SettingsError
        from warlog.export import EXPORT_FORMATS
        from warlog.export import export as run_export

        if format not in EXPORT_FORMATS:
            raise SettingsError(f"--format {format!r} is not one of: {', '.join(EXPORT_FORMATS)}")
        if format == "parquet" and out is None:
            raise SettingsError("--format parquet writes one file per table: give a folder with --out")
        filters = {"since": date_option("--since", since), "until": date_option("--until", until)}
        with open_store(db) as store:
            written = run_export(
                store, format, out if out is not None else sys.stdout.buffer, actor=actor, type=type, status=status,
                min_confidence=min_confidence, per_event=per_event, reviewed=reviewed, country=country, **filters,
            )  # fmt: skip
        if out is not None:
            Console(stderr=True).print(f"wrote {written} ({format}) → {out}", highlight=False, markup=False)
        else:
            sys.stdout.flush()

    run(action)


def open_writable(db: Path | None) -> Any:
    """The store at --db (or the configured one), opened for writing; it must exist."""
    from warlog.cli.common import cli_settings
    from warlog.errors import SettingsError
    from warlog.store import Store

    settings = cli_settings(db=db)
    if not Path(settings.db).exists():
        raise SettingsError(f"no store at {settings.db}; create one with `warlog ingest PATH --db {settings.db}`")
    return Store.open(settings.db)


@correct_app.callback()
def correct_options(ctx: typer.Context, db: DbOption = None) -> None:
    """Options of every correction: `warlog correct --db PATH KIND ...` (or --db after the kind)."""
    ctx.obj = {"db": db}


def _record(ctx: typer.Context, db: Path | None, make: Callable[[], Any]) -> None:
    """Record the correction `make()` builds and print it on one line."""
    from warlog.cli.common import run

    def action() -> None:
        from warlog.store.trail import actors_named

        correction = make()
        with open_writable(db or (ctx.obj or {}).get("db")) as store:
            stored = store.correct(correction)
            names = store.names(actors=actors_named([stored]))
        Console().print(describe(stored, names.actor), highlight=False, markup=False, soft_wrap=True)

    run(action)


def _who(author: str | None, note: str | None) -> Who:
    return {"author": author or getpass.getuser(), "note": note}


def describe(c: Any, name: Callable[[str], str] | None = None) -> str:
    """One line for a recorded correction: an accept or a reject by its target, any other with its values
    before and after in words (actors by `name`)."""
    from warlog.store.trail import describe as value_text

    where = f" in {c.document}" if c.document else ""
    if c.kind in ("reject", "accept"):
        return f"#{c.id} {c.kind} {c.fact} {c.target}{where}"
    named = name or str
    before = value_text(c, c.before, before=True, name=named)
    after = value_text(c, c.after, before=False, name=named)
    return f"#{c.id} {c.kind} {c.fact} {c.target}{where}. before: {before}. after: {after}"


@correct_app.command("merge-actors")
def merge_actors(
    ctx: typer.Context,
    absorbed: Annotated[str, typer.Argument(help="the actor id to merge away")],
    into: Annotated[str, typer.Argument(help="the actor id that absorbs it")],
    db: DbOption = None,
    note: NoteOption = None,
    author: AuthorOption = None,
) -> None:
    """Merge the first actor into the second: every event, claim, relation and mention follows."""
    from warlog.store.correction import Correction

    _record(ctx, db, lambda: Correction.merge_actors(absorbed, into, **_who(author, note)))


@correct_app.command("alias")
def alias(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="actor id")],
    name: Annotated[str, typer.Argument(help="the new alias")],
    db: DbOption = None,
    note: NoteOption = None,
    author: AuthorOption = None,
) -> None:
    """Give an actor a new alias."""
    from warlog.store.correction import Correction

    _record(ctx, db, lambda: Correction.add_alias(actor, name, **_who(author, note)))


@correct_app.command("event-type")
def event_type(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="document id")],
    event: Annotated[str, typer.Argument(help="event id")],
    type: Annotated[str, typer.Argument(help="PLOVER event type, e.g. PROTEST, or TYPE/mode as reports print it")],
    mode: Annotated[str | None, typer.Option(help="PLOVER mode of the type")] = None,
    db: DbOption = None,
    note: NoteOption = None,
    author: AuthorOption = None,
) -> None:
    """Fix an event's type (its ACLED and CAMEO codes follow)."""
    from warlog.store.correction import Correction

    _record(ctx, db, lambda: Correction.set_event_type(document, event, type, mode=mode, **_who(author, note)))


@correct_app.command("event-status")
def event_status(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="document id")],
    event: Annotated[str, typer.Argument(help="event id")],
    status: Annotated[str, typer.Argument(help="asserted, reported, claimed, denied, negated, hypothetical, planned")],
    db: DbOption = None,
    note: NoteOption = None,
    author: AuthorOption = None,
) -> None:
    """Fix an event's status."""
    from warlog.store.correction import Correction

    _record(ctx, db, lambda: Correction.set_event_status(document, event, status, **_who(author, note)))


def _ids(value: str | None) -> list[str] | None:
    return None if value is None else [x.strip() for x in value.split(",") if x.strip()]


@correct_app.command("event-actors")
def event_actors(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="document id")],
    event: Annotated[str, typer.Argument(help="event id")],
    actors: Annotated[str | None, typer.Option(help="actor ids, comma-separated ('' for none)")] = None,
    recipients: Annotated[str | None, typer.Option(help="recipient ids, comma-separated ('' for none)")] = None,
    db: DbOption = None,
    note: NoteOption = None,
    author: AuthorOption = None,
) -> None:
    """Fix an event's actors and/or recipients."""
    from warlog.errors import SettingsError
    from warlog.store.correction import Correction

    def make() -> Correction:
        if actors is None and recipients is None:
            raise SettingsError("give the event's --actors and/or --recipients (comma-separated actor ids)")
        return Correction.set_event_actors(
            document, event, actors=_ids(actors), recipients=_ids(recipients), **_who(author, note)
        )

    _record(ctx, db, make)


@correct_app.command("reject")
def reject(
    ctx: typer.Context,
    fact: Annotated[str, typer.Argument(help="event, claim, actor, mention or contradiction")],
    document: Annotated[str, typer.Argument(help="document id")],
    id: Annotated[str, typer.Argument(help="its id (a mention: ACTOR@START)")],
    db: DbOption = None,
    note: NoteOption = None,
    author: AuthorOption = None,
) -> None:
    """Reject a fact of a document: it is hidden from queries, the graph and exports."""
    from warlog.store.correction import Correction

    _record(ctx, db, lambda: Correction.reject(fact, document, id, **_who(author, note)))


def corrections(
    db: DbOption = None,
    target: Annotated[str | None, typer.Option(help="only those of this actor, event, claim ... id")] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Show the audit trail of corrections: who, when, what, before and after, and whether it applies."""
    from warlog.cli.common import open_store, run

    def action() -> None:
        from warlog.errors import SettingsError

        if output not in ("table", "json"):
            raise SettingsError(f"--format {output!r} is not one of: table, json")
        from warlog.cli.tables import filled, render_table, table_width
        from warlog.store.trail import actors_named, trail_row

        with open_store(db) as store:
            trail = store.corrections(target)
            names = store.names(actors=actors_named(trail))
        if output == "json":
            sys.stdout.write(json.dumps([c.to_dict() for c in trail], ensure_ascii=False) + "\n")
            return
        rows = []
        for c in trail:
            row = trail_row(c, names.actor)
            what = f"{c.kind} {c.fact}" if c.kind == "reject" else c.kind
            rows.append({**row, "what": what, "at": c.at.strftime("%Y-%m-%d") if c.at else None,
                         "applied": "yes" if c.applied else "no"})  # fmt: skip
        columns = filled(("id", "at", "author", "what", "target", "before_text", "after_text", "note", "applied"), rows)
        headers = {"before_text": "before", "after_text": "after"}
        sys.stdout.write(render_table(columns, rows, table_width(), headers=headers))

    run(action)


def register(app: typer.Typer) -> None:
    """Add `export`, `correct` and `corrections` to the main CLI."""
    app.command("export")(export)
    app.add_typer(correct_app, name="correct")
    app.command("corrections")(corrections)
