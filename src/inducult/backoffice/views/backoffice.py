"""The back office's home page of a region (what the user may open, with counts) and its audit log
(every change to shared data, with filters and links to the records that still exist)."""

from __future__ import annotations

from django.apps import apps
from django.views.generic import TemplateView

from inducult.backoffice.forms import AuditFilterForm
from inducult.core.models import AuditEntry
from inducult.core.presentation import change_rows
from inducult.core.text import search_terms
from inducult.core.views.pagination import paginate
from inducult.network.models import Membership, Organisation, Person
from inducult.regions.views import RegionMixin


class DashboardView(RegionMixin, TemplateView):
    rule = "region.view_backoffice"
    template_name = "backoffice/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = Organisation.objects.filter(region=self.region)
        can_view_people = self.can("network.view_people")
        people = Person.objects.filter(region=self.region, erased_at__isnull=True)
        context.update(
            organisation_samples=organisations.active().filter(is_sample=True).count(),
            organisation_count=organisations.active().count(),
            archived_count=organisations.filter(archived_at__isnull=False).count(),
            person_count=people.count() if can_view_people else None,
            person_samples=people.filter(is_sample=True).count() if can_view_people else 0,
            can_view_people=can_view_people,
            can_add=self.can("network.add_organisation"),
            can_import=self.can("network.import"),
            can_view_audit=self.can("core.view_audit"),
        )
        return context


def _type_label(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


class AuditLogView(RegionMixin, TemplateView):
    rule = "core.view_audit"
    template_name = "backoffice/audit_log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region_entries = AuditEntry.objects.filter(region=self.region)
        types = sorted(set(region_entries.values_list("object_type", flat=True)))
        form = AuditFilterForm(self.request.GET or None, object_types=[(t, _type_label(t)) for t in types])
        values = form.values()
        entries = region_entries
        for term in search_terms(values["q"]):
            entries = entries.filter(search_text__contains=term)
        if values["action"]:
            entries = entries.filter(action=values["action"])
        if values["object_type"]:
            entries = entries.filter(object_type=values["object_type"])
        page = paginate(self.request, entries.order_by("-created_at", "-id"))
        context.update(form=form, page_obj=page, rows=self.rows(list(page.object_list)))
        return context

    def rows(self, entries: list[AuditEntry]) -> list[dict]:
        """Each entry with a link to its record while the record still exists (one query per type)."""
        ids = {t: {e.object_id for e in entries if e.object_type == t} for t in {e.object_type for e in entries}}
        links: dict[tuple[str, str], tuple[str, int]] = {}
        for pk in Organisation.objects.filter(
            region=self.region, pk__in=_ints(ids.get("network.organisation"))
        ).values_list("pk", flat=True):
            links["network.organisation", str(pk)] = ("network:organisation_detail", pk)
        for pk in Person.objects.filter(region=self.region, pk__in=_ints(ids.get("network.person"))).values_list(
            "pk", flat=True
        ):
            links["network.person", str(pk)] = ("network:person_detail", pk)
        for pk, person_id in Membership.objects.filter(
            person__region=self.region, pk__in=_ints(ids.get("network.membership"))
        ).values_list("pk", "person_id"):
            links["network.membership", str(pk)] = ("network:person_detail", person_id)
        rows = []
        for entry in entries:
            try:
                model = apps.get_model(entry.object_type)
            except (LookupError, ValueError):
                model = None
            rows.append(
                {
                    "entry": entry,
                    "type_label": _type_label(entry.object_type),
                    "link": links.get((entry.object_type, entry.object_id)),
                    # An entry of a record type since removed still shows its changes, by the names kept.
                    "changes": change_rows(entry, model),
                }
            )
        return rows


def _ints(values) -> list[int]:
    return [int(v) for v in values or () if str(v).isdigit()]
