"""Correction: one analyst's correction of the store, as a record.

Its own module so that warlog.store.amend (which applies corrections to a report) and
warlog.store.corrections (which checks, records and re-applies them) share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict, Unpack


class Who(TypedDict, total=False):
    """Who made a correction and why: the `**who` keywords of Correction's class methods."""

    author: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction of the store; make one with the class methods, record it with `Store.correct`.

    `target` is the id of the corrected fact (for a mention, `ACTOR@START`), `fact` what it is (actor,
    event, claim, mention, contradiction), `document` the document it belongs to (None for a correction
    of the whole corpus). `before` and `after` are JSON values: `after` is the kept actor's id
    (merge_actors), the alias (add_alias), {"type", "mode"} (set_event_type), the status
    (set_event_status), {"actors", "recipients"} (set_event_actors; a missing key leaves the list as it
    is) or None (reject, accept); `before` is what the store held when the correction was made. `id`, `before`,
    `at` and `applied` are filled in by the store.
    """

    kind: str
    target: str
    fact: str = "actor"
    document: str | None = None
    after: Any = None
    author: str | None = None
    note: str | None = None
    id: int | None = None
    before: Any = None
    at: datetime | None = None
    applied: bool | None = None

    @classmethod
    def merge_actors(cls, absorbed: str, into: str, **who: Unpack[Who]) -> Correction:
        """The actor `absorbed` is the actor `into`: every fact about it is about `into`."""
        return cls("merge_actors", absorbed, after=into, **who)

    @classmethod
    def add_alias(cls, actor: str, alias: str, **who: Unpack[Who]) -> Correction:
        """The actor is also called `alias`."""
        return cls("add_alias", actor, after=alias, **who)

    @classmethod
    def set_event_type(
        cls, document: str, event: str, type: str, *, mode: str | None = None, **who: Unpack[Who]
    ) -> Correction:
        """The event is of this PLOVER type (and mode); `type` may also be "TYPE/mode", as reports print it."""
        if mode is None and "/" in type:
            type, mode = type.split("/", 1)
        return cls("set_event_type", event, "event", document, {"type": type, "mode": mode}, **who)

    @classmethod
    def set_event_status(cls, document: str, event: str, status: str, **who: Unpack[Who]) -> Correction:
        """The event has this status (asserted, reported, claimed, denied, ...)."""
        return cls("set_event_status", event, "event", document, status, **who)

    @classmethod
    def set_event_actors(
        cls,
        document: str,
        event: str,
        *,
        actors: tuple[str, ...] | list[str] | None = None,
        recipients: tuple[str, ...] | list[str] | None = None,
        **who: Unpack[Who],
    ) -> Correction:
        """The event's actors and/or recipients are these actor ids (None: unchanged)."""
        after = {"actors": None if actors is None else list(actors)}
        after["recipients"] = None if recipients is None else list(recipients)
        return cls("set_event_actors", event, "event", document, after, **who)

    @classmethod
    def reject(cls, fact: str, document: str, target: str, **who: Unpack[Who]) -> Correction:
        """The fact (an event, claim, actor, mention `ACTOR@START` or contradiction of the document) is wrong."""
        return cls("reject", target, fact, document, None, **who)

    @classmethod
    def accept(cls, fact: str, document: str, target: str, **who: Unpack[Who]) -> Correction:
        """An analyst checked the fact (an event or claim of the document) and it is right: it is reviewed."""
        return cls("accept", target, fact, document, None, **who)

    def to_dict(self) -> dict[str, Any]:
        """The correction as JSON-ready values (the time in ISO 8601)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "fact": self.fact,
            "document": self.document,
            "target": self.target,
            "before": self.before,
            "after": self.after,
            "author": self.author,
            "at": self.at.isoformat() if self.at else None,
            "note": self.note,
            "applied": self.applied,
        }
