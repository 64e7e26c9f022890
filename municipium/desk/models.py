"""The requests desk: citizen requests (complaints, reports, wishes) as a kind of case.

A municipality keeps its request categories (what residents choose from: a broken street light,
a pothole, rubbish not collected), each owned by a unit with a target time in working days and
the questions to ask. A ``CitizenRequest`` is a case's request-specific part: the category, the
place, the answers to the category's questions and the resident's contact details, which only
the staff who handle the case see.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from municipium.core.names import NameRow, TranslatedNames

DEFAULT_TARGET_WORKING_DAYS = 10


class Category(TranslatedNames, ClusterableModel):
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="request_categories",
        verbose_name=_("municipality"),
    )
    code = models.SlugField(
        _("code"),
        max_length=64,
        help_text=_("A short, stable key, the same in every language; Open311's service code."),
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.PROTECT,
        related_name="request_categories",
        verbose_name=_("responsible unit"),
    )
    target_working_days = models.PositiveSmallIntegerField(
        _("target time in working days"),
        default=DEFAULT_TARGET_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    keywords = models.CharField(_("keywords"), max_length=255, blank=True)
    is_active = models.BooleanField(_("offered to residents"), default=True)
    sort_order = models.IntegerField(_("order"), default=0)
    # The service this category's requests are a case of: its row of the service standards
    # table shows the measured median time beside the promised one (``desk.measurements``).
    service_standard = models.ForeignKey(
        "directory.ServiceStandard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("service standard"),
        help_text=_("The service of a directorate's standards table this category measures."),
    )

    class Meta:
        verbose_name = _("request category")
        verbose_name_plural = _("request categories")
        ordering = ["municipality", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="one_category_code_per_municipality"
            )
        ]


class CategoryName(NameRow):
    category = ParentalKey(Category, on_delete=models.CASCADE, related_name="names")
    description = models.TextField(_("description"), blank=True)

    class Meta(NameRow.Meta):
        verbose_name = _("name")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "language"], name="one_category_name_per_language"
            )
        ]


class Attribute(models.Model):
    """A question a category asks (Open311's service definition attribute): the pole's
    number, the kind of waste."""

    class Datatype(models.TextChoices):
        STRING = "string", _("Short text")
        NUMBER = "number", _("Number")
        DATETIME = "datetime", _("Date and time")
        TEXT = "text", _("Long text")
        SINGLE = "singlevaluelist", _("One of a list")
        MULTI = "multivaluelist", _("Several of a list")

    category = ParentalKey(Category, on_delete=models.CASCADE, related_name="attributes")
    code = models.SlugField(_("code"), max_length=64)
    datatype = models.CharField(
        _("kind of answer"), max_length=20, choices=Datatype.choices, default=Datatype.STRING
    )
    required = models.BooleanField(_("required"), default=False)
    labels = models.JSONField(
        _("questions"), default=dict, help_text=_("The question per language: {'tr': '...'}.")
    )
    values = models.JSONField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_("For a list: [{'key': 'glass', 'names': {'tr': 'Cam'}}, ...]."),
    )
    sort_order = models.IntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="one_attribute_code")
        ]

    def __str__(self):
        return self.code

    def label_in(self, language: str) -> str:
        return self.labels.get(language) or next(iter(self.labels.values()), self.code)


class CitizenRequest(models.Model):
    """The request-specific part of a case of kind ``citizen_request``."""

    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="citizen_request",
        verbose_name=_("case"),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="requests", verbose_name=_("category")
    )
    # The resident: shown only to the staff who handle the case; anonymised after the
    # municipality's retention period.
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_anonymous = models.BooleanField(
        _("anonymous"), default=False, help_text=_("The caller asked not to give their name.")
    )
    address = models.CharField(_("address or place"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # From the press: the outlet, the date and where it appeared.
    press_outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    press_date = models.DateField(_("date of publication"), null=True, blank=True)
    press_url = models.URLField(_("link"), blank=True)
    # The resident's verdict on the answer.
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("comment on the answer"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    api_client = models.CharField(_("application"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("citizen request")
        verbose_name_plural = _("citizen requests")
        # A list filtered by category joins the cases through this index alone (no table).
        indexes = [models.Index(fields=["category", "case"], name="request_category_case")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="request_point_has_both_coordinates",
            )
        ]

    def __str__(self):
        return str(self.case_id)


class ResponseTemplate(models.Model):
    """A usual answer, for one category or for every category of the municipality, in one
    language: staff choose it in the answer form and adapt it before it is sent."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="response_templates",
        verbose_name=_("municipality"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="response_templates",
        verbose_name=_("category"),
        help_text=_("Leave empty for an answer offered in every category."),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text of the answer"))

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["municipality", "title", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if (
            self.category_id
            and self.municipality_id
            and self.category.municipality_id != self.municipality_id
        ):
            raise ValidationError({"category": _("Choose a category of this municipality.")})


from .pages import RequestDeskPage  # noqa: E402, F401  (the page type, registered with the app)
