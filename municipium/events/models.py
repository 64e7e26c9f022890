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

import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from municipium.core.names import TextRow, TranslatedTexts
from municipium.culture.choices import Audience


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
    keeps_waiting_list = models.BooleanField(
        _("keeps a waiting list"),
        default=True,
        help_text=_("When it is full, people may join a list and move up when a place frees."),
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


class ClassBooking(models.Model):
    """A school class booked for a session of an event offered to school classes
    (``EventType.for_school_classes``): the case's own data (``events.kind``), one-to-one with
    its ``cases.Case``. The teacher's name, e-mail and telephone are personal data: only the
    staff of the organising unit (the case's unit) read them."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="class_booking"
    )
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.PROTECT,
        related_name="class_bookings",
        verbose_name=_("session"),
    )
    school_name = models.CharField(_("school"), max_length=200)
    school = models.ForeignKey(
        "culture.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="class_bookings",
        verbose_name=_("school (partner)"),
        limit_choices_to={"kind": "school"},
    )
    grade = models.CharField(_("class"), max_length=40, help_text=_("For example 4-B."))
    pupils = models.PositiveSmallIntegerField(_("pupils"))
    escorts = models.PositiveSmallIntegerField(_("teachers and escorts"))
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    special_request = models.TextField(_("special request"), blank=True)
    teacher_name = models.CharField(_("teacher's name"), max_length=200)
    teacher_email = models.EmailField(_("teacher's e-mail"))
    teacher_phone = models.CharField(_("teacher's telephone"), max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("school-class booking")
        verbose_name_plural = _("school-class bookings")
        ordering = ["occurrence__starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pupils__gt=0), name="class_booking_has_pupils"
            ),
        ]

    def __str__(self):
        return f"{self.school_name} {self.grade}"

    @property
    def people(self) -> int:
        return self.pupils + self.escorts


# Registration


class RegistrationQuestion(Orderable):
    """A question an event asks everyone who registers: free text, or one of a few choices.
    Its label and choices are per language (``{"tr": "...", "en": "..."}``); an answer to a
    choice question is the choice's position, so it reads the same in every language."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("One of the choices")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.TEXT)
    required = models.BooleanField(_("required"), default=False)
    labels = models.JSONField(_("question per language"), default=dict)
    choices = models.JSONField(
        _("choices per language"), default=dict, blank=True, help_text=_('{"en": ["A", "B"]}')
    )

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")

    def label_in(self, language: str) -> str:
        return self.labels.get(language) or next(iter(self.labels.values()), "")

    def choices_in(self, language: str) -> list[str]:
        return self.choices.get(language) or next(iter(self.choices.values()), [])

    def __str__(self):
        return self.label_in(translation.get_language())


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITING = "waiting", pgettext_lazy("registration status", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
    ATTENDED = "attended", pgettext_lazy("registration status", "Attended")


# Letters and digits that cannot be mistaken for one another at the door (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def registration_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def token_digest(token: str) -> str:
    """What is stored of a resident's token: its SHA-256, so a copy of the database opens no
    resident's page."""
    return hashlib.sha256(token.encode()).hexdigest()


class EventRegistration(models.Model):
    """A person's place at a date of an event (``occurrence``), or at a whole course
    (``occurrence`` None, ``Event.registration == "series"``), or on its waiting list.

    Named ``EventRegistration`` because ``Registration`` is already the event's choice of how
    it takes registrations. ``position`` orders the waiting list (1 is the next to move up) and
    is kept for those confirmed as the order they came in. The resident's own page is reached
    with ``code`` and a token of which only the digest is kept; the door code is short and
    unique per event. Personal data is emptied after the municipality's retention period
    (``anonymised_at``)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    occurrence = models.ForeignKey(
        Occurrence,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("date"),
    )
    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, db_index=True
    )
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    age = models.PositiveSmallIntegerField(
        _("age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    guardian_name = models.CharField(_("parent or guardian"), max_length=200, blank=True)
    guardian_contact = models.CharField(
        _("parent or guardian's telephone or e-mail"), max_length=200, blank=True
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    code = models.CharField(_("code"), max_length=CODE_LENGTH, default=registration_code)
    token_hash = models.CharField(max_length=64, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "occurrence", "position"]
        indexes = [
            models.Index(fields=["event", "occurrence", "status", "position"]),
            models.Index(fields=["municipality", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="one_door_code_per_event"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class EventReport(ClusterableModel, TranslatedTexts):
    """The short report of a closed event, shown on its public page: how many came, photos,
    the partners who took part, and a few words per language (``texts``)."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="report", verbose_name=_("event")
    )
    attendance = models.PositiveIntegerField(_("attendance"))
    photos = ParentalManyToManyField(
        "wagtailimages.Image", blank=True, related_name="+", verbose_name=_("photos")
    )
    partners = ParentalManyToManyField(
        "culture.Partner", blank=True, related_name="+", verbose_name=_("partners")
    )
    closed_at = models.DateTimeField(_("closed at"), default=timezone.now)

    class Meta:
        verbose_name = _("event report")


class EventReportText(TextRow):
    report = ParentalKey(EventReport, on_delete=models.CASCADE, related_name="texts")
    text = models.TextField(_("report"), max_length=2000)

    class Meta(TextRow.Meta):
        verbose_name = _("report text")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "language"], name="one_report_text_per_language"
            )
        ]


from .pages import ProgrammePage  # noqa: E402, F401  (the page type, registered with the app)
