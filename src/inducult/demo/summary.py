"""What a load of the demo wrote, in one line for ``manage.py load_demo``.

Each app's demo loader counts what it found and wrote under the names of these fields
(``organisations_created``, ``sites``, …), and the demo's loader makes the summary from those counts.
The action plan, practices and cooperation loaders count in their own words; the demo's loader sums
theirs into the ``action_plan_``, ``practices_`` and ``cooperation_`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


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
