"""A small hand-built corpus for the review queue's tests (tests/test_review.py, tests/test_web_review.py).

Four invented documents, written for these tests (no outlet published them):
- "doc-a": two accounts of one shelling that disagree on the perpetrator (a contradiction) and the army's
  claim; both events are sure (confidence 1.0), so only the contradiction ranks them first;
- "doc-b" and "doc-c": one arson in Dorvale told by two documents, each account of confidence 0.6;
- "doc-d": a raid of confidence 0.5 told by one document, a hedged claim whose speaker is no known actor,
  and a sure protest (0.95).
Expected queue: doc-a's two events (contradicted), then by worth = (1 - confidence) × (1 + ½·log2 documents):
doc-b and doc-c (0.4 × 1.5 = 0.6), doc-d's raid (0.5), doc-d's claim (1 - 0.75 × 0.75 = 0.4375), doc-d's
protest (0.05), doc-a's claim (0).
"""

from __future__ import annotations

from pathlib import Path

from warlog.model import Actor, Claim, Contradiction, Document, Event, Evidence, Place, Report, When
from warlog.store import Store

TEXT_A = "Rebels of the Front shelled Kadugli on 3 May. The army said the Front's fighters killed four civilians."
TEXT_B = "Militia fighters burned the market in Dorvale on 2 May, residents said."
TEXT_C = "A militia set fire to the Dorvale market on 2 May, according to the mayor."
TEXT_D = (
    "Soldiers raided the village of Norrin on 9 May. Some witnesses said the raid may have killed two farmers. "
    "Hundreds of students marched in Lassa on 10 May."
)
EXPECTED_ORDER = [
    ("event", "doc-a", "ev1"),
    ("event", "doc-a", "ev2"),
    ("event", "doc-b", "e1"),
    ("event", "doc-c", "e1"),
    ("event", "doc-d", "raid"),
    ("claim", "doc-d", "farmers"),
    ("event", "doc-d", "march"),
    ("claim", "doc-a", "c1"),
]


ACLED_ATTACK = (("acled_event_type", "Violence against civilians"), ("acled_sub_event_type", "Attack"))


def evidence(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(start, start + len(needle), needle, "test:1")


def _document(doc_id: str, text: str, title: str) -> Document:
    return Document(id=doc_id, text=text, title=title, source=f"Invented Wire {doc_id}", published="2024-05-11")


def report_a() -> Report:
    army = Actor("army", "Sudanese Army", "military", "SDN", mentions=(evidence(TEXT_A, "The army"),))
    front = Actor("front", "The Front", "rebel_group", "SDN", mentions=(evidence(TEXT_A, "the Front"),))
    return Report(
        version="0.1.0",
        document=_document("doc-a", TEXT_A, "Shelling of Kadugli"),
        actors=(front, army),
        events=(
            Event("ev1", "ASSAULT", evidence(TEXT_A, "shelled Kadugli"), mode="heavy-weapons", actors=("front",)),
            Event(
                "ev2",
                "ASSAULT",
                evidence(TEXT_A, "killed four civilians"),
                actors=("front",),
                status="reported",
                speaker="army",
            ),
        ),  # fmt: skip
        claims=(
            Claim(
                "c1",
                "the Front's fighters killed four civilians",
                evidence(TEXT_A, "the Front's fighters killed four civilians"),
                speaker="army",
                events=("ev2",),
            ),
        ),  # fmt: skip
        contradictions=(Contradiction("x1", "perpetrator", ("ev1", "ev2"), "the Front or its fighters"),),
    )


def _arson(doc_id: str, text: str, needle: str, title: str) -> Report:
    town = Place("p.dorvale", "Dorvale", "XYZ", 10.0, 20.0, "city", 1)
    militia = Actor("militia", "Dorvale Militia", "militia", "XYZ")
    event = Event("e1", "ASSAULT", evidence(text, needle), actors=("militia",), place="p.dorvale",
                  date=When("2024-05-02", "day", "2 May"), confidence=0.6, codes=ACLED_ATTACK)  # fmt: skip
    return Report(version="0.1.0", document=_document(doc_id, text, title), actors=(militia,), places=(town,),
                  events=(event,))  # fmt: skip


def report_d() -> Report:
    soldiers = Actor("soldiers", "Norrin Garrison", "military", "XYZ", mentions=(evidence(TEXT_D, "Soldiers"),))
    students = Actor("students", "Lassa Students", "civilians", "XYZ")
    norrin = Place("p.norrin", "Norrin", "XYZ", 11.0, 21.0, "village", 1)
    return Report(
        version="0.1.0",
        document=_document("doc-d", TEXT_D, "Raid on Norrin"),
        actors=(soldiers, students),
        places=(norrin,),
        events=(
            Event(
                "raid",
                "ASSAULT",
                evidence(TEXT_D, "raided the village of Norrin"),
                actors=("soldiers",),
                place="p.norrin",
                date=When("2024-05-09", "day", "9 May"),
                confidence=0.5,
                codes=ACLED_ATTACK,
            ),
            Event(
                "march",
                "PROTEST",
                evidence(TEXT_D, "marched in Lassa"),
                mode="demo",
                actors=("students",),
                date=When("2024-05-10", "day", "10 May"),
                confidence=0.95,
            ),
        ),  # fmt: skip
        claims=(
            Claim(
                "farmers",
                "the raid may have killed two farmers",
                evidence(TEXT_D, "the raid may have killed two farmers"),
                speaker_text="Some witnesses",
                hedged=True,
                source_kind="unnamed",
                events=("raid",),
            ),
        ),  # fmt: skip
    )


def reports() -> list[Report]:
    return [
        report_a(),
        _arson("doc-b", TEXT_B, "burned the market", "Market burned in Dorvale"),
        _arson("doc-c", TEXT_C, "set fire to the Dorvale market", "Dorvale market set on fire"),
        report_d(),
    ]


def build(path: Path | str | None) -> Store:
    """A store (at `path`, or in memory for None) holding the four reports; the caller closes it."""
    store = Store.open(path)
    for report in reports():
        store.save(report)
    return store
