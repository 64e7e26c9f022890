"""The data migration portal 0008 gives each municipality a branch of the page tree of its own:
on a database laid out by the old code (each municipality's home pages siblings under Wagtail's
root), the home pages move under a new ``MunicipalityRootPage``, the tree stays consistent, the
sites' addresses do not change, and a group's page permissions held on every home page move to
the branch. Reversed, the old layout comes back. Written as the organisation's migration test
(a transactional test that brings the latest schema back in its teardown)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Site

from municipium.organisation.tests.test_migration import PageTree, migrate_to, municipality_create
from municipium.portal.models import MunicipalityRootPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("portal", "0007_highlight_targets")]
AFTER = [("portal", "0008_municipality_root_page")]


@pytest.fixture
def old_apps():
    yield migrate_to(BEFORE)
    migrate_to(AFTER)


def old_layout(apps):
    """Bornova (Turkish and English home pages, a directory and a directorate under each) and
    Şişli, laid out as the old demo did; Bornova's editors hold rights on both home pages, a
    translator on the English one only."""
    tree = PageTree(apps)
    made = {}
    for slug, titles in (
        ("bornova", {"tr": "Bornova Belediyesi", "en": "Bornova Municipality"}),
        ("sisli", {"tr": "Şişli Belediyesi", "en": "Şişli Municipality"}),
    ):
        homes, indexes = tree.homes(slug=slug, titles=titles)
        municipality_create(apps, slug=slug, home=homes["tr"], languages=["tr", "en"])
        tree.directorates(indexes=indexes, slug="parks", titles={"tr": "Parklar", "en": "Parks"})
        made[slug] = {language: home.pk for language, home in homes.items()}
    editors = Group.objects.create(name="bornova editors")
    translator = Group.objects.create(name="bornova translator")
    change = Permission.objects.get(codename="change_page", content_type__app_label="wagtailcore")
    for pk in made["bornova"].values():
        GroupPagePermission.objects.create(group=editors, page_id=pk, permission=change)
    GroupPagePermission.objects.create(
        group=translator, page_id=made["bornova"]["en"], permission=change
    )
    return made


def relative_paths(site):
    """Every page of the site's language versions, by its address under the site's root."""
    root = site.root_page.url_path
    branch = site.root_page.get_parent()
    return sorted(
        page.url_path.removeprefix(root) if page.url_path.startswith(root) else page.url_path
        for page in Page.objects.filter(path__startswith=branch.path, depth__gt=branch.depth)
    )


def test_home_pages_move_under_a_branch_per_municipality_and_back(old_apps):
    made = old_layout(old_apps)
    before_depths = dict(Page.objects.values_list("pk", "depth"))

    migrate_to(AFTER)

    assert all(not problems for problems in Page.find_problems())  # treebeard's own check
    for slug, homes in made.items():
        branch = MunicipalityRootPage.objects.get(slug=slug)
        assert branch.depth == 2 and branch.url_path == f"/{slug}/"
        assert sorted(branch.get_children().values_list("pk", flat=True)) == sorted(homes.values())
        site = Site.objects.get(hostname=f"{slug}.localhost")
        assert site.root_page_id == homes["tr"]
        directorate = Page.objects.get(
            path__startswith=branch.path, slug="parks", locale__language_code="tr"
        )
        assert directorate.depth == before_depths[directorate.pk] + 1
        assert directorate.url_path == f"/{slug}/{slug}/directorates/parks/"
        assert directorate.url_path.removeprefix(site.root_page.url_path) == "directorates/parks/"
    assert MunicipalityRootPage.objects.get(slug="bornova").title == "Bornova Belediyesi"
    bornova_branch = MunicipalityRootPage.objects.get(slug="bornova")
    held = GroupPagePermission.objects.filter(group__name__startswith="bornova")
    assert set(held.values_list("group__name", "page_id")) == {
        ("bornova editors", bornova_branch.pk),
        ("bornova translator", made["bornova"]["en"]),
    }
    assert Page.objects.get(depth=1).numchild == Page.objects.filter(depth=2).count()

    migrate_to(BEFORE)

    assert all(not problems for problems in Page.find_problems())
    assert dict(Page.objects.values_list("pk", "depth")) == before_depths
    assert set(held.values_list("group__name", "page_id")) == {
        ("bornova editors", made["bornova"]["tr"]),
        ("bornova editors", made["bornova"]["en"]),
        ("bornova translator", made["bornova"]["en"]),
    }
    assert Page.objects.get(pk=made["sisli"]["tr"]).url_path == "/sisli/"
