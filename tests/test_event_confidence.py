"""An event's confidence (warlog.events.confidence): anchors and, for political violence, the document's setting."""

from __future__ import annotations

import pytest

FRONT = (
    "Government troops shelled Kharkiv on Monday, killing four civilians. "
    "Rebels fired rockets at an army base near the town."
)
# campaign news with one violent sentence in passing, no place, no date
CAMPAIGN = (
    "The senator spoke to supporters on Tuesday. He promised lower taxes and better schools. Polls show him ahead "
    "in Iowa. His rival has spent millions on advertising. The campaign will visit Ohio next week. Voters there "
    "are worried about jobs. Critics say the plan is too expensive. Two soldiers were killed in an ambush, he "
    "noted. The debate is scheduled for Thursday. Both candidates are preparing."
)
AMBUSH = "Two soldiers were killed in an ambush"


VIOLENT = ("Battles", "Explosions/Remote violence")


def violent(report):
    return [e for e in report.events if dict(e.codes).get("acled_event_type") in VIOLENT]


def test_violence_pinned_down_in_a_report_on_violence_is_confident(pipeline):
    events = violent(pipeline.extract(FRONT, published="2024-03-05"))
    assert len(events) == 2
    assert all(e.confidence >= 0.8 for e in events)


def test_violence_in_passing_in_campaign_news_is_not(pipeline):
    (ambush,) = [e for e in violent(pipeline.extract(CAMPAIGN, published="2024-03-05")) if AMBUSH in e.evidence.text]
    assert ambush.confidence < 0.6
    alone = violent(pipeline.extract(AMBUSH + ".", published="2024-03-05"))
    assert alone and alone[0].confidence > ambush.confidence  # the same words where they are the story


@pytest.mark.parametrize(
    "text", ["Russia and Turkey signed a trade agreement in Ankara.", "Police arrested 20 protesters in Harare."]
)
def test_other_events_count_only_their_roles(pipeline, text):
    (event,) = pipeline.extract(text, published="2024-03-05").events
    assert event.confidence >= 0.6
