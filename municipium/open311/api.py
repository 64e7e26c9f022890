"""Open311 GeoReport v2 at ``/open311/v2/`` on every municipality's host (the tenant
middleware has bound the host to its municipality), on django-ninja for the routing and the
OpenAPI description (``/open311/v2/openapi.json``). Each view answers in the format of its
address's suffix (``renderers``); every refusal is in the standard's error format, never a
500 and never an HTML page.

Requests filed here are stored (``desk.services.request_submit``, channel ``api``) before the
answer, so every service is ``realtime``: the answer carries the request's reference as its
``service_request_id`` and no token is ever issued.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Form, NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from municipium.cases.services import case_note
from municipium.core.ratelimit import client_address, limit_hit
from municipium.desk.selectors import (
    category_get_offered,
    category_list_offered,
    request_list_public,
    request_statuses,
)
from municipium.desk.services import request_submit

from . import answers, params, schemas
from .renderers import Open311Error, format_of, render, render_error
from .selectors import api_client_get_for_key

logger = logging.getLogger(__name__)

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-01T00:00:00Z"  # the date this endpoint's shape last changed
WINDOW = datetime.timedelta(days=90)
MAX_REQUESTS = 1000
# (hits, seconds) per window: posts per client key, posts per address, reads per address.
RATE_LIMITS = {"key": (300, 3600), "post": (600, 3600), "read": (1200, 600)}

api = NinjaAPI(
    title="Open311 GeoReport v2",
    version="2",
    description=(
        "The frozen Open311 GeoReport v2 standard over the requests desk of the municipality "
        "served at this host. Every address ends in .xml or .json; POST bodies are "
        "form-encoded; attributes are sent as attribute[code]=value and, for a multivaluelist, "
        "attribute[code][]=value."
    ),
    urls_namespace="open311",
    docs_url=None,  # the Swagger page loads scripts from a CDN, which the CSP forbids
    openapi_url="/openapi.json",
)


@dataclass(frozen=True)
class Context:
    municipality: object
    tenant: object
    language: str
    fmt: str


def _limit(name: str) -> tuple[int, int]:
    return getattr(settings, "OPEN311_RATE_LIMITS", {}).get(name, RATE_LIMITS[name])


def _limit_check(name: str, key: str) -> None:
    hits, seconds = _limit(name)
    if not limit_hit(scope=f"open311-{name}", key=key, limit=hits, seconds=seconds):
        raise Open311Error(429, _("Too many requests: wait a while and try again."))


def _language(locale: str | None, tenant) -> str:
    code = params.given(locale).replace("_", "-").split("-")[0].lower()
    return code if code in tenant.languages else tenant.default_language


def _context(request, fmt: str, jurisdiction_id: str | None, locale: str | None = None):
    if fmt not in ("xml", "json"):
        raise Open311Error(404, _("Unknown format: ask for .xml or .json."))
    tenant = getattr(request, "tenant", None)
    if tenant is None:
        raise Open311Error(404, _("No municipality is served at this address."))
    jurisdiction = params.given(jurisdiction_id).lower()
    if jurisdiction and jurisdiction not in {
        tenant.site.hostname.lower(),
        tenant.municipality.slug,
    }:
        raise Open311Error(
            404,
            _("Unknown jurisdiction_id: this address serves %(jurisdiction)s.")
            % {"jurisdiction": tenant.site.hostname},
        )
    language = _language(locale, tenant)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return Context(municipality=tenant.municipality, tenant=tenant, language=language, fmt=fmt)


def _read(request, fmt, jurisdiction_id, locale=None) -> Context:
    context = _context(request, fmt, jurisdiction_id, locale)
    _limit_check("read", client_address(request))
    return context


# Errors ------------------------------------------------------------------------------------


@api.exception_handler(Open311Error)
def _open311_error(request, error):
    return render_error(error, fmt=format_of(request.path))


@api.exception_handler(Http404)
def _not_found(request, error):
    return render_error(Open311Error(404, _("Not found.")), fmt=format_of(request.path))


@api.exception_handler(NinjaValidationError)
def _invalid(request, error):
    return render_error(Open311Error(400, _("Invalid parameters.")), fmt=format_of(request.path))


@api.exception_handler(HttpError)
def _http_error(request, error):
    return render_error(Open311Error(error.status_code, str(error)), fmt=format_of(request.path))


@api.exception_handler(Exception)
def _general_error(request, error):
    # The standard's "general service error": logged for the operators, a 400 for the client.
    logger.exception("Open311 general service error on %s", request.path)
    error = Open311Error(400, _("General service error: the request could not be processed."))
    return render_error(error, fmt=format_of(request.path))


def not_found(request, rest=""):
    """Any other address under ``/open311/v2/``: the standard's 404."""
    return render_error(Open311Error(404, _("Not found.")), fmt=format_of(request.path))


# Discovery and services --------------------------------------------------------------------


@api.get("/discovery.{fmt}", response={200: schemas.DiscoveryOut, **schemas.ERRORS})
def discovery(request, fmt: str, jurisdiction_id: str | None = None, locale: str | None = None):
    """Where the endpoint is, which formats it speaks, whom to ask for a key."""
    context = _read(request, fmt, jurisdiction_id, locale)
    municipality = context.municipality
    reach = ", ".join(filter(None, [municipality.email, municipality.phone])) or (
        context.tenant.site.hostname
    )
    data = {
        "changeset": CHANGESET,
        "contact": _("Questions about this API: %(contact)s.") % {"contact": reach},
        "key_service": _(
            "Keys for applications that file requests are issued by the municipality's "
            "administrators: ask %(contact)s."
        )
        % {"contact": reach},
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": request.build_absolute_uri("/open311/v2"),
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(data, fmt=context.fmt, root="discovery")


@api.get("/services.{fmt}", response={200: list[schemas.ServiceOut], **schemas.ERRORS})
def services(request, fmt: str, jurisdiction_id: str | None = None, locale: str | None = None):
    """The request categories the municipality offers, named in ``locale`` (or the site's
    default language)."""
    context = _read(request, fmt, jurisdiction_id, locale)
    data = [
        answers.service(category, context.language)
        for category in category_list_offered(municipality=context.municipality)
    ]
    return render(data, fmt=context.fmt, root="services")


def _category(context: Context, code: str):
    category = category_get_offered(municipality=context.municipality, code=code)
    if category is None:
        raise Open311Error(
            404, _("Unknown service_code: this municipality offers no such service.")
        )
    return category


@api.get("/services/{code}.{fmt}", response={200: schemas.ServiceDefinitionOut, **schemas.ERRORS})
def service_definition(
    request, code: str, fmt: str, jurisdiction_id: str | None = None, locale: str | None = None
):
    """A service's attributes (questions), of every datatype, in their order."""
    context = _read(request, fmt, jurisdiction_id, locale)
    category = _category(context, code)
    data = answers.service_definition(category, context.language)
    return render(data, fmt=context.fmt, root="service_definition")


# Filing a request --------------------------------------------------------------------------

FIELD_NAMES = {
    "category": "service_code",
    "latitude": "lat",
    "longitude": "long",
    "address": "address_string",
    "name": "first_name",
}


def _validation_messages(error: ValidationError, attribute_codes) -> list[str]:
    if not hasattr(error, "error_dict"):
        return [str(message) for message in error.messages]
    messages = []
    for field, field_messages in error.message_dict.items():
        name = f"attribute[{field}]" if field in attribute_codes else FIELD_NAMES.get(field, field)
        if field == "__all__":
            messages += field_messages
        else:
            messages += [f"{name}: {message}" for message in field_messages]
    return messages


def _location(lat: str, long: str, address_string: str, address_id: str):
    if bool(lat) != bool(long):
        raise Open311Error(400, _("Send both lat and long, or neither."))
    if not (lat or address_string or address_id):
        raise Open311Error(
            400, _("A location is required: lat and long, address_string or address_id.")
        )
    latitude = params.coordinate(lat, name="lat", limit=90) if lat else None
    longitude = params.coordinate(long, name="long", limit=180) if long else None
    return latitude, longitude, address_string or address_id


def _media_url(value: str) -> str:
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise Open311Error(400, _("media_url is not a web address.")) from None
    return value


@api.post("/requests.{fmt}", response={200: list[schemas.CreatedOut], **schemas.ERRORS})
def request_create(
    request,
    fmt: str,
    api_key: Form[str | None] = None,
    jurisdiction_id: Form[str | None] = None,
    service_code: Form[str | None] = None,
    lat: Form[str | None] = None,
    long: Form[str | None] = None,
    address_string: Form[str | None] = None,
    address_id: Form[str | None] = None,
    email: Form[str | None] = None,
    device_id: Form[str | None] = None,
    account_id: Form[str | None] = None,
    first_name: Form[str | None] = None,
    last_name: Form[str | None] = None,
    phone: Form[str | None] = None,
    description: Form[str | None] = None,
    media_url: Form[str | None] = None,
    locale: Form[str | None] = None,
):
    """File a request (an API key is required). Send ``attribute[code]=value`` for each of
    the service's attributes, ``attribute[code][]=value`` for each value of a
    multivaluelist. The request is stored before the answer, which carries its
    ``service_request_id``."""
    given = params.given
    context = _context(request, fmt, jurisdiction_id, locale)
    client = api_client_get_for_key(municipality=context.municipality, key=given(api_key))
    if client is None:
        raise Open311Error(403, _("Missing or invalid api_key: no request was filed."))
    _limit_check("key", str(client.pk))
    _limit_check("post", client_address(request))
    code = given(service_code)
    if not code:
        raise Open311Error(400, _("service_code was not provided."))
    category = _category(context, code)
    latitude, longitude, address = _location(
        given(lat), given(long), given(address_string), given(address_id)
    )
    text = params.description_check(given(description))
    media = _media_url(given(media_url))
    attribute_answers = params.attributes(request.POST)
    try:
        with transaction.atomic():
            citizen_request = request_submit(
                municipality=context.municipality,
                category=category,
                description=text or answers.service(category, context.language)["service_name"],
                language=context.language,
                channel="api",
                api_client=client.name,
                name=" ".join(filter(None, [given(first_name), given(last_name)])),
                email=given(email),
                phone=given(phone),
                address=address,
                latitude=latitude,
                longitude=longitude,
                answers=attribute_answers,
            )
            if media:
                note = _("Media sent with the request by %(client)s: %(url)s")
                case_note(
                    case=citizen_request.case,
                    by=None,
                    body=note % {"client": client.name, "url": media},
                )
    except ValidationError as error:
        codes = {attribute.code for attribute in category.attributes.all()}
        raise Open311Error(400, *_validation_messages(error, codes)) from None
    data = [
        {
            "service_request_id": citizen_request.case.reference,
            "service_notice": answers.service_notice(category),
            "account_id": given(account_id) or None,
        }
    ]
    return render(data, fmt=context.fmt, root="service_requests")


@api.get("/tokens/{token}.{fmt}", response={200: list[schemas.TokenOut], **schemas.ERRORS})
def token(request, token: str, fmt: str, jurisdiction_id: str | None = None):
    """Every service is realtime: a request's id is in the answer that filed it, and no token
    is ever issued, so every token is unknown."""
    _read(request, fmt, jurisdiction_id)
    raise Open311Error(
        404,
        _("Unknown token: this server answers with a service_request_id at once and issues no "
          "tokens."),
    )  # fmt: skip


# Reading requests --------------------------------------------------------------------------


def _window(context: Context, start_date: str, end_date: str):
    time_zone = context.tenant.time_zone
    start = (
        params.w3_datetime_parse(start_date, name="start_date", time_zone=time_zone)
        if (start_date)
        else None
    )
    end = (
        params.w3_datetime_parse(end_date, name="end_date", time_zone=time_zone)
        if (end_date)
        else None
    )
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        start = end - WINDOW
    if end is None:
        end = start + WINDOW
    if end < start:
        raise Open311Error(400, _("end_date is before start_date."))
    if end - start > WINDOW:
        raise Open311Error(400, _("start_date and end_date may not be more than 90 days apart."))
    return start, end


def _statuses(status: str) -> list[str] | None:
    wanted = set(params.comma_list(status))
    if wanted - {"open", "closed"}:
        raise Open311Error(400, _("status must be open or closed."))
    if len(wanted) != 1:
        return None
    return request_statuses(closed="closed" in wanted)


def _requests_answer(context: Context, found) -> list[dict]:
    return [
        answers.service_request(
            citizen_request, language=context.language, municipality=context.municipality
        )
        for citizen_request in found
    ]


@api.get("/requests.{fmt}", response={200: list[schemas.ServiceRequestOut], **schemas.ERRORS})
def request_list(
    request,
    fmt: str,
    jurisdiction_id: str | None = None,
    service_request_id: str | None = None,
    service_code: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    status: str | None = None,
    locale: str | None = None,
):
    """The municipality's requests, newest first, at most 1,000: those of a comma-separated
    ``service_request_id`` list (which overrides the other filters), or those filed between
    ``start_date`` and ``end_date`` (at most 90 days apart; the last 90 days by default) of
    the ``service_code``s and ``status`` (open, closed) given."""
    context = _read(request, fmt, jurisdiction_id, locale)
    found = request_list_public(municipality=context.municipality)
    ids = params.comma_list(service_request_id)
    if ids:
        found = found.filter(case__reference__in=ids)
    else:
        codes = params.comma_list(service_code)
        if codes:
            found = found.filter(category__code__in=codes)
        statuses = _statuses(params.given(status))
        if statuses is not None:
            found = found.filter(case__status__in=statuses)
        start, end = _window(context, params.given(start_date), params.given(end_date))
        found = found.filter(case__filed_at__gte=start, case__filed_at__lte=end)
    data = _requests_answer(context, found[:MAX_REQUESTS])
    return render(data, fmt=context.fmt, root="service_requests")


@api.get(
    "/requests/{service_request_id}.{fmt}",
    response={200: list[schemas.ServiceRequestOut], **schemas.ERRORS},
)
def request_detail(
    request,
    service_request_id: str,
    fmt: str,
    jurisdiction_id: str | None = None,
    locale: str | None = None,
):
    """One request, as a list of one (the standard's shape)."""
    context = _read(request, fmt, jurisdiction_id, locale)
    found = request_list_public(municipality=context.municipality).filter(
        case__reference=service_request_id
    )
    data = _requests_answer(context, found[:1])
    if not data:
        raise Open311Error(404, _("Unknown service_request_id: no such request here."))
    return render(data, fmt=context.fmt, root="service_requests")
