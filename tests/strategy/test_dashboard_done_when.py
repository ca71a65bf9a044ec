"""Issue #3's "done when", at the view level on the demo: a bilateral meeting with the Karlovy Vary
Region logged today raises this year's count of the bilateral-meetings milestone (M11) and of the
meetings-with-the-Region target (T3), on the dashboard and in progress.json; deleting it lowers them."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from inducult.demo.loader import load_demo
from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.engagement.services.engagements import add_participant, create_engagement, delete_engagement
from inducult.network.enums import OrganisationKind
from inducult.network.models import Organisation
from inducult.regions.models import Region, Role
from tests.factories import UserFactory, grant

pytestmark = pytest.mark.django_db

CODES = ("M11", "T3")


@pytest.fixture
def demo():
    load_demo()
    return Region.objects.get(slug="karlovy-vary")


@pytest.fixture
def user(demo):
    user = UserFactory(username="demo-coordinator")
    grant(user, demo, Role.COORDINATOR)
    return user


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def dashboard_counts(client, region) -> dict[str, int]:
    html = client.get(reverse("strategy:dashboard", args=[region.slug]), headers={"accept-language": "en"})
    assert html.status_code == 200
    text = html.content.decode()
    counts = {}
    for code in CODES:
        found = re.search(rf'data-code="{code}".*?data-testid="rule-count">(\d+) of \d+', text, re.S)
        assert found, f"{code} is not on the dashboard"
        counts[code] = int(found.group(1))
    return counts


def json_counts(client, region) -> dict[str, int]:
    document = json.loads(client.get(reverse("progress:json", args=[region.slug])).content)
    return {m["code"]: m["count"] for m in document["milestones"] if m["code"] in CODES}


def test_logging_a_meeting_with_the_region_today_counts_for_m11_and_t3_and_deleting_it_uncounts(signed_in, demo, user):
    before_dashboard = dashboard_counts(signed_in, demo)
    before_json = json_counts(signed_in, demo)
    assert before_dashboard == before_json

    authority = Organisation.objects.filter(region=demo, kind=OrganisationKind.REGIONAL_AUTHORITY).first()
    engagement = create_engagement(
        region=demo,
        actor=user,
        data={
            "kind": EngagementKind.BILATERAL_MEETING,
            "status": EngagementStatus.HELD,
            "title": "Jednání s Karlovarským krajem",
            "starts_at": timezone.now(),
            "visibility": Visibility.INTERNAL,
        },
    )
    add_participant(engagement=engagement, actor=user, organisation=authority)

    raised = {code: n + 1 for code, n in before_dashboard.items()}
    assert dashboard_counts(signed_in, demo) == raised
    assert json_counts(signed_in, demo) == raised

    delete_engagement(engagement=engagement, actor=user)  # soft, as the log's Delete button does

    assert dashboard_counts(signed_in, demo) == before_dashboard
    assert json_counts(signed_in, demo) == before_json
