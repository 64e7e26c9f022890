"""The portal's general pages: a municipality's home page and pages of rich content."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from municipium.core.blocks import BodyBlock


class HighlightBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    class Meta:
        icon = "pick"
        template = "components/highlight.html"
        preview_value = {"title": "Pay your water bill", "text": "Online, in two minutes."}


class HomePage(Page):
    """A municipality's home page: the root of its site, one per language."""

    welcome_heading = models.CharField(_("welcome heading"), max_length=200)
    welcome_text = RichTextField(_("welcome text"), features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    highlights = StreamField(
        [("highlight", HighlightBlock())], blank=True, verbose_name=_("highlights")
    )
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("directorates shown"),
        help_text=_("The page whose directorates the home page lists."),
    )
    news_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("news shown"),
        help_text=_("The news page whose latest articles the home page lists."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("welcome_heading"), FieldPanel("welcome_text"), FieldPanel("hero_image")],
            heading=_("Welcome"),
        ),
        FieldPanel("highlights"),
        MultiFieldPanel(
            [FieldPanel("directory_page"), FieldPanel("news_page")], heading=_("Sections")
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from municipium.directory.selectors import directorate_list_for_home
        from municipium.news.selectors import news_article_list_latest

        context = super().get_context(request, *args, **kwargs)
        context["directorates"] = directorate_list_for_home(index=self.directory_page)
        context["latest_news"] = news_article_list_latest(index=self.news_page, limit=4)
        return context


class StandardPage(Page):
    """A general page: mission, about, a plan, a declaration; any rich content."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    template = "portal/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
