from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """Exhibitions and the written and oral archive of the city: items described in Dublin Core,
    each public only with its contributor's consent to publication online."""

    name = "municipium.archive"
    label = "archive"
    verbose_name = _("Exhibitions and archive")

    def ready(self):
        from municipium.core import demo
        from municipium.core.pages import register_withheld_pages
        from municipium.culture.partner_links import register_partner_links

        from .selectors import exhibition_links_for_partners, item_page_ids_withheld

        register_withheld_pages(item_page_ids_withheld)
        register_partner_links(exhibition_links_for_partners)
        demo.register("municipium.archive.demo.archive_demo_site", order=90)
