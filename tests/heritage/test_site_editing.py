"""A museum's editor keeps its site's opening hours and visit facts; the coordinator keeps all sites
and sees those whose stated hours still need checking."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.heritage.domain import opening_hours as oh
from tests.factories import OrganisationFactory, SiteFactory
from tests.submitted import submitted

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def site(region, museum):
    return SiteFactory(
        region=region,
        name="Hornické muzeum Krásno",
        organisation=museum,
        opening_hours=None,
        opening_hours_text="see the website",
        opening_hours_review="it says nothing about hours",
    )


def form_data(site, seasons=(), exceptions=(), **overrides):
    data = {
        "version": str(site.version),
        "latitude": str(site.latitude) if site.latitude is not None else "",
        "longitude": str(site.longitude) if site.longitude is not None else "",
        "coordinate_precision": site.coordinate_precision,
        "hours_kind": "regular",
        "hours_note": "",
        "opening_hours_text": site.opening_hours_text,
        "visit_minutes": "90",
        "tour_languages": ["cs", "de"],
        "price_level": "low",
        "price_note": "120 Kč",
        "wheelchair": "partly",
        "accessibility_note": "",
        "description": "",
        "website": "",
        "seasons-TOTAL_FORMS": str(len(seasons)),
        "seasons-INITIAL_FORMS": "0",
        "seasons-MIN_NUM_FORMS": "0",
        "seasons-MAX_NUM_FORMS": "1000",
        "exceptions-TOTAL_FORMS": str(len(exceptions)),
        "exceptions-INITIAL_FORMS": "0",
        "exceptions-MIN_NUM_FORMS": "0",
        "exceptions-MAX_NUM_FORMS": "1000",
    }
    for n, season in enumerate(seasons):
        data.update({f"seasons-{n}-{key}": value for key, value in season.items()})
    for n, exception in enumerate(exceptions):
        data.update({f"exceptions-{n}-{key}": value for key, value in exception.items()})
    data.update(overrides)
    return data


SUMMER = {
    "from_day": "1",
    "from_month": "3",
    "to_day": "30",
    "to_month": "11",
    "weekdays": ["2", "3", "4", "5", "6"],
    "hours": "9:00–12:00, 13:00-17:00",
}


def edit_url(region, site):
    return reverse("heritage_sites:edit", args=[region.slug, site.pk])


def test_editor_sets_the_museums_hours_and_the_site_is_open_on_a_saturday_in_july(region, editor, site):
    christmas = {"start": "2026-12-24", "end": "2026-12-26", "closed": "on"}
    response = signed_in(editor).post(edit_url(region, site), form_data(site, [SUMMER], [christmas]))

    assert response.status_code == 302
    site.refresh_from_db()
    hours = site.hours()
    saturday = site.hours_on(datetime.date(2026, 7, 11))
    assert (saturday.state, [str(i) for i in saturday.intervals]) == ("open", ["09:00–12:00", "13:00–17:00"])
    assert site.hours_on(datetime.date(2026, 1, 10)).state == "closed"
    assert hours.exceptions[0].closed and site.opening_hours_review == ""
    assert (site.visit_minutes, site.tour_languages, site.wheelchair) == (90, ["cs", "de"], "partly")
    entry = AuditEntry.objects.get(object_type="heritage.site", actor=editor)
    assert entry.changes["opening_hours_review"] == ["it says nothing about hours", ""]
    page = Client(headers={"accept-language": "en"}).get(reverse("heritage_public:site", args=[region.slug, site.pk]))
    assert "90 minutes" in page.content.decode()


def test_the_page_saved_as_rendered_keeps_the_hours_and_ignores_its_blank_rows(region, editor, site):
    client = signed_in(editor)
    client.post(edit_url(region, site), form_data(site, [SUMMER], [{"start": "2026-12-24", "closed": "on"}]))
    site.refresh_from_db()
    hours = site.hours()

    page = client.get(edit_url(region, site)).content.decode()
    response = client.post(edit_url(region, site), submitted(page, "site-form"))

    assert response.status_code == 302
    site.refresh_from_db()
    assert site.hours() == hours
    assert (len(hours.seasons), len(hours.exceptions)) == (1, 1)


def test_a_partly_filled_blank_row_is_still_refused(region, editor, site):
    client = signed_in(editor)
    data = submitted(client.get(edit_url(region, site)).content.decode(), "site-form")
    data["seasons-0-hours"] = ["9:00–17:00"]

    response = client.post(edit_url(region, site), data)

    assert response.status_code == 200
    season = response.context["seasons"].forms[0]
    assert sorted(season.errors) == ["from_day", "from_month", "to_day", "to_month", "weekdays"]
    site.refresh_from_db()
    assert site.opening_hours is None


def test_overlapping_hours_are_refused_with_the_season_and_times_named(region, editor, site):
    overlapping = {**SUMMER, "hours": "9:00–13:00, 12:00–17:00"}

    response = signed_in(editor).post(edit_url(region, site), form_data(site, [overlapping]))

    assert response.status_code == 200
    errors = " ".join(response.context["hours_errors"])
    assert "09:00–13:00" in errors and "12:00–17:00" in errors
    site.refresh_from_db()
    assert site.opening_hours is None and site.visit_minutes is None  # nothing written


def test_a_time_range_that_is_not_one_is_named(region, editor, site):
    response = signed_in(editor).post(edit_url(region, site), form_data(site, [{**SUMMER, "hours": "9–12"}]))

    assert "“9–12” is not a time range; write e.g. 9:00–12:00, 13:00–17:00." in response.content.decode()


def test_an_impossible_day_is_named(region, editor, site):
    response = signed_in(editor).post(edit_url(region, site), form_data(site, [{**SUMMER, "to_day": "31"}]))

    assert response.status_code == 200
    assert "31 Nov is not a calendar day" in response.content.decode()


def test_by_appointment_keeps_no_seasons(region, coordinator, site):
    signed_in(coordinator).post(edit_url(region, site), form_data(site, [SUMMER], hours_kind="by_appointment"))

    site.refresh_from_db()
    assert site.hours() == oh.OpeningHours.by_appointment()


def test_a_stale_edit_is_refused(region, coordinator, site):
    stale = form_data(site, [SUMMER])
    signed_in(coordinator).post(edit_url(region, site), form_data(site, [SUMMER], price_note="100 Kč"))

    response = signed_in(coordinator).post(edit_url(region, site), {**stale, "price_note": "80 Kč"})

    assert "changed by someone else" in response.content.decode()
    site.refresh_from_db()
    assert site.price_note == "100 Kč"


def test_editors_keep_only_their_organisations_sites(region, editor, viewer, site):
    other = SiteFactory(region=region, organisation=OrganisationFactory(region=region))

    assert signed_in(editor).get(edit_url(region, other)).status_code == 404
    assert signed_in(viewer).get(reverse("heritage_sites:list", args=[region.slug])).status_code == 403
    listed = signed_in(editor).get(reverse("heritage_sites:list", args=[region.slug])).content.decode()
    assert f'data-pk="{site.pk}"' in listed and f'data-pk="{other.pk}"' not in listed


def test_coordinator_lists_the_sites_whose_hours_need_checking(region, coordinator, site):
    SiteFactory(region=region, opening_hours_review="")

    page = signed_in(coordinator).get(reverse("heritage_sites:list", args=[region.slug]) + "?check=1")

    assert [row["site"] for row in page.context["rows"]] == [site]
    assert "it says nothing about hours" in page.content.decode()


def test_coordinates_far_from_the_regions_other_sites_are_saved_with_a_warning(region, coordinator, site):
    for lat, lon in ((50.23, 12.87), (50.18, 12.64), (50.08, 12.37)):
        SiteFactory(region=region, latitude=lat, longitude=lon)
    swapped = form_data(site, [SUMMER], latitude="12.870000", longitude="50.230000")

    response = signed_in(coordinator).post(edit_url(region, site), swapped, follow=True)

    site.refresh_from_db()
    assert (float(site.latitude), float(site.longitude)) == (12.87, 50.23)  # warned, not refused
    assert "km from the region" in response.content.decode()
    nearby = signed_in(coordinator).post(
        edit_url(region, site), form_data(site, [SUMMER], latitude="50.2", longitude="12.8"), follow=True
    )
    assert "km from the region" not in nearby.content.decode()


def test_half_a_coordinate_is_refused(region, coordinator, site):
    response = signed_in(coordinator).post(edit_url(region, site), form_data(site, [SUMMER], longitude=""))

    assert "Give both latitude and longitude, or neither." in response.content.decode()


def test_only_the_coordinator_rates_a_site_for_the_tour_planner(region, editor, coordinator, site):
    from inducult.tours.services.sites import site_options

    page = signed_in(editor).get(edit_url(region, site)).content.decode()
    assert 'name="attractiveness"' not in page
    signed_in(editor).post(edit_url(region, site), form_data(site, attractiveness="5"))
    site.refresh_from_db()
    assert site.attractiveness is None  # the editor's value is not taken

    assert 'name="attractiveness"' in signed_in(coordinator).get(edit_url(region, site)).content.decode()
    response = signed_in(coordinator).post(edit_url(region, site), form_data(site, attractiveness="5"))
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.attractiveness == 5
    assert next(o for o in site_options(region, datetime.date(2026, 7, 11)) if o.id == site.pk).attractiveness == 5
    assert AuditEntry.objects.filter(object_id=str(site.pk), changes__has_key="attractiveness").exists()

    bad = signed_in(coordinator).post(edit_url(region, site), form_data(site, attractiveness="9"))
    assert bad.status_code == 200 and "Ensure this value is less than or equal to 5." in bad.content.decode()
