"""The admin views of ``admin_scope`` on Wagtail's own addresses, listed ahead of the admin's
URLs in the project's urls, decorated as Wagtail decorates its admin's: admin access required
(anyone else to the login page), the admin's 404 page, never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views import chooser
from wagtail.admin.viewsets.pages import base_page_viewset, page_viewset_registry
from wagtail.contrib.forms.views import FormPageFilterSet, FormPagesListView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_scope import (
    CheckedExternalLinkView,
    ScopedChosenMultipleView,
    ScopedLockedPagesView,
    ScopedPageTypesUsageReportView,
    ScopedTaskChooserResultsView,
    ScopedTaskChooserView,
    ScopedWorkflowTasksView,
    ScopedWorkflowView,
    page_filterset_scoped,
    page_scoped,
    tag_autocomplete,
    task_chosen,
)


def _page_listing(view_class, **kwargs):
    """A page listing of Wagtail's page viewset (the project registers no other), with its
    filters scoped (``admin_scope.ScopedPageFilterSetMixin``)."""
    view_kwargs = base_page_viewset.get_index_view_kwargs()
    view_kwargs["filterset_class"] = page_filterset_scoped(base_page_viewset.filterset_class)
    return base_page_viewset.construct_view(view_class, **view_kwargs, **kwargs)


def _explore(**kwargs):
    view = _page_listing(base_page_viewset.index_view_class, **kwargs)
    return page_scoped(view, kwarg="parent_page_id")


def _page_types_listing(**kwargs):
    return _page_listing(base_page_viewset.content_type_use_view_class, **kwargs)


def _forms(**kwargs):
    filterset_class = page_filterset_scoped(FormPageFilterSet)
    return FormPagesListView.as_view(filterset_class=filterset_class, **kwargs)


def _page_view(name: str, *, kwarg: str, also: tuple[str, ...] = ()):
    view = page_viewset_registry.as_view(name, page_id_kwarg=kwarg)
    return page_scoped(view, kwarg=kwarg, also=also)


_urlpatterns = [
    path("admin/pages/<int:parent_page_id>/", _explore()),
    path("admin/pages/<int:parent_page_id>/results/", _explore(results_only=True)),
    path(
        "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/",
        _page_types_listing(),
    ),
    path(
        "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/",
        _page_types_listing(results_only=True),
    ),
    path("admin/forms/", _forms()),
    path("admin/forms/results/", _forms(results_only=True)),
    path(
        "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        _page_view("move_confirm", kwarg="page_to_move_id", also=("destination_id",)),
    ),
    path(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        _page_view("confirm_workflow_cancellation", kwarg="page_id"),
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
    path("admin/reports/locked/", ScopedLockedPagesView.as_view()),
    path("admin/reports/locked/results/", ScopedLockedPagesView.as_view(results_only=True)),
    path("admin/reports/workflow/", ScopedWorkflowView.as_view()),
    path("admin/reports/workflow/results/", ScopedWorkflowView.as_view(results_only=True)),
    path("admin/reports/workflow_tasks/", ScopedWorkflowTasksView.as_view()),
    path(
        "admin/reports/workflow_tasks/results/",
        ScopedWorkflowTasksView.as_view(results_only=True),
    ),
    path("admin/workflows/task_chooser/", ScopedTaskChooserView.as_view()),
    path("admin/workflows/task_chooser/results/", ScopedTaskChooserResultsView.as_view()),
    path("admin/workflows/task_chooser/<int:task_id>/", task_chosen),
    path("admin/choose-external-link/", CheckedExternalLinkView.as_view()),
    path("admin/tag-autocomplete/", tag_autocomplete),
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", tag_autocomplete),
]


admin_scope_urls = decorate_urlpatterns(
    decorate_urlpatterns(
        decorate_urlpatterns(_urlpatterns, require_admin_access), display_custom_404
    ),
    never_cache,
)
