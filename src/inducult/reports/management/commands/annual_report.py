"""python manage.py annual_report --region SLUG --year YYYY --language cs|en --format pdf|docx --output PATH

Writes the annual report of a region-year (inducult.reports) to a file: the same document as the
back office's download.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inducult.core.years import MAX_YEAR, MIN_YEAR
from inducult.regions.models import Region
from inducult.reports.presentation.context import SUPPORTED_LANGUAGES
from inducult.reports.services import annual


class Command(BaseCommand):
    help = "Write the annual report of a region and year as PDF or DOCX."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="the region's slug")
        parser.add_argument("--year", required=True, help=f"{MIN_YEAR}–{MAX_YEAR}")
        parser.add_argument(
            "--language", help=f"{' or '.join(SUPPORTED_LANGUAGES)}; default: the region's language (else en)"
        )
        parser.add_argument("--format", dest="fmt", required=True, help=" or ".join(annual.FORMATS))
        parser.add_argument("--output", required=True, help="the file to write")

    def handle(self, *args, region: str, year: str, language: str | None, fmt: str, output: str, **options):
        found = Region.objects.filter(slug=region).first()
        if found is None:
            known = ", ".join(Region.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"Unknown region {region!r}; known regions: {known}.")
        try:
            number = int(year)
        except ValueError:
            number = None
        if number is None or not MIN_YEAR <= number <= MAX_YEAR:
            raise CommandError(f"--year must be a year from {MIN_YEAR} to {MAX_YEAR}, got {year!r}.")
        fmt = fmt.lower()
        if fmt not in annual.FORMATS:
            raise CommandError(f"Unknown format {fmt!r}; use one of: {', '.join(annual.FORMATS)}.")
        if language is not None and language.lower() not in SUPPORTED_LANGUAGES:
            raise CommandError(f"Unknown language {language!r}; use one of: {', '.join(SUPPORTED_LANGUAGES)}.")
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"The output directory {str(path.parent)!r} does not exist.")
        report = annual.build_report(found, number, language.lower() if language else None)
        path.write_bytes(annual.render(report, fmt))
        self.stdout.write(f"Wrote {path} ({fmt.upper()}, {report.language}, {path.stat().st_size:,} bytes).")
        asked = (language or found.default_language or "").lower()
        if asked != report.language:
            self.stdout.write(f"The region's language {asked!r} is not available for reports; English is used.")
