"""The admin shows a member of staff only their own municipalities' pages, tags and workflows
(issue 8, part 2): signed in as Bornova's editor (the demo's ``staff_ensure``), nothing of
Bumehen is listed, counted or titled; staff of two municipalities see both; the superuser sees
everything."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

from municipium.news.tests.factories import article_create, sections_create
from municipium.tenancy.demo import collection_ensure, staff_ensure

pytestmark = pytest.mark.django_db

SECRET = "Bumehen secret plan"


@pytest.fixture
def towns(municipality_factory):
    bornova = sections_create(municipality_factory(slug="bornova"))
    sisli = sections_create(municipality_factory(slug="sisli"))
    bumehen = sections_create(municipality_factory(slug="bumehen", languages=["fa", "en"]))
    bornova.article = article_create(bornova.news["tr"], "festival", title="Bornova festival")
    bumehen.article = article_create(bumehen.news["fa"], "secret", title=SECRET)
    return bornova, sisli, bumehen


@pytest.fixture
def editor(client, towns):
    """Bornova's editor, as the demo makes them, in the admin on Bornova's host."""
    client.defaults["HTTP_HOST"] = "bornova.localhost"
    user = get_user_model().objects.get(username=staff_ensure(towns[0]))
    client.force_login(user)
    return user


@pytest.fixture
def two_town_editor(client, towns):
    """A member of staff of Bornova and Şişli, in the admin on the installation's own host."""
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    user = get_user_model().objects.get(username=staff_ensure(towns[0]))
    user.groups.add(*get_user_model().objects.get(username=staff_ensure(towns[1])).groups.all())
    client.force_login(user)
    return user


@pytest.fixture
def superuser(client, towns):
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    user = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(user)
    return user


def text(response) -> str:
    return response.content.decode()


def test_editor_explores_from_their_municipality_not_from_the_root(client, editor, towns):
    branch = towns[0].homes["tr"].get_parent()
    assert branch.depth == 2
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{branch.pk}/"


def test_explorer_refuses_a_page_of_another_municipality(client, editor, towns):
    bumehen = towns[2]
    for page in (bumehen.article, bumehen.homes["fa"], bumehen.homes["fa"].get_parent()):
        response = client.get(f"/admin/pages/{page.pk}/")
        assert SECRET not in text(response)
        assert bumehen.homes["fa"].title not in text(response)
        assert response.status_code in (302, 404)


def test_staff_of_two_municipalities_explore_both_and_no_third(client, two_town_editor, towns):
    _bornova, sisli, bumehen = towns
    root = client.get(f"/admin/pages/{Page.get_first_root_node().pk}/")
    assert root.status_code == 200
    assert "Bornova" in text(root) and "Sisli" in text(root)
    assert "Bumehen" not in text(root)
    assert client.get(f"/admin/pages/{sisli.news['tr'].pk}/").status_code == 200
    for page in (bumehen.news["fa"], bumehen.article):
        response = client.get(f"/admin/pages/{page.pk}/")
        assert response.status_code == 404
        assert SECRET not in text(response)
    results = client.get(f"/admin/pages/{bumehen.news['fa'].pk}/results/")
    assert results.status_code == 404


def test_explorer_search_from_the_root_lists_no_other_municipality(client, two_town_editor, towns):
    root = Page.get_first_root_node()
    response = client.get(f"/admin/pages/{root.pk}/", {"q": "secret"})
    assert response.status_code == 200
    assert SECRET not in text(response)


def test_page_chooser_lists_only_the_users_municipalities(client, two_town_editor, towns):
    bumehen = towns[2]
    root = client.get("/admin/choose-page/")
    assert "Bumehen" not in text(root)
    assert "Bornova" in text(root)
    browse = client.get(f"/admin/choose-page/{bumehen.news['fa'].pk}/")
    assert browse.status_code == 404
    assert SECRET not in text(browse)
    search = client.get("/admin/choose-page/search/", {"q": "secret"})
    assert search.status_code == 200
    assert SECRET not in text(search)
    assert "festival" in text(client.get("/admin/choose-page/search/", {"q": "festival"}))


def test_page_chooser_returns_no_chosen_page_of_another_municipality(client, editor, towns):
    bornova, _sisli, bumehen = towns
    response = client.get(
        "/admin/choose-page/chosen-multiple/",
        {"id": [bumehen.article.pk, bornova.article.pk]},
    )
    assert response.status_code == 200
    assert SECRET not in text(response)
    assert "Bornova festival" in text(response)


def _page_count(response) -> int:
    match = re.search(r'href="/admin/pages/\d+/">\s*([\d,]+) Pages?', text(response))
    assert match, "no count of pages on the dashboard"
    return int(match.group(1))


def test_dashboard_counts_only_the_users_pages(client, two_town_editor, towns):
    bornova, sisli, _bumehen = towns
    own = (
        Page.objects.filter(depth__gt=1)
        .filter(path__startswith=bornova.homes["tr"].get_parent().path)
        .count()
        + Page.objects.filter(path__startswith=sisli.homes["tr"].get_parent().path).count()
    )
    assert _page_count(client.get("/admin/")) == own


def test_superuser_explores_and_counts_every_municipality(client, superuser, towns):
    bumehen = towns[2]
    assert client.get(f"/admin/pages/{bumehen.article.pk}/").status_code == 200
    assert SECRET in text(client.get("/admin/choose-page/search/", {"q": "secret"}))
    assert _page_count(client.get("/admin/")) == Page.objects.filter(depth__gt=1).count()


def test_page_types_usage_counts_and_names_only_the_users_pages(client, editor, towns):
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200
    assert SECRET not in text(response)
    assert "Bumehen" not in text(response) and "bumehen" not in text(response)
    # Bornova has one article: the news article row counts 1, not Bumehen's too.
    count = re.search(
        r'news\.newsarticlepage\s*</td>\s*<td class="count"[^>]*>\s*(?:<a[^>]*>)?(\d+)',
        text(response),
    )
    assert count and count.group(1) == "1"


def test_tag_autocomplete_offers_only_the_users_tags(client, editor, towns):
    bornova, _sisli, bumehen = towns
    article_create(bornova.news["tr"], "concert", title="Concert", tags=["kultur-bornova"])
    article_create(bumehen.news["fa"], "hidden", title="Hidden", tags=["kultur-bumehen"])
    document = get_document_model()(title="Bumehen budget", collection=collection_ensure(bumehen))
    document.file.save("budget.txt", ContentFile(b"budget"), save=True)
    document.tags.add("kultur-bumehen-doc")
    for url in ("/admin/tag-autocomplete/", "/admin/tag-autocomplete/taggit/tag/"):
        offered = client.get(url, {"term": "kultur"}).json()
        assert offered == ["kultur-bornova"]


def test_workflow_reports_list_no_workflow_of_another_municipality(client, editor, towns):
    bumehen = towns[2]
    approvers = GroupApprovalTask.objects.create(name="Bumehen approval")
    workflow = Workflow.objects.create(name="Bumehen moderation")
    WorkflowTask.objects.create(workflow=workflow, task=approvers, sort_order=0)
    requester = get_user_model().objects.create_user("bumehen-writer", password="x")
    bumehen.article.save_revision(user=requester)
    workflow.start(bumehen.article, requester)
    for url in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
        response = client.get(url)
        assert response.status_code == 200
        for secret in ("Bumehen moderation", "Bumehen approval", "bumehen-writer", SECRET):
            assert secret not in text(response), (url, secret)


def test_bulk_action_confirmation_names_no_page_of_another_municipality(client, editor, towns):
    bornova, _sisli, bumehen = towns
    for action in ("delete", "move", "publish", "unpublish"):
        url = f"/admin/bulk/wagtailcore/page/{action}/"
        foreign = client.get(url, {"id": [bumehen.article.pk, bumehen.homes["fa"].pk]})
        assert foreign.status_code == 404, action
        assert SECRET not in text(foreign)
        mixed = client.get(url, {"id": [bumehen.article.pk, bornova.article.pk]})
        assert mixed.status_code == 200, action
        assert SECRET not in text(mixed)
        assert "Bornova festival" in text(mixed)


def test_bulk_action_on_another_municipality_changes_nothing(client, editor, towns):
    bumehen = towns[2]
    response = client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={bumehen.article.pk}", {})
    assert response.status_code == 404
    bumehen.article.refresh_from_db()
    assert bumehen.article.live


@pytest.fixture
def bumehen_writer(towns):
    """Bumehen's editor, owner and last editor of Bumehen's article, who locked it."""
    bumehen = towns[2]
    writer = get_user_model().objects.get(username=staff_ensure(bumehen))
    article = bumehen.article
    article.owner = writer
    article.save_revision(user=writer, log_action=True)
    Page.objects.filter(pk=article.pk).update(owner=writer, locked=True, locked_by=writer)
    return writer


def test_page_listings_filters_name_nobody_and_no_site_of_another_municipality(
    client, editor, towns, bumehen_writer
):
    bornova = towns[0]
    bornova.article.save_revision(user=editor, log_action=True)
    branch = bornova.homes["tr"].get_parent()
    for url in (
        f"/admin/pages/{branch.pk}/",
        f"/admin/pages/{bornova.homes['tr'].pk}/",
        "/admin/pages/usage/news/newsarticlepage/",
        "/admin/forms/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert bumehen_writer.username not in text(response), url
        assert "bumehen.localhost" not in text(response), url
    # Bornova's own editor is still offered as an editor of Bornova's pages.
    assert editor.username in text(client.get(f"/admin/pages/{branch.pk}/"))


def test_locked_pages_report_names_nobody_of_another_municipality(
    client, editor, towns, bumehen_writer
):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    unlock = Permission.objects.get(codename="unlock_page")
    for group in editor.groups.all():
        GroupPagePermission.objects.create(
            group=group, page=towns[0].homes["tr"].get_parent(), permission=unlock
        )
    response = client.get("/admin/reports/locked/")
    assert response.status_code == 200
    assert bumehen_writer.username not in text(response)
    assert SECRET not in text(response)


def test_external_link_to_another_municipalitys_page_stays_an_external_link(client, editor, towns):
    bornova, _sisli, bumehen = towns
    bumehen.article.title = "Bumehen unpublished title"
    bumehen.article.save_revision()
    url = "/admin/choose-external-link/"
    foreign = client.post(url, {"external-link-chooser-url": bumehen.article.full_url})
    assert foreign.status_code == 200
    assert foreign.json()["step"] == "external_link_chosen"
    assert foreign.json()["result"]["url"] == bumehen.article.full_url
    assert "Bumehen unpublished title" not in text(foreign)
    own = client.post(url, {"external-link-chooser-url": bornova.article.full_url})
    assert own.json()["result"]["id"] == bornova.article.pk


def test_external_link_without_an_address_is_the_forms_error(client, editor, towns):
    response = client.post("/admin/choose-external-link/", {"title": "no address"})
    assert response.status_code == 200
    assert response.json()["step"] == "external_link"
    assert "error" in response.json()["html"]


def test_task_chooser_offers_only_tasks_of_the_users_municipalities(client, editor, towns):
    bumehen = towns[2]
    foreign = GroupApprovalTask.objects.create(name="Bumehen approval")
    workflow = Workflow.objects.create(name="Bumehen moderation")
    WorkflowTask.objects.create(workflow=workflow, task=foreign, sort_order=0)
    workflow.workflow_pages.create(page=bumehen.news["fa"])
    own = GroupApprovalTask.objects.create(name="Bornova approval")
    own.groups.set(editor.groups.all())
    for url in ("/admin/workflows/task_chooser/", "/admin/workflows/task_chooser/results/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Bumehen approval" not in text(response), url
        assert "Bornova approval" in text(response), url
    assert client.get(f"/admin/workflows/task_chooser/{foreign.pk}/").status_code == 404
    assert client.get(f"/admin/workflows/task_chooser/{own.pk}/").status_code == 200


def test_move_and_cancellation_confirmations_refuse_another_municipalitys_pages(
    client, editor, towns
):
    bornova, _sisli, bumehen = towns
    for url in (
        f"/admin/pages/{bumehen.article.pk}/move/{bornova.news['tr'].pk}/confirm/",
        f"/admin/pages/{bornova.article.pk}/move/{bumehen.news['fa'].pk}/confirm/",
        f"/admin/pages/workflow/confirm_cancellation/{bumehen.article.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in text(response) and "Bumehen" not in text(response), url
