"""What the event exports (ACLED CSV, PLOVER JSON) share: choosing the events, and their dates, places
and sentences.

Events are chosen with `Store.query("events", ...)`, so the filters mean what they mean for `warlog
query events`: `actor` an actor or recipient (id, or part of a name or alias), `type` the PLOVER type,
`since`/`until` the event's own date (an undated event never matches a date filter). `status` is one
status, or "any"; without it only the events that happened count (asserted, reported, claimed), as
in the actor graph. `country` keeps the events whose place is in that country (ISO code).
`min_confidence` (0 to 1) keeps the events whose confidence is at least it; `reviewed` the events an
analyst accepted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from warlog.incidents.differences import date_interval
from warlog.model import HAPPENED, Event, Place, Report

if TYPE_CHECKING:
    from warlog.store import Store

ANY_STATUS = "any"


def chosen_events(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    status: str | None = None,
    min_confidence: float | None = None,
    country: str | None = None,
    reviewed: bool = False,
) -> Iterator[tuple[Report, Event]]:
    """The stored events that pass the filters, document by document (in the order of their first
    chosen event's date), each document's events in text order."""
    result = store.query(
        "events",
        actor=actor,
        type=type,
        status=None if status == ANY_STATUS else status,
        since=since,
        until=until,
        min_confidence=min_confidence,
        country=country,
        reviewed=True if reviewed else None,
    )
    statuses = HAPPENED if status is None else None
    wanted: dict[str, set[str]] = {}
    for row in result.to_dicts():
        if statuses is None or row["status"] in statuses:
            wanted.setdefault(row["document"], set()).add(row["id"])
    for report in store.reports(wanted):
        for event in report.events:
            if event.id in wanted[report.document.id]:
                yield report, event


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as the exports need it: a first and a last day, and where it came from."""

    first: date
    last: date
    precision: str | None  # the event's own precision, or "published" (the document's date stood in)


def event_date(report: Report, event: Event) -> EventDate | None:
    """The event's days, or its document's publication day when it has no date; None when neither is known."""
    interval = date_interval(event.date.value) if event.date is not None else None
    if interval is not None and interval[0] != date.min and interval[1] != date.max:
        return EventDate(interval[0], interval[1], event.date.precision if event.date else None)
    published = date_interval(report.document.published)
    if published is None:
        return None
    return EventDate(published[0], published[1], "published")


def event_place(report: Report, event: Event) -> Place | None:
    """The event's place record, or None."""
    return next((p for p in report.places if p.id == event.place), None) if event.place else None


def place_text(place: Place | None) -> str | None:
    """The words that name the place in the text (its first mention), or its name."""
    if place is None:
        return None
    return place.mentions[0].text if place.mentions else place.name


_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n", "\n")


def sentence(text: str, start: int, end: int) -> str:
    """The sentence(s) around text[start:end]: from after the previous sentence end to the next one."""
    before = max(
        (text.rfind(mark, 0, start) + len(mark) for mark in _ENDS if text.rfind(mark, 0, start) >= 0), default=0
    )
    after = min((i + 1 for mark in _ENDS if (i := text.find(mark, end)) >= 0), default=len(text))
    return " ".join(text[before:after].split())


def event_key(report: Report, event: Event) -> str:
    """An id unique across the corpus: the document id and the event id."""
    return f"{report.document.id}:{event.id}"


# Where ACLED's country name is not pycountry's common name
_SHORT_NAMES = {
    "RUS": "Russia", "PSE": "Palestine", "TUR": "Turkey", "KOR": "South Korea", "PRK": "North Korea",
    "COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "CZE": "Czech Republic",
}  # fmt: skip


def country_name(alpha_3: str | None) -> str | None:
    """A country's common English name from its ISO 3166 alpha-3 code ("SYR" -> "Syria", "RUS" -> "Russia")."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    if country is None:
        return None
    return _SHORT_NAMES.get(country.alpha_3) or getattr(country, "common_name", None) or country.name


def country_numeric(alpha_3: str | None) -> str | None:
    """A country's ISO 3166 numeric code, without leading zeros as ACLED writes it ("SYR" -> "760")."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    return str(int(country.numeric)) if country is not None else None
