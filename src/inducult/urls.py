from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from inducult.core.views.health import healthz
from inducult.portal import views as portal_views

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("manage/<slug:region_slug>/engagements/", include("inducult.engagement.urls")),
    path("manage/<slug:region_slug>/events/", include("inducult.heritage.event_urls")),
    path("manage/<slug:region_slug>/sites/", include("inducult.heritage.site_urls")),
    path("manage/<slug:region_slug>/strategy/versions/", include("inducult.strategy.version_urls")),
    path("manage/<slug:region_slug>/strategy/", include("inducult.strategy.urls")),
    path("manage/<slug:region_slug>/action-plan/", include("inducult.actionplan.urls")),
    path("manage/<slug:region_slug>/reports/", include("inducult.reports.urls")),
    path("", include("inducult.cooperation.urls")),
    path("", include("inducult.practices.urls")),
    path("manage/<slug:region_slug>/", include("inducult.network.urls")),
    path("", include("inducult.strategy.public_urls")),
    path("", include("inducult.engagement.public_urls")),
    path("", include("inducult.heritage.public_urls")),
    path("", include("inducult.heritage.embed_urls")),
    path("", include("inducult.tours.urls")),
    path("", include("inducult.portal.urls")),
]
