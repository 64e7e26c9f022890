"""A municipality's programme: events and courses, the same in every language, with their texts
per language (``EventText``) and their dates (``Occurrence``, one row per session).

An ``Event`` holds what does not depend on language: its type, audience, venue, organising unit,
partners, first date and repetition (an RFC 5545 ``RRULE`` in its own time zone), places and
price. Its occurrences are the dates a resident can come to; a repeating event's are expanded
from the rule (``events.recurrence``), and a changed or cancelled occurrence keeps its row and
its ``original_start`` (iCalendar's RECURRENCE-ID). Registrations and school-class bookings are
for an occurrence, or for the whole of a course. The public pages are routes of the programme
page (``ProgrammePage``) under each home page.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page

from municipium.core.names import TextRow, TranslatedTexts
from municipium.culture.choices import Audience
from municipium.tenancy.forms import MunicipalPageForm


class Status(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("event status", "Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", pgettext_lazy("event status", "Postponed")
    SOLD_OUT = "sold_out", pgettext_lazy("event status", "Sold out")


class Registration(models.TextChoices):
    NONE = "none", _("No registration: just come")
    OCCURRENCE = "occurrence", _("Each date on its own")
    SERIES = "series", _("All dates together (a course)")


class Event(TranslatedTexts, ClusterableModel):
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("municipality"),
    )
    event_type = models.ForeignKey(
        "culture.EventType",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("type"),
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organised by"),
    )
    venue = models.ForeignKey(
        "culture.Venue",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("venue"),
    )
    partners = ParentalManyToManyField(
        "culture.Partner", blank=True, related_name="events", verbose_name=_("partners")
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.EVERYONE
    )
    age_min = models.PositiveSmallIntegerField(
        _("from the age of"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("up to the age of"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        help_text=_("The municipality's, unless the event happens elsewhere."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    recurrence = models.TextField(
        _("repeats"),
        blank=True,
        help_text=_("An iCalendar rule (RRULE), e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10. Empty: once."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_free = models.BooleanField(_("free"), default=True)
    price = models.DecimalField(_("price"), max_digits=9, decimal_places=2, null=True, blank=True)
    registration = models.CharField(
        _("registration"), max_length=16, choices=Registration.choices, default=Registration.NONE
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Per date, or for the course.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["municipality", "starts_at"]
        indexes = [models.Index(fields=["municipality", "is_published", "starts_at"])]

    def __str__(self):
        text = self.text_in()
        return text.title if text else f"#{self.pk}"


class EventText(TextRow):
    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="texts")
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    description = RichTextField(_("description"), blank=True)
    price_note = models.CharField(_("about the price"), max_length=255, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)

    class Meta(TextRow.Meta):
        verbose_name = _("text")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language"], name="one_event_text_per_language"
            )
        ]


class EventException(models.Model):
    """A day the event's rule would give that it does not happen (iCalendar's ``EXDATE``), a
    date in the event's own time zone: a holiday, the hall taken for an election."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta:
        verbose_name = _("day off")
        verbose_name_plural = _("days off")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["event", "date"], name="one_exception_per_day")
        ]

    def __str__(self):
        return self.date.isoformat()


class Occurrence(models.Model):
    """A date of an event: the only one of a single event, a session of a course, one of a
    repeating event's. ``original_start`` is where the rule put it (None for a single event);
    a changed or cancelled occurrence is ``is_changed`` and survives a new expansion."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    original_start = models.DateTimeField(_("planned start"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    is_changed = models.BooleanField(_("changed by hand"), default=False)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["municipality", "starts_at"]),
            models.Index(fields=["event", "starts_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="one_occurrence_per_planned_start"
            )
        ]

    def __str__(self):
        return f"{self.event} {self.starts_at:%Y-%m-%d %H:%M}"


class ProgrammePage(RoutablePageMixin, Page):
    """A municipality's programme in one language: the upcoming events, a month's calendar,
    each event's page and the iCalendar feeds, as its own routes (``events.views``)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
