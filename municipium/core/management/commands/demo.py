"""``municipium demo``: the demo sites of this installation. The command knows no app: each app
registers the steps that build its part (``municipium.core.demo``), through its own services.
Running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from municipium.core.demo import demo_load


class Command(BaseCommand):
    help = "Create or update the demo: five municipalities with content and staff."

    def handle(self, *args, **options):
        with transaction.atomic():
            run = demo_load()
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        for site in run.sites:
            staff = ", ".join(site.staff)
            self.stdout.write(f"  {site.url:<36} {site.name}  (staff: {staff})")
        for note in run.notes:
            self.stdout.write(f"  {note}")
