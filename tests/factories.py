"""One factory per model. Records made here are samples, as anything made up must be."""

import datetime
import zoneinfo
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from inducult.engagement.enums import EngagementKind, EngagementStatus
from inducult.engagement.models import Engagement, EngagementParticipant, FollowUpTask, Topic
from inducult.heritage.models import Site
from inducult.network.enums import LawfulBasis, OrganisationKind
from inducult.network.models import Membership, Organisation, Person
from inducult.regions.models import Region, RegionRole, Role
from inducult.strategy.models import (
    CountRule,
    Deliverable,
    DeliverableRule,
    Milestone,
    StrategicGoal,
    Strategy,
    StrategyVersion,
)

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Region {n}")
    country = "CZ"
    languages = factory.LazyFunction(lambda: ["cs", "en", "de"])
    default_language = "cs"
    time_zone = "Europe/Prague"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's hook signature
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.MUSEUM
    sectors = factory.LazyFunction(lambda: ["mining"])
    town = "Sokolov"
    is_sample = True


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    region = factory.SubFactory(RegionFactory)
    first_name = "Jana"
    last_name = factory.Sequence(lambda n: f"Nováková {n}")
    email = factory.Sequence(lambda n: f"jana{n}@example.org")
    lawful_basis = LawfulBasis.LEGITIMATE_INTERESTS
    is_sample = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory, region=factory.SelfAttribute("..person.region"))
    role = "director"


def grant(user, region, role: str = Role.COORDINATOR, organisation=None) -> RegionRole:
    return RegionRole.objects.create(user=user, region=region, role=role, organisation=organisation)


# --- Engagement log ------------------------------------------------------------------------


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Topic {n}")


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    region = factory.SubFactory(RegionFactory)
    kind = EngagementKind.BILATERAL_MEETING
    status = EngagementStatus.HELD
    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = factory.LazyFunction(lambda: datetime.datetime(2024, 3, 12, 10, 0, tzinfo=PRAGUE))
    is_sample = True


class EngagementParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EngagementParticipant

    engagement = factory.SubFactory(EngagementFactory)
    organisation = factory.SubFactory(OrganisationFactory, region=factory.SelfAttribute("..engagement.region"))


class FollowUpTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpTask

    engagement = factory.SubFactory(EngagementFactory)
    title = factory.Sequence(lambda n: f"Send the minutes {n}")
    owner = factory.SubFactory(PersonFactory, region=factory.SelfAttribute("..engagement.region"))
    due_date = datetime.date(2024, 4, 1)


# --- Strategy ------------------------------------------------------------------------------


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Strategy {n}")


class StrategyVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategyVersion

    strategy = factory.SubFactory(StrategyFactory)
    label = factory.Sequence(lambda n: f"Version {n}")
    valid_from = datetime.date(2019, 1, 1)
    vision = "The region uses the potential of Living Industrial Culture"


class StrategicGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicGoal

    version = factory.SubFactory(StrategyVersionFactory)
    code = factory.Sequence(lambda n: f"SG{n}")
    title = factory.Sequence(lambda n: f"Goal {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    version = factory.SubFactory(StrategyVersionFactory)
    code = factory.Sequence(lambda n: f"M{n}")
    title = factory.Sequence(lambda n: f"Milestone {n}")
    first_year = 2019
    last_year = 2019


class CountRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountRule

    milestone = factory.SubFactory(MilestoneFactory)
    order = factory.Sequence(lambda n: n)
    kinds = factory.LazyFunction(lambda: [EngagementKind.BILATERAL_MEETING.value])
    minimum = 5
    first_year = 2019
    last_year = 2019


class DeliverableRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliverableRule

    milestone = factory.SubFactory(MilestoneFactory)
    key = factory.Sequence(lambda n: f"document-{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    due_date = datetime.date(2019, 12, 31)


class DeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    rule = factory.SubFactory(DeliverableRuleFactory)
    title = factory.Sequence(lambda n: f"Adopted document {n}")
    dated = datetime.date(2019, 11, 5)
    evidence_url = "https://example.org/minutes.pdf"
    is_sample = True


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Site {n}")
    kind = "museum"
    sectors = factory.LazyFunction(lambda: ["porcelain"])
    town = "Karlovy Vary"
    latitude = Decimal("50.230000")
    longitude = Decimal("12.870000")
    is_sample = True
