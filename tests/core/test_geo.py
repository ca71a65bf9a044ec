import pytest

from inducult.core.geo import distance_km, far_from_the_rest, middle

KARLOVY_VARY = (50.2306, 12.8725)
SOKOLOV = (50.1813, 12.6401)
CHEB = (50.0796, 12.3739)
ZATEC = (50.3272, 13.5458)


def test_distance_between_towns():
    assert distance_km(KARLOVY_VARY, SOKOLOV) == pytest.approx(17.5, abs=0.5)
    assert distance_km(KARLOVY_VARY, KARLOVY_VARY) == 0


def test_middle_is_not_pulled_by_one_wrong_point():
    assert middle([KARLOVY_VARY, SOKOLOV, CHEB, (12.87, 50.23)]) == pytest.approx((50.13, 12.76), abs=0.2)
    assert middle([]) is None


def test_swapped_coordinates_are_far_a_neighbouring_town_is_not():
    region = [KARLOVY_VARY, SOKOLOV, CHEB]
    assert far_from_the_rest((12.8725, 50.2306), region) > 4000  # latitude and longitude swapped
    assert far_from_the_rest(ZATEC, region) is None
    assert far_from_the_rest((12.87, 50.23), region[:2]) is None  # too few to judge
