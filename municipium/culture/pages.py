"""The public page of culture's own rows: the partners' directory, one per home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from municipium.tenancy.forms import MunicipalPageForm


class PartnersPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm
    template = "culture/partners_page.html"

    class Meta:
        app_label = "culture"
        verbose_name = _("partners' directory")
        verbose_name_plural = _("partners' directories")

    def get_context(self, request, *args, **kwargs):
        from municipium.tenancy.selectors import municipality_get_for_page

        from .selectors import partner_directory_get

        context = super().get_context(request, *args, **kwargs)
        tenant = getattr(request, "tenant", None)
        municipality = tenant.municipality if tenant else municipality_get_for_page(page=self)
        context["groups"] = partner_directory_get(
            municipality=municipality,
            language=self.locale.language_code,
            site=tenant.site if tenant else self.get_site(),
        )
        return context
