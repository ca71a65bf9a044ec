"""Open data under /open/…: sites as GeoJSON and CSV, events as iCalendar and JSON, exhibitions as JSON."""
