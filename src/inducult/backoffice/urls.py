"""URLs of the back office's home and audit log of a region. The root URLconf mounts this list in
the ``network`` namespace, whose names (``network:dashboard``, ``network:audit_log``) are contracts."""

from django.urls import path

from inducult.backoffice.views import backoffice
from inducult.regions.urls import MANAGE

backoffice_patterns = [
    path(MANAGE, backoffice.DashboardView.as_view(), name="dashboard"),
    path(f"{MANAGE}audit/", backoffice.AuditLogView.as_view(), name="audit_log"),
]
