"""The settings object: paths are Paths however they are given, and overrides are checked."""

from pathlib import Path

import pytest

from warlog.errors import SettingsError
from warlog.settings import Settings


def test_paths_given_as_strings_are_paths(tmp_path):
    settings = Settings(db=str(tmp_path / "store.duckdb"), packs_dir=str(tmp_path))
    assert settings.db == tmp_path / "store.duckdb" and isinstance(settings.db, Path)
    assert settings.packs_dir == tmp_path and (settings.packs_dir / "actors").parent == tmp_path


def test_a_home_path_is_expanded():
    assert Settings(packs_dir="~/packs").packs_dir == Path.home() / "packs"


def test_an_unknown_or_invalid_override_is_one_clear_error():
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        Settings().with_overrides(colour="red")
    with pytest.raises(SettingsError, match="'batch_size' has an invalid value 'many'"):
        Settings().with_overrides(batch_size="many")
