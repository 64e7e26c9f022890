"""Registration for events and courses: a place, or a place on the waiting list, never more
places than there are.

Every write takes the lock of the *slot* it counts places in: the occurrence's row for an event
registered date by date, the event's row for a course registered as a whole. On PostgreSQL that
is ``SELECT … FOR UPDATE``; on SQLite the project opens every transaction ``IMMEDIATE``
(settings), so a second writer waits at ``BEGIN`` and the count read inside is the count
written. A submission, a cancellation and the move up of the first waiting person are one
transaction each; mail is queued on commit (``events.tasks.registration_mail``) in the
registrant's language.
"""

from __future__ import annotations

import calendar
import datetime
import re
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from municipium.core.audit import audit_log, snapshot
from municipium.core.http import whole_number
from municipium.culture.choices import Audience
from municipium.organisation.selectors import unit_ids_for_user
from municipium.tenancy.selectors import municipality_list_all
from municipium.tenancy.services import municipality_purge_cache_on_commit

from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Event,
    EventRegistration,
    EventReport,
    EventReportText,
    Occurrence,
    Registration,
    RegistrationStatus,
    Status,
    registration_code,
    token_digest,
)

TAKING = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)
# Fields of a registration that are a person's data: emptied after the retention period.
PERSONAL_FIELDS = ("name", "email", "phone", "guardian_name", "guardian_contact", "age")


@dataclass
class Submitted:
    """A new registration and its token (shown once: only its digest is stored)."""

    registration: EventRegistration
    token: str


def needs_guardian(event: Event) -> bool:
    """A participant of an event for children (by audience, or an age limit under 18) is
    registered with a parent's or guardian's name and contact."""
    return event.audience == Audience.CHILDREN or (event.age_max is not None and event.age_max < 18)


def _slot(event: Event, occurrence: Occurrence | None) -> Q:
    return Q(event=event, occurrence=occurrence)


def _lock(event: Event, occurrence: Occurrence | None):
    """Lock the row whose places are counted (see the module's docstring) and return it."""
    if occurrence is None:
        return Event.objects.select_for_update().get(pk=event.pk)
    return Occurrence.objects.select_for_update().get(pk=occurrence.pk)


def _taken(event: Event, occurrence: Occurrence | None) -> int:
    return EventRegistration.objects.filter(_slot(event, occurrence), status__in=TAKING).count()


def _next_position(event, occurrence, statuses) -> int:
    found = EventRegistration.objects.filter(
        _slot(event, occurrence), status__in=statuses
    ).aggregate(top=Max("position"))["top"]
    return (found or 0) + 1


def places_left(*, event: Event, occurrence: Occurrence | None) -> int | None:
    """Free places of the slot (None: no limit); a read for pages, not a promise."""
    if event.capacity is None:
        return None
    return max(event.capacity - _taken(event, occurrence), 0)


# Up to this many free places, an event's page says how many; above, only that there are places.
FEW_PLACES = 10


def places_shown(left: int | None):
    """What an event's page says of ``left`` free places: None (no limit), "many", or the
    number when it is FEW_PLACES or fewer. The page cache keeps the page until this changes."""
    if left is None:
        return None
    return left if left <= FEW_PLACES else "many"


def places_left_by_slot(*, event: Event) -> dict:
    """``{occurrence id, or None for a course: free places}`` of an event that counts places,
    in one query; {} when it has no limit or takes no registration."""
    if event.capacity is None or event.registration == "none":
        return {}
    taken = dict(
        EventRegistration.objects.filter(event=event, status__in=TAKING)
        .values_list("occurrence_id")
        .annotate(count=Count("pk"))
        .values_list("occurrence_id", "count")
    )
    if event.registration == "series":
        return {None: max(event.capacity - taken.get(None, 0), 0)}
    return {
        occurrence.pk: max(event.capacity - taken.get(occurrence.pk, 0), 0)
        for occurrence in event.occurrences.all()
    }


def _purge_if_shown_changed(event: Event, before: int | None, after: int | None) -> None:
    """Purge the site's cached pages on commit when what the event's page says of its places
    changes (not at every registration: a popular event would empty the cache all day)."""
    if places_shown(before) != places_shown(after):
        municipality_purge_cache_on_commit(municipality_id=event.municipality_id)


def waiting_rank(registration: EventRegistration) -> int | None:
    """A waiting person's place in the queue (1: the next to move up)."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = EventRegistration.objects.filter(
        _slot(registration.event, registration.occurrence),
        status=RegistrationStatus.WAITING,
        position__lt=registration.position,
    ).count()
    return ahead + 1


def registration_open_check(*, event: Event, occurrence: Occurrence | None, now=None) -> None:
    """Refuse when the event takes no registration (now): not published, cancelled, past,
    or the date is not one of the event's."""
    now = now or timezone.now()
    if event.registration == Registration.NONE or not event.is_published:
        raise ValidationError(_("This event takes no registration."))
    if event.status in (Status.CANCELLED, Status.POSTPONED):
        raise ValidationError(_("Registration is closed: the event is cancelled or postponed."))
    if event.registration == Registration.SERIES:
        if occurrence is not None:
            raise ValidationError(_("This course is registered for as a whole."))
        if event.starts_at <= now:
            raise ValidationError(_("Registration is closed: the course has begun."))
        return
    if occurrence is None or occurrence.event_id != event.pk:
        raise ValidationError({"occurrence": _("Choose one of the event's dates.")})
    if occurrence.status in (Status.CANCELLED, Status.POSTPONED):
        raise ValidationError({"occurrence": _("This date is cancelled or postponed.")})
    if occurrence.starts_at <= now:
        raise ValidationError({"occurrence": _("Registration is closed: this date is past.")})


def _clean_data(*, event: Event, data: dict, language: str) -> dict:
    """The registrant's fields, checked; a ValidationError with every problem at once."""
    errors: dict[str, list[str]] = {}
    clean = {}
    for field, limit in (("name", 200), ("email", 254), ("phone", 40)):
        value = str(data.get(field) or "").strip()
        if len(value) > limit:
            errors.setdefault(field, []).append(_("This is too long."))
        clean[field] = value
    if not clean["name"]:
        errors.setdefault("name", []).append(_("Please give the participant's name."))
    if not clean["email"]:
        errors.setdefault("email", []).append(_("Please give an e-mail address."))
    else:
        try:
            validate_email(clean["email"])
        except ValidationError:
            errors.setdefault("email", []).append(_("This e-mail address is not valid."))
    if clean["phone"] and not re.fullmatch(r"\+?[0-9 ()\-./]{5,40}", clean["phone"]):
        errors.setdefault("phone", []).append(_("This telephone number is not valid."))
    age = data.get("age")
    clean["age"] = None
    if age not in (None, ""):
        try:
            clean["age"] = int(age)
            if not 0 <= clean["age"] <= 120:
                raise ValueError(age)
        except (TypeError, ValueError):
            errors.setdefault("age", []).append(_("Give the age as a number of years."))
    if clean["age"] is not None:
        if event.age_min is not None and clean["age"] < event.age_min:
            errors.setdefault("age", []).append(
                _("This event is from the age of %(age)s.") % {"age": event.age_min}
            )
        if event.age_max is not None and clean["age"] > event.age_max:
            errors.setdefault("age", []).append(
                _("This event is up to the age of %(age)s.") % {"age": event.age_max}
            )
    for field in ("guardian_name", "guardian_contact"):
        clean[field] = str(data.get(field) or "").strip()[:200]
    if needs_guardian(event):
        if clean["age"] is None:
            errors.setdefault("age", []).append(_("Please give the child's age."))
        if not clean["guardian_name"]:
            errors.setdefault("guardian_name", []).append(
                _("A child is registered by a parent or guardian: please give their name.")
            )
        if not clean["guardian_contact"]:
            errors.setdefault("guardian_contact", []).append(
                _("Please give a telephone number or e-mail of the parent or guardian.")
            )
    answers = {}
    given = data.get("answers") or {}
    for question in event.questions.all():
        key = str(question.pk)
        raw = str(given.get(key) or "").strip()
        if not raw:
            if question.required:
                errors.setdefault(f"question_{key}", []).append(_("Please answer this question."))
            continue
        if question.kind == question.Kind.CHOICE:
            options = question.choices_in(language)
            if whole_number(raw) is None or whole_number(raw) >= len(options):
                errors.setdefault(f"question_{key}", []).append(_("Choose one of the answers."))
                continue
        answers[key] = raw[:1000]
    clean["answers"] = answers
    if errors:
        raise ValidationError(errors)
    return clean


def _unique_code(event: Event) -> str:
    while True:
        code = registration_code()
        if not EventRegistration.objects.filter(event=event, code=code).exists():
            return code


def registration_submit(
    *, event: Event, occurrence: Occurrence | None, data: dict, language: str, now=None
) -> Submitted:
    """Register a person for ``occurrence`` of ``event`` (None for a course registered as a
    whole): a place if one is free, else the waiting list if the event keeps one, else a
    ValidationError saying it is full. Validated before anything is written; the place is
    counted under the slot's lock; the mail (confirmation with the door code and the link to
    the resident's page, or the place on the waiting list) is queued on commit."""
    now = now or timezone.now()
    registration_open_check(event=event, occurrence=occurrence, now=now)
    clean = _clean_data(event=event, data=data, language=language)
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        _lock(event, occurrence)
        taken = _taken(event, occurrence)
        if event.capacity is None or taken < event.capacity:
            status = RegistrationStatus.CONFIRMED
            if event.capacity is not None:
                _purge_if_shown_changed(event, event.capacity - taken, event.capacity - taken - 1)
        elif event.keeps_waiting_list:
            status = RegistrationStatus.WAITING
        else:
            raise ValidationError(_("Sorry, this event is full and keeps no waiting list."))
        statuses = TAKING if status == RegistrationStatus.CONFIRMED else (status,)
        registration = EventRegistration.objects.create(
            event=event,
            occurrence=occurrence,
            municipality_id=event.municipality_id,
            status=status,
            position=_next_position(event, occurrence, statuses),
            code=_unique_code(event),
            token_hash=token_digest(token),
            language=language,
            created_at=now,
            **clean,
        )
        audit_log(
            instance=registration,
            action="events.registration.create",
            by=None,
            municipality=event.municipality_id,
            unit=event.unit_id,
            after=snapshot(registration, fields={"status", "position", "occurrence"}),
        )
        what = "confirmed" if status == RegistrationStatus.CONFIRMED else "waiting"
        _mail_on_commit(registration, what, token=token)
    return Submitted(registration=registration, token=token)


def registration_get_by_token(*, municipality, code: str, token: str):
    """The resident's own registration by its door code and token (None if either is wrong)."""
    from hmac import compare_digest

    registration = (
        EventRegistration.objects.filter(municipality=municipality, code=code.upper())
        .select_related("event", "occurrence")
        .first()
    )
    if registration is None or not compare_digest(registration.token_hash, token_digest(token)):
        return None
    return registration


def _staff_may_act(*, registration_or_event, by) -> None:
    """``by`` (staff; None is the resident or the system) works in the organising unit, or
    administers or manages above it, in the event's municipality."""
    if by is None:
        return
    event = getattr(registration_or_event, "event", registration_or_event)
    if event.unit_id not in unit_ids_for_user(municipality=event.municipality, user=by):
        raise PermissionDenied(_("You do not organise this event."))


def _move_up(event: Event, occurrence: Occurrence | None, now) -> list[EventRegistration]:
    """Give the free places of the slot to the first waiting people (under the slot's lock)."""
    moved = []
    free = None if event.capacity is None else event.capacity - _taken(event, occurrence)
    waiting = EventRegistration.objects.filter(
        _slot(event, occurrence), status=RegistrationStatus.WAITING
    ).order_by("position")
    while free is None or free > 0:
        first = waiting.first()
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.position = _next_position(event, occurrence, TAKING)
        first.save(update_fields=["status", "position"])
        audit_log(
            instance=first,
            action="events.registration.move_up",
            by=None,
            municipality=event.municipality_id,
            unit=event.unit_id,
            before={"status": RegistrationStatus.WAITING},
            after={"status": first.status},
        )
        _mail_on_commit(first, "moved_up")
        moved.append(first)
        if free is not None:
            free -= 1
    return moved


def registration_cancel(*, registration: EventRegistration, by=None, now=None):
    """Cancel a registration (the resident through their page, ``by=None``, or staff on their
    behalf): the place goes, in the same transaction, to the first person waiting, who is
    mailed on commit. Returns the people moved up."""
    now = now or timezone.now()
    _staff_may_act(registration_or_event=registration, by=by)
    with transaction.atomic():
        event = registration.event
        _lock(event, registration.occurrence)
        current = EventRegistration.objects.get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            raise ValidationError(_("This registration is already cancelled."))
        if current.status == RegistrationStatus.ATTENDED:
            raise ValidationError(_("This person has already come: it cannot be cancelled."))
        before = snapshot(current, fields={"status", "cancelled_at"})
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        audit_log(
            instance=current,
            action="events.registration.cancel",
            by=by,
            municipality=event.municipality_id,
            unit=event.unit_id,
            before=before,
            after=snapshot(current, fields={"status", "cancelled_at"}),
        )
        _mail_on_commit(current, "cancelled")
        moved = _move_up(event, registration.occurrence, now)
        if event.capacity is not None and current.occurrence_id == registration.occurrence_id:
            left = places_left(event=event, occurrence=registration.occurrence)
            freed = 1 if before["status"] in TAKING and not moved else 0
            _purge_if_shown_changed(event, left - freed, left)
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return moved


def code_normalise(code: str) -> str:
    """A door code as typed (lower case, spaces, a dash) in the form it is stored."""
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def registration_check_in(*, event: Event, code: str, by, now=None) -> EventRegistration:
    """Check a person in at the door by their code: confirmed becomes attended."""
    now = now or timezone.now()
    _staff_may_act(registration_or_event=event, by=by)
    code = code_normalise(code)
    if len(code) != CODE_LENGTH or set(code) - set(CODE_ALPHABET):
        raise ValidationError({"code": _("A code has eight letters and digits.")})
    with transaction.atomic():
        registration = (
            EventRegistration.objects.select_for_update(of=("self",))
            .filter(event=event, code=code)
            .select_related("occurrence")
            .first()
        )
        if registration is None:
            raise ValidationError({"code": _("No registration of this event has this code.")})
        if registration.status == RegistrationStatus.WAITING:
            raise ValidationError({"code": _("This person is on the waiting list.")})
        if registration.status == RegistrationStatus.CANCELLED:
            raise ValidationError({"code": _("This registration was cancelled.")})
        if registration.status == RegistrationStatus.ATTENDED:
            raise ValidationError({"code": _("This person is already checked in.")})
        before = snapshot(registration, fields={"status", "checked_in_at"})
        registration.status = RegistrationStatus.ATTENDED
        registration.checked_in_at = now
        registration.save(update_fields=["status", "checked_in_at"])
        audit_log(
            instance=registration,
            action="events.registration.check_in",
            by=by,
            municipality=event.municipality_id,
            unit=event.unit_id,
            before=before,
            after=snapshot(registration, fields={"status", "checked_in_at"}),
        )
    return registration


@transaction.atomic
def event_close(
    *, event: Event, by, attendance: int, texts: dict[str, str], photos=(), partners=()
) -> EventReport:
    """Close an event with its short report (how many came, a few words per language, photos,
    the partners who took part); the public page shows it. Closing again replaces it."""
    _staff_may_act(registration_or_event=event, by=by)
    if attendance is None or int(attendance) < 0:
        raise ValidationError({"attendance": _("Give the number of people who came.")})
    texts = {language: text.strip() for language, text in texts.items() if text and text.strip()}
    if not texts:
        raise ValidationError({"texts": _("Write the report in at least one language.")})
    unknown = set(texts) - set(event.municipality.languages)
    if unknown:
        raise ValidationError({"texts": _("The site is not in this language.")})
    partners = list(partners)
    if any(partner.municipality_id != event.municipality_id for partner in partners):
        raise ValidationError({"partners": _("This partner belongs to another municipality.")})
    report = EventReport.objects.filter(event=event).first()
    before = snapshot(report, fields={"attendance"}) if report else None
    if report is None:
        report = EventReport(event=event, attendance=int(attendance))
    report.attendance = int(attendance)
    report.closed_at = timezone.now()
    report.texts = [EventReportText(language=code, text=text) for code, text in texts.items()]
    report.photos = list(photos)
    report.partners = partners
    report.save()
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
    audit_log(
        instance=event,
        action="events.event.close",
        by=by,
        municipality=event.municipality_id,
        unit=event.unit_id,
        before=before,
        after=snapshot(report, fields={"attendance"}, extra={"texts": sorted(texts)}),
    )
    return report


def registrations_notify_date_changed(*, occurrence: Occurrence, what: str) -> int:
    """Tell everyone registered for ``occurrence`` (confirmed or waiting) that the date was
    cancelled or moved (``what``: "date_cancelled" or "date_moved"), on commit. The events-core
    part's services call it when they change an occurrence; the number told."""
    people = list(
        EventRegistration.objects.filter(
            occurrence=occurrence,
            status__in=(*TAKING, RegistrationStatus.WAITING),
            anonymised_at__isnull=True,
        )
    )
    for registration in people:
        _mail_on_commit(registration, what)
    return len(people)


def _mail_on_commit(registration: EventRegistration, what: str, *, token: str | None = None):
    from .tasks import registration_mail

    if not registration.email:
        return
    url = registration_url(registration=registration, token=token) if token else ""
    transaction.on_commit(lambda: registration_mail.enqueue(registration.pk, what, url))


def registration_url(*, registration: EventRegistration, token: str) -> str:
    """The resident's page (absolute, for a mail); empty if the site has no programme page."""
    from .selectors import programme_page_for

    page = programme_page_for(
        municipality=registration.event.municipality, language=registration.language
    )
    if page is None:
        return ""
    return page.get_full_url() + page.reverse_subpage(
        "registration", args=[registration.code, token]
    )


def _months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def registrations_anonymise_expired(*, now=None) -> int:
    """Empty the personal data of registrations for events that ended longer ago than each
    municipality's retention period; the periodic task, safe to run twice. The number done."""
    now = now or timezone.now()
    count = 0
    for municipality in municipality_list_all():
        cutoff = _months_before(now, municipality.personal_data_retention_months)
        expired = EventRegistration.objects.filter(
            municipality=municipality, anonymised_at__isnull=True
        ).filter(
            Q(occurrence__isnull=False, occurrence__ends_at__lt=cutoff)
            | Q(occurrence__isnull=True, event__ends_at__lt=cutoff)
        )
        count += expired.update(
            name="",
            email="",
            phone="",
            guardian_name="",
            guardian_contact="",
            age=None,
            answers={},
            anonymised_at=now,
        )
    return count


# What a change of a date (``events.signals.occurrence_changed``) tells its registrants.
DATE_CHANGE_MAIL = {
    "cancelled": "date_cancelled",
    "postponed": "date_cancelled",
    "moved": "date_moved",
}


def registrants_tell(sender=None, *, occurrence_id, change, **kwargs) -> int:
    """Receiver of ``occurrence_changed``: mail the people registered for a date that was
    cancelled, postponed or moved (a removed date has nobody: the services cancel instead)."""
    what = DATE_CHANGE_MAIL.get(change)
    occurrence = Occurrence.objects.filter(pk=occurrence_id).first() if what else None
    if occurrence is None:
        return 0
    return registrations_notify_date_changed(occurrence=occurrence, what=what)
