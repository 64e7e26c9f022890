from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from municipium.tenancy.selectors import admin_municipality

from . import staff
from .viewsets import HallViewSet


class BookingsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_municipality(request) is not None


@hooks.register("register_admin_urls")
def register_halls_admin_urls():
    return [
        path("hall-bookings/", staff.BookingIndexView.as_view(), name="halls_booking_index"),
        path(
            "hall-bookings/<int:booking_id>/",
            staff.BookingDetailView.as_view(),
            name="halls_booking_detail",
        ),
        path(
            "hall-bookings/<int:booking_id>/<str:action>/",
            staff.booking_action,
            name="halls_booking_action",
        ),
        path(
            "hall-bookings/calendar/<int:hall_id>/",
            staff.HallCalendarView.as_view(),
            name="halls_hall_calendar",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_bookings_menu_item():
    return BookingsMenuItem(
        _("Hall bookings"), reverse("halls_booking_index"), icon_name="date", order=255
    )


@hooks.register("register_admin_viewset")
def register_halls_viewset():
    return HallViewSet("halls")
