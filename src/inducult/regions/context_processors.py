from inducult.regions.rules import regions_for


def region(request):
    """The current region (set by RegionMixin) and the regions the user may switch to."""
    return {
        "region": getattr(request, "region", None),
        "my_regions": regions_for(request.user) if hasattr(request, "user") else [],
    }
