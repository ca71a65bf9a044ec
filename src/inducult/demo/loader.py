"""Loading the Karlovy Vary demo region through the domain functions, so the trail shows each record.

Idempotent: existing records are found by a stable key (organisations by region, normalised name and
town; sample people by e-mail; the strategy by title, its version by start date, goals and
milestones by code, rules by position or key; real engagements by kind and start; sample engagements
by their sample source, kind and start; sample deliverables by rule and title), and a record is only
written when one of its fields differs. A second run therefore writes no rows and no audit
entries. Records the coordinator added beside the demo's are left alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from inducult.actionplan.demo import load_action_plan
from inducult.cooperation.demo import load_cooperation
from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.text import fold, normalised_name
from inducult.demo import (
    event_records,
    exhibition_records,
    records,
    sample_history,
    site_records,
    strategy_records,
    writing,
)
from inducult.demo.writing import differences
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.engagement.models import Engagement
from inducult.engagement.services.engagements import (
    add_follow_up_task,
    add_participant,
    create_engagement,
    ensure_topics,
    update_engagement,
)
from inducult.heritage.models import Event, Exhibition, ExhibitionStop, Festival, Showcase, ShowcaseVote, Site
from inducult.network.models import Membership, Organisation, Person
from inducult.network.services.organisations import create_organisation, update_organisation
from inducult.network.services.people import add_membership, create_person, update_person
from inducult.practices.demo import load_practices
from inducult.regions.models import Region
from inducult.strategy.models import (
    CountRule,
    Deliverable,
    DeliverableRule,
    Milestone,
    StrategicGoal,
    Strategy,
    StrategyVersion,
)
from inducult.tours.models import TourStart


@dataclass
class Summary:
    region_created: bool = False
    region_updated: bool = False
    organisations: int = 0
    organisations_created: int = 0
    organisations_updated: int = 0
    people: int = 0
    people_created: int = 0
    people_updated: int = 0
    memberships_created: int = 0
    goals: int = 0
    milestones: int = 0
    standing_targets: int = 0
    # Every record of the strategy: the strategy, its version, goals, milestones and rules.
    strategy_records_created: int = 0
    strategy_records_updated: int = 0
    engagements: int = 0
    engagements_created: int = 0
    engagements_updated: int = 0
    # The made-up history (demo.sample_history), kept apart from the engagements of the sources.
    samples: int = 0
    samples_created: int = 0
    samples_updated: int = 0
    sample_deliverables: int = 0
    sample_deliverables_created: int = 0
    sites: int = 0
    sites_created: int = 0
    sites_updated: int = 0
    sites_hours_to_check: int = 0
    festivals: int = 0
    festivals_created: int = 0
    festivals_updated: int = 0
    public_events: int = 0
    exhibition_records_created: int = 0
    exhibition_records_updated: int = 0
    sample_votes_created: int = 0
    public_events_created: int = 0
    public_events_updated: int = 0
    tour_starts_created: int = 0
    tour_starts_updated: int = 0
    action_plan_created: int = 0
    action_plan_updated: int = 0
    practices_created: int = 0
    practices_updated: int = 0
    cooperation_created: int = 0
    cooperation_updated: int = 0

    @property
    def changed(self) -> bool:
        return any(
            (
                self.region_created,
                self.region_updated,
                self.organisations_created,
                self.organisations_updated,
                self.people_created,
                self.people_updated,
                self.memberships_created,
                self.strategy_records_created,
                self.strategy_records_updated,
                self.engagements_created,
                self.engagements_updated,
                self.samples_created,
                self.samples_updated,
                self.sample_deliverables_created,
                self.sites_created,
                self.sites_updated,
                self.tour_starts_created,
                self.tour_starts_updated,
                self.action_plan_created,
                self.action_plan_updated,
                self.practices_created,
                self.practices_updated,
                self.cooperation_created,
                self.cooperation_updated,
                self.public_events_created,
                self.public_events_updated,
                self.festivals_created,
                self.festivals_updated,
                self.exhibition_records_created,
                self.exhibition_records_updated,
                self.sample_votes_created,
            )
        )

    def line(self) -> str:
        registry = _(
            "Karlovy Vary demo: %(orgs)d organisations (%(new)d new, %(updated)d updated), "
            "%(people)d sample people (%(people_new)d new), %(memberships)d new memberships"
        ) % {
            "orgs": self.organisations,
            "new": self.organisations_created,
            "updated": self.organisations_updated,
            "people": self.people,
            "people_new": self.people_created,
            "memberships": self.memberships_created,
        }
        strategy = _(
            "strategy: %(goals)d goals, %(milestones)d milestones, %(targets)d standing targets "
            "(%(new)d records new, %(updated)d updated); engagements from the sources: %(engagements)d "
            "(%(engagements_new)d new)"
        ) % {
            "goals": self.goals,
            "milestones": self.milestones,
            "targets": self.standing_targets,
            "new": self.strategy_records_created,
            "updated": self.strategy_records_updated,
            "engagements": self.engagements,
            "engagements_new": self.engagements_created,
        }
        samples = _(
            "sample history (not real): %(samples)d engagements (%(new)d new, %(updated)d updated), "
            "%(deliverables)d deliverables (%(deliverables_new)d new)"
        ) % {
            "samples": self.samples,
            "new": self.samples_created,
            "updated": self.samples_updated,
            "deliverables": self.sample_deliverables,
            "deliverables_new": self.sample_deliverables_created,
        }
        sites = _("sites: %(sites)d (%(new)d new, %(updated)d updated), %(check)d with opening hours to check") % {
            "sites": self.sites,
            "new": self.sites_created,
            "updated": self.sites_updated,
            "check": self.sites_hours_to_check,
        }
        events = _(
            "festivals: %(festivals)d (%(festivals_new)d new); public events: %(events)d (%(new)d new, "
            "%(updated)d updated)"
        ) % {
            "festivals": self.festivals,
            "festivals_new": self.festivals_created,
            "events": self.public_events,
            "new": self.public_events_created,
            "updated": self.public_events_updated,
        }
        exhibition = _("touring exhibition: %(new)d records new, %(updated)d updated, %(votes)d sample votes new") % {
            "new": self.exhibition_records_created,
            "updated": self.exhibition_records_updated,
            "votes": self.sample_votes_created,
        }
        return f"{registry}; {strategy}; {samples}; {sites}; {events}; {exhibition}"


def ensure_region(*, actor=None) -> tuple[Region, str]:
    """The demo region, created or brought up to date; returns it with "created", "updated" or ""."""
    return writing.ensure_region(records.REGION, actor=actor)


def _identity(name: str, town: str) -> tuple[str, str]:
    return normalised_name(name), fold(town or "").strip()


def load_organisations(*, region, actor=None, summary: Summary) -> dict[str, Organisation]:
    """Create or update the demo organisations; returns them by their demo key."""
    existing = {_identity(org.name, org.town): org for org in Organisation.objects.filter(region=region)}
    by_key: dict[str, Organisation] = {}
    for record in records.organisation_records():
        org = existing.get(_identity(record.data["name"], record.data["town"]))
        if org is None:
            org = create_organisation(region=region, actor=actor, data=record.data)
            summary.organisations_created += 1
        else:
            changed = differences(org, record.data)
            if changed:
                org = update_organisation(organisation=org, actor=actor, data=changed, version=org.version)
                summary.organisations_updated += 1
        by_key[record.key] = org
    summary.organisations = len(by_key)
    return by_key


def load_sample_people(*, region, organisations: dict[str, Organisation], actor=None, summary: Summary) -> None:
    for record in records.sample_people():
        person = Person.objects.filter(region=region, email__iexact=record.data["email"]).first()
        if person is None:
            person = create_person(region=region, actor=actor, data=record.data)
            summary.people_created += 1
        else:
            changed = differences(person, record.data)
            if changed:
                person = update_person(person=person, actor=actor, data=changed, version=person.version)
                summary.people_updated += 1
        summary.people += 1
        for key, role in record.memberships:
            organisation = organisations[key]
            if not Membership.objects.filter(person=person, organisation=organisation, role=role).exists():
                add_membership(person=person, organisation=organisation, actor=actor, role=role)
                summary.memberships_created += 1


def _labels(related) -> list[str]:
    """Linked records in the trail: goals by their code."""
    return sorted(getattr(obj, "code", None) or str(obj) for obj in related)


def _ensure(
    model: type[models.Model],
    *,
    lookup: dict[str, Any],
    data: dict[str, Any],
    region: Region,
    actor,
    summary: Summary,
    links: dict[str, list] | None = None,
    counter: str = "strategy_records",
) -> models.Model:
    """The record found by ``lookup``, created or brought up to date with ``data`` and the
    many-to-many ``links``; each write is validated and audited like the region's. ``counter`` names
    the pair of Summary fields (``<counter>_created``, ``<counter>_updated``) it counts in."""
    links = links or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **data)
        instance.full_clean()
        instance.save()
        for name, related in links.items():
            getattr(instance, name).set(related)
        values = {**audit.snapshot(instance, data), **{n: _labels(r) for n, r in links.items()}}
        audit.record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=instance,
            region=region,
            changes=audit.created(values),
        )
        setattr(summary, f"{counter}_created", getattr(summary, f"{counter}_created") + 1)
        return instance
    changed = differences(instance, data)
    changed_links = {
        name: related for name, related in links.items() if set(getattr(instance, name).all()) != set(related)
    }
    if not changed and not changed_links:
        return instance
    before = {
        **audit.snapshot(instance, changed),
        **{n: _labels(list(getattr(instance, n).all())) for n in changed_links},
    }
    for name, value in changed.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    for name, related in changed_links.items():
        getattr(instance, name).set(related)
    after = {**audit.snapshot(instance, changed), **{n: _labels(r) for n, r in changed_links.items()}}
    audit.record(
        actor=actor, action=AuditAction.CHANGE, instance=instance, region=region, changes=audit.diff(before, after)
    )
    setattr(summary, f"{counter}_updated", getattr(summary, f"{counter}_updated") + 1)
    return instance


def load_strategy(*, region, actor=None, summary: Summary) -> StrategyVersion:
    """The strategy "Living Industrial Culture": its original version, goals, milestones with their
    rules, and the coordinator's standing targets (demo.strategy_records)."""
    data = dict(strategy_records.STRATEGY)
    strategy = _ensure(
        Strategy,
        lookup={"region": region, "title": data.pop("title")},
        data=data,
        region=region,
        actor=actor,
        summary=summary,
    )
    data = dict(strategy_records.VERSION)
    version = _ensure(
        StrategyVersion,
        lookup={"strategy": strategy, "valid_from": data.pop("valid_from")},
        data=data,
        region=region,
        actor=actor,
        summary=summary,
    )
    goals: dict[str, StrategicGoal] = {}
    for order, record in enumerate(strategy_records.GOALS, start=1):
        goals[record.code] = _ensure(
            StrategicGoal,
            lookup={"version": version, "code": record.code},
            data=strategy_records.goal_data(record, order),
            region=region,
            actor=actor,
            summary=summary,
        )
    summary.goals = len(goals)
    for order, record in enumerate((*strategy_records.MILESTONES, *strategy_records.STANDING_TARGETS), start=1):
        milestone = _ensure(
            Milestone,
            lookup={"version": version, "code": record.code},
            data=strategy_records.milestone_data(record, order),
            links={"goals": [goals[code] for code in record.goals]},
            region=region,
            actor=actor,
            summary=summary,
        )
        count_rules = [r for r in record.rules if isinstance(r, strategy_records.CountRuleRecord)]
        deliverable_rules = [r for r in record.rules if isinstance(r, strategy_records.DeliverableRuleRecord)]
        for position, rule in enumerate(count_rules, start=1):
            _ensure(
                CountRule,
                lookup={"milestone": milestone, "order": position},
                data=strategy_records.count_rule_data(rule),
                region=region,
                actor=actor,
                summary=summary,
            )
        for position, rule in enumerate(deliverable_rules, start=1):
            _ensure(
                DeliverableRule,
                lookup={"milestone": milestone, "key": rule.key},
                data=strategy_records.deliverable_rule_data(rule, position),
                region=region,
                actor=actor,
                summary=summary,
            )
        if record.is_standing_target:
            summary.standing_targets += 1
        else:
            summary.milestones += 1
    return version


def load_real_engagements(*, region, actor=None, summary: Summary) -> None:
    """Engagements the strategy reports as held: real facts with their source, not samples."""
    tz = region.tz
    for record in strategy_records.REAL_ENGAGEMENTS:
        starts_at = datetime.datetime.combine(record.date, datetime.time.min, tzinfo=tz)
        data = {
            "kind": record.kind,
            "status": EngagementStatus.HELD.value,
            "title": record.title,
            "starts_at": starts_at,
            "date_only": True,
            "outcomes": record.outcomes,
            "visibility": Visibility.PUBLIC.value,
            "translations": {"title": {"en": record.title_en}, "outcomes": {"en": record.outcomes_en}},
            "source": record.source,
            "is_sample": False,
        }
        engagement = Engagement.objects.filter(
            region=region, is_sample=False, kind=record.kind, starts_at=starts_at
        ).first()
        if engagement is None:
            create_engagement(region=region, actor=actor, data=data)
            summary.engagements_created += 1
        else:
            changed = differences(engagement, data)
            if changed:
                update_engagement(engagement=engagement, actor=actor, data=changed, version=engagement.version)
                summary.engagements_updated += 1
        summary.engagements += 1


def _sample_data(record: sample_history.SampleEngagement, *, tz, today: datetime.date) -> dict[str, Any]:
    held = record.held_on(today)
    return {
        "kind": record.kind,
        "status": (EngagementStatus.HELD if held else EngagementStatus.PLANNED).value,
        "title": record.title,
        "starts_at": record.when.replace(tzinfo=tz),
        "date_only": False,
        "place_text": record.place,
        "outcomes": record.outcomes if held else "",
        "visibility": (Visibility.PUBLIC if record.public else Visibility.INTERNAL).value,
        "source": sample_history.SOURCE,
        "is_sample": True,
    }


def _add_sample_details(engagement, record, *, organisations, people, actor) -> None:
    """Participants always; follow-up tasks once the engagement has been held."""
    if not engagement.participants.exists():
        for key in record.organisations:
            add_participant(engagement=engagement, actor=actor, organisation=organisations[key])
    if engagement.status == EngagementStatus.HELD and record.tasks and not engagement.tasks.exists():
        for task in record.tasks:
            add_follow_up_task(
                engagement=engagement,
                actor=actor,
                title=task.title,
                owner=people[task.owner],
                due_date=record.when.date() + datetime.timedelta(days=task.due_after_days),
            )


def load_sample_history(
    *, region, version: StrategyVersion, organisations: dict[str, Organisation], actor=None, summary: Summary, today
) -> None:
    """The made-up engagements 2019 → today's year and sample deliverables (demo.sample_history),
    through the domain functions so the trail shows each. Held or planned follows ``today``."""
    tz = region.tz
    manager = getattr(Engagement, "all_objects", Engagement.objects)  # a sample deleted by hand stays deleted
    existing = {
        (e.kind, e.starts_at): e for e in manager.filter(region=region, is_sample=True, source=sample_history.SOURCE)
    }
    people = {p.email.lower(): p for p in Person.objects.filter(region=region, is_sample=True)}
    goals = {g.code: g for g in version.goals.all()}
    topics: dict[str, Any] | None = None
    for record in sample_history.sample_engagements(today):
        data = _sample_data(record, tz=tz, today=today)
        engagement = existing.get((record.kind, data["starts_at"]))
        if engagement is None:
            if topics is None:
                names = sample_history.TOPICS
                topics = {t.name: t for t in ensure_topics(region=region, actor=actor, names=names)}
            engagement = create_engagement(
                region=region,
                actor=actor,
                data=data,
                topics=[topics[name] for name in record.topics],
                goals=[goals[code] for code in record.goals if code in goals],
            )
            summary.samples_created += 1
            _add_sample_details(engagement, record, organisations=organisations, people=people, actor=actor)
        elif getattr(engagement, "deleted_at", None) is None:
            changed = differences(engagement, data)
            if changed:
                engagement = update_engagement(
                    engagement=engagement, actor=actor, data=changed, version=engagement.version
                )
                summary.samples_updated += 1
                _add_sample_details(engagement, record, organisations=organisations, people=people, actor=actor)
        summary.samples += 1
    load_sample_deliverables(region=region, version=version, actor=actor, summary=summary)


def load_sample_deliverables(*, region, version: StrategyVersion, actor=None, summary: Summary) -> None:
    rules = {r.key: r for r in DeliverableRule.objects.filter(milestone__version=version)}
    for record in sample_history.DELIVERABLES:
        rule = rules[record.rule_key]
        summary.sample_deliverables += 1
        if Deliverable.objects.filter(rule=rule, is_sample=True, title=record.title).exists():
            continue
        deliverable = Deliverable(
            rule=rule,
            title=record.title,
            dated=record.dated,
            evidence_url=record.evidence_url,
            source=sample_history.DELIVERABLE_SOURCE,
            is_sample=True,
        )
        deliverable.full_clean()
        deliverable.save()
        audit.record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=deliverable,
            region=region,
            changes=audit.created(audit.snapshot(deliverable, ("title", "dated", "evidence_url", "is_sample"))),
        )
        summary.sample_deliverables_created += 1


@transaction.atomic
def load_sites(*, region, organisations: dict[str, Organisation], actor=None, summary: Summary) -> None:
    """The reference list's places as sites, found again by their row id (KV001…)."""
    for record in site_records.site_records():
        owner = organisations.get(record.owner_key) if record.owner_key else None
        _ensure(
            Site,
            lookup={"region": region, "external_id": record.external_id},
            data={**record.data, "organisation": owner},
            region=region,
            actor=actor,
            summary=summary,
            counter="sites",
        )
        summary.sites += 1
        summary.sites_hours_to_check += bool(record.data["opening_hours_review"])


def load_events(*, region, actor=None, summary: Summary) -> None:
    """The real 2018 festival, and a sample 2026 edition with sample events at real sites."""
    tz = region.tz
    for data in (event_records.SEPTEMBER_2018, event_records.SAMPLE_FESTIVAL):
        fields = {k: v for k, v in data.items() if k != "slug"}
        _ensure(
            Festival,
            lookup={"region": region, "slug": data["slug"]},
            data=fields,
            region=region,
            actor=actor,
            summary=summary,
            counter="festivals",
        )
        summary.festivals += 1
    festival = Festival.objects.get(region=region, slug=event_records.SAMPLE_FESTIVAL["slug"])
    sites = {s.external_id: s for s in Site.objects.filter(region=region)}
    for sample in event_records.SAMPLE_EVENTS:
        site = sites[sample.site_row]
        data = {**event_records.event_data(sample, tz), "site": site, "organisation": site.organisation}
        del data["title"]  # the key it is found again by
        lookup = {"region": region, "festival": festival, "title": sample.title}
        _ensure(Event, lookup=lookup, data=data, region=region, actor=actor, summary=summary, counter="public_events")
        summary.public_events += 1


def load_exhibition(*, region, organisations: dict[str, Organisation], actor=None, summary: Summary) -> None:
    """The strategy's touring exhibition, its showcases and stops; samples where it gives no facts."""
    data = {k: v for k, v in exhibition_records.EXHIBITION.items() if k != "title"}
    exhibition = _ensure(
        Exhibition,
        lookup={"region": region, "title": exhibition_records.EXHIBITION["title"]},
        data=data,
        region=region,
        actor=actor,
        summary=summary,
        counter="exhibition_records",
    )
    showcases = []
    for order, (title, english, sector, sample) in enumerate(exhibition_records.SHOWCASES):
        showcases.append(
            _ensure(
                Showcase,
                lookup={"exhibition": exhibition, "title": title},
                data={
                    "translations": {"title": {"en": english}},
                    "sector": sector,
                    "order": order,
                    "is_sample": sample,
                },
                region=region,
                actor=actor,
                summary=summary,
                counter="exhibition_records",
            )
        )
    bernard = Site.objects.filter(region=region, name__icontains="Bernard").first()
    for (venue, occasion, period, sample, voting, visitors), votes in zip(
        exhibition_records.STOPS, exhibition_records.SAMPLE_VOTES, strict=True
    ):
        stop = _ensure(
            ExhibitionStop,
            lookup={"exhibition": exhibition, "venue": venue},
            data={
                "occasion": occasion,
                "period": "" if period == "sample" else period,
                "site": bernard if "Bernard" in venue else None,
                "visitors": visitors,
                "visitors_is_sample": True,
                "voting_open": voting,
                "source": "Sample made up for demonstration" if sample else exhibition_records.SOURCE,
                "is_sample": sample,
            },
            region=region,
            actor=actor,
            summary=summary,
            counter="exhibition_records",
        )
        if not stop.votes.exists():
            ShowcaseVote.objects.bulk_create(
                ShowcaseVote(stop=stop, showcase=showcase, voter=f"sample-{stop.pk}-{showcase.pk}-{n}", is_sample=True)
                for showcase, count in zip(showcases, votes, strict=True)
                for n in range(count)
            )
            summary.sample_votes_created += sum(votes)


def _written(counts: dict[str, int]) -> tuple[int, int]:
    """Created and updated records in a loader's counts ("created", "calls_created", …)."""
    return tuple(sum(v for k, v in counts.items() if k.rsplit("_", 1)[-1] == word) for word in ("created", "updated"))


def load_tour_starts(*, region, actor=None, summary: Summary) -> None:
    """Starting points of the tour planner: the town centres the reference list gives for the spa towns
    (only Karlovy Vary's is there; the coordinator adds others, e.g. Mariánské Lázně, in the admin)."""
    for town, row in site_records.town_centres(records.sites(), towns=("Karlovy Vary",)):
        _ensure(
            TourStart,
            lookup={"region": region, "name": f"{town} – centrum"},
            data={
                "translations": {"name": {"en": f"{town} town centre", "de": f"{town} Zentrum"}},
                "latitude": Decimal(row["lat"]),
                "longitude": Decimal(row["lon"]),
                "source": f"Town centre as given in {records.csv_source(row)}",
            },
            region=region,
            actor=actor,
            summary=summary,
            counter="tour_starts",
        )


def load_demo(*, actor=None, today: datetime.date | None = None) -> Summary:
    """Everything or nothing: a failure half-way leaves the database as it was.

    ``today`` (default: today in the region's time zone) decides which sample engagements are held
    and which planned; it may be earlier than the real date (tests pin it), never later, since a
    held engagement cannot lie in the future."""
    summary = Summary()
    region, outcome = ensure_region(actor=actor)
    summary.region_created = outcome == "created"
    summary.region_updated = outcome == "updated"
    real_today = region.today()
    if today is None:
        today = real_today
    elif today > real_today:
        raise ValueError(f"today={today.isoformat()} is after the real date {real_today.isoformat()}")
    organisations = load_organisations(region=region, actor=actor, summary=summary)
    load_sample_people(region=region, organisations=organisations, actor=actor, summary=summary)
    version = load_strategy(region=region, actor=actor, summary=summary)
    load_real_engagements(region=region, actor=actor, summary=summary)
    load_sites(region=region, organisations=organisations, actor=actor, summary=summary)
    load_events(region=region, actor=actor, summary=summary)
    load_exhibition(region=region, organisations=organisations, actor=actor, summary=summary)
    load_tour_starts(region=region, actor=actor, summary=summary)
    plan = load_action_plan(region=region, organisations=organisations, actor=actor, today=today)
    summary.action_plan_created, summary.action_plan_updated = _written(plan)
    practices = load_practices(region=region, organisations=organisations, actor=actor)
    summary.practices_created, summary.practices_updated = _written(practices)
    cooperation = load_cooperation(region=region, organisations=organisations, actor=actor, today=today)
    summary.cooperation_created, summary.cooperation_updated = _written(cooperation)
    load_sample_history(
        region=region, version=version, organisations=organisations, actor=actor, summary=summary, today=today
    )
    return summary
