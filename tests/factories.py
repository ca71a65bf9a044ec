"""One factory per model of the project, in one place. Records made here are samples, as anything
made up must be (``is_sample`` where a model has it). Every factory makes a record that passes
``full_clean()`` (tests/test_factories.py); related records are made in the same region."""

import datetime
import hashlib
import zoneinfo
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from inducult.actionplan.models import Activity, CalendarFeed, FundingCall, FundingInstrument, Indicator
from inducult.api.models import ApiToken
from inducult.cooperation.enums import ENGAGEMENT_KIND, ActivityType, CooperationKind
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.core.models import AuditAction, AuditEntry, SubmittedForm
from inducult.engagement.enums import EngagementKind, EngagementStatus
from inducult.engagement.models import Attachment, Engagement, EngagementParticipant, FollowUpTask, Topic
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import EventStatus
from inducult.heritage.models import (
    Event,
    Exhibition,
    ExhibitionStop,
    Festival,
    Showcase,
    ShowcaseVote,
    Site,
    SitePhoto,
)
from inducult.network.enums import LawfulBasis, OrganisationKind
from inducult.network.models import ImportBatch, Membership, Organisation, OrganisationRelationship, Person
from inducult.practices.enums import PracticeTheme
from inducult.practices.models import GoodPractice, PracticeAttachment
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
from inducult.tours.models import TourProduct, TourProductStop, TourStart

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")

# The smallest file the attachment checks accept as a PDF (they read the bytes, not the name).
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


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


class RegionRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionRole

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)
    role = Role.VIEWER


def grant(user, region, role: str = Role.COORDINATOR, organisation=None) -> RegionRole:
    return RegionRoleFactory(user=user, region=region, role=role, organisation=organisation)


class OrganisationRelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationRelationship

    source = factory.SubFactory(OrganisationFactory)
    target = factory.SubFactory(OrganisationFactory, region=factory.SelfAttribute("..source.region"))
    kind = OrganisationRelationship.Kind.PARTNERSHIP


class ImportBatchFactory(factory.django.DjangoModelFactory):
    """An uploaded list whose file is gone (as after an import): the import pages list such batches."""

    class Meta:
        model = ImportBatch

    region = factory.SubFactory(RegionFactory)
    created_by = factory.SubFactory(UserFactory)
    file_name = factory.Sequence(lambda n: f"kontakty-{n}.csv")
    counts = factory.LazyFunction(lambda: {"rows": 3})


class SubmittedFormFactory(factory.django.DjangoModelFactory):
    """A create form's claimed token (core.submissions)."""

    class Meta:
        model = SubmittedForm

    token = factory.Sequence(lambda n: f"{n:032x}")
    url = "/manage/karlovy-vary/people/1/"


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """A personal API token as stored: its hash, never its secret (api.services.tokens makes real ones)."""

    class Meta:
        model = ApiToken

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)
    name = "Newsletter tool"
    prefix = factory.Sequence(lambda n: f"ich_{n:06d}")
    token_hash = factory.Sequence(lambda n: f"{n:064x}")


class AuditEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEntry

    region = factory.SubFactory(RegionFactory)
    actor = factory.SubFactory(UserFactory)
    actor_name = factory.SelfAttribute("actor.username")
    action = AuditAction.CHANGE
    object_type = "network.organisation"
    object_id = factory.Sequence(str)
    object_repr = factory.Sequence(lambda n: f"Organisation {n}")
    changes = factory.LazyFunction(lambda: {"phone": ["", "+420 352 000 000"]})


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


class AttachmentFactory(factory.django.DjangoModelFactory):
    """An engagement's file; its bytes go to MEDIA_ROOT, which a test using it points at tmp_path."""

    class Meta:
        model = Attachment

    engagement = factory.SubFactory(EngagementFactory)
    file = factory.django.FileField(filename="zapis.pdf", data=PDF)


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


# --- Heritage ------------------------------------------------------------------------------


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

    class Params:
        # Open 9:00–17:00 every day of the year, e.g. for the tour planner.
        open_daily = factory.Trait(opening_hours=factory.LazyFunction(lambda: _daily_hours(9, 17)))


def _daily_hours(opens: int, closes: int) -> dict:
    season = oh.Season(
        start=oh.MonthDay(1, 1),
        end=oh.MonthDay(12, 31),
        weekdays=frozenset(range(7)),
        intervals=(oh.Interval(datetime.time(opens), datetime.time(closes)),),
    )
    return oh.to_dict(oh.OpeningHours(kind="regular", seasons=(season,)))


class SitePhotoFactory(factory.django.DjangoModelFactory):
    """A site's photo, a real JPEG; its bytes go to MEDIA_ROOT (a test using it points it at tmp_path)."""

    class Meta:
        model = SitePhoto

    site = factory.SubFactory(SiteFactory)
    image = factory.django.ImageField(filename="photo.jpg", format="JPEG", width=40, height=30, color="gray")
    width = 40
    height = 30
    alt_text = factory.Sequence(lambda n: f"The winding tower, photo {n}")
    credit = "Sample photo, CC BY 4.0"
    position = factory.Sequence(lambda n: n)
    is_sample = True


class FestivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Festival

    region = factory.SubFactory(RegionFactory)
    slug = factory.Sequence(lambda n: f"festival-{n}")
    name = factory.Sequence(lambda n: f"Industrial September {n}")
    starts_on = datetime.date(2027, 9, 1)
    ends_on = datetime.date(2027, 9, 30)
    is_sample = True


class EventFactory(factory.django.DjangoModelFactory):
    """An approved (so public) event at a site of its region."""

    class Meta:
        model = Event

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Night in the mine {n}")
    starts_at = factory.LazyFunction(lambda: datetime.datetime(2027, 9, 11, 18, 0, tzinfo=PRAGUE))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=3))
    site = factory.SubFactory(SiteFactory, region=factory.SelfAttribute("..region"))
    status = EventStatus.APPROVED
    is_sample = True


class ExhibitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibition

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Touring exhibition {n}")
    is_sample = True


class ShowcaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Showcase

    exhibition = factory.SubFactory(ExhibitionFactory)
    title = factory.Sequence(lambda n: f"Showcase {n}")
    sector = "porcelain"
    order = factory.Sequence(lambda n: n)
    is_sample = True


class ExhibitionStopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExhibitionStop

    exhibition = factory.SubFactory(ExhibitionFactory)
    venue = factory.Sequence(lambda n: f"Venue {n}")
    starts_on = datetime.date(2027, 5, 1)
    ends_on = datetime.date(2027, 5, 31)
    voting_open = True
    is_sample = True


class ShowcaseVoteFactory(factory.django.DjangoModelFactory):
    """A visitor's vote at a stop for a showcase of the same exhibition."""

    class Meta:
        model = ShowcaseVote

    stop = factory.SubFactory(ExhibitionStopFactory)
    showcase = factory.SubFactory(ShowcaseFactory, exhibition=factory.SelfAttribute("..stop.exhibition"))
    voter = factory.Sequence(lambda n: hashlib.sha256(f"voter-{n}".encode()).hexdigest())
    is_sample = True


# --- Tours ---------------------------------------------------------------------------------


class TourStartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TourStart

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Starting point {n}")
    latitude = Decimal("50.230600")
    longitude = Decimal("12.872500")
    position = factory.Sequence(lambda n: n)


class TourProductFactory(factory.django.DjangoModelFactory):
    """A published day tour from a starting point of its region; its places are TourProductStops."""

    class Meta:
        model = TourProduct

    region = factory.SubFactory(RegionFactory)
    slug = factory.Sequence(lambda n: f"tour-{n}")
    title = factory.Sequence(lambda n: f"Porcelain and glass, day {n}")
    start = factory.SubFactory(TourStartFactory, region=factory.SelfAttribute("..region"))
    mode = "car"
    day_from = datetime.time(9, 0)
    day_to = datetime.time(18, 0)
    interests = factory.LazyFunction(lambda: {"porcelain": 2})


class TourProductStopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TourProductStop

    product = factory.SubFactory(TourProductFactory)
    site = factory.SubFactory(SiteFactory, region=factory.SelfAttribute("..product.region"))
    position = factory.Sequence(lambda n: n + 1)


# --- Action plan ---------------------------------------------------------------------------


class FundingInstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingInstrument

    region = factory.SubFactory(RegionFactory)
    programme = factory.Sequence(lambda n: f"Programme {n}")
    country = "CZ"
    themes = factory.LazyFunction(lambda: ["tourism"])
    is_sample = True


class FundingCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall

    instrument = factory.SubFactory(FundingInstrumentFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    opens_on = datetime.date(2026, 3, 1)
    closes_on = datetime.date(2026, 5, 31)
    is_sample = True


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    region = factory.SubFactory(RegionFactory)
    work_package = "WP2"
    title = factory.Sequence(lambda n: f"Activity {n}")
    starts_on = datetime.date(2027, 1, 1)
    ends_on = datetime.date(2027, 12, 31)
    themes = factory.LazyFunction(lambda: ["tourism"])
    status = "planned"
    is_sample = True


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    activity = factory.SubFactory(ActivityFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    """A private feed; only the hash of its address's secret is stored (actionplan.services.feeds)."""

    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)
    token_hash = factory.Sequence(lambda n: hashlib.sha256(f"token-{n}".encode()).hexdigest())


# --- Cooperation ---------------------------------------------------------------------------


class CooperationFactory(factory.django.DjangoModelFactory):
    """A school–enterprise cooperation in the school year 2019/2020."""

    class Meta:
        model = Cooperation

    region = factory.LazyAttribute(lambda c: c.partner_a.region)
    kind = CooperationKind.SCHOOL_ENTERPRISE
    partner_a = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.SCHOOL)
    partner_b = factory.SubFactory(
        OrganisationFactory, kind=OrganisationKind.ENTERPRISE, region=factory.SelfAttribute("..partner_a.region")
    )
    school_year = 2019
    is_sample = True


class CooperationActivityFactory(factory.django.DjangoModelFactory):
    """An excursion in the cooperation's school year with the engagement that logs it, as
    ``cooperation.services.cooperations.add_activity`` links them."""

    class Meta:
        model = CooperationActivity

    cooperation = factory.SubFactory(CooperationFactory)
    type = ActivityType.EXCURSION
    date = datetime.date(2019, 10, 16)
    pupils = 22
    engagement = factory.SubFactory(
        EngagementFactory,
        region=factory.SelfAttribute("..cooperation.region"),
        kind=factory.LazyAttribute(lambda e: ENGAGEMENT_KIND[ActivityType(e.factory_parent.type)]),
        starts_at=factory.LazyAttribute(
            lambda e: datetime.datetime.combine(e.factory_parent.date, datetime.time(9), tzinfo=PRAGUE)
        ),
    )
    is_sample = True


# --- Good practices ------------------------------------------------------------------------


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Sample practice {n}")
    theme = PracticeTheme.TOURISM
    language = "cs"
    summary = "Ukázkový popis."
    is_sample = True

    class Params:
        is_shared = factory.Trait(shared=True, shared_at=factory.LazyFunction(timezone.now))


class PracticeAttachmentFactory(factory.django.DjangoModelFactory):
    """A practice's file; its bytes go to MEDIA_ROOT, which a test using it points at tmp_path."""

    class Meta:
        model = PracticeAttachment

    practice = factory.SubFactory(GoodPracticeFactory)
    file = factory.django.FileField(filename="postup.pdf", data=PDF)
