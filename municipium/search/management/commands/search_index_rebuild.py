from django.core.management.base import BaseCommand
from wagtail.models import Site

from municipium.search.services import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Read the documents' files not read yet, then index every public page of each site "
        "again (all sites, or those named)."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostnames", nargs="*", help="Host names of the sites (default: all).")

    def handle(self, *args, hostnames, **options):
        sites = Site.objects.select_related("root_page")
        if hostnames:
            sites = sites.filter(hostname__in=hostnames)
        for hostname, count in search_index_rebuild(sites=list(sites)).items():
            self.stdout.write(f"{hostname}: {count} entries")
