"""People who work for a municipality, and the job titles of their positions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model_string

from municipium.core.names import NameRow, TranslatedNames


class Person(models.Model):
    """A person of the organisation, shown on the public site (a director, a head of
    section). Their positions are in the units they work in."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_extension = models.CharField(_("extension"), max_length=10, blank=True)
    bio = models.TextField(
        _("short biography"), blank=True, max_length=1000, help_text=_("A few sentences.")
    )

    panels = [
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("phone_extension")],
            heading=_("Contact"),
        ),
        FieldPanel("bio"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["municipality", "name"], name="organisation_person_name")]

    def __str__(self):
        return self.name


class JobTitle(TranslatedNames, ClusterableModel):
    """A title a position carries, named in each language: Director, Head of section."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="job_titles",
        verbose_name=_("municipality"),
    )
    code = models.SlugField(_("code"), max_length=64, help_text=_("A short, stable key."))

    panels = [FieldPanel("municipality"), FieldPanel("code"), InlinePanel("names", min_num=1)]

    class Meta:
        verbose_name = _("job title")
        verbose_name_plural = _("job titles")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="unique_job_title_code_per_municipality"
            )
        ]


class JobTitleName(NameRow):
    job_title = ParentalKey(JobTitle, on_delete=models.CASCADE, related_name="names")

    class Meta(NameRow.Meta):
        verbose_name = _("name")
        verbose_name_plural = _("names")
        constraints = [
            models.UniqueConstraint(
                fields=["job_title", "language"], name="unique_job_title_name_language"
            )
        ]
