"""Back-office pages of organisations: list, detail, create, edit, archive, restore, export."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.presentation import field_label, history_rows
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.pagination import paginate
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.network.domain import exporting
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.forms import (
    OrganisationCreateForm,
    OrganisationEditForm,
    OrganisationFilterForm,
    RelationshipForm,
)
from inducult.network.models import Organisation
from inducult.network.services import organisations as services
from inducult.network.services.relationships import relationships_of
from inducult.network.services.search import find_organisations, towns
from inducult.regions.views import RegionMixin

SECTOR_LABELS = dict(Sector.choices)
KIND_LABELS = dict(OrganisationKind.choices)


class OrganisationMixin(RegionMixin):
    """Loads the organisation of the URL, only from the current region (404 for any other)."""

    def get_object(self) -> Organisation:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(Organisation, pk=self.kwargs["pk"], region=self.region)
        return self.object

    def get_rule_object(self):
        # Someone without any role here learns nothing, not even whether the record exists.
        if not self.can("region.view_backoffice"):
            return None
        return self.get_object()

    def detail_url(self, org) -> str:
        return reverse("network:organisation_detail", args=[self.region.slug, org.pk])


def filter_form(request, region) -> OrganisationFilterForm:
    return OrganisationFilterForm(request.GET or None, towns=towns(region))


class OrganisationListView(RegionMixin, TemplateView):
    rule = "network.view_registry"
    template_name = "network/organisation_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = filter_form(self.request, self.region)
        query = form.query()
        page = paginate(self.request, find_organisations(self.region, query))
        rows = [
            {
                "org": org,
                "kind": KIND_LABELS.get(org.kind, org.kind),
                "sectors": [SECTOR_LABELS.get(s, s) for s in org.sectors],
            }
            for org in page.object_list
        ]
        context.update(
            form=form,
            query=query,
            page_obj=page,
            rows=rows,
            can_add=self.can("network.add_organisation"),
            can_export=self.can("network.export"),
        )
        return context


class OrganisationExportView(RegionMixin, View):
    rule = "network.export"
    FORMATS = ("csv", "xlsx")

    def get(self, request, *args, fmt: str, **kwargs):
        if fmt not in self.FORMATS:
            raise Http404(_("Exports come as CSV or XLSX."))
        query = filter_form(request, self.region).query()
        organisations = find_organisations(self.region, query).iterator(chunk_size=1000)
        filename = f"organisations-{self.region.slug}-{self.region.today().isoformat()}.{fmt}"
        if fmt == "csv":
            response = StreamingHttpResponse(exporting.csv_lines(organisations), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(
                exporting.organisations_xlsx(organisations),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class OrganisationDetailView(OrganisationMixin, TemplateView):
    rule = "network.view_registry"
    template_name = "network/organisation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.get_object()
        can_view_people = self.can("network.view_people")
        memberships = list(org.memberships.select_related("person"))
        current = [m for m in memberships if m.is_current]
        past = [m for m in memberships if not m.is_current]
        context.update(
            org=org,
            kind_label=KIND_LABELS.get(org.kind, org.kind),
            sector_labels=[SECTOR_LABELS.get(s, s) for s in org.sectors],
            translations=[
                (field_label(Organisation, field), code, text)
                for field, texts in (org.translations or {}).items()
                for code, text in (texts or {}).items()
            ],
            can_view_people=can_view_people,
            current_memberships=current,
            past_memberships=past,
            history=history_rows(org),
            can_change=self.can("network.change_organisation", org),
            can_archive=self.can("network.archive_organisation"),
            relationships=relationships_of(org),
            can_relate=self.can("network.change_relationships"),
            relationship_form=RelationshipForm(organisation=org) if self.can("network.change_relationships") else None,
        )
        return context


class OrganisationCreateView(CreatesOnceMixin, RegionMixin, TemplateView):
    rule = "network.add_organisation"
    template_name = "network/organisation_form.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=OrganisationCreateForm()))

    def post(self, request, *args, **kwargs):
        form = OrganisationCreateForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            org = services.create_organisation(
                region=self.region,
                actor=request.user,
                data=form.domain_data(),
                refuse_duplicates=not form.cleaned_data["create_anyway"],
            )
        except services.PossibleDuplicates as refused:
            return self.render_to_response(self.get_context_data(form=form, duplicates=refused.duplicates))
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Organisation “%(name)s” created.") % {"name": org.name})
        return redirect("network:organisation_detail", self.region.slug, org.pk)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("duplicates", [])
        return super().get_context_data(is_new=True, **kwargs)


class OrganisationUpdateView(OrganisationMixin, TemplateView):
    rule = "network.change_organisation"
    template_name = "network/organisation_form.html"
    CONFLICT_MESSAGE = gettext_lazy(
        "Someone else saved this organisation after you started editing (at %(when)s, by %(who)s). "
        "Their values are shown next to yours; review and save again."
    )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(form=OrganisationEditForm(instance=self.get_object(), can_assess=self.can_assess()))
        )

    def post(self, request, *args, **kwargs):
        org = self.get_object()
        # The form works on a copy: the business action compares the stored values with the new ones.
        form = OrganisationEditForm(request.POST, instance=copy.copy(org), can_assess=self.can_assess())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.update_organisation(
                organisation=org, actor=request.user, data=form.domain_data(), version=form.cleaned_data["version"]
            )
        except EditConflict as conflict:
            return self.conflict_response(form, conflict.current)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Changes to “%(name)s” saved.") % {"name": org.name})
        return HttpResponseRedirect(self.detail_url(org))

    def can_assess(self) -> bool:
        return self.can("network.add_organisation")

    def conflict_response(self, form, current):
        message = str(self.CONFLICT_MESSAGE)
        data, conflict = refused_edit(self.request, form, current, Organisation.AUDITED_FIELDS, message)
        form = OrganisationEditForm(data, instance=copy.copy(current), can_assess=self.can_assess())
        form.is_valid()
        context = self.get_context_data(form=form, **conflict)
        return self.render_to_response(context, status=409)

    def get_context_data(self, **kwargs):
        return super().get_context_data(org=self.get_object(), is_new=False, **kwargs)


class OrganisationArchiveView(OrganisationMixin, View):
    rule = "network.archive_organisation"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        org = services.archive_organisation(organisation=self.get_object(), actor=request.user)
        messages.success(
            request,
            _("“%(name)s” archived: it is hidden from lists and the public site. Restore it any time.")
            % {"name": org.name},
        )
        return HttpResponseRedirect(self.detail_url(org))


class OrganisationRestoreView(OrganisationMixin, View):
    rule = "network.archive_organisation"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        org = services.restore_organisation(organisation=self.get_object(), actor=request.user)
        messages.success(request, _("“%(name)s” restored.") % {"name": org.name})
        return HttpResponseRedirect(self.detail_url(org))
