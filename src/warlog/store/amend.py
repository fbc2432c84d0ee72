"""Apply corrections to a Report: the one place where a correction changes what warlog found.

The store calls `apply_corrections` on every report it writes: on a first save, on a replace (a
re-analysis of the document) and when a correction is made (on the stored, already corrected report).
Corrections apply in the order they were made; each one that finds its target changes the report, one
that does not (the event is gone after a re-analysis, the actor is not in this document) leaves it as
it is and is reported as not applied. The rules of each kind:

- merge_actors (target: the absorbed actor, after: the kept one): every reference to the absorbed actor
  (event actors, recipients and speaker, claim speaker and co-speakers, relation ends, parents) points at
  the kept one; its mentions and its names join the kept actor (who takes its place in the list when
  the document did not name it); a relation that becomes a loop is dropped, two that become one add up.
- add_alias (target: an actor): the actor has the alias in this document (the store also adds it to
  the corpus actor).
- set_event_type (after: {"type", "mode"}): the event has the type and mode (its old mode when the new
  type has it, else none) and its CAMEO, ACLED and CASE codes are worked out again for them.
- set_event_status, set_event_actors: the event has the status, actors or recipients given; an actor
  the document did not name joins its actors, without mentions.
- after set_event_type, set_event_status and set_event_actors the document's relations are worked out
  again from its events (warlog.events.relations), so a negated or re-typed event no longer ties its
  actors on the actor pages, in the graph or in an export.
- reject (fact: event, claim, actor, mention, contradiction): the fact is removed from the report, so
  that no query, graph or export sees it; what referred to it forgets it (a claim's events, a
  relation's events, a contradiction's items; a contradiction left with one item is dropped, or with
  none when its other side is implied, and so is a relation left with no events). A rejected actor
  leaves the document's events, claims and relations; a rejected mention (`ACTOR@START`) is one span
  of an actor.
- accept (fact: event, claim): the analyst checked the fact; the report is unchanged, and the correction
  applies while the fact is there (the review status is read from the trail: warlog.store.review).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from warlog.model import Actor, Event, Relation, Report
from warlog.store.correction import Correction

ActorLookup = Callable[[str], Actor | None]  # a corpus actor by id (no mentions), or None


def apply_corrections(
    report: Report, corrections: Sequence[Correction], *, corpus_actor: ActorLookup
) -> tuple[Report, frozenset[int]]:
    """The report with the corrections applied in order, and the ids of those that found their target."""
    applied = set()
    for correction in corrections:
        corrected = _APPLY[correction.kind](report, correction, corpus_actor)
        if corrected is not None:
            report = corrected
            if correction.id is not None:
                applied.add(correction.id)
    return report, frozenset(applied)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _names(report: Report) -> set[str]:
    """Every actor id the report refers to."""
    ids = {a.id for a in report.actors} | {p for a in report.actors for p in a.parents}
    for e in report.events:
        ids.update((*e.actors, *e.recipients, *((e.speaker,) if e.speaker else ())))
    for c in report.claims:
        ids.update((*c.co_speakers, *((c.speaker,) if c.speaker else ())))
    for r in report.relations:
        ids.update((r.source, r.target))
    return ids


def _remap_actors(report: Report, rename: Callable[[str], str | None]) -> Report:
    """The report with every actor reference renamed (None: the reference is dropped)."""

    def ids(values: Iterable[str]) -> tuple[str, ...]:
        return _unique(x for x in map(rename, values) if x is not None)

    def one(value: str | None) -> str | None:
        return rename(value) if value is not None else None

    events = tuple(
        replace(e, actors=ids(e.actors), recipients=ids(e.recipients), speaker=one(e.speaker)) for e in report.events
    )
    claims = []
    for c in report.claims:
        speaker = one(c.speaker)
        claims.append(replace(c, speaker=speaker, co_speakers=tuple(x for x in ids(c.co_speakers) if x != speaker)))
    merged: dict[tuple[str, str, str], Relation] = {}
    for r in report.relations:
        source, target = rename(r.source), rename(r.target)
        if source is None or target is None or source == target:
            continue
        key = (source, target, r.polarity)
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, weight=old.weight + r.weight, events=_unique((*old.events, *r.events)))
        else:
            merged[key] = replace(r, source=source, target=target)
    actors = tuple(replace(a, parents=tuple(p for p in ids(a.parents) if p != a.id)) for a in report.actors)
    return replace(report, actors=actors, events=events, claims=tuple(claims), relations=tuple(merged.values()))


def _merge_actors(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    absorbed, kept = correction.target, str(correction.after)
    if absorbed not in _names(report):
        return None
    old = report.actor(absorbed)
    actors = []
    for actor in report.actors:
        if actor.id == absorbed:
            if report.actor(kept) is None:  # the kept actor takes the absorbed one's place
                base = corpus_actor(kept) or Actor(id=kept, name=kept, kind=actor.kind, country=actor.country)
                actors.append(_absorb(base, actor))
        elif actor.id == kept and old is not None:
            actors.append(_absorb(actor, old))
        else:
            actors.append(actor)
    report = replace(report, actors=tuple(actors))
    return _remap_actors(report, lambda x: kept if x == absorbed else x)


def _absorb(kept: Actor, absorbed: Actor) -> Actor:
    """The kept actor with the absorbed one's mentions (in text order) and names."""
    names = (absorbed.name, *absorbed.aliases)
    aliases = _unique((*kept.aliases, *(n for n in names if n != kept.name)))
    mentions = tuple(sorted((*kept.mentions, *absorbed.mentions), key=lambda m: (m.start, m.end)))
    return replace(kept, aliases=aliases, mentions=mentions)


def _add_alias(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    actor, alias = report.actor(correction.target), str(correction.after)
    if actor is None:
        return None
    if alias != actor.name and alias not in actor.aliases:
        actor = replace(actor, aliases=(*actor.aliases, alias))
    return replace(report, actors=tuple(actor if a.id == actor.id else a for a in report.actors))


def _with_event(report: Report, event_id: str, change: Callable[[Event], Event]) -> Report | None:
    if not any(e.id == event_id for e in report.events):
        return None
    return replace(report, events=tuple(change(e) if e.id == event_id else e for e in report.events))


def recode(event: Event, kinds: dict[str, str]) -> Event:
    """The event's CAMEO, ACLED and CASE codes worked out again for its type and mode."""
    from warlog.events.codes import acled_code, acled_to_case, cameo_code

    derived = {"cameo", "acled_event_type", "acled_sub_event_type", "case"}
    codes = [("cameo", cameo_code(event.type, event.mode))]
    acled = acled_code(
        event.type,
        event.mode,
        actor_kinds=tuple(kinds.get(a, "other") for a in event.actors),
        recipient_kinds=tuple(kinds.get(r, "other") for r in event.recipients),
    )
    if acled is not None:
        codes += [("acled_event_type", acled[0]), ("acled_sub_event_type", acled[1])]
        case = acled_to_case(*acled)
        if case:
            codes.append(("case", case))
    return replace(event, codes=(*codes, *((k, v) for k, v in event.codes if k not in derived)))


def valid_mode(event_type: str, mode: str | None) -> bool:
    """Whether the built-in ontology's event type has this mode (None always fits). The store has no
    pipeline, and needs none here: types and modes come from the built-in ontology pack alone (user
    packs add triggers, never types), so every pipeline's ontology has these."""
    from warlog.packs.ontology import builtin_ontology

    if mode is None:
        return True
    return mode in builtin_ontology().type(event_type).modes


def _retie(report: Report | None) -> Report | None:
    """The report with its relations worked out again from its events and actors (None stays None)."""
    from warlog.events.relations import build_relations
    from warlog.packs.ontology import builtin_ontology

    if report is None:
        return None
    return replace(report, relations=build_relations(report.events, report.actors, builtin_ontology()))


def _set_event_type(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    after = correction.after
    kinds = {a.id: a.kind for a in report.actors}

    def change(event: Event) -> Event:
        mode = after.get("mode") or (event.mode if valid_mode(after["type"], event.mode) else None)
        return recode(replace(event, type=after["type"], mode=mode), kinds)

    return _retie(_with_event(report, correction.target, change))


def _set_event_status(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    return _retie(_with_event(report, correction.target, lambda e: replace(e, status=str(correction.after))))


def _set_event_actors(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    after = correction.after

    def change(event: Event) -> Event:
        actors = tuple(after["actors"]) if after.get("actors") is not None else event.actors
        recipients = tuple(after["recipients"]) if after.get("recipients") is not None else event.recipients
        return replace(event, actors=actors, recipients=recipients)

    corrected = _with_event(report, correction.target, change)
    if corrected is None:
        return None
    named = {a.id for a in corrected.actors}
    wanted = [*(after.get("actors") or ()), *(after.get("recipients") or ())]
    joining = [a for a in map(corpus_actor, _unique(x for x in wanted if x not in named)) if a is not None]
    return _retie(replace(corrected, actors=(*corrected.actors, *joining)))


def _reject(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    return _REJECT[correction.fact](report, correction.target)


def _accept(report: Report, correction: Correction, corpus_actor: ActorLookup) -> Report | None:
    items = report.events if correction.fact == "event" else report.claims
    return report if any(x.id == correction.target for x in items) else None


def _forget_items(report: Report, gone: str) -> Report:
    """The report without references to a rejected event or claim."""
    claims = tuple(replace(c, events=tuple(x for x in c.events if x != gone)) for c in report.claims)
    relations = tuple(
        replace(r, events=tuple(x for x in r.events if x != gone))
        for r in report.relations
        if not (r.events and set(r.events) <= {gone})
    )
    contradictions = []
    for c in report.contradictions:
        items = tuple(x for x in c.items if x != gone)
        if len(items) >= 2 or (items and c.implied is not None):  # an implied side needs its denier only
            contradictions.append(replace(c, items=items))
    return replace(report, claims=claims, relations=relations, contradictions=tuple(contradictions))


def _reject_event(report: Report, target: str) -> Report | None:
    if not any(e.id == target for e in report.events):
        return None
    return _forget_items(replace(report, events=tuple(e for e in report.events if e.id != target)), target)


def _reject_claim(report: Report, target: str) -> Report | None:
    if not any(c.id == target for c in report.claims):
        return None
    return _forget_items(replace(report, claims=tuple(c for c in report.claims if c.id != target)), target)


def _reject_contradiction(report: Report, target: str) -> Report | None:
    if not any(c.id == target for c in report.contradictions):
        return None
    return replace(report, contradictions=tuple(c for c in report.contradictions if c.id != target))


def _reject_actor(report: Report, target: str) -> Report | None:
    if report.actor(target) is None:
        return None
    report = replace(report, actors=tuple(a for a in report.actors if a.id != target))
    return _remap_actors(report, lambda x: None if x == target else x)


def split_mention(target: str) -> tuple[str, int] | None:
    """(actor id, start) of a mention target `ACTOR@START`, or None when it is not one."""
    actor_id, _, start = target.rpartition("@")
    return (actor_id, int(start)) if actor_id and start.isdigit() else None


def _reject_mention(report: Report, target: str) -> Report | None:
    parts = split_mention(target)
    actor = report.actor(parts[0]) if parts else None
    if parts is None or actor is None or not any(m.start == parts[1] for m in actor.mentions):
        return None
    actor = replace(actor, mentions=tuple(m for m in actor.mentions if m.start != parts[1]))
    return replace(report, actors=tuple(actor if a.id == actor.id else a for a in report.actors))


_REJECT: dict[str, Callable[[Report, str], Report | None]] = {
    "event": _reject_event,
    "claim": _reject_claim,
    "actor": _reject_actor,
    "mention": _reject_mention,
    "contradiction": _reject_contradiction,
}

_APPLY: dict[str, Callable[[Report, Correction, ActorLookup], Report | None]] = {
    "merge_actors": _merge_actors,
    "add_alias": _add_alias,
    "set_event_type": _set_event_type,
    "set_event_status": _set_event_status,
    "set_event_actors": _set_event_actors,
    "reject": _reject,
    "accept": _accept,
}
