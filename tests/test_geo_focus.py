"""The document's geography: focus countries, the choice among same-named places, generic words left
out of the name looked up, names the gazetteer lacks placed within the place the text puts them in,
and the most specific place of a clause on its event. Sentences are the authors' own."""

from __future__ import annotations

import pytest

from warlog.geo import Gazetteer, GeoName
from warlog.geo.focus import Focus, choose, find_focus, nearest

PUBLISHED = "2021-03-04"


def town(id_: str, name: str, country: str, lat: float, lon: float, population: int) -> GeoName:
    return GeoName(id_, name, country, lat, lon, feature="town", precision=1, population=population)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_a_named_country_outweighs_ambiguous_names():
    ambiguous = [town("a", "Hilltop", "AAA", 1, 1, 5000), town("b", "Hilltop", "BBB", 9, 9, 5000)]
    focus = find_focus([ambiguous], named=["BBB"])
    assert focus.primary == "BBB" and focus.countries == ("BBB",)


def test_an_unambiguous_name_sets_the_focus():
    only = [town("a", "Rivermouth", "AAA", 1, 1, 20_000)]
    diffuse = [town(str(i), "Saint Paul", code, i, i, 20000) for i, code in enumerate(("AAA", "BBB", "CCC"))]
    focus = find_focus([only, diffuse])
    assert focus.primary == "AAA" and focus.countries == ("AAA",)


def test_no_focus_when_every_name_is_ambiguous():
    diffuse = [town(str(i), "Saint Paul", code, i, i, 20000) for i, code in enumerate(("AAA", "BBB", "CCC"))]
    assert find_focus([diffuse]).countries == ()


def test_a_homonym_abroad_is_left_unresolved():
    abroad = [town("a", "Hilltop", "BBB", 1, 1, 30000)]
    assert choose(abroad, Focus((("AAA", 3.0),)), "Hilltop") is None
    assert choose(abroad, Focus(), "Hilltop") == abroad[0]  # no clue at all: the likeliest reading


def test_a_world_city_may_be_named_from_abroad_by_its_own_name_only():
    city = GeoName("c", "Metropolis", "BBB", 1, 1, feature="city", precision=1, population=3_000_000)
    focus = Focus((("AAA", 3.0),))
    assert choose([city], focus, "Metropolis") == city
    assert choose([city], focus, "Metropoli") is None  # an alternate name in another language


def test_the_candidate_nearest_the_other_places_wins():
    far, close = town("far", "Kamenka", "AAA", 50.0, 30.0, 900), town("close", "Kamenka", "AAA", 48.1, 37.8, 800)
    assert nearest(far, [far, close], [(48.0, 37.8)]) == close
    assert nearest(far, [far, close], [(10.0, 10.0)]) is None  # none near the other places: unresolved
    assert nearest(far, [far, close], []) == far  # nothing to go by: the ranked choice stays


@pytest.mark.parametrize(
    ("text", "base", "country"),
    [("Sukkur city", "Sukkur", "PAK"), ("Kandahar city", "Kandahar", "AFG"), ("the city of Mosul", "Mosul", "IRQ")],
)
def test_generic_words_are_left_out_of_the_name_looked_up(gazetteer, text, base, country):
    found, phrase = gazetteer.candidates(text)
    assert phrase is not None and phrase.base.casefold() == base.casefold()
    assert any(p.country == country for p in found)


def places_of(pipeline, text: str):
    report = pipeline.extract(text, published=PUBLISHED)
    return report, {p.id: p for p in report.places}


def test_the_focus_country_decides_a_shared_name(pipeline):
    report, places = places_of(
        pipeline, "Hundreds of people marched in Tripoli, Lebanon, against the rise in bread prices."
    )
    assert {p.country for p in places.values() if p.lat is not None} == {"LBN"}


def test_a_name_split_by_the_tagger_is_looked_up_whole(pipeline):
    report, places = places_of(pipeline, "On Monday, in Tijuana, Baja California, gunmen shot dead a taxi driver.")
    assert {p.country for p in places.values() if p.lat is not None} == {"MEX"}
    event = next(e for e in report.events if e.place)
    assert places[event.place].name == "Tijuana"  # the town, not the state around it


def test_a_place_with_a_generic_word_is_geocoded_and_keeps_its_words(pipeline):
    report, places = places_of(pipeline, "Police fired tear gas at traders who protested in Sukkur city on Friday.")
    sukkur = next(p for p in places.values() if p.country == "PAK")
    assert [m.text for m in sukkur.mentions] == ["Sukkur city"]


def test_an_unknown_village_lies_within_the_place_the_text_puts_it_in(pipeline):
    report, places = places_of(pipeline, "On Sunday, shells killed two farmers in Zorvaqli (Tripoli).")
    village = next(p for p in places.values() if p.name == "Zorvaqli")
    tripoli = next(p for p in places.values() if p.name == "Tripoli")
    assert village.id.startswith("place.") and (village.lat, village.lon) == (tripoli.lat, tripoli.lon)
    assert village.precision is not None and village.precision > 1
    event = next(e for e in report.events if e.place)
    assert event.place == village.id


def test_an_untagged_holder_after_a_village_places_it(pipeline):
    report, places = places_of(
        pipeline, "On Monday, separatist forces fired mortars at army positions near Vorobyivka, Donetsk."
    )
    village = places["place.vorobyivka"]
    assert village.country == "UKR" and village.lat is not None
    assert next(e for e in report.events if e.place).place == village.id


def test_a_name_tagged_as_a_person_before_its_holder_is_a_place(pipeline):
    report, places = places_of(pipeline, "On Friday, gunmen killed two traders in Kerbaya (Tillaberi).")
    assert places["place.kerbaya"].country == "NER"
    assert not any(a.name == "Kerbaya" for a in report.actors)


def test_a_country_after_a_day_is_not_a_holder(pipeline):
    report = pipeline.extract("On Friday, Russia said its jets had struck depots in Syria.", published=PUBLISHED)
    assert any(a.id == "rus" for a in report.actors)
    assert all(p.country != "RUS" for p in report.places)


def test_without_a_focus_only_a_reading_that_stands_out_is_taken():
    port = [town("a", "Portville", "AAA", 1, 1, 90_000), town("b", "Portville", "BBB", 9, 9, 80_000)]
    assert choose(port, Focus(), "Portville") is None  # two towns of a size in two countries: a guess
    big = [town("a", "Bigtown", "AAA", 1, 1, 900_000), town("b", "Bigtown", "BBB", 9, 9, 8_000)]
    assert choose(big, Focus(), "Bigtown") == big[0]


def test_a_clear_leader_is_the_texts_country():
    from warlog.geo.focus import Focus

    assert Focus((("USA", 6.0), ("MEX", 2.0)), frozenset({"USA"})).leading == "USA"
    # two countries sharing the text: a generic noun could be either's
    assert Focus((("USA", 6.35), ("YEM", 6.25)), frozenset({"USA", "YEM"})).leading is None
    # a country named as a place leads one that only may hold a place of the text
    assert Focus((("SRB", 3.0), ("MLI", 2.5)), frozenset({"SRB"})).leading == "SRB"


def test_a_name_with_a_particle_is_looked_up_whole(pipeline):
    report, places = places_of(
        pipeline, "Taxi drivers drove a slow convoy through Cali, Valle del Cauca, on Monday over fuel prices."
    )
    assert {p.country for p in places.values() if p.lat is not None} == {"COL"}
    assert any(p.name == "Valle del Cauca" for p in places.values())


def test_a_reading_outside_the_holders_country_is_dropped(pipeline):
    # GeoNames gives Kenya's Mombasa the spelling "Mambasa", the name of a Congolese town it lacks (the
    # province is made up for the test: the real Mambasa is in Ituri, a province the gazetteer lacks)
    report, places = places_of(pipeline, "A health worker was abducted near Mambasa (Nord-Kivu) on Tuesday.")
    assert all(p.country != "KEN" for p in places.values())
    town = next(p for p in places.values() if p.name == "Mambasa")
    kivu = next(p for p in places.values() if p.country == "COD")
    assert (town.lat, town.lon) == (kivu.lat, kivu.lon)  # within the province, not at Mombasa


def test_an_incident_takes_the_scene_set_before_it(pipeline):
    text = (
        "On Saturday, in Maiduguri, soldiers met traders at a market. A gunfight followed and two gunmen were killed."
    )
    report, places = places_of(pipeline, text)
    fight = next(e for e in report.events if "gunfight" in e.evidence.text)
    assert fight.place is not None and places[fight.place].name == "Maiduguri"


def test_a_new_paragraph_is_another_scene(pipeline):
    text = "On Saturday, in Maiduguri, soldiers met traders.\n\nA gunfight followed and two gunmen were killed."
    report, places = places_of(pipeline, text)
    fight = next(e for e in report.events if "gunfight" in e.evidence.text)
    assert fight.place is None


def test_coordinated_incidents_share_the_place_of_their_sentence(pipeline):
    text = "On Sunday, three traders were whipped and then jailed by soldiers in Mbuji-Mayi."
    report, places = places_of(pipeline, text)
    placed = [e for e in report.events if "acled_event_type" in dict(e.codes)]
    assert placed and all(e.place is not None and places[e.place].name == "Mbuji-Mayi" for e in placed)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("A bakery in Martinez de la Torre, Veracruz, was set on fire on Monday.", "Martínez de la Torre", "MEX"),
        ("Robbers emptied a bank in Catole do Rocha, Paraiba, on Monday.", "Catolé do Rocha", "BRA"),
    ],
)
def test_a_name_with_particles_before_or_after_the_tagged_word_is_looked_up_whole(pipeline, text, name, country):
    report, places = places_of(pipeline, text)
    assert any(p.name == name and p.country == country for p in places.values()), places


def test_an_entity_run_across_a_bracket_is_a_place_and_its_holder(pipeline):
    report, places = places_of(pipeline, "Nurses in Rawson (Chubut) held a vigil on Friday for a colleague.")
    assert {p.name for p in places.values()} >= {"Chubut"} and all(p.country == "ARG" for p in places.values())
    assert not any("(" in a.name for a in report.actors)


def test_a_town_the_tagger_left_out_is_a_place_where_the_focus_is(pipeline):
    text = "On Monday, in Mutare, nurses went on strike. In Chipinge, traders burned tyres on the main road."
    report, places = places_of(pipeline, text)
    assert {p.name for p in places.values() if p.country == "ZWE"} >= {"Chipinge"}


def test_without_a_focus_only_an_untagged_city_is_taken(pipeline):
    report, places = places_of(pipeline, "Hundreds of dockers marched through the port in Oran on Sunday.")
    assert [p.country for p in places.values()] == ["DZA"]
    report, places = places_of(pipeline, "The bill died in Congress and the judge appeared in Court.")
    assert not places
