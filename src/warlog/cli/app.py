"""The `warlog` command: parse arguments, call the library, render. Errors are one line, exit code 1."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from warlog.cli.common import (
    AllowPrivateOption,
    DbOption,
    ModelOption,
    Published,
    cli_settings,
    date_option,
    open_store,
    parse_published,
    run,
    show_warnings,
    state,
)
from warlog.settings import Settings

app = typer.Typer(
    help="warlog: actors, events and claims from reporting on armed conflict, each tied to its evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
kb_app = typer.Typer(help="Inspect and extend the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="settings file (default ./warlog.toml)")] = None,
) -> None:
    """Global options."""
    state["debug"] = debug
    state["config"] = config
    show_warnings()


@app.command()
def analyze(
    source: Annotated[str, typer.Argument(help="a file, a URL, or - for standard input")],
    output: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    published: Published = None,
    model: ModelOption = None,
    allow_private_urls: AllowPrivateOption = False,
) -> None:
    """Analyze one document and print its report."""

    def action() -> None:
        import warlog
        from warlog.errors import SettingsError
        from warlog.ingest import read_document

        if output not in ("text", "json"):
            raise SettingsError(f"--format {output!r} is not one of: text, json")
        settings = cli_settings(model=model, allow_private_urls=allow_private_urls or None)
        document = read_document(source, published=parse_published(published), settings=settings, stdin=sys.stdin)
        report = warlog.load(settings).extract(document)
        if output == "json":
            sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            from warlog.cli.render import render_report

            # a pipe or a file gets a readable width rather than Rich's 80-column fallback
            render_report(report, Console(width=None if sys.stdout.isatty() else 120))

    run(action)


@app.command()
def ingest(
    source: Annotated[str, typer.Argument(help="a file, folder, glob, JSON Lines file, URL or RSS/Atom feed")],
    db: DbOption = None,
    published: Published = None,
    model: ModelOption = None,
    reanalyze: Annotated[bool, typer.Option(help="analyze stored documents again (corrections kept)")] = False,
    allow_private_urls: AllowPrivateOption = False,
) -> None:
    """Analyze documents and store them; stored documents are skipped, failures recorded."""

    def action() -> None:
        import warlog
        from warlog.cli.progress import ingest_progress
        from warlog.ingest import count_documents, iter_documents

        settings = cli_settings(db=db, model=model, allow_private_urls=allow_private_urls or None)
        with warlog.Store.open(settings.db) as store:  # before the model: a locked store fails at once
            pipeline = warlog.load(settings)
            items = iter_documents(source, published=parse_published(published), settings=settings)
            total = count_documents(source)
            stats = ingest_progress(pipeline, items, store, Console(stderr=True), reanalyze=reanalyze, total=total)
        Console(stderr=True).print(
            f"stored {stats.stored}, skipped {stats.skipped} already stored, failed {stats.failed} → {settings.db}",
            highlight=False,
            markup=False,
            soft_wrap=True,  # one line, the path unbroken, whatever the width
        )

    run(action)


TABLE_ROWS = 50  # the rows of a `warlog query` table without --limit or --all


@app.command()
def query(
    what: Annotated[str, typer.Argument(help="documents, actors, events, claims, places, failures or contradictions")],
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="actor id, or part of a name or alias")] = None,
    type: Annotated[
        str | None, typer.Option("--type", help="actor kind, event type, contradiction kind or failure reason")
    ] = None,
    status: Annotated[str | None, typer.Option(help="event status")] = None,
    since: Annotated[str | None, typer.Option(help="from this date (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    place: Annotated[str | None, typer.Option(help="place id, or part of its name")] = None,
    document: Annotated[str | None, typer.Option(help="document id (or prefix)")] = None,
    text: Annotated[
        str | None, typer.Option("--text", "-q", help="text in a name or alias, or a document's title or text")
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code (actors, places, events)")] = None,
    stance: Annotated[str | None, typer.Option(help="the author's stance (claims)")] = None,
    source_kind: Annotated[str | None, typer.Option(help="how the speaker is given (claims)")] = None,
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="0 to 1: events of at least this confidence")
    ] = None,
    reviewed: Annotated[
        bool, typer.Option("--reviewed", help="events and claims an analyst accepted (`warlog review`)")
    ] = False,
    sort: Annotated[str | None, typer.Option(help="a sort name, prefix - for descending (e.g. -published)")] = None,
    limit: Annotated[
        int | None, typer.Option(help=f"at most this many rows (a table: {TABLE_ROWS} unless --all)")
    ] = None,
    offset: Annotated[int, typer.Option(help="skip this many rows first")] = 0,
    every: Annotated[bool, typer.Option("--all", help="a table of every row (json and csv give every row)")] = False,
    output: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
    parquet: Annotated[Path | None, typer.Option(help="query the shards of `warlog batch` in place")] = None,
    columns: Annotated[
        str | None, typer.Option("--columns", "-c", help="the columns to show, comma-separated (ids on request)")
    ] = None,
) -> None:
    """Query the store (or, with --parquet, a folder of shards). A table shows the first rows and the most
    useful columns, with names for ids; csv has every column, names beside ids; json the stored ids."""

    def action() -> None:
        from warlog.cli.tables import ids_in
        from warlog.errors import SettingsError
        from warlog.store import Filters, Store

        if output not in ("table", "json", "csv"):
            raise SettingsError(f"--format {output!r} is not one of: table, json, csv")
        settings = cli_settings(db=db)
        if parquet is None and not Path(settings.db).exists():
            raise SettingsError(f"no store at {settings.db}; create one with `warlog ingest PATH --db {settings.db}`")
        filters = Filters(
            actor=actor, type=type, status=status, since=date_option("--since", since),
            until=date_option("--until", until), place=place, document=document, text=text, country=country,
            stance=stance, source_kind=source_kind, min_confidence=min_confidence, reviewed=reviewed or None,
        )  # fmt: skip
        rows: int | None = limit
        if limit is None and output == "table" and not every:
            rows = TABLE_ROWS  # a terminal table of 10,000 rows takes half a minute to print and to read
        with Store.open(settings.db, read_only=True) if parquet is None else _parquet_store(parquet) as store:
            page = store.find(what, filters, sort=sort, limit=rows, offset=offset)
            actor_ids, place_ids = ids_in(page)
            names = store.names(actors=actor_ids, places=place_ids) if output != "json" else None
        _print_rows(what, page, names, output, columns)
        if output == "table" and offset + len(page.rows) < page.total:
            shown = f"rows {offset + 1:,}-{offset + len(page.rows):,}" if page.rows else "no rows"
            Console(stderr=True).print(
                f"{shown} of {page.total:,}: --offset for the next, --all for every row, or --format csv or json",
                markup=False,
            )

    run(action)


def _parquet_store(folder: Path) -> Any:
    from warlog.batch import parquet_store

    return parquet_store(folder)


def _print_rows(what: str, page: Any, names: Any, output: str, wanted: str | None) -> None:
    from warlog.cli.tables import DERIVED, TABLE_COLUMNS, choose_columns, filled, readable, render_table, table_width

    if output == "json":
        chosen = choose_columns(what, page.columns, wanted, page.columns)
        records = [{c: record[c] for c in chosen} for record in page.to_dicts()]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, default=str) + "\n")
        return
    available, rows = readable(what, page, names)
    if output == "csv":
        from warlog.export.csvsafe import neutralize_row

        chosen = choose_columns(what, available, wanted, [c for c in available if c not in DERIVED.get(what, {})])
        writer = csv.writer(sys.stdout)
        writer.writerow(chosen)
        writer.writerows(neutralize_row(row.get(c) for c in chosen) for row in rows)
        return
    chosen = choose_columns(what, available, wanted, TABLE_COLUMNS.get(what, page.columns))
    if wanted is None:
        chosen = filled(chosen, rows)
    sys.stdout.write(render_table(chosen, rows, table_width()))


@app.command()
def graph(
    db: DbOption = None,
    output: Annotated[str, typer.Option("--format", "-f", help="graphml, gexf or json")] = "graphml",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="file to write (default: standard output)")] = None,
    since: Annotated[str | None, typer.Option(help="events from this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="events up to this date (YYYY-MM-DD)")] = None,
    actor: Annotated[str | None, typer.Option(help="only ties of this actor (id or name)")] = None,
    type: Annotated[str | None, typer.Option("--type", help="only events of this PLOVER type, e.g. ASSAULT")] = None,
    status: Annotated[
        list[str] | None, typer.Option(help="event status that counts; repeat for several (default: happened)")
    ] = None,
    affiliations: Annotated[bool, typer.Option(help="add affiliation edges to parents")] = True,
) -> None:
    """Export the actor graph of the store: cooperative, hostile and affiliation ties."""

    def action() -> None:
        from warlog.errors import SettingsError
        from warlog.store.graph import GRAPH_FORMATS

        if output not in GRAPH_FORMATS:
            raise SettingsError(f"--format {output!r} is not one of: {', '.join(GRAPH_FORMATS)}")
        with open_store(db) as store:
            result = store.graph(
                since=date_option("--since", since), until=date_option("--until", until), actor=actor, type=type,
                statuses=tuple(status) if status else None, affiliations=affiliations,
            )  # fmt: skip
        text = result.render(output)
        if out is None:
            sys.stdout.write(text)
            return
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as e:
            raise SettingsError(f"cannot write {out}: {e.strerror or e}") from e
        Console(stderr=True).print(
            f"{len(result.nodes)} actors, {len(result.edges)} ties → {out}", highlight=False, markup=False
        )

    run(action)


@app.command()
def incidents(
    db: DbOption = None,
    output: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    since: Annotated[str | None, typer.Option(help="events from this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="events up to this date (YYYY-MM-DD)")] = None,
    type: Annotated[str | None, typer.Option("--type", help="only events of this PLOVER type, e.g. ASSAULT")] = None,
    actor: Annotated[str | None, typer.Option(help="only incidents naming this actor (id or name)")] = None,
    min_documents: Annotated[int, typer.Option(help="only incidents told by at least this many documents")] = 1,
) -> None:
    """Count incidents, not articles: the stored events grouped across documents, with contradictions."""

    def action() -> None:
        from warlog.errors import SettingsError

        if output not in ("table", "json"):
            raise SettingsError(f"--format {output!r} is not one of: table, json")
        with open_store(db) as store:
            found = store.incidents(
                since=date_option("--since", since), until=date_option("--until", until), type=type, actor=actor,
                min_documents=min_documents,
            )  # fmt: skip
            actors = [x for i in found for x in (*i.actors, *i.recipients)]
            names = store.names(actors=actors, places=[p for i in found for p in i.places])
        if output == "json":
            sys.stdout.write(json.dumps([i.to_dict() for i in found], ensure_ascii=False) + "\n")
            return
        _print_incidents(found, names)

    run(action)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on; beyond loopback needs a token")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on (0: any free port)")] = 8765,
    token: Annotated[
        str | None, typer.Option(envvar="WARLOG_TOKEN", show_envvar=True, help="require 'Authorization: Bearer T'")
    ] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="open the store read-only; no POST")] = False,
) -> None:
    """Serve the store as a REST API (/api, docs at /docs) and the web page (/)."""

    def action() -> None:
        from warlog.api import check_bind, create_app
        from warlog.api.server import bind, run_server, url_of

        settings = cli_settings(db=db)
        check_bind(host, token)
        app = create_app(settings.db, settings=settings, token=token, read_only=read_only)
        sock = bind(host, port)
        auth = ", token required" if token else ""
        message = f"serving {settings.db} at {url_of(sock)}/ (API docs: /docs{auth}); Ctrl-C stops"
        print(message, file=sys.stderr, flush=True)
        run_server(app, sock)

    run(action)


def _print_incidents(found: Any, names: Any) -> None:
    """One line an incident, with names for ids (the ids: --format json)."""
    from warlog.cli.tables import filled, period_text, render_table, table_width

    def listed(ids: Any, name: Any) -> str:
        return "; ".join(map(name, ids)) or "—"

    rows = [
        {
            "incident": i.id,
            "type": i.type,
            "period": period_text(*i.period) if i.period else None,
            "who": f"{listed(i.actors, names.actor)} → {listed(i.recipients, names.actor)}",
            "places": "; ".join(map(names.place, i.places)),
            "reports": len(i.accounts),
            "documents": len(i.documents),
            "contradictions": "; ".join(c.explanation for c in i.contradictions),
        }
        for i in found
    ]
    columns = ("incident", "type", "period", "who", "places", "reports", "contradictions")
    sys.stdout.write(render_table(filled(columns, rows), rows, table_width()))


@kb_app.command("show")
def kb_show(
    name: Annotated[str, typer.Argument(help="a name or alias, e.g. Daesh, Moscow, IRGC")],
) -> None:
    """Tell what a name resolves to in the knowledge base, and why."""

    def action() -> None:
        from warlog.actors.kb import KnowledgeBase
        from warlog.errors import SettingsError

        settings = cli_settings()
        kb = KnowledgeBase.load(packs_dir=settings.packs_dir)
        _kb_cache["kb"] = kb
        explanations = kb.explain(name)
        if not explanations:
            raise SettingsError(f"{name!r} is in no actor pack; add it with a user pack (see docs/knowledge-base.md)")
        console = Console(soft_wrap=True)
        forms = {
            "id": "is the id of",
            "name": "is the name of",
            "alias": "is an alias of",
            "demonym": "is the demonym of",
            "metonym": "stands for (when it acts)",
        }
        for number, e in enumerate(explanations, start=1):
            actor = e.actor
            chain = " → ".join([actor.name, *(_actor_name(kb_ancestor, settings) for kb_ancestor in e.ancestors)])
            console.print(
                f"{number}. {e.alias!r} {forms.get(e.form, e.form)} [bold]{actor.id}[/bold] — {actor.name}"
                f" ({actor.kind}{', ' + actor.country if actor.country else ''})",
                highlight=False,
            )
            console.print(f"   from pack {e.pack}" + (f" ({e.path})" if e.path else ""), highlight=False, markup=False)
            if e.ancestors:
                console.print(f"   affiliation: {chain}", highlight=False)
            if actor.aliases:
                shown = ", ".join(actor.aliases[:12]) + (" …" if len(actor.aliases) > 12 else "")
                console.print(f"   aliases: {shown}", highlight=False)

    run(action)


_kb_cache: dict[str, Any] = {}


def _actor_name(actor_id: str, settings: Settings) -> str:
    actor = _kb_cache["kb"].get(actor_id)
    return f"{actor.name} ({actor_id})" if actor is not None else actor_id


@kb_app.command("import")
def kb_import(
    file: Annotated[Path, typer.Argument(help="a PETRARCH actor, agent or CAMEO verb dictionary")],
    fmt: Annotated[str, typer.Option("--format", help="dictionary format: petrarch")] = "petrarch",
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="actors, agents or verbs (default: guessed from the file)"),
    ] = None,
    dest: Annotated[
        Path | None,
        typer.Option(
            "--dest", help="folder to write the pack to (default: <packs_dir>/actors, verbs: <packs_dir>/events)"
        ),
    ] = None,
    skip_bad_lines: Annotated[
        bool, typer.Option("--skip-bad-lines", help="skip malformed lines (listed in the pack's header)")
    ] = False,
) -> None:
    """Convert a dictionary into a user pack: actors and agents to an actor pack, CAMEO verbs to a trigger pack."""

    def action() -> None:
        from warlog.actors.petrarch import import_petrarch
        from warlog.errors import SettingsError
        from warlog.packs.cameo_pack import import_cameo_verbs
        from warlog.packs.cameo_verbs import is_verb_dictionary
        from warlog.settings import default_data_dir

        if fmt != "petrarch":
            raise SettingsError(f"--format {fmt!r} is not supported; supported formats: petrarch")
        if kind not in (None, "actors", "agents", "verbs"):
            raise SettingsError(f"--kind {kind!r} is not a dictionary kind; valid kinds: actors, agents, verbs")
        settings = cli_settings()
        packs_dir = settings.packs_dir or default_data_dir() / "packs"
        # user packs live in packs_dir/actors/ and packs_dir/events/, where warlog.load() reads them
        if (kind or ("verbs" if is_verb_dictionary(file) else None)) == "verbs":
            path = import_cameo_verbs(file, dest or packs_dir / "events", strict=not skip_bad_lines)
        else:
            path = import_petrarch(file, dest or packs_dir / "actors", kind=kind, strict=not skip_bad_lines)
        hint = "" if dest else f"; set packs_dir = {packs_dir} (warlog.toml or WARLOG_PACKS_DIR) to use it"
        Console().print(
            f"wrote {path}{hint}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )

    run(action)


def main() -> None:
    """Entry point of the `warlog` script."""
    app()


def _register_subcommands() -> None:
    """`warlog eval`, `warlog gazetteer`, `export`, `correct`, `corrections`, `review` and `trends` live in their
    own modules."""
    from warlog.cli.batch import register as register_batch
    from warlog.cli.curation import register
    from warlog.cli.evaluate import eval_app
    from warlog.cli.gazetteer import gazetteer_app
    from warlog.cli.review import review
    from warlog.cli.trends import register as register_trends

    app.add_typer(eval_app, name="eval")
    app.add_typer(gazetteer_app, name="gazetteer")
    register(app)
    register_batch(app)
    app.command("review")(review)
    register_trends(app)


_register_subcommands()
