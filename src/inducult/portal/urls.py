"""Public URLs of the front pages and the public directory. The /open/… paths are stable contracts
for other tools: do not rename them. The root URLconf mounts this list (namespace ``portal``)."""

from django.urls import path

from inducult.portal import views
from inducult.regions.urls import OPEN, PUBLIC

public_patterns = [
    path(PUBLIC, views.RegionHomeView.as_view(), name="region_home"),
    path(f"{PUBLIC}organisations/", views.DirectoryView.as_view(), name="directory"),
    path(f"{PUBLIC}organisations/<int:pk>/", views.PublicOrganisationView.as_view(), name="organisation"),
    path(f"{OPEN}organisations.csv", views.OrganisationsCsvView.as_view(), name="organisations_csv"),
    path(f"{OPEN}organisations.json", views.OrganisationsJsonView.as_view(), name="organisations_json"),
]
