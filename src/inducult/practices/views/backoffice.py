"""Back office of the good-practice library, under /manage/<region>/practices/.

Everyone in a region's back office reads its own practices and those other regions share; the
coordinator writes, shares and archives the region's own. Which practice may be read is decided by
``services.library.visible_practices`` alone: a practice of another region that is not shared is a
404 and a logged refusal, like an attachment of it.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.translated import translation_mark
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.downloads import Download, FileDownloadView
from inducult.core.views.pagination import paginate
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.practices.enums import PracticeTheme
from inducult.practices.forms import PracticeEditForm, PracticeFilterForm, PracticeForm
from inducult.practices.models import GoodPractice
from inducult.practices.services import library
from inducult.regions.views import RegionMixin

PAGE_SIZE = 50
THEME_LABELS = dict(PracticeTheme.choices)
# Errors of the models and the business actions, keyed by model field, shown at the form's field.
FIELD_OF_ERROR = {"file": "attachments"}


def detail_url(region, practice) -> str:
    return reverse("practices:detail", args=[region.slug, practice.pk])


def language_note(practice: GoodPractice) -> str:
    """ "Written in German; no translation" or "Written in Czech; also in English, German"."""
    others = [name for code, name in _platform_languages() if code in practice.translated_languages]
    if others:
        return _("Written in %(language)s; also in %(others)s.") % {
            "language": practice.language_name,
            "others": ", ".join(others),
        }
    return _("Written in %(language)s; no translation.") % {"language": practice.language_name}


def _platform_languages():
    return [(code, str(name)) for code, name in settings.LANGUAGES]


class PracticeMixin(RegionMixin):
    rule = "practices.view"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(can_change=self.can("practices.change"))
        return context

    def visible_or_404(self, pk: int) -> GoodPractice:
        practice = library.visible_practice(user=self.request.user, region=self.region, pk=pk)
        if practice is None:
            raise Http404
        return practice

    def own_or_404(self, pk: int) -> GoodPractice:
        practice = library.own_practice(user=self.request.user, region=self.region, pk=pk)
        if practice is None:
            raise Http404
        return practice


class PracticeListView(PracticeMixin, TemplateView):
    template_name = "practices/practice_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = PracticeFilterForm(self.request.GET or None, countries=library.countries(user, self.region))
        practices = library.find_practices(user, self.region, **form.query())
        page = paginate(self.request, practices, PAGE_SIZE)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            page=page,
            rows=[
                {
                    "practice": p,
                    "theme": THEME_LABELS.get(p.theme, p.theme),
                    "is_own": p.region_id == self.region.pk,
                    "title": p.localized("title"),
                }
                for p in page.object_list
            ],
            count=page.paginator.count,
            query=query.urlencode(),
        )
        return context


class PracticeDetailView(PracticeMixin, TemplateView):
    template_name = "practices/practice_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice = self.visible_or_404(self.kwargs["pk"])
        is_own = practice.region_id == self.region.pk
        translations = [
            {
                "code": code,
                "name": name,
                # "our translation from …" when the platform's editors made this one (decision 0018).
                "translated_from": translation_mark(practice, fields=practice.TEXT_FIELDS, language=code),
                **practice.translation(code),
            }
            for code, name in _platform_languages()
            if code in practice.translated_languages
        ]
        context.update(
            practice=practice,
            is_own=is_own,
            can_change=is_own and self.can("practices.change"),
            theme=THEME_LABELS.get(practice.theme, practice.theme),
            language_note=language_note(practice),
            translations=translations,
            attachments=list(practice.attachments.all()),
        )
        return context


class PracticeFormMixin(PracticeMixin):
    rule = "practices.change"
    template_name = "practices/practice_form.html"

    def render_form(self, form, status=200, **extra):
        return self.render_to_response(self.get_context_data(form=form, **extra), status=status)

    def saved(self, practice: GoodPractice, message: str):
        messages.success(self.request, message % {"title": practice.title})
        return HttpResponseRedirect(detail_url(self.region, practice))


class PracticeCreateView(CreatesOnceMixin, PracticeFormMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        return self.render_form(PracticeForm(region=self.region), is_new=True)

    def post(self, request, *args, **kwargs):
        form = PracticeForm(request.POST, request.FILES, region=self.region)
        if form.is_valid():
            try:
                practice = library.create_practice(
                    region=self.region,
                    actor=request.user,
                    data=form.domain_data(),
                    attachments=form.cleaned_data.get("attachments") or [],
                )
            except ValidationError as error:
                add_domain_errors(form, error, fields=FIELD_OF_ERROR)
            else:
                return self.saved(
                    practice, _("Practice “%(title)s” added. It stays private to this region until shared.")
                )
        return self.render_form(form, is_new=True)


class PracticeEditView(PracticeFormMixin, TemplateView):
    CONFLICT_MESSAGE = gettext_lazy(
        "Someone else saved this practice after you started editing (at %(when)s, by %(who)s). "
        "Their values are shown next to yours; review and save again."
    )

    def get(self, request, *args, **kwargs):
        practice = self.own_or_404(self.kwargs["pk"])
        return self.render_form(PracticeEditForm(instance=practice, region=self.region), practice=practice)

    def post(self, request, *args, **kwargs):
        practice = self.own_or_404(self.kwargs["pk"])
        # The form works on a copy: the business action compares the stored values with the new ones.
        form = PracticeEditForm(request.POST, request.FILES, instance=copy.copy(practice), region=self.region)
        if form.is_valid():
            try:
                practice = library.update_practice(
                    practice=practice,
                    actor=request.user,
                    data=form.domain_data(),
                    version=form.cleaned_data["version"],
                    attachments=form.cleaned_data.get("attachments") or [],
                    remove_attachments=form.cleaned_data.get("remove_attachments") or [],
                )
            except EditConflict as conflict:
                return self.conflict_response(form, conflict.current)
            except ValidationError as error:
                add_domain_errors(form, error, fields=FIELD_OF_ERROR)
            else:
                return self.saved(practice, _("Changes to “%(title)s” saved."))
        return self.render_form(form, practice=practice)

    def conflict_response(self, form, current):
        message = str(self.CONFLICT_MESSAGE)
        data, conflict = refused_edit(self.request, form, current, GoodPractice.AUDITED_FIELDS, message)
        form = PracticeEditForm(data, instance=copy.copy(current), region=self.region)
        form.is_valid()
        return self.render_form(form, status=409, practice=current, **conflict)


class PracticeActionView(PracticeMixin, View):
    """A button on the detail page (POST only) acting on one of the region's own practices."""

    rule = "practices.change"

    def act(self, practice: GoodPractice):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        practice = self.own_or_404(self.kwargs["pk"])
        try:
            message = self.act(practice)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(detail_url(self.region, practice))


class PracticeShareView(PracticeActionView):
    def act(self, practice):
        library.set_shared(practice=practice, actor=self.request.user, shared=True)
        return _("“%(title)s” is now shared with all regions.") % {"title": practice.title}


class PracticeUnshareView(PracticeActionView):
    def act(self, practice):
        library.set_shared(practice=practice, actor=self.request.user, shared=False)
        return _("“%(title)s” is private to this region again.") % {"title": practice.title}


class PracticeArchiveView(PracticeActionView):
    def act(self, practice):
        library.archive_practice(practice=practice, actor=self.request.user)
        return _("“%(title)s” archived; other regions no longer see it.") % {"title": practice.title}


class PracticeRestoreView(PracticeActionView):
    def act(self, practice):
        library.restore_practice(practice=practice, actor=self.request.user)
        return _("“%(title)s” restored.") % {"title": practice.title}


class PracticeAttachmentView(PracticeMixin, FileDownloadView):
    """Files are served only through this view, to those who may read the practice; never from MEDIA_URL."""

    def get_file(self, *, pk: int, attachment_pk: int, **kwargs) -> Download:
        attachment = library.visible_attachment(
            user=self.request.user, region=self.region, pk=pk, attachment_pk=attachment_pk
        )
        if attachment is None:
            raise Http404
        return Download.of(attachment)
