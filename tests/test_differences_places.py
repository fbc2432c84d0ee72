"""When two places contradict: points apart, countries, directions from a town, a town that names its province.

Hand-made places around an invented town (Mytown, at 35.0 N 38.0 E) and its invented province.
"""

from __future__ import annotations

import pytest

from warlog.geo.qualify import shift_point
from warlog.incidents.differences import DIRECTION_KM, PROVINCE_KM, bearing, haversine_km, place_difference
from warlog.model import Place

TOWN = (35.0, 38.0)


def point(place_id: str, direction: str = "n", km: float = 0.0, *, precision: int = 1, country: str = "SYR") -> Place:
    """A place `km` from Mytown toward `direction`."""
    lat, lon = shift_point(*TOWN, direction, km) if km else TOWN
    return Place(id=place_id, name=place_id, country=country, lat=lat, lon=lon, feature="town", precision=precision)


def toward(noun: str, base: str = "gn.1") -> Place:
    """ "<noun> of Mytown": a qualified place at the town's point."""
    return Place(id=f"{base}~{noun.replace(' ', '-')}-of", name=f"{noun} of Mytown", country="SYR",
                 lat=TOWN[0], lon=TOWN[1], feature="town", precision=2)  # fmt: skip


MYTOWN = point("gn.1")
NORTH = toward("north")
PROVINCE = Place(id="adm1.my", name="Myprovince", country="SYR", lat=35.2, lon=38.1, feature="province", precision=3)
PROVINCES = {"gn.1": PROVINCE}


def test_bearing_and_distance_of_a_shifted_point():
    east = shift_point(*TOWN, "e", 30)
    assert bearing(*TOWN, *east) == pytest.approx(90, abs=1)
    assert haversine_km(*TOWN, *east) == pytest.approx(30, abs=0.3)


@pytest.mark.parametrize(
    ("a", "b", "contradicts"),
    [
        (MYTOWN, point("p", "e", 5), False),  # within place_km
        (MYTOWN, point("p", "e", 38), True),  # two points apart
        (MYTOWN, Place(id="syr", name="Syria", country="SYR", feature="country", precision=3), False),  # an area
        (MYTOWN, Place(id="irq", name="Iraq", country="IRQ", feature="country", precision=3), True),  # countries
        (MYTOWN, Place(id="x", name="Nowhere"), False),  # unknown point
    ],
)
def test_points_areas_and_countries(a, b, contradicts):
    assert (place_difference(a, b) is not None) is contradicts
    assert (place_difference(b, a) is not None) is contradicts


@pytest.mark.parametrize(
    ("other", "contradicts"),
    [
        (point("in-town"), False),  # the town itself: its northern edge is "north of" it
        (point("n30", "n", 30), False),
        (point("ne40", "ne", 40), False),  # on the sector's edge (45°)
        (point("nw20", "nw", 20), False),
        (point("e38", "e", 38), True),  # the airbase east of the town
        (point("s25", "s", 25), True),
        (point("far-north", "n", DIRECTION_KM + 20), True),  # beyond "north of"
        (point("near-east", "e", 8), False),  # within place_km of the town: no bearing to speak of
    ],
)
def test_a_direction_from_a_town_and_a_point(other, contradicts):
    assert (place_difference(NORTH, other) is not None) is contradicts
    assert (place_difference(other, NORTH) is not None) is contradicts


def test_the_explanation_says_where_the_point_lies():
    found = place_difference(point("Mybase", "e", 38), NORTH)
    assert found == "Mybase vs north of Mytown (Mybase is 38 km east of Mytown)"


def test_two_directions_from_one_town():
    assert place_difference(NORTH, toward("south")) == "north of Mytown vs south of Mytown"
    assert place_difference(NORTH, toward("north-east")) is None
    assert place_difference(NORTH, toward("east")) is None  # 90° apart: the north-east lies in both
    far = Place(id="gn.2~south-of", name="south of Fartown", country="SYR", lat=37.0, lon=38.0, feature="town",
                precision=2)  # fmt: skip
    assert place_difference(NORTH, far) is not None  # towns 222 km apart


def test_a_stated_distance_is_a_point():
    lat, lon = shift_point(*TOWN, "n", 20)
    twenty = Place(id="gn.1~north-of-20km", name="20 km north of Mytown", country="SYR", lat=lat, lon=lon,
                   feature="town", precision=2)  # fmt: skip
    assert place_difference(twenty, MYTOWN) == "20 km north of Mytown vs gn.1 (20 km apart)"


@pytest.mark.parametrize(
    ("other", "contradicts"),
    [
        (point("e38", "e", 38), False),  # inside the province
        (NORTH, False),
        (point("far", "s", PROVINCE_KM + 60), True),  # beyond the province's radius
    ],
)
def test_a_town_that_names_its_province_is_read_as_the_province(other, contradicts):
    assert (place_difference(MYTOWN, other, provinces=PROVINCES) is not None) is contradicts
    assert (place_difference(other, MYTOWN, provinces=PROVINCES) is not None) is contradicts


def test_without_the_province_the_town_is_a_point():
    assert place_difference(MYTOWN, point("e38", "e", 38)) == "gn.1 vs e38 (38 km apart)"


def test_a_town_naming_another_province_is_not_inside_this_one():
    neighbour = point("gn.9", "w", 45)  # within PROVINCE_KM of the province's point
    assert place_difference(MYTOWN, neighbour, provinces=PROVINCES) is None
    other = Place(id="adm1.other", name="Otherprovince", country="SYR", lat=35.0, lon=37.4, feature="province",
                  precision=3)  # fmt: skip
    provinces = {**PROVINCES, "gn.9": other}
    assert place_difference(MYTOWN, neighbour, provinces=provinces) == "gn.1 vs gn.9 (45 km apart)"


def test_another_country_is_never_inside_the_province():
    abroad = point("abroad", "e", 20, country="TUR")
    assert place_difference(MYTOWN, abroad, provinces=PROVINCES) == "gn.1 vs abroad (20 km apart)"
