"""What Wagtail's admin shows of the page tree, narrowed to the municipalities a member of staff
works for (``selectors.page_filter_for_admin``): a superuser sees everything.

Each municipality's pages hang under a branch of their own (``portal.MunicipalityRootPage``), so
an editor of one municipality explores from that branch. What Wagtail's hooks reach is narrowed
in ``wagtail_hooks`` (the explorer's and the page chooser's listings, the dashboard's count, the
page bulk actions). What no hook reaches is served by the views below, registered ahead of
Wagtail's on the same addresses (``admin_urls``, listed first in the project's urls):

- a page shown as the explorer's or the page chooser's parent, and the pages the chooser
  returns as chosen: a page of another municipality is a 404;
- the page types usage report: counts, last edited pages and sites of the pages the user may
  edit only;
- the locked pages report: its "locked by" filter offers only the user's municipalities' staff;
- the workflow reports: states of the user's pages, and the filters' workflows, tasks and
  requesters of those only;
- tag autocompletion: tags used on pages, images or documents the user may see;
- the page listings (the explorer, a page type's pages, the forms): their "owner", "edited
  by" and "site" filters offer only people who work for the user's municipalities and their
  sites;
- a page's move confirmation and a workflow's cancellation confirmation: a page (or a
  destination) of another municipality is a 404;
- the workflow task chooser: tasks of workflows used on the user's pages, or whose groups work
  for their municipalities;
- the external link chooser: a form without an address is the form's error, not a 500.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Lower
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from taggit.models import Tag, TaggedItem
from wagtail.admin.forms.choosers import ExternalLinkChooserForm, URLOrAbsolutePathField
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views import chooser, workflows
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.reports.locked_pages import (
    LockedPagesReportFilterSet,
    LockedPagesView,
)
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.admin.views.workflows import TaskChooserSearchForm, get_task_chosen_response
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, Task, Workflow, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from .selectors import (
    municipality_list_for_user,
    page_filter_for_admin,
    site_list_for_admin,
    staff_user_list_for_admin,
    workflow_task_list_for_admin,
)

TAGS_AUTOCOMPLETE_LIMIT = 10  # as Wagtail's


def page_is_visible(*, user, page_id) -> bool:
    return Page.objects.filter(page_filter_for_admin(user=user), pk=page_id).exists()


def page_scoped(view, *, kwarg: str, also: tuple[str, ...] = ()):
    """``view`` for a page of the user's municipalities only (the page named by the URL's
    ``kwarg``, and by each of ``also``): another's is a 404. Anyone not signed in gets
    Wagtail's own answer (the login page)."""

    def scoped_view(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not all(
            page_is_visible(user=user, page_id=kwargs[name]) for name in (kwarg, *also)
        ):
            raise Http404
        return view(request, *args, **kwargs)

    return scoped_view


# Page listings' filters ---------------------------------------------------------------------


class ScopedPageFilterSetMixin:
    """A page listing's filters (Wagtail's ``PageFilterSet``) offer only the people who work
    for the user's municipalities as owners and editors, and only their sites."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is None or user.is_superuser:
            return
        fields = self.form.fields
        for name in ("owner", "edited_by"):
            if name in fields:
                staff = staff_user_list_for_admin(user=user).values("pk")
                fields[name].queryset = fields[name].queryset.filter(pk__in=staff)
        if "site" in fields:
            sites = site_list_for_admin(user=user).values("pk")
            fields["site"].queryset = fields["site"].queryset.filter(pk__in=sites)


def page_filterset_scoped(filterset_class):
    """``filterset_class`` (a ``PageFilterSet``) with its filters scoped."""
    name = f"Scoped{filterset_class.__name__}"
    return type(name, (ScopedPageFilterSetMixin, filterset_class), {})


class ScopedChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        visible = Page.objects.filter(
            page_filter_for_admin(user=request.user), pk__in=request.GET.getlist("id")
        )
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        return super().get(request)


# The page types usage report --------------------------------------------------------------


class ScopedPageTypesUsageReportFilterSet(PageTypesUsageReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is None or "site" not in self.filters:
            return
        sites = Site.objects.filter(
            municipality__in=municipality_list_for_user(user=self.request.user)
        ).select_related("root_page")
        self.filters["site"].extra["choices"] = [(s.root_page.path, str(s)) for s in sites]


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    filterset_class = ScopedPageTypesUsageReportFilterSet

    def get_queryset(self):
        queryset = super().get_queryset()
        visible = page_filter_for_admin(user=self.request.user)
        if visible == Q():
            return queryset
        data = self.filters.form.cleaned_data if self.filters is not None else {}
        # Only the pages the user may edit: a directorate's editor counts their directorate's
        # pages, not the sibling directorates' of the same municipality.
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            self.request.user, ["change"]
        )
        pages = Page.objects.filter(visible, depth__gt=1, pk__in=editable.values("pk"))
        if language_code := data.get("page_locale"):
            pages = pages.filter(locale__language_code=language_code)
        if site_root_path := data.get("site"):
            pages = pages.filter(path__startswith=site_root_path)
        latest = pages.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Count("pages", filter=Q(pages__in=pages.values("pk"))),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


# The locked pages report ------------------------------------------------------------------


class ScopedLockedPagesReportFilterSet(LockedPagesReportFilterSet):
    """The "locked by" filter offers only people who work for the user's municipalities."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is not None and not user.is_superuser:
            field = self.form.fields["locked_by"]
            staff = staff_user_list_for_admin(user=user).values("pk")
            field.queryset = field.queryset.filter(pk__in=staff)


class ScopedLockedPagesView(LockedPagesView):
    filterset_class = ScopedLockedPagesReportFilterSet


# The workflow reports ----------------------------------------------------------------------


def _workflow_states_visible(user):
    """Workflow states of pages the user may see, and of anything that is not a page."""
    page_type = ContentType.objects.get_for_model(Page)
    # object_id is text: compare with the pages' ids cast to text, as Wagtail's reports do.
    pages = Page.objects.filter(page_filter_for_admin(user=user)).values_list(
        Cast("pk", output_field=CharField()), flat=True
    )
    return WorkflowState.objects.filter(~Q(base_content_type=page_type) | Q(object_id__in=pages))


def _narrow_workflow_filters(filterset, user):
    states = _workflow_states_visible(user)
    workflows = Workflow.objects.filter(
        Q(workflow_states__in=states)
        | Q(workflow_pages__page__in=Page.objects.filter(page_filter_for_admin(user=user)))
    ).distinct()
    requesters = states.values("requested_by")
    for name, field in filterset.form.fields.items():
        if name == "workflow":
            field.queryset = workflows
        elif name == "task":
            field.queryset = Task.objects.filter(workflow_tasks__workflow__in=workflows).distinct()
        elif name == "requested_by":
            field.queryset = field.queryset.filter(pk__in=requesters)


class ScopedWorkflowReportFilterSet(WorkflowReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is not None:
            _narrow_workflow_filters(self, self.request.user)


class ScopedWorkflowTasksReportFilterSet(WorkflowTasksReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is not None:
            _narrow_workflow_filters(self, self.request.user)


class ScopedWorkflowView(WorkflowView):
    filterset_class = ScopedWorkflowReportFilterSet

    def get_queryset(self):
        visible = _workflow_states_visible(self.request.user).values("pk")
        return super().get_queryset().filter(pk__in=visible)


class ScopedWorkflowTasksView(WorkflowTasksView):
    filterset_class = ScopedWorkflowTasksReportFilterSet

    def get_queryset(self):
        visible = _workflow_states_visible(self.request.user).values("pk")
        return super().get_queryset().filter(workflow_state__in=visible)


# Tags ---------------------------------------------------------------------------------------


def _tagged_page_relations():
    """The reverse relations from taggit's Tag to the through models of page tags
    (``TaggedItemBase`` subclasses whose ``content_object`` is a page), by their query name."""
    for relation in Tag._meta.related_objects:
        through = relation.related_model
        try:
            target = through._meta.get_field("content_object").related_model
        except FieldDoesNotExist:
            continue
        if isinstance(target, type) and issubclass(target, Page):
            yield relation.get_accessor_name() or relation.name, relation.name


def tag_list_for_user(*, user):
    """The tags used on what ``user`` may see: pages of their municipalities, images and
    documents of the collections they may use. A superuser's are all tags."""
    if user.is_superuser:
        return Tag.objects.all()
    visible_pages = Page.objects.filter(page_filter_for_admin(user=user)).values("pk")
    used = Q(pk__in=[])
    for _accessor, query_name in _tagged_page_relations():
        used |= Q(**{f"{query_name}__content_object__in": visible_pages})
    for model in (get_image_model(), get_document_model()):
        objects = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
            user, ["add", "change", "choose"]
        )
        items = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=objects.values("pk"),
        )
        used |= Q(pk__in=items.values("tag_id"))
    return Tag.objects.filter(used).distinct()


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocompletion (taggit's Tag: the only tag model here) over the user's
    tags."""
    if app_name and model_name and (app_name, model_name) != ("taggit", "tag"):
        raise Http404
    term = request.GET.get("term")
    tags = tag_list_for_user(user=request.user) if term else Tag.objects.none()
    names = tags.filter(name__istartswith=term or "").order_by("name")
    return JsonResponse(
        list(names.values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]), safe=False
    )


# Page bulk actions --------------------------------------------------------------------------


class ScopedPagesSummaryItem(PagesSummaryItem):
    """The dashboard's count of pages: those of the user's municipalities."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        visible = page_filter_for_admin(user=self.request.user)
        if visible != Q():
            context["total_pages"] = Page.objects.filter(visible, depth__gt=1).count()
        return context


def summary_items_scope(request, items) -> None:
    """Put ``ScopedPagesSummaryItem`` in place of Wagtail's count of pages."""
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = ScopedPagesSummaryItem(request)


def explorer_queryset_scope(parent_page, pages, request):
    """The explorer's listing (``construct_explorer_page_queryset``)."""
    return page_queryset_scope(pages, request)


def page_queryset_scope(pages, request):
    """A listing of pages (explorer, chooser) narrowed to the user's municipalities."""
    return pages.filter(page_filter_for_admin(user=request.user))


class ScopedPageBulkActionMixin:
    """Pages of another municipality are left out of a bulk action as if never asked for:
    neither acted on nor named on the confirmation page. None left is a 404."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = extra.get("items_with_no_access", [])
        asked = [page.pk for page in [*objects, *refused]]
        visible = set(
            Page.objects.filter(
                page_filter_for_admin(user=self.request.user), pk__in=asked
            ).values_list("pk", flat=True)
        )
        if not visible:
            raise Http404
        extra["items_with_no_access"] = [page for page in refused if page.pk in visible]
        return [page for page in objects if page.pk in visible], extra


def scoped_page_bulk_actions() -> list[type[BulkAction]]:
    return [
        type(f"Scoped{action.__name__}", (ScopedPageBulkActionMixin, action), {})
        for action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction)
    ]


# The workflow task chooser ------------------------------------------------------------------


class ScopedTaskChooserMixin:
    """The task chooser's listing (Wagtail's ``get_task_listing_context_data``) over the tasks
    the user may see (``selectors.workflow_task_list_for_admin``)."""

    def get_task_listing_context_data(self):
        search_form = TaskChooserSearchForm(
            self.request.GET, task_type_choices=self.get_task_type_filter_choices()
        )
        visible = workflow_task_list_for_admin(user=self.request.user).values("pk")
        tasks = all_tasks = search_form.task_model.objects.filter(
            active=True, pk__in=visible
        ).order_by(Lower("name"))
        q = ""
        if search_form.is_searching():
            q = search_form.cleaned_data["q"]
            tasks = tasks.filter(name__icontains=q)
        paginator = Paginator(tasks, per_page=10)
        return {
            "search_form": search_form,
            "tasks": paginator.get_page(self.request.GET.get("p")),
            "all_tasks": all_tasks,
            "query_string": q,
            "can_create": self.can_create,
        }


class ScopedTaskChooserView(ScopedTaskChooserMixin, workflows.TaskChooserView):
    pass


class ScopedTaskChooserResultsView(ScopedTaskChooserMixin, workflows.TaskChooserResultsView):
    pass


def task_chosen(request, task_id):
    """Wagtail's ``task_chosen`` for a task the user may see; another is a 404."""
    task = get_object_or_404(workflow_task_list_for_admin(user=request.user), pk=task_id)
    return get_task_chosen_response(request, task)


# The external link chooser ------------------------------------------------------------------


class AddressField(URLOrAbsolutePathField):
    """Wagtail's URL field, for which a missing address is empty (and so required), not an
    ``AttributeError``."""

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        return super().to_python(value)


class ExternalLinkForm(ExternalLinkChooserForm):
    url = AddressField(required=True, label=ExternalLinkChooserForm.base_fields["url"].label)


class CheckedExternalLinkView(chooser.ExternalLinkView):
    """Wagtail's external link chooser with a form for which a missing address is the form's
    error. (Its turning an address into a link to a page, named by its draft title, routes
    through the request's own site (``core.routing``): another municipality's address stays an
    external link.)"""

    form_class = ExternalLinkForm
