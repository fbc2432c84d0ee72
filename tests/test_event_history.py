"""Events told as history (warlog.events.history, PLOVER's auxiliary mode `historical`): dated long before the
news, or only named as an incident the reader knows. They stay events, with all their codes, and the ACLED
export and the count of false alarms leave them out. Sentences of our own."""

from __future__ import annotations

import io
import json

import pytest

from warlog.events.history import historical
from warlog.export import export
from warlog.store import Store


def _violent(pipeline, text: str, published: str | None = "2019-10-08"):
    report = pipeline.extract(text, published=published)
    return [e for e in report.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        # dated more than a year before the news
        "The retired sergeant was shot dead at a ranch near Abilene in 2014.",
        "Her brother died in the 2011 bombing of a market in Kessa.",
        # named, with no date or toll of its own: an incident the reader is taken to know
        "The governor spoke about the Abilene massacre at a dinner in Austin.",
        "Since the bombing of the Kessa market, the mayor has refused to leave his office.",
        "The council debated the school budget after the Abilene shootings.",
        "The colonel's speech turned sour when he brought up the Kessa market bombing.",
    ],
)
def test_history_is_marked(pipeline, text):
    events = _violent(pipeline, text)
    assert events, text
    assert all(historical(e) for e in events), [(e.evidence.text, e.codes) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot a shopkeeper in Kessa on Friday.",  # told with a verb and a day
        "A shooting at a clinic in Abilene left three people dead.",  # a new incident, with a toll
        "Police shot a man in Abilene, and the shooting sparked protests.",  # a verb tells it, a noun names it again
        "The bombing of the Kessa market killed nine people.",  # named, but with a toll of its own
        "Soldiers attacked the village of Kessa in August.",  # dated, within the year
    ],
)
def test_news_is_not_history(pipeline, text):
    events = _violent(pipeline, text)
    assert events, text
    assert not any(historical(e) for e in events), [(e.evidence.text, e.codes) for e in events]


def test_no_publication_date_no_history(pipeline):
    """Without a publication date nothing can be told to lie long before it."""
    events = _violent(pipeline, "The retired sergeant was shot dead at a ranch near Abilene in 2014.", published=None)
    assert events and not any(historical(e) for e in events)


def test_the_date_decides_how_long_before(pipeline):
    text = "The retired sergeant was shot dead at a ranch near Abilene in 2014."
    assert all(historical(e) for e in _violent(pipeline, text, published="2016-02-01"))
    assert not any(historical(e) for e in _violent(pipeline, text, published="2014-11-20"))


def test_exports_leave_history_out_of_acled_and_mark_it_in_plover(pipeline, tmp_path):
    texts = (
        ("Gunmen shot a shopkeeper in Kessa on Friday.", "2019-10-08"),
        ("The retired sergeant was shot dead at a ranch near Abilene in 2014.", "2019-10-08"),
    )
    with Store.open(tmp_path / "store.duckdb") as store:
        for text, published in texts:
            store.save(pipeline.extract(text, published=published, source="Test Wire"))
        acled = io.BytesIO()
        export(store, "acled-csv", acled)
        plover = io.BytesIO()
        export(store, "plover-json", plover)
    rows = acled.getvalue().decode("utf-8").splitlines()[1:]
    assert len(rows) == 1 and "shopkeeper" in rows[0]
    records = [json.loads(line) for line in plover.getvalue().decode("utf-8").splitlines()]
    contexts = {r["event_text"][0]: r["context"] for r in records}
    assert sorted(contexts.values()) == [[], ["historical"]]
    assert next(c for t, c in contexts.items() if "2014" in t) == ["historical"]


def test_an_incident_named_weeks_before_is_history(pipeline):
    """Named only, an incident more than a week before the news is its background; told with a verb, or
    named within the week, it is news."""
    named = "After the bombing of the Kessa market on September 2, the mayor closed the square."
    assert all(historical(e) for e in _violent(pipeline, named, published="2019-10-08"))
    assert not any(historical(e) for e in _violent(pipeline, named, published="2019-09-04"))
    told = "Militants bombed the Kessa market on September 2."
    assert not any(historical(e) for e in _violent(pipeline, told, published="2019-10-08"))
