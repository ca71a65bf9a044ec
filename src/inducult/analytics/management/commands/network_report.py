"""Print a region's network analytics for one year: measures and flags per organisation, coverage.

    manage.py network_report --region karlovy-vary --year 2025 [--json] [--quiet-months 12]

With --json the output is ``NetworkReport.to_data()`` (docs/network-analytics.md describes it) with
"region" (the slug) and "year" added at the top level; without it, a readable table: the most
active organisations first, then the quiet ones, then the coverage by kind.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from inducult.analytics.domain.network import Flag
from inducult.analytics.services.reports import network_report
from inducult.core.years import MIN_YEAR
from inducult.network.enums import OrganisationKind
from inducult.regions.models import Region


class Command(BaseCommand):
    help = "Network analytics of a region for one year: measures and flags per organisation, coverage by kind."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="slug of the region")
        parser.add_argument("--year", required=True, type=int, help="calendar year, e.g. 2025")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the whole report as JSON")
        parser.add_argument(
            "--quiet-months",
            type=int,
            default=12,
            help="an organisation without an engagement for this many months is quiet (default 12)",
        )

    def handle(self, *args, region, year, as_json, quiet_months, **options):
        try:
            target = Region.objects.get(slug=region)
        except Region.DoesNotExist:
            known = ", ".join(Region.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"No region with the slug {region!r}. Known slugs: {known}.") from None
        latest = target.today().year + 1
        if not MIN_YEAR <= year <= latest:
            raise CommandError(f"The year must be between {MIN_YEAR} and {latest}, got {year}.")
        if quiet_months < 1:
            raise CommandError(f"--quiet-months must be at least 1, got {quiet_months}.")
        report = network_report(target, year=year, quiet_months=quiet_months)
        if as_json:
            self.stdout.write(_dumps({"region": target.slug, "year": year, **report.to_data()}))
            return
        self._table(target, year, report)

    def _table(self, region, year, report):
        write = self.stdout.write
        write(
            f"{region.name} ({region.slug}), {year}: {report.period.start} to {report.period.end}, as of {report.as_of}"
        )
        engaged = sum(1 for o in report.organisations if o.engagements)
        write(f"{len(report.organisations)} organisations, {engaged} engaged in the period, {len(report.ties)} ties")
        if report.approximations:
            write("Approximated: " + ", ".join(f"{k}={v}" for k, v in sorted(report.approximations.items())))
        header = (
            f"{'rank':>4}  {'name':<40} {'eng.':>5} {'partners':>8} {'w.degree':>9} {'betw.':>7} {'comm.':>5}  flags"
        )

        def row(o):
            return (
                f"{o.activity_rank:>4}  {o.name[:40]:<40} {o.engagements:>5} {o.partners:>8} "
                f"{o.weighted_degree:>9.2f} {o.betweenness:>7.3f} {o.community:>5}  {', '.join(o.flags)}"
            )

        write("")
        write("Most active")
        write(header)
        for o in report.most_active():
            write(row(o))
        write("")
        write(f"Quiet (no engagement in {report.options.quiet_months} months)")
        write(f"{'name':<40} last engaged")
        for o in sorted(report.quiet(), key=lambda o: (o.last_engaged is not None, o.last_engaged, o.name)):
            write(f"{o.name[:40]:<40} {o.last_engaged or 'never'}")
        write("")
        write("All organisations")
        write(header)
        for o in report.organisations:
            if Flag.MOST_ACTIVE not in o.flags:
                write(row(o))
        write("")
        write("Coverage by kind")
        labels = dict(OrganisationKind.choices)
        for c in report.coverage_by_kind:
            write(f"{str(labels.get(c.key, c.key))[:40]:<40} {c.engaged:>4} / {c.organisations:<4} {c.share:>6.0%}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
