"""`warlog review`: the review queue in the terminal, one item at a time, decided with single keys.

a accepts, r rejects, f fixes (an event's type, status, actors or recipients; n negates it), s skips, q
quits. Each decision is a correction in the audit trail (`warlog corrections`). Keys are read one at a
time from a terminal (termios, no Enter needed); from a pipe or file, one line per key.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from warlog.store.review import ReviewItem

KEYS = "[a]ccept  [r]eject  [f]ix  [s]kip  [q]uit"
FIX_KEYS = "fix: [t]ype  [s]tatus  [n]egate  [a]ctors  [r]ecipients  (any other key: back)"


@contextmanager
def single_keys(stream: IO[str]) -> Iterator[None]:
    """A terminal in cbreak mode for the block (each key is read as it is pressed, not echoed), restored
    after; nothing for a pipe or file. TCSANOW keeps keys typed ahead (TCSAFLUSH would drop them)."""
    if not stream.isatty():
        yield
        return
    import termios
    import tty

    fd = stream.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)


def read_key(stream: IO[str], prompt: str, console: Console) -> str:
    """One key, lower-cased: a single keystroke from a terminal (in `single_keys`), else the first
    character of a line; "q" at the end of the input."""
    console.print(prompt, end=" ", highlight=False, markup=False)
    if stream.isatty():
        key = os.read(stream.fileno(), 1).decode("utf-8", "replace")
        console.print(key if key.isprintable() else "", highlight=False, markup=False)
        return "q" if key in ("", "\x04") else key.lower()
    line = stream.readline()
    console.print(line.rstrip("\n"), highlight=False, markup=False)
    return line.strip()[:1].lower() if line else "q"


def read_line(stream: IO[str], prompt: str, console: Console) -> str:
    """A line of text, stripped ("" at the end of the input); a terminal is in line mode meanwhile."""
    console.print(prompt, end=" ", highlight=False, markup=False)
    if not stream.isatty():
        line = stream.readline()
        console.print(line.rstrip("\n"), highlight=False, markup=False)
        return line.strip()
    import termios

    fd = stream.fileno()
    keys = termios.tcgetattr(fd)
    line_mode = termios.tcgetattr(fd)
    line_mode[3] |= termios.ICANON | termios.ECHO
    termios.tcsetattr(fd, termios.TCSANOW, line_mode)
    try:
        return os.read(fd, 4096).decode("utf-8", "replace").strip()
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, keys)


def show(item: ReviewItem, position: int, total: int, console: Console) -> None:
    """The item in words, then its evidence highlighted in its sentence."""
    console.rule(f"{position} of {total} · {item.fact} {item.id} · {item.document}", style="dim")
    console.print(Text(item.summary, style="bold"), soft_wrap=True)
    context = Text(item.context)
    start = item.evidence.start - item.context_start
    context.stylize("reverse bold", max(start, 0), max(start, 0) + len(item.evidence.text))
    console.print(context, soft_wrap=True)
    console.print(Text(f"{item.title or ''}  ·  " + "; ".join(item.reasons), style="dim"), soft_wrap=True)


def _fix(store: Any, item: ReviewItem, stream: IO[str], console: Console, who: dict[str, Any]) -> Any:
    """Ask what to fix in an event and record that correction; None when nothing was fixed."""
    from warlog.store.correction import Correction

    if item.fact != "event":
        console.print("a claim is fixed by rejecting it (r) or by fixing the event it reports", markup=False)
        return None
    key = read_key(stream, FIX_KEYS, console)
    if key == "n":
        return store.correct(Correction.set_event_status(item.document, item.id, "negated", **who))
    prompts = {
        "t": f"type, or TYPE/mode (now {item.type}{'/' + item.mode if item.mode else ''}):",
        "s": f"status (now {item.status}):",
        "a": "actor ids, comma-separated:",
        "r": "recipient ids, comma-separated:",
    }
    if key not in prompts:
        return None
    value = read_line(stream, prompts[key], console)
    if not value and key in "ts":
        return None
    if key == "t":
        type, _, mode = value.partition("/")
        return store.correct(Correction.set_event_type(item.document, item.id, type.strip().upper(),
                                                       mode=mode.strip() or None, **who))  # fmt: skip
    if key == "s":
        return store.correct(Correction.set_event_status(item.document, item.id, value.lower(), **who))
    ids = [x.strip() for x in value.split(",") if x.strip()]
    actors, recipients = (ids, None) if key == "a" else (None, ids)
    return store.correct(
        Correction.set_event_actors(item.document, item.id, actors=actors, recipients=recipients, **who)
    )


def _refreshed(store: Any, item: ReviewItem) -> ReviewItem:
    """The item as the store holds it after a fix (its rank fields as they were)."""
    found = store.review_queue(facts=(item.fact,), document=item.document)
    return next((x for x in found.items if x.id == item.id and x.document == item.document), item)


def _decide(store: Any, item: ReviewItem, key: str, who: dict[str, Any]) -> Any:
    from warlog.store.correction import Correction

    make = Correction.accept if key == "a" else Correction.reject
    return store.correct(make(item.fact, item.document, item.id, **who))


def review_items(store: Any, items: Any, total: int, stream: IO[str], console: Console, who: dict[str, Any]) -> int:
    """Walk the items with the keys; the number of decisions recorded."""
    from warlog.cli.curation import describe
    from warlog.errors import StoreError

    decided = 0
    for position, item in enumerate(items, 1):
        while True:
            show(item, position, total, console)
            key = read_key(stream, KEYS, console)
            if key == "q":
                return decided
            if key == "s":
                break
            try:
                if key in ("a", "r"):
                    stored = _decide(store, item, key, who)
                    console.print(("accepted " if key == "a" else "rejected ") + describe(stored), markup=False)
                    decided += 1
                    break
                if key == "f" and (stored := _fix(store, item, stream, console, who)) is not None:
                    console.print("fixed " + describe(stored), markup=False)
                    decided += 1
                    item = _refreshed(store, item)
                elif key != "f":
                    console.print(f"press a, r, f, s or q, not {key!r}", markup=False)
            except StoreError as e:  # a bad type or status: say so and ask again
                console.print(f"error: {e}", markup=False, style="red")
    return decided


def review(
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: the user's data directory)")] = None,
    fact: Annotated[str | None, typer.Option("--fact", help="event or claim (default: both)")] = None,
    document: Annotated[str | None, typer.Option(help="only the items of this document id (or prefix)")] = None,
    author: Annotated[str | None, typer.Option("--author", help="who decides (default: the login name)")] = None,
) -> None:
    """Review the queue: events and claims most worth a decision first; a accept, r reject, f fix, s skip, q quit."""
    from warlog.cli.common import run

    def action() -> None:
        import getpass

        from warlog.cli.curation import open_writable

        who = {"author": author or getpass.getuser(), "note": "review queue"}
        console = Console(highlight=False)
        with open_writable(db) as store:
            queue = store.review_queue(facts=(fact,) if fact else ("event", "claim"), document=document)
            if not queue.items:
                console.print("nothing to review: every event and claim has been decided on", markup=False)
                return
            with single_keys(sys.stdin):
                decided = review_items(store, queue.items, queue.total, sys.stdin, console, who)
        console.print(f"{decided} decisions recorded; `warlog corrections` lists them", markup=False)

    run(action)
