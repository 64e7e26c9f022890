"""A municipality: the tenant. One per Wagtail Site; everything else belongs to exactly one."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Site

from municipium.core.colours import HEX_COLOUR, WCAG_AA_NORMAL_TEXT, contrast_ratio
from municipium.core.formatting import format_number


class ChoiceListField(models.JSONField):
    """A list of choices kept as JSON, edited as a set of checkboxes."""

    def __init__(self, *args, item_choices=(), coerce=str, **kwargs):
        self.item_choices = item_choices
        self.coerce = coerce
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            coerce=self.coerce,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class Calendar(models.TextChoices):
    GREGORIAN = "gregorian", _("Gregorian")
    SOLAR_HIJRI = "solar_hijri", _("Solar Hijri (Persian)")


class InstitutionKind(models.TextChoices):
    """What kind of institution a site is: it names the institution's units on its pages (a
    municipality has directorates, a culture centre sections: tenancy.wording)."""

    MUNICIPALITY = "municipality", _("Municipality")
    CULTURE_CENTRE = "culture_centre", _("Culture centre")


class Country(models.TextChoices):
    TURKEY = "TR", _("Turkey")
    IRAN = "IR", _("Iran")
    POLAND = "PL", _("Poland")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Municipality(ClusterableModel):
    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="municipality", verbose_name=_("site")
    )
    slug = models.SlugField(
        _("short name"), unique=True, help_text=_("Used in addresses and file names.")
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    institution_kind = models.CharField(
        _("kind of institution"),
        max_length=20,
        choices=InstitutionKind.choices,
        default=InstitutionKind.MUNICIPALITY,
        help_text=_("Names its units on the site: a culture centre has sections."),
    )
    languages = ChoiceListField(
        _("languages"),
        item_choices=settings.LANGUAGES,
        default=list,
        help_text=_("The languages this site is published in."),
    )
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES
    )
    calendar = models.CharField(
        _("calendar"), max_length=16, choices=Calendar.choices, default=Calendar.GREGORIAN
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    weekend_days = ChoiceListField(
        _("weekend days"),
        item_choices=WEEKDAYS,
        coerce=int,
        default=list,
        blank=True,
        help_text=_("Days on which the municipality's offices are closed every week."),
    )
    office_opens_at = models.TimeField(
        _("offices open at"),
        default=datetime.time(8, 30),
        help_text=_("A request filed before this time counts as received that day."),
    )
    office_closes_at = models.TimeField(
        _("offices close at"),
        default=datetime.time(17, 30),
        help_text=_("A request filed after this time counts as received on the next working day."),
    )
    half_day_closes_at = models.TimeField(
        _("offices close on a half day at"),
        default=datetime.time(12, 30),
        help_text=_("On the eve of some holidays offices close early."),
    )
    personal_data_retention_months = models.PositiveSmallIntegerField(
        _("keep residents' personal data for (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_(
            "After a request has been closed this long, the resident's name, e-mail, phone and "
            "photos are removed; the request and its figures stay."
        ),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    call_centre_phone = models.CharField(
        _("call centre phone"), max_length=40, blank=True, help_text=_("For example 153.")
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b4f8a",
        help_text=_("A dark colour: white text is written on it. For example #0b4f8a."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#a3211f",
        help_text=_("Used for links and highlights on white. For example #a3211f."),
    )
    accessibility_declaration = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility declaration"),
        help_text=_("Linked from the footer of every page, in each language."),
    )
    public_record = models.BooleanField(
        _("public record of each page"),
        null=True,
        blank=True,
        help_text=_(
            "Show on each page who wrote and published it and its register of changes, as "
            "Poland's public information bulletins require. Empty: on for Polish sites."
        ),
    )
    staff_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="municipalities",
        verbose_name=_("staff groups"),
        help_text=_("Members of these groups work for this municipality."),
    )
    cache_generation = models.PositiveIntegerField(default=0, editable=False)
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="municipality",
        verbose_name=_("collection"),
        help_text=_(
            "Where its documents and images are kept: its pages may use only those of this "
            "collection and of the collections inside it."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("site"),
                FieldPanel("slug"),
                FieldPanel("country"),
                FieldPanel("institution_kind"),
            ],
            heading=_("Identity"),
        ),
        InlinePanel("names", heading=_("Official names"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("default_language"),
                FieldPanel("calendar"),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
                FieldPanel("weekend_days"),
            ],
            heading=_("Languages and calendar"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("office_opens_at"),
                FieldPanel("office_closes_at"),
                FieldPanel("half_day_closes_at"),
            ],
            heading=_("Office hours"),
        ),
        FieldPanel("personal_data_retention_months"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("call_centre_phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("primary_colour"), FieldPanel("accent_colour")],
            heading=_("Brand"),
        ),
        FieldPanel("accessibility_declaration"),
        FieldPanel("public_record"),
        FieldPanel("staff_groups"),
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["slug"]

    def __str__(self):
        return self.name_in(self.default_language)

    def name_in(self, language: str) -> str:
        names = {name.language: name.name for name in self.names.all()}
        return names.get(language) or names.get(self.default_language) or self.slug

    @property
    def follows_polish_law(self) -> bool:
        """Polish statutes shape some pages: the accessibility declaration's wording, the public
        record of each page (BIP) by default."""
        return self.country == Country.POLAND

    @property
    def shows_public_record(self) -> bool:
        if self.public_record is None:
            return self.follows_polish_law
        return self.public_record

    @property
    def is_rtl(self) -> bool:
        return self.default_language in settings.LANGUAGES_BIDI

    def clean(self):
        errors = {}
        known = {code for code, _name in settings.LANGUAGES}
        if not self.languages:
            errors["languages"] = _("Choose at least one language.")
        elif unknown := set(self.languages) - known:
            errors["languages"] = _("Unknown languages: %(codes)s.") % {
                "codes": ", ".join(sorted(unknown))
            }
        elif self.default_language not in self.languages:
            errors["default_language"] = _("The default language must be one of its languages.")
        if self.time_zone not in zoneinfo.available_timezones():
            errors["time_zone"] = _("Unknown time zone: choose one from the list.")
        if len(set(self.weekend_days or [])) > 3:
            errors["weekend_days"] = _("A working week needs at least four working days.")
        errors.update(self._office_hours_errors())
        for field in ("primary_colour", "accent_colour"):
            value = getattr(self, field)
            if not HEX_COLOUR.match(value or ""):
                errors[field] = _("Write the colour as # and six hexadecimal digits.")
            elif (ratio := contrast_ratio(value, "#ffffff")) < WCAG_AA_NORMAL_TEXT:
                language = translation.get_language()
                errors[field] = _(
                    "This colour is too light: its contrast with white is %(ratio)s:1, "
                    "and WCAG AA needs at least %(minimum)s:1."
                ) % {
                    "ratio": format_number(round(ratio, 1), language=language),
                    "minimum": format_number(WCAG_AA_NORMAL_TEXT, language=language),
                }
        if errors:
            raise ValidationError(errors)

    def _office_hours_errors(self) -> dict:
        opens, closes, half = self.office_opens_at, self.office_closes_at, self.half_day_closes_at
        if None in (opens, closes, half):
            return {}  # the form has already said that the field is required
        if closes <= opens:
            return {"office_closes_at": _("Offices must close after they open.")}
        if not opens < half <= closes:
            return {
                "half_day_closes_at": _(
                    "On a half day offices close after they open and no later than on other days."
                )
            }
        return {}


class MunicipalityName(Orderable):
    municipality = ParentalKey(Municipality, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("official name"), max_length=200)

    panels = [FieldPanel("language"), FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("official name")
        verbose_name_plural = _("official names")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "language"], name="unique_municipality_name_language"
            )
        ]

    def __str__(self):
        return self.name


class PublicHoliday(models.Model):
    class Source(models.TextChoices):
        PACKAGE = "package", _("Official calendar (holidays package)")
        STAFF = "staff", pgettext_lazy("holiday source", "Entered by staff")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="holidays",
        verbose_name=_("municipality"),
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)
    is_half_day = models.BooleanField(
        _("half day"),
        default=False,
        help_text=_(
            "A working day on which offices close early, at the municipality's half-day "
            "closing time."
        ),
    )
    is_estimate = models.BooleanField(
        _("estimated"),
        default=False,
        help_text=_("The date is an estimate (a moon-sighted holiday): check and correct it."),
    )
    source = models.CharField(
        _("source"), max_length=16, choices=Source.choices, default=Source.STAFF
    )

    panels = [
        FieldPanel("municipality"),
        FieldPanel("date"),
        FieldPanel("name"),
        FieldPanel("is_half_day"),
        FieldPanel("is_estimate"),
    ]

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "date"], name="unique_holiday_per_municipality_date"
            )
        ]

    def __str__(self):
        return f"{self.date.isoformat()} {self.name}"
