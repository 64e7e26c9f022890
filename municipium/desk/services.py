"""Filing a citizen request, from any channel, in one transaction: the case (through the
engine's ``case_open``) and its request part, or nothing."""

from __future__ import annotations

import datetime
import decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from municipium.cases.kinds import ClockRule
from municipium.cases.services import case_open

from .kind import CODE
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
