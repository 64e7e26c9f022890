"""Editors draft, approvers publish; staff see only their own part of the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.portal.services import editorial_team_ensure

pytestmark = pytest.mark.django_db


def person(username, *groups):
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(*groups)
    return user


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    index = page_ensure(
        parent=municipality.homes["tr"], page_class=DirectoryIndexPage, slug="mudurlukler",
        language="tr", title="Müdürlükler",
    )  # fmt: skip
    municipality.culture = page_ensure(
        parent=index, page_class=DirectoratePage, slug="kultur", language="tr", title="Kültür"
    )
    municipality.parks = page_ensure(
        parent=index, page_class=DirectoratePage, slug="park", language="tr", title="Park"
    )
    municipality.team = editorial_team_ensure(
        name="Bornova · Kültür", sections=[municipality.culture], municipality=municipality
    )
    return municipality


def test_a_directorate_editor_edits_its_pages_but_cannot_publish(bornova):
    editor = person("deniz", bornova.team.editors)
    permissions = bornova.culture.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_a_directorate_editor_cannot_edit_another_directorate(client, bornova):
    editor = person("deniz", bornova.team.editors)
    assert not bornova.parks.permissions_for_user(editor).can_edit()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{bornova.parks.pk}/edit/", HTTP_HOST="bornova.localhost")
    assert response.status_code in (302, 403)


def test_the_editor_submits_and_the_approver_publishes(bornova):
    editor = person("deniz", bornova.team.editors)
    approver = person("ayse", bornova.team.approvers)
    page = bornova.culture
    page.title = "Kültür ve Sosyal İşler"
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert page.title == "Kültür"  # not live until approved
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert "approve" in [action[0] for action in task.get_actions(page, approver)]
    assert task.get_actions(page, editor) == []
    task_state.task.specific.on_action(task_state, approver, "approve")
    page.refresh_from_db()
    assert page.title == "Kültür ve Sosyal İşler"
    assert page.live


def test_running_it_again_changes_nothing(bornova):
    before = (Group.objects.count(), bornova.team.workflow.workflow_tasks.count())
    editorial_team_ensure(name="Bornova · Kültür", sections=[bornova.culture], municipality=bornova)
    assert (Group.objects.count(), bornova.team.workflow.workflow_tasks.count()) == before


def test_staff_never_see_another_municipalitys_images(client, municipality_factory):
    root = Collection.get_first_root_node()
    bornova_images = root.add_child(name="Bornova")
    sisli_images = root.add_child(name="Şişli")
    group = Group.objects.create(name="bornova editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group, collection=bornova_images,
            permission=Permission.objects.get(codename=codename),
        )  # fmt: skip
    Image.objects.create(title="Bornova meydanı", file=get_test_image_file(),
                         collection=bornova_images)  # fmt: skip
    Image.objects.create(title="Şişli camii", file=get_test_image_file(), collection=sisli_images)
    client.force_login(person("clerk", group))
    html = client.get("/admin/images/", HTTP_HOST="127.0.0.1").content.decode()
    assert "Bornova meydanı" in html
    assert "Şişli camii" not in html
