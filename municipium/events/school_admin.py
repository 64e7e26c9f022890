"""The staff's views of school-class bookings in the admin: a list of the bookings of the
sessions they may see (filtered by status and date), a booking's page with its actions, and
the confirmation letter. Every booking is read through ``class_booking_get_for_user`` (another
municipality's, or another unit's, is a 404); every action posts to a view that calls one
service of ``events.schools`` and says why it was refused.

The desk's admin views are built around a citizen request (its category, questions, forms of
the engine's every move), so these are written for the booking; only ``admin_municipality``
(the admin's current municipality) is the desk's, and generic."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from municipium.cases import kinds
from municipium.cases.selectors import entry_list
from municipium.tenancy.selectors import admin_municipality

from .kind import CODE
from .schools import (
    class_booking_approve,
    class_booking_cancel,
    class_booking_contact_visible,
    class_booking_decline,
    class_booking_get_for_user,
    class_booking_hold,
    class_booking_letter_pdf,
    class_booking_list_for_user,
)


class FilterForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        declared = kinds.get(CODE)
        self.fields["status"].choices = [
            ("", _("All")),
            *[(status.code, status.label) for status in declared.statuses],
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def booking_or_404(request, booking_id):
    booking = class_booking_get_for_user(
        municipality=admin_municipality(request), user=request.user, pk=booking_id
    )
    if booking is None:
        raise Http404
    return booking


class BookingListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/school_bookings.html"
    page_title = gettext_lazy("School-class bookings")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bookings = class_booking_list_for_user(
            municipality=admin_municipality(self.request), user=self.request.user
        )
        form = FilterForm(self.request.GET or None)
        if form.is_valid():
            data = form.cleaned_data
            if data["status"]:
                bookings = bookings.filter(case__status=data["status"])
            if data["date_from"]:
                bookings = bookings.filter(occurrence__starts_at__date__gte=data["date_from"])
            if data["date_to"]:
                bookings = bookings.filter(occurrence__starts_at__date__lte=data["date_to"])
        declared = kinds.get(CODE)
        context["filter_form"] = form
        context["rows"] = [
            {
                "booking": booking,
                "status": declared.status(booking.case.status).label,
                "title": booking.occurrence.event.text_in(),
                "url": reverse("events_school_booking", args=[booking.pk]),
            }
            for booking in bookings[:500]
        ]
        return context


class BookingDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/school_booking.html"
    header_icon = "group"

    @cached_property
    def booking(self):
        return booking_or_404(self.request, self.kwargs["booking_id"])

    def get_page_title(self):
        return _("Booking %(reference)s") % {"reference": self.booking.case.reference}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("events_school_bookings"), "label": _("School-class bookings")},
            {"url": "", "label": self.booking.case.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.booking
        declared = kinds.get(CODE)
        moves = {move.code for move in declared.transitions_from(booking.case.status)}
        context.update(
            booking=booking,
            case=booking.case,
            status=declared.status(booking.case.status).label,
            title=booking.occurrence.event.text_in(),
            contact_visible=class_booking_contact_visible(booking=booking, user=self.request.user),
            entries=entry_list(case=booking.case, public_only=False),
            moves=moves,
            reason_form=ReasonForm(),
            letter_url=reverse("events_school_booking_letter", args=[booking.pk]),
        )
        return context


def _act(perform, done, *, reason=False):
    @require_POST
    def view(request, booking_id):
        booking = booking_or_404(request, booking_id)
        form = ReasonForm(request.POST)
        form.is_valid()
        try:
            if reason:
                perform(booking=booking, by=request.user, reason=form.cleaned_data["reason"])
            else:
                perform(booking=booking, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You may not act on this case."))
        else:
            messages.success(request, str(done))
        return redirect("events_school_booking", booking_id=booking.pk)

    return view


ACTIONS = {
    "approve": _act(class_booking_approve, gettext_lazy("The booking was approved.")),
    "decline": _act(class_booking_decline, gettext_lazy("The booking was declined."), reason=True),
    "cancel": _act(class_booking_cancel, gettext_lazy("The booking was cancelled."), reason=True),
    "hold": _act(class_booking_hold, gettext_lazy("The class is recorded as come.")),
}


def letter(request, booking_id):
    booking = booking_or_404(request, booking_id)
    if booking.case.status not in {"approved", "held"}:
        raise Http404
    response = HttpResponse(class_booking_letter_pdf(booking=booking), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{booking.case.reference}.pdf"'
    return response


urlpatterns = [
    path("school-classes/", BookingListView.as_view(), name="events_school_bookings"),
    path(
        "school-classes/<int:booking_id>/",
        BookingDetailView.as_view(),
        name="events_school_booking",
    ),
    path(
        "school-classes/<int:booking_id>/letter/",
        letter,
        name="events_school_booking_letter",
    ),
    *(
        path(f"school-classes/<int:booking_id>/{name}/", view, name=f"events_school_{name}")
        for name, view in ACTIONS.items()
    ),
]
