"""Turn a processed spaCy Doc into warlog's typed Report."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from warlog.actors.kb import KBActor, KnowledgeBase
from warlog.actors.linker import LinkedMention, PlaceMention
from warlog.claims.finder import RULES_VERSION as CLAIM_RULES
from warlog.claims.finder import ClaimCandidate
from warlog.claims.rebuttals import denial_contradictions
from warlog.events.candidate import EventCandidate
from warlog.events.extract import RULES_VERSION as EVENT_RULES
from warlog.events.relations import build_relations
from warlog.events.tolls import TollMention
from warlog.geo.qualify import qualified_name
from warlog.incidents.contradictions import find_contradictions
from warlog.model import Actor, Claim, Document, Event, Evidence, Place, Report, Toll
from warlog.packs.ontology import Ontology
from warlog.packs.placenames import REGION, TOWN


def build_report(
    document: Document, doc: Doc, *, kb: KnowledgeBase, ontology: Ontology, version: str, provenance: dict[str, str]
) -> Report:
    """The report of one analyzed document; `kb` and `ontology` are the pipeline's (with the user's packs)."""
    actors = build_actors(doc._.warlog_actors or [], kb=kb, published=document.published)
    places = build_places(doc._.warlog_places or [])
    events = build_events(doc._.warlog_events or [])
    claims = build_claims(doc._.warlog_claims or [], document)
    contradictions, claims = find_contradictions(
        events,
        claims,
        {p.id: p for p in places},
        {a.id: a for a in actors},
        provinces=build_provinces(doc._.warlog_places or []),
    )
    actor_by = {a.id: a for a in actors}
    denied = denial_contradictions(
        doc._.warlog_denials or [], claims, events, actor_by, text=document.text, found=contradictions
    )
    contradictions = contradictions + denied
    return Report(
        version=version,
        document=document,
        actors=actors,
        places=places,
        events=events,
        claims=claims,
        contradictions=contradictions,
        relations=build_relations(events, actors, ontology),
        provenance=tuple(sorted({**provenance, **_date_source(document)}.items())),
        happenings=tuple(doc._.warlog_happenings or ()),
    )


def _date_source(document: Document) -> dict[str, str]:
    """The provenance of a published date found in the document's file name or URL: {"published": "url"}."""
    return {"published": document.date_source} if document.date_source and document.published else {}


def build_actors(mentions: list[LinkedMention], *, kb: KnowledgeBase, published: str | None) -> tuple[Actor, ...]:
    """Actors in order of first mention, then the affiliations they lead to (with no mentions)."""
    by_actor: dict[str, list[LinkedMention]] = defaultdict(list)
    known: dict[str, KBActor] = {}
    for mention in mentions:
        by_actor[mention.actor.id].append(mention)
        known[mention.actor.id] = mention.actor
    actors = [_actor(known[actor_id], ms, kb=kb, published=published) for actor_id, ms in by_actor.items()]
    seen = set(by_actor)
    queue = [parent for actor in actors for parent in actor.parents]
    while queue:
        parent_id = queue.pop(0)
        parent = kb.get(parent_id)
        if parent_id in seen or parent is None:
            continue
        seen.add(parent_id)
        actor = _actor(parent, [], kb=kb, published=published)
        actors.append(actor)
        queue.extend(actor.parents)
    return tuple(actors)


def _actor(entry: KBActor, mentions: list[LinkedMention], *, kb: KnowledgeBase, published: str | None) -> Actor:
    parents = tuple(a.parent for a in entry.parents if published is None or a.holds_on(published))
    surface = []
    for m in mentions:
        if m.text != entry.name and m.text not in surface:
            surface.append(m.text)
    return Actor(
        id=entry.id,
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        parents=parents,
        aliases=tuple(surface),
        mentions=tuple(Evidence(m.start, m.end, m.text, m.rule, m.confidence) for m in mentions),
        origin="ner" if entry.pack == "ner" else "kb",
    )


def build_places(mentions: list[PlaceMention]) -> tuple[Place, ...]:
    """Places in order of first mention; unknown names get a `place.<slug>` id and no coordinates, or,
    when the text puts them in a known place ("Abu Salim (Tripoli)"), that place's point and country at a
    coarser precision.

    A direction from a place ("north of Aleppo": `PlaceMention.qualified`) is a place of its own: id
    `<base id>~<qualifier>`, the qualified name, the phrase's precision (2) and the base's point, as ACLED
    codes a place near a town at the town; only a stated distance moves the point.
    """
    grouped: dict[str, list[PlaceMention]] = defaultdict(list)
    for mention in mentions:
        grouped[mention.place_id].append(mention)
    places = []
    for key, ms in grouped.items():
        first, geo = ms[0], ms[0].place
        evidence = tuple(Evidence(m.start, m.end, m.name, "place@1", 1.0 if geo else 0.6) for m in ms)
        if geo is None:
            holder = next((m.within for m in ms if m.within is not None), None)
            if holder is None:
                places.append(Place(id=key, name=first.name, mentions=evidence))
                continue
            # a name the gazetteer lacks, inside a place it knows: that place's point, coarser
            places.append(
                Place(
                    id=key,
                    name=first.name,
                    country=holder.country,
                    lat=holder.lat,
                    lon=holder.lon,
                    precision=min(max(holder.precision, TOWN) + 1, REGION),
                    mentions=evidence,
                )  # fmt: skip
            )
            continue
        qualifier = first.qualifier if first.qualified else None
        places.append(
            Place(
                id=key,
                name=qualified_name(geo.name, qualifier, first.km) if qualifier else geo.name,
                country=geo.country,
                lat=first.lat if first.lat is not None else geo.lat,
                lon=first.lon if first.lon is not None else geo.lon,
                feature=geo.feature,
                precision=first.precision if qualifier else geo.precision,
                mentions=evidence,
            )
        )
    return tuple(places)


def build_provinces(mentions: list[PlaceMention]) -> dict[str, Place]:
    """For a bare town name that also names its province ("in Aleppo"), the province by the town's id."""
    provinces: dict[str, Place] = {}
    for m in mentions:
        area = m.province
        if area is not None and m.place_id not in provinces:
            provinces[m.place_id] = Place(
                id=area.id, name=area.name, country=area.country, lat=area.lat, lon=area.lon,
                feature=area.feature, precision=area.precision,
            )  # fmt: skip
    return provinces


def _toll(mention: TollMention | None) -> Toll | None:
    return Toll(mention.min, mention.max, mention.text) if mention is not None else None


def build_events(candidates: list[EventCandidate]) -> tuple[Event, ...]:
    """Events in text order, each with its evidence and, when told again, the further evidence."""
    rule = f"event@{EVENT_RULES}"
    return tuple(
        Event(
            id=c.id,
            type=c.type,
            evidence=Evidence(c.start, c.end, c.text, rule, c.confidence),
            mode=c.mode,
            actors=c.actors,
            recipients=c.recipients,
            place=c.place,
            date=c.date,
            fatalities=_toll(c.toll),
            wounded=_toll(c.wounded),
            captured=_toll(c.captured),
            status=c.status.value,
            speaker=c.status.speaker,
            codes=c.codes,
            confidence=c.confidence,
            also=tuple(Evidence(start, end, text, rule, c.confidence) for start, end, text in c.also),
        )
        for c in candidates
    )


def build_claims(candidates: list[ClaimCandidate], document: Document) -> tuple[Claim, ...]:
    """Claims in text order, each with the evidence of its content, speaker, cue, hedges and stance."""
    rule = f"claim@{CLAIM_RULES}"
    text = document.text

    def evidence(span: tuple[int, int] | None) -> Evidence | None:
        return None if span is None else Evidence(span[0], span[1], text[span[0] : span[1]], rule)

    claims = []
    for c in candidates:
        content = evidence(c.content)
        assert content is not None
        author = c.source_kind == "author"
        claims.append(
            Claim(
                id=c.id,
                text=content.text,
                evidence=content,
                speaker=c.speakers[0] if c.speakers else None,
                speaker_text=document.author if author else _text(text, c.source),
                cue=_text(text, c.cue),
                direct=c.direct,
                hedged=bool(c.hedges),
                author_stance=c.stance.value,
                events=c.events,
                source_kind=c.source_kind,
                co_speakers=c.speakers[1:],
                speaker_evidence=evidence(c.source),
                cue_evidence=evidence(c.cue),
                outlet=c.outlet,
                work=c.work,
                hedges=tuple(e for e in map(evidence, c.hedges) if e is not None),
                stance_evidence=evidence(c.stance.evidence),
            )
        )
    return tuple(claims)


def _text(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]
