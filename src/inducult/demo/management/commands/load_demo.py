"""Load the Karlovy Vary demo region once: into an empty database, or when asked with ``--refresh``
(decision 0021).

``make run`` calls it on every start. It loads the demo only when the database holds no region at
all; otherwise it writes nothing and says so, so a coordinator's edits, renames and deletions
survive the next start. ``--refresh`` brings the demo records nobody changed up to date with the
demo's data and reports the records it left alone (see ``inducult.demo.refresh``).

It reports in English, the language of the README and of the operator's console, whatever the
installation's default language: the records it writes are the same in every case."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import translation

from inducult.demo import records
from inducult.demo.loader import load_demo
from inducult.demo.refresh import refresh_demo
from inducult.regions.models import Region

ALREADY_LOADED = "Demo already loaded: nothing changed (use --refresh to update the demo records)"


class Command(BaseCommand):
    help = (
        "Load the Karlovy Vary demo region into an empty database: organisations from the project's sources, "
        "sample contacts, and the strategy 'Living Industrial Culture' with its goals, milestones and standing "
        "targets. With --refresh, update the demo records nobody has changed since."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=(
                "update the demo records in a database that already holds regions; records someone changed, "
                "deleted or renamed are left as they are and listed"
            ),
        )

    def handle(self, *args, refresh=False, **options):
        with translation.override("en"):
            regions = list(Region.objects.order_by("slug").values_list("slug", flat=True))
            if not regions:
                self.stdout.write("Loading the Karlovy Vary demo region into the empty database ...")
                self.stdout.write(load_demo(actor=None).line())
            elif refresh:
                self._refresh()
            elif records.REGION["slug"] in regions:
                self.stdout.write(ALREADY_LOADED)
            else:
                held = ", ".join(regions)
                self.stdout.write(
                    f"The database already holds regions ({held}): the demo is loaded only into an empty "
                    "database; nothing changed (use --refresh to add it)"
                )

    def _refresh(self) -> None:
        self.stdout.write("Refreshing the Karlovy Vary demo region (records someone changed are left alone) ...")
        result = refresh_demo()
        self.stdout.write(f"Demo refreshed: {result.created} records created, {result.updated} updated")
        if result.left_alone:
            self.stdout.write(f"Left alone, changed since the demo wrote them ({len(result.left_alone)}):")
            for name in result.left_alone:
                self.stdout.write(f"  {name}")
        if result.not_recreated:
            self.stdout.write(f"Not created again, deleted or renamed since ({len(result.not_recreated)}):")
            for name in result.not_recreated:
                self.stdout.write(f"  {name}")
