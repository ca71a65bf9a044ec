"""The tour planner's back office: the coordinator publishes a planned day as a tour product."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from inducult.tours.services import products
from inducult.tours.views.public import PlannerMixin


class PublishView(PlannerMixin, View):
    """The coordinator saves a planned day as a tour product (POST from the plan's page)."""

    rule = "tours.publish"

    def post(self, request, *args, **kwargs):
        query = QueryDict(request.POST.get("query", ""))
        form = self.form(query)
        back = f"{reverse('tours:planner', args=[self.region.slug])}?{query.urlencode()}"
        if not form.is_valid():
            messages.error(request, _("The plan's wishes are not valid any more; plan the day again."))
            return HttpResponseRedirect(back)
        wishes = {**form.cleaned_data, "interests": form.interests()}
        try:
            product = products.publish(
                region=self.region,
                actor=request.user,
                title=request.POST.get("title", ""),
                slug=request.POST.get("slug", ""),
                description=request.POST.get("description", ""),
                wishes=wishes,
                site_ids=[int(pk) for pk in request.POST.getlist("sites") if pk.isdigit()],
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return HttpResponseRedirect(back)
        messages.success(request, _("Tour “%(title)s” published.") % {"title": product.title})
        return HttpResponseRedirect(reverse("tours:product", args=[self.region.slug, product.slug]))
