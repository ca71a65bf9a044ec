"""Backing the platform up into one archive and restoring it (``manage.py backup`` / ``restore``).

An archive holds everything a region's work lives in: every table, serialised by Django so that it
loads into SQLite and PostgreSQL alike; the uploaded files; the secret key that signs sessions and
links; and a manifest with a checksum for each of them (docs/decisions/0017-backup-archive.md).
"""
