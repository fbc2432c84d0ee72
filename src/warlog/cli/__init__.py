"""The `warlog` command, a thin shell over the library: each module parses arguments, calls the public
API and renders. Nothing outside this package imports it."""

from warlog.cli.app import app, main

__all__ = ["app", "main"]
