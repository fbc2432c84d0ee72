"""What every command module of the CLI shares: the global state (--debug, --config), settings, the
one-line error rule, and the options and date parsing several commands take."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from warlog.errors import WarlogError
from warlog.settings import Settings, load_settings

T = TypeVar("T")
state: dict[str, Any] = {"debug": False, "config": None}

Published = Annotated[
    str | None, typer.Option("--published", help="publication date (YYYY-MM-DD) when the text has none")
]
DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: the user's data directory)")]
ModelOption = Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline to use")]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-urls",
        help="fetch URLs, redirects and feed links on loopback or private addresses (refused by default)",
    ),
]


class WarningLine(logging.Handler):
    """Prints a warning the library logs (a JSON line read without its date, ...) as `warning: ...` on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        message = escape(" ".join(record.getMessage().split()))
        Console(stderr=True).print(f"[yellow]warning:[/yellow] {message}", highlight=False, soft_wrap=True)


def show_warnings() -> None:
    logger = logging.getLogger("warlog")
    if not any(isinstance(handler, WarningLine) for handler in logger.handlers):
        logger.addHandler(WarningLine(logging.WARNING))


def run(action: Callable[[], T]) -> T:
    """Run `action`; a warlog error becomes one line on stderr and exit code 1."""
    try:
        return action()
    except WarlogError as e:
        if state["debug"]:
            raise
        message = escape(" ".join(str(e).split()))  # a path like `a[/b].txt` is text, not Rich markup
        Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        Console(stderr=True).print("interrupted")
        raise typer.Exit(130) from None


def cli_settings(**overrides: Any) -> Settings:
    return load_settings(state["config"], **overrides)


def parse_published(value: str | None) -> str | None:
    if value is None:
        return None
    from warlog.errors import SettingsError
    from warlog.ingest import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise SettingsError(f"--published {value!r} is not a date; use YYYY-MM-DD")
    return parsed


def date_option(flag: str, value: str | None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or a day in any form `--published` takes), or a one-line error."""
    import re

    from warlog.errors import SettingsError

    if value is not None and re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value
    try:
        return parse_published(value)
    except SettingsError:
        raise SettingsError(f"{flag} {value!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)") from None


def open_store(db: Path | None) -> Any:
    """The store at --db (or the configured one), read-only; a missing store is a one-line error."""
    from warlog.errors import SettingsError
    from warlog.store import Store

    settings = cli_settings(db=db)
    if not Path(settings.db).exists():
        raise SettingsError(f"no store at {settings.db}; create one with `warlog ingest PATH --db {settings.db}`")
    return Store.open(settings.db, read_only=True)
