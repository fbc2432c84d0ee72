"""`warlog batch` and `warlog load`: parse, call warlog.batch, print one line. Registered by `register(app)`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console


def batch(
    source: Annotated[str, typer.Argument(help="JSON Lines or Parquet file, or a folder; a path or a URI")],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the Parquet shards")],
    engine: Annotated[str, typer.Option(help="ray (Ray Data) or local (processes)")] = "local",
    address: Annotated[
        str | None, typer.Option(envvar="RAY_ADDRESS", help="Ray cluster to join, HOST:PORT (default: a new local one)")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="pipeline workers (default: all cores, or the joined cluster's CPUs)")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="documents per batch and shard")] = 64,
    published: Annotated[str | None, typer.Option(help="publication date when a document has none")] = None,
    model: Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline to use")] = None,
) -> None:
    """Analyze many documents on Ray or local processes into Parquet shards; written batches are skipped."""
    from warlog.cli.common import cli_settings, parse_published, run

    def action() -> None:
        from warlog.batch import run_batch
        from warlog.cli.progress import batch_progress

        console = Console(stderr=True)
        with batch_progress(console) as on_progress:
            stats = run_batch(
                source, out, settings=cli_settings(model=model), engine=engine, workers=workers, batch_size=batch_size,
                address=address, published=parse_published(published), on_progress=on_progress,
            )  # fmt: skip
        peak = max(stats.peak_rss_mb.values(), default=0.0)
        rate = f", {stats.busy_rate:.1f} docs/s with every worker busy" if stats.busy_rate else ""
        console.print(
            f"batches: {stats.written} written, {stats.skipped} skipped; documents: {stats.stored} stored, "
            f"{stats.failed} failed; {stats.seconds:.1f} s{rate}, peak {peak:.0f} MB per worker → {out}",
            highlight=False, markup=False, soft_wrap=True,
        )  # fmt: skip

    run(action)


def load(
    folder: Annotated[Path, typer.Argument(help="shard folder written by `warlog batch`")],
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: the user's data directory)")] = None,
) -> None:
    """Merge Parquet shards into a store; documents already stored are skipped."""
    from warlog.cli.common import cli_settings, run

    def action() -> None:
        from warlog.batch import load_shards
        from warlog.store import Store

        settings = cli_settings(db=db)
        with Store.open(settings.db) as store:
            counts = load_shards(folder, store)
        Console(stderr=True).print(
            f"stored {counts['stored']}, skipped {counts['skipped']} already stored, failed {counts['failed']} "
            f"→ {settings.db}",
            highlight=False, markup=False, soft_wrap=True,
        )  # fmt: skip

    run(action)


def register(app: typer.Typer) -> None:
    """Add `batch` and `load` to the main CLI."""
    app.command("batch")(batch)
    app.command("load")(load)
