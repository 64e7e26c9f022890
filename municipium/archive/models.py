"""Exhibitions and the archive of the city as pages (so that editing, revisions, translation, the
page cache and the search work as for every page): an ``ArchiveIndexPage`` under each home page,
``ExhibitionPage``s under it, and ``ArchiveItemPage``s under an exhibition or the index.

An item is described in Dublin Core and carries its contributor's recorded ``Consent``, a row of
its own shared by the item's translations (they copy the foreign key) and kept out of the page's
revisions, so that publishing an old draft cannot bring back a withdrawn consent. An item whose
consent does not allow publication online is never public: the editor refuses to publish it,
withdrawing the consent unpublishes it, and the page, the listings, the sitemap and the search
leave it out even if it were live (``ONLINE_CONSENT``, ``ArchiveItemPage.is_public_online``).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from municipium.core.blocks import BodyBlock
from municipium.tenancy.forms import MunicipalPageForm

from .forms import ArchiveItemPageForm, ExhibitionPageForm

ITEMS_PER_PAGE = 24


class ConsentScope(models.TextChoices):
    ONLINE = "online", _("Publication on the municipality's website")
    ON_SITE = "on_site", _("Shown only in the exhibition hall, not on the website")
    RESEARCH = "research", _("For research only")


# The one rule of what the public may see, as a filter on items.
ONLINE_CONSENT = Q(consent__scope=ConsentScope.ONLINE, consent__withdrawn_at__isnull=True)


class Consent(models.Model):
    """A contributor's recorded consent: who gave it, when, for what, the signed form (a
    document of a private collection, never linked from the site) and its withdrawal."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="archive_consents",
        verbose_name=_("municipality"),
    )
    given_by = models.CharField(_("given by"), max_length=200)
    given_on = models.DateField(_("given on"))
    scope = models.CharField(_("scope"), max_length=16, choices=ConsentScope.choices)
    form = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed form"),
        help_text=_("The scanned, signed form: keep it in a private collection."),
    )
    note = models.TextField(_("note"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["municipality", "-given_on", "given_by"]

    def __str__(self):
        return f"{self.given_by} ({self.given_on:%Y-%m-%d}, {self.get_scope_display()})"

    @property
    def allows_online(self) -> bool:
        return self.scope == ConsentScope.ONLINE and self.withdrawn_at is None


class ArchiveIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["archive.ExhibitionPage", "archive.ArchiveItemPage"]
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm
    template = "archive/archive_index_page.html"

    class Meta:
        verbose_name = _("archive")
        verbose_name_plural = _("archives")

    def get_context(self, request, *args, **kwargs):
        from .selectors import archive_browse_get

        context = super().get_context(request, *args, **kwargs)
        context["browse"] = archive_browse_get(index=self, params=request.GET)
        return context


class ExhibitionPage(Page):
    search_kind = "archive"  # how the search shows it (municipium.search.models.Kind)

    class Kind(models.TextChoices):
        TEMPORARY = "temporary", pgettext_lazy("exhibition", "Temporary")
        PERMANENT = "permanent", pgettext_lazy("exhibition", "Permanent")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    starts_on = models.DateField(_("opens on"), null=True, blank=True)
    ends_on = models.DateField(_("closes on"), null=True, blank=True)
    venue = models.ForeignKey(
        "culture.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exhibitions",
        verbose_name=_("venue"),
    )
    partners = ParentalManyToManyField(
        "culture.Partner", blank=True, related_name="exhibitions", verbose_name=_("partners")
    )
    curator = models.CharField(_("curator"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
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
        MultiFieldPanel(
            [FieldPanel("kind"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])],
            heading=pgettext_lazy("calendar date", "Dates"),
        ),
        FieldPanel("venue"),
        FieldPanel("partners"),
        FieldPanel("curator"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["archive.ArchiveIndexPage"]
    subpage_types = ["archive.ArchiveItemPage"]
    base_form_class = ExhibitionPageForm
    template = "archive/exhibition_page.html"

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.kind == self.Kind.TEMPORARY and not self.starts_on:
            raise ValidationError({"starts_on": _("A temporary exhibition has an opening date.")})
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An exhibition closes after it opens.")})

    def search_extra_text(self) -> list[str]:
        return [self.curator] if self.curator else []

    def get_context(self, request, *args, **kwargs):
        from .selectors import exhibition_details_get

        context = super().get_context(request, *args, **kwargs)
        context["details"] = exhibition_details_get(exhibition=self)
        return context


class ArchiveItemSubject(TaggedItemBase):
    content_object = ParentalKey(
        "archive.ArchiveItemPage", on_delete=models.CASCADE, related_name="tagged_subjects"
    )

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")


class ItemKind(models.TextChoices):
    OBJECT = "object", pgettext_lazy("archive item", "Object")
    PHOTOGRAPH = "photograph", pgettext_lazy("archive item", "Photograph")
    DOCUMENT = "document", pgettext_lazy("archive item", "Document")
    AUDIO = "audio", pgettext_lazy("archive item", "Audio recording")
    VIDEO = "video", pgettext_lazy("archive item", "Video recording")
    ORAL_HISTORY = "oral_history", pgettext_lazy("archive item", "Oral history")


class DcmiType(models.TextChoices):
    """The DCMI Type Vocabulary (https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/)."""

    COLLECTION = "Collection", pgettext_lazy("DCMI type", "Collection")
    DATASET = "Dataset", pgettext_lazy("DCMI type", "Dataset")
    EVENT = "Event", pgettext_lazy("DCMI type", "Event")
    IMAGE = "Image", pgettext_lazy("DCMI type", "Image")
    INTERACTIVE = "InteractiveResource", pgettext_lazy("DCMI type", "Interactive resource")
    MOVING_IMAGE = "MovingImage", pgettext_lazy("DCMI type", "Moving image")
    PHYSICAL_OBJECT = "PhysicalObject", pgettext_lazy("DCMI type", "Physical object")
    SERVICE = "Service", pgettext_lazy("DCMI type", "Service")
    SOFTWARE = "Software", pgettext_lazy("DCMI type", "Software")
    SOUND = "Sound", pgettext_lazy("DCMI type", "Sound")
    STILL_IMAGE = "StillImage", pgettext_lazy("DCMI type", "Still image")
    TEXT = "Text", pgettext_lazy("DCMI type", "Text")


class Licence(models.TextChoices):
    ALL_RIGHTS = "all_rights_reserved", _("All rights reserved")
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_ND = "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    PUBLIC_DOMAIN = "public_domain", _("Public domain")

    @classmethod
    def url(cls, value: str) -> str:
        return {
            cls.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
            cls.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
            cls.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
            cls.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
            cls.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
            cls.PUBLIC_DOMAIN: "https://creativecommons.org/publicdomain/mark/1.0/",
        }.get(value, "")


YEAR = [MinValueValidator(1), MaxValueValidator(2999)]


class ArchiveItemPage(Page):
    search_kind = "archive"  # how the search shows it (municipium.search.models.Kind)
    # Not text a reader searches for: the consent is the staff's.
    search_exclude_fields = ("format", "dc_type", "licence")

    kind = models.CharField(_("kind"), max_length=16, choices=ItemKind.choices)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    media = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("media file"),
        help_text=_("A scanned document, or an audio or video file."),
    )
    transcript = RichTextField(_("transcript"), blank=True)
    # Dublin Core (https://www.dublincore.org/specifications/dublin-core/dces/)
    creator = models.CharField(_("creator"), max_length=200, blank=True)
    subjects = ClusterTaggableManager(
        through=ArchiveItemSubject, blank=True, verbose_name=_("subjects")
    )
    description = models.TextField(_("description"))
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    contributor = models.CharField(
        pgettext_lazy("Dublin Core element", "contributor"), max_length=200, blank=True
    )
    date = models.DateField(_("date"), null=True, blank=True)
    year_from = models.PositiveSmallIntegerField(
        _("period from (year)"), null=True, blank=True, validators=YEAR
    )
    year_to = models.PositiveSmallIntegerField(
        _("period to (year)"), null=True, blank=True, validators=YEAR
    )
    dc_type = models.CharField(_("type"), max_length=32, choices=DcmiType.choices)
    format = models.CharField(
        _("format"), max_length=100, blank=True, help_text=_("A MIME type: audio/mpeg, image/jpeg…")
    )
    identifier = models.CharField(
        _("inventory number"), max_length=64, help_text=_("Unique in the municipality's archive.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    dc_language = models.CharField(
        _("language of the item"), max_length=35, blank=True, help_text=_("tr, fa, pl, en…")
    )
    relation = models.CharField(_("relation"), max_length=300, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    licence = models.CharField(
        _("licence"), max_length=32, choices=Licence.choices, default=Licence.ALL_RIGHTS
    )
    rights_holder = models.CharField(_("rights holder"), max_length=200, blank=True)
    consent = models.ForeignKey(
        Consent,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        verbose_name=pgettext_lazy("the person who gave the item", "contributor's consent"),
        help_text=_(
            "Without the contributor's consent to publication on the municipality's website, "
            "the item is never public."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("media"), FieldPanel("transcript")],
            heading=_("Media"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("identifier"),
                FieldPanel("dc_type"),
                FieldPanel("format"),
                FieldPanel("creator"),
                FieldPanel("contributor"),
                FieldPanel("publisher"),
                FieldPanel("subjects"),
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
                FieldPanel("place"),
                FieldPanel("dc_language"),
                FieldPanel("source"),
                FieldPanel("relation"),
            ],
            heading=_("Dublin Core"),
        ),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("rights_holder"), FieldPanel("consent")],
            heading=_("Rights and consent"),
        ),
    ]
    parent_page_types = ["archive.ArchiveIndexPage", "archive.ExhibitionPage"]
    subpage_types = []
    base_form_class = ArchiveItemPageForm
    template = "archive/archive_item_page.html"

    class Meta:
        verbose_name = _("archive item")
        verbose_name_plural = _("archive items")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.year_from and self.year_to and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("The period ends after it starts.")})

    @property
    def is_public_online(self) -> bool:
        return self.consent_id is not None and self.consent.allows_online

    @property
    def period(self) -> tuple[int | None, int | None]:
        start = self.year_from or (self.date.year if self.date else None)
        return start, self.year_to or start

    def search_extra_text(self) -> list[str]:
        return [tag.name for tag in self.subjects.all()]

    def serve(self, request, *args, **kwargs):
        # Even live, an item without consent to publish online is not there for the public
        # (the editor's preview shows it to staff).
        if not self.is_public_online and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .metadata import item_metadata

        context = super().get_context(request, *args, **kwargs)
        context["metadata"] = item_metadata(item=self, request=request)
        index = self.get_ancestors().type(ArchiveIndexPage).first()
        context["archive_url"] = index.get_url(request) if index else ""
        return context
