"""Back-office pages of people (contacts) and their memberships; coordinators only (personal data)."""

from __future__ import annotations

import copy
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.presentation import history_rows
from inducult.core.text import search_terms
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.pagination import paginate
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.network.domain import exporting
from inducult.network.forms import MembershipEndForm, MembershipForm, PersonEditForm, PersonFilterForm, PersonForm
from inducult.network.models import Membership, Person
from inducult.network.services import people as services
from inducult.regions.views import RegionMixin

VCARD_TYPE = "text/vcard; charset=utf-8"


def current_memberships(person) -> list[Membership]:
    return [m for m in person.memberships.all() if m.is_current]


class PersonMixin(RegionMixin):
    def get_object(self) -> Person:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(Person, pk=self.kwargs["pk"], region=self.region)
        return self.object

    def detail_url(self, person) -> str:
        return reverse("network:person_detail", args=[self.region.slug, person.pk])

    def live_object(self) -> Person:
        """The person, unless erased: erased records keep no personal data to show or change."""
        person = self.get_object()
        if person.erased_at is not None:
            raise Http404(_("This person's personal data was erased."))
        return person


class PersonListView(RegionMixin, TemplateView):
    rule = "network.view_people"
    template_name = "network/person_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PersonFilterForm(self.request.GET or None)
        text = form.cleaned_data.get("q", "") if form.is_valid() else ""
        people = Person.objects.filter(region=self.region)
        for term in search_terms(text):
            people = people.filter(search_text__contains=term)
        people = people.prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
        )
        page = paginate(self.request, people)
        rows = [{"person": p, "memberships": current_memberships(p)} for p in page.object_list]
        context.update(form=form, page_obj=page, rows=rows)
        return context


class PersonFormView(PersonMixin, TemplateView):
    rule = "network.change_person"
    template_name = "network/person_form.html"


class PersonCreateView(CreatesOnceMixin, PersonFormView):
    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PersonForm(), is_new=True))

    def post(self, request, *args, **kwargs):
        form = PersonForm(request.POST)
        if form.is_valid():
            try:
                person = services.create_person(region=self.region, actor=request.user, data=form.domain_data())
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Person “%(name)s” added.") % {"name": person})
                return HttpResponseRedirect(self.detail_url(person))
        return self.render_to_response(self.get_context_data(form=form, is_new=True))


class PersonUpdateView(PersonFormView):
    CONFLICT_MESSAGE = gettext_lazy(
        "Someone else saved this person after you started editing (at %(when)s, by %(who)s). "
        "Their values are shown next to yours; review and save again."
    )

    def get(self, request, *args, **kwargs):
        person = self.live_object()
        return self.render_to_response(self.get_context_data(form=PersonEditForm(instance=person), person=person))

    def post(self, request, *args, **kwargs):
        person = self.live_object()
        form = PersonEditForm(request.POST, instance=copy.copy(person))
        if form.is_valid():
            try:
                services.update_person(
                    person=person, actor=request.user, data=form.domain_data(), version=form.cleaned_data["version"]
                )
            except EditConflict as conflict:
                return self.conflict_response(form, conflict.current)
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return HttpResponseRedirect(self.detail_url(person))
        return self.render_to_response(self.get_context_data(form=form, person=person))

    def conflict_response(self, form, current):
        if current.erased_at is not None:
            messages.error(self.request, _("This person's personal data was erased meanwhile; nothing was saved."))
            return HttpResponseRedirect(self.detail_url(current))
        data, conflict = refused_edit(self.request, form, current, Person.AUDITED_FIELDS, str(self.CONFLICT_MESSAGE))
        form = PersonEditForm(data, instance=copy.copy(current))
        form.is_valid()
        context = self.get_context_data(form=form, person=current, **conflict)
        return self.render_to_response(context, status=409)


class PersonDetailView(PersonMixin, TemplateView):
    rule = "network.view_people"
    template_name = "network/person_detail.html"

    def get_context_data(self, membership_form=None, end_forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.get_object()
        memberships = list(person.memberships.select_related("organisation"))
        end_forms = end_forms or {}
        rows = [
            {
                "membership": m,
                "end_form": end_forms.get(m.pk)
                or (
                    MembershipEndForm(membership=m, initial={"end_date": self.region.today()}) if m.is_current else None
                ),
            }
            for m in memberships
        ]
        context.update(
            person=person,
            erased=person.erased_at is not None,
            membership_rows=rows,
            membership_form=membership_form or MembershipForm(region=self.region),
            history=history_rows(person),
            can_change=self.can("network.change_person"),
            can_erase=self.can("network.erase_person"),
        )
        return context


class MembershipCreateView(CreatesOnceMixin, PersonDetailView):
    rule = "network.change_person"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        person = self.live_object()
        form = MembershipForm(request.POST, region=self.region)
        if form.is_valid():
            try:
                services.add_membership(
                    person=person,
                    organisation=form.cleaned_data["organisation"],
                    actor=request.user,
                    role=form.cleaned_data["role"],
                    start_date=form.cleaned_data["start_date"],
                    end_date=form.cleaned_data["end_date"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Role added."))
                return HttpResponseRedirect(self.detail_url(person))
        return self.render_to_response(self.get_context_data(membership_form=form), status=400)


class MembershipEndView(PersonDetailView):
    rule = "network.change_person"
    http_method_names = ["post"]

    def get_object(self) -> Person:
        if not hasattr(self, "object"):
            self.membership = get_object_or_404(
                Membership.objects.select_related("organisation", "person"),
                pk=self.kwargs["pk"],
                organisation__region=self.region,
                person__region=self.region,
            )
            self.object = self.membership.person
        return self.object

    def post(self, request, *args, **kwargs):
        person = self.get_object()
        form = MembershipEndForm(request.POST, membership=self.membership)
        if form.is_valid():
            try:
                services.end_membership(
                    membership=self.membership, actor=request.user, end_date=form.cleaned_data["end_date"]
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Role ended."))
                return HttpResponseRedirect(self.detail_url(person))
        return self.render_to_response(self.get_context_data(end_forms={self.membership.pk: form}), status=400)


class PersonExportView(PersonMixin, View):
    """Everything kept about one person as a JSON download (right of access, GDPR Art. 15)."""

    rule = "network.view_people"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        person = self.get_object()
        data = services.export_person(person=person, actor=request.user)
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"person-{person.pk}-{self.region.today().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class PersonEraseView(PersonMixin, TemplateView):
    rule = "network.erase_person"
    template_name = "network/person_erase.html"

    def get(self, request, *args, **kwargs):
        person = self.get_object()
        if person.erased_at is not None:
            messages.info(request, _("This person's personal data was already erased."))
            return HttpResponseRedirect(self.detail_url(person))
        return self.render_to_response(self.get_context_data(person=person, fields=self.erased_field_labels()))

    def post(self, request, *args, **kwargs):
        person = services.erase_person(person=self.get_object(), actor=request.user)
        messages.success(request, _("Personal data erased. The record is now “%(name)s”.") % {"name": person})
        return HttpResponseRedirect(self.detail_url(person))

    @staticmethod
    def erased_field_labels() -> list[str]:
        names = (*Person.PERSONAL_FIELDS, "language", "consent_date")
        return [str(Person._meta.get_field(name).verbose_name) for name in names]


class PersonVCardView(PersonMixin, View):
    rule = "network.view_people"

    def get(self, request, *args, **kwargs):
        person = self.live_object()
        memberships = [m for m in person.memberships.select_related("organisation") if m.is_current]
        response = HttpResponse(exporting.person_vcard(person, memberships), content_type=VCARD_TYPE)
        response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.vcf"'
        return response


class PeopleVCardView(RegionMixin, View):
    rule = "network.view_people"

    def get(self, request, *args, **kwargs):
        people = (
            Person.objects.filter(region=self.region, erased_at__isnull=True)
            .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("organisation")))
            .order_by("last_name", "first_name", "id")
        )
        body = exporting.people_vcards((p, current_memberships(p)) for p in people)
        response = HttpResponse(body, content_type=VCARD_TYPE)
        filename = f"people-{self.region.slug}-{self.region.today().isoformat()}.vcf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
