"""The portal's general pages: a municipality's home page and pages of rich content."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from municipium.core.blocks import BodyBlock
from municipium.tenancy.forms import MunicipalPageForm


class HighlightBlock(blocks.StructBlock):
    """A quick-access card on the home page: a title and a line of text that lead to a page
    of the same municipality or to an address (a form, a service elsewhere)."""

    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("A page of this municipality's site."),
    )
    url = blocks.URLBlock(
        label=_("Or an address"),
        required=False,
        help_text=_("A form or a service on another site, when the card leads to no page here."),
    )

    class Meta:
        icon = "pick"
        template = "portal/blocks/highlight.html"
        help_text = _(
            "A card leads to a page or to an address. A card with neither, or whose page is "
            "not published, is not shown on the site until its page is."
        )
        preview_value = {
            "title": "Pay your water bill",
            "text": "Online, in two minutes.",
            "url": "https://example.org/water",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or give an address, not both."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["card_url"] = highlight_url(value, request=request)
        return context


def highlight_url(value, *, request=None) -> str:
    """Where a card leads: its page's address if the page is live, else its address, else
    nothing (the card is not shown)."""
    page = value.get("page")
    if page is not None:
        return (page.get_url(request) or "") if page.live else ""
    return value.get("url") or ""


class MunicipalityRootPage(Page):
    """The root of one municipality's pages, right under Wagtail's root: its home page in each
    language sits under it. It is never served (the site is rooted at the home page of the
    default language); it gives each municipality a branch of its own, so that the pages an
    editor may edit have it, never Wagtail's root, as their common ancestor, and the explorer
    opens there. Editors' page permissions are given on it."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.HomePage"]
    preview_modes = []
    base_form_class = MunicipalPageForm

    class Meta:
        verbose_name = _("municipality's pages")

    def route(self, request, path_components):
        raise Http404

    def serve(self, request, *args, **kwargs):
        raise Http404


class HomePage(Page):
    """A municipality's home page: the root of its site, one per language."""

    welcome_heading = models.CharField(_("welcome heading"), max_length=200)
    welcome_text = RichTextField(_("welcome text"), features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    highlights = StreamField(
        [("highlight", HighlightBlock())], blank=True, verbose_name=_("highlights")
    )
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("directorates shown"),
        help_text=_("The page whose directorates the home page lists."),
    )
    news_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("news shown"),
        help_text=_("The news page whose latest articles the home page lists."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("welcome_heading"), FieldPanel("welcome_text"), FieldPanel("hero_image")],
            heading=_("Welcome"),
        ),
        FieldPanel("highlights"),
        MultiFieldPanel(
            [FieldPanel("directory_page"), FieldPanel("news_page")], heading=_("Sections")
        ),
    ]

    parent_page_types = ["portal.MunicipalityRootPage"]
    max_count_per_parent = None
    base_form_class = MunicipalPageForm
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if foreign := highlight_pages_outside(home=self):
            raise ValidationError(
                {
                    "highlights": _(
                        "A card may lead only to a page of this municipality's site: "
                        "%(titles)s is not one."
                    )
                    % {"titles": ", ".join(f"'{page.title}'" for page in foreign)}
                }
            )

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_sections_get

        context = super().get_context(request, *args, **kwargs)
        sections = home_sections_get(home=self, request=request)
        context["directorates"] = sections.directorates
        context["latest_news"] = sections.latest_news
        context["news_page_url"] = sections.news_page_url
        context["highlights"] = sections.highlights
        return context


def highlight_page_ids(home) -> list[int]:
    """The ids of the pages a home page's cards lead to, read from the stored data (no
    query per card)."""
    return [
        block["value"]["page"]
        for block in home.highlights.raw_data
        if block.get("type") == "highlight" and block.get("value", {}).get("page")
    ]


def highlight_pages_outside(*, home) -> list[Page]:
    """The pages a home page's cards lead to that are not in its site: under neither the home
    page nor one of its translations (the site's home pages in its other languages)."""
    ids = highlight_page_ids(home)
    if not ids:
        return []
    roots = [home] if home.pk is None else list(home.get_translations(inclusive=True))
    if home.pk is None and home.translation_key:
        roots += list(Page.objects.filter(translation_key=home.translation_key))
    pages = Page.objects.filter(pk__in=ids)
    return [
        page
        for page in pages
        if not any(root.path and page.path.startswith(root.path) for root in roots)
    ]


class StandardPage(Page):
    """A general page: mission, about, a plan, a declaration; any rich content."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    base_form_class = MunicipalPageForm
    template = "portal/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class AccessibilityStatus(models.TextChoices):
    COMPLIANT = "compliant", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NON_COMPLIANT = "non_compliant", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("a self-assessment by the entity")
    AUDIT = "audit", _("an assessment by an external body")


class AccessibilityDeclarationPage(Page):
    """A statutory accessibility declaration ('deklaracja dostępności', Poland's act of
    4 April 2019, technical conditions v2.0). One per language version of the site; its
    structure and element ids follow what checkers look for, whatever the language."""

    entity_name = models.CharField(
        _("entity"), max_length=255, help_text=_("The public body the declaration is for.")
    )
    site_url = models.URLField(_("address of the site"), blank=True)
    published_on = models.DateField(_("date the site was published"))
    updated_on = models.DateField(_("date of the site's last major update"))
    status = models.CharField(
        _("compliance status"), max_length=20, choices=AccessibilityStatus.choices
    )
    non_conformities = RichTextField(
        _("inaccessible content"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_(
            "Non-conformities, content outside the law's scope, and content exempt as a "
            "disproportionate burden, each with its reason."
        ),
    )
    prepared_on = models.DateField(_("date the declaration was prepared"))
    reviewed_on = models.DateField(_("date of the last review"), null=True, blank=True)
    assessment_method = models.CharField(
        _("how it was assessed"), max_length=10, choices=AssessmentMethod.choices
    )
    assessed_by = models.CharField(_("external auditor"), max_length=255, blank=True)
    keyboard_shortcuts = models.TextField(_("keyboard shortcuts"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=255)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    complaints_procedure = RichTextField(
        _("requests and complaints procedure"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_(
            "Left empty, a standard procedure is shown: on a Polish site, the one the law "
            "prescribes."
        ),
    )
    other_information = RichTextField(_("other information"), blank=True)
    mobile_apps = RichTextField(_("mobile applications"), blank=True)
    architectural_accessibility = RichTextField(_("architectural accessibility"), blank=True)
    communication_accessibility = RichTextField(
        _("communication and information accessibility"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("site_url"),
                FieldPanel("published_on"),
                FieldPanel("updated_on"),
            ],
            heading=_("Entity and site"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("non_conformities")],
            heading=_("State of digital accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("prepared_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("assessment_method"),
                FieldPanel("assessed_by"),
            ],
            heading=_("Preparation of the declaration"),
        ),
        FieldPanel("keyboard_shortcuts"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("complaints_procedure"),
            ],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("other_information"),
        FieldPanel("mobile_apps"),
        FieldPanel("architectural_accessibility"),
        FieldPanel("communication_accessibility"),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = MunicipalPageForm
    template = "portal/accessibility_declaration_page.html"

    class Meta:
        verbose_name = _("accessibility declaration")

    @property
    def last_reviewed(self):
        return self.reviewed_on or self.prepared_on

    @property
    def review_due_on(self):
        """The law asks for a review by 31 March every year: the 31 March after the last."""
        return datetime.date(self.last_reviewed.year + 1, 3, 31)


class Alert(models.Model):
    """A notice shown on every page of a municipality's site between two times: a water cut,
    a road closure. It disappears on its own at its end."""

    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        DANGER = "danger", _("Emergency")

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("municipality"),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language version of the site that shows it."),
    )
    message = models.CharField(_("message"), max_length=300)
    link_url = models.URLField(_("link for details"), blank=True)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.WARNING
    )
    starts_at = models.DateTimeField(_("shown from"))
    ends_at = models.DateTimeField(_("shown until"))

    panels = [
        FieldPanel("municipality"),
        FieldPanel("language"),
        FieldPanel("message"),
        FieldPanel("link_url"),
        FieldPanel("severity"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="alert_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.message

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("An alert must end after it starts.")})


class MissionAreaBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Area"))
    description = blocks.TextBlock(label=_("What we aim for"), required=False)
    goals = blocks.ListBlock(blocks.CharBlock(label=_("Goal")), label=_("Goals"), default=[])

    class Meta:
        icon = "target"
        template = "components/mission_area.html"
        preview_value = {
            "title": "The local community",
            "description": "An integrated community.",
            "goals": ["Shared projects", "Cooperation with schools"],
        }


class MissionPage(Page):
    """A mission statement in areas, each with its goals (seed page 004)."""

    statement = models.TextField(_("mission statement"))
    areas = StreamField([("area", MissionAreaBlock())], verbose_name=_("areas"))

    content_panels = [*Page.content_panels, FieldPanel("statement"), FieldPanel("areas")]
    base_form_class = MunicipalPageForm
    template = "portal/mission_page.html"

    class Meta:
        verbose_name = _("mission page")


class PlanPage(Page):
    """A plan of numbered activities whose progress staff keep up to date (seed page 001)."""

    intro = models.TextField(_("introduction"), blank=True)
    period = models.CharField(_("period"), max_length=50, blank=True, help_text=_("2026–2030"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("period"),
        InlinePanel("activities", heading=_("Activities"), label=_("Activity")),
    ]
    base_form_class = MunicipalPageForm
    template = "portal/plan_page.html"

    class Meta:
        verbose_name = _("plan page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import plan_activity_list, plan_activity_table

        context = super().get_context(request, *args, **kwargs)
        # Read once, with their units, for the table and for the progress above it.
        activities = plan_activity_list(plan=self)
        context["activities"] = activities
        context["table"] = plan_activity_table(activities=activities)
        context["progress"] = self.progress(activities)
        return context

    def progress(self, activities=None) -> dict:
        """How far the plan has come: the count of activities in each status and the share
        of the activities still pursued that are done."""
        if activities is None:
            activities = list(self.activities.all())
        counts = dict.fromkeys(PlanActivity.Status.values, 0)
        for activity in activities:
            counts[activity.status] += 1
        pursued = len(activities) - counts[PlanActivity.Status.CANCELLED]
        done = counts[PlanActivity.Status.DONE]
        return {
            "counts": counts,
            "total": len(activities),
            "pursued": pursued,
            "cancelled": counts[PlanActivity.Status.CANCELLED],
            "done": done,
            "percent_done": round(100 * done / pursued) if pursued else 0,
        }


class PlanActivity(Orderable):
    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("plan activity status", "Planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("plan activity status", "In progress")
        DONE = "done", pgettext_lazy("plan activity status", "Done")
        POSTPONED = "postponed", pgettext_lazy("plan activity status", "Postponed")
        CANCELLED = "cancelled", pgettext_lazy("plan activity status", "Cancelled")

    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="activities")
    text = models.TextField(_("activity"))
    responsible_unit = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responsible unit"),
    )
    target_year = models.PositiveSmallIntegerField(
        _("target year"),
        null=True,
        blank=True,
        help_text=_("In the site's calendar: 1405 on a Solar Hijri site."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    status_note = models.CharField(_("progress note"), max_length=300, blank=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("responsible_unit"),
        FieldPanel("target_year"),
        FieldPanel("status"),
        FieldPanel("status_note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("plan activity")
        verbose_name_plural = _("plan activities")

    @property
    def number(self) -> int:
        return (self.sort_order or 0) + 1
