"""Creating and editing an engagement on one page, with participants, topics, tasks and files."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from inducult.core.views.conflicts import conflict_details
from inducult.engagement.domain.engagements import EngagementEditConflict
from inducult.engagement.domain.recording import save_engagement
from inducult.engagement.forms import (
    EngagementEditForm,
    EngagementForm,
    is_far_from_today,
    task_changes,
    task_formset,
)
from inducult.engagement.models import Engagement
from inducult.engagement.views import EngagementMixin
from inducult.regions.views import RegionMixin

# Errors of the model and domain layers, keyed by model field, shown at the form's field.
FIELD_OF_ERROR = {
    "starts_at": "date",
    "ends_at": "end_time",
    "organisation": "organisations",
    "person": "people",
    "owner": None,
    "file": "attachments",
}

CONFLICT_FIELDS = (*Engagement.AUDITED_FIELDS,)


def add_domain_error(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        name = FIELD_OF_ERROR.get(field, field)
        if name not in form.fields:
            name = None
        for item in errors:
            form.add_error(name, item)


class EngagementFormMixin:
    form_class = EngagementForm
    template_name = "engagement/engagement_form.html"

    def can_view_people(self) -> bool:
        return self.can("network.view_people")

    def build(self, data=None, files=None, instance=None):
        instance = instance if instance is not None else Engagement(region=self.region)
        form = self.form_class(
            data, files, instance=instance, region=self.region, can_view_people=self.can_view_people()
        )
        tasks = list(instance.tasks.select_related("owner")) if instance.pk else []
        formset = task_formset(data, region=self.region, tasks=tasks, can_view_people=self.can_view_people())
        return form, formset

    def save(self, form, formset, engagement=None):
        cleaned = form.cleaned_data
        return save_engagement(
            region=self.region,
            actor=self.request.user,
            data=form.domain_data(),
            engagement=engagement,
            version=cleaned.get("version"),
            topics=cleaned.get("topics") or [],
            new_topic_names=form.new_topic_names(),
            goals=cleaned.get("goals") or [],
            organisations=cleaned.get("organisations") or [],
            people=cleaned.get("people", []) if "people" in form.fields else None,
            new_organisation=form.new_organisation(),
            new_person=form.new_person(),
            tasks=task_changes(formset),
            attachments=cleaned.get("attachments") or [],
            remove_attachments=cleaned.get("remove_attachments") or [],
            roles=form.roles() if hasattr(form, "roles") else None,
        )

    def after_save(self, result, created: bool):
        engagement = result.engagement
        if created:
            messages.success(self.request, _("Engagement “%(title)s” logged.") % {"title": engagement.title})
        else:
            messages.success(self.request, _("Changes to “%(title)s” saved.") % {"title": engagement.title})
        if result.new_organisation is not None:
            messages.info(
                self.request,
                _("“%(name)s” was added to the registry; complete its record there when you have time.")
                % {"name": result.new_organisation.name},
            )
        if result.no_longer_held:
            messages.info(
                self.request,
                _("The engagement is planned again: it no longer counts toward the strategy's targets until held."),
            )
        if is_far_from_today(engagement):
            messages.warning(
                self.request,
                _(
                    "The date %(date)s is more than five years from today. It was saved; if it is a typo, "
                    "edit the engagement and correct it."
                )
                % {"date": formats.date_format(engagement.local_date, "DATE_FORMAT")},
            )
        return HttpResponseRedirect(self.detail_url(engagement))

    def detail_url(self, engagement) -> str:
        from django.urls import reverse

        return reverse("engagement:detail", args=[self.region.slug, engagement.pk])


class EngagementCreateView(EngagementFormMixin, RegionMixin, TemplateView):
    rule = "engagement.change_log"

    def get(self, request, *args, **kwargs):
        form, formset = self.build()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.build(request.POST, request.FILES)
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            result = self.save(form, formset)
        except ValidationError as error:
            add_domain_error(form, error)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        return self.after_save(result, created=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_new=True, **kwargs)


class EngagementUpdateView(EngagementFormMixin, EngagementMixin, TemplateView):
    rule = "engagement.change_log"
    form_class = EngagementEditForm
    CONFLICT_MESSAGE = gettext_lazy(
        "Someone else saved this engagement after you started editing (at %(when)s, by %(who)s). "
        "Their values are kept and shown next to yours; review and save again."
    )

    def get(self, request, *args, **kwargs):
        form, formset = self.build(instance=self.get_object())
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        engagement = self.get_object()
        # The form works on a copy: the domain compares the stored values with the new ones.
        form, formset = self.build(request.POST, request.FILES, instance=copy.copy(engagement))
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            result = self.save(form, formset, engagement=engagement)
        except EngagementEditConflict as conflict:
            return self.conflict_response(form, conflict.current)
        except ValidationError as error:
            add_domain_error(form, error)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        return self.after_save(result, created=False)

    def conflict_response(self, form, current):
        current.region = self.region
        message, differing = conflict_details(form, current, CONFLICT_FIELDS, str(self.CONFLICT_MESSAGE))
        data = self.request.POST.copy()
        # Saving the reviewed form again is a deliberate overwrite of the newer version.
        data["version"] = str(current.version)
        form, formset = self.build(data, None, instance=copy.copy(current))
        form.is_valid()
        formset.is_valid()
        context = self.get_context_data(form=form, formset=formset, conflict_message=message, differing=differing)
        return self.render_to_response(context, status=409)

    def get_context_data(self, **kwargs):
        return super().get_context_data(engagement=self.get_object(), is_new=False, **kwargs)
