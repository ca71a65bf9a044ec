import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from inducult.engagement.enums import EngagementKind
from inducult.strategy.models import CountRule, Deliverable, Milestone, StrategyVersion
from tests.factories import (
    CountRuleFactory,
    DeliverableRuleFactory,
    MilestoneFactory,
    StrategicGoalFactory,
    StrategyFactory,
    StrategyVersionFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def strategy(region):
    strategy = StrategyFactory(region=region, title="Živá průmyslová kultura")
    StrategyVersionFactory(strategy=strategy, label="Original", valid_from=datetime.date(2019, 1, 1))
    StrategyVersionFactory(strategy=strategy, label="2021 actualisation", valid_from=datetime.date(2021, 3, 1))
    return strategy


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (datetime.date(2018, 12, 31), None),
        (datetime.date(2019, 1, 1), "Original"),
        (datetime.date(2021, 2, 28), "Original"),
        (datetime.date(2021, 3, 1), "2021 actualisation"),
        (datetime.date(2030, 6, 1), "2021 actualisation"),
    ],
)
def test_version_in_force_on_a_date(strategy, day, label):
    version = strategy.version_on(day)

    assert (version.label if version else None) == label


def test_version_in_force_ignores_other_strategies(strategy, other_region):
    StrategyVersionFactory(strategy__region=other_region, valid_from=datetime.date(2020, 1, 1))

    assert strategy.version_on(datetime.date(2020, 6, 1)).label == "Original"


def test_version_valid_until_the_day_before_the_next_one(strategy):
    original, actualisation = strategy.versions.all()

    assert original.valid_until == datetime.date(2021, 2, 28)
    assert actualisation.valid_until is None


def test_version_two_versions_on_the_same_day_are_refused(strategy):
    with pytest.raises(ValidationError) as error:
        StrategyVersion(strategy=strategy, label="Copy", valid_from=datetime.date(2019, 1, 1), vision="v").full_clean()

    assert error.value.message_dict["__all__"] == ["Another version of this strategy comes into force on the same day."]


def test_version_can_only_actualise_an_earlier_version_of_the_same_strategy(strategy, region):
    original, actualisation = strategy.versions.all()
    elsewhere = StrategyVersionFactory(strategy__region=region)

    backwards = StrategyVersion(strategy=strategy, label="x", valid_from=datetime.date(2020, 1, 1), vision="v")
    backwards.based_on = actualisation
    foreign = StrategyVersion(strategy=strategy, label="y", valid_from=datetime.date(2022, 1, 1), vision="v")
    foreign.based_on = elsewhere

    with pytest.raises(ValidationError, match="only actualise an earlier version"):
        backwards.full_clean()
    with pytest.raises(ValidationError, match="same strategy"):
        foreign.full_clean()


def test_count_rule_with_an_unknown_kind_is_refused_listing_the_allowed_values():
    rule = CountRuleFactory.build(milestone=MilestoneFactory(), kinds=["bilateral_meeting", "coffee_break"])

    with pytest.raises(ValidationError) as error:
        rule.full_clean()

    allowed = ", ".join(EngagementKind.values)
    assert error.value.message_dict["kinds"] == [f"Unknown engagement kind(s): coffee_break. Allowed: {allowed}."]
    assert "focus_group" in allowed and "festival_event" in allowed


def test_count_rule_without_kinds_is_refused():
    with pytest.raises(ValidationError) as error:
        CountRuleFactory.build(milestone=MilestoneFactory(), kinds=[]).full_clean()

    assert "kinds" in error.value.message_dict


def test_count_rule_with_an_unknown_organisation_kind_is_refused():
    with pytest.raises(ValidationError) as error:
        CountRuleFactory.build(milestone=MilestoneFactory(), organisation_kind="spaceport").full_clean()

    assert error.value.message_dict["organisation_kind"] == ["Value 'spaceport' is not a valid choice."]


def test_count_rule_lists_a_kind_once():
    rule = CountRuleFactory.build(milestone=MilestoneFactory(), kinds=["focus_group", "focus_group", "round_table"])

    rule.full_clean()

    assert rule.kinds == ["focus_group", "round_table"]


def test_count_rule_last_year_before_first_year_is_refused():
    rule = CountRuleFactory.build(milestone=MilestoneFactory(), first_year=2021, last_year=2020)

    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert error.value.message_dict["__all__"] == ["The last year must not be before the first year."]
    with pytest.raises(IntegrityError), transaction.atomic():
        rule.save()


def test_count_rule_minimum_below_one_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        CountRule.objects.create(milestone=MilestoneFactory(), kinds=["workshop"], minimum=0, first_year=2019)


def test_count_rule_topic_of_another_region_is_refused(region, other_region):
    rule = CountRuleFactory.build(
        milestone=MilestoneFactory(version__strategy__region=region), topic=TopicFactory(region=other_region)
    )

    with pytest.raises(ValidationError) as error:
        rule.full_clean()

    assert error.value.message_dict["topic"] == ["The topic belongs to another region than this strategy."]


def test_count_rule_every_year_from_a_first_year(region):
    rule = CountRuleFactory(
        milestone__version__strategy__region=region, kinds=["focus_group"], minimum=1, first_year=2021, last_year=None
    )

    rule.full_clean()
    assert str(rule) == "≥ 1 × focus_group / 2021–"


def test_milestone_goals_of_another_version_are_refused(strategy):
    original, actualisation = strategy.versions.all()
    milestone = MilestoneFactory(version=original)
    own = StrategicGoalFactory(version=original, code="SG1")
    other = StrategicGoalFactory(version=actualisation, code="SG2")

    milestone.check_goals([own])
    with pytest.raises(ValidationError) as error:
        milestone.check_goals([own, other])

    assert error.value.messages == ["A milestone can only serve goals of its own strategy version, not SG2."]


def test_milestone_rules_are_count_and_deliverable_rules(region):
    milestone = MilestoneFactory(version__strategy__region=region)
    count = CountRuleFactory(milestone=milestone)
    deliverable = DeliverableRuleFactory(milestone=milestone)

    assert milestone.rules == [count, deliverable]
    assert Milestone.objects.get().region == region


def test_deliverable_needs_evidence():
    deliverable = Deliverable(rule=DeliverableRuleFactory(), title="Zápis", dated=datetime.date(2019, 11, 5))

    with pytest.raises(ValidationError) as error:
        deliverable.full_clean()

    assert error.value.message_dict["__all__"] == ["A deliverable needs evidence: a link, a file or both."]


def test_deliverable_without_evidence_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Deliverable.objects.create(rule=DeliverableRuleFactory(), title="Zápis", dated=datetime.date(2019, 11, 5))


def test_deliverable_with_a_link_or_a_file_is_accepted(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rule = DeliverableRuleFactory()
    with_link = Deliverable(rule=rule, title="a", dated=datetime.date(2019, 5, 1), evidence_url="https://example.org/")
    with_file = Deliverable(
        rule=rule,
        title="b",
        dated=datetime.date(2019, 5, 1),
        evidence_file=SimpleUploadedFile("zapis.pdf", b"%PDF-1.4\n%%EOF\n"),
    )

    for deliverable in (with_link, with_file):
        deliverable.full_clean()
        deliverable.save()

    assert with_link.evidence == "https://example.org/"
    assert with_file.evidence.startswith("attachments/")


def test_deliverable_evidence_file_type_is_checked():
    deliverable = Deliverable(
        rule=DeliverableRuleFactory(),
        title="b",
        dated=datetime.date(2019, 5, 1),
        evidence_file=SimpleUploadedFile("zapis.pdf", b"not a pdf"),
    )

    with pytest.raises(ValidationError) as error:
        deliverable.full_clean()

    assert error.value.message_dict["evidence_file"] == [
        "“zapis.pdf” is not a PDF file: its content does not match its name."
    ]


def test_every_strategy_record_reaches_its_region(region):
    rule = DeliverableRuleFactory(milestone__version__strategy__region=region)
    goal = StrategicGoalFactory(version=rule.milestone.version)

    assert {rule.region, rule.milestone.region, goal.region, goal.version.region} == {region}
