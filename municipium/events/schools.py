"""School classes booked for the sessions offered to them (``EventType.for_school_classes``):
the booking is a case of the engine (``events.kind``), its own data a ``ClassBooking``.

Rules, all here:

- A teacher books a session that takes classes, is published and scheduled, and has not
  started; with at least one pupil and one escort per ``PUPILS_PER_ESCORT`` pupils (rounded
  up: the usual ratio for a class leaving its school); and no more people (pupils and
  escorts) than the session's places left.
- The unit approves against the session's places (the pupils and escorts of the approved
  bookings of that session never exceed the event's capacity: the session's row is locked,
  so two approvals at once take turns) and the class's day: the same class (school and
  grade) is never approved into two sessions that overlap. A class cannot be in two places;
  the venue's own timetable is the event's business (``events.services`` checks events), so
  the booking checks what only the bookings know.
- Declining needs the reason; the teacher is told. Each change is one transition of the
  engine (one timeline entry, one audit entry) and its mail is queued on commit, in the
  booking's language; the approval's mail carries the confirmation letter (PDF) in the
  site's language and calendar (``class_booking_letter_pdf``).
"""

from __future__ import annotations

import base64
import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Q, QuerySet, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from municipium.cases.selectors import case_list_for_user, case_may_act
from municipium.cases.services import case_open, case_transition
from municipium.core import formatting
from municipium.tenancy.selectors import home_page_list_for_site

from .kind import CODE
from .models import ClassBooking, Occurrence, ProgrammePage, Status

PUPILS_PER_ESCORT = 15
REQUIRED = ("school_name", "grade", "teacher_name", "teacher_email", "teacher_phone")


# Reads -------------------------------------------------------------------------------------


def _taken(occurrence_id: int, *, exclude: int | None = None) -> int:
    approved = ClassBooking.objects.filter(occurrence_id=occurrence_id, case__status="approved")
    if exclude is not None:
        approved = approved.exclude(pk=exclude)
    total = approved.aggregate(pupils=Sum("pupils"), escorts=Sum("escorts"))
    return (total["pupils"] or 0) + (total["escorts"] or 0)


def class_session_places_left(*, occurrence: Occurrence) -> int | None:
    """Places left in a session for classes: its event's capacity less the pupils and
    escorts of the approved bookings; None when the event sets no limit."""
    capacity = occurrence.event.capacity
    if capacity is None:
        return None
    return max(capacity - _taken(occurrence.pk), 0)


def class_session_list_public(*, municipality, now=None) -> QuerySet[Occurrence]:
    """The upcoming sessions of ``municipality`` that take school classes (published and
    scheduled events of a type offered to classes), soonest first."""
    if municipality is None:
        return Occurrence.objects.none()
    return (
        Occurrence.objects.filter(
            municipality=municipality,
            starts_at__gt=now or timezone.now(),
            status=Status.SCHEDULED,
            event__is_published=True,
            event__status=Status.SCHEDULED,
            event__event_type__for_school_classes=True,
        )
        .select_related("event", "event__venue", "event__event_type")
        .prefetch_related("event__texts")
        .order_by("starts_at", "pk")
    )


def class_session_get_public(*, municipality, pk) -> Occurrence | None:
    return class_session_list_public(municipality=municipality).filter(pk=pk).first()


def class_booking_list_for_user(*, municipality, user) -> QuerySet[ClassBooking]:
    """The bookings ``user`` may see in ``municipality``: those of cases they may see (the
    staff of the organising unit and the units above it; never another municipality's)."""
    cases = case_list_for_user(municipality=municipality, user=user).filter(kind=CODE)
    return (
        ClassBooking.objects.filter(case__in=cases)
        .select_related("case", "occurrence", "occurrence__event", "occurrence__event__venue")
        .prefetch_related("occurrence__event__texts")
        .order_by("occurrence__starts_at", "pk")
    )


def class_booking_get_for_user(*, municipality, user, pk) -> ClassBooking | None:
    return class_booking_list_for_user(municipality=municipality, user=user).filter(pk=pk).first()


def class_booking_get_for_case(*, case) -> ClassBooking | None:
    return (
        ClassBooking.objects.select_related("occurrence__event__venue", "case__municipality")
        .filter(case=case)
        .first()
    )


def programme_page_for_case(*, case) -> ProgrammePage | None:
    """The live programme page of the case's municipality in the case's language (else in its
    default language): where the booking's tracking page is."""
    pages = ProgrammePage.objects.live().select_related("locale")
    found = {}
    for home in home_page_list_for_site(site=case.municipality.site):
        page = pages.child_of(home).first()
        if page is not None:
            found[page.locale.language_code] = page
    return (
        found.get(case.language)
        or found.get(case.municipality.default_language)
        or next(iter(found.values()), None)
    )


def class_booking_tracking_url(*, case, request=None) -> str:
    """The teacher's tracking page (reference and secret token): absolute for a mail, relative
    to ``request``'s site for a link; empty when the municipality has no programme page."""
    page = programme_page_for_case(case=case)
    if page is None:
        return ""
    base = page.get_url(request) if request is not None else page.get_full_url()
    return base + page.reverse_subpage(
        "school_class_track", args=[case.reference, case.tracking_token]
    )


# Writes ------------------------------------------------------------------------------------


def _session_errors(occurrence: Occurrence, now) -> dict:
    event = occurrence.event
    if not (
        event.event_type.for_school_classes
        and event.is_published
        and event.status == Status.SCHEDULED
        and occurrence.status == Status.SCHEDULED
    ):
        return {"occurrence": _("This session does not take school classes.")}
    if occurrence.starts_at <= now:
        return {"occurrence": _("This session has already taken place: choose a later one.")}
    return {}


def escorts_needed(pupils: int) -> int:
    return max(1, math.ceil(pupils / PUPILS_PER_ESCORT))


def _number(data: dict, name: str) -> int | None:
    try:
        return int(data.get(name))
    except (TypeError, ValueError):
        return None


def _booking_errors(occurrence: Occurrence, data: dict) -> dict:
    errors = {}
    for name in REQUIRED:
        if not str(data.get(name) or "").strip():
            errors[name] = _("Please fill in this field.")
    if "teacher_email" not in errors:
        try:
            validate_email(str(data["teacher_email"]).strip())
        except ValidationError:
            errors["teacher_email"] = _("Write a valid e-mail address.")
    pupils, escorts = _number(data, "pupils"), _number(data, "escorts")
    if pupils is None or pupils < 1:
        errors["pupils"] = _("A class has at least one pupil.")
    if escorts is None or escorts < 0:
        errors["escorts"] = _("Give the number of teachers and escorts.")
    elif pupils and pupils > 0 and escorts < escorts_needed(pupils):
        errors["escorts"] = ngettext(
            "%(pupils)s pupils need at least %(count)s escort.",
            "%(pupils)s pupils need at least %(count)s escorts.",
            escorts_needed(pupils),
        ) % {"pupils": pupils, "count": escorts_needed(pupils)}
    school = data.get("school")
    if school is not None and (
        school.municipality_id != occurrence.municipality_id or school.kind != "school"
    ):
        errors["school"] = _("Choose one of the municipality's partner schools.")
    if not errors:
        left = class_session_places_left(occurrence=occurrence)
        if left is not None and pupils + escorts > left:
            errors["pupils"] = ngettext(
                "Only %(left)s place is left in this session (pupils and escorts).",
                "Only %(left)s places are left in this session (pupils and escorts).",
                left,
            ) % {"left": left}
    return errors


@transaction.atomic
def class_booking_submit(*, occurrence: Occurrence, data: dict, language: str) -> ClassBooking:
    """A teacher's booking of ``occurrence`` (``data``: school_name, school (a partner or
    None), grade, pupils, escorts, accessibility_needs, special_request, teacher_name,
    teacher_email, teacher_phone), opened as a case in the event's unit, due in the kind's
    working days; the teacher is mailed the reference and tracking link on commit."""
    occurrence = (
        Occurrence.objects.select_for_update()
        .select_related("event", "event__event_type", "event__unit", "municipality")
        .get(pk=occurrence.pk)
    )
    errors = _session_errors(occurrence, timezone.now()) or _booking_errors(occurrence, data)
    if errors:
        raise ValidationError(errors)
    event = occurrence.event
    text = event.text_in(language)
    school_name, grade = data["school_name"].strip(), data["grade"].strip()
    case = case_open(
        municipality=occurrence.municipality,
        kind=CODE,
        unit=event.unit,
        title=f"{school_name} {grade}: {text.title if text else event}"[:200],
        description=str(data.get("special_request") or ""),
        by=None,
        language=language,
    )
    booking = ClassBooking(
        case=case,
        occurrence=occurrence,
        school_name=school_name,
        school=data.get("school"),
        grade=grade,
        pupils=int(data["pupils"]),
        escorts=int(data["escorts"]),
        accessibility_needs=str(data.get("accessibility_needs") or "").strip(),
        special_request=str(data.get("special_request") or "").strip(),
        teacher_name=data["teacher_name"].strip(),
        teacher_email=data["teacher_email"].strip(),
        teacher_phone=data["teacher_phone"].strip(),
    )
    booking.full_clean()
    booking.save()
    from .tasks import class_booking_mail

    transaction.on_commit(lambda: class_booking_mail.enqueue(case.pk, "received"))
    return booking


def _schedule_clash(booking: ClassBooking, occurrence: Occurrence) -> ClassBooking | None:
    """An approved booking of the same class (school and grade) in another session of the
    municipality that overlaps ``occurrence``."""
    same_school = Q(school_name__iexact=booking.school_name)
    if booking.school_id:
        same_school |= Q(school_id=booking.school_id)
    return (
        ClassBooking.objects.filter(
            same_school,
            grade__iexact=booking.grade,
            case__municipality_id=occurrence.municipality_id,
            case__status="approved",
            occurrence__starts_at__lt=occurrence.ends_at,
            occurrence__ends_at__gt=occurrence.starts_at,
        )
        .exclude(pk=booking.pk)
        .select_related("occurrence")
        .first()
    )


def _lock_class(booking: ClassBooking) -> None:
    """On PostgreSQL, a lock on the class (municipality, school, grade) until the transaction
    ends: two approvals of one class into two overlapping sessions (two different session
    rows) take turns too. SQLite lets one writer at a time anyway."""
    if connection.vendor != "postgresql":
        return
    key = f"school_class:{booking.case.municipality_id}:{booking.school_name.casefold()}:"
    key += booking.grade.casefold()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])


@transaction.atomic
def class_booking_approve(*, booking: ClassBooking, by) -> ClassBooking:
    """Approve ``booking`` if its session still has room for its pupils and escorts and its
    class is not approved into an overlapping session; the teacher gets the letter."""
    if not case_may_act(case=booking.case, user=by):
        raise PermissionDenied(_("You may not act on this case."))
    # The session's row first: approvals of the same session take turns from here on.
    occurrence = (
        Occurrence.objects.select_for_update().select_related("event").get(pk=booking.occurrence_id)
    )
    if occurrence.starts_at <= timezone.now():
        raise ValidationError(_("This session has already taken place."))
    capacity = occurrence.event.capacity
    if capacity is not None:
        left = capacity - _taken(occurrence.pk, exclude=booking.pk)
        if booking.people > left:
            raise ValidationError(
                _(
                    "The session has %(left)s places left; this class needs %(needed)s "
                    "(pupils and escorts)."
                )
                % {"left": max(left, 0), "needed": booking.people}
            )
    _lock_class(booking)
    clash = _schedule_clash(booking, occurrence)
    if clash is not None:
        raise ValidationError(
            _("This class is already booked for an overlapping session (%(reference)s).")
            % {"reference": clash.case.reference}
        )
    case_transition(case=booking.case, transition="approve", by=by)
    booking.case.refresh_from_db()
    return booking


def _move(booking: ClassBooking, transition: str, *, by, note: str = "") -> ClassBooking:
    case_transition(case=booking.case, transition=transition, by=by, note=note)
    booking.case.refresh_from_db()
    return booking


@transaction.atomic
def class_booking_decline(*, booking: ClassBooking, by, reason: str) -> ClassBooking:
    """Decline ``booking`` with ``reason`` (required: the teacher reads it)."""
    return _move(booking, "decline", by=by, note=reason)


@transaction.atomic
def class_booking_cancel(*, booking: ClassBooking, by, reason: str = "") -> ClassBooking:
    """Cancel a requested or approved booking (the unit's decision or the school's wish); its
    places go back to the session."""
    return _move(booking, "cancel", by=by, note=reason)


@transaction.atomic
def class_booking_hold(*, booking: ClassBooking, by) -> ClassBooking:
    """Record that the approved class came."""
    return _move(booking, "hold", by=by)


# The confirmation letter -------------------------------------------------------------------


def _logo_data_uri(municipality) -> str:
    """The municipality's logo inlined (the PDF helper fetches nothing else)."""
    logo = municipality.logo
    if logo is None:
        return ""
    try:
        with logo.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return ""
    kind = "svg+xml" if logo.file.name.endswith(".svg") else "png"
    if logo.file.name.lower().endswith((".jpg", ".jpeg")):
        kind = "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(content).decode()}"


def class_booking_letter_html(*, booking: ClassBooking) -> str:
    """The confirmation letter's HTML, in the site's (default) language and calendar."""
    case = booking.case
    municipality = case.municipality
    occurrence = booking.occurrence
    event = occurrence.event
    language = municipality.default_language
    time_zone = event.time_zone or municipality.time_zone
    with translation.override(language):
        text = event.text_in(language)
        venue = event.venue
        venue_text = venue.text_in(language) if venue is not None else None
        context = {
            "language": language,
            "is_rtl": translation.get_language_bidi(),
            "municipality_name": municipality.name_in(language),
            "municipality": municipality,
            "logo": _logo_data_uri(municipality),
            "booking": booking,
            "case": case,
            "title": text.title if text else str(event),
            "date": formatting.format_date(
                occurrence.starts_at, language=language, calendar=municipality.calendar,
                time_zone=time_zone, style="full",
            ),
            "starts": formatting.format_time(
                occurrence.starts_at, language=language, time_zone=time_zone
            ),
            "ends": formatting.format_time(
                occurrence.ends_at, language=language, time_zone=time_zone
            ),
            "pupils": formatting.format_number(booking.pupils, language=language),
            "escorts": formatting.format_number(booking.escorts, language=language),
            "venue": venue,
            "directions": venue_text.directions if venue_text else "",
            "unit": event.unit,
            "unit_name": event.unit.name_in(language),
            "issued": formatting.format_date(
                timezone.now(), language=language, calendar=municipality.calendar,
                time_zone=municipality.time_zone,
            ),
        }  # fmt: skip
        return render_to_string("events/school_letter.html", context)


def class_booking_letter_pdf(*, booking: ClassBooking) -> bytes:
    from municipium.directory.pdf import html_to_pdf

    return html_to_pdf(
        class_booking_letter_html(booking=booking),
        stylesheets=("core/css/fonts.css", "events/css/school-letter.css"),
    )


def class_booking_contact_visible(*, booking: ClassBooking, user) -> bool:
    """Whether ``user`` may read the teacher's name, e-mail and phone: the staff of the
    organising unit (and the units above it), not everyone who may follow the case (the call
    centre, the mayor's office)."""
    if user.is_superuser:
        return True
    from municipium.organisation.selectors import unit_ids_for_user

    return booking.case.unit_id in unit_ids_for_user(
        municipality=booking.case.municipality, user=user
    )
