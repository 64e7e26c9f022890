"""The halls page: one per home page (language), with the catalogue, each hall's page with its
availability, the request form and the tracking page as its routes (built in ``halls.views``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from municipium.tenancy.forms import MunicipalPageForm

SLUGS = {"tr": "salonlar", "fa": "سالن-ها", "pl": "sale", "en": "halls"}


class HallsPage(RoutablePageMixin, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who may borrow the halls, and how soon requests are answered."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm
    template = "halls/hall_list.html"

    class Meta:
        verbose_name = _("halls lent on request")
        verbose_name_plural = _("halls lent on request")

    @path("", name="list")
    def catalogue(self, request):
        from . import views

        return views.hall_list(request, page=self)

    @path("track/<str:reference>/<str:token>/", name="track")
    def track(self, request, reference, token):
        from . import views

        return views.booking_track(request, page=self, reference=reference, token=token)

    @path("track/<str:reference>/<str:token>/<str:action>/", name="track-action")
    def track_action(self, request, reference, token, action):
        from . import views

        return views.booking_track_action(
            request, page=self, reference=reference, token=token, action=action
        )

    @path("<str:slug>/", name="hall")
    def hall(self, request, slug):
        from . import views

        return views.hall_detail(request, page=self, slug=slug)

    @path("<str:slug>/request/", name="request")
    def request_form(self, request, slug):
        from . import views

        return views.booking_form(request, page=self, slug=slug)

    def tracking_url(self, case, request=None) -> str:
        base = self.get_url(request) if request is not None else self.get_full_url()
        return base + self.reverse_subpage("track", args=[case.reference, case.tracking_token])
