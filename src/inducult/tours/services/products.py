"""Publishing a planned day as a tour product: checked, written and audited in one transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.heritage.models import Site
from inducult.tours.models import TourProduct, TourProductStop, TourStart

MAX_STOPS = 12


@transaction.atomic
def publish(
    *, region, actor, title: str, slug: str, description: str, wishes: dict, site_ids: list[int]
) -> TourProduct:
    """``wishes``: the planner's cleaned fields (start key, mode, day_from, day_to, interests,
    language, wheelchair); ``site_ids``: the planned places in their order."""
    title = " ".join((title or "").split())
    slug = slugify(slug or title)[:80]
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Give the tour a title.")]
    if not slug:
        errors["slug"] = [_("Give the tour a short name for its address (letters, digits and hyphens).")]
    elif TourProduct.objects.filter(region=region, slug=slug).exists():
        errors["slug"] = [_("Another tour of this region has the short name “%(slug)s”.") % {"slug": slug}]
    sites = {s.pk: s for s in Site.objects.active().filter(region=region, pk__in=site_ids)}
    if not site_ids:
        errors.setdefault("__all__", []).append(_("A tour needs at least one place: plan a day with places first."))
    elif len(set(site_ids)) != len(site_ids) or len(sites) != len(site_ids):
        errors.setdefault("__all__", []).append(_("The places of this plan are no longer all in the region's list."))
    elif len(site_ids) > MAX_STOPS:
        errors.setdefault("__all__", []).append(_("A tour has at most %(max)d places.") % {"max": MAX_STOPS})
    if errors:
        raise ValidationError(errors)
    start_key = wishes["start"]
    product = TourProduct(
        region=region,
        slug=slug,
        title=title,
        description=(description or "").strip(),
        start=TourStart.objects.filter(region=region, pk=_key(start_key, "start-")).first(),
        start_site=Site.objects.filter(region=region, pk=_key(start_key, "site-")).first(),
        mode=wishes["mode"],
        day_from=wishes["day_from"],
        day_to=wishes["day_to"],
        interests=wishes.get("interests") or {},
        language=wishes.get("language") or "",
        wheelchair=bool(wishes.get("wheelchair")),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    product.full_clean()
    product.save()
    TourProductStop.objects.bulk_create(
        TourProductStop(product=product, site=sites[pk], position=n) for n, pk in enumerate(site_ids, 1)
    )
    audit.record_created(
        actor=actor,
        instance=product,
        region=region,
        values={"title": title, "places": [sites[pk].name for pk in site_ids]},
    )
    return product


def _key(value: str, prefix: str) -> int | None:
    return int(value.removeprefix(prefix)) if value.startswith(prefix) and value[len(prefix) :].isdigit() else None


def plannable(site) -> bool:
    """Whether the planner can still take this site (as a start or a must-see): listed, with a place."""
    return site.archived_at is None and site.latitude is not None and site.longitude is not None


def planner_query(product: TourProduct, stops: list) -> dict | None:
    """The planner's fields for this tour, without a date: its ``stops`` (those still plannable)
    become must-sees. A start site no longer plannable gives way to the first stop; None when
    nothing of the tour can be planned any more."""
    if product.start_id:
        start = f"start-{product.start_id}"
    elif product.start_site_id and plannable(product.start_site):
        start = f"site-{product.start_site_id}"
    elif stops:
        start = f"site-{stops[0].site_id}"
    else:
        return None
    query = {
        "start": start,
        "mode": product.mode,
        "day_from": f"{product.day_from:%H:%M}",
        "day_to": f"{product.day_to:%H:%M}",
        "must": [str(stop.site_id) for stop in stops],
    }
    query.update({f"interest_{code}": str(weight) for code, weight in product.interests.items()})
    if product.language:
        query["language"] = product.language
    if product.wheelchair:
        query["wheelchair"] = "on"
    return query
