"""Events as ACLED rows: the columns of ACLED's current export, in ACLED's order.

An event is in ACLED's scope when warlog coded it to an ACLED event type and sub-event type (codes
`acled_event_type`, `acled_sub_event_type`). How each column is filled is in docs/data-dictionary.md;
in short: actor1/actor2 the first actor and recipient (assoc_actor_* the others, "; "-separated) as ACLED
codes them (warlog.events.acled_actors: the victims of violence against civilians are Civilians (X), a
crowd of unarmed people Protesters (X) or Rioters (X), the group they belong to an associated actor), inter
codes from the actor kinds, place and coordinates from the event's place, notes the sentence that states
the event, source the document's source, fatalities the lowest figure given (0 when none is). An event told
as history (PLOVER's auxiliary mode `historical`, warlog.events.history: "the 2012 attack in Benghazi", "after
the Orlando massacre") has no row: ACLED codes events as they are reported, and such a mention would come back
as a new row on the day of every article that names it.

One row per incident, as ACLED codes: the events of different documents that tell one incident (the rule of
`warlog incidents`, warlog.incidents.policy `ACROSS_DOCUMENTS`) are one row, whose sources are all of theirs
and whose fatalities are the lowest figure any of them gives (ACLED's most conservative estimate); the row's
other columns are those of its most complete account, with what that one lacks (actors, place) taken from
the others. `per_event=True` writes one row per event instead.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import IO

from warlog.events import acled_actors
from warlog.events.acled_actors import AcledActors, code_acled_actors
from warlog.events.history import historical
from warlog.export.csvsafe import neutralize
from warlog.export.events import (
    country_name,
    country_numeric,
    event_date,
    event_key,
    event_place,
    sentence,
)
from warlog.incidents.cluster import Account, group_accounts
from warlog.model import Event, Report

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

# ACLED's actor categories (the codebook's inter codes) of warlog's actor kinds
STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
_INTER = {
    **dict.fromkeys(("state", "government", "military", "police", "intelligence"), STATE_FORCES),
    "rebel_group": REBELS,
    **dict.fromkeys(("armed_group", "militia", "political_party"), POLITICAL_MILITIA),
    **dict.fromkeys(("ethnic_group", "religious_group"), IDENTITY_MILITIA),
    **dict.fromkeys(("civilians", "person", "media", "ngo", "organization"), CIVILIANS),
    **dict.fromkeys(("igo", "other"), EXTERNAL),
}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_OF_SUB_EVENT = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
}


def _inter(kind: str | None, event_type: str) -> int:
    """The ACLED category of an actor of this kind in an event of this ACLED type."""
    if event_type == "Protests" and kind in ("civilians", "person", "organization", "political_party", None):
        return PROTESTERS
    if event_type == "Riots" and kind in ("civilians", "person", None):
        return RIOTERS
    return _INTER.get(kind or "other", EXTERNAL)


def _names(report: Report, coded: AcledActors, event_type: str) -> dict[str, tuple[str, int]]:
    """The name and the inter code of each actor of the coded columns: a group named by its category as ACLED
    writes it ("Civilians (Mexico)"), else the report's actor (or its bare id when the report lacks it)."""
    out: dict[str, tuple[str, int]] = {}
    for actor_id in (*coded.side1, *coded.side2):
        actor = report.actor(actor_id)
        out[actor_id] = (actor.name if actor else actor_id, _inter(actor.kind if actor else None, event_type))
    for group in coded.groups:
        name = f"{group.category} ({country_name(group.country) or group.country})"
        out[group.id] = (name, _GROUP_INTER[group.category])
    return out


_GROUP_INTER = {
    acled_actors.CIVILIANS: CIVILIANS,
    acled_actors.PROTESTERS: PROTESTERS,
    acled_actors.RIOTERS: RIOTERS,
}


def _interaction(inter1: object, inter2: object) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (17), or one times ten (10)."""
    pair = sorted(x for x in (inter1, inter2) if isinstance(x, int))
    return (pair[0] * 10 + pair[1]) if len(pair) == 2 else (pair[0] * 10 if pair else None)


def _time_precision(days: int, precision: str | None) -> int:
    """ACLED's time precision: 1 the day, 2 the week (or the document's date stood in), 3 the month."""
    if precision == "published":
        return 2
    return 1 if days <= 1 else 2 if days <= 7 else 3


def acled_row(report: Report, event: Event, *, timestamp: int) -> dict[str, object] | None:
    """The ACLED row of an event, or None when it is outside ACLED's scope, told as history (warlog.events.history)
    or has no date at all."""
    codes = dict(event.codes)
    event_type, sub_event_type = codes.get("acled_event_type"), codes.get("acled_sub_event_type")
    when = event_date(report, event)
    if event_type is None or sub_event_type is None or when is None or historical(event):
        return None
    coded = code_acled_actors(report, event, event_type, sub_event_type)
    named = _names(report, coded, event_type)
    inter1 = named[coded.actor1][1] if coded.actor1 else None
    inter2 = named[coded.actor2][1] if coded.actor2 else None
    place = event_place(report, event)
    country = place.country if place else None  # where it happened, never the actors' country
    toll = event.fatalities
    civilians = event_type == "Violence against civilians" or any(
        (r := report.actor(x)) is not None and r.kind == "civilians" for x in event.recipients
    )
    tags = [f"warlog status={event.status}"]
    tags += [f"{name}={t.min if t.min is not None else t.max}" for name, t in (("wounded", event.wounded),
             ("captured", event.captured)) if t is not None and (t.min is not None or t.max is not None)]  # fmt: skip
    return {
        "event_id_cnty": event_key(report, event),
        "event_date": when.first.isoformat(),
        "year": when.first.year,
        "time_precision": _time_precision((when.last - when.first).days + 1, when.precision),
        "disorder_type": _DISORDER_OF_SUB_EVENT.get(sub_event_type, _DISORDER.get(event_type)),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": named[coded.actor1][0] if coded.actor1 else None,
        "assoc_actor_1": "; ".join(named[a][0] for a in coded.assoc_actor_1) or None,
        "inter1": inter1,
        "actor2": named[coded.actor2][0] if coded.actor2 else None,
        "assoc_actor_2": "; ".join(named[a][0] for a in coded.assoc_actor_2) or None,
        "inter2": inter2 if inter2 is not None else 0,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else None,
        "iso": country_numeric(country),
        "region": None,
        "country": country_name(country),
        "admin1": None,
        "admin2": None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "source": report.document.source or report.document.url,
        "source_scale": None,
        "notes": sentence(report.document.text, event.evidence.start, event.evidence.end),
        "fatalities": (toll.min if toll.min is not None else toll.max or 0) if toll is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": timestamp,
    }


@dataclass(frozen=True, slots=True)
class _Told:
    """One event's ACLED row, the account it is grouped by, and whether it gives a figure of the dead."""

    row: dict[str, object]
    account: Account
    counted: bool


# columns that travel together when a row lacks them and another account of its incident has them
_ACTOR1 = ("actor1", "assoc_actor_1", "inter1")
_ACTOR2 = ("actor2", "assoc_actor_2", "inter2")
_PLACE = ("iso", "country", "location", "latitude", "longitude", "geo_precision")


def incident_row(tellings: Sequence[_Told]) -> dict[str, object]:
    """One row for the accounts of one incident: the most complete account's row, with the actors and place
    it lacks from the others, every source, and the lowest figure of the dead any account gives."""
    _, best = max(enumerate(tellings), key=lambda it: (_filled(it[1].row), it[1].account.event.confidence, -it[0]))
    row = dict(best.row)
    for columns in (_ACTOR1, _ACTOR2, _PLACE):
        if row[columns[0]] is None:
            donor = next((t.row for t in tellings if t.row[columns[0]] is not None), None)
            if donor is not None:
                row.update({c: donor[c] for c in columns})
    row["interaction"] = _interaction(row["inter1"], row["inter2"] or None)
    sources = dict.fromkeys(str(t.row["source"]) for t in tellings if t.row["source"])
    row["source"] = "; ".join(sources) or None
    figures = [x for t in tellings if t.counted and isinstance(x := t.row["fatalities"], int)]
    row["fatalities"] = min(figures, default=0)
    if len(tellings) > 1:
        row["tags"] = f"{row['tags']}; warlog reports={len(tellings)}"
    return row


def _filled(row: dict[str, object]) -> int:
    return sum(row[c] is not None for c in ("actor1", "actor2", "location", "latitude")) + bool(row["fatalities"])


def _tellings(pairs: Iterable[tuple[Report, Event]], timestamp: int) -> Iterable[_Told]:
    for report, event in pairs:
        row = acled_row(report, event, timestamp=timestamp)
        if row is not None:
            document = replace(report.document, text="")  # the row has its sentence; the account needs no text
            account = Account(document=document, event=event, place=event_place(report, event))
            toll = event.fatalities
            yield _Told(row, account, toll is not None and (toll.min is not None or toll.max is not None))


def write_acled(pairs: Iterable[tuple[Report, Event]], out: IO[bytes], *, per_event: bool = False) -> int:
    """Write the ACLED CSV (header and one row per incident in scope, or per event with `per_event`) to a
    binary stream; the rows written. Text cells that a spreadsheet would run as a formula get a leading `'`
    (warlog.export.csvsafe)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    tellings = _tellings(pairs, int(time.time()))
    if per_event:
        rows: Iterable[dict[str, object]] = (t.row for t in tellings)
    else:
        told = list(tellings)
        by_account = {id(t.account): t for t in told}
        groups = group_accounts(t.account for t in told)
        rows = (incident_row([by_account[id(a)] for a in group]) for group in groups)
    written = 0
    for row in rows:
        writer.writerow({k: "" if v is None else neutralize(v) for k, v in row.items()})
        written += 1
    text.flush()
    text.detach()  # the caller owns `out`
    return written
