"""Public URLs of the front pages: a region's home. The root URLconf mounts this list (namespace
``portal``) together with the registry's public directory and open data (``network.urls``)."""

from django.urls import path

from inducult.portal.views import public
from inducult.regions.urls import PUBLIC

public_patterns = [
    path(PUBLIC, public.RegionHomeView.as_view(), name="region_home"),
]
