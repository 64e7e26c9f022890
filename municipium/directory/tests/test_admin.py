"""Staff manage the people of their own municipality in the admin, and only see those."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from municipium.directory.models import Person

from .factories import PersonFactory

pytestmark = pytest.mark.django_db

PERSON_PERMISSIONS = ["add_person", "change_person", "delete_person", "view_person"]


@pytest.fixture
def people(bornova, sisli):
    return (
        PersonFactory(municipality=bornova, name="Deniz Arslan"),
        PersonFactory(municipality=sisli, name="Elif Karaca"),
    )


@pytest.fixture
def bornova_editor(client, bornova):
    """A directorate editor of Bornova: edits its pages and its people."""
    group = Group.objects.create(name="bornova editors")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *PERSON_PERMISSIONS])
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=bornova.homes["tr"],
            permission=Permission.objects.get(codename=codename),
        )
    bornova.staff_groups.add(group)
    user = get_user_model().objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    return user


def admin(client, path, **kwargs):
    method = client.post if "data" in kwargs else client.get
    return method(path, HTTP_HOST="bornova.localhost", **kwargs)


def test_the_people_listing_shows_only_the_editors_municipality(client, bornova_editor, people):
    html = admin(client, "/admin/people/").content.decode()
    assert "Deniz Arslan" in html and "Elif Karaca" not in html
    found = admin(client, "/admin/people/?q=elif").content.decode()
    assert "Elif Karaca" not in found


def test_another_municipalitys_person_cannot_be_opened(client, bornova_editor, people):
    stranger = people[1]
    for view in ("edit", "delete", "history", "usage"):
        response = admin(client, f"/admin/people/{view}/{stranger.pk}/")
        assert response.status_code == 404, view
    assert admin(client, f"/admin/people/edit/{people[0].pk}/").status_code == 200


def test_a_person_is_added_only_to_the_editors_municipality(client, bornova_editor, bornova, sisli):
    refused = admin(client, "/admin/people/new/", data={"municipality": sisli.pk, "name": "X"})
    assert refused.status_code == 200 and not Person.objects.exists()
    added = admin(client, "/admin/people/new/", data={"municipality": bornova.pk, "name": "Yeni"})
    assert added.status_code == 302
    assert Person.objects.get().municipality == bornova


def test_the_page_editor_offers_only_the_municipalitys_people(
    client, bornova_editor, people, culture
):
    html = admin(client, f"/admin/pages/{culture.pk}/edit/").content.decode()
    assert "Deniz Arslan" in html and "Elif Karaca" not in html


def test_changing_a_person_purges_the_cached_pages(bornova, people):
    before = type(bornova).objects.get(pk=bornova.pk).cache_generation
    people[0].name = "Deniz Arslan Yıldız"
    people[0].save()
    assert type(bornova).objects.get(pk=bornova.pk).cache_generation == before + 1


def test_an_editor_publishes_units_and_roles_from_the_page_editor(
    client, bornova_editor, people, culture, bornova
):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    assert (
        admin(client, f"/admin/pages/add/directory/directoratepage/{bornova.index.pk}/").status_code
        == 200
    )
    data = nested_form_data(
        {
            "title": culture.title, "slug": culture.slug, "duties": rich_text(""),
            "regulation_text": rich_text(""), "activity_areas": streamfield([]),
            "body": streamfield([]),
            "roles": inline_formset([
                {"person": people[0].pk, "title": "Müdür", "unit": "", "is_head": "on",
                 "appointed_on": "2021-03-01", "ended_on": ""},
            ]),
            "units": inline_formset([{"name": "Sergi ve Arşiv", "parent": ""}]),
            "documents": inline_formset([]),
            "service_standards": inline_formset([
                {"service": "Salon tahsisi", "documents": "Dilekçe", "duration_value": "3",
                 "duration_unit": "working_days", "duration_text": ""},
            ]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )  # fmt: skip
    response = admin(client, f"/admin/pages/{culture.pk}/edit/", data=data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    culture.refresh_from_db()
    assert list(culture.units.values_list("name", flat=True)) == ["Sergi ve Arşiv"]
    assert culture.roles.get().person == people[0]
    assert culture.service_standards.get().duration_display


def test_the_preview_shows_the_drafts_units_and_people(client, bornova_editor, people, culture):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = nested_form_data(
        {
            "title": culture.title, "slug": culture.slug, "duties": rich_text(""),
            "regulation_text": rich_text(""), "activity_areas": streamfield([]),
            "body": streamfield([]),
            "roles": inline_formset([
                {"person": people[0].pk, "title": "Taslak Müdür", "unit": "", "is_head": "on",
                 "appointed_on": "", "ended_on": ""},
            ]),
            "units": inline_formset([{"name": "Taslak Birim", "parent": ""}]),
            "documents": inline_formset([]), "service_standards": inline_formset([]),
            "comments": inline_formset([]),
        }
    )  # fmt: skip
    preview = f"/admin/pages/{culture.pk}/edit/preview/"
    assert admin(client, preview, data=data).status_code == 200
    html = admin(client, preview).content.decode()
    assert "Taslak Birim" in html and "Taslak Müdür" in html


def test_person_services_write_one_entry_each_or_nothing_when_invalid(bornova, bornova_editor):
    from django.core.exceptions import ValidationError
    from wagtail.models import ModelLogEntry

    from municipium.directory.services import person_delete, person_save

    person = person_save(person=Person(municipality=bornova, name="Ada"), by=bornova_editor)
    person.email = "not an address"
    with pytest.raises(ValidationError):
        person_save(person=person, by=bornova_editor)
    person.email = "ada@example.org"
    person_save(person=person, by=bornova_editor)
    person_delete(person=person, by=bornova_editor)
    entries = list(ModelLogEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        "directory.person.create",
        "directory.person.edit",
        "directory.person.delete",
    ]
    assert entries[1].data == {
        "municipality": bornova.pk,
        "unit": None,
        "changes": {"email": ["", "ada@example.org"]},
    }


def test_editing_a_person_in_the_admin_writes_one_entry(client, bornova_editor, people):
    from wagtail.models import ModelLogEntry

    ours = people[0]
    data = {"municipality": ours.municipality_id, "name": "Deniz Arslan Yıldız", "email": ""}
    assert admin(client, f"/admin/people/edit/{ours.pk}/", data=data).status_code == 302
    assert admin(client, f"/admin/people/delete/{ours.pk}/", data={}).status_code == 302
    entries = list(ModelLogEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == ["directory.person.edit", "directory.person.delete"]
    assert entries[0].data["changes"]["name"] == ["Deniz Arslan", "Deniz Arslan Yıldız"]
