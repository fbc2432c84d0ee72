"""`warlog gazetteer`: add a user's places, download GeoNames country dumps. Parse, call, print.

Registered in the main CLI with `app.add_typer(gazetteer_app, name="gazetteer")`; errors go through its
one-line handler, so `--debug` and `--config` apply.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

gazetteer_app = typer.Typer(help="Extend the gazetteer with your own places or GeoNames dumps.", no_args_is_help=True)

DestOption = Annotated[
    Path | None, typer.Option("--dest", help="folder to write the pack to (default: <packs_dir>/places)")
]


def _places_dir(dest: Path | None) -> tuple[Path, str]:
    """The destination folder and, when it is not a configured packs_dir, a hint on how to use it."""
    from warlog.cli.common import cli_settings
    from warlog.settings import default_data_dir

    if dest is not None:
        return dest, ""
    settings = cli_settings()
    packs_dir = settings.packs_dir or default_data_dir() / "packs"
    hint = "" if settings.packs_dir else f"; set packs_dir = {packs_dir} (warlog.toml or WARLOG_PACKS_DIR) to use it"
    return packs_dir / "places", hint  # Pipeline loads <packs_dir>/places/*.yaml


@gazetteer_app.command("add")
def add(
    file: Annotated[Path, typer.Argument(help="places as CSV (name, lat, lon, ...) or YAML (a list or a pack)")],
    pack: Annotated[str | None, typer.Option("--pack", help="pack name (default: the file name)")] = None,
    dest: DestOption = None,
) -> None:
    """Check a table of your places and save it as a place pack."""
    from warlog.cli.common import run

    def action() -> None:
        from warlog.packs.places import add_place_table

        folder, hint = _places_dir(dest)
        path, written = add_place_table(file, folder, pack=pack)
        message = f"wrote {path}: {len(written.places)} places{hint}"
        Console().print(message, highlight=False, markup=False, soft_wrap=True)

    run(action)


@gazetteer_app.command("download")
def download(
    country: Annotated[str, typer.Argument(help="ISO code (SY, SYR) or English name of the country")],
    url: Annotated[
        str | None, typer.Option("--url", help="dump server (default: $WARLOG_GEONAMES_URL or download.geonames.org)")
    ] = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="download again even if the dump is cached")] = False,
    dest: DestOption = None,
) -> None:
    """Download a GeoNames country dump and convert it into a place pack."""
    from warlog.cli.common import cli_settings, run

    def action() -> None:
        from warlog.geo.download import import_geonames

        folder, hint = _places_dir(dest)
        settings = cli_settings()
        err = Console(stderr=True)
        with err.status("downloading", spinner="dots") as status:

            def progress(done: int, total: int | None) -> None:
                size = f"{done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else "")
                status.update(f"downloading {country}: {size}")

            result = import_geonames(
                country, folder, base_url=url, refresh=refresh, timeout=max(settings.timeout, 60.0),
                user_agent=settings.user_agent, on_progress=progress,
            )  # fmt: skip
        kinds = ", ".join(f"{count} {feature}" for feature, count in result.features[:5])
        Console().print(
            f"wrote {result.pack}: {result.places} places ({kinds}) from {result.url}{hint}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )

    run(action)
