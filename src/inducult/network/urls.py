"""Back-office URLs of one region: /manage/<region_slug>/…"""

from django.urls import path

from inducult.network import analytics_views, graph_views, import_views, relationship_views, views

app_name = "network"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    # Organisations
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("organisations/new/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path("organisations/export.<str:fmt>", views.OrganisationExportView.as_view(), name="organisation_export"),
    path("organisations/<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.OrganisationUpdateView.as_view(), name="organisation_edit"),
    path("organisations/<int:pk>/archive/", views.OrganisationArchiveView.as_view(), name="organisation_archive"),
    path("organisations/<int:pk>/restore/", views.OrganisationRestoreView.as_view(), name="organisation_restore"),
    path(
        "organisations/<int:pk>/relationships/new/",
        relationship_views.RelationshipCreateView.as_view(),
        name="relationship_create",
    ),
    path("relationships/<int:pk>/", relationship_views.RelationshipChangeView.as_view(), name="relationship_change"),
    # People and memberships
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/new/", views.PersonCreateView.as_view(), name="person_create"),
    path("people/export.vcf", views.PeopleVCardView.as_view(), name="people_vcard"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person_edit"),
    path("people/<int:pk>/vcard.vcf", views.PersonVCardView.as_view(), name="person_vcard"),
    path("people/<int:pk>/export.json", views.PersonExportView.as_view(), name="person_export"),
    path("people/<int:pk>/erase/", views.PersonEraseView.as_view(), name="person_erase"),
    path("people/<int:pk>/memberships/new/", views.MembershipCreateView.as_view(), name="membership_create"),
    path("memberships/<int:pk>/end/", views.MembershipEndView.as_view(), name="membership_end"),
    # Network analytics (issue #6): tables and a static picture of who meets whom
    path("network/analytics/", analytics_views.AnalyticsView.as_view(), name="analytics"),
    path("network/analytics/network.svg", analytics_views.AnalyticsSvgView.as_view(), name="analytics_svg"),
    path("network/analytics/graph/", graph_views.GraphView.as_view(), name="analytics_graph"),
    path("network/analytics/graph.json", graph_views.GraphJsonView.as_view(), name="analytics_graph_json"),
    # Audit trail
    path("audit/", views.AuditLogView.as_view(), name="audit_log"),
    # Import of organisations and contacts from CSV/XLSX
    path("import/", import_views.ImportUploadView.as_view(), name="import_upload"),
    path("import/<int:pk>/", import_views.ImportPreviewView.as_view(), name="import_preview"),
    path("import/<int:pk>/run/", import_views.ImportRunView.as_view(), name="import_run"),
]
