"""Create or update the Karlovy Vary demo region (safe to run again: a second run changes nothing)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from inducult.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the Karlovy Vary demo region: organisations from the project's sources, sample contacts, "
        "and the strategy 'Living Industrial Culture' with its goals, milestones and standing targets."
    )

    def handle(self, *args, **options):
        summary = load_demo(actor=None)
        self.stdout.write(summary.line())
