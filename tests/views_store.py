"""A synthetic store for the views that must scale: 60 invented documents, 200 invented actors, events
over 2016 at towns and at country level, and one outlier dated "1900". Built from warlog's model types
(no pipeline), so it takes a second. Every name and sentence here was made up for warlog's tests.
"""

from __future__ import annotations

from pathlib import Path

from warlog.model import Actor, Claim, Document, Event, Evidence, Place, Report, Toll, When

DOCUMENTS = 60
ACTORS = 200
HUBS = 6  # the first actors take part in many events: the graph's most connected nodes
KINDS = ("armed_group", "militia", "military", "government", "rebel_group", "civilians")
TYPES = ("ASSAULT", "COERCE", "PROTEST", "CONSULT")
TOWNS = (  # (id, name, country, lat, lon): invented towns in two invented-coded countries
    ("syn.t1", "Amberfield", "SYR", 36.2, 37.1),
    ("syn.t2", "Brookmoor", "SYR", 36.21, 37.14),
    ("syn.t3", "Cinderholt", "SYR", 34.7, 36.7),
    ("syn.t4", "Dunmarsh", "IRQ", 33.3, 44.4),
    ("syn.t5", "Elmstead", "IRQ", 36.3, 43.1),
)
COUNTRY_PLACE = ("syn.c1", "Syria (country)", "SYR", 35.0, 38.5)


def actor_id(n: int) -> str:
    return f"syn.a{n:03d}"


def actor_name(n: int) -> str:
    return f"Unit {n:03d} of the Invented Front"


def _place(spec: tuple[str, str, str, float, float], *, country_level: bool = False) -> Place:
    place_id, name, country, lat, lon = spec
    feature, precision = ("country", 3) if country_level else ("city", 1)
    return Place(id=place_id, name=name, country=country, lat=lat, lon=lon, feature=feature, precision=precision)


def _event(index: int, doc: int, text: str, sentence: str, date: str | None) -> tuple[Event, str]:
    """The `index`-th event of the corpus, told by `sentence` (appended to `text`)."""
    hub = actor_id(index % HUBS)
    other = actor_id(HUBS + index % (ACTORS - HUBS))
    kind = TYPES[index % len(TYPES)]
    start = len(text)
    evidence = Evidence(start=start, end=start + len(sentence), text=sentence, rule="synthetic", confidence=0.9)
    place = COUNTRY_PLACE[0] if index % 5 == 4 else TOWNS[index % len(TOWNS)][0]
    toll = Toll(min=1 + index % 3, max=2 + index % 3, text=None) if kind == "ASSAULT" else None
    when = When(value=date, precision="day" if date and len(date) == 10 else "year", text=date) if date else None
    event = Event(
        id=f"event@{index}", type=kind, evidence=evidence, actors=(hub,), recipients=(other,), place=place,
        date=when, fatalities=toll, status="asserted" if index % 6 else "reported", confidence=0.8,
    )  # fmt: skip
    return event, other


def _claims(doc: int, text: str, events: list[Event]) -> tuple[Claim, ...]:
    """Two claims after `text`: the first event's actor says it happened; a witness (a speaker no actor
    stands for, one per document) tells the second."""
    found = []
    hub = events[0].actors[0]
    for n, (speaker, words, event) in enumerate(
        ((hub, f"{actor_name(int(hub[-3:]))} said its unit acted.", events[0]),
         (None, f"Witness {doc} said the second event took place.", events[1]))
    ):  # fmt: skip
        start = len(text) + (len(found[0].evidence.text) + 1 if found else 0)
        evidence = Evidence(start=start, end=start + len(words), text=words, rule="synthetic", confidence=0.8)
        found.append(Claim(
            id=f"claim@{n}", text=words, evidence=evidence, speaker=speaker,
            speaker_text=None if speaker else f"Witness {doc}", cue="said", hedged=n == 1, events=(event.id,),
        ))  # fmt: skip
    return tuple(found)


def synthetic_reports() -> list[Report]:
    towns = [_place(spec) for spec in TOWNS]
    country = _place(COUNTRY_PLACE, country_level=True)
    reports = []
    index = 0
    for doc in range(DOCUMENTS):
        text, events, named = "", [], set()
        for _ in range(4):
            day = 1 + (index * 3) % 360
            month, mday = 1 + min(11, day // 31), 1 + day % 28
            date = "1900" if index == 7 else f"2016-{month:02d}-{mday:02d}"
            sentence = f"Event {index}: {actor_name(index % HUBS)} met another unit at a town on {date}. "
            event, other = _event(index, doc, text, sentence, date)
            text += sentence
            events.append(event)
            named |= {*event.actors, other}
            index += 1
        actors = tuple(Actor(id=a, name=actor_name(int(a[-3:])), kind=KINDS[int(a[-3:]) % len(KINDS)], origin="kb")
                       for a in sorted(named))  # fmt: skip
        published = f"2016-{1 + doc % 12:02d}-{1 + doc % 27:02d}"
        document = Document(id=f"syn-{doc:03d}", text=text, title=f"Invented dispatch {doc}", published=published,
                            source="Invented Wire")  # fmt: skip
        places = (*towns, country)
        claims = _claims(doc, text, events)
        text += " ".join(claim.evidence.text for claim in claims)
        document = Document(
            id=document.id, text=text, title=document.title, published=published, source=document.source
        )
        reports.append(
            Report(version="test", document=document, actors=actors, places=places, events=tuple(events), claims=claims)
        )
    return reports


def build_synthetic_store(path: Path) -> None:
    from warlog.store import Store

    with Store.open(path) as store:
        store.save_many(synthetic_reports())
