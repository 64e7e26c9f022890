"""Directorates (a municipality's units) and the index that lists them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from municipium.core.blocks import BodyBlock


class DirectoryIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["directory.DirectoratePage"]
    template = "directory/directory_index_page.html"

    class Meta:
        verbose_name = _("directory")

    def get_context(self, request, *args, **kwargs):
        from .selectors import directorate_list_for_home

        context = super().get_context(request, *args, **kwargs)
        context["directorates"] = directorate_list_for_home(index=self)
        return context


class DirectoratePage(Page):
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    director_name = models.CharField(_("director"), max_length=200, blank=True)
    director_title = models.CharField(_("director's title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_extension = models.CharField(_("extension"), max_length=10, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    duties = RichTextField(_("duty definition"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("activity areas and more"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("director_name"),
                FieldPanel("director_title"),
                FieldPanel("phone"),
                FieldPanel("phone_extension"),
                FieldPanel("email"),
            ],
            heading=_("Director and contact"),
        ),
        FieldPanel("duties"),
        FieldPanel("body"),
    ]
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    template = "directory/directorate_page.html"

    class Meta:
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")
