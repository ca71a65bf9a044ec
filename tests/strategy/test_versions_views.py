import datetime

import pytest
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.demo.loader import load_demo
from inducult.strategy.models import CountRule, Milestone, StrategyVersion
from inducult.strategy.services import versions
from tests.factories import StrategyFactory, StrategyVersionFactory
from tests.queries import queries_at_two_sizes
from tests.strategy.versions_conftest import small_strategy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


@pytest.fixture
def small(region):
    return small_strategy(region)


def _url(name, *args, region="karlovy-vary", **kwargs):
    return reverse(f"strategy_versions:{name}", args=(region, *args), **kwargs)


def _login(client, user):
    client.force_login(user)
    return client


# --- permissions and isolation ---------------------------------------------------------------


def test_version_list_anonymous_is_sent_to_sign_in(client, small):
    response = client.get(_url("list"))

    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("persona", ["coordinator", "editor", "viewer"])
def test_version_list_and_detail_readable_by_every_back_office_role(client, small, persona, request):
    _login(client, request.getfixturevalue(persona))

    assert client.get(_url("list")).status_code == 200
    response = client.get(_url("detail", small.version.pk))
    assert response.status_code == 200
    assert "Pět setkání ročně" in response.content.decode()


def test_version_list_outsider_is_forbidden(client, small, outsider):
    _login(client, outsider)

    assert client.get(_url("list")).status_code == 403
    assert client.get(_url("detail", small.version.pk)).status_code == 403


def test_version_detail_of_another_regions_strategy_is_not_found(client, small, coordinator, other_region):
    foreign = StrategyVersionFactory(strategy=StrategyFactory(region=other_region))
    _login(client, coordinator)

    assert client.get(_url("detail", foreign.pk)).status_code == 404
    assert client.get(_url("compare"), {"a": small.version.pk, "b": foreign.pk}).status_code == 404
    assert client.post(_url("actualise", foreign.pk), {"label": "X", "valid_from": "2030-01-01"}).status_code == 404


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_actualise_needs_the_change_strategy_rule(client, small, persona, request):
    _login(client, request.getfixturevalue(persona))

    response = client.post(_url("actualise", small.version.pk), {"label": "2022", "valid_from": "2022-01-01"})

    assert response.status_code == 403
    assert StrategyVersion.objects.count() == 1


def test_edit_pages_need_the_change_strategy_rule(client, small, viewer):
    _login(client, viewer)

    assert client.get(_url("milestone_edit", small.version.pk, small.m11.pk)).status_code == 403
    assert client.post(_url("milestone_remove", small.version.pk, small.m11.pk)).status_code == 403
    assert Milestone.objects.filter(pk=small.m11.pk).exists()


# --- actualisation ---------------------------------------------------------------------------


def test_actualise_creates_a_copy_and_shows_it(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(
        _url("actualise", small.version.pk), {"label": "Aktualizace 2022", "valid_from": "2022-01-01"}
    )

    new = StrategyVersion.objects.get(label="Aktualizace 2022")
    assert response.status_code == 302
    assert response["Location"] == _url("detail", new.pk)
    assert new.based_on == small.version
    assert new.milestones.count() == 3
    assert AuditEntry.objects.filter(object_type="strategy.strategyversion", actor=coordinator).count() == 1


def test_actualise_refuses_missing_label_and_an_early_date(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(_url("actualise", small.version.pk), {"label": "", "valid_from": "2018-01-01"})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    response = client.post(_url("actualise", small.version.pk), {"label": "Nová", "valid_from": "2018-01-01"})
    assert response.status_code == 400
    assert "An actualisation must come into force after 2019-01-01" in response.content.decode()
    assert StrategyVersion.objects.count() == 1


def test_actualise_only_from_the_version_in_force(client, small, coordinator):
    future = versions.create_actualisation(
        version=small.version, actor=None, label="Budoucí", valid_from=datetime.date(2099, 1, 1)
    )
    _login(client, coordinator)

    response = client.post(_url("actualise", future.pk), {"label": "Další", "valid_from": "2100-01-01"})

    assert response.status_code == 404


# --- editing ---------------------------------------------------------------------------------


def test_milestone_edit_changes_title_and_goal_links(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(
        _url("milestone_edit", small.version.pk, small.m11.pk),
        {"title": "Šest setkání ročně", "description": "", "first_year": 2021, "goals": [small.sg2.pk], "version": 1},
    )

    assert response.status_code == 302
    small.m11.refresh_from_db()
    assert small.m11.title == "Šest setkání ročně"
    assert [g.code for g in small.m11.goals.all()] == ["SG2"]


def test_milestone_add_and_remove(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(
        _url("milestone_add", small.version.pk),
        {"code": "M12", "title": "Dny otevřených firem", "first_year": 2022, "goals": [small.sg1.pk]},
    )
    assert response.status_code == 302
    m12 = Milestone.objects.get(version=small.version, code="M12")

    response = client.post(_url("milestone_remove", small.version.pk, m12.pk))

    assert response.status_code == 302
    assert not Milestone.objects.filter(pk=m12.pk).exists()


def test_goal_edit_changes_the_title(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(
        _url("goal_edit", small.version.pk, small.sg1.pk), {"title": "Nový název", "description": "", "version": 1}
    )

    assert response.status_code == 302
    small.sg1.refresh_from_db()
    assert small.sg1.title == "Nový název"


def test_older_version_cannot_be_edited(client, small, coordinator):
    versions.create_actualisation(version=small.version, actor=None, label="2022", valid_from=datetime.date(2022, 1, 1))
    _login(client, coordinator)

    response = client.post(
        _url("milestone_edit", small.version.pk, small.m11.pk), {"title": "Změna", "first_year": 2021}, follow=True
    )

    assert "Only the newest version can be changed" in response.content.decode()
    small.m11.refresh_from_db()
    assert small.m11.title == "Pět setkání ročně"


def test_count_rule_form_refuses_an_unknown_kind_listing_the_allowed(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(
        _url("rule_add", small.version.pk, small.m11.pk, "count"),
        {"kinds": ["picnic"], "minimum": 1, "first_year": 2021},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Unknown engagement kind(s): picnic" in page
    assert "bilateral_meeting, round_table" in page
    assert CountRule.objects.filter(milestone=small.m11).count() == 1


def test_count_rule_form_adds_a_rule_with_organisation_kind(client, small, coordinator):
    _login(client, coordinator)

    response = client.post(
        _url("rule_add", small.version.pk, small.m11.pk, "count"),
        {
            "kinds": ["bilateral_meeting", "round_table"],
            "minimum": 2,
            "first_year": 2022,
            "organisation_kind": "regional_authority",
        },
    )

    assert response.status_code == 302
    rule = CountRule.objects.filter(milestone=small.m11).order_by("-order").first()
    assert (rule.kinds, rule.minimum, rule.organisation_kind, rule.order) == (
        ["bilateral_meeting", "round_table"],
        2,
        "regional_authority",
        2,
    )


def test_deliverable_rule_edit_changes_the_due_date(client, small, coordinator):
    _login(client, coordinator)
    rule = small.m8.deliverable_rules.get()

    response = client.post(
        _url("rule_edit", small.version.pk, small.m8.pk, "deliverable", rule.pk),
        {"key": rule.key, "title": rule.title, "due_date": "2021-06-30", "version": rule.edit_version},
    )

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.due_date == datetime.date(2021, 6, 30)


def test_rule_remove(client, small, coordinator):
    _login(client, coordinator)
    rule = small.m11.count_rules.get()

    response = client.post(_url("rule_remove", small.version.pk, small.m11.pk, "count", rule.pk))

    assert response.status_code == 302
    assert not CountRule.objects.filter(pk=rule.pk).exists()


# --- comparing -------------------------------------------------------------------------------


def test_compare_shows_a_changed_milestone_title(client, small, viewer):
    new = versions.create_actualisation(
        version=small.version, actor=None, label="Aktualizace 2022", valid_from=datetime.date(2022, 1, 1)
    )
    versions.update_milestone(
        milestone=new.milestones.get(code="M11"), actor=None, data={"title": "Šest setkání ročně"}, version=1
    )
    _login(client, viewer)

    response = client.get(_url("compare"), {"a": small.version.pk, "b": new.pk})

    page = response.content.decode()
    assert response.status_code == 200
    assert "M11: Šest setkání ročně" in page
    assert "Pět setkání ročně" in page
    assert "0 added, 0 removed, 1 changed." in page


def test_compare_lists_rules_readably(client, small, viewer):
    new = versions.create_actualisation(
        version=small.version, actor=None, label="Aktualizace 2022", valid_from=datetime.date(2022, 1, 1)
    )
    rule = CountRule.objects.get(milestone__version=new, milestone__code="M11")
    versions.save_rule(rule=rule, actor=None, data={"minimum": 6}, version=1)
    _login(client, viewer)

    page = client.get(_url("compare"), {"a": small.version.pk, "b": new.pk}).content.decode()

    assert "≥ 5 × Bilateral meeting a year, 2021 and later" in page
    assert "≥ 6 × Bilateral meeting a year, 2021 and later" in page


def test_compare_without_choice_shows_the_form(client, small, viewer):
    _login(client, viewer)

    response = client.get(_url("compare"))

    assert response.status_code == 200
    assert "Compare versions" in response.content.decode()


def _actualise_yearly(n):
    """n yearly actualisations, each of the latest version."""
    for _ in range(n):
        latest = StrategyVersion.objects.order_by("-valid_from").first()
        year = latest.valid_from.year + 1
        versions.create_actualisation(version=latest, actor=None, label=str(year), valid_from=datetime.date(year, 1, 1))


def test_version_list_queries_do_not_grow_with_versions(client, small, coordinator):
    _login(client, coordinator)

    measured = queries_at_two_sizes(
        add=_actualise_yearly, run=lambda: client.get(_url("list")), sizes=(0, 3), at_most=20
    )

    assert [response.status_code for response in measured.results] == [200, 200]


def test_edit_forms_render(client, small, coordinator):
    _login(client, coordinator)
    rule = small.m8.deliverable_rules.get()
    count_rule = small.t3.count_rules.get()

    for url in (
        _url("actualise", small.version.pk),
        _url("goal_edit", small.version.pk, small.sg1.pk),
        _url("milestone_add", small.version.pk),
        _url("milestone_edit", small.version.pk, small.m11.pk),
        _url("rule_add", small.version.pk, small.m11.pk, "count"),
        _url("rule_add", small.version.pk, small.m11.pk, "deliverable"),
        _url("rule_edit", small.version.pk, small.m8.pk, "deliverable", rule.pk),
        _url("rule_edit", small.version.pk, small.t3.pk, "count", count_rule.pk),
    ):
        assert client.get(url).status_code == 200, url
    assert client.get(_url("rule_add", small.version.pk, small.m11.pk, "picnic")).status_code == 404


def test_demo_strategy_actualised_and_compared(client, coordinator):
    load_demo(today=datetime.date(2026, 12, 1))
    original = StrategyVersion.objects.get(strategy__region__slug="karlovy-vary")
    _login(client, coordinator)

    client.post(_url("actualise", original.pk), {"label": "Aktualizace 2027", "valid_from": "2027-01-01"})
    new = StrategyVersion.objects.get(label="Aktualizace 2027")
    m11 = new.milestones.get(code="M11")
    client.post(
        _url("milestone_edit", new.pk, m11.pk),
        {
            "title": "Nejméně šest setkání ročně",
            "first_year": 2021,
            "goals": [g.pk for g in m11.goals.all()],
            "version": m11.edit_version,
        },
    )
    page = client.get(_url("compare"), {"a": original.pk, "b": new.pk}).content.decode()

    assert new.milestones.count() == 15
    assert "M11: Nejméně šest setkání ročně" in page
    assert client.get(_url("list")).status_code == 200
    assert client.get(_url("detail", new.pk)).status_code == 200
