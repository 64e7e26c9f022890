"""Each municipality's pages get a branch of their own: a ``MunicipalityRootPage`` under
Wagtail's root, with the home pages (every language's, and all below them) moved under it.

Before, the home pages were siblings right under the root, so the pages of an editor of one
municipality had the root as their common ancestor and the admin's explorer opened there, over
every municipality. The move is written with the historical models, which have no treebeard
methods: the moved pages' materialised paths take the branch's path as their prefix, their
depth grows by one and their ``url_path`` by the branch's slug. Sites stay rooted at the home
page of their default language, so no public address changes. A group's page permission held
on every home page of a municipality moves to the branch (it then covers a language added
later too); one held on some of them stays where it is. The cached pages and routes are
purged (the generation is bumped).

Reversing moves the home pages back under the root and deletes the branches."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised path digits
STEP_LENGTH = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, len(STEP_ALPHABET))
        digits = STEP_ALPHABET[digit] + digits
    return digits.rjust(STEP_LENGTH, "0")


def _number(step: str) -> int:
    return int(step, len(STEP_ALPHABET))


def _move_subtree(Page, *, old_path: str, new_path: str, url_prefix: str, depth_change: int):
    """Move the page at ``old_path`` and its descendants to ``new_path`` (paths are unique, so
    the new prefix must be free), prefixing (or, with a negative change, stripping) url paths."""
    for page in Page.objects.filter(path__startswith=old_path).only("path", "depth", "url_path"):
        page.path = new_path + page.path[len(old_path) :]
        page.depth += depth_change
        if depth_change > 0:
            page.url_path = url_prefix + page.url_path[1:]
        else:
            page.url_path = "/" + page.url_path[len(url_prefix) :]
        page.save(update_fields=["path", "depth", "url_path"])


def _name(municipality, site, home) -> str:
    for name in municipality.names.all():
        if name.language == municipality.default_language:
            return name.name
    return site.site_name or home.title


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Municipality = apps.get_model("tenancy", "Municipality")
    RootPage = apps.get_model("portal", "MunicipalityRootPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root_type, _created = ContentType.objects.get_or_create(
        app_label="portal", model="municipalityrootpage"
    )
    tree_root = Page.objects.filter(depth=1).order_by("path").first()
    if tree_root is None:
        return
    for municipality in Municipality.objects.order_by("pk"):
        site = Site.objects.get(pk=municipality.site_id)
        home = Page.objects.get(pk=site.root_page_id)
        if home.depth != 2:
            continue  # already in a branch of its own
        homes = list(
            Page.objects.filter(depth=2, translation_key=home.translation_key).order_by("path")
        )
        homes.sort(key=lambda page: page.pk != home.pk)  # the default language's first
        last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True)[0]
        now = timezone.now()
        title = _name(municipality, site, home)
        branch = RootPage.objects.create(
            title=title,
            draft_title=title,
            slug=municipality.slug,
            path=tree_root.path + _step(_number(last[-STEP_LENGTH:]) + 1),
            depth=2,
            numchild=len(homes),
            url_path=f"/{municipality.slug}/",
            content_type=root_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
        )
        for number, page in enumerate(homes, start=1):
            _move_subtree(
                Page,
                old_path=page.path,
                new_path=branch.path + _step(number),
                url_prefix=branch.url_path,
                depth_change=1,
            )
        held = {}
        for permission in GroupPagePermission.objects.filter(page__in=[p.pk for p in homes]):
            held.setdefault((permission.group_id, permission.permission_id), []).append(permission)
        for (group_id, permission_id), rows in held.items():
            if len({row.page_id for row in rows}) == len(homes):
                GroupPagePermission.objects.create(
                    group_id=group_id, permission_id=permission_id, page_id=branch.pk
                )
                GroupPagePermission.objects.filter(pk__in=[row.pk for row in rows]).delete()
    Page.objects.filter(pk=tree_root.pk).update(numchild=Page.objects.filter(depth=2).count())
    Municipality.objects.update(cache_generation=F("cache_generation") + 1)


def backwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    RootPage = apps.get_model("portal", "MunicipalityRootPage")
    Municipality = apps.get_model("tenancy", "Municipality")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    tree_root = Page.objects.filter(depth=1).order_by("path").first()
    for branch in RootPage.objects.order_by("path"):
        homes = list(Page.objects.filter(depth=3, path__startswith=branch.path).order_by("path"))
        for permission in GroupPagePermission.objects.filter(page_id=branch.pk):
            for page in homes:
                GroupPagePermission.objects.get_or_create(
                    group_id=permission.group_id,
                    permission_id=permission.permission_id,
                    page_id=page.pk,
                )
        GroupPagePermission.objects.filter(page_id=branch.pk).delete()
        for page in homes:
            last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True)[0]
            _move_subtree(
                Page,
                old_path=page.path,
                new_path=tree_root.path + _step(_number(last[-STEP_LENGTH:]) + 1),
                url_prefix=branch.url_path,
                depth_change=-1,
            )
        branch.delete()
    if tree_root is not None:
        Page.objects.filter(pk=tree_root.pk).update(numchild=Page.objects.filter(depth=2).count())
    Municipality.objects.update(cache_generation=F("cache_generation") + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_highlight_targets"),
        ("tenancy", "0004_add_office_hours"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="MunicipalityRootPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "municipality's pages",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
