"""Units of a municipality's organisation and the positions people hold in them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from municipium.core.names import NameRow, TranslatedNames


class Unit(TranslatedNames, ClusterableModel):
    """A box of the organisation: a directorate, a section or office inside one, the call
    centre, the mayor's office. A tree per municipality; the same in every language."""

    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", _("Directorate")
        SECTION = "section", _("Section or office")
        CALL_CENTRE = "call_centre", _("Call centre")
        MAYORS_OFFICE = "mayors_office", _("Mayor's office")
        OTHER = "other", pgettext_lazy("unit kind", "Other")

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="units",
        verbose_name=_("municipality"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("Empty: directly under the municipality."),
    )
    code = models.SlugField(
        _("code"),
        max_length=64,
        help_text=_("A short, stable key, the same in every language: 'culture', 'parks'."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SECTION)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    sort_order = models.IntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Off for a unit that was closed or merged.")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
                FieldPanel("parent"),
                FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_active")]),
            ],
            heading=_("Place in the organisation"),
        ),
        InlinePanel("names", heading=_("Names"), label=_("name"), min_num=1),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        InlinePanel("positions", heading=_("People and their positions"), label=_("position")),
    ]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["municipality", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="unique_unit_code_per_municipality"
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="unit_not_its_own_parent"
            ),
        ]

    def clean(self):
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be part of itself.")})
        if self.parent is not None and self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("This unit belongs to another municipality.")})


class UnitName(NameRow):
    unit = ParentalKey(Unit, on_delete=models.CASCADE, related_name="names")

    class Meta(NameRow.Meta):
        verbose_name = _("name")
        verbose_name_plural = _("names")
        constraints = [
            models.UniqueConstraint(fields=["unit", "language"], name="unique_unit_name_language")
        ]


class Position(Orderable):
    """A person's position in a unit. A unit has at most one current head: the database
    refuses a second head whose position has no end date."""

    unit = ParentalKey(Unit, on_delete=models.CASCADE, related_name="positions")
    person = models.ForeignKey(
        "organisation.Person",
        on_delete=models.CASCADE,
        related_name="positions",
        verbose_name=_("person"),
    )
    job_title = models.ForeignKey(
        "organisation.JobTitle",
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=pgettext_lazy("job title", "title"),
    )
    is_head = models.BooleanField(
        _("head"), default=False, help_text=_("Heads the unit (its director or chief).")
    )
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Empty while the position lasts.")
    )

    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("job_title")]),
        FieldPanel("is_head"),
        FieldRowPanel([FieldPanel("appointed_on"), FieldPanel("ended_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(is_head=True, ended_on__isnull=True),
                name="one_current_head_per_unit",
                violation_error_message=_("This unit already has a head."),
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.job_title})"

    def clean(self):
        if self.appointed_on and self.ended_on and self.ended_on < self.appointed_on:
            raise ValidationError({"ended_on": _("A position cannot end before it starts.")})

    @property
    def title(self) -> str:
        return self.job_title.name_in()

    def is_current(self, today: datetime.date) -> bool:
        started = self.appointed_on is None or self.appointed_on <= today
        return started and (self.ended_on is None or self.ended_on >= today)
