"""The audit log of a municipality in the admin (Reports → Audit log), and Wagtail's own site
history limited to the municipalities a member of staff works for.

The audit log lists the entries of ``core.audit`` (Wagtail's ``ModelLogEntry``) through
``audit_entry_list_for_user``, filtered by municipality, unit, user, action and date, with what
each entry changed, and exports them as CSV or XLSX with Wagtail's report machinery."""

from collections import defaultdict

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.base import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from municipium.core import audit, formatting
from municipium.core.http import whole_number

from .selectors import audit_entry_list_for_user, log_entry_visible_to, municipality_list_for_user


class AuditLogFilterSet(HistoryFilterSet):
    """Wagtail's history filters (action, user, date range) over the scoped entries, with the
    municipality (when the user works for several) and the unit (when the organisation
    offers units to choose from)."""

    municipality = django_filters.ChoiceFilter(
        label=_("Municipality"), method="filter_municipality", widget=forms.RadioSelect
    )
    unit = django_filters.ChoiceFilter(label=_("Unit"), method="filter_unit")

    class Meta:
        model = ModelLogEntry
        fields = []

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["municipality"].extra["choices"] = [(m.pk, str(m)) for m in municipalities]
        self.filters["municipality"].extra["empty_label"] = _("All")
        if len(municipalities) < 2:
            del self.filters["municipality"]
        units = audit.unit_choices(user=self.request.user, municipalities=municipalities)
        if units:
            self.filters["unit"].extra["choices"] = units
        else:
            del self.filters["unit"]

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(data__municipality=whole_number(value))

    def filter_unit(self, queryset, name, value):
        return queryset.filter(data__unit=whole_number(value))


class AuditLogView(ReportView):
    page_title = _("Audit log")
    header_icon = "list-ul"
    results_template_name = "tenancy/admin/audit_log_results.html"
    filterset_class = AuditLogFilterSet
    index_url_name = "tenancy_audit_log"
    index_results_url_name = "tenancy_audit_log_results"
    export_filename = "audit-log"
    list_export = [
        "when",
        "timestamp_iso",
        "municipality_name",
        "user_display_name",
        "action_label",
        "object_label",
        "changes_text",
    ]
    export_headings = {
        "when": _("Date/Time"),
        "timestamp_iso": _("Timestamp (ISO 8601)"),
        "municipality_name": _("Municipality"),
        "user_display_name": _("User"),
        "action_label": _("Action"),
        "object_label": _("Object"),
        "changes_text": _("Changes"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not self.municipalities:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def municipalities(self):
        if not hasattr(self, "_municipalities"):
            self._municipalities = list(municipality_list_for_user(user=self.request.user))
        return self._municipalities

    def get_base_queryset(self):
        return audit_entry_list_for_user(user=self.request.user)

    def get_queryset(self):
        return self.get_base_queryset()

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "queryset": self.get_base_queryset(),
            "municipalities": self.municipalities,
        }

    def decorate_paginated_queryset(self, object_list):
        by_id = {m.pk: m for m in self.municipalities}
        language = translation.get_language()
        entries = list(object_list)
        edit_urls = self._edit_urls(entries)
        changes = audit.changes_text(entries)
        for entry in entries:
            municipality = by_id.get((entry.data or {}).get("municipality"))
            time_zone = municipality.time_zone if municipality else None
            entry.when = formatting.format_datetime(
                entry.timestamp,
                language=language,
                calendar=municipality.calendar if municipality else formatting.GREGORIAN,
                time_zone=time_zone,
                style="medium",
            )
            entry.timestamp_iso = formatting.iso_date(entry.timestamp, time_zone=time_zone)
            entry.municipality_name = str(municipality) if municipality else ""
            entry.action_label = str(log_action_registry.get_action_label(entry.action))
            entry.object_label = entry.label
            entry.changes = changes[entry.pk]
            entry.changes_text = "; ".join(f"{f}: {b} → {a}" for f, b, a in entry.changes)
            entry.edit_url = edit_urls.get((entry.content_type_id, entry.object_id))
        return entries

    def _edit_urls(self, entries) -> dict:
        """The admin's edit URL of each object still there, one query per kind of object."""
        ids_by_type = defaultdict(set)
        for entry in entries:
            ids_by_type[entry.content_type].add(entry.object_id)
        url_finder = AdminURLFinder(self.request.user)
        urls = {}
        for content_type, ids in ids_by_type.items():
            model = content_type.model_class()
            if model is None:
                continue
            for pk, instance in model._default_manager.in_bulk(list(ids)).items():
                urls[(content_type.pk, str(pk))] = url_finder.get_edit_url(instance)
        return urls

    def stream_csv(self, queryset):
        # The rows are written after the view has returned, when the admin no longer speaks
        # the user's language: keep it for the headings.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_municipality"] = len(self.municipalities) > 1
        return context


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """Wagtail's filters of the site history, whose user filter offers only the people of
    the entries the user may read (Wagtail's offers every author of any model entry)."""

    def get_users_queryset(self):
        user = self.request.user
        ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            entries = log_model.objects.viewable_by_user(user)
            if log_model is ModelLogEntry:
                entries = entries.filter(log_entry_visible_to(user))
            ids.update(entries.get_user_ids())
        user_model = get_user_model()
        return user_model.objects.filter(pk__in=ids).order_by(user_model.USERNAME_FIELD)


class ScopedSiteHistoryView(LogEntriesView):
    """Wagtail's site history, whose model entries of another municipality (and of a unit
    the user may not see) stay hidden. Page entries are Wagtail's own (scoped by page
    permissions)."""

    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is ModelLogEntry:
            queryset = queryset.filter(log_entry_visible_to(self.request.user))
        return queryset


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return municipality_list_for_user(user=request.user).exists()


def audit_log_menu_item():
    return AuditLogMenuItem(
        _("Audit log"),
        reverse("tenancy_audit_log"),
        name="audit-log",
        icon_name="list-ul",
        order=1010,
    )


admin_urls = [
    path("reports/audit-log/", AuditLogView.as_view(), name="tenancy_audit_log"),
    path(
        "reports/audit-log/results/",
        AuditLogView.as_view(results_only=True),
        name="tenancy_audit_log_results",
    ),
]

# Ahead of Wagtail's admin URLs (the same paths, matched first): see ``municipium.urls``.
site_history_urls = [
    path("admin/reports/site-history/", ScopedSiteHistoryView.as_view()),
    path(
        "admin/reports/site-history/results/",
        ScopedSiteHistoryView.as_view(results_only=True),
    ),
]
