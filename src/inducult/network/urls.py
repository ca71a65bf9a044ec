"""URLs of the stakeholder registry: its back office and its public directory with open data.
The root URLconf mounts these lists (namespaces ``network`` and ``portal``)."""

from django.urls import path

from inducult.network import import_views, relationship_views, views_organisations, views_people
from inducult.regions.urls import MANAGE

backoffice_patterns = [
    # Organisations
    path(f"{MANAGE}organisations/", views_organisations.OrganisationListView.as_view(), name="organisation_list"),
    path(
        f"{MANAGE}organisations/new/", views_organisations.OrganisationCreateView.as_view(), name="organisation_create"
    ),
    path(
        f"{MANAGE}organisations/export.<str:fmt>",
        views_organisations.OrganisationExportView.as_view(),
        name="organisation_export",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/",
        views_organisations.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/edit/",
        views_organisations.OrganisationUpdateView.as_view(),
        name="organisation_edit",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/archive/",
        views_organisations.OrganisationArchiveView.as_view(),
        name="organisation_archive",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/restore/",
        views_organisations.OrganisationRestoreView.as_view(),
        name="organisation_restore",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/relationships/new/",
        relationship_views.RelationshipCreateView.as_view(),
        name="relationship_create",
    ),
    path(
        f"{MANAGE}relationships/<int:pk>/",
        relationship_views.RelationshipChangeView.as_view(),
        name="relationship_change",
    ),
    # People and memberships
    path(f"{MANAGE}people/", views_people.PersonListView.as_view(), name="person_list"),
    path(f"{MANAGE}people/new/", views_people.PersonCreateView.as_view(), name="person_create"),
    path(f"{MANAGE}people/export.vcf", views_people.PeopleVCardView.as_view(), name="people_vcard"),
    path(f"{MANAGE}people/<int:pk>/", views_people.PersonDetailView.as_view(), name="person_detail"),
    path(f"{MANAGE}people/<int:pk>/edit/", views_people.PersonUpdateView.as_view(), name="person_edit"),
    path(f"{MANAGE}people/<int:pk>/vcard.vcf", views_people.PersonVCardView.as_view(), name="person_vcard"),
    path(f"{MANAGE}people/<int:pk>/export.json", views_people.PersonExportView.as_view(), name="person_export"),
    path(f"{MANAGE}people/<int:pk>/erase/", views_people.PersonEraseView.as_view(), name="person_erase"),
    path(
        f"{MANAGE}people/<int:pk>/memberships/new/",
        views_people.MembershipCreateView.as_view(),
        name="membership_create",
    ),
    path(f"{MANAGE}memberships/<int:pk>/end/", views_people.MembershipEndView.as_view(), name="membership_end"),
    # Import of organisations and contacts from CSV/XLSX
    path(f"{MANAGE}import/", import_views.ImportUploadView.as_view(), name="import_upload"),
    path(f"{MANAGE}import/<int:pk>/", import_views.ImportPreviewView.as_view(), name="import_preview"),
    path(f"{MANAGE}import/<int:pk>/run/", import_views.ImportRunView.as_view(), name="import_run"),
]
