"""The requests desk's public page: one per home page (language), placed by editors, with the
form, the tracking page and the resident's verdict as its own routes. The responses are built
in ``desk.views``; the page only names its routes."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from municipium.tenancy.forms import MunicipalPageForm


class RequestDeskPage(RoutablePageMixin, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What residents may send here, and how soon they hear back."),
    )

    map_latitude = models.DecimalField(
        _("map centre: latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        help_text=_("Where the map opens: the town centre."),
    )  # fmt: skip
    map_longitude = models.DecimalField(
        _("map centre: longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    map_zoom = models.PositiveSmallIntegerField(
        _("map zoom"), default=13, validators=[MinValueValidator(1), MaxValueValidator(19)]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("map_latitude"), FieldPanel("map_longitude"), FieldPanel("map_zoom")],
            heading=_("Map"),
        ),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm
    template = "desk/request_form.html"

    class Meta:
        verbose_name = _("requests desk")
        verbose_name_plural = _("requests desks")

    @path("", name="form")
    def form(self, request):
        from . import views

        return views.request_form(request, page=self)

    @path("track/", name="lookup")
    def lookup(self, request):
        from . import views

        return views.request_lookup(request, page=self)

    @path("track/<str:reference>/<str:token>/", name="track")
    def track(self, request, reference, token):
        from . import views

        return views.request_track(request, page=self, reference=reference, token=token)

    @path("track/<str:reference>/<str:token>/verdict/", name="verdict")
    def verdict(self, request, reference, token):
        from . import views

        return views.request_verdict(request, page=self, reference=reference, token=token)

    @path("track/<str:reference>/<str:token>/photos/<int:photo>/", name="photo")
    def photo(self, request, reference, token, photo):
        from . import views

        return views.request_photo(
            request, page=self, reference=reference, token=token, photo=photo
        )

    def tracking_url(self, case, request=None) -> str:
        """The tracking page's address (reference and secret token): absolute, on the site's
        own host, for a mail; relative to ``request``'s site for a link."""
        base = self.get_url(request) if request is not None else self.get_full_url()
        return base + self.reverse_subpage("track", args=[case.reference, case.tracking_token])
