"""Rich progress displays for the CLI: around `Pipeline.ingest()` and `warlog.batch.run_batch()`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from warlog.model import Document, Failure
from warlog.pipeline import IngestStats, Pipeline
from warlog.store import Store


def ingest_progress(
    pipeline: Pipeline,
    items: Iterable[Document | Failure],
    store: Store,
    console: Console,
    *,
    reanalyze: bool = False,
    total: int | None = None,
) -> IngestStats:
    """Ingest with a bar of the documents done out of `total` (when known), moving as each document is
    read and failed, skipped, or analyzed, and a count of those stored, skipped and failed. Not a terminal
    (CI, a pipe): a line every 100 documents stored, skipped or failed, instead of redrawing."""
    counts = {"stored": 0, "skipped": 0, "failed": 0}
    analyzed: set[str] = set()  # analyzed, their outcome (stored, skipped, failed) not yet told
    columns = _columns(
        "ingest", "stored {task.fields[stored]} · skipped {task.fields[skipped]} · failed {task.fields[failed]}"
    )
    with Progress(*columns, console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task("ingest", total=total, stored=0, skipped=0, failed=0)
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            progress.update(task, completed=done, total=total if total is None or done <= total else None)

        def on_analyzed(document_id: str) -> None:
            analyzed.add(document_id)
            advance()

        def on_progress(what: str, item: str) -> None:
            counts[what] += 1
            progress.update(task, stored=counts["stored"], skipped=counts["skipped"], failed=counts["failed"])
            if item in analyzed:  # the outcome of an analyzed document, already counted
                analyzed.discard(item)
            elif what != "stored" and item:  # failed or skipped before any analysis
                advance()
            told = sum(counts.values())
            if not console.is_terminal and told % 100 == 0:
                of = f"/{total}" if total else ""
                console.print(
                    f"ingest: {told}{of} documents (stored {counts['stored']}, skipped "
                    f"{counts['skipped']}, failed {counts['failed']})",
                    highlight=False,
                )

        return pipeline.ingest(items, store, on_progress=on_progress, reanalyze=reanalyze, on_analyzed=on_analyzed)


@contextmanager
def batch_progress(console: Console) -> Iterator[Callable[[int, int, dict | None], None]]:
    """A display of batches written out of those to write, with documents stored and failed; yields
    the `on_progress` callback for `run_batch`. Not a terminal: a line at every tenth of the batches."""
    counts = {"stored": 0, "failed": 0}
    columns = _columns("batch", "stored {task.fields[stored]} · failed {task.fields[failed]}")
    with Progress(*columns, console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task("batch", total=None, stored=0, failed=0)

        def on_progress(written: int, total: int, summary: dict | None) -> None:
            if summary is not None:
                counts["stored"] += summary["stored"]
                counts["failed"] += summary["failed"]
            progress.update(task, completed=written, total=total, stored=counts["stored"], failed=counts["failed"])
            step = max(1, total // 10)
            if not console.is_terminal and summary is not None and (written % step == 0 or written == total):
                console.print(f"batch: {written}/{total} batches (stored {counts['stored']}, failed "
                              f"{counts['failed']})", highlight=False)  # fmt: skip

        yield on_progress


@contextmanager
def eval_progress(pipeline: Pipeline, console: Console) -> Iterator[None]:
    """A count of the documents analyzed and the time taken while a gold set is scored (on `console`,
    stderr, so that `--format json` stays clean); nothing when it is no terminal."""
    count = TextColumn("[bold]eval[/bold] {task.completed:.0f} documents analyzed")
    columns = (SpinnerColumn(), count, TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("eval", total=None)
        with pipeline.observe(lambda report: progress.advance(task)):
            yield


def _columns(name: str, counts: str) -> tuple[ProgressColumn, ...]:
    """A spinner, the name, a bar, done/total, the counts (a format of the task's fields), the time."""
    return (
        SpinnerColumn(),
        TextColumn(f"[bold]{name}[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(counts),
        TimeElapsedColumn(),
    )
