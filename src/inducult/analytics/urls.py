"""URLs of the network analytics (issue #6): tables and a static picture of who meets whom, and the
interactive network view. The root URLconf mounts this list in the ``network`` namespace, whose
names (``network:analytics``, …) are contracts."""

from django.urls import path

from inducult.analytics.views import backoffice
from inducult.regions.urls import MANAGE

backoffice_patterns = [
    path(f"{MANAGE}network/analytics/", backoffice.AnalyticsView.as_view(), name="analytics"),
    path(f"{MANAGE}network/analytics/network.svg", backoffice.AnalyticsSvgView.as_view(), name="analytics_svg"),
    path(f"{MANAGE}network/analytics/graph/", backoffice.GraphView.as_view(), name="analytics_graph"),
    path(f"{MANAGE}network/analytics/graph.json", backoffice.GraphJsonView.as_view(), name="analytics_graph_json"),
]
