"""Make sure the demo region has a coordinator account `coordinator` — once (decision 0021).

The first run creates the account, gives it the coordinator's role in the demo region and prints its
password: from INDUCULT_DEMO_PASSWORD, or generated and kept in var/demo_password. Later runs change
nothing: they never reset the password nor give back a role an administrator removed; they say where
the password is kept, or that its owner changed it, without printing it again. Nor do they create the
account again once the region has another coordinator (an administrator deleted the demo's). It reports in
English, the language of the README and of the operator's console.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from inducult.env import env_str
from inducult.regions.models import Region, RegionRole, Role

USERNAME = "coordinator"


class Command(BaseCommand):
    help = "Create the demo coordinator account (user 'coordinator') once; later runs change nothing."

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
        stored = settings.VAR_DIR / "demo_password"
        user = get_user_model().objects.filter(username=USERNAME).first()
        if user is not None:
            self.stdout.write(self._as_found(user, region_obj, stored))
            return
        if RegionRole.objects.filter(region=region_obj, role=Role.COORDINATOR).exists():
            # Someone coordinates the region already: an administrator who deleted the demo's account
            # does not get it back on the next start.
            self.stdout.write(
                _("Demo coordinator: no user “%(user)s”, and %(region)s already has a coordinator; nothing changed")
                % {"user": USERNAME, "region": region_obj.name}
            )
            return
        password = env_str("INDUCULT_DEMO_PASSWORD", "")
        origin = _("from INDUCULT_DEMO_PASSWORD")
        if not password:
            origin = _("kept in %(path)s") % {"path": stored}
            password = secrets.token_urlsafe(12)
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(password)
            stored.chmod(0o600)
        user = get_user_model()(username=USERNAME, first_name="Demo", last_name="Coordinator")
        user.set_password(password)
        user.save()
        RegionRole.objects.create(user=user, region=region_obj, role=Role.COORDINATOR, organisation=None)
        self.stdout.write(
            _("Demo coordinator created: user “%(user)s”, password “%(password)s” (%(origin)s)")
            % {"user": USERNAME, "password": password, "origin": origin}
        )

    def _as_found(self, user, region: Region, stored) -> str:
        """What the account is like, in words, without changing it or printing its password."""
        password = env_str("INDUCULT_DEMO_PASSWORD", "")
        if password and check_password(password, user.password):
            where = _("its password is the one in INDUCULT_DEMO_PASSWORD")
        elif stored.exists() and check_password(stored.read_text().strip(), user.password):
            where = _("its password is kept in %(path)s") % {"path": stored}
        else:
            where = _("its password is its owner’s, not the demo’s")
        if not RegionRole.objects.filter(user=user, region=region).exists():
            where = _("%(state)s; it holds no role in %(region)s, so it cannot sign in to the back office there") % {
                "state": where,
                "region": region.name,
            }
        return _("Demo coordinator: user “%(user)s” already exists; nothing changed (%(state)s)") % {
            "user": USERNAME,
            "state": where,
        }
