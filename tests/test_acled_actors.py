"""ACLED's actor columns of an event (warlog.events.acled_actors), on hand-built reports: victims of violence
against civilians are Civilians (X), a crowd of unarmed people is Protesters (X) or Rioters (X), the group
they belong to an associated actor; the event's own PLOVER roles stay as they are."""

from __future__ import annotations

import pytest

from warlog.events.acled_actors import AcledActors, CountryGroup, code_acled_actors, event_country
from warlog.export.acled import acled_row
from warlog.model import Actor, Document, Event, Evidence, Place, Report

TEXT = "Gunmen beat a reporter in Lagos on 4 May 2023."
ACTORS = (
    Actor("nga.uaf", "armed groups in Nigeria", "armed_group", "NGA"),
    Actor("nga.med", "Nigerian media", "media", "NGA"),
    Actor("nga.cop", "Nigerian police", "police", "NGA"),
    Actor("nga.opp", "Nigerian opposition", "political_party", "NGA"),
    Actor("new.union", "Printers' Union", "organization"),
    Actor("new.ada", "Ada Obi", "person"),
    Actor("new.front", "People's Front", "political_party"),
)
LAGOS = Place("lagos", "Lagos", "NGA", 6.45, 3.39, "city", 1)


def report(event: Event, places: tuple[Place, ...] = (LAGOS,)) -> Report:
    document = Document("d1", TEXT, source="Test Wire", published="2023-05-05")
    return Report("test", document, actors=ACTORS, places=places, events=(event,))


def event(actors: tuple[str, ...], recipients: tuple[str, ...], place: str | None = "lagos", **codes: str) -> Event:
    evidence = Evidence(0, len(TEXT), TEXT)
    roles = {"actors": actors, "recipients": recipients}
    return Event("e1", "ASSAULT", evidence, place=place, codes=tuple(codes.items()), **roles)


CIVILIANS = CountryGroup("nga.cvl", "Civilians", "NGA")


@pytest.mark.parametrize(
    ("actors", "recipients", "types", "expected"),
    [
        # a journalist beaten: Civilians (Nigeria), the press as the associated actor
        (("nga.uaf",), ("nga.med",), ("Violence against civilians", "Attack"),
         AcledActors("nga.uaf", (), "nga.cvl", ("nga.med",), (CIVILIANS,))),
        # a party member stabbed, the victim unnamed: Civilians all the same
        (("nga.uaf",), ("new.front",), ("Violence against civilians", "Attack"),
         AcledActors("nga.uaf", (), "nga.cvl", ("new.front",), (CIVILIANS,))),
        (("nga.uaf",), (), ("Violence against civilians", "Attack"),
         AcledActors("nga.uaf", (), "nga.cvl", (), (CIVILIANS,))),
        # a person arrested is a civilian; a party's activists arrested keep their name
        (("nga.cop",), ("new.ada",), ("Strategic developments", "Arrests"),
         AcledActors("nga.cop", (), "nga.cvl", ("new.ada",), (CIVILIANS,))),
        (("nga.cop",), ("nga.opp",), ("Strategic developments", "Arrests"),
         AcledActors("nga.cop", (), "nga.opp", ())),
        # armed parties of a battle are coded as they are
        (("nga.cop",), ("nga.uaf",), ("Battles", "Armed clash"), AcledActors("nga.cop", (), "nga.uaf", ())),
        # reporters and a union march: Protesters (Nigeria) with them as associated actors
        (("nga.med", "new.union"), (), ("Protests", "Peaceful protest"),
         AcledActors("nga.opp", ("nga.med", "new.union"), None, (), (CountryGroup("nga.opp", "Protesters", "NGA"),))),
        (("new.front",), ("nga.cop",), ("Riots", "Violent demonstration"),
         AcledActors("nga.opp", ("new.front",), "nga.cop", (), (CountryGroup("nga.opp", "Rioters", "NGA"),))),
        # the police who demonstrate are the police
        (("nga.cop",), (), ("Protests", "Peaceful protest"), AcledActors("nga.cop", (), None, ())),
    ],
)  # fmt: skip
def test_acled_codes_unarmed_people_by_category_and_country(actors, recipients, types, expected):
    happened = event(actors, recipients)
    assert code_acled_actors(report(happened), happened, *types) == expected


def test_the_event_keeps_its_plover_roles():
    happened = event(("nga.uaf",), ("nga.med",))
    told = report(happened)
    code_acled_actors(told, happened, "Violence against civilians", "Attack")
    assert told.events[0].recipients == ("nga.med",)


def test_without_a_country_the_roles_stay_as_they_are():
    happened = event(("new.front",), ("new.ada",), place=None)
    coded = code_acled_actors(report(happened, places=()), happened, "Violence against civilians", "Attack")
    assert coded == AcledActors("new.front", (), "new.ada", ())


def test_the_country_is_the_places_then_the_parties():
    abuja = Place("abuja", "Abuja", "NGA")
    accra = Place("accra", "Accra", "GHA")
    unplaced = event(("nga.uaf",), ("new.ada",), place=None)
    assert event_country(report(unplaced, places=(abuja, LAGOS)), unplaced) == "NGA"  # one country for all
    assert event_country(report(unplaced, places=(abuja, accra)), unplaced) == "NGA"  # the parties'
    placed = event(("nga.uaf",), (), place="accra")
    assert event_country(report(placed, places=(LAGOS, accra)), placed) == "GHA"  # where it happened


def test_the_acled_row_names_the_victims_as_acled_does():
    happened = event(("nga.uaf",), ("nga.med",), acled_event_type="Violence against civilians",
                     acled_sub_event_type="Attack")  # fmt: skip
    row = acled_row(report(happened), happened, timestamp=0)
    assert row is not None
    assert (row["actor1"], row["inter1"]) == ("armed groups in Nigeria", 3)
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"]) == ("Civilians (Nigeria)", "Nigerian media", 7)
    assert (row["interaction"], row["civilian_targeting"]) == (37, "Civilian targeting")


def test_the_acled_row_names_a_crowd_of_reporters_protesters():
    happened = event(("nga.med",), (), acled_event_type="Protests", acled_sub_event_type="Peaceful protest")
    row = acled_row(report(happened), happened, timestamp=0)
    assert row is not None
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == ("Protesters (Nigeria)", "Nigerian media", 6)


def test_the_forces_that_broke_up_a_protest_are_its_actor2():
    text = "Workers marched in Lagos on 4 May 2023. Police dispersed them with tear gas. Soldiers watched."
    marched = Evidence(8, 15, "marched")
    dispersed = Evidence(47, 61, "dispersed them")
    police = Actor("nga.cop", "Nigerian police", "police", "NGA", mentions=(Evidence(40, 46, "Police"),))
    soldiers = Actor("nga.mil", "Nigerian armed forces", "military", "NGA", mentions=(Evidence(77, 85, "Soldiers"),))
    workers = Actor("nga.opp", "Nigerian opposition", "political_party", "NGA", mentions=(Evidence(0, 7, "Workers"),))
    protest = Event("e1", "PROTEST", marched, actors=("nga.opp",), place="lagos", also=(dispersed,))
    document = Document("d1", text, published="2023-05-05")
    told = Report("test", document, actors=(workers, police, soldiers), places=(LAGOS,), events=(protest,))
    coded = code_acled_actors(told, protest, "Protests", "Protest with intervention")
    assert (coded.actor1, coded.actor2) == ("nga.opp", "nga.cop")  # not the soldiers of another sentence
    assert code_acled_actors(told, protest, "Protests", "Peaceful protest").actor2 is None


@pytest.mark.parametrize(
    ("cameo", "recipients", "expected"),
    [
        ("190", ("nga.cvl",), ("nga.opp", "nga.cvl")),  # "two groups clashed, killing a farmer": rioters both
        ("190", (), ("nga.opp",)),
        ("190", ("nga.cop",), ("nga.cop",)),  # "a mob clashed with the police": the police
        ("182", ("nga.cvl",), ("nga.cvl",)),  # "locals beat a suspected thief": the victim
    ],
)
def test_crowds_that_fight_each_other_are_rioters_on_both_sides(cameo, recipients, expected):
    happened = event(("new.front",), recipients, cameo=cameo)
    cvl = Actor("nga.cvl", "Nigerian civilians", "civilians", "NGA")
    told = Report("test", report(happened).document, actors=(*ACTORS, cvl), places=(LAGOS,), events=(happened,))
    assert code_acled_actors(told, happened, "Riots", "Mob violence").side2 == expected
