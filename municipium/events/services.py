"""Changes to a municipality's programme: events with their texts per language, their days
off and their dates.

Each is a named service taking the acting user (``by``; None for the system and the demo): one
transaction, validated (messages in the user's language, on the field they concern), one audit
entry with what changed, the site's cached pages purged on commit. A change to a date that
people may have planned around (cancelled, postponed, moved, removed) is announced on commit
through ``events.signals.occurrence_changed``.

``event_save`` expands the dates from the event's rule (``events.recurrence``) again at every
save: a date nobody changed follows the rule, a date changed by hand (``is_changed``: moved,
cancelled, or added as an extra session) is kept as it is.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from municipium.core.audit import audit_log, audited_delete, audited_save, snapshot
from municipium.culture.choices import Audience
from municipium.organisation.selectors import unit_ids_for_user
from municipium.tenancy.services import (
    municipality_purge_cache_on_commit,
    staff_check,
    stored_municipality_id,
)

from .models import Event, EventException, EventText, Occurrence, Registration, Status
from .recurrence import expand, rule_normalise, zone_get
from .signals import occurrence_changed

TEXT_FIELDS = ("title", "slug", "summary", "description", "price_note", "accessibility")


# Snapshots and announcements ---------------------------------------------------------------


def event_snapshot(event: Event) -> dict:
    texts = {
        row.language: {name: getattr(row, name) for name in TEXT_FIELDS}
        for row in event.texts.all()
    }
    return snapshot(
        event,
        fields=[
            field.name
            for field in Event._meta.concrete_fields
            if field.name not in {"created_at", "updated_at"}
        ],
        extra={
            "texts": texts,
            "exceptions": sorted(row.date.isoformat() for row in event.exceptions.all()),
            "partners": sorted(partner.pk for partner in event.partners.all()),
        },
    )


def _state(occurrence: Occurrence) -> dict:
    return {
        "starts_at": occurrence.starts_at.astimezone(datetime.UTC).isoformat(),
        "ends_at": occurrence.ends_at.astimezone(datetime.UTC).isoformat(),
        "status": occurrence.status,
    }


def _announce(occurrence: Occurrence, *, change: str, before: dict, after: dict | None, by):
    kwargs = {
        "occurrence_id": occurrence.pk,
        "event_id": occurrence.event_id,
        "municipality_id": occurrence.municipality_id,
        "change": change,
        "before": before,
        "after": after,
        "by": getattr(by, "pk", None),
    }
    transaction.on_commit(lambda: occurrence_changed.send(sender=Occurrence, **kwargs))


def _change_of(before: dict, after: dict) -> str | None:
    if after["status"] != before["status"]:
        if after["status"] == Status.CANCELLED:
            return "cancelled"
        if after["status"] == Status.POSTPONED:
            return "postponed"
        if after["status"] == Status.SCHEDULED and before["status"] in {
            Status.CANCELLED,
            Status.POSTPONED,
        }:
            return "restored"
    if (after["starts_at"], after["ends_at"]) != (before["starts_at"], before["ends_at"]):
        return "moved"
    return None


# Rights ------------------------------------------------------------------------------------


def _unit_check(*, by, event: Event, unit_ids) -> None:
    """Staff change the events of the units they act in (a director: the units below too)."""
    if by is None or by.is_superuser:
        return
    allowed = unit_ids_for_user(municipality=event.municipality, user=by)
    if {pk for pk in unit_ids if pk is not None} - allowed:
        raise PermissionDenied(_("This event belongs to a unit you do not work in."))


def _rights_check(*, by, event: Event) -> None:
    staff_check(by=by, municipality_ids=[event.municipality_id, stored_municipality_id(event)])
    stored_unit = None
    if event.pk:
        stored_unit = Event.objects.filter(pk=event.pk).values_list("unit_id", flat=True).first()
    _unit_check(by=by, event=event, unit_ids=[event.unit_id, stored_unit])


# Validation --------------------------------------------------------------------------------


def _texts_check(event: Event, errors: dict) -> None:
    rows = list(event.texts.all())
    if not rows:
        errors.setdefault("__all__", []).append(_("Give a title in at least one language."))
        return
    languages = [row.language for row in rows]
    if len(set(languages)) != len(languages):
        errors.setdefault("__all__", []).append(_("Give one text per language."))
    if unknown := set(languages) - set(event.municipality.languages):
        errors.setdefault("__all__", []).append(
            _("The municipality does not publish in %(languages)s.")
            % {"languages": ", ".join(sorted(unknown))}
        )
    if any(not (row.title or "").strip() for row in rows):
        errors.setdefault("__all__", []).append(_("Give the event a title in each language."))


def _event_check(event: Event) -> None:
    errors: dict[str, list] = {}
    municipality_id = event.municipality_id
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = [_("An event ends after it starts.")]
    if event.age_min is not None and event.age_max is not None and event.age_min > event.age_max:
        errors["age_max"] = [_("The upper age is below the lower one.")]
    if event.audience == Audience.CHILDREN and event.age_min is None and event.age_max is None:
        errors["age_min"] = [_("Say for which ages an event for children is.")]
    if event.registration != Registration.NONE and not event.capacity:
        errors["capacity"] = [_("Say how many places there are when people register.")]
    if event.is_free:
        event.price = None
    elif event.price is None or event.price <= 0:
        errors["price"] = [_("Give the price of an event that is not free.")]
    if event.venue_id and event.venue.municipality_id != municipality_id:
        errors["venue"] = [_("This venue belongs to another municipality.")]
    if event.unit_id and event.unit.municipality_id != municipality_id:
        errors["unit"] = [_("This unit belongs to another municipality.")]
    if any(partner.municipality_id != municipality_id for partner in event.partners.all()):
        errors["partners"] = [_("A partner chosen here works with another municipality.")]
    _texts_check(event, errors)
    if errors:
        raise ValidationError(errors)


def _slugs_set(event: Event) -> None:
    """Each text's slug, made from its title when empty, unique among the municipality's
    events in that language (``-2``, ``-3`` added)."""
    for row in event.texts.all():
        base = slugify(row.slug or row.title, allow_unicode=True)[:240] or "event"
        taken = set(
            EventText.objects.filter(
                event__municipality_id=event.municipality_id,
                language=row.language,
                slug__startswith=base,
            )
            .exclude(event_id=event.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        row.slug = slug


def _text_rows(event: Event, texts: dict[str, dict]) -> list[EventText]:
    existing = {row.language: row for row in event.texts.all()} if event.pk else {}
    rows = []
    for index, (language, fields) in enumerate(texts.items()):
        row = existing.get(language) or EventText(language=language)
        for name in TEXT_FIELDS:
            if name in fields:
                setattr(row, name, fields[name] or "")
        row.sort_order = index
        rows.append(row)
    return rows


def _exception_rows(event: Event, dates) -> list[EventException]:
    existing = {row.date: row for row in event.exceptions.all()} if event.pk else {}
    return [existing.get(day) or EventException(date=day) for day in sorted(set(dates))]


# Dates -------------------------------------------------------------------------------------


def _planned(event: Event):
    return expand(
        rule=event.recurrence,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        time_zone=event.time_zone,
        exceptions=[row.date for row in event.exceptions.all()],
    )


def _has_people(occurrence: Occurrence) -> bool:
    """Someone is registered (and has not cancelled) or a class is booked for the date."""
    return (
        occurrence.registrations.exclude(status="cancelled").exists()
        or occurrence.class_bookings.exists()
    )


def _occurrences_sync(event: Event, planned, *, by) -> None:
    """The event's dates become ``planned`` ((start, end) in UTC), except those changed by
    hand, which stay as they are and keep their planned start from being planned again."""
    single = not event.recurrence
    existing = list(event.occurrences.all())
    taken = {row.original_start for row in existing if row.is_changed}
    plain = {row.original_start: row for row in existing if not row.is_changed}
    # A single event that becomes a repeating one (or back) keeps its date if the rule has it.
    if not single and None in plain:
        row = plain.pop(None)
        plain.setdefault(row.starts_at, row)
    if single and None not in plain:
        first = plain.pop(event.starts_at, None)
        if first is not None:
            plain[None] = first
    wanted = {}
    for start, end in planned:
        key = None if single else start
        if key not in taken:
            wanted[key] = (start, end)
    for key, row in plain.items():
        if key not in wanted:
            before = _state(row)
            if _has_people(row):
                # People are coming: the date is cancelled (and they are told), never deleted.
                row.status, row.is_changed = Status.CANCELLED, True
                row.save(update_fields=["status", "is_changed"])
                _announce(row, change="cancelled", before=before, after=_state(row), by=by)
                continue
            _announce(row, change="removed", before=before, after=None, by=by)
            row.delete()
    for key, (start, end) in wanted.items():
        row = plain.get(key)
        if row is None:
            Occurrence.objects.create(
                event=event,
                municipality_id=event.municipality_id,
                starts_at=start,
                ends_at=end,
                original_start=key,
                status=event.status,
            )
            continue
        before, rekeyed = _state(row), row.original_start != key
        row.starts_at, row.ends_at, row.original_start = start, end, key
        after = _state(row)
        if before != after or rekeyed:
            row.save(update_fields=["starts_at", "ends_at", "original_start"])
            if (change := _change_of(before, after)) is not None:
                _announce(row, change=change, before=before, after=after, by=by)


# Events ------------------------------------------------------------------------------------


@transaction.atomic
def event_save(
    *, event: Event, by, texts: dict | None = None, exceptions=None, partners=None
) -> Event:
    """Create or change an event: its fields, its ``texts`` (``{language: {title, summary,
    description, price_note, accessibility, slug}}``; None: the rows the event carries, as
    the admin's form gives them), its days off (``exceptions``: local dates) and partners,
    then its dates expanded again. A slug is made from the title where none is given."""
    _rights_check(by=by, event=event)
    if texts is not None:
        event.texts = _text_rows(event, texts)
    if exceptions is not None:
        event.exceptions = _exception_rows(event, exceptions)
    if partners is not None:
        event.partners.set(list(partners))
    if not event.time_zone:
        event.time_zone = event.municipality.time_zone
    event.recurrence = rule_normalise(event.recurrence)
    _event_check(event)
    planned = _planned(event)
    if not planned:
        raise ValidationError(
            {"recurrence": _("This rule and these days off leave the event no date.")}
        )
    _slugs_set(event)
    audited_save(
        event,
        by=by,
        action_prefix="events.event",
        municipality=event.municipality_id,
        unit=event.unit_id,
        snapshot_of=event_snapshot,
    )
    _occurrences_sync(event, planned, by=by)
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
    return event


def _event_log(event: Event, *, action: str, by, before: dict, extra=None) -> None:
    audit_log(
        instance=event,
        action=action,
        by=by,
        municipality=event.municipality_id,
        unit=event.unit_id,
        before=before,
        after=event_snapshot(event),
        extra=extra,
    )


def _event_status_set(event: Event, *, status: str, by, action: str, note: str) -> Event:
    _rights_check(by=by, event=event)
    before = event_snapshot(event)
    event.status = status
    event.save(update_fields=["status", "updated_at"])
    upcoming = event.occurrences.filter(ends_at__gte=timezone.now()).exclude(status=status)
    changed = []
    for row in upcoming:
        state = _state(row)
        row.status = status
        if note:
            row.note = note[:255]
        row.save(update_fields=["status", "note"])
        changed.append(row.pk)
        if (change := _change_of(state, _state(row))) is not None:
            _announce(row, change=change, before=state, after=_state(row), by=by)
    _event_log(event, action=action, by=by, before=before, extra={"occurrences": changed})
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by, note: str = "") -> Event:
    """Cancel the event and each of its dates still to come (those past stay as they were)."""
    return _event_status_set(
        event, status=Status.CANCELLED, by=by, action="events.event.cancel", note=note
    )


@transaction.atomic
def event_postpone(*, event: Event, by, note: str = "") -> Event:
    """Postpone the event and its dates still to come, to dates not yet known (schema.org's
    EventPostponed); moving them to known dates is ``occurrence_change`` or a new rule."""
    return _event_status_set(
        event, status=Status.POSTPONED, by=by, action="events.event.postpone", note=note
    )


@transaction.atomic
def event_reschedule(*, event: Event, by) -> Event:
    """The event and its cancelled or postponed dates still to come are scheduled again."""
    return _event_status_set(
        event, status=Status.SCHEDULED, by=by, action="events.event.reschedule", note=""
    )


def _published_set(event: Event, *, by, value: bool) -> Event:
    _rights_check(by=by, event=event)
    if event.is_published == value:
        return event
    before = event_snapshot(event)
    event.is_published = value
    event.save(update_fields=["is_published", "updated_at"])
    action = "events.event.publish" if value else "events.event.unpublish"
    _event_log(event, action=action, by=by, before=before)
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
    return event


@transaction.atomic
def event_publish(*, event: Event, by) -> Event:
    return _published_set(event, by=by, value=True)


@transaction.atomic
def event_unpublish(*, event: Event, by) -> Event:
    return _published_set(event, by=by, value=False)


@transaction.atomic
def event_delete(*, event: Event, by) -> None:
    """Delete an event and its dates; its dates still to come are announced as removed."""
    _rights_check(by=by, event=event)
    if any(_has_people(row) for row in event.occurrences.all()):
        raise ValidationError(
            _("People are registered for this event: cancel it instead, so that they are told.")
        )
    for row in event.occurrences.filter(ends_at__gte=timezone.now()):
        _announce(row, change="removed", before=_state(row), after=None, by=by)
    municipality_id = event.municipality_id
    try:
        audited_delete(
            event,
            by=by,
            action_prefix="events.event",
            municipality=municipality_id,
            unit=event.unit_id,
            snapshot_of=event_snapshot,
        )
    except ProtectedError as error:
        raise ValidationError(_("Other records still refer to this event.")) from error
    municipality_purge_cache_on_commit(municipality_id=municipality_id)


# Dates -------------------------------------------------------------------------------------


@transaction.atomic
def occurrence_change(
    *,
    occurrence: Occurrence,
    by,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
    status: str | None = None,
    note: str = "",
) -> Occurrence:
    """Move, cancel, postpone or restore one date. It is then ``is_changed``: a new
    expansion of the rule keeps it, and its ``original_start`` (RECURRENCE-ID) says which of
    the rule's dates it replaces."""
    event = occurrence.event
    _rights_check(by=by, event=event)
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
    before = _state(occurrence)
    if starts_at is not None and ends_at is None:
        ends_at = starts_at + (occurrence.ends_at - occurrence.starts_at)
    occurrence.starts_at = starts_at or occurrence.starts_at
    occurrence.ends_at = ends_at or occurrence.ends_at
    if occurrence.ends_at <= occurrence.starts_at:
        raise ValidationError({"ends_at": _("A date ends after it starts.")})
    if status is not None:
        if status not in Status.values:
            raise ValidationError({"status": _("This is not a status of a date.")})
        occurrence.status = status
    if note:
        occurrence.note = note[:255]
    after = _state(occurrence)
    if before == after and not note:
        return occurrence
    occurrence.is_changed = True
    occurrence.save()
    audit_log(
        instance=event,
        action="events.occurrence.edit",
        by=by,
        municipality=event.municipality_id,
        unit=event.unit_id,
        before=before,
        after=after,
        extra={
            "occurrence": occurrence.pk,
            "original_start": occurrence.original_start,
            "note": occurrence.note,
        },
    )
    if (change := _change_of(before, after)) is not None:
        _announce(occurrence, change=change, before=before, after=after, by=by)
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
    return occurrence


@transaction.atomic
def occurrence_add(
    *, event: Event, by, starts_at: datetime.datetime, ends_at: datetime.datetime, note=""
) -> Occurrence:
    """An extra date of the event outside its rule (iCalendar's RDATE): a course's session
    on an irregular day. A new expansion of the rule keeps it."""
    _rights_check(by=by, event=event)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A date ends after it starts.")})
    if event.occurrences.filter(starts_at=starts_at).exists():
        raise ValidationError({"starts_at": _("The event already has a date at this time.")})
    occurrence = Occurrence.objects.create(
        event=event,
        municipality_id=event.municipality_id,
        starts_at=starts_at,
        ends_at=ends_at,
        original_start=starts_at,
        is_changed=True,
        note=note[:255],
        status=Status.SCHEDULED,
    )
    audit_log(
        instance=event,
        action="events.occurrence.create",
        by=by,
        municipality=event.municipality_id,
        unit=event.unit_id,
        before=None,
        after=_state(occurrence),
        extra={"occurrence": occurrence.pk},
    )
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
    return occurrence


@transaction.atomic
def occurrence_delete(*, occurrence: Occurrence, by) -> None:
    """Take one date away: a date added by hand is deleted; a date of the rule becomes a day
    off of the event (so that a new expansion does not bring it back). The only date of a
    single event is not deleted: delete or cancel the event."""
    event = occurrence.event
    _rights_check(by=by, event=event)
    before = _state(occurrence)
    if not event.recurrence and occurrence.original_start is None:
        raise ValidationError(_("This is the event's only date: cancel or delete the event."))
    if _has_people(occurrence):
        raise ValidationError(
            _("People are registered for this date: cancel it instead, so that they are told.")
        )
    from_rule = bool(event.recurrence) and occurrence.original_start in {
        start for start, _end in _planned(event)
    }
    if from_rule:
        day = occurrence.original_start.astimezone(zone_get(event.time_zone)).date()
        EventException.objects.get_or_create(event=event, date=day)
    _announce(occurrence, change="removed", before=before, after=None, by=by)
    audit_log(
        instance=event,
        action="events.occurrence.delete",
        by=by,
        municipality=event.municipality_id,
        unit=event.unit_id,
        before=before,
        after=None,
        extra={"occurrence": occurrence.pk, "day_off": from_rule},
    )
    occurrence.delete()
    municipality_purge_cache_on_commit(municipality_id=event.municipality_id)
