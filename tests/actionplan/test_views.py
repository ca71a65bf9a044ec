import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from inducult.actionplan.models import Activity
from inducult.core.models import AuditEntry
from tests.factories import (
    ActivityFactory,
    EngagementFactory,
    FundingCallFactory,
    FundingInstrumentFactory,
    IndicatorFactory,
    OrganisationFactory,
    StrategicGoalFactory,
)
from tests.queries import queries_at_two_sizes
from tests.testids import elements, texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def _url(name, region, *args):
    return reverse(f"actionplan:{name}", args=[region.slug, *args])


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _form_data(activity=None, **overrides):
    data = {
        "work_package": "WP4",
        "title": "Makers' week",
        "description": "",
        "status": "idea",
        "themes": ["creativity"],
        "responsible_text": "",
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "funding_form": "",
        "budget": "",
        "currency": "CZK",
        "source": "",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-0-name": "",
    }
    if activity is not None:
        data["version"] = str(activity.version)
    data.update(overrides)
    return data


# --- permissions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["coordinator", "editor", "viewer"])
def test_back_office_personas_read_the_plan(client, request, region, persona):
    activity = ActivityFactory(region=region)
    instrument = FundingInstrumentFactory(region=region)
    client.force_login(request.getfixturevalue(persona))

    for url in (
        _url("list", region),
        _url("timeline", region),
        _url("activity", region, activity.pk),
        _url("instruments", region),
        _url("instrument", region, instrument.pk),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_editor_and_viewer_may_not_edit(client, request, region, persona):
    activity = ActivityFactory(region=region)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url("activity_create", region)).status_code == 403
    assert client.get(_url("activity_edit", region, activity.pk)).status_code == 403
    assert client.post(_url("activity_edit", region, activity.pk), _form_data(activity)).status_code == 403
    assert 'data-testid="edit-activity"' not in _text(client.get(_url("activity", region, activity.pk)))


def test_anonymous_visitor_is_sent_to_sign_in(client, region):
    activity = ActivityFactory(region=region)

    for url in (_url("list", region), _url("activity", region, activity.pk), _url("instruments", region)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_coordinator_of_another_region_is_refused(client, region, outsider):
    activity = ActivityFactory(region=region)
    client.force_login(outsider)

    assert client.get(_url("list", region)).status_code == 403
    assert client.get(_url("activity", region, activity.pk)).status_code == 403


def test_activity_of_another_region_is_not_found(client, coordinator, region, other_region):
    foreign = ActivityFactory(region=other_region)
    client.force_login(coordinator)

    assert client.get(_url("activity", region, foreign.pk)).status_code == 404
    assert client.get(_url("activity_edit", region, foreign.pk)).status_code == 404


# --- list, filters, timeline -------------------------------------------------------------------


def test_list_filters_by_work_package_status_and_theme(client, coordinator, region):
    ActivityFactory(region=region, title="Tour", work_package="WP2", themes=["tourism"], status="planned")
    ActivityFactory(region=region, title="School", work_package="WP3", themes=["education"], status="running")
    ActivityFactory(region=region, title="Lab", work_package="WP4", themes=["creativity"], status="running")
    client.force_login(coordinator)

    def titles(**query):
        response = client.get(_url("list", region), query)
        return sorted(Activity.objects.get(pk=pk).title for pk in re.findall(r'data-pk="(\d+)"', _text(response)))

    assert titles() == ["Lab", "School", "Tour"]
    assert titles(work_package="WP3") == ["School"]
    assert titles(status="running") == ["Lab", "School"]
    assert titles(theme="creativity") == ["Lab"]
    assert titles(status="running", theme="tourism") == []


def test_list_flags_late_activities_only_when_a_report_says_so(client, coordinator, region):
    today = region.today()
    ActivityFactory(
        region=region,
        title="Reported",
        status="planned",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2030, 1, 1),
        reported_on=datetime.date(2020, 3, 1),  # a report after its start still said "planned"
    )
    ActivityFactory(
        region=region,
        title="Unreported",
        status="planned",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2030, 1, 1),
    )
    client.force_login(coordinator)

    found = {e.attrs["data-code"]: e.text for e in elements(client.get(_url("list", region)).content, "late")}

    assert set(found) == {"not_started", "not_reported"}
    assert found["not_started"].startswith("Late: it should have started on 1 January 2020, ")
    assert found["not_reported"].startswith("Not reported: it was to start on 1 January 2020, ")
    assert found["not_reported"].endswith("; its state has never been reported.")
    # Durations in years and months, never thousands of days.
    years = today.year - 2020  # whole years since 1 January 2020
    for sentence in found.values():
        assert re.search(rf", {years} years( \d+ months?)? ago", sentence), sentence
        assert "day" not in sentence


def test_timeline_marks_unreported_activities_not_reported_not_late(client, coordinator, region):
    ActivityFactory(
        region=region, title="Unreported", starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2030, 1, 1)
    )
    client.force_login(coordinator)

    marks = elements(client.get(_url("timeline", region)).content, "late")

    assert [(m.attrs["data-code"], m.text) for m in marks] == [("not_reported", "not reported")]


def test_saving_the_form_reports_the_state_so_lateness_can_be_told(client, coordinator, region):
    activity = ActivityFactory(
        region=region, status="planned", starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2030, 1, 1)
    )
    client.force_login(coordinator)
    page = client.get(_url("activity", region, activity.pk)).content
    assert texts(page, "late")[0].startswith("Not reported")
    assert texts(page, "reported-on") == ["never reported"]

    data = _form_data(activity, status="planned", starts_on="2020-01-01", ends_on="2030-01-01")
    assert client.post(_url("activity_edit", region, activity.pk), data).status_code == 302

    activity.refresh_from_db()
    assert activity.reported_on == region.today()
    page = client.get(_url("activity", region, activity.pk)).content
    assert texts(page, "late")[0].startswith("Late: it should have started on 1 January 2020")
    assert texts(page, "reported-on") == [date_format(region.today(), "DATE_FORMAT")]


def test_timeline_has_a_column_per_year_and_marks_the_years_an_activity_runs(client, coordinator, region):
    ActivityFactory(
        region=region, title="Short", starts_on=datetime.date(2020, 3, 1), ends_on=datetime.date(2021, 6, 30)
    )
    ActivityFactory(
        region=region,
        title="Long",
        work_package="WP4",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2023, 12, 31),
    )
    ActivityFactory(region=region, title="Undated", starts_on=None, ends_on=None)
    client.force_login(coordinator)

    response = client.get(_url("timeline", region))
    text = _text(response)

    assert re.findall(r'<th scope="col" class="year[^"]*">(\d{4})</th>', text) == [str(y) for y in range(2019, 2024)]
    short_row = text.split("Short</a>")[1].split("</tr>")[0]
    assert re.findall(r"runs in (\d{4})", short_row) == ["2020", "2021"]
    assert "Undated" not in text


@pytest.mark.parametrize("name", ["list", "timeline"])
def test_list_query_count_does_not_grow_with_activities(client, coordinator, region, name):
    org = OrganisationFactory(region=region)
    client.force_login(coordinator)

    measured = queries_at_two_sizes(
        add=lambda n: [ActivityFactory(region=region).responsible.add(org) for _ in range(n)],
        run=lambda: client.get(_url(name, region)),
        sizes=(3, 23),
        at_most=12,
    )

    assert [response.status_code for response in measured.results] == [200, 200]


# --- detail and funding fits -------------------------------------------------------------------


def test_design_park_lists_instruments_without_a_call_apart_unscored(client, coordinator, region, design_park):
    # The design park started on 1 January 2019: no call of the catalogue can still be applied to
    # before it starts, so no instrument is a fit ("fit 85 of 100" was shown before issue #14).
    client.force_login(coordinator)

    html = client.get(_url("activity", region, design_park.pk)).content

    assert texts(html, "score") == []
    assert elements(html, "no-fit-with-call")
    (apart,) = elements(html, "without-call")
    assert apart.text.startswith("Without a call one can still apply to")
    listed = elements(html, "fit")
    assert len(listed) == 9
    first = listed[0].text
    assert first.startswith("Czech–Saxony Programme")  # by name, since none is scored
    assert "No call one could still apply to before the activity starts (1 January 2019)." in first
    oppik = next(f.text for f in listed if f.text.startswith("Operational Programme Enterprise"))
    assert "Supports the activity's themes: Enterprise support." in oppik


def test_activity_detail_ranks_an_open_call_before_the_start_first(client, coordinator, region):
    today = timezone.localdate()
    applicant = OrganisationFactory(region=region, kind="association")
    activity = ActivityFactory(
        region=region,
        themes=["tourism"],
        starts_on=today + datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=400),
    )
    activity.responsible.add(applicant)
    with_call = FundingInstrumentFactory(region=region, programme="With a call", eligible_kinds=["association"])
    FundingCallFactory(instrument=with_call, opens_on=today, closes_on=today + datetime.timedelta(days=30))
    FundingInstrumentFactory(region=region, programme="Without a call")
    FundingInstrumentFactory(region=region, programme="Schools only", eligible_kinds=["school"])
    client.force_login(coordinator)

    text = _text(client.get(_url("activity", region, activity.pk)))

    section = text.split('data-testid="funding-fits"')[1]
    assert re.findall(r"<h3><a [^>]+>([^<]+)</a>", section) == ["With a call", "Without a call"]
    assert "fit 100 of 100" in section
    assert "A responsible organisation may apply (NGO or association)." in section
    assert "A call one can apply to before the activity starts: open " in section


def test_activity_detail_shows_indicators_and_sample_label(client, viewer, region):
    activity = ActivityFactory(region=region, is_sample=True)
    IndicatorFactory(activity=activity, name="Visitors", unit="people", target=200, achieved=50)
    client.force_login(viewer)

    text = _text(client.get(_url("activity", region, activity.pk)))

    assert '<span class="badge sample" data-testid="sample-mark">Sample</span>' in text
    assert '<th scope="row">Visitors</th><td>200 people</td><td>50 people</td><td>25 %</td>' in text


def test_coordinator_links_goals_and_engagements_shown_on_the_detail(client, coordinator, region):
    activity = ActivityFactory(region=region)
    goal = StrategicGoalFactory(version__strategy__region=region, code="SG7", title="Creative thinking")
    meeting = EngagementFactory(region=region, title="Design park round table")
    client.force_login(coordinator)

    response = client.post(
        _url("activity_edit", region, activity.pk),
        _form_data(activity, goals=[str(goal.pk)], engagements=[str(meeting.pk)]),
    )

    assert response.status_code == 302
    text = _text(client.get(_url("activity", region, activity.pk)))
    assert "SG7: Creative thinking" in text
    assert "Design park round table" in text


def test_instrument_detail_lists_calls_and_the_activities_it_could_fund(client, viewer, region, demo_plan):
    client.force_login(viewer)
    opz = region.funding_instruments.get(external_id="opz")

    response = client.get(_url("instrument", region, opz.pk))
    text = _text(response)

    assert "Operational Programme Employment (OPZ)" in text
    assert '<span class="badge sample" data-testid="sample-mark">Sample</span>' in text.split('data-testid="calls"')[1]
    # Every activity of the demo plan has started: none can still apply before it starts, so they
    # are listed apart, by title, with no score.
    assert texts(response.content, "score") == []
    (apart,) = elements(response.content, "without-call")
    titles = [t.split(" No call")[0] for t in texts(response.content, "fit")]
    assert "KOMPAS" in " ".join(titles) and "Pupils Go to the Labour Market" in " ".join(titles)
    assert apart.text.startswith("Without a call one can still apply to")


def test_instrument_list_shows_the_catalogue(client, viewer, region, demo_plan):
    client.force_login(viewer)

    text = _text(client.get(_url("instruments", region)))

    assert text.count('data-testid="instrument-row"') == 9
    assert "National Programme for Tourism Support – Marketing activities in tourism" in text


# --- create and edit -------------------------------------------------------------------------


def test_coordinator_creates_activity_with_indicator(client, coordinator, region):
    org = OrganisationFactory(region=region, name="Studio")
    client.force_login(coordinator)

    response = client.post(
        _url("activity_create", region),
        _form_data(
            responsible=[str(org.pk)],
            budget="125000.50",
            **{"indicators-0-name": "Makers", "indicators-0-unit": "people", "indicators-0-target": "30"},
        ),
    )

    activity = Activity.objects.get(title="Makers' week")
    assert response.status_code == 302
    assert response["Location"] == _url("activity", region, activity.pk)
    assert [o.name for o in activity.responsible.all()] == ["Studio"]
    assert [(i.name, i.unit, i.target) for i in activity.indicators.all()] == [("Makers", "people", 30)]
    entry = AuditEntry.objects.get(object_type="actionplan.activity", action="create")
    assert entry.changes["responsible"] == [None, ["Studio"]]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"starts_on": "2027-06-01", "ends_on": "2027-05-31"}, "An activity cannot end before it starts."),
        ({"budget": "-100"}, "An amount cannot be negative."),
        ({"budget": "99999999999"}, "An amount above 10 billion is not plausible here"),
        ({"indicators-0-name": "Visitors", "indicators-0-target": "-3"}, "A target cannot be negative."),
    ],
)
def test_create_refuses_bad_input_with_a_message(client, coordinator, region, overrides, message):
    client.force_login(coordinator)

    response = client.post(_url("activity_create", region), _form_data(**overrides))

    assert response.status_code == 200
    assert message in _text(response)
    assert not Activity.objects.exists()


def test_coordinator_edits_activity(client, coordinator, region):
    activity = ActivityFactory(region=region, title="Old")
    client.force_login(coordinator)

    response = client.post(
        _url("activity_edit", region, activity.pk), _form_data(activity, title="New", status="running")
    )

    activity.refresh_from_db()
    assert response.status_code == 302
    assert (activity.title, activity.status, activity.version) == ("New", "running", 2)
    entry = AuditEntry.objects.get(object_type="actionplan.activity", action="change")
    assert entry.changes["title"] == ["Old", "New"]


def test_edit_keeps_changes_and_removes_indicators(client, coordinator, region):
    activity = ActivityFactory(region=region)
    IndicatorFactory(activity=activity, name="Visitors", target=100)
    IndicatorFactory(activity=activity, name="Schools", target=5)
    client.force_login(coordinator)
    form = client.get(_url("activity_edit", region, activity.pk))
    assert 'value="Visitors"' in _text(form)

    response = client.post(
        _url("activity_edit", region, activity.pk),
        _form_data(
            activity,
            **{
                "indicators-TOTAL_FORMS": "3",
                "indicators-INITIAL_FORMS": "2",
                "indicators-0-name": "Visitors",
                "indicators-0-target": "100",
                "indicators-0-achieved": "120",
                "indicators-1-name": "Schools",
                "indicators-1-target": "5",
                "indicators-1-DELETE": "on",
                "indicators-2-name": "",
            },
        ),
    )

    assert response.status_code == 302
    assert [(i.name, i.achieved) for i in activity.indicators.all()] == [("Visitors", 120)]


def test_edit_conflict_is_refused_and_shows_the_other_values(client, coordinator, region):
    activity = ActivityFactory(region=region, title="Start")
    stale = _form_data(activity, title="Mine")
    client.force_login(coordinator)
    client.post(_url("activity_edit", region, activity.pk), _form_data(activity, title="Theirs"))

    response = client.post(_url("activity_edit", region, activity.pk), stale)

    activity.refresh_from_db()
    assert response.status_code == 409
    assert activity.title == "Theirs"
    text = _text(response)
    assert "Someone else saved this activity after you started editing" in text
    stored = [e.text for e in elements(response.content, "conflict-stored")]
    mine = [e.text for e in elements(response.content, "conflict-mine")]
    assert ("Theirs", "Mine") in zip(stored, mine, strict=True)
    assert 'name="version" value="2"' in text


def test_edit_refuses_organisation_of_another_region(client, coordinator, region, other_region):
    activity = ActivityFactory(region=region)
    foreign = OrganisationFactory(region=other_region)
    client.force_login(coordinator)

    response = client.post(
        _url("activity_edit", region, activity.pk), _form_data(activity, responsible=[str(foreign.pk)])
    )

    assert response.status_code == 200
    assert "Select a valid choice." in _text(response)
    assert activity.responsible.count() == 0
