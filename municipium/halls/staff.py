"""The staff's views of hall bookings: the list of the bookings they may see (their units'
work in the admin's municipality), a booking with its actions (approve, decline with the
reason or put on the waiting list, cancel), and a hall's calendar of bookings. Every read goes
through the selectors (another municipality's or unit's booking is a 404)."""

import datetime
import zoneinfo

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from municipium.cases.selectors import entry_list
from municipium.tenancy.selectors import admin_municipality

from .forms import ReasonForm
from .kind import HALL_BOOKING
from .models import BookingStatus
from .selectors import hall_booking_get_for_user, hall_booking_list_for_user, hall_list_for_user
from .services import booking_approve, booking_cancel, booking_decline


def _booking_or_404(request, booking_id):
    booking = hall_booking_get_for_user(
        municipality=admin_municipality(request), user=request.user, pk=booking_id
    )
    if booking is None:
        raise Http404
    return booking


class BookingIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "halls/admin/booking_index.html"
    header_icon = "date"
    page_title = _("Hall bookings")

    def get_page_title(self):
        return _("Hall bookings")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = admin_municipality(self.request)
        if municipality is None:
            raise PermissionDenied
        bookings = hall_booking_list_for_user(municipality=municipality, user=self.request.user)
        status = self.request.GET.get("status", "")
        if status in BookingStatus.values:
            bookings = bookings.filter(status=status)
        context.update(
            bookings=bookings.order_by("starts_at")[:500],
            statuses=BookingStatus.choices,
            status=status,
            halls=hall_list_for_user(municipality=municipality, user=self.request.user),
        )
        return context


class BookingDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "halls/admin/booking_detail.html"
    header_icon = "date"

    @cached_property
    def booking(self):
        return _booking_or_404(self.request, self.kwargs["booking_id"])

    def get_page_title(self):
        return _("Hall booking %(reference)s") % {"reference": self.booking.case.reference}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.booking
        context.update(
            booking=booking,
            case=booking.case,
            status=HALL_BOOKING.status(booking.status),
            entries=entry_list(case=booking.case, public_only=False),
            reason_form=ReasonForm(),
            clashes=booking.hall.bookings.filter(
                status__in=(BookingStatus.APPROVED, BookingStatus.OFFERED),
                blocked_from__lt=booking.blocked_until,
                blocked_until__gt=booking.blocked_from,
            ).exclude(pk=booking.pk),
            may_answer=booking.status == BookingStatus.REQUESTED,
            may_cancel=booking.status
            in (BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.WAITING,
                BookingStatus.OFFERED),
        )  # fmt: skip
        return context


@require_POST
def booking_action(request, booking_id, action):
    booking = _booking_or_404(request, booking_id)
    form = ReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    try:
        if action == "approve":
            booking_approve(booking=booking, by=request.user)
            messages.success(request, _("The booking is approved: the hall is blocked for it."))
        elif action == "decline":
            booking_decline(
                booking=booking,
                by=request.user,
                reason=reason,
                waiting_list=form.cleaned_data.get("waiting_list", False),
            )
            messages.success(request, _("The request is declined; the requester is told."))
        elif action == "cancel":
            booking_cancel(booking=booking, by=request.user, reason=reason)
            messages.success(request, _("The booking is cancelled; the requester is told."))
        else:
            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except PermissionDenied:
        raise Http404 from None
    return redirect("halls_booking_detail", booking_id=booking.pk)


class HallCalendarView(WagtailAdminTemplateMixin, TemplateView):
    """A hall's bookings over four weeks, day by day (every status but the closed ones)."""

    template_name = "halls/admin/hall_calendar.html"
    header_icon = "date"

    @cached_property
    def hall(self):
        municipality = admin_municipality(self.request)
        hall = (
            hall_list_for_user(municipality=municipality, user=self.request.user)
            .filter(pk=self.kwargs["hall_id"])
            .first()
        )
        if hall is None:
            raise Http404
        return hall

    def get_page_title(self):
        return _("Calendar of %(hall)s") % {"hall": self.hall.name_in()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zone = zoneinfo.ZoneInfo(self.hall.municipality.time_zone)
        try:
            first = datetime.date.fromisoformat(self.request.GET.get("from", ""))
        except ValueError:
            first = timezone.now().astimezone(zone).date()
        start = datetime.datetime.combine(first, datetime.time(0), tzinfo=zone)
        end = start + datetime.timedelta(days=28)
        bookings = (
            hall_booking_list_for_user(municipality=self.hall.municipality, user=self.request.user)
            .filter(hall=self.hall, blocked_from__lt=end, blocked_until__gt=start)
            .exclude(status__in=(BookingStatus.DECLINED, BookingStatus.CANCELLED))
            .order_by("starts_at")
        )
        days = {}
        for booking in bookings:
            days.setdefault(booking.starts_at.astimezone(zone).date(), []).append(booking)
        context.update(
            hall=self.hall,
            days=sorted(days.items()),
            time_zone=self.hall.municipality.time_zone,
            next=(first + datetime.timedelta(days=28)).isoformat(),
            index_url=reverse("halls_booking_index"),
        )
        return context
