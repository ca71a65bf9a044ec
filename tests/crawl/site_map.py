"""Every page of the platform with the ids of the records in the database filled in: each named
route of the URLconf (the admin aside) becomes one path per record it shows.

``ROUTE_RECORDS`` says, per route that takes more than the region, which records fill it. A route
with only the region is filled with every region, a route without parameters is its one path.
``test_every_route_is_in_the_site_map`` fails when a route is added without an entry here, so that
the crawl never silently leaves a page out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inducult.actionplan.models import Activity, FundingCall, FundingInstrument
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.engagement.models import Attachment, Engagement, FollowUpTask
from inducult.heritage.models import Event, Exhibition, ExhibitionStop, Festival, Site, SitePhoto
from inducult.network.models import ImportBatch, Membership, Organisation, OrganisationRelationship, Person
from inducult.practices.models import GoodPractice, PracticeAttachment
from inducult.regions.models import Region
from inducult.reports.services.gather import years_with_data
from inducult.strategy.models import CountRule, DeliverableRule, Milestone, StrategicGoal, StrategyVersion
from inducult.tours.models import TourProduct
from tests.crawl.reading import spread

# Django's admin is for the staff of the installation, none of the crawl's personas; it is Django's
# own and tested there.
LEFT_OUT_NAMESPACES = {"admin"}

Fill = Callable[[], Iterator[dict]]


def rows(model: type[Model], region: str = "region__slug", /, **kwargs: str | tuple) -> Fill:
    """The URL kwargs of every row of ``model``, archived, erased and deleted ones too (their pages
    must answer as well): ``region_slug`` from the ``region`` lookup, each other kwarg from the
    lookup it names, or every value of a tuple (one path per value)."""

    def fill() -> Iterator[dict]:
        queryset = model._base_manager.all()
        lookups = {name: value for name, value in kwargs.items() if isinstance(value, str)}
        constants = {name: value for name, value in kwargs.items() if isinstance(value, tuple)}
        seen = set()
        for values in queryset.order_by("pk").values_list(region, *lookups.values()):
            found = dict(zip(["region_slug", *lookups], values, strict=True))
            for combination in itertools.product(*constants.values()):
                path_kwargs = {**found, **dict(zip(constants, combination, strict=True))}
                key = tuple(sorted(path_kwargs.items()))
                if key not in seen:
                    seen.add(key)
                    yield path_kwargs

    return fill


def annual_report_years(*, oldest_only: bool = False) -> Fill:
    def fill() -> Iterator[dict]:
        for region in Region.objects.order_by("pk"):
            years = years_with_data(region)
            for year in years[-1:] if oldest_only else years:
                yield {"region_slug": region.slug, "year": year}

    return fill


ENGAGEMENT = rows(Engagement, pk="pk")
SITE = rows(Site, pk="pk")
EVENT = rows(Event, pk="pk")
FESTIVAL = rows(Festival, festival_slug="slug")
VERSION = rows(StrategyVersion, "strategy__region__slug", pk="pk")
MILESTONE = rows(Milestone, "version__strategy__region__slug", pk="version_id", milestone_pk="pk")
ACTIVITY = rows(Activity, pk="pk")
COOPERATION = rows(Cooperation, pk="pk")
PRACTICE = rows(GoodPractice, pk="pk")
ORGANISATION = rows(Organisation, pk="pk")
PERSON = rows(Person, pk="pk")


def rules() -> Iterator[dict]:
    """Each milestone's count and deliverable rules, by their kind's name in the path."""
    for model, rule_type in ((CountRule, "count"), (DeliverableRule, "deliverable")):
        yield from rows(
            model,
            "milestone__version__strategy__region__slug",
            pk="milestone__version_id",
            milestone_pk="milestone_id",
            rule_pk="pk",
            rule_type=(rule_type,),
        )()


ROUTE_RECORDS: dict[str, Fill] = {
    "password_reset_confirm": lambda: iter([{"uidb64": "MQ", "token": "not-a-token"}]),
    # The engagement log
    "engagement:detail": ENGAGEMENT,
    "engagement:edit": ENGAGEMENT,
    "engagement:delete": ENGAGEMENT,
    "engagement:restore": ENGAGEMENT,
    "engagement:task_done": rows(FollowUpTask, "engagement__region__slug", pk="pk"),
    "engagement:attachment": rows(Attachment, "engagement__region__slug", pk="engagement_id", attachment_pk="pk"),
    # Heritage: sites, events, festivals, the exhibition
    "heritage_events:edit": EVENT,
    "heritage_events:review": EVENT,
    "heritage_sites:edit": SITE,
    "heritage_sites:photos": SITE,
    "heritage_public:site": SITE,
    "heritage_public:site_ics": SITE,
    "heritage_public:photo": rows(SitePhoto, "site__region__slug", pk="pk"),
    "heritage_public:event": EVENT,
    "heritage_public:festival": FESTIVAL,
    "heritage_public:festival_ics": FESTIVAL,
    "heritage_public:exhibition": rows(Exhibition, pk="pk"),
    "heritage_public:vote": rows(ExhibitionStop, "exhibition__region__slug", pk="pk"),
    "heritage_embed:festival": FESTIVAL,
    "heritage_embed:site_events": SITE,
    # Strategy versions, their goals, milestones and rules
    "strategy_versions:detail": VERSION,
    "strategy_versions:actualise": VERSION,
    "strategy_versions:milestone_add": VERSION,
    "strategy_versions:goal_edit": rows(
        StrategicGoal, "version__strategy__region__slug", pk="version_id", goal_pk="pk"
    ),
    "strategy_versions:milestone_edit": MILESTONE,
    "strategy_versions:milestone_remove": MILESTONE,
    "strategy_versions:rule_add": rows(
        Milestone,
        "version__strategy__region__slug",
        pk="version_id",
        milestone_pk="pk",
        rule_type=("count", "deliverable"),
    ),
    "strategy_versions:rule_edit": rules,
    "strategy_versions:rule_remove": rules,
    # The action plan and funding
    "actionplan:activity": ACTIVITY,
    "actionplan:activity_edit": ACTIVITY,
    "actionplan:instrument": rows(FundingInstrument, pk="pk"),
    "actionplan:call_instrument": rows(FundingCall, "instrument__region__slug", pk="pk"),
    # A feed's token is kept only as a hash: a made-up one asks for the feed nobody has.
    "actionplan:feed": rows(Region, "slug", token=("not-a-feed-token",)),
    # Reports: each year's report is gathered for its DOCX; the PDF renders the same report and takes
    # seconds, so the oldest year, the smallest, shows that it renders.
    "reports:annual_pdf": annual_report_years(oldest_only=True),
    "reports:annual_docx": annual_report_years(),
    # Cooperation
    "cooperation:detail": COOPERATION,
    "cooperation:edit": COOPERATION,
    "cooperation:activity_create": COOPERATION,
    "cooperation:activity_edit": rows(
        CooperationActivity, "cooperation__region__slug", pk="cooperation_id", activity_pk="pk"
    ),
    "cooperation:public_year": rows(Cooperation, year="school_year"),
    # Good practices
    **{f"practices:{name}": PRACTICE for name in ("detail", "edit", "share", "unshare", "archive", "restore")},
    "practices:attachment": rows(PracticeAttachment, "practice__region__slug", pk="practice_id", attachment_pk="pk"),
    # The registry
    "network:organisation_export": rows(Region, "slug", fmt=("csv", "xlsx")),
    **{
        f"network:{name}": ORGANISATION
        for name in (
            "organisation_detail",
            "organisation_edit",
            "organisation_archive",
            "organisation_restore",
            "relationship_create",
        )
    },
    "network:relationship_change": rows(OrganisationRelationship, "source__region__slug", pk="pk"),
    **{
        f"network:{name}": PERSON
        for name in (
            "person_detail",
            "person_edit",
            "person_vcard",
            "person_export",
            "person_erase",
            "membership_create",
        )
    },
    "network:membership_end": rows(Membership, "person__region__slug", pk="pk"),
    "network:import_preview": rows(ImportBatch, pk="pk"),
    "network:import_run": rows(ImportBatch, pk="pk"),
    "portal:organisation": ORGANISATION,
    # Tours
    "tours:product": rows(TourProduct, product_slug="slug"),
    # The REST API (an archived site or an event not approved answers 404 there, as on the public pages)
    "api:site": SITE,
    "api:event": EVENT,
    "api:exhibition": rows(Exhibition, pk="pk"),
    "api:organisation": ORGANISATION,
    "api:engagement": ENGAGEMENT,
}


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    params: tuple[str, ...]


def routes() -> list[Route]:
    """Every named route of the URLconf outside ``LEFT_OUT_NAMESPACES``."""
    found = []

    def walk(resolver, prefix: str, namespaces: tuple[str, ...]):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in LEFT_OUT_NAMESPACES:
                    continue
                inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = ":".join(namespaces + (pattern.name,))
                found.append(Route(name, prefix + str(pattern.pattern), tuple(pattern.pattern.converters)))

    walk(get_resolver(), "", ())
    return found


def fill(route: Route) -> Iterator[dict]:
    if route.name in ROUTE_RECORDS:
        return ROUTE_RECORDS[route.name]()
    if route.params == ("region_slug",):
        return iter({"region_slug": slug} for slug in Region.objects.order_by("pk").values_list("slug", flat=True))
    if not route.params:
        return iter([{}])
    raise LookupError(f"{route.name} ({route.route}) takes {route.params}: say in ROUTE_RECORDS which records fill it")


# A route whose page is a form or a confirmation about one record (or a post that has none): the
# same form for each record, 100–200 ms a page. Its records are spread, not all taken; the pages that
# show a record (public pages, details, histories) are crawled for every one.
FORM_ROUTE = re.compile(
    r"(edit|delete|erase|photos|add|remove|actualise|review|restore|archive|share|done|run|end|vote|create|publish)$"
)
RECORDS_PER_FORM = 6


def pages() -> list[tuple[str, str]]:
    """(route name, path) of every page, in the URLconf's order: each route with every record, a
    form's route with ``RECORDS_PER_FORM`` of them spread over all."""
    found = []
    for route in routes():
        every = list(fill(route))
        if FORM_ROUTE.search(route.name.rpartition(":")[2]):
            every = spread(every, RECORDS_PER_FORM)
        found.extend((route.name, reverse(route.name, kwargs=kwargs)) for kwargs in every)
    return found


def first_pages() -> list[tuple[str, str]]:
    """(route name, path) of each route's first page: its first record, its first region."""
    found = []
    for route in routes():
        kwargs = next(fill(route), None)
        if kwargs is not None:
            found.append((route.name, reverse(route.name, kwargs=kwargs)))
    return found


def is_document(path: str) -> bool:
    """A report made for downloading: the same file in every language of the pages, seconds to make."""
    return path.endswith((".pdf", ".docx"))
