"""Render a Report for the terminal with Rich: actors, places, events and claims with their evidence."""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warlog.cli.offsets import sentence_bounds
from warlog.model import Actor, Evidence, Report


def highlight(text: str, evidence: Evidence, *, limit: int = 300) -> Text:
    """The evidence sentence with the evidence itself in bold."""
    left, right = sentence_bounds(text, evidence.start, evidence.end)
    prefix = suffix = ""
    if evidence.start - left > limit // 2:
        left, prefix = evidence.start - limit // 2, "…"
    if right - evidence.end > limit // 2:
        right, suffix = evidence.end + limit // 2, "…"
    out = Text(prefix + _squash(text[left : evidence.start]), style="dim")
    out.append(_squash(evidence.text), style="bold")
    out.append(_squash(text[evidence.end : right]) + suffix, style="dim")
    return out


def _squash(text: str) -> str:
    """Collapse runs of whitespace (newlines included) to one space, keeping leading/trailing ones."""
    return re.sub(r"\s+", " ", text)


def _chain(report: Report, actor: Actor) -> str:
    names = []
    current, seen = actor, {actor.id}
    while current.parents:
        parent = report.actor(current.parents[0])
        if parent is None or parent.id in seen:
            break
        names.append(parent.name)
        seen.add(parent.id)
        current = parent
    return " → ".join(names)


def actors_table(report: Report) -> Table:
    table = Table(title="Actors", show_lines=True, expand=True)
    for column, ratio in (("actor", 3), ("kind", 2), ("affiliation", 3), ("mentions", 3), ("evidence", 6)):
        table.add_column(column, ratio=ratio, overflow="fold", min_width=12 if column == "kind" else None)
    text = report.document.text
    for actor in report.actors:
        if not actor.mentions:
            continue
        name = Text(actor.name, style="bold")
        name.append(f"\n{actor.id}" + (" (new)" if actor.origin == "ner" else ""), style="cyan")
        forms = sorted({m.text for m in actor.mentions}, key=str.lower)
        table.add_row(
            name,
            actor.kind + (f"\n{actor.country}" if actor.country else ""),
            _chain(report, actor) or "—",
            f"{len(actor.mentions)}×: " + ", ".join(forms),
            highlight(text, actor.mentions[0]),
        )
    return table


def places_table(report: Report) -> Table:
    table = Table(title="Places", expand=True)
    for column in ("place", "country", "coordinates", "mentions"):
        table.add_column(column, overflow="fold")
    for place in report.places:
        where = f"{place.lat:.3f}, {place.lon:.3f}" if place.lat is not None and place.lon is not None else "—"
        forms = ", ".join(sorted({m.text for m in place.mentions}))
        table.add_row(place.name, place.country or "—", where, f"{len(place.mentions)}×: {forms}")
    return table


def events_table(report: Report) -> Table:
    table = Table(title="Events", show_lines=True, expand=True)
    for column, ratio in (("type", 2), ("who → whom", 3), ("where · when", 3), ("status", 2), ("evidence", 6)):
        table.add_column(column, ratio=ratio, overflow="fold")
    names = {a.id: a.name for a in report.actors}
    places = {p.id: p.name for p in report.places}
    for event in report.events:
        who = ", ".join(names.get(a, a) for a in event.actors) or "?"
        whom = ", ".join(names.get(a, a) for a in event.recipients) or "—"
        kind = event.type + (f" / {event.mode}" if event.mode else "")
        acled = dict(event.codes).get("acled_sub_event_type")
        where = places.get(event.place or "", "—")
        when = (event.date.value or event.date.text or "—") if event.date else "—"
        tolls = [
            f"{label} {toll.min if toll.min is not None else '?'}" + ("+" if toll.max is None else "")
            for label, toll in (("killed", event.fatalities), ("wounded", event.wounded), ("captured", event.captured))
            if toll is not None
        ]
        status = event.status + (f"\nby {names.get(event.speaker, event.speaker)}" if event.speaker else "")
        table.add_row(
            kind + (f"\n{acled}" if acled else ""),
            f"{who} → {whom}" + (f"\n{', '.join(tolls)}" if tolls else ""),
            f"{where}\n{when}",
            status,
            highlight(report.document.text, event.evidence),
        )
    return table


def happenings_table(report: Report) -> Table:
    """Disasters, accidents and crimes: told like attacks, no conflict events."""
    table = Table(title="Happenings (no conflict)", show_lines=True, expand=True)
    for column, ratio in (("kind", 2), ("toll", 2), ("where · when", 3), ("evidence", 6)):
        table.add_column(column, ratio=ratio, overflow="fold")
    places = {p.id: p.name for p in report.places}
    for happening in report.happenings:
        tolls = [
            f"{label} {toll.min if toll.min is not None else '?'}" + ("+" if toll.max is None else "")
            for label, toll in (("killed", happening.fatalities), ("wounded", happening.wounded))
            if toll is not None
        ]
        where = places.get(happening.place or "", "—")
        when = (happening.date.value or happening.date.text or "—") if happening.date else "—"
        table.add_row(
            happening.kind.replace("_", " "),
            ", ".join(tolls) or "—",
            f"{where}\n{when}",
            highlight(report.document.text, happening.evidence),
        )
    return table


def claims_table(report: Report) -> Table:
    """Who says what: attributed claims and scare quotes (the author's own sentences are counted apart)."""
    table = Table(title="Claims", show_lines=True, expand=True)
    for column in ("who", "cue", "claim", "how", "author's stance"):
        table.add_column(column, overflow="fold")
    names = {a.id: a.name for a in report.actors}
    for claim in report.claims:
        if claim.source_kind == "author":
            continue
        if claim.source_kind == "scare_quote":
            who = "(scare quotes)"
        else:
            speakers = [names.get(s, s) for s in (claim.speaker, *claim.co_speakers) if s]
            who = " and ".join(speakers) or claim.speaker_text or "—"
            if claim.source_kind == "unnamed":
                who += f"\n(unnamed: {claim.speaker_text})" if claim.speaker_text else "\n(unnamed)"
        for label, value in (("to", claim.outlet), ("in", claim.work)):
            if value:
                who += f"\n{label} {names.get(value, value)}"
        how = ("quoted" if claim.direct else "paraphrased") + (
            "\nhedged: " + ", ".join(h.text for h in claim.hedges) if claim.hedges else ""
        )
        shown = claim.stance_evidence if claim.stance_evidence != claim.evidence else None
        stance = claim.author_stance + (f"\n“{shown.text}”" if shown is not None else "")
        table.add_row(Text(who), Text(claim.cue or "—"), Text(_squash(claim.text)), Text(how), Text(stance))
    return table


def contradictions_table(report: Report) -> Table:
    table = Table(title="Contradictions", show_lines=True, expand=True)
    for column in ("kind", "explanation", "claims and events"):
        table.add_column(column, overflow="fold")
    for contradiction in report.contradictions:
        items = [*contradiction.items, *(["implied"] if contradiction.implied is not None else [])]
        table.add_row(contradiction.kind, Text(contradiction.explanation), Text(", ".join(items)))
    return table


def relations_table(report: Report) -> Table:
    """Cooperative and hostile ties between actors, the heaviest first (affiliations are in Actors)."""
    table = Table(title="Relations", show_lines=False, expand=True)
    for column in ("from", "tie", "to", "events"):
        table.add_column(column, overflow="fold")
    names = {a.id: a.name for a in report.actors}
    ties = sorted((r for r in report.relations if r.polarity != "affiliation"), key=lambda r: -r.weight)
    for relation in ties:
        table.add_row(
            Text(names.get(relation.source, relation.source)),
            relation.polarity,
            Text(names.get(relation.target, relation.target)),
            str(len(relation.events)),
        )
    return table


def render_report(report: Report, console: Console) -> None:
    """Print the report: a header, then one table per section (empty sections say so)."""
    document = report.document
    header = Text(document.title or "(untitled)", style="bold")
    for label, value in (
        ("source", document.source),
        ("author", document.author),
        ("published", document.published or "unknown"),
        ("url", document.url),
        ("id", document.id),
    ):
        if value:
            header.append(f"\n{label}: ", style="dim")
            header.append(value)
    counts = (
        f"{sum(1 for a in report.actors if a.mentions)} actors · {len(report.places)} places · "
        f"{len(report.events)} events · {len(report.claims)} claims · {len(document.text):,} characters"
    )
    console.print(Panel(Group(header, Text(counts, style="cyan")), title="warlog report", expand=True))
    console.print(actors_table(report))
    if report.places:
        console.print(places_table(report))
    for section, table in (("events", events_table), ("claims", claims_table)):
        if getattr(report, section):
            console.print(table(report))
        else:
            console.print(f"[dim]No {escape(section)} extracted.[/dim]")
        if section == "events" and report.happenings:
            console.print(happenings_table(report))
    authored = sum(1 for c in report.claims if c.source_kind == "author")
    if authored:
        note = f"{authored} sentences assert events on the author's own word (claims with source_kind author)."
        console.print(Text(note, style="dim"))
    if report.contradictions:
        console.print(contradictions_table(report))
    if any(r.polarity != "affiliation" for r in report.relations):
        console.print(relations_table(report))
