"""URLs of the stakeholder registry: its back office and its public directory with open data.
The root URLconf mounts these lists (namespaces ``network`` and ``portal``). The /open/… paths are
stable contracts for other tools: do not rename them."""

from django.urls import path

from inducult.network.views import opendata, public
from inducult.network.views.backoffice import imports, organisations, people, relationships
from inducult.regions.urls import MANAGE, OPEN, PUBLIC

backoffice_patterns = [
    # Organisations
    path(f"{MANAGE}organisations/", organisations.OrganisationListView.as_view(), name="organisation_list"),
    path(f"{MANAGE}organisations/new/", organisations.OrganisationCreateView.as_view(), name="organisation_create"),
    path(
        f"{MANAGE}organisations/export.<str:fmt>",
        organisations.OrganisationExportView.as_view(),
        name="organisation_export",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/", organisations.OrganisationDetailView.as_view(), name="organisation_detail"
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/edit/",
        organisations.OrganisationUpdateView.as_view(),
        name="organisation_edit",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/archive/",
        organisations.OrganisationArchiveView.as_view(),
        name="organisation_archive",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/restore/",
        organisations.OrganisationRestoreView.as_view(),
        name="organisation_restore",
    ),
    path(
        f"{MANAGE}organisations/<int:pk>/relationships/new/",
        relationships.RelationshipCreateView.as_view(),
        name="relationship_create",
    ),
    path(
        f"{MANAGE}relationships/<int:pk>/",
        relationships.RelationshipChangeView.as_view(),
        name="relationship_change",
    ),
    # People and memberships
    path(f"{MANAGE}people/", people.PersonListView.as_view(), name="person_list"),
    path(f"{MANAGE}people/new/", people.PersonCreateView.as_view(), name="person_create"),
    path(f"{MANAGE}people/export.vcf", people.PeopleVCardView.as_view(), name="people_vcard"),
    path(f"{MANAGE}people/<int:pk>/", people.PersonDetailView.as_view(), name="person_detail"),
    path(f"{MANAGE}people/<int:pk>/edit/", people.PersonUpdateView.as_view(), name="person_edit"),
    path(f"{MANAGE}people/<int:pk>/vcard.vcf", people.PersonVCardView.as_view(), name="person_vcard"),
    path(f"{MANAGE}people/<int:pk>/export.json", people.PersonExportView.as_view(), name="person_export"),
    path(f"{MANAGE}people/<int:pk>/erase/", people.PersonEraseView.as_view(), name="person_erase"),
    path(f"{MANAGE}people/<int:pk>/memberships/new/", people.MembershipCreateView.as_view(), name="membership_create"),
    path(f"{MANAGE}memberships/<int:pk>/end/", people.MembershipEndView.as_view(), name="membership_end"),
    # Import of organisations and contacts from CSV/XLSX
    path(f"{MANAGE}import/", imports.ImportUploadView.as_view(), name="import_upload"),
    path(f"{MANAGE}import/<int:pk>/", imports.ImportPreviewView.as_view(), name="import_preview"),
    path(f"{MANAGE}import/<int:pk>/run/", imports.ImportRunView.as_view(), name="import_run"),
]

# The public directory of organisations and their open data (mounted in the ``portal`` namespace).
public_patterns = [
    path(f"{PUBLIC}organisations/", public.DirectoryView.as_view(), name="directory"),
    path(f"{PUBLIC}organisations/<int:pk>/", public.PublicOrganisationView.as_view(), name="organisation"),
    path(f"{OPEN}organisations.csv", opendata.OrganisationsCsvView.as_view(), name="organisations_csv"),
    path(f"{OPEN}organisations.json", opendata.OrganisationsJsonView.as_view(), name="organisations_json"),
]
