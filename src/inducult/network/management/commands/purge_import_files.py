"""Remove uploaded import files that were never imported (they hold personal data).

Run it daily from cron or a systemd timer; see docs/operations.md.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from inducult.network.importing.batches import purge_abandoned_files


class Command(BaseCommand):
    help = "Delete stored import uploads that were not imported within the given number of days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="keep abandoned uploads this many days (default 7)")

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.", returncode=2)
        removed = purge_abandoned_files(older_than=timedelta(days=days))
        self.stdout.write(f"Removed {removed} abandoned upload(s) older than {days} day(s).")
