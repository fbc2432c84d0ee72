"""Events as PLOVER event records (the PLOVER manual's "Data Fields" chapter), one JSON object a line.

The manual suggests newline-delimited JSON, one event per line, and allows fields beyond its own; warlog
adds `status`, `speaker`, `confidence`, `codes`, `document` and `event_id`, and the entity field
`kind`. Each field is described in docs/data-dictionary.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from warlog.events.history import HISTORICAL, historical
from warlog.export.events import country_name, event_date, event_key, event_place, place_text
from warlog.model import Actor, Event, Place, Report, Toll

QUAD_CODES = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}

# PLOVER sector codes of warlog's actor kinds (none for kinds PLOVER has no sector for)
SECTORS = {
    "government": "GOV",
    "state": "GOV",
    "military": "MIL",
    "police": "COP",
    "intelligence": "SPY",
    "rebel_group": "REB",
    "armed_group": "UAF",
    "militia": "UAF",
    "political_party": "PTY",
    "media": "JRN",
    "civilians": "CVL",
    "religious_group": "REL",
}

# The manual's location `resolution`: 5 sub-city, 4 city, 3 district, 2 province, 1 country
_RESOLUTION = {"country": 1, "region": 2, "province": 2, "district": 3, "city": 4, "town": 4, "village": 4}
_RESOLUTION_OF_PRECISION = {1: 4, 2: 3, 3: 2}


def _entity(actor_id: str, actor: Actor | None) -> dict[str, Any]:
    """The manual's entity object for an actor."""
    if actor is None:
        return {"code": None, "sector": None, "entity_text": actor_id, "identifier_id": actor_id,
                "identifier_text": actor_id, "kind": None}  # fmt: skip
    return {
        "code": actor.country,
        "sector": SECTORS.get(actor.kind),
        "entity_text": actor.mentions[0].text if actor.mentions else actor.name,
        "identifier_id": actor.id,
        "identifier_text": actor.name,
        "kind": actor.kind,
    }


def _location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    resolution = _RESOLUTION.get(place.feature or "") or _RESOLUTION_OF_PRECISION.get(place.precision or 0)
    return {
        "extracted_place": place_text(place),
        "resolved_place": place.name,
        "geonameid": int(place.id[3:]) if place.id.startswith("gn.") and place.id[3:].isdigit() else None,
        "lat": place.lat,
        "lon": place.lon,
        "country": country_name(place.country),
        "country_code": place.country,
        "feature_class": None,
        "feature_code": place.feature,
        "resolution": resolution,
    }


def _count(toll: Toll | None) -> int | None:
    return None if toll is None else toll.min if toll.min is not None else toll.max


def plover_event(report: Report, event: Event) -> dict[str, Any]:
    """The PLOVER record of one event."""
    from warlog.events.codes import quad_class

    document = report.document
    when = event_date(report, event)
    try:
        quad = QUAD_CODES.get(quad_class(event.type))
    except KeyError:  # a type from a user pack the built-in ontology does not know
        quad = None
    size = {"dead": _count(event.fatalities), "injured": _count(event.wounded), "arrested": _count(event.captured)}
    return {
        "id": event_key(report, event),
        "date": when.first.isoformat() if when else None,
        "enddate": when.last.isoformat() if when and when.last != when.first else None,
        "date_precision": when.precision if when else None,
        "actor": [_entity(a, report.actor(a)) for a in event.actors],
        "recipient": [_entity(r, report.actor(r)) for r in event.recipients],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [HISTORICAL] if historical(event) else [],
        "quad_code": quad,
        "event_loc": _location(event_place(report, event)),
        "event_text": [event.evidence.text, *(e.text for e in event.also)],
        "text_info": {"start": event.evidence.start, "end": event.evidence.end},
        "size": size if any(v is not None for v in size.values()) else None,
        "cite_info": {
            "title": document.title,
            "url": document.url,
            "publication": document.source,
            "language": document.language,
            "coder": f"warlog {report.version}",
            "codebook": "PLOVER 2.0",
        },
        "coder": "warlog",
        "status": event.status,
        "speaker": event.speaker,
        "confidence": event.confidence,
        "codes": dict(event.codes),
        "document": document.id,
        "event_id": event.id,
    }


def write_plover(pairs: Iterable[tuple[Report, Event]], out: IO[bytes]) -> int:
    """Write one PLOVER record a line (JSON Lines, UTF-8) to a binary stream; the records written."""
    written = 0
    for report, event in pairs:
        out.write(json.dumps(plover_event(report, event), ensure_ascii=False).encode("utf-8") + b"\n")
        written += 1
    return written
