"""The site's URLs: each app's ``urls.py`` exports its pattern lists with full paths (built from
``regions.urls``' prefixes); this module mounts them under their namespaces. Names and paths are
contracts (tests/contracts/url_patterns.txt)."""

from django.contrib import admin
from django.contrib.auth import urls as auth_urls
from django.urls import include, path
from django.views.i18n import set_language

from inducult.actionplan import urls as actionplan
from inducult.analytics import urls as analytics
from inducult.api import urls as api
from inducult.backoffice import urls as backoffice
from inducult.cooperation import urls as cooperation
from inducult.core.views.accounts import PasswordResetView, SignInView
from inducult.core.views.health import healthz
from inducult.engagement import urls as engagement
from inducult.heritage import urls as heritage
from inducult.network import urls as network
from inducult.portal import urls as portal
from inducult.portal.views.public import home
from inducult.practices import urls as practices
from inducult.reports import urls as reports
from inducult.strategy import urls as strategy
from inducult.tours import urls as tours


def mount(patterns: list, namespace: str):
    return path("", include((patterns, namespace)))


# Django's account pages, signing in and asking for a password reset throttled (core.views.accounts).
THROTTLED = {"login": SignInView.as_view(), "password_reset": PasswordResetView.as_view()}
account_patterns = [path(str(p.pattern), THROTTLED.get(p.name, p.callback), name=p.name) for p in auth_urls.urlpatterns]


urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include(account_patterns)),
    path("admin/", admin.site.urls),
    # The back office of a region: /manage/<region>/…
    mount(backoffice.backoffice_patterns + network.backoffice_patterns + analytics.backoffice_patterns, "network"),
    mount(engagement.backoffice_patterns, "engagement"),
    mount(strategy.backoffice_patterns, "strategy"),
    mount(strategy.version_patterns, "strategy_versions"),
    mount(heritage.site_patterns, "heritage_sites"),
    mount(heritage.event_patterns, "heritage_events"),
    mount(actionplan.backoffice_patterns, "actionplan"),
    mount(reports.backoffice_patterns, "reports"),
    mount(practices.backoffice_patterns, "practices"),
    mount(cooperation.backoffice_patterns + cooperation.public_patterns, "cooperation"),
    mount(tours.public_patterns + tours.backoffice_patterns, "tours"),
    # Public pages /r/<region>/…, open data /open/<region>/…, embeds /embed/<region>/…
    mount(portal.public_patterns + network.public_patterns, "portal"),
    mount(strategy.public_patterns, "progress"),
    mount(engagement.public_patterns, "engagement_public"),
    mount(heritage.public_patterns, "heritage_public"),
    mount(heritage.embed_patterns, "heritage_embed"),
    # The REST API: /api/v1/… (decision 0019)
    mount(api.api_patterns, "api"),
]
