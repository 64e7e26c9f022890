"""The responses of the halls page's routes (``halls.pages.HallsPage``): parse, call a selector
or a service, render. The rules are in ``halls.services``."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from municipium.cases.selectors import case_get_for_resident, entry_list
from municipium.core.ratelimit import client_address, limit_hit

from .forms import BookingForm
from .kind import HALL_BOOKING
from .selectors import (
    hall_blocked_list,
    hall_booking_get_by_case,
    hall_get_public,
    hall_list_public,
)
from .services import booking_accept_offer, booking_cancel, booking_request

RATE_SCOPE = "halls-form"
CALENDAR_DAYS = 7


def _private(response):
    """A requester's own page or a form with a CSRF token: never kept by a cache, never
    indexed, its address (the secret token) never sent to another site."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _render(request, page, template, context, status=200):
    full = {**page.get_context(request), "halls_url": page.get_url(request), **context}
    return render(request, template, full, status=status)


def _hall_or_404(request, slug):
    hall = hall_get_public(municipality=request.tenant.municipality, slug=slug)
    if hall is None:
        raise Http404(_("No hall has this address."))
    return hall


def hall_list(request, *, page):
    halls = hall_list_public(municipality=request.tenant.municipality)
    language = translation.get_language()
    cards = [{"hall": hall, "text": hall.text_in(language)} for hall in halls]
    return _render(request, page, "halls/hall_list.html", {"cards": cards})


def _week(hall, first: datetime.date, zone) -> list[dict]:
    """The days from ``first``: each with its opening hours and the times already booked."""
    start = datetime.datetime.combine(first, datetime.time(0), tzinfo=zone)
    end = start + datetime.timedelta(days=CALENDAR_DAYS)
    blocked = hall_blocked_list(hall=hall, start=start, end=end)
    openings = list(hall.openings.all())
    days = []
    for offset in range(CALENDAR_DAYS):
        day = first + datetime.timedelta(days=offset)
        day_start = datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)
        day_end = day_start + datetime.timedelta(days=1)
        days.append(
            {
                "day": day,
                "hours": [row for row in openings if row.weekday == day.weekday()],
                "booked": [
                    {
                        "from": max(row["blocked_from"], day_start),
                        "until": min(row["blocked_until"], day_end),
                    }
                    for row in blocked
                    if row["blocked_from"] < day_end and row["blocked_until"] > day_start
                ],
            }
        )
    return days


def hall_detail(request, *, page, slug):
    hall = _hall_or_404(request, slug)
    zone = zoneinfo.ZoneInfo(hall.municipality.time_zone)
    today = timezone.now().astimezone(zone).date()
    try:
        first = datetime.date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        first = today
    first = min(max(first, today), today + datetime.timedelta(days=hall.max_ahead_days))
    step = datetime.timedelta(days=CALENDAR_DAYS)
    context = {
        "hall": hall,
        "text": hall.text_in(translation.get_language()),
        "days": _week(hall, first, zone),
        "previous": (first - step).isoformat() if first > today else "",
        "next": (first + step).isoformat(),
        "time_zone": hall.municipality.time_zone,
        "hall_url": page.get_url(request) + page.reverse_subpage("hall", args=[hall.slug]),
    }
    return _render(request, page, "halls/hall_detail.html", context)


def _form_errors(form, error: ValidationError) -> None:
    names = {"starts_at": "day", "ends_at": "ends"}
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, messages in error.message_dict.items():
        name = names.get(field, field)
        for message in messages:
            form.add_error(name if name in form.fields else None, message)


def _within_limit(request) -> bool:
    return limit_hit(
        scope=RATE_SCOPE,
        key=client_address(request),
        limit=settings.MUNICIPIUM_DESK_RATE_LIMIT,
        seconds=settings.MUNICIPIUM_DESK_RATE_SECONDS,
    )


def booking_form(request, *, page, slug):
    hall = _hall_or_404(request, slug)
    time_zone, calendar = hall.municipality.time_zone, hall.municipality.calendar
    context = {"hall": hall, "text": hall.text_in(translation.get_language())}
    if request.method != "POST":
        context["form"] = BookingForm(time_zone=time_zone, calendar=calendar)
        return _private(_render(request, page, "halls/booking_form.html", context))
    form = BookingForm(request.POST, time_zone=time_zone, calendar=calendar)
    refusal, status = None, 400
    if form.is_spam():
        refusal = _("Your request could not be sent. Please leave the last field empty.")
    elif form.is_valid():
        if not _within_limit(request):
            refusal, status = (
                _(
                    "Too many requests were sent from your connection in a short "
                    "time. Nothing was saved: please try again later, or call us."
                ),
                429,
            )
        else:
            try:
                booking = booking_request(
                    hall=hall, data=form.booking_data(), language=translation.get_language()
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                return redirect(page.tracking_url(booking.case, request) + "?filed=1")
    context.update(form=form, refusal=refusal)
    return _private(_render(request, page, "halls/booking_form.html", context, status=status))


def _booking_or_404(request, reference, token):
    case = case_get_for_resident(
        municipality=request.tenant.municipality, reference=reference, token=token
    )
    booking = hall_booking_get_by_case(case_id=case.pk) if case is not None else None
    if booking is None:
        raise Http404(_("No hall request has this number and tracking code."))
    return booking


def _timeline(case) -> list[dict]:
    """The public timeline, each status named in the reader's language."""
    return [
        {
            "at": entry.created_at,
            "status": HALL_BOOKING.status(entry.status_to).label if entry.status_to else "",
            "body": entry.body,
        }
        for entry in entry_list(case=case, public_only=True)
    ]


def _tracking(request, page, booking, token, *, status=200, error=None):
    context = {
        "booking": booking,
        "case": booking.case,
        "hall_name": booking.hall.name_in(translation.get_language()),
        "entries": _timeline(booking.case),
        "token": token,
        "track_url": page.tracking_url(booking.case, request),
        "filed": request.GET.get("filed") == "1",
        "done": request.GET.get("done", ""),
        "error": error,
        "may_withdraw": booking.status in ("requested", "approved", "waiting", "offered"),
    }
    return _private(_render(request, page, "halls/booking_tracking.html", context, status))


def booking_track(request, *, page, reference, token):
    return _tracking(request, page, _booking_or_404(request, reference, token), token)


def booking_track_action(request, *, page, reference, token, action):
    """The requester accepts an offered slot or withdraws the request (POST)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    booking = _booking_or_404(request, reference, token)
    try:
        if action == "accept":
            booking_accept_offer(booking=booking)
        elif action == "withdraw":
            booking_cancel(booking=booking, by=None)
        else:
            raise Http404
    except ValidationError as error:
        booking.refresh_from_db()
        return _tracking(request, page, booking, token, status=400, error=error.messages[0])
    return redirect(page.tracking_url(booking.case, request) + f"?done={action}")
