"""Analysts' corrections with an audit trail, kept across re-analysis.

A correction is one row of the `corrections` table: who (`author`), when (`at`, UTC), what (`kind`,
`fact`, `document`, `target`), the value before and the value after (JSON), and a `note`. Rows are never
deleted or edited, except `applied`: whether the correction found its target the last time it was
applied.

How corrections take effect, in one place (warlog.store.amend has the rules of each kind):
- `Store.correct` checks the target against the stored rows (an unknown event, actor, ... is a one-line
  StoreError and nothing is written), records the row, and rewrites the reports it touches — one
  document for an event, claim, contradiction or mention, every document naming the actor for
  merge_actors and add_alias — all in one transaction.
- `Store.save`, `Store.save_many` and `Store.replace` apply, before writing, every correction of the document and every
  corpus correction (merge_actors, add_alias), in the order they were made. Event, claim and
  contradiction ids are hashes of the document's text and the position of the fact, and actor ids come
  from the knowledge base, so a re-analysis of the same text finds the same targets; a correction whose
  target is gone stays in the trail with `applied` false, and `Store.replace` returns it.
So every reader (Store.report, query, graph, incidents, exports) sees the corrected rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import duckdb

from warlog.errors import StoreError
from warlog.model import EVENT_STATUSES, Actor, Claim, Contradiction, Event, Report
from warlog.store.amend import ActorLookup, apply_corrections, split_mention, valid_mode
from warlog.store.correction import Correction
from warlog.store.read import load_report
from warlog.store.write import Writer, delete_document_rows, drop_orphans, insert_report, kb_overwrites

CORRECTION_KINDS = (
    "merge_actors", "add_alias", "set_event_type", "set_event_status", "set_event_actors", "reject", "accept",
)  # fmt: skip
REJECTABLE = ("event", "claim", "actor", "mention", "contradiction")
ACCEPTABLE = ("event", "claim")  # what the review queue decides on (warlog.store.review)
_FACT_KINDS = ("reject", "accept")  # the kinds whose fact the caller names
_CORPUS_KINDS = ("merge_actors", "add_alias")  # they apply to every document; the others to one


_COLUMNS = 'id, kind, fact, document_id, target, "before", "after", author, "at", note, applied'


def _from_row(row: tuple[Any, ...]) -> Correction:
    id, kind, fact, document, target, before, after, author, at, note, applied = row
    return Correction(
        kind=kind, target=target, fact=fact, document=document, after=json.loads(after) if after else None,
        author=author, note=note, id=id, before=json.loads(before) if before else None, at=at, applied=applied,
    )  # fmt: skip


def list_corrections(
    con: duckdb.DuckDBPyConnection, *, target: str | None = None, document: str | None = None
) -> tuple[Correction, ...]:
    """The trail, oldest first; `target` keeps those of one fact id (or of `ACTOR@…` mentions and
    merges into the actor), `document` those of one document and the corpus-wide ones."""
    conditions: list[str] = []
    params: dict[str, str] = {}
    if target is not None:
        conditions.append(
            "(target = $target OR starts_with(target, $target || '@') "
            "OR (kind = 'merge_actors' AND \"after\" = $target_json))"
        )
        params |= {"target": target, "target_json": json.dumps(target, ensure_ascii=False)}
    if document is not None:
        conditions.append("(document_id = $document OR document_id IS NULL)")
        params["document"] = document
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    rows = con.execute(f"SELECT {_COLUMNS} FROM corrections {where} ORDER BY id", params).fetchall()
    return tuple(map(_from_row, rows))


def corpus_actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> Actor | None:
    """The corpus actor with this id, without mentions, or None."""
    row = con.execute(
        """SELECT "name", kind, country, origin,
            (SELECT list(parent_id ORDER BY seq) FROM actor_parents WHERE actor_id = $id),
            (SELECT list(alias ORDER BY seq) FROM actor_aliases WHERE actor_id = $id)
        FROM actors WHERE id = $id""",
        {"id": actor_id},
    ).fetchone()
    if row is None:
        return None
    name, kind, country, origin, parents, aliases = row
    return Actor(actor_id, name, kind, country, tuple(parents or ()), tuple(aliases or ()), origin=origin)


def correct_report(con: duckdb.DuckDBPyConnection, report: Report) -> tuple[Report, tuple[Correction, ...]]:
    """The report with every correction of its document and of the corpus applied, and those of its
    document that found no target; records which applied."""
    found = list_corrections(con, document=report.document.id)
    return _correct(con, report, found, lambda a: corpus_actor(con, a))


def correct_reports(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> list[Report]:
    """The reports of new documents (no id twice) corrected as `correct_report` corrects each one when
    they are saved one after another; the corrections are read once.

    A correction that looks up a corpus actor (merge_actors, set_event_actors) sees the version an
    earlier report of the batch would have written (rule: `kb_overwrites`), as in sequential saves.
    """
    trail = list_corrections(con)
    if not trail:
        return list(reports)
    written: dict[str, list[Actor]] = {}  # per actor id, its versions in the reports corrected so far

    def lookup(actor_id: str) -> Actor | None:
        actor = corpus_actor(con, actor_id)
        for version in written.get(actor_id, ()):
            if actor is None or kb_overwrites(actor.origin, version.origin):
                actor = replace(version, mentions=())
        return actor

    corrected = []
    for report in reports:
        found = [c for c in trail if c.document is None or c.document == report.document.id]
        report, _ = _correct(con, report, found, lookup)
        for actor in report.actors:
            written.setdefault(actor.id, []).append(actor)
        corrected.append(report)
    return corrected


def _correct(
    con: duckdb.DuckDBPyConnection, report: Report, found: Sequence[Correction], lookup: ActorLookup
) -> tuple[Report, tuple[Correction, ...]]:
    """Apply the corrections `found` (oldest first) to the report and record which of its own applied."""
    if not found:
        return report, ()
    report, applied = apply_corrections(report, found, corpus_actor=lookup)
    own = [c for c in found if c.document is not None]
    if own:
        con.execute(
            "UPDATE corrections SET applied = list_contains($applied, id) WHERE list_contains($own, id)",
            {"applied": sorted(applied), "own": [c.id for c in own]},
        )
    return report, tuple(replace(c, applied=False) for c in own if c.id not in applied)


def rewrite_report(con: duckdb.DuckDBPyConnection, writer: Writer, report: Report) -> None:
    """Replace a stored document's rows with this report (the caller owns the transaction)."""
    actor_ids, place_ids = delete_document_rows(con, report.document.id)
    insert_report(writer, con, report, replacing=True)
    drop_orphans(con, actor_ids, place_ids)


def record_correction(con: duckdb.DuckDBPyConnection, writer: Writer, correction: Correction) -> Correction:
    """Check, record and apply a correction (the caller owns the transaction); the stored row."""
    if correction.kind not in _FACT_KINDS:  # what the other kinds correct is fixed by the kind
        correction = replace(correction, fact="actor" if correction.kind in _CORPUS_KINDS else "event")
    before, documents = _check(con, correction)
    row = con.execute(
        f"""INSERT INTO corrections (kind, fact, document_id, target, "before", "after", author, "at", note, applied)
        VALUES ($kind, $fact, $document, $target, $before, $after, $author, $at, $note, true) RETURNING {_COLUMNS}""",
        {
            "kind": correction.kind, "fact": correction.fact, "document": correction.document,
            "target": correction.target, "before": json.dumps(before, ensure_ascii=False),
            "after": json.dumps(correction.after, ensure_ascii=False), "author": correction.author,
            "at": datetime.now(UTC).replace(tzinfo=None), "note": correction.note,
        },
    ).fetchone()  # fmt: skip
    assert row is not None  # RETURNING gives the inserted row
    stored = _from_row(row)
    for document_id in documents:
        report = load_report(con, document_id)
        if report is not None:
            corrected, _ = apply_corrections(report, [stored], corpus_actor=lambda a: corpus_actor(con, a))
            rewrite_report(con, writer, corrected)
    _update_corpus(con, stored)
    return stored


def _update_corpus(con: duckdb.DuckDBPyConnection, correction: Correction) -> None:
    """The corpus tables that no document rewrite reaches: aliases and parents of the actors."""
    if correction.kind == "add_alias":
        aliases = [correction.after]
    elif correction.kind == "merge_actors":
        names = correction.before
        aliases = [names["name"], *names["aliases"]]
        con.execute(
            "UPDATE actor_parents SET parent_id = $kept WHERE parent_id = $gone AND actor_id <> $kept",
            {"kept": correction.after, "gone": correction.target},
        )
    else:
        return
    actor = corpus_actor(con, correction.after if correction.kind == "merge_actors" else correction.target)
    if actor is None:
        return
    new = [a for a in dict.fromkeys(aliases) if a != actor.name and a not in actor.aliases]
    if not new:
        return
    con.execute(
        "INSERT INTO actor_aliases SELECT $id, unnest($new), $first + generate_subscripts($new, 1) - 1",
        {"id": actor.id, "new": new, "first": len(actor.aliases)},
    )


def _check_shape(c: Correction) -> None:
    """StoreError unless the correction's values have the types its kind needs (they may come from JSON)."""
    if c.kind not in CORRECTION_KINDS:
        raise StoreError(f"unknown correction kind {c.kind!r}; valid choices: {', '.join(CORRECTION_KINDS)}")
    if not isinstance(c.target, str) or not c.target:
        raise StoreError(f"a {c.kind} correction needs a target id")
    if c.document is not None and not isinstance(c.document, str):
        raise StoreError(f"document must be a document id, not {c.document!r}")
    for name, value in (("author", c.author), ("note", c.note)):
        if value is not None and not isinstance(value, str):
            raise StoreError(f"{name} must be text, not {value!r}")
    after = c.after
    if c.kind in ("merge_actors", "add_alias", "set_event_status") and not isinstance(after, str):
        raise StoreError(f"a {c.kind} correction needs the new value as text (after), not {after!r}")
    if c.kind == "set_event_type" and not (isinstance(after, dict) and isinstance(after.get("type"), str)):
        raise StoreError('a set_event_type correction needs after = {"type": TYPE, "mode": MODE or null}')
    if c.kind == "set_event_actors":
        lists = [after.get(k) for k in ("actors", "recipients")] if isinstance(after, dict) else [0]
        if not all(x is None or (isinstance(x, list) and all(isinstance(i, str) for i in x)) for x in lists) or (
            lists == [None, None]
        ):
            raise StoreError('a set_event_actors correction needs after = {"actors": [ids], "recipients": [ids]}')


def _check(con: duckdb.DuckDBPyConnection, c: Correction) -> tuple[Any, list[str]]:
    """What the target holds now and the documents to rewrite; StoreError when the correction is invalid."""
    _check_shape(c)
    if c.kind in _CORPUS_KINDS:
        return _check_corpus(con, c)
    if c.document is None:
        raise StoreError(f"a {c.kind} correction needs the document of the {c.fact}")
    report = load_report(con, c.document)
    if report is None:
        raise StoreError(f"no document {c.document!r} in the store; see `warlog query documents`")
    if c.kind == "reject":
        return _check_reject(report, c), [c.document]
    if c.kind == "accept":
        if c.fact not in ACCEPTABLE:
            raise StoreError(f"cannot accept a {c.fact!r}; valid choices: {', '.join(ACCEPTABLE)}")
        return _check_reject(report, c), []  # accepting changes no row: nothing to rewrite
    event = next((e for e in report.events if e.id == c.target), None)
    if event is None:
        valid = ", ".join(e.id for e in report.events) or "none"
        raise StoreError(f"no event {c.target!r} in document {c.document!r}; its events: {valid}")
    if c.kind == "set_event_type":
        _check_type(c.after)
        return {"type": event.type, "mode": event.mode}, [c.document]
    if c.kind == "set_event_status":
        if c.after not in EVENT_STATUSES:
            raise StoreError(f"unknown event status {c.after!r}; valid choices: {', '.join(EVENT_STATUSES)}")
        return event.status, [c.document]
    for actor_id in [*(c.after.get("actors") or ()), *(c.after.get("recipients") or ())]:
        if report.actor(actor_id) is None and corpus_actor(con, actor_id) is None:
            raise StoreError(f"no actor {actor_id!r} in the store; see `warlog query actors`")
    return {"actors": list(event.actors), "recipients": list(event.recipients)}, [c.document]


def _check_type(after: Any) -> None:
    """A corrected type and mode must exist; the built-in ontology holds every type (see `valid_mode`)."""
    from warlog.packs.ontology import builtin_ontology

    try:
        builtin_ontology().type(after["type"])
    except KeyError as e:
        raise StoreError(str(e.args[0])) from None
    if not valid_mode(after["type"], after.get("mode")):
        modes = ", ".join(builtin_ontology().type(after["type"]).modes) or "none"
        raise StoreError(f"{after['mode']!r} is not a mode of {after['type']}; its modes: {modes}")


def _check_corpus(con: duckdb.DuckDBPyConnection, c: Correction) -> tuple[Any, list[str]]:
    actor = corpus_actor(con, c.target)
    if actor is None:
        raise StoreError(f"no actor {c.target!r} in the store; see `warlog query actors`")
    before: list[str] | dict[str, Any]
    if c.kind == "add_alias":
        if not isinstance(c.after, str) or not c.after.strip():
            raise StoreError("an alias must be a non-empty name")
        if c.after == actor.name or c.after in actor.aliases:
            raise StoreError(f"{c.after!r} is already a name of actor {c.target!r}")
        before = list(actor.aliases)
    else:
        if c.after == c.target:
            raise StoreError(f"cannot merge actor {c.target!r} into itself; give two different actors")
        if not isinstance(c.after, str) or corpus_actor(con, c.after) is None:
            raise StoreError(f"no actor {c.after!r} in the store to merge {c.target!r} into; see `warlog query actors`")
        before = {"name": actor.name, "kind": actor.kind, "country": actor.country, "aliases": list(actor.aliases)}
    documents = con.execute(
        """SELECT document_id FROM document_actors WHERE actor_id = $id
        UNION SELECT document_id FROM events WHERE list_contains(actors, $id) OR list_contains(recipients, $id)
        ORDER BY 1""",
        {"id": c.target},
    ).fetchall()
    return before, [row[0] for row in documents]


def _check_reject(report: Report, c: Correction) -> Any:
    if c.fact not in REJECTABLE:
        raise StoreError(f"cannot reject a {c.fact!r}; valid choices: {', '.join(REJECTABLE)}")
    where = f"in document {report.document.id!r}"
    if c.fact == "mention":
        parts = split_mention(c.target)
        actor = report.actor(parts[0]) if parts else None
        mention = next((m for m in actor.mentions if m.start == parts[1]), None) if actor and parts else None
        if mention is None:
            raise StoreError(f"no mention {c.target!r} {where}; give ACTOR@START (see the actor's mentions)")
        return mention.to_dict()
    if c.fact == "actor":
        found = report.actor(c.target)
        if found is None:
            raise StoreError(f"no actor {c.target!r} {where}; its actors: {', '.join(a.id for a in report.actors)}")
        return {k: v for k, v in found.to_dict().items() if k != "mentions"}
    kinds: dict[str, Sequence[Event | Claim | Contradiction]] = {
        "event": report.events,
        "claim": report.claims,
        "contradiction": report.contradictions,
    }
    facts = kinds[c.fact]
    item = next((x for x in facts if x.id == c.target), None)
    if item is None:
        valid = ", ".join(x.id for x in facts) or "none"
        raise StoreError(f"no {c.fact} {c.target!r} {where}; its {c.fact}s: {valid}")
    return item.to_dict()
