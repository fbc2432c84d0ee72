"""The typed results warlog produces: one shape for every code path.

Every fact carries `Evidence`: character offsets into `Document.text`, the text they cover,
the rule that produced it (with the version of the pack or model behind it) and a confidence.
`None` means absent; it is never written as an empty string.

`Report.to_dict()` gives the JSON report (docs/report.md, data/schema/report.schema.json) and
`Report.from_dict()` reads it back, so a report survives JSON and the store unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

ACTOR_KINDS = (
    "state",
    "government",
    "military",
    "police",
    "intelligence",
    "armed_group",
    "rebel_group",
    "militia",
    "political_party",
    "organization",
    "igo",
    "ngo",
    "media",
    "person",
    "ethnic_group",
    "religious_group",
    "civilians",
    "other",
)

EVENT_STATUSES = ("asserted", "reported", "claimed", "denied", "negated", "hypothetical", "planned")
HAPPENED = ("asserted", "reported", "claimed")  # the statuses of an event that took place
REFUTED = ("denied", "negated")  # the statuses of an event said not to have
STANCES = ("endorses", "doubts", "disputes", "neutral")
SOURCE_KINDS = ("named", "unnamed", "author", "scare_quote")
CONTRADICTION_KINDS = ("perpetrator", "recipient", "place", "date", "toll", "occurrence")
POLARITIES = ("cooperative", "hostile", "affiliation")
# what a happening is when it is no conflict: a hazard of nature, an accident of people's making, a crime
HAPPENING_KINDS = ("natural_disaster", "man_made_disaster", "crime")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the document a fact is stated: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str
    rule: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            rule=data.get("rule"),
            confidence=data.get("confidence", 1.0),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A text to analyze and what is known of where it came from."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or None when unknown
    language: str | None = "en"
    # where `published` came from when the metadata had none: "file name" or "url" (None: the metadata or the
    # caller). Not part of the document's JSON: the report records it in its provenance as "published".
    date_source: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title"),
            author=data.get("author"),
            source=data.get("source"),
            url=data.get("url"),
            published=data.get("published"),
            language=data.get("language"),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of the document, resolved to the knowledge base or new (`origin == "ner"`)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    parents: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()
    origin: str = "kb"  # "kb": from a knowledge-base pack; "ner": a new actor found in the text

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "parents": list(self.parents),
            "aliases": list(self.aliases),
            "origin": self.origin,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            country=data.get("country"),
            parents=tuple(data.get("parents", ())),
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple(Evidence.from_dict(m) for m in data.get("mentions", ())),
            origin=data.get("origin", "kb"),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the document; coordinates are None until it is geocoded."""

    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # e.g. "country", "city", "region", "airbase"
    precision: int | None = None  # ACLED geo-precision: 1 town, 2 near a town / part of a region, 3 region
    mentions: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "precision": self.precision,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            id=data["id"],
            name=data["name"],
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            feature=data.get("feature"),
            precision=data.get("precision"),
            mentions=tuple(Evidence.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class When:
    """A normalized time: `value` is ISO 8601 (or None when it cannot be known), `text` what was said."""

    value: str | None
    precision: str | None  # "day", "month", "season", "year", "period"
    text: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> When:
        return cls(value=data.get("value"), precision=data.get("precision"), text=data.get("text"))


@dataclass(frozen=True, slots=True)
class Toll:
    """A count of people (killed, wounded, captured) as a range, with the words that state it."""

    min: int | None
    max: int | None
    text: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Toll:
        return cls(min=data.get("min"), max=data.get("max"), text=data.get("text"))


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when, coded in PLOVER (ACLED and CAMEO in `codes`)."""

    id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    place: str | None = None
    date: When | None = None
    fatalities: Toll | None = None  # the dead only, never the wounded or captured
    wounded: Toll | None = None
    captured: Toll | None = None  # arrested, abducted, kidnapped or detained
    status: str = "asserted"
    speaker: str | None = None
    codes: tuple[tuple[str, str], ...] = ()
    confidence: float = 1.0
    also: tuple[Evidence, ...] = ()  # further evidence when the event is told more than once

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "place": self.place,
            "date": self.date.to_dict() if self.date else None,
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "wounded": self.wounded.to_dict() if self.wounded else None,
            "captured": self.captured.to_dict() if self.captured else None,
            "status": self.status,
            "speaker": self.speaker,
            "codes": dict(self.codes),
            "evidence": self.evidence.to_dict(),
            "also": [e.to_dict() for e in self.also],
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            type=data["type"],
            evidence=Evidence.from_dict(data["evidence"]),
            mode=data.get("mode"),
            actors=tuple(data.get("actors", ())),
            recipients=tuple(data.get("recipients", ())),
            place=data.get("place"),
            date=When.from_dict(data["date"]) if data.get("date") else None,
            fatalities=Toll.from_dict(data["fatalities"]) if data.get("fatalities") else None,
            wounded=Toll.from_dict(data["wounded"]) if data.get("wounded") else None,
            captured=Toll.from_dict(data["captured"]) if data.get("captured") else None,
            status=data.get("status", "asserted"),
            speaker=data.get("speaker"),
            codes=tuple((data.get("codes") or {}).items()),
            confidence=data.get("confidence", 1.0),
            also=tuple(Evidence.from_dict(e) for e in data.get("also", ())),
        )


@dataclass(frozen=True, slots=True)
class Happening:
    """Something news tells like an attack that is no conflict event: a disaster, an accident, a crime.

    `kind` is one of HAPPENING_KINDS; `evidence` the words that state it ("an earthquake killed eight",
    "a boiler exploded", "seized two tonnes of cocaine"); the tolls are those of its sentence.
    """

    id: str
    kind: str
    evidence: Evidence
    place: str | None = None
    date: When | None = None
    fatalities: Toll | None = None
    wounded: Toll | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "place": self.place,
            "date": self.date.to_dict() if self.date else None,
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "wounded": self.wounded.to_dict() if self.wounded else None,
            "evidence": self.evidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Happening:
        return cls(
            id=data["id"],
            kind=data["kind"],
            evidence=Evidence.from_dict(data["evidence"]),
            place=data.get("place"),
            date=When.from_dict(data["date"]) if data.get("date") else None,
            fatalities=Toll.from_dict(data["fatalities"]) if data.get("fatalities") else None,
            wounded=Toll.from_dict(data["wounded"]) if data.get("wounded") else None,
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what: a quoted or paraphrased statement, its hedging and the author's stance.

    `evidence` is the content (what is said, quote marks included for a direct quote); the speaker
    phrase and the cue have their own evidence. `source_kind` says who the source is: `named` ("Russia
    announced"), `unnamed` ("some reports say", "one rebel commander" — `speaker` may still be the group
    the unnamed member belongs to), `author` (what the author asserts unattributed; `speaker` is None and
    `speaker_text` the author's name when known) or `scare_quote` (a term the author quotes to keep it at
    a distance). `author_stance` is the author's view of an attributed claim, with its evidence.
    """

    id: str
    text: str
    evidence: Evidence
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    direct: bool = False
    hedged: bool = False
    author_stance: str = "neutral"
    events: tuple[str, ...] = ()
    source_kind: str = "named"
    co_speakers: tuple[str, ...] = ()
    speaker_evidence: Evidence | None = None
    cue_evidence: Evidence | None = None
    outlet: str | None = None
    work: str | None = None
    hedges: tuple[Evidence, ...] = ()
    stance_evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_kind": self.source_kind,
            "speaker": self.speaker,
            "co_speakers": list(self.co_speakers),
            "speaker_text": self.speaker_text,
            "speaker_evidence": _optional(self.speaker_evidence),
            "cue": self.cue,
            "cue_evidence": _optional(self.cue_evidence),
            "outlet": self.outlet,
            "work": self.work,
            "text": self.text,
            "direct": self.direct,
            "hedged": self.hedged,
            "hedges": [h.to_dict() for h in self.hedges],
            "author_stance": self.author_stance,
            "stance_evidence": _optional(self.stance_evidence),
            "events": list(self.events),
            "evidence": self.evidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            id=data["id"],
            text=data["text"],
            evidence=Evidence.from_dict(data["evidence"]),
            speaker=data.get("speaker"),
            speaker_text=data.get("speaker_text"),
            cue=data.get("cue"),
            direct=data.get("direct", False),
            hedged=data.get("hedged", False),
            author_stance=data.get("author_stance", "neutral"),
            events=tuple(data.get("events", ())),
            source_kind=data.get("source_kind", "named"),
            co_speakers=tuple(data.get("co_speakers", ())),
            speaker_evidence=_optional_evidence(data.get("speaker_evidence")),
            cue_evidence=_optional_evidence(data.get("cue_evidence")),
            outlet=data.get("outlet"),
            work=data.get("work"),
            hedges=tuple(Evidence.from_dict(h) for h in data.get("hedges", ())),
            stance_evidence=_optional_evidence(data.get("stance_evidence")),
        )


def _optional(evidence: Evidence | None) -> dict[str, Any] | None:
    return evidence.to_dict() if evidence is not None else None


def _optional_evidence(data: dict[str, Any] | None) -> Evidence | None:
    return Evidence.from_dict(data) if data is not None else None


@dataclass(frozen=True, slots=True)
class ImpliedClaim:
    """What a denial denies when the text states it only inside the denial ("she denied that she
    mishandled the files"): the denied proposition as a claim. `speaker` is the accuser when the text
    names one ("denied allegations by the UN that ..."), else None; `evidence` is the denied words."""

    text: str
    evidence: Evidence
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_evidence": _optional(self.speaker_evidence),
            "text": self.text,
            "evidence": self.evidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImpliedClaim:
        return cls(
            text=data["text"],
            evidence=Evidence.from_dict(data["evidence"]),
            speaker=data.get("speaker"),
            speaker_text=data.get("speaker_text"),
            speaker_evidence=_optional_evidence(data.get("speaker_evidence")),
        )


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two or more claims or events that cannot all be true, and why.

    `items` holds two or more ids, except for a denial of something the text tells only inside the
    denial: then `items` is the denier's claim alone and `implied` the other side (None otherwise).
    """

    id: str
    kind: str  # perpetrator, recipient, place, date, toll, occurrence
    items: tuple[str, ...]
    explanation: str
    implied: ImpliedClaim | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "items": list(self.items),
            "explanation": self.explanation,
            "implied": self.implied.to_dict() if self.implied is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contradiction:
        implied = data.get("implied")
        return cls(
            id=data["id"],
            kind=data["kind"],
            items=tuple(data["items"]),
            explanation=data["explanation"],
            implied=ImpliedClaim.from_dict(implied) if implied is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """A tie between two actors: cooperative, hostile, or affiliation, with the events behind it."""

    source: str
    target: str
    polarity: str
    weight: float = 1.0
    events: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "polarity": self.polarity,
            "weight": self.weight,
            "events": list(self.events),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(
            source=data["source"],
            target=data["target"],
            polarity=data["polarity"],
            weight=data.get("weight", 1.0),
            events=tuple(data.get("events", ())),
        )


@dataclass(frozen=True, slots=True)
class Report:
    """Everything warlog found in one document."""

    version: str
    document: Document
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    relations: tuple[Relation, ...] = ()
    provenance: tuple[tuple[str, str], ...] = field(default=())  # (component or pack, version)
    happenings: tuple[Happening, ...] = ()  # disasters, accidents and crimes: no conflict events

    def actor(self, actor_id: str) -> Actor | None:
        """The report's actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "warlog": self.version,
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
            "happenings": [h.to_dict() for h in self.happenings],
            "claims": [c.to_dict() for c in self.claims],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "relations": [r.to_dict() for r in self.relations],
            "provenance": dict(self.provenance),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls(
            version=data["warlog"],
            document=Document.from_dict(data["document"]),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", ())),
            places=tuple(Place.from_dict(p) for p in data.get("places", ())),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            contradictions=tuple(Contradiction.from_dict(c) for c in data.get("contradictions", ())),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
            provenance=tuple((data.get("provenance") or {}).items()),
            happenings=tuple(Happening.from_dict(h) for h in data.get("happenings", ())),
        )


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or analyzed, and why (one line)."""

    source: str
    reason: str  # the error class name, e.g. "EmptyDocumentError"
    message: str
    document_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "reason": self.reason,
            "message": self.message,
            "document_id": self.document_id,
        }


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Report.to_dict()`, packaged as data/schema/report.schema.json; a
    fresh dict on every call, ready for any draft 2020-12 validator (e.g. `jsonschema.Draft202012Validator`)."""
    resource = resources.files("warlog").joinpath("data", "schema", "report.schema.json")
    return json.loads(resource.read_text(encoding="utf-8"))
