"""``municipium demo``: the five seed institutions as sites of this installation. Each app
builds its own part through its own services; running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from municipium.directory.demo import directory_ensure
from municipium.news.demo import news_ensure
from municipium.portal.demo import (
    accessibility_declarations_ensure,
    editorial_teams_ensure,
    home_pages_ensure,
    home_sections_set,
    mission_and_plan_ensure,
    standard_pages_ensure,
)
from municipium.portal.demo_pages import PAGES
from municipium.search.services import search_index_rebuild
from municipium.tenancy import demo as tenancy_demo
from municipium.tenancy.services import (
    locale_ensure_all,
    municipality_purge_all_caches,
    municipality_save,
)


class Command(BaseCommand):
    help = "Create or update the demo: five municipalities with content and staff."

    def handle(self, *args, **options):
        with transaction.atomic():
            rows = self._load()
            search_index_rebuild()  # the demo makes pages without publishing revisions
        municipality_purge_all_caches()
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        for name, url, editor in rows:
            self.stdout.write(f"  {url:<36} {name}  (staff: {editor})")
        self.stdout.write(
            f"  Admin: /admin/ on any site, user admin; "
            f"every demo password is {tenancy_demo.DEMO_PASSWORD!r}."
        )

    def _load(self):
        locale_ensure_all()
        rows = []
        for definition in tenancy_demo.MUNICIPALITIES:
            homes = home_pages_ensure(definition.slug, definition.languages)
            municipality = tenancy_demo.municipality_ensure(
                definition, root_page=homes[definition.default_language]
            )
            directories = directory_ensure(definition.slug, homes)
            news = news_ensure(definition.slug, homes)
            standard_pages_ensure(homes, PAGES.get(definition.slug, {}))
            mission_and_plan_ensure(definition.slug, homes, directories)
            declarations = accessibility_declarations_ensure(definition, homes)
            home_sections_set(homes, directories=directories, news=news)
            municipality.accessibility_declaration = declarations[definition.default_language]
            municipality_save(municipality=municipality, by=None)
            editor = tenancy_demo.staff_ensure(municipality, home_pages=list(homes.values()))
            moderated = editorial_teams_ensure(definition.slug, municipality, directories)
            url = f"http://{definition.hostname}:{tenancy_demo.DEMO_PORT}/"
            staff = ", ".join([editor, *moderated])
            rows.append((definition.names[definition.default_language], url, staff))
        tenancy_demo.superuser_ensure()
        return rows
