"""What a directorate page holds in rows: its service standards and its documents. Its units
and people are the organisation's (``organisation.Unit``), the same in every language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from ..durations import DurationUnit, duration_text

PAGE = "directory.DirectoratePage"


class ServiceStandard(Orderable):
    """A row of the service standards table (Turkey's regulation of 2009, art. 6)."""

    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="service_standards")
    service = models.CharField(_("service"), max_length=300)
    documents = models.TextField(
        _("documents the applicant brings"), blank=True, help_text=_("One per line.")
    )
    duration_value = models.PositiveIntegerField(_("time to complete"), null=True, blank=True)
    duration_unit = models.CharField(
        _("unit of time"), max_length=20, choices=DurationUnit.choices, blank=True
    )
    duration_text = models.CharField(
        _("time to complete, as text"),
        max_length=100,
        blank=True,
        help_text=_("Written as it is instead of the value and unit, for example '1-8 hours'."),
    )

    panels = [
        FieldPanel("service"),
        FieldPanel("documents"),
        FieldRowPanel(
            [FieldPanel("duration_value"), FieldPanel("duration_unit"), FieldPanel("duration_text")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("service standard")
        verbose_name_plural = _("service standards")

    def __str__(self):
        return self.service

    def clean(self):
        if self.duration_text:
            return
        if self.duration_unit == DurationUnit.IMMEDIATELY:
            self.duration_value = None
        elif self.duration_unit and self.duration_value is None:
            raise ValidationError({"duration_value": _("Give the number that goes with the unit.")})
        elif self.duration_value is not None and not self.duration_unit:
            raise ValidationError({"duration_unit": _("Choose the unit of time.")})
        elif not self.duration_unit:
            message = _("Give the time to complete: a value and a unit, 'immediately', or a text.")
            raise ValidationError({"duration_unit": message})

    @property
    def document_list(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    @property
    def duration_display(self) -> str:
        """In the active language: '5 minutes', '3 working days', 'Immediately'."""
        return duration_text(
            value=self.duration_value, unit=self.duration_unit, free_text=self.duration_text
        )


class DirectorateDocument(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("The document's own title if empty.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
