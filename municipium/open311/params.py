"""Reading the API's parameters: dates, coordinates, lists, the answers to a service's
attributes. Each refusal is an ``Open311Error`` with the standard's status (400) and a
message that names the parameter. "Optional" means an empty parameter equals a missing one
(GeoReport v2, Optional Arguments)."""

from __future__ import annotations

import datetime
import decimal
import re

from django.utils.translation import gettext as _

from .renderers import Open311Error

MAX_DESCRIPTION = 4000
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
_OFFSET_SPACE = re.compile(r" (\d\d:?\d\d)$")
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def given(value: str | None) -> str:
    return (value or "").strip()


def comma_list(value: str | None) -> list[str]:
    return [item.strip() for item in given(value).split(",") if item.strip()]


def w3_datetime_parse(value: str, *, name: str, time_zone) -> datetime.datetime:
    """A W3C date-time (``2010-01-01T00:00:00Z``, an offset, or a date alone); a value
    without an offset is read in the municipality's time zone."""
    try:
        # A "+" of an offset left unescaped in a query string arrives as a space.
        parsed = datetime.datetime.fromisoformat(_OFFSET_SPACE.sub(r"+\1", value))
    except ValueError:
        raise Open311Error(
            400,
            _("%(name)s is not a date and time in ISO 8601, such as 2026-03-02T10:00:00Z.")
            % {"name": name},
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=time_zone)
    return parsed


def coordinate(value: str, *, name: str, limit: int) -> decimal.Decimal:
    try:
        number = decimal.Decimal(value)
    except decimal.InvalidOperation:
        number = None
    if number is None or not number.is_finite() or abs(number) > limit:
        raise Open311Error(
            400,
            _("%(name)s must be a number between -%(limit)s and %(limit)s.")
            % {"name": name, "limit": limit},
        )
    return number.quantize(decimal.Decimal("0.000001"), rounding=decimal.ROUND_HALF_UP)


def attributes(data) -> dict:
    """``attribute[code]=v`` and ``attribute[code][]=v1&attribute[code][]=v2`` of a form
    body, as ``{code: v}`` and ``{code: [v1, v2]}``."""
    answers = {}
    for key in data:
        match = _ATTRIBUTE.match(key)
        if match is None:
            continue
        code, many = match.groups()
        values = [value.strip() for value in data.getlist(key)]
        answers[code] = values if many else (values[-1] if values else "")
    return answers


def description_check(description: str) -> str:
    if len(description) > MAX_DESCRIPTION:
        raise Open311Error(
            400,
            _("The description is longer than %(limit)s characters.") % {"limit": MAX_DESCRIPTION},
        )
    if _HTML.search(description):
        raise Open311Error(400, _("The description may not contain HTML or code."))
    return description
