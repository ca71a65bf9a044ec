"""Every back-office form saves as Chromium submits it (issue #14: no site could be saved from its
edit form, and no test had submitted one as a browser does).

Each edit form is opened as it is rendered for records like the demo's and saved without a change:
the page must say it was saved, and the record, with its rows (a site's seasons, an engagement's
participants and tasks, an activity's indicators), must read as before. Then one field is changed
and saved, and the change must be stored. A form that creates a record is filled in with what it
requires and saved with everything else, its blank extra rows included, as rendered. The coordinator
saves every form; a museum's editor the ones editors have (its site, its events, its organisation).
The browser reads Czech, the region's language, whose dates are not written as the date pickers
read them.
"""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from inducult.actionplan.models import Activity
from inducult.cooperation.models import Cooperation
from inducult.engagement.enums import EngagementKind
from inducult.engagement.models import Engagement
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import EventStatus
from inducult.heritage.models import Event
from inducult.network.enums import LawfulBasis, OrganisationKind
from inducult.network.models import Organisation, OrganisationRelationship, Person
from inducult.practices.models import GoodPractice
from inducult.strategy.models import StrategyVersion
from tests.e2e.conftest import watch_for_failures
from tests.factories import (
    PRAGUE,
    ActivityFactory,
    AttachmentFactory,
    CooperationActivityFactory,
    CooperationFactory,
    CountRuleFactory,
    DeliverableRuleFactory,
    EngagementFactory,
    EngagementParticipantFactory,
    EventFactory,
    FestivalFactory,
    FollowUpTaskFactory,
    FundingInstrumentFactory,
    GoodPracticeFactory,
    IndicatorFactory,
    MembershipFactory,
    MilestoneFactory,
    OrganisationFactory,
    OrganisationRelationshipFactory,
    PersonFactory,
    PracticeAttachmentFactory,
    SiteFactory,
    StrategicGoalFactory,
    StrategyFactory,
    StrategyVersionFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Moved on by every save (edit_version: the lock of a goal, milestone or rule, whose `version` is the
# strategy version); everything else must read the same after a save without a change.
# reported_on: saving an activity's form reports its state as of today (issue #14), on every save.
BOOKKEEPING = {"version", "edit_version", "updated_at", "search_text", "name_key", "reported_on"}


def opening_hours() -> dict:
    """A museum's year, as the demo's sites have it: two seasons, a closure, a note."""
    summer = oh.Season(
        start=oh.MonthDay(5, 1),
        end=oh.MonthDay(9, 30),
        weekdays=frozenset(range(1, 7)),
        intervals=(
            oh.Interval(datetime.time(9), datetime.time(12)),
            oh.Interval(datetime.time(13), datetime.time(17)),
        ),
        note="poslední prohlídka v 16:00",
    )
    winter = oh.Season(
        start=oh.MonthDay(10, 1),
        end=oh.MonthDay(4, 30),
        weekdays=frozenset({5, 6}),
        intervals=(oh.Interval(datetime.time(10), datetime.time(15)),),
    )
    christmas = oh.DateException(datetime.date(2026, 12, 24), datetime.date(2026, 12, 26), True, (), "Vánoce")
    hours = oh.OpeningHours(
        kind="regular", seasons=(summer, winter), exceptions=(christmas,), note="Skupiny po domluvě"
    )
    return oh.to_dict(hours)


@pytest.fixture
def records(region, museum, settings, tmp_path):
    """One of each record the back office edits, filled in as the demo's are."""
    settings.MEDIA_ROOT = tmp_path / "media"
    museum.tags = ["porcelán", "prohlídky"]
    museum.latitude, museum.longitude = Decimal("50.100000"), Decimal("12.600000")
    museum.website, museum.phone = "https://muzeum-krasno.example.org/", "+420 352 000 000"
    museum.translations = {"name": {"en": "Mining Museum Krásno"}}
    museum.influence, museum.interest, museum.position = 3, 2, "supporter"
    museum.save()
    school = OrganisationFactory(region=region, name="SPŠ Ostrov", kind=OrganisationKind.SCHOOL, town="Ostrov")
    enterprise = OrganisationFactory(region=region, name="Witte Nejdek", kind=OrganisationKind.ENTERPRISE)
    person = PersonFactory(
        region=region,
        title="Mgr.",
        first_name="Jana",
        last_name="Svobodová",
        phone="+420 777 000 000",
        language="cs",
        lawful_basis=LawfulBasis.CONSENT,
        consent_date=datetime.date(2024, 2, 1),
        notes="Ředitelka muzea",
    )
    MembershipFactory(person=person, organisation=museum, role="ředitelka", start_date=datetime.date(2020, 1, 1))
    OrganisationRelationshipFactory(source=museum, target=school, valid_from=datetime.date(2021, 3, 1), note="Exkurze")
    site = SiteFactory(
        region=region,
        name="Hornické muzeum Krásno",
        organisation=museum,
        opening_hours=opening_hours(),
        opening_hours_text="Út–Ne 9–12, 13–17",
        visit_minutes=90,
        tour_languages=["cs", "de"],
        price_level="low",
        price_note="120 Kč",
        wheelchair="partly",
        accessibility_note="Štola není bezbariérová.",
        attractiveness=4,
        coordinate_precision="site",
        website="https://muzeum-krasno.example.org/",
        description="Hornické muzeum se štolou.",
    )
    festival = FestivalFactory(region=region)
    event = EventFactory(region=region, site=site, organisation=museum, festival=festival, price_note="zdarma")
    topic = TopicFactory(region=region, name="cestovní ruch")
    version = StrategyVersionFactory(strategy=StrategyFactory(region=region))
    goal = StrategicGoalFactory(version=version, description="Průmyslové dědictví jako turistický cíl")
    milestone = MilestoneFactory(version=version, first_year=2020, last_year=None)
    milestone.goals.add(goal)
    count_rule = CountRuleFactory(
        milestone=milestone, topic=topic, organisation_kind=OrganisationKind.MUSEUM, first_year=2020, last_year=None
    )
    deliverable_rule = DeliverableRuleFactory(milestone=milestone)
    engagement = EngagementFactory(
        region=region,
        place_organisation=museum,
        anonymous_head_count=12,
        minutes="Domluvili jsme společnou výstavu.",
        visibility="public",
        ends_at=datetime.datetime(2024, 3, 12, 12, 0, tzinfo=PRAGUE),
    )
    engagement.topics.add(topic)
    engagement.goals.add(goal)
    EngagementParticipantFactory(engagement=engagement, organisation=museum, role="hostitel")
    EngagementParticipantFactory(engagement=engagement, organisation=None, person=person, role="řečnice")
    FollowUpTaskFactory(engagement=engagement, title="Poslat zápis", owner=person)
    AttachmentFactory(engagement=engagement)
    activity = ActivityFactory(region=region, budget=Decimal("150000.50"), funding_form="dotace, vlastní zdroje")
    activity.responsible.add(museum)
    activity.instruments.add(FundingInstrumentFactory(region=region))
    activity.goals.add(goal)
    activity.engagements.add(engagement)
    IndicatorFactory(activity=activity, unit="návštěvníci", target=Decimal("1000"), achieved=Decimal("250.50"))
    cooperation = CooperationFactory(partner_a=school, partner_b=enterprise, note="Exkurze do výroby")
    cooperation_activity = CooperationActivityFactory(cooperation=cooperation, teacher_feedback="Výborné")
    practice = GoodPracticeFactory(
        region=region,
        contact_organisation=museum,
        results="Více návštěvníků",
        translations={"title": {"en": "Night in the mine"}},
    )
    PracticeAttachmentFactory(practice=practice)
    return {
        "museum": museum,
        "school": school,
        "person": person,
        "site": site,
        "event": event,
        "version": version,
        "goal": goal,
        "milestone": milestone,
        "count_rule": count_rule,
        "deliverable_rule": deliverable_rule,
        "engagement": engagement,
        "activity": activity,
        "cooperation": cooperation,
        "cooperation_activity": cooperation_activity,
        "practice": practice,
    }


@pytest.fixture
def open_as(browser, live_server):
    """A Czech browser signed in as the given user (by a session cookie, not the sign-in form)."""
    opened = []

    def open_page(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context = browser.new_context(locale="cs-CZ")
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(10_000)
        opened.append((context, watch_for_failures(page)))
        return Browser(page, live_server.url)

    yield open_page
    for context, failures in opened:
        context.close()
        assert not failures, failures


class Browser:
    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open(self, name: str, *args) -> None:
        self.page.goto(self.base_url + reverse(name, args=args))

    def save(self, form: str) -> str:
        """Submit the form with its own button, as rendered and as filled in so far; return the
        success message of the page it leads to (a refusal fails with the errors shown)."""
        return self.click(self.page.get_by_test_id(form).locator("button[type=submit]"), form)

    def click(self, button, what: str) -> str:
        with self.page.expect_navigation():
            button.click()
        refused = self.page.locator("[role=alert], .errorlist li").all_inner_texts()
        assert not refused, f"{what} was refused: {refused}"
        return self.page.get_by_test_id("message-success").inner_text()

    def enter(self, values: dict) -> None:
        """Type each value into the field of that name (a select's option; True ticks a box)."""
        for name, value in values.items():
            field = self.page.locator(f"#id_{name}")
            if value is True:
                field.check()
            elif field.evaluate("element => element.tagName") == "SELECT":
                field.select_option(value)
            else:
                field.fill(value)

    def fill_in(self, url: tuple, form: str, values: dict) -> str:
        """Open the form at ``url``, enter ``values`` and save it with everything else as rendered."""
        self.open(*url)
        self.enter(values)
        return self.save(form)


def stored(record, *rows: str, ignore=()) -> dict:
    """``record`` as saved now: its fields, its links, and its ``rows`` (related records such as an
    engagement's tasks), without what every save moves on."""
    record = type(record)._base_manager.get(pk=record.pk)
    left_out = BOOKKEEPING | set(ignore)
    values = {f.name: f.value_from_object(record) for f in record._meta.concrete_fields if f.name not in left_out}
    for field in record._meta.many_to_many:
        values[field.name] = sorted(getattr(record, field.name).values_list("pk", flat=True))
    for name in rows:
        values[name] = [
            {k: v for k, v in row.items() if k not in {"id", "created_at", "updated_at"}}
            for row in getattr(record, name).order_by("pk").values()
        ]
    return values


def saves_unchanged(browser: Browser, record, form: str, url: tuple, *rows: str, ignore=()) -> None:
    """The form at ``url`` saved as rendered is saved, and ``record`` reads as before."""
    before = stored(record, *rows, ignore=ignore)
    browser.open(*url)
    assert browser.save(form)
    assert stored(record, *rows, ignore=ignore) == before


def edited(browser: Browser, record, form: str, url: tuple, change: dict, *rows: str):
    """``record`` after its form at ``url`` was saved unchanged (which must change nothing) and then
    with ``change`` entered."""
    saves_unchanged(browser, record, form, url, *rows)
    browser.fill_in(url, form, change)
    return type(record)._base_manager.get(pk=record.pk)


def test_coordinator_saves_sites_events_and_the_registry(open_as, region, coordinator, records):
    browser = open_as(coordinator)
    slug = region.slug
    site, event, museum, person = records["site"], records["event"], records["museum"], records["person"]

    # The site with its seasons, closure and the blank extra rows the page adds for a new one.
    url = ("heritage_sites:edit", slug, site.pk)
    site = edited(browser, site, "site-form", url, {"seasons-1-hours": "10:00–16:00"})
    assert site.hours().seasons[1].intervals == (oh.Interval(datetime.time(10), datetime.time(16)),)
    assert len(site.hours().exceptions) == 1

    event = edited(browser, event, "event-form", ("heritage_events:edit", slug, event.pk), {"title": "Noční fárání"})
    assert event.title == "Noční fárání"
    new = {"title": "Den otevřených dveří", "date": "2027-05-08", "place_text": "Náměstí v Krásně"}
    browser.fill_in(("heritage_events:create", slug), "event-form", new)
    assert Event.objects.get(title="Den otevřených dveří").status == EventStatus.APPROVED

    url = ("network:organisation_edit", slug, museum.pk)
    assert edited(browser, museum, "organisation-form", url, {"phone": "+420 352 111 222"}).phone == "+420 352 111 222"
    new = {"name": "Sklárna Nové Sedlo", "kind": OrganisationKind.ENTERPRISE}
    browser.fill_in(("network:organisation_create", slug), "organisation-form", new)
    assert Organisation.objects.get(name="Sklárna Nové Sedlo").kind == OrganisationKind.ENTERPRISE

    url = ("network:person_edit", slug, person.pk)
    assert edited(browser, person, "person-form", url, {"phone": "+420 777 111 222"}).phone == "+420 777 111 222"
    new = {"last_name": "Dvořák", "lawful_basis": LawfulBasis.LEGITIMATE_INTERESTS}
    browser.fill_in(("network:person_create", slug), "person-form", new)
    assert Person.objects.get(last_name="Dvořák").lawful_basis == LawfulBasis.LEGITIMATE_INTERESTS

    # On the person's page a role is ended on the day the page proposes (today), and one is added.
    browser.open("network:person_detail", slug, person.pk)
    browser.save("membership-end-form")
    assert person.memberships.get(role="ředitelka").end_date == region.today()
    browser.enter({"membership-organisation": str(records["school"].pk), "membership-role": "členka rady"})
    browser.save("membership-form")
    assert person.memberships.get(role="členka rady").organisation == records["school"]

    # A relationship is declared on the organisation's page and ended there.
    town = OrganisationFactory(region=region, name="Město Krásno", kind=OrganisationKind.MUNICIPALITY)
    new = {"target": str(town.pk), "valid_from": "2024-09-01"}
    browser.fill_in(("network:organisation_detail", slug, records["school"].pk), "relationship-form", new)
    declared = OrganisationRelationship.objects.get(source=records["school"], target=town)
    assert declared.valid_from == datetime.date(2024, 9, 1)
    declaration = browser.page.get_by_test_id("relationship").filter(has_text="Město Krásno")
    browser.click(declaration.locator("button[value=end]"), "ending the relationship")
    declared.refresh_from_db()
    assert declared.valid_to == region.today()


def test_coordinator_saves_the_log_the_action_plan_cooperations_and_practices(open_as, region, coordinator, records):
    browser = open_as(coordinator)
    slug = region.slug
    engagement, activity = records["engagement"], records["activity"]
    cooperation, practice = records["cooperation"], records["practice"]

    # Participants with their roles, a task, a file, and the blank task rows for new ones.
    url, change = ("engagement:edit", slug, engagement.pk), {"tasks-1-title": "Poslat návrh smlouvy"}
    edited(browser, engagement, "engagement-form", url, change, "participants", "tasks")
    assert sorted(engagement.tasks.values_list("title", flat=True)) == ["Poslat návrh smlouvy", "Poslat zápis"]
    new = {"kind": EngagementKind.WORKSHOP, "title": "Workshop o průmyslovém dědictví"}
    browser.fill_in(("engagement:create", slug), "engagement-form", new)
    assert Engagement.objects.get(title="Workshop o průmyslovém dědictví").tasks.count() == 0

    url = ("actionplan:activity_edit", slug, activity.pk)
    change = {"indicators-1-name": "Počet škol", "indicators-1-target": "12"}
    edited(browser, activity, "activity-form", url, change, "indicators")
    assert list(activity.indicators.values_list("name", "target"))[-1] == ("Počet škol", Decimal("12.00"))
    new = {"work_package": "WP3", "title": "Festival industriální kultury"}
    browser.fill_in(("actionplan:activity_create", slug), "activity-form", new)
    assert Activity.objects.get(title="Festival industriální kultury").indicators.count() == 0

    url = ("cooperation:edit", slug, cooperation.pk)
    assert edited(browser, cooperation, "cooperation-form", url, {"note": "Exkurze a praxe"}).note == "Exkurze a praxe"
    new = {
        "kind_0": True,
        "partner_a": str(records["school"].pk),
        "partner_b": str(cooperation.partner_b_id),
        "school_year": "2020/2021",
    }
    browser.fill_in(("cooperation:create", slug), "cooperation-form", new)
    assert Cooperation.objects.filter(partner_a=records["school"], school_year=2020).exists()

    visit = records["cooperation_activity"]
    url = ("cooperation:activity_edit", slug, cooperation.pk, visit.pk)
    assert edited(browser, visit, "cooperation-form", url, {"pupils": "25"}).pupils == 25
    browser.fill_in(("cooperation:activity_create", slug, cooperation.pk), "cooperation-form", {"date": "2020-03-18"})
    assert cooperation.activities.filter(date=datetime.date(2020, 3, 18)).exists()

    url = ("practices:edit", slug, practice.pk)
    changed = edited(browser, practice, "practice-form", url, {"results": "Dvojnásobek návštěvníků"}, "attachments")
    assert changed.results == "Dvojnásobek návštěvníků"
    new = {"title": "Noc techniky", "theme": practice.theme, "summary": "Otevřené provozy na jednu noc."}
    browser.fill_in(("practices:create", slug), "practice-form", new)
    assert GoodPractice.objects.get(title="Noc techniky").language == region.default_language


def test_coordinator_saves_the_strategy_version(open_as, region, coordinator, records):
    browser = open_as(coordinator)
    slug = region.slug
    version, goal, milestone = records["version"], records["goal"], records["milestone"]
    count_rule, deliverable_rule = records["count_rule"], records["deliverable_rule"]

    url = ("strategy_versions:goal_edit", slug, version.pk, goal.pk)
    assert edited(browser, goal, "strategy-form", url, {"title": "Dědictví žije"}).title == "Dědictví žije"
    url = ("strategy_versions:milestone_edit", slug, version.pk, milestone.pk)
    assert edited(browser, milestone, "strategy-form", url, {"last_year": "2027"}).last_year == 2027
    new = {"code": "M9", "title": "Stezka technických památek", "first_year": "2025"}
    browser.fill_in(("strategy_versions:milestone_add", slug, version.pk), "strategy-form", new)
    assert version.milestones.get(code="M9").first_year == 2025

    rules = ("strategy_versions:rule_edit", slug, version.pk, milestone.pk)
    url = (*rules, "count", count_rule.pk)
    assert edited(browser, count_rule, "strategy-form", url, {"minimum": "7"}).minimum == 7
    url = (*rules, "deliverable", deliverable_rule.pk)
    changed = edited(browser, deliverable_rule, "strategy-form", url, {"due_date": "2020-06-30"})
    assert changed.due_date == datetime.date(2020, 6, 30)

    new_rule = ("strategy_versions:rule_add", slug, version.pk, milestone.pk)
    browser.fill_in((*new_rule, "count"), "strategy-form", {"kinds_0": True, "minimum": "2"})
    assert milestone.count_rules.count() == 2
    new = {"key": "akcni-plan", "title": "Akční plán", "due_date": "2021-12-31"}
    browser.fill_in((*new_rule, "deliverable"), "strategy-form", new)
    assert milestone.deliverable_rules.get(key="akcni-plan").due_date == datetime.date(2021, 12, 31)

    new = {"label": "Aktualizace 2025", "valid_from": "2025-01-01"}
    browser.fill_in(("strategy_versions:actualise", slug, version.pk), "actualise-form", new)
    actualised = StrategyVersion.objects.get(label="Aktualizace 2025")
    assert actualised.milestones.get(code=milestone.code).count_rules.count() == 2


def test_editor_saves_its_site_events_and_organisation(open_as, region, editor, records):
    browser = open_as(editor)
    slug = region.slug
    site, event, museum = records["site"], records["event"], records["museum"]

    url = ("heritage_sites:edit", slug, site.pk)
    saves_unchanged(browser, site, "site-form", url)
    # The winter season is replaced: removed, and a new one written in the blank row.
    new_winter = {
        "seasons-1-DELETE": True,
        "seasons-2-from_day": "1",
        "seasons-2-from_month": "10",
        "seasons-2-to_day": "30",
        "seasons-2-to_month": "4",
        "seasons-2-weekdays_5": True,
        "seasons-2-hours": "10:00–14:00",
    }
    browser.fill_in(url, "site-form", new_winter)
    site.refresh_from_db()
    winter = site.hours().seasons[1]
    assert (winter.weekdays, winter.intervals) == (frozenset({5}), (oh.Interval(datetime.time(10), datetime.time(14)),))

    # An editor's save of a published event sends it back for approval; nothing else changes.
    url = ("heritage_events:edit", slug, event.pk)
    saves_unchanged(browser, event, "event-form", url, ignore={"status"})
    assert Event.objects.get(pk=event.pk).status == EventStatus.SUBMITTED
    browser.fill_in(url, "event-form", {"end_time": "22:00"})
    event.refresh_from_db()
    assert event.ends_at == datetime.datetime(2027, 9, 11, 22, 0, tzinfo=PRAGUE)
    new = {"title": "Dílna pro rodiny", "date": "2027-06-12", "site": str(site.pk)}
    browser.fill_in(("heritage_events:create", slug), "event-form", new)
    assert Event.objects.get(title="Dílna pro rodiny").organisation == museum

    url = ("network:organisation_edit", slug, museum.pk)
    changed = edited(browser, museum, "organisation-form", url, {"description_en": "A mining museum with a gallery."})
    assert changed.translations["description"] == {"en": "A mining museum with a gallery."}
