"""What a directorate page holds in rows: the units of its organisation chart, the roles of
people in it, its service standards and its documents."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from ..durations import DurationUnit, duration_text

PAGE = "directory.DirectoratePage"


class DirectorateUnit(Orderable):
    """A box of the organisation chart: a section, an office, a team."""

    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("part of"),
        help_text=_(
            "Empty: directly under the directorate. A unit added now can be chosen here "
            "once the page has been published with it."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("parent")]

    class Meta(Orderable.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name

    def clean(self):
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be part of itself.")})


class DirectorateRole(Orderable):
    """A person's role in the directorate, in one of its units or at its head."""

    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("person"),
    )
    title = models.CharField(
        pgettext_lazy("job title", "title"),
        max_length=200,
        help_text=_("For example: Director, Head of unit, Specialist."),
    )
    unit = models.ForeignKey(
        DirectorateUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit"),
        help_text=_("Empty: the directorate itself."),
    )
    is_head = models.BooleanField(
        _("head"),
        default=False,
        help_text=_("Heads the unit; with no unit, heads the directorate (its director)."),
    )
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Empty while the role lasts.")
    )

    panels = [
        FieldPanel("person"),
        FieldPanel("title"),
        FieldPanel("unit"),
        FieldPanel("is_head"),
        FieldRowPanel([FieldPanel("appointed_on"), FieldPanel("ended_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return f"{self.person} ({self.title})"

    def clean(self):
        if self.appointed_on and self.ended_on and self.ended_on < self.appointed_on:
            raise ValidationError({"ended_on": _("A role cannot end before it starts.")})

    def is_current(self, today: datetime.date) -> bool:
        started = self.appointed_on is None or self.appointed_on <= today
        return started and (self.ended_on is None or self.ended_on >= today)


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
