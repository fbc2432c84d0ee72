"""Reading YAML data packs: the loader, `file:line` locations, and one error style for every pack.

Every pack (actors, events, places, claims, evaluation aliases and gold) is a YAML file validated by a
strict pydantic model; a mistake is reported as one line naming the file, the line and the field, so a
user editing a pack sees where it went wrong:

    read_text(path, what)          the file's text ("path:1: cannot read the pack: ...")
    parse_yaml(path, text)         the YAML data ("path:LINE: invalid YAML: ...")
    describe(where, text, error)   a pydantic ValidationError as "path:LINE: field: problem"
    read_pack(path, schema, what)  all three, for a pack that is one mapping
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from warlog.errors import PackError

try:  # libyaml is an order of magnitude faster; the pure-Python loader gives the same result
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]  # the pure-Python class of the same interface

Model = TypeVar("Model", bound=BaseModel)

_NULLS = frozenset({"~", "null", "Null", "NULL", ""})


class SafeLoader(_BaseLoader):
    """YAML loader for packs: every plain scalar is a string except null (`~`, `null`, empty), so
    dates (2000-07-17) and versions (2026.11) need no quotes, and resolving tags is cheap."""

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return "tag:yaml.org,2002:null" if implicit[0] and value in _NULLS else "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


@cache
def line_of(text: str, loc: tuple[str | int, ...]) -> int:
    """1-based line of the YAML node at `loc`, or of its nearest existing ancestor."""
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return 1
    line = node.start_mark.line + 1 if node is not None else 1
    for step in loc:
        node = _child(node, step)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def read_text(path: Path, what: str = "pack") -> str:
    """The text of a pack file; PackError `path:1: cannot read the <what>: ...` when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{path}:1: cannot read the {what}: {e}") from e


def parse_yaml(path: Path, text: str) -> Any:
    """The YAML data of a pack's text; PackError `path:LINE: invalid YAML: ...` when it is not YAML."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else 1
        raise PackError(f"{path}:{line}: invalid YAML: {e.problem}") from e
    except yaml.YAMLError as e:
        raise PackError(f"{path}:1: invalid YAML: {e}") from e


def describe(where: Path | str, text: str, error: ValidationError) -> str:
    """The first problem of a validation error as `where:LINE: field: problem (and N more problems)`.

    `where` is the file (its line is looked up in `text`) or a label for data that has no file.
    """
    problems = error.errors()
    first = problems[0]
    loc = tuple(first["loc"])
    field = ".".join(str(p) for p in loc) or "pack"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown key (check its spelling)"
    elif first["type"] == "missing":
        message = "required key is missing"
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    located = f"{where}:{line_of(text, loc) if text else 1}" if isinstance(where, Path) else where
    return f"{located}: {field}: {message}{more}"


def read_pack(path: Path, schema: type[Model], what: str) -> tuple[Model, str]:
    """The validated pack and its text (for `line_of` in further checks).

    Raises:
        PackError: the file cannot be read, is not YAML or does not follow the schema (`path:line:`).
    """
    path = Path(path)
    text = read_text(path)
    data = parse_yaml(path, text)
    if not isinstance(data, dict):
        keys = ", ".join(name for name, field in schema.model_fields.items() if field.is_required())
        raise PackError(f"{path}:1: {what} is a mapping with keys {keys}")
    try:
        return schema.model_validate(data), text
    except ValidationError as e:
        raise PackError(describe(path, text, e)) from e
