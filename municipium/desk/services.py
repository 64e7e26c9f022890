"""Filing a citizen request, from any channel, in one transaction: the case (through the
engine's ``case_open``) and its request part, or nothing."""

from __future__ import annotations

import calendar
import datetime
import decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from municipium.cases.kinds import ClockRule
from municipium.cases.selectors import case_list_stopped_before
from municipium.cases.services import case_open, case_resident_files_delete, case_transition
from municipium.core.audit import audit_log
from municipium.tenancy import clock
from municipium.tenancy.selectors import municipality_list_all

from .kind import CLOSE_UNANSWERED_AFTER_DAYS, CODE
from .models import Attribute, Category, CitizenRequest

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
