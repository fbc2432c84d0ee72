"""The review queue: the stored events and claims that no analyst has decided on, most worth a decision first.

An analyst accepts an item (an `accept` correction), rejects it (a `reject` correction: it leaves the
store, as every rejected fact does) or fixes it (the other correction kinds of an event), so every
decision is a row of the audit trail with who and when (warlog.store.corrections). An item is
*reviewed* when the trail holds an accept of it (the `reviews` view, store schema 7); no column of the
events or claims holds the status, so a re-analysis that keeps the item's id keeps its status, and one
that drops the item leaves the accept not applied.

The ranking, in order:
1. Contradicted items first: an event or claim that is an item of a contradiction of its document, or an
   event whose incident's documents disagree (warlog.incidents). A decision there settles a dispute.
2. Then by worth = doubt × weight, highest first:
   - doubt = 1 − confidence. An event's confidence is its own (warlog.events.confidence). A claim's
     evidence confidence is scaled by 0.75 when the claim is hedged and by 0.75 when its speaker is not
     resolved to an actor, the two reasons a quote is most often mis-attributed or over-read.
   - weight = 1 + ½·log2(documents), documents counted up to 16: the number of documents that tell the
     event's incident (for a claim, the largest incident of the events it reports). A fact many
     documents tell carries more into a dataset (one ACLED row stands for the incident), with
     diminishing returns: 1 document weighs 1, 2 weigh 1.5, 4 weigh 2, 16 or more weigh 3.
3. Ties: by document id, then text order, so the queue is stable between calls.

Cost: every call groups the stored events into incidents, as `warlog incidents` does; that grouping is
most of the time (1.1 s for 400 events of 200 documents packed into one region and week, 12 s for 4,000,
measured with a synthetic store on the development machine), even for one page or one document's items.
Keeping the grouping between calls is not done yet.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from warlog.incidents.cluster import Account, group_accounts
from warlog.incidents.differences import differences
from warlog.model import Actor, Claim, Event, Evidence, Report
from warlog.store.corrections import ACCEPTABLE
from warlog.store.read import load_reports

MAX_DOCUMENTS = 16  # documents beyond this add no weight
HEDGED = 0.75  # a hedged claim's confidence is scaled by this
UNRESOLVED_SPEAKER = 0.75  # so is that of a claim whose speaker is no known actor
CONTEXT_CHARS = 300  # at most this many characters of context on each side of the evidence


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One event or claim to decide on: what it says in words, its evidence in its sentence, and why it ranks
    where it does. `context` is the text around the evidence; `evidence.start` and `.end` are offsets into
    the document, `context_start` the offset of `context`."""

    fact: str  # "event" or "claim"
    document: str
    id: str
    summary: str
    evidence: Evidence
    context: str
    context_start: int
    confidence: float
    documents: int
    contradicted: bool
    worth: float
    reasons: tuple[str, ...]
    title: str | None = None
    type: str | None = None  # an event's type
    mode: str | None = None
    status: str | None = None  # an event's status

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact, "document": self.document, "id": self.id, "title": self.title,
            "summary": self.summary, "evidence": self.evidence.to_dict(), "context": self.context,
            "context_start": self.context_start, "confidence": self.confidence, "documents": self.documents,
            "contradicted": self.contradicted, "worth": self.worth, "reasons": list(self.reasons),
            "type": self.type, "mode": self.mode, "status": self.status,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """One page of the queue and how many items wait in all."""

    items: tuple[ReviewItem, ...]
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": [item.to_dict() for item in self.items], "total": self.total}


@dataclass(frozen=True, slots=True)
class _Candidate:
    fact: str
    document: str
    seq: int
    id: str
    confidence: float
    documents: int
    contradicted: bool

    @property
    def worth(self) -> float:
        weight = 1 + 0.5 * math.log2(min(max(self.documents, 1), MAX_DOCUMENTS))
        return round((1 - self.confidence) * weight, 4)

    def key(self) -> tuple[bool, float, str, int, str]:
        return (not self.contradicted, -self.worth, self.document, self.seq, self.fact)


_UNDECIDED = "NOT EXISTS (SELECT 1 FROM reviews r WHERE r.document_id = x.document_id AND r.id = x.id)"


def _contradicted(con: duckdb.DuckDBPyConnection, document: str | None) -> set[tuple[str, str]]:
    """(document, id) of every item of a contradiction within a document."""
    rows = con.execute(
        """SELECT DISTINCT document_id, unnest(items) FROM contradictions
        WHERE $document IS NULL OR starts_with(document_id, $document)""",
        {"document": document},
    ).fetchall()
    return {(row[0], row[1]) for row in rows}


def _incidents(con: duckdb.DuckDBPyConnection) -> tuple[dict[tuple[str, str], int], set[tuple[str, str]]]:
    """Per (document, event id), the number of documents of its incident (grouped as `warlog incidents`
    groups them); and the events whose incident's documents disagree. Whether they disagree stops at the
    first difference found, where `warlog incidents` lists them all."""
    from warlog.packs.ontology import builtin_ontology
    from warlog.store.incidents import read_accounts

    found = read_accounts(con, ontology=builtin_ontology())
    sizes: dict[tuple[str, str], int] = {}
    disputed: set[tuple[str, str]] = set()
    for group in group_accounts(found.accounts):
        keys = [(account.document.id, account.event.id) for account in group]
        documents = len({document for document, _ in keys})
        sizes.update(dict.fromkeys(keys, documents))
        if documents > 1 and _disagree(group, found.actors):
            disputed.update(keys)
    return sizes, disputed


def _disagree(group: Sequence[Account], actors: Mapping[str, Actor]) -> bool:
    """Whether two accounts of different documents differ (warlog.incidents.differences)."""
    places = {a.place.id: a.place for a in group if a.place is not None}
    return any(
        differences(a.event, b.event, places, actors=actors)
        for n, a in enumerate(group)
        for b in group[n + 1 :]
        if a.document.id != b.document.id
    )


def _candidates(con: duckdb.DuckDBPyConnection, facts: Sequence[str], document: str | None) -> list[_Candidate]:
    contradicted = _contradicted(con, document)
    sizes, disputed = _incidents(con) if facts else ({}, set())
    where = f"WHERE {_UNDECIDED} AND ($document IS NULL OR starts_with(x.document_id, $document))"
    found: list[_Candidate] = []
    if "event" in facts:
        sql = f"SELECT x.document_id, x.seq, x.id, x.confidence FROM events x {where}"
        rows = con.execute(sql, {"document": document})
        for doc, seq, id, confidence in rows.fetchall():
            key = (doc, id)
            found.append(_Candidate("event", doc, seq, id, confidence, sizes.get(key, 1),
                                    key in contradicted or key in disputed))  # fmt: skip
    if "claim" in facts:
        rows = con.execute(
            f"""SELECT x.document_id, x.seq, x.id, x.evidence_confidence, x.hedged, x.speaker, x.events
            FROM claims x {where}""",
            {"document": document},
        )
        for doc, seq, id, confidence, hedged, speaker, events in rows.fetchall():
            confidence *= (HEDGED if hedged else 1.0) * (UNRESOLVED_SPEAKER if speaker is None else 1.0)
            documents = max((sizes.get((doc, e), 1) for e in events), default=1)
            found.append(_Candidate("claim", doc, seq, id, confidence, documents, (doc, id) in contradicted))
    return found


def review_queue(
    con: duckdb.DuckDBPyConnection,
    *,
    facts: Sequence[str] = ACCEPTABLE,
    document: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> ReviewQueue:
    """The events and claims (of `facts`) no analyst has accepted, ranked (rules above); `document` keeps
    those of the documents whose id starts with it; one page of `limit` items from `offset`."""
    ranked = sorted(_candidates(con, facts, document), key=_Candidate.key)
    page = ranked[offset : None if limit is None else offset + limit]
    reports = load_reports(con, list(dict.fromkeys(c.document for c in page)))
    items = tuple(item for c in page if (item := _item(reports[c.document], c)) is not None)
    return ReviewQueue(items=items, total=len(ranked))


def _item(report: Report, candidate: _Candidate) -> ReviewItem | None:
    fact: Event | Claim | None
    if candidate.fact == "event":
        fact = next((e for e in report.events if e.id == candidate.id), None)
    else:
        fact = next((c for c in report.claims if c.id == candidate.id), None)
    if fact is None:
        return None
    start, end = _sentence(report.document.text, fact.evidence.start, fact.evidence.end)
    event = fact if isinstance(fact, Event) else None
    return ReviewItem(
        fact=candidate.fact, document=candidate.document, id=candidate.id,
        summary=describe_event(report, fact) if isinstance(fact, Event) else describe_claim(report, fact),
        evidence=fact.evidence, context=report.document.text[start:end], context_start=start,
        confidence=round(candidate.confidence, 4), documents=candidate.documents,
        contradicted=candidate.contradicted, worth=candidate.worth, reasons=_reasons(candidate, fact),
        title=report.document.title, type=event.type if event else None, mode=event.mode if event else None,
        status=event.status if event else None,
    )  # fmt: skip


def _reasons(candidate: _Candidate, fact: Event | Claim) -> tuple[str, ...]:
    reasons = ["contradicted"] if candidate.contradicted else []
    reasons.append(f"confidence {candidate.confidence:.2f}")
    if candidate.documents > 1:
        reasons.append(f"told by {candidate.documents} documents")
    if isinstance(fact, Claim):
        reasons += ["hedged"] if fact.hedged else []
        reasons += ["speaker not a known actor"] if fact.speaker is None else []
    return tuple(reasons)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence(s) holding text[start:end], at most CONTEXT_CHARS beyond it on each side."""
    low = max(0, start - CONTEXT_CHARS)
    before = max(text.rfind(mark, low, start) for mark in (". ", "? ", "! ", "\n"))
    first = before + 1 if before >= 0 else low
    high = min(len(text), end + CONTEXT_CHARS)
    after = [i for mark in (". ", "? ", "! ", "\n") if (i := text.find(mark, end, high)) >= 0]
    last = min(after) + 1 if after else high
    while first < start and text[first].isspace():
        first += 1
    return first, max(last, end)


def _names(report: Report, ids: Sequence[str]) -> str:
    return ", ".join((actor.name if (actor := report.actor(i)) else i) for i in ids)


def describe_event(report: Report, event: Event) -> str:
    """The event in words, with names rather than ids: who did what to whom, where, when, and its status."""
    kind = event.type + (f" ({event.mode})" if event.mode else "")
    words = [_names(report, event.actors) or "someone", kind]
    if event.recipients:
        words.append(f"→ {_names(report, event.recipients)}")
    place = next((p for p in report.places if p.id == event.place), None)
    if place is not None:
        words.append(f"in {place.name}")
    elif event.place:
        words.append(f"in {event.place}")
    if event.date is not None and event.date.value:
        words.append(f"on {event.date.value}")
    details = [event.status]
    if event.speaker:
        details.append(f"says {_names(report, (event.speaker,))}")
    if event.fatalities is not None and event.fatalities.max is not None:
        low, high = event.fatalities.min, event.fatalities.max
        details.append(f"{low}–{high} killed" if low is not None and low != high else f"{high} killed")
    return f"{' '.join(words)} ({', '.join(details)})"


def describe_claim(report: Report, claim: Claim) -> str:
    """The claim in words: who says what, and how the author stands to it."""
    speaker = _names(report, (claim.speaker,)) if claim.speaker else claim.speaker_text or "an unnamed source"
    notes = [f"author {claim.author_stance}"] + (["hedged"] if claim.hedged else [])
    return f"{speaker}: “{claim.text}” ({', '.join(notes)})"
