"""A case: one piece of staff work for one municipality, in one unit, of one kind.

The engine's rows know nothing of a kind beyond its code; a kind's own data (a citizen
request's category, place and resident) is in the kind's app, one-to-one with ``Case``.
"""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def _private_storage():
    """Case files are never public files: they live in the ``private`` storage (settings), which
    no URL serves; staff and residents get them through views that check their rights."""
    return storages["private"]


def tracking_token() -> str:
    return secrets.token_urlsafe(24)


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    PHONE = "phone", _("Telephone")
    COUNTER = "counter", _("At the counter")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    PRESS = "press", _("Press")
    API = "api", _("API")
    STAFF = "staff", _("Staff")


class Case(models.Model):
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("municipality"),
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("unit"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases_owned",
        verbose_name=_("owner"),
    )
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    reference = models.CharField(
        _("reference"), max_length=20, help_text=_("Quoted on the phone and in every letter.")
    )
    tracking_token = models.CharField(max_length=64, default=tracking_token, editable=False)
    status = models.CharField(_("status"), max_length=40)
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.WEB
    )
    title = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language in which the case is answered."),
    )

    filed_at = models.DateTimeField(_("filed at"))
    received_at = models.DateTimeField(
        _("received at"), help_text=_("When the clock starts: the next opening after hours.")
    )
    working_days = models.PositiveSmallIntegerField(_("working days"), null=True, blank=True)
    calendar_days = models.PositiveSmallIntegerField(_("calendar days"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("days of extension"), default=0)
    due_at = models.DateTimeField(_("due"), null=True, blank=True, db_index=True)
    paused_since = models.DateTimeField(_("paused since"), null=True, blank=True)
    stopped_at = models.DateTimeField(
        _("answered at"), null=True, blank=True, help_text=_("When the clock last stopped.")
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(_("escalation level"), default=0)
    # Kept by ``case_transition`` for the figures (the board reads them in the database, with
    # no pass over the timeline): when the unit first answered, in how many of the clock's
    # working days after receipt, whether by the deadline then in force, and how often the
    # resident rejected an answer (reopening the case).
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    answer_working_days = models.PositiveSmallIntegerField(
        _("working days to the first answer"), null=True, blank=True
    )
    answered_in_time = models.BooleanField(_("answered in time"), null=True, blank=True)
    disputes = models.PositiveSmallIntegerField(_("answers rejected by the resident"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference"], name="one_reference_per_municipality"
            ),
            models.CheckConstraint(
                condition=models.Q(working_days__isnull=True)
                | models.Q(calendar_days__isnull=True),
                name="case_counts_working_or_calendar_days",
            ),
        ]
        indexes = [
            # The range of deadlines per status (overdue, due soon), covering what the board
            # groups those cases by, so that counting them reads the index only.
            models.Index(
                fields=["municipality", "status", "due_at", "kind", "unit", "filed_at"],
                name="case_due_covering",
            ),
            models.Index(fields=["municipality", "unit", "status"]),
            # A staff list filtered by status and unit, newest first: its page is the first
            # entries of the range and its count reads the index only.
            models.Index(
                fields=["municipality", "kind", "status", "unit", "-filed_at", "-id"],
                name="case_list_filtered",
            ),
            models.Index(fields=["municipality", "kind", "filed_at"]),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"


class CaseSequence(models.Model):
    """The last reference number given per municipality and year (read and written under a
    row lock by ``case_open``), so that references are short and never repeat."""

    municipality = models.ForeignKey("tenancy.Municipality", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_sequence_per_year")
        ]

    def __str__(self):
        return f"{self.municipality_id} {self.year}: {self.last}"


class Entry(models.Model):
    """One line of a case's timeline. Public entries are shown to the resident on the tracking
    page; internal ones to staff only."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Opened")
        TRANSITION = "transition", _("Status changed")
        NOTE = "note", _("Note")
        ASSIGNED = "assigned", _("Assigned")
        ROUTED = "routed", _("Routed")
        PAUSED = "paused", _("Clock paused")
        RESUMED = "resumed", _("Clock resumed")
        EXTENDED = "extended", _("Deadline extended")
        ESCALATED = "escalated", _("Escalated")
        LINKED = "linked", _("Linked")
        ATTACHED = "attached", _("File attached")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    by_resident = models.BooleanField(_("by the resident"), default=False)
    is_public = models.BooleanField(_("shown to the resident"), default=False)
    status_from = models.CharField(max_length=40, blank=True)
    status_to = models.CharField(max_length=40, blank=True)
    body = models.TextField(_("text"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class Pause(models.Model):
    """A period that does not count towards the deadline (``tenancy.clock`` pauses)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField(_("from"))
    ended_at = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255)

    class Meta:
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(ended_at__isnull=True),
                name="one_open_pause_per_case",
            )
        ]

    def __str__(self):
        return f"{self.case_id}: {self.started_at:%Y-%m-%d} – {self.reason}"


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), upload_to="cases/%Y/%m/", storage=_private_storage, max_length=255
    )
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    is_public = models.BooleanField(
        _("shown to the resident"),
        default=False,
        help_text=_("Published photos are stripped of their location before they are shown."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name


class Link(models.Model):
    """A relation from one case to another: ``case`` is a duplicate of ``other``, was forwarded
    to ``other`` (perhaps in another municipality), or follows ``other`` up."""

    class Kind(models.TextChoices):
        DUPLICATE_OF = "duplicate_of", _("Duplicate of")
        FORWARDED_TO = "forwarded_to", _("Forwarded to")
        FOLLOWS_UP = "follows_up", pgettext_lazy("case link", "Follows up")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    other = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="linked_from")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "other", "kind"], name="one_link_of_a_kind"),
            models.CheckConstraint(
                condition=~models.Q(case=models.F("other")), name="no_link_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.other_id}"


class DailyFigures(models.Model):
    """The rollup of the figures (``cases.rollup``): per municipality, kind, unit, the kind's
    group key (a citizen request's category) and day of filing in the municipality's time
    zone, how many cases were filed, answered, answered in time, disputed, the sum and count of
    the kind's score (the resident's rating), and the answered cases' working days to the
    first answer as a histogram: ``d0``…``d20`` count those answered in 0…20 working days
    (columns, so the database sums them per group), ``days_over`` the rarer longer ones
    (``{"27": 1}``, ``answered_over`` cases in all).
    Derived data: rebuilt from the cases, never by hand."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40)
    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField(null=True, blank=True)
    day = models.DateField()
    # The day's month in either calendar (``core.formatting.calendar_month``): what a board
    # groups by, no date arithmetic in SQL; both, so a change of calendar needs no rebuild.
    month = models.PositiveIntegerField()
    solar_month = models.PositiveIntegerField()
    filed = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    answered_in_time = models.PositiveIntegerField(default=0)
    disputed = models.PositiveIntegerField(default=0)
    score_sum = models.BigIntegerField(default=0)
    score_count = models.PositiveIntegerField(default=0)
    answered_over = models.PositiveIntegerField(default=0)
    days_over = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("daily figures")
        verbose_name_plural = _("daily figures")
        indexes = [models.Index(fields=["municipality", "kind", "day"])]

    def __str__(self):
        return f"{self.municipality_id} {self.kind} {self.unit_id} {self.key} {self.day}"


# The histogram's columns: answered in 0, 1, … DAY_COLUMNS - 1 working days.
DAY_COLUMNS = 21
for _days in range(DAY_COLUMNS):
    DailyFigures.add_to_class(f"d{_days}", models.PositiveIntegerField(default=0))


class DailyOpen(models.Model):
    """The rollup of the cases open now (``cases.rollup``): per municipality, kind, unit, the
    kind's group key, day of filing and **day due** (both in the municipality's time zone;
    None for a case without a deadline), whether the case's clock runs, how many cases are
    open (in a status that is not final for the kind). Open now is the sum of every row;
    overdue before today the sum of the running rows due before today, whatever the time:
    the day moves, the rows do not. Every change of status, unit or deadline marks the day of
    filing dirty, as for ``DailyFigures``. Derived data: rebuilt from the cases."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40)
    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField(null=True, blank=True)
    day = models.DateField()
    month = models.PositiveIntegerField()  # of ``day``, as ``DailyFigures.month``
    solar_month = models.PositiveIntegerField()
    due_day = models.DateField(null=True, blank=True)
    running = models.BooleanField()
    cases = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("open cases per day")
        verbose_name_plural = _("open cases per day")
        indexes = [models.Index(fields=["municipality", "kind", "day"])]

    def __str__(self):
        return f"{self.municipality_id} {self.kind} {self.unit_id} {self.day} {self.due_day}"


class DirtyDay(models.Model):
    """A day of filing whose figures changed since the rollup was last built for it (marked
    by the services in their own transaction; ``cases.rollup.figures_refresh`` rebuilds it)."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40)
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind", "day"], name="one_dirty_mark_per_day"
            )
        ]

    def __str__(self):
        return f"{self.municipality_id} {self.kind} {self.day}"
