"""Site photos: the editor's page (upload, order, remove and undo)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.heritage.forms import PhotoForm
from inducult.heritage.services import photos as services
from inducult.heritage.views.backoffice.sites import SiteAdminMixin


class SitePhotosView(CreatesOnceMixin, SiteAdminMixin, TemplateView):
    template_name = "heritage/site_photos.html"

    def get_site(self):
        site = get_object_or_404(self.kept_sites(), pk=self.kwargs["pk"])
        if not self.can("heritage.change_site", site):
            raise PermissionDenied
        return site

    def form(self, data=None, files=None):
        return PhotoForm(data, files, region_language=self.region.default_language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = kwargs.get("site") or self.get_site()
        photos = list(site.photos.all())
        context.update(
            site=site,
            form=kwargs.get("form") or self.form(),
            shown=[p for p in photos if p.removed_at is None],
            removed=[p for p in photos if p.removed_at is not None],
            limit=services.MAX_PHOTOS_PER_SITE,
        )
        return context

    def post(self, request, *args, **kwargs):
        site = self.get_site()
        action = request.POST.get("action", "upload")
        if action != "upload":
            return self.change(site, action)
        form = self.form(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.add_photo(
                    site=site,
                    actor=request.user,
                    upload=form.cleaned_data["image"],
                    alt_text=form.cleaned_data["alt_text"],
                    translations=form.translations(),
                    credit=form.cleaned_data["credit"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Photo added."))
                return HttpResponseRedirect(self.here(site))
        return self.render_to_response(self.get_context_data(site=site, form=form))

    def change(self, site, action: str):
        photo = get_object_or_404(site.photos.all(), pk=self.request.POST.get("photo"))
        try:
            if action == "remove":
                services.remove_photo(photo=photo, actor=self.request.user)
                messages.success(self.request, _("Photo removed from the public pages. You can restore it below."))
            elif action == "restore":
                services.restore_photo(photo=photo, actor=self.request.user)
                messages.success(self.request, _("Photo restored."))
            elif action in ("up", "down"):
                services.move_photo(photo=photo, actor=self.request.user, up=action == "up")
            else:
                raise Http404
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
        return HttpResponseRedirect(self.here(site))

    def here(self, site) -> str:
        return reverse("heritage_sites:photos", args=[self.region.slug, site.pk])
