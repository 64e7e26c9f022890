"""Filing a citizen request, from any channel, in one transaction: the case (through the
engine's ``case_open``) and its request part, or nothing."""

from __future__ import annotations

import calendar
import datetime
import decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from municipium.cases.attachments import image_clean
from municipium.cases.escalation import case_escalate_one_level
from municipium.cases.kinds import ClockRule
from municipium.cases.selectors import case_list_stopped_before
from municipium.cases.services import (
    case_attach,
    case_attachments_copy,
    case_link,
    case_note,
    case_open,
    case_resident_files_delete,
    case_transition,
)
from municipium.core.audit import audit_log, snapshot
from municipium.tenancy import clock
from municipium.tenancy.selectors import municipality_list_all
from municipium.tenancy.services import municipality_owned_delete, municipality_owned_save

from .kind import CLOSE_UNANSWERED_AFTER_DAYS, CODE
from .models import Attribute, Category, CitizenRequest, ResponseTemplate
from .tasks import request_mail

TITLE_LENGTH = 80


def _answer(attribute: Attribute, raw) -> object:
    """The answer to one question, checked against its kind; raises ValueError."""
    if attribute.datatype == Attribute.Datatype.NUMBER:
        return str(decimal.Decimal(str(raw).strip()))
    if attribute.datatype == Attribute.Datatype.DATETIME:
        return datetime.datetime.fromisoformat(str(raw).strip()).isoformat()
    keys = {value.get("key") for value in attribute.values}
    if attribute.datatype == Attribute.Datatype.SINGLE:
        if raw not in keys:
            raise ValueError(raw)
        return raw
    if attribute.datatype == Attribute.Datatype.MULTI:
        chosen = list(raw) if isinstance(raw, list | tuple) else [raw]
        if not chosen or not set(chosen) <= keys:
            raise ValueError(raw)
        return chosen
    return str(raw).strip()


def request_answers_clean(*, category: Category, answers: dict) -> dict:
    """The answers to the category's questions, checked: required ones given, each of the
    right kind; unknown ones dropped. Raises ValidationError naming each question."""
    cleaned, errors = {}, {}
    for attribute in category.attributes.all():
        raw = answers.get(attribute.code)
        if raw in (None, "", []):
            if attribute.required:
                errors[attribute.code] = _("Please answer this question.")
            continue
        try:
            cleaned[attribute.code] = _answer(attribute, raw)
        except (ValueError, ArithmeticError):
            errors[attribute.code] = _("This answer is not one the question accepts.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def _title(category: Category, description: str, language: str) -> str:
    first_line = description.strip().splitlines()[0] if description.strip() else ""
    if len(first_line) > TITLE_LENGTH:
        first_line = first_line[: TITLE_LENGTH - 1].rstrip() + "…"
    return (
        f"{category.name_in(language)}: {first_line}" if first_line else category.name_in(language)
    )


@transaction.atomic
def request_submit(
    *,
    municipality,
    category: Category,
    description: str,
    language: str,
    by=None,
    channel: str = "web",
    name: str = "",
    email: str = "",
    phone: str = "",
    is_anonymous: bool = False,
    address: str = "",
    latitude=None,
    longitude=None,
    answers: dict | None = None,
    press_outlet: str = "",
    press_date=None,
    press_url: str = "",
    api_client: str = "",
    filed_at=None,
) -> CitizenRequest:
    """File a request in ``category`` (of ``municipality``, offered to residents): the case is
    opened in the category's unit, already routed, due in the category's target time."""
    errors = {}
    if category.municipality_id != municipality.pk or not category.is_active:
        errors["category"] = _("Choose one of the categories offered.")
    if not description.strip():
        errors["description"] = _("Describe the problem or the request.")
    if (latitude is None) != (longitude is None):
        errors["latitude"] = _("Give both coordinates of the place, or neither.")
    if channel == "press" and not press_outlet.strip():
        errors["press_outlet"] = _("Name the outlet where it appeared.")
    if errors:
        raise ValidationError(errors)
    cleaned_answers = request_answers_clean(category=category, answers=answers or {})
    case = case_open(
        municipality=municipality,
        kind=CODE,
        unit=category.unit,
        title=_title(category, description, language),
        description=description,
        by=by,
        language=language,
        channel=channel,
        filed_at=filed_at,
        deadline=ClockRule(working_days=category.target_working_days),
        status="routed",
    )
    request = CitizenRequest(
        case=case,
        category=category,
        name="" if is_anonymous else name.strip(),
        email="" if is_anonymous else email.strip(),
        phone="" if is_anonymous else phone.strip(),
        is_anonymous=is_anonymous,
        address=address.strip(),
        latitude=latitude,
        longitude=longitude,
        answers=cleaned_answers,
        press_outlet=press_outlet.strip(),
        press_date=press_date,
        press_url=press_url.strip(),
        api_client=api_client,
    )
    request.full_clean(exclude=["case"])
    request.save()
    return request


# The staff's side: categories, response templates, duplicates and forwarding ---------------


def category_snapshot(category: Category) -> dict:
    names = {row.language: row.name for row in category.names.all()}
    questions = [
        {"code": row.code, "datatype": row.datatype, "required": row.required}
        for row in category.attributes.all()
    ]
    return snapshot(category, extra={"names": names, "questions": questions})


@transaction.atomic
def category_save(*, instance: Category, by) -> Category:
    """Create or change a category with its names and questions: its unit must be an open
    unit of its municipality."""
    unit = instance.unit
    if unit.municipality_id != instance.municipality_id:
        raise ValidationError({"unit": _("Choose a unit of this municipality.")})
    if not unit.is_active and (instance.pk is None or "unit" in _changed(instance, ["unit"])):
        raise ValidationError({"unit": _("This unit is closed: choose another.")})
    return municipality_owned_save(
        instance, by=by, action_prefix="desk.category", snapshot_of=category_snapshot
    )


def _changed(instance, fields) -> set[str]:
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*fields).first()
    if stored is None:
        return set(fields)
    return {name for name in fields if stored[name] != getattr(instance, f"{name}_id", None)}


@transaction.atomic
def category_delete(*, instance: Category, by) -> None:
    """Delete a category no request was filed in; one that was used is withdrawn instead
    (no longer offered to residents), which keeps its requests' history."""
    if instance.requests.exists():
        raise ValidationError(
            _("Requests were filed in this category: stop offering it instead of deleting it.")
        )
    municipality_owned_delete(instance, by=by, action_prefix="desk.category")


@transaction.atomic
def response_template_save(*, instance: ResponseTemplate, by) -> ResponseTemplate:
    return municipality_owned_save(instance, by=by, action_prefix="desk.response_template")


@transaction.atomic
def response_template_delete(*, instance: ResponseTemplate, by) -> None:
    municipality_owned_delete(instance, by=by, action_prefix="desk.response_template")


def _in_language(language: str, text, **values) -> str:
    with translation.override(language):
        return str(text) % values


@transaction.atomic
def request_mark_duplicate(*, case, original, by, note: str = ""):
    """Mark ``case`` a duplicate of ``original`` (a case of the same municipality): linked,
    moved to ``duplicate``, and its resident told on the public timeline which request to
    follow (``cases.selectors.case_duplicate_of`` leads the tracking page there)."""
    if original.municipality_id != case.municipality_id:
        raise ValidationError({"original": _("Choose a request of this municipality.")})
    if original.pk == case.pk:
        raise ValidationError({"original": _("A request cannot duplicate itself.")})
    if original.kind != case.kind:
        raise ValidationError({"original": _("Choose another citizen request.")})
    case_link(case=case, other=original, kind="duplicate_of", by=by)
    told = _in_language(
        case.language,
        gettext_noop(
            "The same request was already filed as %(reference)s: follow that one, it will "
            "be answered there."
        ),
        reference=original.reference,
    )
    text = f"{told}\n\n{note.strip()}" if note.strip() else told
    return case_transition(case=case, transition="mark_duplicate", by=by, note=text)


@transaction.atomic
def case_forward(*, case, to_municipality, category: Category, by, reason: str):
    """Forward the citizen request ``case`` to another municipality of the installation (a
    main road belongs to the metropolitan municipality): a new request there in
    ``category``, with the description, place, answers, photos and the resident's contact;
    the two linked (``case_forwarded_to``), the original moved to ``forwarded`` with the
    reason the resident reads. Returns the new case."""
    errors = {}
    if case.kind != CODE:
        errors["case"] = _("Only a citizen request can be forwarded.")
    if to_municipality.pk == case.municipality_id:
        errors["to_municipality"] = _("Choose another municipality.")
    if category.municipality_id != to_municipality.pk or not category.is_active:
        errors["category"] = _("Choose a category of that municipality.")
    if not reason.strip():
        errors["reason"] = _("Write why the request goes to another municipality.")
    if errors:
        raise ValidationError(errors)
    request = CitizenRequest.objects.get(case=case)
    languages = to_municipality.languages
    language = case.language if case.language in languages else to_municipality.default_language
    new = case_open(
        municipality=to_municipality,
        kind=CODE,
        unit=category.unit,
        title=_title(category, case.description, language),
        description=case.description,
        by=None,  # opened by the installation: ``by`` does not work for the other municipality
        language=language,
        channel=case.channel,
        deadline=ClockRule(working_days=category.target_working_days),
        status="routed",
    )
    fields = ("name", "email", "phone", "is_anonymous", "address", "latitude", "longitude")
    copy = CitizenRequest(case=new, category=category, answers=dict(request.answers))
    for name in (*fields, "press_outlet", "press_date", "press_url", "api_client"):
        setattr(copy, name, getattr(request, name))
    copy.full_clean(exclude=["case"])
    copy.save()
    case_attachments_copy(source=case, target=new)
    case_note(
        case=new,
        by=None,
        public=True,
        body=_in_language(
            language,
            gettext_noop("Forwarded by %(municipality)s (request %(reference)s): %(reason)s"),
            municipality=case.municipality.name_in(language),
            reference=case.reference,
            reason=reason.strip(),
        ),
    )
    case_link(case=case, other=new, kind="forwarded_to", by=by)
    case_transition(case=case, transition="forward", by=by, note=reason)
    return new


# The resident's side: filing through the web form with photos, and the verdict on an answer.


@transaction.atomic
def request_file(
    *,
    municipality,
    category: Category,
    description: str,
    language: str,
    photos: list = (),
    tracking_url=None,
    **fields,
) -> CitizenRequest:
    """File a request from the web form: the request (``request_submit``, every keyword of it
    accepted) and its photos, each checked and stripped of its metadata (``cases.attachments``)
    and kept as an attachment of the case, all in one transaction or nothing. ``photos`` are
    ``(name, bytes)`` pairs. ``tracking_url(case)`` builds the tracking page's address for the
    acknowledgement mailed on commit when the resident gave an address."""
    max_photos = settings.MUNICIPIUM_DESK_PHOTOS_MAX
    if len(photos) > max_photos:
        raise ValidationError(
            {
                "photos": ngettext(
                    "Send at most %(count)s photo.", "Send at most %(count)s photos.", max_photos
                )
                % {"count": max_photos}
            }
        )
    cleaned = []
    errors = []
    for name, data in photos:
        try:
            cleaned.append(
                image_clean(
                    data=data, name=name, max_bytes=settings.MUNICIPIUM_DESK_PHOTO_MAX_BYTES
                )
            )
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"photos": errors})
    citizen_request = request_submit(
        municipality=municipality,
        category=category,
        description=description,
        language=language,
        **fields,
    )
    case = citizen_request.case
    for number, image in enumerate(cleaned, start=1):
        case_attach(
            case=case,
            name=f"{case.reference}-{number}.{image.extension}",
            content=image.content,
            content_type=image.content_type,
            by=None,
            by_resident=True,
        )
    if citizen_request.email and tracking_url is not None:
        url = tracking_url(case)
        transaction.on_commit(lambda: request_mail.enqueue(case.pk, "received", url))
    return citizen_request


@transaction.atomic
def request_accept(*, case, rating: int, comment: str = "") -> CitizenRequest:
    """The resident accepts the answer (tracking page): the case closes, with the rating
    (1–5) and the comment kept with the request."""
    if not 1 <= int(rating) <= 5:
        raise ValidationError({"rating": _("Rate the answer from 1 to 5.")})
    case = case_transition(case=case, transition="accept", by=None, by_resident=True)
    citizen_request = CitizenRequest.objects.select_for_update().get(case=case)
    citizen_request.rating = int(rating)
    citizen_request.rating_comment = comment.strip()
    citizen_request.full_clean(exclude=["case"])
    citizen_request.save(update_fields=["rating", "rating_comment"])
    return citizen_request


@transaction.atomic
def request_dispute(*, case, reason: str, rating: int | None = None):
    """The resident rejects the answer with ``reason`` (tracking page): the case is worked on
    again (the rejection and its reason on the public timeline) and goes one level up, to the
    unit's managers, then the mayor's office (``cases.escalation``)."""
    if rating is not None and not 1 <= int(rating) <= 5:
        raise ValidationError({"rating": _("Rate the answer from 1 to 5.")})
    case = case_transition(case=case, transition="dispute", by=None, by_resident=True, note=reason)
    if rating is not None:
        CitizenRequest.objects.filter(case=case).update(rating=int(rating))
    return case_escalate_one_level(case=case)


def _months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@transaction.atomic
def request_close_silent(*, case, now: datetime.datetime) -> bool:
    """Close an answered request on which the resident gave no verdict for
    ``CLOSE_UNANSWERED_AFTER_DAYS`` working days after the answer (by the system, through the
    engine's transition: an entry on the timeline the resident reads, and an audit entry).
    False if it is not yet time or the case has moved on."""
    if case.status != "answered" or case.stopped_at is None:
        return False
    waited = clock.working_days_between(case.municipality, case.stopped_at, now)
    if waited < CLOSE_UNANSWERED_AFTER_DAYS:
        return False
    with translation.override(case.language):
        note = ngettext(
            "No answer came from you within %(days)s working day of our answer, so the "
            "request is closed.",
            "No answer came from you within %(days)s working days of our answer, so the "
            "request is closed.",
            CLOSE_UNANSWERED_AFTER_DAYS,
        ) % {"days": CLOSE_UNANSWERED_AFTER_DAYS}
    case_transition(case=case, transition="close", by=None, note=note)
    return True


def requests_close_silent(*, now: datetime.datetime | None = None) -> int:
    """Close every answered request left without a verdict for long enough (the periodic
    task; safe to run twice: a closed case is no longer answered). The number closed."""
    now = now or timezone.now()
    # N working days after the answer are at least N calendar days after it.
    candidates = case_list_stopped_before(
        kind=CODE,
        status="answered",
        before=now - datetime.timedelta(days=CLOSE_UNANSWERED_AFTER_DAYS),
    )
    return sum(request_close_silent(case=case, now=now) for case in candidates)


PERSONAL_FIELDS = ("name", "email", "phone")


@transaction.atomic
def request_anonymise(*, citizen_request: CitizenRequest, now: datetime.datetime) -> bool:
    """Remove the resident's personal data from a request (name, e-mail, phone, the photos
    and files they sent), keeping the request and its figures; by the system, one audit entry
    that names what was removed but never its values. False if already done."""
    citizen_request = (
        CitizenRequest.objects.select_for_update().select_related("case").get(pk=citizen_request.pk)
    )
    if citizen_request.anonymised_at is not None:
        return False
    case = citizen_request.case
    cleared = [name for name in PERSONAL_FIELDS if getattr(citizen_request, name)]
    for name in PERSONAL_FIELDS:
        setattr(citizen_request, name, "")
    citizen_request.anonymised_at = now
    citizen_request.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at"])
    files = case_resident_files_delete(case=case)
    audit_log(
        instance=case,
        action="desk.request.anonymise",
        by=None,
        municipality=case.municipality_id,
        unit=case.unit_id,
        extra={"cleared": cleared, "files": files, "closed_at": case.closed_at},
        title=str(case.reference),
    )
    return True


def requests_anonymise_expired(*, now: datetime.datetime | None = None) -> int:
    """Anonymise the requests of each municipality closed longer ago than its retention
    period (``Municipality.personal_data_retention_months``); the periodic task, safe to run
    twice. The number anonymised."""
    now = now or timezone.now()
    count = 0
    for municipality in municipality_list_all():
        cutoff = _months_before(now, municipality.personal_data_retention_months)
        expired = CitizenRequest.objects.filter(
            case__municipality=municipality,
            case__closed_at__lt=cutoff,
            anonymised_at__isnull=True,
        ).order_by("pk")
        for citizen_request in expired.iterator(chunk_size=500):
            count += request_anonymise(citizen_request=citizen_request, now=now)
    return count
