"""Declaring, ending and deleting relationships between organisations (the coordinator), from an
organisation's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views import View

from inducult.core.views.submissions import CreatesOnceMixin
from inducult.network.forms import RelationshipForm
from inducult.network.models import Organisation, OrganisationRelationship
from inducult.network.services import relationships
from inducult.regions.views import RegionMixin


class RelationshipCreateView(CreatesOnceMixin, RegionMixin, View):
    rule = "network.change_relationships"

    def post(self, request, *args, pk: int, **kwargs):
        organisation = get_object_or_404(Organisation, region=self.region, pk=pk)
        form = RelationshipForm(request.POST, organisation=organisation)
        back = reverse("network:organisation_detail", args=[self.region.slug, organisation.pk]) + "#relationships"
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return self.created_nothing(HttpResponseRedirect(back))
        data = form.cleaned_data
        try:
            relationships.create_relationship(
                actor=request.user,
                source=organisation,
                target=data["target"],
                kind=data["kind"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                note=data["note"],
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return self.created_nothing(HttpResponseRedirect(back))
        else:
            messages.success(request, _("Relationship with “%(name)s” recorded.") % {"name": data["target"].name})
        return HttpResponseRedirect(back)


class RelationshipChangeView(RegionMixin, View):
    """End a relationship today, or delete one entered by mistake (POST ``action``)."""

    rule = "network.change_relationships"

    def post(self, request, *args, pk: int, **kwargs):
        relationship = get_object_or_404(
            OrganisationRelationship.objects.select_related("source__region"), pk=pk, source__region=self.region
        )
        back_to = request.POST.get("from")
        organisation_pk = int(back_to) if back_to and back_to.isdigit() else relationship.source_id
        back = reverse("network:organisation_detail", args=[self.region.slug, organisation_pk]) + "#relationships"
        today = self.region.today()
        try:
            if request.POST.get("action") == "end":
                relationships.end_relationship(actor=request.user, relationship=relationship, on=today)
                messages.success(request, _("The relationship ends on %(day)s.") % {"day": formats.date_format(today)})
            elif request.POST.get("action") == "delete":
                relationships.delete_relationship(actor=request.user, relationship=relationship)
                messages.success(request, _("Relationship deleted; the audit log keeps what it said."))
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        return HttpResponseRedirect(back)
