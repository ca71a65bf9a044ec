import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from inducult.core.models import AuditEntry
from inducult.strategy.models import CountRule, Deliverable, DeliverableRule, Milestone, StrategyVersion
from inducult.strategy.services import versions
from tests.strategy.versions_conftest import small_strategy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


JAN_2022 = datetime.date(2022, 1, 1)


def _actualise(version, actor=None, label="Aktualizace 2022", valid_from=JAN_2022):
    return versions.create_actualisation(version=version, actor=actor, label=label, valid_from=valid_from)


def test_create_actualisation_copies_goals_milestones_links_and_rules(region, coordinator):
    small = small_strategy(region)

    new = _actualise(small.version, coordinator)

    assert (new.label, new.valid_from, new.based_on) == ("Aktualizace 2022", JAN_2022, small.version)
    assert (new.vision, new.notes) == (small.version.vision, small.version.notes)
    assert new.translations == {"vision": {"en": "The region uses the potential"}}
    assert [g.code for g in new.goals.all()] == ["SG1", "SG2"]
    m11 = new.milestones.get(code="M11")
    assert m11.pk != small.m11.pk
    assert sorted(g.code for g in m11.goals.all()) == ["SG1", "SG2"]
    assert {g.version_id for g in m11.goals.all()} == {new.pk}
    (rule,) = m11.count_rules.all()
    assert (rule.kinds, rule.minimum, rule.first_year, rule.last_year) == (["bilateral_meeting"], 5, 2021, None)
    (t3_rule,) = new.milestones.get(code="T3").count_rules.all()
    assert (t3_rule.organisation_kind, t3_rule.topic.name) == ("regional_authority", "porcelán")
    assert new.milestones.get(code="T3").is_standing_target is True
    (deliverable_rule,) = new.milestones.get(code="M8").deliverable_rules.all()
    assert (deliverable_rule.key, deliverable_rule.due_date) == ("first-actualisation", datetime.date(2020, 12, 31))


def test_create_actualisation_is_a_deep_copy_the_original_is_untouched(region):
    small = small_strategy(region)
    new = _actualise(small.version)

    copied = new.milestones.get(code="M11")
    versions.update_milestone(milestone=copied, actor=None, data={"title": "Šest setkání ročně"}, version=1)

    small.m11.refresh_from_db()
    assert small.m11.title == "Pět setkání ročně"
    assert Milestone.objects.filter(version=small.version).count() == 3
    assert CountRule.objects.filter(milestone__version=small.version).count() == 2


def test_create_actualisation_leaves_deliverables_with_their_version(region):
    small = small_strategy(region)

    new = _actualise(small.version)

    assert Deliverable.objects.filter(rule__milestone__version=small.version).count() == 1
    assert not Deliverable.objects.filter(rule__milestone__version=new).exists()


def test_create_actualisation_is_audited_once_with_a_summary(region, coordinator):
    small = small_strategy(region)

    new = _actualise(small.version, coordinator)

    (entry,) = AuditEntry.objects.filter(object_type="strategy.strategyversion", object_id=str(new.pk))
    assert (entry.action, entry.actor, entry.region) == ("create", coordinator, region)
    assert entry.changes["valid_from"] == [None, "2022-01-01"]
    assert entry.summary.startswith("Actualisation of Původní znění: 2 goals, 3 milestones, 3 rules copied")


def test_create_actualisation_version_in_force_switches_on_valid_from(region):
    small = small_strategy(region)
    strategy = small.version.strategy

    new = _actualise(small.version)

    assert strategy.version_on(datetime.date(2021, 12, 31)) == small.version
    assert strategy.version_on(JAN_2022) == new
    assert small.version.valid_until == datetime.date(2021, 12, 31)


@pytest.mark.parametrize(
    ("label", "valid_from", "field"),
    [
        ("", JAN_2022, "label"),
        ("Aktualizace", datetime.date(2019, 1, 1), "valid_from"),
        ("Aktualizace", datetime.date(2018, 6, 1), "valid_from"),
        ("Původní znění", JAN_2022, "__all__"),
    ],
)
def test_create_actualisation_refuses_bad_label_or_date(region, label, valid_from, field):
    small = small_strategy(region)

    with pytest.raises(ValidationError) as raised:
        _actualise(small.version, label=label, valid_from=valid_from)

    assert field in raised.value.message_dict
    assert StrategyVersion.objects.count() == 1


def test_create_actualisation_must_follow_the_newest_version(region):
    small = small_strategy(region)
    _actualise(small.version, valid_from=datetime.date(2030, 1, 1))

    with pytest.raises(ValidationError, match="after 2030-01-01"):
        _actualise(small.version, label="Další", valid_from=datetime.date(2025, 1, 1))


def test_editing_an_older_version_is_refused(region):
    small = small_strategy(region)
    _actualise(small.version)

    with pytest.raises(versions.VersionNotEditable):
        versions.update_milestone(milestone=small.m11, actor=None, data={"title": "Změna"}, version=1)
    with pytest.raises(versions.VersionNotEditable):
        versions.update_goal(goal=small.sg1, actor=None, data={"title": "Změna"}, version=1)
    with pytest.raises(versions.VersionNotEditable):
        versions.remove_milestone(milestone=small.m11, actor=None)


def test_update_milestone_audits_title_and_goal_links(region, coordinator):
    small = small_strategy(region)

    versions.update_milestone(
        milestone=small.m11, actor=coordinator, data={"title": "Šest setkání ročně"}, goals=[small.sg2], version=1
    )

    entry = AuditEntry.objects.filter(object_type="strategy.milestone", object_id=str(small.m11.pk)).first()
    assert entry.changes == {
        "title": ["Pět setkání ročně", "Šest setkání ročně"],
        "goals": [["SG1", "SG2"], ["SG2"]],
    }


def test_add_milestone_refuses_a_goal_of_another_version(region):
    small = small_strategy(region)
    new = _actualise(small.version)

    with pytest.raises(ValidationError, match="own strategy version"):
        versions.add_milestone(
            version=new, actor=None, data={"code": "M12", "title": "Nový", "first_year": 2022}, goals=[small.sg1]
        )


def test_add_and_remove_milestone_and_rules(region, coordinator):
    small = small_strategy(region)

    m12 = versions.add_milestone(
        version=small.version,
        actor=coordinator,
        data={"code": "M12", "title": "Dny otevřených firem", "first_year": 2022, "last_year": None},
        goals=[small.sg1],
    )
    rule = versions.save_rule(
        rule=CountRule(milestone=m12),
        actor=coordinator,
        data={"kinds": ["open_factory_day"], "minimum": 2, "first_year": 2022, "last_year": None},
    )
    document = versions.save_rule(
        rule=DeliverableRule(milestone=m12),
        actor=coordinator,
        data={"key": "programme", "title": "Programme", "due_date": datetime.date(2022, 3, 31)},
    )

    assert [r.pk for r in m12.rules] == [rule.pk, document.pk]
    assert rule.order == 1
    versions.remove_rule(rule=rule, actor=coordinator)
    versions.remove_milestone(milestone=m12, actor=coordinator)
    assert not Milestone.objects.filter(code="M12").exists()
    removed = AuditEntry.objects.filter(object_type="strategy.countrule", action="delete").get()
    assert removed.changes == {"rule": ["≥ 2 × Open-factory day a year, 2022 and later", None]}


def test_save_rule_refuses_an_unknown_kind_naming_the_allowed(region):
    small = small_strategy(region)

    with pytest.raises(ValidationError) as raised:
        versions.save_rule(
            rule=CountRule(milestone=small.m11),
            actor=None,
            data={"kinds": ["picnic"], "minimum": 1, "first_year": 2021, "last_year": None},
        )

    assert "Unknown engagement kind(s): picnic" in str(raised.value)
    assert "bilateral_meeting" in str(raised.value)


def test_snapshot_reads_codes_links_and_rules(region):
    small = small_strategy(region)

    snap = versions.snapshot(small.version)

    assert [g.code for g in snap.goals] == ["SG1", "SG2"]
    m11 = next(m for m in snap.milestones if m.code == "M11")
    assert m11.goals == ("SG1", "SG2")
    assert m11.rules == (versions.CountRuleSnapshot(("bilateral_meeting",), 5, 2021, None),)


def test_snapshot_diff_after_actualisation_and_edit(region):
    small = small_strategy(region)
    new = _actualise(small.version)
    versions.update_milestone(milestone=new.milestones.get(code="M11"), actor=None, data={"title": "Šest"}, version=1)
    versions.remove_milestone(milestone=new.milestones.get(code="M8"), actor=None)  # its evidence stayed behind

    diff = versions.diff_versions(versions.snapshot(small.version), versions.snapshot(new))

    assert [(m.code, m.change) for m in diff.milestones] == [("M11", "changed"), ("M8", "removed")]
    assert diff.goals == ()


def test_removing_a_milestone_or_rule_with_evidence_is_refused(region):
    small = small_strategy(region)

    with translation.override("en"), pytest.raises(ValidationError, match="1 deliverable is recorded as evidence"):
        versions.remove_milestone(milestone=small.m8, actor=None)
    with pytest.raises(ValidationError, match="recorded as evidence"):
        versions.remove_rule(rule=small.m8.deliverable_rules.get(), actor=None)
    assert Milestone.objects.filter(pk=small.m8.pk).exists()
