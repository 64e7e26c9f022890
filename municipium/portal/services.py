"""Changes to the page tree that several apps need: creating or updating a page in place with
its translations linked to it (same translation key, one page per locale), and the editorial
team (editors, approvers, moderation workflow) of a part of the tree. And the site's alerts,
audited staff changes (``portal.alert.<verb>``)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from municipium.tenancy.services import (
    municipality_owned_delete,
    municipality_owned_save,
    municipality_staff_groups_add,
)

from .models import Alert


def _locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


@transaction.atomic
def page_ensure(
    *,
    parent: Page,
    page_class: type[Page],
    slug: str,
    language: str,
    translation_of: Page | None = None,
    **fields,
) -> Page:
    """The live page ``slug`` of ``page_class`` under ``parent`` in ``language``, created or
    brought up to date with ``fields``. Running it again changes nothing. A translation takes
    the translation key of ``translation_of``, so that Wagtail links the two."""
    locale = _locale(language)
    existing = page_class.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    if existing is not None:
        changed = [name for name, value in fields.items() if getattr(existing, name) != value]
        for name in changed:
            setattr(existing, name, fields[name])
        if changed:
            existing.save()
        return existing
    now = timezone.now()
    page = page_class(
        slug=slug,
        locale=locale,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    return page


@dataclass(frozen=True)
class EditorialTeam:
    editors: Group
    approvers: Group
    workflow: Workflow


EDITOR_PERMISSIONS = ("add_page", "change_page")
APPROVER_PERMISSIONS = ("add_page", "change_page", "publish_page")


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


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


def translations_ensure(
    *, parents: dict[str, Page], page_class: type[Page], slug: str, fields: dict[str, dict]
) -> dict[str, Page]:
    """The page ``slug`` under each language's parent, with that language's ``fields``, every
    translation linked to the first. Languages without fields are left out."""
    made: dict[str, Page] = {}
    source = None
    for language, parent in parents.items():
        if language not in fields:
            continue
        made[language] = page_ensure(
            parent=parent,
            page_class=page_class,
            slug=slug,
            language=language,
            translation_of=source,
            **fields[language],
        )
        source = source or made[language]
    return made


@transaction.atomic
def alert_save(*, alert: Alert, by) -> Alert:
    """Publish or change an alert; its site's cached pages are purged on commit."""
    return municipality_owned_save(alert, by=by, action_prefix="portal.alert")


@transaction.atomic
def alert_delete(*, alert: Alert, by) -> None:
    municipality_owned_delete(alert, by=by, action_prefix="portal.alert")
