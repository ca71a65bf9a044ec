"""Back office for sites: the coordinator keeps every site, a museum's editor the sites their
organisation runs (opening hours, visit, prices, access)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.geo import far_from_the_rest
from inducult.core.versioning import EditConflict
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.forms import (
    ExceptionFormSet,
    SeasonFormSet,
    SiteForm,
    exception_initial,
    season_initial,
)
from inducult.heritage.models import Site
from inducult.heritage.presentation import KIND_LABELS, hours_review
from inducult.heritage.services import sites as services
from inducult.regions.rules import role_of
from inducult.regions.views import RegionMixin


class SiteAdminMixin(RegionMixin):
    rule = "heritage.change_site"

    def kept_sites(self):
        sites = Site.objects.active().filter(region=self.region).select_related("organisation")
        if not self.can("heritage.review_event"):  # not the coordinator: the editor's organisation only
            role = role_of(self.request.user, self.region)
            sites = sites.filter(organisation_id=role.organisation_id if role else None)
        return sites


class SiteAdminListView(SiteAdminMixin, TemplateView):
    template_name = "heritage/site_admin_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sites = self.kept_sites()
        to_check = self.request.GET.get("check") == "1"
        if to_check:
            sites = sites.exclude(opening_hours_review="")
        context.update(
            rows=[
                {
                    "site": s,
                    "kind": KIND_LABELS.get(s.kind, s.kind),
                    "review": hours_review(s.opening_hours_review),
                    "photos": s.photo_count,
                }
                for s in sites.annotate(photo_count=Count("photos", filter=Q(photos__removed_at__isnull=True)))
            ],
            to_check=to_check,
            check_count=self.kept_sites().exclude(opening_hours_review="").count(),
        )
        return context


class SiteEditView(SiteAdminMixin, TemplateView):
    template_name = "heritage/site_form.html"

    def get_site(self) -> Site:
        site = get_object_or_404(self.kept_sites(), pk=self.kwargs["pk"])
        if not self.can("heritage.change_site", site):
            raise PermissionDenied
        return site

    def forms(self, site, data=None):
        hours = site.hours()
        return (
            SiteForm(data, instance=site, coordinator=self.can("heritage.review_event")),
            SeasonFormSet(data, prefix="seasons", initial=None if data else season_initial(hours)),
            ExceptionFormSet(data, prefix="exceptions", initial=None if data else exception_initial(hours)),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = kwargs.get("site") or self.get_site()
        if "form" not in kwargs:
            form, seasons, exceptions = self.forms(site)
            context.update(form=form, seasons=seasons, exceptions=exceptions)
        context.update(
            site=site,
            hours_review=hours_review(site.opening_hours_review),
            hours_errors=kwargs.get("hours_errors", []),
        )
        return context

    def post(self, request, *args, **kwargs):
        site = self.get_site()
        form, seasons, exceptions = self.forms(site, request.POST)
        hours_errors: list[str] = []
        if form.is_valid() and seasons.is_valid() and exceptions.is_valid():
            try:
                hours = self.hours(form, seasons, exceptions)
                data = {name: form.cleaned_data.get(name) for name in form.Meta.fields if name in form.fields}
                for name in ("description", "website", "opening_hours_text", "price_note", "accessibility_note"):
                    data[name] = (data[name] or "").strip()
                data["price_level"] = data["price_level"] or ""
                data["wheelchair"] = data["wheelchair"] or ""
                data["coordinate_precision"] = data["coordinate_precision"] or ""
                site = services.update_site(
                    site=site, actor=request.user, data=data, hours=hours, version=form.cleaned_data["version"]
                )
            except ValidationError as error:
                # The opening hours' messages go beside their formsets, not on the form.
                hours_errors = add_domain_errors(form, error, elsewhere={"opening_hours"}).get("opening_hours", [])
                hours_errors += [m for f in seasons.forms + exceptions.forms for m in f.non_field_errors()]
            except EditConflict:
                form.add_error(None, _("This site was changed by someone else while you were editing it."))
            else:
                messages.success(request, _("“%(name)s” saved.") % {"name": site.name})
                self.warn_if_far(site)
                return HttpResponseRedirect(reverse("heritage_public:site", args=[self.region.slug, site.pk]))
        context = self.get_context_data(
            site=site, form=form, hours_errors=hours_errors, seasons=seasons, exceptions=exceptions
        )
        context.update(form=form, seasons=seasons, exceptions=exceptions)
        return self.render_to_response(context)

    def warn_if_far(self, site: Site) -> None:
        """Saved, but worth a second look: a point far from all the region's other sites is more
        often a typo (latitude and longitude swapped) than a real neighbour."""
        if not site.has_location:
            return
        others = (
            Site.objects.active()
            .filter(region=self.region, latitude__isnull=False)
            .exclude(pk=site.pk)
            .values_list("latitude", "longitude")
        )
        km = far_from_the_rest((float(site.latitude), float(site.longitude)), [(float(a), float(b)) for a, b in others])
        if km is not None:
            messages.warning(
                self.request,
                _(
                    "The coordinates are %(km)d km from the region's other sites. If that is a typo (latitude "
                    "and longitude swapped?), correct them."
                )
                % {"km": km},
            )

    @staticmethod
    def hours(form, seasons, exceptions) -> oh.OpeningHours:
        kind = form.cleaned_data["hours_kind"]
        kept = [f for f in seasons.forms if f.has_changed() and not f.cleaned_data.get("DELETE")]
        dated = [f for f in exceptions.forms if f.has_changed() and not f.cleaned_data.get("DELETE")]
        built = []
        for season_form in kept:
            try:
                built.append(season_form.season())
            except ValidationError as error:
                season_form.add_error(None, error)
        if any(f.errors for f in kept):
            raise ValidationError({"opening_hours": [m for f in kept for m in f.non_field_errors()]})
        return oh.OpeningHours(
            kind=kind,
            seasons=tuple(built) if kind == "regular" else (),
            exceptions=tuple(f.exception() for f in dated),
            note=form.cleaned_data.get("hours_note", "").strip(),
        )
