"""The responses of the halls page's routes (``halls.pages.HallsPage``): parse, call a selector
or a service, render. The rules are in ``halls.services``."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from municipium.cases.selectors import case_get_for_resident, entry_list
from municipium.core.public_forms import PublicForm, field_on_form, form_post, private

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
BOOKING_FORM = PublicForm(
    rate_scope=RATE_SCOPE,
    spam_refusal=gettext_lazy("Your request could not be sent. Please leave the last field empty."),
    too_many_refusal=gettext_lazy(
        "Too many requests were sent from your connection in a short "
        "time. Nothing was saved: please try again later, or call us."
    ),
)
CALENDAR_DAYS = 7


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


def _field_for(form, field: str) -> str | None:
    """The service speaks of ``starts_at`` and ``ends_at``; the form asks for a day and times."""
    return field_on_form(form, {"starts_at": "day", "ends_at": "ends"}.get(field, field))


def booking_form(request, *, page, slug):
    hall = _hall_or_404(request, slug)
    time_zone, calendar = hall.municipality.time_zone, hall.municipality.calendar
    context = {"hall": hall, "text": hall.text_in(translation.get_language())}
    if request.method != "POST":
        context["form"] = BookingForm(time_zone=time_zone, calendar=calendar)
        return private(_render(request, page, "halls/booking_form.html", context))
    form = BookingForm(request.POST, time_zone=time_zone, calendar=calendar)
    language = translation.get_language()
    booking, refusal, status = form_post(
        request,
        form,
        BOOKING_FORM,
        submit=lambda: booking_request(hall=hall, data=form.booking_data(), language=language),
        field_for=_field_for,
    )
    if booking is not None:
        return redirect(page.tracking_url(booking.case, request) + "?filed=1")
    context.update(form=form, refusal=refusal)
    return private(_render(request, page, "halls/booking_form.html", context, status=status))


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
    return private(_render(request, page, "halls/booking_tracking.html", context, status))


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
