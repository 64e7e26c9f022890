"""The programme page: one per home page (language), placed by editors; the list, the month
calendar and each event's page, school classes' sessions and booking form, as its own routes.
The responses are built in ``events.views`` and ``events.school_views``; the page only names
its routes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from municipium.tenancy.forms import MunicipalPageForm


class ProgrammePage(RoutablePageMixin, Page):
    """A municipality's programme in one language: the upcoming events, a month's calendar,
    each event's page and the iCalendar feeds, as its own routes (``events.views``)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    # The programme (part 2 of issue 11): the list, the calendar, an event, the iCalendar files.

    @path("", name="list")
    def upcoming(self, request):
        from . import views

        return views.programme_list(request, page=self)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from . import views

        return views.programme_calendar(request, page=self)

    @path("calendar/<int:year>/<int:month>/", name="calendar_month")
    def calendar_month(self, request, year, month):
        from . import views

        return views.programme_calendar(request, page=self, year=year, month=month)

    @path("<int:event_id>/<str:slug>/", name="event")
    def event(self, request, event_id, slug):
        from . import views

        return views.event_detail(request, page=self, event_id=event_id, slug=slug)

    # The iCalendar files (feed.ics, <event>/<slug>/event.ics) are not routes here: Wagtail serves
    # only addresses that end in a slash; events.urls finds this page and calls events.views.

    # School classes
    @path("school-classes/", name="school_classes")
    def school_classes(self, request):
        from . import school_views

        return school_views.session_list(request, page=self)

    @path("school-classes/<int:occurrence_id>/", name="school_class_form")
    def school_class_form(self, request, occurrence_id):
        from . import school_views

        return school_views.booking_form(request, page=self, occurrence_id=occurrence_id)

    @path("school-classes/track/<str:reference>/<str:token>/", name="school_class_track")
    def school_class_track(self, request, reference, token):
        from . import school_views

        return school_views.booking_track(request, page=self, reference=reference, token=token)

    # Registration

    @path("<int:event_id>/<str:slug>/register/", name="register")
    def register(self, request, event_id, slug):
        from . import registration_views

        return registration_views.register(request, page=self, event_id=event_id)

    @path("registrations/<str:code>/<str:token>/", name="registration")
    def registration(self, request, code, token):
        from . import registration_views

        return registration_views.own_registration(request, page=self, code=code, token=token)
