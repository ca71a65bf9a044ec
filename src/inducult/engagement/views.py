"""Back-office pages of the engagement log: list, detail, delete and undo, task toggles, files.

Creating and editing live in ``views_edit``. Every record is fetched within the URL's region, so an
id of another region is a 404 (docs/decisions/0002-region-isolation.md).
"""

from __future__ import annotations

import copy
import datetime

from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.models import AuditEntry
from inducult.core.presentation import change_rows, display_value
from inducult.core.text import search_terms
from inducult.core.views.pagination import paginate
from inducult.engagement.domain import engagements as domain
from inducult.engagement.forms import EngagementFilterForm
from inducult.engagement.models import (
    Attachment,
    Engagement,
    EngagementParticipant,
    FollowUpTask,
)
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
        tz = region.tz
        start = datetime.datetime(filters["year"], 1, 1, tzinfo=tz)
        end = datetime.datetime(filters["year"] + 1, 1, 1, tzinfo=tz)
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
        label = "" if model is Engagement else f"{model._meta.verbose_name}: "
        rows.append({"entry": entry, "label": label, "changes": _change_rows(entry, model)})
    return rows


# Keys of a deletion's snapshot that are not fields of the engagement (what hung on it).
CONTENT_LABELS = {
    "participants": gettext_lazy("Participants"),
    "tasks": gettext_lazy("Follow-up tasks"),
    "attachments": gettext_lazy("Attachments"),
}


def _change_rows(entry, model) -> list[dict]:
    if model is not Engagement or not any(key in CONTENT_LABELS for key in entry.changes or {}):
        return change_rows(entry, model)
    plain = copy.copy(entry)
    plain.changes = {k: v for k, v in entry.changes.items() if k not in CONTENT_LABELS}
    rows = change_rows(plain, model)
    for key, label in CONTENT_LABELS.items():
        if key in entry.changes:
            before, after = (list(entry.changes[key]) + [None, None])[:2]
            rows.append(
                {"label": label, "before": display_value(model, "", before), "after": display_value(model, "", after)}
            )
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
        engagement = domain.delete_engagement(engagement=self.get_object(), actor=request.user)
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
        engagement = domain.restore_engagement(engagement=engagement, actor=request.user)
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
        domain.mark_task_done(task=task, actor=request.user, done=done)
        if done:
            messages.success(request, _("Task “%(title)s” marked done.") % {"title": task.title})
        else:
            messages.success(request, _("Task “%(title)s” marked not done.") % {"title": task.title})
        target = request.POST.get("next", "")
        hosts = {request.get_host()}
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=hosts, require_https=request.is_secure()):
            target = reverse("engagement:detail", args=[self.region.slug, task.engagement_id]) + "#tasks"
        return HttpResponseRedirect(target)


class AttachmentDownloadView(RegionMixin, View):
    """Files are served only through this view, to people who may read the log; never from MEDIA_URL."""

    rule = "engagement.view_log"

    def get(self, request, *args, pk: int, attachment_pk: int, **kwargs):
        attachment = get_object_or_404(
            Attachment,
            pk=attachment_pk,
            engagement_id=pk,
            engagement__region=self.region,
            engagement__deleted_at__isnull=True,
        )
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404(_("The file is missing from storage.")) from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.file_name or None,
            content_type=attachment.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
