"""The events issue's acceptance on the reference document, published 2015-10-10."""

from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "reference.txt"


@pytest.fixture(scope="module")
def report(pipeline):
    from warlog.ingest import read_document

    return pipeline.extract(read_document(REFERENCE, published="2015-10-10", settings=pipeline.settings))


def events_where(report, *, words, type=None, status=None):
    """Events whose evidence (or one of its further evidence spans) holds all `words`."""
    return [
        e
        for e in report.events
        if any(all(w in span.text for w in words) for span in (e.evidence, *e.also))
        and (type is None or e.type == type)
        and (status is None or e.status == status)
    ]


def place_name(report, place_id):
    place = next((p for p in report.places if p.id == place_id), None)
    return place.name if place else None


def test_hamedani_killed_in_aleppo_on_thursday_perpetrator_unknown(report):
    (event,) = events_where(report, words=["Hamedani", "struck down"])
    assert event.type == "ASSAULT" and event.status == "asserted"
    assert event.actors == () and "new.hussein-hamedani" in event.recipients
    assert place_name(report, event.place) == "Aleppo"
    assert event.date is not None and event.date.value == "2015-10-08" and event.date.precision == "day"


def test_russias_announced_strikes_are_claimed_by_russia(report):
    (event,) = events_where(report, words=["killed two-hundred"], type="ASSAULT")
    assert event.status == "claimed" and event.speaker == "rus"
    assert event.actors == ("rus",) and "isil" in event.recipients
    assert event.fatalities is not None and event.fatalities.min == 200
    assert place_name(report, event.place) == "Syria"


def test_iran_claims_daesh_killed_hamedani(report):
    (event,) = events_where(report, words=["Hamedani was killed by"], type="ASSAULT")
    assert event.status == "claimed" and event.speaker == "irn"
    assert event.actors == ("isil",)


def test_islamic_state_sweeps_through_villages_and_takes_the_academy(report):
    (sweep,) = events_where(report, words=["sweeping through six villages"])
    assert sweep.actors == ("isil",) and sweep.type in ("COERCE", "ASSAULT")
    assert dict(sweep.codes).get("acled_sub_event_type") == "Non-state actor overtakes territory"
    (academy,) = events_where(report, words=["took over"])
    assert academy.actors == ("isil",)
    assert dict(academy.codes).get("acled_sub_event_type") == "Non-state actor overtakes territory"


def test_russia_killing_hundreds_in_aleppo(report):
    (event,) = events_where(report, words=["Russia killed"])
    assert event.actors == ("rus",) and event.fatalities.min == 100 and event.fatalities.max is None
    assert event.recipients == ("syr.reb",)  # "the hundreds of people Russia killed ... were the rebels"
    assert place_name(report, event.place) == "Aleppo"


def test_rebel_offensive_against_is_in_january_2014(report):
    events = events_where(report, words=["rebel offensive against I.S."])
    assert events and events[0].actors == ("syr.reb",) and events[0].recipients == ("isil",)
    assert events[0].date is not None and events[0].date.value == "2014-01"


def test_is_conquers_deir_ezzor_and_captures_ramadi_and_palmyra(report):
    (conquest,) = events_where(report, words=["conquered Deir Ezzor"])
    assert conquest.actors == ("isil",) and place_name(report, conquest.place) == "Deir ez-Zor"
    (capture,) = events_where(report, words=["capture of Ramadi"])
    assert capture.actors == ("isil",) and capture.date is not None and capture.date.value == "2015-05"


def test_no_asserted_attack_by_russian_jets(report):
    jets = [e for e in report.events if "rus.mil" in e.actors and e.status == "asserted" and e.type == "ASSAULT"]
    assert jets == []


def test_us_bolsters_the_kurds(report):
    events = events_where(report, words=["bolstering the Kurds"])
    assert events and events[0].actors == ("usa",) and "kurds" in events[0].recipients


def test_every_event_is_well_formed(report):
    text = report.document.text
    actor_ids = {a.id for a in report.actors}
    place_ids = {p.id for p in report.places}
    assert len(report.events) >= 10
    for event in report.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert set(event.actors) | set(event.recipients) <= actor_ids
        assert event.place is None or event.place in place_ids
        assert dict(event.codes).get("cameo")
