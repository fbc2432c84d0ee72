"""The audit trail for people: a correction's value before and after as a short line, not a JSON blob.

- set_event_type: "ASSAULT/aerial"; set_event_status: "negated";
- set_event_actors: "actors: Russia; recipients: Syrian rebels" ("unchanged" for a side it leaves alone);
- add_alias: the alias, and before it the aliases the actor had ("no aliases");
- merge_actors: the kept actor's name, and before it the absorbed actor "Name (kind, country)";
- reject: before, the fact ("ASSAULT: Russia → Syrian rebels: “evidence”", a claim's words, an actor's
  name, a contradiction's explanation); after, "rejected".
Actor ids are shown by name through `name` (an id it does not know stays an id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from warlog.store.correction import Correction

Namer = Callable[[str], str]
NONE = "—"


def _same(actor_id: str) -> str:
    return actor_id


def _names(ids: Iterable[str] | None, name: Namer) -> str:
    if ids is None:
        return "unchanged"
    return ", ".join(map(name, ids)) or NONE


def _type(value: dict[str, Any]) -> str:
    return f"{value.get('type')}/{value['mode']}" if value.get("mode") else str(value.get("type"))


def _fact(fact: str, value: dict[str, Any], name: Namer) -> str:
    """A rejected fact as it was."""
    if fact == "event":
        who = f"{_names(value.get('actors'), name)} → {_names(value.get('recipients'), name)}"
        text = (value.get("evidence") or {}).get("text")
        return f"{_type(value)}: {who}" + (f": “{text}”" if text else "")
    if fact == "claim":
        speaker = name(value["speaker"]) if value.get("speaker") else value.get("speaker_text")
        return (f"{speaker}: " if speaker else "") + f"“{value.get('text', '')}”"
    if fact == "actor":
        return f"{value.get('name')} ({value.get('kind')})"
    if fact == "mention":
        return f"“{value.get('text', '')}”"
    return str(value.get("explanation") or value.get("id") or NONE)


def describe(correction: Correction, value: Any, *, before: bool, name: Namer = _same) -> str:
    """One line for the correction's value before (`before=True`) or after it."""
    kind = correction.kind
    if kind == "reject":
        return _fact(correction.fact, value, name) if before and isinstance(value, dict) else "rejected"
    if value is None:
        return NONE
    if kind == "set_event_type" and isinstance(value, dict):
        return _type(value)
    if kind == "set_event_actors" and isinstance(value, dict):
        return f"actors: {_names(value.get('actors'), name)}; recipients: {_names(value.get('recipients'), name)}"
    if kind == "add_alias" and before:
        return ", ".join(value) if value else "no aliases"
    if kind == "merge_actors" and before and isinstance(value, dict):
        details = ", ".join(str(x) for x in (value.get("kind"), value.get("country")) if x)
        return f"{value.get('name')}" + (f" ({details})" if details else "")
    if kind == "merge_actors":
        return name(str(value))
    return str(value)


def actors_named(corrections: Iterable[Correction]) -> list[str]:
    """The actor ids the corrections' values hold, to look their names up."""
    found: list[str] = []
    for c in corrections:
        for value in (c.before, c.after):
            if c.kind == "merge_actors" and isinstance(value, str):
                found.append(value)
            if isinstance(value, dict):
                found += [*(value.get("actors") or ()), *(value.get("recipients") or ())]
                found += [value["speaker"]] if isinstance(value.get("speaker"), str) else []
    return found


def trail_row(correction: Correction, name: Namer = _same) -> dict[str, Any]:
    """`Correction.to_dict()` with `before_text` and `after_text`, the lines `describe` gives."""
    return {
        **correction.to_dict(),
        "before_text": describe(correction, correction.before, before=True, name=name),
        "after_text": describe(correction, correction.after, before=False, name=name),
    }
