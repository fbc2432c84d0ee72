"""The one rule for "two tellings are one incident" (warlog.incidents.policy): each preset on hand-built
tellings, and the defaults of the store, the API and the clustering taken from the across-documents preset."""

import inspect
from dataclasses import replace

import pytest

from warlog.api.routes_read import list_incidents
from warlog.incidents.cluster import cluster_incidents, same_incident
from warlog.incidents.differences import date_interval
from warlog.incidents.policy import ACROSS_DOCUMENTS, BETWEEN_CLAIMS, IN_DOCUMENT, Telling
from warlog.model import Actor, Event, Evidence, Place, Toll, When
from warlog.store import Store
from warlog.store.incidents import find_incidents

ALEPPO = Place("aleppo", "Aleppo", "SYR", 36.20124, 37.16117, "city", 1)
KUWEIRES = Place("kuweires", "Kuweires airbase", "SYR", 36.1871, 37.5832, "airbase", 2)
HOMS = Place("homs", "Homs", "SYR", 34.73, 36.71, "city", 1)


def telling(**fields):
    """An ASSAULT by Russia on the rebels in Aleppo on 2015-10-08, told at offsets 0-40."""
    base = Telling(
        type="ASSAULT",
        status="asserted",
        actors=("rus",),
        recipients=("syr.reb",),
        place="aleppo",
        located=ALEPPO,
        date=When("2015-10-08", "day", "Thursday"),
        span=(0, 40),
    )
    told = replace(base, **fields)
    if "date" in fields and "interval" not in fields:
        told = replace(told, interval=date_interval(told.date and told.date.value))
    elif "interval" not in fields:
        told = replace(told, interval=date_interval("2015-10-08"))
    return told


LATER = (100, 140)  # a second telling further in the text


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ({"span": LATER}, True),  # the same place and date
        ({"span": LATER, "status": "denied"}, False),  # a telling and its denial are two events
        ({"span": LATER, "actors": ("isil",)}, False),  # another perpetrator
        ({"span": LATER, "actors": ()}, False),
        ({"span": LATER, "recipients": ("kurds",)}, False),
        ({"span": LATER, "recipients": ()}, True),  # one side names no victims: compatible
        ({"span": LATER, "place": "kuweires"}, False),  # another place is another event
        ({"span": LATER, "date": When("2015-10-09", "day", None)}, False),
        ({"span": LATER, "place": None, "date": None}, False),  # nothing beyond who struck whom
        ({"span": (20, 60), "place": "kuweires", "date": None}, True),  # the same clause read twice
        ({"span": LATER, "mode": "aerial"}, True),
    ],
)
def test_in_document_one_event_told_twice(second, expected):
    assert IN_DOCUMENT.same_incident(telling(), telling(**second)) is expected


def test_in_document_the_same_toll_anchors_a_repeat():
    a = telling(place=None, date=None, killed=(12, 12))
    assert IN_DOCUMENT.same_incident(a, replace(a, span=LATER))
    assert not IN_DOCUMENT.same_incident(a, replace(a, span=LATER, killed=(30, 30)))
    assert not IN_DOCUMENT.same_incident(a, replace(a, span=LATER, killed=None))  # a count on one side only


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ({}, True),  # the same day
        ({"actors": ("isil",)}, True),  # a perpetrator contradiction, the victims shared
        ({"actors": ("syr.reb",), "recipients": ("rus",)}, True),  # roles swapped: still a participant in common
        ({"actors": ("isil",), "recipients": ("kurds",)}, False),  # nobody in common
        ({"status": "denied", "place": "homs", "located": HOMS}, True),  # occurrence and place contradictions
        ({"date": When("2015-10-20", "day", None)}, False),  # nothing else ties them
        ({"date": When("2015-10", "month", None)}, False),  # a month is not a day
        ({"date": None}, False),
        ({"type": "PROTEST"}, False),
    ],
)
def test_between_claims_two_sources_of_one_document(second, expected):
    assert BETWEEN_CLAIMS.same_incident(telling(), telling(**second)) is expected


def test_between_claims_a_person_or_counts_tie_tellings_whatever_their_dates():
    a = telling(date=None, recipients=("hamedani",), people=frozenset({"hamedani"}))
    b = telling(date=When("2015-10-20", "day", None), recipients=("hamedani",), people=frozenset({"hamedani"}))
    assert BETWEEN_CLAIMS.same_incident(a, b)  # a man is killed once; the date is a contradiction
    counted = telling(date=None, killed=(12, 12))
    assert BETWEEN_CLAIMS.same_incident(counted, replace(counted, killed=(30, 30)))
    assert BETWEEN_CLAIMS.same_incident(counted, replace(counted, killed=None, wounded=(3, None)))
    assert not BETWEEN_CLAIMS.same_incident(counted, replace(counted, killed=None))


def test_telling_of_event_knows_people_counts_and_the_date_interval():
    event = Event(
        id="e1",
        type="ASSAULT",
        evidence=Evidence(5, 9, "text"),
        recipients=("hamedani", "syr.reb"),
        date=When("2015-10", "month", None),
        fatalities=Toll(1, 1, None),
    )
    actors = {
        "hamedani": Actor("hamedani", "Hossein Hamedani", "person"),
        "syr.reb": Actor("syr.reb", "rebels", "group"),
    }
    told = Telling.of_event(event, actors=actors)
    assert told.people == {"hamedani"} and told.killed == (1, 1) and told.span == (5, 9)
    assert told.interval == date_interval("2015-10")
    week = date_interval("2015-W41")
    assert Telling.of_event(replace(event, date=None), interval=week).interval == week


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ({}, True),
        ({"actors": ("isil",)}, True),  # victims, town and day: a perpetrator contradiction
        ({"actors": ("isil",), "recipients": ("kurds",)}, False),  # disjoint in every role
        ({"place": "kuweires", "located": KUWEIRES}, True),  # 37 km apart
        ({"place": "homs", "located": HOMS}, False),
        ({"date": When("2015-10-12", "day", None)}, False),  # four days apart
        ({"place": None, "located": None, "date": When("2015-10", "month", None)}, False),  # one anchor
    ],
)
def test_across_documents_reports_of_one_incident(second, expected):
    assert ACROSS_DOCUMENTS.same_incident(telling(), telling(**second)) is expected


def test_the_limits_of_the_store_the_api_and_the_clustering_are_the_across_documents_preset():
    for function in (Store.incidents, find_incidents, cluster_incidents, same_incident, list_incidents):
        parameters = inspect.signature(function).parameters
        assert parameters["max_km"].default == ACROSS_DOCUMENTS.max_km, function
        assert parameters["max_days"].default == ACROSS_DOCUMENTS.max_days, function
    parameters = inspect.signature(cluster_incidents).parameters
    assert parameters["min_anchors"].default == ACROSS_DOCUMENTS.min_anchors
    assert parameters["lag_days"].default == ACROSS_DOCUMENTS.lag_days
