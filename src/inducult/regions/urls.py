"""Where a region's pages live. Every app's ``urls.py`` builds its paths from these prefixes, so the
shape of the site's addresses is written once; the root URLconf mounts the apps' pattern lists."""

MANAGE = "manage/<slug:region_slug>/"  # the back office
PUBLIC = "r/<slug:region_slug>/"  # public pages
OPEN = "open/<slug:region_slug>/"  # open data: stable contracts for other tools
EMBED = "embed/<slug:region_slug>/"  # iframes on partners' websites
