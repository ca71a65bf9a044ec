"""Pages of sites, events and the touring exhibition by audience: back office, public, open data."""
