"""Halls lent on request (``Hall``, its texts per language, photos and opening hours) and the
requests for them (``HallBooking``), each a case of the engine (kind ``hall_booking``).

An approved booking blocks its hall from ``blocked_from`` to ``blocked_until`` (the event with
its set-up and clearing time). Two approved bookings of one hall never overlap: on PostgreSQL an
exclusion constraint says so (added by the migration, ``0001_initial``); on SQLite, which has
none, the approving service checks under SQLite's write lock (``transaction_mode`` IMMEDIATE).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from municipium.core.names import TextRow, TranslatedTexts

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class Hall(TranslatedTexts, ClusterableModel):
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="halls",
        verbose_name=_("municipality"),
    )
    venue = models.ForeignKey(
        "culture.Venue", on_delete=models.PROTECT, related_name="halls", verbose_name=_("venue")
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.PROTECT,
        related_name="halls",
        verbose_name=_("lending unit"),
        help_text=_("The unit that answers the requests for this hall."),
    )
    slug = models.SlugField(_("address"), max_length=80, allow_unicode=True)
    seats = models.PositiveIntegerField(_("seats"), default=0)
    standing = models.PositiveIntegerField(_("standing places"), default=0)
    # Equipment: flags a resident filters by; anything else is in the texts' list.
    projector = models.BooleanField(_("projector and screen"), default=False)
    sound_system = models.BooleanField(_("sound system"), default=False)
    stage = models.BooleanField(pgettext_lazy("hall equipment", "stage"), default=False)
    piano = models.BooleanField(_("piano"), default=False)
    kitchen = models.BooleanField(_("kitchen"), default=False)
    wifi = models.BooleanField(_("wireless internet"), default=False)
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    fee_per_hour = models.DecimalField(
        _("fee per hour"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    fee_per_day = models.DecimalField(
        _("fee per day"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    free_for_associations = models.BooleanField(_("free for associations"), default=False)
    setup_minutes = models.PositiveSmallIntegerField(
        _("set-up minutes"), default=30, validators=[MaxValueValidator(24 * 60)]
    )
    clearing_minutes = models.PositiveSmallIntegerField(
        _("clearing minutes"), default=30, validators=[MaxValueValidator(24 * 60)]
    )
    notice_days = models.PositiveSmallIntegerField(
        _("days of notice"),
        default=7,
        help_text=_("A request is made at least this many days ahead."),
    )
    max_ahead_days = models.PositiveSmallIntegerField(
        _("booked at most days ahead"), default=180, validators=[MinValueValidator(1)]
    )
    answer_working_days = models.PositiveSmallIntegerField(
        _("working days to answer"), default=5, validators=[MinValueValidator(1)]
    )
    offer_days = models.PositiveSmallIntegerField(
        _("days to accept a freed slot"), default=3, validators=[MinValueValidator(1)]
    )
    is_active = models.BooleanField(_("lent on request"), default=True)

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ["municipality", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="one_hall_slug_per_municipality"
            )
        ]

    def __str__(self):
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        text = self.text_in(language)
        return text.name if text else self.slug

    @property
    def capacity(self) -> int:
        return max(self.seats, self.standing)

    def equipment_flags(self) -> list[str]:
        names = ["projector", "sound_system", "stage", "piano", "kitchen", "wifi"]
        return [
            str(self._meta.get_field(name).verbose_name) for name in names if getattr(self, name)
        ]


class HallText(TextRow):
    hall = ParentalKey(Hall, on_delete=models.CASCADE, related_name="texts")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    rules = models.TextField(_("rules of use"), blank=True)
    equipment = models.TextField(_("equipment"), blank=True)
    fees = models.TextField(_("fees"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)

    class Meta(TextRow.Meta):
        verbose_name = _("description")
        constraints = [
            models.UniqueConstraint(fields=["hall", "language"], name="one_hall_text_per_language")
        ]


class HallPhoto(Orderable):
    hall = ParentalKey(Hall, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("photo")


class HallOpening(Orderable):
    """The hours a hall may be booked on one weekday (several rows for a split day)."""

    hall = ParentalKey(Hall, on_delete=models.CASCADE, related_name="openings")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")), name="hall_closes_after_opening"
            )
        ]


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("hall booking", "requested")
    APPROVED = "approved", pgettext_lazy("hall booking", "approved")
    DECLINED = "declined", pgettext_lazy("hall booking", "declined")
    WAITING = "waiting", pgettext_lazy("hall booking", "on the waiting list")
    OFFERED = "offered", pgettext_lazy("hall booking", "offered to you")
    CANCELLED = "cancelled", pgettext_lazy("hall booking", "cancelled")


class HallBooking(models.Model):
    class Requester(models.TextChoices):
        RESIDENT = "resident", _("A resident")
        ASSOCIATION = "association", _("An association")

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="hall_booking")
    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="hall_bookings"
    )
    hall = models.ForeignKey(
        Hall, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("hall")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    blocked_from = models.DateTimeField(_("start of the time the hall is blocked"))
    blocked_until = models.DateTimeField(_("end of the time the hall is blocked"))
    # Mirrors the case's status (kept by the services) for the exclusion constraint.
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    requester = models.CharField(
        _("requested by"), max_length=16, choices=Requester.choices, default=Requester.RESIDENT
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("association"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    purpose = models.TextField(_("purpose"))
    audience = models.PositiveIntegerField(_("expected audience"))
    equipment = models.TextField(_("equipment asked for"), blank=True)
    waits_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="waiting",
        verbose_name=_("waits for the slot of"),
    )
    offered_until = models.DateTimeField(_("offer open until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hall booking")
        verbose_name_plural = _("hall bookings")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["hall", "status", "blocked_from"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at"))
                & models.Q(blocked_from__lte=models.F("starts_at"))
                & models.Q(blocked_until__gte=models.F("ends_at")),
                name="hall_booking_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.case.reference}: {self.hall} {self.starts_at:%Y-%m-%d %H:%M}"


# The exclusion constraint of PostgreSQL (the migration adds it there only): two approved
# bookings of one hall never block overlapping times. Ranges are half-open: adjacent is fine.
def approved_overlap_constraint():
    from django.contrib.postgres.constraints import ExclusionConstraint
    from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
    from django.db.models import Func

    class TsTzRange(Func):
        function = "TSTZRANGE"
        output_field = DateTimeRangeField()

    return ExclusionConstraint(
        name="no_overlapping_approved_hall_bookings",
        expressions=[
            ("hall", RangeOperators.EQUAL),
            (TsTzRange("blocked_from", "blocked_until"), RangeOperators.OVERLAPS),
        ],
        condition=models.Q(status=BookingStatus.APPROVED),
    )


from .pages import HallsPage  # noqa: E402, F401  (the page type, registered with the app)
