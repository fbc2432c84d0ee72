"""Parsing qualified place phrases and the geometry of directions (no gazetteer needed)."""

from __future__ import annotations

import pytest

from warlog.geo.qualify import (
    Phrase,
    Qualified,
    angle_between,
    compass_bearing,
    compass_noun,
    parse_phrase,
    part_point,
    qualified_id,
    qualified_name,
    read_qualified_id,
    shift_point,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("northern Syria", Phrase("part", "syria", "northern", "n")),
        ("North-Eastern Syria", Phrase("part", "syria", "north-eastern", "ne")),
        ("northeast Syria", Phrase("part", "syria", "north-eastern", "ne")),
        ("in the north of Syria", Phrase("part", "syria", "northern", "n")),
        ("central Syria", Phrase("part", "syria", "central", "c")),
        ("north of Aleppo", Phrase("of", "aleppo", "north of", "n")),
        ("north-east of Aleppo", Phrase("of", "aleppo", "north-east of", "ne")),
        ("20 km south-west of Homs", Phrase("of", "homs", "south-west of", "sw", 20.0)),
        ("10 miles east of Mosul", Phrase("of", "mosul", "east of", "e", 16.09344)),
        ("near Kuweires airbase", Phrase("near", "kuweires airbase", "near")),
        ("the outskirts of Homs", Phrase("near", "homs", "outskirts of")),
        ("on the outskirts of Homs", Phrase("near", "homs", "outskirts of")),
        ("Aleppo’s suburbs", Phrase("near", "aleppo", "suburbs of")),
        ("outside Raqqa", Phrase("near", "raqqa", "outside")),
        ("the Palmyra area", Phrase("near", "the palmyra", "near")),
        ("Aleppo countryside", Phrase("countryside", "aleppo", "countryside")),
        ("Rif Aleppo", Phrase("countryside", "aleppo", "countryside")),
        ("rural Damascus", Phrase("countryside", "damascus", "countryside")),
        ("Aleppo province", Phrase("province", "aleppo", "province")),
        ("the governorate of Idlib", Phrase("province", "idlib", "province")),
        ("Donetsk Oblast", Phrase("province", "donetsk", "province")),
        ("Aleppo City", Phrase("town", "aleppo", None)),
        ("the town of Marea", Phrase("town", "marea", None)),
        ("Tabqa air base", Phrase("site", "tabqa", "near")),
        ("Bab al-Hawa border crossing", Phrase("site", "bab al hawa", "near")),
    ],
)
def test_parse_phrase(text, expected):
    assert parse_phrase(text) == expected


@pytest.mark.parametrize("text", ["Aleppo", "Syria", "", "north", "near"])
def test_no_qualifier(text):
    assert parse_phrase(text) is None


def test_shift_point():
    lat, lon = shift_point(36.0, 37.0, "n", 111.32)
    assert (lat, lon) == pytest.approx((37.0, 37.0))
    lat, lon = shift_point(0.0, 10.0, "e", 111.32)
    assert (lat, lon) == pytest.approx((0.0, 11.0))
    lat, lon = shift_point(36.0, 37.0, "sw", 10)
    assert lat < 36.0 and lon < 37.0


GRID = [(lat, lon) for lat in range(10) for lon in range(10)]


@pytest.mark.parametrize(
    ("direction", "lat_range", "lon_range"),
    [
        ("n", (6.5, 9), (0, 9)),
        ("s", (0, 2.5), (0, 9)),
        ("e", (0, 9), (6.5, 9)),
        ("w", (0, 9), (0, 2.5)),
        ("ne", (6.5, 9), (6.5, 9)),
        ("c", (3, 6), (3, 6)),
    ],
)
def test_part_point_lies_in_that_part(direction, lat_range, lon_range):
    lat, lon = part_point(GRID, direction)
    assert lat_range[0] <= lat <= lat_range[1] and lon_range[0] <= lon <= lon_range[1]


def test_part_point_without_places():
    assert part_point([], "n") is None
    lat, lon = part_point([(0.0, 0.0), (9.0, 9.0)], "c")  # none in the middle third: the box's middle
    assert (lat, lon) == pytest.approx((4.5, 4.5), abs=0.5)


def test_usable_names_keep_what_english_text_uses():
    from warlog.geo.geonames import usable_names

    names = usable_names("Tadmur", ["Palmyra", "Palmüra", "tdmr", "تدمر", "PMS", "Tadmor 2", "North", "Tadmur"])
    assert names == ["Tadmur", "Palmyra", "Palmüra"]
    assert usable_names("Union", ["Union"]) == ["Union"]  # a common word stays a place's own name


@pytest.mark.parametrize(
    ("qualifier", "km", "place_id", "name", "direction"),
    [
        ("north of", None, "gn.1~north-of", "north of Mytown", "n"),
        ("south-west of", 12.0, "gn.1~south-west-of-12km", "12 km south-west of Mytown", "sw"),
        ("east of", 16.09344, "gn.1~east-of-16.1km", "16.1 km east of Mytown", "e"),
        ("near", None, "gn.1~near", "near Mytown", None),
        ("outskirts of", None, "gn.1~outskirts-of", "outskirts of Mytown", None),
        ("north-eastern", None, "gn.1~north-eastern", "north-eastern Mytown", None),
    ],
)
def test_a_qualified_place_id_says_its_base_qualifier_and_direction(qualifier, km, place_id, name, direction):
    assert qualified_id("gn.1", qualifier, km) == place_id
    assert qualified_name("Mytown", qualifier, km) == name
    assert read_qualified_id(place_id) == Qualified("gn.1", qualifier, direction, round(km, 1) if km else None)


@pytest.mark.parametrize("place_id", ["gn.170063", "syr.aleppo-city", "place.north-of-nowhere", "~north-of"])
def test_a_place_s_own_id_is_not_qualified(place_id):
    assert read_qualified_id(place_id) is None


@pytest.mark.parametrize(
    ("bearing", "noun"), [(0, "north"), (92, "east"), (40, "north-east"), (350, "north"), (200, "south"), (250, "west")]
)
def test_compass_noun(bearing, noun):
    assert compass_noun(bearing) == noun


def test_angle_between_bearings_takes_the_short_way_round():
    assert angle_between(350, 10) == 20
    assert angle_between(0, 180) == 180
    assert angle_between(90, 45) == 45
    assert compass_bearing("sw") == 225 and compass_bearing("c") is None
