"""Make sure the demo region has a coordinator account `coordinator`.

The password comes from INDUCULT_DEMO_PASSWORD; without it a password is generated once, printed,
and kept in var/demo_password so later runs print the same one instead of changing it. It reports in
English, the language of the README and of the operator's console.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from inducult.env import env_str
from inducult.regions.models import Region, RegionRole, Role

USERNAME = "coordinator"


class Command(BaseCommand):
    help = "Ensure the demo coordinator account exists (user 'coordinator')."

    def add_arguments(self, parser):
        parser.add_argument("--region", default="karlovy-vary", help="slug of the region to coordinate")

    def handle(self, *args, region, **options):
        with translation.override("en"):
            self._ensure(region)

    @transaction.atomic
    def _ensure(self, region: str) -> None:
        try:
            region_obj = Region.objects.get(slug=region)
        except Region.DoesNotExist:
            raise CommandError(
                _("Region “%(slug)s” does not exist; run “manage.py load_demo” first.") % {"slug": region}
            ) from None
        password = env_str("INDUCULT_DEMO_PASSWORD", "")
        origin = _("from INDUCULT_DEMO_PASSWORD")
        stored = settings.VAR_DIR / "demo_password"
        if not password:
            origin = _("kept in %(path)s") % {"path": stored}
            if stored.exists():
                password = stored.read_text().strip()
            else:
                password = secrets.token_urlsafe(12)
                stored.parent.mkdir(parents=True, exist_ok=True)
                stored.write_text(password)
                stored.chmod(0o600)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"first_name": "Demo", "last_name": "Coordinator"}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        RegionRole.objects.update_or_create(
            user=user, region=region_obj, defaults={"role": Role.COORDINATOR, "organisation": None}
        )
        self.stdout.write(
            _("Demo coordinator: user “%(user)s”, password “%(password)s” (%(origin)s)")
            % {"user": USERNAME, "password": password, "origin": origin}
        )
