"""Wagtail hooks of school classes (imported by ``EventsConfig.ready``, so that the events'
own ``wagtail_hooks`` stays the events part's): the admin's URLs, the menu item, the labels
of the audit entries."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from municipium.tenancy.selectors import admin_municipality

from .school_admin import urlpatterns


class SchoolClassesMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_municipality(request) is not None


@hooks.register("register_admin_urls")
def register_school_class_urls():
    return urlpatterns


@hooks.register("register_admin_menu_item")
def register_school_class_menu_item():
    return SchoolClassesMenuItem(
        _("School classes"), reverse("events_school_bookings"), name="school-classes",
        icon_name="group", order=160,
    )  # fmt: skip
