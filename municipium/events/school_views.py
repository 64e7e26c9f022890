"""The public routes of school classes on the programme page (``ProgrammePage``, "# School
classes"): the sessions that take classes, the booking form and the teacher's tracking page.
Parse, call ``events.schools``, render. None of them is kept by the page cache: the list's
places left change with each approval, the form carries a CSRF token, the tracking page is the
teacher's own."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from municipium.cases import kinds
from municipium.cases.selectors import case_get_for_resident, entry_list
from municipium.core.public_forms import PublicForm, form_post, private

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
BOOKING_FORM = PublicForm(
    rate_scope=RATE_SCOPE,
    spam_refusal=gettext_lazy("Your booking could not be sent. Please leave the last field empty."),
    too_many_refusal=gettext_lazy(
        "Too many bookings were sent from your connection in a short time. "
        "Nothing was saved: please try again later, or call us."
    ),
)


def _render(request, page, template, context, status=200):
    full = {
        **page.get_context(request),
        "list_url": page.get_url(request) + page.reverse_subpage("school_classes"),
        **context,
    }
    return private(render(request, template, full, status=status))


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
    booking, refusal, status = form_post(
        request,
        form,
        BOOKING_FORM,
        submit=lambda: class_booking_submit(
            occurrence=occurrence, data=form.cleaned_data, language=language
        ),
    )
    if booking is not None:
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
