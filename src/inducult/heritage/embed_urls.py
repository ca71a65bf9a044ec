"""Embeds for partners' websites (iframes). The paths are a contract: partners paste them."""

from django.urls import path

from inducult.heritage import embed_views

app_name = "heritage_embed"
urlpatterns = [
    path("embed/<slug:region_slug>/map/", embed_views.EmbedMapView.as_view(), name="map"),
    path(
        "embed/<slug:region_slug>/festivals/<slug:festival_slug>/",
        embed_views.EmbedFestivalView.as_view(),
        name="festival",
    ),
    path(
        "embed/<slug:region_slug>/sites/<int:pk>/events/", embed_views.EmbedSiteEventsView.as_view(), name="site_events"
    ),
    path("r/<slug:region_slug>/embed/", embed_views.EmbedBuilderView.as_view(), name="builder"),
]
