"""What a culture directorate's work shares, the same in every language: the places where things
happen (``Venue``), the institutions it works with (``Partner``) and the types of event it runs
(``EventType``, a shared vocabulary seeded by a data migration, each mapped to schema.org).

Names that are proper nouns (a venue, a university) are one name; what a resident reads as a
description has a row per language (``VenueText``, ``PartnerText``), read once with its owner
through ``text_in``.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from municipium.core.names import NameRow, TextRow, TranslatedNames, TranslatedTexts

from .choices import PartnerKind


class EventType(TranslatedNames, ClusterableModel):
    """A type of event: a talk, a concert, a course. Shared by every municipality (the seeded
    list covers every type the seed pages name); staff with the right may add more."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    schema_type = models.CharField(
        _("schema.org type"),
        max_length=64,
        default="Event",
        help_text=_("The schema.org Event subtype search engines are told: MusicEvent, Festival…"),
    )
    is_course = models.BooleanField(
        _("is a course"),
        default=False,
        help_text=_("Several sessions taken as one: a registration is for all of them."),
    )
    for_school_classes = models.BooleanField(
        _("offered to school classes"),
        default=False,
        help_text=_("Teachers may book a class for it (workshops, science sessions, trips)."),
    )
    sort_order = models.IntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("type of event")
        verbose_name_plural = _("types of event")
        ordering = ["sort_order", "code"]


class EventTypeName(NameRow):
    event_type = ParentalKey(EventType, on_delete=models.CASCADE, related_name="names")

    class Meta(NameRow.Meta):
        verbose_name = _("name")
        constraints = [
            models.UniqueConstraint(
                fields=["event_type", "language"], name="one_event_type_name_per_language"
            )
        ]


class Venue(TranslatedTexts, ClusterableModel):
    """A place where events happen: a culture centre, a park, a square, a school's hall."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="venues",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="one_venue_name_per_municipality"
            )
        ]

    def __str__(self):
        return self.name


class VenueText(TextRow):
    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="texts")
    directions = models.TextField(_("how to get there"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)

    class Meta(TextRow.Meta):
        verbose_name = _("description")
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "language"], name="one_venue_text_per_language"
            )
        ]


class Partner(TranslatedTexts, ClusterableModel):
    """An institution the culture unit works with."""

    Kind = PartnerKind

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    is_public = models.BooleanField(_("shown in the public directory"), default=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="one_partner_name_per_municipality"
            )
        ]

    def __str__(self):
        return self.name


class PartnerText(TextRow):
    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="texts")
    description = models.TextField(_("what we do together"), blank=True)

    class Meta(TextRow.Meta):
        verbose_name = _("description")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "language"], name="one_partner_text_per_language"
            )
        ]


from .pages import PartnersPage  # noqa: E402,F401  (a page type of this app)
