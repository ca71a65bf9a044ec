"""The back office's menu is on every back-office page exactly once: each page extends
backoffice/base.html, which renders it, and none includes it by hand.

The pages are every GET page under ``manage/`` (the URL resolver lists them, so a new page cannot be
missed); the routes that are not pages (form posts, downloads, redirects) are named below with why.
"""

import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.urls import URLResolver, get_resolver, reverse

from inducult.actionplan.models import Activity, FundingCall, FundingInstrument
from inducult.cooperation.models import Cooperation
from inducult.cooperation.services import cooperations
from inducult.engagement.enums import EngagementStatus
from inducult.heritage.models import Event
from inducult.network.enums import OrganisationKind
from inducult.network.models import ImportBatch
from inducult.practices.models import GoodPractice
from tests.factories import (
    CountRuleFactory,
    EngagementFactory,
    MilestoneFactory,
    OrganisationFactory,
    PersonFactory,
    SiteFactory,
    StrategicGoalFactory,
    StrategyVersionFactory,
)

pytestmark = pytest.mark.django_db

MENU = "backoffice-menu"

# Routes under manage/ that answer no page of their own, so carry no menu.
NOT_PAGES = {
    # form posts that redirect back to a page
    "engagement:restore",
    "engagement:task_done",
    "heritage_events:review",
    "strategy_versions:milestone_remove",
    "strategy_versions:rule_remove",
    "practices:share",
    "practices:unshare",
    "practices:archive",
    "practices:restore",
    "network:organisation_archive",
    "network:organisation_restore",
    "network:relationship_create",
    "network:relationship_change",
    "network:membership_create",
    "network:membership_end",
    "network:import_run",
    "tours:publish",
    # downloads and feeds
    "engagement:attachment",
    "practices:attachment",
    "actionplan:feed",
    "reports:annual_pdf",
    "reports:annual_docx",
    "reports:strategy_pdf",
    "reports:strategy_docx",
    "network:organisation_export",
    "network:people_vcard",
    "network:person_vcard",
    "network:person_export",
    "network:analytics_svg",
    "network:analytics_graph_json",
    # a funding call's link, redirected to its instrument's page
    "actionplan:call_instrument",
}


class DataTestIds(HTMLParser):
    """Counts the elements of each data-testid."""

    def __init__(self):
        super().__init__()
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        testid = dict(attrs).get("data-testid")
        if testid:
            self.counts[testid] = self.counts.get(testid, 0) + 1


def menus_on(html: str) -> int:
    parser = DataTestIds()
    parser.feed(html)
    return parser.counts.get(MENU, 0)


def manage_route_names() -> set[str]:
    def walk(resolver, prefix, namespaces):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif pattern.name and (prefix + str(pattern.pattern)).startswith("manage/"):
                yield ":".join(namespaces + (pattern.name,))

    return set(walk(get_resolver(), "", ()))


@pytest.fixture
def pages(region, museum, coordinator):
    """One record of each kind in a small region, and every back-office page showing them."""
    slug = region.slug
    person = PersonFactory(region=region)
    engagement = EngagementFactory(region=region)
    site = SiteFactory(region=region)
    event = Event.objects.create(
        region=region,
        title="Den otevřených dveří",
        starts_at=datetime.datetime(2027, 9, 11, 10, tzinfo=ZoneInfo("Europe/Prague")),
        site=site,
        organisation=museum,
        status="approved",
    )
    version = StrategyVersionFactory(strategy__region=region)
    goal = StrategicGoalFactory(version=version)
    milestone = MilestoneFactory(version=version)
    count_rule = CountRuleFactory(milestone=milestone)
    activity = Activity.objects.create(region=region, work_package="WP2", title="Design park", status="planned")
    instrument = FundingInstrument.objects.create(region=region, programme="Interreg", country="CZ")
    FundingCall.objects.create(
        instrument=instrument,
        title="Call 1",
        opens_on=datetime.date(2026, 3, 1),
        closes_on=datetime.date(2026, 5, 31),
    )
    school = OrganisationFactory(region=region, kind=OrganisationKind.SCHOOL)
    enterprise = OrganisationFactory(region=region, kind=OrganisationKind.ENTERPRISE)
    cooperation = Cooperation.objects.create(
        region=region, kind="school_enterprise", partner_a=school, partner_b=enterprise, school_year=2019
    )
    cooperation_activity = cooperations.add_activity(
        cooperation=cooperation,
        actor=None,
        data={"type": "excursion", "date": datetime.date(2019, 10, 16), "pupils": 22},
        status=EngagementStatus.HELD,
    )
    practice = GoodPractice.objects.create(
        region=region, title="Den otevřených dveří v porcelánce", theme="tourism", language="cs", summary="Popis."
    )
    batch = ImportBatch.objects.create(
        region=region, created_by=coordinator, file_name="kontakty.csv", status=ImportBatch.Status.IMPORTED
    )
    versions = (slug, version.pk)
    return {
        "network:dashboard": (slug,),
        "network:organisation_list": (slug,),
        "network:organisation_create": (slug,),
        "network:organisation_detail": (slug, museum.pk),
        "network:organisation_edit": (slug, museum.pk),
        "network:person_list": (slug,),
        "network:person_create": (slug,),
        "network:person_detail": (slug, person.pk),
        "network:person_edit": (slug, person.pk),
        "network:person_erase": (slug, person.pk),
        "network:analytics": (slug,),
        "network:analytics_graph": (slug,),
        "network:audit_log": (slug,),
        "api:tokens": (slug,),
        "network:import_upload": (slug,),
        "network:import_preview": (slug, batch.pk),
        "engagement:list": (slug,),
        "engagement:create": (slug,),
        "engagement:detail": (slug, engagement.pk),
        "engagement:edit": (slug, engagement.pk),
        "engagement:delete": (slug, engagement.pk),
        "heritage_sites:list": (slug,),
        "heritage_sites:edit": (slug, site.pk),
        "heritage_sites:photos": (slug, site.pk),
        "heritage_events:list": (slug,),
        "heritage_events:create": (slug,),
        "heritage_events:edit": (slug, event.pk),
        "strategy:dashboard": (slug,),
        "strategy_versions:list": (slug,),
        "strategy_versions:compare": (slug,),
        "strategy_versions:detail": versions,
        "strategy_versions:actualise": versions,
        "strategy_versions:goal_edit": (*versions, goal.pk),
        "strategy_versions:milestone_add": versions,
        "strategy_versions:milestone_edit": (*versions, milestone.pk),
        "strategy_versions:rule_add": (*versions, milestone.pk, "deliverable"),
        "strategy_versions:rule_edit": (*versions, milestone.pk, "count", count_rule.pk),
        "actionplan:list": (slug,),
        "actionplan:timeline": (slug,),
        "actionplan:calendar": (slug,),
        "actionplan:activity_create": (slug,),
        "actionplan:activity": (slug, activity.pk),
        "actionplan:activity_edit": (slug, activity.pk),
        "actionplan:instruments": (slug,),
        "actionplan:instrument": (slug, instrument.pk),
        "reports:index": (slug,),
        "cooperation:list": (slug,),
        "cooperation:create": (slug,),
        "cooperation:suggestions": (slug,),
        "cooperation:summary": (slug,),
        "cooperation:detail": (slug, cooperation.pk),
        "cooperation:edit": (slug, cooperation.pk),
        "cooperation:activity_create": (slug, cooperation.pk),
        "cooperation:activity_edit": (slug, cooperation.pk, cooperation_activity.pk),
        "practices:list": (slug,),
        "practices:create": (slug,),
        "practices:detail": (slug, practice.pk),
        "practices:edit": (slug, practice.pk),
    }


def test_every_back_office_route_is_a_page_here_or_named_as_no_page(pages):
    assert set(pages) & NOT_PAGES == set()
    assert set(pages) | NOT_PAGES == manage_route_names()


def test_every_back_office_page_shows_the_menu_exactly_once(client, coordinator, pages):
    client.force_login(coordinator)
    menus = {}
    for name, args in pages.items():
        response = client.get(reverse(name, args=args))
        assert (name, response.status_code) == (name, 200)
        assert response["Content-Type"].startswith("text/html")
        menus[name] = menus_on(response.content.decode())
    assert {name: count for name, count in menus.items() if count != 1} == {}


def test_the_menu_comes_before_the_pages_own_heading(client, coordinator, pages):
    client.force_login(coordinator)
    html = client.get(reverse("network:organisation_list", args=pages["network:organisation_list"])).content.decode()
    assert html.index(f'data-testid="{MENU}"') < html.index("<h1>")


def test_public_pages_show_no_back_office_menu(client, coordinator, region):
    client.force_login(coordinator)
    for name in ("portal:region_home", "portal:directory", "heritage_public:site_list", "progress:page"):
        assert menus_on(client.get(reverse(name, args=[region.slug])).content.decode()) == 0
