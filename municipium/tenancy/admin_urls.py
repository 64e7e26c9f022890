"""The admin views of ``admin_scope`` on Wagtail's own addresses, listed ahead of the admin's
URLs in the project's urls, decorated as Wagtail decorates its admin's: admin access required
(anyone else to the login page), the admin's 404 page, never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views import chooser
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_scope import (
    ScopedChosenMultipleView,
    ScopedPageTypesUsageReportView,
    ScopedWorkflowTasksView,
    ScopedWorkflowView,
    page_scoped,
    tag_autocomplete,
)


def _explore(name: str, **kwargs):
    return page_scoped(page_viewset_registry.as_view(name, **kwargs), kwarg="parent_page_id")


_urlpatterns = [
    path(
        "admin/pages/<int:parent_page_id>/",
        _explore("index", parent_page_id_kwarg="parent_page_id"),
    ),
    path(
        "admin/pages/<int:parent_page_id>/results/",
        _explore("index_results", parent_page_id_kwarg="parent_page_id"),
    ),
    path(
        "admin/choose-page/<int:parent_page_id>/",
        page_scoped(chooser.BrowseView.as_view(), kwarg="parent_page_id"),
    ),
    path("admin/choose-page/chosen-multiple/", ScopedChosenMultipleView.as_view()),
    path("admin/reports/page-types-usage/", ScopedPageTypesUsageReportView.as_view()),
    path(
        "admin/reports/page-types-usage/results/",
        ScopedPageTypesUsageReportView.as_view(results_only=True),
    ),
    path("admin/reports/workflow/", ScopedWorkflowView.as_view()),
    path("admin/reports/workflow/results/", ScopedWorkflowView.as_view(results_only=True)),
    path("admin/reports/workflow_tasks/", ScopedWorkflowTasksView.as_view()),
    path(
        "admin/reports/workflow_tasks/results/",
        ScopedWorkflowTasksView.as_view(results_only=True),
    ),
    path("admin/tag-autocomplete/", tag_autocomplete),
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", tag_autocomplete),
]


admin_scope_urls = decorate_urlpatterns(
    decorate_urlpatterns(
        decorate_urlpatterns(_urlpatterns, require_admin_access), display_custom_404
    ),
    never_cache,
)
