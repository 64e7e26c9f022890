"""The directory of a municipality's directorates and people, and a directorate's page: what
it does, who works there, how it is organised, its documents and its service standards."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from municipium.core.blocks import BodyBlock
from municipium.tenancy.forms import MunicipalPageForm

from ..blocks import ActivityAreasBlock
from ..forms import DirectoratePageForm

JOB_TITLE = pgettext_lazy("job title", "title")
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class DirectoryIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["directory.DirectoratePage"]
    base_form_class = MunicipalPageForm
    template = "directory/directory_index_page.html"

    class Meta:
        verbose_name = _("directory")

    def get_context(self, request, *args, **kwargs):
        from ..context import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(request, index=self))
        return context


@dataclass(frozen=True)
class ApplicationPlace:
    """The first or second place of application of the service standards table's footer."""

    heading: str
    name: str
    title: str
    address: str
    phone: str
    fax: str
    email: str


def _place_fields(label: str):
    return [
        FieldRowPanel([FieldPanel(f"{label}_place_name"), FieldPanel(f"{label}_place_title")]),
        FieldPanel(f"{label}_place_address"),
        FieldRowPanel(
            [
                FieldPanel(f"{label}_place_phone"),
                FieldPanel(f"{label}_place_fax"),
                FieldPanel(f"{label}_place_email"),
            ]
        ),
    ]


class DirectoratePage(RoutablePageMixin, Page):
    search_kind = "directorate"  # how the search shows it (municipium.search.models.Kind)

    unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
        verbose_name=_("unit of the organisation"),
        help_text=_(
            "The directorate this page presents: its sections, people and positions are "
            "edited once, under Organisation, and shown in every language."
        ),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    # The director's name and title as text, for a directorate whose people are not entered.
    director_name = models.CharField(_("director"), max_length=200, blank=True)
    director_title = models.CharField(_("director's title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_extension = models.CharField(_("extension"), max_length=10, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    duties = RichTextField(_("duty definition"), blank=True)
    activity_areas = StreamField(ActivityAreasBlock(), blank=True, verbose_name=_("activity areas"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("activity areas and more"))

    founded_on = models.DateField(_("date of the founding decision"), null=True, blank=True)
    founding_decision_number = models.CharField(
        _("number of the founding decision"), max_length=50, blank=True
    )
    founding_body = models.CharField(
        _("body that took it"),
        max_length=200,
        blank=True,
        help_text=_("For example: the Municipal Council."),
    )
    reports_to_page = models.ForeignKey(
        "directory.DirectoratePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reports to a directorate"),
        help_text=_("A directorate of the same site."),
    )
    reports_to_text = models.CharField(
        _("reports to"),
        max_length=200,
        blank=True,
        help_text=_("A person or body without a page here, for example: the Mayor."),
    )

    regulation_document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("regulation (document)"),
    )
    regulation_text = RichTextField(_("regulation (text)"), blank=True, features=RICH_TEXT_FEATURES)

    first_place_name = models.CharField(_("name"), max_length=200, blank=True)
    first_place_title = models.CharField(JOB_TITLE, max_length=200, blank=True)
    first_place_address = models.TextField(_("address"), blank=True)
    first_place_phone = models.CharField(_("phone"), max_length=40, blank=True)
    first_place_fax = models.CharField(_("fax"), max_length=40, blank=True)
    first_place_email = models.EmailField(_("e-mail"), blank=True)
    second_place_name = models.CharField(_("name"), max_length=200, blank=True)
    second_place_title = models.CharField(JOB_TITLE, max_length=200, blank=True)
    second_place_address = models.TextField(_("address"), blank=True)
    second_place_phone = models.CharField(_("phone"), max_length=40, blank=True)
    second_place_fax = models.CharField(_("fax"), max_length=40, blank=True)
    second_place_email = models.EmailField(_("e-mail"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duties"),
        FieldPanel("activity_areas"),
        FieldPanel("body"),
    ]
    organisation_panels = [
        FieldPanel("unit"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("phone_extension"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("director_name"), FieldPanel("director_title")],
            heading=_("Director, when the unit has no head entered"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("founded_on"),
                FieldPanel("founding_decision_number"),
                FieldPanel("founding_body"),
            ],
            heading=_("Founding decision"),
        ),
        MultiFieldPanel(
            [FieldPanel("reports_to_page"), FieldPanel("reports_to_text")],
            heading=_("Reports to"),
        ),
    ]
    documents_panels = [
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
        MultiFieldPanel(
            [FieldPanel("regulation_document"), FieldPanel("regulation_text")],
            heading=_("Regulation"),
        ),
    ]
    service_panels = [
        InlinePanel("service_standards", heading=_("Service standards"), label=_("service")),
        MultiFieldPanel(_place_fields("first"), heading=_("First place of application")),
        MultiFieldPanel(_place_fields("second"), heading=_("Second place of application")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(organisation_panels, heading=_("Organisation")),
            ObjectList(documents_panels, heading=_("Documents")),
            ObjectList(service_panels, heading=_("Service standards")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=DirectoratePageForm,
    )

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    template = "directory/directorate_page.html"

    class Meta:
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")

    def search_extra_text(self) -> list[str]:
        """Its people, their job titles and sections, which its page shows: the site's search
        finds the directorate by a person's name (``search.extract``)."""
        from ..selectors import directorate_search_text

        return directorate_search_text(page=self)

    def get_context(self, request, *args, **kwargs):
        from ..context import directorate_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directorate_context(request, page=self))
        return context

    @path("service-standards/csv/", name="service_standards_csv")
    def service_standards_csv(self, request):
        from ..downloads import service_standards_csv

        return service_standards_csv(request, page=self)

    @path("service-standards/pdf/", name="service_standards_pdf")
    def service_standards_pdf(self, request):
        from ..downloads import service_standards_pdf

        return service_standards_pdf(request, page=self)

    @property
    def application_places(self) -> list[ApplicationPlace]:
        places = []
        for label, heading in (
            ("first", _("First place of application")),
            ("second", _("Second place of application")),
        ):
            fields = {
                name: getattr(self, f"{label}_place_{name}")
                for name in ("name", "title", "address", "phone", "fax", "email")
            }
            if any(fields.values()):
                places.append(ApplicationPlace(heading=str(heading), **fields))
        return places
