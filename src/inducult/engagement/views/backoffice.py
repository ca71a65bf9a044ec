"""Back-office pages of the engagement log: list, detail, delete and undo, task toggles, files, and
creating and editing an engagement on one page, with participants, topics, tasks and files.

Every record is fetched within the URL's region, so an id of another region is a 404
(docs/decisions/0002-region-isolation.md).
"""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.models import AuditEntry
from inducult.core.presentation import change_rows
from inducult.core.text import search_terms
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.downloads import Download, FileDownloadView
from inducult.core.views.pagination import paginate
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.engagement.forms import (
    EngagementEditForm,
    EngagementFilterForm,
    EngagementForm,
    is_far_from_today,
    task_changes,
    task_formset,
)
from inducult.engagement.models import (
    Attachment,
    Engagement,
    EngagementParticipant,
    FollowUpTask,
)
from inducult.engagement.services import engagements
from inducult.engagement.services.recording import save_engagement
from inducult.regions.views import RegionMixin

PAGE_SIZE = 50


class EngagementMixin(RegionMixin):
    """Loads the engagement of the URL, only from the current region and not deleted."""

    def get_object(self) -> Engagement:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(
                Engagement.objects.select_related("region", "place_organisation"),
                pk=self.kwargs["pk"],
                region=self.region,
            )
        return self.object

    def get_rule_object(self):
        # Someone without any role here learns nothing, not even whether the record exists.
        if not self.can("region.view_backoffice"):
            return None
        return self.get_object()

    def detail_url(self, engagement) -> str:
        return reverse("engagement:detail", args=[self.region.slug, engagement.pk])


def find_engagements(region, filters: dict):
    qs = Engagement.objects.filter(region=region)
    for term in search_terms(filters.get("q") or ""):
        qs = qs.filter(search_text__contains=term)
    if filters.get("year"):
        start, end = region.year_bounds(filters["year"])
        qs = qs.filter(starts_at__gte=start, starts_at__lt=end)
    for name in ("kind", "status", "visibility"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    if filters.get("organisation"):
        org = filters["organisation"]
        took_part = EngagementParticipant.objects.filter(organisation=org).values("engagement_id")
        qs = qs.filter(Q(pk__in=took_part) | Q(place_organisation=org))
    return (
        qs.select_related("place_organisation")
        .annotate(participant_count=Count("participants"))
        .order_by("-starts_at", "-id")
    )


class EngagementListView(RegionMixin, TemplateView):
    rule = "engagement.view_log"
    template_name = "engagement/engagement_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.can("engagement.change_log")
        form = EngagementFilterForm(self.request.GET or None, region=self.region)
        filters = form.values()
        show_deleted = can_change and self.request.GET.get("deleted") == "1"
        if show_deleted:
            queryset = (
                Engagement.all_objects.deleted()
                .filter(region=self.region)
                .select_related("place_organisation")
                .annotate(participant_count=Count("participants"))
                .order_by("-deleted_at", "-id")
            )
        else:
            queryset = find_engagements(self.region, filters)
        page = paginate(self.request, queryset, PAGE_SIZE)
        for engagement in page.object_list:
            engagement.region = self.region  # one region for all rows, not a query per row
        context.update(
            form=form,
            page_obj=page,
            engagements=page.object_list,
            show_deleted=show_deleted,
            can_change=can_change,
            undo=self.just_deleted() if can_change else None,
        )
        return context

    def just_deleted(self) -> Engagement | None:
        pk = self.request.GET.get("undo", "")
        if not pk.isdigit():
            return None
        return Engagement.all_objects.deleted().filter(region=self.region, pk=int(pk)).first()


def history_rows(engagement: Engagement) -> list[dict]:
    """Entries about the engagement and the participants, tasks and files hanging on it, newest first."""
    children = {
        EngagementParticipant: [str(pk) for pk in engagement.participants.values_list("pk", flat=True)],
        FollowUpTask: [str(pk) for pk in engagement.tasks.values_list("pk", flat=True)],
        Attachment: [str(pk) for pk in engagement.attachments.values_list("pk", flat=True)],
    }
    models = {model._meta.label_lower: model for model in (Engagement, *children)}
    query = Q(object_type="engagement.engagement", object_id=str(engagement.pk))
    for model, ids in children.items():
        if ids:
            query |= Q(object_type=model._meta.label_lower, object_id__in=ids)
    entries = AuditEntry.objects.filter(query).select_related("actor")
    rows = []
    for entry in entries:
        model = models[entry.object_type]
        # An entry about what hangs on the engagement names it; the engagement's own need not.
        action = entry.get_action_display()
        if model is not Engagement:
            action = f"{model._meta.verbose_name}: {action} ({entry.object_repr})"
        rows.append({"entry": entry, "action": action, "changes": change_rows(entry, model)})
    return rows


class EngagementDetailView(EngagementMixin, TemplateView):
    rule = "engagement.view_log"
    template_name = "engagement/engagement_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        engagement = self.get_object()
        can_view_people = self.can("network.view_people")
        participants = list(engagement.participants.select_related("organisation", "person"))
        context.update(
            engagement=engagement,
            participants=participants,
            people_count=sum(1 for p in participants if p.person_id),
            tasks=list(engagement.tasks.select_related("owner")),
            attachments=list(engagement.attachments.all()),
            topics=list(engagement.topics.all()),
            goals=list(engagement.goals.select_related("version")),
            can_view_people=can_view_people,
            can_change=self.can("engagement.change_log"),
            history=history_rows(engagement),
        )
        return context


class EngagementDeleteView(EngagementMixin, TemplateView):
    rule = "engagement.change_log"
    template_name = "engagement/engagement_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        engagement = self.get_object()
        context.update(
            engagement=engagement,
            participant_count=engagement.participants.count(),
            task_count=engagement.tasks.count(),
            attachment_count=engagement.attachments.count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        engagement = engagements.delete_engagement(engagement=self.get_object(), actor=request.user)
        messages.success(
            request,
            _("“%(title)s” deleted. It no longer counts toward the strategy; undo below if this was a mistake.")
            % {"title": engagement.title},
        )
        return HttpResponseRedirect(f"{reverse('engagement:list', args=[self.region.slug])}?undo={engagement.pk}")


class EngagementRestoreView(RegionMixin, View):
    rule = "engagement.change_log"
    http_method_names = ["post"]

    def post(self, request, *args, pk: int, **kwargs):
        engagement = get_object_or_404(Engagement.all_objects.filter(region=self.region), pk=pk)
        if engagement.deleted_at is None:
            raise Http404(_("This engagement is not deleted."))
        engagement = engagements.restore_engagement(engagement=engagement, actor=request.user)
        messages.success(
            request,
            _("“%(title)s” restored with its participants, topics, goals, tasks and files.")
            % {"title": engagement.title},
        )
        return HttpResponseRedirect(reverse("engagement:detail", args=[self.region.slug, engagement.pk]))


class TaskDoneView(RegionMixin, View):
    """Marks a follow-up task done (``done=1``), not done (``done=0``), or toggles it (no ``done``).

    Goes back to ``next`` when it is a page of this site (e.g. a dashboard listing open tasks),
    otherwise to the engagement.
    """

    rule = "engagement.change_log"
    http_method_names = ["post"]

    def post(self, request, *args, pk: int, **kwargs):
        task = get_object_or_404(
            FollowUpTask.objects.select_related("engagement__region"),
            pk=pk,
            engagement__region=self.region,
            engagement__deleted_at__isnull=True,
        )
        wanted = request.POST.get("done")
        done = (wanted != "0") if wanted in ("0", "1") else not task.is_done
        engagements.mark_task_done(task=task, actor=request.user, done=done)
        if done:
            messages.success(request, _("Task “%(title)s” marked done.") % {"title": task.title})
        else:
            messages.success(request, _("Task “%(title)s” marked not done.") % {"title": task.title})
        target = request.POST.get("next", "")
        hosts = {request.get_host()}
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=hosts, require_https=request.is_secure()):
            target = reverse("engagement:detail", args=[self.region.slug, task.engagement_id]) + "#tasks"
        return HttpResponseRedirect(target)


class AttachmentDownloadView(RegionMixin, FileDownloadView):
    """Files are served only through this view, to people who may read the log; never from MEDIA_URL."""

    rule = "engagement.view_log"

    def get_file(self, *, pk: int, attachment_pk: int, **kwargs) -> Download:
        attachment = get_object_or_404(
            Attachment,
            pk=attachment_pk,
            engagement_id=pk,
            engagement__region=self.region,
            engagement__deleted_at__isnull=True,
        )
        return Download.of(attachment)


# Errors of the models and the business actions, keyed by model field, shown at the form's field.
FIELD_OF_ERROR = {
    "starts_at": "date",
    "ends_at": "end_time",
    "organisation": "organisations",
    "person": "people",
    "owner": None,
    "file": "attachments",
}

CONFLICT_FIELDS = (*Engagement.AUDITED_FIELDS,)


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


class EngagementCreateView(CreatesOnceMixin, EngagementFormMixin, RegionMixin, TemplateView):
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
            add_domain_errors(form, error, fields=FIELD_OF_ERROR)
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
        # The form works on a copy: the business action compares the stored values with the new ones.
        form, formset = self.build(request.POST, request.FILES, instance=copy.copy(engagement))
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            result = self.save(form, formset, engagement=engagement)
        except EditConflict as conflict:
            return self.conflict_response(form, conflict.current)
        except ValidationError as error:
            add_domain_errors(form, error, fields=FIELD_OF_ERROR)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        return self.after_save(result, created=False)

    def conflict_response(self, form, current):
        current.region = self.region
        data, conflict = refused_edit(self.request, form, current, CONFLICT_FIELDS, str(self.CONFLICT_MESSAGE))
        form, formset = self.build(data, None, instance=copy.copy(current))
        form.is_valid()
        formset.is_valid()
        context = self.get_context_data(form=form, formset=formset, **conflict)
        return self.render_to_response(context, status=409)

    def get_context_data(self, **kwargs):
        return super().get_context_data(engagement=self.get_object(), is_new=False, **kwargs)
