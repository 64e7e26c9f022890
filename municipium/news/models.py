"""News articles and the index that lists them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from municipium.core.blocks import BodyBlock


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_article_list_latest

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = news_article_list_latest(index=self, limit=20)
        return context


class NewsArticlePage(Page):
    date = models.DateTimeField(_("date"), default=timezone.now)
    lead = models.TextField(_("lead"), help_text=_("The first paragraph, in one or two sentences."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_article_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]
