"""The editorial team (editors, approvers, moderation workflow) of a part of the page tree,
and the site's alerts (audited staff changes, ``portal.alert.<verb>``). Creating pages and
their translations is core's (``municipium.core.pages``)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from municipium.core.pages import page_ensure, translations_ensure
from municipium.tenancy.services import (
    municipality_owned_delete,
    municipality_owned_save,
    municipality_staff_groups_add,
)

from .models import Alert, HomePage, MunicipalityRootPage


@dataclass(frozen=True)
class EditorialTeam:
    editors: Group
    approvers: Group
    workflow: Workflow


EDITOR_PERMISSIONS = ("add_page", "change_page")
APPROVER_PERMISSIONS = ("add_page", "change_page", "publish_page")


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def municipality_root_ensure(*, slug: str, title: str, language: str) -> MunicipalityRootPage:
    """The branch of the page tree that holds one municipality's home pages, under Wagtail's
    root, named ``slug``. Running it again changes nothing (a new title is written)."""
    return page_ensure(
        parent=Page.get_first_root_node(),
        page_class=MunicipalityRootPage,
        slug=slug,
        language=language,
        title=title,
    )


@transaction.atomic
def home_pages_ensure(*, slug: str, title: str, fields: dict[str, dict]) -> dict[str, HomePage]:
    """The municipality ``slug``'s branch (named ``title``, in the first language of ``fields``)
    and its home page in each language of ``fields`` ({language: the page's fields}), linked as
    translations; the first language's keeps the plain slug, the others' ``<slug>-<language>``,
    as siblings need. Running it again changes nothing."""
    languages = list(fields)
    root = municipality_root_ensure(slug=slug, title=title, language=languages[0])
    slugs = {
        language: slug if i == 0 else f"{slug}-{language}" for i, language in enumerate(languages)
    }
    return translations_ensure(
        parents=dict.fromkeys(languages, root), page_class=HomePage, slug=slugs, fields=fields
    )


@transaction.atomic
def editorial_team_ensure(*, name: str, sections: list[Page], municipality) -> EditorialTeam:
    """Editors who draft and submit the pages of ``sections`` (a directorate page in each of
    its languages), approvers who publish them, and a moderation workflow between the two.

    Editors cannot publish: their changes go through the workflow, which asks the approvers.
    Both groups work for ``municipality`` only. Running it again changes nothing."""
    editors, _created = Group.objects.get_or_create(name=f"{name} · editors")
    approvers, _created = Group.objects.get_or_create(name=f"{name} · approvers")
    access_admin = Permission.objects.get(codename="access_admin")
    for group, codenames in ((editors, EDITOR_PERMISSIONS), (approvers, APPROVER_PERMISSIONS)):
        group.permissions.add(access_admin)
        for page in sections:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_page_permission(codename)
                )
    municipality_staff_groups_add(municipality=municipality, groups=[editors, approvers], by=None)
    task, _created = GroupApprovalTask.objects.get_or_create(name=f"{name} · approval")
    task.groups.set([approvers])
    workflow, created = Workflow.objects.get_or_create(name=f"{name} · moderation")
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in sections:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return EditorialTeam(editors=editors, approvers=approvers, workflow=workflow)


@transaction.atomic
def alert_save(*, alert: Alert, by) -> Alert:
    """Publish or change an alert; its site's cached pages are purged on commit."""
    return municipality_owned_save(alert, by=by, action_prefix="portal.alert")


@transaction.atomic
def alert_delete(*, alert: Alert, by) -> None:
    municipality_owned_delete(alert, by=by, action_prefix="portal.alert")
