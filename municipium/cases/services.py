"""Every change of a case: named services that take the acting user (``by``; None is the
system or, with ``by_resident``, the resident on the tracking page), run in one transaction,
validate, write one timeline entry and one audit entry (``core.audit``), and queue their side
effects on commit. Deadlines come from the municipality's clock (``tenancy.clock``)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from municipium.core.audit import audit_log, snapshot
from municipium.organisation.selectors import unit_member_ids
from municipium.tenancy import clock
from municipium.tenancy.services import staff_check

from . import kinds
from .models import Attachment, Case, CaseSequence, Entry, Link, Pause
from .rollup import figures_touch
from .selectors import case_may_act

AUDITED_FIELDS = (
    "unit",
    "owner",
    "status",
    "due_at",
    "paused_since",
    "stopped_at",
    "closed_at",
    "extension_days",
    "escalation_level",
    "first_answered_at",
    "answered_in_time",
    "disputes",
)
MAX_EXTENSION_DAYS = 60


def case_snapshot(case: Case) -> dict:
    return snapshot(case, fields=AUDITED_FIELDS)


def _audit(case: Case, verb: str, *, by, before: dict | None, extra: dict | None = None):
    audit_log(
        instance=case,
        action=f"cases.case.{verb}",
        by=by,
        municipality=case.municipality_id,
        unit=case.unit_id,
        before=before,
        after=case_snapshot(case),
        extra={"kind": case.kind, **(extra or {})},
        title=str(case),
    )


def _entry(case: Case, kind: str, *, by, public: bool, at=None, **fields) -> Entry:
    return Entry.objects.create(
        case=case,
        kind=kind,
        by=by if by is not None and by.is_authenticated else None,
        is_public=public,
        created_at=at or timezone.now(),
        **fields,
    )


def _check_may_act(case: Case, by) -> None:
    if not case_may_act(case=case, user=by):
        raise PermissionDenied(_("You may not act on this case."))


def _locked(case: Case) -> Case:
    """The case read again under a row lock, so that two people acting at once take turns
    and the second sees the first one's change."""
    return Case.objects.select_for_update().select_related("municipality", "unit").get(pk=case.pk)


def _next_reference(municipality, year: int) -> str:
    CaseSequence.objects.get_or_create(municipality=municipality, year=year)
    sequence = CaseSequence.objects.select_for_update().get(municipality=municipality, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{year % 100:02d}-{sequence.last:05d}"


def _pauses(case: Case, now: datetime.datetime) -> list[tuple]:
    return [(pause.started_at, pause.ended_at or now) for pause in case.pauses.all()]


def case_deadline(case: Case, *, now: datetime.datetime | None = None) -> datetime.datetime:
    """When the case is due: its working or calendar days from receipt, less its pauses (an
    open pause counts up to ``now``), plus its extensions; through the municipality's clock."""
    return clock.due_at(
        case.municipality,
        case.received_at,
        working_days=case.working_days,
        calendar_days=case.calendar_days,
        pauses=_pauses(case, now or timezone.now()) if case.pk else (),
        extension_days=case.extension_days,
    )


@transaction.atomic
def case_open(
    *,
    municipality,
    kind: str,
    unit,
    title: str,
    by,
    language: str,
    channel: str = "web",
    description: str = "",
    filed_at: datetime.datetime | None = None,
    deadline: kinds.ClockRule | None = None,
    owner=None,
    status: str | None = None,
) -> Case:
    """Open a case of a registered ``kind`` in ``unit``: a reference, a tracking token, the
    clock started at receipt (the next opening after hours) with the kind's deadline unless
    ``deadline`` (a category's target, say) says otherwise. ``by`` is the member of staff who
    files it (an operator for a caller) or None (the resident, through a form or the API)."""
    declared = kinds.get(kind)
    staff_check(by=by, municipality_ids=[municipality.pk])
    if unit.municipality_id != municipality.pk:
        raise ValidationError({"unit": _("Choose a unit of this municipality.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit is closed: choose another.")})
    if status is not None and status != declared.initial and status not in declared.also_starts_in:
        raise ValidationError(_("A case of this kind cannot start in that status."))
    rule = deadline or declared.clock
    filed_at = filed_at or timezone.now()
    case = Case(
        municipality=municipality,
        unit=unit,
        owner=owner,
        kind=declared.code,
        status=status or declared.initial,
        channel=channel,
        title=title.strip(),
        description=description.strip(),
        language=language,
        filed_at=filed_at,
        received_at=clock.received_at(municipality, filed_at),
        working_days=rule.working_days,
        calendar_days=rule.calendar_days,
    )
    case.due_at = case_deadline(case)
    case.reference = _next_reference(municipality, timezone.localtime(filed_at).year)
    case.full_clean()
    case.save()
    _entry(
        case,
        Entry.Kind.OPENED,
        by=by,
        public=True,
        at=filed_at,
        status_to=case.status,
        data={"channel": channel},
    )
    figures_touch(case=case)
    _audit(case, "open", by=by, before=None)
    return case


def _apply_clock(case: Case, source: kinds.Status, target: kinds.Status, *, reason: str, now):
    if target.clock == kinds.Clock.PAUSED and source.clock != kinds.Clock.PAUSED:
        Pause.objects.create(case=case, started_at=now, reason=reason[:255] or target.label)
        case.paused_since = now
    if source.clock == kinds.Clock.PAUSED and target.clock != kinds.Clock.PAUSED:
        case.pauses.filter(ended_at__isnull=True).update(ended_at=now)
        case.paused_since = None
    if target.clock == kinds.Clock.STOPPED:
        case.stopped_at = now
    elif source.clock == kinds.Clock.STOPPED:
        case.stopped_at = None  # reopened: the unit works on it again
    case.closed_at = now if target.is_closed else None
    case.due_at = case_deadline(case, now=now)


def _count_for_figures(case: Case, move, source, target, *, now) -> None:
    """The figures' fields: the first answer (when, in working days after receipt, whether
    by the deadline then in force) and each answer the resident rejects."""
    if move.answers and case.first_answered_at is None:
        case.first_answered_at = now
        case.answer_working_days = max(
            clock.working_days_between(case.municipality, case.received_at, now), 0
        )
        case.answered_in_time = case.due_at is None or now <= case.due_at
    if (
        move.by_resident
        and source.clock == kinds.Clock.STOPPED
        and target.clock == kinds.Clock.RUNNING
    ):
        case.disputes += 1


@transaction.atomic
def case_transition(
    *, case: Case, transition: str, by, note: str = "", by_resident: bool = False
) -> Case:
    """Move ``case`` along one of its kind's transitions: staff (``by``), or the resident
    (``by_resident=True``, ``by=None``, for the transitions the kind gives residents, such as
    accepting or rejecting an answer)."""
    case = _locked(case)
    if by_resident:
        by = None
    else:
        _check_may_act(case, by)
    declared = kinds.get(case.kind)
    try:
        move = declared.transition(transition)
    except KeyError:
        raise ValidationError(_("This case cannot be moved that way.")) from None
    source = declared.status(case.status)
    if case.status not in move.sources or move.by_resident != by_resident:
        raise ValidationError(
            _("A case that is %(status)s cannot be %(action)s.")
            % {"status": source.label, "action": move.label}
        )
    note = note.strip()
    if move.note_required and not note:
        raise ValidationError({"note": _("Write why: the reason is kept with the case.")})
    before = case_snapshot(case)
    target = declared.status(move.target)
    now = timezone.now()
    _count_for_figures(case, move, source, target, now=now)
    _apply_clock(case, source, target, reason=note, now=now)
    case.status = target.code
    case.save()
    entry = _entry(
        case,
        Entry.Kind.TRANSITION,
        by=by,
        public=move.public,
        at=now,
        by_resident=by_resident,
        status_from=source.code,
        status_to=target.code,
        body=note,
        data={"transition": move.code},
    )
    figures_touch(case=case)
    _audit(case, "transition", by=by, before=before, extra={"transition": move.code})
    for hook in declared.on_transition:
        transaction.on_commit(lambda hook=hook: hook(case=case, transition=move, entry=entry))
    return case


@transaction.atomic
def case_assign(*, case: Case, owner, by) -> Case:
    """Give the case to a member of its unit (or take it from everyone: ``owner=None``)."""
    case = _locked(case)
    _check_may_act(case, by)
    if owner is not None and owner.pk not in unit_member_ids(unit_ids=[case.unit_id]):
        raise ValidationError({"owner": _("Choose a member of the case's unit.")})
    if owner == case.owner:
        return case
    before = case_snapshot(case)
    case.owner = owner
    case.save()
    _entry(
        case,
        Entry.Kind.ASSIGNED,
        by=by,
        public=False,
        data={"owner": owner.pk if owner else None},
    )
    _audit(case, "assign", by=by, before=before)
    return case


@transaction.atomic
def case_route(*, case: Case, unit, by, reason: str) -> Case:
    """Send the case to another unit of its municipality, with the reason; its owner is
    cleared, for the new unit to assign."""
    case = _locked(case)
    _check_may_act(case, by)
    reason = reason.strip()
    if unit.municipality_id != case.municipality_id or not unit.is_active:
        raise ValidationError({"unit": _("Choose an open unit of this municipality.")})
    if unit.pk == case.unit_id:
        raise ValidationError({"unit": _("The case is already with this unit.")})
    if not reason:
        raise ValidationError({"reason": _("Write why the case goes to another unit.")})
    before = case_snapshot(case)
    previous = case.unit_id
    case.unit, case.owner = unit, None
    case.save()
    _entry(
        case,
        Entry.Kind.ROUTED,
        by=by,
        public=True,
        body=reason,
        data={"from_unit": previous, "to_unit": unit.pk},
    )
    figures_touch(case=case)  # its figures move to the new unit
    _audit(case, "route", by=by, before=before, extra={"reason": reason})
    return case


@transaction.atomic
def case_note(*, case: Case, by, body: str, public: bool = False) -> Entry:
    """A note on the timeline: internal, or shown to the resident (``public``)."""
    case = _locked(case)
    _check_may_act(case, by)
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("The note is empty.")})
    entry = _entry(case, Entry.Kind.NOTE, by=by, public=public, body=body)
    audit_log(
        instance=case,
        action="cases.case.note",
        by=by,
        municipality=case.municipality_id,
        unit=case.unit_id,
        extra={"kind": case.kind, "entry": entry.pk, "public": public},
        title=str(case),
    )
    return entry


@transaction.atomic
def case_extend(*, case: Case, days: int, by, reason: str) -> Case:
    """Extend the deadline by ``days`` (of the case's own count: working or calendar), with
    the reason the resident is told."""
    case = _locked(case)
    _check_may_act(case, by)
    reason = reason.strip()
    errors = {}
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        errors["days"] = _("Extend by 1 to %(max)s days.") % {"max": MAX_EXTENSION_DAYS}
    if not reason:
        errors["reason"] = _("Write why more time is needed: the resident is told.")
    if errors:
        raise ValidationError(errors)
    declared = kinds.get(case.kind)
    if declared.status(case.status).is_closed:
        raise ValidationError(_("A closed case has no deadline to extend."))
    before = case_snapshot(case)
    case.extension_days += days
    case.due_at = case_deadline(case)
    case.save()
    _entry(
        case,
        Entry.Kind.EXTENDED,
        by=by,
        public=True,
        body=reason,
        data={"days": days, "due_at": case.due_at.isoformat()},
    )
    figures_touch(case=case)  # a new day due: the rollup of open cases counts per day due
    _audit(case, "extend", by=by, before=before, extra={"reason": reason, "days": days})
    return case


@transaction.atomic
def case_link(*, case: Case, other: Case, kind: str, by) -> Link:
    """Relate ``case`` to ``other``: a duplicate of it, forwarded to it (which may be in
    another municipality of the installation), or following it up."""
    case = _locked(case)
    _check_may_act(case, by)
    if kind not in Link.Kind.values:
        raise ValidationError({"kind": _("Choose how the cases are related.")})
    if other.pk == case.pk:
        raise ValidationError({"other": _("A case cannot be linked to itself.")})
    if kind != Link.Kind.FORWARDED_TO and other.municipality_id != case.municipality_id:
        raise ValidationError({"other": _("Choose a case of this municipality.")})
    if (
        kind == Link.Kind.DUPLICATE_OF
        and Link.objects.filter(case=other, kind=Link.Kind.DUPLICATE_OF).exists()
    ):
        raise ValidationError({"other": _("That case is itself a duplicate: choose the first.")})
    link, created = Link.objects.get_or_create(case=case, other=other, kind=kind)
    if created:
        _entry(
            case,
            Entry.Kind.LINKED,
            by=by,
            public=kind != Link.Kind.FOLLOWS_UP,
            data={"link": kind, "other": other.pk, "reference": other.reference},
        )
        audit_log(
            instance=case,
            action="cases.case.link",
            by=by,
            municipality=case.municipality_id,
            unit=case.unit_id,
            extra={"kind": case.kind, "link": kind, "other": other.pk},
            title=str(case),
        )
    return link


@transaction.atomic
def case_escalate(*, case: Case, recipients: list[int], level: int) -> Case:
    """Record that the overdue ``case`` went up to ``level`` (1: its unit's managers, 2: the
    mayor's office), telling ``recipients`` (user ids). By the system (the escalation task)."""
    case = _locked(case)
    if level <= case.escalation_level:
        return case  # already there: the task may run twice
    before = case_snapshot(case)
    case.escalation_level = level
    case.save(update_fields=["escalation_level", "updated_at"])
    _entry(
        case,
        Entry.Kind.ESCALATED,
        by=None,
        public=False,
        data={"level": level, "recipients": sorted(recipients)},
    )
    _audit(case, "escalate", by=None, before=before, extra={"level": level})
    return case


@transaction.atomic
def case_remind(*, case: Case, recipients: list[int]) -> Entry | None:
    """Record that ``recipients`` (user ids) were reminded that ``case`` is due soon: an
    internal timeline entry, once per deadline (an extension gives a new one). By the system
    (the reminder task); None when this deadline's reminder was already sent."""
    case = _locked(case)
    due = case.due_at.isoformat() if case.due_at else ""
    if case.entries.filter(kind=Entry.Kind.NOTE, data__reminder_for=due).exists():
        return None
    entry = _entry(
        case,
        Entry.Kind.NOTE,
        by=None,
        public=False,
        body=_reminder_text(case),
        data={"reminder_for": due, "recipients": sorted(recipients)},
    )
    _audit(
        case,
        "remind",
        by=None,
        before=case_snapshot(case),
        extra={"recipients": sorted(recipients)},
    )
    return entry


def _reminder_text(case: Case) -> str:
    with translation.override(case.language):
        return _("Reminder sent: the case is due soon.")


def case_attachments_copy(*, source: Case, target: Case) -> list[Attachment]:
    """Copy ``source``'s files to ``target`` (a forwarded case), each a file of its own in the
    private storage: for a service that opened ``target`` in its own transaction."""
    copies = []
    for attachment in source.attachments.all():
        with attachment.file.open("rb") as handle:
            content = ContentFile(handle.read())
        copy = Attachment(
            case=target,
            name=attachment.name,
            content_type=attachment.content_type,
            size=attachment.size,
            is_public=attachment.is_public,
            uploaded_by=attachment.uploaded_by,
        )
        copy.file.save(attachment.name, content, save=False)
        copy.save()
        copies.append(copy)
    return copies


@transaction.atomic
def case_attach(
    *,
    case: Case,
    name: str,
    content: bytes,
    content_type: str,
    by,
    public: bool = False,
    by_resident: bool = False,
):
    """Keep a file with the case in the private storage (``content`` already checked and
    cleaned by the caller, e.g. ``cases.attachments.image_clean``): staff (``by``), or the
    resident who files the case (``by_resident=True``, ``by=None``). One timeline entry (the
    file's name, never shown to the public unless ``public``) and one audit entry."""
    case = _locked(case)
    if by_resident:
        by = None
    else:
        _check_may_act(case, by)
    attachment = Attachment(
        case=case,
        name=name[:255],
        content_type=content_type,
        size=len(content),
        is_public=public,
        uploaded_by=by if by is not None and by.is_authenticated else None,
    )
    attachment.file.save(name[:100], ContentFile(content), save=False)
    attachment.save()
    _entry(
        case,
        Entry.Kind.ATTACHED,
        by=by,
        public=public,
        by_resident=by_resident,
        data={"attachment": attachment.pk, "name": attachment.name},
    )
    audit_log(
        instance=case,
        action="cases.case.attach",
        by=by,
        municipality=case.municipality_id,
        unit=case.unit_id,
        extra={
            "kind": case.kind,
            "attachment": attachment.pk,
            "name": attachment.name,
            "size": attachment.size,
        },
        title=str(case),
    )
    return attachment


def case_resident_files_delete(*, case: Case) -> int:
    """Delete the files the resident sent with ``case`` (attachments no member of staff
    uploaded), from the private storage and the database: for a kind's anonymisation, inside
    that kind's audited service, which records how many went. The number deleted."""
    count = 0
    for attachment in case.attachments.filter(uploaded_by__isnull=True):
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        # Once committed: a rolled-back anonymisation keeps its files.
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        count += 1
    return count
