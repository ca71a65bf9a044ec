"""Public pages: the site finder and map, site pages, events and festivals, the exhibition, embeds."""
