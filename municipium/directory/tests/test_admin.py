"""Editors choose a directorate page's unit among their own municipality's; the page shows
the unit's sections and people, the draft's choice in the preview."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from municipium.organisation.tests.factories import PersonFactory, job_title, positions, unit

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


@pytest.fixture
def units(bornova, sisli, people):
    """A unit of each municipality, with a head; Bornova's has a section."""
    director = job_title(bornova, "mudur", tr="Müdür", en="Director")
    culture_unit = unit(bornova, "kultur", kind="directorate", names={"tr": "Kültür Birimi"})
    unit(bornova, "sergi", parent=culture_unit, names={"tr": "Sergi ve Arşiv"})
    positions(culture_unit, (people[0], director, True))
    other = unit(sisli, "ozel-kalem", kind="directorate", names={"tr": "Şişli Özel Kalem"})
    return culture_unit, other


def test_the_page_editor_offers_only_the_municipalitys_units(
    client, bornova_editor, units, culture
):
    html = admin(client, f"/admin/pages/{culture.pk}/edit/").content.decode()
    assert "Kültür Birimi" in html and "Şişli Özel Kalem" not in html


def _page_data(culture, **fields):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    return nested_form_data(
        {
            "title": culture.title, "slug": culture.slug, "duties": rich_text(""),
            "regulation_text": rich_text(""), "activity_areas": streamfield([]),
            "body": streamfield([]), "documents": inline_formset([]),
            "service_standards": inline_formset([
                {"service": "Salon tahsisi", "documents": "Dilekçe", "duration_value": "3",
                 "duration_unit": "working_days", "duration_text": ""},
            ]),
            "comments": inline_formset([]),
            **fields,
        }
    )  # fmt: skip


def test_an_editor_publishes_the_pages_unit_from_the_page_editor(
    client, bornova_editor, units, culture, bornova
):
    data = _page_data(culture, unit=units[0].pk, **{"action-publish": "publish"})
    response = admin(client, f"/admin/pages/{culture.pk}/edit/", data=data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    culture.refresh_from_db()
    assert culture.unit == units[0]
    assert culture.service_standards.get().duration_display
    html = client.get(culture.url, HTTP_HOST="bornova.localhost").content.decode()
    assert "Deniz Arslan" in html and "Sergi ve Arşiv" in html


def test_another_municipalitys_unit_is_refused(client, bornova_editor, units, culture):
    data = _page_data(culture, unit=units[1].pk, **{"action-publish": "publish"})
    response = admin(client, f"/admin/pages/{culture.pk}/edit/", data=data)
    assert response.status_code == 200
    culture.refresh_from_db()
    assert culture.unit is None


def test_the_preview_shows_the_drafts_unit_and_its_people(client, bornova_editor, units, culture):
    preview = f"/admin/pages/{culture.pk}/edit/preview/"
    assert admin(client, preview, data=_page_data(culture, unit=units[0].pk)).status_code == 200
    html = admin(client, preview).content.decode()
    assert "Sergi ve Arşiv" in html and "Deniz Arslan" in html
