import pytest

from inducult.regions.rules import RULES, has_rule, regions_for
from tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_coordinator_may_change_any_organisation_of_their_region(coordinator, region, museum):
    other = OrganisationFactory(region=region)
    assert has_rule(coordinator, "network.change_organisation", region, museum)
    assert has_rule(coordinator, "network.change_organisation", region, other)


@pytest.mark.django_db
def test_editor_changes_only_their_own_organisation(editor, region, museum):
    other = OrganisationFactory(region=region)
    assert has_rule(editor, "network.change_organisation", region, museum)
    assert not has_rule(editor, "network.change_organisation", region, other)
    assert not has_rule(editor, "network.import", region)
    assert not has_rule(editor, "network.view_people", region)


@pytest.mark.django_db
def test_viewer_reads_but_never_writes(viewer, region, museum):
    assert has_rule(viewer, "network.view_registry", region)
    writes = [name for name in RULES if any(w in name for w in ("add", "change", "archive", "import", "erase"))]
    assert writes, "the rule set names write permissions"
    assert not any(has_rule(viewer, name, region, museum) for name in writes)


@pytest.mark.django_db
def test_outsider_has_no_rule_in_a_region_where_they_hold_no_role(outsider, region, other_region, museum):
    assert not any(has_rule(outsider, name, region, museum) for name in RULES)
    assert list(regions_for(outsider)) == [other_region]


@pytest.mark.django_db
def test_unknown_rule_is_a_programming_error(coordinator, region):
    with pytest.raises(KeyError, match="Unknown permission rule"):
        has_rule(coordinator, "network.fly", region)
