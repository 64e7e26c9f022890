"""News articles, the index that lists them, and their view counts."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from municipium.core.blocks import BodyBlock
from municipium.tenancy.forms import MunicipalPageForm

from .forms import NewsArticlePageForm

ARTICLES_PER_PAGE = 12


class NewsKind(models.TextChoices):
    NEWS = "news", pgettext_lazy("news kind", "News")
    ANNOUNCEMENT = "announcement", pgettext_lazy("news kind", "Announcement")
    PRESS_RELEASE = "press_release", pgettext_lazy("news kind", "Press release")


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    base_form_class = MunicipalPageForm
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_listing_get

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = news_listing_get(
            index=self, request=request, per_page=ARTICLES_PER_PAGE
        )
        return context


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("news article tag")
        verbose_name_plural = _("news article tags")


class NewsArticlePage(Page):
    search_kind = "news"  # how the search shows it (municipium.search.models.Kind)

    date = models.DateTimeField(_("date"), default=timezone.now)
    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS
    )
    press_release_number = models.CharField(
        _("press release number"),
        max_length=40,
        blank=True,
        help_text=_("Only for a press release, if the press office numbers them."),
    )
    lead = models.TextField(_("lead"), help_text=_("The first paragraph, in one or two sentences."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for readers who cannot see it. If empty, the image's own "
            "description is used."
        ),
    )
    image_caption = models.CharField(
        _("caption"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the image, for example who took the photograph."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))
    directorates = ParentalManyToManyField(
        "directory.DirectoratePage",
        blank=True,
        related_name="news_articles",
        verbose_name=_("related directorates"),
        help_text=_("The directorates this article concerns, in the article's site and language."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("kind"), FieldPanel("press_release_number")],
            heading=_("Publication"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_caption")],
            heading=_("Image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("directorates", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = NewsArticlePageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_article_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]

    @property
    def publication_date(self):
        """The date the article gives (the public record's 'first published'), not the moment
        its page was loaded into the site."""
        return self.date

    def clean(self):
        super().clean()
        errors = {}
        if self.press_release_number and self.kind != NewsKind.PRESS_RELEASE:
            errors["press_release_number"] = _("Only a press release has a number.")
        if self.image_id and not self.image_alt and not self.image.description:
            errors["image_alt"] = _(
                "Describe the image for readers who cannot see it (or give the image a "
                "description in the image library)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def alt_text(self) -> str:
        """The image's text alternative in this article: the article's own, or the image's."""
        if not self.image_id:
            return ""
        return self.image_alt or self.image.default_alt_text

    def get_context(self, request, *args, **kwargs):
        from .counting import view_is_countable
        from .metadata import article_metadata
        from .selectors import news_article_details_get, news_view_count_get

        context = super().get_context(request, *args, **kwargs)
        context["details"] = details = news_article_details_get(article=self, request=request)
        context["metadata"] = article_metadata(article=self, details=details, request=request)
        # With this reader's own view, which news.wagtail_hooks records once the page renders.
        context["view_count"] = news_view_count_get(page_id=self.pk) + view_is_countable(request)
        return context


class NewsViewEvent(models.Model):
    """One counted view of an article, written by the reader's request and nothing else: an
    insert, which never waits for another reader. ``news_view_counts_fold`` moves events into
    ``NewsViewCount``. No foreign-key constraint, so that an insert takes no lock on the
    page's row; events of a deleted page are dropped when folded."""

    page = models.ForeignKey(
        NewsArticlePage,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("article"),
    )
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now)

    class Meta:
        verbose_name = _("article view")
        verbose_name_plural = _("article views")

    def __str__(self):
        return f"{self.page_id} @ {self.viewed_at:%Y-%m-%d %H:%M:%S}"


class NewsViewCount(models.Model):
    """An article's views folded so far; the count shown adds the events not yet folded."""

    page = models.OneToOneField(
        NewsArticlePage,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("article"),
    )
    total = models.PositiveBigIntegerField(_("views"), default=0)
    folded_at = models.DateTimeField(_("last folded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("article view count")
        verbose_name_plural = _("article view counts")

    def __str__(self):
        return f"{self.page_id}: {self.total}"
