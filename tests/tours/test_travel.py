"""Travel times without a routing server: great-circle distance × road factor ÷ speed + a leg's fixed time."""

import pytest

from inducult.core.geo import distance_km
from inducult.tours.domain.travel import DEFAULT_PROFILES, ModeProfile, estimated_matrix, leg_minutes

KARLOVY_VARY = (50.2309, 12.8713)  # Tržní kolonáda
CHEB = (50.0796, 12.3739)  # náměstí Krále Jiřího z Poděbrad


def test_great_circle_distance_has_the_known_answers():
    # One degree along a meridian, or along the equator, is 2πR/360 = 111.195 km on the mean radius;
    # along the parallel at 60° it is half that.
    assert distance_km((50.0, 12.0), (51.0, 12.0)) == pytest.approx(111.195, abs=0.001)
    assert distance_km((0.0, 12.0), (0.0, 13.0)) == pytest.approx(111.195, abs=0.001)
    assert distance_km((60.0, 0.0), (60.0, 0.001)) == pytest.approx(0.111195 / 2, rel=1e-4)
    assert distance_km(CHEB, KARLOVY_VARY) == pytest.approx(distance_km(KARLOVY_VARY, CHEB))


def test_a_leg_adds_the_fixed_time_to_the_road_distance_at_the_mode_speed():
    car = ModeProfile(speed_kmh=50, road_factor=1.3, leg_minutes=5)
    km = distance_km(KARLOVY_VARY, CHEB)
    assert leg_minutes(KARLOVY_VARY, CHEB, car) == pytest.approx(5 + km * 1.3 / 50 * 60)
    assert leg_minutes(KARLOVY_VARY, KARLOVY_VARY, car) == 0.0  # a museum inside the castle it is in


def test_public_transport_is_slower_than_the_car_and_walking_slower_still():
    car, bus, walk = (leg_minutes(KARLOVY_VARY, CHEB, DEFAULT_PROFILES[m]) for m in ("car", "public_transport", "walk"))
    assert car < bus < walk


def test_matrix_is_square_with_a_zero_diagonal():
    matrix = estimated_matrix([KARLOVY_VARY, CHEB, (50.17, 12.64)], DEFAULT_PROFILES["car"])
    assert [len(row) for row in matrix] == [3, 3, 3]
    assert [matrix[i][i] for i in range(3)] == [0.0, 0.0, 0.0]
    assert matrix[0][1] == pytest.approx(matrix[1][0])


@pytest.mark.parametrize("bad", [{"speed_kmh": 0}, {"road_factor": 0.8}, {"leg_minutes": -1}])
def test_implausible_profiles_are_refused(bad):
    with pytest.raises(ValueError, match="travel mode needs"):
        ModeProfile(**{"speed_kmh": 50, "road_factor": 1.3, "leg_minutes": 5, **bad})


def test_profiles_from_the_setting_override_the_defaults_and_bad_pieces_are_named():
    from inducult.tours.domain.travel import parse_profiles

    profiles = parse_profiles("car:60:1.2:3, walk:5:1.2:0")
    assert (
        profiles["car"] == ModeProfile(60, 1.2, 3)
        and profiles["public_transport"] == DEFAULT_PROFILES["public_transport"]
    )
    assert parse_profiles("") == dict(DEFAULT_PROFILES)
    with pytest.raises(ValueError, match="“bike:20:1.2:0” is not mode:speed"):
        parse_profiles("bike:20:1.2:0")
    with pytest.raises(ValueError, match="“car:fast:1.2:0”"):
        parse_profiles("car:fast:1.2:0")
    with pytest.raises(ValueError, match="travel mode needs"):
        parse_profiles("car:500:1.2:0")


def test_a_bad_setting_stops_start_up_naming_the_variable_and_the_piece(settings):
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    settings.INDUCULT_TOUR_MODES = "car:fast:1.2:0"
    with pytest.raises(ImproperlyConfigured, match="^INDUCULT_TOUR_MODES: “car:fast:1.2:0”"):
        apps.get_app_config("tours").ready()
