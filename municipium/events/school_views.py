"""The public routes of school classes on the programme page (``ProgrammePage``, "# School
classes"): the sessions that take classes, the booking form and the teacher's tracking page.
Parse, call ``events.schools``, render. None of them is kept by the page cache: the list's
places left change with each approval, the form carries a CSRF token, the tracking page is the
teacher's own."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from municipium.cases import kinds
from municipium.cases.selectors import case_get_for_resident, entry_list
from municipium.core.ratelimit import client_address, limit_hit

from .kind import CODE
from .school_forms import ClassBookingForm
from .schools import (
    class_booking_get_for_case,
    class_booking_submit,
    class_booking_tracking_url,
    class_session_get_public,
    class_session_list_public,
    class_session_places_left,
)

RATE_SCOPE = "school-class-form"


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _render(request, page, template, context, status=200):
    full = {
        **page.get_context(request),
        "list_url": page.get_url(request) + page.reverse_subpage("school_classes"),
        **context,
    }
    return _private(render(request, template, full, status=status))


def _session_row(occurrence, language):
    text = occurrence.event.text_in(language)
    return {
        "occurrence": occurrence,
        "title": text.title if text else str(occurrence.event),
        "type": occurrence.event.event_type.name_in(language),
        "venue": occurrence.event.venue,
        "places_left": class_session_places_left(occurrence=occurrence),
    }


def session_list(request, *, page):
    language = translation.get_language()
    sessions = class_session_list_public(municipality=request.tenant.municipality)
    base = page.get_url(request)
    rows = []
    for occurrence in sessions[:200]:
        row = _session_row(occurrence, language)
        row["url"] = base + page.reverse_subpage("school_class_form", args=[occurrence.pk])
        rows.append(row)
    return _render(request, page, "events/school_sessions.html", {"sessions": rows})


def _within_limit(request) -> bool:
    return limit_hit(
        scope=RATE_SCOPE,
        key=client_address(request),
        limit=settings.MUNICIPIUM_DESK_RATE_LIMIT,
        seconds=settings.MUNICIPIUM_DESK_RATE_SECONDS,
    )


def _form_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, messages in error.message_dict.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def booking_form(request, *, page, occurrence_id):
    language = translation.get_language()
    occurrence = class_session_get_public(
        municipality=request.tenant.municipality, pk=occurrence_id
    )
    if occurrence is None:
        raise Http404(_("This session does not take school classes, or it is over."))
    context = {"session": _session_row(occurrence, language)}
    if request.method != "POST":
        return _render(
            request, page, "events/school_booking_form.html",
            {**context, "form": ClassBookingForm()},
        )  # fmt: skip
    form = ClassBookingForm(request.POST)
    refusal, status = None, 400
    if form.is_spam():
        refusal = _("Your booking could not be sent. Please leave the last field empty.")
    elif form.is_valid():
        if not _within_limit(request):
            refusal, status = (
                _(
                    "Too many bookings were sent from your connection in a short time. "
                    "Nothing was saved: please try again later, or call us."
                ),
                429,
            )
        else:
            try:
                booking = class_booking_submit(
                    occurrence=occurrence, data=form.cleaned_data, language=language
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                url = class_booking_tracking_url(case=booking.case, request=request)
                return redirect(url + "?booked=1")
    context.update(form=form, refusal=refusal)
    return _render(request, page, "events/school_booking_form.html", context, status=status)


def booking_track(request, *, page, reference, token):
    case = case_get_for_resident(
        municipality=request.tenant.municipality, reference=reference, token=token
    )
    booking = class_booking_get_for_case(case=case) if case and case.kind == CODE else None
    if booking is None:
        raise Http404(_("No booking has this number and tracking code."))
    language = translation.get_language()
    declared = kinds.get(CODE)
    entries = [
        {
            "at": entry.created_at,
            "kind": entry.kind,
            "status": str(declared.status(entry.status_to).label) if entry.status_to else "",
            "body": entry.body,
        }
        for entry in entry_list(case=case, public_only=True)
    ]
    context = {
        "case": case,
        "booking": booking,
        "status": declared.status(case.status).label,
        "session": _session_row(booking.occurrence, language),
        "entries": entries,
        "booked": request.GET.get("booked") == "1",
    }
    return _render(request, page, "events/school_booking_track.html", context)
