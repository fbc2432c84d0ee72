"""Contradictions inside one document, on hand-built events and claims."""

from __future__ import annotations

from warlog.incidents.contradictions import find_contradictions
from warlog.model import Actor, Claim, Event, Evidence, Place, Toll, When

ACTORS = {
    "rus": Actor(id="rus", name="Russia", kind="state"),
    "isil": Actor(id="isil", name="Islamic State", kind="armed_group"),
    "reb": Actor(id="reb", name="Syrian rebels", kind="rebel_group"),
    "gen": Actor(id="gen", name="Gen. X", kind="person"),
}
PLACES = {
    "aleppo": Place(id="aleppo", name="Aleppo", country="SYR", lat=36.2, lon=37.16, feature="city", precision=1),
    "base": Place(id="base", name="Kuweires airbase", country="SYR", lat=36.19, lon=37.58, feature="airbase",
                  precision=1),
}  # fmt: skip


def ev(event_id: str, **fields) -> Event:
    return Event(id=event_id, type=fields.pop("type", "ASSAULT"), evidence=Evidence(0, 1, "x"), **fields)


def cl(claim_id: str, events: tuple[str, ...], kind: str = "named", **fields) -> Claim:
    return Claim(id=claim_id, text=fields.pop("text", "t"), evidence=Evidence(0, 1, "t"), events=events,
                 source_kind=kind, **fields)  # fmt: skip


def run(events, claims):
    return find_contradictions(events, claims, PLACES, ACTORS)


def test_a_source_and_the_author_name_other_victims_of_one_strike():
    killed = Toll(200, 200, "two hundred")
    claimed = ev("e1", actors=("rus",), recipients=("isil",), fatalities=killed, status="claimed", speaker="rus")
    told = ev("e2", actors=("rus",), recipients=("reb",), fatalities=Toll(100, None, "hundreds"))
    claims = (cl("c1", ("e1",), speaker="rus"), cl("c2", ("e2",), kind="author"))
    [found], updated = run([claimed, told], claims)
    assert found.kind == "recipient" and found.items == ("c1", "c2", "e1", "e2")
    assert found.explanation == "recipient: Islamic State vs Syrian rebels (Russia vs the author)"
    assert updated[0].author_stance == "disputes" and updated[0].stance_evidence == told.evidence


def test_reports_that_disagree_on_where_a_man_was_killed_are_one_contradiction():
    events = [
        ev("e1", recipients=("gen",), place="aleppo"),
        ev("e2", recipients=("gen",), place="base", status="reported"),
        ev("e3", recipients=("gen",), place="aleppo", status="reported"),
    ]
    claims = (cl("c1", ("e1",), kind="author"), cl("c2", ("e2",), kind="unnamed"), cl("c3", ("e3",), kind="unnamed"))
    [found], updated = run(events, claims)
    assert found.kind == "place" and set(found.items) == {"c1", "c2", "c3", "e1", "e2", "e3"}
    assert "Aleppo vs Kuweires airbase (38 km apart)" in found.explanation
    assert all(c.author_stance == "neutral" for c in updated)  # a place apart is not the author disputing


def test_a_town_read_as_its_province_contradicts_neither_report():
    north = Place(id="aleppo~north-of", name="north of Aleppo", country="SYR", lat=36.2, lon=37.16, feature="city",
                  precision=2)  # fmt: skip
    province = Place(id="adm1", name="Aleppo", country="SYR", lat=36.37, lon=37.37, feature="province", precision=3)
    events = [
        ev("e1", recipients=("gen",), place="aleppo"),
        ev("e2", recipients=("gen",), place="base", status="reported"),
        ev("e3", recipients=("gen",), place=north.id, status="reported"),
    ]
    claims = (cl("c1", ("e1",), kind="author"), cl("c2", ("e2",), kind="unnamed"), cl("c3", ("e3",), kind="unnamed"))
    places = {**PLACES, north.id: north}
    [found], _ = find_contradictions(events, claims, places, ACTORS, provinces={"aleppo": province})
    assert found.kind == "place" and found.items == ("c2", "c3", "e2", "e3")
    assert found.explanation.startswith("place: Kuweires airbase vs north of Aleppo (Kuweires airbase is 38 km east")


def test_no_contradiction_without_an_anchor_or_within_one_claim_or_between_author_sentences():
    habitual = ev("e1", actors=("rus",), recipients=("reb",))
    claimed = ev("e2", actors=("rus",), recipients=("isil",), status="claimed", speaker="rus")
    assert run([habitual, claimed], (cl("c1", ("e1",), kind="author"), cl("c2", ("e2",))))[0] == ()
    one = (cl("c1", ("e1", "e2")),)
    a = ev("e1", recipients=("gen",), place="aleppo")
    b = ev("e2", recipients=("gen",), place="base")
    assert run([a, b], one)[0] == ()
    assert run([a, b], (cl("c1", ("e1",), kind="author"), cl("c2", ("e2",), kind="author")))[0] == ()


def test_dates_to_the_day_anchor_and_a_denial_contradicts():
    day = When("2024-03-08", "day", "on Friday")
    attack = ev("e1", actors=("rus",), recipients=("reb",), date=day)
    denied = ev("e2", actors=("rus",), recipients=("reb",), date=day, status="denied", speaker="rus")
    [found], _ = run([attack, denied], (cl("c1", ("e1",), kind="author"), cl("c2", ("e2",), speaker="rus")))
    assert found.kind == "occurrence"


def test_a_doubted_claim_contradicts_the_author_on_the_role_its_quote_names():
    killed = ev("e1", actors=("isil",), recipients=("gen",), status="claimed", speaker="rus")
    doubted = cl("c1", ("e1",), speaker="rus", text="Gen. X was killed by “Islamic State terrorists”",
                 author_stance="doubts", stance_evidence=Evidence(5, 9, "It might be true"))  # fmt: skip
    [found], _ = run([killed], (doubted,))
    assert found.kind == "perpetrator" and found.items == ("c1", "e1")
    assert "the author doubts it: 'It might be true'" in found.explanation
    plain = cl("c1", ("e1",), speaker="rus", text="Gen. X was killed", author_stance="disputes")
    [other], _ = run([killed], (plain,))
    assert other.kind == "occurrence"
