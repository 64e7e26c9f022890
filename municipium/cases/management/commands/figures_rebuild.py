import time

from django.core.management.base import BaseCommand

from municipium.cases.rollup import figures_rebuild
from municipium.tenancy.selectors import municipality_list_all


class Command(BaseCommand):
    help = (
        "Build the figures' rollup again from the cases, for every municipality (or those "
        "named by slug): after a bulk import or a change of a municipality's time zone."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Slugs of the municipalities (default: all).")

    def handle(self, *args, slugs, **options):
        municipalities = municipality_list_all()
        if slugs:
            municipalities = municipalities.filter(slug__in=slugs)
        for municipality in municipalities:
            started = time.perf_counter()
            rows = figures_rebuild(municipality=municipality)
            seconds = time.perf_counter() - started
            self.stdout.write(f"{municipality.slug}: {rows} rows in {seconds:.1f} s")
