"""Remove uploaded import files that were never imported (they hold personal data).

Run it daily from cron or a systemd timer; see docs/operations.md.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inducult.network.services.importing.batches import purge_abandoned_files


class Command(BaseCommand):
    help = "Delete stored import uploads that were not imported within the given number of days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="keep abandoned uploads this many days (default 7)")

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError(_("--days must be 0 or more, e.g. --days 7."), returncode=2)
        removed = purge_abandoned_files(older_than=timedelta(days=days))
        self.stdout.write(
            ngettext(
                "Removed %(removed)s abandoned upload older than %(days)s days.",
                "Removed %(removed)s abandoned uploads older than %(days)s days.",
                removed,
            )
            % {"removed": removed, "days": days}
        )
