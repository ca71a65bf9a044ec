"""Create or update the Karlovy Vary demo region (safe to run again: a second run changes nothing).

It reports in English, the language of the README and of the operator's console, whatever the
installation's default language: the records it writes are the same in every case."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import translation

from inducult.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the Karlovy Vary demo region: organisations from the project's sources, sample contacts, "
        "and the strategy 'Living Industrial Culture' with its goals, milestones and standing targets."
    )

    def handle(self, *args, **options):
        with translation.override("en"):
            self.stdout.write("Loading the Karlovy Vary demo region (a second run changes nothing) ...")
        summary = load_demo(actor=None)
        with translation.override("en"):
            self.stdout.write(summary.line())
