"""The list of requests (admin → Requests): the current municipality's citizen requests that
the member of staff may see, filtered and searched, exported as CSV or XLSX.

The exports carry no personal data (no resident's name, contact, address or description):
whoever may see the list may export it, while the resident's contact is shown only on a case's
page to the staff who may act on it."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView

from municipium.cases import kinds
from municipium.core import formatting
from municipium.tenancy.selectors import admin_municipality

from .filters import CaseFilterSet
from .paging import CappedCountPaginator
from .selectors import request_case_list_for_user


def _status(case) -> str:
    try:
        return str(kinds.get(case.kind).status(case.status).label)
    except (KeyError, LookupError):
        return case.status


def _overdue(case) -> bool:
    if case.due_at is None or case.due_at >= timezone.now():
        return False
    status = kinds.get(case.kind).status(case.status)
    return status.clock == kinds.Clock.RUNNING and not status.is_closed


def _owner(case) -> str:
    return (case.owner.get_full_name() or case.owner.get_username()) if case.owner else ""


def _category(case) -> str:
    request = getattr(case, "citizen_request", None)
    return str(request.category) if request is not None else ""


class DueColumn(DateColumn):
    cell_template_name = "desk/admin/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = _overdue(instance)
        return context


class CaseIndexView(IndexView):
    page_title = _("Requests")
    header_icon = "form"
    index_url_name = "desk_case_index"
    index_results_url_name = "desk_case_index_results"
    filterset_class = CaseFilterSet
    search_fields = ["reference", "title"]
    verbose_name = _("request")
    verbose_name_plural = _("requests")
    default_ordering = "-filed_at"
    paginate_by = 50
    paginator_class = CappedCountPaginator
    results_template_name = "desk/admin/case_listing_results.html"
    export_filename = "requests"
    list_export = [
        "reference", "title", "category", "unit", "owner", "status", "channel", "due",
        "overdue", "filed",
    ]  # fmt: skip
    export_headings = {
        "reference": _("Reference"),
        "title": _("Subject"),
        "category": _("Category"),
        "unit": _("Unit"),
        "owner": _("Owner"),
        "status": _("Status"),
        "channel": _("Channel"),
        "due": _("Due"),
        "overdue": pgettext_lazy("case status", "Overdue"),
        "filed": _("Filed"),
    }

    columns = [
        TitleColumn(
            "reference", label=_("Reference"), url_name="desk_case_detail", sort_key="reference"
        ),
        Column("title", label=_("Subject")),
        Column("category", label=_("Category"), accessor=_category),
        Column("unit", label=_("Unit"), accessor=lambda case: str(case.unit)),
        Column("owner", label=_("Owner"), accessor=_owner),
        Column("status", label=_("Status"), accessor=_status, sort_key="status"),
        DueColumn("due_at", label=_("Due"), sort_key="due_at"),
        DateColumn("filed_at", label=_("Filed"), sort_key="filed_at"),
    ]

    @cached_property
    def municipality(self):
        return admin_municipality(self.request)

    def dispatch(self, request, *args, **kwargs):
        if admin_municipality(request) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return request_case_list_for_user(municipality=self.municipality, user=self.request.user)

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "queryset": self.get_base_queryset(),
            "municipality": self.municipality,
        }

    def get_page_subtitle(self):
        return str(self.municipality)

    def to_row_dict(self, item):
        time_zone = self.municipality.time_zone
        channels = dict(type(item)._meta.get_field("channel").choices)
        return {
            "reference": item.reference,
            "title": item.title,
            "category": _category(item),
            "unit": str(item.unit),
            "owner": _owner(item),
            "status": _status(item),
            "channel": str(channels.get(item.channel, item.channel)),
            "due": formatting.iso_date(item.due_at, time_zone=time_zone) if item.due_at else "",
            "overdue": str(_("Yes") if _overdue(item) else _("No")),
            "filed": formatting.iso_date(item.filed_at, time_zone=time_zone),
        }

    def stream_csv(self, queryset):
        # Rows are written after the view returned, when the admin's language is no longer
        # active (as the audit log's export does).
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()
