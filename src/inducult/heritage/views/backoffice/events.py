"""Back office for public events: editors submit their organisation's events, the coordinator
approves or rejects them; thin views over heritage.services.events."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.heritage.enums import EventStatus
from inducult.heritage.forms import EventForm
from inducult.heritage.models import Event
from inducult.heritage.services import events as services
from inducult.regions.rules import role_of
from inducult.regions.views import RegionMixin

STATUS_LABELS = dict(EventStatus.choices)
# The event's times, as the services name them, are the form's dates.
FIELD_OF_ERROR = {"starts_at": "date", "ends_at": "end_date"}


class EventMixin(RegionMixin):
    rule = "heritage.submit_event"

    @property
    def is_coordinator(self) -> bool:
        return self.can("heritage.review_event")

    def own_organisation(self):
        role = role_of(self.request.user, self.region)
        return role.organisation if role is not None else None

    def visible_events(self):
        events = Event.objects.filter(region=self.region).select_related("site", "organisation", "festival")
        if not self.is_coordinator:
            events = events.filter(organisation=self.own_organisation())
        return events

    def get_event(self) -> Event:
        event = get_object_or_404(self.visible_events(), pk=self.kwargs["pk"])
        if not self.can("heritage.submit_event", event):
            raise PermissionDenied
        return event


class EventListView(EventMixin, TemplateView):
    template_name = "heritage/event_admin_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = list(self.visible_events().order_by("-starts_at"))
        waiting = [e for e in events if e.status == EventStatus.SUBMITTED]
        context.update(
            waiting=waiting,
            others=[e for e in events if e.status != EventStatus.SUBMITTED],
            status_labels=STATUS_LABELS,
            is_coordinator=self.is_coordinator,
        )
        return context


CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved this after you started editing (at %(when)s, by %(who)s). "
    "Their values are shown next to yours; review and save again."
)


class EventFormView(CreatesOnceMixin, EventMixin, TemplateView):
    template_name = "heritage/event_form.html"

    def form(self, data=None, instance=None):
        return EventForm(
            data,
            instance=instance or Event(region=self.region),
            region=self.region,
            coordinator=self.is_coordinator,
            own_organisation=self.own_organisation(),
        )

    def instance(self):
        return self.get_event() if "pk" in self.kwargs else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form(instance=self.instance()))
        context.update(event=self.instance(), is_coordinator=self.is_coordinator)
        return context

    def post(self, request, *args, **kwargs):
        instance = self.instance()
        form = self.form(request.POST, instance=instance)
        if form.is_valid():
            try:
                if instance is None:
                    event = services.submit_event(
                        region=self.region, actor=request.user, data=form.domain_data(), approve=self.is_coordinator
                    )
                else:
                    event = services.update_event(
                        event=instance,
                        actor=request.user,
                        data=form.domain_data(),
                        version=form.cleaned_data["version"],
                        approve=self.is_coordinator,
                    )
            except ValidationError as error:
                add_domain_errors(form, error, fields=FIELD_OF_ERROR)
            except EditConflict as conflict:
                return self.conflict_response(form, conflict.current)
            else:
                if event.status == EventStatus.APPROVED:
                    messages.success(request, _("Event “%(title)s” saved and published.") % {"title": event.title})
                else:
                    messages.success(
                        request,
                        _("Event “%(title)s” saved; it appears once the coordinator approves it.")
                        % {"title": event.title},
                    )
                return HttpResponseRedirect(reverse("heritage_events:list", args=[self.region.slug]))
        return self.render_to_response(self.get_context_data(form=form))

    def conflict_response(self, form, current):
        """Saved meanwhile by someone else: nothing written; who and when, and each field whose stored
        value differs from the submitted one, beside it (as every edit page shows it)."""
        data, conflict = refused_edit(self.request, form, current, Event.AUDITED_FIELDS, str(CONFLICT_MESSAGE))
        form = self.form(data, instance=copy.copy(current))
        form.is_valid()
        return self.render_to_response(self.get_context_data(form=form, **conflict), status=409)


class EventReviewView(EventMixin, View):
    rule = "heritage.review_event"

    def post(self, request, *args, **kwargs):
        event = self.get_event()
        approve = request.POST.get("decision") == "approve"
        try:
            services.review_event(
                event=event, actor=request.user, approve=approve, reason=request.POST.get("reason", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            message = _("“%(title)s” is published.") if approve else _("“%(title)s” was rejected.")
            messages.success(request, message % {"title": event.title})
        return HttpResponseRedirect(reverse("heritage_events:list", args=[self.region.slug]))
