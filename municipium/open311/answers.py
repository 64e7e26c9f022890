"""What the API says of a service (a request category) and of a request, as the standard
names its fields and in its order. A request's resident is never in it: no name, e-mail or
phone, whatever the client or the row holds."""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from municipium.desk.selectors import request_is_closed

SERVICE_TYPE = "realtime"  # a request is stored, and its id known, before the answer

DATATYPE_DESCRIPTIONS = {
    "number": lambda: _("A number, such as 12 or 3.5."),
    "datetime": lambda: _("A date and time in ISO 8601, such as 2026-03-02T10:00:00+03:00."),
    "multivaluelist": lambda: _("One or more of the values, each as attribute[code][]."),
}


def w3_datetime(value: datetime.datetime | None, time_zone) -> str | None:
    """ISO 8601 with the offset of the municipality's time zone, to the second."""
    if value is None:
        return None
    return timezone.localtime(value, time_zone).replace(microsecond=0).isoformat()


def _category_texts(category, language: str) -> tuple[str, str]:
    rows = list(category.names.all())
    row = next((r for r in rows if r.language == language), rows[0] if rows else None)
    if row is None:
        return category.code, ""
    return row.name, row.description


def service_notice(category) -> str:
    days = category.target_working_days
    return ngettext(
        "The responsible unit answers within %(days)s working day.",
        "The responsible unit answers within %(days)s working days.",
        days,
    ) % {"days": days}


def service(category, language: str) -> dict:
    name, description = _category_texts(category, language)
    return {
        "service_code": category.code,
        "service_name": name,
        "description": description,
        "metadata": bool(list(category.attributes.all())),
        "type": SERVICE_TYPE,
        "keywords": category.keywords,
        "group": category.unit.name_in(language),
    }


def _values(attribute, language: str) -> list[dict]:
    return [
        {
            "key": str(value.get("key")),
            "name": (value.get("names") or {}).get(language)
            or next(iter((value.get("names") or {}).values()), str(value.get("key"))),
        }
        for value in attribute.values
    ]


def service_definition(category, language: str) -> dict:
    attributes = []
    for order, attribute in enumerate(category.attributes.all(), start=1):
        describe = DATATYPE_DESCRIPTIONS.get(attribute.datatype)
        attributes.append(
            {
                "variable": True,
                "code": attribute.code,
                "datatype": attribute.datatype,
                "required": attribute.required,
                "datatype_description": describe() if describe else None,
                "order": order,
                "description": attribute.label_in(language),
                "values": _values(attribute, language),
            }
        )
    return {"service_code": category.code, "attributes": attributes}


def _coordinate(value) -> float | None:
    return None if value is None else float(value)


def service_request(citizen_request, *, language: str, municipality) -> dict:
    """A request as ``GET requests`` lists it. ``media_url`` is left out: a request's photos
    are in the private storage, with no public address."""
    case = citizen_request.case
    category = citizen_request.category
    time_zone = zoneinfo.ZoneInfo(municipality.time_zone)
    return {
        "service_request_id": case.reference,
        "status": "closed" if request_is_closed(case.status) else "open",
        "status_notes": getattr(citizen_request, "status_notes", None) or None,
        "service_name": _category_texts(category, language)[0],
        "service_code": category.code,
        "description": case.description,
        "agency_responsible": case.unit.name_in(municipality.default_language),
        "service_notice": service_notice(category),
        "requested_datetime": w3_datetime(case.filed_at, time_zone),
        "updated_datetime": w3_datetime(case.updated_at, time_zone),
        "expected_datetime": w3_datetime(case.due_at, time_zone),
        "address": citizen_request.address or None,
        "address_id": None,
        "zipcode": None,
        "lat": _coordinate(citizen_request.latitude),
        "long": _coordinate(citizen_request.longitude),
    }
