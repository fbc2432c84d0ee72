"""Issue 4's acceptance on the reference document: each claim with its speaker, cue, content, directness,
hedging and the author's stance; the three contradictions; accusations as events."""

from __future__ import annotations

import pytest

from warlog.model import Claim, Report

pytestmark = pytest.mark.slow


def claim(report: Report, content: str) -> Claim:
    found = [c for c in report.claims if content in c.text]
    assert len(found) == 1, f"{len(found)} claims say {content!r}: {[c.text for c in report.claims]}"
    return found[0]


def name(report: Report, actor_id: str | None) -> str | None:
    actor = report.actor(actor_id) if actor_id else None
    return actor.name if actor else None


# content, speaker id, cue, direct, hedged, stance
CLAIMS = [
    ("killed by “Daesh terrorists", "irn", "claimed", True, False, "doubts"),
    ("hit sixty terrorist targets", "rus", "announced", True, False, "disputes"),
    ("unacknowledged air force of ISIS", "new.michael-weiss", "written", True, True, "endorses"),
    ("intervened objectively on the side of ISIS", "new.michael-weiss", "wrote", True, False, "endorses"),
    ("We are caught in a pincer.", "syr.reb", "put it", True, False, "endorses"),
    ("It was never this blatant.", "syr.reb", "said", True, False, "neutral"),
    ("aiding extremists against [the] Syrian population", "usa.embassy-syr", "declare", True, False, "endorses"),
    ("bolster their position", "usa.embassy-syr", "noted", True, False, "endorses"),
    ("it was a terrorist revolt", "person.bashar-al-assad", "said", False, False, "neutral"),
    ("Hamedani was killed near Kuweris airbase", None, "say", False, True, "neutral"),
    ("Hamedani was killed north of Aleppo", None, "say", False, True, "neutral"),
]


@pytest.mark.parametrize(("content", "speaker", "cue", "direct", "hedged", "stance"), CLAIMS)
def test_each_claim_of_the_reference(reference_report, content, speaker, cue, direct, hedged, stance):
    found = claim(reference_report, content)
    assert (found.speaker, found.cue, found.direct, found.hedged, found.author_stance) == (
        speaker,
        cue,
        direct,
        hedged,
        stance,
    )
    text = reference_report.document.text
    for evidence in (found.evidence, found.speaker_evidence, found.cue_evidence, found.stance_evidence, *found.hedges):
        if evidence is not None:
            assert text[evidence.start : evidence.end] == evidence.text


def test_speakers_outlets_and_works(reference_report):
    weiss = claim(reference_report, "unacknowledged air force")
    assert weiss.outlet == "daily-beast" and weiss.speaker_text == "Michael Weiss"
    assert [h.text for h in weiss.hedges] == ["seems"]
    book = claim(reference_report, "intervened objectively")
    assert book.co_speakers == ("new.hassan-hassan",) and book.work == "ISIS: Inside the Army of Terror"
    assert claim(reference_report, "never this blatant").outlet == "new-york-times"
    assert claim(reference_report, "never this blatant").source_kind == "unnamed"
    embassy = claim(reference_report, "aiding extremists")
    assert embassy.speaker_text == "the Twitter account of the U.S. Embassy in Syria"
    assert name(reference_report, embassy.speaker) is not None
    reports = claim(reference_report, "near Kuweris airbase")
    assert reports.source_kind == "unnamed" and reports.speaker_text == "Some reports"


def test_the_authors_stance_has_its_evidence(reference_report):
    assert claim(reference_report, "unacknowledged air force").stance_evidence.text == "presciently"
    assert claim(reference_report, "hit sixty").stance_evidence.text == "A surprise, then"
    assert claim(reference_report, "Daesh terrorists").stance_evidence.text == "It might even be true"


def test_scare_quotes_keep_a_term_at_a_distance(reference_report):
    scare = {c.text: c for c in reference_report.claims if c.source_kind == "scare_quote"}
    assert set(scare) == {"“deconfliction”", "“conspiracy theory”", "“Great Power”"}
    assert all(c.author_stance == "doubts" and c.speaker is None for c in scare.values())


def test_the_author_speaks_for_what_is_asserted_unattributed(reference_report):
    authors = [c for c in reference_report.claims if c.source_kind == "author"]
    told = {e for c in authors for e in c.events}
    events = {e.id: e for e in reference_report.events}
    assert authors and all(c.speaker is None and c.cue is None for c in authors)
    assert all(events[e].status == "asserted" for e in told)
    intervention = claim(reference_report, "Since Russia’s intervention began on September 30")
    assert intervention.source_kind == "author" and intervention.events


def test_claims_name_the_events_they_state(reference_report):
    events = {e.id: e for e in reference_report.events}
    russia = claim(reference_report, "hit sixty terrorist targets")
    told = {(events[e].type, events[e].status, events[e].speaker) for e in russia.events}
    assert told == {("ASSAULT", "claimed", "rus")}
    embassy = claim(reference_report, "aiding extremists")
    aid = [events[e] for e in embassy.events]
    assert [(e.type, e.actors, e.status, e.speaker) for e in aid] == [
        ("AID", ("syr.gov",), "claimed", "usa.embassy-syr")
    ]


def test_the_three_contradictions(reference_report):
    by_kind = {c.kind: c for c in reference_report.contradictions}
    assert set(by_kind) == {"recipient", "place", "perpetrator"}
    russia = claim(reference_report, "hit sixty terrorist targets")
    assert russia.id in by_kind["recipient"].items
    assert "Islamic State vs Syrian rebels" in by_kind["recipient"].explanation
    kuweris = claim(reference_report, "near Kuweris airbase")
    north = claim(reference_report, "north of Aleppo")
    author = claim(reference_report, "was struck down on Thursday night in Aleppo")
    assert {kuweris.id, north.id} <= set(by_kind["place"].items)
    assert author.id not in by_kind["place"].items  # "in Aleppo" is also the governorate, which holds both
    assert "Kuweires airbase vs north of Aleppo (Kuweires airbase is 38 km east of Aleppo)" in (
        by_kind["place"].explanation
    )
    iran = claim(reference_report, "Daesh terrorists")
    assert iran.id in by_kind["perpetrator"].items and "doubts" in by_kind["perpetrator"].explanation
    ids = {e.id for e in reference_report.events} | {c.id for c in reference_report.claims}
    assert all(set(c.items) <= ids for c in reference_report.contradictions)


def test_accusations_are_events(reference_report):
    accusations = {(e.actors, e.recipients) for e in reference_report.events if e.type == "ACCUSE"}
    assert (("usa.embassy-syr",), ("syr.gov",)) in accusations  # "aiding extremists"
    assert (("irn",), ("isil",)) in accusations  # Iran blames Daesh
    assert not any(e.actors == ("rus",) for e in reference_report.events if e.type == "ACCUSE")
    bolster = [e for e in reference_report.events if "bolster their position" in e.evidence.text]
    assert bolster and all(e.actors != ("usa.embassy-syr",) for e in bolster)


def test_relations_of_the_reference(reference_report):
    ties = {(r.source, r.target, r.polarity) for r in reference_report.relations}
    assert ("rus", "syr.gov", "cooperative") in ties
    assert ("rus", "syr.reb", "hostile") in ties
    assert ("isil", "syr.reb", "hostile") in ties
    assert ("usa", "kurds", "cooperative") in ties
    assert ("usa.embassy-syr", "syr.gov", "hostile") in ties
