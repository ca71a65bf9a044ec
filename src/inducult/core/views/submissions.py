"""The view side of ``core.submissions``: a create page whose form is sent twice creates one record."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from inducult.core import submissions


class CreatesOnceMixin:
    """For a page whose POST creates a record and then redirects to where it is shown (its template
    renders ``{% form_token %}`` in the form). A second sending of the same rendered form redirects
    there too, creating nothing. Put it before the region mixin: a refusal (403, 404) is an
    exception, which gives the claim up. A page that also redirects when it created nothing (errors
    told in messages) says so with `created_nothing`."""

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        url = submissions.landing(request)
        if url:
            return self.already_submitted(url)
        try:
            with submissions.once(request) as claim:
                response = super().dispatch(request, *args, **kwargs)
                if response.status_code in (301, 302, 303) and not getattr(self, "_created_nothing", False):
                    claim.url = response["Location"]
                return response
        except submissions.AlreadySubmitted as done:
            return self.already_submitted(done.url or request.get_full_path())

    def created_nothing(self, response):
        """``response`` (a redirect) created nothing: the form may be sent again."""
        self._created_nothing = True
        return response

    def already_submitted(self, url: str):
        messages.info(self.request, _("This form had already been sent; here is what it saved."))
        return HttpResponseRedirect(url)
