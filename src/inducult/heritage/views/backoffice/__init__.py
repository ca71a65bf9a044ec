"""The back office's pages of sites, their photos and public events."""
