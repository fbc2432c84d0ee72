"""Read a YAML data pack into its pydantic schema, with `file:line:` errors.

Every pack (actors, events, places, claims) is a YAML file validated by a strict pydantic model; a
mistake is reported as one line naming the file, the line and the field, so a user editing a pack
sees where it went wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from warlog.actors.packs import SafeLoader, line_of
from warlog.errors import PackError

Model = TypeVar("Model", bound=BaseModel)


def read_pack(path: Path, schema: type[Model], what: str) -> tuple[Model, str]:
    """The validated pack and its text (for `line_of` in further checks).

    Raises:
        PackError: the file cannot be read, is not YAML or does not follow the schema (`path:line:`).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=SafeLoader)
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{path}:1: cannot read the pack: {e}") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise PackError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {e}") from e
    if not isinstance(data, dict):
        keys = ", ".join(name for name, field in schema.model_fields.items() if field.is_required())
        raise PackError(f"{path}:1: {what} is a mapping with keys {keys}")
    try:
        return schema.model_validate(data), text
    except ValidationError as e:
        first = e.errors()[0]
        loc = tuple(first["loc"])
        message = "unknown key (check its spelling)" if first["type"] == "extra_forbidden" else first["msg"]
        field = ".".join(str(p) for p in loc) or "pack"
        raise PackError(f"{path}:{line_of(text, loc)}: {field}: {message}") from e
